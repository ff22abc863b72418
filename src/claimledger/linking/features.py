"""What linking compares about a claim: polarity, event, actors, places, quantities, time, words."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from typing import Any

from ..model import Article, Claim
from ..nlp.lang.en.sources import side_of

__all__ = [
    "FEATURES_VERSION",
    "ClaimFeatures",
    "Interval",
    "event_sides",
    "evolve",
    "features_from_json",
    "features_of",
    "features_to_json",
    "name_key",
    "similarity_tokens",
    "with_unit",
]

#: The format (and the rules) of :func:`features_to_json`. Stored beside each cached
#: row: a row of another version is computed again from its claim, so a release that
#: changes how a claim is normalised must raise this number.
FEATURES_VERSION = 2

#: A numeric interval; ``-inf``/``inf`` stand for an open bound.
Interval = tuple[float, float]

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVE_IN_TEXT = re.compile(r"['’]s\b")
# A cue that denies what it introduces ("Russia denied that ..."); kept here rather
# than imported from nlp/lang so linking never imports the spaCy side.
_DENIAL_CUE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|dismiss\w*|reject\w*|disput\w*|refut\w*|rebut\w*)\b"
)
#: A claim that corrects an earlier report: its cue is a verb of correcting ("the ministry
#: corrected", "revised", "clarified"), or its sentence says a figure or report was revised
#: ("revised the death toll to 12", "lowered its earlier estimate", "an earlier version of
#: this article said"). Bare "revised" or "clarified" elsewhere in a sentence ("the revised
#: doctrine", "details will be clarified") is not enough.
_CORRECTION_CUE = re.compile(r"\b(?:correct(?:s|ed|ing)|revis(?:es|ed|ing)|clarif(?:ies|ied|ying)|amend(?:s|ed|ing))\b")
_CORRECTION_PHRASE = re.compile(
    r"\b(?:(?:correct|revis|amend|lower|adjust|downgrad|walk)\w*\s+(?:back\s+)?(?:its|their|his|her|the|an?)"
    r"\s+(?:(?:earlier|previous|initial|first|official|own)\s+)?(?:\w+\s+)?"
    r"(?:figures?|toll|count|estimates?|numbers?|tally|reports?|statements?|claims?|data|comments?)"
    r"|earlier\s+versions?\s+of\s+this\s+(?:article|story|report)"
    r"|(?:was|were|has been|have been)\s+(?:corrected|revised)\s+(?:(?:down|up)\w*\s+)?to)\b",
    re.IGNORECASE,
)

# Words left out of the text-similarity comparison: function words, and the
# negation words (polarity is compared separately, so "did not shell" and
# "shelled" must look alike to be recognised as a contradiction).
_STOPWORD_TEXT = """
a an the of in on at to and or but that this these those its it their there as by for from with
into onto over under about after before during since while than then so such is are was were be
been being am has have had do does did will would shall should can could may might not n't no
never none nor neither he she they we you i his her them our your my who whom whose which what
when where why how also said says say told tells according reported reports report more most
least over around near nearly almost some up fewer less approximately roughly estimated against
between across within without through toward towards upon
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
#: Suffixes cut (longest first, once) so that "shelled"/"shelling", "Russia"/"Russian"
#: and "Ukraine"/"Ukrainian" compare equal; a stem keeps at least 4 letters.
_SUFFIXES = ("ians", "ian", "ing", "ia", "ed", "es", "s", "e")

