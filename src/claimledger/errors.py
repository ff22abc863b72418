"""Exceptions raised by claimledger, each with a stable code.

Hierarchy::

    ClaimLedgerError
     +-- ConfigError          bad setting, missing model, missing optional dependency
     +-- InputError           a document or argument that cannot be read
     +-- StoreError           the database cannot be opened, migrated or written
          +-- NotFound        a claim, article or other record that does not exist

Batch ingestion never raises for one bad document: it yields a
:class:`claimledger.model.Skip` with the reason instead.
"""

from __future__ import annotations


class ClaimLedgerError(Exception):
    """Base class. Messages say what went wrong and how to fix it.

    Example::

        try:
            ledger = Ledger("claims.db")
        except ClaimLedgerError as e:
            print(e.code, e)
    """

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ConfigError(ClaimLedgerError):
    code = "E001"


class InputError(ClaimLedgerError):
    code = "E002"


class StoreError(ClaimLedgerError):
    code = "E003"


class NotFound(StoreError):
    code = "E004"
