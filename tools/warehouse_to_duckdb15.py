"""Convert a warehouse written by DuckDB 2 (storage version 69+) to the DuckDB 1.5 storage format.

claimtrack pins DuckDB 1.5 (the format the DuckDB CLI, DBeaver, dbt-duckdb, Evidence and the
DuckDB UI read). DuckDB 1.5 cannot open a DuckDB 2 file, but DuckDB 2 can write the old format,
so this script must run under a Python that imports DuckDB 2:

    pip install --target /tmp/duckdb2 'duckdb>=2,<3'
    PYTHONPATH=/tmp/duckdb2 .venv/bin/python tools/warehouse_to_duckdb15.py warehouse/claimtrack.duckdb

It copies every table, view, sequence and comment into a new file in the 1.5 format, keeps
the original as ``<name>.duckdb2`` and removes a stale published snapshot (the next
``claimtrack run`` or ``recluster`` republishes it). Stop any running pipeline first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def convert(path: Path) -> Path:
    import duckdb

    if int(duckdb.__version__.split(".")[0]) < 2:
        raise SystemExit(
            f"This script needs DuckDB 2 to read {path}, but imported DuckDB {duckdb.__version__}; "
            "run it as: pip install --target /tmp/duckdb2 'duckdb>=2,<3' && "
            f"PYTHONPATH=/tmp/duckdb2 .venv/bin/python {sys.argv[0]} {path}"
        )
    if not path.exists():
        raise SystemExit(f"No file at {path}; pass the warehouse path (e.g. warehouse/claimtrack.duckdb).")
    tmp = path.with_name(path.name + ".v15.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{path}' AS old (READ_ONLY)")
        con.execute(f"ATTACH '{tmp}' AS new (STORAGE_VERSION 'v1.5.0')")
        con.execute("COPY FROM DATABASE old TO new")
        con.execute("DETACH new")
    finally:
        con.close()
    backup = path.with_name(path.name + ".duckdb2")
    os.replace(path, backup)
    os.replace(tmp, path)
    snapshot = path.with_name(path.stem + ".snapshot" + (path.suffix or ".duckdb"))
    if snapshot.exists():
        os.replace(snapshot, snapshot.with_name(snapshot.name + ".duckdb2"))
    return backup


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path = Path(argv[0])
    backup = convert(path)
    print(f"Converted {path} to the DuckDB 1.5 format; the original is at {backup}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
