"""Parallel ingest: N analysis processes, one writer; same ledger as a single-process ingest."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.errors import ConfigError, InputError
from claimledger.ledger import PARALLEL_TASK_SIZE, IngestEvent, Ledger
from claimledger.model import Article, Skip
from claimledger.settings import load_settings

OUTLETS = ("Meridian Post", "Northgate Times", "Lakeside Herald")
SOURCES = ("The Ministry of Defence", "A military spokesman", "Regional governor Oleh Synyehubov")
PLACES = ("Kharkiv", "Kupiansk", "Odesa", "Bakhmut")


def story(i: int) -> str:
    """A short news text with attributed claims; ``i`` makes it unique."""
    source = SOURCES[i % len(SOURCES)]
    place = PLACES[i % len(PLACES)]
    return (
        f"{source} said on Monday that {10 + i} drones were shot down near {place} overnight. "
        f"Officials claimed the strike on the depot was likely planned for weeks. "
        f'"We will respond," the spokesman told reporters in {place}, adding that {i + 2} people were hurt. '
        f"Analysts believe the attack number {i} may signal a new offensive."
    )


def write_corpus(folder: Path, n: int) -> Path:
    """``n`` distinct stories, one repeated text (a duplicate) and an empty file (a skip)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:03d}.txt").write_text(story(i), encoding="utf-8")
    (folder / "story-copy.txt").write_text(story(0), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def claim_map(path: Path) -> dict[str, list[str]]:
    """article id -> sorted claim ids."""
    with Ledger(path) as ledger:
        return {
            a["id"]: sorted(c["id"] for c in ledger.claims(article_id=a["id"], limit=10_000))
            for a in ledger.articles(limit=10_000)
        }


def test_add_articles_workers_below_one_raises(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as ledger, pytest.raises(InputError, match="at least 1"):
        ledger.add_articles([], workers=0)


@pytest.mark.model
def test_ingest_workers_stores_what_single_process_stores(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 20)
    with Ledger(tmp_path / "one.db") as ledger:
        one = ledger.ingest(corpus)
    with Ledger(tmp_path / "two.db") as ledger:
        two = ledger.ingest(corpus, workers=2)
    counts = ("seen", "added", "duplicates", "skipped", "claims_added")
    assert [getattr(two, k) for k in counts] == [getattr(one, k) for k in counts]
    assert (two.seen, two.added, two.duplicates, two.skipped) == (22, 20, 1, 1)
    assert two.claims_added > 20
    assert claim_map(tmp_path / "two.db") == claim_map(tmp_path / "one.db")
    # running again adds nothing: every text is already stored
    with Ledger(tmp_path / "two.db") as ledger:
        again = ledger.ingest(corpus, workers=2)
    assert (again.added, again.duplicates, again.skipped) == (0, 21, 1)


@pytest.mark.model
def test_add_articles_workers_reads_ahead_a_bounded_amount(tmp_path: Path) -> None:
    workers, n = 2, 120
    pulled = 0
    lead: list[int] = []
    done = 0

    def articles() -> Iterator[Article | Skip]:
        nonlocal pulled
        for i in range(n):
            pulled += 1
            text = story(i)
            yield Article(id=f"gen-{i}", text=text, content_hash=f"sha256:gen{i}", source_path=f"gen-{i}")

    def progress(event: IngestEvent) -> None:
        nonlocal done
        done += 1
        lead.append(pulled - done)

    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.add_articles(articles(), progress=progress, workers=workers)
    assert report.added == n
    # in flight at most: the queued tasks plus the batch being gathered
    assert max(lead) <= workers * 2 * PARALLEL_TASK_SIZE + PARALLEL_TASK_SIZE
    assert max(lead) < n


@pytest.mark.model
def test_add_articles_workers_missing_model_raises_config_error(tmp_path: Path) -> None:
    settings = load_settings(model="no_such_model_package")
    items = [Article(id="a", text=story(1), content_hash="sha256:a", source_path="a")]
    with (
        Ledger(tmp_path / "l.db", settings=settings) as ledger,
        pytest.raises(ConfigError, match="no spaCy model found"),
    ):
        ledger.add_articles(items, workers=2)


@pytest.mark.model
def test_cli_ingest_workers_option(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 6)
    db = tmp_path / "cli.db"
    done = subprocess.run(
        [sys.executable, "-m", "claimledger", "ingest", str(corpus), "--db", str(db), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # 1: the empty file was skipped
    assert "8 documents" in done.stdout and "6 added" in done.stdout
    assert len(claim_map(db)) == 6


@pytest.mark.model
def test_ingest_dask_scheduler_stores_what_single_process_stores(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path / "in", 12)
    with Ledger(tmp_path / "one.db") as ledger:
        one = ledger.ingest(corpus)
    with (
        distributed.LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Ledger(tmp_path / "dask.db") as ledger,
    ):
        report = ledger.ingest(corpus, dask=cluster.scheduler_address)
    counts = ("seen", "added", "duplicates", "skipped", "claims_added")
    assert [getattr(report, k) for k in counts] == [getattr(one, k) for k in counts]
    assert claim_map(tmp_path / "dask.db") == claim_map(tmp_path / "one.db")


@pytest.mark.model
def test_ingest_dask_local_starts_and_stops_its_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path / "in", 4)
    with Ledger(tmp_path / "dask.db") as ledger:
        report = ledger.ingest(corpus, dask="local", workers=2)
    assert (report.added, report.duplicates, report.skipped) == (4, 1, 1)
    assert len(claim_map(tmp_path / "dask.db")) == 4
