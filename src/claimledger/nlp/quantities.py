"""Find counted quantities ("at least 1,000 troops", "$2bn", "hundreds of civilians") with bounds.

The work is done by :func:`find_quantities`, a pure function over raw text
(compiled regexes and the word tables in ``nlp/lang/en/number_words.py``).
:class:`QuantityFinder` (pipe name ``claimledger_quantity_finder``) runs it on
``doc.text`` and, where the text path found no unit, uses the parse (the noun
a number modifies, dep ``nummod``) to fill it in.

Conventions for ``value``/``low``/``high`` (all floats or None):

* exact ("1,000 troops", "a dozen"): ``value == low == high``;
* lower bound ("at least", "more than", "over", "above", "in excess of",
  "500 or more"): ``value = low = X``, ``high = None``. Strict bounds ("more
  than X") are stored as ``low = X`` too: the model has no open/closed flag;
* upper bound ("up to", "fewer/less than", "under", "no more than", "at most",
  "as many as"): ``value = high = X``, ``low = None``;
* approximation ("about", "around", "nearly", "almost", "some", "an
  estimated"...): ``value = X``, ``low = high = None``;
* range ("between 200 and 300", "200-300", "200 to 300", "from 200 to 300",
  "more than 10 and less than 20"): ``value = None``, ``low``/``high`` the ends;
* vague plurals: "dozens of" is ``low = 24``, "hundreds of" ``low = 200``,
  "thousands of" ``low = 2000``, "tens/hundreds of thousands" ``low = 20000``/
  ``200000``, "several/a few hundred" ``low = 200``: a plural means at least
  two of the named unit; ``value = high = None``;
* fractions ("1/2", "2 1/2", "½", "two thirds", "one-half", "a third of"):
  the fraction as value (exact unless cued). A fraction counts no noun: "two
  thirds of the troops" is 0.667 with no unit and category other (a share),
  while a measure stays ("½ mile"). "X and a half" adds 0.5 ("two and a half
  million" is 2.5e6); "a quarter of a million" is 250000 and takes its noun;
* notation: scientific ("4e14", "2.48×10−5", "5.5x10-3"), signs ("-18 °C",
  "$-99.99"), a written uncertainty is dropped ("9.83e-3 +/- 1e-5" is
  0.00983), a decimal comma before a scale word ("1,5 million").

``unit`` is the counted noun in lower case as written ("troops", "soldiers"),
an ISO 4217 code for money ("USD", "EUR", "RUB", "UAH"), ``"percent"``, or a
canonical measure ("km", "miles", "m", "hours", "days", "lbs" for "500-pound",
areas and volumes "km²", "m³", speeds "km/h", unit symbols as written,
case-sensitive: "MWh", "GHz", "eV", "MB"...). The span runs
from the bound cue to the unit noun, adjectives and nationalities between
number and noun included ("more than 1,000 Russian soldiers").

Not emitted: years ("in 2022", "since 2014"), dates ("24 February",
"March 3"), clock times ("5 a.m.", "14:00"), ordinals ("24th"), numbers
inside names ("T-72", "Su-25", "COVID-19"), phone numbers, IP/version
strings, list markers ("1. ", "(2)"), bare "one" without a counted noun,
slashed pairs that are rarely fractions ("9/11", "24/7", "3/10"), ordinals
written like fractions ("a third bridge", "a sixth package"), exponents after
units ("fb−1", "km^2") and formats ("2+2").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.model import Quantity
from claimledger.nlp.extensions import doc_text, install_extensions, sentence_of
from claimledger.nlp.lang.en import number_words as nw

logger = logging.getLogger(__name__)

__all__ = ["QuantityFinder", "find_quantities", "make_quantity_finder"]


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, inner spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# 1. Number atoms -------------------------------------------------------------
_SMALL_WORDS = _alt([*nw.UNITS, *nw.TENS])
_WORD = rf"(?:(?:{_alt(nw.TENS)})-(?:{_alt(nw.UNITS)})|{_SMALL_WORDS}|{_alt(nw.SCALES)}|dozen)"
_WORD_SEQ = (
    rf"(?:(?:half\s+(?:an?\s+)?|an?\s+)(?=(?:{_alt(nw.SCALES)}|dozen)\b))?"
    # At most 12 more words ("two million three hundred and forty-five thousand
    # six hundred and seventy" is 11): bounds the rescan after a cut run.
    rf"{_WORD}(?:(?:\s+and\s+|[\s-]+){_WORD}){{0,12}}"
)
_VAGUE = (
    rf"(?:(?:several|a\s+few|a\s+couple\s+of|many)\s+(?:{_alt(nw.SCALES)})s?"
    r"|(?:tens|hundreds|thousands)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:dozens|scores|tens)(?=\s+of\b)|(?:hundreds|thousands|millions|billions))"
)
_CURRENCY_PREFIX = r"(?:US\$|\$|€|£|₽|₴|¥|USD|EUR|GBP|RUB|UAH)[ \u00a0]?"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_SPACED_MULT = rf"(?:{_alt(['hundred', *nw.SCALES, 'bn', 'mn', 'mln', 'bln', 'tn'])})"
# Glued suffixes that may follow digits: multipliers, measures, % (anything
# else glued on, "24th", "2S19", "1990s", "5G", makes it no quantity).
_GLUED = r"(?:bn|mn|mln|bln|tn|km|kms|kg|mm|cm|mi|ft|lbs|lb|mph|hrs|hr|mins|min|k|m|b|h|s|st|nd|rd|th|t)"

_JUNK = (
    r"\d{1,2}:\d{2}(?::\d{2})?"  # clock times
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"  # numeric dates
    r"|\d+(?:\.\d+){2,}"  # IP addresses, version strings
    r"|\+\d[\d ()/-]{6,}\d"  # international phone numbers
    r"|\d{3}-\d{3,4}-\d{4}"  # phone numbers
    r"|\d+/\d+"  # slashed pairs that are no fraction (see _FRACTION below): no reliable reading
)
# Scientific notation after the digits: "4e14", "9.83e-3", "2.48×10−5", "5.5x10-3".
_SCI = r"(?:e[-+−]?\d{1,3}|[ \u00a0]?×[ \u00a0]?10(?:\^|\*\*)?[-−+]?\d{1,3}|x10(?:\^[-−+]?\d{1,3}|[-−]\d{1,3}))"
# A written uncertainty, read and dropped: "2,000.45±0.01", "9.83e-3 +/- 1e-5".
_PLUS_MINUS = rf"[ \u00a0]?(?:±|\+/-|\+-)[ \u00a0]?{_DIGITS}{_SCI}?"
# "1/40", "2 1/2" (checked by _fraction_value: proper fractions with a denominator
# that is rarely a day or month) and vulgar fractions "½", "2½".
_FRACTION = (
    r"(?:(?P<fwhole>\d{1,3})[ \u00a0])?(?P<fnum>\d{1,3})/(?P<fden>\d{1,4})(?![\w/]|[.,]\d)"
    rf"|(?P<vwhole>\d{{1,3}})?(?P<vulgar>[{''.join(nw.VULGAR_FRACTIONS)}])"
)
# "1,5 million": a decimal comma (translated Ukrainian and Russian releases) before a scale word.
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=[ \u00a0]+(?:million|billion|trillion|thousand|mln|bln|bn)\b)"
_AREA_GLUED = r"(?:km|mi|cm|mm|ft|m)(?:\^?[23]|[²³])"
_ATOM_RE = re.compile(
    r"(?P<url>\b(?:https?://|www\.)\S+)"  # numbers inside links are no quantities
    rf"|(?=[\d{''.join(nw.VULGAR_FRACTIONS)}])(?<![\w.,$€£₽₴¥/+^-])(?P<frac>{_FRACTION})"
    rf"|(?=[\d+])(?<![\w.,$€£₽₴¥/+-])(?P<junk>{_JUNK})(?![\w/])"
    rf"|(?:(?P<cur>{_CURRENCY_PREFIX})(?P<csign>[-−])?)?(?<![\w.,^])(?<!\w\+)(?P<num>{_DECIMAL_COMMA}|{_DIGITS})"
    rf"(?P<sci>{_SCI})?(?P<pm>{_PLUS_MINUS})?"
    rf"(?:(?P<area>{_AREA_GLUED})|(?P<deg>(?-i:[CF]))|(?P<glued>{_GLUED})|\s*(?P<pct>%)|\s+(?P<mult>{_SPACED_MULT})\b"
    r"|\s?(?P<cursuf>[€£₽₴]))?(?![\w%]|[.,]\d|\+\d)"
    rf"|(?=[aA])(?<![\w-])(?<!\band\s)(?P<afrac>an?\s+(?:{_alt(w for w in nw.FRACTION_WORDS if not w.endswith('s'))}))\b"
    # "a third of", "by a third." are shares; "a third bridge", "a sixth package" are ordinals.
    r"(?=\s+(?:of|higher|lower|more|less|larger|smaller|bigger|in|to|since|from|on|over|compared|than)\b"
    r"|\s*[.,;:!?)–—]|\s+-|\s*$)"
    rf"|(?<![\w-])(?P<vague>{_VAGUE})\b"
    rf"|(?<![\w-])(?P<words>{_WORD_SEQ})\b",
    re.IGNORECASE,
)
_ORDINAL_TAIL_RE = re.compile(
    r"[-\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|[a-z]*teenth|[a-z]*tieth|hundredth|thousandth|millionth|halves|half|quarters?)s?\b",
    re.IGNORECASE,
)
_FRACTION_TAIL_RE = re.compile(rf"[-\s]({_alt(nw.FRACTION_WORDS)})\b", re.IGNORECASE)
_AND_A_HALF_RE = re.compile(rf"\s+and\s+a\s+half\b(?:\s+({_alt(nw.SCALES)})\b)?", re.IGNORECASE)
_OF_A_SCALE_RE = re.compile(rf"\s+of\s+an?\s+({_alt(nw.SCALES)})\b", re.IGNORECASE)
_NAME_WORD_BEFORE_RE = re.compile(r"[\w,][ \u00a0]$")
_WORD_TOKEN_RE = re.compile(r"[a-z]+", re.IGNORECASE)

# 2. Context cues --------------------------------------------------------------
_LEFT_CUE_RE = re.compile(
    rf"(?:^|(?<=[^\w]))(?:(?P<lower>{_alt(nw.LOWER_CUES)})|(?P<upper>{_alt(nw.UPPER_CUES)})"
    rf"|(?P<approx>{_alt(nw.APPROX_CUES)})|(?P<exact>{_alt(nw.EXACT_CUES)})"
    rf"|(?P<range>between|from))\s+$"
    r"|(?P<sym>>\s?=|=>|≥|<\s?=|=<|≤|>|<)\s*-?$",
    re.IGNORECASE,
)
_RIGHT_CUE_RE = re.compile(
    rf"\s+(?:(?P<lower>{_alt(nw.LOWER_SUFFIXES)})|(?P<upper>{_alt(nw.UPPER_SUFFIXES)}))\b"
    rf"(?!\s+than\b)(?!\s*[\d$€£])(?!\s+(?:an?|half|{_SMALL_WORDS}|{_alt(nw.SCALES)})\b)"
    r"|(?P<plus>\+)(?![\d\w])",
    re.IGNORECASE,
)
_RANGE_SEP_RE = re.compile(
    r"\s*(?:-|–|—|~)\s*|[-–]?\s+(?:to|through|and|or)\s+", re.IGNORECASE  # "8- to 16-meter"
)
_PERCENT_RE = re.compile(r"\s*(?:per\s?cent|percents?|percentage(?:\s+points?)?)\b", re.IGNORECASE)
_DEGREES_RE = re.compile(
    r"[ \u00a0]?(?:°|degrees?)(?:[ \u00a0]?(C|F)\b|[ \u00a0]+(C)elsius\b|[ \u00a0]+(F)ahrenheit\b)?"
)
_MONTHS = _alt(nw.MONTHS)
_DATE_RIGHT_RE = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b\.?")
_DATE_LEFT_RE = re.compile(rf"\b(?:{_MONTHS})\.?\s+(?:the\s+)?$")
_TIME_RIGHT_RE = re.compile(
    r"\s*(?:(?P<ampm>[ap]\.m\.|[ap]m\b|o'clock)"
    r"|GMT\b|UTC\b|CET\b|EET\b|EEST\b|MSK\b|local\s+time|Kyiv\s+time)",
    re.IGNORECASE,
)
_CLOCK_RE = re.compile(r"\d{1,2}(?:\.\d{2})?|[0-2]\d[0-5]\d")
_YEAR_LEFT_RE = re.compile(
    r"\b(?:in|since|from|by|until|till|of|year|the|early|late|mid|summer|winter|spring|autumn|fall"
    r"|during|before|after|between|and|to|through|around)[\s-]+$",
    re.IGNORECASE,
)
_LABEL_LEFT_RE = re.compile(r"(?:(?<=[^\w])|^)([A-Za-z][\w.]*)\s*$|#\s*$")
_LIST_MARKER_LEFT_RE = re.compile(r"(?:^|\n)[ \t]*\(?$")
_UNIT_WORD_RE = re.compile(r"(?:[ \t\u00a0]{0,3}\n?[ \t\u00a0]{0,3}|-)([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_CLAUSE_END_RE = re.compile(r"[.!?;](?=\s)|\n")
_CASUALTY_RE = re.compile(
    rf"\b(?:(?P<killed>{_alt(nw.KILLED_CUES)})|(?P<wounded>{_alt(nw.WOUNDED_CUES)})"
    rf"|(?P<captured>{_alt(nw.CAPTURED_CUES)}))\b",
    re.IGNORECASE,
)
_CONNECTOR_RE = re.compile(r"\s*(?:to|or|-|–)\s*", re.IGNORECASE)
_BOUND_JOIN_RE = re.compile(r"\s*(?:,\s*)?(?:and|but|,)\s+$|\s*,\s*$", re.IGNORECASE)

# How far (characters) the finder looks left for a bound cue and around a
# quantity for casualty words. Chosen by reading news sentences: cues are at
# most 4 short words ("greater than or equal to"), and a casualty verb more
# than ~80 characters away is usually in another clause.
_CUE_WINDOW = 32
_CONTEXT_WINDOW = 80
_MAX_UNIT_WORDS = 4

#: Unit kinds that measure (a fraction keeps them: "½ mile"); counted nouns are dropped after a fraction.
_MEASURE_KINDS = frozenset({"money", "distance", "duration", "percent", "measure", "other"})
_COUNT_KIND: dict[str, str] = {}
for _kind, _words in (
    ("personnel", nw.PERSONNEL_NOUNS),
    ("people", nw.PEOPLE_NOUNS),
    ("equipment", nw.EQUIPMENT_NOUNS),
    ("killed", nw.KILLED_NOUNS),
    ("wounded", nw.WOUNDED_NOUNS),
    ("captured", nw.CAPTURED_NOUNS),
):
    for _w in _words:
        _COUNT_KIND[_w] = _kind
_PARTITIVE_DETERMINERS = frozenset("our the their its his her these those your my".split())
_PREDICATE_CASUALTY = frozenset({"dead", "killed", "wounded", "injured"})
_CONTEXT_KINDS = frozenset({"personnel", "people", "none"})


@dataclass(slots=True)
class _Atom:
    """One number as written, before bounds and units are attached."""

    start: int
    end: int
    value: float
    vague: bool = False
    multiplied: bool = False
    currency: str | None = None
    percent: bool = False
    glued_unit: str | None = None
    plain_year: bool = False
    bare_one: bool = False
    fraction: bool = False


@dataclass(slots=True)
class _Found:
    """A quantity under construction (offsets into the text)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None = None
    kind: str = "none"
    has_cue: bool = False


