"""JSON records (one object per article) to article fields.

A record is an object with ``text`` (or ``body`` / ``content``) or ``html``,
and optionally ``id``, ``title``, ``outlet`` (or ``source`` / ``sitename``),
``published`` (or ``date``) and ``url`` (or ``link``). With ``html`` and no
text, the page goes through :func:`claimledger.ingest.html.extract_html` and
the record's own metadata wins over what is found in the page. A record read
from a file may instead name a ``text_file`` beside it (a metadata sidecar);
the reader loads that file's text and passes the record on here.
"""

from __future__ import annotations

from typing import Any

from .article import Fields
from .dates import normalize_date
from .html import extract_html

__all__ = ["record_fields"]

_TEXT_KEYS = ("text", "body", "content")
_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "sitename"),
    "published": ("published", "date"),
    "url": ("url", "link"),
}


def record_fields(record: Any) -> Fields | str:
    """Fields of one JSON record.

    Args:
        record: A parsed JSON value (should be an object).

    Returns:
        Fields for ``make_article`` (``text`` may be ``""``), or a skip reason
        without the ``"malformed JSON: "`` prefix (the caller adds it with the
        line number).
    """
    if not isinstance(record, dict):
        return f"expected an object, got {_json_type(record)}"
    text = next((record[key] for key in _TEXT_KEYS if record.get(key) not in (None, "")), None)
    markup = record.get("html")
    if text is not None and not isinstance(text, str):
        return f"text is {_json_type(text)}, not a string"
    if text is None and markup in (None, ""):
        if any(key in record for key in (*_TEXT_KEYS, "html")):
            return Fields(text="")  # present but empty: the caller skips it as "empty"
        return "no text, body, content or html field"
    fields = Fields(text=text or "")
    if text is None:
        if not isinstance(markup, str):
            return f"html is {_json_type(markup)}, not a string"
        extracted = extract_html(markup, url=_string(record.get("url") or record.get("link")))
        if isinstance(extracted, str):
            return extracted
        fields = extracted
    for name, keys in _ALIASES.items():
        value = next((_string(record[key]) for key in keys if _string(record.get(key))), None)
        if value:
            fields[name] = value  # type: ignore[literal-required]
    if record.get("id") not in (None, ""):
        fields["id"] = str(record["id"])
    if fields.get("published"):
        fields["published"] = normalize_date(fields["published"])
    return fields


def _string(value: Any) -> str | None:
    """Scalars as strings (ids and dates may be numbers); objects and lists as None."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def _json_type(value: Any) -> str:
    """JSON name of a parsed value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
