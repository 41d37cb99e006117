"""A self-contained static HTML report of the warehouse (one file, nothing fetched at view time).

Charts are drawn at build time as inline SVG (the agreement heatmap and each story's
timeline), so the page needs no JavaScript library and works offline; a few lines of
inline JavaScript do the client-side search and filters."""

from __future__ import annotations

import html
import re
from datetime import datetime
from pathlib import Path

import polars as pl

from claimtrack.warehouse import connect_reader, frame, sql_file

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
MAX_STORIES = 60
MAX_CLUSTERS_PER_STORY = 40


def default_report_path(warehouse: str | Path) -> Path:
    from claimtrack.lake import local_path

    warehouse = local_path(warehouse)  # a DuckLake's catalog file, or a local stand-in
    return warehouse.with_name(warehouse.stem + "-report.html")


def _color(value: float, vmax: float) -> str:
    """White -> deep blue, by value / vmax."""
    t = 0.0 if vmax <= 0 else max(0.0, min(1.0, value / vmax))
    r = int(255 - t * (255 - 33))
    g = int(255 - t * (255 - 102))
    b = int(255 - t * (255 - 172))
    return f"rgb({r},{g},{b})"


def _text_width(text: str, px: float = 6.6) -> float:
    """A generous estimate of a label's width at the report's 11.5 px font."""
    return len(text) * px


def short_names(sources: list[str]) -> dict[str, str]:
    """Column headings for the heatmap: each outlet's initials (Civic Wire -> CW), made
    unique with a digit; the full name is in the row label and in each cell's tooltip."""
    out: dict[str, str] = {}
    for s in sources:
        words = re.findall(r"[A-Za-z0-9]+", s)
        words = [w for w in words if w.lower() not in {"the", "of", "and", "a"}] or words or [s]
        base = "".join(w[0].upper() for w in words)[:4] or s[:3]
        name, k = base, 2
        while name in out.values():
            name, k = f"{base}{k}", k + 1
        out[s] = name
    return out


