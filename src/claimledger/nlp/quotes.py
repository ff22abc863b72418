"""Find double-quoted stretches of text, including quotes that run over several paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Quote marks; two apostrophes stand for a double quote in some house styles (the New York Times
#: archive: ''We will win,'' he said).
_QUOTE_CHARS = re.compile(r"[\"“”„«»]|''")
_PARA_BREAK = re.compile(r"\n[ \t]*\n")
_OPENERS = "“„«"
_CLOSERS = "”»"
#: A quote counts as speech (not a scare quote) when it has this many words or ends a sentence inside.
SPEECH_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted stretch: ``start`` at the opening mark, ``end`` just after the closing mark (or the
    end of the last paragraph when the quote is never closed)."""

    start: int
    end: int
    closed: bool

    def inner(self, text: str) -> tuple[int, int]:
        """Offsets without the quote marks and surrounding spaces."""
        s = self.start + (2 if text.startswith("''", self.start) else 1)
        e = self.end - ((2 if text[self.end - 2 : self.end] == "''" and self.end - 2 >= s else 1) if self.closed else 0)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    def is_speech(self, text: str) -> bool:
        s, e = self.inner(text)
        body = text[s:e]
        return len(body.split()) >= SPEECH_MIN_WORDS or bool(re.search(r"[.!?]\W*$", body))


def _is_opening(text: str, i: int, width: int = 1) -> bool:
    ch = text[i]
    if ch in _OPENERS:
        return True
    if ch in _CLOSERS:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{—–-:/":
        return not after.isspace()
    return False


def find_quotes(text: str) -> list[QuoteSpan]:
    """Top-level double-quoted spans in text order.

    Straight quotes are told apart by what stands around them. A paragraph that ends inside an open
    quote continues it when the next paragraph opens with a quote mark (the news convention for
    quotes over several paragraphs); otherwise the quote is closed at the paragraph end.
    """
    quotes: list[QuoteSpan] = []
    breaks = [(m.start(), m.end()) for m in _PARA_BREAK.finditer(text)]
    breaks.append((len(text), len(text)))
    b = 0
    open_at: int | None = None
    last_para_end = 0
    for m in _QUOTE_CHARS.finditer(text):
        i = m.start()
        # paragraph breaks passed since the last mark
        while breaks[b][1] <= i:
            if open_at is not None:
                nxt = breaks[b][1]
                continues = nxt < len(text) and (text[nxt] in '"“„«' or text.startswith("''", nxt)) and _is_opening(text, nxt)
                if not continues:
                    quotes.append(QuoteSpan(open_at, breaks[b][0], False))
                    open_at = None
            last_para_end = breaks[b][0]
            b += 1
        opening = _is_opening(text, i, m.end() - i)
        if open_at is None:
            if opening:
                open_at = i
            continue
        if opening:
            # a re-opening mark at the start of a continuation paragraph keeps the quote open
            if last_para_end and text[last_para_end:i].strip() == "":
                continue
            if i > 0 and text[i - 1] in "\n":
                continue
            # two openers in one paragraph: the first was never closed; restart here
            open_at = i
            continue
        quotes.append(QuoteSpan(open_at, m.end(), True))
        open_at = None
    if open_at is not None:
        end = breaks[b][0] if b < len(breaks) else len(text)
        end = len(text.rstrip()) if end >= len(text) else end
        quotes.append(QuoteSpan(open_at, max(end, open_at + 1), False))
    return quotes
