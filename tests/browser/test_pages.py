"""Browser tests of the workbench: every page in headless Chromium, search, filters, highlights, map."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

pytest.importorskip(
    "playwright.sync_api",
    reason="playwright is not installed or not importable (pip install 'claimledger[dev]')",
    exc_type=ImportError,
)

#: Debian's Chromium (the same path as conftest.CHROMIUM; test folders are not packages).
CHROMIUM = Path("/usr/bin/chromium")
#: Where each page's screenshot goes (git-ignored).
SCREENSHOTS = Path(__file__).parents[2] / "test-artifacts" / "screenshots"

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing (apt-get install chromium); the browser tests need Debian's Chromium",
        allow_module_level=True,
    )

pytestmark = pytest.mark.browser

#: Every page with a heading it must show (the article page is opened from the explorer below).
PAGES = [
    ("claims", "/", "Claims"),
    ("articles", "/articles", "Articles"),
    ("sources", "/sources", "Sources"),
    ("clusters", "/clusters", "Clusters"),
    ("contradictions", "/contradictions", "Contradictions"),
    ("map", "/map", "Map"),
    ("timeline", "/timeline", "Timeline"),
    ("docs", "/docs", "API"),
]

#: The roles the article page highlights, each as a ``hl-<role>`` class.
ROLES = ["source", "cue", "content", "hedge", "time", "place", "quantity"]


def _open(pg: Any, url: str) -> Any:
    response = pg.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    return response


def _clean(pg: Any, problems: Any) -> None:
    csp = pg.evaluate("window.__cspViolations || []")
    found = problems.all(csp)
    assert not found, "\n".join(found)


def _shot(pg: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000


@pytest.mark.parametrize(("name", "path", "heading"), PAGES, ids=[p[0] for p in PAGES])
def test_page_loads_clean(page: tuple[Any, Any], base_url: str, name: str, path: str, heading: str) -> None:
    pg, problems = page
    response = _open(pg, base_url + path)
    assert "script-src" in (response.headers.get("content-security-policy") or "")
    assert heading.lower() in pg.locator("h1").first.inner_text().lower()
    # The stylesheet was applied (CSP allows /static): the body no longer has the default margin.
    assert pg.evaluate("getComputedStyle(document.body).margin") != "8px"
    # No script payload from the hostile article ever runs or becomes an element.
    assert pg.evaluate("document.querySelectorAll('main script, main img, main svg[onload]').length") == 0
    _shot(pg, name)
    _clean(pg, problems)


def test_explorer_search_finds_matching_claims(page: tuple[Any, Any], base_url: str) -> None:
    pg, problems = page
    _open(pg, base_url + "/")
    total = pg.locator("table.claims tbody tr").count()
    pg.fill("form.filters input[name=q]", "Kupyansk")
    pg.click("form.filters button[type=submit]")
    pg.wait_for_load_state("load")
    assert parse_qs(urlparse(pg.url).query)["q"] == ["Kupyansk"]
    rows = pg.locator("table.claims tbody tr")
    assert 1 <= rows.count() < total
    for text in rows.all_inner_texts():
        assert "Kupyansk" in text
    assert pg.input_value("form.filters input[name=q]") == "Kupyansk"
    _shot(pg, "claims-search")
    _clean(pg, problems)


def test_explorer_filter_narrows_to_direct_quotes(page: tuple[Any, Any], base_url: str) -> None:
    pg, problems = page
    _open(pg, base_url + "/")
    total = pg.locator("table.claims tbody tr").count()
    pg.select_option("form.filters select[name=quote]", "direct")
    pg.click("form.filters button[type=submit]")
    pg.wait_for_load_state("load")
    assert parse_qs(urlparse(pg.url).query)["quote"] == ["direct"]
    rows = pg.locator("table.claims tbody tr")
    assert 1 <= rows.count() < total
    quote_column = rows.locator("td:nth-child(3)").all_inner_texts()
    assert set(quote_column) == {"direct"}
    _shot(pg, "claims-filter")
    _clean(pg, problems)


def test_explorer_opens_article_with_highlights_and_panel(page: tuple[Any, Any], base_url: str) -> None:
    pg, problems = page
    _open(pg, base_url + "/?q=Kupyansk")
    link = pg.locator("table.claims tbody tr td a[href^='/articles/']").first
    claim_text = link.inner_text()
    link.click()
    pg.wait_for_load_state("load")
    assert urlparse(pg.url).path.startswith("/articles/")
    focus = parse_qs(urlparse(pg.url).query)["claim"][0]
    # Every role the fixture article carries is highlighted in the text.
    text = pg.locator("article.text")
    for role in ROLES:
        assert text.locator(f"mark.hl-{role}").count() >= 1, f"no {role} highlight"
    # The highlighted pieces spell the article text exactly (offsets are exact).
    assert claim_text in text.inner_text()
    assert text.locator("mark.hl-content", has_text="Kupyansk").count() >= 1
    # The side panel shows each claim's structure; the focused claim's card is marked.
    panel = pg.locator("aside.panel")
    assert panel.locator("section.card").count() == 3
    card = panel.locator("section.card.focus")
    assert card.count() == 1
    assert card.get_attribute("id") == f"card-{focus}"
    assert "UK Ministry of Defence" in card.inner_text()
    assert any("Kupyansk" in dd for dd in card.locator("dd").all_inner_texts())
    assert pg.locator(f"#claim-{focus}").count() == 1
    _shot(pg, "article")
    _clean(pg, problems)


def test_hostile_article_renders_payloads_as_text(page: tuple[Any, Any], base_url: str, appdata: Any) -> None:
    pg, problems = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open(pg, base_url + "/?q=forgery")
    pg.locator("table.claims tbody tr td a[href^='/articles/']").first.click()
    pg.wait_for_load_state("load")
    body = pg.locator("article.text").inner_text()
    assert appdata.SCRIPT in body and appdata.IMG in body
    assert (
        pg.evaluate(
            "document.querySelectorAll('article.text script, article.text img, article.text a').length"
        )
        == 0
    )
    assert dialogs == []
    _shot(pg, "article-hostile")
    _clean(pg, problems)


def test_map_draws_a_marker_per_place(page: tuple[Any, Any], base_url: str) -> None:
    pg, problems = page
    _open(pg, base_url + "/map")
    markers = pg.locator("svg.map g.points circle")
    table_rows = pg.locator("table.sortable tbody tr").count()
    assert markers.count() >= 3  # Kupyansk, Kyiv, Bakhmut at least
    assert markers.count() == table_rows
    box = markers.first.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0
    names = pg.locator("svg.map g.points title").all_text_contents()
    assert any(n.startswith("Bakhmut") for n in names)
    assert pg.locator("svg.map g.land rect").count() > 0
    _clean(pg, problems)


def test_sortable_table_sorts_on_click(page: tuple[Any, Any], base_url: str) -> None:
    pg, problems = page
    _open(pg, base_url + "/map")
    pg.click("table.sortable th button[data-sort=number]")
    first = [int(v) for v in pg.locator("table.sortable tbody td[data-value]").all_inner_texts()]
    assert first == sorted(first)
    pg.click("table.sortable th button[data-sort=number]")
    second = [int(v) for v in pg.locator("table.sortable tbody td[data-value]").all_inner_texts()]
    assert second == sorted(first, reverse=True)
    _clean(pg, problems)
