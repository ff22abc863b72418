"""RSS and Atom feeds to one set of article fields per entry (feedparser)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from .article import Fields
from .dates import normalize_date
from .html import fragment_text

__all__ = ["parse_feed"]

logger = logging.getLogger(__name__)

_TEXT_TYPES = frozenset({"text/plain", "text"})


def parse_feed(data: bytes) -> list[Fields] | str:
    """Parse an RSS or Atom feed.

    Each entry gives the text of its content (or, without content, its summary),
    its title, link and publication date (as written in the feed, so a
    ``-0500`` date is that newsroom's date, not UTC's), and the feed's title as
    outlet. feedparser does the decoding, so pass the raw bytes.

    Args:
        data: The feed document.

    Returns:
        One Fields per entry (``text`` may be ``""`` for an entry without
        content), or a skip reason (``"malformed feed: ..."``) when the feed
        is broken and has no usable entry.
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = [entry for entry in parsed.entries if _has_content(entry)]
    if parsed.bozo and not entries:
        error = parsed.get("bozo_exception")
        return f"malformed feed: {error or 'not an RSS or Atom document'}"
    if parsed.bozo:
        logger.debug("feed parsed with errors: %s", parsed.get("bozo_exception"))
    outlet = parsed.feed.get("title") or None
    return [_entry_fields(entry, outlet) for entry in entries]


def _has_content(entry: Mapping[str, Any]) -> bool:
    """Whether a feed entry has anything at all (a broken feed yields empty ones)."""
    return any(entry.get(key) for key in ("title", "summary", "content", "link"))


def _entry_fields(entry: Mapping[str, Any], outlet: str | None) -> Fields:
    """Fields of one entry: the longest content part, else the summary."""
    parts = list(entry.get("content") or [])
    if entry.get("summary"):
        parts.append(entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"})
    texts = [_part_text(part) for part in parts]
    text = max(texts, key=len, default="")
    published = None
    for key in ("published", "updated", "created"):
        published = normalize_date(entry.get(key)) or normalize_date(entry.get(f"{key}_parsed"))
        if published:
            break
    return Fields(
        text=text,
        title=entry.get("title") or None,
        outlet=outlet,
        published=published,
        url=entry.get("link") or None,
    )


def _part_text(part: Mapping[str, Any]) -> str:
    """Text of one content part: HTML is rendered, plain text kept."""
    value = str(part.get("value") or "")
    if str(part.get("type") or "").lower() in _TEXT_TYPES:
        return value.strip()
    return fragment_text(value)
