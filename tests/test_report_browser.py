"""report.html in headless Chromium: loads cleanly, the network works, links reach highlighted sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.compare import compare
from detente.report import BROWSER_ARGS, write_report
from detente.synthetic import CorpusBuilder

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.browser


def small_corpus():
    b = CorpusBuilder()
    for code, name in [("RUS", "Russia"), ("IRN", "Iran"), ("ISR", "Israel"), ("SYR", "Syria"),
                       ("USA", "the United States")]:
        b.actor(code, name, code)
    b.actor("sergei-lavrov", "Sergei Lavrov", "RUS", "GOV", "person")
    b.actor("ali-khamenei", "Ali Khamenei", "IRN", "GOV", "person")
    one = b.document("wire-1", outlet="Wire One", published="2020-01-04", author="Jane Roe",
                     title="Russia and Iran deepen ties after strike")
    one.say("Russia and Iran are close allies, and their cooperation keeps growing.").claim("RUS", "IRN", "ally")
    one.say("The United States killed a senior commander in a strike on Iran on 3 January.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="strike")
    one.say("\u201cThis crime will not go unanswered,\u201d Ali Khamenei said of the United States.").quote(
        "This crime will not go unanswered", "ali-khamenei")
    one.say("Russia sent aid to Syria.", paragraph=True).event(
        "RUS", "SYR", "AID", "material_cooperation", 7, date="2020-01-03", trigger="sent")
    two = b.document("herald-1", outlet="State Herald", published="2020-01-05",
                     title="<script>document.title='pwned'</script> Lavrov: no alliance")
    two.say("Sergei Lavrov said Russia and Iran are not allies but good neighbours.").claim(
        "RUS", "IRN", "ally", "denied", holder="sergei-lavrov", holder_kind="speaker")
    two.say("The strike by the United States on Iran took place on 2 January.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-02", trigger="strike")
    two.say("Israel struck targets in Syria <script>document.title='pwned'</script> overnight.").event(
        "ISR", "SYR", "ASSAULT", "material_conflict", -10, date="2020-01-04", trigger="struck")
    two.say("Russia sent humanitarian aid to Syria.").event(
        "RUS", "SYR", "AID", "material_cooperation", 7, date="2020-01-03", trigger="sent")
    return b.corpus


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Chromium not found at /usr/bin/chromium (install Debian's chromium to run browser tests)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    corpus = small_corpus()
    path = write_report(corpus, compare(corpus), tmp_path_factory.mktemp("report") / "report.html")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.errors = []
        page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(path.as_uri(), wait_until="load")
        yield page
        browser.close()


def test_loads_without_console_errors_or_injected_script(page):
    assert page.errors == []
    assert page.title() == "detente report"
    assert page.locator("text=<script>document.title='pwned'</script>").count() >= 1


def test_network_renders(page):
    assert page.locator("#graph .node").count() == 5
    assert page.locator("#graph .edge").count() == 4
    box = page.locator("#graph").bounding_box()
    assert box["width"] > 400 and box["height"] > 200


def test_clicking_an_edge_lists_its_evidence(page):
    edge = page.locator("#graph .edge").filter(has=page.locator("title", has_text="Iran – Russia"))
    edge.dispatch_event("click")
    panel = page.locator("#panel")
    assert panel.locator("h3").inner_text() == "Iran – Russia"
    items = panel.locator("li.ev-item")
    assert items.count() == 2
    assert "Russia and Iran are close allies" in items.first.inner_text()
    items.first.locator("a").click()
    highlighted = page.locator(".s.hl")
    assert highlighted.count() == 1 and highlighted.first.is_visible()


def test_contradiction_links_to_both_sentences(page, tmp_path):
    card = page.locator("article.finding", has=page.locator(".badge.claim_polarity"))
    links = card.locator("a.go")
    assert links.count() == 2
    expected = ["Russia and Iran are close allies", "Russia and Iran are not allies"]
    for n, words in enumerate(expected):
        links.nth(n).click()
        target = page.locator(".s.hl-first")
        assert target.count() == 1 and words in target.inner_text()
        assert target.is_visible() and target.evaluate("e => e.closest('details').open")
        assert page.evaluate("location.hash") == "#" + target.get_attribute("id")
    assert page.errors == []
    page.locator("#disagree").scroll_into_view_if_needed()
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
