"""Attribution: who says what — source, cue and content spans (PolNeAR / PARC sense).

Rules over the dependency parse, in this order:

1. verb cues with a clausal complement ("X said (that) Y", "Y, X said"), with a prepositional
   object ("spoke of Y") or, for a few verbs, a direct object ("denied the report");
2. "according to X" attached to a clause;
3. noun cues with a "that"-clause ("claims that Y", "reports from X that Y", "speculation that Y");
4. quoted speech with no cue of its own continues the previous speaker's attribution (quotes that run
   over several paragraphs); a quotation signed with a dash and a name ('"Q." ― Name') is the name's;
5. parenthetical cues ("The museum, Mr. Obama said, would ...") take the clause they interrupt, and
   "as" clauses ("..., as The New York Times reported") the clause they hang on.

A second pass (:func:`find_evaluations`) finds what PolNeAR annotates but claims do not use:
evaluative verbs ("criticized the deal"), intentions, requests and findings ("pledged to ...",
"urged him to ...", "a poll found that ..."), "seems"/"is expected to" with no source, "Asked
whether ...", "said so", "In the latest poll, ...".

Content that overlaps a quotation is widened to the whole quotation, so a quote over several
sentences or paragraphs is one content span. Direct: the content is a quotation; mixed: it contains
one; indirect: no quote marks.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Attribution, TextSpan
from .actors import ActorResolver, lookup_actor
from .extensions import doc_text, install_extensions
from .lang.en.cue_verbs import (
    BELIEF_VERBS,
    DENIAL_VERBS,
    EVALUATIVE_PREPS,
    EVALUATIVE_VERBS,
    GENERIC_SOURCE_NOUNS,
    HEARSAY_NOUNS,
    MINOR_CUES,
    MINOR_VERB_FORMS,
    NOUN_CUES,
    PHRASAL_CUES,
    PREP_CUES,
    SPEECH_VERBS,
    VERB_FORMS,
)
from .lang.en.sources import PERSON_NOUNS
from .places import PLACE_LABELS
from .quotes import QuoteSpan, find_quotes

#: Verbs that take what is said as a direct object ("denied the allegations", "stressed the
#: need to ..."). The last five were added on PolNeAR train (cue F1 +.0013); "describe",
#: "post", "publish", "recall" and "suggest" were tried with them and left out (their objects
#: are mostly a video or a photo, or "described X as Y" is read better as an evaluation).
_DOBJ_CUES = frozenset({"deny", "confirm", "announce", "report", "claim", "reject", "dismiss", "dispute", "allege", "predict", "acknowledge", "admit", "tweet", "reiterate",
                        "note", "stress", "explain", "reveal", "emphasize"})
#: Heads of a share of people polled ("56 percent", "a majority", "half of voters").
_SHARE_NOUNS = frozenset({"percent", "cent", "majority", "majorities", "minority", "half", "third", "thirds", "quarter",
                          "quarters", "plurality"})
#: Participles that borrow the subject of the clause they hang from (", adding that ...").
#: ('"...," Jealous said, suggesting that ...': the last six added on PolNeAR train, cue F1 +.001-.002)
_SUBJECTLESS_PARTICIPLES = frozenset({
    "adding", "saying", "noting", "stressing", "warning", "claiming", "insisting", "explaining", "arguing",
    "telling", "declaring", "suggesting", "acknowledging", "conceding", "predicting", "asserting", "promising",
})
#: Verbs whose participle after a clause ("..., knowing that ...", "considering what ...")
#: states the subject's circumstance rather than reports what it says or thinks.
_NOT_PARTICIPLE_CUES = frozenset({"know", "consider", "show", "see", "find", "understand", "realize", "learn"})
#: Verbs that only count as cues with a particle or preposition (PHRASAL_CUES / PREP_CUES).
_NEEDS_PARTICLE = frozenset(PHRASAL_CUES) - SPEECH_VERBS - BELIEF_VERBS - frozenset(PREP_CUES)
_PREP_ONLY = frozenset(PREP_CUES) - SPEECH_VERBS - BELIEF_VERBS
#: Verbs that are cues only in the evaluative sense (PolNeAR attributions that claims do not use).
_EVALUATIVE_ONLY = EVALUATIVE_VERBS - SPEECH_VERBS - BELIEF_VERBS - frozenset(PREP_CUES) - frozenset(PHRASAL_CUES)
#: Forms of "say" whose object or "so" is what was said ("half said so", "he said that"), for the
#: PolNeAR-only pass (a claim cannot be built from a pronoun).
_SAY_FORMS = frozenset({"say", "says", "said", "saying"})
#: Nouns of "In the latest poll, Clinton leads ...", where the poll is the source and "In" the cue.
_POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys"})
#: Passive participles that raise their subject ("Trump is expected to win", "Sanders was asked to
#: name ..."): the subject and the infinitive are the content, no source unless "by X" names one.
_PASSIVE_FORMS = frozenset({"expected", "asked", "believed", "said", "thought", "reported", "known", "considered",
                            "rumored", "rumoured", "supposed", "estimated", "seen", "projected", "predicted"})
#: Every candidate word of the PolNeAR-only pass: evaluative verbs, minor cues and "say".
_EXTRA_FORMS = {f: b for f, b in VERB_FORMS.items() if b in _EVALUATIVE_ONLY} | MINOR_VERB_FORMS
_EXTRA_WORDS = frozenset(_EXTRA_FORMS) | _SAY_FORMS | _POLL_NOUNS | _PASSIVE_FORMS
#: Words of the text; the candidates are those in _EXTRA_WORDS (one pass and a set lookup per word is
#: about 15 times faster than one regex alternation of the ~300 forms).
_WORD = re.compile(r"\w+")
#: Question words that open what a subjectless "Asked ..." asks about.
_QUESTION_MARKS = frozenset({"whether", "if", "why", "how", "what", "who", "when"})
#: Nouns that can be the source of inanimate-source cues ("the report shows").
_DOCUMENT_NOUNS = frozenset({"report", "document", "study", "assessment", "update", "bulletin", "data", "figures",
                             "images", "footage", "statement", "survey", "analysis", "memo", "letter", "post", "tweet",
                             "poll", "polls", "surveys", "investigation", "review", "audit", "research"})
_PUNCT_EDGE = frozenset(",;:-–—()[]")
_QUOTE_MARKS = frozenset('"“”„«»\'‘’')
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependents a misparse hangs on a noun from the left that are no part of its phrase (a quotation's
#: clause before "Sarandon told ...").
_LEFT_CLAUSES = frozenset({"ccomp", "parataxis", "advcl", "csubj"})
_SPEAKER_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
#: Longest name before a colon cue ("McCain Challenger Kelli Ward: ..."); datelines and labels are
#: usually shorter, statements longer; chosen by reading PolNeAR train headlines.
_COLON_SOURCE_MAX = 6
#: A line's topic before a spaced dash, ahead of the name that opens a colon cue ("Pollsters agree - ").
_LINE_TOPIC = re.compile(r"[^\n:]*?[ \u00a0](?:-|–|—)[ \u00a0]*(?=[A-Z])")
#: "More from" before a colon cue's name: the next item of the same source.
_MORE_FROM = re.compile(r"More from[ \u00a0]+(?=[A-Z])")
#: A bracketed tag closing a newsletter's quoted item: "[HuffPost.]", "[538.]".
_SOURCE_TAG = re.compile(r"[ \u00a0]*\[[^\]\n]{1,40}\][ \u00a0]*$")
#: Line labels that are not sources ("UPDATE: ...", "Watch: ...").
_COLON_NOT_SOURCES = frozenset({"update", "updated", "note", "editor", "editors", "watch", "related", "photo", "video",
                                "exclusive", "breaking", "read", "see", "source", "sources", "q", "a", "follow", "name"})
#: Longest stretch between a quotation and the next one that continues it through the cue
#: ('"Q1," the senator from Ohio said on Tuesday, "Q2."'); a generous sentence clause.
_CONTINUATION_GAP = 80
#: A dash and a name (up to five capitalised words) closing a line right after a quotation.
_SIGNATURE = re.compile(r"[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*([A-Z][\w.'’-]*(?:[ \t\u00a0]+[A-Z][\w.'’-]*){0,4})[ \t\u00a0]*(?:\n|$)")
#: Forms of verbs whose object is the hearer ("told reporters", "asked the crowd").
_HEARER_VERBS = frozenset(f for f, b in VERB_FORMS.items() if b in ("tell", "ask", "inform", "brief", "remind", "warn", "assure"))
#: Dependents right before a verb cue that PolNeAR puts inside the cue span ("has also said").
#: Dependents inside a noun phrase, walked up to find its head.
_NP_INNER_DEPS = frozenset({"compound", "det", "amod", "nummod", "poss", "flat", "case"})
#: How far (tokens) the head of an inverted speaker phrase may stand from the cue: a title and a
#: long name ("said former Secretary of State John Kerry") fit; a following clause does not.
_INVERTED_NP_MAX = 6
#: How far (tokens) past a speech verb a detached that-clause or colon may start: "said earlier
#: on Friday during a news conference that ..." (9 tokens) fits; chosen on the study part of train.
_DETACHED_GAP = 10
#: A dateline at the start of an article's first sentence: a place in capitals, an optional state
#: and agency, then a dash ("RENO, Nev. (AP) — ", "MACAU (Reuters) – ", "WASHINGTON — ").
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]*[A-Z.](?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:—|–|--|-(?=[ \t]))[ \t]*")
#: An age after a name, at the end of a source phrase ("Woodrow Benford, 58,").
_AGE_APPOSITION = re.compile(r",[ \t]*\d{1,3},?$")
_CUE_MODIFIERS = frozenset({"aux", "auxpass", "neg", "advmod"})


@dataclass(slots=True)
class FoundAttribution:
    """An attribution before it becomes a model object (keeps what claims need)."""

    cue_pos: int
    source_span: Span | None
    cue_ranges: list[tuple[int, int]]
    content_ranges: list[tuple[int, int]]
    cue_base: str | None
    hearsay: bool = False
    actor: Actor | None = None
    quote: str = "indirect"
    parent: FoundAttribution | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def content_start(self) -> int:
        return min(s for s, _ in self.content_ranges)

    @property
    def content_end(self) -> int:
        return max(e for _, e in self.content_ranges)

    @property
    def denial(self) -> bool:
        return self.cue_base in DENIAL_VERBS


@Language.factory(
    "claimledger_attribution_finder",
    assigns=["doc._.cl_attributions"],
    requires=["token.dep", "token.pos", "doc.ents"],
    default_config={},
)
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp, name)


class AttributionFinder:
    """spaCy component writing ``doc._.cl_attributions`` (list of model.Attribution).

    The richer records claims are built from are kept in ``doc.user_data["cl_found_attributions"]``.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        install_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        self.set_annotations(doc, found)
        return doc

    def find(self, doc: Doc) -> list[FoundAttribution]:
        return find_attributions(doc, outlet=doc._.cl_outlet)

    def set_annotations(self, doc: Doc, found: list[FoundAttribution]) -> None:
        doc.user_data["cl_found_attributions"] = found
        text = doc_text(doc)
        extra = find_evaluations(doc, found, outlet=doc._.cl_outlet, text=text)
        doc._.cl_attributions = to_attributions(doc, sorted(found + extra, key=lambda f: (f.cue_pos, f.content_start)), text=text)


