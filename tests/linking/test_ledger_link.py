"""Linking through the Ledger on both stores (SQLite, PostgreSQL): tables, incremental runs, read views.

The PostgreSQL cases start a throwaway cluster (tests/storage/conftest.py) and skip
when PostgreSQL is not installed.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from claimledger_link_builders import (
    baltic,
    lakeside,
    meridian,
    meridian_later,
    northgate,
    station_reports,
    story,
)

from claimledger.errors import InputError, NotFound
from claimledger.ledger import Ledger
from claimledger.storage import PostgresStore, SQLiteStore
from claimledger.storage.base import LinkStore
from claimledger.storage.migrations import migrate


@pytest.fixture(params=["sqlite", "postgres"])
def ledger_path(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty ledger's location: an SQLite file, or a new PostgreSQL database."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_cluster").create_database())
    return str(tmp_path / "ledger.db")


@pytest.fixture
def ledger(ledger_path: str) -> Ledger:
    led = Ledger(ledger_path)
    for doc in story():
        assert led.store.add_document(doc)
    yield led
    led.close()


def loss_cluster(ledger: Ledger) -> dict:
    return next(c for c in ledger.clusters() if "1,000" in c["label"])


def test_sqlite_store_is_a_link_store(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "l.db") as store:
        assert isinstance(store, LinkStore)


def test_postgres_store_is_a_link_store(pg_cluster: Any) -> None:
    with PostgresStore(pg_cluster.create_database()) as store:
        assert isinstance(store, LinkStore)


def test_ledger_link_reports_groups_clusters_contradictions(ledger: Ledger) -> None:
    report = ledger.link()
    assert report.linked == 9 and report.articles_hashed == 5
    assert (report.duplicate_groups, report.duplicate_articles) == (1, 2)
    assert report.contradictions.get("quantity", 0) >= 1
    assert report.contradictions.get("denial", 0) >= 1
    assert report.cross_outlet >= 1


def test_ledger_clusters_counts_syndicated_copy_once(ledger: Ledger) -> None:
    ledger.link()
    c = loss_cluster(ledger)
    assert (c["size"], c["origins"], c["relays"], c["outlets"]) == (4, 1, 3, 4)
    assert c["id"] not in {x["id"] for x in ledger.clusters(min_origins=2)}


def test_ledger_cluster_history_shows_drift(ledger: Ledger) -> None:
    ledger.link()
    cluster = ledger.cluster(loss_cluster(ledger)["id"][:6])
    history = cluster["history"]
    assert [h["published"] for h in history] == sorted(h["published"] for h in history)
    figures = {h["outlet"]: h["quantities"][0] for h in history}
    assert figures["Northgate Post"] == "at least 1,000 troops"
    assert figures["Baltic Wire"] == "over 1,000 troops"
    assert history[0]["published"] == "2023-04-20" and history[-1]["published"] == "2023-04-21"
    groups = {h["outlet"]: h["duplicate_group"] for h in history}
    assert groups["Northgate Post"] == groups["Lakeside Herald"] is not None
    assert groups["Baltic Wire"] is None


def test_ledger_history_of_claim_is_its_cluster(ledger: Ledger) -> None:
    ledger.link()
    claim_id = northgate().claims[0].id
    assert ledger.history(claim_id)["id"] == loss_cluster(ledger)["id"]


def test_ledger_history_unlinked_claim_raises(ledger: Ledger) -> None:
    with pytest.raises(NotFound, match="claimledger link"):
        ledger.history(northgate().claims[0].id)


def test_ledger_cluster_unknown_raises(ledger: Ledger) -> None:
    ledger.link()
    with pytest.raises(NotFound, match="no cluster"):
        ledger.cluster("nope")


def test_ledger_contradictions_point_at_both_claims(ledger: Ledger) -> None:
    ledger.link()
    rows = ledger.contradictions()
    assert rows
    for row in rows:
        assert row["claim_a"]["id"] != row["claim_b"]["id"]
        assert row["claim_a"]["article"]["id"] and row["claim_b"]["article"]["id"]
    denials = ledger.contradictions(kind="denial")
    assert denials and all(r["kind"] == "denial" for r in denials)
    assert any(r["claim_b"]["source"]["name"] == "Russian Ministry of Defence" for r in denials)


def test_ledger_lists_responsibility_disputes_between_sides(ledger: Ledger) -> None:
    ua, ru = station_reports()
    for doc in (ua, ru):
        assert ledger.store.add_document(doc)
    ledger.link()
    disputes = ledger.contradictions(kind="responsibility")
    assert [(r["claim_a"]["id"], r["claim_b"]["id"]) for r in disputes] == [(ua.claims[0].id, ru.claims[0].id)]
    assert "Russian side" in disputes[0]["detail"] and "Ukrainian" in disputes[0]["detail"]
    # the two accounts stay apart: a dispute is not corroboration
    clusters = {c.id: ledger.history(c.id)["id"] for c in (ua.claims[0], ru.claims[0])}
    assert len(set(clusters.values())) == 2


def test_ledger_link_twice_keeps_ids(ledger: Ledger) -> None:
    ledger.link()
    before = ledger.clusters(min_size=1, limit=1000)
    again = ledger.link()
    assert again.linked == 0 and again.compared == 0
    assert ledger.clusters(min_size=1, limit=1000) == before


def test_ledger_link_grows_incrementally(ledger_path: str) -> None:
    with Ledger(ledger_path) as led:
        led.store.add_document(northgate())
        led.store.add_document(meridian())
        led.link()
        first = loss_cluster(led)
        assert (first["size"], first["relays"]) == (2, 2)
        for doc in (lakeside(), baltic(), meridian_later()):
            led.store.add_document(doc)
        report = led.link()
        assert report.linked == 5 and report.duplicate_groups == 1
        grown = loss_cluster(led)
        assert grown["id"] == first["id"]
        assert (grown["size"], grown["relays"], grown["origins"]) == (4, 3, 1)


def test_ledger_link_rebuild_gives_same_clusters(ledger: Ledger) -> None:
    ledger.link()
    before = {c["id"]: c["size"] for c in ledger.clusters(min_size=1, limit=1000)}
    report = ledger.link(rebuild=True)
    assert report.linked == 9
    assert {c["id"]: c["size"] for c in ledger.clusters(min_size=1, limit=1000)} == before


def test_ledger_sources_records_and_grades(ledger: Ledger) -> None:
    ledger.link()
    records = {r["source"]: r for r in ledger.sources()}
    mod = records["UK Ministry of Defence"]
    # 4 troop-loss claims (the syndicated copy counted once) + the tank claim
    assert mod["claims"] == 4
    assert mod["corroborated_share"] == 0.0
    assert records["Ukrainian officials"]["contradicted_share"] == 1.0
    ledger.grade("UK Ministry of Defence", reliability="b", credibility=2, set_by="analyst")
    graded = {r["source"]: r for r in ledger.sources()}["UK Ministry of Defence"]
    assert graded["grade"]["reliability"] == "B" and graded["grade"]["credibility"] == 2


@pytest.mark.parametrize(("reliability", "credibility"), [("G", 1), ("A", 0), ("A", 7)])
def test_ledger_grade_rejects_out_of_range(ledger: Ledger, reliability: str, credibility: int) -> None:
    with pytest.raises(InputError, match="Admiralty"):
        ledger.grade("X", reliability=reliability, credibility=credibility)


def test_store_clusters_rejects_negative_limit(ledger: Ledger) -> None:
    with pytest.raises(InputError):
        ledger.clusters(limit=-1)


def test_migration_v3_upgrades_v2_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=2) == 2
    conn.close()
    with Ledger(path) as led:
        led.store.add_document(northgate())
        assert led.link().linked == 2
    with closing(sqlite3.connect(path)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"article_duplicates", "claim_clusters", "clusters", "contradictions", "source_grades"} <= tables


def test_deleting_article_cascades_to_links(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger(path) as led:
        for doc in story():
            led.store.add_document(doc)
        led.link()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM articles WHERE id = 'baltic-1'")
        left = conn.execute(
            "SELECT COUNT(*) FROM contradictions WHERE claim_a LIKE 'baltic-1%' OR claim_b LIKE 'baltic-1%'"
        ).fetchone()[0]
    assert left == 0


def _linked_state(led: Ledger) -> tuple[Any, ...]:
    clusters = led.clusters(min_size=1, limit=1000)
    members = {c["id"]: sorted(m["id"] for m in led.cluster(c["id"])["claims"]) for c in clusters}
    contradictions = sorted(
        (r["claim_a"]["id"], r["claim_b"]["id"], r["kind"], r["detail"])
        for r in led.contradictions(limit=1000)
    )
    counts = led.store.link_counts()  # type: ignore[attr-defined]
    return clusters, members, contradictions, counts, led.sources()


def test_postgres_links_match_sqlite(tmp_path: Path, pg_cluster: Any) -> None:
    """The same story linked in both stores: the same clusters, ids, members, contradictions, records."""
    states = []
    for path in (str(tmp_path / "l.db"), pg_cluster.create_database()):
        with Ledger(path) as led:
            for doc in story():
                led.store.add_document(doc)
            led.link()
            states.append(_linked_state(led))
    assert states[0][1] and states[0][2]
    assert states[0] == states[1]


def test_postgres_concurrent_link_runs_take_turns(pg_cluster: Any) -> None:
    """Two processes' worth of `link` at once: the lock serialises them, so the second
    sees the first's clusters and links nothing twice."""
    url = pg_cluster.create_database()
    with Ledger(url) as led:
        for doc in story():
            led.store.add_document(doc)
    reports: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with Ledger(url) as led:
                reports.append(led.link())
        except BaseException as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert sorted(r.linked for r in reports) == [0, 9]
    with Ledger(url) as led:
        assert led.store.link_counts()["unlinked"] == 0  # type: ignore[attr-defined]
        assert loss_cluster(led)["size"] == 4


