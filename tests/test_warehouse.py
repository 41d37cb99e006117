import subprocess
import sys
import textwrap

import pytest

from claimtrack.errors import ClaimtrackError, WarehouseLockedError
from claimtrack.warehouse import connect, migrate, migrations, query, writer_lock


def test_migrations_apply_in_order_once(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    assert migrate(con) == [name for _, name, _ in migrations()]
    assert migrate(con) == []
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()]
    assert versions == sorted(v for v, _, _ in migrations())
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"v_claim_clusters", "v_corroborated_claims", "v_exclusive_claims", "v_source_agreement",
            "v_disagreements", "v_speaker_claims", "v_reporting_lag", "v_clusters"} <= views
    con.close()


def test_second_writer_is_refused_with_one_sentence(tmp_path):
    wh = tmp_path / "w.duckdb"
    with writer_lock(wh):
        with pytest.raises(WarehouseLockedError, match="Another claimtrack run .* is writing"):
            with writer_lock(wh):
                pass
    with writer_lock(wh):  # released again
        pass


def test_reader_gets_a_clear_message_while_another_process_writes(tmp_path):
    wh = tmp_path / "w.duckdb"
    con = connect(wh)
    migrate(con)
    con.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(wh)!r})
            print("ready", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseLockedError, match="in use by another process"):
            query(wh, "SELECT 1")
    finally:
        holder.communicate("\n", timeout=30)


def test_missing_warehouse_and_unwritable_folder(tmp_path):
    with pytest.raises(ClaimtrackError, match="No warehouse at"):
        query(tmp_path / "none.duckdb", "SELECT 1")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if not __import__("os").access(ro, __import__("os").W_OK):
            with pytest.raises(ClaimtrackError, match="not writable"):
                connect(ro / "w.duckdb")
    finally:
        ro.chmod(0o700)


def test_not_a_warehouse_file(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not duckdb" * 100)
    with pytest.raises(ClaimtrackError, match="not a claimtrack DuckDB warehouse|Cannot open"):
        query(bad, "SELECT 1")


def test_queries_cannot_modify_the_warehouse(tmp_path):
    wh = tmp_path / "w.duckdb"
    con = connect(wh)
    migrate(con)
    con.close()
    import duckdb

    with pytest.raises(duckdb.Error):
        query(wh, "DELETE FROM claims")


@pytest.mark.parametrize("start", [v for v, _, _ in migrations()][:-1])
def test_upgrade_from_every_earlier_schema_keeps_data(tmp_path, start):
    from datetime import datetime

    wh = tmp_path / "old.duckdb"
    con = connect(wh)
    migrate(con, upto=start)
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchall()[0][0] == start
    con.execute("INSERT INTO sources (source_id, name) VALUES ('s', 'S')")
    con.execute(
        "INSERT INTO articles (article_id, source_id, fetched_at, text, content_hash, run_id) VALUES ('a', 's', ?, 'Text.', 'h', 'r')",
        [datetime(2025, 1, 1)],
    )
    con.close()
    con = connect(wh)
    applied = migrate(con)
    assert [int(n.split("_")[0]) for n in applied] == [v for v, _, _ in migrations() if v > start]
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 1
    for view in ("v_claim_clusters", "v_corroborated_claims", "v_contradictions", "v_stories"):
        con.execute(f"SELECT * FROM {view}").fetchall()
    con.close()


@pytest.mark.slow
def test_export_writes_parquet_of_every_table(seeded_warehouse, tmp_path):
    import duckdb

    from claimtrack.warehouse import export_parquet

    counts = export_parquet(seeded_warehouse, tmp_path / "export")
    assert {"articles", "claims", "clusters", "cluster_members", "embeddings", "runs"} <= set(counts)
    con = duckdb.connect()
    for table, n in counts.items():
        assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(tmp_path / "export" / f"{table}.parquet")]).fetchall()[0][0] == n
    assert counts["claims"] > 0


DATA = __import__("pathlib").Path(__file__).parent / "data"


def _duckdb2_file(tmp_path):
    """A real file written by DuckDB 2.0.1 (storage version 69), kept gzipped in tests/data."""
    import gzip

    target = tmp_path / "claimtrack.duckdb"
    target.write_bytes(gzip.decompress((DATA / "duckdb2_storage69.duckdb.gz").read_bytes()))
    return target


@pytest.mark.parametrize("read_only", [False, True])
def test_duckdb2_warehouse_is_one_sentence_with_what_to_do(tmp_path, read_only):
    wh = _duckdb2_file(tmp_path)
    with pytest.raises(ClaimtrackError) as err:
        connect(wh, read_only=read_only)
    msg = str(err.value)
    assert "\n" not in msg and msg.count(". ") == 0 and msg.endswith(".")
    assert "newer DuckDB (2.x)" in msg
    assert "tools/warehouse_to_duckdb15.py" in msg and str(wh) in msg and "claimtrack run" in msg
    with pytest.raises(ClaimtrackError, match=r"newer DuckDB \(2\.x\)"):
        query(wh, "SELECT 1")


def test_duckdb_is_the_15_line_with_its_cli():
    import duckdb

    assert duckdb.__version__.startswith("1.5.")
    cli = __import__("pathlib").Path(sys.executable).parent / "duckdb"
    out = subprocess.run([str(cli), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("v1.5."), out  # same storage format as the package


@pytest.mark.slow
def test_duckdb_cli_opens_the_pipeline_warehouse_and_runs_an_example_query(seeded_warehouse, tmp_path):
    """What the README says works: `.venv/bin/duckdb -readonly warehouse/claimtrack.duckdb`."""
    import shutil

    from claimtrack.warehouse import SQL_DIR

    wh = tmp_path / "copy.duckdb"  # the fixture is shared; the CLI only reads, but be safe
    shutil.copyfile(seeded_warehouse, wh)
    cli = __import__("pathlib").Path(sys.executable).parent / "duckdb"
    example = (SQL_DIR / "queries" / "01_corroborated_claims.sql").read_text()
    out = subprocess.run([str(cli), "-readonly", "-csv", str(wh)], input=example,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("claim,n_outlets,first_reporter"), lines[:2]
    assert len(lines) > 1
    expected = query(wh, example.rstrip().rstrip(";"))
    assert len(lines) - 1 == expected.height
    # the comments (COMMENT ON) are where DuckDB tools look
    doc = subprocess.run([str(cli), "-readonly", "-csv", "-noheader", str(wh), "-c",
                          "SELECT comment FROM duckdb_views() WHERE view_name = 'v_summary'"],
                         capture_output=True, text=True, timeout=60)
    assert doc.returncode == 0 and "one definition of every count" in doc.stdout, doc
    # the CLI refuses writes on a -readonly open
    bad = subprocess.run([str(cli), "-readonly", str(wh), "-c", "CREATE TABLE x(a INT)"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 or "read-only" in (bad.stderr + bad.stdout).lower()
