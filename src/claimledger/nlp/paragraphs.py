"""Start a new sentence at every paragraph break and at quotations that open after a full stop."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: Marks that open a quotation; two apostrophes (and TeX-style backquotes) stand for a double
#: quote in some house styles (the New York Times archive: ''We will win,'' he said).
_OPENING_MARKS = frozenset({'"', "''", "“", "``", "„", "«"})
#: Marks that close a quotation (a closed quotation after a full stop ends the sentence too).
_CLOSING_MARKS = frozenset({'"', "''", "”", "»"})
_STOPS = frozenset({".", "!", "?", "...", "…"})


@Language.factory("claimledger_paragraph_splitter", assigns=["token.is_sent_start"], default_config={})
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter(nlp, name)


class ParagraphSplitter:
    """Mark sentence starts the parser tends to miss, before it runs.

    * the first token after a blank line (or a line break): news text puts one thought per
      paragraph and scraped text often lacks final punctuation (headlines, teasers); without this
      the parser glues paragraphs into one sentence;
    * a quotation mark that opens a quotation right after a full stop ('... 24 years. ''I'm more
      skilled ...'' said Robin Maynard'): the parser does not take two apostrophes for a quote
      mark and glues the opening mark to the sentence before, so the quotation's speaker verb
      lands in the wrong sentence.

    The parser keeps sentence starts that are set before it.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for i in self.find(doc):
            doc[i].is_sent_start = True
        return doc

    def find(self, doc: Doc) -> list[int]:
        """Token indices that should start a sentence, in order (one pass over the tokens)."""
        starts: list[int] = []
        n = len(doc)
        for tok in doc[:-1]:
            text = tok.text
            if "\n" in text:
                if tok.is_space or tok.whitespace_ == "":
                    starts.append(tok.i + 1)
            elif text in _OPENING_MARKS and tok.i > 0 and tok.whitespace_ == "" and self._after_stop(doc, tok.i):
                nxt = doc[tok.i + 1]
                if not nxt.is_punct and not nxt.is_space and (not starts or starts[-1] != tok.i):
                    starts.append(tok.i)
        return [i for i in starts if i < n]

    @staticmethod
    def _after_stop(doc: Doc, i: int) -> bool:
        """Whether the mark at ``i`` stands after a space that follows a full stop (optionally
        followed by a closing quotation mark): '... years. ''I'm', '... done." "Next'."""
        prev = doc[i - 1]
        if prev.is_space:
            if i < 2:
                return False
            prev = doc[i - 2]
        elif prev.whitespace_ == "":
            return False  # no space before the mark: a closing mark or a word-internal one
        if prev.text in _STOPS:
            return True
        if prev.text in _CLOSING_MARKS and prev.i > 0:
            return doc[prev.i - 1].text in _STOPS or doc[prev.i - 1].text[-1:] in _STOPS
        return False
