"""claim_spans: every piece of a claim as exact offsets; the hedge found in the text."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.api.spans import claim_spans, hedge_span


def test_claim_spans_index_the_text(appdata: Any) -> None:
    doc = appdata.builders.document_a()
    for claim in doc.claims:
        spans = claim_spans(claim.to_dict(), doc.text)
        assert spans
        for s in spans:
            assert doc.text[s["start"] : s["end"]] == s["text"]
            assert s["claim_id"] == claim.id


def test_claim_spans_drop_offsets_that_do_not_match(appdata: Any) -> None:
    doc = appdata.builders.document_a()
    claim = doc.claims[0].to_dict()
    claim["places"] = [{"start": 0, "end": 3, "text": "not here"}, {"start": 5, "end": 99999, "text": "x"}]
    assert "place" not in {s["role"] for s in claim_spans(claim, doc.text)}


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("Officials said it was Highly  Likely true.", "highly likely", "Highly  Likely"),
        ("It was unlikely, he said.", "likely", None),
        ("Analysts said a strike was likely.", "likely", "likely"),
    ],
)
def test_hedge_span_whole_words_any_case(text: str, term: str, expected: str | None) -> None:
    claim = {
        "start": 0,
        "end": len(text),
        "sentence": {"start": 0, "end": len(text)},
        "stance": {"term": term},
    }
    found = hedge_span(claim, text)
    assert (found["text"] if found else None) == expected
