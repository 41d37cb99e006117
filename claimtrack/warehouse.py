"""The DuckDB warehouse: connection, migrations, views, and the single-writer lock.

Only the pipeline writes, one stage transaction at a time, while holding an OS file
lock next to the warehouse; analysts read (``claimtrack query``) between runs."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import polars as pl

from claimtrack.errors import ClaimtrackError, WarehouseLockedError

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
MIGRATION_NAME = re.compile(r"^(\d+)_.*\.sql$")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def sql_file(relpath: str) -> str:
    return (SQL_DIR / relpath).read_text(encoding="utf-8")


def migrations() -> list[tuple[int, str, str]]:
    out = []
    for path in sorted((SQL_DIR / "schema").glob("*.sql")):
        m = MIGRATION_NAME.match(path.name)
        if m:
            out.append((int(m.group(1)), path.name, path.read_text(encoding="utf-8")))
    return sorted(out)


# DuckDB 2 files (storage version 69+) cannot be read by the 1.5 line this project pins
# (the format the DuckDB CLI, DBeaver, dbt-duckdb, Evidence and the DuckDB UI read).
NEWER_STORAGE = re.compile(r"database file with version number (\d+), but we can only read versions")
CONVERT_COMMAND = ("pip install --target /tmp/duckdb2 'duckdb>=2,<3' && "
                   "PYTHONPATH=/tmp/duckdb2 .venv/bin/python tools/warehouse_to_duckdb15.py")


def _is_lock_error(exc: Exception) -> bool:
    msg = str(exc).lower()
    return "lock" in msg and ("conflicting" in msg or "could not set lock" in msg)


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a lock held by another process becomes one clear sentence."""
    from claimtrack import lake

    if lake.is_lake(path):  # ducklake:<catalog> (claimtrack/lake.py)
        return lake.connect(path, read_only=read_only)
    path = Path(path)
    if read_only and not path.exists():
        raise ClaimtrackError(
            f"No warehouse at {path}; run `claimtrack run` (or `make run`) first, or pass --warehouse."
        )
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ClaimtrackError(
                f"Cannot create the warehouse folder {path.parent} ({exc.strerror}); choose a writable --warehouse path."
            ) from exc
        if not os.access(path.parent, os.W_OK):
            raise ClaimtrackError(
                f"The warehouse folder {path.parent} is not writable; choose a writable --warehouse path."
            )
    return _connect(path, read_only=read_only)


