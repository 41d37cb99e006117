"""`claimtrack query` shows results as the DuckDB CLI does, and writes every type in every format."""

import csv
import io
import json

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.results import truncate

runner = CliRunner()

ALL_TYPES = """SELECT 1::INTEGER AS i, 12345678901234567890::HUGEINT AS h, 1.5::DECIMAL(4,1) AS d, 0.25::DOUBLE AS f,
       'The senator said the bridge would reopen on Tuesday after repairs' AS long_text,
       NULL::VARCHAR AS nothing, ['a', 'b']::VARCHAR[] AS list, [[1, 2], [3]] AS nested,
       MAP(['k1', 'k2'], [1, 2]) AS m, {'x': 1, 'y': 'z'} AS s, DATE '2025-02-18' AS day,
       TIMESTAMP '2025-02-18 12:40:00' AS ts, INTERVAL 3 HOUR AS iv, '00000000-0000-0000-0000-000000000001'::UUID AS u,
       true AS b, 'a|b'::VARCHAR AS pipe"""


@pytest.fixture()
def wh(tmp_path):
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    return path


def test_truncate_never_cuts_inside_a_word():
    text = "The senator said the bridge would reopen on Tuesday"
    for width in range(8, len(text) + 2):
        out = truncate(text, width)
        assert len(out) <= width
        if out != text:
            assert out.endswith("…")
            kept = out[:-1].split()
            words = text.split()
            assert kept == words[: len(kept)], (width, out)  # whole words only
    assert truncate("Supercalifragilistic", 8) == "Superca…"  # one word wider than the column


def test_box_is_duckdbs_with_lists_maps_and_word_boundaries(wh):
    res = runner.invoke(app, ["query", "-w", str(wh), ALL_TYPES, "--max-width", "300"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert out.startswith("┌") and "┬" in out and "└" in out and "1 row" in out
    for shown in ("[a, b]", "[[1, 2], [3]]", "{k1=1, k2=2}", "{'x': 1, 'y': z}", "NULL", "03:00:00",
                  "12345678901234567890", "varchar[]", "map(varchar, integer)", "int32"):
        assert shown in out, shown
    narrow = runner.invoke(app, ["query", "-w", str(wh), "SELECT 'The senator said the bridge would reopen on Tuesday' AS t, 7 AS n",
                                 "--max-width", "40"]).output
    assert all(len(line) <= 40 for line in narrow.splitlines()), narrow
    body = [ln for ln in narrow.splitlines() if ln.startswith("│") and "…" in ln]
    assert len(body) == 1 and body[0].rstrip().endswith("7 │"), narrow
    shown = body[0].split("│")[1].strip()
    assert shown.startswith("The senator said") and shown.endswith("…")
    assert "The senator said the bridge would reopen on Tuesday".startswith(shown[:-1].rstrip())
    assert shown[:-1].rstrip().split()[-1] in {"The", "senator", "said", "the", "bridge", "would", "reopen", "on"}


def test_wide_results_leave_out_middle_columns_and_say_so(wh):
    sql = "SELECT " + ", ".join(f"'value number {i}' AS column_{i}" for i in range(12))
    out = runner.invoke(app, ["query", "-w", str(wh), sql, "--max-width", "80"]).output
    assert all(len(line) <= 80 for line in out.splitlines()), out
    assert " … " in out and "12 columns (" in out


def test_long_results_show_first_and_last_rows(wh):
    out = runner.invoke(app, ["query", "-w", str(wh), "SELECT range AS n FROM range(100)", "--max-rows", "10"]).output
    lines = [ln.strip("│ ") for ln in out.splitlines()]
    assert "100 rows (10 shown)" in out and "·" in lines
    assert [x for x in lines if x.isdigit()] == ["0", "1", "2", "3", "4", "95", "96", "97", "98", "99"]


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "parquet"])
def test_every_format_takes_every_type(wh, tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    res = runner.invoke(app, ["query", "-w", str(wh), ALL_TYPES, "--format", fmt, "--out", str(out)])
    assert res.exit_code == 0, res.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
        assert rows[0]["list"] == "[a, b]" and rows[0]["m"] == "{k1=1, k2=2}" and rows[0]["nothing"] == ""
    elif fmt == "json":
        row = json.loads(out.read_text())[0]
        assert row["list"] == ["a", "b"] and row["m"] == {"k1": 1, "k2": 2} and row["s"] == {"x": 1, "y": "z"}
        assert row["d"] == 1.5 and row["h"] == 12345678901234567890 and row["nothing"] is None
    elif fmt == "markdown":
        text = out.read_text()
        assert "| i | h |" in text and "a\\|b" in text and "{k1=1, k2=2}" in text
    else:
        t = pq.read_table(str(out))
        assert t.num_rows == 1 and t.column("list").to_pylist() == [["a", "b"]]


def test_parquet_needs_out_and_formats_are_checked(wh):
    res = runner.invoke(app, ["query", "-w", str(wh), "SELECT 1", "--format", "parquet"])
    assert res.exit_code == 2 and "--out" in res.output
    res = runner.invoke(app, ["query", "-w", str(wh), "SELECT 1", "--format", "xml"])
    assert res.exit_code == 2 and "parquet" in res.output


def test_duckdb_hints_are_kept(wh):
    con = duckdb.connect(str(wh))
    con.execute("CREATE TABLE v_clusters AS SELECT 1 AS cluster_id, 'x' AS outlet")
    con.close()
    res = runner.invoke(app, ["query", "-w", str(wh), "SELECT * FROM v_clsters"])
    assert res.exit_code == 2 and 'Did you mean "v_clusters"' in res.output, res.output
    res = runner.invoke(app, ["query", "-w", str(wh), "SELECT outlt FROM v_clusters"])
    assert res.exit_code == 2 and "Candidate bindings" in res.output and '"outlet"' in res.output, res.output
    assert "Traceback" not in res.output