def _parse_words(text: str, start: int, end: int) -> tuple[float, int] | None:
    """Read a run of number words; returns (value, end offset of the last word used)."""
    total = 0.0
    current = 0.0
    half = False
    last: str | None = None  # class of the previous word: unit, teen, tens, hundred, scale, a, and
    used_end = start
    seen = False
    for m in _WORD_TOKEN_RE.finditer(text, start, end):
        w = m.group().lower()
        if w == "half":
            if last is not None:
                break
            half = True
            last = "half"
            continue
        if w in ("a", "an"):
            if last not in (None, "half"):
                break
            current = 1.0
            last = "a"
            continue
        if w == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
            continue
        if w in nw.UNITS or w in nw.TENS:
            value = nw.UNITS.get(w, nw.TENS.get(w, 0))
            small = w in nw.UNITS
            if last in ("unit", "teen") or (last == "tens" and (not small or value >= 10)):
                break
            if last == "a":
                break
            current += value
            last = ("teen" if value >= 10 else "unit") if small else "tens"
        elif w == "hundred" or w == "dozen":
            if last in ("hundred",):
                break
            current = (current or 1.0) * (100 if w == "hundred" else 12)
            last = "hundred"
        elif w in nw.SCALES:
            total += (current or 1.0) * nw.SCALES[w]
            current = 0.0
            last = "scale"
        else:
            break
        used_end = m.end()
        seen = True
    if not seen or last in ("a", "half"):
        return None
    value = total + current
    if half:
        value /= 2
    return value, used_end


