"""Time expressions with TIMEX3 values, resolved against the publication date (never today).

The default normaliser is rule-based: a few regular expressions, compiled once at
import, run over the raw text; overlapping candidates are resolved longest-first.
It is the default because the libraries we looked at do not fit news reporting:
``dateparser`` misses most relative phrases ("last week", "earlier this year"),
``ctparse`` and Duckling resolve bare weekdays and months into the future (the
wrong default for past-tense news), and ``recognizers-text`` for Python is a 2019
alpha. Another library can be plugged in behind :class:`TimeNormalizer`.

Conventions (TIMEX3 / TimeML where it has one):

- The span excludes signal words ("as of", "since", "on", "in", "only"), but
  includes modifiers ("early", "mid-", "the end of", "about", "more than").
- ``mod`` START/MID/END narrows the interval to the first/middle/last third of
  the base period ("mid-March" 2023 -> 2023-03-11..2023-03-20).
  "since X" keeps the span of X, sets mod AFTER and the interval X..published;
  "before X" sets mod BEFORE and an interval ending the day before X.
- Seasons are meteorological: WI = December of the previous year to February,
  SP = March-May, SU = June-August, FA = September-November. "the winter of
  2022" is 2022-WI = 2021-12-01..2022-02-28, the winter that ends in 2022.
- Unanchored weekdays take the most recent occurrence on or before
  publication (news is mostly past tense: "on Friday" in a Friday article is
  that day), the next one after a future cue ("will", "scheduled"...).
  Months and month-days without a year take the nearest occurrence, but one in
  the future only after a future cue, or within two months when the sentence
  is not in the past tense ("Dec. 15" in a November article; "In May, they
  left" in March 2023 is May 2022).
- "last week"/"last month" are the previous calendar unit (ISO weeks,
  Monday..Sunday). "last February" is the most recent February before the
  month just ended (said in March 2023: 2022-02; said in October: 2023-02).
  "the past 13 months" is a DURATION whose interval ends at publication; "the
  next two weeks" one that starts there.
- Numeric dates: 2015/08/12 is y/m/d, 21/04/2016 d/m/y (first part over 12),
  other a/b/yyyy are read month first (US order).
- "N units ago" ("from now") is a DATE at the unit's granularity (day, ISO
  week, month, year; "a decade ago" is a year).
- "March 3-5" is one DATE mention whose value is the first day and whose
  interval covers the range.
- Lower-case month names count next to a day, a year or "last"/"next"
  ("january 12th", "next june"), except those that are common words
  ("may", "march"). Day words work too ("the second of August").
- Dates after "payable", "effective", "of record", "through", "extended to"
  may lie up to half a year ahead even in a past-tense sentence.
- In a text that speaks of quarters (results reports), "a year ago" / "a year
  earlier" / "year-ago" / "the year-earlier period" is the quarter a year
  before the last quarter mentioned, and "the latest quarter" / "the quarter"
  is the last quarter mentioned (else the last one completed before
  publication).
- "the week of March 6", "the week starting Feb 4", "w/c Feb 4" are the ISO
  week holding that day; "the first week of October" starts on its first
  Monday; "the first Friday of next month" is that day.
- "4 to 22 this month", "3 until 12 of Sept": value the first day, interval
  over the range (as "March 3-5"); so are "from 4 to January 22, 1995",
  "November between 19 and 20" and "next week between Wednesday and Friday".
  Dates joined by "from ... to" stay two mentions (TimeML tags each end), but
  an end without a year that would fall before the start moves a year on
  ("from 10/25 to 01/25" in October 2018 ends 2019-01-25); "and" joins a range
  only after "between", and weekdays never move.
- "2016 - 11", "11 / 2016", "2016 june" and "2016, nov" (lower case only after
  the comma: "2016, Jan Kowalski") are months. "the second Sunday" without a
  month is in the month of publication; one that does not exist ("the fifth
  Sunday" of a month with four) keeps a value but no interval.
- "two days from tomorrow", "a week from today", "two Sundays from now" are
  days; "two weeks from now" stays at the unit's granularity (as "ago").
- "4/22" (no year) is a month-day when one part is over 12 or a signal word
  ("on", "from", "until") stands before it; "1/2" alone is a fraction.
  "2016/11", "11/2016" and "2016-11" are months, but "2010-11" (the next
  year's last two digits) is a span of years. "H1 2016" is 2016-H1.
- Without a publication date, relative expressions keep TIMEX3 values with X
  placeholders (``XXXX-WXX-5``, ``XXXX-02``) or PRESENT_REF/PAST_REF/FUTURE_REF,
  and ``start_date``/``end_date`` stay None.
"""

from __future__ import annotations

import calendar
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import InputError
from claimledger.model import TimeMention
from claimledger.nlp.extensions import doc_text, install_extensions
from claimledger.nlp.lang.en.time_words import (
    AMBIGUOUS_LOWER_MONTHS,
    DATE_MODIFIERS,
    DAY_ORDINALS,
    DURATION_MODIFIERS,
    FUTURE_CUES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_CUES,
    SEASONS,
    TENS,
    UNITS,
    WEEK_ORDINALS,
    WEEKDAYS,
)

logger = logging.getLogger(__name__)

__all__ = [
    "RuleTimeNormalizer",
    "TimeNormalizer",
    "TimeTagger",
    "find_times",
    "make_time_tagger",
]


# --------------------------------------------------------------------------- #
# Regular-expression building blocks
# --------------------------------------------------------------------------- #


def _alt(words: list[str]) -> str:
    """Alternation of literal words, longest first so the regex prefers them."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH_LOOKUP: dict[str, int] = {}
for _name, _num in MONTHS.items():
    _MONTH_LOOKUP[_name] = _num
    _MONTH_LOOKUP[_name.upper()] = _num
for _name, _num in MONTH_ABBREVIATIONS.items():
    _MONTH_LOOKUP[_name] = _num
    _MONTH_LOOKUP[_name.upper()] = _num

for _name, _num in [*MONTHS.items(), *MONTH_ABBREVIATIONS.items()]:
    _MONTH_LOOKUP.setdefault(_name.lower(), _num)

_FULL_MONTHS = list(MONTHS) + [m.upper() for m in MONTHS]
_ABBREVS = list(MONTH_ABBREVIATIONS) + [m.upper() for m in MONTH_ABBREVIATIONS]
_LOWER_FULL = [m.lower() for m in MONTHS if m.lower() not in AMBIGUOUS_LOWER_MONTHS]
_LOWER_ABBREVS = [m.lower() for m in MONTH_ABBREVIATIONS if m.lower() not in AMBIGUOUS_LOWER_MONTHS]
# A month name standing alone: full names, or abbreviations with a full stop.
_MONTH = rf"(?:(?:{_alt(_FULL_MONTHS)})(?![\w-])|(?:{_alt(_ABBREVS)})\.)"
# After "last"/"next": lower-case names too ("next june", "last sept").
_MONTH_R = rf"(?:{_MONTH}|(?:{_alt(_LOWER_FULL + _LOWER_ABBREVS)})\.?(?![\w-]))"
# A month name directly before a day number or year: abbreviations may lack the stop,
# lower-case names count ("january 12th"), except those that are common words.
_MONTH_D = (
    rf"(?:(?:{_alt(_FULL_MONTHS)})|(?:{_alt(_ABBREVS)})\.?"
    rf"|(?<![\w-])(?:(?:{_alt(_LOWER_FULL)})|(?:{_alt(_LOWER_ABBREVS)})\.?))"
)
_WEEKDAY_LOOKUP = {**WEEKDAYS, **{k.upper(): v for k, v in WEEKDAYS.items()}}
_WEEKDAY = rf"(?:{_alt(list(_WEEKDAY_LOOKUP))})(?![\w-])"
# Capitalised weekday abbreviations ("Wed, 22 Jan"); only where a date or a weekday range follows,
# since "Sun", "Sat" and "Wed" are also words.
_WEEKDAY_ABBREVIATIONS = {
    "Mon": 1, "Tue": 2, "Tues": 2, "Wed": 3, "Thu": 4, "Thur": 4, "Thurs": 4, "Fri": 5, "Sat": 6, "Sun": 7,
}  # fmt: skip
# The stop of "Wed." belongs to it before a comma or a lower-case word or digit, not at a sentence end.
_WEEKDAY_ABBR = rf"(?:{_alt(list(_WEEKDAY_ABBREVIATIONS))})(?![\w-])(?:\.(?=,|\s+[a-z\d]))?"
_WEEKDAY_PREFIX = rf"(?:(?:{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s+(?:the\s+)?)"

_UNITS_WORDS = [u for u in UNITS if u != "century"]
_UNIT = rf"(?i:(?P<unit>{_alt(_UNITS_WORDS)}|centur(?:y|ies))s?)"
_UNIT_PLURAL = rf"(?i:(?P<unit>{_alt(_UNITS_WORDS)}|centur)(?:s|ies))"
_SMALL = [w for w, v in NUMBER_WORDS.items() if isinstance(v, int) and v < 10 and " " not in w and len(w) > 2]
_NUM_WORD = (
    rf"(?:(?:{_alt(sorted(TENS))})(?:[- ](?:{_alt(_SMALL)}))?"
    rf"|{_alt([w for w in NUMBER_WORDS if w not in TENS])})"
)
_NUM = rf"(?i:\d+(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+|{_NUM_WORD})(?![\w])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# After a day and month any four-digit number is a year ("5 December 1391").
_YEAR_D = r"(?:1\d{3}|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_UNIT_DAYS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_DAY_WORD = (
    rf"(?i:(?:twenty|thirty)[- ](?:{_alt([w for w, v in DAY_ORDINALS.items() if v < 10] + _UNIT_DAYS)})"
    rf"|{_alt(list(DAY_ORDINALS))})(?![\w-])"
)

# Modifiers before a date, TIMEX3-style included in the span. They are looked
# for right before a rule's match (a prefix group in every rule made the scan
# over the text several times slower).
_MOD_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?:the\s+)?(?:very\s+)?(?:"
    r"(?:beginning|start|middle|end|close|dawn)\s+of\s+(?:the\s+)?"
    r"|(?:early|late)(?:\s+in)?(?:\s+|-)|mid(?:dle)?(?:\s+|-)"
    r"|(?:around|about|approximately|circa|roughly)\s+)$"
)
_MOD_LOOKBACK = 40  # characters; longer than any modifier ("the very beginning of the ")
_DUR_MOD = rf"(?:(?P<dmod>(?i:{_alt(list(DURATION_MODIFIERS))}))\s+)?"

_FUTURE_RE = re.compile(rf"(?i)(?:(?<![\w'])(?:{_alt(list(FUTURE_CUES))})|'ll)(?!\w)")
# After the expression only a narrow set counts ("Friday will see talks"), since
# "In September, it announced plans to..." is past.
_FUTURE_AFTER_RE = re.compile(
    r"(?i)^[^.!?;]{0,25}?(?:\bwill\b|'ll\b|\b(?:is|are)\s+(?:scheduled|expected|due|set)\s+to\b)"
)
_SENTENCE_END_RE = re.compile(r"[.!?;]\s|\n")
_PAST_RE = re.compile(rf"(?<![\w'])(?:{_alt(list(PAST_CUES))}|[a-z]{{3,}}ed)(?![\w'])")
_SINCE_PAST_RE = re.compile(r"(?i)\bsince\s+$")
_SINCE_RE = re.compile(r"(?i)(?:^|\W)(since|before|prior\s+to|as\s+of|until|till)\s+$")

# Words after a 4-digit number that show it counts things rather than naming a year.
_COUNT_NOUNS = frozenset(
    ["people", "men", "women", "children", "troops", "soldiers", "police", "personnel", "staff", "members", "civilians", "residents", "workers", "refugees", "units", "tanks", "vehicles", "dollars", "euros", "pounds", "rubles", "hryvnias", "barrels", "tons", "tonnes", "km", "miles", "metres", "meters", "feet", "kilometres", "kilometers", "percent", "per", "cent", "points", "shells", "rounds"]
)
_YEAR_AFTER_OK = frozenset(["was", "is", "has", "had", "saw", "and", "or", "to", "when", "as", "the", "in", "through", "with", "after", "before"])
_YEAR_BEFORE_BAD_RE = re.compile(
    r"(?i)(?:\$|£|€|#|\bno\.\s*|\b(?:about|some|nearly|almost|approximately|than|least|over|under|"
    r"around|roughly|of\s+the|total|only|just)\s+)$"
)


# --------------------------------------------------------------------------- #
# Date arithmetic
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class _Hit:
    """One resolved candidate before it becomes a TimeMention."""

    type: str
    value: str
    start: date | None = None
    end: date | None = None
    mod: str | None = None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    year, month = divmod(total, 12)
    year = max(1, min(9999, year))
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week_hit(d: date) -> _Hit:
    iso_year, week, _ = d.isocalendar()
    monday = d - timedelta(days=d.isoweekday() - 1)
    return _Hit("DATE", f"{iso_year}-W{week:02d}", monday, monday + timedelta(days=6))


def _month_hit(year: int, month: int) -> _Hit:
    return _Hit("DATE", f"{year:04d}-{month:02d}", date(year, month, 1), _month_end(year, month))


def _year_hit(year: int) -> _Hit:
    return _Hit("DATE", f"{year:04d}", date(year, 1, 1), date(year, 12, 31))


def _day_hit(d: date, kind: str = "DATE", suffix: str = "") -> _Hit:
    return _Hit(kind, d.isoformat() + suffix, d, d)


def _quarter_hit(year: int, q: int) -> _Hit:
    return _Hit("DATE", f"{year:04d}-Q{q}", date(year, 3 * q - 2, 1), _month_end(year, 3 * q))


_SEASON_ORDER = ("WI", "SP", "SU", "FA")


def _season_hit(year: int, code: str) -> _Hit:
    """Meteorological season; ``year``-WI runs from December of year-1 to February of year."""
    if code == "WI":
        start = date(year - 1, 12, 1) if year > 1 else date(1, 1, 1)
        return _Hit("DATE", f"{year:04d}-WI", start, _month_end(year, 2))
    first = {"SP": 3, "SU": 6, "FA": 9}[code]
    return _Hit("DATE", f"{year:04d}-{code}", date(year, first, 1), _month_end(year, first + 2))


def _season_index(d: date) -> int:
    """Running number of the season containing ``d`` (4 per year, WI first)."""
    if d.month == 12:
        return (d.year + 1) * 4
    return d.year * 4 + (0 if d.month <= 2 else (d.month - 3) // 3 + 1)


def _thirds(n: int) -> tuple[int, int]:
    """Lengths of the first and last thirds of n whole units (the middle gets the rest)."""
    return -(-n // 3), n // 3


def _narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """First, middle or last third of an interval for START/MID/END.

    Whole years split by years ("early 1990s" = 1990-1993, "late" = 1997-1999),
    whole months by months ("late 2022" = September-December), anything else by
    days ("mid-March" = 11-20 March).
    """
    if mod not in ("START", "MID", "END"):
        return start, end
    whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_years and end.year - start.year >= 2:
        years = end.year - start.year + 1
        head, tail = _thirds(years)
        if mod == "START":
            return start, date(start.year + head - 1, 12, 31)
        if mod == "END":
            return date(end.year - tail + 1, 1, 1), end
        return date(start.year + head, 1, 1), date(end.year - tail, 12, 31)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.day == 1 and end == _month_end(end.year, end.month) and months >= 3:
        head, tail = _thirds(months)
        first_tail = _add_months(date(end.year, end.month, 1), 1 - tail)
        if mod == "START":
            last = _add_months(start, head - 1)
            return start, _month_end(last.year, last.month)
        if mod == "END":
            return first_tail, end
        last_mid = _add_months(first_tail, -1)
        return _add_months(start, head), _month_end(last_mid.year, last_mid.month)
    days = (end - start).days + 1
    third = max(1, days // 3)
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "MID":
        return start + timedelta(days=third), start + timedelta(days=min(days, 2 * third) - 1)
    return start + timedelta(days=min(days - 1, 2 * third)), end


def _parse_number(raw: str) -> float | None:
    s = raw.lower().replace(",", "").strip()
    if not s:
        return None
    if s[0].isdigit():
        try:
            return float(s)
        except ValueError:
            return None
    if s in NUMBER_WORDS:
        return float(NUMBER_WORDS[s])
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _unit_key(raw: str) -> str:
    u = raw.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in UNITS else u


def _duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P13M, PT24H, PXD (n None = vague)."""
    letter, is_time = UNITS[unit]
    if n is not None:
        n *= {"fortnight": 2, "decade": 10, "century": 100}.get(unit, 1)
    amount = "X" if n is None else _fmt_num(n)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _shift(d: date, n: float, unit: str) -> date:
    """``d`` moved by n units (negative = back); sub-day units round up to whole days."""
    sign = -1 if n < 0 else 1
    n = abs(n)
    if unit in ("second", "minute", "hour"):
        per_day = {"second": 86400, "minute": 1440, "hour": 24}[unit]
        return d + sign * timedelta(days=math.ceil(n / per_day))
    if unit in ("day", "night"):
        return d + sign * timedelta(days=round(n))
    if unit in ("week", "fortnight"):
        return d + sign * timedelta(days=round(n * (14 if unit == "fortnight" else 7)))
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
    return _add_months(d, sign * round(n * months))


