"""The ``claim-pipeline`` flow: ingest -> extract -> embed -> cluster -> compare.

Each task is a thin call into ``claimtrack.pipeline`` and logs its counts. The run holds
the warehouse's single-writer lock from start to end, records a ``runs`` row with the
Prefect flow-run id, and leaves a table artifact of the top corroborated claims and a
markdown artifact of the run's counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from claimtrack import pipeline
from claimtrack.config import Settings, load_settings
from claimtrack.warehouse import writer_lock

FLOW_NAME = "claim-pipeline"


@task(name="ingest_articles", cache_policy=NO_CACHE)
def ingest_articles(settings: Settings, run_id: str) -> dict:
    counts = pipeline.ingest(settings, run_id)
    get_run_logger().info(
        "ingest: %(articles_read)d read, %(articles_new)d new, %(articles_duplicate)d already stored, %(errors)d errors",
        counts,
    )
    return counts


@task(name="extract_claims", cache_policy=NO_CACHE)
def extract_claims(settings: Settings, run_id: str) -> dict:
    counts = pipeline.extract(settings, run_id)
    get_run_logger().info("extract: %s articles -> %s new claims (%s sentences dropped)",
                          counts.get("articles", 0), counts.get("claims_new", 0), counts.get("dropped", 0))
    return counts


@task(name="embed_claims", cache_policy=NO_CACHE)
def embed_claims(settings: Settings, run_id: str) -> dict:
    counts = pipeline.embed(settings, run_id)
    get_run_logger().info("embed: %(embeddings_new)d new vectors with %(model)s", counts)
    return counts


@task(name="cluster_claims", cache_policy=NO_CACHE)
def cluster_claims(settings: Settings, run_id: str, model: str) -> dict:
    counts = pipeline.cluster(settings, run_id, model)
    get_run_logger().info("cluster: %(members_new)d claims clustered, %(clusters_new)d new clusters; "
                          "%(articles_storied)d articles given a story, %(stories_new)d new stories", counts)
    return counts


@task(name="compute_batch", cache_policy=NO_CACHE)
def compute_batch(fn, item):
    """One batch of a stage's pure computation (claim extraction or embedding), run on
    whatever the flow's task runner is: a Dask worker when the flow runs distributed."""
    return fn(item)


def task_mapper(fn, items: list) -> list:
    """Run ``fn`` over ``items`` as Prefect tasks on the flow's task runner and gather the
    results in order; the stage then writes them itself (the single writer)."""
    from prefect import unmapped

    futures = compute_batch.map(unmapped(fn), items)
    return [f.result() for f in futures]


@task(name="compare_sources", cache_policy=NO_CACHE)
def compare_sources(settings: Settings) -> dict:
    result = pipeline.compare(settings)
    get_run_logger().info("compare: %s", result["summary"])
    return result


@task(name="publish", cache_policy=NO_CACHE)
def publish(settings: Settings) -> str | None:
    """Publish the read-only snapshot analysts query, then write the self-contained HTML
    report next to the warehouse (a report failure is logged, never a failed run)."""
    from claimtrack.report import write_report
    from claimtrack.warehouse import publish_snapshot

    snap = publish_snapshot(settings.warehouse)
    get_run_logger().info("snapshot published: %s", snap)
    try:
        path = write_report(settings.warehouse)
    except Exception as exc:  # noqa: BLE001 - the data is stored; only the report is missing
        get_run_logger().warning("report not written: %s", exc)
        return None
    get_run_logger().info("report: %s", path)
    return str(path.resolve())


