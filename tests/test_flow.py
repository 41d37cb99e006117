"""The claim-pipeline Prefect flow under a real (test) Prefect server."""

import asyncio
import json
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

ROWS = [
    {"source": "Paper A", "id": "1", "published_at": "2025-05-01T08:00:00Z",
     "text": "The river flooded the old town on Monday. At least 40 homes were evacuated, officials said."},
    {"source": "Paper B", "id": "2", "published_at": "2025-05-01T09:00:00Z",
     "text": "The river flooded the old town on Monday. At least 45 homes were evacuated, officials said."},
]


def test_flow_records_run_artifacts_and_is_idempotent(prefect_server, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter, ArtifactFilterFlowRunId, FlowRunFilter, FlowRunFilterId, LogFilter, LogFilterFlowRunId,
    )

    from flows.pipeline import claim_pipeline

    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in ROWS))
    wh = tmp_path / "w.duckdb"
    first = claim_pipeline(sources=[f"jsonl:{src}"], warehouse=str(wh))
    assert first["counts"]["articles_new"] == 2 and first["summary"]["corroborated_clusters"] >= 1
    # the run leaves the HTML report next to the warehouse
    assert first["report_path"] and Path(first["report_path"]).exists()
    assert Path(first["report_path"]).parent == wh.parent.resolve()
    second = claim_pipeline(sources=[f"jsonl:{src}"], warehouse=str(wh))
    assert second["counts"]["articles_new"] == 0 and second["counts"]["claims_new"] == 0
    assert second["counts"]["clusters_new"] == 0

    con = duckdb.connect(str(wh), read_only=True)
    runs = con.execute("SELECT flow_run_id, status FROM runs ORDER BY started_at").fetchall()
    con.close()
    assert [r[1] for r in runs] == ["completed", "completed"]
    flow_run_id = runs[-1][0]
    assert flow_run_id

    async def read():
        # task runs reach the server through its event recorder, a moment after the flow ends
        async with get_client() as client:
            fr = await client.read_flow_run(flow_run_id)
            for _ in range(60):
                tasks = await client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[fr.id])))
                if len(tasks) >= 6:
                    break
                await asyncio.sleep(0.5)
            arts = await client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[fr.id])))
            for _ in range(60):  # log lines are shipped in batches, also a moment after the flow ends
                logs = await client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[fr.id])))
                if any(log.message.startswith("The warehouse holds ") for log in logs):
                    break
                await asyncio.sleep(0.5)
            return fr, tasks, arts, logs

    fr, tasks, arts, logs = asyncio.run(read())
    assert fr.state.is_completed()
    # the run's name says what ran and when; its claimtrack run id is a tag
    assert fr.name.startswith("jsonl:a.jsonl · 20") and fr.name.endswith(" UTC")
    assert second["run_id"] in fr.tags and second["flow_run_name"] == fr.name
    assert "Completed run r_" in fr.state.message  # no ingest errors: a plain completed message
    by_name = {t.name.rsplit("-", 1)[0]: t for t in tasks}
    chain = ["ingest_articles", "extract_claims", "embed_claims", "cluster_claims", "compare_sources", "publish"]
    assert set(by_name) >= set(chain)
    for upstream, downstream in zip(chain, chain[1:]):  # the task graph: each stage waits for the previous one
        ids = {str(i.id) for group in by_name[downstream].task_inputs.values() for i in group}
        assert str(by_name[upstream].id) in ids, (downstream, by_name[downstream].task_inputs)
    assert {a.key for a in arts} >= {"top-corroborated-claims", "claim-pipeline-run", "claim-pipeline-report"}
    report = next(a for a in arts if a.key == "claim-pipeline-report")
    assert "## Contradictions" in report.data and "45 home" in report.data and "file://" not in report.data
    assert not any("file://" in str(a.data) for a in arts)
    # log lines are sentences: no dict or Decimal reprs
    messages = [log.message for log in logs]
    assert any(m.startswith("The warehouse holds ") for m in messages)
    assert not [m for m in messages if "Decimal(" in m or "{'" in m], messages


def test_a_run_with_ingest_errors_completes_with_a_message_that_says_so(prefect_server, tmp_path):
    from prefect.client.orchestration import get_client

    from flows.pipeline import claim_pipeline

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\n{not json\n")
    result = claim_pipeline(sources=[f"jsonl:{src}"], warehouse=str(tmp_path / "w.duckdb"))
    assert result["counts"]["errors"] == 1 and result["counts"]["articles_new"] == 1

    async def read():
        async with get_client() as client:
            return await client.read_flow_run(result["flow_run_id"])

    fr = asyncio.run(read())
    assert fr.state.is_completed()
    assert fr.state.message.startswith("Completed with 1 ingest error") and "ingest_errors" in fr.state.message


def test_flow_fails_cleanly_on_a_missing_source(prefect_server, tmp_path):
    from claimtrack.errors import SourceError
    from flows.pipeline import claim_pipeline

    with pytest.raises(SourceError):
        claim_pipeline(sources=[f"jsonl:{tmp_path / 'missing.jsonl'}"], warehouse=str(tmp_path / "w.duckdb"))
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    status = con.execute("SELECT status, message FROM runs").fetchall()
    con.close()
    assert status[0][0] == "failed" and "does not exist" in status[0][1]
