"""The sample article against its hand annotation, scored by the project's own shared/tools/score_claims.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from ..harness import EvalResult, Task

SAMPLE = "../samples/huffpost-2023-03-24-russia-belarus"
GOLD = "../gold/huffpost-2023-03-24-russia-belarus.claims.json"
SCORER = "../tools/score_claims.py"
_SUMMARY = re.compile(r"claims found (\d+)/(\d+) \(recall ([\d.]+)\); fields right (\d+)/(\d+) \(([\d.]+)\)")


def extract_sample_jsonl(root: Path, out: Path) -> None:
    """`claimledger extract SAMPLE.txt --published 2023-03-24 --outlet "HuffPost UK"`, as a library call."""
    from ...ingest import read_inputs
    from ...model import Article
    from ...nlp.pipeline import analyze_articles

    meta = json.loads((root / f"{SAMPLE}.json").read_text(encoding="utf-8"))
    defaults = {"published": meta["published"], "outlet": meta["outlet"]}
    articles = [a for a in read_inputs([root / f"{SAMPLE}.txt"], defaults=defaults) if isinstance(a, Article)]
    if not articles:
        raise RuntimeError("the sample article was skipped by ingest")
    with out.open("w", encoding="utf-8") as fh:
        for doc in analyze_articles(articles):
            for claim in doc.claims:
                row = claim.to_dict()
                row["article"] = doc.article.to_dict()
                fh.write(json.dumps(row) + "\n")


def score(root: Path, claims: Path) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, str(root / SCORER), str(root / GOLD), str(claims), "-v"],
        capture_output=True, text=True, check=False,
    )
    return proc.returncode, proc.stdout


def run(root: Path, quick: bool) -> EvalResult:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.jsonl"
        extract_sample_jsonl(root, out)
        code, report = score(root, out)
    m = _SUMMARY.search(report)
    if m is None:
        raise RuntimeError(f"score_claims.py printed no summary line:\n{report}")
    found, total, recall, ok, n, acc = m.groups()
    broken = [line.strip() for line in report.splitlines() if "must_not broken" in line]
    result = EvalResult(
        "sample", "shared/gold (HuffPost UK, 2023-03-24)",
        metrics={"recall": float(recall), "fields": float(acc), "must_not_ok": 0.0 if broken else 1.0},
        anchor=">= 17/19 found, fields >= 0.80",
        notes=[f"found {found}/{total}, fields {ok}/{n}"] + broken,
        failures=[line.strip() for line in report.splitlines() if "MISSING" in line or "wrong" in line],
    )
    return result


TASK = Task("sample", (SAMPLE + ".txt", GOLD, SCORER), run)
