"""DuckLake warehouses (claimtrack/lake.py): the same input through a DuckDB file, a DuckLake
with a local catalog file and a DuckLake on a real PostgreSQL gives the same tables and
view outputs; readers, time travel, compaction, idempotent batch writes, crash safety and
two concurrent runs on one PostgreSQL-backed lake.

PostgreSQL is started for the session on a temporary folder with a Unix socket (as the
``postgres`` user when the tests run as root). When it is not installed or cannot start,
the PostgreSQL tests skip with the reason."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import SEED_GROUPS, SEEDS, run_stages

pytestmark = pytest.mark.slow
RUNNER = Path(__file__).resolve().parent / "core_runner.py"
ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------ PostgreSQL for the session

def _pg_bindir() -> str | None:
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(os.path.join(cand, "initdb"), os.X_OK):
            return cand
    found = shutil.which("initdb")
    return os.path.dirname(found) if found else None


class Postgres:
    def __init__(self, bindir: str, host: str, prefix: list[str]):
        self.bindir, self.host, self.prefix = bindir, host, prefix
        self._n = 0

    def new_database(self, stem: str = "lake") -> str:
        """A fresh database; returns its libpq conninfo."""
        self._n += 1
        name = f"{stem}_{self._n}_{os.getpid()}"
        subprocess.run(self.prefix + [f"{self.bindir}/createdb", "-h", self.host, "-U", "postgres", name],
                       check=True, capture_output=True, timeout=60)
        return f"dbname={name} host={self.host} user=postgres"


@pytest.fixture(scope="session")
def postgres():
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (no initdb); apt-get install postgresql to run the DuckLake-on-PostgreSQL tests")
    root = Path(tempfile.mkdtemp(prefix="claimtrack-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            shutil.chown(root, "postgres")
        except (LookupError, OSError) as exc:
            pytest.skip(f"PostgreSQL cannot start: running as root and no 'postgres' user ({exc})")
        os.chmod(root, 0o755)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, log = root / "data", root / "server.log"
    try:
        subprocess.run(prefix + [f"{bindir}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
                                 f"-k {root} -c listen_addresses='' -c fsync=off -c max_connections=200", "start"],
                       check=True, capture_output=True, timeout=90)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not start: {detail.decode(errors='replace')[-300:]} {tail}")
    try:
        yield Postgres(bindir, str(root), prefix)
    finally:
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


# ------------------------------------------------------------------ helpers

COMPARE = {
    "articles": "SELECT article_id, source_id, url, title, published_at, language, content_hash, author, text FROM articles",
    "sources": "SELECT source_id, name, kind FROM sources",
    "extractions": "SELECT article_id, extractor_version, n_sentences, n_claims, dropped FROM article_extractions",
    "claims": "SELECT * EXCLUDE (run_id) FROM claims",
    "embeddings": "SELECT model, text_hash, embedding FROM embeddings",
    "clusters": "SELECT cluster_id, representative_claim_id, model, threshold FROM clusters",
    "members": "SELECT claim_id, cluster_id, similarity FROM cluster_members",
    "variants": "SELECT * EXCLUDE (run_id) FROM claim_variants",
    "stories": "SELECT article_id, story_id, similarity FROM article_stories",
    "source_groups": "SELECT * FROM source_groups",
}


def _views() -> list[str]:
    import re

    names = []
    for path in sorted((ROOT / "sql" / "views").glob("*.sql")):
        names += re.findall(r"(?i)CREATE\s+OR\s+REPLACE\s+VIEW\s+(\w+)", path.read_text())
    return names


def contents(warehouse) -> dict:
    """Every compared table and every view, sorted, through the readers' path."""
    from claimtrack.warehouse import query_published

    out = {}
    for name, sql in COMPARE.items():
        out[name] = sorted(map(repr, query_published(warehouse, sql).rows()))
    for view in _views():
        df = query_published(warehouse, f"SELECT * FROM {view}")
        drop = [c for c in df.columns if c in ("fetched_at", "run_id", "created_at", "set_at")]
        out[view] = sorted(map(repr, df.drop(drop).rows()))
    return out


_FLOAT = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")