def test_postgres_migration_v3_upgrades_v2_database(pg_cluster: Any) -> None:
    import psycopg

    from claimledger.storage.postgres import PG_SCHEMA_VERSION, current_pg_version, migrate_pg

    url = pg_cluster.create_database()
    with psycopg.connect(url, autocommit=True) as conn:
        assert migrate_pg(conn, target=2) == 2
    with Ledger(url) as led:
        led.store.add_document(northgate())
        assert led.link().linked == 2
    with psycopg.connect(url, autocommit=True) as conn:
        assert current_pg_version(conn) == PG_SCHEMA_VERSION >= 3


def test_postgres_deleting_article_cascades_to_links(pg_cluster: Any) -> None:
    import psycopg

    url = pg_cluster.create_database()
    with Ledger(url) as led:
        for doc in story():
            led.store.add_document(doc)
        led.link()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM articles WHERE id = 'baltic-1'")
        left = conn.execute(
            "SELECT COUNT(*) FROM contradictions WHERE claim_a LIKE 'baltic-1%' OR claim_b LIKE 'baltic-1%'"
        ).fetchone()[0]
    assert left == 0


def test_postgres_grade_with_nul_is_input_error(pg_cluster: Any) -> None:
    with Ledger(pg_cluster.create_database()) as led, pytest.raises(InputError, match="NUL"):
        led.grade("MoD\x00", reliability="A", credibility=1)


