"""``claimtrack`` command line: run | serve | report | export | recluster | query | schema | status | lake.

Prefect is imported lazily, only by the commands that run flows, so ``query`` and
``status`` start fast and the core stays free of Prefect."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer import core as _typer_core
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimtrack import runtime_env

runtime_env.apply()

from claimtrack import progress as progress_hook  # noqa: E402
from claimtrack.config import load_settings, parse_source_spec  # noqa: E402
from claimtrack.errors import ClaimtrackError  # noqa: E402

def _display_type_rich(self, ctx):
    """Help shows a value's name (PATH, N, KIND:LOCATION), never a Python type (<bool>, <list[str]>)."""
    if getattr(self, "is_flag", False) and not getattr(self, "metavar", None):
        return None
    if self.metavar is not None:
        return self.metavar
    name = getattr(self.type, "name", "") or ""
    return {"integer": "N", "float": "NUMBER", "path": "PATH", "text": "TEXT", "boolean": None}.get(name.lower(), "VALUE")


_typer_core.TyperOption.display_type_rich = _display_type_rich
_typer_core.TyperArgument.display_type_rich = lambda self, ctx: self.metavar


def _version(value: bool) -> None:
    if value:
        import duckdb

        from claimtrack import __version__

        console.print(f"claimtrack {__version__} (DuckDB {duckdb.__version__})", highlight=False)
        raise typer.Exit()


app = typer.Typer(
    help="Track what news outlets claim: ingest articles, split them into claims, "
    "cluster the same claim across outlets, and query the DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print claimtrack's and DuckDB's versions and exit.")] = False,
) -> None:
    """Track what news outlets claim: ingest articles, split them into claims, cluster the same claim
    across outlets, and query the DuckDB warehouse (glossary: docs/WAREHOUSE.md)."""
console = Console()
err_console = Console(stderr=True)

SourceOpt = Annotated[
    Optional[list[str]],
    typer.Option("--source", "-s", metavar="KIND:LOCATION", help="KIND:LOCATION, repeatable (folder:seeds, jsonl:data/a.jsonl, rss:URL, urls:FILE, sitemap:URL); replaces the configured sources."),
]
WarehouseOpt = Annotated[Optional[Path], typer.Option("--warehouse", "-w", metavar="PATH", help="DuckDB warehouse file, or a DuckLake: 'ducklake:<catalog file>' / 'ducklake:postgres:<conninfo>'.")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", "-c", metavar="FILE", help="TOML config (default: ./claimtrack.toml).")]


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


def summary_rows(s: dict, new: dict | None = None) -> list[tuple[str, str]]:
    """The counts of v_summary (the one definition every count uses) in the glossary's words
    (docs/WAREHOUSE.md); ``new`` adds what a run added."""
    new = new or {}

    def plus(key):
        return f" (+{new[key]} new)" if key in new else ""

    def get(*names):
        return next((s[n] for n in names if s.get(n) is not None), 0)

    claims = get("claims")
    rows = [
        ("outlets", str(get("outlets"))),
        ("articles", f"{get('articles')}{plus('articles_new')}"),
        ("stories", str(get("stories"))),
        ("claims", f"{claims}{plus('claims_new')}"),
        ("  in clusters", str(get("clustered_claims"))),
        ("  background, not clustered", f"{get('background_claims')} (descriptors such as \"Sen. X is R-Ariz.\"; "
                                        "clustering.background_kinds)"),
    ]
    if get("unclustered_claims"):
        rows.append(("  waiting to be clustered", f"{get('unclustered_claims')} (the next run clusters them)"))
    rows += [
        ("clusters (same claim across outlets)", f"{get('clusters')}{plus('clusters_new')}"),
        ("  corroborated (2+ outlets)", f"{get('corroborated_clusters')} (holding {get('corroborated_cluster_claims', 'corroborated_mentions')} claims)"),
        ("  exclusive (1 outlet)", str(get("exclusive_clusters", "exclusive_claims"))),
        ("contradictions (number, date, person, polarity)", str(get("contradictions", "disagreements"))),
    ]
    return rows


def _print_summary(result: dict, elapsed: float) -> None:
    s = result["summary"]
    c = result["counts"]
    rows = summary_rows(s, {k: c.get(k, 0) for k in ("articles_new", "claims_new", "clusters_new")})
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
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, metavar="N", help="Extract and embed on a local Dask cluster of N processes.")] = None,
    dask_address: Annotated[Optional[str], typer.Option("--dask-address", metavar="URL", help="Extract and embed on a running Dask scheduler (tcp://host:8786).")] = None,
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
    cron: Annotated[Optional[str], typer.Option(metavar="CRON", help='Cron schedule, e.g. "*/30 * * * *".')] = None,
    interval: Annotated[Optional[int], typer.Option(metavar="SECONDS", help="Run every N seconds.")] = None,
    name: Annotated[str, typer.Option(metavar="NAME", help="Deployment name (prefect.yaml's is 'worker').")] = "serve",
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
    out: Annotated[Optional[Path], typer.Option("--out", "-o", metavar="FILE", help="HTML file to write (default: next to the warehouse).")] = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    open_it: Annotated[bool, typer.Option("--open", help="Open the written report in the default browser (or say why it cannot).")] = False,
    shot: Annotated[Optional[Path], typer.Option("--screenshot", metavar="PNG", help="Also save a PNG of it (needs Chromium).")] = None,
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
        _open_in_browser(path)


