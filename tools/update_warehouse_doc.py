"""Regenerate the warehouse reference in docs/WAREHOUSE.md from the schema's COMMENT ON.

    .venv/bin/python tools/update_warehouse_doc.py

Replaces what lies between the BEGIN/END markers with `claimtrack schema --markdown` (the
comments of a freshly migrated in-memory warehouse); tests/test_comments.py checks it is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from claimtrack.results import schema_markdown  # noqa: E402
from claimtrack.warehouse import migrate  # noqa: E402

DOC = Path(__file__).resolve().parent.parent / "docs" / "WAREHOUSE.md"
BEGIN, END = "<!-- BEGIN warehouse reference -->", "<!-- END warehouse reference -->"


def main() -> int:
    con = duckdb.connect()
    migrate(con)
    reference = schema_markdown(con)
    text = DOC.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        print(f"{DOC} has no {BEGIN} ... {END} markers; add them where the reference belongs.", file=sys.stderr)
        return 2
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(head + BEGIN + "\n\n" + reference + "\n" + END + tail, encoding="utf-8")
    print(f"updated {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
