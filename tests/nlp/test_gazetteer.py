"""Tests for the gazetteer: transliterations, countries, regions, ruler patterns."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimledger.nlp.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    get_gazetteer,
    normalize_key,
    ruler_patterns,
)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _top(gaz: Gazetteer, name: str) -> GazetteerEntry:
    cands = gaz.lookup(name)
    assert cands, f"{name!r} not in the gazetteer"
    return max(cands, key=lambda c: c[0].population)[0]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Kyiv", 50.4547, 30.5238),
        ("Kiev", 50.4547, 30.5238),
        ("Kharkiv", 49.9818, 36.2548),
        ("Kharkov", 49.9818, 36.2548),
        ("Balakliya", 49.456, 36.8443),
        ("Balakliia", 49.456, 36.8443),
        ("Balakleya", 49.456, 36.8443),
        ("Kupiansk", 49.71, 37.6158),
        ("Kupyansk", 49.71, 37.6158),
        ("Odesa", 46.4775, 30.7326),
        ("Odessa", 46.4775, 30.7326),
        ("Mykolaiv", 46.9659, 31.9974),
        ("Nikolaev", 46.9659, 31.9974),
        ("Zaporizhzhia", 47.8229, 35.1903),
        ("Zaporozhye", 47.8229, 35.1903),
        ("Bakhmut", 48.5942, 37.9999),
        ("Artemivsk", 48.5942, 37.9999),
    ],
)
def test_lookup_transliteration_variants(gaz: Gazetteer, name: str, lat: float, lon: float) -> None:
    entry = _top(gaz, name)
    assert entry.country == "UA"
    assert _km(entry.lat, entry.lon, lat, lon) < 25


@pytest.mark.parametrize("name", ["KHARKIV", "kharkiv", "Kupyans’k", "Ivano Frankivsk"])
def test_lookup_ignores_case_accents_and_hyphens(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name), name


def test_lookup_unknown_name_is_empty(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwxzzyville") == []


@pytest.mark.parametrize(
    ("text", "key"),
    [("Kup’yans’k", "kup'yans'k"), ("Ivano-Frankivsk", "ivano frankivsk"), ("Zürich", "zurich")],
)
def test_normalize_key_folds(text: str, key: str) -> None:
    assert normalize_key(text) == key


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Ukraine", "country", "UA"),
        ("U.S.", "country", "US"),
        ("Kharkiv region", "admin", "UA"),
        ("Kharkiv Oblast", "admin", "UA"),
        ("Donbas", "region", "UA"),
        ("Crimea", "admin", "UA"),
        ("Transnistria", "region", "MD"),
        ("Black Sea", "region", None),
        ("Sea of Azov", "region", None),
        ("Siberia", "region", "RU"),
        ("Chechnya", "admin", "RU"),
    ],
)
def test_lookup_countries_and_regions(gaz: Gazetteer, name: str, kind: str, country: str | None) -> None:
    kinds = {(e.kind, e.country) for e, _ in gaz.lookup(name)}
    assert (kind, country) in kinds


def test_country_has_geonameid_point_and_extent(gaz: Gazetteer) -> None:
    belarus = gaz.country("BY")
    assert belarus is not None and belarus.geonameid == 630336
    assert belarus.extent is not None
    south, west, north, east = belarus.extent
    assert south < belarus.lat < north and west < belarus.lon < east
    assert _km(belarus.lat, belarus.lon, 53.7, 28.0) < 200


def test_every_country_has_a_point(gaz: Gazetteer) -> None:
    for iso2 in ("UA", "RU", "BY", "US", "FR", "CN", "BR", "AU"):
        entry = gaz.country(iso2)
        assert entry is not None and -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180


def test_ruler_patterns_bounded_and_capitalised() -> None:
    patterns = ruler_patterns()
    assert 1000 < len(patterns) <= 20_000
    for p in patterns:
        assert p["label"] in ("GPE", "LOC")
        assert p["pattern"][0].isupper(), p
        assert not p["pattern"].islower()


@pytest.mark.parametrize(
    "name", ["Kharkiv", "Balakliya", "Kupiansk", "Ukraine", "Black Sea", "Kherson region"]
)
def test_ruler_patterns_include_conflict_places(name: str) -> None:
    assert name in {p["pattern"] for p in ruler_patterns()}


@pytest.mark.parametrize("word", ["Of", "Nice", "Mobile", "Reading", "Bath", "Split", "Same", "Young"])
def test_ruler_patterns_skip_common_words(word: str) -> None:
    assert word not in {p["pattern"] for p in ruler_patterns()}


def test_ruler_patterns_labels_seas_loc() -> None:
    labels = {p["pattern"]: p["label"] for p in ruler_patterns()}
    assert labels["Black Sea"] == "LOC"
    assert labels["Ukraine"] == "GPE"


def test_get_gazetteer_is_cached_singleton() -> None:
    assert get_gazetteer() is get_gazetteer()


def test_get_gazetteer_rebuild_matches_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_CACHE_DIR", str(tmp_path))
    fresh = get_gazetteer(use_cache=False)
    cached = get_gazetteer()
    assert len(fresh) == len(cached)
    assert fresh.alias_count == cached.alias_count


@pytest.mark.parametrize(("name", "state", "many"), [("Laurel County", "KY", False), ("Henry County", "GA", True),
                                                     ("Rapides Parish", "LA", False)])
def test_us_counties_names_to_states(name: str, state: str, many: bool) -> None:
    from claimledger.nlp.gazetteer import normalize_key, us_counties

    states = us_counties()[normalize_key(name)]
    assert state in states
    assert (len(states) > 1) is many


@pytest.mark.parametrize(("name", "lat", "lon"), [("Lake Erie", 42.2, -81.2), ("the Americas", 19.0, -96.0),
                                                  ("South Asia", 22.0, 80.0)])
def test_gazetteer_world_regions(name: str, lat: float, lon: float) -> None:
    regions = [e for e, _ in get_gazetteer().lookup(name) if e.kind == "region"]
    assert [(e.lat, e.lon) for e in regions] == [(lat, lon)]
