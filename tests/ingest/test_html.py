"""Tests for claimledger.ingest.html: extract_html and fragment_text."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.ingest.html import extract_html, fragment_text

RESOURCES = Path(__file__).parent.parent / "resources" / "ingest"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>One   two\nthree</p><p>Four</p>", "One two three\n\nFour"),
        ("<p>a <!-- note --> b</p>", "a b"),
        ("<div>x<script>var y = 1;</script>z</div>", "xz"),
        ("<p>line one<br>line two</p>", "line one\nline two"),
        ("<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"),
        ("<nav>Home</nav><p>Body</p><footer>Copyright</footer>", "Body"),
        ("plain words", "plain words"),
        ("", ""),
        ("<html></html>", ""),
    ],
)
def test_fragment_text_renders_blocks_as_paragraphs(markup: str, expected: str) -> None:
    assert fragment_text(markup) == expected


def test_extract_html_finds_body_and_metadata() -> None:
    fields = extract_html((RESOURCES / "page.html").read_text(encoding="utf-8"))
    assert isinstance(fields, dict)
    assert fields["outlet"] == "Harbour Times"
    assert fields["published"] == "2023-03-24"
    assert fields["url"] == "https://harbour-times.example/news/drones-fuel-depot"
    assert "Several drones struck a fuel depot" in fields["text"]
    assert "Copyright" not in fields["text"]


def test_extract_html_short_page_falls_back_to_page_text() -> None:
    fields = extract_html("<html><head><title>Short</title></head><body><p>Roads closed.</p></body></html>")
    assert isinstance(fields, dict)
    assert (fields["text"], fields["title"]) == ("Roads closed.", "Short")


@pytest.mark.parametrize("markup", ["<!-- only a comment -->", "</p>"])
def test_extract_html_unparseable_is_malformed(markup: str) -> None:
    result = extract_html(markup)
    assert isinstance(result, str) and result.startswith("malformed HTML: ")
