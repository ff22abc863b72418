"""Geocode place mentions (GPE/LOC/FAC entities, "eastern Ukraine") against the gazetteer.

Pipeline component ``claimledger_place_resolver`` writes ``doc._.cl_places``
(list of :class:`claimledger.model.Place`, in text order, non-overlapping).

How a place is chosen:

1. Mentions are the model's GPE, LOC and FAC entities, plus ORG/PERSON
   entities whose text is a known place with no other likely reading (the
   small model tags "Balakliya" ORG). NORP entities ("Russian") are never
   places. A leading "the" and a trailing possessive are trimmed;
   "Kharkiv" followed by "region"/"oblast" grows into "Kharkiv region"; a
   direction word before a country or region ("south-western Belarus",
   "the north of Ukraine") makes a ``region`` place.
2. Context: the countries the document names, the countries of names whose
   every reading lies in one country, and the US states it names.
3. Each reading is scored: log10(population) + a bonus for countries, states
   and regions, + a bonus when it is the place's own name rather than an
   alternate, + a large bonus when its country is in the context, + a small
   one when its state is. The best reading wins; "Moscow" next to "Ukraine"
   is Moscow, RU, and "Paris" alone is Paris, FR.

Direction shift: the point moves from the representative point of the
country toward the named side by :data:`DIRECTION_FRACTION` of the distance
to the edge of the country's extent (see ``gazetteer`` for how extents are
made); regions and states without an extent use :data:`DEFAULT_HALF_EXTENT`.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimledger.model import Place
from claimledger.nlp.actors import lookup_actor
from claimledger.nlp.extensions import doc_text, install_extensions
from claimledger.nlp.gazetteer import (
    FOCUS_COUNTRIES,
    SURNAME_TOWNS,
    Gazetteer,
    GazetteerEntry,
    get_gazetteer,
    normalize_key,
)
from claimledger.nlp.lang.en.regions import COMMON_WORD_NAMES

logger = logging.getLogger(__name__)

PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gives places it does not know ("Balakliya" -> ORG).
RESCUE_LABELS: frozenset[str] = frozenset({"ORG", "PERSON"})

# Share of the way from the representative point to the edge of the extent
# that a direction word moves the point: 0.5 puts "eastern Ukraine" in the
# middle of the eastern half (checked against Donbas for "east Ukraine" and
# Brest/Pinsk for "south-western Belarus").
DIRECTION_FRACTION = 0.5
# Half-size in degrees latitude of a state or region without an extent
# (a Ukrainian oblast is roughly 2 degrees across).
DEFAULT_HALF_EXTENT = 1.0

# Scoring weights (see the module docstring); chosen by hand on the LGL and
# GeoVirus sets so that a document's country outweighs a 1000x population gap.
_KIND_BONUS = {"country": 3.0, "admin": 1.5, "region": 1.0, "city": 0.0}
_OWN_NAME_BONUS = 0.5
_CONTEXT_COUNTRY_BONUS = 3.0
_CONTEXT_ADMIN_BONUS = 1.5
# A city reading within _NEAR_KM of another city the document names gets
# _NEAR_BONUS (places in one story cluster: Dublin, Ohio next to Columbus).
_NEAR_KM = 150.0
_NEAR_BONUS = 1.5
# ORG/PERSON entities are taken as places only above this population unless
# they lie in FOCUS_COUNTRIES or the document's countries.
_RESCUE_MIN_POPULATION = 100_000

_DIR = (
    r"(?:north|south)[- ]?(?:east|west)(?:ern)?"
    r"|(?:north|south|east|west)(?:ern)?"
    r"|central|mid"
)
# direction word right before the entity: "eastern Ukraine", "the south of Belarus"
_DIR_BEFORE_RE = re.compile(
    rf"\b({_DIR})(?:\s+(?:part|parts|region|regions)\s+of)?(?:\s+of)?\s+(?:the\s+)?$", re.IGNORECASE
)
# direction word inside the entity: "Eastern Ukraine"
_DIR_INSIDE_RE = re.compile(rf"^({_DIR})[\s-]+", re.IGNORECASE)
_REGION_AFTER_RE = re.compile(r"^\s+(oblast|region|province)s?\b", re.IGNORECASE)
_CAP_WORD_AFTER_RE = re.compile(r"^ ([A-Z][\w.'-]*)")
_CAP_WORD_BEFORE_RE = re.compile(r"\b([A-Z][\w.'-]*) $")
_LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_GENERIC_SUFFIX_RE = re.compile(
    # not county/parish: a US county is rarely near the town it shares a name with
    r"\s+(?:city|town|village|district|province|state|region|oblast|area)$", re.IGNORECASE
)
# Demonyms and adjectives ("Russian", "Ukrainians", "Israeli") tagged GPE by mistake.
_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:ians?|eans?|ans?|ese|ish|ic|is?)$")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    name: str  # text to look up
    label: str
    direction: str | None  # direction word as written, or None
    rescued: bool  # an ORG/PERSON entity


def resolve_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Find and geocode the place mentions of a parsed Doc.

    Args:
        doc: A Doc with entities (from the model, or set by hand).
        gazetteer: The gazetteer to use; defaults to :func:`get_gazetteer`.

    Returns:
        Places in text order, with exact offsets into ``doc.text``. Mentions
        the gazetteer does not know are kept as kind ``other`` with null
        coordinates when the model tagged them GPE or LOC.
    """
    gaz = gazetteer or get_gazetteer()
    text = doc_text(doc)
    # 1. mentions and their readings
    mentions = [m for m in (_mention(ent, text, gaz) for ent in doc.ents) if m is not None]
    readings = [gaz.lookup(m.name) for m in mentions]
    # 2. document context: countries and states, then the first-pass picks of
    #    the document's other cities as spatial anchors
    countries, admins = _context(readings)
    first = [_best(cands, countries, admins) for cands in readings]
    anchors = [(i, e.lat, e.lon) for i, e in enumerate(first) if e is not None and e.kind == "city"]
    # 3. choose, shift, emit
    places: list[Place] = []
    last_end = -1
    for i, (m, cands) in enumerate(zip(mentions, readings, strict=True)):
        if m.start < last_end:
            continue
        near = [(lat, lon) for j, lat, lon in anchors if j != i]
        best = _best(cands, countries, admins, near) if len(cands) > 1 and near else first[i]
        if m.rescued and not _rescue_ok(m, best, countries):
            continue
        if best is None:
            if m.label in ("GPE", "LOC") and not _DEMONYM_RE.match(m.name):
                span_text = text[m.start : m.end]
                places.append(Place(m.start, m.end, span_text, m.name, None, None, None, None, "other"))
                last_end = m.end
            continue
        places.append(_place(m, best, text))
        last_end = m.end
    return places


