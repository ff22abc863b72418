"""Crash safety: an ingest killed with SIGKILL and run again stores every article exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from claimledger.ledger import Ledger

N_FILES = 30
#: Articles stored before the kill (then the rest must be stored by the second run).
KILL_AFTER = 3
#: Seconds a run may take (model load plus 30 short articles on a slow 2-core machine).
RUN_TIMEOUT = 120

SOURCES = ("The Ministry of Defence", "A military spokesman", "Regional governor Oleh Synyehubov")
PLACES = ("Kharkiv", "Kupiansk", "Odesa", "Bakhmut", "Zaporizhzhia")


def story(i: int) -> str:
    """A unique article of a few paragraphs with attributed, hedged, quoted claims."""
    paragraphs = []
    for j in range(4):
        source = SOURCES[(i + j) % len(SOURCES)]
        place = PLACES[(i * 3 + j) % len(PLACES)]
        paragraphs.append(
            f"{source} said on Monday that {10 + i + j} drones were shot down near {place} overnight. "
            f"Officials claimed the strike on depot {i}-{j} was likely planned for weeks. "
            f'"We will respond," the spokesman told reporters in {place}, adding that {i + j + 2} '
            f"people were hurt. Analysts believe attack number {i * 10 + j} may signal a new offensive."
        )
    return "\n\n".join(paragraphs)


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(N_FILES):
        (folder / f"article-{i:02d}.txt").write_text(story(i), encoding="utf-8")
    return folder


def sqlite_count(db: str) -> int:
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet, or mid-migration


def postgres_count(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except psycopg.Error:
        return 0


def ingest_cmd(corpus: Path, db: str, *options: str) -> list[str]:
    return [sys.executable, "-m", "claimledger", "ingest", str(corpus), "--db", db, *options]


def children_of(pid: int) -> set[int]:
    """Live child processes of ``pid`` (from /proc; empty where there is none)."""
    found: set[int] = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def run_env() -> dict[str, str]:
    # two articles per analysis batch: stores happen all through the run, so the kill
    # lands between, or inside, article transactions rather than after a single big batch
    return {**os.environ, "CLAIMLEDGER_BATCH_SIZE": "2"}


def kill_mid_run(corpus: Path, db: str, count: Callable[[str], int], *options: str) -> int:
    """Start an ingest, SIGKILL it once KILL_AFTER articles are stored; returns the count then.

    Its worker processes (``--workers``) must end by themselves soon after.
    """
    proc = subprocess.Popen(
        ingest_cmd(corpus, db, *options), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=run_env()
    )
    children: set[int] = set()
    try:
        deadline = time.monotonic() + RUN_TIMEOUT
        while time.monotonic() < deadline and proc.poll() is None:
            if count(db) >= KILL_AFTER:
                break
            time.sleep(0.02)
        assert proc.poll() is None, f"the ingest ended (status {proc.returncode}) before it could be killed"
        children = children_of(proc.pid)
        proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(alive(pid) for pid in children):
        time.sleep(0.1)
    left = [pid for pid in children if alive(pid)]
    for pid in left:  # ours to clean up; the assertion below reports them
        os.kill(pid, signal.SIGKILL)
    assert not left, f"worker processes {left} outlived the killed ingest"
    return count(db)


def ledger_state(db: str) -> dict[str, Any]:
    """Every stored claim (OUTPUT.md dict with its article) and per-article claim counts."""
    with Ledger(db) as ledger:
        claims = {c["id"]: c for c in ledger.iter_claims()}
        articles = {a["id"]: a["claims"] for a in ledger.articles(limit=10_000)}
        hashes = [a["content_hash"] for a in ledger.articles(limit=10_000)]
    return {"claims": claims, "articles": articles, "hashes": sorted(hashes)}


def child_rows_per_article(db: str) -> dict[str, tuple[int, ...]]:
    """Rows of every child table per article (what a half-written article would lack)."""
    tables = ("spans", "claim_places", "claim_times", "claim_quantities", "claim_entities", "claim_actors")
    selects = ", ".join(
        f"(SELECT COUNT(*) FROM {t} x JOIN claims c ON c.id = x.claim_id WHERE c.article_id = a.id)"
        for t in tables
    )
    sql = f"SELECT a.id, (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id), {selects} FROM articles a"
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            rows = conn.execute(sql).fetchall()
    else:
        with closing(sqlite3.connect(db)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            # raises when the search index and the claims table disagree
            conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
            rows = conn.execute(sql).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("crash") / "in")


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A clean, uninterrupted single-process ingest of the same files (SQLite)."""
    db = str(tmp_path_factory.mktemp("reference") / "reference.db")
    with Ledger(db) as ledger:
        report = ledger.ingest(corpus)
    assert (report.added, report.skipped) == (N_FILES, 0)
    return db


def check_recovers(corpus: Path, db: str, reference: str, count: Callable[[str], int], *options: str) -> None:
    stored = kill_mid_run(corpus, db, count, *options)
    assert KILL_AFTER <= stored < N_FILES
    done = subprocess.run(
        ingest_cmd(corpus, db),
        capture_output=True,
        text=True,
        env=run_env(),
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"{N_FILES - stored} added" in done.stdout
    assert f"{stored} duplicates" in done.stdout
    got, want = ledger_state(db), ledger_state(reference)
    assert got["hashes"] == want["hashes"]  # every article, each once
    assert got["articles"] == want["articles"]  # claim counts per article
    assert got["claims"] == want["claims"]  # each claim whole, with its article
    assert child_rows_per_article(db) == child_rows_per_article(reference)


@pytest.mark.model
def test_ingest_killed_and_rerun_sqlite_stores_each_article_once(
    corpus: Path, reference: str, tmp_path: Path
) -> None:
    check_recovers(corpus, str(tmp_path / "crash.db"), reference, sqlite_count)


@pytest.mark.model
def test_ingest_killed_and_rerun_postgres_stores_each_article_once(
    corpus: Path, reference: str, pg_cluster: Any
) -> None:
    check_recovers(corpus, pg_cluster.create_database(), reference, postgres_count)


@pytest.mark.model
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find worker processes")
def test_ingest_workers_killed_and_rerun_leaves_no_workers_and_stores_each_article_once(
    corpus: Path, reference: str, tmp_path: Path
) -> None:
    check_recovers(corpus, str(tmp_path / "crash.db"), reference, sqlite_count, "--workers", "2")