def heatmap_svg(agreement: pl.DataFrame, sources: list[str]) -> str:
    """Outlet x outlet matrix of shared clusters (number) and Jaccard overlap (colour), as
    inline SVG: full outlet names on the rows, initials on the columns (no rotated labels,
    so no empty band above the matrix) and a colour legend below it."""
    n = len(sources)
    if n == 0:
        return "<p>No outlets yet.</p>"
    cell = 46
    short = short_names(sources)
    label = int(max(_text_width(f"{s} ({short[s]})") for s in sources)) + 14
    top = 22
    vals = {(r["outlet_a"], r["outlet_b"]): r for r in agreement.to_dicts()}
    vmax = max([r["jaccard"] or 0 for r in vals.values()] + [0.01])
    legend_y = top + cell * n + 14
    width = max(label + cell * n, label + 260) + 10
    height = legend_y + 40
    parts = [f'<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="Outlet agreement matrix">']
    for i, s in enumerate(sources):
        y = top + i * cell + cell / 2 + 4
        parts.append(f'<text x="{label - 8}" y="{y}" text-anchor="end" class="hm-label">{html.escape(s)} '
                     f'<tspan class="hm-short">({html.escape(short[s])})</tspan></text>')
        x = label + i * cell + cell / 2 - 1
        parts.append(f'<text x="{x}" y="{top - 7}" text-anchor="middle" class="hm-label hm-col">'
                     f'<title>{html.escape(s)}</title>{html.escape(short[s])}</text>')
    for i, a in enumerate(sources):
        for j, b in enumerate(sources):
            x, y = label + j * cell, top + i * cell
            if a == b:
                parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="#eee"/>')
                continue
            r = vals.get((a, b))
            jac = (r or {}).get("jaccard") or 0.0
            shared = (r or {}).get("shared_clusters") or 0
            parts.append(
                f'<rect class="hm-cell" data-a="{html.escape(a)}" data-b="{html.escape(b)}" x="{x}" y="{y}" '
                f'width="{cell - 2}" height="{cell - 2}" fill="{_color(jac, vmax)}">'
                f'<title>{html.escape(a)} / {html.escape(b)}: {shared} shared claims, Jaccard {jac:.3f}</title></rect>'
            )
            ink = "#fff" if jac / vmax > 0.6 else "#1d2433"
            parts.append(f'<text x="{x + cell / 2 - 1}" y="{y + cell / 2 + 4}" text-anchor="middle" class="hm-value" '
                         f'fill="{ink}">{shared}</text>')
    # the colour legend: a gradient from 0 to the largest Jaccard overlap shown
    lx, lw = label, 200
    parts.append('<defs><linearGradient id="hm-grad" x1="0" x2="1" y1="0" y2="0">'
                 f'<stop offset="0" stop-color="{_color(0, 1)}"/><stop offset="1" stop-color="{_color(1, 1)}"/>'
                 '</linearGradient></defs>')
    parts.append(f'<g class="hm-legend"><text x="{lx - 8}" y="{legend_y + 9}" text-anchor="end" class="hm-label">'
                 f'Jaccard overlap</text>'
                 f'<rect x="{lx}" y="{legend_y}" width="{lw}" height="10" fill="url(#hm-grad)" stroke="#c9d1de"/>'
                 f'<text x="{lx}" y="{legend_y + 24}" class="hm-label">0 (nothing shared)</text>'
                 f'<text x="{lx + lw}" y="{legend_y + 24}" text-anchor="end" class="hm-label">{vmax:.2f}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(rows: list[dict], sources: list[str]) -> str:
    """One row per outlet (in the order they first carried the story's corroborated claims),
    one labelled dot per time the outlet published them: the time, how many corroborated
    claims, and for how many it was the first reporter; dated ticks on the axis."""
    rows = [r for r in rows if r["first_seen_at"] is not None and r["outlet"] in sources]
    if not rows:
        return ""
    t0 = min(r["first_seen_at"] for r in rows)
    t1 = max(r["first_seen_at"] for r in rows)
    span = max((t1 - t0).total_seconds(), 1.0)
    first_at = {}
    for r in rows:  # the first reporter of each claim: earliest time, then outlet name (as v_claim_clusters)
        key = (r["first_seen_at"], r["outlet"])
        if r["cluster_id"] not in first_at or key < first_at[r["cluster_id"]]:
            first_at[r["cluster_id"]] = key
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault((r["outlet"], r["first_seen_at"]), []).append(r)
    order: list[str] = []
    for r in sorted(rows, key=lambda r: (r["first_seen_at"], r["outlet"])):
        if r["outlet"] not in order:
            order.append(r["outlet"])
    left = int(max(_text_width(s) for s in order)) + 16
    width, row_h, pad = 600, 34, 150
    height = 22 + row_h * len(order) + 24
    total = left + width + pad
    parts = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{total}" height="{height}" '
             f'viewBox="0 0 {total} {height}" role="img" aria-label="When each outlet first carried each corroborated claim">']
    for i, s in enumerate(order):
        y = 24 + i * row_h
        parts.append(f'<text x="{left - 10}" y="{y + 4}" text-anchor="end" class="tl-label">{html.escape(s)}</text>')
        parts.append(f'<line x1="{left}" y1="{y}" x2="{left + width}" y2="{y}" class="tl-axis"/>')
    for (source, at), grp in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        x = left + width * (at - t0).total_seconds() / span
        y = 24 + order.index(source) * row_h
        n = len({r["cluster_id"] for r in grp})
        firsts = sum(1 for c in {r["cluster_id"] for r in grp} if first_at[c] == (at, source))
        label = f"{at:%d %b %H:%M} · {n} claim{'s' if n != 1 else ''}" + (f", first for {firsts}" if firsts else "")
        tip = "; ".join(sorted({r["representative_text"][:100] for r in grp}))
        parts.append(f'<circle cx="{x:.1f}" cy="{y}" r="6" class="tl-dot{" tl-first" if firsts else ""}">'
                     f'<title>{html.escape(source)}, {at:%Y-%m-%d %H:%M}: {html.escape(tip)}</title></circle>')
        parts.append(f'<text x="{x + 9:.1f}" y="{y - 7}" class="tl-dot-label">{html.escape(label)}</text>')
    axis_y = 24 + row_h * (len(order) - 1) + 22
    for k in range(5):
        t = t0 + (t1 - t0) * (k / 4)
        x = left + width * k / 4
        parts.append(f'<line x1="{x:.1f}" y1="{axis_y - 8}" x2="{x:.1f}" y2="{axis_y - 3}" class="tl-axis"/>')
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 8}" text-anchor="middle" class="tl-tick">{t:%d %b %H:%M}</text>')
    parts.append("</svg>")
    return "".join(parts)


