"""Commands that run the spaCy pipeline: ingest, extract, analyze (marked model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

pytestmark = pytest.mark.model


def test_ingest_folder_with_bad_file_exits_1_and_counts(
    runner: CliRunner, articles_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "l.db"
    result = runner.invoke(app, ["ingest", str(articles_dir), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "3 documents" in result.stdout and "2 added" in result.stdout and "1 skipped" in result.stdout
    assert "broken.bin" in result.stderr and "broken.bin" not in result.stdout
    again = runner.invoke(app, ["ingest", str(articles_dir), "--db", str(db)])
    assert "0 added" in again.stdout and "2 duplicates" in again.stdout
    claims = json.loads(runner.invoke(app, ["claims", "--db", str(db), "--format", "json"]).stdout)
    assert {c["article"]["id"] for c in claims} and all(c["article_id"] == c["article"]["id"] for c in claims)


def test_ingest_clean_folder_exits_0(runner: CliRunner, articles_dir: Path, tmp_path: Path) -> None:
    (articles_dir / "broken.bin").unlink()
    result = runner.invoke(app, ["ingest", str(articles_dir), "--db", str(tmp_path / "l.db")])
    assert result.exit_code == 0, result.output


def test_ingest_defaults_published(runner: CliRunner, articles_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    runner.invoke(
        app, ["ingest", str(articles_dir / "mod.txt"), "--db", str(db), "--published", "2023-03-24"]
    )
    stats = json.loads(runner.invoke(app, ["stats", "--json", "--db", str(db)]).stdout)
    assert stats["date_range"] == {"first": "2023-03-24", "last": "2023-03-24"}


def test_ingest_bad_published_is_usage_error(runner: CliRunner, articles_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ingest", str(articles_dir), "--db", str(tmp_path / "l.db"), "--published", "soon"]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "l.db").exists()


def test_extract_jsonl_lines_have_article(runner: CliRunner, articles_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(articles_dir / "mod.txt"), "--published", "2023-03-24"])
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert claims
    for claim in claims:
        assert claim["article"]["published"] == "2023-03-24"
        assert claim["article_id"] == claim["article"]["id"]


def test_extract_skips_bad_file_exit_1_stdout_clean(runner: CliRunner, articles_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(articles_dir)])
    assert result.exit_code == 1
    for line in result.stdout.splitlines():
        json.loads(line)
    assert "broken.bin" in result.stderr


def test_extract_stdin(runner: CliRunner) -> None:
    text = "The UK Ministry of Defence said Russia has likely deployed troops near Kupyansk."
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


@pytest.mark.parametrize("no_clean", [True, False])
def test_analyze_offsets_exact(runner: CliRunner, articles_dir: Path, no_clean: bool) -> None:
    path = articles_dir / "quote.txt"
    args = ["analyze", str(path), "--published", "2023-03-21"] + (["--no-clean"] if no_clean else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    text = doc["text"]
    if no_clean:
        assert text == path.read_text(encoding="utf-8")
    spans = [
        *doc["sentences"],
        *doc["entities"],
        *doc["times"],
        *doc["places"],
        *doc["quantities"],
        *doc["hedges"],
    ]
    for claim in doc["claims"]:
        spans += [claim, claim["sentence"]] + [s for s in (claim["cue"], claim["source"]["span"]) if s]
    for att in doc["attributions"]:
        spans += [s for s in (att["source"], att["cue"]) if s] + att["content"]
    assert spans
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_analyze_jsonl_one_line_per_document(runner: CliRunner, articles_dir: Path) -> None:
    (articles_dir / "broken.bin").unlink()
    result = runner.invoke(app, ["analyze", str(articles_dir), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 2 and all(d["schema"] == 1 for d in docs)


def test_analyze_missing_file_exits_nonzero(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt")])
    assert result.exit_code in (1, 2)
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.output
