"""The bad-input corpus: every case ends in an ingest_errors row or a documented handling,
the good articles around it are stored, and nothing crashes (ingest + claim extraction)."""

import gzip
import json

import duckdb
import pytest

from claimtrack import pipeline
from claimtrack.config import Settings, SourceConfig

pytestmark = pytest.mark.slow

GOOD = "The harbour authority reopened the north pier on Monday after repairs, officials said."


def build_corpus(root):
    """Writes the corpus; returns {case: expected outcome}."""
    def w(name, data):
        (root / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

    fm = "---\nsource: {src}\npublished_at: {date}\n---\n{body}\n"
    w("good_a.txt", fm.format(src="Good A", date="2025-05-01T08:00:00Z", body=GOOD))
    w("good_b.md", fm.format(src="Good B", date="2025-05-01T09:00:00Z", body=GOOD.replace("Monday", "Monday morning")))
    w("empty.txt", "")
    w("whitespace.txt", "   \n\t\n  ")
    w("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    w("archive.jsonl", gzip.compress(b'{"source": "X", "text": "zipped"}\n'))
    w("cp1252.txt", fm.format(src="Old Export", date="2025-05-02T08:00:00Z", body="The caf\xe9 on the pier reopened on Tuesday, its owner said.").encode("cp1252"))
    w("utf16.txt", fm.format(src="Utf Sixteen", date="2025-05-02T09:00:00Z", body="The ferry timetable changed on Tuesday, the operator said.").encode("utf-16"))
    w("huge.txt", fm.format(src="Huge", date="2025-05-02T10:00:00Z", body="The council met again today. " * 700_000))
    w("nested.html", "<html><body>" + "<div>" * 5000 + "<p>Deep text that nobody will read.</p>" + "</div>" * 5000 + "</body></html>")
    w("scripts.html", "<html><head><title>Pier</title><meta property='og:site_name' content='Script Times'></head><body>"
      + "<script>var x = 'The pier was sold to aliens yesterday.';</script>" * 200
      + "<article><h1>Pier</h1><p>The pier was repainted blue last week by volunteers from the town.</p>"
      + "<p>The work took three days and cost the town nothing, the organisers said.</p></article></body></html>")
    w("nomain.html", "<html><body><nav>Home | News</nav><footer>© 2025</footer></body></html>")
    w("lines.jsonl", "\n".join([
        json.dumps({"source": "Lines", "id": "1", "text": "The river level fell by two metres overnight, engineers said."}),
        "{not json at all",
        json.dumps({"source": "Lines", "title": "no text field"}),
        json.dumps(["a", "list"]),
        json.dumps({"source": "Lines", "id": "5", "text": "A ferry ran aground on Friday.", "published_at": "2999-01-01T00:00:00Z"}),
        json.dumps({"source": "Lines", "id": "6", "text": "A bus route changed.", "published_at": "the day after tomorrow"}),
        json.dumps({"source": "Lines", "id": "7", "text": "El ayuntamiento aprobó el presupuesto el martes por la noche tras un largo debate sobre los puentes."}),
        json.dumps({"source": "Lines", "id": "8", "text": "The mayor said " + "that the bridge plan, which many residents opposed, " * 1000 + "would go ahead."}),
        json.dumps({"source": "Lines", "id": "9", "text": "🚀🔥 The launch was delayed again 😡, the agency said. שלום עולם, said the visitor. 🙂"}),
    ]))
    return 17  # cases, for the note: each file above, and each bad/odd JSONL line


def test_bad_input_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n_cases = build_corpus(corpus)
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="folder", location=str(corpus), name="Fallback")])
    run_id = pipeline.start_run(s)
    counts = pipeline.ingest(s, run_id)
    ext = pipeline.extract(s, run_id)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        errors = con.execute("SELECT uri, stage, error, detail FROM ingest_errors").fetchall()
        arts = {r[0]: r for r in con.execute(
            "SELECT coalesce(origin, ''), s.name, a.published_at, a.language, a.text FROM articles a JOIN sources s USING (source_id)"
        ).fetchall()}
        claims = con.execute("SELECT a.text, c.char_start, c.char_end, c.text FROM claims c JOIN articles a USING (article_id)").fetchall()
    finally:
        con.close()
    by_file = {}
    for uri, stage, error, detail in errors:
        by_file.setdefault(uri.rsplit("/", 1)[-1], []).append((stage, error, detail))

    def err(name):
        assert name in by_file, f"no error row for {name}: {sorted(by_file)}"
        return by_file[name][0]

    stored = {k.rsplit("/", 1)[-1]: v for k, v in arts.items()}
    # good articles around the bad ones are stored
    assert {"good_a.txt", "good_b.md"} <= set(stored)
    # one clear row each
    assert "has no text" in err("empty.txt")[2]
    assert "has no text" in err("whitespace.txt")[2]
    assert "binary file" in err("image.txt")[2]
    assert "binary file" in err("archive.jsonl")[2]
    assert err("huge.txt")[1] == "ArticleTooLong"
    assert "no main text" in err("nomain.html")[2]
    assert "not valid JSON" in err("lines.jsonl:2")[2]
    assert "no non-empty 'text'" in err("lines.jsonl:3")[2]
    assert "JSON object" in err("lines.jsonl:4")[2]
    assert err("lines.jsonl:5")[1] == "FutureDate" and stored["lines.jsonl:5"][2] is None  # kept, date dropped
    assert "published_at" in err("lines.jsonl:6")[2]
    # documented handling: decoded, stored
    assert "café" in stored["cp1252.txt"][4]
    assert "ferry timetable" in stored["utf16.txt"][4]
    # scripts stripped, main text kept
    assert "aliens" not in stored["scripts.html"][4] and "repainted blue" in stored["scripts.html"][4]
    # nested markup: either stored or one row, never a crash
    assert "nested.html" in stored or "nested.html" in by_file
    # non-English kept, not extracted
    assert stored["lines.jsonl:7"][3] == "es"
    assert ext.get("skipped_language", 0) >= 1
    # the 50,000-character sentence and the emoji/RTL text gave claims with valid spans
    assert len(stored["lines.jsonl:8"][4]) > 50_000
    for text, start, end, claim in claims:
        assert 0 <= start < end <= len(text) and claim.strip()
    assert any("launch was delayed" in c[3] for c in claims)
    assert counts["errors"] == len(errors) >= 11
    assert n_cases == 17
