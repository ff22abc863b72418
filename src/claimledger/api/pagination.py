"""Opaque page cursors: the position after the last item, bound to the query's filters."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from .errors import APIError

#: Largest page the API serves; bigger requests get a 422 asking for ``limit`` <= this.
MAX_PAGE = 200
#: Page size when ``limit`` is not given.
DEFAULT_PAGE = 50


def filters_key(filters: dict[str, Any]) -> str:
    """A short fingerprint of the filters, so a cursor cannot be reused with other filters."""
    canonical = json.dumps({k: v for k, v in sorted(filters.items()) if v not in (None, "")}, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def encode_cursor(offset: int, filters: dict[str, Any]) -> str:
    """The cursor that resumes at ``offset`` for these filters (URL-safe base64, no padding)."""
    raw = json.dumps({"o": offset, "k": filters_key(filters)}, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, filters: dict[str, Any]) -> int:
    """The offset a cursor points at (0 for no cursor).

    Raises:
        APIError: 422 when the cursor is malformed or was made for different filters.
    """
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        offset = data["o"]
        key = data["k"]
    except (ValueError, KeyError, TypeError) as e:
        raise APIError(422, "malformed cursor; pass the next_cursor of a previous page unchanged") from e
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise APIError(422, "malformed cursor; pass the next_cursor of a previous page unchanged")
    if key != filters_key(filters):
        raise APIError(422, "this cursor belongs to a query with other filters; start again without cursor")
    return offset


def page_json(items: list[str], *, offset: int, limit: int, filters: dict[str, Any]) -> str:
    """:func:`page` as compact JSON text, from items that are JSON texts already."""
    more = len(items) > limit
    cursor = json.dumps(encode_cursor(offset + limit, filters) if more else None)
    return '{"items":[' + ",".join(items[:limit]) + '],"next_cursor":' + cursor + "}"


def page(items: list[dict[str, Any]], *, offset: int, limit: int, filters: dict[str, Any]) -> dict[str, Any]:
    """``{"items", "next_cursor"}`` from up to ``limit + 1`` fetched items (the extra one means "more")."""
    more = len(items) > limit
    return {
        "items": items[:limit],
        "next_cursor": encode_cursor(offset + limit, filters) if more else None,
    }
