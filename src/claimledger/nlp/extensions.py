"""Custom attributes on spaCy Docs, declared in one place and installed idempotently.

Components write their results (model objects with exact character offsets)
to these attributes; ``nlp/claims.py`` reads them to assemble claims.

| attribute            | type                     | written by                  |
|----------------------|--------------------------|-----------------------------|
| doc._.cl_published   | str or None (YYYY-MM-DD) | caller, before the pipeline |
| doc._.cl_outlet      | str or None              | caller, before the pipeline |
| doc._.cl_times       | list[TimeMention]        | claimledger_time_tagger     |
| doc._.cl_quantities  | list[Quantity]           | claimledger_quantity_finder |
| doc._.cl_places      | list[Place]              | claimledger_place_resolver  |
| doc._.cl_hedges      | list[Hedge]              | claimledger_hedge_tagger    |
| doc._.cl_attributions| list[Attribution]        | claimledger_attribution_finder |
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

logger = logging.getLogger(__name__)

DOC_EXTENSIONS: tuple[str, ...] = (
    "cl_published",
    "cl_outlet",
    "cl_times",
    "cl_quantities",
    "cl_places",
    "cl_hedges",
    "cl_attributions",
)


def install_extensions() -> None:
    """Register every ``doc._.cl_*`` attribute (default None). Safe to call many times."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


install_extensions()