# -- the claim features cache (incremental linking) -----------------------------------


class _Uncached:
    """A store seen without its link cache: linking computes every claim's features."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        if name in ("link_cache_rows", "save_link_cache"):
            raise AttributeError(name)
        return getattr(self._store, name)


def _links(store: Any) -> tuple[Any, ...]:
    clusters = store.clusters(min_size=1, limit=1000)
    members = {c["id"]: sorted(m["id"] for m in store.cluster(c["id"])["claims"]) for c in clusters}
    contradictions = sorted(
        (r["claim_a"]["id"], r["claim_b"]["id"], r["kind"], r["detail"]) for r in store.contradictions(limit=1000)
    )
    return clusters, members, contradictions


def _grown(ledger_path: str, prepare: Any = None, *, cached: bool = True) -> tuple[Any, int]:
    """Link two articles, then three more: the linked state and features computed in the second run."""
    import claimledger.linking as linking
    from claimledger.ledger import link_ledger

    with Ledger(ledger_path) as led:
        store = led.store if cached else _Uncached(led.store)
        led.store.add_document(northgate())
        led.store.add_document(meridian())
        link_ledger(store)
        if prepare is not None:
            prepare(led.store)
        for doc in (lakeside(), baltic(), meridian_later()):
            led.store.add_document(doc)
        calls = []
        real = linking.features_of
        linking.features_of = lambda *a, **k: calls.append(1) or real(*a, **k)  # type: ignore[assignment]
        try:
            link_ledger(store)
        finally:
            linking.features_of = real  # type: ignore[assignment]
        return _links(led.store), len(calls)


def _sql(store: Any, sql: str) -> None:
    """Run a statement on either store's own connection."""
    if isinstance(store, SQLiteStore):
        store._conn.execute(sql)
    else:
        with store._conn.transaction():
            store._conn.execute(sql)


