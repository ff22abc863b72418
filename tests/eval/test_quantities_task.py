"""Tests for the quantulum3 task: case loading, representative values, unit compatibility and metrics."""

from __future__ import annotations

import pytest

from claimledger.eval.tasks.quantities import (
    Case,
    Expected,
    Scores,
    load_cases,
    match_case,
    representative_value,
    score,
    units_compatible,
    values_equal,
)
from claimledger.model import Quantity


def _q(
    text: str, part: str, value: float | None, low: float | None, high: float | None, unit: str | None
) -> Quantity:
    start = text.index(part)
    return Quantity(start, start + len(part), part, value, low, high, unit)


def test_load_cases_locates_surfaces_in_order() -> None:
    raw = [{"req": "5 and 5 kg", "res": [
        {"value": 5, "unit": "dimensionless", "surface": "5"},
        {"value": 5, "unit": "kilogram", "surface": "5 kg"},
        {"value": 1, "unit": "x", "surface": "absent"},
    ]}]  # fmt: skip
    (case,) = load_cases(raw)
    assert [(e.start, e.end) for e in case.expected] == [(0, 1), (6, 10), (None, None)]
    assert case.expected[1] == Expected(5.0, "kilogram", "5 kg", 6, 10)


def test_load_cases_reads_sentence_with_nothing_expected() -> None:
    (case,) = load_cases([{"req": "At 2 pm we left.", "res": []}])
    assert case == Case("At 2 pm we left.", ())


@pytest.mark.parametrize(
    ("value", "low", "high", "expected"),
    [
        (7.0, 7.0, 7.0, 7.0),  # exact
        (7.0, None, None, 7.0),  # approximation
        (7.0, 7.0, None, 7.0),  # lower bound
        (None, 3.0, 4.0, 3.5),  # range: midpoint
        (None, 200.0, None, 200.0),  # vague plural: the low end
        (None, None, 9.0, 9.0),
        (None, None, None, None),
    ],
)
def test_representative_value_by_shape(
    value: float | None, low: float | None, high: float | None, expected: float | None
) -> None:
    assert representative_value(Quantity(0, 1, "x", value, low, high, None)) == expected


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [(2.5, 2.5, True), (1 / 3, 0.3333333333333333, True), (0.3333, 1 / 3, False), (None, 0.0, False),
     (1e14 + 1, 1e14, True), (2.0, 2.1, False), (2.48e-5, 2.48e-05, True), (0.0, 1e-3, False)],
)  # fmt: skip
def test_values_equal_relative_tolerance(a: float | None, b: float, equal: bool) -> None:
    assert values_equal(a, b) is equal


@pytest.mark.parametrize(
    ("theirs", "ours", "ok"),
    [
        ("dimensionless", None, True),
        ("dimensionless", "cars", True),
        ("dimensionless", "km", False),
        ("dimensionless", "USD", False),
        ("dimensionless", "MWh", False),
        ("metre", "m", True),
        ("metre", None, False),
        ("pound sterling", "GBP", True),
        ("pound-mass", "GBP", False),
        ("nanometre", "nanometers", True),
        ("dime", "dimes", True),
        ("kilometre", "miles", False),
        ("degree Celsius", "°C", True),
    ],
)
def test_units_compatible_table_and_normalisation(theirs: str, ours: str | None, ok: bool) -> None:
    assert units_compatible(theirs, ours) is ok


def test_match_case_pairs_one_to_one_and_counts_extra() -> None:
    text = "2 km then 2 km and 9 cats"
    case = load_cases([{"req": text, "res": [
        {"value": 2, "unit": "kilometre", "surface": "2 km"},
        {"value": 2, "unit": "kilometre", "surface": "2 km"},
    ]}])[0]  # fmt: skip
    found = [
        Quantity(0, 4, "2 km", 2.0, 2.0, 2.0, "km"),
        Quantity(10, 14, "2 km", 2.0, 2.0, 2.0, None),
        _q(text, "9 cats", 9.0, 9.0, 9.0, "cats"),
    ]
    out = match_case(case, found)
    assert out.pairs == {0: 0, 1: 1}
    assert out.missed == [] and out.extra == [2]
    assert out.unit_ok == 1 and not out.passed


def test_match_case_needs_overlap_with_surface() -> None:
    text = "Voyager 2 and 2 ships"
    case = load_cases([{"req": text, "res": [{"value": 2, "unit": "dimensionless", "surface": "2 ships"}]}])[
        0
    ]
    wrong_place = [_q(text, "Voyager 2", 2.0, 2.0, 2.0, None)]
    assert match_case(case, wrong_place).missed == [0]
    right_place = [_q(text, "2 ships", 2.0, 2.0, 2.0, "ships")]
    assert match_case(case, right_place).passed


def test_match_case_range_matches_by_midpoint_only() -> None:
    text = "3 to 4 L"
    case = load_cases([{"req": text, "res": [{"value": 3.5, "unit": "litre", "surface": text}]}])[0]
    assert match_case(case, [Quantity(0, 8, text, None, 3.0, 4.0, "litres")]).passed
    case_low = load_cases([{"req": text, "res": [{"value": 3, "unit": "litre", "surface": text}]}])[0]
    assert match_case(case_low, [Quantity(0, 8, text, None, 3.0, 4.0, "litres")]).missed == [0]


def test_score_counts_metrics() -> None:
    cases = load_cases([
        {"req": "4 km", "res": [{"value": 4, "unit": "kilometre", "surface": "4 km"}]},
        {"req": "7 kg and 8", "res": [{"value": 7, "unit": "kilogram", "surface": "7 kg"},
                                      {"value": 8, "unit": "dimensionless", "surface": "8"}]},
        {"req": "nothing at 2 pm", "res": []},
    ])  # fmt: skip
    answers = {
        "4 km": [Quantity(0, 4, "4 km", 4.0, 4.0, 4.0, "km")],
        "7 kg and 8": [Quantity(0, 4, "7 kg", 7.0, 7.0, 7.0, None)],
        "nothing at 2 pm": [Quantity(11, 12, "2", 2.0, 2.0, 2.0, None)],
    }
    s, failures, unit_diffs = score(cases, lambda t: answers[t])
    assert (s.expected, s.matched, s.unit_ok, s.sentences, s.sentences_ok) == (3, 2, 1, 3, 1)
    m = s.metrics("x_")
    assert m == pytest.approx({"x_value_pass": 2 / 3, "x_sentence_pass": 1 / 3, "x_unit_agree": 1 / 2})
    assert len(failures) == 2 and "'8'" in failures[0] and "'2'" in failures[1]
    assert unit_diffs == ["'7 kg': kilogram vs None"]


def test_scores_metrics_empty_is_zero() -> None:
    assert Scores().metrics() == {"value_pass": 0.0, "sentence_pass": 0.0, "unit_agree": 0.0}
