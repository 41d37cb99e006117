"""The Prefect UI really shows our runs: a real ``prefect server start`` on a free loopback
port with its own PREFECT_HOME, ``claimtrack run`` against it (a feed served by the test's
own HTTP server), then the flow run, its task runs and its artifacts read back through the
Prefect client."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import duckdb
import pytest

from conftest import ROOT
from test_sources_http import LocalSite

pytestmark = pytest.mark.slow

TASKS = {"ingest_articles", "extract_claims", "embed_claims", "cluster_claims", "compare_sources", "publish"}
ARTIFACTS = {"top-corroborated-claims", "claim-pipeline-run", "claim-pipeline-failures", "claim-pipeline-report",
             "claim-pipeline-new-corroborated", "claim-pipeline-new-contradictions"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("prefect server did not become healthy")


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_ENABLED="false")
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_healthy(url, proc)
        yield url, env
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_runs_task_runs_and_artifacts_are_in_the_prefect_server(prefect_api, tmp_path):
    from prefect.client.orchestration import PrefectClient
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, FlowRunFilter, FlowRunFilterId

    url, env = prefect_api
    site = LocalSite()
    try:
        wh = tmp_path / "w.duckdb"
        (tmp_path / "claimtrack.toml").write_text(
            "[http]\nper_host_rate = 100\ntimeout = 2\nretries = 0\nallow_private_addresses = true\n")
        run_env = dict(env, PREFECT_API_URL=url, HF_HUB_OFFLINE="1")
        out = subprocess.run(
            [sys.executable, "-m", "claimtrack.cli", "run", "--source", f"rss:{site.base}/clean.xml",
             "--source", f"rss:{site.base}/missing.html", "--warehouse", str(wh)],
            cwd=tmp_path, env=dict(run_env, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=240,
        )
    finally:
        site.close()
    assert out.returncode == 0, out.stdout + out.stderr
    assert "claimtrack run finished" in out.stdout
    con = duckdb.connect(str(wh), read_only=True)
    run_id, flow_run_id, status = con.execute("SELECT run_id, flow_run_id, status FROM runs").fetchone()
    con.close()
    assert status == "completed" and flow_run_id

    async def read():
        async with PrefectClient(api=url) as client:
            fr = await client.read_flow_run(flow_run_id)
            tasks = []
            for _ in range(120):  # task runs (and their final states) reach the server through its event recorder, a moment later
                tasks = await client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[fr.id])))
                if {t.name.rsplit("-", 1)[0] for t in tasks} >= TASKS and all(
                    t.state and t.state.is_completed() for t in tasks
                ):
                    break
                await asyncio.sleep(0.5)
            arts = await client.read_artifacts(
                artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[fr.id])))
            flow = await client.read_flow(fr.flow_id)
            return fr, flow, tasks, arts

    fr, flow, tasks, arts = asyncio.run(read())
    assert flow.name == "claim-pipeline" and fr.state.is_completed()
    # what the UI shows: a name saying what ran and when, the claimtrack run id as a tag, a
    # final state whose message says a source failed, and `claimtrack run` printed the page
    assert fr.name.startswith("rss:127.0.0.1/clean.xml, rss:127.0.0.1/missing.html · 20"), fr.name
    assert run_id in fr.tags
    assert fr.state.message.startswith("Completed with 1 ingest error"), fr.state.message
    ui = url.removesuffix("/api") + f"/flow-runs/flow-run/{flow_run_id}"
    assert f"Prefect UI: {ui}" in " ".join(out.stdout.split()), out.stdout
    assert {t.name.rsplit("-", 1)[0] for t in tasks} >= TASKS
    assert all(t.state.is_completed() for t in tasks)
    by_key = {a.key: a for a in arts}
    assert set(by_key) >= ARTIFACTS
    assert "clean.xml" in str(by_key["claim-pipeline-run"].data)  # the per-source table
    assert "missing.html" in str(by_key["claim-pipeline-failures"].data)  # the failed feed is listed