def to_attributions(doc: Doc, found: list[FoundAttribution], *, text: str | None = None) -> list[Attribution]:
    """Model attributions in the PolNeAR convention.

    A quotation that continues an earlier speaker ("Q1," she said. "Q2.") is one more content piece
    of that speaker's attribution, not an attribution of its own; claims keep it apart (they read the
    FoundAttribution records). A speech quotation that no rule attributed becomes an attribution
    with content only. PolNeAR gives each word one role in at most one attribution, so an
    attribution nested in another's content ("he said she thinks ...") is left out here; claims
    keep it (with the relaying source in their chain). So is an attribution whose cue stands inside a
    quotation, even when the quotation's own speaker was not found.

    Args:
        doc: The Doc the records were found in.
        found: Records from :func:`find_attributions` (and :func:`find_evaluations`), in text order.
        text: ``doc.text`` when the caller has it (building it walks the whole Doc).

    Returns:
        The model attributions, in text order.
    """
    text = doc_text(doc) if text is None else text
    speech = [(q.start, q.end) for q in find_quotes(text) if q.is_speech(text)]
    extra: dict[int, list[tuple[int, int]]] = {}
    roots: list[FoundAttribution] = []
    for f in found:
        if f.parent is not None:
            continue
        if f.cue_ranges and not f.extra.get("transcript") and any(a < f.cue_pos < b for a, b in speech):
            continue  # a cue inside a quotation is nested in whoever is quoted, found or not
        root = f
        seen = 0
        while isinstance(root.extra.get("continues"), FoundAttribution) and seen < 50:
            root = root.extra["continues"]  # type: ignore[assignment]
            seen += 1
        if root is not f and "\n" in text[root.content_end : f.content_start] and not _joins_paragraph(text, root, f):
            # a quotation in a later paragraph is an attribution of its own (with no source or cue)
            root = f
        if root is f:
            roots.append(f)
        else:
            extra.setdefault(id(root), []).extend(f.content_ranges)
    out = [to_attribution(doc, f, extra.get(id(f), ()), text=text) for f in roots]
    # a quotation no rule attributed is still someone's words: content with no source or cue found
    covered = sorted((c.start, c.end) for a in out for c in a.content)
    for qs, qe in speech:
        i = bisect.bisect_left(covered, (qe, qe))
        if not any(a < qe and qs < b for a, b in covered[max(0, i - 20) : i]):
            out.append(Attribution(None, None, (TextSpan(qs, qe, text[qs:qe]),), "direct", "unnamed source", "unnamed"))
    out.sort(key=lambda a: min(c.start for c in a.content))
    return out


def to_attribution(
    doc: Doc, f: FoundAttribution, more_content: Iterable[tuple[int, int]] = (), *, text: str | None = None
) -> Attribution:
    """One model Attribution (PolNeAR span conventions) from a FoundAttribution.

    Args:
        doc: The Doc the record was found in.
        f: The record.
        more_content: Content pieces of quotations that continue this attribution.
        text: ``doc.text`` when the caller has it (building it walks the whole Doc).
    """
    text = doc_text(doc) if text is None else text
    cue = None
    if f.cue_ranges:
        s, e = min(a for a, _ in f.cue_ranges), max(b for _, b in f.cue_ranges)
        s = _cue_start(doc, f.cue_pos, s)
        e = _cue_end(doc, f, e)
        cue = TextSpan(s, e, text[s:e])
    source = None
    if f.source_span is not None and "continues" not in f.extra:
        ss, se = f.source_span.start_char, f.source_span.end_char
        # "Kevin Brady, chairman of the committee, said": the closing comma of an appositive is the source's
        if se < len(text) and text[se] in ",—–" and text[se] in text[ss:se] and cue is not None and cue.start > se:
            se += 1
        elif cue is not None and cue.start > se and (aside := _aside_end(f.source_span, cue.start)) is not None:
            se = aside
        elif cue is not None and cue.end <= ss and (tail := _trailing_relative(f.source_span, f.content_ranges)):
            se = tail
        source = TextSpan(ss, se, text[ss:se])
    actor = f.actor or Actor("unnamed source", "unnamed")
    pieces = _join_adjacent(text, sorted(set(f.content_ranges) | set(more_content)))
    return Attribution(
        source=source,
        cue=cue,
        content=tuple(TextSpan(s, e, text[s:e]) for s, e in pieces),
        quote=f.quote,
        source_name=actor.name,
        source_kind=actor.kind,
    )


def _join_adjacent(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content pieces with nothing but punctuation and spaces between them, on one line, as one
    ('she had made progress. "I really believe ..."': PolNeAR marks one span)."""
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        if out and out[-1][1] <= s and _JOINABLE_GAP.fullmatch(text[out[-1][1] : s]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


#: What may lie between two content pieces that are one span: sentence punctuation and spaces.
_JOINABLE_GAP = re.compile(r"[ \t\u00a0]*[.,;:!?]?[ \t\u00a0]*")


def _cue_end(doc: Doc, f: FoundAttribution, end: int) -> int:
    """Where a verb cue ends: with a colon right after it ("said: 'Q'"), as PolNeAR marks it.

    (Taking in time and manner modifiers, "said Tuesday", was tried and lowered exact cue F1 on
    PolNeAR train: the annotators include them only sometimes.)"""
    tok = _cue_token(doc, f)
    if tok is None or not f.content_ranges:
        return end
    start = f.content_start
    if tok.pos_ not in ("VERB", "AUX"):
        return end
    nxt = tok.i + 1
    while nxt < len(doc) and doc[nxt].idx < end:
        nxt += 1
    statement = _in_a_statement(tok, nxt)
    if statement is not None:
        statement_end = doc[statement].idx + len(doc[statement])
        if start >= statement_end or f.content_end <= tok.idx:
            end, nxt = statement_end, statement + 1
    if start < end:
        return end
    if nxt < len(doc) and doc[nxt].text == ":" and doc[nxt].idx < start:
        return doc[nxt].idx + 1
    return end


def _in_a_statement(tok: Token, nxt: int) -> int | None:
    """The index of "statement" when ``"in a statement"`` follows a "say" cue right after it
    ("said in a statement", "in a written statement"), which PolNeAR marks as part of the cue
    (train and dev: 47 times against 24 without; other verbs and "in an interview" are split
    evenly, so they are left out)."""
    doc = tok.doc
    if tok.lower_ not in _SAY_FORMS or nxt >= len(doc) or doc[nxt].lower_ != "in" or doc[nxt].head.i != tok.i:
        return None
    j = nxt + 1
    if j < len(doc) and doc[j].lower_ in ("a", "an", "the"):
        j += 1
    while j < len(doc) and j < nxt + 5 and doc[j].lower_ != "statement":
        if doc[j].pos_ not in ("ADJ", "VERB") or doc[j].head.lower_ != "statement":
            return None
        j += 1
    return j if j < len(doc) and doc[j].lower_ == "statement" and doc[j].head.i == nxt else None


def _cue_start(doc: Doc, cue_pos: int, start: int) -> int:
    """Where a verb cue starts with its auxiliaries, negation and adverbs ("has also said", "did not
    deny"), which PolNeAR counts as part of the cue."""
    span = doc.char_span(cue_pos, cue_pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return start
    tok = span[0]
    if tok.pos_ not in ("VERB", "AUX"):
        return start
    j = tok.i - 1
    lo = tok.i
    while j >= 0 and doc[j].head.i == tok.i and doc[j].dep_ in _CUE_MODIFIERS and doc[j].tag_ != "WRB":
        lo = j
        j -= 1
    return min(start, doc[lo].idx)


# --------------------------------------------------------------------------- finding


def find_attributions(doc: Doc, *, outlet: str | None = None) -> list[FoundAttribution]:
    """All attributions in a parsed Doc, in text order, with canonical sources resolved."""
    text = doc_text(doc)
    all_quotes = find_quotes(text)
    quotes = [q for q in all_quotes if q.is_speech(text)]
    found: list[FoundAttribution] = []
    by_start = {q.start: q for q in quotes}
    # a short quotation closed by a comma is speech when a cue stands right after it ('"Okay," I said')
    by_end = {q.end: q for q in all_quotes if q in quotes or (q.closed and text[q.inner(text)[1] - 1 : q.inner(text)[1]] == ",")}
    for tok in doc:
        low = tok.lower_
        if low == "according":
            f = _according_to(tok)
        elif low == ":":
            f = _colon_cue(tok, text)
        elif low in _MAKE_FORMS and tok.pos_ in ("VERB", "AUX"):
            f = _make_clear_cue(tok)
        elif low in VERB_FORMS and tok.pos_ in ("VERB", "AUX"):
            naming = _naming_cue(tok) if VERB_FORMS[low] == "call" else None
            if naming is not None:
                f = naming
            elif VERB_FORMS[low] in _EVALUATIVE_ONLY:
                continue
            else:
                f = _verb_cue(tok, by_start, by_end)
        elif low in NOUN_CUES and tok.pos_ in ("NOUN", "PROPN"):
            f = _noun_cue(tok)
        else:
            continue
        if f is not None and f.content_ranges:
            found.append(f)
    found += _signed_quotes(doc, quotes, text)
    found = _widen_to_quotes(doc, found, quotes, text)
    found = _drop_overlaps(found)
    found += _orphan_quotes(doc, found, quotes, text)
    found.sort(key=lambda f: (f.cue_pos, f.content_start))
    for f in found:
        if f.source_span is not None:
            f.source_span = _without_dateline(f.source_span)
    _resolve_sources(doc, found, outlet)
    _nest(found)
    for f in found:
        f.quote = _quote_type(text, f.content_ranges, quotes)
    return found


def find_evaluations(
    doc: Doc, found: list[FoundAttribution], *, outlet: str | None = None, text: str | None = None
) -> list[FoundAttribution]:
    """Evaluative and other PolNeAR-only attributions ("Sanders criticized the accord", "pledged to
    oppose", "Trump is expected to win", "Asked whether ...", "half said so") that fall outside every
    attribution in ``found``; PolNeAR counts them, claims do not use them.

    Args:
        doc: The parsed Doc.
        found: The attributions :func:`find_attributions` returned for it.
        outlet: The publishing outlet, for source resolution.
        text: ``doc.text`` when the caller has it.

    Returns:
        The evaluative attributions, in text order, sources resolved.
    """
    text = doc_text(doc) if text is None else text
    # characters already in some attribution, one byte each: an overlap test is one C-level find
    taken = bytearray(len(text) + 1)
    for a, b in [r for f in found for r in f.content_ranges + f.cue_ranges] + [
        (f.source_span.start_char, f.source_span.end_char) for f in found if f.source_span is not None
    ]:
        taken[a:b] = b"\x01" * (b - a)
    out: list[FoundAttribution] = []
    for m in _WORD.finditer(text):
        if m.group().lower() not in _EXTRA_WORDS:
            continue
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span[0].pos_ not in ("VERB", "NOUN"):
            continue
        tok = span[0]
        low = tok.lower_
        if low in _POLL_NOUNS:
            f = _in_poll_cue(tok)
        elif low in _PASSIVE_FORMS and tok.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in tok.children):
            f = _passive_cue(tok)
            if f is None and low in MINOR_VERB_FORMS:
                f = _minor_cue(tok, MINOR_VERB_FORMS[low])
        elif low in _SAY_FORMS:
            f = _say_object_cue(tok) if tok.pos_ == "VERB" else None
        elif low in MINOR_VERB_FORMS:
            f = _minor_cue(tok, MINOR_VERB_FORMS[low])
        elif tok.pos_ == "VERB" and low in _EXTRA_FORMS:
            f = _evaluative_cue(tok, _EXTRA_FORMS[low])
        else:
            f = None
        if f is None or not f.content_ranges:
            continue
        f.content_ranges = _tidy(text, f.content_ranges)
        if not f.content_ranges:
            continue
        # a source borrowed from the clause the cue hangs on (", referring to ...") may be another
        # attribution's source too; only the cue and content must be free
        own_source = f.source_span is not None and not f.extra.get("borrowed_source")
        lo = min(f.content_start, f.cue_pos, f.source_span.start_char if own_source else f.cue_pos)  # type: ignore[union-attr]
        hi = max(f.content_end, max(b for _, b in f.cue_ranges))
        if taken.find(1, lo, hi) >= 0:
            continue
        out.append(f)
        taken[lo:hi] = b"\x01" * (hi - lo)
    _resolve_sources(doc, out, outlet)
    return out


def _evaluative_cue(tok: Token, base: str) -> FoundAttribution | None:
    """An evaluative verb with a subject that can hold a view and an object after it."""
    children = list(tok.children)
    cue_ranges = [(tok.idx, tok.idx + len(tok.text))]
    heads = [c for c in children if c.i > tok.i and c.dep_ in ("dobj", "oprd", "xcomp", "ccomp")]
    mark_i = -1
    if base in EVALUATIVE_PREPS and not any(c.dep_ == "dobj" for c in heads):
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in EVALUATIVE_PREPS[base] and c.i == tok.i + 1), None)
        if prep is not None:
            cue_ranges.append((prep.idx, prep.idx + len(prep.text)))
            heads = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] + [h for h in heads if h.dep_ == "xcomp"]
        elif tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in EVALUATIVE_PREPS[base]:
            # "is calling for the United States to step up ...": "for" parsed as the mark of a
            # for-to clause; the preposition joins the cue, the clause after it is the content
            mark = tok.doc[tok.i + 1]
            clause = next((c for c in children if c.dep_ in ("advcl", "ccomp") and mark.head.i == c.i and mark.dep_ == "mark"), None)
            if clause is not None:
                cue_ranges.append((mark.idx, mark.idx + len(mark.text)))
                heads, mark_i = [clause], mark.i
    if not heads:
        return None
    subj, borrowed = _subject_of(tok)
    if subj is None or subj.dep_ in ("nsubjpass", "expl"):
        return None
    source = _source_phrase(subj, tok)
    if not _agentive(source, base, strict=True):
        return None
    tokens = [t for h in heads for t in h.subtree if t.i != mark_i]
    if len(heads) == 1 and heads[0].dep_ == "dobj":
        tokens = list(tok.doc[heads[0].left_edge.i : _object_tail(tok, heads[0]) + 1])
    content = _ranges(tok.doc, _fill_punct_gaps(tok, tokens))
    if len(content) != 1:
        return None
    f = FoundAttribution(tok.idx, source, sorted(cue_ranges), content, base)
    f.extra["evaluative"] = True
    f.extra["borrowed_source"] = borrowed
    return f


