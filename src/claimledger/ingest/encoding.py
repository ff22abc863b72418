"""Bytes to text: binary detection and the encoding decision.

The order tried by :func:`decode_bytes` (first success wins):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. the encoding the document declares (HTML ``<meta charset>`` /
   ``http-equiv`` content type, XML ``<?xml encoding=...?>``), if Python knows it;
3. UTF-8 (strict);
4. Windows-1252 (which decodes Latin-1 text too), but only when the result looks
   like Western European prose, see :func:`_plausible_cp1252`. Text in another
   single-byte code page (a Cyrillic cp1251 file, say) decodes to mojibake that
   fails the test, and the document is skipped rather than analysed as garbage.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_bytes", "declared_encoding", "looks_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)

#: Bytes looked at to decide whether data is binary or declares an encoding.
_SNIFF_BYTES = 8192

# Control bytes that never occur in text files (tab, LF, CR, FF, ESC and
# backspace do, the rest do not).
_CONTROL = frozenset(range(0x00, 0x08)) | frozenset(range(0x0E, 0x1B)) | {0x1C, 0x1D, 0x1E, 0x1F, 0x7F}

#: More than this share of control bytes means binary. Text files have none; 5 %
#: leaves room for a stray control character in a short file while any compressed
#: or image format (about 10 % control bytes, uniformly spread) is above it.
_MAX_CONTROL_SHARE = 0.05

#: cp1252 is accepted when non-ASCII letters are at most this share of all letters.
#: Western European prose is far below (French ~4 %, German ~2 %, Spanish ~3 %);
#: Cyrillic or Greek text misread as cp1252 is above 80 %. 0.3 leaves room for
#: short strings full of names ("Café Zürich").
_MAX_NON_ASCII_LETTER_SHARE = 0.3


def looks_binary(data: bytes) -> bool:
    """Whether the data is binary rather than text (NUL bytes or many control bytes).

    Data starting with a UTF-16/32 byte-order mark is text (it has NUL bytes).

    Args:
        data: The document's bytes (only the first 8 KiB are looked at).

    Returns:
        True for binary data.
    """
    head = data[:_SNIFF_BYTES]
    if not head or any(head.startswith(bom) for bom, name in _BOMS if name != "utf-8-sig"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return controls > _MAX_CONTROL_SHARE * len(head)


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML or XML document declares in its first 8 KiB, if any.

    Args:
        data: The document's bytes.

    Returns:
        A codec name Python knows (normalised, e.g. ``"cp1252"``), or None.
    """
    head = data[:_SNIFF_BYTES]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> str | None:
    """Decode a document's bytes to text (the order is in the module docstring).

    Args:
        data: The document's bytes.

    Returns:
        The text, or None when no encoding worked (the caller skips the document
        with ``"not UTF-8 and no declared encoding worked"``).
    """
    # 1. Byte-order mark.
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                return None
    # 2. Declared encoding, 3. UTF-8.
    candidates = [declared_encoding(data), "utf-8"]
    for name in candidates:
        if name is None:
            continue
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    # 4. cp1252. Latin-1 is not tried after it: the only bytes cp1252 rejects
    #    (0x81, 0x8D, 0x8F, 0x90, 0x9D) are C1 controls in Latin-1, never text.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if _plausible_cp1252(text) else None


def _plausible_cp1252(text: str) -> bool:
    """Whether text decoded as cp1252/Latin-1 looks like Western European prose."""
    letters = 0
    non_ascii = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch > "\x7f":
                non_ascii += 1
    return letters > 0 and non_ascii <= _MAX_NON_ASCII_LETTER_SHARE * letters
