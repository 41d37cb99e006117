"""The HTML report: its content from the seeds, and a real headless browser rendering it."""

import subprocess

import lxml.html
import pytest

from claimtrack.report import find_chromium, screenshot, write_report

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--hide-scrollbars",
]


@pytest.fixture(scope="module")
def report(seeded_warehouse, tmp_path_factory):
    return write_report(seeded_warehouse, tmp_path_factory.mktemp("report") / "report.html")


@pytest.fixture(scope="module")
def tree(report):
    return lxml.html.fromstring(report.read_text())


def test_report_is_one_self_contained_file(report, tree):
    text = report.read_text()
    assert "<script src=" not in text and "<link" not in text and "http://cdn" not in text
    assert not tree.xpath("//img | //iframe | //object | //embed")
    # the only URLs are links to the articles themselves
    assert all(a.get("href").startswith(("#", "https://", "http://")) for a in tree.xpath("//a[@href]"))
    assert tree.xpath("//svg[@class='heatmap']//rect[@class='hm-cell']")


def test_sticky_header_has_contents_and_search(tree):
    header = tree.xpath("//header[contains(@class,'top')]")[0]
    assert header.xpath(".//input[@id='q' and @type='search']")  # the search box is in the header
    targets = [a.get("href") for a in header.xpath(".//nav[contains(@class,'toc')]//a")]
    assert targets[:4] == ["#overview", "#agreement", "#contradictions", "#stories"]
    for t in targets:
        assert tree.xpath(f"//*[@id='{t[1:]}']"), t
    style = tree.xpath("string(//style)")
    assert "header.top { position: sticky; top: 0;" in style
    # the stories index links every story section
    index = [a.get("href") for a in tree.xpath("//ol[@class='story-index']//a")]
    sections = ["#" + s.get("id") for s in tree.xpath("//section[@class='story']")]
    assert index == sections and len(sections) == 3  # the seeds' three events


def test_contradictions_show_both_values_dates_and_articles(tree):
    rows = tree.xpath("//tr[contains(@class,'contradiction')]")
    assert rows
    values = set()
    linked_both = 0
    for row in rows:
        sides = row.xpath("./td[contains(@class,'side')]")
        assert len(sides) == 2
        for side in sides:
            assert side.xpath("string(.//span[@class='outlet'])").strip()
            assert side.xpath("string(.//time[@class='date'])").strip()[:2] == "20"  # a date
            values.add(side.xpath("string(.//span[@class='diff'])"))
        links = [s.xpath(".//a[@class='article']/@href") for s in sides]
        linked_both += all(links)
    assert {"4.5 hour", "3 hour", "12 people", "15 people"} <= values
    assert linked_both >= 2  # both articles linked (one seed article has no URL)


def test_variant_badge_shows_the_other_value(tree):
    badges = [b.text_content() for b in tree.xpath("//span[contains(@class,'variant')]")]
    assert any("3 hour" in b and "4.5 hour" in b for b in badges), badges
    assert any("15 people" in b and "12 people" in b for b in badges), badges


def test_corroborated_cards_show_every_outlet_and_the_span(tree):
    cards = tree.xpath("//div[contains(@class,'card') and @data-corroborated='1']")
    assert cards
    versions = cards[0].xpath(".//div[@class='version']")
    assert len({v.xpath("string(.//div[@class='outlet'])") for v in versions}) >= 2
    assert cards[0].xpath(".//mark")  # the source span, highlighted in context


def test_single_outlet_claims_are_folded(tree):
    folded = tree.xpath("//details[contains(@class,'singles')]")
    assert folded and all(d.get("open") is None for d in folded)
    for d in folded:
        cards = d.xpath(".//div[contains(@class,'card')]")
        n = int(d.xpath("string(./summary)").split()[0])
        assert len(cards) == n and all(c.get("data-corroborated") == "0" for c in cards)
        assert not d.xpath(".//div[contains(@class,'contradicted')]")  # contradicted claims stay in view
    unfolded = tree.xpath("//section[@class='story']/div[contains(@class,'card')]")
    assert all(c.get("data-corroborated") == "1" or "contradicted" in c.get("class") for c in unfolded)


def test_timelines_are_labelled(tree):
    svgs = tree.xpath("//svg[@class='timeline']")
    assert len(svgs) == 3
    for svg in svgs:
        dots = svg.xpath(".//circle")
        labels = [t.text_content() for t in svg.xpath(".//text[@class='tl-dot-label']")]
        assert dots and len(labels) == len(dots)
        assert all(" claim" in label for label in labels)
        assert len(svg.xpath(".//text[@class='tl-tick']")) >= 2  # a dated axis
    names = {t.text_content() for t in tree.xpath("//svg[@class='timeline']//text[@class='tl-label']")}
    assert "Unnamed wire service (real seed)" in names  # outlet names are not cut


def test_heatmap_has_a_legend_and_no_empty_band(tree):
    svg = tree.xpath("//svg[@class='heatmap']")[0]
    assert svg.xpath(".//g[@class='hm-legend']//rect[@fill='url(#hm-grad)']")
    assert "Jaccard" in svg.xpath("string(.//g[@class='hm-legend'])")
    top = min(float(r.get("y")) for r in svg.xpath(".//rect[@class='hm-cell']"))
    assert top <= 30  # column headings take one line, not a band of rotated labels
    rows = [t.text_content() for t in svg.xpath(".//text[@class='hm-label' and @text-anchor='end']")]
    assert any(r.startswith("Unnamed wire service (real seed)") for r in rows)  # full names on the rows


