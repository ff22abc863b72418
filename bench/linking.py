"""Link scaling benchmark: `Ledger.link(rebuild=True)` time and peak memory at growing claim counts.

Usage::

    python bench/linking.py                 # 10k and 100k claims
    python bench/linking.py --sizes 10000 30000
    python bench/linking.py --db postgresql://claims@localhost/bench   # an empty PostgreSQL ledger
    python bench/linking.py --incremental 0   # no incremental run after the largest size

The bundled press releases (``src/claimledger/data/corpus``) are ingested once
into a temporary SQLite ledger (~2.5k claims). Synthetic variants of those
analysed articles are then stored through the Store's ``add_document`` until
each size is reached: each variant gets new article and claim ids, another
outlet, a publication date (and resolved claim dates) shifted by up to two
years, figures perturbed by up to +/-30 % (the text keeps the original numbers),
and light re-wording by equal-length word swaps ("said" -> "told"), so every
offset stays exact. For each size, the same growing ledger is relinked from
scratch and timed. Peak memory is the process's ``ru_maxrss`` after each run. Link time is given as wall time
and as this process's CPU time (steadier on a shared machine).

Then, on the largest ledger, ``--incremental N`` more variant articles (default 5) are
stored and ``Ledger.link()`` is timed as an incremental run (the day's new reports
joining the ledger), with its ratio to the rebuild of that ledger in the same run,
and once more with nothing new.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import fields, is_dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "claimledger" / "data" / "corpus"
OUTLETS = tuple(f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST")
#: Equal-length swaps, so every span keeps its offsets.
SWAPS = {"said": "told", "says": "adds", "attack": "strike", "troops": "forces", "killed": "slayed"}
_SWAP = re.compile(r"\b(" + "|".join(SWAPS) + r")\b")
#: Dates are shifted by up to this many days: spread over two years, so that the
#: 30-day comparison window sees a realistic share of the variants.
MAX_SHIFT_DAYS = 730
#: With --constant-density: this many claims per MAX_SHIFT_DAYS days, however large the ledger.
DENSITY_CLAIMS = 10_000


def _shift(day: str | None, days: int) -> str | None:
    if not day or len(day) < 10:
        return day
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat() + day[10:]
    except ValueError:
        return day


def _reslice(obj: Any, text: str, days: int, factor: float, suffix: str) -> Any:
    """Re-take every span's text from ``text``, shift dates, scale figures, rename claim ids."""
    if isinstance(obj, tuple):
        return tuple(_reslice(x, text, days, factor, suffix) for x in obj)
    if not is_dataclass(obj) or isinstance(obj, type):
        return obj
    changes: dict[str, Any] = {}
    names = {f.name for f in fields(obj)}
    for name in names:
        value = getattr(obj, name)
        if is_dataclass(value) or isinstance(value, tuple):
            changes[name] = _reslice(value, text, days, factor, suffix)
    if {"start", "end", "text"} <= names and isinstance(obj.text, str):  # type: ignore[attr-defined]
        changes["text"] = text[obj.start : obj.end]  # type: ignore[attr-defined]
    for name in ("start_date", "end_date"):
        if name in names:
            changes[name] = _shift(getattr(obj, name), days)
    for name in ("value", "low", "high"):
        if (
            name in names
            and isinstance(getattr(obj, name), float | int)
            and not isinstance(getattr(obj, name), bool)
        ):
            changes[name] = round(getattr(obj, name) * factor, 3)
    if "article_id" in names and "id" in names:  # a Claim
        changes["id"] = f"{obj.id}{suffix}"  # type: ignore[attr-defined]
        changes["article_id"] = f"{obj.article_id}{suffix}"  # type: ignore[attr-defined]
    return replace(obj, **changes)