def test_link_cache_holds_every_claim_after_a_link(ledger: Ledger) -> None:
    from claimledger.linking import FEATURES_VERSION, claim_signature_from_text

    ledger.link()
    rows = list(ledger.store.link_cache_rows())  # type: ignore[attr-defined]
    assert len(rows) == 9
    assert all(r["version"] == FEATURES_VERSION and r["features"] for r in rows)
    assert all(r["left_out"] is not None and claim_signature_from_text(r["signature"]) is not None for r in rows)


def test_incremental_link_computes_only_new_claims_and_matches_uncached(ledger_path: str, tmp_path: Path) -> None:
    state, computed = _grown(ledger_path)
    assert computed == 5  # the three new articles' claims; the first four come from the cache
    other = str(tmp_path / "uncached.db")
    uncached, all_computed = _grown(other, cached=False)
    assert all_computed == 9
    assert state == uncached


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE claim_link_cache SET version = 0",  # rows of an older release
        "UPDATE claim_link_cache SET features = 'not json'",
        "UPDATE claim_link_cache SET signature = substr(signature, 1, 8)",  # a cut-off MinHash
        "DELETE FROM claim_link_cache",  # a run killed between its links and its cache write
    ],
)
def test_incremental_link_recomputes_stale_or_damaged_cache_rows(
    ledger_path: str, tmp_path: Path, damage: str
) -> None:
    state, computed = _grown(ledger_path, lambda store: _sql(store, damage))
    uncached, _ = _grown(str(tmp_path / "uncached.db"), cached=False)
    assert state == uncached
    assert computed == (5 if "signature" in damage else 9)
    with Ledger(ledger_path) as led:
        rows = list(led.store.link_cache_rows())  # type: ignore[attr-defined]
        assert len(rows) == 9 and all(r["version"] >= 1 and len(r["signature"]) == 344 for r in rows)


def test_rebuild_rewrites_the_whole_cache(ledger: Ledger) -> None:
    ledger.link()
    _sql(ledger.store, "UPDATE claim_link_cache SET version = 0, left_out = NULL, signature = NULL")
    ledger.link(rebuild=True)
    from claimledger.linking import FEATURES_VERSION

    rows = list(ledger.store.link_cache_rows())  # type: ignore[attr-defined]
    assert len(rows) == 9 and {r["version"] for r in rows} == {FEATURES_VERSION}
    assert all(r["signature"] for r in rows)


def test_migration_v5_adds_the_cache_to_a_linked_v4_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Ledger(path) as led:
        led.store.add_document(northgate())
        led.link()
    # the same file as schema version 4 wrote it: linked, without the cache
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DROP TABLE claim_link_cache")
        conn.execute("DELETE FROM schema_version WHERE version = 5")
    with Ledger(path) as led:
        rows = list(led.store.link_cache_rows())  # type: ignore[attr-defined]
        assert len(rows) == 2 and all(r["version"] is None and r["features"] is None for r in rows)
        led.store.add_document(meridian())
        assert led.link().linked == 2
        assert len(list(led.store.link_cache_rows())) == 4  # type: ignore[attr-defined]
        assert all(r["features"] for r in led.store.link_cache_rows())  # type: ignore[attr-defined]


def test_source_records_count_the_corrected_claim_not_the_correction(ledger_path: str) -> None:
    from claimledger_link_builders import correction

    with Ledger(ledger_path) as led:
        led.store.add_document(northgate())
        led.store.add_document(correction())
        led.link()
        (c,) = led.contradictions(kind="correction")
        assert c["claim_a"]["id"].startswith("northgate-1")
        ua = {r["source"]: r for r in led.sources()}["Ukrainian officials"]
        # the 12 killed and the corrected 14 killed: two claims, only the first one contradicted
        assert ua["claims"] == 2 and ua["contradicted_share"] == 0.5