#: Quantity categories whose counted noun varies ("troops", "soldiers") while the
#: proposition stays the same: compared on the category alone.
_UNIT_FREE = frozenset({"killed", "wounded", "captured", "personnel"})
_WIDE_PLACES = frozenset({"country", "region"})
#: An approximation ("about 1,000") is read as the value +/- this share. 20 % keeps
#: "about 1,000" compatible with "1,100" while "about 1,000" and "1,500" conflict.
APPROX_SHARE = 0.2


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Casefolded, space-collapsed name without a leading "the" or trailing "'s"."""
    key = _SPACE.sub(" ", name.casefold()).strip()
    key = _LEADING_THE.sub("", key)
    return _POSSESSIVE.sub("", key)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def similarity_tokens(text: str) -> list[str]:
    """Stemmed lower-case content words of a claim text (no numbers, stop words or negation)."""
    words = _WORD.findall(_POSSESSIVE_IN_TEXT.sub("", text.casefold()))
    return [_stem(w) for w in words if w not in _STOPWORDS]


def _unit_key(category: str, unit: str | None) -> str:
    if category in _UNIT_FREE:
        return category
    u = (unit or "").casefold().strip()
    if u.endswith("s") and len(u) > 3:
        u = u[:-1]
    return f"{category}:{u}"


def _interval(q: Mapping[str, Any]) -> Interval | None:
    value, low, high = q.get("value"), q.get("low"), q.get("high")
    if low is None and high is None:
        if value is None:
            return None
        v = float(value)
        return (v * (1 - APPROX_SHARE), v * (1 + APPROX_SHARE)) if v >= 0 else (v, v)
    return (
        float(low) if low is not None else -math.inf,
        float(high) if high is not None else math.inf,
    )


def _ordinal(day: str | None) -> int | None:
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """The parts of a claim that linking compares, with keys already normalised.

    ``unit`` is the report unit: the article's duplicate group, or the article
    id when it has no near-duplicate, so syndicated copies count once.
    ``origin`` is the innermost source's name key (for an outlet's own words
    in a syndicated copy, the duplicate group).
    ``time`` is the claim's resolved interval as day ordinals (``explicit``
    when it comes from the claim's own times, not from the published date).
    ``places`` leaves out countries and regions. ``quantities`` maps a comparison key (category, plus unit for categories
    where the unit matters) to the intervals the claim gives.
    """

    id: str
    article_id: str
    start: int
    end: int
    unit: str
    outlet: str | None
    published: str | None
    origin: str
    origin_name: str
    text: str
    tokens: tuple[str, ...]
    negated: bool
    denial: bool
    modality: str
    event_type: str | None
    actors: frozenset[str]
    entities: frozenset[str]
    places: frozenset[str]
    quantities: Mapping[str, tuple[Interval, ...]]
    time: tuple[int, int] | None
    explicit_time: bool
    order: tuple[str, str, int, str]
    #: the claim corrects an earlier report (see :data:`_CORRECTION_CUE`); a conflict with an
    #: earlier claim is then a ``correction``, not a plain contradiction
    correction: bool = False
    #: the sides (countries, as adjectives: "Russian") of whoever the claim says did it: the
    #: event's actors, or for an accusation the accused (see :func:`event_sides`); two
    #: reports of one event naming doers of different sides dispute who is responsible
    doer_sides: frozenset[str] = frozenset()
    #: the sides of the event's targets (empty for an accusation): "Ukraine shelled Russian
    #: positions" and "Russia shelled Ukrainian positions" are two acts, not one disputed
    target_sides: frozenset[str] = frozenset()
    #: ``tokens`` as a set, made once: the shared-words test runs for every candidate pair
    #: (half a million at 100k claims), most of which it rejects.
    token_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "token_set", frozenset(self.tokens))


_SLOTS = tuple(f.name for f in fields(ClaimFeatures) if f.init)


def evolve(features: ClaimFeatures, **changes: Any) -> ClaimFeatures:
    """``dataclasses.replace`` for :class:`ClaimFeatures`, at a fifth of its cost.

    Linking re-keys every claim on every run (report unit, common words left out):
    at 100k claims ``replace`` alone took 2.5 s of an incremental link.
    """
    new = object.__new__(ClaimFeatures)
    put = object.__setattr__
    for name in _SLOTS:
        put(new, name, changes[name] if name in changes else getattr(features, name))
    put(new, "token_set", frozenset(new.tokens) if "tokens" in changes else features.token_set)
    return new


def features_of(
    claim: Claim | Mapping[str, Any],
    *,
    article: Article | Mapping[str, Any] | None = None,
    unit: str | None = None,
) -> ClaimFeatures:
    """Normalise one claim for linking.

    Args:
        claim: a :class:`~claimledger.model.Claim` or its dict (OUTPUT.md shape,
            optionally with the article under ``"article"`` as the store returns it).
        article: the claim's article (metadata: ``id``, ``outlet``, ``published``);
            defaults to ``claim["article"]``.
        unit: the report unit (duplicate group id); defaults to the article id.

    Returns:
        The claim's :class:`ClaimFeatures`.
    """
    data: Mapping[str, Any] = claim.to_dict() if isinstance(claim, Claim) else claim
    if article is None:
        art: Mapping[str, Any] = data.get("article") or {}
    elif isinstance(article, Article):
        art = article.to_dict()
    else:
        art = article
    article_id = str(data.get("article_id") or art.get("id") or "")
    published = art.get("published")
    source = data.get("source") or {}
    origin_name = str(source.get("name") or "unknown")
    stance = data.get("stance") or {}
    event = data.get("event") or {}
    cue = (data.get("cue") or {}).get("text") or ""
    negated = bool(stance.get("negated"))
    actors = frozenset(
        name_key(n) for n in [*(event.get("actors") or ()), *(event.get("targets") or ())] if n
    )
    doers, targets = event_sides(event)
    entities = frozenset(
        name_key(e["text"])
        for e in data.get("entities") or ()
        if e.get("text") and e.get("label") != "CARDINAL"
    )
    # Countries and regions ("Russia", "Donbas") name the whole war, not where one
    # event happened: they are neither evidence of one event nor a conflict.
    places = frozenset(
        name_key(p.get("name") or p.get("text") or "")
        for p in data.get("places") or ()
        if p.get("kind") not in _WIDE_PLACES
    ) - {""}
    quantities: dict[str, list[Interval]] = {}
    for q in data.get("quantities") or ():
        iv = _interval(q)
        if iv is not None:
            quantities.setdefault(_unit_key(q.get("category") or "other", q.get("unit")), []).append(iv)
    # Time: the claim's own resolved dates, else the article's date.
    starts = [_ordinal(t.get("start_date")) for t in data.get("times") or ()]
    ends = [_ordinal(t.get("end_date") or t.get("start_date")) for t in data.get("times") or ()]
    s = [x for x in starts if x is not None]
    e = [x for x in ends if x is not None]
    time: tuple[int, int] | None = None
    explicit = bool(s)
    if s:
        time = (min(s), max(e or s))
    else:
        day = _ordinal(published)
        time = (day, day) if day is not None else None
    text = str(data.get("text") or "")
    base = ClaimFeatures(
        id=str(data["id"]),
        article_id=article_id,
        start=int(data.get("start") or 0),
        end=int(data.get("end") or 0),
        unit=article_id,
        outlet=art.get("outlet"),
        published=published,
        origin=name_key(origin_name),
        origin_name=origin_name,
        text=text,
        tokens=tuple(similarity_tokens(text)),
        negated=negated,
        denial=negated and bool(_DENIAL_CUE.search(cue.casefold())),
        modality=str(stance.get("modality") or "asserted"),
        event_type=event.get("type") or None,
        actors=actors,
        entities=entities,
        places=places,
        quantities={k: tuple(v) for k, v in quantities.items()},
        time=time,
        explicit_time=explicit,
        order=(published or "9999-99-99", article_id, int(data.get("start") or 0), str(data["id"])),
        correction=_corrects(cue, data.get("sentence")),
        doer_sides=doers,
        target_sides=targets,
    )
    return with_unit(base, unit)


def event_sides(event: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """(sides of whoever did it, sides of the targets) of a claim's event (OUTPUT.md ``event``).

    The doers are the event's actors, except in an accusation (``ACCUSE``: "Kyiv accuses
    Moscow of shelling the plant"), where the accused, its targets, are the doers and no
    target side is kept (accuser and accused swapped is the dispute itself). A side is the
    country a name belongs to (:func:`claimledger.nlp.lang.en.sources.side_of`); names
    of no known country are left out.
    """
    actors = [str(n) for n in event.get("actors") or () if n]
    targets = [str(n) for n in event.get("targets") or () if n]
    if event.get("type") == "ACCUSE":
        actors, targets = targets, []
    return _sides(actors), _sides(targets)


def _sides(names: Sequence[str]) -> frozenset[str]:
    return frozenset(s for n in names if (s := side_of(n)) is not None)


def _corrects(cue: str, sentence: Any) -> bool:
    """Whether a claim with this cue and sentence corrects an earlier report."""
    if cue and _CORRECTION_CUE.search(cue.casefold()):
        return True
    text = sentence.get("text") if isinstance(sentence, Mapping) else sentence
    return bool(text) and bool(_CORRECTION_PHRASE.search(str(text)))


def with_unit(features: ClaimFeatures, unit: str | None) -> ClaimFeatures:
    """The features of the same claim in report unit ``unit`` (None: its own article).

    The unit is the only part of a claim's features that changes after it is
    stored (its article joins a duplicate group), so linking caches the features
    computed without one and applies the unit here on every run.
    """
    unit = unit or features.article_id
    if unit == features.unit == features.article_id:
        return features
    origin = name_key(features.origin_name)
    if unit != features.article_id and features.outlet and origin == name_key(str(features.outlet)):
        # An outlet's own words in a syndicated copy are the original outlet's:
        # the copies share one origin (the duplicate group), not one per outlet.
        origin = f"copy:{unit}"
    if unit == features.unit and origin == features.origin:
        return features
    return evolve(features, unit=unit, origin=origin)


def features_to_json(features: ClaimFeatures) -> str:
    """The features as compact JSON, for the store's cache (see :func:`features_from_json`).

    Leaves out what the store holds anyway (the claim's id, article and text) and
    the report unit (see :func:`with_unit`); open quantity bounds are written as
    JSON's ``Infinity`` (Python's reader and writer agree on it).
    """
    f = features
    return json.dumps(
        [
            f.start,
            f.end,
            f.outlet,
            f.published,
            f.origin_name,
            list(f.tokens),
            f.negated,
            f.denial,
            f.modality,
            f.event_type,
            sorted(f.actors),
            sorted(f.entities),
            sorted(f.places),
            {k: [list(iv) for iv in v] for k, v in f.quantities.items()},
            list(f.time) if f.time else None,
            f.explicit_time,
            f.correction,
            sorted(f.doer_sides),
            sorted(f.target_sides),
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def features_from_json(data: str, *, claim_id: str, article_id: str, text: str) -> ClaimFeatures:
    """Features stored with :func:`features_to_json`, in the claim's own article as unit.

    Raises:
        ValueError: the text is not such a row.
    """
    try:
        (
            start,
            end,
            outlet,
            published,
            origin_name,
            tokens,
            negated,
            denial,
            modality,
            event_type,
            actors,
            entities,
            places,
            quantities,
            time,
            explicit,
            correction,
            doers,
            targets,
        ) = json.loads(data)
        return ClaimFeatures(
            id=claim_id,
            article_id=article_id,
            start=int(start),
            end=int(end),
            unit=article_id,
            outlet=outlet,
            published=published,
            origin=name_key(origin_name),
            origin_name=origin_name,
            text=text,
            tokens=tuple(tokens),
            negated=bool(negated),
            denial=bool(denial),
            modality=modality,
            event_type=event_type,
            actors=frozenset(actors),
            entities=frozenset(entities),
            places=frozenset(places),
            quantities={k: tuple((float(a), float(b)) for a, b in v) for k, v in quantities.items()},
            time=(int(time[0]), int(time[1])) if time else None,
            explicit_time=bool(explicit),
            order=(published or "9999-99-99", article_id, int(start), claim_id),
            correction=bool(correction),
            doer_sides=frozenset(doers),
            target_sides=frozenset(targets),
        )
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        raise ValueError(f"not a cached claim-features row ({e})") from e
