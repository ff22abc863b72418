"""Claim history (drift over time) and per-source records."""

from __future__ import annotations

from typing import Any

from claimledger_link_builders import baltic, meridian, northgate

from claimledger.linking.records import claim_history, source_records


def with_article(doc: Any, i: int) -> dict[str, Any]:
    return {**doc.claims[i].to_dict(), "article": doc.article.to_dict()}


def test_claim_history_is_in_time_order_and_shows_figures() -> None:
    members = [with_article(baltic(), 0), with_article(northgate(), 0), with_article(meridian(), 0)]
    rows = claim_history(members)
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)
    assert rows[-1]["outlet"] == "Baltic Wire"
    assert rows[-1]["quantities"] == ["over 1,000 troops"]
    assert {r["quantities"][0] for r in rows[:2]} == {
        "at least 1,000 troops",
        "more than 1,000 Russian soldiers",
    }


def test_claim_history_puts_undated_reports_last() -> None:
    undated = with_article(northgate(), 0)
    undated["article"]["published"] = None
    rows = claim_history([undated, with_article(baltic(), 0)])
    assert rows[-1]["published"] is None


def test_source_records_count_shares_and_duplicates_once() -> None:
    rows = [
        {
            "source": "MoD",
            "kind": "government",
            "cluster_id": "k1",
            "unit": "d1",
            "origins": 2,
            "contradicted": False,
        },
        {
            "source": "MoD",
            "kind": "government",
            "cluster_id": "k1",
            "unit": "d1",
            "origins": 2,
            "contradicted": False,
        },
        {
            "source": "MoD",
            "kind": "government",
            "cluster_id": "k2",
            "unit": "a3",
            "origins": 1,
            "contradicted": True,
        },
        {
            "source": "Kremlin",
            "kind": "government",
            "cluster_id": "k1",
            "unit": "a4",
            "origins": 2,
            "contradicted": False,
        },
    ]
    records = {r["source"]: r for r in source_records(rows)}
    assert records["MoD"]["claims"] == 2
    assert records["MoD"]["corroborated_share"] == 0.5
    assert records["MoD"]["contradicted_share"] == 0.5
    assert records["Kremlin"]["corroborated_share"] == 1.0
    assert [r["source"] for r in source_records(rows)] == ["MoD", "Kremlin"]
