"""A self-contained static HTML report of the warehouse (one file, nothing fetched at view time).

Charts are drawn at build time as inline SVG (the agreement heatmap and each story's
timeline), so the page needs no JavaScript library and works offline; a few lines of
inline JavaScript do the client-side search and filters."""

from __future__ import annotations

import html
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


def heatmap_svg(agreement: pl.DataFrame, sources: list[str]) -> str:
    """Outlet x outlet matrix of shared clusters (Jaccard as colour), as inline SVG."""
    n = len(sources)
    if n == 0:
        return "<p>No outlets yet.</p>"
    cell, label = 46, 210
    size = label + cell * n
    vals = {(r["source_a"], r["source_b"]): r for r in agreement.to_dicts()}
    vmax = max([r["jaccard"] or 0 for r in vals.values()] + [0.01])
    parts = [f'<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" width="{size + 10}" height="{size + 10}" '
             f'role="img" aria-label="Source agreement matrix">']
    for i, s in enumerate(sources):
        y = label + i * cell + cell / 2 + 4
        parts.append(f'<text x="{label - 6}" y="{y}" text-anchor="end" class="hm-label">{html.escape(s[:34])}</text>')
        x = label + i * cell + cell / 2
        parts.append(f'<text x="{x}" y="{label - 6}" text-anchor="start" transform="rotate(-45 {x} {label - 6})" '
                     f'class="hm-label">{html.escape(s[:34])}</text>')
    for i, a in enumerate(sources):
        for j, b in enumerate(sources):
            x, y = label + j * cell, label + i * cell
            if a == b:
                parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="#eee"/>')
                continue
            r = vals.get((a, b))
            jac = (r or {}).get("jaccard") or 0.0
            shared = (r or {}).get("shared_clusters") or 0
            parts.append(
                f'<rect class="hm-cell" data-a="{html.escape(a)}" data-b="{html.escape(b)}" x="{x}" y="{y}" '
                f'width="{cell - 2}" height="{cell - 2}" fill="{_color(jac, vmax)}">'
                f'<title>{html.escape(a)} / {html.escape(b)}: {shared} shared clusters, Jaccard {jac:.3f}</title></rect>'
            )
            parts.append(f'<text x="{x + cell / 2 - 1}" y="{y + cell / 2 + 4}" text-anchor="middle" class="hm-value">{shared}</text>')
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(rows: list[dict], sources: list[str]) -> str:
    """One row per outlet, one dot per corroborated claim at the time the outlet first carried it."""
    if not rows:
        return ""
    times = [r["first_seen_at"] for r in rows if r["first_seen_at"] is not None]
    if not times:
        return ""
    t0, t1 = min(times), max(times)
    span = max((t1 - t0).total_seconds(), 1.0)
    outlets = [s for s in sources if any(r["source"] == s for r in rows)]
    left, width, row_h = 190, 560, 22
    height = 30 + row_h * len(outlets)
    parts = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{left + width + 20}" height="{height}" '
             f'role="img" aria-label="Timeline">']
    for i, s in enumerate(outlets):
        y = 20 + i * row_h
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end" class="tl-label">{html.escape(s[:28])}</text>')
        parts.append(f'<line x1="{left}" y1="{y}" x2="{left + width}" y2="{y}" class="tl-axis"/>')
    for r in rows:
        if r["first_seen_at"] is None or r["source"] not in outlets:
            continue
        x = left + width * (r["first_seen_at"] - t0).total_seconds() / span
        y = 20 + outlets.index(r["source"]) * row_h
        parts.append(f'<circle cx="{x:.1f}" cy="{y}" r="5" class="tl-dot"><title>{html.escape(r["source"])}, '
                     f'{r["first_seen_at"]:%Y-%m-%d %H:%M}: {html.escape(r["representative_text"][:120])}</title></circle>')
    parts.append(f'<text x="{left}" y="{height - 2}" class="tl-tick">{t0:%Y-%m-%d %H:%M}</text>')
    parts.append(f'<text x="{left + width}" y="{height - 2}" text-anchor="end" class="tl-tick">{t1:%Y-%m-%d %H:%M}</text>')
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
        sources = sources_df["source"].to_list()
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
    contra_claims = {c["claim_id_a"] for c in contradictions} | {c["claim_id_b"] for c in contradictions}
    for story in stories:
        story["clusters"] = per_story.get(story["story_id"], [])
        for cl in story["clusters"]:
            cl["claims"] = by_cluster.get(cl["cluster_id"], [])
            cl["contradicted"] = any(c["claim_id"] in contra_claims for c in cl["claims"])
        rows = [r for r in timeline if r["story_id"] == story["story_id"]]
        story["timeline_svg"] = timeline_svg(rows, sources)
        story["contradictions"] = [c for c in contradictions if c["story_id"] == story["story_id"]]
    return {
        "overview": overview,
        "sources": sources_df.to_dicts(),
        "heatmap_svg": heatmap_svg(agreement, sources),
        "stories": stories,
        "contradictions": contradictions,
        "blindspots": blindspots,
    }


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
    tpl = env.get_template("report.html.j2")
    return tpl.render(**data, generated_at=generated_at or datetime.now())


def write_report(warehouse: str | Path, out: str | Path | None = None) -> Path:
    """Build the report from the warehouse and write it atomically; returns its path."""
    out = Path(out) if out else default_report_path(warehouse)
    page = render(collect(warehouse))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    return out


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
