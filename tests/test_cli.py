"""The claimtrack command line, in-process (typer's runner) and as a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimtrack.cli import app

runner = CliRunner()


def test_help_lists_the_commands():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for cmd in ("run", "serve", "query", "status"):
        assert cmd in res.output


def test_bad_source_spec_is_one_sentence(chdir_tmp):
    res = runner.invoke(app, ["run", "--source", "seeds"])
    assert res.exit_code == 2
    assert "is not KIND:LOCATION" in res.output


def test_missing_source_folder(chdir_tmp, prefect_server):
    res = runner.invoke(app, ["run", "--source", "folder:nope", "--warehouse", "w.duckdb"])
    assert res.exit_code == 2
    assert "Source folder 'nope' does not exist" in res.output


def test_bad_config_file(chdir_tmp):
    (chdir_tmp / "claimtrack.toml").write_text("[embeding]\nbackend='torch'\n")
    res = runner.invoke(app, ["query", "SELECT 1"])
    assert res.exit_code == 2 and "Unknown setting 'embeding'" in res.output


def test_query_without_a_warehouse(chdir_tmp):
    res = runner.invoke(app, ["query", "SELECT 1", "--warehouse", "none.duckdb"])
    assert res.exit_code == 2 and "No warehouse at none.duckdb" in res.output


def test_serve_needs_a_schedule(chdir_tmp):
    res = runner.invoke(app, ["serve"])
    assert res.exit_code == 2 and "--cron" in res.output
    res = runner.invoke(app, ["serve", "--cron", "every day"])
    assert res.exit_code == 2 and "not a valid cron" in res.output


@pytest.mark.slow
def test_query_formats(seeded_warehouse, chdir_tmp):
    res = runner.invoke(app, ["query", "SELECT count(*) AS n FROM v_corroborated_claims", "--warehouse", str(seeded_warehouse), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["n"] > 0
    res = runner.invoke(app, ["query", "--file", str(Path(__file__).parent.parent / "sql/queries/04_disagreements.sql"),
                              "--warehouse", str(seeded_warehouse), "--format", "markdown"])
    assert res.exit_code == 0 and "| kind |" in res.output and "4.5 hour" in res.output
    res = runner.invoke(app, ["query", "DROP TABLE claims", "--warehouse", str(seeded_warehouse)])
    assert res.exit_code == 2 and "The query failed" in res.output


@pytest.mark.slow
def test_status(seeded_warehouse, chdir_tmp):
    res = runner.invoke(app, ["status", "--warehouse", str(seeded_warehouse)])
    assert res.exit_code == 0 and "completed" in res.output


@pytest.mark.slow
def test_run_subprocess_prints_summary_and_locked_warehouse_is_clear(tmp_path):
    """The real console script, with Prefect embedded, as a user runs it."""
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"source": "Paper A", "text": "The harbour reopened on Tuesday after repairs, officials said."}) + "\n")
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "ph"))
    env.pop("PREFECT_API_URL", None)
    exe = Path(sys.executable).parent / "claimtrack"
    wh = tmp_path / "w.duckdb"
    out = subprocess.run([str(exe), "run", "--source", f"jsonl:{src}", "--warehouse", str(wh)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    for label in ("articles", "claims", "background, not clustered", "clusters", "corroborated (2+ outlets)",
                  "exclusive (1 outlet)", "contradictions", str(wh)):
        assert label in out.stdout
    # while another process holds the writer lock, a run exits with one sentence
    from claimtrack.warehouse import writer_lock

    with writer_lock(wh):
        out = subprocess.run([str(exe), "run", "--source", f"jsonl:{src}", "--warehouse", str(wh)],
                             capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 3
    assert "Another claimtrack run" in out.stderr


@pytest.mark.slow
def test_recluster_command(tmp_path, seeded_warehouse, chdir_tmp):
    import shutil

    wh = tmp_path / "copy.duckdb"
    shutil.copy(seeded_warehouse, wh)
    res = runner.invoke(app, ["recluster", "--warehouse", str(wh)])
    assert res.exit_code == 0, res.output
    assert "clusters_kept_ids" in res.output
    res = runner.invoke(app, ["recluster", "--warehouse", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and "No warehouse" in res.output


@pytest.mark.slow
def test_recluster_republishes_the_snapshot_readers_see(tmp_path, seeded_warehouse, chdir_tmp):
    """`query` and `status` read the published snapshot; after recluster they see the new clusters."""
    import shutil

    import duckdb

    from claimtrack.warehouse import publish_snapshot, snapshot_path

    wh = tmp_path / "copy.duckdb"
    shutil.copy(seeded_warehouse, wh)
    publish_snapshot(wh)  # what the last run published
    before = duckdb.connect(str(snapshot_path(wh)), read_only=True).execute("SELECT count(*) FROM clusters").fetchall()[0][0]
    res = runner.invoke(app, ["recluster", "--warehouse", str(wh), "--threshold", "0.97"])
    assert res.exit_code == 0, res.output
    live = duckdb.connect(str(wh), read_only=True)
    n_live = live.execute("SELECT count(*) FROM clusters").fetchall()[0][0]
    live.close()
    assert n_live != before  # the stricter threshold really changed the clusters
    res = runner.invoke(app, ["query", "SELECT count(*) AS n FROM clusters", "-w", str(wh), "--format", "csv"])
    assert res.exit_code == 0 and res.output.split() == ["n", str(n_live)], res.output
    res = runner.invoke(app, ["status", "-w", str(wh)])
    assert f"clusters (same claim across outlets):" in res.output
    assert [ln for ln in res.output.splitlines() if "clusters (same claim" in ln][0].split()[-1] == str(n_live)


def test_help_has_no_python_types_and_every_option_is_described():
    import re

    import typer.main

    cmd = typer.main.get_command(app)
    names = [None] + list(cmd.commands)  # the app, then every command (lake's too)
    seen = 0
    for name in names:
        args = ([] if name is None else [name]) + ["--help"]
        res = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert res.exit_code == 0, res.output
        assert not re.search(r"<(bool|int|str|float|path|list\[[^>]*\]|int range)>", res.output), (name, res.output)
        sub = cmd if name is None else cmd.commands[name]
        groups = list(sub.commands.values()) if hasattr(sub, "commands") and name is not None else [sub]
        for c in groups:
            for p in c.params:
                if p.param_type_name == "option":
                    assert p.help, f"{name} {c.name}: option {p.opts} has no description"
                    seen += 1
    assert seen > 20
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.startswith("claimtrack ") and "DuckDB 1.5." in res.output


def test_report_open_says_why_it_cannot(tmp_path, monkeypatch):
    import webbrowser

    from claimtrack import cli

    page = tmp_path / "r.html"
    page.write_text("<p>x</p>")

    def none(*a, **k):
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)
    with pytest.raises(typer.Exit) as ex:
        cli._open_in_browser(page)
    assert ex.value.exit_code == 1

    opened = []

    class Fake:
        name = "fake"

        def open(self, url):
            opened.append(url)
            return True

    monkeypatch.setattr(webbrowser, "get", lambda *a, **k: Fake())
    cli._open_in_browser(page)
    assert opened == [page.resolve().as_uri()]
