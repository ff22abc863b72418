"""Find estimative terms (PHIA / ICD 203 yardsticks) and lexical hedges in text.

One compiled regular expression runs over the whole text; alternatives are tried
longest first, so "highly likely" is one hedge (not also "likely") and "unlikely"
never yields "likely". A few ambiguous words are filtered after matching ("May"
the month, "military might", "as soon as possible", "believe in", "assumed
command", "as expected"), and context frames report only their head word ("is
believed to" gives the hedge "believed"); see
:mod:`claimledger.nlp.lang.en.hedge_terms` for the yardsticks, the project's
ranges for lexical hedges and how a scale is chosen.

Assigned attributes:

| attribute       | type        | value                                  |
|-----------------|-------------|----------------------------------------|
| doc._.cl_hedges | list[Hedge] | every hedge in ``doc.text``, in order  |
"""

from __future__ import annotations

import logging
import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import InputError
from claimledger.model import Hedge
from claimledger.nlp.extensions import doc_text, install_extensions
from claimledger.nlp.lang.en import hedge_terms as ht

logger = logging.getLogger(__name__)

__all__ = ["HedgeTagger", "find_hedges", "make_hedge_tagger"]


class _Reading(NamedTuple):
    """How one surface form reads on one scale choice."""

    term: str
    scale: str
    band: str
    p_low: float | None
    p_high: float | None


def _normalize(surface: str) -> str:
    """Lower-case, straighten apostrophes and collapse whitespace (the lookup key)."""
    return " ".join(surface.lower().replace("\u2019", "'").split())


def _pattern_for(surface: str) -> str:
    """Regex for one surface form: words joined by any whitespace, either apostrophe."""
    words = [re.escape(w).replace("'", "['\u2019]") for w in surface.split(" ")]
    return r"\s+".join(words)


def _build_readings() -> dict[str, dict[str, _Reading]]:
    """Map scale choice -> surface -> reading, computed once at import."""
    readings: dict[str, dict[str, _Reading]] = {}
    for choice in ht.SCALES:
        table: dict[str, _Reading] = {}
        for surface, term in ht.YARDSTICK_SURFACES.items():
            in_phia = term in ht.PHIA_TERMS
            in_icd = term in ht.ICD203_TERMS
            scale = choice if (in_phia and in_icd) else ("PHIA" if in_phia else "ICD203")
            if scale == "PHIA":
                band = ht.PHIA_TERMS[term]
                low, high = ht.PHIA_BANDS[band]
            else:
                band = ht.ICD203_TERMS[term]
                low, high = ht.ICD203_BANDS[band]
            table[surface] = _Reading(term, scale, band, low, high)
        for surface, (term, band) in ht.LEXICAL_SURFACES.items():
            rng = ht.LEXICAL_BANDS[band]
            table[surface] = _Reading(
                term, "lexical", band, rng[0] if rng else None, rng[1] if rng else None
            )
        readings[choice] = table
    return readings


_READINGS = _build_readings()
_SURFACES = sorted(
    set(ht.YARDSTICK_SURFACES) | set(ht.LEXICAL_SURFACES), key=lambda s: (-len(s), s)
)
_TWO_WORD_CHARS_RE = re.compile(r"\w\w")


def _alternation(surfaces: list[str]) -> str:
    """One alternation of ``surfaces``, grouped by their first two letters.

    Members keep the given (longest first) order inside their group; two surfaces in
    different groups can never match at the same position, so the order between groups
    does not matter. Grouping lets the regex engine reject most positions after one or two
    characters instead of trying every surface (about 3x faster than a flat alternation
    on the Szeged Wikipedia text).
    """
    groups: dict[str, list[str]] = {}
    for surface in surfaces:
        prefix = surface[:2] if _TWO_WORD_CHARS_RE.fullmatch(surface[:2]) else ""
        groups.setdefault(prefix, []).append(surface)
    parts = []
    for prefix, members in groups.items():
        # re.escape leaves letters, digits and "_" alone, so the pattern starts with the prefix.
        rests = "|".join(_pattern_for(m)[len(prefix) :] for m in members)
        parts.append(f"{prefix}(?:{rests})")
    return "(?:" + "|".join(parts) + ")"


# Longest alternative first: at any one position the regex prefers "highly likely"
# over "highly" + "likely"; the word-boundary look-arounds keep "unlikely" whole.
_HEDGE_RE = re.compile(
    r"(?<![\w'\u2019-])" + _alternation(_SURFACES) + r"(?![\w-])",
    re.IGNORECASE,
)
# Context frames ("is believed to", "seen as") report only their head word's span.
_HEAD_RES: dict[str, re.Pattern[str]] = {
    surface: re.compile(r"(?<![\w'\u2019-])" + re.escape(head) + r"(?![\w-])", re.IGNORECASE)
    for surface, head in ht.LEXICAL_HEADS.items()
}
_BELIEVE_KEYS = frozenset({"believe", "believes", "believed", "believing"})
_ASSUME_KEYS = frozenset({"assume", "assumes", "assumed", "assuming"})
_PREVIOUS_CHECKED_KEYS = frozenset({"expect", "expects", "expected", "regarded"})
_PREVIOUS_WORD_RE = re.compile(r"(\w+)\W*$")
_NEXT_WORD_RE = re.compile(r"\s+(\w)")
_NEXT_FULL_WORD_RE = re.compile(r"\s+(\w+)")
_NEXT_IN_WORD_RE = re.compile(r"\s+in\b", re.IGNORECASE)
_THOUGHT_FRAME_RE = re.compile(r"\s+(?:that|of\s+as)\b", re.IGNORECASE)
_CONSIDERED_FRAME_RE = re.compile(r"\s+(?:to\s+be|as)\b", re.IGNORECASE)
_COULD_NOT_RE = re.compile(r"\s+not\b", re.IGNORECASE)
_RULED_OUT_RE = re.compile(r"\s+not\s+be\s+(?:ruled\s+out|excluded)\b", re.IGNORECASE)
_TO_NEXT_RE = re.compile(r"\s+to\b", re.IGNORECASE)
_MAKE_IT_RE = re.compile(r"\b(?:make|makes|made|making)\s+(?:it\s+)?$", re.IGNORECASE)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"\u201c\u201d(\[]\s*)$")


def _previous_word(text: str, start: int) -> str:
    """The lower-cased word just before ``start`` (empty at the start of text)."""
    found = _PREVIOUS_WORD_RE.search(text, max(0, start - 40), start)
    return found.group(1).lower() if found else ""


def _keep(text: str, start: int, end: int, key: str) -> bool:
    """Filter the few surface forms that are often not hedges."""
    if key == "may":
        if text[start:end] == "may":
            return True
        # "May" is the month unless it opens a sentence and a lower-case word follows.
        nxt = _NEXT_WORD_RE.match(text, end)
        opens = _SENTENCE_START_RE.search(text[max(0, start - 3) : start]) is not None
        return opens and nxt is not None and nxt.group(1).islower()
    if key == "could":
        # "could not" is mostly past inability ("could not see a way"), except in
        # "could not be ruled out/excluded".
        return _COULD_NOT_RE.match(text, end) is None or _RULED_OUT_RE.match(text, end) is not None
    if key == "might":
        return _previous_word(text, start) not in ht.MIGHT_NOUN_PREVIOUS
    if key == "possible":
        if _TO_NEXT_RE.match(text, end) or _MAKE_IT_RE.search(text, max(0, start - 20), start):
            return False
        previous = _previous_word(text, start)
        # "-est": superlatives ("the highest possible"); four letters keep "best" and skip "est".
        return previous not in ht.POSSIBLE_NON_HEDGE_PREVIOUS and not (
            len(previous) >= 4 and previous.endswith("est")
        )
    if key in _BELIEVE_KEYS:
        # "believe in" is faith or trust, not a judgement about a claim.
        return _NEXT_IN_WORD_RE.match(text, end) is None
    if key in _ASSUME_KEYS:
        nxt = _NEXT_FULL_WORD_RE.match(text, end)
        return nxt is None or nxt.group(1).lower() not in ht.ASSUME_TAKE_ON_NEXT
    if key == "thought":
        previous = _previous_word(text, start)
        return (
            previous in ht.BELIEF_BE_PREVIOUS
            or previous in ht.THOUGHT_SUBJECT_PREVIOUS
            or _THOUGHT_FRAME_RE.match(text, end) is not None
        )
    if key == "considered":
        if _CONSIDERED_FRAME_RE.match(text, end) is not None:
            return True
        nxt = _NEXT_FULL_WORD_RE.match(text, end)
        if nxt is not None and nxt.group(1).lower() in ht.CONSIDERED_DELIBERATION_NEXT:
            return False
        return _previous_word(text, start) in ht.BELIEF_BE_PREVIOUS
    if key in _PREVIOUS_CHECKED_KEYS:
        return _previous_word(text, start) not in ht.BELIEF_NON_HEDGE_PREVIOUS
    return True


def find_hedges(text: str, *, scale: str = "PHIA") -> list[Hedge]:
    """Find estimative terms and lexical hedges in ``text``.

    Args:
        text: The text to search; offsets in the result index into it.
        scale: Which yardstick reads a term that is in both the UK PHIA yardstick
            and US ICD 203 ("likely", "unlikely", "probable", "almost certain",
            "remote chance"): ``"PHIA"`` (default) or ``"ICD203"``. Terms in only
            one yardstick always use that one; lexical hedges use ``"lexical"``.

    Returns:
        The hedges in text order, each with ``text[h.start:h.end] == h.text``.

    Raises:
        InputError: If ``scale`` is not ``"PHIA"`` or ``"ICD203"``.
    """
    table = _READINGS.get(scale)
    if table is None:
        raise InputError(
            f"unknown hedge scale {scale!r}: use scale='PHIA' (UK yardstick, the default) "
            "or scale='ICD203' (US yardstick)"
        )
    hedges: list[Hedge] = []
    for match in _HEDGE_RE.finditer(text):
        start, end = match.span()
        key = _normalize(match.group())
        reading = table.get(key)
        if reading is None or not _keep(text, start, end, key):
            continue
        head = _HEAD_RES.get(key)
        if head is not None:
            found = head.search(text, start, end)
            if found is not None:
                start, end = found.span()
        hedges.append(Hedge(start, end, text[start:end], *reading))
    return hedges


@Language.factory(
    "claimledger_hedge_tagger",
    assigns=["doc._.cl_hedges"],
    default_config={"scale": "PHIA"},
)
def make_hedge_tagger(nlp: Language, name: str, scale: str) -> HedgeTagger:
    """Build the hedge tagger component (registered as ``claimledger_hedge_tagger``).

    Args:
        nlp: The pipeline.
        name: The component's name in the pipeline.
        scale: ``"PHIA"`` or ``"ICD203"``, as in :func:`find_hedges`.

    Returns:
        The component.
    """
    return HedgeTagger(nlp, name, scale=scale)


class HedgeTagger:
    """spaCy component writing :func:`find_hedges` results to ``doc._.cl_hedges``."""

    def __init__(self, nlp: Language, name: str, *, scale: str = "PHIA") -> None:
        """Create the component.

        Args:
            nlp: The pipeline (unused; kept for the factory signature).
            name: The component's name in the pipeline.
            scale: ``"PHIA"`` or ``"ICD203"``, as in :func:`find_hedges`.

        Raises:
            InputError: If ``scale`` is unknown.
        """
        if scale not in _READINGS:
            raise InputError(
                f"unknown hedge scale {scale!r} for {name}: set scale to 'PHIA' or 'ICD203'"
            )
        install_extensions()
        self.name = name
        self.scale = scale

    def __call__(self, doc: Doc) -> Doc:
        """Tag hedges in ``doc`` and return it."""
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Hedge]:
        """Return the hedges in ``doc.text``."""
        return find_hedges(doc_text(doc), scale=self.scale)

    def set_annotations(self, doc: Doc, found: list[Hedge]) -> None:
        """Write ``found`` to ``doc._.cl_hedges``."""
        doc._.cl_hedges = found
