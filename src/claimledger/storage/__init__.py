"""Where claims are kept: the Store protocol, the SQLite and PostgreSQL stores, migrations, exports."""

from __future__ import annotations

from .base import CLAIM_FILTERS, QUOTE_TYPES, Store
from .export import EXPORT_FORMATS, export_claims
from .migrations import SCHEMA_VERSION
from .postgres import PostgresStore, is_postgres_url
from .sqlite import SQLiteStore

__all__ = [
    "CLAIM_FILTERS",
    "EXPORT_FORMATS",
    "QUOTE_TYPES",
    "SCHEMA_VERSION",
    "PostgresStore",
    "SQLiteStore",
    "Store",
    "export_claims",
    "open_store",
]


def open_store(path: str, *, create: bool = True) -> Store:
    """Open the store a path or URL names: ``postgresql://...`` URLs open PostgreSQL, anything else SQLite.

    Args:
        path: an SQLite file path, ``:memory:``, or a libpq URL
            (``postgresql://user@host:5432/dbname``; ``postgres://`` works too).
        create: when False, a missing SQLite file (or a PostgreSQL database without
            a ledger) raises instead of being created.

    Raises:
        ConfigError: a PostgreSQL URL but psycopg is not installed.
        StoreError: the database cannot be opened.
    """
    if is_postgres_url(path):
        return PostgresStore(path, create=create)
    return SQLiteStore(path, create=create)
