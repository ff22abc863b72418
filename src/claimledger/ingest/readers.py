"""Reading inputs (files, folders, standard input) into Articles or Skips: the only ingest I/O.

Formats, by file extension, else sniffed from the content:

========================  =========================================================
``.txt`` ``.md``, other   plain text; a first line followed by a blank line is the
text                      title (rule in :func:`claimledger.ingest.plaintext.split_title`)
``.html`` ``.htm``        a web page, through trafilatura (text, title, date, site)
``.json``                 one record, or a list of records (``path#3`` = 4th record)
``.jsonl`` ``.ndjson``    one record per line, streamed (``path#3`` = 4th line)
``.xml`` ``.rss``         an RSS or Atom feed (also sniffed from ``<rss``/``<feed``),
``.atom``                 one article per entry (``path#3`` = 4th entry)
========================  =========================================================

Record fields are listed in :mod:`claimledger.ingest.records`; a record in a
file may name a ``text_file`` beside it instead of carrying its text. Standard
input that starts with a one-line JSON object is streamed as JSON lines; other
input is read whole (up to ``max_bytes``) and sniffed. One bad document
never stops a batch: it becomes a :class:`~claimledger.model.Skip` with one of
these reasons, and reading goes on:

``empty``, ``binary``, ``not UTF-8 and no declared encoding worked``,
``too large (X MB > Y MB)``, ``language xx``, ``malformed HTML: ...``,
``malformed JSON: ...``, ``malformed feed: ...``, ``unsupported file type``,
``unreadable: <OS error>``.

With ``clean=False`` (``--no-clean``) the text is the document exactly as
decoded (for a text file, the file content itself, title line included, so
offsets match the file), or exactly as extracted (HTML, feeds, records).
The title of a text file is still read from its first line.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from claimledger.errors import InputError
from claimledger.model import Article, Skip

from .article import Fields, make_article_scored
from .dates import normalize_date
from .encoding import decode_bytes, looks_binary
from .feeds import parse_feed
from .html import extract_html
from .plaintext import split_title
from .records import record_fields

__all__ = ["read_inputs", "NOT_DECODED", "FORMATS"]

logger = logging.getLogger(__name__)

#: File extension -> format.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

NOT_DECODED = "not UTF-8 and no declared encoding worked"

_DEFAULT_KEYS = frozenset({"outlet", "published"})


@dataclass(frozen=True, slots=True)
class _Options:
    """How to read: fixed for one ``read_inputs`` call."""

    clean: bool
    max_bytes: int
    outlet: str | None
    published: str | None
    min_language_confidence: float


def read_inputs(
    paths: Iterable[str | Path] | str | Path,
    *,
    clean: bool = True,
    max_bytes: int = 5_000_000,
    defaults: dict[str, Any] | None = None,
    min_language_confidence: float = 0.5,
) -> Iterator[Article | Skip]:
    """Read documents from files, folders and standard input.

    Streams: one document (one JSONL line) is in memory at a time. Folders
    are walked recursively in name order, skipping hidden files and folders.

    Args:
        paths: Files, folders, or ``"-"`` for standard input (format sniffed).
        clean: Clean texts (``clean_text``); False keeps them verbatim.
        max_bytes: Documents larger than this are skipped (checked on the file
            size before reading; per line for JSONL).
        defaults: ``outlet`` and ``published`` for documents that have none
            (the CLI's ``--outlet``/``--published``).
        min_language_confidence: A non-English document is skipped only when
            language identification is at least this sure; below it, it is
            read as English.

    Yields:
        An Article per document, or a Skip with a one-line reason.

    Raises:
        InputError: ``defaults`` has an unknown key or a published value that is not a date.
    """
    options = _options(clean, max_bytes, defaults or {}, min_language_confidence)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for path in paths:
        for item in _read_path(path, options):
            if isinstance(item, Skip):
                logger.info("skipped %s: %s", item.source_path, item.reason)
            yield item


def _options(
    clean: bool, max_bytes: int, defaults: dict[str, Any], min_language_confidence: float
) -> _Options:
    """Validate the reading options once."""
    unknown = set(defaults) - _DEFAULT_KEYS
    if unknown:
        raise InputError(
            f"unknown defaults {sorted(unknown)}; read_inputs accepts defaults for {sorted(_DEFAULT_KEYS)}"
        )
    published = defaults.get("published")
    iso_date = normalize_date(published) if published else None
    if published and iso_date is None:
        raise InputError(f"published date {published!r} is not a date; use YYYY-MM-DD, e.g. 2023-03-24")
    outlet = defaults.get("outlet")
    return _Options(
        clean=clean,
        max_bytes=max_bytes,
        outlet=str(outlet) if outlet else None,
        published=iso_date,
        min_language_confidence=min_language_confidence,
    )


# --- paths ---------------------------------------------------------------------------------------------


def _read_path(path: str | Path, options: _Options) -> Iterator[Article | Skip]:
    """One command-line argument: ``-``, a folder or a file."""
    if str(path) == "-":
        yield from _read_stdin(options)
        return
    path = Path(path)
    if path.is_dir():
        for item in _walk(path, set()):
            if isinstance(item, Skip):
                yield item
            else:
                yield from _read_file(item, options)
    else:
        yield from _read_file(path, options)


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | Skip]:
    """Files under a folder, depth first in name order, hidden ones left out."""
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as e:
        yield Skip(str(folder), f"unreadable: {e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError as e:
            yield Skip(entry.path, f"unreadable: {e}")
            continue
        if is_dir:
            yield from _walk(Path(entry.path), seen)
        else:
            yield Path(entry.path)


def _read_file(path: Path, options: _Options) -> Iterator[Article | Skip]:
    """One file, its format from the extension (sniffed when unknown)."""
    source = str(path)
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix)
    try:
        size = path.stat().st_size
        if fmt == "jsonl":
            with path.open("rb") as stream:
                if looks_binary(stream.read(8192)):
                    yield Skip(source, "binary")
                    return
                stream.seek(0)
                yield from _read_jsonl(_lines(stream, options.max_bytes), source, options, path.parent)
            return
        if size > options.max_bytes:
            yield Skip(source, _too_large(size, options.max_bytes))
            return
        data = path.read_bytes()
    except OSError as e:
        yield Skip(source, f"unreadable: {e}")
        return
    yield from _read_data(data, source, fmt, options, suffix=suffix)


def _read_stdin(options: _Options) -> Iterator[Article | Skip]:
    """Standard input: JSONL is streamed line by line, anything else read whole and sniffed."""
    if sys.stdin is None:  # e.g. pythonw, or a closed descriptor 0
        yield Skip("-", "unreadable: there is no standard input")
        return
    try:
        buffer = getattr(sys.stdin, "buffer", None)
        stream: BinaryIO = buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode("utf-8"))
        first = stream.readline(options.max_bytes + 1)
        if _is_json_object(first):
            lines = _lines(stream, options.max_bytes)
            yield from _read_jsonl(_chain_first((first, len(first)), lines), "-", options, None)
            return
        data = first + stream.read(options.max_bytes + 1 - len(first))
        if len(data) > options.max_bytes:
            size = len(data)
            while chunk := stream.read(1 << 20):  # only counted, for the message
                size += len(chunk)
            yield Skip("-", _too_large(size, options.max_bytes))
            return
    except (OSError, ValueError) as e:  # ValueError: I/O on a closed stream
        yield Skip("-", f"unreadable: {e}")
        return
    yield from _read_data(data, "-", None, options)


# --- formats -------------------------------------------------------------------------------------------


def _read_data(
    data: bytes, source: str, fmt: str | None, options: _Options, *, suffix: str = ""
) -> Iterator[Article | Skip]:
    """One document's bytes in a known (or, with ``fmt=None``, sniffed) format."""
    # 1. Binary data: a known text format holding binary is "binary"; an unknown
    #    extension holding binary is a file type we do not read.
    if looks_binary(data):
        if fmt is None:
            yield Skip(source, "unsupported file type" + (f" ({suffix})" if suffix else ""))
        else:
            yield Skip(source, "binary")
        return
    # 2. Feeds are decoded by feedparser (it honours the XML declaration).
    if fmt == "feed":
        yield from _read_feed(data, source, options)
        return
    # 3. Everything else is decoded here.
    text = decode_bytes(data)
    if text is None:
        yield Skip(source, NOT_DECODED)
        return
    if fmt is None:
        fmt = _sniff(text)
        if fmt == "feed":
            yield from _read_feed(data, source, options)
            return
    base = None if source == "-" else Path(source).parent
    if fmt == "jsonl":
        lines = ((line.encode("utf-8"), len(line)) for line in text.splitlines(keepends=True))
        yield from _read_jsonl(lines, source, options, base)
    elif fmt == "json":
        yield from _read_json(text, source, options, base)
    elif fmt == "html":
        fields = extract_html(text)
        yield Skip(source, fields) if isinstance(fields, str) else _finish(fields, source, options)
    else:
        title, body = split_title(text, keep_text=not options.clean)
        yield _finish(Fields(text=body, title=title), source, options)


def _read_feed(data: bytes, source: str, options: _Options) -> Iterator[Article | Skip]:
    """Each entry of a feed, as ``source#N``."""
    entries = parse_feed(data)
    if isinstance(entries, str):
        yield Skip(source, entries)
        return
    if not entries:
        yield Skip(source, "empty")
        return
    for index, fields in enumerate(entries):
        yield _finish(fields, f"{source}#{index}", options)


def _read_json(text: str, source: str, options: _Options, base: Path | None) -> Iterator[Article | Skip]:
    """A ``.json`` document: one record, or a list of records (``source#N``)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        first = text.lstrip("\ufeff \t\r\n").partition("\n")[0]
        if e.msg == "Extra data" and _is_json_object(first.encode("utf-8")):  # JSON lines named .json
            lines = ((line.encode("utf-8"), len(line)) for line in text.splitlines(keepends=True))
            yield from _read_jsonl(lines, source, options, base)
        else:
            yield Skip(source, f"malformed JSON: {e}")
        return
    if isinstance(value, list):
        if not value:
            yield Skip(source, "empty")
        for index, record in enumerate(value):
            yield _record(record, f"{source}#{index}", f"record {index}", options, base)
    else:
        yield _record(value, source, "", options, base)


def _read_jsonl(
    lines: Iterable[tuple[bytes | None, int]], source: str, options: _Options, base: Path | None
) -> Iterator[Article | Skip]:
    """JSON lines, one record per line (``source#N`` for line N+1); blank lines are ignored."""
    for number, (raw, size) in enumerate(lines, start=1):
        record_source = f"{source}#{number - 1}"
        if raw is None:
            yield Skip(record_source, _too_large(size, options.max_bytes))
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as e:
            reason = f"not UTF-8 ({e.reason} at byte {e.start})"
            yield Skip(record_source, f"malformed JSON: line {number}: {reason}")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(record_source, f"malformed JSON: line {number}: {e.msg} at column {e.colno}")
            continue
        yield _record(value, record_source, f"line {number}", options, base)


def _record(value: Any, source: str, where: str, options: _Options, base: Path | None) -> Article | Skip:
    """One parsed JSON record; ``base`` is the folder ``text_file`` paths are relative to."""
    if isinstance(value, dict) and isinstance(value.get("text_file"), str) and not _has_body(value):
        text = _read_text_file(value["text_file"], base, options)
        if isinstance(text, Skip):
            return Skip(source, text.reason)
        value = {**value, "text": text}
    fields = record_fields(value)
    if isinstance(fields, str):
        if fields.startswith("malformed "):  # the record's HTML
            return Skip(source, fields)
        return Skip(source, f"malformed JSON: {where + ': ' if where else ''}{fields}")
    return _finish(fields, source, options)


def _finish(fields: Fields, source: str, options: _Options) -> Article | Skip:
    """Fields to an Article, or a Skip for empty or non-English text."""
    text = fields.get("text") or ""
    if not text.strip():
        return Skip(source, "empty")
    try:
        article, probability = make_article_scored(
            text,
            title=fields.get("title"),
            outlet=fields.get("outlet") or options.outlet,
            # Readers normalise dates; one that did not parse is dropped, not an error.
            published=normalize_date(fields.get("published")) or options.published,
            url=fields.get("url"),
            id=fields.get("id"),
            clean=options.clean,
            source_path=source,
        )
    except InputError:  # only raised here for text that cleaning left empty
        return Skip(source, "empty")
    if article.language != "en":
        if probability >= options.min_language_confidence:
            return Skip(source, f"language {article.language}")
        article = replace(article, language="en")
    return article


def _has_body(record: dict[str, Any]) -> bool:
    """Whether a record carries its text (or HTML) itself."""
    return any(record.get(key) not in (None, "") for key in ("text", "body", "content", "html"))


def _read_text_file(name: str, base: Path | None, options: _Options) -> str | Skip:
    """The text a record's ``text_file`` names: relative to the record's file, never outside it.

    The text is the file's content as decoded: the record gives the metadata (a
    headline repeated as the first line is dropped by cleaning).
    """
    relative = Path(name)
    if base is None or relative.is_absolute() or ".." in relative.parts:
        return Skip(name, f"unreadable: text_file {name!r} must be a path relative to the JSON file")
    path = base / relative
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            return Skip(name, _too_large(size, options.max_bytes))
        data = path.read_bytes()
    except OSError as e:
        return Skip(name, f"unreadable: {e}")
    if looks_binary(data):
        return Skip(name, "binary")
    text = decode_bytes(data)
    return Skip(name, NOT_DECODED) if text is None else text


# --- helpers -------------------------------------------------------------------------------------------


def _sniff(text: str) -> str:
    """Format of a decoded document with no telling extension."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first, _, rest = text.lstrip("\ufeff \t\r\n").partition("\n")
        return "jsonl" if rest.strip() and _is_json_object(first.encode("utf-8")) else "json"
    if head.startswith("<"):
        lowered = head.lower()
        if "<rss" in lowered or "<feed" in lowered or "<rdf:rdf" in lowered:
            return "feed"
        return "html"
    return "text"


def _is_json_object(line: bytes) -> bool:
    """Whether one line is a whole JSON object (the start of a JSONL stream)."""
    if not line.strip().startswith((b"{", b"\xef\xbb\xbf{")):
        return False
    try:
        return isinstance(json.loads(line.decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Lines of a binary stream with their sizes; ``None`` for a line over ``limit`` bytes.

    An overlong line is read in 1 MiB pieces and dropped, never held whole.
    """
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while piece := stream.readline(1 << 20):
                size += len(piece)
                if piece.endswith(b"\n"):
                    break
            yield None, size
        else:
            yield line, len(line)


def _chain_first(
    first: tuple[bytes, int], rest: Iterator[tuple[bytes | None, int]]
) -> Iterator[tuple[bytes | None, int]]:
    """``first`` followed by ``rest``."""
    yield first
    yield from rest


def _too_large(size: int, limit: int) -> str:
    """``too large (6.1 MB > 5 MB)``."""
    return f"too large ({_size(size)} > {_size(limit)})"


def _size(n: int) -> str:
    """Bytes in MB with one decimal (``5 MB``, ``6.1 MB``); small sizes in bytes."""
    if n < 100_000:
        return f"{n} bytes"
    return f"{n / 1_000_000:.1f}".removesuffix(".0") + " MB"


#: Files larger than this are not opened to count their records (the estimate counts them as one).
_COUNT_LIMIT = 200_000_000


def estimate_documents(paths: Iterable[str | Path]) -> int | None:
    """About how many documents ``read_inputs`` will yield, for a progress bar's total and ETA.

    Counts files under folders, non-empty lines of JSON Lines files, items of feed files and one
    per other file, without parsing anything. Returns None when a path is ``-`` (stdin cannot be
    counted ahead). Never raises: an unreadable file counts as one document.
    """
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        p = Path(path)
        files = [f for f in _walk(p, set()) if isinstance(f, Path)] if p.is_dir() else [p]
        for f in files:
            total += _count_records(f)
    return total


def _count_records(path: Path) -> int:
    try:
        if path.stat().st_size > _COUNT_LIMIT:
            return 1
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                return max(sum(1 for line in fh if line.strip()), 1)
        if suffix in {".xml", ".rss", ".atom"}:
            data = path.read_bytes()
            return max(data.count(b"<item") + data.count(b"<entry"), 1)
    except OSError:
        return 1
    return 1
