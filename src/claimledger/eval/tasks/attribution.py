"""PolNeAR dev: source, cue and content spans of the attribution finder against the gold standoff.

Scoring (the CofeNet / PolNeAR convention of per-role span matching):

* exact match: for each role (source, cue, content) the predicted spans of a document are matched
  one-to-one with the gold spans of that role in the same document, whatever attribution they
  belong to; a span is a set of (start, end) pieces (discontinuous spans are "s e;s e" in BRAT),
  each piece trimmed of whitespace, pieces with only whitespace between them joined, and two spans
  match when their piece sets are equal. The
  relation is not required to match (a correct source paired with another cue still counts), which
  is how the published tagging systems are scored (span-level BIO tagging per role);
* token overlap: the tokens (words and punctuation marks, ``\\w+|[^\\w\\s]``) covered by each role's
  spans in a document, compared as sets of token positions; precision and recall are pooled over all
  documents.

An article annotated by several people (a few, for agreement checks) is scored against the first
annotation file in name order.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..harness import EvalResult, Task

logger = logging.getLogger(__name__)

DEV = "polnear/dev"
ROLES: tuple[str, ...] = ("source", "cue", "content")
#: Articles read in a quick run (the first in name order).
QUICK_ARTICLES = 20
#: Failure lines kept in the result (the brief asks for a few dozen).
MAX_FAILURES = 40
_TOKEN = re.compile(r"\w+|[^\w\s]")
_ROLE_OF = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}

#: A span: the set of its (start, end) character pieces.
SpanKey = frozenset[tuple[int, int]]


@dataclass(slots=True)
class GoldAttribution:
    """One gold (or predicted) attribution: each role's span as a set of pieces (empty when absent)."""

    source: SpanKey = frozenset()
    cue: SpanKey = frozenset()
    content: SpanKey = frozenset()

    def role(self, name: str) -> SpanKey:
        return getattr(self, name)


@dataclass(slots=True)
class RoleCounts:
    """Exact-match and token-overlap counts for one role, summed over documents."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    tok_tp: int = 0
    tok_pred: int = 0
    tok_gold: int = 0

    def add(self, other: RoleCounts) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        self.tok_tp += other.tok_tp
        self.tok_pred += other.tok_pred
        self.tok_gold += other.tok_gold


@dataclass(slots=True)
class DocScore:
    """Per-role counts of one document and the spans that did not match."""

    counts: dict[str, RoleCounts] = field(default_factory=dict)
    missed: dict[str, list[SpanKey]] = field(default_factory=dict)
    spurious: dict[str, list[SpanKey]] = field(default_factory=dict)


def trim_piece(text: str, start: int, end: int) -> tuple[int, int]:
    """A piece without whitespace at its edges (an all-space piece collapses to (start, start))."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def span_key(text: str, pieces: Iterable[tuple[int, int]]) -> SpanKey:
    """The comparable form of a span: its trimmed, non-empty pieces, overlapping pieces or pieces
    with only whitespace between them joined (the gold often cuts one stretch of text at sentence
    or paragraph ends; the cut carries no meaning)."""
    trimmed = sorted(p for p in (trim_piece(text, s, e) for s, e in pieces) if p[1] > p[0])
    out: list[tuple[int, int]] = []
    for s, e in trimmed:
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip()):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return frozenset(out)


def parse_ann(ann: str, text: str) -> list[GoldAttribution]:
    """The attributions of one BRAT standoff file.

    ``T`` lines are text-bound spans (``T3<TAB>Content 315 448;463 553<TAB>words``); ``E`` lines tie
    them into attributions (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``; a second content
    span, ``Content2``, joins the first). Other lines and span types (Discard, Discuss) are ignored.

    Args:
        ann: The .ann file's text.
        text: The article text the offsets refer to.

    Returns:
        The attributions in file order.

    Raises:
        ValueError: A ``T`` line whose offsets do not parse, or that lie outside the text.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[list[tuple[str, str]]] = []
    for n, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _label, _, offsets = parts[1].partition(" ")
            pieces = []
            try:
                for piece in offsets.split(";"):
                    s, e = (int(x) for x in piece.split())
                    if not 0 <= s <= e <= len(text):
                        raise ValueError(f"offsets {s}-{e} outside a text of {len(text)} characters")
                    pieces.append((s, e))
            except ValueError as err:
                raise ValueError(f"line {n} of the .ann file: {line!r}: {err}; is it the file for this text?") from err
            spans[parts[0]] = pieces
        elif line.startswith("E") and len(parts) >= 2:
            args = [a.split(":", 1) for a in parts[1].split() if ":" in a]
            events.append([(role, ref) for role, ref in args])
    out: list[GoldAttribution] = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for role, ref in args:
            name = _ROLE_OF.get(role)
            if name is not None and ref in spans:
                roles[name] += spans[ref]
        out.append(GoldAttribution(*(span_key(text, roles[r]) for r in ROLES)))
    return out


def read_split(split_dir: Path, limit: int | None = None) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, gold attributions) for each article of a PolNeAR split folder.

    Args:
        split_dir: A folder with ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``.
        limit: Read only the first this many articles (name order).

    Returns:
        One triple per article that has an annotation file, in name order.
    """
    anns: dict[str, Path] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        anns.setdefault(name, path)
    out = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        ann = anns.get(txt.stem)
        if ann is None:
            logger.warning("no annotation for %s; skipped", txt.name)
            continue
        text = txt.read_text(encoding="utf-8")
        out.append((txt.stem, text, parse_ann(ann.read_text(encoding="utf-8"), text)))
        if limit is not None and len(out) >= limit:
            break
    return out