#: Dependents of a verb after its object that PolNeAR content takes in ("described him as a decent
#: man", "backed the candidate of their choice at the convention", "blasted Rubio for missing votes").
_OBJECT_TAIL_DEPS = frozenset({"prep", "npadvmod", "oprd", "acomp"})


def _object_tail(verb: Token, obj: Token) -> int:
    """The index of the last token of the object and the verb's complements right after it."""
    end = obj.right_edge.i
    for c in verb.rights:
        if c.i <= end:
            continue
        if c.left_edge.i != end + 1 or c.dep_ not in _OBJECT_TAIL_DEPS:
            break
        end = c.right_edge.i
    return end


def _fill_punct_gaps(cue: Token, tokens: list[Token]) -> list[Token]:
    """Content tokens with the punctuation between them taken in (the parser hangs quote marks on
    the verb: 'called the political system "rotten to the core"') and a leading "both" the parser
    left as a loose dependent of the cue ('called both Trump and Clinton "crazy"')."""
    if not tokens:
        return tokens
    doc = cue.doc
    idx = sorted({t.i for t in tokens})
    filled = set(idx)
    for a, b in zip(idx, idx[1:], strict=False):
        if b - a > 1 and all(doc[k].is_punct for k in range(a + 1, b)):
            filled.update(range(a + 1, b))
    first = idx[0]
    if 0 < first - cue.i - 1 <= 2 and all(doc[k].head.i == cue.i and doc[k].dep_ in ("dep", "predet") for k in range(cue.i + 1, first)):
        filled.update(range(cue.i + 1, first))
    return [doc[k] for k in sorted(filled)]


def _subject_of(tok: Token) -> tuple[Token | None, bool]:
    """The subject of a verb: its own, or (True as second item) the one it borrows as a conjunct
    ("rubbed his chin and said ...") or a participle (", calling him a liar")."""
    subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)
    if subj is not None:
        return subj, False
    if tok.dep_ == "conj" or (tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG"):
        return next((c for c in tok.head.children if c.dep_ in _SUBJ_DEPS), None), True
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head, True  # "voters supporting Trump"
    return None, False


def _source_phrase(subj: Token, cue: Token) -> Span:
    """The source phrase of a subject, ending before the cue when the cue is a participle inside it."""
    span = _np_span(subj)
    if subj.i < cue.i <= span.end - 1:
        span = _trim_span(subj.doc[span.start : cue.i])
    return span


def _say_object_cue(tok: Token) -> FoundAttribution | None:
    """"Half said so", "he said that", "said yes", "said the same of Sanders": "say" whose content is
    its object, "so" or "yes"/"no" (PolNeAR counts them; no claim can be built from them)."""
    children = list(tok.children)
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in children):
        return None
    head = next((c for c in children if c.i > tok.i and (c.dep_ == "dobj" or (c.dep_ in ("advmod", "intj") and c.lower_ in ("so", "yes", "no")))), None)
    if head is None:
        return None
    subj, borrowed = _subject_of(tok)
    if subj is None or subj.dep_ in ("nsubjpass", "expl"):
        return None
    source = _source_phrase(subj, tok)
    if not _agentive(source, "say"):
        return None
    tokens = [t for t in head.subtree]
    # "the same of Sanders", "that of Texas Sen. Cruz's campaign": the "of" phrase goes with it
    nxt = tokens[-1].i + 1
    if nxt < len(tok.doc) and tok.doc[nxt].dep_ == "prep" and tok.doc[nxt].head.i in (tok.i, head.i) and tok.doc[nxt].lower_ == "of":
        tokens += list(tok.doc[nxt].subtree)
    content = _ranges(tok.doc, tokens)
    if len(content) != 1:
        return None
    f = FoundAttribution(tok.idx, source, [(tok.idx, tok.idx + len(tok.text))], content, "say")
    f.extra["borrowed_source"] = borrowed
    return f


def _in_poll_cue(tok: Token) -> FoundAttribution | None:
    """"In the latest Post/ABC poll, Clinton led Trump by 5 points": "In" is the cue, the poll the
    source and the clause the phrase modifies the content."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.pos_ == "NOUN":
        tok, prep = prep.head, prep.head.head  # "in the RealClearPolitics average of polls"
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.dep_ == "dobj" and verb.i < prep.i:
        verb = verb.head  # "she trails the senator in the average of polls": hung on the object
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    doc = tok.doc
    lo, hi = prep.i, prep.right_edge.i
    later: set[int] = set()
    if prep.i > verb.i:
        if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "Clinton continues to lead in polls"
        # after the phrase ("Clinton leads in polls despite ...", "trails him in polls by 9 points"),
        # only a margin or a degree belongs to what the poll says; nor does a clause before the
        # subject ("While Clinton leads in Iowa, she trails ...")
        later = {
            t.i
            for c in verb.children
            if (c.i > hi and not (c.dep_ in ("npadvmod", "advmod") or (c.dep_ == "prep" and c.lower_ == "by")))
            or (c.i < verb.i and c.dep_ in ("mark", "advcl", "cc", "punct", "prep"))
            for t in c.subtree
        }
    content = _ranges(doc, [t for t in verb.subtree if not lo <= t.i <= hi and t.i not in later])
    if not content or len(content) > 2 or (len(content) == 2 and prep.i < verb.i):
        return None
    source = doc[tok.left_edge.i : hi + 1]
    while len(source) > 1 and (source[-1].is_punct or source[-1].is_space):
        source = source[:-1]
    return FoundAttribution(prep.idx, source, [(prep.idx, prep.idx + len(prep.text))], content, "say")


#: Prepositions that open a "seem" verb's complement ("seemed like an obstacle").
_SEEM_PREPS = frozenset({"like", "beside"})


def _seem_cue(tok: Token, base: str) -> FoundAttribution | None:
    """"New Hampshire seems stable", "the relationship appears to be alive": the subject and the
    complement are the content (two pieces), the cue has no source unless "to X" names one; "It
    appears that ..." has the clause alone."""
    if tok.pos_ != "VERB":
        return None
    doc = tok.doc
    # "seemed like an impossible task", "seemed a reminder that ...", "seemed beside the point"
    comp = next((c for c in tok.children if c.i > tok.i and (
        c.dep_ in ("xcomp", "oprd", "acomp", "ccomp", "attr")
        or (c.dep_ == "prep" and c.lower_ in _SEEM_PREPS and c.i == tok.i + 1)
    )), None)
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if comp is None or subj is None or subj.i > tok.i:
        return None
    # "appeared poised to win", "seemed taken aback": a participle complement
    if comp.dep_ == "xcomp" and comp.tag_ not in ("VB", "JJ", "VBN") and not any(a.lower_ == "to" for a in comp.children):
        return None
    source = None
    to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is not None:
        source = _np_span(pobj)
    pieces = [list(comp.subtree)]
    if not (subj.lower_ == "it" and comp.dep_ == "ccomp"):
        pieces.insert(0, list(subj.subtree))
    content = [r for p in pieces for r in _ranges(doc, p)]
    if len(content) != len(pieces):
        return None
    return FoundAttribution(tok.idx, source, [(tok.idx, tok.idx + len(tok.text))], content, base)


