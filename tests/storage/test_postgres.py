"""PostgreSQL specifics: safe tsqueries, URLs, migrations, atomic and concurrent writes."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from claimledger_test_builders import article, document_a, document_b, make_document  # loaded by conftest.py

from claimledger.errors import NotFound, StoreError
from claimledger.model import Quantity
from claimledger.storage import PostgresStore, open_store
from claimledger.storage.postgres import (
    PG_MIGRATIONS,
    PG_SCHEMA_VERSION,
    current_pg_version,
    is_postgres_url,
    migrate_pg,
    normalize_url,
    redact,
    tsquery,
)

CHILD_TABLES = (
    "articles",
    "claims",
    "spans",
    "claim_places",
    "claim_times",
    "claim_quantities",
    "claim_entities",
    "claim_actors",
)


def connect(url: str):  # noqa: ANN201 - psycopg is imported lazily
    import psycopg

    return psycopg.connect(url, autocommit=True)


def count(url: str, table: str) -> int:
    with connect(url) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # fixed table names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("troops", "'troops'"),
        ("UK ministry", "'UK' & 'ministry'"),
        ("shell*", "'shell':*"),
        ('troops"', "'troops'"),
        ("UK-based", "('UK' <-> 'based')"),
        ("col:value*", "('col' <-> 'value':*)"),
        ("'; DROP TABLE claims; --", "'DROP' & 'TABLE' & 'claims'"),
        ("a\x00b", "('a' <-> 'b')"),
        ("* ! & | <-> ( )", None),
        ("", None),
        ("snake_case", "('snake' <-> 'case')"),
    ],
)
def test_tsquery_quotes_every_token(text: str, expected: str | None) -> None:
    assert tsquery(text) == expected


@pytest.mark.parametrize(
    ("value", "is_url"),
    [
        ("postgresql://u@h/db", True),
        ("postgres://u@h/db", True),
        ("postgresql:/u@h/db", True),  # what Path() makes of a URL
        ("claims.db", False),
        ("./postgresql/claims.db", False),
        (":memory:", False),
    ],
)
def test_is_postgres_url(value: str, is_url: bool) -> None:
    assert is_postgres_url(value) is is_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql:/u@h:5432/db", "postgresql://u@h:5432/db"),
        ("postgres:/h/db", "postgres://h/db"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
    ],
)
def test_normalize_url_restores_double_slash(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://alice:s3cret@db.example:5432/claims", "postgresql://alice:***@db.example:5432/claims"),
        ("postgresql://alice@db.example/claims", "postgresql://alice@db.example/claims"),
        ("postgresql://a:p%40ss@h/db?sslmode=require", "postgresql://a:***@h/db?sslmode=require"),
    ],
)
def test_redact_hides_password(url: str, expected: str) -> None:
    assert redact(url) == expected


def test_postgresstore_unreachable_server_raises_store_error_without_password() -> None:
    with pytest.raises(StoreError, match="cannot connect") as info:
        PostgresStore("postgresql://alice:hunter2@127.0.0.1:1/claims?connect_timeout=5")
    assert "hunter2" not in str(info.value)


def test_open_store_postgres_url_opens_postgres(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        assert isinstance(store, PostgresStore)
        assert store.add_document(document_a()) is True
    finally:
        store.close()


def test_open_store_path_mangled_url_opens_postgres(pg_url: str) -> None:
    with open_store(pg_url.replace("://", ":/")) as store:  # type: ignore[attr-defined]
        assert store.stats()["articles"] == 0


def test_open_store_no_create_on_empty_database_raises(pg_url: str) -> None:
    with pytest.raises(StoreError, match="no ledger"):
        open_store(pg_url, create=False)
    PostgresStore(pg_url).close()
    open_store(pg_url, create=False).close()


def test_new_database_gets_newest_version(pg_url: str) -> None:
    PostgresStore(pg_url).close()
    with connect(pg_url) as conn:
        assert current_pg_version(conn) == PG_SCHEMA_VERSION


def test_pg_migrations_match_sqlite_numbers() -> None:
    from claimledger.storage.migrations import MIGRATIONS

    # the PostgreSQL schema follows the SQLite one step for step (v4 changes nothing there)
    pg = [(m.version, m.description) for m in PG_MIGRATIONS]
    assert pg == [(m.version, m.description) for m in MIGRATIONS]


def test_older_database_is_upgraded_and_keeps_its_rows(pg_url: str) -> None:
    with connect(pg_url) as conn:
        assert migrate_pg(conn, target=1) == 1
        conn.execute(
            "INSERT INTO articles (id, content_hash, text, ingested_at) "
            "VALUES ('old', 'sha256:x', 'Old text.', 'now')"
        )
        conn.execute(
            'INSERT INTO claims (id, article_id, text, start, "end", sentence, json) '
            "VALUES ('c1', 'old', 'Old text', 0, 8, 'Old text.', '{\"id\": \"c1\"}')"
        )
    with PostgresStore(pg_url) as store:
        assert [c["id"] for c in store.claims(search="old")] == ["c1"]
        assert store.add_document(document_a()) is True
    with connect(pg_url) as conn:
        assert current_pg_version(conn) == PG_SCHEMA_VERSION


def test_newer_database_raises_store_error(pg_url: str) -> None:
    PostgresStore(pg_url).close()
    with connect(pg_url) as conn:
        conn.execute(
            "INSERT INTO schema_version (version, description) VALUES (%s, 'future')",
            (PG_SCHEMA_VERSION + 1,),
        )
    with pytest.raises(StoreError, match="upgrade claimledger"):
        PostgresStore(pg_url)


def test_database_with_clashing_tables_raises_store_error(pg_url: str) -> None:
    with connect(pg_url) as conn:
        conn.execute("CREATE TABLE claims (x integer)")
    with pytest.raises(StoreError, match="no claimledger schema"):
        PostgresStore(pg_url)


def test_concurrent_opens_migrate_once(pg_url: str) -> None:
    errors: list[BaseException] = []

    def open_close() -> None:
        try:
            PostgresStore(pg_url).close()
        except BaseException as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=open_close) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with connect(pg_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, PG_SCHEMA_VERSION + 1))


def test_add_document_failure_mid_insert_stores_nothing(pg_url: str) -> None:
    doc = document_a()
    bad_claim = doc.claims[2]
    broken = bad_claim.__class__(
        **{f: getattr(bad_claim, f) for f in bad_claim.__slots__ if f != "quantities"},
        quantities=(Quantity(0, 3, "The", object(), None, None, None),),  # type: ignore[arg-type]
    )
    doc = dataclasses.replace(doc, claims=(*doc.claims[:2], broken))
    with PostgresStore(pg_url) as store:
        with pytest.raises(TypeError):
            store.add_document(doc)
        assert not store.has_content_hash(doc.article.content_hash)
        assert store.add_document(document_a()) is True
    assert count(pg_url, "claims") == 3


def test_add_document_nul_in_text_raises_and_stores_nothing(pg_url: str) -> None:
    doc = make_document(article("Bad \x00 text.", id="nul", outlet=None, published=None), [])
    with PostgresStore(pg_url) as store:
        with pytest.raises(StoreError, match="NUL"):
            store.add_document(doc)
        assert store.stats()["articles"] == 0
        assert store.add_document(document_b()) is True


def test_add_document_same_text_from_two_connections_is_stored_once(pg_url: str) -> None:
    results: list[bool] = []
    stores = [PostgresStore(pg_url) for _ in range(4)]
    barrier = threading.Barrier(len(stores))

    def add(store: PostgresStore) -> None:
        barrier.wait()
        results.append(store.add_document(document_a()))

    threads = [threading.Thread(target=add, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert sorted(results) == [False, False, False, True]
    assert count(pg_url, "articles") == 1
    assert count(pg_url, "claims") == len(document_a().claims)


def test_child_rows_follow_claims(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.add_document(document_a())
        store.add_document(document_b())
    counts = {t: count(pg_url, t) for t in CHILD_TABLES}
    assert counts["articles"] == 2
    assert counts["claims"] == 5
    assert counts["spans"] >= 2 * counts["claims"]  # content and sentence at least
    assert counts["claim_places"] >= 3


def test_iter_claims_streams_while_store_writes(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.add_document(document_a())
        stream = store.iter_claims()
        first = next(stream)
        assert store.add_document(document_b()) is True  # the stream holds its own connection
        rest = list(stream)
        assert {first["id"], *(c["id"] for c in rest)} == {c.id for c in document_a().claims}


def test_claim_nul_id_raises_not_found(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.add_document(document_a())
        with pytest.raises(NotFound):
            store.claim("huffpost\x00")
        with pytest.raises(NotFound):
            store.article("huffpost\x00")