def _vague_low(phrase: str) -> float:
    """Lower bound of a vague plural: 'hundreds of' -> 200, 'tens of thousands' -> 20000."""
    words = phrase.lower().split()
    low = 2.0
    for w in words:
        if w in nw.VAGUE_PLURALS:
            low *= nw.VAGUE_PLURALS[w]
        elif w.rstrip("s") in nw.SCALES:
            low *= nw.SCALES[w.rstrip("s")]
    return low


def _atoms(text: str) -> list[_Atom]:
    """Every number in the text, junk (times, dates, phone numbers) dropped."""
    atoms: list[_Atom] = []
    pos = 0
    while True:
        m = _ATOM_RE.search(text, pos)
        if m is None:
            return atoms
        pos = m.end()
        if m.group("junk") or m.group("url"):
            continue
        atom: _Atom | None
        if m.group("frac"):
            value = _fraction_value(m)
            if value is None:
                continue  # "24/7", "1/0", "9/11": no fraction
            atom = _Atom(m.start(), m.end(), value, fraction=True)
        elif m.group("num"):
            atom = _digit_atom(text, m)
        elif m.group("afrac"):
            # "a third of the country", "below a half"
            den = nw.FRACTION_WORDS[m.group("afrac").split()[-1].lower()]
            atom = _Atom(m.start(), m.end(), 1 / den, fraction=True)
            pos = _of_a_scale(text, atom)
        elif m.group("vague"):
            atom = _Atom(m.start(), m.end(), _vague_low(m.group()), vague=True)
        else:
            parsed = _parse_words(text, m.start(), m.end())
            if parsed is None:
                continue
            value, end = parsed
            # "one and two" is read as "one", then "two" on its own: rescan.
            pos = end
            fraction = False
            fm = _FRACTION_TAIL_RE.match(text, end)
            if fm is not None and 1 <= value <= 20 and value.is_integer():
                # "two thirds", "one-half", "three quarters"
                value /= nw.FRACTION_WORDS[fm.group(1).lower()]
                end = pos = fm.end()
                fraction = True
            elif _ORDINAL_TAIL_RE.match(text, end):
                continue  # "twenty-first", "one hundredth"
            else:
                hm = _AND_A_HALF_RE.match(text, end)
                if hm is not None and value < 1000:
                    # "two and a half miles", "one and a half million"
                    value += 0.5
                    if hm.group(1):
                        value *= nw.SCALES[hm.group(1).lower()]
                    end = pos = hm.end()
            raw = text[m.start() : end].lower()
            name_before = _NAME_WORD_BEFORE_RE.search(text, max(0, m.start() - 2), m.start())
            if text[m.start()].isupper() and name_before:
                continue  # "Normandy Four", "the Big Three": part of a name
            atom = _Atom(
                m.start(), end, value, bare_one=raw in ("one", "a", "an", "zero"), fraction=fraction
            )
            if fraction:
                pos = _of_a_scale(text, atom)
        if atom is not None:
            atoms.append(atom)