class Browser:
    """Headless Chromium driven over the DevTools protocol (websockets, already a Prefect
    dependency): evaluate JavaScript in the loaded report, as a user's browser runs it."""

    def __init__(self, exe, profile, url, width=1280, height=900):
        import json
        import time
        import urllib.request

        from websockets.sync.client import connect

        self.proc = subprocess.Popen([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                                      "--remote-debugging-port=0", "--remote-allow-origins=*", url],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.time() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            assert time.time() < deadline and self.proc.poll() is None, "chromium did not start its DevTools port"
            time.sleep(0.2)
        port = port_file.read_text().split()[0]
        while True:
            pages = [t for t in json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list")) if t["type"] == "page"]
            if pages:
                break
            time.sleep(0.2)
        self.ws = connect(pages[0]["webSocketDebuggerUrl"], max_size=None)
        self.n = 0
        while self.eval("location.protocol + document.readyState") != "file:complete":
            time.sleep(0.2)

    def eval(self, expr):
        import json

        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": "Runtime.evaluate",
                                 "params": {"expression": expr, "returnByValue": True}}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.n:
                return msg["result"]["result"].get("value")

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=30)


def test_report_renders_in_a_real_browser(report, tmp_path):
    exe = find_chromium()
    if exe is None:
        pytest.skip("no chromium found (install Debian's `chromium`; .ci/run does)")
    base = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    url = report.resolve().as_uri()
    dom = subprocess.run(base + ["--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    tree = lxml.html.fromstring(dom)
    shown = tree.xpath("string(//*[@id='shown'])")
    assert shown.endswith("claims shown") and shown.split()[0] == shown.split()[2]  # the script ran: all shown
    assert tree.xpath("//svg[@class='heatmap']//rect[@class='hm-cell']")
    assert any("4.5 hour" in s.text_content() for s in tree.xpath("//span[@class='diff']"))
    assert all(d.get("open") is None for d in tree.xpath("//details[contains(@class,'singles')]"))
    # client-side search: #q=footbridge hides every card that does not mention it, and opens
    # the folded single-outlet claims that match
    dom = subprocess.run(base + ["--dump-dom", url + "#q=footbridge"], capture_output=True, text=True, timeout=120).stdout
    tree = lxml.html.fromstring(dom)
    visible = tree.xpath("//div[contains(@class,'card') and not(contains(@class,'hidden'))]")
    hidden = tree.xpath("//div[contains(@class,'card') and contains(@class,'hidden')]")
    assert visible and hidden
    assert all("footbridge" in v.get("data-text") for v in visible)
    for d in tree.xpath("//details[contains(@class,'singles') and not(contains(@class,'hidden'))]"):
        assert d.get("open") is not None and d.xpath(".//div[contains(@class,'card') and not(contains(@class,'hidden'))]")
    shot = screenshot(report, tmp_path / "report.png")  # what `claimtrack report --screenshot` does
    assert shot.exists() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # in a live browser: the header (contents and search box) stays on top while reading the
    # last story; the heatmap starts right under its heading; folded claims open on a click
    browser = Browser(exe, tmp_path / "cdp-profile", url)
    try:
        height = browser.eval("document.documentElement.scrollHeight")
        browser.eval("(function(){var s=document.querySelectorAll('section.story'); s[s.length-1].scrollIntoView();})()")
        assert browser.eval("window.scrollY") > 1000
        assert browser.eval("document.querySelector('header.top').getBoundingClientRect().top") == 0
        assert browser.eval("(function(){var r=document.getElementById('q').getBoundingClientRect();"
                            "return r.top >= 0 && r.bottom < 140 && r.width > 200;})()")
        gap = browser.eval("(function(){var h=document.querySelector('#agreement p').getBoundingClientRect().bottom,"
                           "c=document.querySelector('.hm-cell').getBoundingClientRect().top; return c-h;})()")
        assert 0 <= gap < 60, gap  # no empty band above the matrix
        before = browser.eval("document.documentElement.scrollHeight")
        browser.eval("document.querySelectorAll('details.singles').forEach(function(d){d.open=true;})")
        assert browser.eval("document.documentElement.scrollHeight") > before  # they were folded
    finally:
        browser.close()
    assert height < 15_000, height  # the seeds' report was ~28,500 px before folding single-outlet claims


def test_overview_counts_are_v_summary_and_add_up(tree, seeded_warehouse):
    from claimtrack.warehouse import connect_reader

    con = connect_reader(seeded_warehouse)
    try:
        cur = con.execute("SELECT * FROM v_summary")
        summary = dict(zip([d[0] for d in cur.description], cur.fetchone()))
    finally:
        con.close()
    tiles = {d.get("data-tile"): int(d.xpath("string(./b)")) for d in tree.xpath("//div[@class='count']")}
    assert tiles["claims"] == summary["claims"] and tiles["contradictions"] == summary["contradictions"]
    assert tiles["corroborated"] == summary["corroborated_clusters"]
    assert tiles["corroborated"] + tiles["exclusive"] == summary["clusters"]
    note = " ".join(tree.xpath("string(//p[contains(@class,'claims-note')])").split())
    assert note.startswith(f"Of the {summary['claims']} claims, {summary['clustered_claims']} are clustered")
    assert summary["clustered_claims"] + summary["background_claims"] + summary["unclustered_claims"] == summary["claims"]
    if summary["background_claims"]:
        assert f"{summary['background_claims']} are background descriptors" in note
