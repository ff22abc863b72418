"""The linking commands (link, clusters, cluster, history, contradictions, sources, grade)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.storage import PostgresStore, SQLiteStore


def link_builders() -> ModuleType:
    """tests/linking/builders.py, loaded by path (test folders are not packages)."""
    name = "claimledger_link_builders"
    if name not in sys.modules:
        path = Path(__file__).parents[1] / "linking" / "builders.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(params=["sqlite", "postgres"])
def story_db(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A ledger holding the multi-outlet story, not yet linked: an SQLite file, or a
    PostgreSQL URL (skips when PostgreSQL is not installed)."""
    if request.param == "postgres":
        url = request.getfixturevalue("pg_cluster").create_database()
        with PostgresStore(url) as store:
            for doc in link_builders().story():
                store.add_document(doc)
        return str(url)
    path = tmp_path / "story.db"
    with SQLiteStore(path) as store:
        for doc in link_builders().story():
            store.add_document(doc)
    return path


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def linked(runner: CliRunner, db: Path) -> Path:
    run(runner, "link", "--db", str(db))
    return db


def test_link_prints_summary(runner: CliRunner, story_db: Path) -> None:
    out = run(runner, "link", "--db", str(story_db))
    assert "Linked 9 claims" in out
    assert "2 articles in 1 near-duplicate groups" in out


def test_link_json_and_rebuild(runner: CliRunner, story_db: Path) -> None:
    first = json.loads(run(runner, "link", "--db", str(story_db), "--json"))
    again = json.loads(run(runner, "link", "--db", str(story_db), "--json"))
    rebuilt = json.loads(run(runner, "link", "--db", str(story_db), "--rebuild", "--json"))
    assert (first["linked"], again["linked"], rebuilt["linked"]) == (9, 0, 9)
    assert first["clusters"] == again["clusters"] == rebuilt["clusters"]


def test_clusters_lists_loss_cluster(runner: CliRunner, story_db: Path) -> None:
    rows = json.loads(
        run(runner, "clusters", "--db", str(linked(runner, story_db)), "--cross-outlet", "--json")
    )
    loss = next(r for r in rows if "1,000" in r["label"])
    assert (loss["origins"], loss["relays"]) == (1, 3)
    assert run(runner, "clusters", "--db", str(story_db), "--min-origins", "5", "--json").strip() == "[]"


def test_cluster_shows_history(runner: CliRunner, story_db: Path) -> None:
    rows = json.loads(run(runner, "clusters", "--db", str(linked(runner, story_db)), "--json"))
    cid = next(r["id"] for r in rows if "1,000" in r["label"])
    out = run(runner, "cluster", cid, "--db", str(story_db))
    assert "1 independent origins, 3 relays" in out
    assert out.index("Northgate Post") < out.index("Baltic Wire")
    data = json.loads(run(runner, "cluster", cid, "--db", str(story_db), "--json"))
    assert len(data["history"]) == 4


def test_history_of_claim(runner: CliRunner, story_db: Path) -> None:
    claim_id = link_builders().baltic().claims[0].id
    data = json.loads(run(runner, "history", claim_id, "--db", str(linked(runner, story_db)), "--json"))
    assert claim_id in {h["claim_id"] for h in data["history"]}
    assert "over 1,000 troops" in run(runner, "history", claim_id, "--db", str(story_db))


def test_history_unlinked_claim_fails_with_hint(runner: CliRunner, story_db: Path) -> None:
    claim_id = link_builders().baltic().claims[0].id
    result = runner.invoke(app, ["history", claim_id, "--db", str(story_db)])
    assert result.exit_code == 1
    assert "claimledger link" in result.output


@pytest.mark.parametrize("kind", ["quantity", "denial"])
def test_contradictions_by_kind(runner: CliRunner, story_db: Path, kind: str) -> None:
    rows = json.loads(
        run(runner, "contradictions", "--db", str(linked(runner, story_db)), "--kind", kind, "--json")
    )
    assert rows and {r["kind"] for r in rows} == {kind}
    out = run(runner, "contradictions", "--db", str(story_db), "--kind", kind)
    assert kind in out