def _mention(ent: Span, text: str, gaz: Gazetteer) -> _Mention | None:
    """Turn an entity into a mention to look up, or None when it is no place."""
    label = ent.label_
    if label not in PLACE_LABELS and label not in RESCUE_LABELS:
        return None
    start, end = ent.start_char, ent.end_char
    # trim "the" and possessives: "the Donbas", "Ukraine's"
    surface = text[start:end]
    lead = _LEADING_THE_RE.match(surface)
    if lead:
        start += lead.end()
    poss = _POSSESSIVE_RE.search(text[start:end])
    if poss and poss.start() > 0:
        end = start + poss.start()
    if end <= start:
        return None
    name = text[start:end]
    # "Kharkiv" + " region" -> "Kharkiv region"
    after = _REGION_AFTER_RE.match(text[end : end + 12])
    if after:
        grown = f"{name} {after.group(1)}"
        if grown in gaz:
            end += after.end()
            name = grown
    # a forced pattern may have cut a longer name: "New" + "London", "Kansas" + "City"
    word = _CAP_WORD_AFTER_RE.match(text[end : end + 30])
    if word and f"{name} {word.group(1)}" in gaz:
        end += word.end()
        name = text[start:end]
    word = _CAP_WORD_BEFORE_RE.search(text[max(0, start - 30) : start])
    if word and word.group(1).lower() != "the" and f"{word.group(1)} {name}" in gaz:
        start -= len(word.group(0))
        name = text[start:end]
    direction: str | None = None
    if name not in gaz:
        inside = _DIR_INSIDE_RE.match(name)
        if inside and name[inside.end() :] in gaz:
            direction = inside.group(1)
            name = name[inside.end() :]
    if direction is None and label in PLACE_LABELS:
        window_start = max(0, start - 40)
        before = _DIR_BEFORE_RE.search(text[window_start:start])
        if before and _is_area(gaz, name):
            direction = before.group(1)
            start = window_start + before.start()
    if direction is None and name not in gaz:
        # "Kherson city", "Rapides Parish": try the bare name
        bare = _GENERIC_SUFFIX_RE.sub("", name)
        if bare != name and bare in gaz:
            name = bare
    return _Mention(start, end, name, label, direction, label in RESCUE_LABELS)