def _open_in_browser(path: Path) -> None:
    """Open ``path`` in the default browser, or say in one sentence why not (exit 1)."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        browser = None
    if browser is None or not browser.open(path.resolve().as_uri()):
        err_console.print(
            f"[bold red]error:[/] No web browser could be started here (no display, or BROWSER is not set); "
            f"open {path.resolve()} yourself, or copy it to a machine with a browser.",
            highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    console.print(f"opened in {getattr(browser, 'name', None) or type(browser).__name__}: {path.resolve().as_uri()}",
                  highlight=False, soft_wrap=True)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FOLDER", help="Folder for one Parquet file per table.")] = Path("warehouse/export"),
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
        metavar="P", help="Same-claim verifier threshold (a probability) for this rebuild; set clustering.verifier_threshold "
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
            # like `run`: readers (query, status, report, export) see the new clusters at once
            from claimtrack.warehouse import publish_snapshot

            snapshot = publish_snapshot(settings.warehouse)
    except ClaimtrackError as exc:
        _fail(exc)
        return
    console.print("[bold]recluster finished[/]")
    for key, value in counts.items():
        console.print(f"  {key + ':':<20} {value}", highlight=False)
    console.print(f"  {'published:':<20} {snapshot} (query and status read it; `claimtrack report` rewrites the HTML report)",
                  highlight=False, soft_wrap=True)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def _render(res, fmt: str, out: Path | None = None, max_rows: int = 40, max_width: int | None = None) -> None:
    from claimtrack import results

    if fmt == "csv":
        _write(results.to_csv(res), out)
    elif fmt == "json":
        _write(results.to_json(res), out)
    elif fmt == "markdown":
        _write(results.to_markdown(res), out)
    elif fmt == "parquet":
        results.write_parquet(res, out)
        console.print(f"{res.height} rows written to {out}", highlight=False, soft_wrap=True)
    else:
        import shutil

        width = max_width or shutil.get_terminal_size((120, 40)).columns
        _write(results.render_box(res, max_width=width, max_rows=max_rows), out)


def to_markdown(df) -> str:
    """A Polars DataFrame as a Markdown table (tools/update_readme_queries.py); lists as DuckDB shows them."""
    def cell(v) -> str:
        if v is None:
            return ""
        if isinstance(v, float):
            v = round(v, 3)
        if isinstance(v, list):
            v = "[" + ", ".join(str(x) for x in v) + "]"
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    for row in df.iter_rows():
        lines.append("| " + " | ".join(cell(v) for v in row) + " |")
    return "\n".join(lines)


def _query_error(exc: Exception) -> ClaimtrackError:
    """DuckDB's message with its hints (Did you mean ..., Candidate bindings ...) in one line,
    followed by the LINE/caret context it points at."""
    text = str(exc).strip()
    head, _, context = text.partition("\n\nLINE ")
    sentence = " ".join(part.strip() for part in head.splitlines() if part.strip())
    msg = f"The query failed: {sentence}"
    if not msg.rstrip().endswith((".", "?", "!")):
        msg += "."
    err = ClaimtrackError(msg)
    err.context = ("LINE " + context) if context else ""  # shown under the sentence
    return err


FORMAT_HELP = "table (DuckDB's box) | csv | json | markdown | parquet (parquet needs --out)"


@app.command()
def query(
    sql: Annotated[Optional[str], typer.Argument(metavar="SQL", help="SQL to run (read-only), e.g. \"SELECT * FROM v_summary\".")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", metavar="FILE", help="Read the SQL from a file (e.g. sql/queries/01_*.sql).")] = None,
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help=FORMAT_HELP)] = "table",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", metavar="FILE", help="Write the result to FILE instead of the terminal (required for parquet).")] = None,
    max_rows: Annotated[int, typer.Option("--max-rows", metavar="N", help="table: show at most N rows, the first and last halves, like the DuckDB CLI (0 = all).")] = 40,
    max_width: Annotated[Optional[int], typer.Option("--max-width", metavar="N", help="table: fit into N characters (default: the terminal's width); values are cut at word boundaries with ….")] = None,
    describe: Annotated[bool, typer.Option("--describe", help="Describe the views and tables (or, with SQL naming one, its columns) from their comments instead of running SQL.")] = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="RUN_ID", help="A DuckLake warehouse as it was when run RUN_ID completed (time travel).")] = None,
) -> None:
    """Query the warehouse read-only (views: v_summary, v_clusters, v_corroborated_clusters, v_contradictions, ...;
    `claimtrack schema` lists them all)."""
    if describe:
        schema(name=sql, markdown=False, warehouse=warehouse, config=config)
        return
    from claimtrack.warehouse import query_result_published as run_query

    if as_of is not None:
        from claimtrack.lake import as_of_query

        def run_query(wh, sql, params=None):  # noqa: F811 - the same call, at the run's snapshot
            from claimtrack.results import from_arrow

            return from_arrow(as_of_query(wh, sql, as_of, params).to_arrow())

    try:
        if (sql is None) == (file is None):
            raise ClaimtrackError("Give either a SQL string or --file PATH, e.g. claimtrack query \"SELECT * FROM v_clusters\".")
        if fmt not in ("table", "box", "csv", "json", "markdown", "parquet"):
            raise ClaimtrackError(f"Unknown --format '{fmt}'; use table, csv, json, markdown or parquet.")
        if fmt == "parquet" and out is None:
            raise ClaimtrackError("--format parquet writes a file; add --out result.parquet.")
        if max_rows < 0 or (max_width is not None and max_width < 20):
            raise ClaimtrackError("--max-rows must be 0 or more and --max-width at least 20.")
        if file is not None:
            if not file.is_file():
                raise ClaimtrackError(f"SQL file {file} does not exist; check the path.")
            sql = file.read_text(encoding="utf-8")
        settings = load_settings(config, warehouse=warehouse)
        import duckdb

        try:
            res = run_query(settings.warehouse, sql)
        except duckdb.Error as exc:  # also QueryRefusedError (a write, a file, an extension)
            raise _query_error(exc) from exc
        try:
            _render(res, fmt, out, max_rows=max_rows, max_width=max_width)
        except OSError as exc:
            raise ClaimtrackError(f"Cannot write {out} ({exc.strerror}); choose a writable --out path.") from exc
    except ClaimtrackError as exc:
        context = getattr(exc, "context", "")
        if context:
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            err_console.print(context, highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code)
        _fail(exc)
        return


@app.command()
def schema(
    name: Annotated[Optional[str], typer.Argument(metavar="NAME", help="A view or table: list its columns with their meaning.")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print the whole reference as Markdown (docs/WAREHOUSE.md's warehouse reference is this output).")] = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Describe the warehouse from its own comments (COMMENT ON, duckdb_columns()): every view, table and column."""
    import duckdb

    from claimtrack import results
    from claimtrack.warehouse import connect_reader, migrate, published_path

    try:
        settings = load_settings(config, warehouse=warehouse)
        from claimtrack.lake import is_lake

        if markdown or (not is_lake(settings.warehouse) and not published_path(settings.warehouse).exists()):
            # the reference of this version's schema (also before the first run)
            con = duckdb.connect()
            migrate(con)
        else:
            con = connect_reader(published_path(settings.warehouse))
        try:
            items = results.schema(con)
            text = results.schema_markdown(con) if markdown else None
        finally:
            con.close()
    except ClaimtrackError as exc:
        _fail(exc)
        return
    if markdown:
        sys.stdout.write(text)
        return
    if name is None:
        for it in items:
            if not it["deprecated"]:
                console.print(f"[bold]{it['name']}[/] [dim]{it['kind']}[/]  {it['comment'] or ''}", highlight=False, soft_wrap=True)
        console.print(f"[dim]deprecated (kept for one version): {', '.join(i['name'] for i in items if i['deprecated'])}[/]", highlight=False, soft_wrap=True)
        console.print("[dim]claimtrack schema NAME lists a view's or table's columns.[/]", highlight=False)
        return
    match = [it for it in items if it["name"].lower() == name.lower()]
    if not match:
        close = __import__("difflib").get_close_matches(name, [i["name"] for i in items], n=1)
        hint = f"; did you mean {close[0]}?" if close else "; `claimtrack schema` lists them."
        _fail(ClaimtrackError(f"No view or table named {name}{hint}"))
        return
    it = match[0]
    console.print(f"[bold]{it['name']}[/] [dim]{it['kind']}[/]  {it['comment'] or ''}", highlight=False, soft_wrap=True)
    width = max(len(c) for c, _, _ in it["columns"]) if it["columns"] else 0
    for c, dt, cm in it["columns"]:
        console.print(f"  {c:<{width}}  [dim]{dt}[/]  {cm or ''}", highlight=False, soft_wrap=True)


