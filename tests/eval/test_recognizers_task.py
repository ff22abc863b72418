"""Tests for the Recognizers-Text spec task: case loading, range parsing and the pass rules."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.eval.tasks.recognizers import (
    date_case_passes,
    load_cases,
    parse_range,
    period_case_passes,
    range_case_passes,
)
from claimledger.model import Quantity, TimeMention


def _date_item(
    inp: str, text: str, start: int, timex: str, future: dict[str, str], past: dict[str, str]
) -> dict[str, Any]:
    return {
        "Input": inp,
        "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
        "Results": [
            {"Text": text, "Type": "date", "Start": start, "Length": len(text),
             "Value": {"Timex": timex, "FutureResolution": future, "PastResolution": past}}
        ],
    }  # fmt: skip


def test_load_cases_skips_python_not_supported_and_multi_results() -> None:
    ok = _date_item(
        "back on Friday", "Friday", 8, "XXXX-WXX-5", {"date": "2016-11-11"}, {"date": "2016-11-04"}
    )
    raw = [
        ok,
        {**ok, "NotSupported": "javascript, python"},
        {**ok, "NotSupportedByDesign": "python"},
        {**ok, "Results": []},
        {**ok, "Results": ok["Results"] * 2},
    ]
    cases, skipped = load_cases(raw)
    assert skipped == 4 and len(cases) == 1
    c = cases[0]
    assert (c.reference, c.start, c.end, c.text) == ("2016-11-07", 8, 14, "Friday")
    assert c.readings == ({"date": "2016-11-11"}, {"date": "2016-11-04"})
    kept, _ = load_cases(raw, honour_not_supported=False)
    assert len(kept) == 2


def test_load_cases_reads_number_range_end_inclusive() -> None:
    raw = [{"Input": "He is over thirty.", "Results": [
        {"Text": "over thirty", "Start": 6, "End": 16, "Resolution": {"value": "(30,)"}}]}]  # fmt: skip
    cases, _ = load_cases(raw)
    assert (cases[0].start, cases[0].end, cases[0].range_value) == (6, 17, "(30,)")


def _tm(start: int, end: int, value: str, s: str | None, e: str | None) -> TimeMention:
    return TimeMention(start, end, "x" * (end - start), "DATE", value, None, s, e)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([_tm(8, 14, "2016-11-04", "2016-11-04", "2016-11-04")], True),  # the past reading
        ([_tm(8, 14, "2016-11-11", "2016-11-11", "2016-11-11")], True),  # the future reading
        ([_tm(8, 14, "2016-11-05", "2016-11-05", "2016-11-05")], False),
        ([_tm(0, 4, "2016-11-04", "2016-11-04", "2016-11-04")], False),  # no overlap
        ([_tm(8, 14, "XXXX-WXX-5", None, None)], True),  # same timex
        ([], False),
    ],
)
def test_date_case_passes(mentions: list[TimeMention], expected: bool) -> None:
    case = load_cases(
        [
            _date_item(
                "back on Friday", "Friday", 8, "XXXX-WXX-5", {"date": "2016-11-11"}, {"date": "2016-11-04"}
            )
        ]
    )[0][0]
    assert date_case_passes(case, mentions) is expected


def test_date_case_passes_invalid_date_wants_no_resolution() -> None:
    case = load_cases(
        [_date_item("Feb 30", "Feb 30", 0, "XXXX-02-30", {"date": "0001-01-01"}, {"date": "0001-01-01"})]
    )[0][0]
    assert date_case_passes(case, [])
    assert not date_case_passes(case, [_tm(0, 6, "2016-03-01", "2016-03-01", "2016-03-01")])


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [("2016-11-01", "2016-11-30", True), ("2016-11-01", "2016-12-01", True), ("2016-11-01", "2016-11-29", False),
     ("2016-10-31", "2016-11-30", False)],
)  # fmt: skip
def test_period_case_passes_end_exclusive_or_inclusive(start: str, end: str, expected: bool) -> None:
    item = _date_item(
        "out November", "November", 4, "2016-11", {"startDate": "2016-11-01", "endDate": "2016-12-01"}, {}
    )
    case = load_cases([item])[0][0]
    assert period_case_passes(case, [_tm(4, 12, "XXXX-11", start, end)]) is expected


@pytest.mark.parametrize(
    ("joiner", "second", "expected"),
    [
        (" to ", ("2017-10-22", "2017-10-22"), True),  # the range's two ends, TimeML style
        (" until ", ("2017-10-22", "2017-10-22"), True),
        (" - ", ("2017-10-22", "2017-10-22"), True),
        (" to ", ("2016-10-22", "2016-10-22"), False),  # ends from two readings
        (" then ", ("2017-10-22", "2017-10-22"), False),  # not joined by a range word
    ],
)
def test_period_case_passes_range_as_two_mentions(joiner: str, second: tuple[str, str], expected: bool) -> None:
    first_text, second_text = "Oct. 2", "October 22"
    span = first_text + joiner + second_text
    item = _date_item(
        f"out {span}", span, 4, "(XXXX-10-02,XXXX-10-22,P20D)",
        {"startDate": "2017-10-02", "endDate": "2017-10-22"}, {"startDate": "2016-10-02", "endDate": "2016-10-22"},
    )  # fmt: skip
    case = load_cases([item])[0][0]
    b0 = 4 + len(first_text) + len(joiner)
    mentions = [
        _tm(4, 4 + len(first_text), "2017-10-02", "2017-10-02", "2017-10-02"),
        _tm(b0, b0 + len(second_text), second[0], *second),
    ]
    assert period_case_passes(case, mentions) is expected
    assert not period_case_passes(case, mentions[:1])  # one end alone is not the range


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ("(30,)", (30.0, None)),
        ("[20,35]", (20.0, 35.0)),
        ("(,100]", (None, 100.0)),
        ("[-10,15)", (-10.0, 15.0)),
    ],
)
def test_parse_range(value: str, bounds: tuple[float | None, float | None]) -> None:
    assert parse_range(value) == bounds


def test_parse_range_rejects_non_interval() -> None:
    with pytest.raises(ValueError, match="interval"):
        parse_range("30")


def _q(low: float | None, high: float | None, value: float | None = None) -> Quantity:
    return Quantity(6, 16, "x" * 10, value, low, high, None)


@pytest.mark.parametrize(
    ("value", "quantity", "expected"),
    [
        ("(30,)", _q(30, None, 30), True),
        ("[30,)", _q(30, None, 30), True),
        ("(30,)", _q(None, 30, 30), False),
        ("[20,20]", _q(None, None, 20), True),
        ("[20,20]", _q(None, None, 21), False),
        ("[20,30)", _q(20, 30), True),
    ],
)
def test_range_case_passes(value: str, quantity: Quantity, expected: bool) -> None:
    raw = [
        {
            "Input": "He is over thirty.",
            "Results": [{"Text": "over thirty", "Start": 6, "End": 16, "Resolution": {"value": value}}],
        }
    ]
    case = load_cases(raw)[0][0]
    assert range_case_passes(case, [quantity]) is expected