def _is_area(gaz: Gazetteer, name: str) -> bool:
    """Whether the best-known reading of a name is a country, state or region."""
    return any(e.kind in ("country", "admin", "region") for e, _ in gaz.lookup(name))


def _prior(entry: GazetteerEntry, own: bool) -> float:
    own_bonus = _OWN_NAME_BONUS if own else 0.0
    return math.log10(entry.population + 10) + _KIND_BONUS.get(entry.kind, 0.0) + own_bonus


def _context(readings: Iterable[list[tuple[GazetteerEntry, bool]]]) -> tuple[set[str], set[tuple[str, str]]]:
    """Countries and (country, admin1) pairs the document evidently talks about."""
    countries: set[str] = set()
    admins: set[tuple[str, str]] = set()
    for cands in readings:
        if not cands:
            continue
        top, own = max(cands, key=lambda c: _prior(*c))
        if top.kind == "country" and top.country and not _ambiguous_country(top, cands):
            countries.add(top.country)
        elif top.kind == "admin" and top.country == "US" and top.admin1:
            admins.add(("US", top.admin1))
            countries.add("US")
        ccs = {e.country for e, _ in cands}
        if len(ccs) == 1 and None not in ccs:
            countries.add(next(iter(ccs)))  # type: ignore[arg-type]
    return countries, admins


# A country name that is also the own name of a state or of a town this big
# (Georgia, Lebanon PA, Palestine TX) is not evidence for that country.
_AMBIGUOUS_TOWN_POPULATION = 10_000


def _ambiguous_country(top: GazetteerEntry, cands: list[tuple[GazetteerEntry, bool]]) -> bool:
    return any(
        own and e is not top and (e.kind == "admin" or e.population >= _AMBIGUOUS_TOWN_POPULATION)
        for e, own in cands
    )


def _best(
    cands: list[tuple[GazetteerEntry, bool]],
    countries: set[str],
    admins: set[tuple[str, str]],
    near: list[tuple[float, float]] | None = None,
) -> GazetteerEntry | None:
    best: GazetteerEntry | None = None
    best_score = -math.inf
    for entry, own in cands:
        score = _prior(entry, own)
        if entry.country in countries:
            score += _CONTEXT_COUNTRY_BONUS
        if entry.admin1 and entry.country and (entry.country, entry.admin1) in admins:
            score += _CONTEXT_ADMIN_BONUS
        if near and entry.kind == "city" and _is_near(entry.lat, entry.lon, near):
            score += _NEAR_BONUS
        if score > best_score:
            best, best_score = entry, score
    return best


