"""JSON request bodies to articles: records for ``POST ingest`` and one text for ``POST analyze``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import InputError
from ..ingest import record_fields
from ..ingest.article import make_article_scored
from ..ingest.dates import normalize_date
from ..model import Article, Skip

#: Records one ``POST ingest`` request may carry (the body size cap bounds them too).
MAX_RECORDS = 1000


def records_of(body: Any) -> list[Any]:
    """The records of an ingest body: ``{"records": [...]}``, a list, or one record object.

    Raises:
        InputError: the body is none of these, or has too many records.
    """
    if isinstance(body, dict) and "records" in body:
        records = body["records"]
        if not isinstance(records, list):
            raise InputError('"records" must be a list of objects with "text" or "html"')
    elif isinstance(body, list):
        records = body
    elif isinstance(body, dict):
        records = [body]
    else:
        raise InputError('send {"records": [{"text": ...}, ...]} or one {"text": ...} object')
    if not records:
        raise InputError('no records: send {"records": [{"text": ...}, ...]}')
    if len(records) > MAX_RECORDS:
        raise InputError(f"{len(records)} records in one request; send at most {MAX_RECORDS} per request")
    return records


def record_article(
    record: Any, source: str, *, clean: bool, min_language_confidence: float
) -> Article | Skip:
    """One JSON record as an Article, or a Skip saying why it cannot be stored.

    Args:
        record: a parsed JSON value (an object with ``text``/``html`` and metadata).
        source: what to call it in skips and as the article's ``source_path`` (``api#3``).
        clean: clean the text.
        min_language_confidence: a non-English guess at or above this is skipped.
    """
    fields = record_fields(record)
    if isinstance(fields, str):
        return Skip(source, f"malformed record: {fields}")
    text = fields.get("text") or ""
    if not text.strip():
        return Skip(source, "empty")
    try:
        article, probability = make_article_scored(
            text,
            title=fields.get("title"),
            outlet=fields.get("outlet"),
            published=normalize_date(fields.get("published")) if fields.get("published") else None,
            url=fields.get("url"),
            id=fields.get("id"),
            clean=clean,
            source_path=source,
        )
    except InputError as e:
        return Skip(source, str(e))
    if article.language != "en":
        if probability >= min_language_confidence:
            return Skip(source, f"language {article.language}")
        article = replace(article, language="en")
    return article


def analyze_article(record: dict[str, Any], *, clean: bool) -> Article:
    """The article ``POST analyze`` analyses (language is not checked: the caller asked).

    Raises:
        InputError: no text, malformed HTML, or a published value that is not a date.
    """
    fields = record_fields(record)
    if isinstance(fields, str):
        raise InputError(f'cannot read the document: {fields}; send "text" or "html"')
    text = fields.get("text") or ""
    if not text.strip():
        raise InputError('the document is empty; send the article body as "text" (or the page as "html")')
    published = record.get("published")
    if published and not normalize_date(str(published)):
        raise InputError(f"published {published!r} is not a date; use YYYY-MM-DD, e.g. 2023-03-24")
    article, _ = make_article_scored(
        text,
        title=fields.get("title"),
        outlet=fields.get("outlet"),
        published=fields.get("published"),
        url=fields.get("url"),
        id=fields.get("id"),
        clean=clean,
    )
    return article
