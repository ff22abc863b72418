"""Tests for claimledger.ingest.plaintext.split_title."""

from __future__ import annotations

import pytest

from claimledger.ingest.plaintext import MAX_TITLE_CHARS, split_title


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("Storm Hits Port\n\nThe storm hit the port.", "Storm Hits Port", "The storm hit the port."),
        ("\n\n  Storm Hits Port  \n\nBody.", "Storm Hits Port", "Body."),
        ("Storm Hits Port\r\n\r\nBody.", "Storm Hits Port", "Body."),
        ("# Grain Exports Resume\n\nShips left.", "Grain Exports Resume", "Ships left."),
        ("Is The War Over?\n\nNo.", "Is The War Over?", "No."),
        ("Troops Leave The U.S.\n\nBody.", "Troops Leave The U.S.", "Body."),
    ],
)
def test_split_title_finds_headline(text: str, title: str, body: str) -> None:
    assert split_title(text) == (title, body)


@pytest.mark.parametrize(
    "text",
    [
        "The council said the bridge would reopen.\n\nDrivers were told to wait.",  # a sentence
        "He said:\n\n\"We will win.\"",  # introduces a quote
        "Storm Hits Port\nThe storm hit the port.",  # no blank line
        "Storm Hits Port\r\nThe storm hit the port.\r\n\r\nMore.",  # CRLF is one break, not a blank line
        "Storm Hits Port\n\n   \n",  # nothing follows
        "x" * (MAX_TITLE_CHARS + 1) + "\n\nBody.",  # too long for a headline
        "",
    ],
)
def test_split_title_leaves_text_without_headline(text: str) -> None:
    assert split_title(text) == (None, text)


def test_split_title_keep_text_returns_whole_text() -> None:
    text = "Storm Hits Port\r\n\r\nThe storm hit the port.\r\n"
    assert split_title(text, keep_text=True) == ("Storm Hits Port", text)
