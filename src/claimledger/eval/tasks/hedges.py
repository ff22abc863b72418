"""Szeged uncertainty corpus (Wikipedia part): hedge cues found by find_hedges against the gold ``<ccue>``s.

The data (``szeged_uncertainty/wiki.xml``, the meyersbs/uncertainty re-release of Vincze's
Szeged Uncertainty Corpus) marks cues inline: ``<Sentence>`` text with ``<ccue type="...">``
elements around each cue word or phrase. The four cue types present are mapped to the names
used in Vincze (2015):

| raw ``type``                        | name          | our scope                          |
|-------------------------------------|---------------|------------------------------------|
| ``speculation_modal_probable_``     | epistemic     | yes: probability words             |
| ``speculation_hypo_doxastic _``     | doxastic      | partly: belief / report words      |
| ``speculation_hypo_condition _``    | condition     | no: "if", "would" (stance modality)|
| ``speculation_hypo_investigation _``| investigation | no: "whether" (stance modality)    |

Scoring:

* a cue is one ``<ccue>`` element, ``(start, end)`` in the sentence's plain text (the
  concatenated text of the sentence with the tags removed). The format has no cue ids, so a
  discontinuous cue ("either ... or") is two ``<ccue>`` elements and counts as two cues, each
  found or missed on its own; a contiguous multi-word cue ("may or may not") is one cue;
* exact: a predicted hedge counts when its ``(start, end)`` equals a gold cue's;
* overlap: precision is the share of predicted hedges that overlap some gold cue, recall the
  share of gold cues overlapped by some predicted hedge;
* per type T: the gold cues are those of type T; predicted hedges that overlap a cue of another
  type (and none of type T) are set aside (neither right nor wrong for T); every other
  prediction is scored as above. ``focus`` is the same over the epistemic and doxastic cues;
* sentence level (the CoNLL-2010 Task 1 view): a sentence is uncertain when it has any gold cue,
  predicted uncertain when find_hedges finds any hedge in it; P/R/F1 of the uncertain class.

The CoNLL-2010 anchor comes from a different annotation of Wikipedia (weasel-word sentences,
before the semantic re-annotation), so it is a rough yardstick only.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ..harness import EvalResult, Task

logger = logging.getLogger(__name__)

WIKI = "szeged_uncertainty/wiki.xml"
#: Sentences read in a quick run (the first in file order; about a quarter of the corpus).
QUICK_SENTENCES = 5000
#: Distinct failure words listed per kind (false positives, misses) in the result.
MAX_FAILURE_WORDS = 20
#: Cue types reported one by one, and the types the product targets (``focus``).
REPORTED_TYPES: tuple[str, ...] = ("epistemic", "doxastic")
FOCUS_TYPES: frozenset[str] = frozenset({"epistemic", "doxastic"})
ALL_TYPES: tuple[str, ...] = ("epistemic", "doxastic", "condition", "investigation")
_TYPE_NAMES = {
    "modal_probable": "epistemic",
    "hypo_doxastic": "doxastic",
    "hypo_condition": "condition",
    "hypo_investigation": "investigation",
}

#: A span in a sentence: (start, end) character offsets.
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Cue:
    """One gold cue: ``sentence.text[start:end]`` and its type name."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One corpus sentence: its plain text and its gold cues in text order."""

    id: str
    text: str
    cues: tuple[Cue, ...]


def cue_type(raw: str) -> str:
    """The type name of a raw ``ccue`` type attribute.

    Args:
        raw: The attribute, e.g. ``"speculation_hypo_doxastic _"``.

    Returns:
        ``"epistemic"``, ``"doxastic"``, ``"condition"`` or ``"investigation"``.

    Raises:
        InputError: If the type is not one of the four known types.
    """
    key = raw.strip(" _").removeprefix("speculation_").replace(" ", "")
    name = _TYPE_NAMES.get(key)
    if name is None:
        raise InputError(
            f"unknown Szeged cue type {raw!r}: expected one of speculation_modal_probable_, "
            "speculation_hypo_doxastic/condition/investigation; add it to _TYPE_NAMES"
        )
    return name


def _flatten(element: ET.Element, parts: list[str], cues: list[Cue], length: int) -> int:
    """Append ``element``'s text to ``parts`` and its ``ccue``s to ``cues``; return the new length."""
    if element.text:
        parts.append(element.text)
        length += len(element.text)
    for child in element:
        start = length
        length = _flatten(child, parts, cues, length)
        if child.tag == "ccue":
            cues.append(Cue(start, length, cue_type(child.get("type", ""))))
        if child.tail:
            parts.append(child.tail)
            length += len(child.tail)
    return length


