"""Throughput of claimledger end to end against a bare spaCy ``nlp.pipe`` over the same texts.

Usage::

    python bench/throughput.py            # the bundled press releases (80 documents)
    python bench/throughput.py --full     # all press releases in ../shared/data (about 1,800)
    python bench/throughput.py --workers 2   # nlp.pipe(n_process=2) against ingest --workers 2

Both sides are warmed up before timing (model loaded, lazy caches filled on a throw-away
document). (a) runs ``spacy.load(name)`` with nothing disabled over the texts; (b) runs
``Ledger(tmp.db).ingest(files)``: reading, cleaning, analysis, claims and SQLite storage. The
last line is always ``throughput ratio claimledger/spacy: X.XX`` (wall-clock words/s of b over
a); the line before it gives the same ratio from CPU time, which is steadier on a busy machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(str(files("claimledger") / "data" / "corpus"))
PRESS_RELEASE_FILES: tuple[str, ...] = ("kremlin.jsonl", "president-of-ukraine.jsonl")
SHARED_PRESS = ROOT.parent / "shared" / "data" / "press_releases"
#: source CSV -> outlet, for --full
SHARED_CSVS: dict[str, str] = {"putin.csv": "Kremlin", "zelenskyy.csv": "President of Ukraine"}
WARM_UP_TEXT = (
    "Ukraine's General Staff said on Tuesday that at least 40 Russian soldiers were killed near "
    'Bakhmut. "We are holding the line," a spokesman said. The Kremlin denied the claim.'
)


@dataclass(frozen=True, slots=True)
class Timing:
    """One timed run."""

    label: str
    documents: int
    words: int
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        docs_per_s = self.documents / self.seconds if self.seconds else 0.0
        return (
            f"{self.label:<12} {self.documents:>6} docs {self.words:>9,} words {self.seconds:>8.2f} s "
            f"(cpu {self.cpu_seconds:.2f} s) "
            f"{docs_per_s:>8.1f} docs/s {self.words_per_s:>10,.0f} words/s  "
            f"peak RSS {self.peak_rss_mib:,.0f} MiB"
        )


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bundled_files() -> list[Path]:
    """The press-release JSONL files of the bundled corpus."""
    paths = [CORPUS / name for name in PRESS_RELEASE_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"error: bundled corpus files missing: {', '.join(missing)}; reinstall claimledger")
    return paths


def full_files(workdir: Path) -> list[Path]:
    """All press releases from ../shared/data, written as JSONL so both sides read the same texts."""
    if not SHARED_PRESS.is_dir():
        raise SystemExit(f"error: --full needs the press releases at {SHARED_PRESS}, which is absent")
    csv.field_size_limit(1 << 30)
    paths = []
    for csv_name, outlet in SHARED_CSVS.items():
        out = workdir / (Path(csv_name).stem + ".jsonl")
        with (SHARED_PRESS / csv_name).open(encoding="utf-8", newline="") as src, out.open(
            "w", encoding="utf-8"
        ) as dst:
            for number, row in enumerate(csv.DictReader(src)):
                record = {
                    "id": f"{Path(csv_name).stem}-{number}",
                    "title": row["headline"].strip(),
                    "outlet": outlet,
                    "published": row["date"][:10],
                    "url": row["link"].strip(),
                    "text": row["body"].strip(),
                }
                if record["text"]:
                    dst.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(out)
    return paths


def read_texts(paths: list[Path]) -> list[str]:
    """The ``text`` of every record in the JSONL files."""
    texts = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def bench_spacy(name: str, texts: list[str], batch_size: int, workers: int = 1) -> Timing:
    """Bare ``nlp.pipe`` of the full default pipeline (nothing disabled)."""
    import spacy

    nlp = spacy.load(name)
    for _ in nlp.pipe([WARM_UP_TEXT] * 4):  # warm up: first-call allocations
        pass
    words = sum(len(t.split()) for t in texts)
    started, cpu_started = time.perf_counter(), time.process_time()
    documents = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return Timing("spacy", documents, words, seconds, cpu_seconds, peak_rss_mib())


def bench_claimledger(
    paths: list[Path], texts: list[str], model: str, workdir: Path, workers: int = 1
) -> Timing:
    """``Ledger(tmp.db).ingest(paths)`` into a fresh SQLite file, after a warm-up ingest."""
    try:
        from claimledger.ledger import Ledger
        from claimledger.settings import load_settings
    except ImportError as e:  # the Python API is missing or broken in this checkout
        raise SystemExit(
            f"error: cannot import claimledger.ledger.Ledger ({e}); is claimledger installed (make install)?"
        ) from e

    settings = load_settings().with_overrides(model=model)
    # warm up: load the model and fill lazy caches (gazetteer, patterns) on a throw-away ledger
    warm = workdir / "warm-up.jsonl"
    record = {"id": "warm-up", "title": "Warm-up", "outlet": "Bench", "published": "2023-04-20"}
    record["text"] = WARM_UP_TEXT
    warm.write_text(json.dumps(record) + "\n", encoding="utf-8")
    try:
        with Ledger(workdir / "warm-up.db", settings=settings) as ledger:
            ledger.ingest([warm])
    except ImportError as e:  # a stage Ledger.ingest needs is missing in this checkout
        raise SystemExit(f"error: Ledger.ingest cannot run ({e}); is this checkout complete?") from e
    # the analyser is a shared cached pipeline, so the timed ledger finds it loaded
    words = sum(len(t.split()) for t in texts)
    with Ledger(workdir / "bench.db", settings=settings) as ledger:
        started, cpu_started = time.perf_counter(), time.process_time()
        report = ledger.ingest(paths, workers=workers)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    if report.skipped:
        reasons = "; ".join(f"{s.source_path}: {s.reason}" for s in report.skips[:5])
        print(f"note: claimledger skipped {report.skipped} documents ({reasons})", file=sys.stderr)
    print(
        f"claimledger stored {report.added} documents and {report.claims_added} claims "
        f"({report.duplicates} duplicates, {report.skipped} skipped)"
    )
    return Timing("claimledger", report.seen, words, seconds, cpu_seconds, peak_rss_mib())


def stage_shares(paths: list[Path], model: str) -> list[tuple[str, float]]:
    """CPU seconds per stage of claimledger over the same files, one stage at a time.

    Reading (parse files, clean, language check), each pipeline component over all documents,
    claim assembly, and SQLite storage; run after the timed runs, so caches are warm.
    """
    from claimledger.ingest import read_inputs
    from claimledger.model import Article
    from claimledger.nlp.pipeline import doc_to_document, get_pipeline
    from claimledger.storage.sqlite import SQLiteStore

    shares: list[tuple[str, float]] = []
    t = time.process_time()
    articles = [a for a in read_inputs(paths) if isinstance(a, Article)]
    shares.append(("read + clean", time.process_time() - t))
    nlp = get_pipeline(model)
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.cl_published, doc._.cl_outlet = article.published, article.outlet
        docs.append(doc)
    for name, proc in nlp.pipeline:
        t = time.process_time()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        shares.append((name, time.process_time() - t))
    t = time.process_time()
    analysed = [doc_to_document(d, a) for d, a in zip(docs, articles, strict=True)]
    shares.append(("claims", time.process_time() - t))
    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "stages.db") as store:
        t = time.process_time()
        for doc in analysed:
            store.add_document(doc)
        shares.append(("storage (SQLite)", time.process_time() - t))
    return shares


def model_name(requested: str) -> str:
    """The model package claimledger would load (so both sides run the same weights)."""
    if requested:
        return requested
    import spacy.util

    from claimledger.nlp.pipeline import MODEL_CANDIDATES

    for name in MODEL_CANDIDATES:
        if spacy.util.is_package(name):
            return name
    raise SystemExit(
        f"error: no spaCy model installed (tried {', '.join(MODEL_CANDIDATES)}); run `make install`"
    )


def main(argv: list[str] | None = None) -> int:
    """Run both benchmarks and print the figures, the ratio last."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="all press releases from ../shared/data")
    parser.add_argument("--model", default="", help="spaCy model package (default: as claimledger picks)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size for bare spaCy")
    parser.add_argument("--stages", action="store_true", help="also print per-stage CPU time shares")
    parser.add_argument(
        "--workers", type=int, default=1,
        help="processes on both sides: nlp.pipe(n_process=N) against ingest --workers N (model loads included)",
    )
    args = parser.parse_args(argv)

    if tracemalloc.is_tracing():  # tracing would slow both sides and inflate memory
        tracemalloc.stop()
    name = model_name(args.model)
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        workdir = Path(tmp)
        paths = full_files(workdir) if args.full else bundled_files()
        texts = read_texts(paths)
        print(f"model {name}; {len(texts)} documents from {', '.join(p.name for p in paths)}")
        spacy_run = bench_spacy(name, texts, args.batch_size, args.workers)
        print(spacy_run.line())
        ledger_run = bench_claimledger(paths, texts, name, workdir, args.workers)
        print(ledger_run.line())
        if args.stages:
            shares = stage_shares(paths, name)
            total = sum(s for _, s in shares) or 1.0
            print("per-stage CPU time (single process, warm):")
            for stage, seconds in shares:
                print(f"  {stage:<34} {seconds:7.2f} s {100 * seconds / total:5.1f} %")
    print("peak RSS is cumulative for the process (spaCy ran first); tracemalloc off")
    # CPU time is steadier than wall time on a shared machine (both sides run in one thread)
    if args.workers == 1:  # process CPU time leaves out worker processes
        cpu_ratio = spacy_run.cpu_seconds / ledger_run.cpu_seconds if ledger_run.cpu_seconds else 0.0
        print(f"cpu-time ratio claimledger/spacy: {cpu_ratio:.2f}")
    else:
        print(f"{args.workers} processes on each side (worker model loads included on both)")
    ratio = ledger_run.words_per_s / spacy_run.words_per_s if spacy_run.words_per_s else 0.0
    print(f"throughput ratio claimledger/spacy: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
