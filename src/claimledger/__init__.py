"""claimledger: a searchable ledger of attributed claims from conflict reporting.

>>> import claimledger
>>> doc = claimledger.analyze("The MoD said Russia had likely moved 1,000 troops.", published="2023-03-24")
>>> [c.source.name for c in doc.claims]
['UK Ministry of Defence']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .analysis import analyze
from .errors import ClaimLedgerError, ConfigError, InputError, NotFound, StoreError
from .model import (
    Actor,
    AnalyzedDocument,
    Article,
    Attribution,
    Claim,
    Entity,
    Event,
    Hedge,
    Place,
    Quantity,
    Skip,
    Stance,
    TextSpan,
    TimeMention,
)

if TYPE_CHECKING:
    from .ledger import Ledger

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "AnalyzedDocument",
    "Article",
    "Attribution",
    "Claim",
    "ClaimLedgerError",
    "ConfigError",
    "Entity",
    "Event",
    "Hedge",
    "InputError",
    "Ledger",
    "NotFound",
    "Place",
    "Quantity",
    "Skip",
    "Stance",
    "StoreError",
    "TextSpan",
    "TimeMention",
    "__version__",
    "analyze",
]


def __getattr__(name: str) -> Any:
    # Ledger pulls in storage; import it on first use so `import claimledger` stays light.
    if name == "Ledger":
        from .ledger import Ledger

        return Ledger
    raise AttributeError(f"module 'claimledger' has no attribute {name!r}")