# --------------------------------------------------------------------------- #
# Context helpers
# --------------------------------------------------------------------------- #


class _M:
    """A rule's match, widened by a date modifier found in front of it.

    Groups a pattern lacks read as None; ``renamed`` lets one handler serve two
    alternatives of a pattern; ``["mod"]`` is the modifier text or None.
    """

    __slots__ = ("_m", "_mod", "_renames", "_start")

    def __init__(self, m: _M, start: int, mod: str | None) -> None:
        self._m = m
        self._renames: dict[str, str] = {}
        self._start = start
        self._mod = mod

    def renamed(self, renames: dict[str, str]) -> _M:
        view = _M(self._m, self._start, self._mod)
        view._renames = renames
        return view

    def __getitem__(self, key: str) -> str | None:
        if key == "mod":
            return self._mod
        groups = self._m.re.groupindex
        value = self._m[key] if key in groups else None
        alt = self._renames.get(key)
        if value is None and alt is not None and alt in groups:
            value = self._m[alt]
        return value

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._m.end()


@dataclass(slots=True)
class _Ctx:
    text: str
    pub: date | None
    quarterly: bool = False  # the text speaks of quarters (financial results)


def _sentence_before(ctx: _Ctx, start: int, width: int = 100) -> str:
    left = ctx.text[max(0, start - width) : start]
    ends = list(_SENTENCE_END_RE.finditer(left))
    return left[ends[-1].end() :] if ends else left


def _future(ctx: _Ctx, m: _M) -> bool:
    """Whether the sentence puts the expression in the future ("will meet on Friday")."""
    if _SINCE_PAST_RE.search(ctx.text[max(0, m.start() - 8) : m.start()]):
        return False  # "since March" always looks back
    if _FUTURE_RE.search(_sentence_before(ctx, m.start())):
        return True
    return bool(_FUTURE_AFTER_RE.search(ctx.text[m.end() : m.end() + 60]))


def _past(ctx: _Ctx, m: _M) -> bool:
    """Whether the sentence around the expression is in the past tense ("they left in May")."""
    right = ctx.text[m.end() : m.end() + 60]
    stop = _SENTENCE_END_RE.search(right)
    window = _sentence_before(ctx, m.start()) + " " + (right[: stop.start()] if stop else right)
    return bool(_PAST_RE.search(window))


def _word_before(ctx: _Ctx, start: int) -> str:
    left = ctx.text[max(0, start - 30) : start]
    found = re.search(r"([A-Za-z][\w'-]*)\W*$", left)
    return found.group(1).lower() if found else ""


# --------------------------------------------------------------------------- #
# Rule handlers: each returns a _Hit or None (reject)
# --------------------------------------------------------------------------- #

Handler = Callable[[_M, _Ctx], "_Hit | None"]


def _h_iso(m: _M, ctx: _Ctx) -> _Hit | None:
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _day_hit(d) if d else None


def _h_century(m: _M, ctx: _Ctx) -> _Hit | None:
    """'the 20th century' -> 19 (1900-1999), the TIMEX3 reading of centuries."""
    n = int(m["cn"] or 0)
    if not 1 <= n <= 21:
        return None
    first = (n - 1) * 100
    return _Hit("DATE", f"{n - 1:02d}", date(max(1, first), 1, 1), date(first + 99, 12, 31))


def _h_numeric(m: _M, ctx: _Ctx) -> _Hit | None:
    """Numeric dates: 2015/08/12 (y/m/d), 21/04/2016 (d/m/y when the first part is
    over 12), otherwise 04/21/2016 as month/day/year (US order)."""
    a, b, c = (m["a"] or ""), int(m["b"] or 0), (m["c"] or "")
    if len(a) == 4:
        if len(c) != 2 and len(c) != 1:
            return None
        year, month, day = int(a), b, int(c)
    elif int(a) > 12:
        year, month, day = int(c), b, int(a)
    else:
        year, month, day = int(c), int(a), b
    if m["sep"] == "-" and len(a) != 4 and len(str(c)) != 4:
        return None  # "12-04-16" is more often a score or a code than a date
    if year < 100:
        year += 2000 if year < 50 else 1900
    d = _safe_date(year, month, day)
    return _day_hit(d) if d else None


# A month or month-day without a year may lie in the near future without a
# future cue ("Dec. 15" in a November article) when the sentence is not in the
# past tense: up to two months ahead. Chosen on
# TempEval-3 training data (gold values of unanchored months and dates); longer
# horizons turned past events into future ones.
_FUTURE_HORIZON_DAYS = 62
_FUTURE_HORIZON_MONTHS = 2


# A date at most two weeks after publication is taken as is even in a past-tense
# sentence ("set a Jan. 14 deadline"; wire copy dates also lag the story). Raised
# from 7 on TempEval-3 training data (value F1 +0.1, no case lost).
_GRACE_DAYS = 14
_DEADLINE_RE = re.compile(r"(?i)\b(?:by|until|till|before|from|starting|effective|expires?|due|on)\s+$")
# Words that put a date ahead even in a past-tense sentence ("declared a dividend
# payable Dec. 15 to holders of record Nov. 17", "extended the offer to Nov. 20");
# such dates may lie up to half a year ahead. Chosen on TempEval-3 training data
# (financial news, where these dates were the largest class of year errors).
_SCHEDULE_RE = re.compile(
    r"(?i)\b(?:payable|record|effective|through|extended\s+to|expire[sd]?(?:\s+on)?|due|starting|beginning)\s+$"
)
_SCHEDULE_HORIZON_DAYS = 183


