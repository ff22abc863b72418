"""The workbench pages: each renders from the ledger, filters and pages work, hostile text stays inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import pytest

from claimledger.web.views import PAGE_SIZE, safe_url, with_query

PAGES = ["/", "/articles", "/sources", "/map", "/map?fit=0", "/timeline", "/docs"]


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_html(reader: Any, url: str) -> None:
    response = reader.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<link rel="stylesheet" href="/static/app.css">' in response.text


def test_claims_page_lists_claims_linking_to_article_view(reader: Any) -> None:
    page = reader.get("/").text
    assert "We will not retreat" in page
    assert 'href="/articles/kyiv-b?claim=kyiv-b-0-40#claim-kyiv-b-0-40"' in page
    assert "8 claims from" in page


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("q=retreat", "We will not retreat", "Russian forces shelled"),
        ("source=general+staff", "Russian forces shelled", "We will not retreat"),
        ("about=Bakhmut", "Russian forces shelled", "We will not retreat"),
        ("place=Kyiv", "1,000 soldiers", "Russian forces shelled"),
        ("since=2023-01&until=2023-12", "We will not retreat", "Russian forces shelled"),
        ("min_p=0.8", "highly likely deployed", "Russian forces shelled"),
        ("quote=direct", "We will not retreat", "Russian forces shelled"),
        ("min_p=&quote=&q=&source=+", "We will not retreat", "No claims match"),
    ],
)
def test_claims_page_filters(reader: Any, query: str, present: str, absent: str) -> None:
    page = reader.get(f"/?{query}").text
    assert present in page
    assert absent not in page


def test_claims_page_keeps_form_values(reader: Any) -> None:
    page = reader.get("/?place=Kyiv&min_p=0.55&quote=indirect").text
    assert 'name="place" value="Kyiv"' in page
    assert '<option value="0.55" selected>' in page
    assert '<option value="indirect" selected>' in page


def test_claims_page_bad_filter_is_an_error_page(reader: Any) -> None:
    response = reader.get("/?since=yesterday")
    assert response.status_code == 422
    assert "is not a date" in response.text


def test_claims_page_paginates(tmp_path: Any, appdata: Any) -> None:
    path = appdata.build_ledger(tmp_path / "bulk.db", appdata.many_documents(PAGE_SIZE + 5))
    with appdata.client_for(path) as c:
        first = c.get("/").text
        match = re.search(r'href="(/\?cursor=[^"]+)">next', first)
        assert match
        second = c.get(match.group(1).replace("&amp;", "&")).text
    assert first.count("<tr>") == PAGE_SIZE + 1  # header row + one page
    assert second.count("<tr>") == 5 + 1
    assert "previous" in second and "next →" not in second


def test_article_view_highlights_roles(reader: Any) -> None:
    page = reader.get("/articles/huffpost-a?claim=huffpost-a-32-100").text
    assert '<mark class="hl hl-source' in page
    assert re.search(r'<mark class="hl hl-cue[^"]*"[^>]*>said</mark>', page)
    assert re.search(r'<mark class="hl hl-content hl-hedge[^"]*"[^>]*>highly likely</mark>', page)
    assert re.search(r'class="hl hl-content hl-place[^"]*"[^>]*>Kupyansk</mark>', page)
    assert re.search(r'class="hl hl-content hl-quantity"[^>]*>1,000 soldiers</mark>', page)
    assert 'id="claim-huffpost-a-32-100"' in page
    assert 'class="card focus" id="card-huffpost-a-32-100"' in page


def test_article_view_text_is_whole(reader: Any, appdata: Any) -> None:
    page = reader.get("/articles/kyiv-b").text
    body = re.search(r'<article class="text">(.*?)</article>', page, re.DOTALL)
    assert body
    import html

    assert html.unescape(re.sub(r"<[^>]+>", "", body.group(1))) == appdata.builders.TEXT_B


def test_article_view_shows_chain(reader: Any) -> None:
    page = reader.get("/articles/huffpost-a").text
    assert re.search(r"HuffPost UK</span>.*→.*UK Ministry of Defence</span>", page, re.DOTALL)


def test_claim_page_redirects_to_article(reader: Any) -> None:
    response = reader.get("/claims/kyiv-b-0-40", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/articles/kyiv-b?claim=kyiv-b-0-40#claim-kyiv-b-0-40"


def test_sources_page_counts_and_recent_claims(reader: Any) -> None:
    page = reader.get("/sources").text
    row = re.search(r"UK Ministry of Defence</a></td>.*?</tr>", page, re.DOTALL)
    assert row and "Russia has highly likely deployed troops" in row.group(0)
    assert 'data-value="1"' in row.group(0)


def test_map_page_draws_points(reader: Any) -> None:
    page = reader.get("/map").text
    assert page.count("<circle") == 4  # Kupyansk, Kyiv, Bakhmut and the hostile town
    assert "Kupyansk (UA): 1 claims" in page
    assert "<rect" in page  # the basemap


def test_map_world_view_places_points_by_coordinates(reader: Any) -> None:
    page = reader.get("/map?fit=0&place=Kyiv").text
    circle = re.search(r'<circle cx="([\d.]+)" cy="([\d.]+)"', page)
    assert circle
    assert float(circle.group(1)) == pytest.approx((30.52 + 180) / 360 * 960, abs=0.01)
    assert float(circle.group(2)) == pytest.approx((90 - 50.45) / 180 * 480, abs=0.01)


def test_timeline_page_draws_rows(reader: Any) -> None:
    page = reader.get("/timeline").text
    assert "UK Ministry of Defence (1)" in page
    assert "<title>UK Ministry of Defence, 2023-03: 1</title>" in page


def test_docs_page_lists_api_without_cdn(reader: Any) -> None:
    page = reader.get("/docs").text
    assert "/api/v1/claims" in page and "/api/v1/ingest" in page
    assert "cdn" not in page.lower() and "swagger" not in page.lower()
    assert reader.get("/redoc").status_code == 404


def test_static_files_are_local(reader: Any) -> None:
    for name in ("app.css", "app.js"):
        body = reader.get(f"/static/{name}").text
        assert "http://" not in body and "https://" not in body


# -- hostile content ---------------------------------------------------------


DANGEROUS = ("javascript:", "data:", "vbscript:")


class InertChecker(HTMLParser):
    """Collects anything in a page that could run script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            url = re.sub(r"\s", "", value or "").lower()
            if name in ("href", "src", "action", "xlink:href", "formaction") and url.startswith(DANGEROUS):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if not src.startswith("/static/"):
                self.problems.append("<script> without a local src")
            self._in_script = True
        if tag in ("iframe", "object", "embed", "img", "base"):
            self.problems.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.problems.append("inline script")


