"""Tests for claimledger.ingest.dates.normalize_date."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from claimledger.ingest.dates import normalize_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-24", "2023-03-24"),
        ("2023-3-4", "2023-03-04"),
        ("2023/03/24", "2023-03-24"),
        ("20230324", "2023-03-24"),
        ("2023-03-24T23:30:00-05:00", "2023-03-24"),  # the date as written, not UTC
        ("2023-03-24 09:00", "2023-03-24"),
        ("24 March 2023", "2023-03-24"),
        ("24th of March, 2023", "2023-03-24"),
        ("Friday, 24 March 2023", "2023-03-24"),
        ("March 24, 2023", "2023-03-24"),
        ("Sept. 3, 2022", "2022-09-03"),
        ("Fri, 24 Mar 2023 23:30:00 -0500", "2023-03-24"),
        (date(2023, 3, 24), "2023-03-24"),
        (datetime(2023, 3, 24, 12, 0), "2023-03-24"),
        (time.strptime("2023-03-24", "%Y-%m-%d"), "2023-03-24"),
    ],
)
def test_normalize_date_accepts_formats(value: object, expected: str) -> None:
    assert normalize_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, "", "   ", "yesterday", "2023-02-30", "31 June 2023", "not a date"])
def test_normalize_date_rejects_non_dates(value: str | None) -> None:
    assert normalize_date(value) is None