def _passive_cue(tok: Token) -> FoundAttribution | None:
    """"Trump is expected to deliver a speech": the subject and the infinitive are the content (two
    pieces), the agent of "by X" the source; "was asked, 'Q?'" has the question alone."""
    doc = tok.doc
    subj = next(c for c in tok.children if c.dep_ == "nsubjpass")
    if subj.lower_ == "it":
        return None  # "it is expected that ...": the main pass reads these
    xcomp = next((c for c in tok.children if c.i > tok.i and c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    source = None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is not None:
        source = _np_span(pobj)
    if xcomp is None:
        return None
    content = _ranges(doc, list(subj.subtree)) + _ranges(doc, list(xcomp.subtree))
    if len(content) != 2:
        return None
    base = VERB_FORMS.get(tok.lower_) or MINOR_VERB_FORMS.get(tok.lower_) or tok.lower_
    return FoundAttribution(tok.idx, source, [(tok.idx, tok.idx + len(tok.text))], content, base)


def _minor_cue(tok: Token, base: str) -> FoundAttribution | None:
    """A cue of :data:`MINOR_CUES` with its content taken from the frames the verb allows.

    The subject (own, borrowed by a conjunct or participle) is the source; a subjectless "Asked
    whether ..." / "when asked about ..." has no source. Returns None when no frame fits."""
    doc = tok.doc
    frames = MINOR_CUES[base]
    if "seem" in frames:
        return _seem_cue(tok, base)
    children = [c for c in tok.children if c.i > tok.i]
    cue_ranges = [(tok.idx, tok.idx + len(tok.text))]
    tokens: list[Token] = []
    if tok.pos_ != "VERB" and not (base == "plan" and tok.dep_ == "ROOT"):
        return None
    dobj = next((c for c in children if c.dep_ in ("dobj", "dative")), None)
    xcomp = next((c for c in children if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    ccomp = next((c for c in children if c.dep_ == "ccomp"), None)
    subj, borrowed = _subject_of(tok)
    # (a sentence-initial "Asked what ..." is often tagged as a past tense; without a subject of
    # its own, as an adverbial, it is the participle)
    question = base == "ask" and (
        (tok.tag_ == "VBN" and (subj is None or subj.dep_ == "nsubjpass"))
        or (tok.tag_ == "VBD" and tok.dep_ == "advcl" and not any(c.dep_ in _SUBJ_DEPS for c in tok.children))
    )
    if question:
        # "Asked whether Clinton ...", "when asked about concerns that ...": no source
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "about" and c.i == tok.i + 1), None)
        clause = next((c for c in children if c.dep_ in ("ccomp", "advcl") and c.left_edge.lower_ in _QUESTION_MARKS), None)
        if prep is not None:
            cue_ranges.append((prep.idx, prep.idx + len(prep.text)))
            tokens = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in _without_trailing_gloss(c)]
        elif clause is not None:
            tokens = list(clause.subtree)
        elif xcomp is not None and subj is not None:
            tokens = list(xcomp.subtree)
        if not tokens:
            return None
        f = FoundAttribution(tok.idx, None, cue_ranges, _ranges(doc, tokens), base)
        return f if len(f.content_ranges) == 1 else None
    if subj is None or subj.dep_ in ("nsubjpass", "expl"):
        return None
    finding = base == "find" and subj.lower_ in _DOCUMENT_NOUNS and ccomp is None
    if finding and dobj is not None and dobj.dep_ == "dobj":
        # "A Quinnipiac poll found Mr. Trump about even with Mrs. Clinton, but losing ...":
        # what a poll or study found is the rest of the clause after the verb
        tokens = list(doc[dobj.left_edge.i : tok.right_edge.i + 1])
        while tokens and tokens[-1].is_punct:
            tokens.pop()
    elif finding and (left := next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)) is not None:
        # "Students take 112 tests by graduation, a study by the Council found."
        tokens = list(left.subtree)
    elif "xcomp" in frames and xcomp is not None:
        start = dobj if dobj is not None and dobj.i < xcomp.i else None
        tokens = list(xcomp.subtree) if start is None else [t for t in doc[start.left_edge.i : xcomp.right_edge.i + 1]]
    elif "ccomp" in frames and ccomp is not None:
        tokens = _without_trailing_gloss(ccomp)
    elif "dobj+" in frames and dobj is not None and dobj.dep_ == "dobj":
        end = dobj.right_edge.i
        for c in children:
            if c.i == end + 1 and c.dep_ not in ("punct", "cc", "conj") and not c.is_punct:
                end = c.right_edge.i
        tokens = list(doc[dobj.left_edge.i : end + 1])
    elif "dobj" in frames and dobj is not None and dobj.dep_ == "dobj" and dobj.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        clause = next((c for c in dobj.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"), None)
        if clause is not None and dobj.i == tok.i + 1:
            # "expressed concern that ...": the noun joins the cue, the clause is the content
            cue_ranges.append((dobj.idx, dobj.idx + len(dobj.text)))
            tokens = list(clause.subtree)
        else:
            tokens = list(doc[dobj.left_edge.i : _object_tail(tok, dobj) + 1])
    else:
        for frame in frames:
            if not frame.startswith("prep:"):
                continue
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == frame[5:] and c.i == tok.i + 1), None)
            if prep is not None:
                cue_ranges.append((prep.idx, prep.idx + len(prep.text)))
                tokens = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in _without_trailing_gloss(c)]
                break
    if not tokens:
        return None
    source = _source_phrase(subj, tok)
    if not _agentive(source, base, strict=True):
        return None
    content = _ranges(doc, tokens)
    if len(content) != 1:
        return None
    f = FoundAttribution(tok.idx, source, sorted(cue_ranges), content, base)
    f.extra["borrowed_source"] = borrowed
    return f


#: Longest line, in tokens, that a colon cue takes when the line holds several sentences.
_COLON_LINE_MAX = 25


def _colon_cue(tok: Token, text: str) -> FoundAttribution | None:
    """A line that opens with a short name and a colon: "Cruz: Trump Would Put Liberals On Court."

    The name (at most ``_COLON_SOURCE_MAX`` tokens, with a proper noun and no verb) is the source,
    the colon the cue and the rest of the line the content (without its final full stop).
    """
    doc = tok.doc
    line_start = text.rfind("\n", 0, tok.idx) + 1
    # a transcript quoted line by line: '"WALLACE: Let's start with ...' (the speaker's label
    # opens the quotation, so its colon is the cue of what follows, not a cue quoted)
    opened = line_start
    while line_start < tok.idx and text[line_start] in _QUOTE_MARKS:
        line_start += 1
    transcript = line_start > opened
    line_end = text.find("\n", tok.idx)
    line_end = len(text) if line_end < 0 else line_end
    if not transcript:
        # "IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal: “...”", "More from Jones: “...”": a
        # newsletter's item opens with its topic and a dash, or with "More from"; the name is the source
        if (dash := _LINE_TOPIC.match(text, line_start, tok.idx)) is not None:
            line_start = dash.end()
        if (more := _MORE_FROM.match(text, line_start, tok.idx)) is not None:
            line_start = more.end()
    left = doc.char_span(line_start, tok.idx, alignment_mode="contract")
    if left is None or not 0 < len(left) <= _COLON_SOURCE_MAX or not text[line_start : line_start + 1].isupper():
        return None
    if left[0].lower_ in _COLON_NOT_SOURCES or any(t.pos_ in ("VERB", "AUX") for t in left):
        return None
    # the parser often misreads a headline's name ("Trump: ..." as a noun, "Issa:" as a place), so
    # a capitalised word or two stand in for a proper noun; an all-capitals place is a dateline
    named = any(t.pos_ == "PROPN" for t in left) or (
        len(left) <= 2 and all(t.text[:1].isupper() and t.is_alpha for t in left)
    )
    if not named or any(e.label_ in ("DATE", "TIME") for e in left.ents):
        return None
    if left.text.isupper() and any(e.label_ in ("GPE", "LOC") for e in left.ents):
        return None
    s, e = tok.idx + 1, len(text[:line_end].rstrip())
    while s < e and text[s].isspace():
        s += 1
    if (tag := _SOURCE_TAG.search(text, s, e)) is not None and text[tag.start() - 1 : tag.start()] in _QUOTE_MARKS:
        e = tag.start()  # '“...” [HuffPost.]': the quotation, without the tag naming where it ran
    if e > s and text[e - 1] == "." and not transcript:
        e -= 1  # a headline's full stop (a transcript line keeps a stop after a dash: "and —.")
    if len(text[s:e].split()) < 3:
        return None
    body = doc.char_span(s, e, alignment_mode="expand")
    speaker_label = left.text.isupper() or any(ent.label_ == "PERSON" for ent in left.ents) or lookup_actor(left.text)
    if (
        not transcript and not speaker_label and body is not None and len(body) > _COLON_LINE_MAX
        and len({t.sent.start for t in body}) > 1
    ):
        # "Superdelegates: Clinton is backed by 520 ... ," Devine said.": a topic label opening a
        # paragraph of several sentences, not a speaker's line (a headline is short; a transcript's
        # "BENENSON: ..." or a named speaker's line may run on)
        return None
    if not transcript and not speaker_label and body is not None and _speaker_after_colon(body):
        # "Russia-Ukraine war live: Kyiv says Russian troops withdrawing": a headline's label,
        # and the line's speaker is named after the colon
        return None
    f = FoundAttribution(tok.idx, left, [(tok.idx, tok.idx + 1)], [(s, e)], "say")
    if transcript:
        f.extra["transcript"] = True
    return f


def _speaker_after_colon(body: Span) -> bool:
    """Whether the line after a colon opens with a speaker and their cue ("Kyiv says ..."):
    the line's main verb is a finite verb of speech or belief whose subject starts the line and
    is not "I" or "we" ("Rubio: I Still Believe Trump Can't Be Trusted" is Rubio's line)."""
    for t in body:
        if t.lower_ not in VERB_FORMS or t.tag_ not in ("VBZ", "VBD", "VBP"):
            continue
        if VERB_FORMS[t.lower_] not in SPEECH_VERBS and VERB_FORMS[t.lower_] not in BELIEF_VERBS:
            continue
        if t.head.i != t.i and body.start <= t.head.i < body.end:
            continue  # not the line's main verb
        if any(c.dep_ in _SUBJ_DEPS and c.left_edge.i == body.start and c.lower_ not in ("i", "we")
               for c in t.children):
            return True
    return False


#: Forms of "make", for "made (it) clear that ...".
_MAKE_FORMS = frozenset({"make", "makes", "made", "making"})


def _make_clear_cue(tok: Token) -> FoundAttribution | None:
    """ "Devine made it clear that his boss wanted something firmer", "Clinton has made clear she
    will not debate again": "made (it) clear" is the cue, the clause after it the content and the
    subject the source (PolNeAR marks "made it clear" as one cue). The parser hangs the clause on
    "clear" or on the verb."""
    doc = tok.doc
    j = tok.i + 1
    if j < len(doc) and doc[j].lower_ == "it":
        j += 1
    if j >= len(doc) or doc[j].lower_ != "clear" or doc[j].head.i != tok.i:
        return None
    clear = doc[j]
    clause = next((
        c for c in [*clear.children, *tok.children]
        if c.i > clear.i and c.dep_ in ("ccomp", "advcl") and c.pos_ in ("VERB", "AUX")
        and any(x.dep_ in _SUBJ_DEPS for x in c.children)
        and all(x.lower_ == "that" for x in c.children if x.dep_ == "mark")  # not "if they prevail"
    ), None)
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if clause is None or subj is None:
        return None
    source = _np_span(subj)
    if not _agentive(source, "say"):
        return None
    content = _ranges(doc, _without_trailing_gloss(clause))
    if len(content) != 1:
        return None
    return FoundAttribution(tok.idx, source, [(tok.idx, clear.idx + len(clear.text))], content, "say")


def _naming_cue(tok: Token) -> FoundAttribution | None:
    """An evaluation by naming: "Clinton called her vote a mistake", "He called Burma a 'good news
    story'". The subject is the source, "called" the cue, and the object with what it is called the
    content; "called him on Tuesday" (no object predicate) and "a group called X" (no subject) are
    not attributions."""
    children = list(tok.children)
    subj = next((c for c in children if c.dep_ == "nsubj"), None)
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
    oprd = next((c for c in children if c.dep_ == "oprd" and obj is not None and c.i > obj.i), None)
    if subj is None or obj is None or oprd is None:
        return None
    source = _np_span(subj)
    if not _agentive(source, "call", strict=True):
        return None  # "the report calls the plan a failure" keeps its source; "it calls it X" is no one's
    doc = tok.doc
    content = _ranges(doc, list(doc[obj.left_edge.i : oprd.right_edge.i + 1]))
    return FoundAttribution(tok.idx, source, [(tok.idx, tok.idx + len(tok.text))], content, "call")


def _according_to(tok: Token) -> FoundAttribution | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        to = nxt
    doc = tok.doc
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is not None:
        source = _np_span(pobj)
    else:
        # "according to show insiders": a noun phrase the tagger read as a verb and its object
        pcomp = next((c for c in to.children if c.dep_ == "pcomp"), None)
        if pcomp is None or pcomp.right_edge.i - pcomp.left_edge.i > 5 or doc[pcomp.right_edge.i].pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ not in ("dobj", "compound", "amod", "det") for c in pcomp.children):
            return None
        source = doc[pcomp.left_edge.i : pcomp.right_edge.i + 1]
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        head = tok.sent.root
    if head.dep_ == "ccomp" and head.head.lower_ in VERB_FORMS and head.head.i < tok.i and tok.i > head.i:
        # "Trump said he was happy ..., according to The New York Times": the parser hangs the
        # phrase on the reported clause; what the paper reports is that Trump said it
        head = head.head
    excluded = {t.i for t in tok.subtree} | {to.i} | {t.i for t in to.subtree}
    tokens = [t for t in head.subtree if t.i not in excluded]
    content = _ranges(doc, tokens)
    cue = (tok.idx, to.idx + len(to.text))
    return FoundAttribution(tok.idx, source, [cue], content, "according to")