def _of_a_scale(text: str, atom: _Atom) -> int:
    """Widen a fraction over "of a million" ("three quarters of a million"); returns the new end."""
    sm = _OF_A_SCALE_RE.match(text, atom.end)
    if sm is not None:
        atom.value *= nw.SCALES[sm.group(1).lower()]
        atom.end = sm.end()
        atom.fraction = False  # now a count: it takes its noun ("of a million people")
        atom.multiplied = True
    return atom.end


def _digit_atom(text: str, m: re.Match[str]) -> _Atom | None:
    """Build an atom from a digit match, or None for ordinals, decades and names."""
    start, end = m.start(), m.end()
    num = m.group("num")
    num_start = m.start("num")
    # Numbers glued to a name: "T-72", "Su-25", "COVID-19", "F-16s".
    if num_start >= 2 and text[num_start - 1] in "-–−" and text[num_start - 2].isalpha():
        letters = num_start - 2
        while letters > 0 and text[letters - 1].isalpha():
            letters -= 1
        if letters == 0 or not text[letters - 1].isdigit():  # "5k-20k" is a range, not a name
            return None
    if re.fullmatch(r"\d{1,3},\d{1,2}", num):
        num = num.replace(",", ".")  # a decimal comma (_DECIMAL_COMMA)
    digits = re.sub(r"[,\s\u00a0\u202f]", "", num)
    if len(digits) > 16:
        return None  # IDs and serial numbers, not counts (and beyond float precision)
    value = float(digits) * _sci_factor(m.group("sci"))
    if m.group("csign"):
        value = -value  # "$-99.99"
    elif (
        not m.group("cur")
        and num_start >= 1
        and text[num_start - 1] in "-−"
        and (num_start == 1 or text[num_start - 2] in " \t\n([<=")
    ):
        value, start = -value, num_start - 1  # "-18 °C", "<-30"
    glued = (m.group("glued") or "").lower()
    if glued in ("st", "nd", "rd", "th", "s"):
        return None  # ordinals and decades ("24th", "1990s")
    currency = None
    if m.group("cur") or m.group("cursuf"):
        currency = nw.CURRENCY_SYMBOLS.get((m.group("cur") or m.group("cursuf")).strip().lower())
    multiplied = False
    glued_unit = None
    mult_word = (m.group("mult") or "").lower()
    if m.group("deg"):
        if not -100 <= value <= 200:
            return None  # "1500F" is a model name, not a temperature
        glued_unit = "°" + m.group("deg")  # "-10C", "100F" (British and US news style)
    elif m.group("area"):
        glued_unit = _area_unit(m.group("area"))
    elif glued == "t" and currency:
        value *= 1e12  # "$2.174T"
        multiplied = True
    elif glued in nw.SUFFIX_MULTIPLIERS and not (glued == "m" and _metres_follow(text, end)):
        value *= nw.SUFFIX_MULTIPLIERS[glued]
        multiplied = True
    elif glued:
        glued_unit = glued
    elif mult_word:
        value *= nw.SUFFIX_MULTIPLIERS[mult_word]
        multiplied = True
    digits_only = num.isdigit() and not m.group("sci")
    plain_year = (
        digits_only and len(num) == 4 and 1000 <= value <= 2100 and not currency and not multiplied
        and not glued and not m.group("pct")
    )
    return _Atom(
        start,
        end,
        value,
        multiplied=multiplied,
        currency=currency,
        percent=bool(m.group("pct")),
        glued_unit=glued_unit,
        plain_year=plain_year,
    )


_SCI_RE = re.compile(r"(?:e|[ \u00a0]?×[ \u00a0]?10(?:\^|\*\*)?|x10\^?)([-−+]?\d+)", re.IGNORECASE)
_POWER_RE = re.compile(r"\^?([23])(?!\d)|([²³])|[ \u00a0]+(squared|cubed)\b")


def _sci_factor(sci: str | None) -> float:
    """The power of ten a scientific-notation tail carries ("e-3" -> 0.001); 1 for none."""
    if not sci:
        return 1.0
    m = _SCI_RE.fullmatch(sci)
    return 10.0 ** int(m.group(1).replace("−", "-")) if m else 1.0


def _fraction_value(m: re.Match[str]) -> float | None:
    """Value of a slashed or vulgar fraction match, None when the slash is no fraction."""
    if m.group("vulgar"):
        return float(m.group("vwhole") or 0) + nw.VULGAR_FRACTIONS[m.group("vulgar")]
    num, den = int(m.group("fnum")), int(m.group("fden"))
    if not 0 < num < den or den not in nw.FRACTION_DENOMINATORS or m.group("fnum")[0] == "0":
        return None
    return float(m.group("fwhole") or 0) + num / den


