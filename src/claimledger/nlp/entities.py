"""Correct the model's entities with phrase patterns from the source lexicon and the gazetteer.

The small English model calls "Twitter" a PERSON and "Balakliya" an ORG and misses "Kharkiv";
this component matches known names and lets them replace the entities they overlap, unless the
model's entity is longer and contains the match ("Kyiv Post" stays an ORG).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .lang.en.sources import SOURCES

logger = logging.getLogger(__name__)

_KIND_LABEL = {"person": "PERSON"}


def source_patterns() -> list[dict[str, str]]:
    """EntityRuler-style patterns ({"label", "pattern"}) for every alias in the source lexicon."""
    out: list[dict[str, str]] = []
    for name, kind, aliases in SOURCES:
        label = _KIND_LABEL.get(kind, "ORG")
        for alias in {name, *aliases}:
            if alias[:1].isupper() and len(alias) > 1:
                out.append({"label": label, "pattern": alias})
    return out


def place_patterns() -> list[dict[str, str]]:
    """Patterns for place names worth forcing (from the gazetteer)."""
    from .gazetteer import ruler_patterns

    return list(ruler_patterns())


@Language.factory(
    "claimledger_entity_ruler",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"use_places": True, "use_sources": True},
)
def make_entity_ruler(nlp: Language, name: str, use_places: bool, use_sources: bool) -> EntityRuler:
    return EntityRuler(nlp, name, use_places=use_places, use_sources=use_sources)


class EntityRuler:
    """Phrase-match known sources and places and merge them into ``doc.ents``."""

    def __init__(self, nlp: Language, name: str, *, use_places: bool = True, use_sources: bool = True) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns: list[dict[str, str]] = []
        if use_sources:
            patterns += source_patterns()
        if use_places:
            patterns += place_patterns()
        self.add_patterns(nlp, patterns)

    def add_patterns(self, nlp: Language, patterns: Iterable[dict[str, str]]) -> None:
        """Add {"label", "pattern"} phrase patterns (tokenised once with the pipeline's tokenizer)."""
        by_label: dict[str, list[str]] = {}
        for p in patterns:
            by_label.setdefault(p["label"], []).append(p["pattern"])
        for label, phrases in by_label.items():
            docs = list(nlp.tokenizer.pipe(sorted(set(phrases))))
            self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Span]:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, matches: list[Span]) -> None:
        if not matches:
            return
        keep: list[Span] = []
        model_ents = list(doc.ents)
        for m in matches:
            container = next((e for e in model_ents if e.start <= m.start and m.end <= e.end and len(e) > len(m)), None)
            if container is not None:
                continue
            keep.append(m)
        merged = keep + [e for e in model_ents if not any(e.start < k.end and k.start < e.end for k in keep)]
        doc.ents = filter_spans(merged)
