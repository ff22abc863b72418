from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.eval.__main__ import main as eval_main
from claimledger.eval.harness import (
    NOISE_MARGIN,
    EvalResult,
    gate,
    load_baseline,
    raise_floors,
    registered_tasks,
    run_tasks,
    write_baseline,
)


def _result(task: str, **metrics: float) -> EvalResult:
    return EvalResult(task, "data", metrics=dict(metrics))


def test_gate_passes_within_noise_margin() -> None:
    floors = {"times": {"value_f1": 0.78}}
    assert gate([_result("times", value_f1=0.78 - NOISE_MARGIN / 2)], floors) == []


def test_gate_fails_below_floor_and_names_the_figure() -> None:
    failures = gate([_result("times", value_f1=0.70)], {"times": {"value_f1": 0.78}})
    assert len(failures) == 1 and "times.value_f1" in failures[0]


def test_gate_fails_when_a_floored_figure_is_not_measured() -> None:
    assert gate([_result("times")], {"times": {"value_f1": 0.5}})


def test_gate_ignores_skipped_tasks() -> None:
    skipped = EvalResult("places", "lgl.xml", skipped="absent")
    assert gate([skipped], {"places": {"lgl_acc161": 0.9}}) == []


def test_raise_floors_never_lowers_without_flag() -> None:
    floors = {"hedges": {"exact_f1": 0.75}}
    assert raise_floors([_result("hedges", exact_f1=0.70)], floors)["hedges"]["exact_f1"] == 0.75
    assert raise_floors([_result("hedges", exact_f1=0.80)], floors)["hedges"]["exact_f1"] == 0.8
    assert raise_floors([_result("hedges", exact_f1=0.70)], floors, lower=True)["hedges"]["exact_f1"] == 0.7


def test_baseline_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, {"sample": {"recall": 0.9}}, "test")
    assert load_baseline(path) == {"sample": {"recall": 0.9}}
    assert json.loads(path.read_text())["reason"] == "test"


def test_run_tasks_reports_absent_data_as_skipped(tmp_path: Path) -> None:
    results = run_tasks(data=tmp_path)
    assert results and all(r.skipped for r in results)
    assert {r.task for r in results} == {t.name for t in registered_tasks()}


def test_cli_absent_data_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = eval_main(["--data", str(tmp_path / "missing")])
    assert code == 0
    assert "absent" in capsys.readouterr().out


def test_cli_lowering_needs_a_reason(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    args = ["--data", str(tmp_path / "data"), "--baseline", str(tmp_path / "b.json"),
            "--results", str(tmp_path / "r.json"), "--raise-floors", "--lower", " "]
    assert eval_main(args) == 2
