"""The claimtrack command line, in-process (typer's runner) and as a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
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
    for label in ("articles", "claims", "clusters", "corroborated claims (2+ outlets)", str(wh)):
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
