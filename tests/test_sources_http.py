"""Web sources (rss, urls, sitemap) against a real HTTP server the tests start on 127.0.0.1.

The site serves valid RSS 0.91 / 1.0 / 2.0 and Atom feeds, relative links, conditional GET
(304), a slow page, a 500-then-200 page, a 404, a redirect chain, a huge page, a PDF,
malformed XML, a page robots.txt forbids, news sitemaps and a sitemap index. Each case
checks what is stored and which ``ingest_errors`` row is written."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

from claimtrack import pipeline
from claimtrack.config import HttpConfig, Settings, SourceConfig, load_settings
from claimtrack.sources import Fetcher, read_source

UA = "claimtrack-test/1.0 (+tests)"
FAST = HttpConfig(user_agent=UA, timeout=0.5, retries=1, backoff=0.05, per_host_rate=1000,
                  per_host_concurrency=8, max_bytes=100_000, allow_private_addresses=True)

PARAGRAPHS = {
    "a1": ["The city council approved a new budget for road repairs on Tuesday evening after a long debate.",
           "The plan sets aside 12 million dollars for resurfacing the busiest streets in the northern district.",
           "Officials said work would begin in early spring and last for about eighteen months."],
    "nodate": ["A new ferry line between the two harbour towns opened on Monday morning with a full passenger list.",
               "The operator said the crossing takes forty minutes and runs every hour during the day.",
               "Local businesses welcomed the service, saying it would bring more visitors in the summer."],
    "flaky": ["Heavy rain flooded several roads in the valley overnight, forcing the closure of the main bridge.",
              "Emergency crews evacuated around thirty homes as the river rose above its banks.",
              "The regional weather office warned that more rain is expected later this week."],
    "final": ["The university announced that its new library will open to the public next month.",
              "The building houses more than two million books and a large reading room on the top floor.",
              "Students have waited almost five years for the project to be completed."],
    "b1": ["Scientists at the national observatory reported the discovery of a bright new comet on Friday.",
           "The comet should be visible to the naked eye from southern countries in late autumn.",
           "Astronomers said it was the brightest comet found in more than a decade."],
    "b2": ["The national railway said train services would return to normal after a week of strikes.",
           "Unions and management reached an agreement on wages late on Wednesday night.",
           "Passengers were advised to check timetables before travelling on the weekend."],
    "s1": ["The port authority said container traffic rose by nine percent in the first quarter of the year.",
           "Most of the growth came from new shipping routes to Asia opened last autumn.",
           "The authority expects the trend to continue for the rest of the year."],
    "s2": ["The museum of modern art will extend its opening hours during the summer holidays.",
           "Visitors will be able to enter until ten in the evening from July to the end of August.",
           "The museum said the change follows record visitor numbers last year."],
    "fr": ["Le conseil municipal a approuvé mardi soir un nouveau budget pour la réparation des routes.",
           "Le plan prévoit douze millions pour refaire les rues les plus fréquentées du quartier nord.",
           "Les responsables ont déclaré que les travaux commenceraient au début du printemps."],
    "secret": ["This page is private and must never be fetched by a polite crawler at all, says robots.txt.",
               "It contains a long paragraph so that it would otherwise be a perfectly fine article.",
               "Nobody should ever read this sentence through claimtrack."],
}


def page(slug: str, *, site: str = "Loopback Times", published: str | None = None, lang: str = "en") -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[slug])
    return (f'<html lang="{lang}"><head><title>{slug} story</title><meta property="og:site_name" content="{site}">'
            f'<meta property="og:title" content="{slug} story">{meta}</head><body><nav>Home | News</nav>'
            f'<article><h1>{slug} story</h1>{paras}</article><footer>Subscribe now.</footer></body></html>').encode()


def rss2(base: str, items: list[tuple[str, str, str | None]], title: str = "Loopback Times") -> bytes:
    out = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
           f"<link>{base}/</link><description>test</description>"]
    for t, link, date in items:
        d = f"<pubDate>{date}</pubDate>" if date else ""
        out.append(f"<item><title>{t}</title><link>{link}</link>{d}<author>desk@loopback.example (News Desk)</author></item>")
    out.append("</channel></rss>")
    return "".join(out).encode()


class LocalSite:
    """A threaded HTTP server on 127.0.0.1 with the routes above; counts hits per path and
    records request headers."""

    def __init__(self):
        self.hits: Counter = Counter()
        self.headers: dict[str, dict] = {}
        self.routes: dict[str, object] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                site.hits[path] += 1
                site.headers[path] = dict(self.headers)
                route = site.routes.get(path)
                if route is None:
                    return self._send(404, b"not found", "text/plain")
                route(self)

            def _send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=None, length=True):
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                if length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.Handler = Handler
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._setup_routes()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def static(self, path, body, ctype="text/html; charset=utf-8", etag=None, status=200, headers=None, length=True):
        def handler(h):
            if etag and h.headers.get("If-None-Match") == etag:
                return h._send(304, b"", None, {"ETag": etag})
            extra = dict(headers or {})
            if etag:
                extra["ETag"] = etag
            h._send(status, body, ctype, extra, length)
        self.routes[path] = handler

    def _setup_routes(self):
        b = self.base
        self.static("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
        for slug in ("a1", "flaky", "final", "b1", "b2", "s1", "s2"):
            self.static(f"/articles/{slug}.html", page(slug))
        self.static("/articles/a1-copy.html", page("a1"))  # the same story at a second URL
        self.static("/articles/nodate.html", page("nodate", published="2025-06-02T09:15:00+02:00"))
        self.static("/articles/fr.html", page("fr", lang="fr"))
        self.static("/private/secret.html", page("secret"))
        self.static("/missing.html", b"gone", "text/html", status=404)
        self.static("/doc.pdf", b"%PDF-1.4 fake", "application/pdf")
        self.static("/huge.html", b"<html><body>" + b"<p>big</p>" * 30_000 + b"</body></html>")
        self.static("/huge-stream.html", b"<html><body>" + b"<p>big</p>" * 30_000 + b"</body></html>", length=False)
        self.static("/r1", b"", None, status=302, headers={"Location": "/r2"})
        self.static("/r2", b"", None, status=301, headers={"Location": f"{b}/articles/final.html"})

        def slow(h):
            time.sleep(1.5)
            h._send(200, page("a1"))
        self.routes["/slow.html"] = slow

        def flaky(h):
            if self.hits["/flaky.html"] == 1:
                return h._send(500, b"oops", "text/plain")
            h._send(200, page("flaky"))
        self.routes["/flaky.html"] = flaky

        self.static("/feed.xml", rss2(b, [
            ("Budget", f"{b}/articles/a1.html", "Tue, 03 Jun 2025 18:30:00 GMT"),
            ("Budget (syndicated)", f"{b}/articles/a1-copy.html", "Tue, 03 Jun 2025 18:31:00 GMT"),
            ("Ferry", f"{b}/articles/nodate.html", None),
            ("Budget FR", f"{b}/articles/fr.html", "Tue, 03 Jun 2025 19:00:00 GMT"),
            ("Flood", f"{b}/flaky.html", "Wed, 04 Jun 2025 07:00:00 GMT"),
            ("Library", f"{b}/r1", "Wed, 04 Jun 2025 08:00:00 GMT"),
            ("Slow", f"{b}/slow.html", None),
            ("Missing", f"{b}/missing.html", None),
            ("Huge", f"{b}/huge.html", None),
            ("Huge stream", f"{b}/huge-stream.html", None),
            ("Report", f"{b}/doc.pdf", None),
            ("Secret", f"{b}/private/secret.html", None),
        ]), "application/rss+xml", etag='"feed-v1"')
        self.static("/clean.xml", rss2(b, [
            ("Comet", f"{b}/articles/b1.html", "Fri, 06 Jun 2025 10:00:00 GMT"),
            ("Trains", f"{b}/articles/b2.html", "Fri, 06 Jun 2025 11:00:00 GMT"),
        ], title="Clean Feed"), "application/rss+xml", etag='"clean-v1"')
        self.static("/atom.xml", (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:base="{b}/articles/"><title>Atom Herald</title><id>urn:atom-herald</id>'
            '<updated>2025-06-06T12:00:00Z</updated>'
            '<entry><title>Comet</title><id>urn:b1</id><link href="b1.html"/><updated>2025-06-06T10:00:00Z</updated>'
            '<author><name>Ada Writer</name></author></entry>'
            '<entry><title>Trains</title><id>urn:b2</id><link rel="alternate" href="/articles/b2.html"/>'
            '<published>2025-06-06T11:00:00Z</published></entry></feed>').encode(), "application/atom+xml")
        self.static("/rss1.xml", (
            '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="{b}/"><title>RDF Post</title><link>{b}/</link><description>x</description></channel>'
            f'<item rdf:about="{b}/articles/s1.html"><title>Port</title><link>{b}/articles/s1.html</link>'
            '<dc:date>2025-06-01T08:00:00Z</dc:date></item></rdf:RDF>').encode(), "application/rdf+xml")
        self.static("/rss091.xml", (
            '<?xml version="1.0"?><rss version="0.91"><channel><title>Old Style News</title>'
            f'<link>{b}/</link><description>x</description><language>en-us</language>'
            f'<item><title>Museum</title><link>{b}/articles/s2.html</link></item></channel></rss>').encode(),
            "text/xml")
        self.static("/broken.xml", b"<rss><channel><title>Broken & bad</title><item><link>\x00<<<", "application/rss+xml")
        news = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                f'<url><loc>{b}/articles/s1.html</loc><news:news><news:publication><news:name>Sitemap Gazette</news:name>'
                '<news:language>en</news:language></news:publication><news:publication_date>2025-06-01T08:00:00Z'
                '</news:publication_date><news:title>Port traffic up</news:title></news:news></url>'
                f'<url><loc>/articles/s2.html</loc><lastmod>2025-06-02</lastmod><news:news><news:publication>'
                '<news:name>Sitemap Gazette</news:name><news:language>en</news:language></news:publication>'
                '<news:publication_date>2025-06-02T10:00:00+02:00</news:publication_date>'
                '<news:title>Museum hours</news:title></news:news></url></urlset>')
        self.static("/sitemap-news.xml", news.encode(), "application/xml", etag='"sm-v1"')
        self.static("/sitemap_index.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<sitemap><loc>{b}/sitemap-news.xml</loc><lastmod>2025-06-02</lastmod></sitemap></sitemapindex>').encode(),
            "application/xml")


@pytest.fixture(scope="module")
def site():
    s = LocalSite()
    yield s
    s.close()


def settings_for(tmp_path, *specs, **http) -> Settings:
    sources = [SourceConfig(kind=k, location=loc, name=name) for k, loc, name in
               [(sp[0], sp[1], sp[2] if len(sp) > 2 else None) for sp in specs]]
    return Settings(warehouse=tmp_path / "w.duckdb", sources=sources, http=FAST.model_copy(update=http))


def ingest(settings):
    run_id = pipeline.start_run(settings)
    counts = pipeline.ingest(settings, run_id)
    pipeline.finish_run(settings, run_id, "completed", counts)
    return run_id, counts


def rows(settings, sql, params=None):
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_feed_run_stores_articles_and_one_error_row_per_failure(site, tmp_path):
    b = site.base
    s = settings_for(tmp_path, ("rss", f"{b}/feed.xml"))
    t0 = time.perf_counter()
    run_id, counts = ingest(s)
    assert time.perf_counter() - t0 < 8
    arts = {r[0]: r[1:] for r in rows(s, "SELECT url, title, published_at, language, author, source_id FROM articles")}
    # stored: the good pages; the syndicated copy is linked, not stored twice; the redirect's final URL is canonical
    assert set(arts) == {f"{b}/articles/{x}.html" for x in ("a1", "nodate", "fr", "final")} | {f"{b}/flaky.html"}
    assert {a[4] for a in arts.values()} == {"loopback-times"}  # outlet: the feed's title
    a1 = arts[f"{b}/articles/a1.html"]
    assert a1[0] == "a1 story" and a1[1].isoformat() == "2025-06-03T18:30:00" and a1[2] == "en"
    assert a1[3] == "desk@loopback.example (News Desk)"  # the entry's author (the page has none)
    assert arts[f"{b}/articles/nodate.html"][1].isoformat() == "2025-06-02T07:15:00"  # page metadata, in UTC
    assert arts[f"{b}/articles/fr.html"][2] == "fr"
    links = dict((u, (a, k)) for u, a, k in rows(s, "SELECT url, article_id, link FROM article_urls"))
    assert links[f"{b}/r1"][1] == "entry" and links[f"{b}/articles/final.html"][1] == "canonical"
    assert links[f"{b}/r1"][0] == links[f"{b}/articles/final.html"][0]
    assert links[f"{b}/articles/a1-copy.html"] == (links[f"{b}/articles/a1.html"][0], "duplicate")
    errs = {r[0]: r[1:] for r in rows(s, "SELECT uri, stage, error, detail, run_id, source_spec FROM ingest_errors")}
    assert {u: e[:2] for u, e in errs.items()} == {
        f"{b}/slow.html": ("fetch", "Timeout"),
        f"{b}/missing.html": ("fetch", "HTTPStatusError"),
        f"{b}/huge.html": ("fetch", "TooLarge"),
        f"{b}/huge-stream.html": ("fetch", "TooLarge"),
        f"{b}/doc.pdf": ("fetch", "UnsupportedContentType"),
        f"{b}/private/secret.html": ("robots", "RobotsDisallowed"),
    }
    assert "404" in errs[f"{b}/missing.html"][2] and "application/pdf" in errs[f"{b}/doc.pdf"][2]
    assert all(e[3] == run_id and e[4] == f"rss:{b}/feed.xml" for e in errs.values())
    # retries: 5xx and timeouts are retried (retries=1), a 404 is not; robots-forbidden is never requested
    assert site.hits["/flaky.html"] == 2 and site.hits["/slow.html"] == 2
    assert site.hits["/missing.html"] == 1 and site.hits["/private/secret.html"] == 0
    assert site.headers["/articles/a1.html"]["User-Agent"] == UA
    assert counts["articles_new"] == 5 and counts["errors"] == 6 and counts["per_source"][0]["status"] == "partial"

    # Next run: the feed is fetched again (an entry failed transiently), stored pages are not.
    before = Counter(site.hits)
    _, again = ingest(s)
    assert again["articles_new"] == 0
    assert site.hits["/feed.xml"] == before["/feed.xml"] + 1
    assert site.hits["/articles/a1.html"] == before["/articles/a1.html"]  # known URL: not fetched again
    assert site.hits["/slow.html"] == before["/slow.html"] + 2  # the transient failure is retried


def test_unchanged_feed_costs_one_304(site, tmp_path):
    s = settings_for(tmp_path, ("rss", f"{site.base}/clean.xml"))
    _, first = ingest(s)
    assert first["articles_new"] == 2 and first["errors"] == 0
    before = sum(site.hits.values())
    _, second = ingest(s)
    assert sum(site.hits.values()) == before + 1  # the feed, 304 (robots.txt is kept for a day)
    assert second["http_requests"] == 1 and second["http_not_modified"] == 1 and second["articles_new"] == 0
    assert site.headers["/clean.xml"]["If-None-Match"] == '"clean-v1"'
    assert rows(s, "SELECT status FROM source_runs ORDER BY occurred_at") == [("ok",), ("not_modified",)]
    assert rows(s, "SELECT status, etag FROM http_cache WHERE url = ?", [f"{site.base}/clean.xml"]) == [(304, '"clean-v1"')]


@pytest.mark.parametrize("path, outlet, n", [("/atom.xml", "Atom Herald", 2), ("/rss1.xml", "RDF Post", 1),
                                              ("/rss091.xml", "Old Style News", 1)])
def test_feed_formats_and_relative_links(site, path, outlet, n):
    with Fetcher(FAST) as f:
        batch = read_source(SourceConfig(kind="rss", location=site.base + path), fetcher=f)
    assert not batch.errors and len(batch.articles) == n
    assert {a.source for a in batch.articles} == {outlet}
    assert all(a.url.startswith(site.base + "/articles/") for a in batch.articles)
    if path == "/atom.xml":  # xml:base-relative and root-relative links
        by_url = {a.url: a for a in batch.articles}
        assert set(by_url) == {f"{site.base}/articles/b1.html", f"{site.base}/articles/b2.html"}
        assert by_url[f"{site.base}/articles/b1.html"].author == "Ada Writer"
        assert by_url[f"{site.base}/articles/b2.html"].published_at.isoformat() == "2025-06-06T11:00:00"


def test_configured_name_wins_and_malformed_feed_is_a_failed_source(site, tmp_path):
    with Fetcher(FAST) as f:
        named = read_source(SourceConfig(kind="rss", location=site.base + "/rss1.xml", name="My Outlet"), fetcher=f)
    assert [a.source for a in named.articles] == ["My Outlet"]
    s = settings_for(tmp_path, ("rss", f"{site.base}/broken.xml"), ("rss", f"{site.base}/nowhere.xml"))
    for _ in range(3):
        _, counts = ingest(s)
    assert counts["sources_failed"] == 2
    errs = rows(s, "SELECT DISTINCT uri, stage, error FROM ingest_errors ORDER BY uri")
    assert errs == [(f"{site.base}/broken.xml", "parse", "MalformedFeed"),
                    (f"{site.base}/nowhere.xml", "fetch", "HTTPStatusError")]
    from typer.testing import CliRunner

    from claimtrack.cli import app

    out = CliRunner().invoke(app, ["status", "--warehouse", str(s.warehouse)])
    assert out.exit_code == 0, out.output
    assert "failing in each of the last 3 runs" in out.output
    assert f"rss:{site.base}/broken.xml" in out.output and "not a readable RSS or Atom feed" in out.output


def test_news_sitemap_and_sitemap_index(site, tmp_path):
    b = site.base
    s = settings_for(tmp_path, ("sitemap", f"{b}/sitemap-news.xml"))
    _, counts = ingest(s)
    got = rows(s, "SELECT url, source_id, published_at, title FROM articles ORDER BY url")
    assert [(u, src, p.isoformat()) for u, src, p, _ in got] == [
        (f"{b}/articles/s1.html", "sitemap-gazette", "2025-06-01T08:00:00"),
        (f"{b}/articles/s2.html", "sitemap-gazette", "2025-06-02T08:00:00"),
    ]
    _, again = ingest(s)
    assert again["http_requests"] == 1 and again["http_not_modified"] == 1
    with Fetcher(FAST) as f:
        batch = read_source(SourceConfig(kind="sitemap", location=f"{b}/sitemap_index.xml"), fetcher=f)
    assert sorted(a.url for a in batch.articles) == [f"{b}/articles/s1.html", f"{b}/articles/s2.html"]
    with Fetcher(FAST) as f:
        bad = read_source(SourceConfig(kind="sitemap", location=f"{b}/broken.xml"), fetcher=f)
    assert bad.failed and bad.errors[0].error == "MalformedSitemap"


def test_url_list(site, tmp_path):
    b = site.base
    lst = tmp_path / "urls.txt"
    lst.write_text(f"# my reading list\n{b}/articles/b1.html\n\nnot a url\n{b}/r1\n{b}/missing.html\n")
    with Fetcher(FAST) as f:
        batch = read_source(SourceConfig(kind="urls", location=str(lst)), fetcher=f)
    assert sorted(a.url for a in batch.articles) == [f"{b}/articles/b1.html", f"{b}/articles/final.html"]
    assert {a.source for a in batch.articles} == {"Loopback Times"}  # the page's site name
    assert sorted((e.error, e.stage) for e in batch.errors) == [("HTTPStatusError", "fetch"), ("InvalidURL", "parse")]


def test_non_english_articles_are_kept_but_not_extracted(site, tmp_path):
    lst = tmp_path / "urls.txt"
    lst.write_text(f"{site.base}/articles/fr.html\n")
    s = settings_for(tmp_path, ("urls", str(lst)))
    run_id, _ = ingest(s)
    counts = pipeline.extract(s, run_id)
    assert counts["skipped_language"] == 1 and counts["claims_new"] == 0
    assert rows(s, "SELECT language FROM articles") == [("fr",)]
    assert rows(s, "SELECT n_claims, dropped FROM article_extractions") == [(0, {"non_english_article": 1})]
    assert pipeline.extract(s, run_id)["skipped_language"] == 0  # not retried


def test_config_and_cli_accept_web_kinds(chdir_tmp):
    (chdir_tmp / "claimtrack.toml").write_text(
        '[http]\nuser_agent = "me/1 (ops@example.org)"\nper_host_rate = 0.5\n'
        '[extraction]\nnon_english = true\n'
        '[[sources]]\nkind = "rss"\nlocation = "https://example.org/feed.xml"\nname = "Example"\n'
        '[[sources]]\nkind = "sitemap"\nlocation = "https://example.org/news-sitemap.xml"\n')
    s = load_settings()
    assert [x.spec for x in s.sources] == ["rss:https://example.org/feed.xml", "sitemap:https://example.org/news-sitemap.xml"]
    assert s.http.user_agent == "me/1 (ops@example.org)" and s.http.per_host_rate == 0.5 and s.extraction.non_english
    s = load_settings(sources=["urls:list.txt", "rss:http://127.0.0.1:8000/feed.xml"])
    assert [x.kind for x in s.sources] == ["urls", "rss"]
