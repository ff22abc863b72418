"""Exports parse back: JSON Lines with json, CSV with the csv module, GeoJSON with json."""

from __future__ import annotations

import csv
import io
import json

import pytest
from claimledger_test_builders import document_a, document_b  # loaded by conftest.py

from claimledger.errors import InputError
from claimledger.storage import SQLiteStore, export_claims
from claimledger.storage.export import CSV_COLUMNS


@pytest.fixture
def claims() -> list[dict]:
    with SQLiteStore(":memory:") as store:
        store.add_document(document_a())
        store.add_document(document_b())
        return store.claims()


def test_export_jsonl_parses_back(claims: list[dict]) -> None:
    out = io.StringIO()
    assert export_claims(claims, "jsonl", out) == 5
    assert [json.loads(line) for line in out.getvalue().splitlines()] == claims


def test_export_csv_parses_back(claims: list[dict]) -> None:
    out = io.StringIO()
    export_claims(claims, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [c["id"] for c in claims]
    assert [r["text"] for r in rows] == [c["text"] for c in claims]
    by_id = {r["id"]: r for r in rows}
    hedged = by_id["huffpost-a-32-100"]
    assert (hedged["outlet"], hedged["published"], hedged["band"], hedged["p_low"]) == (
        "HuffPost UK",
        "2023-03-24",
        "highly likely",
        "0.8",
    )
    assert hedged["places"] == "Kupyansk (UA)"
    assert hedged["times"] == "March 2023=2023-03"
    assert by_id["huffpost-a-127-174"]["quantities"] == "1,000 soldiers [wounded]"


def test_export_geojson_has_one_point_per_claim_place(claims: list[dict]) -> None:
    out = io.StringIO()
    export_claims(claims, "geojson", out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    places = [(c["id"], p["name"]) for c in claims for p in c["places"]]
    assert [(f["properties"]["claim_id"], f["properties"]["place"]) for f in data["features"]] == places
    kupyansk = next(f for f in data["features"] if f["properties"]["place"] == "Kupyansk")
    assert kupyansk["geometry"] == {"type": "Point", "coordinates": [37.62, 49.71]}
    assert kupyansk["properties"]["source"] == "UK Ministry of Defence"


def test_export_geojson_empty_is_valid() -> None:
    out = io.StringIO()
    export_claims([], "geojson", out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_export_unknown_format_raises(claims: list[dict]) -> None:
    with pytest.raises(InputError, match="unknown export format"):
        export_claims(claims, "xml", io.StringIO())
