"""`claimtrack serve --interval` really serves the flow: a scheduled run completes."""

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_serve_interval_runs_the_flow(prefect_server, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName
    from prefect.settings import PREFECT_API_URL

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"source": "Paper A", "text": "The harbour reopened on Tuesday after repairs."}) + "\n")
    wh = tmp_path / "w.duckdb"
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value())
    exe = Path(sys.executable).parent / "claimtrack"
    proc = subprocess.Popen(
        [str(exe), "serve", "--interval", "5", "--name", "test-serve", "--source", f"jsonl:{src}", "--warehouse", str(wh)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
    )

    async def deployment():
        async with get_client() as client:
            deps = await client.read_deployments(
                deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=["test-serve"]))
            )
            return deps[0] if deps else None

    async def trigger(dep_id):
        async with get_client() as client:
            return (await client.create_flow_run_from_deployment(dep_id)).id

    async def state(run_id):
        async with get_client() as client:
            return (await client.read_flow_run(run_id)).state

    try:
        deadline = time.time() + 150
        dep = None
        while time.time() < deadline and dep is None:
            time.sleep(2)
            assert proc.poll() is None, proc.stdout.read()[-3000:]
            dep = asyncio.run(deployment())
        assert dep is not None, "serve did not register its deployment"
        assert dep.schedules and dep.schedules[0].schedule.interval.total_seconds() == 5
        # The test server runs no scheduler service, so start one run by hand: the served
        # process must pick it up and run the real flow.
        run_id = asyncio.run(trigger(dep.id))
        st = None
        while time.time() < deadline:
            time.sleep(2)
            st = asyncio.run(state(run_id))
            if st and st.is_final():
                break
        assert st is not None and st.is_completed(), st
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert wh.exists()


def test_serve_and_prefect_yaml_deployments_have_distinct_names():
    """`claimtrack serve` and `prefect deploy --all` register different deployments, so
    neither overwrites the other's schedule."""
    import inspect

    import yaml

    from claimtrack import cli
    from conftest import ROOT

    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    yaml_names = [d["name"] for d in spec["deployments"]]
    serve_default = inspect.signature(cli.serve).parameters["name"].default
    assert serve_default and serve_default not in yaml_names
    assert all(d["entrypoint"] == "flows/pipeline.py:claim_pipeline" for d in spec["deployments"])