def test_contradictions_responsibility_kind(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    with SQLiteStore(path) as store:
        for doc in link_builders().station_reports():
            store.add_document(doc)
    rows = json.loads(run(runner, "contradictions", "--db", str(linked(runner, path)), "--kind", "responsibility", "--json"))
    assert [r["kind"] for r in rows] == ["responsibility"]
    assert "Kramatorsk" in rows[0]["claim_a"]["text"] and "Kramatorsk" in rows[0]["claim_b"]["text"]
    assert "responsibility" in run(runner, "contradictions", "--db", str(path), "--kind", "responsibility")


def test_sources_and_grade(runner: CliRunner, story_db: Path) -> None:
    linked(runner, story_db)
    result = runner.invoke(
        app, ["grade", "UK Ministry of Defence", "B", "2", "--db", str(story_db), "--by", "me"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(run(runner, "sources", "--db", str(story_db), "--json"))
    mod = next(r for r in rows if r["source"] == "UK Ministry of Defence")
    assert mod["grade"]["reliability"] == "B" and mod["grade"]["set_by"] == "me"
    assert "B2" in run(runner, "sources", "--db", str(story_db), "--limit", "3")


def test_grade_out_of_range_is_usage_error(runner: CliRunner, story_db: Path) -> None:
    result = runner.invoke(app, ["grade", "X", "Z", "2", "--db", str(story_db)])
    assert result.exit_code == 2
    assert "A-F" in result.output


def test_link_missing_ledger_is_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["link", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2


def test_contradictions_none_says_whether_linking_is_due(runner: CliRunner, story_db: Path) -> None:
    def notice() -> str:
        result = runner.invoke(app, ["contradictions", "--db", str(story_db), "--kind", "correction"])
        assert result.exit_code == 0, result.output
        return result.stderr

    before = notice()
    assert "No correction contradictions" in before and "9 claims are not linked yet" in before
    linked(runner, story_db)
    after = notice()
    assert "No correction contradictions in this ledger." in after and "claimledger link" not in after


def test_export_clusters_jsonl_holds_every_cluster_with_its_reports(
    runner: CliRunner, story_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimledger.ledger as ledger_module

    linked(runner, story_db)
    listed = json.loads(run(runner, "clusters", "--db", str(story_db), "--json", "--limit", "1000"))
    # pages of 2 summaries: the export must walk every page
    monkeypatch.setattr(ledger_module, "_CLUSTER_PAGE", 2)
    rows = [json.loads(line) for line in run(runner, "export-clusters", "--db", str(story_db)).splitlines()]
    assert [r["id"] for r in rows] == [c["id"] for c in listed]
    loss = next(r for r in rows if "1,000" in r["label"])
    assert (loss["size"], loss["origins"], loss["relays"]) == (4, 1, 3)
    assert len(loss["claim_ids"]) == 4 == len(loss["history"])
    assert [h["published"] for h in loss["history"]] == sorted(h["published"] for h in loss["history"])
    everything = run(runner, "export-clusters", "--db", str(story_db), "--min-size", "1").splitlines()
    assert sum(json.loads(line)["size"] for line in everything) == 9  # every claim once
    assert run(runner, "export-clusters", "--db", str(story_db), "--min-origins", "2") == ""


def test_export_clusters_csv_has_a_row_per_report(runner: CliRunner, story_db: Path, tmp_path: Path) -> None:
    import csv

    linked(runner, story_db)
    out = tmp_path / "clusters.csv"
    result = runner.invoke(app, ["export-clusters", "--db", str(story_db), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    listed = json.loads(run(runner, "clusters", "--db", str(story_db), "--json", "--limit", "1000"))
    assert len(rows) == sum(c["size"] for c in listed)
    assert {r["cluster_id"] for r in rows} == {c["id"] for c in listed}
    baltic = next(r for r in rows if r["outlet"] == "Baltic Wire" and "1,000" in r["text"])
    assert baltic["quantities"] == "over 1,000 troops" and baltic["source"] == "UK Ministry of Defence"
    assert f"exported {len(listed)} clusters" in result.stderr


def test_export_clusters_rejects_unknown_format(story_db: Path) -> None:
    import io

    from claimledger.errors import InputError
    from claimledger.ledger import Ledger

    with Ledger(str(story_db)) as led, pytest.raises(InputError, match="jsonl, csv"):
        led.export_clusters("geojson", io.StringIO())
