"""An article text cut into segments at span boundaries, each tagged with the roles covering it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

#: Roles drawn in the article view (entities and non-focused sentences are left plain).
SHOWN_ROLES: frozenset[str] = frozenset({"content", "source", "cue", "hedge", "time", "place", "quantity"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same spans.

    ``roles`` are the covering spans' roles (sorted); ``claims`` their claim ids;
    ``focus`` is True inside the focused claim's content, ``focus_sentence`` inside
    its sentence; ``anchor`` is a claim id whose content starts here.
    """

    text: str
    roles: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    focus: bool = False
    focus_sentence: bool = False
    anchor: str | None = None

    @property
    def css(self) -> str:
        """CSS classes: ``hl hl-<role>...`` plus ``focus``/``focus-sentence``."""
        classes = [f"hl-{r}" for r in self.roles]
        if self.focus:
            classes.append("focus")
        if self.focus_sentence:
            classes.append("focus-sentence")
        return " ".join(["hl", *classes]) if classes else ""


def segments(text: str, spans: Iterable[dict[str, Any]], *, focus: str | None = None) -> list[Segment]:
    """Cut ``text`` at every span boundary.

    Args:
        text: the article text.
        spans: ``{"role", "start", "end", "claim_id"}`` dicts (e.g. from
            :func:`claimledger.api.spans.claim_spans`); roles outside
            :data:`SHOWN_ROLES` are dropped, except the focused claim's sentence.
        focus: the claim to emphasise.

    Returns:
        Segments that concatenate back to ``text`` exactly.
    """
    kept: list[dict[str, Any]] = []
    for s in spans:
        role = s.get("role")
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            continue
        if role in SHOWN_ROLES or (role == "sentence" and focus is not None and s.get("claim_id") == focus):
            kept.append(s)
    opening: dict[int, list[int]] = defaultdict(list)
    closing: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(kept):
        opening[s["start"]].append(i)
        closing[s["end"]].append(i)
    points = sorted({0, len(text), *opening, *closing})
    active: set[int] = set()
    out: list[Segment] = []
    for a, b in pairwise(points):
        active.difference_update(closing.get(a, ()))
        active.update(opening.get(a, ()))
        if a == b:
            continue
        covering = [kept[i] for i in sorted(active)]
        roles = tuple(sorted({s["role"] for s in covering if s["role"] != "sentence"}))
        claims = tuple(sorted({str(s.get("claim_id")) for s in covering if s.get("claim_id") is not None}))
        anchor = next(
            (str(kept[i].get("claim_id")) for i in opening.get(a, ()) if kept[i]["role"] == "content"), None
        )
        out.append(
            Segment(
                text=text[a:b],
                roles=roles,
                claims=claims,
                focus=any(s["role"] == "content" and s.get("claim_id") == focus for s in covering),
                focus_sentence=any(s["role"] == "sentence" for s in covering),
                anchor=anchor,
            )
        )
    return out
