"""The sample article scored against its hand annotation (runs only where ../shared is present)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_gold_sample_scores_above_floor(shared_dir: Path, tmp_path: Path) -> None:
    sample = shared_dir / "samples" / "huffpost-2023-03-24-russia-belarus.txt"
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "claimledger", "extract", str(sample), "--published", "2023-03-24",
         "--outlet", "HuffPost UK", "--format", "jsonl"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out.write_text(proc.stdout, encoding="utf-8")
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert rows and all("article" in r for r in rows)
    score = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_claims.py"),
         str(shared_dir / "gold" / "huffpost-2023-03-24-russia-belarus.claims.json"), str(out),
         "--min-recall=0.89", "--min-fields=0.80", "-v"],
        capture_output=True, text=True, check=False,
    )
    assert score.returncode == 0, score.stdout