def parse_sentence(element: ET.Element) -> Sentence:
    """Turn one ``<Sentence>`` element into its plain text and cue offsets.

    Args:
        element: The ``Sentence`` element, cues inline as ``ccue`` children.

    Returns:
        The sentence, with ``text[c.start:c.end]`` the text of each ``ccue``.
    """
    parts: list[str] = []
    cues: list[Cue] = []
    _flatten(element, parts, cues, 0)
    cues.sort(key=lambda c: (c.start, c.end))
    return Sentence(element.get("id", ""), "".join(parts), tuple(cues))


def read_sentences(path: Path, *, limit: int | None = None) -> list[Sentence]:
    """Read the sentences of a Szeged uncertainty XML file.

    Args:
        path: The XML file (its external DTD is not loaded).
        limit: Stop after this many sentences (all when None).

    Returns:
        The sentences in file order.

    Raises:
        InputError: If the file is not well-formed XML or has an unknown cue type.
    """
    sentences: list[Sentence] = []
    try:
        for _, element in ET.iterparse(path, events=("end",)):
            if element.tag != "Sentence":
                continue
            sentences.append(parse_sentence(element))
            element.clear()
            if limit is not None and len(sentences) >= limit:
                break
    except ET.ParseError as e:
        raise InputError(f"{path} is not well-formed XML ({e}); re-fetch the corpus file") from e
    return sentences


@dataclass(slots=True)
class CueCounts:
    """Cue-level counts, summed over sentences."""

    pred: int = 0
    gold: int = 0
    exact: int = 0
    overlap_pred: int = 0
    overlap_gold: int = 0

    def add(self, other: CueCounts) -> None:
        self.pred += other.pred
        self.gold += other.gold
        self.exact += other.exact
        self.overlap_pred += other.overlap_pred
        self.overlap_gold += other.overlap_gold


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_cues(
    predicted: Sequence[Span], cues: Sequence[Cue], types: Iterable[str] | None = None
) -> CueCounts:
    """Count exact and overlap matches of one sentence's predictions against its gold cues.

    Args:
        predicted: Predicted spans (non-overlapping, as find_hedges returns them).
        cues: The sentence's gold cues.
        types: Score only cues of these types; predictions overlapping only cues of other types
            are set aside. None scores every cue.

    Returns:
        The counts for this sentence.
    """
    wanted = None if types is None else frozenset(types)
    gold = [(c.start, c.end) for c in cues if wanted is None or c.type in wanted]
    other = [(c.start, c.end) for c in cues if wanted is not None and c.type not in wanted]
    gold_set = set(gold)
    counts = CueCounts(gold=len(gold))
    for span in predicted:
        hits = any(_overlaps(span, g) for g in gold)
        if not hits and any(_overlaps(span, o) for o in other):
            continue
        counts.pred += 1
        counts.exact += span in gold_set
        counts.overlap_pred += hits
    counts.overlap_gold = sum(1 for g in gold if any(_overlaps(g, p) for p in predicted))
    return counts


