"""Self-documenting warehouse: every table, view and column has a COMMENT ON, and the
reference in docs/WAREHOUSE.md is generated from exactly those comments."""

from pathlib import Path

import duckdb
import pytest

from claimtrack.results import schema_markdown
from claimtrack.warehouse import migrate, migrations

DOC = Path(__file__).resolve().parent.parent / "docs" / "WAREHOUSE.md"
BEGIN, END = "<!-- BEGIN warehouse reference -->", "<!-- END warehouse reference -->"

UNCOMMENTED = """
SELECT 'column ' || table_name || '.' || column_name FROM duckdb_columns()
WHERE NOT internal AND schema_name = 'main' AND coalesce(trim(comment), '') = ''
UNION ALL
SELECT 'table ' || table_name FROM duckdb_tables()
WHERE NOT internal AND schema_name = 'main' AND coalesce(trim(comment), '') = ''
UNION ALL
SELECT 'view ' || view_name FROM duckdb_views()
WHERE NOT internal AND schema_name = 'main' AND coalesce(trim(comment), '') = ''
ORDER BY 1
"""


def _fresh():
    con = duckdb.connect()
    migrate(con)
    return con


def test_every_table_view_and_column_has_a_comment():
    con = _fresh()
    missing = [r[0] for r in con.execute(UNCOMMENTED).fetchall()]
    assert missing == [], "add COMMENT ON for: " + ", ".join(missing)
    n = con.execute("SELECT count(*) FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main'").fetchall()[0][0]
    assert n > 250  # tables and views really were checked


def test_the_check_fails_for_an_uncommented_column():
    con = _fresh()
    con.execute("ALTER TABLE runs ADD COLUMN new_thing INTEGER")
    con.execute("CREATE VIEW v_new AS SELECT 1 AS x")
    missing = {r[0] for r in con.execute(UNCOMMENTED).fetchall()}
    assert missing == {"column runs.new_thing", "column v_new.x", "view v_new"}


@pytest.mark.parametrize("start", [1, 4, 7])
def test_an_upgraded_warehouse_is_documented_too(tmp_path, start):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con, upto=start)
    migrate(con)
    assert con.execute(UNCOMMENTED).fetchall() == []
    assert max(v for v, _, _ in migrations()) >= 8


def test_docs_reference_is_generated_from_the_comments():
    text = DOC.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, f"{DOC} lacks the generated reference markers"
    current = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    expected = schema_markdown(_fresh()).strip()
    assert current == expected, ("docs/WAREHOUSE.md is out of date; regenerate it with "
                                 "`python tools/update_warehouse_doc.py`")


def test_glossary_defines_each_word_once():
    text = DOC.read_text(encoding="utf-8")
    glossary = text.split("## Glossary", 1)[1].split("\n## ", 1)[0]
    for word in ("article", "outlet", "source", "claim", "background claim", "cluster", "corroborated",
                 "exclusive", "first reporter", "contradiction", "story", "run"):
        assert f"**{word}**" in glossary, word


def test_schema_command_and_query_describe_show_the_comments(tmp_path):
    from typer.testing import CliRunner

    from claimtrack.cli import app

    runner = CliRunner()
    wh = str(tmp_path / "none.duckdb")  # no warehouse yet: the schema of this version
    res = runner.invoke(app, ["schema", "-w", wh])
    assert res.exit_code == 0 and "v_contradictions" in res.output and "deprecated" in res.output
    res = runner.invoke(app, ["schema", "v_summary", "-w", wh], env={"COLUMNS": "300"})
    assert res.exit_code == 0 and "background_claims" in res.output and "deliberately not clustered" in res.output
    res = runner.invoke(app, ["query", "--describe", "v_contradictions", "-w", wh], env={"COLUMNS": "300"})
    assert res.exit_code == 0 and "outlet_a" in res.output and "number | date | person | polarity" in res.output
    res = runner.invoke(app, ["schema", "v_sumary", "-w", wh])
    assert res.exit_code == 2 and "did you mean v_summary?" in res.output
    res = runner.invoke(app, ["schema", "--markdown", "-w", wh])
    assert res.exit_code == 0 and res.output == schema_markdown(_fresh())
