from __future__ import annotations

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
