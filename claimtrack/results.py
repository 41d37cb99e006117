"""Query results as the DuckDB CLI shows them, and in files.

A ``Result`` is fetched once (as Arrow) on the sandboxed reader connection. Its values are
turned into text by DuckDB itself (``CAST(... AS VARCHAR)`` on an in-memory copy), so lists,
maps, structs, intervals and decimals read exactly as in the DuckDB CLI: ``[a, b]``,
``{k=v}``, ``{'x': 1}``. The box renderer follows the CLI's layout (header, type row,
strings left, numbers right, ``NULL``, the first and last rows of long results) but
truncates a value at a word boundary with ``…`` instead of cutting a word, and never wraps.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa

FORMATS = ("table", "csv", "json", "markdown", "parquet")
NUMERIC = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
           "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "DECIMAL")
# DuckDB's CLI names types by their storage width (bigint -> int64, integer -> int32, ...)
TYPE_NAMES = {"TINYINT": "int8", "SMALLINT": "int16", "INTEGER": "int32", "BIGINT": "int64", "HUGEINT": "int128",
              "UTINYINT": "uint8", "USMALLINT": "uint16", "UINTEGER": "uint32", "UBIGINT": "uint64",
              "UHUGEINT": "uint128", "FLOAT": "float", "DOUBLE": "double", "BOOLEAN": "boolean"}


@dataclass
class Result:
    columns: list[str]
    types: list[str]          # DuckDB type names, e.g. VARCHAR[], MAP(VARCHAR, INTEGER)
    table: pa.Table           # the values, for json and parquet

    @property
    def height(self) -> int:
        return self.table.num_rows

    @property
    def text(self) -> list[tuple]:
        """Every row's values as DuckDB prints them (None for NULL); computed once, on demand."""
        if not hasattr(self, "_text"):
            self._text = _as_text(self.table)
        return self._text

    def text_rows(self, start: int, stop: int) -> list[tuple]:
        """Rows [start, stop) as text, converting only those (the box shows 40 of a million)."""
        if hasattr(self, "_text"):
            return self._text[start:stop]
        return _as_text(self.table.slice(start, max(0, stop - start)))


def fetch(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> Result:
    """Run ``sql`` once; a statement without a result (SET, PRAGMA) gives an empty Result."""
    rel = con.sql(sql, params=params)
    if rel is None:
        return Result([], [], pa.table({}))
    columns, types = list(rel.columns), [str(t) for t in rel.types]
    table = rel.to_arrow_table()
    return Result(columns, types, table)


def from_arrow(table: pa.Table) -> Result:
    """A Result from an Arrow table fetched elsewhere (a DuckLake time-travel query)."""
    mem = duckdb.connect()
    try:
        types = [str(t) for t in mem.from_arrow(table).types] if table.num_columns else []
    finally:
        mem.close()
    return Result(list(table.column_names), types, table)


def _as_text(table: pa.Table) -> list[tuple]:
    if table.num_columns == 0 or table.num_rows == 0:
        return []
    named = table.rename_columns([f"c{i}" for i in range(table.num_columns)])
    mem = duckdb.connect()  # in memory, only our own result in it
    try:
        rel = mem.from_arrow(named)
        return rel.project(", ".join(f"CAST(c{i} AS VARCHAR)" for i in range(table.num_columns))).fetchall()
    finally:
        mem.close()


# ---------------------------------------------------------------- box (the DuckDB CLI's look)

def _display_type(t: str) -> str:
    base = t.split("(")[0]
    return TYPE_NAMES.get(base, t.lower())


def _is_numeric(t: str) -> bool:
    return t.split("(")[0] in NUMERIC


def truncate(value: str, width: int) -> str:
    """``value`` in at most ``width`` characters: cut after the last whole word that fits, then
    ``…``; a single word longer than the width is the only thing ever cut inside a word."""
    value = " ".join(value.split("\n"))
    if len(value) <= width:
        return value
    if width <= 1:
        return "…"[:width]
    head = value[: width - 1]
    cut = head.rstrip()
    space = cut.rfind(" ")
    if value[width - 1] == " ":  # the word before the cut is whole
        return cut + "…"
    if space > 0:
        return cut[:space].rstrip() + "…"
    return head + "…"


def _center(s: str, w: int) -> str:
    left = (w - len(s)) // 2
    return " " * left + s + " " * (w - len(s) - left)


def render_box(res: Result, max_width: int = 120, max_rows: int = 40) -> str:
    """The result as the DuckDB CLI's box, fitted into ``max_width`` characters: long columns
    are narrowed first (values truncated at word boundaries), then middle columns are left
    out; with more than ``max_rows`` rows the first and last halves are shown."""
    if not res.columns:
        return "(no result)"
    n = res.height
    elided = max_rows and n > max_rows
    if elided:
        half = max_rows // 2
        shown_rows = res.text_rows(0, half) + res.text_rows(n - half, n)
    else:
        shown_rows = res.text
    cells = [["NULL" if v is None else " ".join(str(v).split("\n")) for v in r] for r in shown_rows]
    types = [_display_type(t) for t in res.types]
    natural = [max([len(c), len(t)] + [len(r[i]) for r in cells]) for i, (c, t) in enumerate(zip(res.columns, types))]
    floor = [min(natural[i], max(len(res.columns[i]), len(types[i]), 8)) for i in range(len(natural))]
    widths = list(natural)

    def total(cols):  # "│ a │ b │": 3 per column + 1
        return sum(widths[i] for i in cols) + 3 * len(cols) + 1

    cols = list(range(len(widths)))
    while total(cols) > max_width:  # narrow the widest column that can still give way
        i = max(cols, key=lambda k: widths[k] - floor[k])
        if widths[i] <= floor[i]:
            break
        widths[i] = max(floor[i], widths[i] - (total(cols) - max_width))
    hidden = 0
    while total(cols) + (4 if hidden else 0) > max_width and len(cols) > 1:  # then leave out middle columns
        cols.pop(len(cols) // 2)
        hidden += 1
    mid = None
    if hidden:
        mid = len(cols) // 2 + (len(cols) % 2)  # where the "…" column goes

    def line(left, fill, sep, right):
        parts = [fill * (widths[i] + 2) for i in cols]
        if mid is not None:
            parts.insert(mid, fill * 3)
        return left + sep.join(parts) + right

    def row(values, aligns):
        parts = []
        for i in cols:
            v = truncate(values[i], widths[i])
            if aligns[i] == "c":
                v = _center(v, widths[i])
            elif aligns[i] == "r":
                v = v.rjust(widths[i])
            else:
                v = v.ljust(widths[i])
            parts.append(f" {v} ")
        if mid is not None:
            parts.insert(mid, " … ")
        return "│" + "│".join(parts) + "│"

    out = [line("┌", "─", "┬", "┐"),
           row(res.columns, ["c"] * len(widths)),
           row(types, ["c"] * len(widths)),
           line("├", "─", "┼", "┤")]
    aligns = ["r" if _is_numeric(t) else "l" for t in res.types]
    for k, r in enumerate(cells):
        if elided and k == max_rows // 2:
            for _ in range(3):
                out.append(row(["·"] * len(widths), ["c"] * len(widths)))
        out.append(row(r, aligns))
    out.append(line("└", "─", "┴", "┘"))
    footer = f"{n} row" + ("" if n == 1 else "s")
    if elided:
        footer += f" ({len(shown_rows)} shown)"
    if hidden:
        footer += f"  {len(res.columns)} columns ({len(cols)} shown)"
    out.append("  " + footer)
    return "\n".join(out)


# ---------------------------------------------------------------- files

def to_csv(res: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(res.columns)
    for r in res.text:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def _jsonable(v, t: str):
    if v is None:
        return None
    if t.startswith("MAP(") and isinstance(v, list):
        return {str(k): _jsonable(x, "") for k, x in v}
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, list):
        return [_jsonable(x, "") for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x, "") for k, x in v.items()}
    if isinstance(v, (int, float, str, bool)):
        return v
    return str(v)


def to_json(res: Result) -> str:
    """An array of row objects; maps become objects, decimals numbers, dates ISO strings."""
    data = res.table.to_pylist() if res.columns else []
    out = [{c: _jsonable(row[c], t) for c, t in zip(res.columns, res.types)} for row in data]
    return json.dumps(out, ensure_ascii=False, default=str)


def to_markdown(res: Result) -> str:
    def cell(v) -> str:
        return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(res.columns) + " |",
             "|" + "".join("---:|" if _is_numeric(t) else "---|" for t in res.types)]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in res.text]
    return "\n".join(lines)


