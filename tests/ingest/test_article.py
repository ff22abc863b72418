"""Tests for claimledger.ingest.article: make_article, ids and hashes."""

from __future__ import annotations

import hashlib

import pytest

from claimledger.errors import InputError
from claimledger.ingest.article import article_id, content_hash, make_article

BODY = "The ministry said on Friday that \u201cmost\u201d of the drones had been shot down over the city."


def test_make_article_cleans_and_fills_metadata() -> None:
    article = make_article(BODY, title="Drones Down", outlet=" Harbour  Times ", published="24 March 2023")
    assert article.text == BODY.replace("\u201c", '"').replace("\u201d", '"')
    assert article.outlet == "Harbour Times"
    assert article.published == "2023-03-24"
    assert article.language == "en"
    assert article.content_hash == "sha256:" + hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_make_article_no_clean_keeps_text_verbatim() -> None:
    raw = "  Line one\u2019s   text  \r\n\r\n\r\nLine one\u2019s   text  \r\n"
    assert make_article(raw, clean=False).text == raw


def test_make_article_drops_leading_title_line_when_cleaning() -> None:
    article = make_article(f"Drones Shot Down\n{BODY}", title="Drones Shot Down")
    assert not article.text.startswith("Drones Shot Down")
    assert make_article(f"Drones Shot Down\n{BODY}", title="Drones Shot Down", clean=False).text.startswith(
        "Drones Shot Down"
    )


@pytest.mark.parametrize("text", ["", "   \n\t ", "Advertisement\n\nShare this article"])
def test_make_article_empty_text_raises(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        make_article(text)


def test_make_article_bad_date_raises() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        make_article(BODY, published="last Friday")


def test_make_article_uses_given_id() -> None:
    assert make_article(BODY, id="abc-1").id == "abc-1"


@pytest.mark.parametrize(
    ("source_path", "prefix"),
    [
        (None, "doc-"),
        ("-", "stdin-"),
        ("-#3", "stdin-"),
        ("data/HuffPost 2023_03 Russia.txt", "huffpost-2023-03-russia-"),
        ("feeds/wire.rss#2", "wire-"),
        ("...", "doc-"),
    ],
)
def test_article_id_derives_from_stem_and_hash(source_path: str | None, prefix: str) -> None:
    digest = content_hash("some text")
    found = article_id(digest, source_path)
    assert found == prefix + digest.removeprefix("sha256:")[:12]


def test_make_article_id_is_stable_and_content_dependent() -> None:
    first = make_article(BODY, source_path="a/story.txt")
    assert first.id == make_article(BODY, source_path="a/story.txt").id
    assert first.id != make_article(BODY + " More.", source_path="a/story.txt").id
    assert first.id.startswith("story-")