def _area_unit(glued: str) -> str:
    """'km2', 'km^3', 'm²' -> 'km²', 'km³', 'm²'."""
    base = glued.rstrip("^23²³").rstrip("^")
    power = glued[-1]
    return base + ("²" if power in "2²" else "³")


_PER_HOUR_RE = re.compile(r"\s+(?:per|an|a)\s+hour\b|/h(?:our|r)?\b", re.IGNORECASE)
_INCH_AFTER_RE = re.compile(
    r"\s+(?:thick|long|wide|tall|high|deep|across|in\s+diameter)\b|[.!?;]?\s*$|[.!?;)](?=\s)"
)
_WORD_AFTER_RE = re.compile(r"[ \u00a0]+[a-z]")
_METRES_RE = re.compile(
    r"\s+(?:away|from|long|wide|high|deep|tall|above|below|inland|of\s+the)\b", re.IGNORECASE
)


def _metres_follow(text: str, end: int) -> bool:
    """'500m from the front' is metres; '3m' elsewhere is read as 3 million."""
    return _METRES_RE.match(text, end) is not None


# 3. Units -------------------------------------------------------------------
def _find_unit(text: str, pos: int, *, skip_of: bool, singular: bool = False) -> tuple[str | None, str, int]:
    """Find the counted noun after ``pos``: (unit, kind, end offset of the unit).

    ``kind`` is money, distance, duration, percent, one of the count-noun kinds
    (personnel, people, equipment, killed, wounded, captured), ``noun`` for an
    unlisted noun, or ``none``. ``skip_of`` lets a vague plural take its noun
    after "of" ("hundreds of troops"); a partitive "of our/the/their" is
    skipped for every number ("13,000 of our servicemen"). ``singular`` (the
    number is one) lets an unlisted singular noun be the unit.
    """
    m = _PERCENT_RE.match(text, pos)
    if m:
        return "percent", "percent", m.end()
    m = _DEGREES_RE.match(text, pos)
    if m:
        return "°" + (m.group(1) or m.group(2) or m.group(3) or ""), "measure", m.end()
    words: list[tuple[str, int]] = []
    cursor = pos
    for _ in range(_MAX_UNIT_WORDS + (1 if skip_of else 0)):
        wm = _UNIT_WORD_RE.match(text, cursor)
        if wm is None:
            break
        words.append((wm.group(1), wm.end()))
        cursor = wm.end()
    if words and words[0][0].lower() == "of":
        if not singular and len(words) > 1 and words[1][0].lower() in _PARTITIVE_DETERMINERS:
            words = words[2:]
        elif skip_of:
            words = words[1:]
    if not words:
        return None, "none", pos
    first, first_end = words[0]
    if first.endswith(("'", "’")):  # "six weeks' time", "rubles' worth": the apostrophe stays out
        first_end -= len(first) - len(first.rstrip("'’"))
        first = first.rstrip("'’")
    low_first = first.lower()
    if low_first in ("pound", "pounds") and text.startswith("-", pos):
        return "lbs", "measure", first_end  # "a 500-pound bomb" weighs
    if low_first in nw.CURRENCY_WORDS and (first.islower() or first.isupper()):
        return nw.CURRENCY_WORDS[low_first], "money", first_end
    if low_first in ("square", "sq", "cubic", "cu") and len(words) > 1:
        base = nw.DISTANCE_UNITS.get(words[1][0].lower())
        if base in nw.AREA_BASES:  # "4 square kilometres", "116,347 sq mi"
            power = "²" if low_first in ("square", "sq") else "³"
            return nw.AREA_BASES[base] + power, "measure", words[1][1]
    if low_first in nw.DISTANCE_UNITS:
        if low_first == "nautical" and len(words) > 1 and words[1][0].lower().startswith("mile"):
            return "nautical miles", "distance", words[1][1]
        base = nw.DISTANCE_UNITS[low_first]
        pm = _POWER_RE.match(text, first_end)
        if pm is not None and base in nw.AREA_BASES:  # "301,338 km2", "4 km squared"
            cubed = (pm.group(1) or pm.group(2) or pm.group(3)) in ("3", "³", "cubed")
            return nw.AREA_BASES[base] + ("³" if cubed else "²"), "measure", pm.end()
        sm = _PER_HOUR_RE.match(text, first_end)
        if sm is not None and base in ("km", "miles"):  # "200 kilometres per hour"
            return ("km/h" if base == "km" else "mph"), "measure", sm.end()
        return base, "distance", first_end
    if first in nw.SYMBOL_UNITS and not (first == "l" and _WORD_AFTER_RE.match(text, first_end)):
        return nw.SYMBOL_UNITS[first], "measure", first_end
    if low_first == "in" and first == "in" and _INCH_AFTER_RE.match(text, first_end):
        return "inches", "distance", first_end  # "2 in thick", "the pencil is 2 in."
    if low_first in nw.DURATION_UNITS:
        return nw.DURATION_UNITS[low_first], "duration", first_end
    if low_first in nw.OTHER_UNITS:
        return nw.OTHER_UNITS[low_first], "measure", first_end
    if low_first in ("year-old", "years-old"):
        return "years old", "measure", first_end  # an age ("a 25-year-old soldier"), never a count
    # Count nouns: keep the head of a run ("fighter jets" -> jets), skipping
    # nationalities and names ("Russian soldiers", "Leopard tanks") and
    # adjectives ("armoured vehicles") in front of it.
    candidate: tuple[str, int] | None = None
    capitalised: tuple[str, int] | None = None
    plain: list[tuple[str, int]] = []  # leading unlisted lower-case words
    plain_open = True
    for word, word_end in words:
        low = word.lower()
        kind = _COUNT_KIND.get(low)
        if kind is not None and candidate is not None and low in _PREDICATE_CASUALTY:
            break  # "30 people dead": the adjective is no head noun
        if kind is not None:
            candidate = (low, word_end)
            continue
        if candidate is not None and candidate[0] in nw.NOUN_ADJUNCTS and _plausible_noun(low):
            return low, "noun", word_end  # "94 civilian objects", "10 missile strikes"
        if candidate is not None or low in nw.NON_UNITS:
            break
        if low in nw.SKIP_ADJECTIVES:
            continue
        if word[0].isupper():
            capitalised = (word, word_end)
            plain_open = False
            continue
        if plain_open and _plausible_noun(low):
            plain.append((low, word_end))
        else:
            plain_open = False
        # other words ("armoured", "cruise") may stand before a listed noun: go on
    if candidate is not None:
        return candidate[0], _COUNT_KIND[candidate[0]], candidate[1]
    if plain:
        # Unlisted nouns: the first plural ("three important pieces"); after
        # "one" only listed nouns count ("one soldier", not "one path").
        for word, word_end in plain:
            if word.endswith("s") and not word.endswith("ss") and not singular:
                return word, "noun", word_end
        return None, "none", pos
    if capitalised is not None and capitalised[0].endswith("s") and capitalised[0][1:].islower():
        # A demonym or name as the head: "5 million Ukrainians", "31 Abrams".
        word = capitalised[0].lower()
        kind = "people" if word.endswith(("ans", "ians", "is", "ese", "ers")) else "noun"
        return word, kind, capitalised[1]
    return None, "none", pos


