"""SQLite specifics: pragmas, atomic writes, opening odd files, a Datasette-friendly schema."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from claimledger_test_builders import ClaimSpec, article, document_a, make_document  # loaded by conftest.py

from claimledger.errors import StoreError
from claimledger.model import Quantity
from claimledger.storage import SQLiteStore
from claimledger.storage.sqlite import fts_query


def count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as conn, conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


CHILD_TABLES = (
    "articles",
    "claims",
    "spans",
    "claim_places",
    "claim_times",
    "claim_quantities",
    "claim_entities",
    "claim_actors",
    "claims_fts",
)


def test_sqlitestore_sets_wal_and_foreign_keys(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "l.db") as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_add_document_failure_mid_insert_stores_nothing(tmp_path: Path) -> None:
    doc = document_a()
    # the third claim carries a value JSON cannot encode: it fails after two claims are written
    bad_claim = doc.claims[2]
    broken = bad_claim.__class__(
        **{f: getattr(bad_claim, f) for f in bad_claim.__slots__ if f != "quantities"},
        quantities=(Quantity(0, 3, "The", object(), None, None, None),),  # type: ignore[arg-type]
    )
    doc = doc.__class__(article=doc.article, sentences=doc.sentences, claims=(*doc.claims[:2], broken))
    path = tmp_path / "l.db"
    with SQLiteStore(path) as store:
        with pytest.raises(TypeError):
            store.add_document(doc)
        assert not store.has_content_hash(doc.article.content_hash)
        assert store.add_document(document_a()) is True
    assert count(path, "claims") == 3


def test_add_document_failure_leaves_no_rows(tmp_path: Path) -> None:
    doc = document_a()
    second = make_document(
        article("Totally different text. Nothing said.", id="other", outlet=None, published=None),
        [ClaimSpec(content="Nothing said", source=("x", "person"))],
    )
    # the second document reuses a claim id of the first: the insert fails on the UNIQUE id
    clash = second.claims[0].__class__(
        **{f: getattr(second.claims[0], f) for f in second.claims[0].__slots__ if f != "id"},
        id=doc.claims[0].id,
    )
    second = second.__class__(article=second.article, claims=(clash,))
    path = tmp_path / "l.db"
    with SQLiteStore(path) as store:
        store.add_document(doc)
        before = {t: count(path, t) for t in CHILD_TABLES}
        with pytest.raises(StoreError, match="cannot store article 'other'"):
            store.add_document(second)
        assert {t: count(path, t) for t in CHILD_TABLES} == before


def test_sqlitestore_rejects_non_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database " * 100)
    with pytest.raises(StoreError, match="SQLite"):
        SQLiteStore(path)


def test_sqlitestore_rejects_foreign_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="other tables"):
        SQLiteStore(path)


def test_sqlitestore_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "nope" / "l.db")


def test_sqlitestore_create_false_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="claimledger ingest"):
        SQLiteStore(tmp_path / "l.db", create=False)
    assert not (tmp_path / "l.db").exists()


def test_schema_has_no_blob_columns(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    SQLiteStore(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table.startswith("claims_fts_"):  # FTS5's own shadow tables (Datasette hides them)
                continue
            for col in conn.execute(f"PRAGMA table_info('{table}')"):
                assert col[2].upper() != "BLOB", (table, col[1])


def test_fts_table_is_datasette_detectable(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    SQLiteStore(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'claims_fts'").fetchone()[0]
    assert 'content="claims"' in sql


def test_delete_article_cascades_and_updates_fts(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with SQLiteStore(path) as store:
        store.add_document(document_a())
        assert store.claims(search="troops")
        store._conn.execute("DELETE FROM articles WHERE id = 'huffpost-a'")
        assert store.claims(search="troops") == []
    assert {t: count(path, t) for t in CHILD_TABLES if t != "claims_fts"} == dict.fromkeys(
        [t for t in CHILD_TABLES if t != "claims_fts"], 0
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("troops", '"troops"'),
        ("UK ministry", '"UK" "ministry"'),
        ("shell*", '"shell"*'),
        ('say "hi"', '"say" """hi"""'),
        ("*", None),
        ('"', None),
        ("NEAR(", '"NEAR("'),
    ],
)
def test_fts_query_quotes_every_term(raw: str, expected: str | None) -> None:
    assert fts_query(raw) == expected
