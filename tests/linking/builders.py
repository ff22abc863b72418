"""Hand-written multi-outlet fixtures for the linking tests (model objects, no spaCy).

The story: the UK Ministry of Defence says Russia lost at least 1,000 troops
near Bakhmut. Northgate Post reports it; Lakeside Herald runs a syndicated copy;
Meridian Dispatch and Baltic Wire re-word it. Northgate also carries a
Ukrainian report of a market shelled in Kherson (12 killed); Meridian gives
30 killed; Baltic Wire carries Russia's denial. Meridian also reports an
unrelated MoD claim about the same actors and town (tanks, not troops).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

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

MOD = ("UK Ministry of Defence", "government")
UA = ("Ukrainian officials", "government")
RU_MOD = ("Russian Ministry of Defence", "military")
KHERSON_REGION = ("Kherson regional administration", "government")


def _span(text: str, part: str, after: int = 0) -> TextSpan:
    start = text.index(part, after)
    return TextSpan(start, start + len(part), part)


@dataclass
class Spec:
    """One claim: ``content`` and the other strings are found in the article text."""

    content: str
    source: tuple[str, str]
    cue: str | None = "said"
    negated: bool = False
    modality: str = "asserted"
    event: tuple[str | None, tuple[str, ...], tuple[str, ...]] = (None, (), ())
    places: tuple[str, ...] = ()
    times: tuple[tuple[str, str, str], ...] = ()  # text, start_date, end_date
    quantities: tuple[tuple[str, float | None, float | None, float | None, str, str], ...] = ()
    # text, value, low, high, unit, category
    entities: tuple[tuple[str, str], ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def make_article(id: str, outlet: str, published: str | None, text: str) -> Article:
    return Article(
        id=id,
        text=text,
        title=text.split(".")[0][:60],
        outlet=outlet,
        published=published,
        content_hash="sha256:" + hashlib.sha256(text.encode()).hexdigest(),
        source_path=f"{id}.txt",
    )


def make_claim(article: Article, spec: Spec) -> Claim:
    text = article.text
    content = _span(text, spec.content)
    begin = text.rfind(". ", 0, content.start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", content.end)
    end = len(text) if end < 0 else end + 1
    sentence = TextSpan(begin, end, text[begin:end])

    def find(part: str) -> TextSpan:
        return _span(text, part, begin)

    places = []
    for name in spec.places:
        s = find(name)
        places.append(Place(s.start, s.end, s.text, name, 1, 0.0, 0.0, "UA", "city"))
    times = [
        TimeMention(s.start, s.end, s.text, "DATE", start, None, start, stop)
        for (t, start, stop) in spec.times
        for s in [find(t)]
    ]
    quantities = [
        Quantity(s.start, s.end, s.text, value, low, high, unit, category)
        for (q, value, low, high, unit, category) in spec.quantities
        for s in [find(q)]
    ]
    entities = [Entity(s.start, s.end, s.text, label) for (e, label) in spec.entities for s in [find(e)]]
    outlet = Actor(article.outlet or "unknown", "media")
    source = Actor(*spec.source)
    return Claim(
        id=f"{article.id}:{content.start}",
        article_id=article.id,
        text=content.text,
        start=content.start,
        end=content.end,
        sentence=sentence,
        source=source,
        source_span=None,
        chain=(outlet, source),
        cue=find(spec.cue) if spec.cue else None,
        quote="indirect",
        stance=Stance(negated=spec.negated, modality=spec.modality),
        event=Event(*spec.event),
        quantities=tuple(quantities),
        places=tuple(places),
        times=tuple(times),
        entities=tuple(entities),
    )


def make_document(article: Article, specs: list[Spec]) -> AnalyzedDocument:
    return AnalyzedDocument(article=article, claims=tuple(make_claim(article, s) for s in specs))


# -- the story ----------------------------------------------------------------

NORTHGATE_TEXT = (
    "The UK Ministry of Defence said Russia has lost at least 1,000 troops near Bakhmut since Monday. "
    "Ukrainian officials said Russian forces shelled a market in Kherson on Tuesday, killing 12 civilians. "
    "The town has been under fire for more than eight months and few residents remain in the centre."
)
LAKESIDE_TEXT = NORTHGATE_TEXT + " This article first appeared in the Northgate Post."
MERIDIAN_TEXT = (
    "Britain's defence ministry said more than 1,000 Russian soldiers have been lost around Bakhmut since "
    "Monday. Kherson regional officials said Russian shelling of a market in Kherson on Tuesday killed 30 "
    "civilians."
)
BALTIC_TEXT = (
    "Russia has lost over 1,000 troops in the fighting near Bakhmut this week, according to the UK Ministry "
    "of Defence. Russia's defence ministry denied that its forces shelled the market in Kherson."
)
MERIDIAN_LATER_TEXT = (
    "The UK Ministry of Defence said Russia has lost at least 50 tanks near Bakhmut since Monday."
)

LOSS_EVENT = ("ASSAULT", ("Russia",), ())
SHELL_EVENT = ("ASSAULT", ("Russia",), ("Kherson",))
LOSS_TIME = ("since Monday", "2023-04-17", "2023-04-20")
TUESDAY = ("on Tuesday", "2023-04-18", "2023-04-18")


def northgate(
    text: str = NORTHGATE_TEXT,
    *,
    id: str = "northgate-1",
    outlet: str = "Northgate Post",
    published: str = "2023-04-20",
) -> AnalyzedDocument:
    art = make_article(id, outlet, published, text)
    return make_document(
        art,
        [
            Spec(
                "Russia has lost at least 1,000 troops near Bakhmut since Monday",
                MOD,
                event=LOSS_EVENT,
                places=("Bakhmut",),
                times=(LOSS_TIME,),
                quantities=(("at least 1,000 troops", 1000, 1000, None, "troops", "personnel"),),
                entities=(("Russia", "GPE"), ("Bakhmut", "GPE")),
            ),
            Spec(
                "Russian forces shelled a market in Kherson on Tuesday, killing 12 civilians",
                UA,
                event=SHELL_EVENT,
                places=("Kherson",),
                times=(TUESDAY,),
                quantities=(("12 civilians", 12, 12, 12, "civilians", "killed"),),
                entities=(("Russian", "NORP"), ("Kherson", "GPE")),
            ),
        ],
    )


def lakeside() -> AnalyzedDocument:
    """A syndicated copy of the Northgate article (one added line)."""
    return northgate(LAKESIDE_TEXT, id="lakeside-1", outlet="Lakeside Herald", published="2023-04-21")


def meridian() -> AnalyzedDocument:
    art = make_article("meridian-1", "Meridian Dispatch", "2023-04-20", MERIDIAN_TEXT)
    return make_document(
        art,
        [
            Spec(
                "more than 1,000 Russian soldiers have been lost around Bakhmut since Monday",
                MOD,
                event=LOSS_EVENT,
                places=("Bakhmut",),
                times=(LOSS_TIME,),
                quantities=(("more than 1,000 Russian soldiers", 1000, 1000, None, "soldiers", "personnel"),),
                entities=(("Russian", "NORP"), ("Bakhmut", "GPE")),
            ),
            Spec(
                "Russian shelling of a market in Kherson on Tuesday killed 30 civilians",
                KHERSON_REGION,
                event=SHELL_EVENT,
                places=("Kherson",),
                times=(TUESDAY,),
                quantities=(("30 civilians", 30, 30, 30, "civilians", "killed"),),
                entities=(("Russian", "NORP"), ("Kherson", "GPE")),
            ),
        ],
    )


def baltic() -> AnalyzedDocument:
    art = make_article("baltic-1", "Baltic Wire", "2023-04-21", BALTIC_TEXT)
    return make_document(
        art,
        [
            Spec(
                "Russia has lost over 1,000 troops in the fighting near Bakhmut this week",
                MOD,
                cue="according to",
                event=LOSS_EVENT,
                places=("Bakhmut",),
                quantities=(("over 1,000 troops", 1000, 1000, None, "troops", "personnel"),),
                entities=(("Russia", "GPE"), ("Bakhmut", "GPE")),
            ),
            Spec(
                "its forces shelled the market in Kherson",
                RU_MOD,
                cue="denied",
                negated=True,
                event=SHELL_EVENT,
                places=("Kherson",),
                entities=(("Kherson", "GPE"),),
            ),
        ],
    )


def meridian_later() -> AnalyzedDocument:
    """Same source, actors, town and time as the troop-loss claim, but about tanks."""
    art = make_article("meridian-2", "Meridian Dispatch", "2023-04-21", MERIDIAN_LATER_TEXT)
    return make_document(
        art,
        [
            Spec(
                "Russia has lost at least 50 tanks near Bakhmut since Monday",
                MOD,
                event=LOSS_EVENT,
                places=("Bakhmut",),
                times=(LOSS_TIME,),
                quantities=(("at least 50 tanks", 50, 50, None, "tanks", "equipment"),),
                entities=(("Russia", "GPE"), ("Bakhmut", "GPE")),
            )
        ],
    )


def story() -> list[AnalyzedDocument]:
    """Every document of the story, in publication order."""
    return [northgate(), meridian(), lakeside(), baltic(), meridian_later()]


def correction(cue: str = "corrected", published: str = "2023-04-22") -> AnalyzedDocument:
    """Ukrainian officials revise their own Kherson figure (12 killed in Northgate's report) to 14."""
    text = (
        "Two days after the attack, the figure changed. "
        f"Russian forces shelled a market in Kherson, killing 14 civilians, Ukrainian officials {cue}."
    )
    art = make_article(f"correction-{cue}", "Meridian Dispatch", published, text)
    return make_document(
        art,
        [
            Spec(
                "Russian forces shelled a market in Kherson, killing 14 civilians",
                UA,
                cue=cue,
                event=SHELL_EVENT,
                places=("Kherson",),
                quantities=(("14 civilians", 14, 14, 14, "civilians", "killed"),),
                entities=(("Russian", "NORP"), ("Kherson", "GPE")),
            )
        ],
    )


# -- who did it: one strike, two sides' accounts ------------------------------

STATION_TEXT_UA = (
    "Two Russian missiles hit the railway station in Kramatorsk on Friday, killing 50 people. "
    "Ukrainian forces shelled Russian positions near Izium on Friday."
)
STATION_TEXT_RU = (
    "A Ukrainian Tochka-U missile hit the railway station in Kramatorsk on Friday, killing 50 people. "
    "Russian forces shelled Ukrainian positions near Izium on Friday. "
    "Russian missiles did not hit the railway station in Kramatorsk on Friday, killing 50 people."
)
FRIDAY = ("on Friday", "2022-04-08", "2022-04-08")
STATION_DEAD = ("50 people", 50, 50, 50, "people", "killed")


def station_reports() -> tuple[AnalyzedDocument, AnalyzedDocument]:
    """One strike on Kramatorsk station, each side naming the other's missile; plus a mirrored
    pair of shelling reports (each side shelling the other) and a denial of Russian responsibility.

    Claims: (Ukrainian outlet) 0 Russian missiles hit the station, 1 Ukrainian forces shelled
    Russian positions; (Russian outlet) 0 a Ukrainian missile hit the station, 1 Russian forces
    shelled Ukrainian positions, 2 Russian missiles did not hit the station.
    """
    ua = make_article("kyiv-wire-1", "Kyiv Wire", "2022-04-08", STATION_TEXT_UA)
    ru = make_article("moscow-daily-1", "Moscow Daily", "2022-04-08", STATION_TEXT_RU)
    strike = dict(places=("Kramatorsk",), times=(FRIDAY,), quantities=(STATION_DEAD,))
    ua_doc = make_document(
        ua,
        [
            Spec(
                "Two Russian missiles hit the railway station in Kramatorsk on Friday, killing 50 people",
                UA, cue=None, event=("ASSAULT", ("Russian",), ("Kramatorsk",)), **strike,  # type: ignore[arg-type]
            ),
            Spec(
                "Ukrainian forces shelled Russian positions near Izium on Friday",
                UA, cue=None, event=("ASSAULT", ("Ukrainian forces",), ("Russian",)),
                places=("Izium",), times=(FRIDAY,),
            ),
        ],
    )
    ru_doc = make_document(
        ru,
        [
            Spec(
                "A Ukrainian Tochka-U missile hit the railway station in Kramatorsk on Friday, killing 50 people",
                RU_MOD, cue=None, event=("ASSAULT", ("Ukrainian",), ("Kramatorsk",)), **strike,  # type: ignore[arg-type]
            ),
            Spec(
                "Russian forces shelled Ukrainian positions near Izium on Friday",
                RU_MOD, cue=None, event=("ASSAULT", ("Russian forces",), ("Ukrainian",)),
                places=("Izium",), times=(FRIDAY,),
            ),
            Spec(
                "Russian missiles did not hit the railway station in Kramatorsk on Friday, killing 50 people",
                RU_MOD, cue=None, negated=True, event=("ASSAULT", ("Russian",), ("Kramatorsk",)), **strike,  # type: ignore[arg-type]
            ),
        ],
    )
    return ua_doc, ru_doc
