"""Peak memory of `claimledger ingest` for 10k against 100k documents: streaming must keep it flat.

Usage::

    python bench/memory.py                 # 10,000 and 100,000 short generated news documents
    python bench/memory.py --sizes 1000 10000

Each size is a fresh `claimledger ingest FILE.jsonl --db X` process, which reports its own peak RSS
(resource.getrusage at exit). The documents are short generated
reports (two sentences, distinct numbers, places, dates and outlets), so the run measures what grows
with the number of documents, not with their length.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUTLETS = ("Northgate Post", "Baltic Wire Service", "Meridian Dispatch", "Lakeside Herald", "Kyiv Bulletin")
SOURCES = ("The Ministry of Defence", "Ukraine's General Staff", "The Kremlin", "A regional governor", "Officials")
CUES = ("said", "claimed", "reported", "stated", "added")
PLACES = ("Kharkiv", "Kupiansk", "Bakhmut", "Odesa", "Zaporizhzhia", "Kherson", "Izium", "Sumy", "Mykolaiv")
EVENTS = ("soldiers were killed", "drones were shot down", "tanks were destroyed", "civilians were wounded")


def documents(n: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = 1 + i % 28
        place = rng.choice(PLACES)
        text = (
            f"{rng.choice(SOURCES)} {rng.choice(CUES)} that at least {rng.randint(2, 5000):,} "
            f"{rng.choice(EVENTS)} near {place} on {day} March. "
            f"Report {i}: the fighting around {place} highly likely continued last week."
        )
        out.append({"id": f"mem-{i}", "outlet": rng.choice(OUTLETS), "published": f"2023-03-{day:02d}",
                    "title": f"Report {i}", "text": text})
    return out


def run(size: int, workdir: Path) -> tuple[float, float, str]:
    data = workdir / f"docs-{size}.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for doc in documents(size):
            fh.write(json.dumps(doc) + "\n")
    db = workdir / f"ledger-{size}.db"
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, "ingest", str(data), "--db", str(db)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest of {size} documents failed ({proc.returncode}): {proc.stderr[-2000:]}")
    peak_kib = int(proc.stderr.strip().splitlines()[-1].split()[-1])
    return peak_kib / 1024, seconds, proc.stdout.strip().splitlines()[-1]


# The child runs the real CLI and reports its own peak RSS (KiB) as the last stderr line.
_CHILD = """
import atexit, resource, sys
atexit.register(lambda: print("MAXRSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))
sys.argv = ["claimledger", *sys.argv[1:]]
from claimledger.cli import main
main()
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    results = []
    with tempfile.TemporaryDirectory(prefix="claimledger-mem-") as tmp:
        for size in sizes:
            rss, seconds, summary = run(size, Path(tmp))
            results.append((size, rss))
            print(f"{size:>8,} documents: peak RSS {rss:,.0f} MiB, {seconds:,.0f} s ({summary})", flush=True)
    if len(results) >= 2:
        (small, r0), (large, r1) = results[0], results[-1]
        print(f"peak RSS {large:,} vs {small:,} documents: {100 * (r1 - r0) / r0:+.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
