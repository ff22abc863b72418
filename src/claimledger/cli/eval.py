"""`claimledger eval`: the evaluation harness (the same as `make eval` and `python -m claimledger.eval`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def eval_command(
    tasks: Annotated[list[str] | None, typer.Argument(help="Task names (default: all).")] = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="Evaluation data folder (env CLAIMLEDGER_EVAL_DATA).")
    ] = None,
    quick: Annotated[bool, typer.Option("--quick", help="A subset of each set, for a fast look.")] = False,
    raise_floors: Annotated[
        bool, typer.Option("--raise-floors", help="Set floors in eval/baseline.json to the measured figures.")
    ] = False,
    lower: Annotated[
        str | None, typer.Option("--lower", metavar="REASON", help="With --raise-floors: allow lowering, with a reason.")
    ] = None,
    no_gate: Annotated[bool, typer.Option("--no-gate", help="Measure and report only.")] = False,
) -> None:
    """Score every extractor on public evaluation data and check the figures against their floors.

    Prints one row per task, writes eval/results.json, and exits 1 when a figure falls below its
    floor in eval/baseline.json. Sets that are absent are named and skipped.

    Docs: docs/cli.md#eval and docs/evaluation.md
    """
    from ..eval.__main__ import main as eval_main

    argv: list[str] = list(tasks or [])
    if data is not None:
        argv += ["--data", str(data)]
    if quick:
        argv.append("--quick")
    if raise_floors:
        argv.append("--raise-floors")
    if lower is not None:
        argv += ["--lower", lower]
    if no_gate:
        argv.append("--no-gate")
    raise typer.Exit(eval_main(argv))