def _pick(options: list[int], here: int, ctx: _Ctx, m: _M, *, horizon: int, grace: int) -> int:
    """Choose among candidate occurrences (as ordinals) of an expression without a year.

    With a future cue the first occurrence on or after publication wins.
    Otherwise the nearest one wins (the past one on ties), where occurrences
    more than ``grace`` units ahead are allowed only up to ``horizon`` units and
    only when the sentence is not in the past tense or a deadline word
    ("by", "until") stands right before the expression.
    """
    if _future(ctx, m):
        ahead = [k for k in options if k >= here]
        if ahead:
            return min(ahead)
    left = ctx.text[max(0, m.start() - 14) : m.start()]
    if horizon == _FUTURE_HORIZON_DAYS and _SCHEDULE_RE.search(left):
        horizon = _SCHEDULE_HORIZON_DAYS
        grace = horizon
    near_ok = bool(_DEADLINE_RE.search(left)) or not _past(ctx, m)
    allowed = [k for k in options if k <= here + grace or (near_ok and k - here <= horizon)]
    return min(allowed or options, key=lambda k: (abs(k - here), k > here))


def _resolve_month_day(month: int, day: int, ctx: _Ctx, m: _M) -> tuple[int | None, date | None]:
    """Year for a month-day without one: most recent on/before publication, or next if future."""
    pub = ctx.pub
    if pub is None:
        return None, None
    d = _safe_date(pub.year, month, day)
    if d is None:
        return pub.year, None
    dates = (_safe_date(y, month, day) for y in (pub.year - 1, pub.year, pub.year + 1))
    options = {x.toordinal(): x for x in dates if x}
    k = _pick(list(options), pub.toordinal(), ctx, m, horizon=_FUTURE_HORIZON_DAYS, grace=_GRACE_DAYS)
    return options[k].year, options[k]


_UNITS_OF_DAY = {w: i + 1 for i, w in enumerate(_UNIT_DAYS)}


def _day_number(raw: str) -> int | None:
    """Day of month from "12", "12th", "second", "twenty-first" or "twenty one"."""
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group())
    words = re.split(r"[- ]+", raw.lower())
    if len(words) == 1:
        return DAY_ORDINALS.get(words[0])
    tens = {"twenty": 20, "thirty": 30}.get(words[0])
    unit = DAY_ORDINALS.get(words[-1]) or _UNITS_OF_DAY.get(words[-1])
    if tens is None or unit is None or unit >= 10:
        return None
    return tens + unit


def _h_day_month(m: _M, ctx: _Ctx) -> _Hit | None:
    month = _MONTH_LOOKUP.get(m["mon"].rstrip("."))
    if month is None:
        return None
    day = _day_number(m["d"] or "")
    day2 = _day_number(m["d2"]) if m["d2"] else None
    if day is None:
        return None
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day)
        if d is None:
            return None
    else:
        if _safe_date(2000, month, day) is None:
            return None
        _, d = _resolve_month_day(month, day, ctx, m)
        if d is None:
            return _Hit("DATE", f"XXXX-{month:02d}-{day:02d}")
    hit = _day_hit(d)
    if day2 is not None and day2 > day:
        end = _safe_date(d.year, month, day2)
        if end is not None:
            return _Hit("DATE", hit.value, d, end)
    return hit


def _h_month_year(m: _M, ctx: _Ctx) -> _Hit | None:
    month = _MONTH_LOOKUP.get(m["mon"].rstrip("."))
    return _month_hit(int(m["y"]), month) if month else None


def _resolve_month(month: int, ctx: _Ctx, m: _M, rel: str | None) -> _Hit:
    pub = ctx.pub
    if pub is None:
        return _Hit("DATE", f"XXXX-{month:02d}")
    # "last February" said in March means a year ago: the month just ended is
    # "in February" or "last month"; likewise "next April" said in March.
    if rel in ("last", "past", "previous"):
        year = pub.year if month < pub.month - 1 else pub.year - 1
    elif rel in ("next", "coming"):
        year = pub.year if month > pub.month + 1 else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        here = pub.year * 12 + pub.month - 1
        options = [y * 12 + month - 1 for y in (pub.year - 1, pub.year, pub.year + 1)]
        year = _pick(options, here, ctx, m, horizon=_FUTURE_HORIZON_MONTHS, grace=0) // 12
    return _month_hit(year, month)


_MONTH_CONTEXT_WORDS = frozenset(
    ["in", "since", "until", "till", "by", "from", "through", "of", "during", "before", "after", "between", "and", "to", "last", "this", "next", "early", "late", "mid", "end", "beginning", "start", "middle", "or", "around", "since", "late-"]
)


def _h_month(m: _M, ctx: _Ctx) -> _Hit | None:
    name = m["mon"]
    month = _MONTH_LOOKUP.get(name.rstrip("."))
    if month is None:
        return None
    rel = m["rel"].lower() if m["rel"] else None
    if rel is None and not m["mod"]:
        after = ctx.text[m.end() : m.end() + 20]
        # "March Madness", "August Wilson": a capitalised word after is a name.
        if re.match(r"\s+[A-Z][a-z]", after) and not re.match(r"\s+(?:The|This|Last|In|On)\b", after):
            return None
        if name in ("May", "MAY") and _word_before(ctx, m.start()) not in _MONTH_CONTEXT_WORDS:
            return None
    return _resolve_month(month, ctx, m, rel)


def _h_year(m: _M, ctx: _Ctx) -> _Hit | None:
    year = int(m["y"])
    if not m["fiscal"]:
        if not m["mod"] and _YEAR_BEFORE_BAD_RE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
            return None
        # "about 2000 troops": a counted noun after the number, whatever the modifier
        nxt = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 25])
        if nxt:
            word = nxt.group(1)
            if word in _COUNT_NOUNS or (word.endswith("s") and word not in _YEAR_AFTER_OK and len(word) > 3):
                return None
    return _year_hit(year)


def _h_decade(m: _M, ctx: _Ctx) -> _Hit | None:
    if m["cent"]:
        prefix = m["cent"] + m["dec"]
    else:
        digit = int(m["sdec"])
        prefix = ("19" if digit >= 3 else "20") + m["sdec"]
    first = int(prefix) * 10
    return _Hit("DATE", prefix, date(first, 1, 1), date(first + 9, 12, 31))


