"""Task registry, runner, results file and the floor gate."""

from __future__ import annotations

import importlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

#: Figures may fall this far below their floor before the gate fails (noise from tie-breaking,
#: model threads); chosen as half a point on a 0-1 scale.
NOISE_MARGIN = 0.005

#: Task modules under claimledger.eval.tasks, in the order the table prints.
TASK_MODULES: tuple[str, ...] = (
    "sample",
    "attribution",
    "hedges",
    "times",
    "places",
    "recognizers",
    "quantities",
    "events",
    "ecbplus",
    "ruwa",
)


@dataclass(slots=True)
class EvalResult:
    """What one task measured. ``metrics`` are the gated figures (0-1 scale where a share)."""

    task: str
    data: str
    metrics: dict[str, float] = field(default_factory=dict)
    anchor: str = ""
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    skipped: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "data": self.data,
            "metrics": self.metrics,
            "anchor": self.anchor,
            "notes": self.notes,
            "failures": self.failures[:200],
            "skipped": self.skipped,
            "seconds": round(self.seconds, 1),
        }


@dataclass(frozen=True, slots=True)
class Task:
    """An evaluation task: ``needs`` are paths under the data folder; ``run(data_dir, quick)``."""

    name: str
    needs: tuple[str, ...]
    run: Callable[[Path, bool], EvalResult]


def registered_tasks() -> list[Task]:
    tasks: list[Task] = []
    for mod in TASK_MODULES:
        try:
            module = importlib.import_module(f"claimledger.eval.tasks.{mod}")
        except ModuleNotFoundError as e:
            if e.name == f"claimledger.eval.tasks.{mod}":
                continue
            raise
        tasks.append(module.TASK)
    return tasks


def data_dir() -> Path:
    from ..settings import load_settings

    return Path(os.environ.get("CLAIMLEDGER_EVAL_DATA") or load_settings().eval_data).resolve()


def run_tasks(
    names: Iterable[str] | None = None, *, data: Path | None = None, quick: bool = False,
    progress: Callable[[str], None] | None = None,
) -> list[EvalResult]:
    """Run the named tasks (all by default); a task whose data is absent is returned as skipped."""
    root = data or data_dir()
    wanted = set(names) if names else None
    results: list[EvalResult] = []
    for task in registered_tasks():
        if wanted is not None and task.name not in wanted:
            continue
        missing = [n for n in task.needs if not (root / n).exists()]
        if missing:
            results.append(EvalResult(task.name, ", ".join(task.needs), skipped=f"absent: {', '.join(str(root / m) for m in missing)}"))
            continue
        if progress:
            progress(task.name)
        t0 = time.perf_counter()
        result = task.run(root, quick)
        result.seconds = time.perf_counter() - t0
        results.append(result)
    return results


def load_baseline(path: Path) -> dict[str, dict[str, float]]:
    if not path.exists():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {k: dict(v) for k, v in raw.get("floors", {}).items()}


def gate(results: list[EvalResult], floors: dict[str, dict[str, float]], *, margin: float = NOISE_MARGIN) -> list[str]:
    """Every figure below its floor (minus the margin), as readable lines; empty when all pass."""
    failures: list[str] = []
    for r in results:
        if r.skipped:
            continue
        for metric, floor in floors.get(r.task, {}).items():
            got = r.metrics.get(metric)
            if got is None:
                failures.append(f"{r.task}.{metric}: not measured (floor {floor:.4f})")
            elif got < floor - margin:
                failures.append(f"{r.task}.{metric}: {got:.4f} < floor {floor:.4f}")
    return failures


def raise_floors(results: list[EvalResult], floors: dict[str, dict[str, float]], *, lower: bool = False) -> dict[str, dict[str, float]]:
    """New floors: each measured figure, never lowered unless ``lower`` is set."""
    new = {k: dict(v) for k, v in floors.items()}
    for r in results:
        if r.skipped:
            continue
        for metric, got in r.metrics.items():
            old = new.setdefault(r.task, {}).get(metric)
            value = round(got, 4)
            if old is None or value > old or lower:
                new[r.task][metric] = value
    return new


def write_baseline(path: Path, floors: dict[str, dict[str, float]], reason: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"about": "Floors for `make eval`. Raise with `make eval-raise`; lowering needs --lower and a reason.",
               "reason": reason, "floors": floors}
    path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
