"""DuckLake warehouses: the same tables, views and SQL as the single DuckDB file, stored as
Parquet files (``[lake] data_path``) under a catalog that is a local DuckDB file (one
machine) or a PostgreSQL database (many machines, many writers).

A warehouse setting that starts with ``ducklake:`` is DuckLake's own attach string:

* ``ducklake:warehouse/lake.ducklake`` — the catalog in a local DuckDB file;
* ``ducklake:postgres:dbname=claims host=/run/pg`` — the catalog in PostgreSQL (libpq conninfo).

``connect`` returns a :class:`LakeConnection`: a DuckDB connection with the lake attached
as ``lake`` and in use, whose statements go through :func:`translate`, because DuckLake has
no primary keys (so no ``ON CONFLICT``) and no fixed-size arrays. Everything else in
``sql/`` and the stages runs unchanged:

* ``CREATE TABLE`` drops ``PRIMARY KEY`` clauses; a table with ``FLOAT[n]`` columns is
  stored as ``<table>__rows`` with ``FLOAT[]`` and read through a view named ``<table>``
  that casts back to ``FLOAT[n]``; writes to ``<table>`` go to ``<table>__rows``;
* ``INSERT … ON CONFLICT DO NOTHING | DO UPDATE SET …`` becomes a ``MERGE INTO`` on the
  table's key columns (from the migrations' primary keys), so writes stay idempotent by
  the content-hash ids.

Readers see only completed runs: each completed run commits its ``runs`` row with the
DuckLake commit message ``claimtrack run <run_id> completed``, and readers attach the lake
read-only at the newest such snapshot (``AT``/``SNAPSHOT_VERSION`` time travel; the same
lookup serves ``claimtrack query --as-of RUN_ID``)."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import socket
import time
from functools import lru_cache
from pathlib import Path

import duckdb

from claimtrack.errors import ClaimtrackError, WarehouseLockedError

PREFIX = "ducklake:"
ALIAS = "lake"
ROWS_SUFFIX = "__rows"
COMPLETED = "claimtrack run {run_id} completed"
COMPLETED_LIKE = "claimtrack run % completed"

# given by configuration ([lake] data_path / --lake-data, keep, compact_every), per warehouse string
_DATA_PATHS: dict[str, str] = {}
_MAINTENANCE: dict[str, tuple[str, int]] = {}


# ---------------------------------------------------------------- the attach string

def is_lake(warehouse) -> bool:
    return warehouse is not None and str(warehouse).startswith(PREFIX)


def catalog(warehouse) -> str:
    return str(warehouse)[len(PREFIX):]


def is_postgres(warehouse) -> bool:
    return is_lake(warehouse) and catalog(warehouse).startswith(("postgres:", "postgresql:"))


def catalog_file(warehouse) -> Path | None:
    """The local catalog file of a ``ducklake:<file>`` warehouse (None for PostgreSQL)."""
    if is_postgres(warehouse):
        return None
    cat = catalog(warehouse)
    for scheme in ("duckdb:", "sqlite:"):
        if cat.startswith(scheme):
            cat = cat[len(scheme):]
    return Path(cat)


def conninfo(warehouse) -> str:
    return catalog(warehouse).split(":", 1)[1]


def _conninfo_value(warehouse, key: str) -> str | None:
    m = re.search(rf"(?:^|\s){key}\s*=\s*(\S+)", conninfo(warehouse))
    return m.group(1).strip("'\"") if m else None


def local_path(warehouse) -> Path:
    """A path on this machine that stands for the warehouse, for the files kept beside it
    (writer lock, the reader snapshot of a file catalog, the HTML report, the clustering
    index cache): the catalog file itself, or ``warehouse/lake-<dbname>.ducklake`` for a
    PostgreSQL catalog."""
    if not is_lake(warehouse):
        return Path(warehouse)
    f = catalog_file(warehouse)
    if f is not None:
        return f
    db = _conninfo_value(warehouse, "dbname") or "postgres"
    return Path("warehouse") / f"lake-{re.sub(r'[^A-Za-z0-9_.-]', '_', db)}.ducklake"


def configure(warehouse, data_path: str | os.PathLike | None, lake_config=None) -> None:
    """Remember what the configuration says about this warehouse: the data path
    (``[lake] data_path``), and the snapshot keep window and compaction schedule."""
    if not is_lake(warehouse):
        return
    if data_path:
        _DATA_PATHS[str(warehouse)] = str(data_path)
    if lake_config is not None:
        _MAINTENANCE[str(warehouse)] = (lake_config.keep, lake_config.compact_every)


def data_path(warehouse) -> str | None:
    return _DATA_PATHS.get(str(warehouse))


def describe(warehouse) -> str:
    """The warehouse as shown to users (a conninfo may carry a password: it is hidden)."""
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", str(warehouse))


# ---------------------------------------------------------------- extensions

def _extension_file(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    version = duckdb.__version__
    if spec is None or not spec.submodule_search_locations:
        raise ClaimtrackError(
            f"A DuckLake warehouse needs the Python package {package.replace('_', '-')}=={version}; "
            "install it (make install) or use a DuckDB file warehouse."
        )
    path = Path(list(spec.submodule_search_locations)[0]) / "extensions" / f"v{version}" / f"{name}.duckdb_extension"
    if not path.is_file():
        raise ClaimtrackError(
            f"{package.replace('_', '-')} has no extension for DuckDB {version} ({path} is missing); "
            f"install the package version matching duckdb=={version}."
        )
    return path


@lru_cache(maxsize=None)
def extension_paths() -> tuple[str, str]:
    """The ducklake extension file, and a copy of the postgres extension named
    ``postgres_scanner.duckdb_extension`` (DuckDB derives the entry point from the file
    name, and the PyPI package ships it as ``postgres.duckdb_extension``)."""
    ducklake = _extension_file("duckdb_extension_ducklake", "ducklake")
    pg = _extension_file("duckdb_extension_postgres", "postgres")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimtrack" / "duckdb-extensions" / f"v{duckdb.__version__}"
    target = cache / "postgres_scanner.duckdb_extension"
    if not target.is_file() or target.stat().st_size != pg.stat().st_size:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = cache / f".postgres_scanner.{os.getpid()}.tmp"
        shutil.copyfile(pg, tmp)
        os.replace(tmp, target)  # workers on one machine may copy at the same time
    return str(ducklake), str(target)


def _load_extensions(con: duckdb.DuckDBPyConnection, postgres: bool) -> None:
    ducklake, pg = extension_paths()
    con.execute(f"LOAD '{_sql_str(ducklake)}'")
    if postgres:
        con.execute(f"LOAD '{_sql_str(pg)}'")


def _sql_str(s: str) -> str:
    return str(s).replace("'", "''")


# ---------------------------------------------------------------- schema knowledge

@lru_cache(maxsize=1)
def schema_info() -> tuple[dict[str, tuple[str, ...]], dict[str, dict[str, str]]]:
    """From the migrations: each table's primary-key columns, and its fixed-size array
    columns (``{"embeddings": {"embedding": "FLOAT[384]"}}``)."""
    from claimtrack.warehouse import migrations

    keys: dict[str, tuple[str, ...]] = {"schema_migrations": ("version",)}
    arrays: dict[str, dict[str, str]] = {}
    for _, _, body in migrations():
        body = re.sub(r"--[^\n]*", "", body)
        for m in re.finditer(r"(?is)CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s*\((.*?)\);", body):
            table, cols = m.group(1).lower(), m.group(2)
            tk = re.search(r"(?i)PRIMARY\s+KEY\s*\(([^)]*)\)", cols)
            if tk:
                keys[table] = tuple(c.strip().lower() for c in tk.group(1).split(","))
            for line in cols.split(","):
                cm = re.match(r"\s*(\w+)\s+([A-Za-z]+(?:\[\d+\])+)", line)
                if cm and re.search(r"\[\d+\]", cm.group(2)):
                    arrays.setdefault(table, {})[cm.group(1).lower()] = cm.group(2).upper()
                im = re.match(r"\s*(\w+)\s+[^,]*?\bPRIMARY\s+KEY\b(?!\s*\()", line, re.I)
                if im:
                    keys[table] = (im.group(1).lower(),)
    return keys, arrays


def _physical(table: str) -> str:
    _, arrays = schema_info()
    return table + ROWS_SUFFIX if table.lower() in arrays else table


# ---------------------------------------------------------------- statement translation

_CREATE_TABLE = re.compile(r"(?is)(CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?)(\w+)(\s*\()(.*?)(\)\s*(?:;|$))")
_ON_CONFLICT = re.compile(
    r"(?is)^\s*INSERT\s+INTO\s+(\w+)\s*(\([^)]*\))?\s*(.*?)\s+ON\s+CONFLICT\s*(\([^)]*\))?\s*"
    r"DO\s+(NOTHING|UPDATE\s+SET\s+(.*?))\s*;?\s*$"
)
_WRITE_TARGET = re.compile(r"(?i)\b(INSERT\s+INTO|DELETE\s+FROM|UPDATE|MERGE\s+INTO)\s+(\w+)\b")


def _translate_ddl(sql: str) -> str:
    _, arrays = schema_info()

    def table(m: re.Match) -> str:
        name, body = m.group(2), m.group(4)
        body = re.sub(r"(?i),\s*PRIMARY\s+KEY\s*\([^)]*\)", "", body)
        body = re.sub(r"(?i)\s+PRIMARY\s+KEY\b(?!\s*\()", "", body)
        cols = arrays.get(name.lower())
        if not cols:
            return m.group(1) + name + m.group(3) + body + m.group(5)
        body = re.sub(r"(?i)\b([A-Za-z]+)\[\d+\]", r"\1[]", body)
        return (m.group(1) + name + ROWS_SUFFIX + m.group(3) + body + m.group(5)
                + f"\nCREATE OR REPLACE VIEW {name} AS SELECT * REPLACE ("
                + ", ".join(f"{c}::{t} AS {c}" for c, t in cols.items())
                + f") FROM {name}{ROWS_SUFFIX};")

    return _CREATE_TABLE.sub(table, sql)


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = current_schema() AND table_name = ? ORDER BY column_index", [table]
    ).fetchall()
    if not rows:
        raise duckdb.CatalogException(f"Catalog Error: Table with name {table} does not exist!")
    return [r[0] for r in rows]


def _translate_upsert(con: duckdb.DuckDBPyConnection, m: re.Match) -> str:
    keys_by_table, _ = schema_info()
    table = m.group(1).lower()
    target = _physical(table)
    cols = ([c.strip() for c in m.group(2)[1:-1].split(",")] if m.group(2) else _columns(con, target))
    keys = ([c.strip() for c in m.group(4)[1:-1].split(",")] if m.group(4) else list(keys_by_table.get(table, ())))
    if not keys:
        raise ClaimtrackError(f"Table {table} has no key for ON CONFLICT in a DuckLake warehouse; add a primary key to its migration.")
    source = m.group(3).strip()
    on = " AND ".join(f"{target}.{k} = excluded.{k}" for k in keys)
    out = [
        f"MERGE INTO {target} USING (SELECT DISTINCT ON ({', '.join(keys)}) * FROM ({source}) AS s({', '.join(cols)})) AS excluded",
        f"ON {on}",
    ]
    if m.group(6):
        out.append(f"WHEN MATCHED THEN UPDATE SET {m.group(6)}")
    out.append(f"WHEN NOT MATCHED THEN INSERT ({', '.join(cols)}) VALUES ({', '.join('excluded.' + c for c in cols)})")
    return "\n".join(out)


VIEWS = "claimtrack_views"
_VIEW_COLUMN_COMMENT = re.compile(r"(?is)COMMENT\s+ON\s+COLUMN\s+[\w.\"]+\s+IS\s+(?:'(?:[^']|'')*'|NULL)\s*;?")
_CREATE_VIEW = re.compile(r"(?i)\bCREATE\s+OR\s+REPLACE\s+VIEW\s+(\w+)")


def _translate_view(con: duckdb.DuckDBPyConnection, names: list[str], sql: str) -> str:
    """Views are re-created by every writer's connect (warehouse.migrate); on a lake each
    would be a commit (a new snapshot, and a conflict between concurrent writers). So a view
    is only (re)created when its SQL changed: its hash is kept in ``claimtrack_views``."""
    import hashlib

    name = "+".join(names)
    digest = hashlib.sha256(sql.encode("utf-8")).hexdigest()[:16]
    try:
        row = con.execute(f"SELECT sql_hash FROM {VIEWS} WHERE name = ?", [name]).fetchone()
    except duckdb.CatalogException:
        row = None
    exists = con.execute("SELECT count(DISTINCT view_name) FROM duckdb_views() WHERE database_name = current_database() "
                         "AND list_contains(?, view_name)", [names]).fetchone()[0] == len(set(names))
    if row and row[0] == digest and exists:
        return "SELECT 1 WHERE false"
    # DuckLake keeps comments on views and tables, not on a view's columns: those are left out
    sql = _VIEW_COLUMN_COMMENT.sub("", sql)
    return (sql.rstrip().rstrip(";") + ";\n"
            f"CREATE TABLE IF NOT EXISTS {VIEWS} (name VARCHAR, sql_hash VARCHAR);\n"
            f"DELETE FROM {VIEWS} WHERE name = '{name}';\n"
            f"INSERT INTO {VIEWS} VALUES ('{name}', '{digest}');")


_COMMENT = re.compile(r"(?is)COMMENT\s+ON\s+(TABLE|VIEW|COLUMN)\s+(\w+)(?:\.(\w+))?\s+IS\s+'(?:[^']|'')*'\s*;?")


def _translate_comments(sql: str) -> str:
    """COMMENT ON as DuckLake takes it: a FLOAT[n] table is a view over <table>_rows here, so its
    comments go on <table>_rows; DuckLake comments no view columns, so those are left out."""
    if "COMMENT" not in sql.upper():
        return sql
    _, arrays = schema_info()
    in_view_file = bool(_CREATE_VIEW.search(sql))

    def fix(m: re.Match) -> str:
        kind, name = m.group(1).upper(), m.group(2)
        if kind == "COLUMN" and in_view_file:
            return ""
        if name.lower() in arrays:
            if kind == "TABLE":
                return m.group(0).replace(name, name + ROWS_SUFFIX, 1)
            if kind == "COLUMN":
                return re.sub(rf"\b{name}\.", f"{name}{ROWS_SUFFIX}.", m.group(0), count=1)
        return m.group(0)

    return _COMMENT.sub(fix, sql)


def translate(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """One statement (or a migration's statements) as DuckLake runs it; see the module docstring."""
    sql = _translate_comments(sql)
    if re.search(r"(?i)\bCREATE\s+TABLE\b", sql):
        return _translate_ddl(sql)
    views = _CREATE_VIEW.findall(sql)
    if views:
        return _translate_view(con, views, sql)
    m = _ON_CONFLICT.match(sql)
    if m:
        return _translate_upsert(con, m)
    _, arrays = schema_info()
    if arrays:
        sql = _WRITE_TARGET.sub(
            lambda w: f"{w.group(1)} {_physical(w.group(2)) if w.group(2).lower() in arrays else w.group(2)}", sql
        )
    if "duckdb_tables()" in sql:  # warehouse.table_names: this lake's tables, by their public names
        sql = sql.replace(
            "duckdb_tables()",
            f"(SELECT * REPLACE (regexp_replace(table_name, '{ROWS_SUFFIX}$', '') AS table_name) "
            "FROM duckdb_tables() WHERE database_name = current_database() AND NOT starts_with(table_name, 'claimtrack_'))",
        )
    return sql


class LakeConnection:
    """A DuckDB connection with the lake attached and in use; statements are translated
    (see :func:`translate`), everything else is the DuckDB connection's own."""

    def __init__(self, con: duckdb.DuckDBPyConnection, warehouse: str, read_only: bool, version: int | None = None):
        self._con = con
        self.warehouse = warehouse
        self.read_only = read_only
        self.version = version

    @property
    def raw(self) -> duckdb.DuckDBPyConnection:
        return self._con

    def execute(self, sql: str, parameters=None):
        return self._con.execute(translate(self._con, sql), parameters)

    def executemany(self, sql: str, parameters=None):
        return self._con.executemany(translate(self._con, sql), parameters)

    def sql(self, query: str, *, alias: str = "", params=None):
        return self._con.sql(translate(self._con, query), alias=alias, params=params)

    query = sql

    def close(self) -> None:
        self._con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __getattr__(self, name):
        return getattr(self._con, name)


# ---------------------------------------------------------------- connecting

def _friendly(warehouse, exc: Exception) -> ClaimtrackError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = first.lower()
    where = describe(warehouse)
    if "lock" in low and ("conflicting" in low or "could not set lock" in low):
        return WarehouseLockedError(
            f"The DuckLake catalog of {where} is in use by another process (a pipeline run); wait for it to finish, "
            "or put the catalog in PostgreSQL for concurrent use."
        )
    if is_postgres(warehouse) and ("connection" in low or "could not connect" in low or "postgres" in low):
        return ClaimtrackError(f"Cannot reach the PostgreSQL catalog of {where} ({first}); check the conninfo and that the server runs.")
    if "does not match existing data path" in low:
        return ClaimtrackError(
            f"The DuckLake {where} already keeps its files elsewhere ({first}); drop --lake-data / [lake] data_path "
            "or set it to that folder."
        )
    if "data_path" in low or "data path" in low:
        return ClaimtrackError(f"The DuckLake {where} has no data path yet ({first}); pass --lake-data PATH or set [lake] data_path.")
    return ClaimtrackError(f"Cannot open the DuckLake warehouse {where} ({first}); check the attach string and --lake-data.")


def connect(warehouse, read_only: bool = False, *, data_path_override: str | None = None,
            version: int | None = None, sandbox: bool = False) -> LakeConnection:
    """Attach the lake as ``lake`` and ``USE`` it. ``version`` attaches a snapshot (time
    travel, read-only). ``sandbox`` then locks the connection like every reader's
    (warehouse.READER_CONFIG): no files but the lake's own, no other databases, no extensions."""
    warehouse = str(warehouse)
    f = catalog_file(warehouse)
    if f is not None:
        if read_only and not f.exists():
            raise ClaimtrackError(f"No DuckLake catalog at {f}; run `claimtrack run --warehouse {warehouse}` first.")
        if not read_only:
            try:
                f.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ClaimtrackError(f"Cannot create the catalog folder {f.parent} ({exc.strerror}); choose a writable path.") from exc
    dp = data_path_override or data_path(warehouse)
    if dp and not read_only and "://" not in dp:
        try:
            Path(dp).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ClaimtrackError(f"Cannot create the lake data folder {dp} ({exc.strerror}); choose a writable --lake-data path.") from exc
    options = []
    if dp:
        options.append(f"DATA_PATH '{_sql_str(dp.rstrip('/') + '/')}'")
    if read_only or version is not None:
        options.append("READ_ONLY")
    if version is not None:
        options.append(f"SNAPSHOT_VERSION {int(version)}")
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        _load_extensions(con, is_postgres(warehouse))
        attach = f"ATTACH '{_sql_str(warehouse)}' AS {ALIAS}" + (f" ({', '.join(options)})" if options else "")
        for attempt in range(10):
            try:
                con.execute(attach)
                break
            except duckdb.Error as exc:  # two writers creating a new catalog at once: the loser retries
                if attempt == 9 or "failed to initialize ducklake" not in str(exc).lower():
                    raise
                time.sleep(0.2 * (attempt + 1))
        con.execute(f"USE {ALIAS}")
        if sandbox:
            allowed_dirs = [stored_data_path(con) or dp or ""]
            allowed_dirs = [d for d in allowed_dirs if d]
            con.execute("SET allowed_directories = ?", [allowed_dirs])
            if f is not None:
                con.execute("SET allowed_paths = ?", [[str(f.resolve()), str(f)]])
            con.execute("SET enable_external_access = false")
            con.execute("SET allow_community_extensions = false")
            con.execute("SET lock_configuration = true")
    except ClaimtrackError:
        con.close()
        raise
    except duckdb.Error as exc:
        con.close()
        raise _friendly(warehouse, exc) from exc
    lc = LakeConnection(con, warehouse, read_only or version is not None, version)
    if not lc.read_only:
        try:
            _migrate(lc)
        except BaseException:
            lc.close()
            raise
    return lc


def _migrate(con: LakeConnection) -> None:
    """Migrations and views once per writer connection, retried when a concurrent writer
    applies the same ones first (DuckLake: a conflict, or 'already exists')."""
    from claimtrack.warehouse import migrate

    for attempt in range(10):
        try:
            migrate(con)
            return
        except duckdb.Error as exc:
            with contextlib.suppress(duckdb.Error):
                con.raw.execute("ROLLBACK")
            low = str(exc).lower()
            if attempt == 9 or not (is_conflict(exc) or "already exists" in low or "duplicate" in low):
                raise _friendly(con.warehouse, exc) from exc
            time.sleep(0.2 * (attempt + 1))


def stored_data_path(con) -> str | None:
    """The data path recorded in the lake's catalog."""
    raw = con.raw if isinstance(con, LakeConnection) else con
    try:
        row = raw.execute(f"SELECT value FROM __ducklake_metadata_{ALIAS}.ducklake_metadata WHERE key = 'data_path'").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


# ---------------------------------------------------------------- published snapshots, time travel

def mark_completed(con, run_id: str) -> None:
    """Inside the transaction that marks a run completed: name its DuckLake snapshot, so
    readers (and ``--as-of``) find it."""
    if isinstance(con, LakeConnection):
        con.raw.execute(f"CALL {ALIAS}.set_commit_message('claimtrack', ?)", [COMPLETED.format(run_id=run_id)])


def completed_version(con, run_id: str | None = None) -> int | None:
    """The snapshot that completed ``run_id`` (or the newest completed run)."""
    raw = con.raw if isinstance(con, LakeConnection) else con
    if run_id is None:
        row = raw.execute(f"SELECT max(snapshot_id) FROM {ALIAS}.snapshots() WHERE commit_message LIKE ?",
                          [COMPLETED_LIKE]).fetchone()
    else:
        row = raw.execute(f"SELECT max(snapshot_id) FROM {ALIAS}.snapshots() WHERE commit_message = ?",
                          [COMPLETED.format(run_id=run_id)]).fetchone()
    return row[0] if row and row[0] is not None else None


def snapshot_path(warehouse) -> Path:
    """The reader copy of a file catalog (published after each run; PostgreSQL catalogs need none)."""
    f = catalog_file(warehouse)
    return f.with_name(f.stem + ".snapshot" + (f.suffix or ".ducklake"))


def published(warehouse) -> str:
    """What readers attach: a file catalog's published copy when it exists (readers never
    wait for the writer's lock on the catalog file), else the warehouse itself."""
    f = catalog_file(warehouse)
    if f is not None:
        snap = snapshot_path(warehouse)
        if snap.exists():
            return PREFIX + str(snap)
    return str(warehouse)


def publish(warehouse) -> str:
    """After a run: copy a file catalog atomically to its reader copy (the Parquet files are
    shared, never rewritten in place). A PostgreSQL catalog is read live, at the newest
    completed run's snapshot, so there is nothing to copy."""
    from claimtrack import faults

    keep, every = _MAINTENANCE.get(str(warehouse), ("7 days", 0))
    if every:
        con = connect(warehouse)
        try:
            n_completed = con.execute("SELECT count(*) FROM runs WHERE status = 'completed'").fetchone()[0]
        finally:
            con.close()
        if n_completed and n_completed % every == 0:
            compact(warehouse, keep=keep)
    f = catalog_file(warehouse)
    if f is None:
        return str(warehouse)
    if not f.exists():
        raise ClaimtrackError(f"No DuckLake catalog at {f}; run `claimtrack run --warehouse {warehouse}` first.")
    con = duckdb.connect(str(f))  # the catalog database itself (not the lake): fold its WAL in
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    target = snapshot_path(warehouse)
    for stale in target.parent.glob(target.name + ".tmp*"):
        stale.unlink(missing_ok=True)
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    shutil.copyfile(f, tmp)
    faults.at("snapshot")
    os.replace(tmp, target)
    return PREFIX + str(target)


def connect_reader(warehouse, as_of: str | None = None) -> LakeConnection:
    """A sandboxed read-only connection to ``warehouse`` (the live catalog, or the reader
    copy ``published`` names) at its newest completed run's snapshot, or at the snapshot
    that completed run ``as_of``."""
    source = str(warehouse)
    probe = connect(source, read_only=True)
    try:
        version = completed_version(probe, as_of)
    finally:
        probe.close()
    if as_of is not None and version is None:
        raise ClaimtrackError(
            f"Run {as_of} has no completed snapshot in {describe(warehouse)}; list runs with `claimtrack status` "
            "(snapshots older than the lake's keep window are expired by `claimtrack lake compact`)."
        )
    return connect(source, read_only=True, version=version, sandbox=True)


def as_of_query(warehouse, sql: str, run_id: str, params=None):
    """``claimtrack query --as-of RUN_ID``: the query on the snapshot that completed the run."""
    from claimtrack.warehouse import reader_frame

    if not is_lake(warehouse):
        raise ClaimtrackError(
            "--as-of needs a DuckLake warehouse (time travel); a DuckDB file keeps only its latest published snapshot."
        )
    con = connect_reader(published(warehouse), as_of=run_id)
    try:
        return reader_frame(con, sql, params)
    finally:
        con.close()


def run_versions(warehouse) -> list[tuple[str, int, object]]:
    """(run_id, snapshot_id, snapshot_time) of every completed run still in the lake."""
    con = connect(published(warehouse), read_only=True)
    try:
        rows = con.raw.execute(
            f"SELECT regexp_extract(commit_message, 'claimtrack run (\\S+) completed', 1), snapshot_id, snapshot_time "
            f"FROM {ALIAS}.snapshots() WHERE commit_message LIKE ? ORDER BY snapshot_id", [COMPLETED_LIKE]
        ).fetchall()
    finally:
        con.close()
    return rows


# ---------------------------------------------------------------- writers

@contextlib.contextmanager
def writer_lock(warehouse):
    """A file catalog has one writer (DuckDB locks the file; the run holds the lock next to it
    like a DuckDB warehouse does). A PostgreSQL catalog takes many concurrent writers: DuckLake
    commits are transactions in PostgreSQL, so no lock is held here."""
    from claimtrack.warehouse import writer_lock as file_lock

    if is_postgres(warehouse):
        yield None
        return
    with file_lock(local_path(warehouse)) as path:
        yield path


def owner_tag() -> str:
    """Written into a running run's message: which process on which machine runs it."""
    return f"running on {socket.gethostname()} pid {os.getpid()}"


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


LEASES = "claimtrack_leases"


def _ensure_leases(con: LakeConnection) -> None:
    """The lease table and its rows, created in one transaction (two first writers conflict
    and one retries, so each lease row exists once)."""
    raw = con.raw
    for _ in range(20):
        try:
            raw.execute("BEGIN")
            raw.execute(f"CREATE TABLE IF NOT EXISTS {LEASES} (name VARCHAR, holder VARCHAR, expires_at TIMESTAMP)")
            if raw.execute(f"SELECT count(*) FROM {LEASES} WHERE name = 'cluster'").fetchone()[0] == 0:
                raw.execute(f"INSERT INTO {LEASES} VALUES ('cluster', NULL, NULL)")
            raw.execute("COMMIT")
            return
        except duckdb.Error as exc:
            with contextlib.suppress(duckdb.Error):
                raw.execute("ROLLBACK")
            if not is_conflict(exc) and "already exists" not in str(exc).lower():
                raise
            time.sleep(0.1)


@contextlib.contextmanager
def lease(warehouse, name: str = "cluster", ttl_s: float = 3600.0, poll_s: float = 0.5):
    """Serialise a stage across concurrent writers of a PostgreSQL-catalogued lake (clustering
    must see every claim, in order, once). Taking the lease is an UPDATE of its row: two
    takers conflict in DuckLake and only one commits. A holder that died frees it: at once
    when it ran on this machine, else after ``ttl_s``. Other warehouses need no lease."""
    if not is_postgres(warehouse):
        yield
        return
    import uuid

    me = f"{owner_tag()} {uuid.uuid4().hex[:8]}"
    con = connect(warehouse)
    raw = con.raw
    try:
        _ensure_leases(con)
        while True:
            try:
                raw.execute("BEGIN")
                holder, expires = raw.execute(
                    f"SELECT holder, expires_at < now()::TIMESTAMP FROM {LEASES} WHERE name = ?", [name]).fetchone()
                if holder is None or expires or _holder_dead(holder):
                    raw.execute(f"UPDATE {LEASES} SET holder = ?, expires_at = now()::TIMESTAMP + to_seconds(?) "
                                "WHERE name = ?", [me, ttl_s, name])
                    raw.execute("COMMIT")
                    break
                raw.execute("ROLLBACK")
            except duckdb.Error as exc:
                with contextlib.suppress(duckdb.Error):
                    raw.execute("ROLLBACK")
                if not is_conflict(exc):
                    raise
            time.sleep(poll_s)
        try:
            yield
        finally:
            for _ in range(20):
                try:
                    raw.execute(f"UPDATE {LEASES} SET holder = NULL, expires_at = NULL WHERE name = ? AND holder = ?", [name, me])
                    break
                except duckdb.Error as exc:
                    if not is_conflict(exc):
                        raise
                    time.sleep(0.1)
    finally:
        con.close()


def _holder_dead(holder: str) -> bool:
    m = re.match(r"running on (\S+) pid (\d+) ", holder)
    return bool(m) and m.group(1) == socket.gethostname() and not pid_alive(int(m.group(2)))


_WORKER_CONS: dict[tuple[str, str | None], LakeConnection] = {}


def worker_connection(warehouse: str, data_path_: str | None) -> LakeConnection:
    """One lake connection per worker process and warehouse, kept between batches."""
    key = (str(warehouse), data_path_)
    con = _WORKER_CONS.get(key)
    if con is None:
        configure(warehouse, data_path_)
        con = connect(warehouse, data_path_override=data_path_)
        _WORKER_CONS[key] = con
    return con


def drop_worker_connection(warehouse: str, data_path_: str | None) -> None:
    con = _WORKER_CONS.pop((str(warehouse), data_path_), None)
    if con is not None:
        with contextlib.suppress(Exception):
            con.close()


def is_conflict(exc: BaseException) -> bool:
    """A DuckLake commit lost to a concurrent writer's (also when it surfaces as the failed
    ROLLBACK of a handler that tried to clean up after it)."""
    seen = 0
    while exc is not None and seen < 5:
        msg = str(exc).lower()
        if isinstance(exc, duckdb.Error) and ("conflict" in msg or "serializ" in msg
                                              or "by another transaction" in msg):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def dedupe(con, tables=("sources", "articles", "article_urls", "claims", "embeddings", "article_extractions")) -> int:
    """Remove key duplicates that two concurrent writers committed at the same time (DuckLake
    has no unique keys; anti-joined inserts make a retried batch add nothing, but two copies
    of a batch running at once, or two runs ingesting the same new outlet at once, can both
    commit; the first committed row is kept). Called by the clustering stage, under its
    lease, before anything is clustered, so every claim is clustered once. Returns the rows removed."""
    if not isinstance(con, LakeConnection):
        return 0
    keys_by_table, _ = schema_info()
    removed = 0
    for table in tables:
        keys = keys_by_table[table]
        target = _physical(table)
        n = con.raw.execute(
            f"SELECT count(*) - count(DISTINCT ({', '.join(keys)})) FROM {target}"
        ).fetchone()[0]
        if n:
            con.raw.execute(
                f"DELETE FROM {target} WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER "
                f"(PARTITION BY {', '.join(keys)} ORDER BY rowid) AS rn FROM {target}) WHERE rn > 1)"
            )
            removed += n
    return removed


# ---------------------------------------------------------------- maintenance

def compact(warehouse, keep: str = "7 days", data_path_override: str | None = None) -> dict:
    """Merge small Parquet files, expire snapshots older than ``keep`` (never the newest
    completed run's), and delete the files no snapshot needs any more (including orphans
    left by killed writers)."""
    con = connect(warehouse, data_path_override=data_path_override)
    raw = con.raw
    try:
        keep_sql = keep.strip()
        if not re.fullmatch(r"\d+\s*(second|minute|hour|day|week)s?", keep_sql, re.I):
            raise ClaimtrackError(f"--keep '{keep}' is not a duration such as '7 days' or '12 hours'.")
        files_before = _file_count(raw)
        raw.execute(f"CALL ducklake_flush_inlined_data('{ALIAS}')")
        raw.execute(f"CALL ducklake_merge_adjacent_files('{ALIAS}')")
        published_v = completed_version(con)
        cutoff = raw.execute(
            f"SELECT least(now() - INTERVAL '{keep_sql}', coalesce((SELECT snapshot_time FROM {ALIAS}.snapshots() "
            "WHERE snapshot_id = ?), now()))::VARCHAR", [published_v]
        ).fetchone()[0]
        expired = raw.execute(
            f"SELECT count(*) FROM {ALIAS}.snapshots() WHERE snapshot_time < ?::TIMESTAMPTZ", [cutoff]
        ).fetchone()[0]
        raw.execute(f"CALL ducklake_expire_snapshots('{ALIAS}', older_than => '{cutoff}'::TIMESTAMPTZ)")
        raw.execute(f"CALL ducklake_cleanup_old_files('{ALIAS}', cleanup_all => true)")
        raw.execute(f"CALL ducklake_delete_orphaned_files('{ALIAS}', cleanup_all => true)")
        files_after = _file_count(raw)
    except duckdb.Error as exc:
        raise _friendly(warehouse, exc) from exc
    finally:
        con.close()
    return {"data_files_before": files_before, "data_files_after": files_after, "snapshots_expired": int(expired)}


def _file_count(raw) -> int:
    return raw.execute(
        f"SELECT count(*) FROM __ducklake_metadata_{ALIAS}.ducklake_data_file WHERE end_snapshot IS NULL"
    ).fetchone()[0]


def data_files_on_disk(warehouse, con=None) -> list[Path]:
    """Every Parquet file under a local data path (for tests of orphan clean-up)."""
    own = con is None
    con = con or connect(warehouse, read_only=True)
    try:
        dp = stored_data_path(con)
    finally:
        if own:
            con.close()
    if not dp or "://" in dp:
        return []
    return sorted(Path(dp).rglob("*.parquet"))
