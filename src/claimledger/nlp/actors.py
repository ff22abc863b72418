"""Canonical actors: map a source phrase ("the MoD", "It", "a leading commander") to a name and kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor
from .lang.en.cue_verbs import GENERIC_SOURCE_NOUNS
from .lang.en.sources import (
    AGENT_GOVERNMENTS,
    ALIAS_INDEX,
    DEMONYMS,
    PERSON_TITLES,
    POSSESSIVE,
    lookup_source,
    norm_name,
    strip_np,
)

_PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
_THING_PRONOUNS = {"it"}
_PLURAL_PRONOUNS = {"they", "them", "we"}
_PAIR_WORDS = {"the two", "both", "the pair", "the two leaders", "both leaders", "the two men", "the two presidents"}
#: Organisation-like heads that make an unknown capitalised source an organisation.
_ORG_HEADS = {"ministry", "department", "office", "agency", "service", "council", "committee", "command",
              "staff", "forces", "army", "navy", "government", "administration", "institute", "group"}


#: One Actor per lexicon entry, so that lookups hand out shared instances.
_ACTORS: dict[tuple[str, str], Actor] = {entry: Actor(*entry) for entry in ALIAS_INDEX.values()}


def lookup_actor(text: str) -> Actor | None:
    """The lexicon entry for a phrase, trying shorter tails ("the latest UK intelligence" -> "UK intelligence")."""
    hit = lookup_source(text)
    return _ACTORS[hit] if hit is not None else None


@dataclass(slots=True)
class _Mention:
    actor: Actor
    start: int  # character offset where it was mentioned


@dataclass(slots=True)
class ActorResolver:
    """Resolve source phrases within one document, remembering earlier sources for pronouns.

    Create one per document; call :meth:`resolve` in text order.
    """

    doc: Doc
    outlet: str | None = None
    history: list[_Mention] = field(default_factory=list)
    _persons: list[tuple[int, str]] | None = None
    _person_forms: list[tuple[str, list[str]]] | None = None  # PERSON entities, possessive dropped, and their words

    # 1. people named in the document, with their fullest form ("Putin" -> "Vladimir Putin")
    def persons(self) -> list[tuple[int, str]]:
        if self._persons is None:
            found: list[tuple[int, str]] = []
            for ent in self.doc.ents:
                if ent.label_ == "PERSON":
                    found.append((ent.start_char, self.person_name(ent.text)))
            self._persons = found
        return self._persons

    def person_name(self, text: str) -> str:
        """Canonical person name: lexicon spelling, else the fullest earlier form with the same surname."""
        clean = POSSESSIVE.sub("", text.strip()).strip()
        hit = ALIAS_INDEX.get(strip_np(clean))
        if hit is not None and hit[1] == "person":
            return hit[0]
        last = clean.split()[-1].casefold() if clean.split() else ""
        best = clean
        if self._person_forms is None:
            # built once: reading doc.ents walks the whole Doc
            forms = [POSSESSIVE.sub("", e.text.strip()).strip() for e in self.doc.ents if e.label_ == "PERSON"]
            self._person_forms = [(f, f.split()) for f in forms]
        for full, parts in self._person_forms:
            if len(parts) > len(best.split()) and parts[-1].casefold() == last:
                best = full
        return best

    def remember(self, actor: Actor, start: int) -> None:
        self.history.append(_Mention(actor, start))

    def resolve(self, span: Span) -> Actor:
        """Canonical actor for a source span; pronouns and nominals resolve to a named source."""
        actor = self._resolve(span)
        self.remember(actor, span.start_char)
        return actor

    def _resolve(self, span: Span) -> Actor:
        text = span.text
        low = strip_np(text)
        norm_full = norm_name(text)
        # 2. pronouns and "the two"
        if len(span) == 1 and span[0].pos_ == "PRON" or low in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS:
            return self._pronoun(norm_full, span.start_char)
        if norm_full in _PAIR_WORDS or low in _PAIR_WORDS:
            names = self._recent_persons(span.start_char, 2)
            if len(names) == 2:
                return Actor(f"{names[0]} and {names[1]}", "person")
        # 3. a person named in the span wins over titles and organisations around it
        persons = [e for e in span.ents if e.label_ == "PERSON"]
        if persons:
            return Actor(self.person_name(persons[-1].text), "person")
        # 4. the lexicon (whole phrase or its tail)
        hit = lookup_actor(text)
        if hit is not None:
            return self._qualify(hit, span)
        root = span.root
        # 5. a place acting as an agent: "Moscow said", "Russia claims"
        if low in AGENT_GOVERNMENTS:
            return Actor(AGENT_GOVERNMENTS[low], "government")
        # 6. generic sources: "reports from Ukraine" -> "Ukrainian reports"
        if root.lower_ in GENERIC_SOURCE_NOUNS:
            return Actor(self._generic_name(root), "unnamed")
        # 7. nominal with a title noun: "a leading commander" -> nearest person with that title
        if root.lower_ in PERSON_TITLES and not any(e.label_ in ("ORG", "GPE") for e in span.ents):
            named = self._titled_person(root.lower_, span)
            if named:
                return Actor(named, "person")
            return Actor(low, "person")
        orgs = [e for e in span.ents if e.label_ in ("ORG", "NORP", "GPE", "FAC")]
        if orgs:
            ent = orgs[-1]
            hit = lookup_actor(ent.text)
            if hit is not None:
                return hit
            name = POSSESSIVE.sub("", ent.text).strip()
            if name.casefold().startswith("the "):
                name = name[4:]
            if ent.label_ == "GPE" and name.casefold() in AGENT_GOVERNMENTS:
                return Actor(AGENT_GOVERNMENTS[name.casefold()], "government")
            if ent.label_ == "GPE" and ent.start <= root.i < ent.end:
                # a country or capital acting as the source speaks for its government
                return Actor(name, "government")
            if ent.label_ == "NORP" and root.lower_ in _ORG_HEADS | {"officials", "official"}:
                return Actor(f"{ent.text} {root.lower_}", "government")
            return Actor(name, "organization")
        if root.lower_ in _ORG_HEADS:
            return Actor(_clean_phrase(text), "organization")
        if root.pos_ == "PROPN":
            return Actor(_clean_phrase(text), "organization")
        if root.lower_ in {"document", "report", "memo", "paper", "study", "assessment", "update", "bulletin"}:
            return Actor(_clean_phrase(text), "document")
        return Actor(_clean_phrase(text), "unnamed")

    def _qualify(self, hit: Actor, span: Span) -> Actor:
        """A bare "Ministry of Defence" means the last qualified one named in the document, if any."""
        if hit.name == "UK Ministry of Defence" and strip_np(span.text) in {"mod", "ministry of defence", "ministry of defense", "defence ministry", "defense ministry"}:
            for mention in reversed(self.history):
                if "Ministry of Defence" in mention.actor.name and mention.start < span.start_char:
                    return mention.actor
            before = self.doc.text[: span.start_char].casefold()
            if "russia's defence ministry" in before or "russian defence ministry" in before or "russian ministry of defen" in before:
                if "uk" not in before and "british" not in before:
                    return Actor("Russian Ministry of Defence", "military")
        return hit

    def _pronoun(self, word: str, start: int) -> Actor:
        wants_person = word in _PERSON_PRONOUNS
        for mention in reversed(self.history):
            if mention.start >= start:
                continue
            is_person = mention.actor.kind == "person"
            if wants_person == is_person and mention.actor.kind != "media":
                return mention.actor
        if wants_person:
            names = self._recent_persons(start, 1)
            if names:
                return Actor(names[0], "person")
        else:
            for ent in reversed([e for e in self.doc.ents if e.end_char <= start]):
                if ent.label_ in ("ORG", "GPE"):
                    hit = lookup_actor(ent.text)
                    if hit is not None:
                        return hit
                    low = strip_np(ent.text)
                    if low in AGENT_GOVERNMENTS:
                        return Actor(AGENT_GOVERNMENTS[low], "government")
                    return Actor(_clean_phrase(ent.text), "organization")
        return Actor(self.outlet or "unnamed source", "media" if self.outlet else "unnamed")

    def _recent_persons(self, start: int, n: int) -> list[str]:
        names: list[str] = []
        for pos, name in reversed(self.persons()):
            if pos < start and name not in names:
                names.append(name)
                if len(names) == n:
                    break
        return names

    def _titled_person(self, title: str, span: Span) -> str | None:
        """The nearest person whose noun phrase carries the same title (either direction, 3 sentences)."""
        best: tuple[int, str] | None = None
        sent_starts = [s.start_char for s in self.doc.sents]
        here = span.start_char
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            window = self.doc[max(ent.start - 6, 0) : ent.end]
            if not any(t.lower_ == title for t in window):
                continue
            distance = abs(ent.start_char - here)
            if _sentence_gap(sent_starts, here, ent.start_char) > 3:
                continue
            if best is None or distance < best[0]:
                best = (distance, self.person_name(ent.text))
        if best:
            return best[1]
        names = self._recent_persons(here, 1)
        return names[0] if names else None

    def _generic_name(self, root: Token) -> str:
        origin = None
        for child in root.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in DEMONYMS:
                origin = DEMONYMS[child.lower_]
            elif child.dep_ == "poss" and child.lower_ in DEMONYMS:
                origin = DEMONYMS[child.lower_]
            elif child.dep_ == "prep" and child.lower_ in {"from", "in"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and norm_name(pobj.text) in DEMONYMS:
                        origin = DEMONYMS[norm_name(pobj.text)]
        head = root.lower_
        if origin:
            return f"{origin} {head}"
        return f"unnamed {head}"


def _clean_phrase(text: str) -> str:
    text = POSSESSIVE.sub("", re.sub(r"\s+", " ", text).strip())
    if text[:4].casefold() == "the ":
        text = text[4:]
    return text


def _sentence_gap(starts: list[int], a: int, b: int) -> int:
    import bisect

    return abs(bisect.bisect_right(starts, a) - bisect.bisect_right(starts, b))
