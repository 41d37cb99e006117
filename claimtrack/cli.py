"""``claimtrack`` command line: run | serve | query | status.

Prefect is imported lazily, only by the commands that run flows, so ``query`` and
``status`` start fast and the core stays free of Prefect."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimtrack import runtime_env

runtime_env.apply()

from claimtrack import progress as progress_hook  # noqa: E402
from claimtrack.config import load_settings, parse_source_spec  # noqa: E402
from claimtrack.errors import ClaimtrackError  # noqa: E402

app = typer.Typer(
    help="Track what news outlets claim: ingest articles, split them into claims, "
    "cluster near-duplicate claims across outlets, and query the DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

SourceOpt = Annotated[
    Optional[list[str]],
    typer.Option("--source", "-s", help="KIND:LOCATION, repeatable (folder:seeds, jsonl:data/a.jsonl, rss:URL, urls:FILE, sitemap:URL); replaces the configured sources."),
]
WarehouseOpt = Annotated[Optional[Path], typer.Option("--warehouse", "-w", help="DuckDB warehouse file, or a DuckLake: 'ducklake:<catalog file>' / 'ducklake:postgres:<conninfo>'.")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", "-c", help="TOML config (default: ./claimtrack.toml).")]


def _fail(exc: ClaimtrackError) -> None:
    err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
    raise typer.Exit(exc.exit_code)


class _RichProgress:
    def __init__(self, progress: Progress, description: str, total: int):
        self._p = progress
        self._id = progress.add_task(description, total=total)

    def advance(self, n: int = 1) -> None:
        self._p.advance(self._id, n)

    def close(self) -> None:
        self._p.update(self._id, completed=self._p.tasks[self._id].total)


def _check_sources(sources: list[str] | None) -> list[str] | None:
    if sources:
        for spec in sources:
            parse_source_spec(spec)
    return sources


def _print_summary(result: dict, elapsed: float) -> None:
    s = result["summary"]
    c = result["counts"]
    rows = [
        ("articles", f"{s['articles']} (+{c.get('articles_new', 0)} new)"),
        ("claims", f"{s['claims']} (+{c.get('claims_new', 0)} new)"),
        ("clusters", f"{s['clusters']} (+{c.get('clusters_new', 0)} new)"),
        ("corroborated claims (2+ outlets)", f"{s['corroborated_clusters']} ({s['corroborated_mentions']} mentions)"),
        ("exclusive claims (1 outlet)", str(s["exclusive_claims"])),
        ("contradictions (number, date, person, polarity)", str(s["contradictions"])),
    ]
    if c.get("errors"):
        rows.append(("ingest errors (table ingest_errors)", str(c["errors"])))
    rows += [("warehouse", str(s["warehouse"]))]
    if result.get("report_path"):
        rows.append(("report", str(result["report_path"])))
    if result.get("flow_run_url"):  # only when PREFECT_API_URL names a running server
        rows.append(("Prefect UI", f"{result['flow_run_url']} ({result.get('flow_run_name')})"))
    rows.append(("time", f"{elapsed:.1f} s"))
    console.print("[bold]claimtrack run finished[/]")
    for label, value in rows:
        console.print(f"  {label + ':':<49} {value}", highlight=False, soft_wrap=True)


@app.command()
def run(
    source: SourceOpt = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run's result as JSON.")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Extract and embed on a local Dask cluster of N processes.")] = None,
    dask_address: Annotated[Optional[str], typer.Option("--dask-address", help="Extract and embed on a running Dask scheduler (tcp://host:8786).")] = None,
    lake_data: LakeDataOpt = None,
) -> None:
    """Run the claim-pipeline flow once (Prefect runs embedded unless PREFECT_API_URL is set)."""
    import time

    _lake_data_env(lake_data)
    try:
        _check_sources(source)
        settings = load_settings(config, sources=source, warehouse=warehouse)
        from claimtrack.pipeline import preflight

        preflight(settings)
        from flows.pipeline import run_flow

        t0 = time.perf_counter()
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err_console, transient=False, disable=as_json,
        ) as prog:
            progress_hook.set_reporter(lambda d, t: _RichProgress(prog, d, t))
            try:
                result = run_flow(
                    sources=[s.spec for s in settings.sources],
                    warehouse=str(settings.warehouse),
                    config=str(config) if config else None,
                    workers=workers,
                    dask_address=dask_address,
                )
            finally:
                progress_hook.set_reporter(None)
        elapsed = time.perf_counter() - t0
    except ClaimtrackError as exc:
        _fail(exc)
        return
    if as_json:
        console.print_json(json.dumps(result, default=str))
    else:
        _print_summary(result, elapsed)


@app.command()
def serve(
    cron: Annotated[Optional[str], typer.Option(help='Cron schedule, e.g. "*/30 * * * *".')] = None,
    interval: Annotated[Optional[int], typer.Option(help="Run every N seconds.")] = None,
    name: Annotated[str, typer.Option(help="Deployment name (prefect.yaml's is 'worker').")] = "serve",
    source: SourceOpt = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Serve the flow on a schedule (flow.serve); runs appear in the Prefect UI."""
    if (cron is None) == (interval is None):
        _fail(ClaimtrackError("Give exactly one of --cron '*/30 * * * *' or --interval SECONDS."))
    try:
        _check_sources(source)
        settings = load_settings(config, sources=source, warehouse=warehouse)
    except ClaimtrackError as exc:
        _fail(exc)
        return
    if cron is not None:
        from prefect.client.schemas.schedules import CronSchedule

        try:
            CronSchedule(cron=cron)
        except ValueError:
            _fail(ClaimtrackError(f"'{cron}' is not a valid cron expression; use five fields such as '*/30 * * * *'."))
    if interval is not None and interval <= 0:
        _fail(ClaimtrackError("--interval must be a positive number of seconds."))
    from flows.pipeline import claim_pipeline

    claim_pipeline.serve(
        name=name,
        cron=cron,
        interval=timedelta(seconds=interval) if interval else None,
        parameters={
            "sources": [s.spec for s in settings.sources],
            "warehouse": str(settings.warehouse),
            "config": str(config) if config else None,
        },
        global_limit=1,  # one writer: a second scheduled run waits for the first
        tags=["claimtrack"],
    )


