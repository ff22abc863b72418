"""Plain data objects shared by every stage (no I/O, no spaCy).

Every object with character offsets keeps ``start``/``end`` as Python string
indices into the text of its document (end exclusive) and ``text`` equal to
``document_text[start:end]``. ``to_dict()`` gives the shapes of the output
contract (docs/output.md, design/OUTPUT.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of a document's text: ``document_text[start:end] == text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity (spaCy label set, corrected by our ruler)."""

    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression with its TIMEX3 value and the interval it resolves to.

    ``type`` is DATE, TIME, DURATION or SET. ``value`` is a TIMEX3 value
    (``2023-03``, ``2022-WI``, ``P13M``, ``PRESENT_REF``...). ``mod`` is one of
    MID, START, END, APPROX, BEFORE, AFTER or None. ``start_date``/``end_date``
    are ISO dates (inclusive) or None when they cannot be resolved (never
    resolved against today's date).
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    start_date: str | None = None
    end_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "start_date": self.start_date,
            "end_date": self.end_date,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place mention. ``kind`` is city, admin, country, region or other."""

    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    kind: str
    # True for a place named inside an organisation's name ("Ohio" in "Ohio Department of
    # Health"): a toponym of the document, never a place of a claim.
    in_name: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "kind": self.kind,
            "in_name": self.in_name,
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with bounds: "at least 1,000 troops" is low=1000, high=None.

    ``category`` is personnel, killed, wounded, captured, equipment, money,
    distance, duration or other.
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    category: str = "other"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": _num(self.value),
            "low": _num(self.low),
            "high": _num(self.high),
            "unit": self.unit,
            "category": self.category,
        }


@dataclass(frozen=True, slots=True)
class Hedge:
    """An estimative term or lexical hedge with its probability band.

    ``scale`` is PHIA, ICD203 or lexical; ``p_low``/``p_high`` may be None for
    lexical hedges without a documented range.
    """

    start: int
    end: int
    text: str
    term: str
    scale: str
    band: str
    p_low: float | None
    p_high: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "term": self.term,
            "scale": self.scale,
            "band": self.band,
            "p_low": self.p_low,
            "p_high": self.p_high,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """Source, cue and content spans (PolNeAR / PARC sense)."""

    source: TextSpan | None
    cue: TextSpan | None
    content: tuple[TextSpan, ...]
    quote: str  # direct | indirect | mixed
    source_name: str
    source_kind: str  # person|organization|government|military|media|document|unnamed

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": [c.to_dict() for c in self.content],
            "quote": self.quote,
            "source_name": self.source_name,
            "source_kind": self.source_kind,
        }


@dataclass(frozen=True, slots=True)
class Stance:
    """How sure the source says it is, and how the claim is framed."""

    term: str | None = None
    scale: str | None = None
    band: str | None = None
    p_low: float | None = None
    p_high: float | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted|hedged|hypothetical|future|question

    def to_dict(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "scale": self.scale,
            "band": self.band,
            "p_low": self.p_low,
            "p_high": self.p_high,
            "negated": self.negated,
            "modality": self.modality,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER-style event type with its actors and targets (names)."""

    type: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "actors": list(self.actors), "targets": list(self.targets)}


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical source or actor: ``kind`` as in Attribution.source_kind."""

    name: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Claim:
    """One attributed proposition."""

    id: str
    article_id: str
    text: str
    start: int
    end: int
    sentence: TextSpan
    source: Actor
    source_span: TextSpan | None
    chain: tuple[Actor, ...]
    cue: TextSpan | None
    quote: str  # direct|indirect|mixed|none
    stance: Stance
    event: Event
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeMention, ...] = ()
    entities: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence.to_dict(),
            "source": {
                "name": self.source.name,
                "kind": self.source.kind,
                "span": self.source_span.to_dict() if self.source_span else None,
            },
            "chain": [a.to_dict() for a in self.chain],
            "cue": self.cue.to_dict() if self.cue else None,
            "quote": self.quote,
            "stance": self.stance.to_dict(),
            "event": self.event.to_dict(),
            "quantities": [q.to_dict() for q in self.quantities],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "entities": [e.to_dict() for e in self.entities],
        }


@dataclass(frozen=True, slots=True)
class Article:
    """One ingested document: cleaned text plus metadata.

    ``published`` is an ISO date (YYYY-MM-DD) or None. ``content_hash`` is
    ``sha256:<hex>`` of the cleaned text. ``source_path`` says where it came
    from (file path, ``path#3`` for the fourth record of a JSONL file, ``-``).
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str = "en"
    content_hash: str = ""
    source_path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "content_hash": self.content_hash,
        }


@dataclass(frozen=True, slots=True)
class Skip:
    """A document that was not ingested, with a one-line reason.

    ``source_path`` names the file (and record); ``reason`` is short and says
    what was wrong, e.g. ``"language ru"``, ``"empty"``, ``"binary"``,
    ``"too large (6.1 MB > 5 MB)"``, ``"malformed JSON: ..."``.
    """

    source_path: str
    reason: str


@dataclass(frozen=True, slots=True)
class AnalyzedDocument:
    """Everything ``analyze`` finds in one article (the OUTPUT.md shape)."""

    article: Article
    sentences: tuple[TextSpan, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeMention, ...] = ()
    places: tuple[Place, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return self.article.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "text": self.article.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "places": [p.to_dict() for p in self.places],
            "quantities": [q.to_dict() for q in self.quantities],
            "hedges": [h.to_dict() for h in self.hedges],
            "attributions": [a.to_dict() for a in self.attributions],
            "claims": [c.to_dict() for c in self.claims],
        }


def _num(x: float | None) -> float | int | None:
    """Render whole floats as ints so JSON shows 1000, not 1000.0."""
    if x is None:
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x
