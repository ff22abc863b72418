"""Readers (CLI, server) on the same SQLite file see whole articles while a writer ingests."""

from __future__ import annotations

import threading
from pathlib import Path

from claimledger_test_builders import ClaimSpec, article, make_document  # loaded by conftest.py

from claimledger.storage import SQLiteStore

CLAIMS_PER_ARTICLE = 5


def _document(i: int):  # type: ignore[no-untyped-def]
    sentences = [f"Officials said that convoy {i}-{k} reached the border." for k in range(CLAIMS_PER_ARTICLE)]
    text = " ".join(sentences)
    art = article(text, id=f"a{i}", outlet="Wire", published="2023-03-01")
    specs = [ClaimSpec(f"convoy {i}-{k} reached the border", ("Officials", "unnamed")) for k in range(CLAIMS_PER_ARTICLE)]
    return make_document(art, specs)


def test_readers_never_see_half_an_article_while_a_writer_ingests(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    SQLiteStore(path).close()  # create and migrate once
    articles = 60
    done = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with SQLiteStore(path) as store:
                for i in range(articles):
                    store.add_document(_document(i))
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)
        finally:
            done.set()

    snapshots: list[dict[str, int]] = []

    def read() -> None:
        try:
            with SQLiteStore(path, create=False) as store:
                while not done.is_set() or len(snapshots) < 3:
                    counts: dict[str, int] = {}
                    for claim in store.iter_claims():
                        counts[claim["article_id"]] = counts.get(claim["article_id"], 0) + 1
                    snapshots.append(counts)
                    if done.is_set():
                        break
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    writer = threading.Thread(target=write)
    readers = [threading.Thread(target=read) for _ in range(2)]
    writer.start()
    for r in readers:
        r.start()
    writer.join(60)
    for r in readers:
        r.join(60)
    assert not errors, errors
    assert snapshots
    for counts in snapshots:
        # each article a reader sees is whole: all its claims or none of them
        assert all(n == CLAIMS_PER_ARTICLE for n in counts.values()), counts
    with SQLiteStore(path, create=False) as store:
        assert store.stats()["articles"] == articles
