"""Start a new sentence at every paragraph break, before the parser runs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("claimledger_paragraph_splitter", assigns=["token.is_sent_start"], default_config={})
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter(nlp, name)


class ParagraphSplitter:
    """Mark the first token after a blank line (or a line break) as a sentence start.

    News text puts one thought per paragraph and scraped text often lacks final punctuation
    (headlines, teasers); without this the parser glues paragraphs into one sentence.
    The parser keeps sentence starts that are set before it.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for i in self.find(doc):
            doc[i].is_sent_start = True
        return doc

    def find(self, doc: Doc) -> list[int]:
        starts: list[int] = []
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                starts.append(tok.i + 1)
            elif tok.whitespace_ == "" and tok.i + 1 < len(doc) and "\n" in tok.text:
                starts.append(tok.i + 1)
        return starts