def same_up_to_float_noise(a: list[str], b: list[str], tol: float = 1e-5) -> bool:
    """Rows (as ``contents`` gives them) equal but for floats within ``tol``: the same text
    encoded in a batch of other texts (a Dask worker's batch vs the single process's) can
    differ in the last bits of its vector, and so can cosines computed from it."""
    if a == b:
        return True
    if len(a) != len(b):
        return False

    def split(row: str):
        return _FLOAT.sub("#", row), [float(x) for x in _FLOAT.findall(row)]

    for (ta, na), (tb, nb) in zip(sorted(map(split, a)), sorted(map(split, b))):
        if ta != tb or len(na) != len(nb) or any(abs(x - y) > tol for x, y in zip(na, nb)):
            return False
    return True


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], f"{key} differs"
    assert len(a["claims"]) > 50 and len(a["members"]) > 50


def settings_for(warehouse, data=None, sources=None):
    from claimtrack.config import load_settings

    s = load_settings(None, warehouse=str(warehouse), sources=sources or [f"folder:{SEEDS}"],
                      lake_data=str(data) if data else None)
    return s.model_copy(update={"groups": SEED_GROUPS})


def _env(tmp: Path, data: Path | None = None, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRACK_")}
    if data:
        env["CLAIMTRACK_LAKE__DATA_PATH"] = str(data)
    env.update(extra)
    return env


def _write_config(tmp: Path) -> None:
    """The seeds' outlet groups, as the repository's claimtrack.toml has them."""
    lines = ["[groups]"] + [f'"{g}" = [' + ", ".join(f'"{o}"' for o in outlets) + "]" for g, outlets in SEED_GROUPS.items()]
    (tmp / "claimtrack.toml").write_text("\n".join(lines) + "\n")


def core_run(tmp: Path, spec: str, warehouse: str, data: Path | None = None, **env) -> subprocess.CompletedProcess:
    _write_config(tmp)
    return subprocess.run([sys.executable, str(RUNNER), spec, warehouse], cwd=tmp, env=_env(tmp, data, **env),
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def file_reference(tmp_path_factory, embedder):
    """The seeds through the single DuckDB file: what every lake must equal."""
    path = tmp_path_factory.mktemp("lake-ref") / "claimtrack.duckdb"
    run_stages(settings_for(path), embedder)
    return contents(path)


# ------------------------------------------------------------------ equality

def test_file_catalog_lake_equals_duckdb_file(tmp_path, embedder, file_reference):
    from claimtrack import lake

    wh = f"ducklake:{tmp_path / 'lake.ducklake'}"
    run_stages(settings_for(wh, tmp_path / "files"), embedder)
    assert_same(contents(wh), file_reference)
    assert list((tmp_path / "files").rglob("*.parquet")), "the data lives in Parquet files under --lake-data"
    assert lake.catalog_file(wh) == tmp_path / "lake.ducklake"


def test_postgres_lake_equals_duckdb_file(tmp_path, embedder, file_reference, postgres):
    wh = f"ducklake:postgres:{postgres.new_database()}"
    counts = run_stages(settings_for(wh, tmp_path / "files"), embedder)
    assert counts["claims_new"] > 50
    assert_same(contents(wh), file_reference)
    # a second run over the same input adds nothing (content-hash ids, MERGE instead of ON CONFLICT)
    again = run_stages(settings_for(wh), embedder)
    assert again["articles_new"] == again["claims_new"] == again["embeddings_new"] == again["members_new"] == 0
    assert_same(contents(wh), file_reference)


# ------------------------------------------------------------------ readers, CLI, time travel

def _split_seeds(tmp: Path) -> tuple[Path, Path]:
    files = sorted(p for p in SEEDS.iterdir() if p.is_file())
    a, b = tmp / "seeds_a", tmp / "seeds_b"
    a.mkdir()
    b.mkdir()
    for i, f in enumerate(files):
        shutil.copy(f, (a if i % 2 == 0 else b) / f.name)
    return a, b


def test_cli_on_a_lake_and_as_of(tmp_path, embedder, monkeypatch):
    """query, status, export, report, recluster, query --as-of and lake runs/compact on a
    file-catalog lake, and the readers' sandbox."""
    from typer.testing import CliRunner

    from claimtrack.cli import app

    monkeypatch.chdir(tmp_path)
    half, _ = _split_seeds(tmp_path)
    wh = f"ducklake:{tmp_path / 'lake.ducklake'}"
    from claimtrack import pipeline
    from claimtrack.warehouse import publish_snapshot, query_published

    first = run_stages(settings_for(wh, tmp_path / "files", [f"folder:{half}"]), embedder)
    publish_snapshot(wh)
    run1 = query_published(wh, "SELECT run_id FROM runs").item()
    n1 = query_published(wh, "SELECT count(*) FROM articles").item()
    assert n1 == first["articles_new"] > 0
    run_stages(settings_for(wh, sources=[f"folder:{SEEDS}"]), embedder)
    publish_snapshot(wh)
    n2 = query_published(wh, "SELECT count(*) FROM articles").item()
    assert n2 > n1

    cli = CliRunner()
    res = cli.invoke(app, ["query", "SELECT count(*) AS n FROM articles", "-w", wh, "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.strip().splitlines()[-1] == str(n2)
    res = cli.invoke(app, ["query", "SELECT count(*) AS n FROM articles", "-w", wh, "--format", "csv", "--as-of", run1])
    assert res.exit_code == 0, res.output
    assert res.output.strip().splitlines()[-1] == str(n1)
    res = cli.invoke(app, ["query", "SELECT 1", "-w", wh, "--as-of", "r_nosuchrun"])
    assert res.exit_code != 0 and "no completed snapshot" in res.output
    res = cli.invoke(app, ["query", "SELECT * FROM read_csv('/etc/passwd')", "-w", wh])
    assert res.exit_code != 0 and "cannot" in res.output.lower()
    res = cli.invoke(app, ["query", "DELETE FROM claims", "-w", wh])
    assert res.exit_code != 0
    assert query_published(wh, "SELECT count(*) FROM claims").item() > 0
    res = cli.invoke(app, ["status", "-w", wh])
    assert res.exit_code == 0 and "completed" in res.output, res.output
    res = cli.invoke(app, ["export", "-w", wh, "--out", str(tmp_path / "export")])
    assert res.exit_code == 0, res.output
    exported = {p.stem for p in (tmp_path / "export").glob("*.parquet")}
    assert {"claims", "embeddings", "articles", "cluster_members"} <= exported
    assert not any(name.endswith("__rows") or name.startswith("ducklake") for name in exported)
    import pyarrow.parquet as pq

    emb = pq.read_table(tmp_path / "export" / "embeddings.parquet")
    assert str(emb.schema.field("embedding").type).startswith("fixed_size_list<element: float>[384]")
    res = cli.invoke(app, ["report", "-w", wh, "--out", str(tmp_path / "r.html")])
    assert res.exit_code == 0 and (tmp_path / "r.html").stat().st_size > 10_000, res.output
    res = cli.invoke(app, ["lake", "runs", "-w", wh])
    assert res.exit_code == 0 and run1 in res.output, res.output
    before = query_published(wh, "SELECT count(*) FROM cluster_members").item()
    res = cli.invoke(app, ["recluster", "-w", wh])
    assert res.exit_code == 0, res.output
    publish_snapshot(wh)
    assert query_published(wh, "SELECT count(*) FROM cluster_members").item() == before
    res = cli.invoke(app, ["lake", "compact", "-w", str(tmp_path / "x.duckdb")])
    assert res.exit_code != 0 and "not a DuckLake" in res.output
    del pipeline


# ------------------------------------------------------------------ compaction

def test_compact_merges_expires_and_leaves_no_orphans(tmp_path, embedder, postgres):
    from claimtrack import lake
    from claimtrack.warehouse import query_published

    wh = f"ducklake:postgres:{postgres.new_database()}"
    half, _ = _split_seeds(tmp_path)
    run_stages(settings_for(wh, tmp_path / "files", [f"folder:{half}"]), embedder)
    run1 = query_published(wh, "SELECT run_id FROM runs").item()
    run_stages(settings_for(wh, tmp_path / "files"), embedder)
    before = contents(wh)
    orphan = tmp_path / "files" / "main" / "claims" / "ducklake-orphan-left-by-a-killed-writer.parquet"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"x": [1]}), orphan)
    files_on_disk = len(list((tmp_path / "files").rglob("*.parquet")))
    time.sleep(1.2)
    out = lake.compact(wh, keep="1 second")
    assert out["snapshots_expired"] > 0
    assert out["data_files_after"] <= out["data_files_before"] + 20  # inlined rows may become files
    assert not orphan.exists()
    con = lake.connect(wh, read_only=True)
    try:
        live = out["data_files_after"]
        deletes = con.raw.execute(
            "SELECT count(*) FROM __ducklake_metadata_lake.ducklake_delete_file WHERE end_snapshot IS NULL").fetchone()[0]
    finally:
        con.close()
    on_disk = len(list((tmp_path / "files").rglob("*.parquet")))
    assert on_disk == live + deletes, "every Parquet file left is one the catalog uses"
    assert files_on_disk > on_disk - 20  # merged and expired files went; flushed inlined rows may add a few
    assert contents(wh) == before, "compaction changes no row"
    with pytest.raises(Exception, match="no completed snapshot"):
        lake.as_of_query(wh, "SELECT 1", run1)  # expired by the 1-second keep window


# ------------------------------------------------------------------ crash safety and concurrency

@pytest.mark.parametrize("catalog, point", [("postgres", "commit:3"), ("postgres", "commit:9"),
                                           ("file", "commit:6"), ("file", "snapshot")])
def test_killed_writer_rerun_reaches_the_same_tables(tmp_path, file_reference, request, catalog, point):
    """kill -9 of the writing process at a commit (rows written, not committed) or while
    publishing a file catalog's reader copy; the re-run reaches the reference tables, and
    compact leaves no orphan files."""
    from claimtrack import lake

    if catalog == "postgres":
        wh = f"ducklake:postgres:{request.getfixturevalue('postgres').new_database()}"
    else:
        wh = f"ducklake:{tmp_path / 'lake.ducklake'}"
    data = tmp_path / "files"
    killed = core_run(tmp_path, f"folder:{SEEDS}", wh, data, CLAIMTRACK_FAULT=point)
    assert killed.returncode == -9, killed.stderr[-2000:]
    done = core_run(tmp_path, f"folder:{SEEDS}", wh, data)
    assert done.returncode == 0, done.stderr[-2000:]
    assert_same(contents(wh), file_reference)
    lake.compact(wh, keep="1 second")
    con = lake.connect(wh, read_only=True)
    try:
        live = con.raw.execute("SELECT count(*) FROM __ducklake_metadata_lake.ducklake_data_file WHERE end_snapshot IS NULL").fetchone()[0]
        deletes = con.raw.execute("SELECT count(*) FROM __ducklake_metadata_lake.ducklake_delete_file WHERE end_snapshot IS NULL").fetchone()[0]
    finally:
        con.close()
    assert len(list(data.rglob("*.parquet"))) == live + deletes


def test_two_concurrent_runs_on_one_postgres_lake(tmp_path, postgres):
    """Two runs over different sources writing to one lake at the same time both complete;
    the result equals the two run one after the other (into a DuckDB file)."""
    a, b = _split_seeds(tmp_path)
    wh = f"ducklake:postgres:{postgres.new_database()}"
    data = tmp_path / "files"
    _write_config(tmp_path)
    procs = [subprocess.Popen([sys.executable, str(RUNNER), f"folder:{src}", wh], cwd=tmp_path,
                              env=_env(tmp_path, data), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for src in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs):
        assert p.returncode == 0, err[-2000:]
    seq = tmp_path / "sequential.duckdb"
    for src in (a, b):
        r = core_run(tmp_path, f"folder:{src}", str(seq))
        assert r.returncode == 0, r.stderr[-2000:]
    from claimtrack.warehouse import query_published

    runs = query_published(wh, "SELECT status FROM runs").to_series().to_list()
    assert runs == ["completed", "completed"]
    got, ref = contents(wh), contents(seq)
    for key in ("articles", "sources", "extractions", "claims"):
        assert got[key] == ref[key], key
    # the same vectors for the same texts; a text embedded in another padded batch (run A may
    # embed some of run B's texts) differs in the last float bits, as with Dask (test_dask.py)
    import numpy as np

    def vectors(w):
        df = query_published(w, "SELECT model, text_hash, embedding FROM embeddings ORDER BY 1, 2")
        return df.select("model", "text_hash").rows(), np.asarray(df["embedding"].to_list(), dtype=np.float32)

    (keys_a, va), (keys_b, vb) = vectors(wh), vectors(seq)
    assert keys_a == keys_b
    assert float(np.abs(va - vb).max()) < 1e-4
    # every claim clustered exactly once (clustering holds the lake's lease: one at a time)
    dup = query_published(wh, "SELECT count(*) - count(DISTINCT claim_id) FROM cluster_members").item()
    assert dup == 0
    assert len(got["members"]) == len(ref["members"])
    assert got["members"] == ref["members"] or _same_partition(wh, seq)


def _same_partition(a, b) -> bool:
    """Clusters as sets of claims (ids may differ by which run founded a cluster)."""
    from claimtrack.warehouse import query_published

    def parts(w):
        df = query_published(w, "SELECT cluster_id, list_sort(list(claim_id)) AS m FROM cluster_members GROUP BY 1")
        return sorted(map(tuple, df["m"].to_list()))

    return parts(a) == parts(b)
