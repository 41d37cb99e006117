"""Regenerate the example-query section (between the queries markers in docs/QUERIES.md, or
README.md if it has them) from sql/queries/*.sql and the warehouse.

    .venv/bin/claimtrack run            # warehouse from seeds/
    .venv/bin/python tools/update_readme_queries.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack.cli import to_markdown  # noqa: E402
from claimtrack.warehouse import query  # noqa: E402

START, END = "<!-- queries:start -->", "<!-- queries:end -->"


def section(warehouse: Path) -> str:
    parts = []
    for path in sorted((ROOT / "sql" / "queries").glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        title = re.search(r"^-- title: (.*)$", sql, re.M).group(1)
        question = re.search(r"^-- question: (.*)$", sql, re.M).group(1)
        body = "\n".join(line for line in sql.splitlines() if not line.startswith("-- title:") and not line.startswith("-- question:"))
        df = query(warehouse, sql)
        parts.append(
            f"#### {title}\n\n*{question}* — `claimtrack query --file sql/queries/{path.name}`\n\n"
            f"```sql\n{body.strip()}\n```\n\n{to_markdown(df)}\n"
        )
    return "\n".join(parts)


def main() -> None:
    warehouse = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "warehouse" / "claimtrack.duckdb"
    body = section(warehouse)
    for doc in (ROOT / "docs" / "QUERIES.md", ROOT / "README.md"):
        text = doc.read_text(encoding="utf-8") if doc.exists() else ""
        if START not in text:
            continue
        new = text[: text.index(START) + len(START)] + "\n\n" + body + "\n" + text[text.index(END):]
        doc.write_text(new, encoding="utf-8")
        print(f"updated {doc}")


if __name__ == "__main__":
    main()