def _tokens(text: str, spans: Iterable[SpanKey], starts: Sequence[int]) -> set[int]:
    """Positions (indices into ``starts``) of the tokens whose first character lies in a span."""
    import bisect

    out: set[int] = set()
    for span in spans:
        for s, e in span:
            i = bisect.bisect_left(starts, s)
            while i < len(starts) and starts[i] < e:
                out.add(i)
                i += 1
    return out


def score_document(text: str, gold: Sequence[GoldAttribution], pred: Sequence[GoldAttribution]) -> DocScore:
    """Per-role exact and token counts of one document (see the module docstring)."""
    starts = [m.start() for m in _TOKEN.finditer(text)]
    out = DocScore()
    for role in ROLES:
        g = [a.role(role) for a in gold if a.role(role)]
        p = [a.role(role) for a in pred if a.role(role)]
        unused = list(g)
        tp = 0
        spurious = []
        for span in p:
            if span in unused:
                unused.remove(span)
                tp += 1
            else:
                spurious.append(span)
        gt, pt = _tokens(text, g, starts), _tokens(text, p, starts)
        out.counts[role] = RoleCounts(tp, len(p), len(g), len(gt & pt), len(pt), len(gt))
        out.missed[role] = unused
        out.spurious[role] = spurious
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def metrics(counts: dict[str, RoleCounts]) -> dict[str, float]:
    """``source_p``, ``source_r``, ``source_f1``, ``source_tok_p`` ... for every role."""
    out: dict[str, float] = {}
    for role in ROLES:
        c = counts[role]
        p, r, f = prf(c.tp, c.n_pred, c.n_gold)
        tp_, tr, tf = prf(c.tok_tp, c.tok_pred, c.tok_gold)
        out.update({f"{role}_p": p, f"{role}_r": r, f"{role}_f1": f,
                    f"{role}_tok_p": tp_, f"{role}_tok_r": tr, f"{role}_tok_f1": tf})
    return out


def predict(texts: Sequence[str]) -> list[list[GoldAttribution]]:
    """The pipeline's attributions of each text, in the scored form."""
    from ...ingest import make_article
    from ...nlp.pipeline import analyze_articles

    articles = [make_article(t, clean=False) for t in texts]
    out: list[list[GoldAttribution]] = []
    for text, doc in zip(texts, analyze_articles(articles), strict=True):
        if doc.article.text != text:
            raise RuntimeError("the pipeline changed the article text; offsets would not compare (use clean=False)")
        preds = []
        for a in doc.attributions:
            preds.append(GoldAttribution(
                span_key(text, [(a.source.start, a.source.end)] if a.source else []),
                span_key(text, [(a.cue.start, a.cue.end)] if a.cue else []),
                span_key(text, [(c.start, c.end) for c in a.content]),
            ))
        out.append(preds)
    return out


def _show(text: str, span: SpanKey) -> str:
    body = " | ".join(text[s:e] for s, e in sorted(span))
    return (body[:90] + "…") if len(body) > 90 else body


def _failures(name: str, text: str, score: DocScore) -> list[str]:
    """Missed gold spans paired with the overlapping spurious prediction, if any."""
    lines = []
    for role in ROLES:
        spurious = list(score.spurious[role])
        for g in score.missed[role]:
            lo, hi = min(s for s, _ in g), max(e for _, e in g)
            near = next((p for p in spurious if min(s for s, _ in p) < hi and lo < max(e for _, e in p)), None)
            if near is not None:
                spurious.remove(near)
            got = _show(text, near) if near else "(none)"
            lines.append(f"{name} {role}: gold «{_show(text, g)}» predicted «{got}»")
        for p in spurious:
            lines.append(f"{name} {role}: gold (none) predicted «{_show(text, p)}»")
    return lines


def evaluate(split_dir: Path, limit: int | None = None) -> tuple[dict[str, float], list[str], int]:
    """Score the finder on a PolNeAR split folder.

    Args:
        split_dir: The split folder (``.../polnear/dev``).
        limit: Only the first this many articles.

    Returns:
        (metrics, failure lines, number of articles).
    """
    items = read_split(split_dir, limit)
    preds = predict([t for _, t, _ in items])
    total = {r: RoleCounts() for r in ROLES}
    failures: list[str] = []
    for (name, text, gold), pred in zip(items, preds, strict=True):
        score = score_document(text, gold, pred)
        for r in ROLES:
            total[r].add(score.counts[r])
        failures += _failures(name, text, score)
    return metrics(total), failures, len(items)


def run(root: Path, quick: bool) -> EvalResult:
    m, failures, n = evaluate(root / DEV, QUICK_ARTICLES if quick else None)
    step = max(1, len(failures) // MAX_FAILURES)
    return EvalResult(
        "attribution", f"PolNeAR dev ({n} articles)",
        metrics={k: v for k, v in m.items() if not k.endswith(("_tok_p", "_tok_r"))},
        anchor="CofeNet 83.2/75.3/72.9 (source/cue/content exact F1, test split)",
        notes=[f"{r}: exact P/R/F1 {m[f'{r}_p']:.3f}/{m[f'{r}_r']:.3f}/{m[f'{r}_f1']:.3f}, "
               f"token P/R/F1 {m[f'{r}_tok_p']:.3f}/{m[f'{r}_tok_r']:.3f}/{m[f'{r}_tok_f1']:.3f}" for r in ROLES]
        + ["per-role span matching, relation not required; see claimledger.eval.tasks.attribution"],
        failures=failures[::step][:MAX_FAILURES],
    )


TASK = Task("attribution", (DEV + "/text", DEV + "/attributions"), run)
