"""Tests for claimledger.ingest.normalize: clean_text and split_paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.ingest.normalize import clean_text, split_paragraphs
from claimledger.ingest.plaintext import split_title

RESOURCES = Path(__file__).parent.parent / "resources" / "ingest"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("cafe\u0301", "caf\u00e9"),
        ("\u201cquoted\u201d and \u2018single\u2019 and it\u2019s", "\"quoted\" and 'single' and it's"),
        ("a  \t b\t\tc", "a b c"),
        ("trailing   \nspaces\t", "trailing\nspaces"),
        ("para one\n\n\n\n\npara two", "para one\n\npara two"),
        ("para one\n   \n\t\npara two", "para one\n\npara two"),
        ("no\u00a0break and\u2009thin", "no break and thin"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("  \n\n  leading and trailing blank lines \n\n ", "leading and trailing blank lines"),
        ("line one\nline two", "line one\nline two"),
        ("", ""),
        (" \n\t\n ", ""),
    ],
)
def test_clean_text_normalises_characters_and_whitespace(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # exact repeats: the first copy stays
        ("Kyiv said it failed.\n\nKyiv said it failed.\n\nNext.", "Kyiv said it failed.\n\nNext."),
        # teaser fragments (a prefix of a nearby later line), repeated or not
        (
            "The ministry said on\nThe ministry said on\n\nThe ministry said on Friday that talks had failed",
            "The ministry said on Friday that talks had failed",
        ),
        ("The ministry said on...\n\nThe ministry said on Friday", "The ministry said on Friday"),
        ("The ministry said on\u2026\n\nThe ministry said on Friday", "The ministry said on Friday"),
    ],
)
def test_clean_text_collapses_repeats_and_teasers(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        # a short first line that starts a later one is real text (a dateline, a kicker)
        "Kyiv\n\nKyiv said the attack had failed.",
        # a prefix far below (beyond the look-ahead) is not a teaser of it
        "The ministry said on\n\na\n\nb\n\nc\n\nd\n\ne\n\nf\n\nThe ministry said on Friday it would reply",
        # prose that mentions boilerplate words
        "Advertisement revenue fell by a third last year, the company said.",
        "Share prices rose on Monday.",
        "He told readers to read more about the war.",
    ],
)
def test_clean_text_keeps_real_text(raw: str) -> None:
    assert clean_text(raw) == raw


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Share this article",
        "Share on Facebook",
        "Read more: Why the bay floods every winter",
        "READ MORE: Ten things to know",
        "Related: Earlier coverage",
        "Story continues below advertisement",
    ],
)
def test_clean_text_drops_boilerplate_lines(line: str) -> None:
    raw = f"First paragraph.\n\n{line}\n\nSecond paragraph."
    assert clean_text(raw) == "First paragraph.\n\nSecond paragraph."


def test_clean_text_sample_article_keeps_only_full_sentence() -> None:
    raw = (RESOURCES / "teaser.txt").read_text(encoding="utf-8")
    title, body = split_title(raw)
    cleaned = clean_text(body)
    lines = cleaned.split("\n\n")
    assert title == "Port Town Braces For Storm As Ferry Services Halt, Officials Say"
    assert lines[0].startswith('Ferry services across the bay were suspended on Tuesday as a "very strong"')
    assert cleaned.count("Ferry services across the bay were") == 1
    assert "Advertisement" not in cleaned
    assert "Read more" not in cleaned
    assert "crews' shifts" in cleaned
    assert "Local residents were told to stay indoors." in lines
    assert not any(ch in cleaned for ch in "\u201c\u201d\u2018\u2019")


# Random text built from pieces that exercise every rule at once.
_PIECES = st.sampled_from(
    [
        "\n", "\n\n", "\r\n", "\r", " ", "\t", "\u00a0", "\u2000", "\u200b", "\ufeff", "\u0301", "e",
        "\u201c", "\u2019", "\x00", "\x85", "\u2028", "Advertisement", "Read more: x", "...", "\u2026",
        "The ministry said on", "The ministry said on Friday", "Kyiv", "word", "\x1c", "\u00ad",
    ]
)  # fmt: skip
_TRICKY_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _TRICKY_TEXT))
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), _TRICKY_TEXT))
def test_clean_text_output_has_normal_form(text: str) -> None:
    cleaned = clean_text(text)
    assert "\n\n\n" not in cleaned
    assert "\r" not in cleaned
    assert cleaned == cleaned.strip()
    assert all(line == line.strip(" \t") for line in cleaned.split("\n"))
    assert not any(ch in cleaned for ch in "\u201c\u201d\u2018\u2019\u00a0\u200b")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one\n\ntwo", ["one", "two"]),
        ("  one  \n \n\t two\nstill two \n\n\n", ["one", "two\nstill two"]),
        ("one\r\n\r\ntwo\r\nmore", ["one", "two\r\nmore"]),
        ("", []),
        ("\n\n  \n", []),
        ("single paragraph", ["single paragraph"]),
    ],
)
def test_split_paragraphs_finds_paragraphs(text: str, expected: list[str]) -> None:
    spans = split_paragraphs(text)
    assert [span.text for span in spans] == expected
    assert all(text[span.start : span.end] == span.text for span in spans)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _TRICKY_TEXT))
def test_split_paragraphs_offsets_are_exact(text: str) -> None:
    spans = split_paragraphs(text)
    ends = [-1]
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
        assert span.start > ends[-1]
        ends.append(span.end)
