"""Attribution: who says what — source, cue and content spans (PolNeAR / PARC sense).

Rules over the dependency parse, in this order:

1. verb cues with a clausal complement ("X said (that) Y", "Y, X said"), with a prepositional
   object ("spoke of Y") or, for a few verbs, a direct object ("denied the report");
2. "according to X" attached to a clause;
3. noun cues with a "that"-clause ("claims that Y", "reports from X that Y", "speculation that Y");
4. quoted speech with no cue of its own continues the previous speaker's attribution (quotes that run
   over several paragraphs).

Content that overlaps a quotation is widened to the whole quotation, so a quote over several
sentences or paragraphs is one content span. Direct: the content is a quotation; mixed: it contains
one; indirect: no quote marks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Attribution, TextSpan
from .actors import ActorResolver, lookup_actor
from .extensions import install_extensions
from .lang.en.cue_verbs import (
    BELIEF_VERBS,
    DENIAL_VERBS,
    GENERIC_SOURCE_NOUNS,
    HEARSAY_NOUNS,
    NOUN_CUES,
    PHRASAL_CUES,
    PREP_CUES,
    SPEECH_VERBS,
    VERB_FORMS,
)
from .lang.en.sources import PERSON_TITLES
from .quotes import QuoteSpan, find_quotes

#: Verbs that take what is said as a direct object ("denied the allegations").
_DOBJ_CUES = frozenset({"deny", "confirm", "announce", "report", "claim", "reject", "dismiss", "dispute", "allege", "predict", "acknowledge", "admit"})
#: Participles that borrow the subject of the clause they hang from (", adding that ...").
_SUBJECTLESS_PARTICIPLES = frozenset({"adding", "saying", "noting", "stressing", "warning", "claiming", "insisting", "explaining", "arguing", "telling", "declaring"})
#: Verbs that only count as cues with a particle or preposition (PHRASAL_CUES / PREP_CUES).
_NEEDS_PARTICLE = frozenset(PHRASAL_CUES) - SPEECH_VERBS - BELIEF_VERBS - frozenset(PREP_CUES)
_PREP_ONLY = frozenset(PREP_CUES) - SPEECH_VERBS - BELIEF_VERBS
#: Nouns that can be the source of inanimate-source cues ("the report shows").
_DOCUMENT_NOUNS = frozenset({"report", "document", "study", "assessment", "update", "bulletin", "data", "figures",
                             "images", "footage", "statement", "survey", "analysis", "memo", "letter", "post", "tweet"})
_PUNCT_EDGE = frozenset(",;:-–—()[]")
_QUOTE_MARKS = frozenset('"“”„«»\'‘’')
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})


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
        doc._.cl_attributions = [to_attribution(doc, f) for f in found]


def to_attribution(doc: Doc, f: FoundAttribution) -> Attribution:
    text = doc.text
    cue = None
    if f.cue_ranges:
        s, e = min(a for a, _ in f.cue_ranges), max(b for _, b in f.cue_ranges)
        cue = TextSpan(s, e, text[s:e])
    source = TextSpan(f.source_span.start_char, f.source_span.end_char, f.source_span.text) if f.source_span else None
    actor = f.actor or Actor("unnamed source", "unnamed")
    return Attribution(
        source=source,
        cue=cue,
        content=tuple(TextSpan(s, e, text[s:e]) for s, e in f.content_ranges),
        quote=f.quote,
        source_name=actor.name,
        source_kind=actor.kind,
    )


# --------------------------------------------------------------------------- finding


def find_attributions(doc: Doc, *, outlet: str | None = None) -> list[FoundAttribution]:
    """All attributions in a parsed Doc, in text order, with canonical sources resolved."""
    text = doc.text
    quotes = [q for q in find_quotes(text) if q.is_speech(text)]
    found: list[FoundAttribution] = []
    for tok in doc:
        low = tok.lower_
        if low == "according":
            f = _according_to(tok)
        elif low in VERB_FORMS and tok.pos_ in ("VERB", "AUX"):
            f = _verb_cue(tok)
        elif low in NOUN_CUES and tok.pos_ in ("NOUN", "PROPN"):
            f = _noun_cue(tok)
        else:
            continue
        if f is not None and f.content_ranges:
            found.append(f)
    found = _widen_to_quotes(doc, found, quotes)
    found = _drop_overlaps(found)
    found += _orphan_quotes(doc, found, quotes)
    found.sort(key=lambda f: (f.cue_pos, f.content_start))
    _resolve_sources(doc, found, outlet)
    _nest(found)
    for f in found:
        f.quote = _quote_type(text, f.content_ranges, quotes)
    return found


def _according_to(tok: Token) -> FoundAttribution | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        to = nxt
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    doc = tok.doc
    source = _np_span(pobj)
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        head = tok.sent.root
    excluded = {t.i for t in tok.subtree} | {to.i} | {t.i for t in to.subtree}
    tokens = [t for t in head.subtree if t.i not in excluded]
    content = _ranges(doc, tokens)
    cue = (tok.idx, to.idx + len(to.text))
    return FoundAttribution(tok.idx, source, [cue], content, "according to")


def _verb_cue(tok: Token) -> FoundAttribution | None:
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
    if not content_heads and base in PREP_CUES:
        for prep in children:
            if prep.dep_ == "prep" and prep.lower_ in PREP_CUES[base]:
                content_heads += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                cue_ranges.append((prep.idx, prep.idx + len(prep.text)))
    if not content_heads and base in _DOBJ_CUES:
        content_heads = [c for c in children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if not content_heads or (base in _PREP_ONLY and len(cue_ranges) == 1):
        return None
    subj = next((c for c in children if c.dep_ in _SUBJ_DEPS), None)
    if subj is None:
        if tok.dep_ == "conj":
            subj = next((c for c in tok.head.children if c.dep_ in _SUBJ_DEPS), None)
        elif tok.dep_ in ("advcl", "xcomp") and tok.lower_ in _SUBJECTLESS_PARTICIPLES:
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
    passive_expletive = subj.dep_ == "nsubjpass" and subj.lower_ == "it"
    if subj.dep_ == "nsubjpass" and not passive_expletive:
        return None
    source = None if passive_expletive else _np_span(subj)
    if source is not None and not _agentive(source, base):
        return None
    doc = tok.doc
    tokens = [t for h in content_heads for t in _without_trailing_gloss(h)]
    if content_heads[0].dep_ in ("pobj", "pcomp"):
        # "spoke of their friendship having 'no limits'": the parser often hangs the participle elsewhere
        nxt = tokens[-1].i + 1
        if nxt < len(doc) and doc[nxt].tag_ == "VBG" and doc[nxt].dep_ in ("acl", "advcl"):
            tokens += list(doc[nxt].subtree)
    content = _ranges(doc, tokens)
    return FoundAttribution(tok.idx, source, sorted(cue_ranges), content, base)


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


def _without_trailing_gloss(head: Token) -> list[Token]:
    """The head's subtree without a closing participle clause (", adding to speculation that ...").

    Such a clause is the reporter's gloss on what the source said, not part of it. Inside a
    quotation it is kept (content is widened to the whole quotation later).
    """
    tokens = list(head.subtree)
    for child in reversed(list(head.children)):
        if child.i < head.i or child.dep_ != "advcl" or child.tag_ != "VBG":
            continue
        sub = list(child.subtree)
        before = sub[0].i - 1
        if sub[-1].i >= tokens[-1].i - 1 and before > head.i and head.doc[before].text == ",":
            cut = {t.i for t in sub} | {before}
            return [t for t in tokens if t.i not in cut]
        break
    return tokens


def _agentive(span: Span, base: str) -> bool:
    """Can this phrase be a source? People, organisations, places as agents, pronouns, documents."""
    root = span.root
    if root.pos_ == "PRON":
        return root.lower_ not in {"that", "which", "what", "this"} or base in BELIEF_VERBS
    if root.lower_ in GENERIC_SOURCE_NOUNS or root.lower_ in PERSON_TITLES or root.lower_ in _DOCUMENT_NOUNS:
        return True
    for ent in span.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and (
            ent.start <= root.i < ent.end or ent.root.head.i == root.i
        ):
            return True
    if root.pos_ == "PROPN" or lookup_actor(span.text) is not None:
        return True
    return root.lower_ in {"two", "both", "all", "each", "many", "some", "others", "people", "men", "women", "leaders"}


def _np_span(tok: Token) -> Span:
    """The noun phrase of a token without relative clauses and trailing punctuation."""
    tokens = [t for t in tok.subtree if not _inside_relcl(t, tok)]
    lo, hi = tokens[0].i, tokens[-1].i + 1
    doc = tok.doc
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    # keep brackets balanced: "the Ministry of Defence (MoD)"
    if hi < len(doc) and doc[hi].text == ")" and "(" in doc[lo:hi].text and ")" not in doc[lo:hi].text:
        hi += 1
    return doc[lo:hi]


def _inside_relcl(t: Token, top: Token) -> bool:
    while t.i != top.i:
        if t.dep_ in ("relcl", "acl") and t.head.i == top.i:
            return True
        t = t.head
    return False


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


def _widen_to_quotes(doc: Doc, found: list[FoundAttribution], quotes: list[QuoteSpan]) -> list[FoundAttribution]:
    """Content that overlaps a speech quotation grows to the whole quotation."""
    for f in found:
        cue_lo = min(a for a, _ in f.cue_ranges)
        cue_hi = max(b for _, b in f.cue_ranges)
        for q in quotes:
            if q.start < cue_hi and cue_lo < q.end:
                continue  # the cue is inside this quotation: it belongs to someone quoted
            if f.source_span is not None and q.start < f.source_span.end_char and f.source_span.start_char < q.end:
                continue
            lo, hi = f.content_start, f.content_end
            if q.start < hi and lo < q.end and not (lo <= q.start and q.end <= hi):
                # the quotation is only partly inside the content: take it whole
                if q.start <= lo + 2 or q.end >= hi:
                    merged = [(min(lo, q.start), max(hi, q.end))]
                    f.content_ranges = _merge_without(merged, f.cue_ranges, f.source_span)
    return found


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


def _orphan_quotes(doc: Doc, found: list[FoundAttribution], quotes: list[QuoteSpan]) -> list[FoundAttribution]:
    """Speech quotations no cue claimed: they continue the previous attribution when it is near."""
    out: list[FoundAttribution] = []
    text = doc.text
    for q in quotes:
        if any(f.content_start < q.end and q.start < f.content_end for f in found):
            continue
        previous = [f for f in found + out if f.content_end <= q.start]
        if not previous:
            continue
        last = max(previous, key=lambda f: f.content_end)
        gap = text[last.content_end : q.start]
        # only the paragraph right after (or the same paragraph): "Q1," he said. "Q2."
        if gap.count("\n\n") > 1 or len(gap) > 400:
            continue
        f = FoundAttribution(q.start, last.source_span, [], [(q.start, q.end)], None)
        f.extra["continues"] = last
        out.append(f)
    return out


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