@app.command()
def status(
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    runs: Annotated[int, typer.Option("--runs", min=0, metavar="N", help="How many of the latest runs to list (table runs).")] = 5,
) -> None:
    """What the warehouse holds (v_summary, the counts every report uses) and how the last runs went."""
    from claimtrack.warehouse import query_published as run_query

    try:
        settings = load_settings(config, warehouse=warehouse)
        totals = run_query(settings.warehouse, "SELECT * FROM v_summary")  # summary_rows picks the current names
        last = run_query(
            settings.warehouse,
            "SELECT run_id, status, started_at, finished_at, articles_new, claims_new, clusters_new, errors "
            "FROM runs ORDER BY started_at DESC LIMIT ?",
            [runs],
        )
    except ClaimtrackError as exc:
        _fail(exc)
        return
    console.print(f"[bold]warehouse[/] {settings.warehouse}", highlight=False, soft_wrap=True)
    for label, value in summary_rows(totals.to_dicts()[0]):
        console.print(f"  {label + ':':<49} {value}", highlight=False, soft_wrap=True)
    console.print(f"[bold]last {runs} runs[/]")
    for r in last.to_dicts():
        console.print(
            f"  {r['started_at']:%Y-%m-%d %H:%M:%S}  {r['status']:<9}  {r['run_id']}  "
            f"+{r['articles_new'] or 0} articles  +{r['claims_new'] or 0} claims  "
            f"+{r['clusters_new'] or 0} clusters  {r['errors'] or 0} errors",
            highlight=False, soft_wrap=True,
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
    "--lake-data", metavar="PATH", help="Folder (or object-store URL) for a DuckLake warehouse's Parquet files; overrides \\[lake] data_path.")]


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
    keep: Annotated[Optional[str], typer.Option("--keep", metavar="AGE", help="Expire snapshots older than this ('7 days', '12 hours'); default [lake] keep.")] = None,
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