@app.command()
def report(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="HTML file to write (default: next to the warehouse).")] = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    open_it: Annotated[bool, typer.Option("--open", help="Open the report in a browser.")] = False,
    shot: Annotated[Optional[Path], typer.Option("--screenshot", help="Also save a PNG of it (needs Chromium).")] = None,
) -> None:
    """Write a self-contained HTML report (heatmap, stories, contradictions, timelines); searchable offline."""
    from claimtrack.report import screenshot, write_report

    try:
        settings = load_settings(config, warehouse=warehouse)
        path = write_report(settings.warehouse, out)
        if shot is not None:
            console.print(f"screenshot written: {screenshot(path, shot)}", highlight=False, soft_wrap=True)
    except ClaimtrackError as exc:
        _fail(exc)
        return
    except OSError as exc:
        _fail(ClaimtrackError(f"Cannot write the report to {out} ({exc.strerror}); choose a writable --out path."))
        return
    console.print(f"report written: {path}", highlight=False, soft_wrap=True)
    if open_it:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for one Parquet file per table.")] = Path("warehouse/export"),
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Back up every table as Parquet (from the published snapshot; never blocks a run)."""
    from claimtrack.warehouse import export_parquet

    try:
        settings = load_settings(config, warehouse=warehouse)
        counts = export_parquet(settings.warehouse, out)
    except ClaimtrackError as exc:
        _fail(exc)
        return
    except OSError as exc:
        _fail(ClaimtrackError(f"Cannot write to {out} ({exc.strerror}); choose a writable --out folder."))
        return
    for table, n in counts.items():
        console.print(f"  {table:<24} {n:>8} rows", highlight=False)
    console.print(f"exported {len(counts)} tables to {out}", highlight=False, soft_wrap=True)


@app.command()
def recluster(
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    threshold: Annotated[Optional[float], typer.Option(
        help="Same-claim verifier threshold (a probability) for this rebuild; set clustering.verifier_threshold "
             "in claimtrack.toml to keep it (the next run reclusters with the configured rule).")] = None,
) -> None:
    """Rebuild every cluster from scratch, keeping old ids by overlap (merges/splits in cluster_lineage)."""
    from claimtrack.lake import is_lake
    from claimtrack import pipeline
    from claimtrack.embed import Embedder
    from claimtrack.warehouse import writer_lock

    try:
        settings = load_settings(config, warehouse=warehouse)
        if threshold is not None:
            if not 0 < threshold < 1:
                raise ClaimtrackError("--threshold must be a probability in (0, 1), e.g. 0.6.")
            settings = settings.model_copy(
                update={"clustering": settings.clustering.model_copy(update={"verifier_threshold": threshold})}
            )
        if not is_lake(settings.warehouse) and not Path(settings.warehouse).exists():
            raise ClaimtrackError(f"No warehouse at {settings.warehouse}; run `claimtrack run` first, or pass --warehouse.")
        with writer_lock(settings.warehouse):
            run_id = pipeline.start_run(settings)
            try:
                counts = pipeline.recluster(settings, run_id, Embedder.from_settings(settings).model_id)
            except BaseException as exc:
                pipeline.finish_run(settings, run_id, "failed", {}, message=str(exc)[:500])
                raise
            pipeline.finish_run(settings, run_id, "completed", {"clusters_new": counts["clusters"]}, message="recluster")
    except ClaimtrackError as exc:
        _fail(exc)
        return
    console.print("[bold]recluster finished[/]")
    for key, value in counts.items():
        console.print(f"  {key + ':':<20} {value}", highlight=False)


def _render(df, fmt: str) -> None:
    if fmt == "csv":
        sys.stdout.write(df.write_csv())
    elif fmt == "json":
        sys.stdout.write(df.write_json() + "\n")
    elif fmt == "markdown":
        sys.stdout.write(to_markdown(df) + "\n")
    else:
        table = Table(show_lines=False)
        for col in df.columns:
            table.add_column(col, overflow="fold")
        for row in df.iter_rows():
            table.add_row(*["" if v is None else str(v) for v in row])
        console.print(table)
        console.print(f"{df.height} rows", style="dim")


def to_markdown(df) -> str:
    def cell(v) -> str:
        if v is None:
            return ""
        if isinstance(v, float):
            v = round(v, 3)
        if isinstance(v, list):
            v = ", ".join(str(x) for x in v)
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    for row in df.iter_rows():
        lines.append("| " + " | ".join(cell(v) for v in row) + " |")
    return "\n".join(lines)


@app.command()
def query(
    sql: Annotated[Optional[str], typer.Argument(help="SQL to run (read-only).")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Read the SQL from a file (e.g. sql/queries/01_*.sql).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | csv | json | markdown")] = "table",
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="A DuckLake warehouse as it was when run RUN_ID completed (time travel).")] = None,
) -> None:
    """Query the warehouse read-only (views: v_corroborated_claims, v_exclusive_claims, ...)."""
    from claimtrack.warehouse import query_published as run_query

    if as_of is not None:
        from claimtrack.lake import as_of_query

        def run_query(wh, sql, params=None):  # noqa: F811 - the same call, at the run's snapshot
            return as_of_query(wh, sql, as_of, params)

    try:
        if (sql is None) == (file is None):
            raise ClaimtrackError("Give either a SQL string or --file PATH, e.g. claimtrack query \"SELECT * FROM v_clusters\".")
        if fmt not in ("table", "csv", "json", "markdown"):
            raise ClaimtrackError(f"Unknown --format '{fmt}'; use table, csv, json or markdown.")
        if file is not None:
            if not file.is_file():
                raise ClaimtrackError(f"SQL file {file} does not exist; check the path.")
            sql = file.read_text(encoding="utf-8")
        settings = load_settings(config, warehouse=warehouse)
        import duckdb

        try:
            df = run_query(settings.warehouse, sql)
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise ClaimtrackError(f"The query failed: {first}") from exc
    except ClaimtrackError as exc:
        _fail(exc)
        return
    _render(df, fmt)


@app.command()
def status(warehouse: WarehouseOpt = None, config: ConfigOpt = None, runs: int = 5) -> None:
    """What the warehouse holds and how the last runs went."""
    from claimtrack.warehouse import query_published as run_query

    try:
        settings = load_settings(config, warehouse=warehouse)
        totals = run_query(settings.warehouse, "SELECT * FROM v_summary")
        last = run_query(
            settings.warehouse,
            "SELECT run_id, status, started_at, finished_at, articles_new, claims_new, clusters_new, errors "
            "FROM runs ORDER BY started_at DESC LIMIT ?",
            [runs],
        )
    except ClaimtrackError as exc:
        _fail(exc)
        return
    console.print(f"[bold]warehouse[/] {settings.warehouse}")
    for key, value in totals.to_dicts()[0].items():
        console.print(f"  {key:<24} {value}")
    console.print(f"[bold]last {runs} runs[/]")
    for r in last.to_dicts():
        console.print(
            f"  {r['started_at']:%Y-%m-%d %H:%M:%S}  {r['status']:<9}  {r['run_id']}  "
            f"+{r['articles_new'] or 0} articles  +{r['claims_new'] or 0} claims  "
            f"+{r['clusters_new'] or 0} clusters  {r['errors'] or 0} errors",
            highlight=False,
        )
    _print_failing_sources(settings)


def _print_failing_sources(settings) -> None:
    """Sources that failed in each of their last ``http.failing_runs`` runs (table source_runs)."""
    import duckdb

    from claimtrack.warehouse import query_published as run_query, sql_file

    n = settings.http.failing_runs
    try:
        failing = run_query(settings.warehouse, sql_file("pipeline/failing_sources.sql"), {"n": n})
    except duckdb.CatalogException:
        return  # a warehouse from before source_runs existed: nothing to report yet
    if failing.height == 0:
        return
    console.print(f"[bold red]sources failing in each of the last {n} runs[/] (details: table ingest_errors)")
    for r in failing.to_dicts():
        console.print(f"  {r['source_spec']}  since {r['failing_since']:%Y-%m-%d %H:%M}  last error: {r['last_error']}",
                      highlight=False, soft_wrap=True)


# ---- DuckLake warehouses (claimtrack/lake.py, docs/SCALING.md) ----

LakeDataOpt = Annotated[Optional[str], typer.Option(
    "--lake-data", help="Folder (or object-store URL) for a DuckLake warehouse's Parquet files; overrides [lake] data_path.")]


def _lake_data_env(lake_data: str | None) -> None:
    """--lake-data reaches every settings load of the process (the flow's too) as its variable."""
    import os

    if lake_data:
        os.environ["CLAIMTRACK_LAKE__DATA_PATH"] = lake_data


lake_app = typer.Typer(help="DuckLake warehouse maintenance (warehouse = 'ducklake:<catalog>').", no_args_is_help=True)
app.add_typer(lake_app, name="lake")


def _lake_settings(warehouse, config):
    from claimtrack.lake import is_lake

    settings = load_settings(config, warehouse=warehouse)
    if not is_lake(settings.warehouse):
        raise ClaimtrackError(
            f"{settings.warehouse} is a DuckDB file, not a DuckLake; pass --warehouse 'ducklake:<catalog>' "
            "or set warehouse in claimtrack.toml."
        )
    return settings


@lake_app.command("compact")
def lake_compact(
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    keep: Annotated[Optional[str], typer.Option("--keep", help="Expire snapshots older than this ('7 days', '12 hours'); default [lake] keep.")] = None,
    lake_data: LakeDataOpt = None,
) -> None:
    """Merge small Parquet files, expire old snapshots, delete files nothing needs (orphans too)."""
    from claimtrack.lake import compact

    _lake_data_env(lake_data)
    try:
        settings = _lake_settings(warehouse, config)
        counts = compact(settings.warehouse, keep=keep or settings.lake.keep)
    except ClaimtrackError as exc:
        _fail(exc)
        return
    for key, value in counts.items():
        console.print(f"  {key + ':':<22} {value}", highlight=False)


@lake_app.command("runs")
def lake_runs(warehouse: WarehouseOpt = None, config: ConfigOpt = None) -> None:
    """Completed runs still reachable by time travel (query --as-of RUN_ID), with their snapshots."""
    from claimtrack.lake import run_versions

    try:
        settings = _lake_settings(warehouse, config)
        rows = run_versions(settings.warehouse)
    except ClaimtrackError as exc:
        _fail(exc)
        return
    for run_id, version, at in rows:
        console.print(f"  {run_id}  snapshot {version}  {at}", highlight=False)
    console.print(f"{len(rows)} completed runs", style="dim")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
