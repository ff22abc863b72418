"""Tests for claimledger.ingest.feeds.parse_feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.ingest.feeds import parse_feed

RESOURCES = Path(__file__).parent.parent / "resources" / "ingest"


def test_parse_feed_rss_entries() -> None:
    entries = parse_feed((RESOURCES / "feed.rss").read_bytes())
    assert isinstance(entries, list)
    assert [e.get("title") for e in entries] == ["Storm closes port", "Bridge reopens", "No content here"]
    assert entries[0]["published"] == "2023-03-24"  # as written (-0500), not UTC's 25 March
    assert entries[0]["text"] == (
        "The port authority said on Friday that the port would stay closed until the storm had passed."
        "\n\nShips were told to wait offshore."
    )
    assert entries[2]["text"] == ""
    assert {e.get("outlet") for e in entries} == {"Harbour Wire"}


def test_parse_feed_atom_prefers_content() -> None:
    entries = parse_feed((RESOURCES / "feed.atom").read_bytes())
    assert isinstance(entries, list) and len(entries) == 1
    assert entries[0]["text"].endswith("It carried food and medicine.")
    assert entries[0].get("url") == "https://valley.example/aid"


@pytest.mark.parametrize("data", [(RESOURCES / "broken.rss").read_bytes(), b"not a feed"])
def test_parse_feed_malformed_gives_reason(data: bytes) -> None:
    result = parse_feed(data)
    assert isinstance(result, str) and result.startswith("malformed feed: ")


def test_parse_feed_empty_document_has_no_entries() -> None:
    assert parse_feed(b"") == []