def _verb_cue(tok: Token, by_start: dict[int, QuoteSpan], by_end: dict[int, QuoteSpan]) -> FoundAttribution | None:
    base = VERB_FORMS[tok.lower_]
    children = list(tok.children)
    cue_ranges = [(tok.idx, tok.idx + len(tok.text))]
    if base in PHRASAL_CUES:
        prt = next((c for c in children if c.dep_ == "prt" and c.lower_ in PHRASAL_CUES[base]), None)
        if prt is not None:
            cue_ranges.append((prt.idx, prt.idx + len(prt.text)))
        elif base in _NEEDS_PARTICLE:
            return None
    content_heads = [c for c in children if c.dep_ == "ccomp"]
    kickers = [c for c in content_heads if c.i < tok.i and _headline_kicker(c, tok)]
    if kickers:
        # "Ukraine latest updates: ICRC says Mariupol evacuation on hold": a headline's label
        # before a colon is no part of what the speaker after it says, which follows the cue
        content_heads = [c for c in content_heads if c not in kickers] or [
            c for c in children if c.i > tok.i and c.dep_ in _KICKER_CONTENT_DEPS
        ]
        if not content_heads:
            return None
    if any(c.i < tok.i for c in content_heads):
        # '"Q1," she said, but ... "Q2," said Kunin': the parser hangs the first speaker's
        # quotation and cue on the second cue; a cue with its own speaker and quotation is its
        # own attribution, not what the later one says; so is 'He said he had not seen it, and
        # when asked ..., he said, "I hope not."' when the later cue has content after it
        # (a clause inside the quotation, '"I think he will be fair," Trump said, "but ..."', stays)
        after = any(c.i > tok.i for c in content_heads)
        content_heads = [c for c in content_heads if not (
            c.i < tok.i and _own_cue_clause(c)
            and (_adjacent_quote(c, by_start, by_end) is not None
                 or (after and not any(q.start <= c.idx < q.end for q in by_start.values())))
        )]
    if len(content_heads) > 1:
        # "three-quarters said they were worried, and more than 4 in 10 said ...": the parser hangs
        # the second speaker's clause on the first cue as another complement; it is its own attribution
        kept = content_heads[:1] + [c for c in content_heads[1:] if not _own_cue_clause(c)]
        split_off = len(kept) < len(content_heads)
        content_heads = kept
    else:
        split_off = False
    borrowed = None
    if content_heads and not any(c.dep_ in _SUBJ_DEPS for c in children):
        # "Kasich offered him a job, then says he'll welcome advice": the parser makes the first
        # verb a complement of the second; the cue shares its subject and says what follows it
        left = [c for c in content_heads if c.i < tok.i]
        right = [c for c in content_heads if c.i > tok.i]
        subj_left = next((x for c in left for x in c.children if x.dep_ == "nsubj"), None)
        doc = tok.doc
        quoted_left = left and any(
            ch in _QUOTE_MARKS for t in doc[max(0, left[0].left_edge.i - 1) : tok.i] for ch in t.text
        )
        if left and right and subj_left is not None and not quoted_left:
            content_heads, borrowed = right, subj_left
    if not content_heads and (base in SPEECH_VERBS or base in BELIEF_VERBS):
        # "He said legalizing it could put ...": a gerund subject of the clause parsed as the verb's xcomp
        content_heads = [c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > tok.i
                         and any(x.dep_ == "ccomp" for x in c.children)][:1]
    if not content_heads and (base in SPEECH_VERBS or base in BELIEF_VERBS):
        # "Trump said after the convention he would not accept ...": without "that", the parser
        # takes the clause after an adjunct for an adverbial one; a clause with a subject of its
        # own and no conjunction ("because", "when") is what was said
        content_heads = [c for c in children if c.dep_ == "advcl" and c.i > tok.i and c.pos_ in ("VERB", "AUX")
                         and c.tag_ not in ("VBG", "VBN")
                         and any(x.dep_ in ("nsubj", "nsubjpass") and x.i < c.i for x in c.children)
                         and not any(x.dep_ in ("mark", "advmod") and x.i < c.i for x in c.children)][:1]
    if not content_heads and base in PREP_CUES:
        for prep in children:
            if prep.dep_ == "prep" and prep.lower_ in PREP_CUES[base]:
                content_heads += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                cue_ranges.append((prep.idx, prep.idx + len(prep.text)))
    if not content_heads and base in _DOBJ_CUES:
        content_heads = [c for c in children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    # "The museum, Mr. Obama said, would make ...", "Lenox was a juggernaut, he said.": a
    # parenthetical cue; what was said is the clause it interrupts, in one or two pieces
    parenthetical = (
        not content_heads and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX")
        and (base in SPEECH_VERBS or base in BELIEF_VERBS) and any(c.dep_ == "nsubj" for c in children)
    )
    # "Ailes met with Mr. Trump, as The New York Times reported on Tuesday": an "as" clause on
    # the claim it reports; what was reported is the clause it hangs on, on its side of the cue
    as_clause = (
        not content_heads and not parenthetical and tok.dep_ == "advcl" and base in SPEECH_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in children)
        and any(c.dep_ == "nsubj" for c in children) and tok.head.pos_ in ("VERB", "AUX", "NOUN")
    )
    quoted = None if content_heads or parenthetical or as_clause else _adjacent_quote(tok, by_start, by_end)
    if not content_heads and not parenthetical and quoted is None and base in SPEECH_VERBS:
        detached = _detached_content(tok, by_start)
        if isinstance(detached, Token):
            content_heads = [detached]
        else:
            quoted = detached
    closing = (
        _closing_cue_clause(tok)
        if not content_heads and quoted is None and not parenthetical and not as_clause
        and (base in SPEECH_VERBS or base in BELIEF_VERBS)
        else None
    )
    if closing is None and quoted is None and not parenthetical and not as_clause and (not content_heads or (base in _PREP_ONLY and len(cue_ranges) == 1)):
        return None
    subjects = [c for c in children if c.dep_ in _SUBJ_DEPS]
    if quoted is not None:
        # '"... Full panic mode," said Leslie Wimes': a word of the quotation parsed as a second subject
        subjects = [c for c in subjects if not quoted.start <= c.idx < quoted.end] or subjects
    if len(subjects) > 1:
        # "''We need more: Michigan, ..., Ohio,'' Mr. Trump said": the same with a quotation the
        # cue is not in, found as a complement
        # (a short piece of a split quotation, '''That, unfortunately,'' he said, ''is ...''', is
        # no speech quotation of its own but is known by its end)
        others = _other_quotes(tok, by_start, by_end)
        subjects = [c for c in subjects if not any(a <= c.idx < b for a, b in others)] or subjects
    if closing is not None:
        subjects = [closing[0]]
    subj = borrowed or next(iter(subjects), None)
    if subj is None:
        if tok.dep_ == "conj":
            first = tok.head
            while first.dep_ == "conj" and not any(c.dep_ in _SUBJ_DEPS for c in first.children):
                first = first.head  # "reversed themselves, rushed inside and said ...": a chain of conjuncts
            if first.dep_ == "ccomp" and first.head.lower_ in VERB_FORMS:
                first = first.head  # "said A has happened and said B": the parser hangs the second on A
            subj = next((c for c in first.children if c.dep_ in _SUBJ_DEPS), None)
        elif tok.dep_ in ("advcl", "xcomp") and (
            tok.lower_ in _SUBJECTLESS_PARTICIPLES
            or (tok.tag_ == "VBG" and tok.head.i < tok.i and base not in _NOT_PARTICIPLE_CUES
                and any(c.dep_ == "ccomp" and c.i > tok.i for c in content_heads))
        ):
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        elif tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep":
            # "by saying he would ...", "after saying he was nervous": the clause's subject speaks
            subj = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "voters saying they want a ban", "911 calls saying shots have been fired"
            subj = tok.head
        if subj is None:
            # "About 4 in 10 say they ...": the parser takes the poll share for a number on the verb
            subj = next((c for c in tok.lefts if c.dep_ == "nummod" and c.like_num), None)
        if subj is None and content_heads and all(c.i > tok.i for c in content_heads):
            subj = _stranded_speaker(tok)
        if subj is None:
            inverted = _inverted_speaker(tok, by_end)
            if inverted is None:
                return None
            subj, quoted = inverted
            content_heads = []
    passive_expletive = subj.dep_ == "nsubjpass" and subj.lower_ == "it"
    if subj.dep_ == "nsubjpass" and not passive_expletive:
        return None
    source = None if passive_expletive else _np_span(subj)
    if source is not None and subj.i < tok.i <= source.end - 1:
        # the source phrase the cue hangs on as a participle ends before the cue
        source = _trim_span(subj.doc[source.start : tok.i])
    if source is not None and not _agentive(source, base):
        return None
    doc = tok.doc
    if quoted is not None:
        return FoundAttribution(tok.idx, source, sorted(cue_ranges), [(quoted.start, quoted.end)], base)
    if closing is not None:
        content = _ranges(doc, closing[1])
        return FoundAttribution(tok.idx, source, sorted(cue_ranges), content, base) if len(content) == 1 else None
    if as_clause:
        content = _ranges(doc, _reported_clause(tok))
        return FoundAttribution(tok.idx, source, sorted(cue_ranges), content, base) if content else None
    if parenthetical:
        own = tok.left_edge.i, tok.right_edge.i
        # words of a quotation the cue is not in are what was said, whatever the parser hung them on
        others = _other_quotes(tok, by_start, by_end)
        content = _ranges(doc, [
            t for t in tok.head.subtree
            if not own[0] <= t.i <= own[1] or any(a <= t.idx < b for a, b in others)
        ])
        return FoundAttribution(tok.idx, source, sorted(cue_ranges), content, base) if len(content) <= 2 else None
    tokens = [t for h in content_heads for t in _without_trailing_gloss(h)]
    while split_off and len(tokens) > 1 and tokens[-1].dep_ in ("cc", "punct") and tokens[-1].text not in _QUOTE_MARKS:
        tokens.pop()  # ", and" before the split-off clause
    if content_heads[0].dep_ in ("pobj", "pcomp"):
        # "spoke of their friendship having 'no limits'": the parser often hangs the participle elsewhere
        nxt = tokens[-1].i + 1
        if nxt < len(doc) and doc[nxt].tag_ == "VBG" and doc[nxt].dep_ in ("acl", "advcl"):
            tokens += list(doc[nxt].subtree)
    content = _ranges(doc, tokens)
    return FoundAttribution(tok.idx, source, sorted(cue_ranges), content, base)


#: What a cue says after a headline's label ("... : ICRC says Mariupol evacuation on hold").
_KICKER_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "attr", "oprd"})


def _headline_kicker(head: Token, cue: Token) -> bool:
    """Whether ``head``, a clause before ``cue``, is a headline's label: it ends at a colon
    followed by the cue's own clause ("Ukraine latest updates: ICRC says ..."), is not a
    quotation ('"We will win": Zelensky says'), and the cue has something said after it."""
    doc = cue.doc
    colon = head.right_edge.i + 1
    if colon >= cue.i or doc[colon].text != ":":
        return False
    if any(ch in _QUOTE_MARKS for t in doc[head.left_edge.i : colon] for ch in t.text):
        return False
    if not any(c.dep_ in _SUBJ_DEPS and colon < c.i < cue.i for c in cue.children):
        return False
    return any(c.i > cue.i and c.dep_ in _KICKER_CONTENT_DEPS for c in cue.children)


#: Entity types that name no speaker: the noun before a cue that is one ("In Baghdad said")
#: ends a prepositional phrase, not a speaker's name.
_NOT_SPEAKER_ENTS = PLACE_LABELS | frozenset({"DATE", "TIME", "EVENT", "CARDINAL", "PERCENT", "ORDINAL"})