def variant(doc: Any, k: int, rng: random.Random, days: int | None = None) -> Any:
    """The ``k``-th synthetic copy of an AnalyzedDocument (see the module docstring), its dates
    shifted by ``days`` (default: at random within MAX_SHIFT_DAYS)."""
    from claimledger.ingest.article import content_hash

    suffix = f"-v{k}"
    article = doc.article
    text = _SWAP.sub(lambda m: SWAPS[m.group(1)], article.text) if rng.random() < 0.5 else article.text
    # a marker past every span keeps the content hash (and the article MinHash) distinct
    text = f"{text}\n[variant {k}]"
    if days is None:
        days = rng.randint(-MAX_SHIFT_DAYS // 2, MAX_SHIFT_DAYS // 2)
    factor = 1.0 if rng.random() < 0.5 else rng.uniform(0.7, 1.3)
    new_article = replace(
        article,
        id=f"{article.id}{suffix}",
        text=text,
        outlet=rng.choice(OUTLETS),
        published=_shift(article.published, days),
        content_hash=content_hash(text),
    )
    parts = {
        f.name: _reslice(getattr(doc, f.name), text, days, factor, suffix)
        for f in fields(doc)
        if f.name != "article"
    }
    return replace(doc, article=new_article, **parts)


def variants(
    docs: Sequence[Any], target: int, start: int, seed: int = 7, *, forward_from: int | None = None
) -> Iterator[tuple[Any, int]]:
    """Variants of ``docs`` (cycling, variant numbers from ``start``) until ``target`` claims are made.

    With ``forward_from`` (the claims already in the ledger), time runs forward with the ledger
    instead: the variants made after ``n`` claims are dated about ``n / DENSITY_CLAIMS *
    MAX_SHIFT_DAYS`` days on, so every stretch of the timeline holds as many claims as the
    first 10k spread over MAX_SHIFT_DAYS (a ledger growing by the same news flow over more time).
    """
    rng = random.Random(seed + start)
    made, k = 0, start
    with_claims = [d for d in docs if d.claims]
    while made < target:
        for doc in with_claims:
            days = None
            if forward_from is not None:
                days = int((forward_from + made) / DENSITY_CLAIMS * MAX_SHIFT_DAYS) + rng.randint(
                    -MAX_SHIFT_DAYS // 2, MAX_SHIFT_DAYS // 2
                )
            v = variant(doc, k, rng, days)
            yield v, k
            made += len(v.claims)
            if made >= target:
                return
        k += 1


def _peak_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _incremental_run(
    ledger: Any, captured: Sequence[Any], start: int, articles: int, rebuilt: dict[str, Any]
) -> dict[str, Any]:
    """Store ``articles`` more variants, time ``Ledger.link()`` on them and again with nothing new."""
    added = 0
    # another seed: variants the ledger does not hold yet
    for doc, _ in variants(captured, 10**9, start, seed=11):
        if ledger.store.add_document(doc):
            added += 1
        if added >= articles:
            break
    t0, c0 = time.perf_counter(), time.process_time()
    report = ledger.link()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    t1 = time.perf_counter()
    ledger.link()
    noop = time.perf_counter() - t1
    row = {
        "articles": added,
        "linked": report.linked,
        "compared": report.compared,
        "link_s": round(seconds, 2),
        "link_cpu_s": round(cpu, 2),
        "noop_s": round(noop, 2),
        "vs_rebuild": round(seconds / rebuilt["link_s"], 3) if rebuilt["link_s"] else None,
        "cpu_vs_rebuild": round(cpu / rebuilt["link_cpu_s"], 3) if rebuilt["link_cpu_s"] else None,
        "peak_mib": round(_peak_mib(), 1),
    }
    print(json.dumps({"incremental": row}), flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--db", help="an empty ledger to fill and link (a PostgreSQL URL); default: a temporary SQLite file"
    )
    parser.add_argument(
        "--constant-density",
        action="store_true",
        help="let time run forward with the ledger (10k claims per two years) instead of packing "
        "every size into the same two years",
    )
    parser.add_argument(
        "--incremental",
        type=int,
        default=5,
        metavar="N",
        help="after the largest size, store N more articles and time an incremental link (0: skip)",
    )
    args = parser.parse_args(argv)
    import claimledger.linking  # noqa: F401  (imported now: its import time is no link time)
    from claimledger.ledger import Ledger, default_analyzer
    from claimledger.settings import load_settings

    captured: list[Any] = []
    base = default_analyzer(load_settings())

    def capture(articles: list[Any]) -> Iterator[Any]:
        for doc in base(articles):
            captured.append(doc)
            yield doc

    rows: list[dict[str, Any]] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        Ledger(args.db or Path(tmp) / "bench.db", analyzer=capture) as ledger,
    ):
        if ledger.store.stats()["articles"]:
            parser.error(f"{args.db} already holds articles; give an empty ledger")
        print(f"ledger: {type(ledger.store).__name__}", flush=True)
        t0 = time.perf_counter()
        ledger.ingest(sorted(CORPUS.iterdir()))
        have = sum(len(d.claims) for d in captured)
        print(
            f"ingested {len(captured)} articles, {have} claims in {time.perf_counter() - t0:.1f} s",
            flush=True,
        )
        next_k = 1
        for size in sorted(args.sizes):
            t0 = time.perf_counter()
            forward = have if args.constant_density else None
            for doc, k in variants(captured, size - have, next_k, forward_from=forward):
                if ledger.store.add_document(doc):
                    have += len(doc.claims)
                next_k = k + 1
            built = time.perf_counter() - t0
            t0, c0 = time.perf_counter(), time.process_time()
            report = ledger.link(rebuild=True)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            row = {
                "claims": have,
                "link_s": round(seconds, 2),
                "link_cpu_s": round(cpu, 2),
                "build_s": round(built, 1),
                "compared": report.compared,
                "clusters": report.clusters,
                "contradictions": report.contradictions,
                "peak_mib": round(_peak_mib(), 1),
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
        if args.incremental > 0 and rows:
            incremental = _incremental_run(ledger, captured, next_k, args.incremental, rows[-1])
    for a, b in zip(rows, rows[1:], strict=False):
        growth = b["link_s"] / a["link_s"] if a["link_s"] else float("inf")
        cpu = b["link_cpu_s"] / a["link_cpu_s"] if a["link_cpu_s"] else float("inf")
        print(
            f"{a['claims']} -> {b['claims']} claims ({b['claims'] / a['claims']:.1f}x): "
            f"link time x{growth:.1f}, CPU time x{cpu:.1f}"
        )
    if args.incremental > 0 and rows:
        print(
            f"incremental link of {incremental['articles']} new articles ({incremental['linked']} claims) "
            f"into {rows[-1]['claims']}: {incremental['link_s']:.2f} s, x{incremental['vs_rebuild']:.2f} "
            f"the rebuild's time (CPU x{incremental['cpu_vs_rebuild']:.2f}); "
            f"with nothing new: {incremental['noop_s']:.2f} s"
        )
    if args.json:
        out: Any = rows if args.incremental <= 0 else {"sizes": rows, "incremental": incremental}
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
