"""ONNX backends: export (reproducible, checksummed, rebuilt when corrupt or partial),
agreement with the torch reference, length-aware batching, and the per-backend cache."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from claimtrack import Embedder, embed_onnx
from claimtrack.embed import model_path

pytestmark = pytest.mark.slow

TEXTS = [
    "The talks lasted three hours.",
    "Rain is expected on Sunday.",
    "",
    "The Port Calder City Council voted 7-4 on Wednesday to approve a $480 million bond to "
    "repair the city's aging bridges, weeks after a pedestrian bridge collapsed during a festival.",
    "At least twelve people were hurt.",
]


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory):
    """One export of each ONNX backend per session, in a temporary cache directory."""
    cache = tmp_path_factory.mktemp("onnx-cache")
    for backend in embed_onnx.ONNX_BACKENDS:
        embed_onnx.ensure_export(backend, cache)
    return cache


def _dir(cache, backend):
    return embed_onnx.export_dir(cache, embed_onnx.Path(model_path()), backend)


def test_export_has_a_verifiable_manifest(onnx_cache):
    src = embed_onnx.Path(model_path())
    for backend in embed_onnx.ONNX_BACKENDS:
        d = _dir(onnx_cache, backend)
        manifest = embed_onnx.verify(d, src)
        assert manifest is not None and manifest["backend"] == backend
        assert manifest["source_sha256"] == embed_onnx.source_checksum(src)
        assert manifest["files"]["model.onnx"] == embed_onnx.sha256_file(d / "model.onnx")
        assert manifest["opset"] == 17
    fp32 = json.loads((_dir(onnx_cache, "onnx") / "manifest.json").read_text())
    int8 = json.loads((_dir(onnx_cache, "onnx-int8") / "manifest.json").read_text())
    assert int8["derived_from_sha256"] == fp32["files"]["model.onnx"]
    # int8 weights: about a quarter of the fp32 file
    assert (_dir(onnx_cache, "onnx-int8") / "model.onnx").stat().st_size < 0.4 * (
        _dir(onnx_cache, "onnx") / "model.onnx").stat().st_size


def test_existing_export_is_reused_not_rebuilt(onnx_cache):
    d = _dir(onnx_cache, "onnx-int8")
    before = (d / "manifest.json").stat().st_mtime_ns
    assert embed_onnx.ensure_export("onnx-int8", onnx_cache) == d / "model.onnx"
    assert (d / "manifest.json").stat().st_mtime_ns == before


@pytest.mark.parametrize("backend,damage", [("onnx-int8", "truncate"), ("onnx-int8", "flip"), ("onnx", "no-manifest")])
def test_corrupt_or_partial_export_is_detected_and_rebuilt(onnx_cache, tmp_path, backend, damage):
    """A damaged export is rebuilt, byte-identical to the first one: the export (and the
    quantisation) is reproducible, so its checksum means something."""
    cache = tmp_path / "cache"
    shutil.copytree(onnx_cache, cache)
    d = _dir(cache, backend)
    model = d / "model.onnx"
    good = embed_onnx.sha256_file(model)
    if damage == "truncate":  # an interrupted write or copy
        model.write_bytes(model.read_bytes()[: model.stat().st_size // 2])
    elif damage == "flip":  # a corrupt file of the right size
        data = bytearray(model.read_bytes())
        data[len(data) // 2] ^= 0xFF
        model.write_bytes(bytes(data))
    else:  # an export interrupted before its manifest was written
        (d / "manifest.json").unlink()
    assert embed_onnx.verify(d) is None
    path = embed_onnx.ensure_export(backend, cache)
    assert embed_onnx.verify(d) is not None and embed_onnx.sha256_file(path) == good
    assert json.loads((d / "manifest.json").read_text())["files"] == json.loads(
        (_dir(onnx_cache, backend) / "manifest.json").read_text())["files"]
    if damage == "flip":
        vec = Embedder(backend="onnx-int8", cache_dir=cache, threads=1).encode(["It runs again."])
        assert vec.shape == (1, 384)


def test_missing_model_bad_manifest_or_other_source_do_not_verify(onnx_cache, tmp_path):
    d = tmp_path / "x"
    shutil.copytree(_dir(onnx_cache, "onnx-int8"), d)
    src = embed_onnx.Path(model_path())
    assert embed_onnx.verify(d, src) is not None
    manifest = json.loads((d / "manifest.json").read_text())
    (d / "manifest.json").write_text(json.dumps({**manifest, "source_sha256": "0" * 64}))
    assert embed_onnx.verify(d, src) is None  # exported from another model
    (d / "manifest.json").write_text("{not json")
    assert embed_onnx.verify(d) is None
    (d / "manifest.json").write_text(json.dumps(manifest))
    (d / "model.onnx").unlink()
    assert embed_onnx.verify(d) is None


def test_onnx_matches_torch_and_int8_is_close(onnx_cache, embedder):
    ref = Embedder(backend="torch").encode(TEXTS)
    fp32 = Embedder(backend="onnx", cache_dir=onnx_cache).encode(TEXTS)
    int8 = Embedder(backend="onnx-int8", cache_dir=onnx_cache).encode(TEXTS)
    for v in (fp32, int8):
        assert v.shape == (len(TEXTS), 384) and v.dtype == np.float32
        assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.einsum("ij,ij->i", fp32, ref).min() > 0.9999
    assert np.einsum("ij,ij->i", int8, ref).min() > 0.95


def test_batching_and_duplicates_do_not_change_vectors(onnx_cache):
    one_by_one = np.vstack([Embedder(backend="onnx", cache_dir=onnx_cache).encode([t]) for t in TEXTS])
    small = Embedder(backend="onnx", cache_dir=onnx_cache, token_budget=16, batch_size=2)
    seen = []
    texts = TEXTS + TEXTS[::-1]
    vecs = small.encode(texts, progress=seen.append)
    assert sum(seen) == len(texts)
    assert np.allclose(vecs[: len(TEXTS)], one_by_one, atol=1e-5)
    assert np.array_equal(vecs[len(TEXTS):], vecs[: len(TEXTS)][::-1])


def test_length_batches_respect_the_token_budget():
    lengths = np.array([5, 40, 7, 7, 120, 3, 60, 9])
    batches = embed_onnx.length_batches(lengths, token_budget=128, max_batch=4)
    flat = np.concatenate(batches)
    assert sorted(flat.tolist()) == list(range(len(lengths)))
    assert [int(lengths[b].max()) for b in batches] == sorted((int(lengths[b].max()) for b in batches), reverse=True)
    for b in batches:
        assert len(b) <= 4 and (len(b) == 1 or len(b) * lengths[b].max() <= 128)


def test_model_id_names_the_backend_and_config_chooses_it(chdir_tmp, monkeypatch, tmp_path):
    assert {Embedder(backend=b).model_id for b in ("torch", "onnx", "onnx-int8")} == {
        "all-MiniLM-L6-v2/torch", "all-MiniLM-L6-v2/onnx", "all-MiniLM-L6-v2/onnx-int8"}
    (chdir_tmp / "claimtrack.toml").write_text('[embedding]\nbackend = "onnx-int8"\nthreads = 1\n')
    e = Embedder()
    assert e.backend == "onnx-int8" and e.threads == 1 and e.cache_dir is None
    monkeypatch.setenv("CLAIMTRACK_EMBEDDING__BACKEND", "torch")
    monkeypatch.setenv("CLAIMTRACK_EMBEDDING__CACHE_DIR", str(tmp_path / "c"))
    e = Embedder()
    assert e.backend == "torch" and e.cache_dir == tmp_path / "c"
    with pytest.raises(ValueError, match="backend"):
        Embedder(backend="openvino")


def test_default_backend_is_onnx_on_the_cpu(chdir_tmp):
    from claimtrack.config import load_settings
    from claimtrack.embed import _resolve_device

    assert load_settings().embedding.backend == "onnx"
    assert _resolve_device("onnx", "auto") == "cpu"  # no GPU in CI


def test_a_backend_change_re_embeds_and_never_mixes_vectors(onnx_cache, embedder, tmp_path):
    from claimtrack import pipeline
    from claimtrack.config import Settings, SourceConfig
    from claimtrack.warehouse import connect

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("---\nsource: Test Wire\n---\nThe council approved a $480 million bond on "
                               "Wednesday. The mayor said the bridges would reopen in May.\n")
    settings = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="folder", location=str(src))])
    pipeline.preflight(settings)
    run_id = pipeline.start_run(settings)
    pipeline.ingest(settings, run_id)
    pipeline.extract(settings, run_id)
    torch_e = Embedder(backend="torch")
    onnx_e = Embedder(backend="onnx-int8", cache_dir=onnx_cache)
    first = pipeline.embed(settings, run_id, embedder=torch_e)
    assert first["embeddings_new"] > 0 and first["model"] == "all-MiniLM-L6-v2/torch"
    assert pipeline.embed(settings, run_id, embedder=torch_e)["embeddings_new"] == 0  # cached
    second = pipeline.embed(settings, run_id, embedder=onnx_e)
    assert second["embeddings_new"] == first["embeddings_new"] and second["model"] == "all-MiniLM-L6-v2/onnx-int8"
    assert pipeline.embed(settings, run_id, embedder=onnx_e)["embeddings_new"] == 0
    con = connect(settings.warehouse, read_only=True)
    rows = con.execute("SELECT model, count(*) FROM embeddings GROUP BY model ORDER BY model").fetchall()
    con.close()
    assert rows == [("all-MiniLM-L6-v2/onnx-int8", first["embeddings_new"]),
                    ("all-MiniLM-L6-v2/torch", first["embeddings_new"])]
