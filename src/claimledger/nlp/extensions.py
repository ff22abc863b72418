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

import bisect
import logging

from spacy.tokens import Doc, Span

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


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, computed once per Doc (``doc.sents`` walks every token on each call).

    Only valid after the parser has set sentence boundaries; our components all run after it.
    """
    cached = doc.user_data.get("cl_sents")
    if cached is None or (cached and cached[-1].end != len(doc)):
        cached = list(doc.sents)
        doc.user_data["cl_sents"] = cached
    return cached  # type: ignore[no-any-return]


def sentence_of(doc: Doc, char: int) -> Span:
    """The sentence containing character offset ``char`` (binary search over the cached sentences)."""
    sents = sentences(doc)
    starts = doc.user_data.get("cl_sent_starts")
    if starts is None or len(starts) != len(sents):
        starts = [s.start_char for s in sents]
        doc.user_data["cl_sent_starts"] = starts
    i = max(bisect.bisect_right(starts, char) - 1, 0)
    return sents[i]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds the string from every token on each access)."""
    cached = doc.user_data.get("cl_text")
    if cached is None:
        cached = doc.text
        doc.user_data["cl_text"] = cached
    return cached  # type: ignore[no-any-return]
