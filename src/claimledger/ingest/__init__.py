"""Ingest: files, folders, feeds, HTML, JSON(L) and stdin to clean ``Article`` objects.

The flow is ``read_inputs`` (the one module doing I/O, :mod:`.readers`) ->
format extractors (:mod:`.html`, :mod:`.feeds`, :mod:`.records`,
:mod:`.plaintext`) -> ``make_article`` (:mod:`.article`: ``clean_text``,
content hash, id, ``detect_language``).
"""

from __future__ import annotations

from .article import article_id, content_hash, make_article
from .dates import normalize_date
from .encoding import decode_bytes, looks_binary
from .feeds import parse_feed
from .html import extract_html, fragment_text
from .language import detect_language
from .normalize import clean_text, split_paragraphs
from .plaintext import split_title
from .readers import estimate_documents, read_inputs
from .records import record_fields

__all__ = [
    "article_id",
    "clean_text",
    "content_hash",
    "decode_bytes",
    "detect_language",
    "estimate_documents",
    "extract_html",
    "fragment_text",
    "looks_binary",
    "make_article",
    "normalize_date",
    "parse_feed",
    "read_inputs",
    "record_fields",
    "split_paragraphs",
    "split_title",
]
