"""TempEval-3 (TBAQ-cleaned) time expressions: extraction and normalisation, TempEval-3 scorer definitions.

Metrics, as the TempEval-3 scorer defines them for TIMEX3 (UzZaman et al. 2013):

- strict P/R/F1: a system mention matches a gold one with exactly the same span;
- relaxed P/R/F1: a system mention matches a gold one when their spans overlap;
  precision counts system mentions overlapping some gold mention, recall gold
  mentions overlapping some system mention;
- attribute F1 (type, value) = attribute accuracy x relaxed F1, where accuracy
  is over the relaxed-matched pairs (each gold mention paired with the system
  mention that overlaps it most). HeidelTime's 77.61 on the platinum test set
  is the value F1 in this sense.

Gold comes from the ``<TIMEX3>`` tags inside ``<TEXT>`` (the DCT tag outside it
gives the publication date). Values are compared as exact strings. TimeBank
resolves unanchored weekdays in past-tense reports either way; the extractor
keeps the house rule (the most recent such day on or before publication), so
some value errors are differences of convention, not of reading.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..harness import EvalResult, Task

CORPUS = "tempeval3/Training/TBAQ-cleaned"
#: The two halves of TBAQ-cleaned (testpipeline/ holds a copy of one TimeBank file).
PARTS = ("TimeBank", "AQUAINT")
#: Documents read in quick mode (a fixed prefix of the sorted file list).
QUICK_DOCS = 60
#: Failure lines kept in the result.
MAX_FAILURES = 60

_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT_RE = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"([^\"]+)\"", re.DOTALL)
_PIECE_RE = re.compile(r"<[^>]*>|[^<]+")
_ATTR_RE = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: character span in the plain text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeDoc:
    """A TimeML document reduced to plain text, its creation date and its gold TIMEX3s."""

    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


def read_tml(raw: str, name: str = "") -> TimeDoc:
    """Read a TimeML document: the text inside ``<TEXT>`` with its tags removed and entities unescaped.

    Args:
        raw: The .tml file's content.
        name: A name for messages and failure lines.

    Returns:
        The document; gold offsets index into ``TimeDoc.text``.

    Raises:
        ValueError: If the document has no ``<TEXT>`` element.
    """
    body = _TEXT_RE.search(raw)
    if body is None:
        raise ValueError(f"{name or 'document'} has no <TEXT> element; is it TimeML?")
    dct_m = _DCT_RE.search(raw)
    dct = dct_m.group(1)[:10] if dct_m else None
    out: list[str] = []
    pos = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    for piece in _PIECE_RE.findall(body.group(1)):
        if piece.startswith("<"):
            if piece.startswith("<TIMEX3"):
                open_timex = (pos, dict(_ATTR_RE.findall(piece)))
            elif piece.startswith("</TIMEX3") and open_timex is not None:
                start, attrs = open_timex
                text = "".join(out)[start:pos]
                if pos > start:
                    timexes.append(GoldTimex(start, pos, text, attrs.get("type", ""), attrs.get("value", "")))
                open_timex = None
            continue
        plain = html.unescape(piece)
        out.append(plain)
        pos += len(plain)
    return TimeDoc(name, "".join(out), dct, tuple(timexes))


@dataclass(slots=True)
class Counts:
    """Tallies for the TempEval-3 timex scores, summed over documents."""

    gold: int = 0
    system: int = 0
    strict_sys: int = 0  # system mentions with an exact gold span
    strict_gold: int = 0  # gold mentions with an exact system span
    relaxed_sys: int = 0  # system mentions overlapping a gold mention
    relaxed_gold: int = 0  # gold mentions overlapping a system mention
    type_ok: int = 0  # relaxed-matched pairs with the gold type
    value_ok: int = 0  # relaxed-matched pairs with the gold value


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


@dataclass(frozen=True, slots=True)
class SysTimex:
    """A system mention reduced to what the scorer compares."""

    start: int
    end: int
    text: str
    type: str
    value: str


def score_doc(
    gold: tuple[GoldTimex, ...] | list[GoldTimex], system: list[SysTimex], counts: Counts
) -> list[tuple[GoldTimex, SysTimex | None]]:
    """Add one document's tallies to ``counts``.

    Args:
        gold: The gold mentions.
        system: The system mentions.
        counts: Running tallies, updated in place.

    Returns:
        Each gold mention with the system mention overlapping it most (None when missed).
    """
    counts.gold += len(gold)
    counts.system += len(system)
    gold_spans = {(g.start, g.end) for g in gold}
    sys_spans = {(s.start, s.end) for s in system}
    counts.strict_sys += sum(1 for s in system if (s.start, s.end) in gold_spans)
    counts.strict_gold += sum(1 for g in gold if (g.start, g.end) in sys_spans)
    counts.relaxed_sys += sum(
        1 for s in system if any(_overlap((s.start, s.end), (g.start, g.end)) > 0 for g in gold)
    )
    pairs: list[tuple[GoldTimex, SysTimex | None]] = []
    for g in gold:
        best: SysTimex | None = None
        best_len = 0
        for s in system:
            ov = _overlap((g.start, g.end), (s.start, s.end))
            if ov > best_len:
                best, best_len = s, ov
        pairs.append((g, best))
        if best is not None:
            counts.relaxed_gold += 1
            counts.type_ok += best.type == g.type
            counts.value_ok += best.value == g.value
    return pairs


def _prf(hit_sys: int, n_sys: int, hit_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = hit_sys / n_sys if n_sys else 0.0
    r = hit_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def metrics_from(counts: Counts) -> dict[str, float]:
    """TempEval-3 figures from the tallies (0-1 scale).

    Args:
        counts: Tallies summed over the documents.

    Returns:
        strict_p/r/f1, relaxed_p/r/f1, type_accuracy, value_accuracy, and
        type_f1/value_f1 = accuracy x relaxed F1.
    """
    sp, sr, sf = _prf(counts.strict_sys, counts.system, counts.strict_gold, counts.gold)
    rp, rr, rf = _prf(counts.relaxed_sys, counts.system, counts.relaxed_gold, counts.gold)
    type_acc = counts.type_ok / counts.relaxed_gold if counts.relaxed_gold else 0.0
    value_acc = counts.value_ok / counts.relaxed_gold if counts.relaxed_gold else 0.0
    return {
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_accuracy": type_acc, "value_accuracy": value_acc,
        "type_f1": type_acc * rf, "value_f1": value_acc * rf,
    }  # fmt: skip


def corpus_files(root: Path, quick: bool) -> list[Path]:
    """The .tml files of TBAQ-cleaned in a stable order (a prefix of them in quick mode)."""
    files = sorted(p for part in PARTS for p in (root / CORPUS / part).glob("*.tml"))
    return files[:QUICK_DOCS] if quick else files


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def run(root: Path, quick: bool) -> EvalResult:
    from ...nlp.times import find_times

    counts = Counts()
    value_errors: list[str] = []
    missed: list[str] = []
    spurious: list[str] = []
    error_kinds: Counter[str] = Counter()
    files = corpus_files(root, quick)
    for path in files:
        doc = read_tml(path.read_text(encoding="utf-8"), path.name)
        found = find_times(doc.text, doc.dct)
        system = [SysTimex(t.start, t.end, t.text, t.type, t.value or "") for t in found]
        pairs = score_doc(doc.timexes, system, counts)
        for g, s in pairs:
            if s is None:
                error_kinds[f"missed {g.type}"] += 1
                missed.append(
                    f"{path.name} MISSED {g.type} {g.value!r}: {_context(doc.text, g.start, g.end)}"
                )
            elif s.value != g.value:
                error_kinds[f"value {g.type}"] += 1
                value_errors.append(
                    f"{path.name} dct={doc.dct} VALUE {g.text!r} gold={g.value} ours={s.value} "
                    f"(ours {s.text!r}): {_context(doc.text, g.start, g.end)}"
                )
        for s in system:
            if not any(_overlap((s.start, s.end), (g.start, g.end)) > 0 for g in doc.timexes):
                error_kinds[f"spurious {s.type}"] += 1
                spurious.append(
                    f"{path.name} SPURIOUS {s.type} {s.value}: {_context(doc.text, s.start, s.end)}"
                )
    metrics = metrics_from(counts)
    third = MAX_FAILURES // 3
    return EvalResult(
        "times",
        f"{CORPUS} ({len(files)} documents, {counts.gold} TIMEX3){' quick' if quick else ''}",
        metrics=metrics,
        anchor="HeidelTime value F1 77.61 (platinum test)",
        notes=[
            (
                f"gold {counts.gold}, ours {counts.system}, strict {counts.strict_gold}, "
                f"relaxed {counts.relaxed_gold}, type right {counts.type_ok}, value right {counts.value_ok}"
            ),
            "errors: " + ", ".join(f"{k} {v}" for k, v in error_kinds.most_common()),
            "weekdays follow the house rule (most recent on or before publication), not TimeBank's mixed convention",
        ],
        failures=value_errors[:third] + missed[:third] + spurious[:third],
    )


TASK = Task("times", (CORPUS,), run)