def _h_season(m: _M, ctx: _Ctx) -> _Hit | None:
    code = SEASONS[m["season"].lower()]
    rel = m["srel"].lower() if m["srel"] else None
    if m["y"]:
        return _season_hit(int(m["y"]), code)
    if rel is None and not m["the"] and not m["mod"]:
        if _word_before(ctx, m.start()) not in ("in", "during", "through", "since", "until", "by", "over"):
            return None
    followed_by_of = re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 5]) is not None
    if rel is None and followed_by_of and (m["the"] or m["season"].lower() == "fall"):
        return None  # "the fall of Kabul", "the spring of discontent"
    if ctx.pub is None:
        return _Hit("DATE", f"XXXX-{code}")
    now = _season_index(ctx.pub)
    target = _SEASON_ORDER.index(code)
    if rel in ("last", "past", "previous"):
        k = now - 1
        while k % 4 != target:
            k -= 1
    elif rel in ("next", "coming"):
        k = now + 1
        while k % 4 != target:
            k += 1
    else:  # this / bare: nearest instance, the past one on ties or with no future cue
        back = now
        while back % 4 != target:
            back -= 1
        fwd = back + 4 if back != now else now
        k = back if (now - back) <= (fwd - now) or not _future(ctx, m) else fwd
        if rel == "this" and back != now and (fwd - now) < (now - back):
            k = fwd
    return _season_hit(k // 4, _SEASON_ORDER[k % 4])


def _h_quarter(m: _M, ctx: _Ctx) -> _Hit | None:
    half = m["hn"] or m["hn2"]
    if half:
        year = int(m["y3"] or m["y4"] or 0)
        first = 1 if half == "1" else 7
        return _Hit("DATE", f"{year:04d}-H{half}", date(year, first, 1), _month_end(year, first + 5))
    q = ORDINALS.get((m["q"] or "").lower()) or (int(m["qn"]) if m["qn"] else None)
    if q is None:
        return None
    if m["qago"] and ctx.pub is not None:
        return _quarter_hit(ctx.pub.year - 1, q)
    year_raw = m["y"] or m["y2"] or m["yq"]
    if year_raw:
        return _quarter_hit(int(year_raw), q)
    if ctx.pub is None:
        return _Hit("DATE", f"XXXX-Q{q}")
    return _quarter_hit(ctx.pub.year, q)


def _rel_offset(rel: str) -> int:
    if rel in ("last", "past", "previous"):
        return -1
    if rel in ("next", "coming", "upcoming"):
        return 1
    return 0


def _unit_hit(unit: str, offset: int, pub: date | None) -> _Hit | None:
    """The calendar unit containing publication, shifted by ``offset`` units."""
    placeholders = {
        "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
        "quarter": "XXXX-QX", "decade": "XXX", "century": "XX", "day": "XXXX-XX-XX",
    }  # fmt: skip
    if pub is None:
        return _Hit("DATE", placeholders[unit])
    if unit == "day":
        return _day_hit(pub + timedelta(days=offset))
    if unit in ("week", "weekend"):
        hit = _week_hit(pub + timedelta(days=7 * offset))
        if unit == "weekend" and hit.start is not None:
            sat = hit.start + timedelta(days=5)
            return _Hit("DATE", hit.value + "-WE", sat, sat + timedelta(days=1))
        return hit
    if unit == "month":
        d = _add_months(pub.replace(day=1), offset)
        return _month_hit(d.year, d.month)
    if unit == "year":
        return _year_hit(pub.year + offset)
    if unit == "quarter":
        total = pub.year * 4 + (pub.month - 1) // 3 + offset
        return _quarter_hit(total // 4, total % 4 + 1)
    if unit == "decade":
        first = (pub.year // 10 + offset) * 10
        return _Hit("DATE", str(first // 10), date(first, 1, 1), date(first + 9, 12, 31))
    first = (pub.year // 100 + offset) * 100
    return _Hit("DATE", str(first // 100), date(max(1, first), 1, 1), date(first + 99, 12, 31))


def _h_rel_unit(m: _M, ctx: _Ctx) -> _Hit | None:
    rel = m["rel"].lower().split()[-1]
    unit = m["runit"].lower()
    return _unit_hit(unit, _rel_offset(rel), ctx.pub)


def _h_the_unit(m: _M, ctx: _Ctx) -> _Hit | None:
    unit = (m["tunit"] or "").lower()
    if unit == "weekend" and not m["mod"]:
        # "the weekend": the one under way or just past, the coming one after a future cue
        if ctx.pub is None:
            return _Hit("DATE", "XXXX-WXX-WE")
        future = ctx.pub.isoweekday() < 6 and _future(ctx, m)
        return _unit_hit("weekend", 0 if future or ctx.pub.isoweekday() >= 6 else -1, ctx.pub)
    if not m["mod"]:
        return None  # "the year" alone is too vague; "the end of the year" is not
    return _unit_hit(unit, 0, ctx.pub)


def _h_earlier(m: _M, ctx: _Ctx) -> _Hit | None:
    side = m["side"].lower()
    base = _unit_hit(m["eunit"].lower(), _rel_offset(m["erel"].lower()), ctx.pub)
    if base is None:
        return None
    mod = "START" if side == "earlier" else "END"
    if base.start is None or base.end is None or ctx.pub is None:
        return _Hit("DATE", base.value, mod=mod)
    # Within the current unit "earlier" runs up to publication, "later" from it.
    if base.start <= ctx.pub <= base.end:
        start, end = (base.start, ctx.pub) if side == "earlier" else (ctx.pub, base.end)
    else:
        start, end = _narrow(base.start, base.end, mod)
    return _Hit("DATE", base.value, start, end, mod=mod)


def _h_month_rel(m: _M, ctx: _Ctx) -> _Hit | None:
    month = _MONTH_LOOKUP.get(m["mon"].rstrip("."))
    if month is None:
        return None
    return _resolve_month(month, ctx, m, m["rel"].lower())


def _h_weekday(m: _M, ctx: _Ctx) -> _Hit | None:
    wd = _WEEKDAY_LOOKUP[m["wd"]]
    rel = m["wrel"].lower() if m["wrel"] else None
    part = PARTS_OF_DAY.get(m["part"].lower()) if m["part"] else None
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    pub = ctx.pub
    if pub is None:
        return _Hit(kind, f"XXXX-WXX-{wd}{suffix}")
    delta_back = (pub.isoweekday() - wd) % 7
    if rel in ("last", "past", "previous"):
        d = pub - timedelta(days=delta_back or 7)
    elif rel in ("next", "coming", "this"):
        d = pub + timedelta(days=((wd - pub.isoweekday()) % 7) or 7)
        if rel == "this" and wd == pub.isoweekday():
            d = pub
    elif delta_back and _future(ctx, m):
        d = pub + timedelta(days=(wd - pub.isoweekday()) % 7)
    else:
        d = pub - timedelta(days=delta_back)
    return _day_hit(d, kind, suffix)


_DAY_WORDS = {"today": 0, "tonight": 0, "tonite": 0, "yesterday": -1, "tomorrow": 1}


def _h_today(m: _M, ctx: _Ctx) -> _Hit | None:
    word = re.sub(r"\s+", " ", m["dw"].lower())
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    else:
        offset = _DAY_WORDS[word]
    part = PARTS_OF_DAY.get(m["dpart"].lower()) if m["dpart"] else None
    if word in ("tonight", "tonite"):
        part = "NI"
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    if ctx.pub is None:
        return _Hit(kind, f"XXXX-XX-XX{suffix}")
    return _day_hit(ctx.pub + timedelta(days=offset), kind, suffix)


def _h_part_of_day(m: _M, ctx: _Ctx) -> _Hit | None:
    rel = m["prel"].lower()
    part = PARTS_OF_DAY[m["ppart"].lower()]
    offset = -1 if rel == "last" else 0
    if rel == "last" and part != "NI":
        return None  # "last morning" is not an expression
    if ctx.pub is None:
        return _Hit("TIME", f"XXXX-XX-XXT{part}")
    return _day_hit(ctx.pub + timedelta(days=offset), "TIME", f"T{part}")


_REF_VALUES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "right now": "PRESENT_REF",
    "presently": "PRESENT_REF", "these days": "PRESENT_REF", "current": "PRESENT_REF",
    "at this time": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
}  # fmt: skip


def _h_ref(m: _M, ctx: _Ctx) -> _Hit | None:
    word = re.sub(r"\s+", " ", m["ref"].lower())
    value = _REF_VALUES[word]
    if value == "PRESENT_REF" and ctx.pub is not None:
        return _Hit("DATE", value, ctx.pub, ctx.pub)
    return _Hit("DATE", value)


def _h_period_ref(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "the latest quarter", "the year-ago period", "year-earlier" in quarterly results."""
    if not ctx.quarterly or ctx.pub is None:
        if m["yago"] and ctx.pub is not None:
            return _year_hit(ctx.pub.year - 1)
        return None
    if m["yago"]:
        return _Hit("DATE", "XXXX-QX")  # resolved against the last quarter mentioned, in find_times
    return _Hit("DATE", _THIS_QUARTER)


_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_SPELLED_TWO = (
    rf"(?:(?P<stens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<sunit>{_alt(_UNIT_DAYS)}))?"
    rf"|(?P<steen>{_alt(_TEENS)}))"
)


def _h_spelled_year(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "nineteen ninety-six" -> 1996, "the year two thousand" -> 2000."""
    if m["thou"]:
        year = 2000 + (_UNITS_OF_DAY.get((m["tu"] or "").lower(), 0))
    else:
        century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[(m["sc"] or "").lower()]
        if m["steen"]:
            two = 10 + _TEENS.index(m["steen"].lower())
        else:
            tens = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                    "eighty": 80, "ninety": 90}[(m["stens"] or "").lower()]  # fmt: skip
            two = tens + (_UNITS_OF_DAY.get((m["sunit"] or "").lower(), 0))
        year = century + two
    nxt = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 25])
    if nxt and (nxt.group(1) in _COUNT_NOUNS or (nxt.group(1).endswith("s") and nxt.group(1) not in _YEAR_AFTER_OK)):
        return None
    return _year_hit(year)


def _h_ago(m: _M, ctx: _Ctx) -> _Hit | None:
    raw = m["n"]
    n = _parse_number(raw) if raw else None
    unit = _unit_key(m["unit"])
    if unit not in UNITS:
        return None
    mod = "APPROX" if m["dmod"] else None  # "almost four years ago" is a point near that date
    if n is None or ctx.pub is None:
        placeholder = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
        return _Hit("DATE", "PAST_REF" if n is None else placeholder)
    future = (m["dir"] or "ago").lower()[0] in "fh"  # "from now", "hence"
    d = _shift(ctx.pub, n if future else -n, unit)
    if unit in ("second", "minute", "hour", "day", "night"):
        hit = _day_hit(d)
    elif unit in ("week", "fortnight"):
        hit = _week_hit(d)
    elif unit == "month":
        hit = _month_hit(d.year, d.month)
    else:  # years; "a decade ago" is also a year, a decade's value would be too coarse
        hit = _year_hit(d.year)
    return _Hit(hit.type, hit.value, hit.start, hit.end, mod)


def _h_window(m: _M, ctx: _Ctx) -> _Hit | None:
    rel = (m["wrel2"] or m["wrel3"] or "").lower()
    unit = _unit_key(m["unit"])
    if unit not in UNITS:
        return None
    raw = m["n"]
    n: float | None
    if raw is None:
        n = 1.0
    elif raw.lower() in ("few", "several", "couple of"):
        n = None
    else:
        n = _parse_number(raw)
    if rel in ("coming", "next") and n is None:
        return _Hit("DATE", "FUTURE_REF")
    value = _duration_value(n, unit)
    if ctx.pub is None or n is None:
        return _Hit("DURATION", value)
    if rel in ("past", "last", "previous"):
        return _Hit("DURATION", value, _shift(ctx.pub, -n, unit), ctx.pub)
    if rel in ("next", "coming"):
        return _Hit("DURATION", value, ctx.pub, _shift(ctx.pub, n, unit))
    return _Hit("DURATION", value)


def _h_duration(m: _M, ctx: _Ctx) -> _Hit | None:
    if m["dir"]:
        return _h_ago(m, ctx)
    if m["vago"]:
        return None  # "several days" is left to the vague-amount rule
    n = _parse_number(m["n"] or "")
    unit = _unit_key(m["unit"] or "")
    if n is None or unit not in UNITS:
        return None
    if m["half"] or m["half2"]:
        n += 0.5
    after = ctx.text[m.end() : m.end() + 8]
    if re.match(r"-(?:ago|earlier)\b", after):
        return None  # "a year-earlier loss" is the year-ago period, tagged by its own rule
    if re.match(r"(?:-|\s+)old\b", after):
        return None  # ages ("a five-year-old boy") are not durations of events
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if (m["n"] or "").lower() in ("a", "an") and re.search(r"(?:\d|\btimes)\s*$", before):
        return None  # "100 attacks a day" is a rate, tagged by the SET rule when it can be
    mod = DURATION_MODIFIERS.get(re.sub(r"\s+", " ", m["dmod"].lower())) if m["dmod"] else None
    return _Hit("DURATION", _duration_value(n, unit), mod=mod)


def _h_vague(m: _M, ctx: _Ctx) -> _Hit | None:
    unit = _unit_key(m["unit"])
    if unit not in UNITS:
        return None
    q = re.sub(r"\s+", " ", (m["vq"] or "").lower())
    if q in ("coming", "the coming", "the next few"):
        return _Hit("DATE", "FUTURE_REF")
    return _Hit("DURATION", _duration_value(None, unit))


_SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
}  # fmt: skip


def _h_set(m: _M, ctx: _Ctx) -> _Hit | None:
    if m["setword"]:
        return _Hit("SET", _SET_WORDS[m["setword"].lower()])
    if m["swd"]:
        return _Hit("SET", f"XXXX-WXX-{_WEEKDAY_LOOKUP[m['swd']]}")
    raw_unit = m["sunit"].lower()
    if raw_unit in PARTS_OF_DAY:
        return _Hit("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[raw_unit]}")
    if raw_unit == "weekend":
        return _Hit("SET", "XXXX-WXX-WE")
    if raw_unit in SEASONS:
        return _Hit("SET", f"XXXX-{SEASONS[raw_unit]}")
    n = _parse_number(m["sn"]) if m["sn"] else 1.0
    unit = _unit_key(raw_unit)
    if unit not in UNITS:
        return None
    return _Hit("SET", _duration_value(n or 1.0, unit))


def _h_time(m: _M, ctx: _Ctx) -> _Hit | None:
    if m["named"]:
        hh, mm = (12, 0) if m["named"].lower() == "noon" else (24, 0)
    else:
        hh = int(m["hh"])
        mm = int(m["mm"]) if m["mm"] else 0
        ampm = (m["ampm"] or "").lower().replace(".", "")
        if ampm:
            if not 1 <= hh <= 12:
                return None
            if ampm == "pm" and hh != 12:
                hh += 12
            elif ampm == "am" and hh == 12:
                hh = 0
        elif not m["tz"] and not _TIME_SIGNAL_RE.search(ctx.text[max(0, m.start() - 8) : m.start()]):
            return None  # a bare "3:15" could be a score or a ratio
        if hh > 24 or mm > 59:
            return None
    day = ctx.pub
    if m["tday"]:
        sub = _h_today_word(m["tday"], ctx)
        day = sub
    suffix = f"T{hh:02d}:{mm:02d}"
    if day is None:
        return _Hit("TIME", f"XXXX-XX-XX{suffix}")
    return _Hit("TIME", day.isoformat() + suffix, day, day)


_TIME_SIGNAL_RE = re.compile(r"(?i)\b(?:at|by|until|from|before|after)\s+$")


def _h_today_word(word: str, ctx: _Ctx) -> date | None:
    if ctx.pub is None:
        return None
    w = word.lower()
    if w in _DAY_WORDS:
        return ctx.pub + timedelta(days=_DAY_WORDS[w])
    wd = _WEEKDAY_LOOKUP.get(word)
    if wd is None:
        return ctx.pub
    return ctx.pub - timedelta(days=(ctx.pub.isoweekday() - wd) % 7)


# --------------------------------------------------------------------------- #
# The rules, in priority order (earlier wins ties of equal span)
# --------------------------------------------------------------------------- #

_SET_UNITS = "day|week|month|year|hour|minute|morning|afternoon|evening|night|weekend|summer|winter|spring|autumn"

_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\w-])"), _h_iso),
    (
        re.compile(r"(?<![\w-])(?:(?i:the)\s+)?(?P<cn>[12]?\d)(?:st|nd|rd|th)[\s-]+(?i:century)(?![\w])"),
        _h_century,
    ),
    (
        re.compile(
            r"(?<![\w/.-])(?P<a>\d{4}|\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})"
            r"(?![\w/]|[.-]\d)"
        ),
        _h_numeric,
    ),
    (
        re.compile(
            rf"(?<!\d[.,])(?:{_WEEKDAY_PREFIX})?(?P<d>{_DAY}|{_DAY_WORD}(?=\s+of\s))(?:\s*(?:-|–|to|and)\s*(?P<d2>{_DAY}))?"
            rf"\.?\s+(?:of\s+)?(?P<mon>{_MONTH_D})(?![\w])(?:,?\s+(?P<y>{_YEAR_D})(?!\d))?"
        ),
        _h_day_month,
    ),
    (
        re.compile(
            rf"(?:{_WEEKDAY_PREFIX})?(?P<mon>{_MONTH_D})(?:\s+|[-/](?=\d)|(?<=\.)(?=\d)|\.(?=\d{{1,2}}(?:st|nd|rd|th)\b))"
            rf"(?P<d>{_DAY}|{_DAY_WORD})"
            rf"(?:\s*(?:-|–|to|through|and)\s*(?P<d2>{_DAY}))?(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
        ),
        _h_day_month,
    ),
    (re.compile(rf"(?P<mon>{_MONTH_D})(?:\s+of)?,?\s+(?P<y>{_YEAR})(?![\w])"), _h_month_year),
    (re.compile(rf"(?P<rel>(?i:last|this|next|coming|past|previous))\s+(?P<mon>{_MONTH_R})"), _h_month_rel),
    (re.compile(rf"(?P<mon>{_MONTH})"), _h_month),
    (
        re.compile(
            rf"(?P<fiscal>(?i:fiscal|the\s+year)\s+)?(?<![\w$#£€.,/])(?<!\d-)(?P<y>{_YEAR})"
            r"(?![\w%]|[.,]\d|-\d|\s*(?:%|per\s*cent|percent))"
        ),
        _h_year,
    ),
    (
        re.compile(
            r"(?i:the\s+)?(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0|['’](?P<sdec>\d)0)['’]?s(?![\w])"
        ),
        _h_decade,
    ),
    (
        re.compile(
            r"(?<![\w-])(?:(?i:the)\s+(?:(?i:latest|most\s+recent|current|same)\s+(?:(?i:fiscal)\s+)?(?i:quarter|period)|(?i:quarter)"
            r"|(?P<yago>(?i:year-ago|year-earlier|prior-year|year-before))\s+(?i:quarter|period))"
            r"|(?P<yago2>(?i:year-ago|year-earlier)))(?![\w-])"
        ),
        lambda m, ctx: _h_period_ref(m.renamed({"yago": "yago2"}), ctx),
    ),
    (
        re.compile(
            rf"(?<![\w-])(?:(?P<sc>(?i:eighteen|nineteen|twenty))\s+(?:(?i:hundred)\s+(?:(?i:and)\s+)?)?(?i:{_SPELLED_TWO})"
            rf"|(?i:the\s+year\s+)(?P<thou>(?i:two\s+thousand))(?:\s+(?i:and\s+)?(?P<tu>(?i:{_alt(_UNIT_DAYS)})))?)(?![\w-])"
        ),
        _h_spelled_year,
    ),
    (
        re.compile(
            rf"(?P<the>(?i:the)\s+)?(?:(?P<srel>(?i:this|last|next|coming|past|previous))\s+)?"
            rf"(?P<season>(?i:winter|spring|summer|autumn|fall))(?![\w-])(?:\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d))?"
        ),
        _h_season,
    ),
    (
        re.compile(
            rf"(?i:(?:the\s+)?(?:(?P<yq>{_YEAR})\s+|(?P<qago>(?:comparable\s+)?(?:year-ago|year-earlier|prior-year))\s+)?"
            rf"(?:fiscal\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
            rf"[- ](?:fiscal[- ])?quarter)(?:\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d))?"
            rf"|\bQ(?P<qn>[1-4])(?:\s+|-)?(?P<y2>{_YEAR})?(?!\w)"
            rf"|\bH(?P<hn>[12])\s*(?P<y3>{_YEAR})(?!\w)|(?<![\w-])(?P<y4>{_YEAR})\s*H(?P<hn2>[12])(?!\w)"
        ),
        _h_quarter,
    ),
    (
        re.compile(
            r"(?P<side>(?i:earlier|later))\s+(?i:in\s+)?(?P<erel>(?i:this|last|next|the))\s+"
            r"(?P<eunit>(?i:week|month|year|decade))(?![\w])"
        ),
        _h_earlier,
    ),
    (
        re.compile(
            r"(?P<rel>(?i:(?:this\s+)?(?:last|past)|this|next|coming|upcoming|previous|current))\s+"
            r"(?P<runit>(?i:weekend|week|month|year|quarter|decade|century))(?![\w])"
        ),
        _h_rel_unit,
    ),
    (re.compile(r"(?i:the)\s+(?P<tunit>(?i:weekend|week|month|year|decade|century))(?![\w])"), _h_the_unit),
    (
        re.compile(
            rf"(?:(?P<wrel>(?i:last|this|next|coming|past|previous))\s+)?(?P<wd>{_WEEKDAY})"
            r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"
        ),
        _h_weekday,
    ),
    (
        re.compile(
            r"(?<![\w])(?P<dw>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|tonite"
            r"|yesterday|tomorrow))(?:\s+(?P<dpart>(?i:morning|afternoon|evening|night)))?(?![\w])"
        ),
        _h_today,
    ),
    (
        re.compile(r"(?<![\w-])(?P<prel>(?i:this|last))\s+(?P<ppart>(?i:morning|afternoon|evening|night))(?![\w])"),
        _h_part_of_day,
    ),
    (
        re.compile(
            r"(?<![\w-])(?P<ref>(?i:right\s+now|now|currently|nowadays|at\s+present|at\s+the\s+moment|presently|these\s+days"
            r"|recently|lately|the\s+past|the\s+near\s+future|the\s+future|the\s+near\s+term|the\s+long\s+term"
            r"|the\s+present|current))(?![\w-])"
        ),
        _h_ref,
    ),
    (
        re.compile(
            rf"(?<![\w-])(?:(?i:the)\s+(?P<wrel2>(?i:past|last|next|coming|previous|following|first|final))"
            rf"|(?P<wrel3>(?i:past|last|next|coming|previous)))\s+"
            rf"(?:(?P<n>{_NUM}|(?i:few|several|couple\s+of))\s+)?{_UNIT}(?![\w])"
        ),
        _h_window,
    ),
    (
        re.compile(
            r"(?<![\w-])(?:(?P<setword>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly)"
            rf"|(?i:every|each)\s+(?:(?i:other|single)\s+)?(?:(?P<swd>{_WEEKDAY})|(?:(?P<sn>{_NUM})\s+)?(?P<sunit>(?i:{_SET_UNITS}))s?)"
            rf"|(?i:once|twice|thrice|(?P<sn2>{_NUM})\s+times)\s+(?i:a|an|per|each|every)\s+(?P<sunit2>(?i:{_SET_UNITS})))(?![\w])"
        ),
        lambda m, ctx: _h_set_any(m, ctx),
    ),
    (
        re.compile(
            rf"(?<![\w-])(?:(?i:the)\s+)?{_DUR_MOD}(?:(?P<n>{_NUM})|(?P<vago>(?i:a\s+few|several|many)))"
            r"(?P<half2>\s+(?i:and\s+a\s+half))?[\s-]+"
            rf"(?:(?i:more|additional|extra|straight|consecutive)\s+)?{_UNIT}"
            r"(?P<half>\s+(?i:and\s+(?:a\s+)?half))?(?:\s+(?P<dir>(?i:ago|earlier|from\s+now|hence)))?(?![\w])"
        ),
        _h_duration,
    ),
    (
        re.compile(
            rf"(?<![\w-])(?P<vq>(?i:a\s+few|few|several|many|a\s+matter\s+of|a\s+number\s+of|numerous|recent"
            rf"|the\s+coming|coming|the\s+next\s+few|the\s+past\s+few|the\s+last\s+few))\s+{_UNIT_PLURAL}(?![\w])"
        ),
        _h_vague,
    ),
    (
        re.compile(
            r"(?:(?<=\b[Ff]or\s)|(?<=\b[Ww]ithin\s)|(?<=\bafter\s)|(?<=\b[Ff]or\s\s))"
            rf"{_UNIT_PLURAL}(?![\w])"
        ),
        _h_vague,
    ),
    (
        re.compile(
            r"(?<![\w:.])(?:(?P<hh>2[0-4]|1\d|0?\d)(?:[:.](?P<mm>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm))(?![\w])"
            r"|(?P<hh2>2[0-4]|[01]?\d):(?P<mm2>[0-5]\d)(?:\s*(?P<tz>GMT|UTC|EST|EDT|CET|CEST|BST|MSK|EET|EEST|hrs|(?i:local\s+time)))?(?![\w:])"
            r"|(?P<named>(?i:noon|midnight)))"
            rf"(?:\s+(?P<tzz>GMT|UTC|EST|EDT|CET|CEST|BST|MSK|EET|EEST|(?i:local\s+time)))?"
            rf"(?:\s+(?:(?i:on)\s+)?(?P<tday>{_WEEKDAY}|(?i:today|yesterday|tomorrow)))?"
        ),
        lambda m, ctx: _h_time_any(m, ctx),
    ),
]


# The characters each rule's match can start with, in _RULES order. A leading
# lookahead on a character class lets the regex engine skip to candidate
# positions in C instead of trying every rule at every character (x5-20 faster
# on news text; measured with TempEval-3 documents). A rule that gains a new
# first word must have its letters added here (the tests check the examples).
_GATES: tuple[str, ...] = (
    r"\d", r"tT\d", r"\d", r"\dMTWFSfsteEN", r"ADFJMNOSTWadfjnos", r"ADFJMNOSadfjnos", r"lLtTnNcCpP", r"ADFJMNOS", r"fFtT12",
    r"tT12'’", r"tTyY", r"eEnNtT", r"tTlLnNcCpPwWsSaAfF", r"tTfFsSQ1234yYcCpPH", r"eElL", r"tTlLpPnNcCuU", r"tT", r"lLtTnNcCpPMWFS",
    r"tTyY", r"tTlL", r"rRnNcCaApPtTlL", r"tTpPlLnNcC",
    r"dDwWmMaAyYhHnNqQbBeEoOtT\dfFsS", r"\daAoOtTfFsSeEnNhHdDcCmMlLuUrRwW", r"aAfFsSmMnNrRcCtT",
    r"sSmMhHdDnNwWfFyYcC", r"\dnNmM",
)  # fmt: skip
def _gated(pattern: re.Pattern[str], gate: str) -> re.Pattern[str]:
    """The rule's pattern behind a first-character gate, tried only at the start of a word."""
    return re.compile(rf"(?=[{gate}])(?<!\w)(?:{pattern.pattern})")


_RULES = [
    (_gated(pattern, gate), handler)
    for (pattern, handler), gate in zip(_RULES, _GATES, strict=True)
]


# --------------------------------------------------------------------------- #
# Calendar phrasings common in requests and schedules
# --------------------------------------------------------------------------- #

_WEEKDAY_ANY = rf"(?i:{_alt([w.lower() for w in WEEKDAYS])})(?![\w-])"
_DAY_SUFFIXED = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\w])"
_ORDINAL_DAY_WORD = rf"(?i:(?:twenty|thirty)[- ](?:{_alt([w for w, v in DAY_ORDINALS.items() if v < 10])})|{_alt(list(DAY_ORDINALS))})(?![\w-])"
_NUM_MONTH = r"(?:1[0-2]|0?[1-9])"
_SIGNAL_BEFORE_RE = re.compile(r"(?i)\b(?:on|from|to|until|till|by|since|before|after|through|between|and|for)\s+$")
_FRACTION_AFTER_RE = re.compile(r"(?i)^\s*(?:of|inch|inches|mile|miles|cups?|ths?)\b")