def _stranded_speaker(tok: Token) -> Token | None:
    """The speaker right before a finite cue that the parser left without a subject: "Alarmed
    by the unrest in Nevada, Senator Harry Reid, the minority leader, said that ..." (the name
    parsed as a conjunct of "Nevada"). The noun phrase must end at the cue (an appositive's
    comma aside) and hang on no verb of its own; an imperative ("Ask yourself what ...") has none.
    """
    if tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = tok.doc
    j = tok.i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[j]
    while (
        head.dep_ in ("appos", "compound", "flat", "conj") and head.head.i < tok.i
        and head.head.pos_ in ("NOUN", "PROPN") and head.head.ent_type_ not in _NOT_SPEAKER_ENTS
    ):
        head = head.head  # "Jay DiPietro, the club's president and general manager, suggested"
    if (
        head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "compound", "poss", "pobj")
        or head.head.i > tok.i or head.ent_type_ in _NOT_SPEAKER_ENTS
    ):
        return None
    if head.right_edge.i < j or head.right_edge.i >= tok.i:
        return None
    return head


def _other_quotes(tok: Token, by_start: dict[int, QuoteSpan], by_end: dict[int, QuoteSpan]) -> list[tuple[int, int]]:
    """The character spans of the quotations the cue ``tok`` is not inside, short pieces of a
    split quotation included (they are known by their end only)."""
    return [(q.start, q.end) for q in chain(by_start.values(), by_end.values()) if not q.start <= tok.idx < q.end]


def _closing_cue_clause(tok: Token) -> tuple[Token, list[Token]] | None:
    """What a cue closing its sentence says when the parser made the cue the root: "A girl was
    pepper-sprayed by another bystander, police said." (the clause hung on "said" as an adverbial
    or a bare dependent, not a complement): the sentence before the comma ahead of the speaker.

    Only a cue with its subject right after that comma and nothing after it but adverbials, a
    hearer or a prepositional phrase ("police said in a statement."), and a stretch before it
    that holds a verb of its own.
    """
    if tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = tok.doc
    if tok.dep_ != "ROOT":
        # "..., if bogus, ideas ... reach others, she said." parsed as an adverbial of the first
        # verb; "..., but it is under pressure, said the chief executive." as its conjunct
        if tok.dep_ not in ("advcl", "parataxis", "conj") or tok.head.i > tok.i or any(
            c.dep_ in ("mark", "cc") or (c.dep_ == "advmod" and c.i < tok.i) for c in tok.children
        ):
            return None
    if any(not t.is_punct and not t.is_space for t in doc[tok.right_edge.i + 1 : tok.sent.end]):
        return None
    # the subject nearest the cue: the parser may hang a word of the stretch on it as another
    subj = max((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), key=lambda c: c.i, default=None)
    if subj is not None:
        lo = _np_start(subj)
    else:
        # "..., said Geert Wilders, founder of the party.": the speaker after the cue
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i), None)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
            return None
        lo = tok.i
    comma = lo - 1
    if comma < 1 or doc[comma].text != "," or any(doc[j].is_space or doc[j].text in _QUOTE_MARKS for j in range(lo, tok.i)):
        return None
    for c in tok.children:
        if c.i > tok.i and c.i != subj.i and not (
            c.dep_ in ("punct", "advmod", "npadvmod")
            or (c.dep_ == "prep" and c.lower_ not in PREP_CUES.get(VERB_FORMS[tok.lower_], ()))
            or (c.dep_ in ("dobj", "dative") and tok.lower_ in _HEARER_VERBS)
        ):
            return None
    sent_start = tok.sent.start
    split = all(t.is_space for t in doc[sent_start:comma])
    if split:
        # '... even with a "good" job, he said.' cut into two sentences at the comma
        if sent_start == 0:
            return None
        sent_start = doc[sent_start - 1].sent.start
    stretch = [t for t in doc[sent_start:comma] if not t.is_space]
    # a clause of its own: a verb with a subject and no subordinating mark ("After the court
    # refused ..., Schuette asked" is the circumstance of a cue whose content follows it)
    if len(stretch) < 4 or not any(
        t.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJ_DEPS for c in t.children)
        and not any(c.dep_ == "mark" for c in t.children)
        for t in stretch
    ):
        return None
    if stretch[0].text in _QUOTE_MARKS or "\n" in doc[stretch[0].i : comma].text:
        return None  # quotations have their own rules; a paragraph break is a misread sentence
    if not split and tok.dep_ == "ROOT":
        # every word of the stretch hangs on the cue through its left dependents (no second
        # clause of the sentence rooted elsewhere)
        lefts = [c for c in tok.children if c.i < comma and c.dep_ != "punct"]
        if not lefts or min(c.left_edge.i for c in lefts) > stretch[0].i:
            return None
    elif not split and tok.head.left_edge.i > stretch[0].i:
        return None
    return subj, stretch


def _reported_clause(tok: Token) -> list[Token]:
    """The clause an "as X reported" cue hangs on, on its side of the cue.

    When the clause comes first, all of it but the clauses joined after the cue (", and he
    will ..."); when the cue comes first ("However, as POLITICO has reported, cases ..."), what
    follows the cue's own clause."""
    head = tok.head
    own_lo, own_hi = tok.left_edge.i, tok.right_edge.i
    if tok.i > head.i:
        later = {t.i for c in head.children if c.dep_ in ("cc", "conj") and c.i > own_hi for t in c.subtree}
        return [t for t in head.subtree if not own_lo <= t.i <= own_hi and t.i not in later]
    return [t for t in head.subtree if t.i > own_hi]


def _own_cue_clause(head: Token) -> bool:
    """Is this clause a cue verb with a subject of its own ("more than 4 in 10 said ...")?"""
    return (
        head.lower_ in VERB_FORMS and head.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in head.children)
        and any(c.dep_ == "ccomp" for c in head.children)
    )


def _detached_content(tok: Token, by_start: dict[int, QuoteSpan]) -> Token | QuoteSpan | None:
    """What a speech verb says when the parser hung it elsewhere: a that-clause after a few
    adjuncts ("said in a statement that the announcements were ...", the clause parsed as part of
    "statement"), returned as the clause's head; or a quotation after a colon that ends the
    sentence ("said about its platform:\n\n"The platform goes further ...")."""
    doc = tok.doc
    sent_end = tok.sent.end
    for j in range(tok.i + 1, min(sent_end, tok.i + _DETACHED_GAP + 1)):
        t = doc[j]
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > j and t.head.pos_ in ("VERB", "AUX"):
            head = t.head
            return head if head.left_edge.i >= tok.i + 1 else None
        if t.text in (":", ";") or t.pos_ == "VERB" or t.text in _QUOTE_MARKS:
            if t.text == ":":
                k = j + 1
                while k < len(doc) and doc[k].is_space:
                    k += 1
                if k < len(doc):
                    return by_start.get(doc[k].idx)
            return None
    return None


def _joins_paragraph(text: str, root: FoundAttribution, f: FoundAttribution) -> bool:
    """Whether a quotation that opens the next paragraph goes on with the one before it: the
    paragraph before ends with the speaker's quotation and its cue ('"Q1," Collins told MSNBC.'
    then '"Q2"'), so no one else could be speaking."""
    if f.extra.get("continues") is not root or not root.cue_ranges:
        return False
    cue_end = max(b for _, b in root.cue_ranges)
    if cue_end < root.content_end:
        return False
    if root.source_span is not None and root.source_span.start_char >= cue_end:
        # '"Q1," said Lamar Smith, a Republican representative from Texas who chairs ...' then '"Q2"'
        cue_end = root.source_span.end_char
    gap = text[cue_end : f.content_start]
    return gap.count("\n") <= 2 and len(gap) <= _CONTINUATION_GAP and "\n" in gap and not gap.strip(" \t\n.,")[:1].islower()


def _without_dateline(span: Span) -> Span:
    """A source phrase without the dateline the parser glued to it ("WASHINGTON — Sen. Smith",
    "MACAU (Reuters) – Top donor Sheldon Adelson") and without an age after a name ("Renee Gold,
    83"): PolNeAR sources leave both out."""
    text = span.text
    m = _DATELINE.match(text)
    start, end = span.start_char + (m.end() if m and m.end() < len(text) else 0), span.end_char
    age = _AGE_APPOSITION.search(text)
    if age is not None and span.start_char + age.start() > start:
        end = span.start_char + age.start()
    if (start, end) == (span.start_char, span.end_char):
        return span
    trimmed = span.doc.char_span(start, end, alignment_mode="contract")
    return trimmed if trimmed is not None and len(trimmed) else span


def _inverted_speaker(tok: Token, by_end: dict[int, QuoteSpan]) -> tuple[Token, QuoteSpan] | None:
    """The speaker and quotation of an inverted cue the parser left without a subject
    ("''Q,'' said Robin Maynard, half joking", where the name is parsed as the subject of
    "joking"): the noun phrase right after a speech verb that follows a closing quotation mark."""
    if VERB_FORMS[tok.lower_] not in SPEECH_VERBS:
        return None
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text[-1] not in _QUOTE_MARKS:
        return None
    quote = by_end.get(doc[j].idx + len(doc[j].text))
    if quote is None or tok.i + 1 >= len(doc):
        return None
    head = doc[tok.i + 1]
    # walk up the modifiers of the noun phrase ("Robin" -> "Maynard", "the" -> "lawyer")
    while head.dep_ in _NP_INNER_DEPS and tok.i < head.head.i <= tok.i + _INVERTED_NP_MAX:
        head = head.head
    if head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return head, quote


def _noun_cue(tok: Token) -> FoundAttribution | None:
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    source: Span | None = None
    for child in tok.children:
        if child.dep_ == "poss":
            source = _np_span(child)
        elif child.dep_ == "prep" and child.lower_ in ("from", "by"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                source = _np_span(pobj)
    hearsay = source is None and tok.lower_ in HEARSAY_NOUNS
    content = _ranges(tok.doc, list(clause.subtree))
    return FoundAttribution(tok.idx, source, [(tok.idx, tok.idx + len(tok.text))], content, tok.lower_, hearsay=hearsay)


def _adjacent_quote(tok: Token, by_start: dict[int, QuoteSpan], by_end: dict[int, QuoteSpan]) -> QuoteSpan | None:
    """A quotation the parser did not attach to the cue: right after it ('he said, "Q."', 'said:
    "Q"') or right before its subject ('"Q," Smith said' parsed as two clauses)."""
    doc = tok.doc
    j = tok.i + 1
    start = tok.i
    # "told Breitbart News Daily host Matt Boyle, 'Q'": the hearer stands between the cue and the quote
    hearer = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.left_edge.i == tok.i + 1), None)
    if hearer is not None and hearer.pos_ in ("PROPN", "NOUN", "PRON") and tok.lower_ in _HEARER_VERBS:
        j = start = hearer.right_edge.i + 1
    while j < len(doc) and (doc[j].is_space or doc[j].text in (",", ":")):
        j += 1
    if j < len(doc) and j - start <= 3 and doc[j].idx in by_start:
        return by_start[doc[j].idx]
    # '"Q," Smith said' (the quote right before the subject) or '"Q," said Smith' (right
    # before the cue, whatever the parser made of the quotation's words)
    # each subject's start, nearest the cue first: a word of the quotation parsed as a second
    # subject ('"The more people who know him ...," Briggs said') must not hide the real one
    subject_starts = sorted({_np_start(c) for c in tok.children if c.dep_ in _SUBJ_DEPS and c.i < tok.i}, reverse=True)
    # '"... to vote for him." Devine didn't concede defeat': a cue with an object of its own (not
    # the hearer) after a quotation closed by its own full stop says something else
    has_object = any(c.dep_ == "dobj" for c in tok.children) and tok.lower_ not in _HEARER_VERBS
    for first in dict.fromkeys((*subject_starts, tok.i)):
        j = first - 1
        while j >= 0 and (doc[j].is_space or doc[j].text == ","):
            j -= 1
        if j >= 0 and first - j <= 3 and doc[j].idx + len(doc[j].text) in by_end:
            quote = by_end[doc[j].idx + len(doc[j].text)]
            if "\n" in doc.text[quote.end : doc[first].idx]:
                # '"It's called an election."' then a paragraph 'Eilperin reported from Washington.'
                return None
            if has_object and doc.text[quote.start : quote.end].rstrip("\"'”’ ")[-1:] in ".?!":
                return None
            return quote
    return None