def prf(right_pred: int, n_pred: int, right_gold: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (each 0.0 when undefined).

    Args:
        right_pred: Predictions that are right.
        n_pred: All predictions.
        right_gold: Gold items that were found.
        n_gold: All gold items.

    Returns:
        ``(precision, recall, f1)``.
    """
    p = right_pred / n_pred if n_pred else 0.0
    r = right_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def cue_metrics(counts: CueCounts, prefix: str = "") -> dict[str, float]:
    """Exact and overlap P/R/F1 from counts, keyed ``{prefix}exact_p`` ... ``{prefix}overlap_f1``."""
    ep, er, ef = prf(counts.exact, counts.pred, counts.exact, counts.gold)
    op, orr, of = prf(counts.overlap_pred, counts.pred, counts.overlap_gold, counts.gold)
    return {
        f"{prefix}exact_p": ep, f"{prefix}exact_r": er, f"{prefix}exact_f1": ef,
        f"{prefix}overlap_p": op, f"{prefix}overlap_r": orr, f"{prefix}overlap_f1": of,
    }  # fmt: skip


@dataclass(slots=True)
class Evaluation:
    """Every count of one run, plus the words behind the errors."""

    all: CueCounts
    by_type: dict[str, CueCounts]
    focus: CueCounts
    sentences: tuple[int, int, int]  # (right predicted-uncertain, predicted uncertain, gold uncertain)
    false_positives: Counter[str]
    misses: Counter[str]
    examples: dict[str, str]


def _marked(text: str, span: Span) -> str:
    """The sentence with ``span`` wrapped in ``[[...]]``, shortened around it."""
    s, e = span
    left = max(0, s - 80)
    return ("..." if left else "") + text[left:s] + "[[" + text[s:e] + "]]" + text[e : e + 80]


def evaluate(sentences: Iterable[Sentence], find: Callable[[str], Sequence[Span]]) -> Evaluation:
    """Score ``find`` on ``sentences``.

    Args:
        sentences: Gold sentences.
        find: Returns the predicted cue spans of a sentence's text.

    Returns:
        All counts, and the false-positive and missed words with one example each.
    """
    total, focus = CueCounts(), CueCounts()
    by_type = {t: CueCounts() for t in ALL_TYPES}
    right = n_pred_sent = n_gold_sent = 0
    fps: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for sent in sentences:
        predicted = list(find(sent.text))
        total.add(score_cues(predicted, sent.cues))
        focus.add(score_cues(predicted, sent.cues, FOCUS_TYPES))
        for t in ALL_TYPES:
            by_type[t].add(score_cues(predicted, sent.cues, (t,)))
        said, gold = bool(predicted), bool(sent.cues)
        right += said and gold
        n_pred_sent += said
        n_gold_sent += gold
        for span in predicted:
            if not any(_overlaps(span, (c.start, c.end)) for c in sent.cues):
                key = "FP " + sent.text[span[0] : span[1]].lower()
                fps[key] += 1
                examples.setdefault(key, _marked(sent.text, span))
        for c in sent.cues:
            if not any(_overlaps((c.start, c.end), p) for p in predicted):
                key = f"FN {sent.text[c.start : c.end].lower()} [{c.type}]"
                misses[key] += 1
                examples.setdefault(key, _marked(sent.text, (c.start, c.end)))
    return Evaluation(total, by_type, focus, (right, n_pred_sent, n_gold_sent), fps, misses, examples)


def metrics_of(ev: Evaluation) -> dict[str, float]:
    """The gated figures of an evaluation (0-1 scale)."""
    metrics = cue_metrics(ev.all)
    metrics.update(cue_metrics(ev.focus, "focus_"))
    for t in REPORTED_TYPES:
        metrics.update(cue_metrics(ev.by_type[t], f"{t}_"))
    right, n_pred, n_gold = ev.sentences
    sp, sr, sf = prf(right, n_pred, right, n_gold)
    metrics.update({"sentence_p": sp, "sentence_r": sr, "sentence_f1": sf})
    return metrics


def _find_spans(text: str) -> list[Span]:
    from ...nlp.hedges import find_hedges

    return [(h.start, h.end) for h in find_hedges(text)]


def run(root: Path, quick: bool) -> EvalResult:
    """Score find_hedges on the Wikipedia part of the Szeged uncertainty corpus."""
    sentences = read_sentences(root / WIKI, limit=QUICK_SENTENCES if quick else None)
    ev = evaluate(sentences, _find_spans)
    metrics = metrics_of(ev)
    by_type = ", ".join(f"{t} {c.gold}" for t, c in ev.by_type.items())
    recall_out = ", ".join(
        f"{t} overlap R {prf(0, 0, ev.by_type[t].overlap_gold, ev.by_type[t].gold)[1]:.3f}"
        for t in ALL_TYPES
        if t not in FOCUS_TYPES
    )
    failures = [f"{k} x{n} :: {ev.examples[k]}" for k, n in ev.false_positives.most_common(MAX_FAILURE_WORDS)]
    failures += [f"{k} x{n} :: {ev.examples[k]}" for k, n in ev.misses.most_common(MAX_FAILURE_WORDS)]
    return EvalResult(
        "hedges",
        f"{WIKI} ({len(sentences)} sentences{', quick' if quick else ''})",
        metrics=metrics,
        anchor="CoNLL-2010 task 1 Wikipedia best sentence F1 60.2; no trusted cue-level figure",
        notes=[
            (
                f"gold cues {ev.all.gold} ({by_type}); predicted {ev.all.pred}; "
                f"uncertain sentences gold {ev.sentences[2]}, predicted {ev.sentences[1]}"
            ),
            (
                "focus_* = epistemic + doxastic cues; condition/investigation cues are stance "
                f"modality, out of find_hedges' scope ({recall_out})"
            ),
            "a discontinuous cue (either ... or) is several <ccue> pieces, each scored as one cue",
            "CoNLL-2010 anchor is on the older weasel-sentence annotation; not directly comparable",
        ],
        failures=failures,
    )


TASK = Task("hedges", (WIKI,), run)
