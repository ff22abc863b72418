"""Tests for claimledger.ingest.records.record_fields."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.ingest.records import record_fields


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"id": 7, "text": "B.", "title": "T", "outlet": "O", "published": "24 March 2023", "url": "u"},
            {"id": "7", "text": "B.", "title": "T", "outlet": "O", "published": "2023-03-24", "url": "u"},
        ),
        ({"body": "Body.", "date": "2023-03-25T10:00:00Z"}, {"text": "Body.", "published": "2023-03-25"}),
        ({"content": "B.", "source": "Wire", "link": "u"}, {"text": "B.", "outlet": "Wire", "url": "u"}),
        ({"text": ""}, {"text": ""}),
        ({"text": None, "title": "T"}, {"text": ""}),
    ],
)
def test_record_fields_maps_aliases(record: dict[str, Any], expected: dict[str, str]) -> None:
    fields = record_fields(record)
    assert isinstance(fields, dict)
    assert {k: v for k, v in fields.items() if v is not None} == expected


def test_record_fields_html_record_keeps_record_metadata() -> None:
    html = "<html><head><title>Page</title></head><body><p>The mayor said shelters were open.</p></body>"
    fields = record_fields({"html": html, "title": "Record Title"})
    assert isinstance(fields, dict)
    assert fields["title"] == "Record Title"
    assert fields["text"] == "The mayor said shelters were open."


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ([1, 2], "expected an object, got array"),
        ("text", "expected an object, got string"),
        ({"title": "no body"}, "no text, body, content or html field"),
        ({"text": ["a"]}, "text is array, not a string"),
        ({"html": 5}, "html is number, not a string"),
    ],
)
def test_record_fields_rejects_bad_records(record: Any, reason: str) -> None:
    assert record_fields(record) == reason