def _trim_span(span: Span) -> Span:
    """The span without punctuation and spaces at its end."""
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span


def _np_start(subj: Token) -> int:
    """Where a subject phrase starts, not counting a clause the parser hung on it from the left
    ('"Q," Sarandon told MSNBC' with the quotation's verb parsed as a dependent of "Sarandon")."""
    lo = subj.i
    for c in subj.lefts:
        if c.dep_ in _LEFT_CLAUSES or c.text in _QUOTE_MARKS:
            lo = subj.i  # the phrase starts after this clause
        elif lo == subj.i and c.dep_ == "punct":
            continue
        else:
            lo = min(lo, c.left_edge.i)
    return lo


def _joined_start(head: Token, child: Token, *, glue: tuple[str, ...] = (",",), cc: bool = False) -> int:
    """Where a dependent after ``head`` starts, with the commas (``glue``) and, when ``cc``, the
    conjunction that join it to what comes before."""
    lo = child.left_edge.i
    doc = head.doc
    while lo - 1 > head.i and ((cc and doc[lo - 1].dep_ == "cc") or doc[lo - 1].text in glue):
        lo -= 1
    return lo


def _without_child(
    tokens: list[Token], head: Token, test: Callable[[Token], bool], *, glue: tuple[str, ...] = (",",), cc: bool = False
) -> list[Token]:
    """``tokens`` without the first dependent after ``head`` that passes ``test``, nor what joins it
    (see :func:`_joined_start`); unchanged when none does."""
    child = next((c for c in head.children if c.i > head.i and test(c)), None)
    if child is None:
        return tokens
    lo = _joined_start(head, child, glue=glue, cc=cc)
    return [t for t in tokens if t.i < lo or t.i > child.right_edge.i]


def _without_trailing_gloss(head: Token) -> list[Token]:
    """The head's subtree without a closing participle clause of a cue verb (", adding to
    speculation that ...", ", noting that ...").

    Such a clause is the reporter's gloss on what the source said, or another report, not part
    of it; a participle of another verb continues what was said ("4 million people of Philippine
    descent live in the United States, making them the second-largest Asian group": PolNeAR
    train content F1 .498 -> .500 and .529 -> .530 over cutting every participle). Inside a
    quotation it is kept (content is widened to the whole quotation later).
    """
    tokens = list(head.subtree)
    # "said his attacks have given him momentum and said that ...": a conjoined verb of speech
    # with no subject of its own is the speaker's next act, misattached to the content by the
    # parser. Other cue verbs mostly continue what was said ("said he voted for Mr. Obama in
    # 2008 and wrote in Ron Paul", "said she did not condone violence and hoped that ..."):
    # PolNeAR train content F1 .503 -> .504 and .533 -> .536 over cutting every cue verb
    tokens = _without_child(tokens, head, lambda c: (
        c.dep_ == "conj" and c.pos_ == "VERB" and VERB_FORMS.get(c.lower_) in SPEECH_VERBS
        and not any(x.dep_ in _SUBJ_DEPS for x in c.children)
    ), glue=(",",), cc=True)
    # "he was happy to see ..., according to The New York Times": who reports the report is not
    # part of what was said
    tokens = _without_child(tokens, head, lambda c: c.dep_ == "prep" and c.lower_ == "according")
    # '"We'll see," when asked whether he would ...': the question put to the speaker is the
    # reporter's framing (its own PolNeAR attribution), not part of the answer
    tokens = _without_child(tokens, head, lambda c: (
        c.dep_ == "advcl" and c.lower_ == "asked" and not any(x.dep_ in _SUBJ_DEPS for x in c.children)
    ))
    # "74 percent said they are set on him, while 22 percent said they might change their
    # mind": a closing clause with a cue and a speaker of its own is another attribution
    for child in head.children:
        if child.i > head.i and child.dep_ in ("advcl", "conj") and _own_cue_clause(child) and child.right_edge.i >= tokens[-1].i - 1:
            lo = _joined_start(head, child, glue=(",", ";"), cc=True)
            tokens = [t for t in tokens if t.i < lo]
            break
    for child in reversed(list(head.children)):
        if child.i < head.i or child.dep_ != "advcl" or child.tag_ != "VBG":
            continue
        sub = list(child.subtree)
        before = sub[0].i - 1
        if (
            sub[-1].i >= tokens[-1].i - 1 and before > head.i and head.doc[before].text == ","
            and (child.lower_ in VERB_FORMS or child.lower_ in MINOR_VERB_FORMS)
        ):
            cut = {t.i for t in sub} | {before}
            return [t for t in tokens if t.i not in cut]
        break
    return tokens


def _agentive(span: Span, base: str, *, strict: bool = False) -> bool:
    """Can this phrase be a source? People, organisations, places as agents, pronouns, documents.

    ``strict`` leaves out common nouns that are not known source words (for evaluative verbs:
    "the bill would support families" has no source)."""
    root = span.root
    if root.pos_ == "PRON":
        return root.lower_ not in {"that", "which", "what", "this"} or base in BELIEF_VERBS
    if root.lower_ in GENERIC_SOURCE_NOUNS or root.lower_ in PERSON_NOUNS or root.lower_ in _DOCUMENT_NOUNS:
        return True
    for ent in span.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and (
            ent.start <= root.i < ent.end or ent.root.head.i == root.i
        ):
            return True
    if root.pos_ == "PROPN" or lookup_actor(span.text) is not None:
        return True
    if root.pos_ in _SPEAKER_POS and not strict:
        # "about half of voters said", "the magazine said": the subject of a cue verb is its source
        # (measured on PolNeAR train: recall up, precision unchanged)
        return True
    if root.lower_ in _SHARE_NOUNS or (root.like_num and any(c.lower_ == "in" for c in root.children)):
        # "56 percent would vote for Clinton", "a majority backed the plan", "3 in 10 favor ...":
        # a share of those polled is a group of people
        return True
    if strict and root.tag_ == "NNS" and root.pos_ == "NOUN":
        # "advocates called for his dismissal", "critics accused him of ...": plural common nouns
        # are mostly groups of people (PolNeAR train: cue recall +0.6 points, precision -0.2)
        return True
    return root.lower_ in {"two", "both", "all", "each", "many", "some", "others", "people", "men", "women", "leaders"}


#: Longest relative clause, in words, that a source phrase keeps when commas set it off ("Trump,
#: who was once a pitchman for the Oreo, has vowed"): PolNeAR train sources keep 88 of 133 such
#: clauses under 10 words and drop 70 of 122 longer ones.
_ASIDE_MAX_WORDS = 9


def _aside_end(source: Span, cue_start: int) -> int | None:
    """Where a short relative aside or an "including" list right after a source phrase ends, its
    closing comma included ("Trump, who was once a pitchman for the Oreo, has vowed"; "Some
    observers, including professor Zeynep Tufekci, argue": PolNeAR train sources keep all 14 such
    lists), or None.

    The aside must be set off by commas, close before the cue and hold no cue of its own; a
    relative clause at most :data:`_ASIDE_MAX_WORDS` words. Only the model attribution's source span
    takes it in: the actor is resolved from the phrase without it ("Scott Reed, who managed Bob
    Dole's campaign," is Scott Reed).
    """
    found = _set_off_clause(source, including=True)
    if found is None:
        return None
    clause, words = found
    doc = source.doc
    close = clause.right_edge.i + 1
    if (
        (clause.dep_ == "relcl" and len(words) > _ASIDE_MAX_WORDS) or close >= len(doc) or doc[close].text != ","
        or doc[close].idx >= cue_start
    ):
        return None
    return doc[close].idx + 1


def _set_off_clause(source: Span, *, including: bool = False) -> tuple[Token, list[Token]] | None:
    """The relative clause (or, with ``including``, the "including" list) that follows a source
    phrase after a comma, and its words; None when there is none or it holds a cue of its own."""
    doc = source.doc
    if source.end >= len(doc) or doc[source.end].text != ",":
        return None
    clause = next(
        (c for c in source.root.rights if c.left_edge.i == source.end + 1
         and (c.dep_ == "relcl" or (including and c.dep_ == "prep" and c.lower_ == "including"))),
        None,
    )
    if clause is None:
        return None
    words = [t for t in clause.subtree if not t.is_punct and not t.is_space]
    if any(t.pos_ == "VERB" and t.lower_ in VERB_FORMS for t in words):
        return None
    return clause, words


def _trailing_relative(source: Span, content: Sequence[tuple[int, int]]) -> int | None:
    """Where a relative clause after a source that follows its cue ends ('..., said Jon Ralston,
    who runs a Nevada politics newsletter.'), or None: PolNeAR train sources after the cue keep
    73 of 101 such clauses, long ones too. Not a clause with a cue of its own, nor one running
    into the content."""
    found = _set_off_clause(source)
    if found is None or not found[1]:
        return None
    doc = source.doc
    words = found[1]
    end = words[-1].idx + len(words[-1].text)
    if doc.text[source.start_char : end].count("(") > doc.text[source.start_char : end].count(")") and doc.text[end : end + 1] == ")":
        end += 1
    if any(source.start_char < b and a < end for a, b in content):
        return None
    return end


def _np_span(tok: Token) -> Span:
    """The noun phrase of a token, PolNeAR style: restrictive modifiers kept ("a source involved in
    the talks", "polls released Sunday"), a clause or phrase set off by a comma dropped ("Ramos, who
    lives in Miami"; the model attribution takes a short one back, see :func:`_aside_end`), edges
    trimmed of punctuation, brackets kept balanced."""
    doc = tok.doc
    cut: set[int] = set()
    start = _np_start(tok)
    cut.update(t.i for t in tok.subtree if t.i < start)
    for t in tok.subtree:
        if t.i in cut or t.i <= tok.i:
            continue
        set_off = t.left_edge.i > 0 and doc[t.left_edge.i - 1].text in (",", "—", "–")
        if (t.dep_ in ("relcl", "acl") and set_off) or (
            t.head.i == tok.i and set_off and t.dep_ in ("prep", "advmod", "amod", "advcl")
        ):
            cut.update(x.i for x in t.subtree)
    tokens = [t for t in tok.subtree if t.i not in cut]
    # a cut in the middle ends the phrase there
    lo, hi = tokens[0].i, tokens[0].i + 1
    for t in tokens[1:]:
        if t.i != hi:
            break
        hi = t.i + 1
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text != ")":
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    # keep brackets balanced: "the Ministry of Defence (MoD)", "Sen. Bernie Sanders (I-Vt.)"
    if doc[lo:hi].text.count("(") > doc[lo:hi].text.count(")"):
        for j in range(hi, min(hi + 3, len(doc))):
            if doc[j].text == ")":
                hi = j + 1
                break
    return doc[lo:hi]


