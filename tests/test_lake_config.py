"""DuckLake settings and statement translation, without PostgreSQL or models (fast)."""

from __future__ import annotations

import duckdb
import pytest

from claimtrack import lake
from claimtrack.config import load_settings
from claimtrack.errors import ClaimtrackError, ConfigError


def test_warehouse_string_and_lake_data(chdir_tmp, monkeypatch):
    s = load_settings(None, warehouse="ducklake:postgres:dbname=claims host=/run/pg", lake_data="/mnt/lake")
    assert str(s.warehouse) == "ducklake:postgres:dbname=claims host=/run/pg"
    assert s.lake.data_path == "/mnt/lake"
    assert lake.is_postgres(s.warehouse) and lake.catalog_file(s.warehouse) is None
    assert lake.data_path(s.warehouse) == "/mnt/lake"
    assert lake.local_path(s.warehouse).name == "lake-claims.ducklake"
    f = load_settings(None, warehouse="ducklake:warehouse/lake.ducklake")
    assert lake.catalog_file(f.warehouse).as_posix() == "warehouse/lake.ducklake"
    assert not lake.is_lake(load_settings(None).warehouse), "the default stays one DuckDB file"
    (chdir_tmp / "claimtrack.toml").write_text('warehouse = "ducklake:w.ducklake"\n[lake]\ndata_path = "files"\nkeep = "2 days"\n')
    t = load_settings(None)
    assert t.lake.data_path == "files" and t.lake.keep == "2 days" and lake.is_lake(t.warehouse)
    monkeypatch.setenv("CLAIMTRACK_LAKE__DATA_PATH", "/elsewhere")
    assert load_settings(None).lake.data_path == "/elsewhere"
    (chdir_tmp / "claimtrack.toml").write_text('[lake]\nkeep = "soon"\n')
    monkeypatch.delenv("CLAIMTRACK_LAKE__DATA_PATH")
    with pytest.raises(ConfigError, match="lake.keep"):
        load_settings(None)


def test_password_hidden_when_shown():
    assert "secret" not in lake.describe("ducklake:postgres:dbname=c password=secret host=x")


def _plain_schema(con):
    con.execute("CREATE TABLE embeddings__rows (model VARCHAR, text_hash VARCHAR, embedding FLOAT[], run_id VARCHAR)")
    con.execute("CREATE TABLE http_cache (url VARCHAR, etag VARCHAR, last_modified VARCHAR, status INTEGER, "
                "fetched_at TIMESTAMP, final_url VARCHAR, content_hash VARCHAR, content_type VARCHAR)")


def test_on_conflict_becomes_an_idempotent_merge():
    """The translation, run on plain DuckDB tables without keys (as DuckLake's are)."""
    from claimtrack.warehouse import sql_file

    con = duckdb.connect()
    _plain_schema(con)
    sql = lake.translate(con, "INSERT INTO embeddings SELECT * FROM (VALUES ('m', 'h', [1.0, 2.0], 'r'), "
                              "('m', 'h', [1.0, 2.0], 'r')) ON CONFLICT DO NOTHING")
    assert sql.startswith("MERGE INTO embeddings__rows")
    con.execute(sql)
    con.execute(sql)
    assert con.execute("SELECT count(*) FROM embeddings__rows").fetchone()[0] == 1
    up = sql_file("pipeline/upsert_http_cache.sql")
    row = {"url": "u", "etag": "a", "last_modified": None, "status": 200, "fetched_at": "2025-01-01",
           "final_url": None, "content_hash": None, "content_type": None}
    con.execute(lake.translate(con, up), row)
    con.execute(lake.translate(con, up), row | {"etag": "b"})
    assert con.execute("SELECT url, etag FROM http_cache").fetchall() == [("u", "b")]


def test_ddl_without_keys_and_arrays_behind_a_view():
    ddl = lake._translate_ddl("CREATE TABLE IF NOT EXISTS embeddings (\n model VARCHAR NOT NULL,\n text_hash VARCHAR NOT NULL,\n"
                              " embedding FLOAT[384] NOT NULL,\n run_id VARCHAR NOT NULL,\n PRIMARY KEY (model, text_hash)\n);")
    assert "PRIMARY KEY" not in ddl and "embeddings__rows" in ddl and "FLOAT[]" in ddl
    assert "CREATE OR REPLACE VIEW embeddings AS SELECT * REPLACE (embedding::FLOAT[384] AS embedding)" in ddl
    ddl2 = lake._translate_ddl("CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, status VARCHAR)")
    assert ddl2 == "CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR, status VARCHAR)"


def test_as_of_needs_a_lake(tmp_path):
    with pytest.raises(ClaimtrackError, match="needs a DuckLake"):
        lake.as_of_query(tmp_path / "w.duckdb", "SELECT 1", "r_x")