def _connect(path: Path, **kwargs) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` with its failures told in one sentence (locked, unreadable, not a warehouse)."""
    try:
        return duckdb.connect(str(path), **kwargs)
    except duckdb.IOException as exc:
        newer = NEWER_STORAGE.search(str(exc))
        if newer:
            raise ClaimtrackError(
                f"The warehouse {path} was written by a newer DuckDB (2.x) whose storage format "
                f"claimtrack's DuckDB {duckdb.__version__} and the DuckDB 1.5 CLI cannot read; convert it in place with "
                f"`{CONVERT_COMMAND} {path}` (keeps the original as {path.name}.duckdb2), or move it aside and "
                f"`claimtrack run` rebuilds it from your sources."
            ) from exc
        if _is_lock_error(exc):
            raise WarehouseLockedError(
                f"The warehouse {path} is in use by another process (a pipeline run); wait for it to finish and try again."
            ) from exc
        raise ClaimtrackError(f"Cannot open the warehouse {path} ({exc}); check the path and its permissions.") from exc
    except duckdb.Error as exc:
        raise ClaimtrackError(
            f"{path} is not a claimtrack DuckDB warehouse ({str(exc).splitlines()[0]}); pass the right --warehouse."
        ) from exc


def migrate(con: duckdb.DuckDBPyConnection, upto: int | None = None, views: bool = True) -> list[str]:
    """Apply pending migrations in order, each in its own transaction; then (re)create views
    (with ``views=False`` only when a migration was applied).

    Migrations are forward-only. ``upto`` stops after that version (for tests of upgrades
    from every earlier schema; views are only created for the full schema)."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, body in migrations():
        if version in done:
            continue
        if upto is not None and version > upto:
            return applied
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(body)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, utcnow()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    if views or applied:
        create_views(con)
    return applied


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for path in sorted((SQL_DIR / "views").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    from claimtrack import faults

    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        faults.before_commit()
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")


@contextlib.contextmanager
def writer_lock(warehouse: str | Path) -> Iterator[Path]:
    """Hold the single-writer lock for a whole run. A second writer fails at once."""
    from claimtrack import lake

    if lake.is_lake(warehouse):  # a PostgreSQL catalog takes concurrent writers (claimtrack/lake.py)
        with lake.writer_lock(warehouse) as held:
            yield held
        return
    warehouse = Path(warehouse)
    try:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        lock_path = warehouse.with_name(warehouse.name + ".lock")
        fh = open(lock_path, "a+")
    except OSError as exc:
        raise ClaimtrackError(
            f"Cannot write next to the warehouse {warehouse} ({exc.strerror}); choose a writable --warehouse path."
        ) from exc
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise WarehouseLockedError(
                f"Another claimtrack run (pid {holder}) is writing {warehouse}; wait for it to finish and try again."
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        yield lock_path
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()


_VIEWS_CREATED: set[tuple] = set()  # (path, device, inode) of files whose views this process created


def _file_key(warehouse: str | Path) -> tuple | None:
    from claimtrack import lake

    if lake.is_lake(warehouse):
        return None
    try:
        st = Path(warehouse).stat()
    except OSError:
        return None
    return (str(Path(warehouse).resolve()), st.st_dev, st.st_ino)


@contextlib.contextmanager
def open_for_write(warehouse: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short write window: open, migrate, yield, close. A warehouse file's views are
    re-created at its first opening in this process (a run opens it about ten times)."""
    con = connect(warehouse)
    try:
        key = _file_key(warehouse)
        migrate(con, views=key is None or key not in _VIEWS_CREATED)
        if key is not None:
            _VIEWS_CREATED.add(key)
        yield con
    finally:
        con.close()


def frame(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> pl.DataFrame:
    """Run one statement and return its result as a Polars DataFrame (via Arrow)."""
    return con.sql(sql, params=params).pl()


# Readers (query, status, report, export) open the snapshot sandboxed: read-only, no file
# system or network access beyond the database file itself (no ATTACH, COPY ... TO, EXPORT
# DATABASE, read_csv/read_text/glob, INSTALL/LOAD), and the configuration locked so a query
# cannot switch any of that back on. DuckDB checks these itself, whatever the SQL says.
READER_CONFIG = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


class QueryRefusedError(ClaimtrackError, duckdb.Error):
    """A reader's SQL tried to leave the snapshot (files, other databases, extensions) or write.
    Also a ``duckdb.Error``, so callers that handle failing queries handle it the same way."""


def connect_reader(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A sandboxed, read-only connection for readers (see ``READER_CONFIG``)."""
    from claimtrack import lake

    if lake.is_lake(path):  # at the newest completed run's DuckLake snapshot, sandboxed alike
        return lake.connect_reader(path)
    path = Path(path)
    if not path.exists():
        raise ClaimtrackError(
            f"No warehouse at {path}; run `claimtrack run` (or `make run`) first, or pass --warehouse."
        )
    return _connect(path, read_only=True, config=dict(READER_CONFIG))


REFUSED = ("queries only read the warehouse snapshot and cannot write, attach databases, touch files "
           "(COPY, EXPORT, read_csv, read_text) or load extensions")


def reader_frame(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> pl.DataFrame:
    """``frame`` on a reader connection: a refused statement becomes ``QueryRefusedError``."""
    return _refusing(frame, con, sql, params)


def reader_result(con: duckdb.DuckDBPyConnection, sql: str, params=None):
    """``results.fetch`` on a reader connection (every DuckDB type; values as DuckDB prints
    them); a refused statement becomes ``QueryRefusedError``."""
    from claimtrack.results import fetch

    return _refusing(fetch, con, sql, params)


def query_result_published(warehouse: str | Path, sql: str, params=None):
    """``query_published`` returning a ``results.Result`` (what ``claimtrack query`` prints)."""
    con = connect_reader(published_path(warehouse))
    try:
        return reader_result(con, sql, params)
    finally:
        con.close()


def _refusing(fn, con, sql, params):
    try:
        return fn(con, sql, params)
    except duckdb.PermissionException as exc:
        raise QueryRefusedError(f"{REFUSED} (DuckDB: {str(exc).splitlines()[0]}).") from exc
    except duckdb.Error as exc:
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        low = msg.lower()
        if ("read-only mode" in low or "configuration has been locked" in low or "read_only" in low
                or "cannot launch in-memory database" in low or "detach" in low):
            raise QueryRefusedError(f"{REFUSED} (DuckDB: {msg}).") from exc
        raise


def query(warehouse: str | Path, sql: str, params=None) -> pl.DataFrame:
    """Run a query on a sandboxed read-only connection; returns a Polars DataFrame."""
    con = connect_reader(warehouse)
    try:
        return reader_frame(con, sql, params)
    finally:
        con.close()


def snapshot_path(warehouse: str | Path) -> Path:
    """The read-only copy analysts query: published atomically after each successful run."""
    warehouse = Path(warehouse)
    return warehouse.with_name(warehouse.stem + ".snapshot" + (warehouse.suffix or ".duckdb"))


def publish_snapshot(warehouse: str | Path) -> Path:
    """Copy the (closed, checkpointed) warehouse to a temporary file and atomically rename it
    over the snapshot. Readers that have the old snapshot open keep reading it; new readers
    get the new one; nobody ever sees half a run. Call with the writer lock held and no
    connection to the warehouse open."""
    import shutil

    from claimtrack import lake

    if lake.is_lake(warehouse):  # a DuckLake snapshot; a file catalog is copied likewise
        return Path(lake.publish(warehouse))
    warehouse = Path(warehouse)
    con = connect(warehouse)
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    target = snapshot_path(warehouse)
    for stale in target.parent.glob(target.name + ".tmp*"):  # left by a crashed publish
        stale.unlink(missing_ok=True)
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    from claimtrack import faults

    shutil.copyfile(warehouse, tmp)
    faults.at("snapshot")
    os.replace(tmp, target)
    return target


def published_path(warehouse: str | Path) -> Path:
    """What readers should open: the snapshot when one exists, else the warehouse itself."""
    from claimtrack import lake

    if lake.is_lake(warehouse):  # a file catalog's reader copy; readers attach its newest completed run
        return Path(lake.published(warehouse))
    snap = snapshot_path(warehouse)
    return snap if snap.exists() else Path(warehouse)


def query_published(warehouse: str | Path, sql: str, params=None) -> pl.DataFrame:
    """An analyst's query: on the published snapshot (never blocked by a running pipeline,
    never sees a half-written run), read-only so it cannot modify anything."""
    return query(published_path(warehouse), sql, params)


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main' ORDER BY table_name"
    ).fetchall()]


def export_parquet(warehouse: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write every table of the published warehouse as ``<out_dir>/<table>.parquet``.

    Reads the snapshot (or the warehouse when there is none), so it never waits for a run.
    The reading connection is sandboxed like every reader's; the files are written here in
    Python (pyarrow, streamed batch by batch), never by DuckDB."""
    import pyarrow.parquet as pq

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = connect_reader(published_path(warehouse))
    counts = {}
    try:
        for table in table_names(con):
            target = out_dir / f"{table}.parquet"
            tmp = out_dir / f".{table}.parquet.tmp"
            # table names come from the catalog, not from a user
            reader = con.sql(f'SELECT * FROM "{table}"').to_arrow_reader(65_536)
            n = 0
            with pq.ParquetWriter(str(tmp), reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    n += batch.num_rows
            os.replace(tmp, target)
            counts[table] = n
    finally:
        con.close()
    return counts
