"""Building an ``Article`` from text and metadata: cleaning, hash, id, language.

Article ids: a record's own ``id`` when it has one; otherwise
``<slug of the source file stem>-<first 12 hex digits of the content hash>``
(``huffpost-russia-belarus-3fa9c2e1b07d``), ``stdin-...`` for standard input and
``doc-...`` when there is no source (the Python API). The id is stable: the
same cleaned text from the same file always gets the same id.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath
from typing import TypedDict

from claimledger.errors import InputError
from claimledger.model import Article

from .dates import normalize_date
from .language import detect_language
from .normalize import clean_text

__all__ = ["Fields", "article_id", "content_hash", "make_article", "make_article_scored"]


class Fields(TypedDict, total=False):
    """What a format reader extracts from one document (``make_article`` keywords)."""

    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    id: str | None


_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_RECORD_SUFFIX = re.compile(r"#\d+$")
_MAX_SLUG = 48


def content_hash(text: str) -> str:
    """``sha256:<hex>`` of the text's UTF-8 bytes."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(digest: str, source_path: str | None = None) -> str:
    """A stable id from the source file's stem and the content hash (rule in the module docstring).

    Args:
        digest: The article's ``content_hash`` (``sha256:<hex>``).
        source_path: Where the text came from: a path, ``path#3`` for a record,
            ``-`` for standard input, or None.

    Returns:
        ``<slug>-<12 hex digits>``.
    """
    if source_path is None:
        slug = "doc"
    elif source_path == "-" or source_path.startswith("-#"):
        slug = "stdin"
    else:
        stem = PurePath(_RECORD_SUFFIX.sub("", source_path)).stem
        slug = _SLUG_JUNK.sub("-", stem.lower()).strip("-")[:_MAX_SLUG].strip("-") or "doc"
    return f"{slug}-{digest.removeprefix('sha256:')[:12]}"


def make_article(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    id: str | None = None,  # noqa: A002 - the record field is called "id"
    clean: bool = True,
    source_path: str | None = None,
) -> Article:
    """Build an Article from text and metadata (what ``claimledger.analyze`` uses).

    Args:
        text: The document text.
        title: Headline, if known. With ``clean``, a first line of ``text``
            equal to it is dropped (scraped pages repeat the headline).
        outlet: Publishing outlet, if known.
        published: Publication date in any form ``normalize_date`` accepts.
        url: Source URL, if known.
        id: Article id; None derives one (see the module docstring).
        clean: Clean the text with ``clean_text``; False keeps it verbatim.
        source_path: Where the text came from (file, ``path#3``, ``-``).

    Returns:
        The Article, its ``language`` detected by ``detect_language``.

    Raises:
        InputError: The text is empty (after cleaning), or ``published`` is not a date.
    """
    article, _ = make_article_scored(
        text,
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        id=id,
        clean=clean,
        source_path=source_path,
    )
    return article


def make_article_scored(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    id: str | None = None,  # noqa: A002
    clean: bool = True,
    source_path: str | None = None,
) -> tuple[Article, float]:
    """Like :func:`make_article`, also returning the language-ID probability.

    Returns:
        ``(article, probability of article.language)``.

    Raises:
        InputError: As :func:`make_article`.
    """
    # 1. Text and title.
    if clean:
        text = clean_text(text)
        title = clean_text(title).replace("\n", " ") if title else None
        if title:
            text = _drop_leading_title(text, title)
    else:
        title = _squash(title)
    if not text.strip():
        raise InputError(
            f"the text of {source_path or 'the document'} is empty"
            + (" after cleaning" if clean else "")
            + "; pass the article body as text"
        )
    # 2. Metadata.
    iso_date = normalize_date(published) if published else None
    if published and iso_date is None:
        raise InputError(f"published date {published!r} is not a date; use YYYY-MM-DD, e.g. 2023-03-24")
    digest = content_hash(text)
    language, probability = detect_language(text)
    article = Article(
        id=str(id) if id not in (None, "") else article_id(digest, source_path),
        text=text,
        title=title or None,
        outlet=_squash(outlet),
        published=iso_date,
        url=_squash(url),
        language=language,
        content_hash=digest,
        source_path=source_path,
    )
    return article, probability


def _drop_leading_title(text: str, title: str) -> str:
    """Remove a first line that repeats the title (cleaned text, so lines end in ``\\n``)."""
    first, sep, rest = text.partition("\n")
    if first.strip().casefold() != title.strip().casefold() or not rest.strip():
        return text
    return rest.lstrip("\n")


def _squash(value: str | None) -> str | None:
    """Collapse whitespace in a metadata string; None for missing or blank."""
    if not value:
        return None
    return " ".join(value.split()) or None
