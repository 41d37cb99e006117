import json

import pytest

from claimtrack.config import SourceConfig
from claimtrack.errors import SourceError
from claimtrack.sources import read_source
from claimtrack.sources.frontmatter import split_front_matter
from claimtrack.sources.html import html_to_text, published_time

PAGE = """<html><head><title>Bridge reopens | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2025-03-01T08:30:00+01:00">
<link rel="canonical" href="https://times.example/bridge"></head>
<body><nav>Home | World | Sport</nav><article><h1>Bridge reopens</h1>
<p>The old bridge over the river reopened on Friday after two years of repairs, city officials said.</p>
<p>Engineers replaced all of the steel cables and repainted the towers during the long closure.</p>
<p>Traffic is expected to return to normal levels within a week, according to the transport office.</p>
</article><footer>Subscribe to our newsletter. © Example Times</footer></body></html>"""


def test_front_matter_header_and_body():
    header, body = split_front_matter('---\nsource: "A Paper"\nurl: https://a.example/x\n---\nBody text.\n')
    assert header == {"source": "A Paper", "url": "https://a.example/x"}
    assert body == "Body text.\n"
    assert split_front_matter("No header here.") == ({}, "No header here.")
    assert split_front_matter("---\nunclosed: yes\nbody") == ({}, "---\nunclosed: yes\nbody")


def test_html_main_text_and_metadata():
    text, meta = html_to_text(PAGE)
    assert "reopened on Friday" in text and "Subscribe" not in text and "Home | World" not in text
    assert meta["source"] == "Example Times"
    assert meta["url"] == "https://times.example/bridge"
    assert published_time(PAGE) == "2025-03-01T08:30:00+01:00"


def test_folder_reads_every_format_and_records_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text("---\nsource: Paper A\npublished_at: 2025-01-02T03:04:05Z\n---\nThe mayor opened the new library on Monday.\n")
    (tmp_path / "b.md").write_text("The council approved the budget on Tuesday evening.\n")
    (tmp_path / "c.html").write_text(PAGE)
    (tmp_path / "d.json").write_text(json.dumps({"source": "Paper D", "url": "https://d.example/1", "text": "Rain is expected across the region this weekend."}))
    (tmp_path / "e.jsonl").write_text(
        json.dumps({"source": "Paper E", "text": "Line one is a fine article about the harbour."}) + "\n"
        + "{not json\n"
        + json.dumps({"source": "Paper E", "title": "no text"}) + "\n"
    )
    (tmp_path / "f.json").write_text("{broken")
    (tmp_path / "g.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")  # an image named .txt
    (tmp_path / ".hidden.txt").write_text("Never read.")
    (tmp_path / "notes.csv").write_text("a,b")
    batch = read_source(SourceConfig(kind="folder", location=str(tmp_path), name="Fallback"))
    by_source = {a.source: a for a in batch.articles}
    assert set(by_source) == {"Paper A", "Fallback", "Example Times", "Paper D", "Paper E"}
    assert by_source["Paper A"].published_at.isoformat() == "2025-01-02T03:04:05"
    assert by_source["Example Times"].published_at.isoformat() == "2025-03-01T07:30:00"
    errors = {e.uri.split("/")[-1]: e for e in batch.errors}
    assert set(errors) == {"e.jsonl:2", "e.jsonl:3", "f.json", "g.txt"}
    assert "not valid JSON" in errors["f.json"].detail
    assert "binary file" in errors["g.txt"].detail
    assert "no non-empty 'text'" in errors["e.jsonl:3"].detail


def test_article_ids_prefer_id_then_url_then_content(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [
        {"source": "S", "id": "42", "url": "https://s.example/1", "text": "Alpha text here."},
        {"source": "S", "id": "42", "url": "https://s.example/2", "text": "Changed text."},
        {"source": "S", "url": "https://s.example/3", "text": "Beta text here."},
        {"source": "S", "text": "Gamma text here."},
        {"source": "T", "text": "Gamma text here."},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows))
    arts = read_source(SourceConfig(kind="jsonl", location=str(p))).articles
    ids = [a.article_id for a in arts]
    assert ids[0] == ids[1]  # same outlet id -> same article
    assert len(set(ids)) == 4
    assert arts[3].article_id != arts[4].article_id  # same text, different outlets


def test_missing_locations_are_clear_errors(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        read_source(SourceConfig(kind="folder", location=str(tmp_path / "nope")))
    with pytest.raises(SourceError, match="does not exist"):
        read_source(SourceConfig(kind="jsonl", location=str(tmp_path / "nope.jsonl")))


def test_unparseable_date_is_an_error_row(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"source": "S", "text": "A fine sentence here.", "published_at": "last Tuesday"}))
    batch = read_source(SourceConfig(kind="jsonl", location=str(p)))
    assert not batch.articles and "published_at" in batch.errors[0].detail


def test_unix_time_and_rfc2822_dates_are_read(tmp_path):
    """Scrapers and exports often write Unix time (seconds or JavaScript milliseconds) or
    feed-style RFC 2822 dates; both are understood, an out-of-range number is a row."""
    p = tmp_path / "a.jsonl"
    rows = [
        {"id": "1", "source": "S", "text": "The council met on Monday.", "published_at": 1739882400},
        {"id": "2", "source": "S", "text": "The council met on Tuesday.", "published_at": 1739882400000},
        {"id": "3", "source": "S", "text": "The council met on Friday.", "published_at": "Tue, 18 Feb 2025 15:40:00 +0300"},
        {"id": "4", "source": "S", "text": "The council met on Sunday.", "published_at": 1e300},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows))
    batch = read_source(SourceConfig(kind="jsonl", location=str(p)))
    dates = {a.external_id: a.published_at.isoformat() for a in batch.articles}
    assert dates == {"1": "2025-02-18T12:40:00", "2": "2025-02-18T12:40:00", "3": "2025-02-18T12:40:00"}
    assert len(batch.errors) == 1 and "out of range" in batch.errors[0].detail


def test_every_configurable_kind_has_a_reader():
    from claimtrack.config import SOURCE_KINDS
    from claimtrack.sources import READERS

    assert set(READERS) == set(SOURCE_KINDS)


def test_missing_url_list_is_a_clear_error(tmp_path):
    with pytest.raises(SourceError, match="URL list .* does not exist"):
        read_source(SourceConfig(kind="urls", location=str(tmp_path / "nope.txt")))