def evil_urls(appdata: Any) -> list[str]:
    evil = quote(appdata.EVIL_ID, safe="")
    script = quote(appdata.SCRIPT, safe="")
    return [
        "/",
        f"/?q={script}",
        f"/?source={script}&about={quote(appdata.IMG)}&place={quote(appdata.SVG)}",
        "/articles",
        f"/articles/{evil}",
        f"/articles/{evil}?claim={quote(appdata.EVIL_ID + '-4-10', safe='')}",
        f"/articles/{script}",
        "/sources",
        "/map",
        "/map?fit=0",
        f"/map?place={quote(appdata.EVIL_PLACE)}",
        "/timeline",
        "/docs",
        f"/nope/{script}",
    ]


PAYLOADS = ["SCRIPT", "IMG", "SVG", "EVIL_SOURCE", "EVIL_PLACE", "EVIL_ID"]


def test_hostile_article_renders_inert_everywhere(reader: Any, appdata: Any) -> None:
    for url in evil_urls(appdata):
        response = reader.get(url)
        assert response.status_code in (200, 404), url
        page = response.text
        for name in PAYLOADS:
            assert getattr(appdata, name) not in page, f"{name} unescaped on {url}"
        assert 'href="javascript' not in page
        checker = InertChecker()
        checker.feed(page)
        assert checker.problems == [], f"{url}: {checker.problems}"


def test_hostile_article_text_is_shown_escaped(reader: Any, appdata: Any) -> None:
    page = reader.get(f"/articles/{quote(appdata.EVIL_ID, safe='')}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Title &lt;script&gt;" in page
    assert 'href="javascript' not in page
    assert "javascript:alert(2)" in page  # shown as text, not linked


def test_hostile_claims_listed_escaped(reader: Any) -> None:
    page = reader.get("/?source=script").text
    assert "&lt;script&gt;alert(&#39;src&#39;)&lt;/script&gt; Ministry" in page


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ("/relative", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_with_query_drops_empty_values() -> None:
    assert with_query("/", {"q": "a b", "source": ""}, cursor=None) == "/?q=a+b"
    assert with_query("/map", {}) == "/map"


def test_contradictions_page_shows_both_claims(linked_reader: Any) -> None:
    page = linked_reader.get("/contradictions").text
    assert "<strong>quantity</strong>" in page
    assert "40 Russian tanks were destroyed" in page and "400 Russian tanks were destroyed" in page
    assert "No contradictions" in linked_reader.get("/contradictions?kind=denial").text
    assert linked_reader.get("/contradictions?kind=<b>").status_code == 422


def test_clusters_pages(linked_reader: Any) -> None:
    listing = linked_reader.get("/clusters?min_size=1").text
    link = re.search(r'<a href="(/clusters/[^"]+)">We will not retreat</a>', listing)
    assert link
    page = linked_reader.get(link.group(1)).text
    assert "Reports in time order" in page and "HuffPost UK" in page
    assert "No clusters match" in linked_reader.get("/clusters").text  # no claim is reported twice
    assert linked_reader.get("/clusters?min_size=zero").status_code == 422


def test_linked_pages_render_hostile_text_inert(linked_reader: Any, appdata: Any) -> None:
    listing = linked_reader.get("/clusters?min_size=1").text
    urls = ["/clusters?min_size=1", "/contradictions", "/sources"]
    urls += [u for u in re.findall(r'href="(/clusters/[^"?]+)"', listing)]
    assert len(urls) > 5
    for url in urls:
        page = linked_reader.get(url).text
        for name in PAYLOADS:
            assert getattr(appdata, name) not in page, f"{name} unescaped on {url}"
        checker = InertChecker()
        checker.feed(page)
        assert checker.problems == [], f"{url}: {checker.problems}"


@pytest.mark.parametrize("url", [*PAGES, "/clusters", "/contradictions"])
def test_pages_render_on_an_empty_ledger(tmp_path: Any, appdata: Any, url: str) -> None:
    with appdata.client_for(appdata.build_ledger(tmp_path / "empty.db", [])) as c:
        response = c.get(url)
    assert response.status_code == 200
    assert "<main>" in response.text


def test_article_without_claims_or_metadata(tmp_path: Any, appdata: Any) -> None:
    b = appdata.builders
    art = b.article("Nothing was said here at all.", id="quiet", outlet=None, published=None)
    with appdata.client_for(appdata.build_ledger(tmp_path / "q.db", [b.make_document(art, [])])) as c:
        page = c.get("/articles/quiet").text
    assert "No claims found in this article." in page
    assert "Nothing was said here at all." in page
