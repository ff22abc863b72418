"""Read commands (claims, show, stats, export) on a ledger of hand-built claims."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app


def test_claims_format_json_parses(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(ledger_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)
    assert len(claims) == 5
    assert all("article" in c for c in claims)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--source", "ministry"], ["huffpost-a-32-100"]),
        (["--about", "Bakhmut"], ["kyiv-b-0-40"]),
        (["--place", "kyiv"], ["huffpost-a-127-174"]),
        (["--since", "2023-01-01", "--quote", "direct"], ["huffpost-a-177-196"]),
        (["--until", "2022-12"], ["huffpost-a-127-174", "kyiv-b-0-40", "kyiv-b-70-118"]),
        (["--min-p", "0.5"], ["huffpost-a-32-100"]),
        (["--search", "'; DROP TABLE claims; --"], []),
        (["--search", "troops"], ["huffpost-a-32-100"]),
        (["--limit", "1"], ["huffpost-a-32-100"]),
    ],
)
def test_claims_filters_jsonl(
    runner: CliRunner, ledger_db: Path, args: list[str], expected: list[str]
) -> None:
    result = runner.invoke(app, ["claims", "--db", str(ledger_db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected


def test_claims_table_lists_ids(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(ledger_db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for claim_id in ("huffpost-a-32-100", "kyiv-b-70-118"):
        assert claim_id in result.stdout


def test_claims_csv_parses(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(ledger_db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5 and rows[0]["source"]


def test_claims_no_match_notice_on_stderr(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(ledger_db), "--source", "nobody at all"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No claims match" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "--quote", "partial"],
        ["claims", "--min-p", "2"],
        ["claims", "--format", "xml"],
        ["claims", "--bogus"],
        ["show"],
        ["export", "--format", "pdf"],
        ["nosuchcommand"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, ledger_db: Path, args: list[str]) -> None:
    extra = ["--db", str(ledger_db)] if args[0] != "nosuchcommand" else []
    result = runner.invoke(app, [*args, *extra])
    assert result.exit_code == 2, result.output


@pytest.mark.parametrize("command", [["claims"], ["stats"], ["show", "x"], ["export"]])
def test_read_command_without_ledger_is_usage_error(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "none.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    assert "claimledger ingest" in result.stderr
    assert not missing.exists()


def test_bad_date_filter_is_one_line_error_exit_2(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(ledger_db), "--since", "last spring"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("Error: [E002]")
    assert "Traceback" not in result.output


def test_show_claim_lists_its_parts(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["show", "huffpost-a-32-100", "--db", str(ledger_db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in (
        "UK Ministry of Defence",
        "HuffPost UK → UK Ministry of Defence",
        "highly likely",
        "p 0.80-0.90",
        "Kupyansk (UA)",
        "March 2023 = 2023-03",
        "MOBILIZE",
        "The UK Ministry of Defence said Russia",
    ):
        assert expected in out, expected


def test_show_json_round_trips(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["show", "kyiv-b-0", "--json", "--db", str(ledger_db)])
    assert json.loads(result.stdout)["id"] == "kyiv-b-0-40"


def test_show_missing_claim_exit_1(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["show", "nope", "--db", str(ledger_db)])
    assert result.exit_code == 1
    assert "[E004]" in result.stderr and "Traceback" not in result.output


def test_stats_prints_summary_and_queries(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(ledger_db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2 articles" in out and "5 claims" in out and "2 hedged claims" in out
    assert "Kupyansk" in out
    tries = [line.strip() for line in out.splitlines() if line.strip().startswith("claimledger ")]
    assert 3 <= len(tries) <= 4


def test_stats_example_queries_return_claims(runner: CliRunner, ledger_db: Path) -> None:
    import shlex

    out = runner.invoke(app, ["stats", "--db", str(ledger_db)], env={"COLUMNS": "300"}).stdout
    for line in out.splitlines():
        if line.strip().startswith("claimledger claims"):
            args = shlex.split(line.strip())[1:]
            result = runner.invoke(app, [*args, "--format", "jsonl"] if "--format" not in args else args)
            assert result.exit_code == 0 and result.stdout.strip(), line


def test_stats_json(runner: CliRunner, ledger_db: Path) -> None:
    stats = json.loads(runner.invoke(app, ["stats", "--json", "--db", str(ledger_db)]).stdout)
    assert (stats["articles"], stats["claims"]) == (2, 5)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_export_to_file_parses(runner: CliRunner, ledger_db: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(target), "--db", str(ledger_db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    if fmt == "jsonl":
        assert len([json.loads(line) for line in text.splitlines()]) == 5
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(text)))) == 5
    else:
        assert len(json.loads(text)["features"]) == 3  # Kupyansk, Kyiv, Bakhmut


def test_export_filters_to_stdout(runner: CliRunner, ledger_db: Path) -> None:
    result = runner.invoke(app, ["export", "--quote", "direct", "--db", str(ledger_db)])
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["huffpost-a-177-196"]


def test_settings_file_db_used(runner: CliRunner, ledger_db: Path, tmp_path: Path) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text(f'db = "{ledger_db}"\n')
    result = runner.invoke(app, ["--settings", str(settings), "stats", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["claims"] == 5


def test_bad_settings_file_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text("colour = 'red'\n")
    result = runner.invoke(app, ["--settings", str(settings), "stats"])
    assert result.exit_code == 2
    assert "unknown setting" in result.stderr
