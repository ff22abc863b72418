"""PETRARCH-2 validation sentences: our event type against the gold CAMEO codes, at the root category.

Each ``<Sentence>`` record of ``PETR2_GSR_validation.xml`` carries zero or more
``<EventCoding eventcode="..."/>`` (or ``noevents="True"``) and a ``<Text>``. The file is not
well-formed XML (``#`` comment lines, self-closed ``<Sentence/>`` tags followed by their codings),
so it is read record by record with regular expressions.

For each sentence the text (line breaks joined with spaces) is parsed and
:func:`claimledger.nlp.events.classify_event` reads the whole sentence; our type maps to CAMEO root
codes through ``event_verbs.CAMEO_ROOTS``. Metrics over the gold-coded sentences (at least one
event code):

* ``root_agreement``: share where one of the gold roots (first two digits of a code) is among our
  type's roots; a sentence we give no type counts as wrong.
* ``coverage``: share where we give any type.
* ``precision``: share of the typed sentences whose roots include a gold root.

Sentences coded ``noevents`` are reported in the notes (how many we leave untyped).
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..harness import EvalResult, Task

logger = logging.getLogger(__name__)

VALIDATION = "petrarch/PETR2_GSR_validation.xml"
#: Sentences read in a quick run (the first in file order).
QUICK_SENTENCES = 40
MAX_FAILURES = 40
_RECORD_RE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.DOTALL)
_ID_RE = re.compile(r'\bid="([^"]*)"')
_CODE_RE = re.compile(r'<EventCoding\b[^>]*\beventcode="(\d+)"')
_NOEVENTS_RE = re.compile(r'<EventCoding\b[^>]*\bnoevents="True"', re.IGNORECASE)
_TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_SPACE_RE = re.compile(r"\s+")
#: Components the event classifier reads: parse, tags and entities.
EVENT_PIPES: tuple[str, ...] = (
    "tok2vec", "tagger", "attribute_ruler", "claimledger_pos_mapper", "parser", "ner", "claimledger_entity_ruler",
)


@dataclass(frozen=True, slots=True)
class CodedSentence:
    """One validation record: its id, text and gold CAMEO codes (empty when coded no events)."""

    id: str
    text: str
    codes: tuple[str, ...]
    noevents: bool

    @property
    def roots(self) -> frozenset[str]:
        """The CAMEO root categories of the gold codes ("042" -> "04", "1124" -> "11")."""
        return frozenset(code[:2] for code in self.codes)


def read_validation(raw: str) -> list[CodedSentence]:
    """Parse PETRARCH validation records (see the module docstring).

    Args:
        raw: The file's text.

    Returns:
        Records with a non-empty ``<Text>``, in file order.
    """
    out: list[CodedSentence] = []
    for m in _RECORD_RE.finditer(raw):
        attrs, body = m.group(1), m.group(2)
        text_m = _TEXT_RE.search(body)
        if text_m is None:
            continue
        text = _SPACE_RE.sub(" ", html.unescape(text_m.group(1))).strip()
        if not text:
            continue
        id_m = _ID_RE.search(attrs)
        codes = tuple(_CODE_RE.findall(body))
        out.append(CodedSentence(id_m.group(1) if id_m else "", text, codes, bool(_NOEVENTS_RE.search(body))))
    return out


def type_roots(kind: str | None) -> frozenset[str]:
    """The CAMEO roots our event type stands for (empty for no type)."""
    from ...nlp.lang.en.event_verbs import CAMEO_ROOTS

    return frozenset(CAMEO_ROOTS.get(kind, ())) if kind else frozenset()


def agreement(gold: list[CodedSentence], predicted: list[str | None]) -> dict[str, float]:
    """Root agreement, coverage and precision over the gold-coded sentences.

    Args:
        gold: The records.
        predicted: Our type per record (None: no type), aligned with ``gold``.

    Returns:
        ``root_agreement``, ``coverage`` and ``precision`` (0-1; 0.0 where undefined).
    """
    coded = [(g, p) for g, p in zip(gold, predicted, strict=True) if g.codes]
    hits = sum(bool(g.roots & type_roots(p)) for g, p in coded)
    typed = sum(p is not None for _, p in coded)
    return {
        "root_agreement": hits / len(coded) if coded else 0.0,
        "coverage": typed / len(coded) if coded else 0.0,
        "precision": hits / typed if typed else 0.0,
    }


def predict(texts: list[str]) -> list[str | None]:
    """Our event type for each sentence text (classified over the whole text)."""
    from ...nlp.events import classify_event
    from ...nlp.extensions import install_extensions
    from ...nlp.pipeline import get_pipeline

    install_extensions()
    nlp = get_pipeline()
    enable = [p for p in EVENT_PIPES if p in nlp.pipe_names]
    out: list[str | None] = []
    with nlp.select_pipes(enable=enable):
        for doc in nlp.pipe(texts, batch_size=32):
            out.append(classify_event(doc, 0, len(doc.text)).type)
    return out


def run(root: Path, quick: bool) -> EvalResult:
    sentences = read_validation((root / VALIDATION).read_text(encoding="utf-8"))
    if quick:
        sentences = sentences[:QUICK_SENTENCES]
    predicted = predict([s.text for s in sentences])
    metrics = agreement(sentences, predicted)
    coded = [(s, p) for s, p in zip(sentences, predicted, strict=True) if s.codes]
    empty = [(s, p) for s, p in zip(sentences, predicted, strict=True) if not s.codes]
    quiet = sum(p is None for _, p in empty)
    by_root = Counter(r for s, _ in coded for r in s.roots)
    notes = [
        (
            f"{len(sentences)} sentences, {len(coded)} with gold codes, {len(empty)} coded no events "
            f"({quiet} of those left untyped by us)"
        ),
        "gold roots: " + ", ".join(f"{r}:{n}" for r, n in sorted(by_root.items())),
        "root_agreement counts an untyped sentence as wrong; precision is over typed sentences",
    ]
    failures = [
        f"{s.id}: gold {'/'.join(s.codes)} got {p or 'none'} ({'/'.join(sorted(type_roots(p))) or '-'}): {s.text[:160]}"
        for s, p in coded if not s.roots & type_roots(p)
    ][:MAX_FAILURES]
    return EvalResult(
        "events", VALIDATION, metrics=metrics, anchor="UniversalPetrarch 68 % (own validation)",
        notes=notes, failures=failures,
    )


TASK = Task("events", (VALIDATION,), run)