def _artifacts(run_id: str, counts: dict, result: dict) -> None:
    summary = result["summary"]
    rows = [
        {"claim": r["representative_text"], "outlets": r["n_outlets"], "claims": r["n_claims"],
         "first reporter": r["first_reporter"], "first seen": str(r["first_seen_at"])}
        for r in result["top_corroborated"]
    ]
    create_table_artifact(
        key="top-corroborated-claims", table=rows,
        description=f"Top claims carried by 2+ outlets after run `{run_id}`.",
    )
    lines = [f"# claim-pipeline run `{run_id}`", "", "| stage | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in counts.items() if not isinstance(v, (list, dict))]
    per_source = counts.get("per_source") or []
    if per_source:
        lines += ["", "| source | status | requests | 304s | articles read | new | errors |", "|---|---|---|---|---|---|---|"]
        lines += [f"| `{p['source']}` | {p['status']} | {p['requests']} | {p['not_modified']} | "
                  f"{p['articles_read']} | {p['articles_new']} | {p['errors']} |" for p in per_source]
    lines += ["", "| warehouse | total |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in summary.items()]
    if result.get("report_path"):
        uri = Path(result["report_path"]).as_uri()
        lines += ["", f"**HTML report:** [{result['report_path']}]({uri}) (open it from the machine that ran the flow)"]
    report = result.get("run_report") or {}
    for title, key in (("New corroborated claims", "new_corroborated"), ("New contradictions", "new_disagreements"),
                       ("Failures", "failures")):
        lines += ["", f"## {title}: {len(report.get(key) or [])}"]
    create_markdown_artifact(key="claim-pipeline-run", markdown="\n".join(lines),
                             description="Counts of this run per stage and source, and of the whole warehouse.")
    for key, rows_key, what in (
        ("claim-pipeline-new-corroborated", "new_corroborated", "Claims that reached 2+ outlets in this run"),
        ("claim-pipeline-new-contradictions", "new_disagreements", "Number/polarity disagreements involving this run's claims"),
        ("claim-pipeline-failures", "failures", "This run's ingest_errors rows (the run went on without these items)"),
    ):
        table = [{k: str(v) for k, v in r.items()} for r in report.get(rows_key) or []]
        create_table_artifact(key=key, table=table or [{"none": "-"}], description=f"{what}: run `{run_id}`.")


def _run_report(settings: Settings, run_id: str, limit: int = 200) -> dict:
    """Read-only queries for the run's artifacts (sql/pipeline/run_*.sql), while the lock is held."""
    from claimtrack.warehouse import query, sql_file

    import duckdb

    out = {}
    for key, name in (("new_corroborated", "run_new_corroborated"), ("new_disagreements", "run_new_disagreements"),
                      ("failures", "run_failures")):
        try:
            out[key] = query(settings.warehouse, sql_file(f"pipeline/{name}.sql"), {"run_id": run_id, "limit": limit}).to_dicts()
        except duckdb.Error as exc:  # a report must never fail a completed run
            get_run_logger().warning("artifact %s skipped: %s", key, str(exc).splitlines()[0])
            out[key] = []
    return out


@flow(name=FLOW_NAME, log_prints=True)
def claim_pipeline(
    sources: list[str] | None = None,
    warehouse: str | None = None,
    config: str | None = None,
    distributed: bool = False,
) -> dict[str, Any]:
    """Ingest sources, extract claims, embed, cluster, and compare outlets.

    ``sources`` are ``KIND:LOCATION`` strings replacing the configured ones for this run.
    With ``distributed`` (see :func:`run_flow`) claim extraction and embedding run as many
    ``compute_batch`` tasks over article/text batches on the flow's task runner (Dask);
    every write still happens here, in the flow's process, one transaction per batch."""
    settings = load_settings(config, sources=sources, warehouse=warehouse)
    logger = get_run_logger()
    with writer_lock(settings.warehouse):
        run_id = pipeline.start_run(settings, flow_run_id=str(flow_run.id) if flow_run.id else None)
        counts: dict[str, Any] = {}
        try:
            counts.update(ingest_articles(settings, run_id))
            if distributed:
                counts.update(pipeline.extract(settings, run_id, mapper=task_mapper))
                logger.info("extract (distributed): %s", counts)
                emb = pipeline.embed(settings, run_id, mapper=task_mapper)
                logger.info("embed (distributed): %(embeddings_new)d new vectors with %(model)s", emb)
            else:
                counts.update(extract_claims(settings, run_id))
                emb = embed_claims(settings, run_id)
            counts.update(emb)
            counts.update(cluster_claims(settings, run_id, emb["model"]))
            result = compare_sources(settings)
        except BaseException as exc:
            pipeline.finish_run(settings, run_id, "failed", counts, message=str(exc)[:500])
            raise
        pipeline.finish_run(settings, run_id, "completed", counts)
        result["run_report"] = _run_report(settings, run_id)
        result["report_path"] = publish(settings)
    _artifacts(run_id, counts, result)
    logger.info("run %s completed: %s", run_id, result["summary"])
    return {"run_id": run_id, "counts": counts, **result}


def dask_task_runner(workers: int | None = None, address: str | None = None):
    """A prefect-dask ``DaskTaskRunner``: connect to ``address`` (a running scheduler,
    e.g. tcp://10.0.0.5:8786), or start a ``LocalCluster`` of ``workers`` processes with one
    thread each (the model libraries use the cores inside each process)."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": int(workers or 2), "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


def run_flow(sources=None, warehouse=None, config=None, workers: int | None = None,
             dask_address: str | None = None) -> dict[str, Any]:
    """Run the flow once: plainly, or on Dask when ``workers``/``dask_address`` (or the
    config's ``[dask]``) ask for it."""
    settings = load_settings(config, sources=sources, warehouse=warehouse)
    address = dask_address or settings.dask.address
    n = workers or settings.dask.workers
    if not address and not n:
        return claim_pipeline(sources=sources, warehouse=warehouse, config=config)
    runner = dask_task_runner(n, address)
    return claim_pipeline.with_options(task_runner=runner)(
        sources=sources, warehouse=warehouse, config=config, distributed=True
    )


if __name__ == "__main__":
    claim_pipeline()
