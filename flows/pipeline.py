"""The ``claim-pipeline`` flow: ingest -> extract -> embed -> cluster -> compare -> publish.

Each task is a thin call into ``claimtrack.pipeline`` and logs its counts in one sentence;
each waits for the previous one, so the Prefect UI draws the chain. The run holds the
warehouse's single-writer lock from start to end, records a ``runs`` row with the Prefect
flow-run id, is named after its sources and time, carries its claimtrack run id as a tag,
leaves artifacts (the report's digest, the run's counts, top corroborated claims, new
contradictions, ingest errors) and ends in a Completed state whose message says whether
any source or item failed."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, tags, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from claimtrack import pipeline
from claimtrack.config import Settings, load_settings
from claimtrack.warehouse import writer_lock

FLOW_NAME = "claim-pipeline"


def _n(value) -> int:
    """A count as a plain int (DuckDB sums arrive as Decimal)."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _plural(n, word: str, plural: str | None = None) -> str:
    n = _n(n)
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


@task(name="ingest_articles", cache_policy=NO_CACHE)
def ingest_articles(settings: Settings, run_id: str) -> dict:
    counts = pipeline.ingest(settings, run_id)
    get_run_logger().info(
        "Read %s from %s: %s new, %s already stored, %s.",
        _plural(counts.get("articles_read"), "article"), _plural(len(settings.sources), "source"),
        f"{_n(counts.get('articles_new')):,}", f"{_n(counts.get('articles_duplicate')):,}",
        _plural(counts.get("errors"), "ingest error"),
    )
    return counts


@task(name="extract_claims", cache_policy=NO_CACHE)
def extract_claims(settings: Settings, run_id: str) -> dict:
    """Extract claims, embedding each stored batch's claims on a background thread while the
    next batch is parsed (``pipeline.extract(embedder=...)``); the embed task then embeds
    only what is left."""
    from claimtrack.embed import Embedder

    counts = pipeline.extract(settings, run_id, embedder=Embedder.from_settings(settings))
    _log_extract(counts)
    return counts


def _log_extract(counts: dict) -> None:
    get_run_logger().info("Extracted %s from %s (%s dropped as fragments)%s.",
                          _plural(counts.get("claims_new"), "new claim"), _plural(counts.get("articles"), "article"),
                          _plural(counts.get("dropped"), "sentence"),
                          f"; embedded {_plural(counts['embeddings_new'], 'new claim')} alongside"
                          if counts.get("embeddings_new") else "")


@task(name="embed_claims", cache_policy=NO_CACHE)
def embed_claims(settings: Settings, run_id: str) -> dict:
    counts = pipeline.embed(settings, run_id)
    _log_embed(counts)
    return counts


def _log_embed(counts: dict) -> None:
    get_run_logger().info("Embedded %s with %s.", _plural(counts.get("embeddings_new"), "new claim"), counts.get("model"))


@task(name="cluster_claims", cache_policy=NO_CACHE)
def cluster_claims(settings: Settings, run_id: str, model: str) -> dict:
    counts = pipeline.cluster(settings, run_id, model)
    get_run_logger().info("Clustered %s into %s; gave %s a story (%s).",
                          _plural(counts.get("members_new"), "claim"), _plural(counts.get("clusters_new"), "new cluster"),
                          _plural(counts.get("articles_storied"), "article"), _plural(counts.get("stories_new"), "new story", "new stories"))
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


def summary_sentence(summary: dict) -> str:
    """The warehouse's counts (v_summary) as one sentence for the logs and the run's state."""
    def pick(*names):
        return next((summary[n] for n in names if summary.get(n) is not None), 0)

    return (f"The warehouse holds {_plural(pick('articles'), 'article')} from {_plural(pick('outlets'), 'outlet')}, "
            f"{_plural(pick('claims'), 'claim')}, {_plural(pick('clusters'), 'cluster')} ("
            f"{_n(pick('corroborated_clusters', 'corroborated_claims')):,} corroborated by 2+ outlets, "
            f"{_n(pick('exclusive_clusters', 'exclusive_claims')):,} exclusive to 1 outlet) and "
            f"{_plural(pick('contradictions', 'disagreements'), 'contradiction')}.")


