"""A claim's pieces as offsets into its article text: source, cue, content, hedge, times, places..."""

from __future__ import annotations

import re
from typing import Any

#: Roles in drawing order (later roles sit inside earlier ones when spans nest).
ROLES: tuple[str, ...] = (
    "sentence",
    "content",
    "source",
    "cue",
    "hedge",
    "time",
    "place",
    "quantity",
    "entity",
)

_LISTS: tuple[tuple[str, str], ...] = (
    ("times", "time"),
    ("places", "place"),
    ("quantities", "quantity"),
    ("entities", "entity"),
)


def claim_spans(claim: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """Every located piece of a claim as ``{"role", "start", "end", "text", "claim_id"}``.

    Only spans whose offsets index ``text`` exactly are returned. The hedge is not
    stored with offsets; it is the stance's term found (whole words, any case) in the
    claim's content, else in its sentence.

    Args:
        claim: a claim dict (OUTPUT.md shape).
        text: the text of the claim's article.

    Returns:
        Spans sorted by start, longest first.
    """
    cid = claim.get("id")
    found: list[dict[str, Any]] = []

    def add(role: str, item: dict[str, Any] | None) -> None:
        if not item:
            return
        start, end, piece = item.get("start"), item.get("end"), item.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            return
        if piece is None or text[start:end] == piece:
            found.append({"role": role, "start": start, "end": end, "text": text[start:end], "claim_id": cid})

    add("sentence", claim.get("sentence"))
    add("content", {"start": claim.get("start"), "end": claim.get("end"), "text": claim.get("text")})
    add("source", (claim.get("source") or {}).get("span"))
    add("cue", claim.get("cue"))
    add("hedge", hedge_span(claim, text))
    for key, role in _LISTS:
        for item in claim.get(key) or ():
            add(role, item)
    found.sort(key=lambda s: (s["start"], -s["end"], ROLES.index(s["role"])))
    return found


def hedge_span(claim: dict[str, Any], text: str) -> dict[str, Any] | None:
    """Where the stance's estimative term is written, or None (see :func:`claim_spans`)."""
    term = ((claim.get("stance") or {}).get("term") or "").strip()
    if not term:
        return None
    pattern = re.compile(
        r"(?<!\w)" + r"\s+".join(re.escape(w) for w in term.split()) + r"(?!\w)", re.IGNORECASE
    )
    sentence = claim.get("sentence") or {}
    windows = [(claim.get("start"), claim.get("end")), (sentence.get("start"), sentence.get("end"))]
    for start, end in windows:
        if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
            m = pattern.search(text, start, end)
            if m:
                return {"start": m.start(), "end": m.end(), "text": m.group()}
    return None
