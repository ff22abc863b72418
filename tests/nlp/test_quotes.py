from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.nlp.quotes import find_quotes


def _bodies(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ('He said: "We will win." Then he left.', ['"We will win."']),
        ("He said: “We will win.” Then he left.", ["“We will win.”"]),
        ('"A," she said, "and B."', ['"A,"', '"and B."']),
        ('Russia has "resorted" to it.', ['"resorted"']),
        ("''We will win,'' he said. It isn't 'over'.", ["''We will win,''"]),
    ],
)
def test_find_quotes_pairs(text: str, expected: list[str]) -> None:
    assert _bodies(text) == expected


def test_find_quotes_continues_over_paragraphs() -> None:
    text = 'He said: "First part of the quote.\n\n"Second part, still him."\n\nNarration resumes.'
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end] == text[9 : text.index("him.") + 5]


def test_find_quotes_unclosed_stops_at_paragraph() -> None:
    text = 'He said: "never closed here\n\nNext paragraph with no quote.'
    (q,) = find_quotes(text)
    assert not q.closed
    assert text[q.start : q.end] == '"never closed here'


def test_quote_is_speech_tells_scare_quotes() -> None:
    text = 'Russia has "resorted" to it. He said "we will take the city soon".'
    quotes = find_quotes(text)
    assert [q.is_speech(text) for q in quotes] == [False, True]


@given(st.text(alphabet=st.sampled_from(list('ab "“”\n.,\'')), max_size=200))
def test_find_quotes_random_text_offsets_valid(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        s, e = q.inner(text)
        assert q.start <= s <= e <= q.end


def test_quote_inner_skips_double_apostrophes() -> None:
    text = "He said ''the work was hard,'' and left."
    (q,) = find_quotes(text)
    s, e = q.inner(text)
    assert text[s:e] == "the work was hard,"
    assert q.is_speech(text)