@task(name="compare_sources", cache_policy=NO_CACHE)
def compare_sources(settings: Settings) -> dict:
    result = pipeline.compare(settings)
    get_run_logger().info(summary_sentence(result["summary"]))
    return result


@task(name="publish", cache_policy=NO_CACHE)
def publish(settings: Settings) -> dict:
    """Publish the read-only snapshot analysts query, then write the self-contained HTML
    report next to the warehouse and its digest as markdown for the run's artifact (a
    report failure is logged, never a failed run)."""
    from claimtrack.report import collect, report_markdown, write_report
    from claimtrack.warehouse import publish_snapshot

    logger = get_run_logger()
    snap = publish_snapshot(settings.warehouse)
    logger.info("Published the read-only snapshot analysts query: %s.", snap)
    try:
        data = collect(settings.warehouse)
        path = write_report(settings.warehouse, data=data)
        markdown = report_markdown(data, path)
    except Exception as exc:  # noqa: BLE001 - the data is stored; only the report is missing
        logger.warning("The HTML report was not written (%s); the data is stored, run `claimtrack report` to retry.", exc)
        return {"report_path": None, "report_markdown": None}
    logger.info("Wrote the HTML report: %s.", path)
    return {"report_path": str(path.resolve()), "report_markdown": markdown}


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
    lines = [f"# claim-pipeline run `{run_id}`", "", summary_sentence(summary), "", "| stage | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in counts.items() if not isinstance(v, (list, dict))]
    per_source = counts.get("per_source") or []
    if per_source:
        lines += ["", "| source | status | requests | 304s | articles read | new | errors |", "|---|---|---|---|---|---|---|"]
        lines += [f"| `{p['source']}` | {p['status']} | {p['requests']} | {p['not_modified']} | "
                  f"{p['articles_read']} | {p['articles_new']} | {p['errors']} |" for p in per_source]
    lines += ["", "| warehouse | total |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in summary.items()]
    if result.get("report_path"):
        lines += ["", f"**HTML report:** `{result['report_path']}` on `{socket.gethostname()}`; its digest is the "
                      "`claim-pipeline-report` artifact of this run."]
    report = result.get("run_report") or {}
    for title, key in (("New corroborated claims", "new_corroborated"), ("New contradictions", "new_disagreements"),
                       ("Ingest errors", "failures")):
        lines += ["", f"## {title}: {len(report.get(key) or [])}"]
    create_markdown_artifact(key="claim-pipeline-run", markdown="\n".join(lines),
                             description="Counts of this run per stage and source, and of the whole warehouse.")
    if result.get("report_markdown"):
        create_markdown_artifact(key="claim-pipeline-report", markdown=result["report_markdown"],
                                 description=f"The report after run `{run_id}`: counts, contradictions with both "
                                             "values and article links, the most corroborated claims.")
    for key, rows_key, what in (
        ("claim-pipeline-new-corroborated", "new_corroborated", "Claims that reached 2+ outlets in this run"),
        ("claim-pipeline-new-contradictions", "new_disagreements",
         "Contradictions (a different number, date, person or polarity) involving this run's claims"),
        ("claim-pipeline-failures", "failures", "This run's ingest_errors rows (the run went on without these items)"),
    ):
        table = [{k: str(v) for k, v in r.items()} for r in report.get(rows_key) or []]
        create_table_artifact(key=key, table=table or [{"none": "-"}], description=f"{what}: run `{run_id}`.")


def _run_report(settings: Settings, run_id: str, limit: int = 200) -> dict:
    """Read-only queries for the run's artifacts (sql/pipeline/run_*.sql), while the lock is held."""
    from claimtrack.warehouse import query, sql_file

    out = {}
    for key, name in (("new_corroborated", "run_new_corroborated"), ("new_disagreements", "run_new_disagreements"),
                      ("failures", "run_failures")):
        try:
            out[key] = query(settings.warehouse, sql_file(f"pipeline/{name}.sql"), {"run_id": run_id, "limit": limit}).to_dicts()
        except Exception as exc:  # noqa: BLE001 - an artifact must never fail a completed run
            get_run_logger().warning("The %s artifact was skipped (%s).", key.replace("_", " "), str(exc).splitlines()[0])
            out[key] = []
    return out


def source_label(spec: str) -> str:
    """A short name for a source spec in a run's name: ``folder:seeds``, ``rss:example.org/feed.xml``."""
    from urllib.parse import urlsplit

    kind, _, location = spec.partition(":")
    if location.startswith(("http://", "https://")):
        parts = urlsplit(location)
        last = parts.path.rstrip("/").rsplit("/", 1)[-1]
        return f"{kind}:{parts.hostname or location}" + (f"/{last}" if last else "")
    name = Path(location.rstrip("/\\")).name or location
    return f"{kind}:{name}" if kind else spec


def flow_run_name() -> str:
    """The Prefect run's name says what ran: its sources (first three) and the UTC time."""
    from datetime import datetime, timezone

    params = flow_run.parameters or {}
    specs = params.get("sources")
    if not specs:
        try:
            specs = [s.spec for s in load_settings(params.get("config"), warehouse=params.get("warehouse")).sources]
        except Exception:  # noqa: BLE001 - a name must never fail a run; the flow reports the config error
            specs = []
    labels = [source_label(s) for s in specs] or ["configured sources"]
    what = ", ".join(labels[:3]) + (f" +{len(labels) - 3} more" if len(labels) > 3 else "")
    return f"{what} · {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"


def _tag_flow_run(run_id: str) -> None:
    """Add the claimtrack run id (``r_…``) to the Prefect flow run's tags, so the UI's tag
    filter finds the run a ``runs`` row points to (and back)."""
    from prefect.client.orchestration import get_client

    if not flow_run.id:
        return
    try:
        with get_client(sync_client=True) as client:
            current = client.read_flow_run(flow_run.id)
            client.update_flow_run(flow_run.id, tags=sorted({*(current.tags or []), run_id}))
    except Exception as exc:  # noqa: BLE001 - a tag must never fail a run
        get_run_logger().warning("Could not tag the flow run with %s (%s).", run_id, exc)


def _ui_url() -> str | None:
    """This flow run's page in the Prefect UI, when the API has a UI address."""
    from prefect.settings import PREFECT_UI_URL

    return flow_run.ui_url if flow_run.id and PREFECT_UI_URL.value() else None


def final_state(run_id: str, counts: dict, result: dict):
    """The flow run's final state: Completed, with a message that says when sources had
    ingest errors (the run still stored everything else)."""
    from prefect.states import Completed

    errors = _n(counts.get("errors"))
    failed = [p["source"] for p in counts.get("per_source") or [] if p.get("status") == "failed"]
    if errors:
        msg = (f"Completed with {_plural(errors, 'ingest error')}"
               + (f" ({_plural(len(failed), 'source')} failed: {', '.join(failed[:3])})" if failed else "")
               + f"; the rest is stored. See the claim-pipeline-failures artifact or table ingest_errors (run {run_id}).")
    else:
        msg = f"Completed run {run_id}: {_n(counts.get('articles_new')):,} new articles, {_n(counts.get('claims_new')):,} new claims."
    return Completed(message=msg, data=result)


@flow(name=FLOW_NAME, log_prints=True, flow_run_name=flow_run_name)
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
    every write still happens here, in the flow's process, one transaction per batch.

    Every stage waits for the previous one (``wait_for``), so the Prefect UI's task graph
    shows the chain ingest -> extract -> embed -> cluster -> compare -> publish."""
    settings = load_settings(config, sources=sources, warehouse=warehouse)
    logger = get_run_logger()
    with writer_lock(settings.warehouse):
        run_id = pipeline.start_run(settings, flow_run_id=str(flow_run.id) if flow_run.id else None)
        _tag_flow_run(run_id)
        logger.info("Started claimtrack run %s over %s.", run_id, _plural(len(settings.sources), "source"))
        counts: dict[str, Any] = {}
        try:
            with tags(run_id):
                state = ingest_articles(settings, run_id, return_state=True)
                counts.update(state.result())
                if distributed:
                    counts.update(pipeline.extract(settings, run_id, mapper=task_mapper))
                    _log_extract(counts)
                    emb = pipeline.embed(settings, run_id, mapper=task_mapper)
                    _log_embed(emb)
                else:
                    state = extract_claims(settings, run_id, wait_for=[state], return_state=True)
                    counts.update(state.result())
                    state = embed_claims(settings, run_id, wait_for=[state], return_state=True)
                    emb = dict(state.result())  # the vectors made alongside extraction count too
                    emb["embeddings_new"] = _n(emb.get("embeddings_new")) + _n(counts.pop("embeddings_new", 0))
                counts.update(emb)
                state = cluster_claims(settings, run_id, emb["model"], wait_for=[state], return_state=True)
                counts.update(state.result())
                state = compare_sources(settings, wait_for=[state], return_state=True)
                result = state.result()
        except BaseException as exc:
            pipeline.finish_run(settings, run_id, "failed", counts, message=str(exc)[:500])
            raise
        pipeline.finish_run(settings, run_id, "completed", counts)
        result["run_report"] = _run_report(settings, run_id)
        with tags(run_id):
            result.update(publish(settings, wait_for=[state]))
    _artifacts(run_id, counts, result)
    logger.info("Run %s completed. %s", run_id, summary_sentence(result["summary"]))
    out = {"run_id": run_id, "counts": counts, "flow_run_id": str(flow_run.id) if flow_run.id else None,
           "flow_run_name": flow_run.name, "flow_run_url": _ui_url(),
           **{k: v for k, v in result.items() if k != "report_markdown"}}
    return final_state(run_id, counts, out)


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
    from prefect.settings import PREFECT_API_URL

    settings = load_settings(config, sources=sources, warehouse=warehouse)
    server = PREFECT_API_URL.value()  # a configured server; else Prefect starts a temporary one for this run
    address = dask_address or settings.dask.address
    n = workers or settings.dask.workers
    if not address and not n:
        result = claim_pipeline(sources=sources, warehouse=warehouse, config=config)
    else:
        runner = dask_task_runner(n, address)
        result = claim_pipeline.with_options(task_runner=runner)(
            sources=sources, warehouse=warehouse, config=config, distributed=True
        )
    if not server:  # the temporary server is gone when the run ends: no page to link to
        result["flow_run_url"] = None
        _let_task_runs_land(result.get("flow_run_id"))
    return result


def _let_task_runs_land(flow_run_id: str | None, timeout: float = 8.0) -> None:
    """Task runs reach a Prefect server through its event recorder, a moment after the flow
    ends. The temporary server stops when the process exits; wait (at most ``timeout``
    seconds) until it has recorded every task run in a final state, so the run's history is
    complete in $PREFECT_HOME and the server does not stop mid-flush (a traceback on exit)."""
    import time

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    if not flow_run_id:
        return
    deadline = time.monotonic() + timeout
    try:
        with get_client(sync_client=True) as client:
            while time.monotonic() < deadline:
                runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
                if len(runs) >= 6 and all(r.state and r.state.is_final() for r in runs):
                    return
                time.sleep(0.25)
    except Exception:  # noqa: BLE001 - history only; the run itself is complete
        return


if __name__ == "__main__":
    claim_pipeline()
