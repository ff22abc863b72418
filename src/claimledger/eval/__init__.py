"""Evaluation harness: score every extractor on public data and gate the figures against floors.

Run with ``make eval``, ``claimledger eval`` or ``python -m claimledger.eval``. Data is read from
``CLAIMLEDGER_EVAL_DATA`` (default ``../shared/data``); absent sets are named and skipped.
"""

from __future__ import annotations

from .harness import EvalResult, Task, gate, load_baseline, registered_tasks, run_tasks

__all__ = ["EvalResult", "Task", "gate", "load_baseline", "registered_tasks", "run_tasks"]
