"""Hand-built AnalyzedDocuments for the store, ledger and CLI tests (no spaCy)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from claimledger.model import (
    Actor,
    AnalyzedDocument,
    Article,
    Claim,
    Entity,
    Event,
    Place,
    Quantity,
    Stance,
    TextSpan,
    TimeMention,
)


def span(text: str, part: str, *, after: int = 0) -> TextSpan:
    """The first occurrence of ``part`` in ``text`` (at or after ``after``) as a TextSpan."""
    start = text.index(part, after)
    return TextSpan(start, start + len(part), part)


def sentence_of(text: str, start: int) -> TextSpan:
    """The sentence (split on '. ') containing offset ``start``."""
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return TextSpan(begin, end, text[begin:end])


def article(
    text: str,
    *,
    id: str,  # noqa: A002 - Article's field name
    outlet: str | None,
    published: str | None,
    title: str | None = None,
) -> Article:
    digest = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
    return Article(
        id=id,
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        content_hash=digest,
        source_path=f"{id}.txt",
    )


@dataclass
class ClaimSpec:
    """What a test claim says; offsets are found in the article text."""

    content: str
    source: tuple[str, str]
    source_text: str | None = None
    cue: str | None = None
    quote: str = "indirect"
    term: tuple[str, str, float, float] | None = None  # term, scale, p_low, p_high
    negated: bool = False
    modality: str = "asserted"
    event: tuple[str | None, tuple[str, ...], tuple[str, ...]] = (None, (), ())
    places: tuple[
        tuple[str, str, str | None, float | None, float | None], ...
    ] = ()  # text, name, country, lat, lon
    times: tuple[tuple[str, str, str | None, str | None], ...] = ()  # text, value, start, end
    quantities: tuple[tuple[str, float, str, str], ...] = ()  # text, value, unit, category
    entities: tuple[tuple[str, str], ...] = ()  # text, label
    extra: dict[str, Any] = field(default_factory=dict)


def make_claim(art: Article, spec: ClaimSpec) -> Claim:
    text = art.text
    content = span(text, spec.content)
    sent = sentence_of(text, content.start)
    find = lambda part: span(text, part, after=sent.start)  # noqa: E731
    term = spec.term
    stance = Stance(
        term=term[0] if term else None,
        scale=term[1] if term else None,
        band=term[0] if term else None,
        p_low=term[2] if term else None,
        p_high=term[3] if term else None,
        negated=spec.negated,
        modality=spec.modality,
    )
    places = []
    for ptext, name, country, lat, lon in spec.places:
        s = find(ptext)
        places.append(Place(s.start, s.end, s.text, name, 1000 + len(name), lat, lon, country, "city"))
    times = []
    for ttext, value, start_date, end_date in spec.times:
        s = find(ttext)
        times.append(TimeMention(s.start, s.end, s.text, "DATE", value, None, start_date, end_date))
    quantities = []
    for qtext, value, unit, category in spec.quantities:
        s = find(qtext)
        quantities.append(Quantity(s.start, s.end, s.text, value, value, value, unit, category))
    entities = []
    for etext, label in spec.entities:
        s = find(etext)
        entities.append(Entity(s.start, s.end, s.text, label))
    outlet = Actor(art.outlet or "unknown outlet", "media")
    source = Actor(*spec.source)
    return Claim(
        id=f"{art.id}-{content.start}-{content.end}",
        article_id=art.id,
        text=content.text,
        start=content.start,
        end=content.end,
        sentence=sent,
        source=source,
        source_span=find(spec.source_text) if spec.source_text else None,
        chain=(outlet, source) if source != outlet else (outlet,),
        cue=find(spec.cue) if spec.cue else None,
        quote=spec.quote,
        stance=stance,
        event=Event(*spec.event),
        quantities=tuple(quantities),
        places=tuple(places),
        times=tuple(times),
        entities=tuple(entities),
    )


def make_document(art: Article, specs: list[ClaimSpec]) -> AnalyzedDocument:
    claims = tuple(make_claim(art, s) for s in specs)
    return AnalyzedDocument(
        article=art,
        sentences=tuple(sorted({c.sentence for c in claims}, key=lambda s: s.start)),
        claims=claims,
    )


TEXT_A = (
    "The UK Ministry of Defence said Russia has highly likely deployed troops near Kupyansk in March 2023. "
    "Ukrainian officials said last year 1,000 soldiers were wounded near Kyiv. "
    '"We will not retreat," Zelensky said.'
)
TEXT_B = (
    "Russian forces shelled Bakhmut overnight, the General Staff reported. "
    "The strike was unlikely to change the front line, analysts said."
)


def document_a() -> AnalyzedDocument:
    """HuffPost UK, 2023-03-24: a hedged MoD claim, a casualty claim, a direct quote."""
    art = article(
        TEXT_A, id="huffpost-a", outlet="HuffPost UK", published="2023-03-24", title="Russia and Belarus"
    )
    return make_document(
        art,
        [
            ClaimSpec(
                content="Russia has highly likely deployed troops near Kupyansk in March 2023",
                source=("UK Ministry of Defence", "government"),
                source_text="The UK Ministry of Defence",
                cue="said",
                term=("highly likely", "PHIA", 0.8, 0.9),
                modality="hedged",
                event=("MOBILIZE", ("Russia",), ()),
                places=(("Kupyansk", "Kupyansk", "UA", 49.71, 37.62),),
                times=(("March 2023", "2023-03", "2023-03-01", "2023-03-31"),),
                entities=(("Russia", "GPE"), ("Kupyansk", "GPE")),
            ),
            ClaimSpec(
                content="last year 1,000 soldiers were wounded near Kyiv",
                source=("Ukrainian officials", "government"),
                source_text="Ukrainian officials",
                cue="said",
                times=(("last year", "2022", "2022-01-01", "2022-12-31"),),
                quantities=(("1,000 soldiers", 1000.0, "soldiers", "wounded"),),
                places=(("Kyiv", "Kyiv", "UA", 50.45, 30.52),),
                entities=(("Ukrainian", "NORP"),),
            ),
            ClaimSpec(
                content="We will not retreat",
                source=("Volodymyr Zelensky", "person"),
                source_text="Zelensky",
                cue="said",
                quote="direct",
                negated=True,
                modality="future",
                entities=(("Zelensky", "PERSON"),),
            ),
        ],
    )


def document_b() -> AnalyzedDocument:
    """Kyiv Independent, 2022-11-02: shelling of Bakhmut and an unlikely-hedged assessment."""
    art = article(TEXT_B, id="kyiv-b", outlet="Kyiv Independent", published="2022-11-02")
    return make_document(
        art,
        [
            ClaimSpec(
                content="Russian forces shelled Bakhmut overnight",
                source=("General Staff of the Armed Forces of Ukraine", "military"),
                source_text="the General Staff",
                cue="reported",
                event=("ASSAULT", ("Russian forces",), ("Bakhmut",)),
                places=(("Bakhmut", "Bakhmut", "UA", 48.59, 38.0),),
                entities=(("Russian", "NORP"), ("Bakhmut", "GPE")),
            ),
            ClaimSpec(
                content="The strike was unlikely to change the front line",
                source=("analysts", "unnamed"),
                source_text="analysts",
                cue="said",
                term=("unlikely", "PHIA", 0.25, 0.35),
                modality="hedged",
            ),
        ],
    )
