"""Readers cannot write: `claimtrack query` (and status, report, export) open the snapshot
sandboxed; runs whose process is gone become `abandoned`; only http(s) URLs become links."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from claimtrack import pipeline
from claimtrack.cli import app
from claimtrack.config import Settings, SourceConfig
from claimtrack.warehouse import publish_snapshot, snapshot_path

GOOD = "The harbour authority reopened the north pier on Monday after repairs, officials said."


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    root = tmp_path_factory.mktemp("q")
    src = root / "a.jsonl"
    src.write_text(json.dumps({"source": "S", "id": "1", "text": GOOD, "url": "javascript:alert(1)"}) + "\n")
    s = Settings(warehouse=root / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    run_id = pipeline.start_run(s)
    pipeline.finish_run(s, run_id, "completed", pipeline.ingest(s, run_id))
    publish_snapshot(s.warehouse)
    return s.warehouse


def count(path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


HOSTILE = [
    "ATTACH '{live}' AS live (READ_ONLY false); DELETE FROM live.articles",
    "ATTACH '{live}' AS live; DROP TABLE live.articles",
    "COPY articles TO '{out}/x.csv'",
    "EXPORT DATABASE '{out}/exp'",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM glob('/etc/*')",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "DROP TABLE articles",
    "DELETE FROM articles",
]


@pytest.mark.parametrize("sql", HOSTILE)
def test_query_cannot_write_or_leave_the_snapshot(wh, tmp_path, sql):
    before = (count(wh), count(snapshot_path(wh)))
    res = CliRunner().invoke(app, ["query", "-w", str(wh), sql.format(live=wh, out=tmp_path)])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    assert (count(wh), count(snapshot_path(wh))) == before
    assert not list(tmp_path.iterdir())


def test_plain_queries_status_and_export_still_work(wh, tmp_path):
    r = CliRunner().invoke(app, ["query", "-w", str(wh), "SELECT count(*) AS n FROM articles", "--format", "csv"])
    assert r.exit_code == 0 and r.output.strip().endswith("1")
    assert CliRunner().invoke(app, ["status", "-w", str(wh)]).exit_code == 0
    r = CliRunner().invoke(app, ["export", "-w", str(wh), "-o", str(tmp_path / "ex")])
    assert r.exit_code == 0, r.output
    assert duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(tmp_path / 'ex' / 'articles.parquet')]).fetchall()[0][0] == 1


def test_runs_whose_process_is_gone_are_abandoned(tmp_path):
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="folder", location=str(tmp_path))])
    dead = pipeline.start_run(s)  # never finished: its process "died"
    live = pipeline.start_run(s)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        status = dict(con.execute("SELECT run_id, status FROM runs").fetchall())
    finally:
        con.close()
    assert status == {dead: "abandoned", live: "running"}


def test_only_http_urls_become_links():
    from claimtrack.report import safe_link

    assert safe_link("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x",
                "http:/nohost", "https://exa mple.org/", "//example.org/x", "\x01javascript:x", None, 42):
        assert safe_link(bad) == "", bad


def test_report_shows_a_javascript_url_as_text(wh):
    from claimtrack.report import render

    import jinja2  # noqa: F401
    from claimtrack.report import TEMPLATE_DIR

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True)
    from claimtrack.report import safe_link

    env.filters["safe_link"] = safe_link
    src = (TEMPLATE_DIR / "report.html.j2").read_text()
    line = next(ln for ln in src.splitlines() if "article_url" in ln)
    out = env.from_string("{% for c in cs %}" + line + "{% endfor %}").render(
        cs=[{"article_url": "javascript:alert(1)", "title": "T"}, {"article_url": "https://ok.example/", "title": "U"}])
    assert 'href="javascript' not in out and 'href="https://ok.example/"' in out
    assert render  # the real renderer registers the same filter