def write_parquet(res: Result, path: str | Path) -> None:
    import pyarrow.parquet as pq

    table = res.table
    for i, field in enumerate(table.schema):  # Parquet has no interval type: keep DuckDB's text of it
        if "interval" in str(field.type):
            text = pa.array([r[i] for r in res.text] if res.text else [], type=pa.string())
            table = table.set_column(i, pa.field(field.name, pa.string()), text)
    if len(set(table.column_names)) != len(table.column_names):  # Parquet needs distinct names
        seen: dict[str, int] = {}
        names = []
        for c in table.column_names:
            seen[c] = seen.get(c, 0) + 1
            names.append(c if seen[c] == 1 else f"{c}_{seen[c] - 1}")
        table = table.rename_columns(names)
    pq.write_table(table, str(path))


# ---------------------------------------------------------------- the warehouse's own documentation

SCHEMA_SQL = """
SELECT 'view' AS kind, view_name AS name, comment, sql FROM duckdb_views()
WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
UNION ALL
SELECT 'table', table_name, comment, sql FROM duckdb_tables()
WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
ORDER BY 1 DESC, 2
"""
COLUMNS_SQL = """
SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
ORDER BY table_name, column_index
"""


def schema(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every view and table with its comment and columns (name, type, comment), views first."""
    cols: dict[str, list[tuple[str, str, str | None]]] = {}
    for t, c, dt, cm in con.execute(COLUMNS_SQL).fetchall():
        cols.setdefault(t, []).append((c, dt, cm))
    out = []
    for kind, name, comment, _sql in con.execute(SCHEMA_SQL).fetchall():
        out.append({"kind": kind, "name": name, "comment": comment, "columns": cols.get(name, []),
                    "deprecated": (comment or "").startswith("Deprecated")})
    return out


def schema_markdown(con: duckdb.DuckDBPyConnection) -> str:
    """The warehouse reference, generated from the COMMENT ON of every view, table and column."""
    items = schema(con)
    md = ["<!-- generated by `claimtrack schema --markdown` from the warehouse's COMMENT ON; do not edit by hand -->", ""]
    groups = (("Views", [i for i in items if i["kind"] == "view" and not i["deprecated"]]),
              ("Tables", [i for i in items if i["kind"] == "table"]),
              ("Deprecated views (kept for one version)", [i for i in items if i["kind"] == "view" and i["deprecated"]]))
    for title, group in groups:
        md += [f"### {title}", ""]
        for it in group:
            md += [f"#### `{it['name']}`", "", it["comment"] or "", ""]
            if it["deprecated"]:
                continue
            md += ["| column | type | meaning |", "|---|---|---|"]
            for c, dt, cm in it["columns"]:
                meaning = (cm or "").replace("|", "\\|")
                md.append(f"| `{c}` | `{dt}` | {meaning} |")
            md.append("")
    return "\n".join(md).rstrip() + "\n"
