"""Assemble Claim records from one analysed Doc: attributed content, then the outlet's own voice."""

from __future__ import annotations

import bisect
import hashlib
import re

from spacy.tokens import Doc, Span

from ..model import Actor, Article, Claim, Entity, Hedge, Place, Quantity, Stance, TextSpan, TimeMention
from .actors import lookup_actor
from .attribution import FoundAttribution
from .events import classify_event
from .extensions import doc_text, sentences
from .quotes import find_quotes
from .stance import assess_stance

_CONCESSIVE = frozenset({"although", "though", "while", "whereas"})
_EDGE_STRIP = " \t\n\"'“”‘’„«»,;:–—-"
_LEADING_THAT = re.compile(r"^(?:that|whether)\s+", re.IGNORECASE)
#: An outlet sentence needs this many word tokens to be a claim (drops teasers and bylines).
MIN_CLAIM_WORDS = 4
_QUOTE_CHARS = frozenset('"“”„«»')


def claim_id(article_id: str, start: int, end: int) -> str:
    """Stable id: hash of the article id and the content offsets."""
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def build_claims(doc: Doc, article: Article) -> list[Claim]:
    """All claims in a Doc that went through the claimledger pipeline."""
    builder = _Builder(doc, article)
    return builder.build()


class _Builder:
    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.article = article
        self.outlet = outlet_actor(article.outlet)
        self.sents = sentences(doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self.hedges: list[Hedge] = list(doc._.cl_hedges or [])
        self.times: list[TimeMention] = list(doc._.cl_times or [])
        self.places: list[Place] = list(doc._.cl_places or [])
        self.quantities: list[Quantity] = list(doc._.cl_quantities or [])
        self.found: list[FoundAttribution] = list(doc.user_data.get("cl_found_attributions", []))
        self.quotes = find_quotes(self.text)

    # 1. pieces
    def build(self) -> list[Claim]:
        raw: list[tuple[int, int, FoundAttribution | None]] = []
        covered: list[tuple[int, int]] = []
        for f in self.found:
            covered += f.content_ranges + f.cue_ranges
            if f.source_span is not None:
                covered.append((f.source_span.start_char, f.source_span.end_char))
            for s, e in f.content_ranges:
                for ps, pe in self.split(s, e):
                    raw.append((ps, pe, None if f.hearsay else f))
        speech = [q for q in self.quotes if q.is_speech(self.text)]
        for sent in self.sents:
            s, e = sent.start_char, sent.end_char
            if any(a < e and s < b for a, b in covered):
                # an attribution embedded in the outlet's own sentence ("a visit - where the two spoke
                # of ... - was perceived as ...") leaves the main clause to the outlet
                root = sent.root
                if any(a <= root.idx < b for a, b in covered) or any(a <= s and e <= b for a, b in covered):
                    continue
            if any(q.start <= s and e <= q.end + 1 for q in speech):
                continue
            if not _is_clause(sent):
                continue
            for ps, pe in self.split(s, e):
                raw.append((ps, pe, None))
        # 2. one claim per distinct span, in text order
        seen: set[tuple[int, int]] = set()
        pieces = []
        for s, e, f in sorted(raw, key=lambda r: (r[0], r[1])):
            if (s, e) in seen or e - s < 2:
                continue
            seen.add((s, e))
            pieces.append((s, e, f))
        hearsay = {(s, e) for f in self.found if f.hearsay for s0, e0 in f.content_ranges for s, e in self.split(s0, e0)}
        return [self.make(s, e, f, pieces, (s, e) in hearsay) for s, e, f in pieces]

    def split(self, start: int, end: int) -> list[tuple[int, int]]:
        """Cut content at sentence ends and concessive clauses; trim quote marks and "that"."""
        out: list[tuple[int, int]] = []
        i = bisect.bisect_right(self.sent_starts, start) - 1
        i = max(i, 0)
        while i < len(self.sents) and self.sents[i].start_char < end:
            sent = self.sents[i]
            s, e = max(start, sent.start_char), min(end, sent.end_char)
            out += self._concessive(s, e)
            i += 1
        return [t for t in (self._trim(s, e) for s, e in out) if t is not None]

    def _concessive(self, s: int, e: int) -> list[tuple[int, int]]:
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return [(s, e)]
        for tok in span:
            if tok.lower_ in _CONCESSIVE and tok.dep_ == "mark" and tok.head.dep_ == "advcl":
                sub = list(tok.head.subtree)
                a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                if a < s or b > e:
                    continue
                first = (tok.idx + len(tok.text), b)
                rest = [(s, a), (b, e)]
                return [first] + [r for r in rest if self._words(*r) >= 3]
        return [(s, e)]

    def _words(self, s: int, e: int) -> int:
        return len(re.findall(r"\w+", self.text[s:e]))

    def _trim(self, s: int, e: int) -> tuple[int, int] | None:
        text = self.text
        while s < e and text[s] in _EDGE_STRIP:
            s += 1
        while e > s and text[e - 1] in _EDGE_STRIP:
            e -= 1
        m = _LEADING_THAT.match(text[s:e])
        if m:
            s += m.end()
        # keep quotation marks balanced: 'having "no limits"' keeps its closing mark
        if sum(text.count(q, s, e) for q in '"“”') % 2 == 1:
            if e < len(text) and text[e] in '"”' and text.count('"', s, e) + text.count("“", s, e) > 0:
                e += 1
            elif s > 0 and text[s - 1] in '"“':
                s -= 1
        # keep a final full stop or question mark that belongs to the sentence
        if e < len(text) and text[e] in ".?!" and e - s > 0:
            e += 1
        if self._words(s, e) < 2:
            return None
        return s, e

    # 3. one claim
    def make(self, s: int, e: int, f: FoundAttribution | None, pieces: list, hearsay: bool) -> Claim:
        doc, text = self.doc, self.text
        sent = self.sents[max(bisect.bisect_right(self.sent_starts, s) - 1, 0)]
        if f is None:
            source, source_span, chain, cue, quote = self.outlet, None, (self.outlet,), None, "none"
        else:
            source = f.actor or Actor("unnamed source", "unnamed")
            source_span = TextSpan(f.source_span.start_char, f.source_span.end_char, f.source_span.text) if f.source_span else None
            chain = self._chain(f)
            cue = None
            if f.cue_ranges:
                cs, ce = min(a for a, _ in f.cue_ranges), max(b for _, b in f.cue_ranges)
                cue = TextSpan(cs, ce, text[cs:ce])
            quote = f.quote
            # a short piece cut from a direct quotation is still direct
            if quote == "mixed" and not any(ch in text[s:e] for ch in _QUOTE_CHARS) and any(q.start <= s and e <= q.end for q in self.quotes):
                quote = "direct"
        stance = assess_stance(doc, s, e, self.hedges)
        if f is not None and f.denial:
            stance = _replace(stance, negated=not stance.negated)
        if hearsay:
            term = next((h for h in self.hedges if h.start < sent.end_char and h.end > sent.start_char and h.end <= s), None)
            stance = _replace(stance, modality="hedged", term=stance.term or (term.term if term else "speculation"),
                              scale=stance.scale or (term.scale if term else "lexical"),
                              band=stance.band or (term.band if term else "speculation"),
                              p_low=stance.p_low if stance.term else (term.p_low if term else None),
                              p_high=stance.p_high if stance.term else (term.p_high if term else None))
        # other claims in the sentence that do not contain this one keep their own times and places
        others = [(ps, pe) for ps, pe, _ in pieces if (ps, pe) != (s, e) and ps >= sent.start_char
                  and pe <= sent.end_char and not (ps <= s and e <= pe)]
        times = self._attach(self.times, s, e, sent, others)
        # a place inside an organisation's name ("UK" in "UK Ministry of Defence") is not the claim's
        places = self._attach([p for p in self.places if not p.in_name], s, e, sent, others)
        quantities = tuple(q for q in self.quantities if s <= q.start and q.end <= e)
        entities = tuple(Entity(x.start_char, x.end_char, x.text, x.label_) for x in doc.ents if s <= x.start_char and x.end_char <= e)
        event = classify_event(doc, s, e)
        return Claim(
            id=claim_id(self.article.id, s, e),
            article_id=self.article.id,
            text=text[s:e],
            start=s,
            end=e,
            sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
            source=source,
            source_span=source_span,
            chain=chain,
            cue=cue,
            quote=quote,
            stance=stance,
            event=event,
            quantities=quantities,
            places=places,
            times=times,
            entities=entities,
        )

    def _chain(self, f: FoundAttribution) -> tuple[Actor, ...]:
        chain: list[Actor] = [self.outlet]
        parents: list[Actor] = []
        p = f.parent
        while p is not None and len(parents) < 5:
            if p.actor is not None:
                parents.append(p.actor)
            p = p.parent
        for actor in [*reversed(parents), f.actor]:
            if actor is not None and actor != chain[-1]:
                chain.append(actor)
        return tuple(chain)

    @staticmethod
    def _attach(items: list, s: int, e: int, sent: Span, others: list[tuple[int, int]]) -> tuple:  # type: ignore[type-arg]
        """Items inside the claim, plus items in its sentence that no other claim there covers."""
        inside = [x for x in items if s <= x.start and x.end <= e]
        loose = [x for x in items if sent.start_char <= x.start and x.end <= sent.end_char
                 and not (s <= x.start and x.end <= e)
                 and not any(a <= x.start and x.end <= b for a, b in others)]
        return tuple(inside + loose)


def outlet_actor(outlet: str | None) -> Actor:
    """The publisher as an actor: a known government publisher (the Kremlin's site) keeps its kind."""
    if not outlet:
        return Actor("unknown outlet", "media")
    known = lookup_actor(outlet)
    kind = known.kind if known is not None and known.kind not in ("person", "unnamed") else "media"
    return Actor(outlet, kind)


def _is_clause(sent: Span) -> bool:
    """A sentence the outlet asserts: enough words and a finite verb with a subject."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < MIN_CLAIM_WORDS:
        return False
    if sent.text.rstrip().endswith("?"):
        return True
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in sent)


def _replace(stance: Stance, **changes: object) -> Stance:
    from dataclasses import replace

    return replace(stance, **changes)  # type: ignore[arg-type]
