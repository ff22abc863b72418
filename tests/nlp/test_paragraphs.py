from __future__ import annotations

import pytest
import spacy

from claimledger.nlp.paragraphs import ParagraphSplitter


def test_paragraph_splitter_marks_token_after_blank_line() -> None:
    nlp = spacy.blank("en")
    doc = nlp("A headline without a stop\n\nThe body starts here.")
    starts = ParagraphSplitter(nlp, "p").find(doc)
    assert [doc[i].text for i in starts] == ["The"]


def test_paragraph_splitter_sets_sentence_start() -> None:
    nlp = spacy.blank("en")
    doc = ParagraphSplitter(nlp, "p")(nlp("one two\n\nthree four"))
    assert doc[3].is_sent_start is True
    assert doc[1].is_sent_start is not True


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("He has worked there 24 years. ''I'm more skilled with my hands,'' he said.", "''"),
        ('It was over." "We lost," she said.', '"'),
        ("We lost! “It hurts,” she said.", "“"),
    ],
)
def test_paragraph_splitter_starts_sentence_at_quote_after_stop(text: str, start: str) -> None:
    nlp = spacy.blank("en")
    doc = nlp(text)
    starts = ParagraphSplitter(nlp, "p").find(doc)
    assert [doc[i].text for i in starts] == [start]
    assert doc[starts[0] - 1].text in ('.', '!', '"')


@pytest.mark.parametrize(
    "text",
    [
        "He said, ''I'm more skilled with my hands,'' and left.",
        'The so-called "reform" failed.',
        'It ended. "',
    ],
)
def test_paragraph_splitter_leaves_quotes_inside_sentences(text: str) -> None:
    nlp = spacy.blank("en")
    assert ParagraphSplitter(nlp, "p").find(nlp(text)) == []
