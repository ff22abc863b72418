"""``python -m claimledger.eval``: run the harness, print the table, write eval/results.json, gate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .harness import data_dir, gate, load_baseline, raise_floors, run_tasks, write_baseline

BASELINE = Path("eval/baseline.json")
RESULTS = Path("eval/results.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="claimledger eval", description=__doc__)
    parser.add_argument("tasks", nargs="*", help="task names (default: all)")
    parser.add_argument("--data", type=Path, default=None, help="evaluation data folder (env CLAIMLEDGER_EVAL_DATA)")
    parser.add_argument("--quick", action="store_true", help="a subset of each set, for a fast look")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--raise-floors", action="store_true", help="set floors to the measured figures where higher")
    parser.add_argument("--lower", metavar="REASON", help="with --raise-floors: also lower floors; give the reason")
    parser.add_argument("--no-gate", action="store_true", help="measure and report only")
    args = parser.parse_args(argv)

    root = args.data or data_dir()
    if not root.is_dir():
        print(f"evaluation data folder {root} is absent: set CLAIMLEDGER_EVAL_DATA or pass --data; nothing evaluated")
        return 0
    results = run_tasks(args.tasks or None, data=root, quick=args.quick,
                        progress=lambda name: print(f"... {name}", file=sys.stderr, flush=True))
    print(f"{'task':<12} {'figures':<88} {'anchor'}")
    for r in results:
        if r.skipped:
            print(f"{r.task:<12} skipped ({r.skipped})")
            continue
        figs = "  ".join(f"{k}={v:.3f}" for k, v in r.metrics.items())
        print(f"{r.task:<12} {figs:<88} {r.anchor}  [{r.seconds:.0f}s]")
        for note in r.notes:
            print(f"{'':<12} {note}")
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps([r.to_dict() for r in results], indent=2) + "\n", encoding="utf-8")
    floors = load_baseline(args.baseline)
    if args.raise_floors:
        if args.lower is not None and not args.lower.strip():
            print("--lower needs a reason", file=sys.stderr)
            return 2
        new = raise_floors(results, floors, lower=args.lower is not None)
        write_baseline(args.baseline, new, args.lower or "raised to measured figures")
        print(f"floors written to {args.baseline}")
        return 0
    if args.no_gate:
        return 0
    failed = gate(results, floors)
    for line in failed:
        print(f"BELOW FLOOR: {line}")
    print(f"eval gate: {'FAILED' if failed else 'passed'} ({sum(len(v) for v in floors.values())} floors)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
