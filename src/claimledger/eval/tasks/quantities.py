"""quantulum3's own test sentences: values, units and whole sentences from find_quantities.

Data: ``quantulum3_cases/quantities.json`` (101 sentences, 148 quantities) and
``quantulum3_cases/quantities.ambiguity.json`` (20 sentences whose units
quantulum3 disambiguates with a trained classifier: "pound" of mass or
sterling, "b" as bit or barn), scored apart with an ``ambiguity_`` prefix. Each
case is ``{"req": sentence, "res": [{"value", "unit", "surface",
"uncertainty"?}]}``; ranges are written as the midpoint with an
``uncertainty`` of half the width ("3 to 4 L" is 3.5 +/- 0.5).

How an expected quantity is matched by one of ours:

- Representative value of one of our quantities: ``value`` when set (exact,
  approximate, one-sided bounds, which carry ``value = X``); otherwise the
  midpoint of ``low`` and ``high`` when both are set (a range); otherwise the
  one bound that is set (a vague plural, "hundreds of": ``low``). One number
  per quantity, so a range never matches its own ends.
- Value equality: the representative value equals the expected ``value``
  within a relative tolerance of 1e-6 (``1e-6 * max(1, |value|)``).
- Place: the expected ``surface`` is looked up in the sentence (the first
  occurrence at or after the previous expected surface, else anywhere); when
  found, our span must overlap it. A surface not found in the sentence puts
  no constraint on place.
- Pairing is one-to-one and greedy in the expected order: each expected
  quantity takes the first of our quantities, in text order, not yet taken
  that matches it.

Units are scored only on value-matched pairs (``unit_agree``) and never make
a value match fail. They are compatible when:

- quantulum3 says ``dimensionless`` and we give no unit or a counted noun (a
  unit outside :data:`MEASURE_UNITS`, which holds our measure names, unit
  symbols and currency codes: quantulum3 calls "50 cars" dimensionless);
- the quantulum3 name is in :data:`UNIT_TABLE` and ours is one of its entries;
- otherwise both names, normalised (lower case, "metre" spelt "meter", a
  final "s" dropped), are equal ("nanometers" ~ "nanometre", "dimes" ~ "dime").

Metrics (each file): ``value_pass`` = expected quantities matched by value /
all expected quantities; ``sentence_pass`` = sentences where every expected
quantity is matched and every quantity we emit is matched (so a sentence with
nothing expected passes only when we emit nothing) / all sentences;
``unit_agree`` = value-matched pairs with compatible units / value-matched
pairs.

Differences of convention are counted as misses (the notes count the years):
quantulum3 reads years ("in 1979", "in 2013") as dimensionless quantities,
the product never does; it reads "reduced from 44 mg to 50 mg" as one range,
where a change verb makes two quantities for us; it reads accounting brackets
"($99.99)" as negative, "a gallon" as one gallon (we read no "a <unit>" as a
count) and "a dozen" as 1 of the unit "dozen", where we give 12.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...model import Quantity
from ...nlp.lang.en import number_words as nw
from ..harness import EvalResult, Task

FOLDER = "quantulum3_cases"
FILES: dict[str, str] = {
    "": f"{FOLDER}/quantities.json",
    "ambiguity_": f"{FOLDER}/quantities.ambiguity.json",
}
#: Failing sentences kept per file.
MAX_FAILURES = 80
#: Relative tolerance for value equality (values are written with at most ~6 significant digits).
REL_TOL = 1e-6

#: quantulum3 unit name (lower case) -> the unit names find_quantities gives for it.
UNIT_TABLE: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        "metre": {"m"}, "kilometre": {"km"}, "centimetre": {"cm"}, "millimetre": {"mm"},
        "mile": {"miles"}, "inch": {"inches"}, "foot": {"feet"}, "yard": {"yards"},
        "nautical mile": {"nautical miles"},
        "square kilometre": {"km²"}, "square mile": {"mi²"}, "square metre": {"m²"},
        "cubic kilometre": {"km³"}, "cubic metre": {"m³"}, "kilometre per hour": {"km/h"},
        "mile per hour": {"mph"},
        "second": {"seconds"}, "minute": {"minutes"}, "hour": {"hours"}, "day": {"days"},
        "week": {"weeks"}, "month": {"months"}, "year": {"years"}, "decade": {"decades"},
        "pound sterling": {"GBP"}, "dollar": {"USD"}, "euro": {"EUR"}, "yen": {"JPY"},
        "percentage": {"percent"},
        "kilogram": {"kg"}, "milligram": {"mg"}, "gram": {"g"}, "tonne": {"tonnes", "t"},
        "pound-mass": {"lbs"}, "litre": {"litres", "l"}, "gallon": {"gallons"},
        "cubic centimetre": {"ml", "mL"},
        "degree celsius": {"°C"}, "degree fahrenheit": {"°F"}, "kelvin": {"K"},
        "watt": {"W", "watts"}, "megawatt": {"MW"}, "gigawatt": {"GW"},
        "watt hour": {"Wh"}, "kilowatt hour": {"kWh"}, "megawatt hour": {"MWh"},
        "electronvolt": {"eV"}, "teraelectronvolt": {"TeV"}, "gigahertz": {"GHz"},
        "megahertz": {"MHz"}, "megabyte": {"MB"}, "gigabyte": {"GB"}, "gray": {"Gy"},
        "milligray": {"mGy"}, "centilitre": {"cl"}, "millilitre": {"ml", "mL"},
        "megayear": {"Ma"}, "gigayear": {"Ga"}, "ton per day": {"tpd"},
    }.items()
}  # fmt: skip
#: Our measure units: a quantity with one of these is no plain count.
MEASURE_UNITS: frozenset[str] = (
    frozenset().union(*UNIT_TABLE.values())
    | frozenset(nw.DISTANCE_UNITS.values())
    | frozenset(nw.DURATION_UNITS.values())
    | frozenset(nw.OTHER_UNITS.values())
    | frozenset(nw.SYMBOL_UNITS.values())
    | frozenset(nw.CURRENCY_WORDS.values())
    | frozenset(nw.CURRENCY_SYMBOLS.values())
    | {"°", "°C", "°F", "years old", "percent"}
)

_YEAR_RE = re.compile(r"1\d{3}|20\d{2}")


@dataclass(frozen=True, slots=True)
class Expected:
    """One quantulum3 quantity; ``start``/``end`` locate its surface (None when not found)."""

    value: float
    unit: str
    surface: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Case:
    """One sentence and the quantities quantulum3 expects in it."""

    text: str
    expected: tuple[Expected, ...]


@dataclass(slots=True)
class Outcome:
    """How one case went: ``pairs`` maps expected index -> our index."""

    pairs: dict[int, int] = field(default_factory=dict)
    missed: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    unit_ok: int = 0

    @property
    def passed(self) -> bool:
        return not self.missed and not self.extra


@dataclass(slots=True)
class Scores:
    """Counts over a file, and the figures made from them."""

    expected: int = 0
    matched: int = 0
    unit_ok: int = 0
    sentences: int = 0
    sentences_ok: int = 0

    def metrics(self, prefix: str = "") -> dict[str, float]:
        return {
            f"{prefix}value_pass": self.matched / self.expected if self.expected else 0.0,
            f"{prefix}sentence_pass": self.sentences_ok / self.sentences if self.sentences else 0.0,
            f"{prefix}unit_agree": self.unit_ok / self.matched if self.matched else 0.0,
        }


def load_cases(raw: Iterable[dict[str, Any]]) -> list[Case]:
    """Cases from a parsed quantulum3 test file, with each surface located in its sentence.

    Args:
        raw: The parsed JSON list (``req``/``res`` items).

    Returns:
        One Case per item, in file order.
    """
    cases: list[Case] = []
    for item in raw:
        text = item["req"]
        cursor = 0
        expected: list[Expected] = []
        for r in item.get("res") or []:
            surface = r.get("surface") or ""
            at = text.find(surface, cursor) if surface else -1
            if at < 0 and surface:
                at = text.find(surface)
            start, end = (at, at + len(surface)) if at >= 0 else (None, None)
            if start is not None:
                cursor = start + 1
            expected.append(Expected(float(r["value"]), str(r.get("unit", "")), surface, start, end))
        cases.append(Case(text, tuple(expected)))
    return cases


def representative_value(q: Quantity) -> float | None:
    """The one number a quantity is compared by (see the module docstring).

    Args:
        q: One of our quantities.

    Returns:
        ``value``, else the midpoint of a two-sided range, else the bound that is set.
    """
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return q.low if q.low is not None else q.high


def values_equal(a: float | None, b: float) -> bool:
    """Whether ``a`` equals ``b`` within :data:`REL_TOL` (relative, at least absolute 1e-6)."""
    return a is not None and abs(a - b) <= REL_TOL * max(1.0, abs(b))


def _norm_unit(name: str) -> str:
    n = name.lower().strip().replace("metre", "meter").replace("litre", "liter")
    return n[:-1] if n.endswith("s") and not n.endswith("ss") else n


def units_compatible(expected_unit: str, ours: str | None) -> bool:
    """Whether our unit names the same thing as a quantulum3 unit (see the module docstring).

    Args:
        expected_unit: The quantulum3 unit name ("metre", "dimensionless").
        ours: Our unit (None for no unit).

    Returns:
        True when compatible.
    """
    key = expected_unit.lower()
    if key == "dimensionless":
        return ours is None or ours not in MEASURE_UNITS
    if ours is None:
        return False
    if key in UNIT_TABLE:
        return ours in UNIT_TABLE[key]
    return _norm_unit(ours) == _norm_unit(expected_unit)


def _overlaps(e: Expected, q: Quantity) -> bool:
    if e.start is None or e.end is None:
        return True
    return min(e.end, q.end) > max(e.start, q.start)


def match_case(case: Case, found: Sequence[Quantity]) -> Outcome:
    """Pair a case's expected quantities with ours, one to one (see the module docstring).

    Args:
        case: The case.
        found: Our quantities for ``case.text``, in text order.

    Returns:
        The pairs, the expected indexes missed, our indexes left over and how
        many pairs have compatible units.
    """
    out = Outcome()
    taken: set[int] = set()
    for i, e in enumerate(case.expected):
        for j, q in enumerate(found):
            if j not in taken and values_equal(representative_value(q), e.value) and _overlaps(e, q):
                taken.add(j)
                out.pairs[i] = j
                out.unit_ok += units_compatible(e.unit, q.unit)
                break
        else:
            out.missed.append(i)
    out.extra = [j for j in range(len(found)) if j not in taken]
    return out


def _is_year(e: Expected) -> bool:
    return e.unit == "dimensionless" and _YEAR_RE.fullmatch(e.surface) is not None


def _describe(case: Case, found: Sequence[Quantity], out: Outcome) -> str:
    missed = "; ".join(
        f"{case.expected[i].surface!r}={case.expected[i].value:g} {case.expected[i].unit}" for i in out.missed
    )
    extra = "; ".join(
        f"{found[j].text!r}={representative_value(found[j])} {found[j].unit}" for j in out.extra
    )
    return f"{case.text!r}: missed [{missed}] extra [{extra}]"


def score(
    cases: Sequence[Case], finder: Callable[[str], list[Quantity]]
) -> tuple[Scores, list[str], list[str]]:
    """Run ``finder`` on every case and count.

    Args:
        cases: The cases.
        finder: ``find_quantities`` or a stand-in with its signature.

    Returns:
        The counts, one line per failing sentence, and one line per value-matched
        pair whose units disagree.
    """
    s = Scores()
    failures: list[str] = []
    unit_diffs: list[str] = []
    for case in cases:
        found = finder(case.text)
        out = match_case(case, found)
        s.expected += len(case.expected)
        s.matched += len(out.pairs)
        s.unit_ok += out.unit_ok
        s.sentences += 1
        s.sentences_ok += out.passed
        if not out.passed:
            failures.append(_describe(case, found, out))
        for i, j in out.pairs.items():
            if not units_compatible(case.expected[i].unit, found[j].unit):
                unit_diffs.append(f"{case.expected[i].surface!r}: {case.expected[i].unit} vs {found[j].unit}")
    return s, failures, unit_diffs


def run(root: Path, quick: bool) -> EvalResult:
    """Score find_quantities on both quantulum3 files (``quick`` changes nothing: they are tiny)."""
    from ...nlp.quantities import find_quantities

    result = EvalResult(
        "quantities", ", ".join(FILES.values()),
        anchor="quantulum3's own test cases (it passes its own suite)",
    )  # fmt: skip
    for prefix, rel in FILES.items():
        cases = load_cases(json.loads((root / rel).read_text(encoding="utf-8")))
        s, failures, unit_diffs = score(cases, find_quantities)
        result.metrics.update(s.metrics(prefix))
        label = Path(rel).name
        years = sum(
            1 for c in cases for i in match_case(c, find_quantities(c.text)).missed if _is_year(c.expected[i])
        )
        result.notes.append(
            f"{label}: values {s.matched}/{s.expected}, sentences {s.sentences_ok}/{s.sentences}, "
            f"units {s.unit_ok}/{s.matched}; {years} missed values are years (never quantities by design)"
        )
        if unit_diffs:
            result.notes.append(f"{label} unit disagreements: " + ", ".join(unit_diffs))
        result.failures.extend(f"{label}: {line}" for line in failures[:MAX_FAILURES])
    return result


TASK = Task("quantities", tuple(FILES.values()), run)