def _ranges(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
    """Contiguous character ranges covering the tokens, edges trimmed of spaces and bare punctuation."""
    idx = sorted({t.i for t in tokens if not t.is_space})
    if not idx:
        return []
    runs: list[list[int]] = [[idx[0]]]
    for i in idx[1:]:
        if i == runs[-1][-1] + 1 or all(doc[j].is_space for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[tuple[int, int]] = []
    for run in runs:
        lo, hi = run[0], run[-1]
        while lo <= hi and (doc[lo].is_space or doc[lo].text in _PUNCT_EDGE or (doc[lo].is_punct and doc[lo].text not in _QUOTE_MARKS)):
            lo += 1
        while hi >= lo and (doc[hi].is_space or doc[hi].text in _PUNCT_EDGE):
            hi -= 1
        if lo <= hi:
            out.append((doc[lo].idx, doc[hi].idx + len(doc[hi].text)))
    return out


def _widen_to_quotes(doc: Doc, found: list[FoundAttribution], quotes: list[QuoteSpan], text: str) -> list[FoundAttribution]:
    """Content that overlaps a speech quotation grows to the whole quotation (``text`` is ``doc.text``)."""
    for f in found:
        cue_lo = min(a for a, _ in f.cue_ranges)
        cue_hi = max(b for _, b in f.cue_ranges)
        for q in quotes:
            if q.start < cue_hi and cue_lo < q.end:
                # the cue is inside this quotation: it belongs to someone quoted, and what they
                # say ends with the quotation (the parser often runs it on into '..." Clinton said')
                clipped = [(max(a, q.start), min(b, q.end)) for a, b in f.content_ranges]
                f.content_ranges = [(a, b) for a, b in clipped if b > a] or f.content_ranges
                continue
            if f.source_span is not None and q.start < f.source_span.end_char and f.source_span.start_char < q.end:
                continue
            lo, hi = f.content_start, f.content_end
            partly_inside = q.start < hi and lo < q.end and not (lo <= q.start and q.end <= hi)
            if partly_inside and (q.start <= lo + 2 or q.end >= hi):
                # the quotation is only partly inside the content: take it whole (only the pieces
                # that touch it: '"We are ready," Smith said, "and ..."' keeps its two pieces)
                touching = [(a, b) for a, b in f.content_ranges if a < q.end and q.start < b]
                rest = [(a, b) for a, b in f.content_ranges if not (a < q.end and q.start < b)]
                grown = (min([q.start] + [a for a, _ in touching]), max([q.end] + [b for _, b in touching]))
                f.content_ranges = sorted(rest + _merge_without([grown], f.cue_ranges, f.source_span))
        f.content_ranges = _tidy(text, f.content_ranges)
    return found


#: A discourse adverbial set off by a comma at the head of a content ("In fact, ...", "Still,
#: ..."): PolNeAR content starts after it (train: 32 contents start right after one, 4 with one).
#: "Instead," is left out: it starts five contents and follows none.
_LEADING_CONNECTIVE = re.compile(
    r"(?:however|still|in fact|in particular|in contrast|by contrast|indeed|meanwhile|moreover|of course|"
    r"in addition|nevertheless|nonetheless|at the same time|furthermore|likewise|similarly)[ \t\u00a0]*,[ \t\u00a0]+",
    re.IGNORECASE,
)


def _tidy(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content pieces without spaces and clause punctuation at their edges, with a quotation mark
    that opens or closes them taken in ('We are ready,"' gets its opening mark)."""
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        while s < e and (text[s].isspace() or text[s] in ",;:"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
            e -= 1
        if not out and (m := _LEADING_CONNECTIVE.match(text, s, e)) and m.end() < e:
            s = m.end()  # "Still, almost two in three voters ...": the writer's link, not what was said
        # a sentence's full stop is not part of what was said ("U.S." and "Jr." keep theirs)
        if e - s > 2 and text[e - 1] == "." and (text[e - 2].islower() or text[e - 2].isdigit()) and text[e - 3] != ".":
            e -= 1
        body = text[s:e]
        if sum(body.count(c) for c in '"“”') % 2 == 1:
            j = s - 1
            while j >= 0 and text[j] == " ":
                j -= 1
            if j >= 0 and text[j] in '"“' and (body.count('"') + body.count("”")) > body.count("“"):
                s = j
            elif e < len(text) and text[e] in '"”':
                e += 1
            elif text[e : e + 1] in (".", ",", "?", "!") and text[e + 1 : e + 2] in ('"', "”"):
                e += 2  # '... the industry."': the quotation closes after the sentence's stop
        elif s > 0 and text[s - 1] in '"“':
            # a whole quotation whose marks the parse left to the cue: '"We are ready," Smith said'
            k = e
            while k < len(text) and text[k] in ",.!?":
                k += 1
            if k < len(text) and text[k] in '"”' and k - e <= 2:
                s, e = s - 1, k + 1
        elif body.count("''") % 2 == 1:
            # the same with two apostrophes for quote marks ("the law is ''unconstitutional,''"):
            # the marks of a quotation left open inside the content close it right after it
            if text[e : e + 2] == "''":
                e += 2
            elif text[e : e + 1] in (".", ",", "?", "!") and text[e + 1 : e + 3] == "''":
                e += 3
        elif s > 1 and text[s - 2 : s] == "''" and body.count("''") % 2 == 0:
            # the same with two apostrophes for quote marks: ''We are ready,'' Smith said
            k = e
            while k < len(text) and text[k] in ",.!?":
                k += 1
            if text[k : k + 2] == "''" and k - e <= 2:
                s, e = s - 2, k + 2
        # "(90 percent": a bracket opened inside the content closes inside it
        for opener, closer in ("()", "[]"):
            if text[s:e].count(opener) > text[s:e].count(closer) and text[e : e + 1] == closer:
                e += 1
        if e > s and (not out or s >= out[-1][1]):
            out.append((s, e))
    return out


def _merge_without(ranges: list[tuple[int, int]], cues: list[tuple[int, int]], source: Span | None) -> list[tuple[int, int]]:
    holes = list(cues) + ([(source.start_char, source.end_char)] if source is not None else [])
    out = ranges
    for hs, he in holes:
        nxt: list[tuple[int, int]] = []
        for s, e in out:
            if he <= s or hs >= e:
                nxt.append((s, e))
            else:
                if s < hs:
                    nxt.append((s, hs))
                if he < e:
                    nxt.append((he, e))
        out = nxt
    return [(s, e) for s, e in out if e > s]


def _drop_overlaps(found: list[FoundAttribution]) -> list[FoundAttribution]:
    """When two attributions claim the same content, keep the one whose cue comes first."""
    kept: list[FoundAttribution] = []
    for f in sorted(found, key=lambda f: f.cue_pos):
        dup = False
        for k in kept:
            if f.content_start == k.content_start and f.content_end == k.content_end:
                dup = True
                break
            # a cue inside another's content is nesting, not a duplicate
            if k.content_start <= f.cue_pos < k.content_end:
                continue
            # the same quotation found twice (e.g. two cues around one quote): keep the first
            if f.content_start >= k.content_start and f.content_end <= k.content_end and f.cue_pos >= k.content_end:
                dup = True
                break
        if not dup:
            kept.append(f)
    return kept


def _signed_quotes(doc: Doc, quotes: list[QuoteSpan], text: str) -> list[FoundAttribution]:
    """Quotations signed with a dash and a name at the end of their line ('"Q." ― Sonya Herridge'):
    the dash is the cue, the name the source."""
    out: list[FoundAttribution] = []
    for q in quotes:
        m = _SIGNATURE.match(text, q.end)
        if m is None:
            continue
        source = doc.char_span(m.start(2), m.end(2))
        if source is None:
            continue
        out.append(FoundAttribution(m.start(1), source, [(m.start(1), m.end(1))], [(q.start, q.end)], "say"))
    return out


def _orphan_quotes(doc: Doc, found: list[FoundAttribution], quotes: list[QuoteSpan], text: str) -> list[FoundAttribution]:
    """Speech quotations no cue claimed: they continue the previous attribution when it is near."""
    out: list[FoundAttribution] = []
    for q in quotes:
        # an attribution whose cue is inside the quotation ("... I think we have to ...") is nested in it
        if any(f.content_start < q.end and q.start < f.content_end and not q.start <= f.cue_pos < q.end for f in found):
            continue
        previous = [f for f in found + out if f.content_end <= q.start]
        if not previous:
            continue
        # on a tie the later cue: '"Q1 ... we know Q1b," Clinton said.' ends "know"'s content too
        last = _governing(doc, max(previous, key=lambda f: (f.content_end, f.cue_pos)), previous)
        gap = text[last.content_end : q.start]
        # only the paragraph right after (or the same paragraph): "Q1," he said. "Q2."
        if gap.count("\n\n") > 1 or len(gap) > 400:
            continue
        # a quotation inside someone else's sentence ("Clinton called the deal 'an historic step
        # forward'") is not a continuation: it must open its sentence or follow the cue right away
        # (counted from the speaker when it follows the cue: '"Q1," said Raffaello Pantucci, director
        # of International Security Studies at the Royal United Services Institute, "Q2."')
        right_after = bool(last.cue_ranges) and any(last.content_end <= a for a, _ in last.cue_ranges)
        if right_after:
            source = last.source_span
            after_source = (
                source is not None and source.start_char >= max(b for _, b in last.cue_ranges)
                and q.start >= source.end_char and not text[source.end_char : q.start].strip(" ,\t")
            )
            right_after = len(gap) <= _CONTINUATION_GAP or after_source
        span = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
        if not right_after and span is not None and text[span.sent.start_char : q.start].strip():
            continue
        f = FoundAttribution(q.start, last.source_span, [], [(q.start, q.end)], None)
        f.extra["continues"] = last
        out.append(f)
    return out


def _governing(doc: Doc, f: FoundAttribution, others: list[FoundAttribution]) -> FoundAttribution:
    """The attribution whose cue ``f``'s cue clause hangs from as an adverbial clause, or ``f``: a
    quotation after 'she said, adding that ...' or 'Trump assured Jones, after Jones assured
    Trump that ...' goes on with the main clause's speaker. (A cue in a relative clause of the
    source, "Lionel Sosa, who said he would not vote for Mr. Cruz.", keeps the quotation after it.)"""
    tok = _cue_token(doc, f)
    if tok is None or tok.dep_ != "advcl":
        return f
    for g in others:
        if g is not f and g.cue_ranges and "continues" not in g.extra:
            head = _cue_token(doc, g)
            if head is not None and head.i == tok.head.i:
                return g
    return f


def _cue_token(doc: Doc, f: FoundAttribution) -> Token | None:
    """The token the cue starts at (None when the offset falls outside the Doc's tokens)."""
    span = doc.char_span(f.cue_pos, f.cue_pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _resolve_sources(doc: Doc, found: list[FoundAttribution], outlet: str | None) -> None:
    resolver = ActorResolver(doc, outlet)
    for f in found:
        cont = f.extra.get("continues")
        if isinstance(cont, FoundAttribution) and cont.actor is not None:
            f.actor = cont.actor
            f.cue_base = cont.cue_base
            continue
        if f.source_span is not None:
            f.actor = resolver.resolve(f.source_span)
        elif f.hearsay:
            f.actor = Actor(outlet or "unnamed source", "media" if outlet else "unnamed")
        else:
            f.actor = Actor("unnamed source", "unnamed")


def _nest(found: list[FoundAttribution]) -> None:
    """An attribution whose cue sits inside another's content was relayed through that source."""
    for f in found:
        for g in found:
            if g is f:
                continue
            if g.content_start <= f.cue_pos < g.content_end and (f.parent is None or g.content_end - g.content_start < f.parent.content_end - f.parent.content_start):
                f.parent = g


def _quote_type(text: str, ranges: list[tuple[int, int]], quotes: list[QuoteSpan]) -> str:
    lo, hi = min(s for s, _ in ranges), max(e for _, e in ranges)
    body = text[lo:hi]
    if not any(ch in body for ch in '"“”„«»'):
        return "indirect"
    for q in quotes:
        qs, qe = q.inner(text)
        if q.start <= lo + 1 and q.end >= hi - 2 and qe - qs > 0:
            return "direct"
    stripped = body.strip(" ,.;:")
    if stripped[:1] in '"“„«' and stripped[-1:] in '"”»' and stripped.count('"') + stripped.count("“") <= 2:
        return "direct"
    return "mixed"


def attribution_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]
