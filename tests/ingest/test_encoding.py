"""Tests for claimledger.ingest.encoding: binary detection and decoding."""

from __future__ import annotations

import codecs

import pytest

from claimledger.ingest.encoding import declared_encoding, decode_bytes, looks_binary

TEXT = "Caf\u00e9 owners said the na\u00efve plan would fail, and \u201cthat\u2019s that\u201d."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
    ],
)
def test_decode_bytes_decodes_text(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_decode_bytes_uses_declared_encoding() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body>Привет</body></html>'
    assert decode_bytes(page.encode("cp1251")) == page


def test_decode_bytes_rejects_other_code_pages() -> None:
    data = "Министерство обороны заявило в пятницу.".encode("cp1251")
    assert decode_bytes(data) is None


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b'<html><head><meta charset="ISO-8859-1">', "iso8859-1"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
        (b'<?xml version="1.0" encoding="UTF-8"?><rss>', "utf-8"),
        (b'<meta charset="no-such-codec">', None),
        (b"plain text", None),
    ],
)
def test_declared_encoding_reads_declaration(data: bytes, name: str | None) -> None:
    assert declared_encoding(data) == name


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"plain text\nwith lines\ttabs\r\n", False),
        (b"", False),
        (TEXT.encode("utf-16"), False),  # NUL bytes, but a BOM says text
        (b"PK\x03\x04\x00\x00rest", True),
        (bytes(range(256)) * 4, True),
        (b"text" * 10 + b"\x01\x02\x03\x04\x05", True),  # over 5 % control bytes
    ],
)
def test_looks_binary_separates_binary_from_text(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary
