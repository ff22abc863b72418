"""Stance of a claim: its estimative term, whether it is negated, and its modality.

:func:`assess_stance` reads a claim whose content is ``doc.text[start:end]``.

Estimative term: among the hedges that lie inside the content, yardstick terms
(PHIA, ICD 203) win over lexical hedges, lexical hedges with a range win over
those without; within a tier the most decisive term wins (band midpoint furthest
from 0.5), then the earliest. A claim without a hedge has ``term`` and the
probabilities None (never 1.0).

Negation: the content's main predicate is the token whose head lies outside the
content (the first verb among such tokens when there are several). The claim is
negated when that predicate, or an auxiliary of it, has a ``neg`` child ("not",
"n't", "never"), when its subject is "none"/"nothing"/"nobody"/"no one" or has the
determiner "no" ("no new rotation of troops has been noted"), when a direct object
or attribute is such a word ("there is no sign"), or when the predicate is
"deny" with a clausal complement ("denied that ..."). Only direct dependents of the
main predicate count, so a "not" inside a subordinate clause of another predicate
("troops that did not leave were seen") does not negate the claim. Without a
dependency parse, any negation word in the content negates it.

Modality, first match wins (the precedence):

1. ``question``: the content ends with "?" or opens with "whether".
2. ``hypothetical``: a conditional: "if", "unless", "would", "could have",
   "should have", "were to". "would" in reported speech is often the future in
   the past ("said it would withdraw"); we still read it as hypothetical.
3. ``future``: "will", "shall", "'ll", "going to", "plan(s/ned) to", "is
   preparing", "intend(s) to", "is set to", "is about to", "is due to".
4. ``hedged``: a hedge was found in the content.
5. ``asserted``: otherwise.

The term fields are filled whatever the modality ("will likely attack" is
``future`` with term "likely").
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Token

from claimledger.errors import InputError
from claimledger.model import Hedge, Stance

logger = logging.getLogger(__name__)

__all__ = ["assess_stance"]

_NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "none", "nothing", "nobody", "neither", "nor"})
_NEGATIVE_PRONOUNS = frozenset({"none", "nothing", "nobody", "neither"})
_NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
_DENY_FORMS = frozenset({"deny", "denies", "denied", "denying"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})

_QUESTION_START_RE = re.compile(r"^\W*whether\b", re.IGNORECASE)
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:if|unless|would|wouldn['\u2019]t|could\s+have|could['\u2019]ve|should\s+have"
    r"|would['\u2019]ve|were\s+to)\b",
    re.IGNORECASE,
)
# "will" must be the modal: checked against the tagger (tag MD) when tags exist.
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won['\u2019]t|going\s+to|plans?\s+to|planned\s+to|planning\s+to"
    r"|(?:is|are|was|were|be|been)\s+preparing|intends?\s+to|intended\s+to|intending\s+to"
    r"|(?:is|are|was|were)\s+(?:set|about|due)\s+to)\b|['\u2019]ll\b",
    re.IGNORECASE,
)


def _tier(hedge: Hedge) -> tuple[int, float, int]:
    """Sort key: lower is stronger (yardstick, then ranged lexical, then decisiveness)."""
    if hedge.scale != "lexical":
        tier = 0
    elif hedge.p_low is not None:
        tier = 1
    else:
        tier = 2
    if hedge.p_low is not None and hedge.p_high is not None:
        decisiveness = abs((hedge.p_low + hedge.p_high) / 2 - 0.5)
    else:
        decisiveness = 0.0
    return (tier, -decisiveness, hedge.start)


def _content_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens that overlap the character range ``[start, end)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _main_predicate(tokens: list[Token]) -> Token | None:
    """The content's main predicate: a token whose head lies outside the content."""
    if not tokens:
        return None
    first, last = tokens[0].i, tokens[-1].i
    roots = [t for t in tokens if t.head.i == t.i or not first <= t.head.i <= last]
    if not roots:
        return None
    for token in roots:
        if token.pos_ in ("VERB", "AUX"):
            return token
    return roots[0]


def _is_negative_nominal(token: Token) -> bool:
    """True for "none"/"nothing" or a noun with the determiner "no"."""
    if token.lower_ in _NEGATIVE_PRONOUNS:
        return True
    return any(c.dep_ == "det" and c.lower_ in _NEGATIVE_DETERMINERS for c in token.children)


def _negated(doc: Doc, tokens: list[Token]) -> bool:
    """Whether the content's main predicate is negated (see the module docstring)."""
    # Checked on the content's tokens only: Doc.has_annotation walks the whole doc,
    # which made per-claim calls quadratic in document length.
    if not any(t.dep for t in tokens):
        return any(t.lower_ in _NEGATION_WORDS for t in tokens)
    pred = _main_predicate(tokens)
    if pred is None:
        return False
    heads = [pred] + [c for c in pred.children if c.dep_ in ("aux", "auxpass")]
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg":
                return True
    for child in pred.children:
        if child.dep_ in _SUBJECT_DEPS or child.dep_ in _OBJECT_DEPS:
            if _is_negative_nominal(child):
                return True
        if child.dep_ == "nsubj" and child.lower_ == "one" and any(
            c.lower_ == "no" for c in child.children
        ):
            return True
    if pred.lower_ in _DENY_FORMS and any(c.dep_ in _CLAUSE_DEPS for c in pred.children):
        return True
    # A nominal content ("no sign of troops") is negated by its own determiner.
    return pred.pos_ in ("NOUN", "PROPN", "PRON") and _is_negative_nominal(pred)


def _has_future(doc: Doc, content: str, start: int, tokens: list[Token]) -> bool:
    """Whether the content has a future marker ("will" only as the modal, when tagged)."""
    tagged = any(t.tag for t in tokens)
    for match in _FUTURE_RE.finditer(content):
        if match.group().lower() != "will" or not tagged:
            return True
        span = doc.char_span(start + match.start(), start + match.end(), alignment_mode="expand")
        if span is None or any(t.tag_ == "MD" for t in span):
            return True
    return False


def _modality(doc: Doc, content: str, start: int, tokens: list[Token], hedged: bool) -> str:
    """The modality of the content, by the precedence in the module docstring."""
    stripped = content.rstrip(" \t\n\"'\u201d\u2019)")
    if stripped.endswith("?") or _QUESTION_START_RE.match(content):
        return "question"
    if _HYPOTHETICAL_RE.search(content):
        return "hypothetical"
    if _has_future(doc, content, start, tokens):
        return "future"
    return "hedged" if hedged else "asserted"


def _doc_length(doc: Doc) -> int:
    """``len(doc.text)`` without building the text (``Doc.text`` joins every token)."""
    if len(doc) == 0:
        return 0
    last = doc[len(doc) - 1]
    return last.idx + len(last.text_with_ws)


def assess_stance(doc: Doc, start: int, end: int, hedges: list[Hedge]) -> Stance:
    """Assess how sure and how framed the claim with content ``doc.text[start:end]`` is.

    Args:
        doc: The analysed document (a dependency parse improves negation).
        start: Character offset where the content starts.
        end: Character offset where the content ends (exclusive).
        hedges: Hedges of the document (e.g. ``doc._.cl_hedges``); only those lying
            wholly inside the content are used.

    Returns:
        The stance: strongest estimative term with its scale, band and range (all
        None without a hedge), ``negated`` and ``modality``.

    Raises:
        InputError: If ``start``/``end`` do not describe a range inside ``doc.text``.
    """
    length = _doc_length(doc)
    if not 0 <= start <= end <= length:
        raise InputError(
            f"content offsets {start}:{end} are outside the document (length {length}); "
            "pass character offsets into doc.text"
        )
    tokens = _content_tokens(doc, start, end)
    # The content text from its own tokens: Doc.text would rebuild the whole text.
    if tokens:
        covered = "".join(t.text_with_ws for t in tokens)
        content = covered[start - tokens[0].idx : end - tokens[0].idx]
    else:
        content = ""
    inside = [h for h in hedges if start <= h.start and h.end <= end]
    best = min(inside, key=_tier) if inside else None
    negated = _negated(doc, tokens)
    modality = _modality(doc, content, start, tokens, best is not None)
    if best is None:
        return Stance(negated=negated, modality=modality)
    return Stance(
        term=best.term,
        scale=best.scale,
        band=best.band,
        p_low=best.p_low,
        p_high=best.p_high,
        negated=negated,
        modality=modality,
    )
