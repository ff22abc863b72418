"""Publication dates from metadata strings to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_tz

__all__ = ["normalize_date"]

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# ISO date or datetime: the date is taken as written, not converted to UTC, because
# it is the local date of the newsroom that relative dates ("yesterday") refer to.
_ISO = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?:$|[T\s_])")
_ISO_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:$|T)")
_DAY_MONTH_YEAR = re.compile(
    r"(?:[a-z]+,?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b",
    re.I,
)
_MONTH_DAY_YEAR = re.compile(
    r"(?:[a-z]+,?\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I
)


def normalize_date(value: str | date | time.struct_time | None) -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD``.

    Accepts ISO dates and datetimes (``2023-03-24``, ``2023-03-24T09:00:00Z``),
    ``20230324``, ``24 March 2023``, ``March 24, 2023``, RFC 822 dates as in
    feeds (``Fri, 24 Mar 2023 09:00:00 GMT``), ``datetime.date`` objects and
    ``time.struct_time`` (feedparser's ``*_parsed`` fields).

    Args:
        value: The date in one of the forms above, or None.

    Returns:
        The ISO date, or None when the value is missing or not a valid date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    if not text:
        return None
    for pattern in (_ISO, _ISO_COMPACT):
        m = pattern.match(text)
        if m:
            return _valid(int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        m = pattern.match(text)
        if m:
            return _valid(int(m["year"]), _MONTHS[m["month"].lower()], int(m["day"]))
    parsed = parsedate_tz(text)
    if parsed:
        return _valid(parsed[0], parsed[1], parsed[2])
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    """ISO string for a real calendar date, else None."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