def _h_rest(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "the rest of the week/month/year": publication to the end of that unit."""
    base = _unit_hit((m["rest"] or "").lower(), 0, ctx.pub)
    if base is None or ctx.pub is None or base.end is None:
        return base
    return _Hit("DATE", base.value, ctx.pub, base.end)


def _h_weekday_of_week(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "Friday next week", "next week on Friday", "Sunday of last week"."""
    wd = _WEEKDAY_LOOKUP[m["wd"] or ""]
    base = _unit_hit("week", _rel_offset((m["wkrel"] or "").lower()), ctx.pub)
    if base is None or base.start is None:
        return _Hit("DATE", f"XXXX-WXX-{wd}")
    return _day_hit(base.start + timedelta(days=wd - 1))


def _h_month_year_numeric(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "2016/11", "2016-11", "11/2016": a month. "2010-11" is a span of years, not November."""
    year = int(m["ny"] or m["ny2"] or 0)
    month = int(m["nm"] or m["nm2"] or 0)
    if m["ny"] and m["nsep"] == "-" and len(m["nm"] or "") == 2 and month == (year + 1) % 100:
        return None
    if not 1 <= month <= 12:
        return None
    return _month_hit(year, month)


def _h_month_day_numeric(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "4/22", "22/04" without a year; both parts 12 or under only after a signal word ("from 10/1")."""
    a, b = int(m["da"] or 0), int(m["db"] or 0)
    if a > 12:
        month, day = b, a
    elif b > 12 or _SIGNAL_BEFORE_RE.search(ctx.text[max(0, m.start() - 10) : m.start()]):
        month, day = a, b
    else:
        return None  # "1/2", "3/4" are fractions
    if re.search(r"\d\s+$", ctx.text[max(0, m.start() - 3) : m.start()]) or _FRACTION_AFTER_RE.match(ctx.text[m.end() : m.end() + 8]):
        return None  # "2 1/2", "3/4 of", "1/16th"
    if not 1 <= month <= 12 or _safe_date(2000, month, day) is None:
        return None
    _, d = _resolve_month_day(month, day, ctx, m)
    if d is None:
        return _Hit("DATE", f"XXXX-{month:02d}-{day:02d}")
    return _day_hit(d)


def _nth_weekday(year: int, month: int, wd: int, n: int) -> date | None:
    if n == -1:
        last = _month_end(year, month)
        return last - timedelta(days=(last.isoweekday() - wd) % 7)
    first = date(year, month, 1)
    d = first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    return d if d.month == month else None


def _h_nth_weekday(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "the first Friday of July", "the second Monday of next month"."""
    n = WEEK_ORDINALS[(m["nth"] or "").lower()]
    wd = _WEEKDAY_LOOKUP[(m["nwd"] or "").capitalize()]
    month_hit: _Hit | None
    if m["nmon"]:
        month_hit = _resolve_month(_MONTH_LOOKUP[m["nmon"].rstrip(".")], ctx, m, None)
    else:
        month_hit = _unit_hit("month", _rel_offset(re.split(r"\s+", (m["nrel"] or "this").lower())[-1]), ctx.pub)
    if month_hit is None or month_hit.start is None:
        return _Hit("DATE", f"{(month_hit.value if month_hit else 'XXXX-XX')}-WXX-{wd}-#{n}")
    d = _nth_weekday(month_hit.start.year, month_hit.start.month, wd, n)
    if d is None:
        return None  # "the fifth Sunday" of a month with four
    return _day_hit(d)


def _h_bare_day(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "the 27th", "Friday the 15th": a day of a month near publication (the weekday picks the month)."""
    day = _day_number(m["bd"] or m["bd2"] or "")
    if day is None or not 1 <= day <= 31:
        return None
    pub = ctx.pub
    if pub is None:
        return _Hit("DATE", f"XXXX-XX-{day:02d}")
    months = [_add_months(pub.replace(day=1), k) for k in range(-3, 4)]
    options = [d for mo in months if (d := _safe_date(mo.year, mo.month, day)) is not None]
    if m["bwd"]:
        wd = _WEEKDAY_LOOKUP[m["bwd"]]
        matching = [d for d in options if d.isoweekday() == wd]
        if not matching:
            return None
        return _day_hit(min(matching, key=lambda d: (abs((d - pub).days), d > pub)))
    near = {d.toordinal(): d for d in options if abs((d - pub).days) <= 40}
    if not near:
        return None
    k = _pick(list(near), pub.toordinal(), ctx, m, horizon=_FUTURE_HORIZON_DAYS, grace=_GRACE_DAYS)
    return _day_hit(near[k])


def _h_day_range(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "4 to 22 this month", "3 until 12 of Sept": the first day as value, the interval over the range."""
    d1, d2 = _day_number(m["rd1"] or ""), _day_number(m["rd2"] or "")
    if d1 is None or d2 is None or d2 <= d1:
        return None
    if m["rmon"]:
        month = _MONTH_LOOKUP.get(m["rmon"].rstrip("."))
        if month is None:
            return None
        _, start = _resolve_month_day(month, d1, ctx, m)
        if start is None:
            return _Hit("DATE", f"XXXX-{month:02d}-{d1:02d}")
    else:
        base = _unit_hit("month", _rel_offset(re.split(r"\s+", (m["rrel"] or "this").lower())[-1]), ctx.pub)
        if base is None or base.start is None:
            return _Hit("DATE", f"XXXX-XX-{d1:02d}")
        start = _safe_date(base.start.year, base.start.month, d1)
        if start is None:
            return None
    end = _safe_date(start.year, start.month, d2)
    if end is None:
        return None
    return _Hit("DATE", start.isoformat(), start, end)


_NEW_RULES: list[tuple[re.Pattern[str], Handler, str]] = [
    (
        re.compile(
            r"(?<![\w-])(?i:(?:the\s+)?rest\s+(?:of\s+)?(?:the\s+|this\s+|my\s+|current\s+)?)"
            r"(?P<rest>(?i:week|month|year))(?![\w-])"
        ),
        _h_rest, "tTrR",
    ),
    (
        re.compile(
            rf"(?P<wd>{_WEEKDAY})\s+(?:(?i:of|on)\s+)?(?P<wkrel>(?i:next|last|this|previous|coming))\s+(?i:week)(?![\w-])"
            rf"|(?P<wkrel2>(?i:next|last|this|previous|coming))\s+(?i:week)\s+(?:(?i:on)\s+)?(?P<wd2>{_WEEKDAY})"
        ),
        lambda m, ctx: _h_weekday_of_week(m.renamed({"wd": "wd2", "wkrel": "wkrel2"}), ctx),
        "MTWFSnNlLtTpPcC",
    ),
    (
        re.compile(
            rf"(?<![\w/.,-])(?:(?P<ny>{_YEAR})(?P<nsep>[-/])(?P<nm>\d{{1,2}})|(?P<nm2>{_NUM_MONTH})[-/](?P<ny2>{_YEAR}))"
            r"(?![\w/]|[.,-]\d)"
        ),
        _h_month_year_numeric, r"\d",
    ),
    (
        re.compile(r"(?<![\w/.,$£€-])(?P<da>\d{1,2})/(?P<db>\d{1,2})(?![\w/]|[.,]\d)"),
        _h_month_day_numeric, r"\d",
    ),
    (
        re.compile(
            rf"(?P<y>{_YEAR})(?P<s>[-/])(?P<mon>(?i:{_alt([m.lower() for m in MONTH_ABBREVIATIONS] + ['may', 'mar'])}))"
            r"(?P=s)(?P<d>\d{1,2})(?![\w/])"
        ),
        _h_day_month, r"12",
    ),
    (
        re.compile(
            rf"(?i:(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last)\s+)(?P<nwd>{_WEEKDAY_ANY})\s+(?i:of|in)\s+"
            rf"(?:(?P<nrel>(?i:this|next|last|previous|the\s+coming))\s+(?i:month)|(?P<nmon>{_MONTH_R}))"
        ),
        _h_nth_weekday, "tTfFsSlL",
    ),
    (
        re.compile(
            rf"(?:(?P<bwd>{_WEEKDAY}),?\s+)?(?i:the)\s+(?P<bd>{_DAY_SUFFIXED})(?=\s*(?:[.!?,;)]|$))"
            rf"|(?P<bwd2>{_WEEKDAY})\s+(?i:the)\s+(?P<bd2>{_DAY_SUFFIXED}|(?:[12]\d|3[01]|0?[1-9])(?![\w])|{_ORDINAL_DAY_WORD})"
            r"(?=\s*(?:[.!?,;)]|$|(?i:and|until|till|to|through)\b))"
        ),
        lambda m, ctx: _h_bare_day(m.renamed({"bwd": "bwd2"}), ctx),
        "tTMTWFS",
    ),
    (
        re.compile(
            rf"(?<![\w/.-])(?P<rd1>{_DAY})\s*(?:-|–|to|till|until|through|and)\s*(?P<rd2>{_DAY})\s+(?:(?i:of|in)\s+)?"
            rf"(?:(?P<rrel>(?i:this|next|last|the\s+coming))\s+(?i:month)(?![\w-])|(?P<rmon>{_MONTH_D})(?![\w]))"
        ),
        _h_day_range, r"\d",
    ),
]
_RULES += [(_gated(pattern, gate), handler) for pattern, handler, gate in _NEW_RULES]


def _h_day_of_rel_month(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "the 20th of next month"."""
    day = _day_number(m["omd"] or "")
    base = _unit_hit("month", _rel_offset((m["omrel"] or "this").lower()), ctx.pub)
    if day is None or base is None or base.start is None:
        return None if day is None else _Hit("DATE", f"XXXX-XX-{day:02d}")
    d = _safe_date(base.start.year, base.start.month, day)
    return _day_hit(d) if d else None


def _h_month_rel_year(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "June last year", "January this year", "june next year"."""
    month = _MONTH_LOOKUP.get((m["mry"] or "").rstrip("."))
    if month is None:
        return None
    if ctx.pub is None:
        return _Hit("DATE", f"XXXX-{month:02d}")
    return _month_hit(ctx.pub.year + _rel_offset((m["yrel"] or "this").lower()), month)


def _h_nth_week(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "the first week of October": the week from the month's first (second...) Monday."""
    n = WEEK_ORDINALS[(m["wn"] or "").lower()]
    month_hit: _Hit | None
    if m["wmon"]:
        month_hit = _resolve_month(_MONTH_LOOKUP[m["wmon"].rstrip(".")], ctx, m, None)
    else:
        month_hit = _unit_hit("month", _rel_offset((m["wrel"] or "this").lower()), ctx.pub)
    if month_hit is None or month_hit.start is None:
        return _Hit("DATE", f"{month_hit.value if month_hit else 'XXXX-XX'}-W{max(n, 0):02d}")
    monday = _nth_weekday(month_hit.start.year, month_hit.start.month, 1, n)
    return _week_hit(monday) if monday else None


_NEW_RULES += [
    (
        re.compile(
            rf"(?<![\w/.-])(?:(?i:the)\s+)?(?P<omd>{_DAY}|{_ORDINAL_DAY_WORD})\s+(?i:of)\s+"
            r"(?P<omrel>(?i:this|next|last|previous))\s+(?i:month)(?![\w-])"
        ),
        _h_day_of_rel_month, r"\dtTfFsSeEnN",
    ),
    (
        re.compile(rf"(?P<mry>{_MONTH_R})\s+(?P<yrel>(?i:this|next|last))\s+(?i:year)(?![\w-])"),
        _h_month_rel_year, "ADFJMNOSadfjnos",
    ),
    (
        re.compile(
            rf"(?i:(?:the\s+)?(?P<wn>first|second|third|fourth|last)\s+week\s+(?:of|in)\s+)"
            rf"(?:(?P<wrel>(?i:this|next|last|previous))\s+(?i:month)|(?P<wmon>{_MONTH_D})(?![\w-]))"
        ),
        _h_nth_week, "tTfFsSlL",
    ),
    (
        re.compile(r"(?:(?<=\b[Ff]or\s)|(?<=\b[Oo]n\s)|(?<=\bby\s)|(?<=\buntil\s))(?i:the)\s+(?P<bd>[12]\d|3[01]|0?[1-9])(?=\s*(?:[.!?]|$))"),
        _h_bare_day, "tT",
    ),
]
_RULES += [(_gated(pattern, gate), handler) for pattern, handler, gate in _NEW_RULES[-4:]]


_UNIT_ABBREVIATIONS = {
    "h": "hour", "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second",
    "secs": "second", "yr": "year", "yrs": "year",
}  # fmt: skip


def _h_short_duration(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "3h", "3 hrs", "20 min", "3day", "3.5years": abbreviated or glued units."""
    raw = (m["gu"] or "").lower()
    unit = _UNIT_ABBREVIATIONS.get(raw) or _unit_key(raw)
    n = _parse_number(m["gn"] or "")
    if unit not in UNITS or n is None:
        return None
    return _Hit("DURATION", _duration_value(n, unit))


def _h_whole_unit(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "all day", "a full year": one unit; "the full year" is the year under way (a date)."""
    unit = (m["wu"] or "").lower()
    if m["wthe"]:
        return _unit_hit(unit, 0, ctx.pub)
    return _Hit("DURATION", _duration_value(1.0, unit))


_NEW_RULES += [
    (
        re.compile(
            r"(?<![\w.-])(?P<gn>\d+(?:\.\d+)?)(?:-|\s*)(?P<gu>(?i:hrs?|h|mins?|secs?|yrs?))(?![\w])"
            r"|(?<![\w.-])(?P<gn2>\d+(?:\.\d+)?)(?P<gu2>(?i:hours?|minutes?|seconds?|days?|weeks?|months?|years?))(?![\w])"
        ),
        lambda m, ctx: _h_short_duration(m.renamed({"gn": "gn2", "gu": "gu2"}), ctx), r"\d",
    ),
    (
        re.compile(
            r"(?<![\w-])(?P<wthe>(?i:the)\s+)?(?i:all|full|whole|entire)[\s-](?P<wu>(?i:day|week|month|year))(?![\w-])"
        ),
        _h_whole_unit, "aAfFwWeEtT",
    ),
]
_RULES += [(_gated(pattern, gate), handler) for pattern, handler, gate in _NEW_RULES[-2:]]


def _h_year_month(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "2016 - 11", "11 / 2016", "2016 june", "2016, nov": a month written year first or spaced out."""
    year = int(m["ymy"] or m["ymy2"] or m["ymy3"] or 0)
    if m["ymn"]:
        month = _MONTH_LOOKUP.get(m["ymn"].rstrip("."))
    else:
        month = int(m["ymm"] or m["ymm2"] or 0)
        if m["ymy"] and "-" in (m["yms"] or "") and len(m["ymm"] or "") == 2 and month == (year + 1) % 100:
            return None  # "2010 - 11" is a season of two years
    return _month_hit(year, month) if month and 1 <= month <= 12 else None


def _h_nth_weekday_bare(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "the second Sunday" without a month: that weekday of the month of publication."""
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    if re.search(r"(?i)\b(?:every|each|a|another)\s+$", before):
        return None  # "every second Sunday" is a set, "for a second Friday" a count, not a day
    n = WEEK_ORDINALS[(m["bnth"] or "").lower()]
    wd = _WEEKDAY_LOOKUP[m["bnwd"] or ""]
    if ctx.pub is None:
        return _Hit("DATE", f"XXXX-XX-WXX-{wd}-#{n}")
    d = _nth_weekday(ctx.pub.year, ctx.pub.month, wd, n)
    if d is None:  # "the fifth Sunday" of a month with four names no day
        return _Hit("DATE", f"{ctx.pub.year:04d}-{ctx.pub.month:02d}-WXX-{wd}-#{n}")
    return _day_hit(d)


_DAY_REFS = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}


def _h_offset_from_day(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "two days from tomorrow", "a week from today", "two days after today", "two Sundays from now": a day."""
    n = _parse_number(m["mod"] or "")  # the count before the unit (see _COUNT_BEFORE)
    ref = (m["aref"] or "").lower()
    raw_unit = (m["aunit"] or "").lower()
    if n is None or not n.is_integer() or n < 1:
        return None
    sign = -1 if (m["adir"] or "").lower() == "before" else 1
    wd = _WEEKDAY_LOOKUP.get(raw_unit.rstrip("s").capitalize())
    if wd is None and ref == "now":
        return None  # "two weeks from now" is the ago/from-now rule's (unit granularity)
    if ctx.pub is None:
        return _Hit("DATE", "XXXX-XX-XX")
    base = ctx.pub + timedelta(days=_DAY_REFS[ref])
    if wd is not None:
        step = ((wd - base.isoweekday()) % 7 or 7) if sign > 0 else -((base.isoweekday() - wd) % 7 or 7)
        return _day_hit(base + timedelta(days=step + sign * 7 * (int(n) - 1)))
    return _day_hit(_shift(base, sign * n, _unit_key(raw_unit)))


def _h_weekday_range_of_week(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "next week between Wednesday and Friday", "this week from Tuesday to Thursday"."""
    days = {**_WEEKDAY_LOOKUP, **_WEEKDAY_ABBREVIATIONS}
    a, b = days[(m["wra"] or "").rstrip(".")], days[(m["wrb"] or "").rstrip(".")]
    if b <= a:
        return None
    base = _unit_hit("week", _rel_offset((m["wrr"] or "").lower()), ctx.pub)
    if base is None or base.start is None:
        return _Hit("DATE", f"XXXX-WXX-{a}")
    first = base.start + timedelta(days=a - 1)
    return _Hit("DATE", first.isoformat(), first, base.start + timedelta(days=b - 1))


def _h_day_to_month_day(m: _M, ctx: _Ctx) -> _Hit | None:
    """ "from 4 to January 22, 1995", "November between 19 and 20": one month's day range."""
    d1 = _day_number(m["fd1"] or m["fd1b"] or "")
    d2 = _day_number(m["fd2"] or m["fd2b"] or "")
    month = _MONTH_LOOKUP.get((m["fmon"] or m["fmonb"] or "").rstrip("."))
    if d1 is None or d2 is None or month is None or d2 <= d1:
        return None
    if m["fy"]:
        start = _safe_date(int(m["fy"]), month, d1)
    else:
        _, start = _resolve_month_day(month, d1, ctx, m)
        if start is None and ctx.pub is None:
            return _Hit("DATE", f"XXXX-{month:02d}-{d1:02d}")
    end = _safe_date(start.year, month, d2) if start else None
    if start is None or end is None:
        return None
    return _Hit("DATE", start.isoformat(), start, end)


_YM_MONTH = (
    rf"(?:(?:{_alt([m for m in _FULL_MONTHS if m.lower() != 'may'])})|(?:{_alt(_ABBREVS)})\."
    rf"|(?:{_alt(_LOWER_FULL)})|(?:{_alt(_LOWER_ABBREVS)})\.?)"
)
_PLURAL_WEEKDAYS = _alt([w.lower() for w in WEEKDAYS])
_NEW_RULES += [
    (
        re.compile(
            rf"(?=\d{{1,2}}\s*[-/]|\d{{4}}[\s,/-])(?<![\w/.,$£€-])(?:(?P<ymy>{_YEAR})(?P<yms>\s+[-/]\s*|[-/]\s+)(?P<ymm>1[0-2]|0?[1-9])"
            rf"|(?P<ymm2>1[0-2]|0?[1-9])(?:\s+[-/]\s*|[-/]\s+)(?P<ymy2>{_YEAR}))(?![\w/]|\s*[-/.,:]\s*\d)"
            rf"|(?<![\w/.,$£€-])(?P<ymy3>{_YEAR})(?:\s+|\s*,\s*(?=[a-z]))(?P<ymn>{_YM_MONTH})(?![\w-]|\.?\s*\d)"
        ),
        _h_year_month, r"\d",
    ),
    (
        re.compile(
            rf"(?i:(?:the\s+)?(?P<bnth>first|second|third|fourth|fifth)\s+)(?P<bnwd>{_WEEKDAY})"
            r"(?!\s+(?i:of|in|after|before|since|following|morning|afternoon|evening|night)\b)"
        ),
        _h_nth_weekday_bare, "tTfFsS",
    ),
    (
        re.compile(
            rf"(?P<aunit>(?i:days?|weeks?|fortnights?|months?|years?|(?:{_PLURAL_WEEKDAYS})s?))"
            r"\s+(?P<adir>(?i:from|after|before))\s+(?P<aref>(?i:today|tomorrow|yesterday|now))(?![\w-])"
        ),
        _h_offset_from_day, "dDwWfFmMyYtTsS",
    ),
    (
        re.compile(
            rf"(?=[A-Za-z]+\s+(?i:week)\s)(?P<wrr>(?i:next|last|this|previous|coming))\s+(?i:week)\s+(?i:between|from)\s+(?P<wra>{_WEEKDAY}|{_WEEKDAY_ABBR})"
            rf"\s+(?i:and|to|until|till|through)\s+(?P<wrb>{_WEEKDAY}|{_WEEKDAY_ABBR})"
        ),
        _h_weekday_range_of_week, "nNlLtTpPcC",
    ),
    (
        re.compile(
            rf"(?:(?<=\b[Ff]rom\s)|(?<=\b[Bb]etween\s))(?P<fd1>{_DAY})\s*(?:-|–|to|till|until|through|and)\s*"
            rf"(?P<fmon>{_MONTH_D})\.?\s+(?P<fd2>{_DAY})(?:,?\s+(?P<fy>{_YEAR_D})(?!\d))?"
        ),
        _h_day_to_month_day, r"\d",
    ),
    (
        re.compile(
            rf"(?=[A-Za-z]+\.?\s+(?i:between|from)\s)(?P<fmonb>{_MONTH_D})\s+(?i:between|from)\s+(?P<fd1b>{_DAY})"
            rf"\s+(?i:and|to|until|till|through)\s+(?P<fd2b>{_DAY})"
        ),
        _h_day_to_month_day, "ADFJMNOS",
    ),
]
_RULES += [(_gated(pattern, gate), handler) for pattern, handler, gate in _NEW_RULES[-6:]]

# Rules whose match starts at a unit and takes the count before it ("two" in "two
# days from tomorrow"): looked for behind the match, as date modifiers are, since a
# pattern starting at the number would be tried at every number word.
_COUNT_BEFORE: dict[Handler, re.Pattern[str]] = {
    _h_offset_from_day: re.compile(rf"(?<![\w-])(?:{_NUM})\s+$"),
}
_COUNT_LOOKBACK = 30  # characters; longer than any count ("twenty-seven ")

# Rules tried only when the lower-cased text holds one of their key words (a
# substring test costs next to nothing; the patterns start with common words).
_RULE_NEEDS: dict[Handler, tuple[str, ...]] = {
    _h_offset_from_day: ("today", "tomorrow", "yesterday", "now"),
    _h_weekday_range_of_week: ("between", "from"),
    _h_day_to_month_day: ("between", "from"),
}


def _h_set_any(m: _M, ctx: _Ctx) -> _Hit | None:
    return _h_set(m.renamed({"sn": "sn2", "sunit": "sunit2"}), ctx)


def _h_time_any(m: _M, ctx: _Ctx) -> _Hit | None:
    return _h_time(m.renamed({"hh": "hh2", "mm": "mm2", "tz": "tzz"}), ctx)


# Rules whose match may take a date modifier in front ("early", "the end of").
_MODIFIABLE = frozenset(
    {_h_day_month, _h_month_year, _h_month_rel, _h_month, _h_year, _h_decade, _h_season, _h_quarter,
     _h_rel_unit, _h_the_unit, _h_weekday, _h_today}
)  # fmt: skip


# --------------------------------------------------------------------------- #
# Public API
# --------------------------------------------------------------------------- #


# Resolving relative dates needs room for arithmetic on both sides ("a century ago").
_MIN_PUBLISHED_YEAR = 1000
_MAX_PUBLISHED_YEAR = 8999


def _parse_published(published: str | None) -> date | None:
    if published is None or published == "":
        return None
    try:
        pub = date.fromisoformat(published[:10])
    except (ValueError, TypeError) as e:
        raise InputError(
            f"published date {published!r} is not an ISO date; pass 'YYYY-MM-DD' or None"
        ) from e
    if not _MIN_PUBLISHED_YEAR <= pub.year <= _MAX_PUBLISHED_YEAR:
        raise InputError(
            f"published date {published!r} is outside the years {_MIN_PUBLISHED_YEAR}-{_MAX_PUBLISHED_YEAR}; "
            "check the document's metadata or pass None"
        )
    return pub


def _apply_mod(hit: _Hit, m: _M) -> _Hit:
    """Apply a date modifier ("early", "the end of", "mid-") captured by the rule."""
    if not m["mod"] or hit.mod is not None:
        return hit
    words = re.findall(r"[a-z]+", m["mod"].lower())
    mod = next((DATE_MODIFIERS[w] for w in words if w in DATE_MODIFIERS), None)
    if mod is None:
        return hit
    start, end = hit.start, hit.end
    if start is not None and end is not None:
        start, end = _narrow(start, end, mod)
    return _Hit(hit.type, hit.value, start, end, mod)


def _apply_signal(hit: _Hit, text: str, start: int, pub: date | None) -> _Hit:
    """Turn "since X" into X..publication (mod AFTER) and "before X" into ..X-1 (mod BEFORE)."""
    if hit.type != "DATE" or hit.mod is not None or hit.start is None or hit.end is None:
        return hit
    found = _SINCE_RE.search(text[max(0, start - 12) : start])
    if not found:
        return hit
    signal = found.group(1).lower()
    if signal == "since":
        end = pub if pub is not None and pub >= hit.start else None
        return _Hit(hit.type, hit.value, hit.start, end, "AFTER")
    if signal.startswith(("before", "prior")):
        return _Hit(hit.type, hit.value, None, hit.start - timedelta(days=1), "BEFORE")
    return hit


# Quarterly results compare with the same quarter a year before: in a report
# about "the third quarter", "up from $10 million a year ago" means that quarter
# of the previous year (TempEval-3 training: 32 of 41 such phrases in documents
# that speak of a quarter are annotated so, 7 as the year).
_QUARTERLY_RE = re.compile(r"(?i)\b(?:quarter|quarterly)\b")
_QUARTER_VALUE_RE = re.compile(r"^\d{4}-Q[1-4]$")
_YEAR_AGO_RE = re.compile(r"(?i)(?:(?:a|one)\s+year\s+(?:ago|earlier)|(?:the\s+)?year-(?:ago|earlier)(?:\s+\w+)?)$")
# "the week of March 6", "the week starting February 4", "w/c Feb 4": the week holding that day.
_WEEK_OF_RE = re.compile(
    r"(?i)(?<![\w-])(?:(?:the\s+)?(?P<unit>week|month)\s+(?:of|starting|beginning|commencing)(?:\s+on)?\s*|(?P<wc>w/c)\s+)$"
)
_THIS_QUARTER = "QUARTER_REF"  # placeholder value of "the latest quarter", resolved in find_times


def _last_quarter(pub: date) -> _Hit:
    """The last quarter completed before publication."""
    total = pub.year * 4 + (pub.month - 1) // 3 - 1
    return _quarter_hit(total // 4, total % 4 + 1)


def _year_ago_quarter(last_quarter: _Hit | None, pub: date) -> _Hit:
    """The quarter a year before the last quarter mentioned (else the last one completed)."""
    if last_quarter is not None and last_quarter.value:
        year, q = int(last_quarter.value[:4]), int(last_quarter.value[-1])
    else:
        last = _last_quarter(pub)
        year, q = int(last.value[:4]), int(last.value[-1])
    return _quarter_hit(year - 1, q)


# What may stand between the two ends of a range ("Oct. 2 to October 22", "1st Jan until Wed, 22 of Jan").
# "and" joins a range only after "between" ("Friday and Thursday" are two days).
_RANGE_JOIN_RE = re.compile(r"(?i)\s*(?:-|–|—|to|till|until|through|thru)\s*")
_RANGE_AND_RE = re.compile(r"(?i)\s*and\s*")
_BETWEEN_RE = re.compile(r"(?i)\bbetween\s+$")
_DAY_VALUE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_IN_TEXT_RE = re.compile(r"\d{4}|['’]\d{2}\b|\d[/.-]\d{1,2}[/.-]\d{2}\b")
# The end of a range that may move a year: a month-day written out ("October 22", "22 of Jan", "01/25").
_MONTH_DAY_TEXT_RE = re.compile(rf"{_MONTH_D}|\d/\d")


def _is_range(text: str, first_start: int, first_end: int, second_start: int) -> bool:
    """Whether two neighbouring mentions are the ends of one range ("Oct. 2 to October 22")."""
    if _RANGE_JOIN_RE.fullmatch(text, first_end, second_start):
        return True
    return bool(
        _RANGE_AND_RE.fullmatch(text, first_end, second_start)
        and _BETWEEN_RE.search(text, max(0, first_start - 10), first_start)
    )


def _range_end(first: _Hit, second: _Hit, second_text: str) -> _Hit:
    """The second end of a range resolved after the first: "from Dec. 20 to Jan. 5" ends in the next year.

    Each end of a range without a year is resolved on its own and may land on
    the other side of publication; a range does not run backwards, so an end
    without a year of its own that falls before the start moves a year on.
    """
    if (
        first.start is None
        or second.start is None
        or second.start >= first.start
        or not _DAY_VALUE_RE.match(second.value or "")
        or _YEAR_IN_TEXT_RE.search(second_text)
        or not _MONTH_DAY_TEXT_RE.search(second_text)
    ):
        return second
    moved = _safe_date(second.start.year + 1, second.start.month, second.start.day)
    if moved is None or moved < first.start:
        return second
    end = _safe_date(second.end.year + 1, second.end.month, second.end.day) if second.end else None
    return _Hit(second.type, moved.isoformat(), moved, end or moved, second.mod)


def find_times(text: str, published: str | None) -> list[TimeMention]:
    """Find time expressions in raw text and resolve them against the publication date.

    Args:
        text: The document text; offsets in the result index into it.
        published: The document creation time as ``YYYY-MM-DD`` (a longer ISO
            timestamp is cut to its date), or None. Relative expressions are
            resolved against it and never against today's date.

    Returns:
        Non-overlapping mentions in text order, each with
        ``text[mention.start:mention.end] == mention.text``.

    Raises:
        InputError: If ``published`` is not an ISO date.
    """
    pub = _parse_published(published)
    quarterly = pub is not None and _QUARTERLY_RE.search(text) is not None
    ctx = _Ctx(text, pub, quarterly)
    # 1. Every rule proposes candidates (start, -length, rule order) with its hit.
    candidates: list[tuple[int, int, int, _M, _Hit]] = []
    lowered = text.lower()
    for order, (pattern, handler) in enumerate(_RULES):
        needs = _RULE_NEEDS.get(handler)
        if needs is not None and not any(word in lowered for word in needs):
            continue
        modifiable = handler in _MODIFIABLE
        count_re = _COUNT_BEFORE.get(handler)
        for raw in pattern.finditer(text):
            if raw.end() <= raw.start():
                continue
            start, mod = raw.start(), None
            if count_re is not None:
                count = count_re.search(text, max(0, start - _COUNT_LOOKBACK), start)
                if count is None:
                    continue
                start, mod = count.start(), count.group().rstrip()
            if modifiable:
                before = _MOD_BEFORE_RE.search(text, max(0, start - _MOD_LOOKBACK), start)
                if before is not None:
                    start, mod = before.start(), before.group()
            m = _M(raw, start, mod)
            hit = handler(m, ctx)
            if hit is not None:
                candidates.append((start, start - m.end(), order, m, hit))
    # 2. Keep the longest candidate at each place, left to right, no overlaps.
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[tuple[_M, _Hit]] = []
    last_end = -1
    for start, _neg_len, _order, m, hit in candidates:
        if start >= last_end:
            chosen.append((m, hit))
            last_end = m.end()
    # 3. Modifiers and signals, then the model objects.
    mentions: list[TimeMention] = []
    last_quarter: _Hit | None = None
    prev: tuple[int, int, _Hit] | None = None  # offsets and hit of the mention before
    for m, hit in chosen:
        hit = _apply_signal(_apply_mod(hit, m), text, m.start(), pub)
        start = m.start()
        if hit.start is not None and hit.start == hit.end and hit.type == "DATE":
            unit_of = _WEEK_OF_RE.search(text, max(0, start - 40), start)
            if unit_of is not None:
                start = unit_of.start()
                if (unit_of.group("unit") or "week").lower() == "month":
                    hit = _month_hit(hit.start.year, hit.start.month)
                else:
                    hit = _week_hit(hit.start)  # type: ignore[arg-type]  # set: checked above
        if prev is not None and _is_range(text, prev[0], prev[1], start):
            hit = _range_end(prev[2], hit, text[start : m.end()])
        prev = (start, m.end(), hit)
        if quarterly:
            if _QUARTER_VALUE_RE.match(hit.value or ""):
                last_quarter = hit
            elif _YEAR_AGO_RE.match(text, m.start(), m.end()):
                hit = _year_ago_quarter(last_quarter, pub)  # type: ignore[arg-type]
            elif hit.value == _THIS_QUARTER:
                hit = last_quarter or _last_quarter(pub)  # type: ignore[arg-type]
        mentions.append(
            TimeMention(
                start=start,
                end=m.end(),
                text=text[start : m.end()],
                type=hit.type,
                value=hit.value,
                mod=hit.mod,
                start_date=hit.start.isoformat() if hit.start else None,
                end_date=hit.end.isoformat() if hit.end else None,
            )
        )
    return mentions


class TimeNormalizer(Protocol):
    """Anything that finds and normalises time expressions in raw text."""

    def find(self, text: str, published: str | None) -> list[TimeMention]:
        """Return the time mentions of ``text`` resolved against ``published``."""
        ...


class RuleTimeNormalizer:
    """The default normaliser: the regular-expression rules of :func:`find_times`."""

    def find(self, text: str, published: str | None) -> list[TimeMention]:
        """Run :func:`find_times`.

        Args:
            text: The document text.
            published: ``YYYY-MM-DD`` or None.

        Returns:
            The mentions found.
        """
        return find_times(text, published)


@Language.factory("claimledger_time_tagger", assigns=["doc._.cl_times"], default_config={})
def make_time_tagger(nlp: Language, name: str) -> TimeTagger:
    """Build the time tagger component (spaCy factory ``claimledger_time_tagger``)."""
    return TimeTagger(nlp, name)


class TimeTagger:
    """Writes ``doc._.cl_times`` from the text and ``doc._.cl_published``.

    Attributes:
        name: The pipe name.
        normalizer: The :class:`TimeNormalizer` in use (rule-based by default).
    """

    def __init__(self, nlp: Language, name: str, *, normalizer: TimeNormalizer | None = None) -> None:
        install_extensions()
        self.name = name
        self.normalizer: TimeNormalizer = normalizer or RuleTimeNormalizer()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[TimeMention]:
        """Find the time mentions of a Doc.

        Args:
            doc: The Doc; ``doc._.cl_published`` is the reference date.

        Returns:
            The mentions, offsets into ``doc.text``.
        """
        return self.normalizer.find(doc_text(doc), doc._.cl_published)

    def set_annotations(self, doc: Doc, found: list[TimeMention]) -> None:
        """Store the mentions on ``doc._.cl_times``."""
        doc._.cl_times = found
