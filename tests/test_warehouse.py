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
