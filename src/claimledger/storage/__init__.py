"""Where claims are kept: the Store protocol, the SQLite store, schema migrations and exports."""

from __future__ import annotations

from .base import CLAIM_FILTERS, QUOTE_TYPES, Store
from .export import EXPORT_FORMATS, export_claims
from .migrations import SCHEMA_VERSION
from .sqlite import SQLiteStore

__all__ = [
    "CLAIM_FILTERS",
    "EXPORT_FORMATS",
    "QUOTE_TYPES",
    "SCHEMA_VERSION",
    "SQLiteStore",
    "Store",
    "export_claims",
    "open_store",
]


def open_store(path: str, *, create: bool = True) -> Store:
    """Open the store a path or URL names (SQLite for now; PostgreSQL URLs later).

    Raises:
        ConfigError: a URL scheme this installation cannot open.
        StoreError: the database cannot be opened.
    """
    if path.startswith(("postgres://", "postgresql://")):
        from ..errors import ConfigError

        raise ConfigError(
            f"PostgreSQL ledgers are not supported yet ({path.split('@')[-1]}); use an SQLite file path"
        )
    return SQLiteStore(path, create=create)
