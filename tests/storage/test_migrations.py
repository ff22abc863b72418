"""Schema migrations: old files are upgraded on open, newer ones are refused."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from claimledger_test_builders import document_a  # loaded by conftest.py

from claimledger.errors import StoreError
from claimledger.storage import SQLiteStore
from claimledger.storage.migrations import MIGRATIONS, SCHEMA_VERSION, current_version, migrate


def version_of(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn, conn:
        return current_version(conn)


def test_migrations_are_ordered_and_end_at_schema_version() -> None:
    versions = [m.version for m in MIGRATIONS]
    assert versions == sorted(versions) == list(range(1, len(versions) + 1))
    assert versions[-1] == SCHEMA_VERSION


def test_new_file_gets_newest_version(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "l.db").close()
    assert version_of(tmp_path / "l.db") == SCHEMA_VERSION


def test_older_file_is_upgraded_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=1) == 1
    conn.execute(
        "INSERT INTO articles (id, content_hash, text, ingested_at) "
        "VALUES ('old', 'sha256:x', 'Old text.', 'now')"
    )
    conn.execute(
        'INSERT INTO claims (id, article_id, text, start, "end", sentence, json) '
        "VALUES ('c1', 'old', 'Old text', 0, 8, 'Old text.', '{\"id\": \"c1\"}')"
    )
    conn.close()
    with SQLiteStore(path) as store:
        assert [c["id"] for c in store.claims(search="old")] == ["c1"]
        assert store.add_document(document_a()) is True
    assert version_of(path) == SCHEMA_VERSION


def test_newer_file_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "INSERT INTO schema_version (version, description) VALUES (?, 'future')", (SCHEMA_VERSION + 1,)
        )
    with pytest.raises(StoreError, match="upgrade claimledger"):
        SQLiteStore(path)


def test_failed_migration_leaves_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimledger.storage import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)
    broken = (*MIGRATIONS, migrations.Migration(SCHEMA_VERSION + 1, "broken", "CREATE TABLE articles (x);"))
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="left at the previous version"):
        migrate(conn)
    assert current_version(conn) == SCHEMA_VERSION
    conn.close()