def _plausible_noun(word: str) -> bool:
    """Guess whether an unlisted lower-case word after a number is the counted noun."""
    return (
        len(word) >= 3
        and word.isalpha()
        and word not in nw.NON_UNITS
        and word not in nw.UNITS
        and word not in nw.TENS
        and word not in nw.SCALES
        and not word.endswith(("ed", "ing", "ly"))
    )


# 4. Categories ----------------------------------------------------------------
def _category(text: str, start: int, end: int, kind: str, left: int, right: int) -> str:
    """Category from the unit kind and, for counts of people, the casualty words in the clause.

    Args:
        text: The document text.
        start: Start of the quantity span.
        end: End of the quantity span.
        kind: The unit kind from :func:`_find_unit`.
        left: Leftmost offset the clause may reach (previous quantity's end).
        right: Rightmost offset the clause may reach (next quantity's start).

    Returns:
        One of personnel, killed, wounded, captured, equipment, money, distance,
        duration or other.
    """
    if kind in ("money", "distance", "duration", "equipment", "killed", "wounded", "captured"):
        return kind
    if kind not in _CONTEXT_KINDS:
        return "other"
    lo = max(left, start - _CONTEXT_WINDOW)
    hi = min(right, end + _CONTEXT_WINDOW)
    for cm in _CLAUSE_END_RE.finditer(text, lo, start):
        lo = cm.end()
    ce = _CLAUSE_END_RE.search(text, end, hi) if end < hi else None
    if ce is not None:
        hi = ce.start()
    # A cue on the left must be in the same comma-separated segment ("killing
    # 3 soldiers", not "thousands died, and millions fled"); one on the right
    # may be further on ("12 civilians, including 3 children, were killed").
    comma = text.rfind(",", lo, start)
    left_limit = comma + 1 if comma >= 0 else lo
    best: tuple[int, str] | None = None
    for cm in _CASUALTY_RE.finditer(text, lo, max(lo, hi)):
        if start <= cm.start() < end or cm.end() <= left_limit:
            continue
        dist = start - cm.end() if cm.end() <= start else cm.start() - end
        label = cm.lastgroup or "killed"
        if best is None or dist < best[0]:
            best = (dist, label)
    if best is not None:
        return best[1]
    return "personnel" if kind == "personnel" else "other"


# 5. Assembly ------------------------------------------------------------------
def _is_excluded(text: str, atom: _Atom, end: int, unit_kind: str, *, bounded: bool) -> bool:
    """True for years, dates, clock times, labels and list markers.

    A four-digit number from 1000 to 2100 is a year unless it counts a listed
    noun ("1500 troops") or carries a bound cue ("more than 2000"), and always
    after "in", "since", "from"... ("in 2022").
    """
    before = text[max(0, atom.start - _CUE_WINDOW) : atom.start]
    if atom.plain_year and (
        (unit_kind in ("none", "noun", "duration") and not bounded) or _YEAR_LEFT_RE.search(before)
    ):
        return True
    if atom.value <= 31 and atom.value.is_integer() and not atom.currency and not atom.vague:
        if _DATE_RIGHT_RE.match(text, end) or _DATE_LEFT_RE.search(before):
            return True
    tm = None if atom.vague else _TIME_RIGHT_RE.match(text, end)
    if tm is not None and _CLOCK_RE.fullmatch(text, atom.start, end) and (
        not tm.group("ampm") or atom.value <= 12.59
    ):
        return True
    label = _LABEL_LEFT_RE.search(before)
    if label is not None and not atom.currency:
        word = label.group(1)
        if word is None or (word[0].isupper() and word.lower() in nw.LABEL_WORDS):
            return True
    if _LIST_MARKER_LEFT_RE.search(before) and re.match(r"[.)]\s", text[end : end + 2]) and atom.value < 100:
        return True
    return False


