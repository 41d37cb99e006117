"""The HTML report: its content from the seeds, and a real headless browser rendering it."""

import subprocess

import lxml.html
import pytest

from claimtrack.report import find_chromium, screenshot, write_report

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]


@pytest.fixture(scope="module")
def report(seeded_warehouse, tmp_path_factory):
    return write_report(seeded_warehouse, tmp_path_factory.mktemp("report") / "report.html")


def test_report_is_one_self_contained_file(report):
    text = report.read_text()
    assert "<script src=" not in text and "<link" not in text and "http://cdn" not in text
    tree = lxml.html.fromstring(text)
    assert tree.xpath("//svg[@class='heatmap']//rect[@class='hm-cell']")


def test_report_shows_corroboration_contradiction_and_provenance(report):
    tree = lxml.html.fromstring(report.read_text())
    cards = tree.xpath("//div[contains(@class,'card') and @data-corroborated='1']")
    assert cards
    versions = cards[0].xpath(".//div[@class='version']")
    assert len({v.xpath("string(.//div[@class='outlet'])") for v in versions}) >= 2
    assert cards[0].xpath(".//mark")  # the source span, highlighted in context
    diffs = [td.text_content() for td in tree.xpath("//tr[contains(@class,'contradiction')]/td[@class='diff']")]
    assert "4.5 hour" in diffs and "3 hour" in diffs
    assert len(tree.xpath("//section[@class='story']")) == 3  # the seeds' three events


def test_report_renders_in_a_real_browser(report, tmp_path):
    exe = find_chromium()
    if exe is None:
        pytest.skip("no chromium found (install Debian's `chromium`; .ci/run does)")
    base = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    url = report.resolve().as_uri()
    dom = subprocess.run(base + ["--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    tree = lxml.html.fromstring(dom)
    shown = tree.xpath("string(//*[@id='shown'])")
    assert shown.endswith("clusters shown") and shown.split()[0] == shown.split()[2]  # the script ran: all shown
    assert tree.xpath("//svg[@class='heatmap']//rect[@class='hm-cell']")
    assert any("4.5 hour" in td.text_content() for td in tree.xpath("//td[@class='diff']"))
    # client-side search: #q=footbridge hides every card that does not mention it
    dom = subprocess.run(base + ["--dump-dom", url + "#q=footbridge"], capture_output=True, text=True, timeout=120).stdout
    tree = lxml.html.fromstring(dom)
    visible = tree.xpath("//div[contains(@class,'card') and not(contains(@class,'hidden'))]")
    hidden = tree.xpath("//div[contains(@class,'card') and contains(@class,'hidden')]")
    assert visible and hidden
    assert all("footbridge" in v.get("data-text") for v in visible)
    shot = screenshot(report, tmp_path / "report.png")  # what `claimtrack report --screenshot` does
    assert shot.exists() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