def _is_near(lat: float, lon: float, points: list[tuple[float, float]]) -> bool:
    """Whether (lat, lon) lies within _NEAR_KM of any point (equirectangular approximation)."""
    k = math.cos(math.radians(lat))
    limit = (_NEAR_KM / 111.2) ** 2
    return any((plat - lat) ** 2 + ((plon - lon) * k) ** 2 <= limit for plat, plon in points)


def _rescue_ok(m: _Mention, best: GazetteerEntry | None, countries: set[str]) -> bool:
    """Whether an ORG/PERSON entity is a place: known, and not also a common word or surname."""
    if best is None:
        return False
    key = normalize_key(m.name)
    if key in COMMON_WORD_NAMES or key in SURNAME_TOWNS or not m.name[:1].isupper():
        return False
    if lookup_actor(m.name) is not None:
        # a known source ("MoD", "Nato") is an organisation, not a town that shares its letters
        return False
    if m.label == "PERSON":
        # people are often named like places (Jordan, Florence): only places
        # of the focus countries, whose names are rarely English given names
        return best.country in FOCUS_COUNTRIES and best.kind == "city"
    if best.kind != "city":
        return True
    return (
        best.country in FOCUS_COUNTRIES
        or best.country in countries
        or best.population >= _RESCUE_MIN_POPULATION
    )


def _place(m: _Mention, entry: GazetteerEntry, text: str) -> Place:
    span_text = text[m.start : m.end]
    if m.direction is None or entry.kind == "city":
        return Place(m.start, m.end, span_text, entry.name, entry.geonameid, entry.lat, entry.lon,
                     entry.country, entry.kind)
    lat, lon = shift_point(entry, m.direction)
    return Place(m.start, m.end, span_text, f"{m.direction.lower()} {entry.name}", None, lat, lon,
                 entry.country, "region")


def shift_point(entry: GazetteerEntry, direction: str) -> tuple[float, float]:
    """Move an area's representative point toward a side of it.

    Args:
        entry: A country, state or region.
        direction: A direction word: "north", "south-western", "eastern",
            "central"... (case and hyphens ignored).

    Returns:
        (lat, lon) :data:`DIRECTION_FRACTION` of the way from the point to the
        edge of the area's extent on that side.
    """
    d = direction.lower().replace("-", "").replace(" ", "")
    if entry.extent is not None:
        south, west, north, east = entry.extent
    else:
        h = DEFAULT_HALF_EXTENT
        w = h / max(0.2, math.cos(math.radians(entry.lat)))
        south, west, north, east = entry.lat - h, entry.lon - w, entry.lat + h, entry.lon + w
    lat, lon = entry.lat, entry.lon
    if d.startswith("north"):
        lat += DIRECTION_FRACTION * (north - entry.lat)
    elif d.startswith("south"):
        lat -= DIRECTION_FRACTION * (entry.lat - south)
    if "east" in d:
        lon += DIRECTION_FRACTION * (east - entry.lon)
    elif "west" in d:
        lon -= DIRECTION_FRACTION * (entry.lon - west)
    return round(lat, 4), round(lon, 4)


@Language.factory("claimledger_place_resolver", assigns=["doc._.cl_places"], default_config={})
def make_place_resolver(nlp: Language, name: str) -> PlaceResolver:
    """Build the place resolver component (spaCy factory ``claimledger_place_resolver``)."""
    return PlaceResolver(nlp, name)


class PlaceResolver:
    """Writes geocoded places to ``doc._.cl_places`` (see :func:`resolve_places`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        install_extensions()
        self.name = name
        self.gazetteer = get_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Place]:
        """Return the places of ``doc`` without writing them."""
        return resolve_places(doc, self.gazetteer)

    def set_annotations(self, doc: Doc, found: list[Place]) -> None:
        """Write ``found`` to ``doc._.cl_places``."""
        doc._.cl_places = found