def _combine_ranges(text: str, atoms: list[_Atom]) -> list[tuple[_Atom, _Atom | None]]:
    """Pair atoms written as ranges ('200-300', '200 to 300', 'between 1 and 2 million')."""
    out: list[tuple[_Atom, _Atom | None]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            sep = _RANGE_SEP_RE.fullmatch(text, a.end, b.start)
            if sep is None and not (a.currency or a.percent or a.glued_unit):
                # "44 mg to 50 mg", "between 20 km and 30 km": the unit written twice.
                unit, _, unit_end = _find_unit(text, a.end, skip_of=False)
                if unit is not None and unit == _find_unit(text, b.end, skip_of=False)[0]:
                    sep = _RANGE_SEP_RE.fullmatch(text, unit_end, b.start)
            if sep is not None and a.plain_year and (
                b.plain_year or (sep.group().strip() in "-–" and b.end - b.start == 2)
            ):
                i += 2  # a span of years, "2022-23", "1995-01": neither half is a count
                continue
            if sep is not None and _range_ok(text, a, b, sep.group()):
                out.append((a, b))
                i += 2
                continue
        out.append((a, None))
        i += 1
    return out


def _range_ok(text: str, a: _Atom, b: _Atom, sep: str) -> bool:
    """Whether two adjacent atoms form one range; shares multiplier and currency."""
    if a.vague or b.vague or (a.percent and not b.percent):
        return False
    word = sep.strip().lower()
    left = text[max(0, a.start - _CUE_WINDOW) : a.start]
    cue = _LEFT_CUE_RE.search(left)
    range_cue = (cue.group("range") or "").lower() if cue is not None else ""
    if word == "and" and range_cue != "between":
        return False
    if range_cue == "from" and _CHANGE_VERB_RE.search(
        text, max(0, a.start - len(left) + cue.start() - 16), a.start - len(left) + cue.start()
    ):
        return False  # "the toll rose from 200 to 300" is a change, not a range
    low, high = a.value, b.value
    if b.multiplied and not a.multiplied and low * _multiplier_of(b) <= high and low < b.value:
        low = low * _multiplier_of(b)
    if low > high and high < 0 and word not in ("and", "or"):
        low, high = high, low  # "from -18 °C to -34 °C": falling negatives written as a range
        b.value = high
    if low >= high:
        return False
    a.value = low
    a.plain_year = b.plain_year = False  # "1000-5000" is a range of counts, not years
    if b.currency and not a.currency:
        a.currency = b.currency
    if a.currency and not b.currency:
        b.currency = a.currency
    if b.percent:
        a.percent = True
    return True


def _multiplier_of(atom: _Atom) -> float:
    """The multiplier a '2 million' atom carries (1 when none)."""
    for mult in (1e12, 1e9, 1e6, 1e3):
        if atom.multiplied and atom.value >= mult and (atom.value / mult) < 1000:
            return mult
    return 1.0


_CHANGE_VERB_RE = re.compile(
    r"\b(?:rose|risen|rising|rises|increased?|increasing|grew|grown|jumped|climbed|fell|fallen|dropped"
    r"|decreased?|declined?|raised|reduced|cut|went\s+up|gone\s+up|up|down)\s+$",
    re.IGNORECASE,
)
_NO_ONE_RE = re.compile(r"\b(?:no|any|every|some)[ -]?$", re.IGNORECASE)
_NAME_BEFORE_RE = re.compile(r"[A-Za-z][\w'’]*[ \u00a0]([A-Z][A-Za-z]+)[ \u00a0]$")


def _is_name_number(text: str, atom: _Atom) -> bool:
    """'Nord Stream 2', 'World War 2': a small number after a capitalised word inside a sentence."""
    if atom.value >= 1000 or atom.vague or atom.currency or not text[atom.start].isdigit():
        return False
    return _NAME_BEFORE_RE.search(text, max(0, atom.start - 40), atom.start) is not None


def _glued_unit(glued: str) -> tuple[str, str]:
    """Unit and kind of a suffix written on the digits ("10km", "24h", "10kg")."""
    if glued in nw.DISTANCE_UNITS:
        return nw.DISTANCE_UNITS[glued], "distance"
    if glued in nw.DURATION_UNITS:
        return nw.DURATION_UNITS[glued], "duration"
    if glued in nw.OTHER_UNITS:
        return nw.OTHER_UNITS[glued], "other"
    if glued.startswith("°"):
        return glued, "measure"
    return nw.SYMBOL_UNITS.get(glued, glued), "other"


def _build(text: str, a: _Atom, b: _Atom | None) -> _Found | None:
    """Attach cues, unit and bounds to one atom or range pair."""
    last = b or a
    num_end = last.end
    start = a.start
    value: float | None
    low: float | None
    high: float | None
    if b is not None:
        value, low, high = None, a.value, b.value
    elif a.vague:
        value, low, high = None, a.value, None
    else:
        value = low = high = a.value
    # Unit.
    if a.currency or last.currency:
        unit: str | None = a.currency or last.currency
        kind = "money"
        end = num_end
        # "$5 billion dollars" / "5 million euros": a currency word after wins.
        _, w_kind, w_end = _find_unit(text, num_end, skip_of=False)
        if w_kind == "money":
            end = w_end
    elif a.percent or last.percent:
        unit, kind, end = "percent", "percent", num_end
    elif last.glued_unit is not None:
        unit, kind = _glued_unit(last.glued_unit)
        end = num_end
    else:
        unit, kind, end = _find_unit(
            text, num_end, skip_of=a.vague or last.vague, singular=b is None and a.value == 1
        )
        if unit is None:
            end = num_end
        if (a.fraction or last.fraction) and kind not in _MEASURE_KINDS:
            # "two thirds of the troops": a share, not a count of troops
            unit, kind, end = None, "share", num_end
    # Left cue.
    has_cue = False
    left = text[max(0, start - _CUE_WINDOW) : start]
    cue = _LEFT_CUE_RE.search(left)
    if cue is not None and not (cue.group("range") and b is None):
        has_cue = True
        start = start - len(left) + cue.start()
        while start < a.start and text[start].isspace():
            start += 1
        if b is None and not a.vague:
            group = cue.lastgroup
            sym = cue.group("sym")
            if sym:
                group = "lower" if sym in (">", ">=", "=>", "≥") else "upper"
            if group == "lower":
                low, high = a.value, None
            elif group == "upper":
                low, high = None, a.value
            elif group == "approx":
                low = high = None
    bounded = has_cue and cue is not None and cue.group("range") is None and cue.group("approx") is None
    if _is_excluded(text, a, num_end, kind, bounded=bounded) or (
        b is not None and _is_excluded(text, b, num_end, kind, bounded=bounded)
    ):
        return None
    no_one = _NO_ONE_RE.search(text, max(0, a.start - 8), a.start)
    if a.bare_one and b is None and (kind in ("none", "noun") or no_one):
        return None
    if b is None and not has_cue and kind in ("none", "noun") and _is_name_number(text, a):
        return None
    # Right cue ("500 or more", "1,000+").
    if b is None and not a.vague:
        rc = _RIGHT_CUE_RE.match(text, num_end if unit is None or end == num_end else end)
        if rc is None and end != num_end:
            rc = _RIGHT_CUE_RE.match(text, num_end)
        if rc is not None:
            if rc.group("upper"):
                low, high = None, a.value
            else:
                low, high = a.value, None
            end = max(end, rc.end())
            if unit is None:  # "500 or more soldiers"
                unit, kind, unit_end = _find_unit(text, end, skip_of=False)
                end = max(end, unit_end)
    return _Found(start, end, a.start, num_end, value, low, high, unit, kind, has_cue)


def _merge_bounds(text: str, found: list[_Found]) -> list[_Found]:
    """Join 'more than 10 and less than 20' (a lower and an upper bound) into one range."""
    out: list[_Found] = []
    for f in found:
        if out:
            p = out[-1]
            joined = _BOUND_JOIN_RE.fullmatch(text[p.end : f.start]) is not None
            one_sided_p = p.value is not None and (p.low is None) != (p.high is None)
            one_sided_f = f.value is not None and (f.low is None) != (f.high is None)
            same_unit = None in (f.unit, p.unit) or f.unit == p.unit
            if joined and one_sided_p and one_sided_f and p.has_cue and f.has_cue and same_unit:
                low = p.low if p.low is not None else f.low
                high = p.high if p.high is not None else f.high
                if low is not None and high is not None and low < high:
                    unit, kind = (p.unit, p.kind) if p.unit else (f.unit, f.kind)
                    out[-1] = _Found(
                        p.start, f.end, p.num_start, f.num_end, None, low, high, unit, kind, True
                    )
                    continue
        out.append(f)
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Find the quantities in a text, with bounds, unit and category.

    Args:
        text: Raw document text. Offsets in the result index into it.

    Returns:
        Quantities in text order, non-overlapping, each with
        ``text[q.start:q.end] == q.text``. See the module docstring for the
        value/low/high conventions and what is left out.
    """
    if not text:
        return []
    # 1. numbers, 2. ranges, 3. cues and units, 4. bound pairs, 5. categories.
    atoms = _atoms(text)
    found: list[_Found] = []
    for a, b in _combine_ranges(text, atoms):
        f = _build(text, a, b)
        if f is None:
            continue
        if found and f.start < found[-1].end:
            if f.num_start < found[-1].end:
                continue
            f.start = f.num_start  # a unit/cue overlap: keep the number, drop the shared words
        found.append(f)
    found = _merge_bounds(text, found)
    result: list[Quantity] = []
    for i, f in enumerate(found):
        left = found[i - 1].end if i else 0
        right = found[i + 1].start if i + 1 < len(found) else len(text)
        category = _category(text, f.start, f.end, f.kind, left, right)
        if (
            result
            and category in ("other", "personnel")
            and f.kind in _CONTEXT_KINDS
            and result[-1].category in ("killed", "wounded", "captured")
            and _CONNECTOR_RE.fullmatch(text, left, f.start)
        ):
            category = result[-1].category  # "the toll rose from 200 to 300"
        result.append(
            Quantity(
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                value=f.value,
                low=f.low,
                high=f.high,
                unit=f.unit,
                category=category,
            )
        )
    return result


# 6. spaCy component -------------------------------------------------------------
@Language.factory(
    "claimledger_quantity_finder",
    assigns=["doc._.cl_quantities"],
    default_config={"use_parse": True},
)
def make_quantity_finder(nlp: Language, name: str, use_parse: bool) -> QuantityFinder:
    """Build the quantity finder (registered as ``claimledger_quantity_finder``).

    Args:
        nlp: The pipeline.
        name: The component name.
        use_parse: Use the dependency parse, when the doc has one, to find the
            noun a number counts where the word tables find none.

    Returns:
        The component.
    """
    return QuantityFinder(nlp, name, use_parse=use_parse)


class QuantityFinder:
    """Write :func:`find_quantities` results to ``doc._.cl_quantities``."""

    def __init__(
        self, nlp: Language, name: str = "claimledger_quantity_finder", *, use_parse: bool = True
    ) -> None:
        """Set up the component.

        Args:
            nlp: The pipeline (unused, kept for the factory signature).
            name: The component name.
            use_parse: Whether to use the parse to fill in missing units.
        """
        install_extensions()
        self.name = name
        self.use_parse = use_parse

    def __call__(self, doc: Doc) -> Doc:
        """Find the quantities of ``doc`` and store them on it."""
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Quantity]:
        """Find the quantities of ``doc`` (text path, then parse-based unit fill-in).

        Args:
            doc: A Doc; a parse is used when present and ``use_parse`` is set.

        Returns:
            The quantities, offsets into ``doc.text``.
        """
        text = doc_text(doc)
        found = find_quantities(text)
        if not (self.use_parse and doc.has_annotation("DEP") and doc.has_annotation("POS")):
            return found
        return [self._fill_unit(doc, q, found, i) for i, q in enumerate(found)]

    def _fill_unit(self, doc: Doc, q: Quantity, found: list[Quantity], i: int) -> Quantity:
        """Use the noun the number modifies (dep nummod) as unit when none was found."""
        if q.unit is not None:
            return q
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return q
        token = span[-1]
        head = token.head
        if token.dep_ != "nummod" or head.pos_ != "NOUN" or head.i <= token.i:
            return q
        same_sentence = sentence_of(token.doc, head.idx).start == sentence_of(token.doc, token.idx).start
        if head.i - token.i > _MAX_UNIT_WORDS or not same_sentence:
            return q
        end = head.idx + len(head.text)
        right = found[i + 1].start if i + 1 < len(found) else len(doc_text(doc))
        if end > right:
            return q
        unit = head.lower_
        kind = _COUNT_KIND.get(unit, "noun")
        if unit in nw.CURRENCY_WORDS:
            unit, kind = nw.CURRENCY_WORDS[unit], "money"
        elif unit in nw.DISTANCE_UNITS:
            unit, kind = nw.DISTANCE_UNITS[unit], "distance"
        elif unit in nw.DURATION_UNITS:
            unit, kind = nw.DURATION_UNITS[unit], "duration"
        left = found[i - 1].end if i else 0
        category = _category(doc_text(doc), q.start, end, kind, left, right)
        return replace(q, end=end, text=doc_text(doc)[q.start : end], unit=unit, category=category)

    def set_annotations(self, doc: Doc, found: list[Quantity]) -> None:
        """Store ``found`` as ``doc._.cl_quantities``."""
        doc._.cl_quantities = found
