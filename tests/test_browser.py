"""The web UI as an analyst sees it: Debian's headless Chromium, driven by Playwright, against kg serve.

Every request that does not go to the server is refused, so these tests also show the pages work
offline. Screenshots land in tests/screenshots/ (gitignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_serve import ROOT, start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "tests" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run installs it)",
)


@pytest.fixture(scope="module")
def ui_server(tmp_path_factory, extractor):
    running = start_server(tmp_path_factory, extractor)
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, ui_server):
    """A fresh tab that may only talk to the server; JavaScript errors and outside requests are recorded."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    outside: list[str] = []
    errors: list[str] = []

    def only_local(route):
        if route.request.url.startswith(ui_server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    tab = context.new_page()
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.set_default_timeout(30_000)
    yield tab
    context.close()
    assert outside == [], f"the page asked for outside resources: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


def shoot(tab, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_query_page_runs_a_named_query_with_bound_parameters(page, ui_server):
    page.goto(ui_server.url + "/")
    page.wait_for_selector("#named option[value=dyad_timeline]", state="attached")
    page.select_option("#named", "dyad_timeline")
    assert "?dyad kg:timelineLine ?line" in page.input_value("#editor")
    assert "timeline of one relationship" in page.inner_text("#description")
    page.fill("input[data-param=a]", "NER")
    page.fill("input[data-param=b]", "USA")
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    rows = page.locator("#results tbody tr")
    assert rows.count() > 5
    headers = page.locator("#results thead th").all_inner_texts()
    assert headers[:2] == ["event", "date"]
    assert "rows in" in page.inner_text("#status")
    column = headers.index("sourceCode") + 1
    codes = set(page.locator(f"#results tbody td:nth-child({column})").all_inner_texts())
    assert codes <= {"NER", "USA"} and codes
    assert page.locator("#results a[href^='/actor/']").count() > 0
    shoot(page, "query-dyad-timeline")
    page.locator("#results a[href^='/event/']").first.click()
    page.wait_for_selector("blockquote.evidence")
    assert "Evidence" in page.inner_text("main")
    shoot(page, "event")


def test_query_page_shows_a_syntax_error_with_its_position(page, ui_server):
    page.goto(ui_server.url + "/")
    page.fill("#editor", "SELECT ?s WHERE { ?s ?p }")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])")
    assert "line 1, column" in page.inner_text("#error")


def test_dyad_page_draws_the_monthly_chart(page, ui_server):
    page.goto(ui_server.url + "/dyad/Niger/United%20States")
    assert page.locator("h1").inner_text() == "Niger – United States"
    bars = page.locator(".chart svg rect")
    assert bars.count() > 3
    assert page.locator(".chart svg").bounding_box()["width"] > 300
    assert page.locator("table.events tbody tr").count() > 5
    assert page.locator("table.events a[href^='http']").count() > 0  # article links
    shoot(page, "dyad-NER-USA")


def test_actor_page_lists_partners(page, ui_server):
    page.goto(ui_server.url + "/actor/NER")
    assert "Niger" in page.locator("h1").inner_text()
    partners = page.locator("table.partners tbody tr").all_inner_texts()
    assert any("United States" in row for row in partners) and any("Russia" in row for row in partners)
    assert page.locator("a[href='https://www.wikidata.org/wiki/Q1032']").count() == 1
    shoot(page, "actor-NER")


def test_graph_page_draws_the_network(page, ui_server):
    page.goto(ui_server.url + "/graph")
    page.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length > 0")
    nodes = page.evaluate("network.body.data.nodes.length")
    edges = page.evaluate("network.body.data.edges.length")
    assert nodes > 5 and edges > 5
    assert "NER" in page.evaluate("network.body.data.nodes.getIds()")
    assert page.locator("canvas").count() >= 1
    page.wait_for_timeout(1500)  # let the layout settle before the picture
    shoot(page, "graph")


def test_graph_page_filters_by_actor(page, ui_server):
    page.goto(ui_server.url + "/graph?actor=Niger&since=2024-01-01")
    page.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length > 0")
    ids = page.evaluate("network.body.data.nodes.getIds()")
    assert "NER" in ids
    edges = page.evaluate("network.body.data.edges.get().map(e => [e.from, e.to])")
    assert edges and all("NER" in pair for pair in edges)
