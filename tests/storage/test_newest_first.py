"""Newest-first listing: the claims_newest index walk returns exactly what the sort returns."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from claimledger_test_builders import ClaimSpec, article, document_a, make_document  # loaded by conftest.py

from claimledger.storage import SQLiteStore
from claimledger.storage import sqlite as sqlite_module
from claimledger.storage.migrations import migrate

WORDS = ("artillery", "convoy", "ceasefire", "drone", "grain", "border")


def many_claims_store(path: Path) -> SQLiteStore:
    """120 articles, 3 claims each: shared, repeated and missing dates, a frequent and rare words."""
    store = SQLiteStore(path)
    for i in range(120):
        # Days repeat (ties broken by article id, then offsets); every 9th article has no date.
        published = None if i % 9 == 4 else f"2023-{1 + i % 5:02d}-{1 + (i * 7) % 11:02d}"
        rare = WORDS[i % len(WORDS)]
        text = (
            f"Officials said shelling hit the {rare} depot {i}. "
            f"Officials said shelling resumed near the river {i}. "
            f"A spokesman said talks on sector {i} stalled."
        )
        art = article(text, id=f"art-{i:03d}", outlet=f"Outlet {i % 4}", published=published)
        specs = [
            ClaimSpec(f"shelling hit the {rare} depot {i}", ("Officials", "official"), cue="said"),
            ClaimSpec(f"shelling resumed near the river {i}", ("Officials", "official"), cue="said"),
            ClaimSpec(f"talks on sector {i} stalled", ("A spokesman", "official"), cue="said"),
        ]
        store.add_document(make_document(art, specs))
    return store


def reference_order(rows: list[dict[str, Any]]) -> list[str]:
    """The documented order, computed in Python: dated first, newest first, then article, offsets, id."""

    def key(c: dict[str, Any]) -> tuple[Any, ...]:
        published = c["article"]["published"]
        # DESC on the date: invert each character so that a plain ascending sort reverses it
        desc = tuple(-ord(ch) for ch in published) if published else ()
        return (published is None, desc, c["article_id"], c["start"], c["end"], c["id"])

    return [c["id"] for c in sorted(rows, key=key)]


def pages(store: SQLiteStore, search: str, size: int) -> list[str]:
    ids: list[str] = []
    offset = 0
    while True:
        got = store.claims(search=search, limit=size, offset=offset)
        ids += [c["id"] for c in got]
        if len(got) < size:
            return ids
        offset += size


PLANS = {
    # name: (WALK_MIN_MATCHES, WALK_FACTOR, SORT_STEPS_PER_MATCH), the plan expected when something matches
    "keys": ((0, 0, 24), {"keys"}),
    "walk": ((0, 10**9, 10**6), {"walk"}),
    "walk cut short": ((0, 10**9, 0), {"walk>keys", "walk"}),
}


@pytest.mark.parametrize("plan", sorted(PLANS))
@pytest.mark.parametrize("search", ["shelling", "officials said", "grain", "stalled", "nothing-matches"])
def test_every_search_plan_gives_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, search: str, plan: str
) -> None:
    store = many_claims_store(tmp_path / "l.db")
    expected = reference_order(list(store.iter_claims(search=search)))
    (minimum, factor, steps), plans = PLANS[plan]
    monkeypatch.setattr(sqlite_module, "WALK_MIN_MATCHES", minimum)
    monkeypatch.setattr(sqlite_module, "WALK_FACTOR", factor)
    monkeypatch.setattr(sqlite_module, "SORT_STEPS_PER_MATCH", steps)
    used: list[str] = []
    original = sqlite_module._search_page

    def spy(*args: Any, **kwargs: Any) -> Any:
        rows, name = original(*args, **kwargs)
        used.append(name)
        return rows, name

    monkeypatch.setattr(sqlite_module, "_search_page", spy)
    assert pages(store, search, 7) == expected
    assert set(used) <= (plans if expected else {"none"})
    store.close()


def test_a_walk_past_its_budget_is_cut_off_and_sorted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = many_claims_store(tmp_path / "l.db")
    conn, _ = store._reader()
    monkeypatch.setattr(sqlite_module, "WALK_MIN_MATCHES", 0)
    monkeypatch.setattr(sqlite_module, "WALK_FACTOR", 10**9)
    match = sqlite_module.fts_query("grain")
    assert match
    monkeypatch.setattr(sqlite_module, "SORT_STEPS_PER_MATCH", 10**6)
    walked, plan = sqlite_module._search_page(conn, match, limit=5, offset=0)
    assert plan == "walk"
    # "grain" is in 20 of 360 claims: the walk reads far more than a budget of nothing allows
    monkeypatch.setattr(sqlite_module, "SORT_STEPS_PER_MATCH", 0)
    monkeypatch.setattr(sqlite_module, "_STEP_CHUNK", 1)
    cut, plan = sqlite_module._search_page(conn, match, limit=5, offset=0)
    assert plan == "walk>keys"
    assert cut == walked
    # the budget handler is gone afterwards: a long query on the same connection runs to its end
    assert len(conn.execute("SELECT * FROM claims c JOIN spans s ON s.claim_id = c.id").fetchall()) > 360
    store.close()


def test_plan_choice_follows_the_match_count(tmp_path: Path) -> None:
    store = many_claims_store(tmp_path / "l.db")
    conn, _ = store._reader()
    # 360 claims, fewer matches than WALK_MIN_MATCHES: always the sort
    assert sqlite_module._search_page(conn, '"shelling"', limit=50, offset=0)[1] == "keys"
    assert sqlite_module._search_page(conn, '"zzzz"', limit=50, offset=0)[1] == "none"
    assert sqlite_module._search_page(conn, '"shelling"', limit=0, offset=0) == ([], "none")
    store.close()


def test_only_a_search_alone_takes_the_search_plans() -> None:
    alone = sqlite_module._search_alone
    assert alone({"search": "shelling"}) == '"shelling"'
    assert alone({"search": "shelling", "quote": None, "source": ""}) == '"shelling"'
    assert alone({"search": "shelling", "source": "Officials"}) is None
    assert alone({"search": "shelling", "min_p": 0.9}) is None
    assert alone({"search": "   "}) is None
    assert alone({}) is None


def test_filters_with_the_new_order_match_the_reference(tmp_path: Path) -> None:
    store = many_claims_store(tmp_path / "l.db")
    for filters in ({}, {"source": "spokesman"}, {"since": "2023-03-01"}, {"quote": "indirect"}):
        every = list(store.iter_claims(**filters))
        assert [c["id"] for c in store.claims(**filters, limit=1000)] == reference_order(every)
        assert [c["id"] for c in store.claims(**filters, limit=5, offset=10)] == reference_order(every)[10:15]
    store.close()


def test_version_3_file_gets_the_column_the_index_and_keeps_search(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=3) == 3
    conn.execute(
        "INSERT INTO articles (id, content_hash, text, published, ingested_at) "
        "VALUES ('old', 'sha256:x', 'Old text.', '2022-05-01', 'now')"
    )
    conn.execute(
        'INSERT INTO claims (id, article_id, text, start, "end", sentence, json) '
        "VALUES ('c1', 'old', 'Old text', 0, 8, 'Old text.', '{\"id\": \"c1\"}')"
    )
    conn.close()
    with SQLiteStore(path) as store:
        assert store.add_document(document_a()) is True
        assert [c["id"] for c in store.claims(search="old")] == ["c1"]
        newest = store.claims(limit=1000)
        assert newest[-1]["id"] == "c1"  # 2022 comes after document_a's later date
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT published FROM claims WHERE id = 'c1'").fetchone() == ("2022-05-01",)
        assert conn.execute("SELECT COUNT(*) FROM claims WHERE published IS NULL").fetchone()[0] == 0
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"claims_newest", "claims_keys"} <= names
        # filling the column did not duplicate or drop full-text rows
        assert conn.execute("SELECT COUNT(*) FROM claims_fts").fetchone()[0] == conn.execute(
            "SELECT COUNT(*) FROM claims"
        ).fetchone()[0]


def test_stats_cache_follows_writes_from_this_and_other_connections(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    store = many_claims_store(path)
    first = store.stats()
    first["claims"] = -1  # the caller's copy: changing it must not change the next answer
    assert store.stats()["claims"] == 360
    art = article("Officials said the bridge fell.", id="late", outlet="Outlet 9", published="2024-01-01")
    store.add_document(make_document(art, [ClaimSpec("the bridge fell", ("Officials", "official"))]))
    assert store.stats()["claims"] == 361  # this connection wrote
    with SQLiteStore(path) as other:
        art = article("Officials said the dam held.", id="later", outlet="Outlet 9", published="2024-02-01")
        other.add_document(make_document(art, [ClaimSpec("the dam held", ("Officials", "official"))]))
    again = store.stats()
    assert again["claims"] == 362 and again["date_range"]["last"] == "2024-02-01"  # another one wrote
    store.close()


@pytest.mark.parametrize("filters", [{}, {"search": "shelling"}, {"source": "spokesman"}, {"search": "zzzz"}])
def test_claims_json_is_the_compact_encoding_of_claims(tmp_path: Path, filters: dict[str, Any]) -> None:
    store = many_claims_store(tmp_path / "l.db")
    texts = store.claims_json(**filters, limit=20, offset=5)
    dicts = store.claims(**filters, limit=20, offset=5)
    assert texts == [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in dicts]
    store.close()


@pytest.mark.parametrize(
    "stored", ['{"id": "c1", "text": "Old text"}', "{}", '{"id":"c1","extra":{"article":1}}', " [1] "]
)
def test_claims_json_of_any_stored_text_decodes_like_claims(tmp_path: Path, stored: str) -> None:
    # rows written by older code or by hand: spliced when safe, re-encoded otherwise
    path = tmp_path / "l.db"
    SQLiteStore(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "INSERT INTO articles (id, content_hash, text, published, ingested_at) "
            "VALUES ('old', 'sha256:x', 'Old text.', '2022-05-01', 'now')"
        )
        conn.execute(
            'INSERT INTO claims (id, article_id, text, start, "end", sentence, json, published) '
            "VALUES ('c1', 'old', 'Old text', 0, 8, 'Old text.', ?, '2022-05-01')",
            (stored,),
        )
    with SQLiteStore(path) as store:
        if stored.strip().startswith("["):
            with pytest.raises(TypeError):  # not an object: claims() cannot add the article either
                store.claims()
            with pytest.raises(TypeError):
                store.claims_json()
            return
        [text] = store.claims_json()
        assert json.loads(text) == store.claims()[0]
        assert json.loads(text)["article"]["id"] == "old"