def safe_link(url) -> str:
    """The URL if it may be a link (http or https with a host, no control characters or
    whitespace), else "" and the template shows it as text: a ``javascript:`` or ``data:``
    URL stored from a hostile page never becomes clickable."""
    from urllib.parse import urlsplit

    if not isinstance(url, str) or len(url) > 4096 or any(ord(ch) < 33 or ord(ch) == 127 for ch in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


def collect(warehouse: str | Path) -> dict:
    """Everything the report shows, read through the views on a read-only connection."""
    con = connect_reader(warehouse)
    try:
        overview = frame(con, sql_file("report/overview.sql")).to_dicts()[0]
        sources_df = frame(con, sql_file("report/sources.sql"))
        sources = sources_df["outlet"].to_list()
        agreement = frame(con, sql_file("report/agreement.sql"))
        stories = frame(con, sql_file("report/stories.sql"), {"limit": MAX_STORIES}).to_dicts()
        story_ids = [s["story_id"] for s in stories]
        clusters = frame(con, sql_file("report/story_clusters.sql"), {"stories": story_ids}).to_dicts() if story_ids else []
        per_story: dict[str, list[dict]] = {}
        for c in clusters:
            lst = per_story.setdefault(c["story_id"], [])
            if len(lst) < MAX_CLUSTERS_PER_STORY:
                lst.append(c)
        cluster_ids = sorted({c["cluster_id"] for lst in per_story.values() for c in lst})
        claims = frame(con, sql_file("report/cluster_claims.sql"), {"clusters": cluster_ids}).to_dicts() if cluster_ids else []
        timeline = frame(con, sql_file("report/timeline.sql"), {"stories": story_ids}).to_dicts() if story_ids else []
        contradictions = frame(con, sql_file("report/contradictions.sql")).to_dicts()
        blindspots = frame(con, sql_file("report/blindspots.sql")).to_dicts()
    finally:
        con.close()
    by_cluster: dict[str, list[dict]] = {}
    for c in claims:
        by_cluster.setdefault(c["cluster_id"], []).append(c)
    for story in stories:
        story["clusters"] = per_story.get(story["story_id"], [])
        for cl in story["clusters"]:
            cl["claims"] = by_cluster.get(cl["cluster_id"], [])
            cl["conflicts"] = conflicts(cl["claims"], contradictions)
            cl["contradicted"] = bool(cl["conflicts"])
        story["shared"] = [cl for cl in story["clusters"] if cl["n_outlets"] >= 2 or cl["contradicted"]]
        story["singles"] = [cl for cl in story["clusters"] if not (cl["n_outlets"] >= 2 or cl["contradicted"])]
        rows = [r for r in timeline if r["story_id"] == story["story_id"]]
        story["timeline_svg"] = timeline_svg(rows, sources)
        story["contradictions"] = [c for c in contradictions if c["story_id"] == story["story_id"]]
    return {
        "overview": overview,
        "tiles": tiles(overview),
        "counts": {key: value for key, value, _label in tiles(overview)},
        "sources": sources_df.to_dicts(),
        "heatmap_svg": heatmap_svg(agreement, sources),
        "stories": stories,
        "contradictions": contradictions,
        "blindspots": blindspots,
    }


def conflicts(cluster_claims: list[dict], contradictions: list[dict]) -> list[dict]:
    """The other side of every contradiction one of these claims is in: which outlet says
    what instead, against which value here (one entry per distinct pair of values/outlet)."""
    ids = {c["claim_id"] for c in cluster_claims}
    out, seen = [], set()
    for c in contradictions:
        for mine, other in (("a", "b"), ("b", "a")):
            if c[f"claim_id_{mine}"] in ids and c[f"claim_id_{other}"] not in ids:
                key = (c["kind"], c[f"value_{mine}"], c[f"value_{other}"], c[f"outlet_{other}"])
                if key not in seen:
                    seen.add(key)
                    out.append({"kind": c["kind"], "here": c[f"value_{mine}"], "here_outlet": c[f"outlet_{mine}"],
                                "other": c[f"value_{other}"], "other_outlet": c[f"outlet_{other}"],
                                "other_url": c.get(f"url_{other}"), "other_at": c.get(f"seen_at_{other}")})
    return out


def _pick(row: dict, *names, default=0):
    """The first of ``names`` the summary has (its columns may be renamed; old names stay)."""
    for n in names:
        if n in row and row[n] is not None:
            return row[n]
    return default


def tiles(o: dict) -> list[tuple[str, object, str]]:
    """The overview's counts, each from v_summary (the one definition every count uses), in
    the glossary's words (docs/WAREHOUSE.md), as ``claimtrack run`` and ``status`` print them."""
    return [
        ("outlets", _pick(o, "outlets"), "outlets"),
        ("articles", _pick(o, "articles"), "articles"),
        ("stories", _pick(o, "stories"), "stories (events)"),
        ("claims", _pick(o, "claims"), "claims"),
        ("clusters", _pick(o, "clusters"), "clusters (same claim across outlets)"),
        ("corroborated", _pick(o, "corroborated_clusters", "corroborated_claims"), "corroborated (2+ outlets)"),
        ("exclusive", _pick(o, "exclusive_clusters", "exclusive_claims"), "exclusive (1 outlet)"),
        ("contradictions", _pick(o, "contradictions", "disagreements"), "contradictions"),
    ]


# How the report words a claim's attribution kind (claims.attribution_kind).
ATTRIBUTION_LABELS = {"speech": "said", "belief": "believes", "intention": "intends", "other": "reported"}


def attribution_label(kind: str | None) -> str:
    """"said" / "believes" / "intends" / "reported" for an attribution kind; "said" when unknown
    (claims of older extractor versions have no kind)."""
    return ATTRIBUTION_LABELS.get(kind or "speech", "reported")


def render(data: dict, generated_at: datetime | None = None) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["dt"] = lambda v: "" if v is None else f"{v:%Y-%m-%d %H:%M}"
    env.filters["safe_link"] = safe_link
    env.filters["attribution"] = attribution_label
    tpl = env.get_template("report.html.j2")
    return tpl.render(**data, generated_at=generated_at or datetime.now())


def write_report(warehouse: str | Path, out: str | Path | None = None, data: dict | None = None) -> Path:
    """Build the report from the warehouse (or from ``data``, what :func:`collect` read) and
    write it atomically; returns its path."""
    out = Path(out) if out else default_report_path(warehouse)
    page = render(data if data is not None else collect(warehouse))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    return out


def _md(text) -> str:
    """Text safe inside a markdown table cell or link label."""
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ").replace("[", "(").replace("]", ")")


def _md_link(label, url) -> str:
    link = safe_link(url)
    return f"[{_md(label)}]({link})" if link else _md(label)


def report_markdown(data: dict, path: str | Path | None = None, top: int = 10) -> str:
    """The report's digest as markdown, for a Prefect artifact (the UI shows it where the
    HTML file, on the machine that ran the flow, cannot be opened): the counts, every
    contradiction with both values, dates and article links, and the most widely carried
    claims of each story."""
    lines = ["# claimtrack report", ""]
    lines += [" · ".join(f"**{value}** {label}" for _key, value, label in tiles(data["overview"])), ""]
    if path:
        import socket

        lines += [f"The full, searchable HTML report is `{Path(path)}` on `{socket.gethostname()}` "
                  "(`claimtrack report --open` there).", ""]
    contradictions = data.get("contradictions") or []
    lines += [f"## Contradictions ({len(contradictions)})", ""]
    if contradictions:
        lines += ["| kind | one outlet says | date | another says | date |", "|---|---|---|---|---|"]
        for c in contradictions[:50]:
            sides = []
            for x in ("a", "b"):
                at = c.get(f"seen_at_{x}")
                sides.append(f"{_md(c[f'outlet_{x}'])}: **{_md(c[f'value_{x}'])}**, "
                             f"{_md_link(c[f'claim_{x}'], c.get(f'url_{x}'))}")
                sides.append(f"{at:%Y-%m-%d %H:%M}" if at else "")
            lines.append(f"| {_md(c['kind'])} | " + " | ".join(sides) + " |")
    else:
        lines.append("None found.")
    lines += ["", "## Most corroborated claims", ""]
    for story in data.get("stories") or []:
        shared = sorted(story.get("shared") or [], key=lambda c: -c["n_outlets"])[:top]
        if not shared:
            continue
        lines += [f"### {_md(story.get('first_title') or 'Untitled story')}", "",
                  "| claim | outlets | first reporter |", "|---|---|---|"]
        for cl in shared:
            first = f"{cl['first_reporter']} ({cl['first_seen_at']:%Y-%m-%d %H:%M})" if cl.get("first_seen_at") else cl["first_reporter"]
            lines.append(f"| {_md(cl['representative_text'])} | {cl['n_outlets']} | {_md(first)} |")
        lines.append("")
    return "\n".join(lines)


CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--hide-scrollbars",
)


def find_chromium() -> str | None:
    """A Chromium/Chrome executable: $CLAIMTRACK_CHROMIUM, else the usual names on PATH."""
    import os
    import shutil

    for name in (os.environ.get("CLAIMTRACK_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def screenshot(report: str | Path, png: str | Path, width: int = 1280, height: int = 1800) -> Path:
    """Render the report in headless Chromium and save a PNG (for docs and checks)."""
    import subprocess
    import tempfile

    from claimtrack.errors import ClaimtrackError

    exe = find_chromium()
    if exe is None:
        raise ClaimtrackError("No Chromium found for --screenshot; install it (Debian: apt-get install chromium) or set CLAIMTRACK_CHROMIUM.")
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="claimtrack-chromium-") as profile:
        subprocess.run(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
             f"--screenshot={png}", Path(report).resolve().as_uri()],
            capture_output=True, timeout=120, check=False,
        )
    if not png.exists():
        raise ClaimtrackError(f"Chromium did not write {png}; run it by hand to see why.")
    return png
