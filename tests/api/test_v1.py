"""The /api/v1 endpoints on a hand-built ledger: lists, filters, one-item reads, stats, analyze, ingest."""

from __future__ import annotations

from typing import Any

import pytest


def test_index_lists_endpoints(client: Any) -> None:
    body = client.get("/api/v1").json()
    assert body["api"] == "v1"
    assert {"/api/v1/claims", "/api/v1/articles", "/api/v1/export", "/api/v1/ingest"} <= set(
        body["endpoints"]
    )


def test_claims_lists_every_claim_with_article(client: Any) -> None:
    body = client.get("/api/v1/claims").json()
    assert len(body["items"]) == 8
    assert body["next_cursor"] is None
    for claim in body["items"]:
        assert claim["article"]["id"] == claim["article_id"]
        assert {"id", "text", "start", "end", "source", "chain", "stance", "quote"} <= set(claim)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source=ministry+of+defence", {"huffpost-a-32-100"}),
        ("about=Bakhmut", {"kyiv-b-0-40"}),
        ("place=kyiv", {"huffpost-a-127-174"}),
        (
            "since=2023-03-01&until=2023-03-31&article_id=huffpost-a",
            {"huffpost-a-32-100", "huffpost-a-177-196"},
        ),
        ("min_p=0.8", {"huffpost-a-32-100"}),
        ("quote=direct", {"huffpost-a-177-196"}),
        ("q=retreat", {"huffpost-a-177-196"}),
        ("q=shell*", {"kyiv-b-0-40"}),
        ("article_id=kyiv-b", {"kyiv-b-0-40", "kyiv-b-70-118"}),
    ],
)
def test_claims_filters_select_claims(client: Any, query: str, expected: set[str]) -> None:
    response = client.get(f"/api/v1/claims?{query}")
    assert response.status_code == 200, response.text
    assert {c["id"] for c in response.json()["items"]} == expected


def test_claim_returns_spans_that_index_article_text(client: Any) -> None:
    body = client.get("/api/v1/claims/huffpost-a-32-100").json()
    text = body["article"]["text"]
    assert body["claim"]["id"] == "huffpost-a-32-100"
    roles = {s["role"] for s in body["spans"]}
    assert {"content", "sentence", "source", "cue", "hedge", "place", "time"} <= roles
    for span in body["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
    hedge = next(s for s in body["spans"] if s["role"] == "hedge")
    assert hedge["text"] == "highly likely"


def test_claim_accepts_unique_prefix(client: Any) -> None:
    assert client.get("/api/v1/claims/kyiv-b-0").json()["claim"]["id"] == "kyiv-b-0-40"


def test_articles_lists_metadata_without_text(client: Any) -> None:
    items = client.get("/api/v1/articles").json()["items"]
    assert [a["id"] for a in items][:2] == ['evil-"><svg onload=alert(4)>', "huffpost-a"]
    assert all("text" not in a for a in items)
    assert {a["id"]: a["claims"] for a in items}["kyiv-b"] == 2


def test_articles_outlet_filter(client: Any) -> None:
    items = client.get("/api/v1/articles?outlet=kyiv").json()["items"]
    assert [a["id"] for a in items] == ["kyiv-b"]


def test_article_has_text(client: Any, appdata: Any) -> None:
    body = client.get("/api/v1/articles/kyiv-b").json()
    assert body["text"] == appdata.builders.TEXT_B
    assert body["outlet"] == "Kyiv Independent"


def test_stats_counts(client: Any) -> None:
    body = client.get("/api/v1/stats").json()
    assert (body["articles"], body["claims"]) == (3, 8)


def test_sources_counts_before_linking(client: Any) -> None:
    items = client.get("/api/v1/sources").json()["items"]
    by_name = {s["name"]: s for s in items}
    assert by_name["UK Ministry of Defence"]["claims"] == 1
    assert by_name["UK Ministry of Defence"]["linked"] is False


def test_places_and_timeline_count_claims(client: Any) -> None:
    places = client.get("/api/v1/places").json()
    assert {p["name"] for p in places["items"]} >= {"Kupyansk", "Kyiv", "Bakhmut"}
    timeline = client.get("/api/v1/timeline?source=ministry+of+defence").json()
    assert [(s["source"], s["total"]) for s in timeline["series"]] == [("UK Ministry of Defence", 1)]


def test_linking_endpoints_after_link(client: Any, ledger_path: Any) -> None:
    from claimledger.ledger import Ledger

    with Ledger(ledger_path) as ledger:
        ledger.link()
    clusters = client.get("/api/v1/clusters?min_size=1").json()["items"]
    assert clusters and all(c["size"] >= 1 for c in clusters)
    one = client.get(f"/api/v1/clusters/{clusters[0]['id']}").json()
    assert one["id"] == clusters[0]["id"] and one["claims"]
    history = client.get("/api/v1/claims/kyiv-b-0-40/history").json()
    assert "kyiv-b-0-40" in [h["claim_id"] for h in history["history"]]
    assert client.get("/api/v1/contradictions").json()["items"] == []
    assert client.get("/api/v1/sources").json()["items"][0]["linked"] is True


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("jsonl", '"id": "kyiv-b-0-40"'), ("csv", "kyiv-b-0-40,kyiv-b,"), ("geojson", '"FeatureCollection"')],
)
def test_export_streams_each_format(client: Any, fmt: str, marker: str) -> None:
    response = client.get(f"/api/v1/export?format={fmt}&article_id=kyiv-b")
    assert response.status_code == 200
    assert marker in response.text
    assert f"claims.{fmt}" in response.headers["content-disposition"]


def test_export_jsonl_has_one_line_per_claim(client: Any) -> None:
    lines = client.get("/api/v1/export?format=jsonl").text.splitlines()
    assert len(lines) == 8


def test_analyze_returns_output_shape(client: Any, appdata: Any) -> None:
    response = client.post(
        "/api/v1/analyze",
        json={
            "text": "The army said the bridge was closed. More later.",
            "published": "2024-02-03",
            "outlet": "Wire",
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["schema"] == 1
    assert body["article"]["published"] == "2024-02-03"
    assert body["article"]["outlet"] == "Wire"
    assert [c["text"] for c in body["claims"]] == ["The army said the bridge was closed"]


def test_analyze_reads_html(client: Any) -> None:
    page = "<html><body><article><p>The army said the bridge was closed. Traffic waited.</p></article></body></html>"
    body = client.post("/api/v1/analyze", json={"html": page}).json()
    assert "bridge was closed" in body["text"]


def test_analyze_needs_no_token_and_stores_nothing(client: Any) -> None:
    client.post("/api/v1/analyze", json={"text": "The army said the bridge was closed."})
    assert client.get("/api/v1/stats").json()["articles"] == 3


def test_ingest_stores_records(client: Any, auth: dict[str, str]) -> None:
    records = [
        {
            "text": "The navy said a ship sank. Nothing more.",
            "outlet": "Sea News",
            "published": "2024-05-06",
            "id": "sea-1",
        },
        {
            "html": "<html><body><p>The police said roads reopened. Drivers cheered.</p></body></html>",
            "id": "road-1",
        },
        {"title": "no body"},
    ]
    response = client.post("/api/v1/ingest", json={"records": records}, headers=auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["seen"], body["added"], body["skipped"]) == (3, 2, 1)
    assert body["articles"] == ["sea-1", "road-1"]
    assert "api#2" in body["skips"][0]["source"]
    assert client.get("/api/v1/articles/sea-1").json()["outlet"] == "Sea News"
    again = client.post("/api/v1/ingest", json=records[0], headers=auth).json()
    assert (again["added"], again["duplicates"]) == (0, 1)


def test_ingest_analysis_failure_is_a_skip(client: Any, auth: dict[str, str]) -> None:
    body = client.post("/api/v1/ingest", json={"text": "BOOM went the tagger. Oh no."}, headers=auth).json()
    assert body["skipped"] == 1 and "analysis failed" in body["skips"][0]["reason"]


def test_contradictions_list_both_claims(linked_reader: Any) -> None:
    items = linked_reader.get("/api/v1/contradictions").json()["items"]
    assert [x["kind"] for x in items] == ["quantity"]
    assert {items[0]["claim_a"]["article_id"], items[0]["claim_b"]["article_id"]} == {"tanks-0", "tanks-1"}
    assert linked_reader.get("/api/v1/contradictions?kind=polarity").json()["items"] == []
    assert linked_reader.get("/api/v1/contradictions?kind=nonsense").status_code == 422


def test_sources_after_linking_count_contradictions(linked_reader: Any) -> None:
    by_name = {s["name"]: s for s in linked_reader.get("/api/v1/sources").json()["items"]}
    assert by_name["General Staff"]["contradicted"] == 1
    assert by_name["UK Ministry of Defence"]["contradicted"] == 0


@pytest.mark.model
def test_analyze_with_the_model(ledger_path: Any, appdata: Any) -> None:
    text = "The UK Ministry of Defence said Russia has highly likely deployed 1,000 troops near Kupyansk."
    with appdata.client_for(ledger_path, analyzer=None) as c:
        body = c.post(
            "/api/v1/analyze", json={"text": text, "published": "2023-03-24", "outlet": "HuffPost UK"}
        ).json()
    assert body["text"] == text
    assert body["claims"], body
    for claim in body["claims"]:
        assert body["text"][claim["start"] : claim["end"]] == claim["text"]
        assert claim["chain"][0]["name"] == "HuffPost UK"


def test_article_id_with_slash(tmp_path: Any, appdata: Any) -> None:
    b = appdata.builders
    art = b.article(
        "The army said the bridge was closed. Traffic waited.", id="feed/item 1", outlet="W", published=None
    )
    doc = b.make_document(art, [b.ClaimSpec(content="the bridge was closed", source=("army", "military"))])
    with appdata.client_for(appdata.build_ledger(tmp_path / "s.db", [doc])) as c:
        assert c.get("/api/v1/articles/feed%2Fitem%201").json()["id"] == "feed/item 1"
        assert c.get("/api/v1/articles/feed/item 1").json()["id"] == "feed/item 1"
        page = c.get("/articles")
        assert 'href="/articles/feed%2Fitem%201"' in page.text
        assert "bridge was closed" in c.get("/articles/feed%2Fitem%201").text


@pytest.mark.parametrize("query", ["", "q=retreat", "limit=3", "source=ministry+of+defence", "q=zzzz"])
def test_claims_answer_is_the_encoded_store_answer(client: Any, query: str) -> None:
    # The claims list is spliced from stored JSON text: it must be exactly the JSON encoding
    # of what Ledger.claims returns (same keys, same order, the article inlined last).
    import json

    from claimledger.api.pagination import page

    response = client.get(f"/api/v1/claims?{query}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    given = {k: v for k, v in (p.split("=") for p in query.split("&") if p)}
    limit = int(given.pop("limit", 50))
    if "q" in given:
        given["search"] = given.pop("q")
    given = {k: v.replace("+", " ") for k, v in given.items()}
    ledger = client.app.state.ledger
    expected = page(ledger.claims(**given, limit=limit + 1, offset=0), offset=0, limit=limit, filters=given)
    assert response.json() == expected
    encoded = json.dumps(expected, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert response.content == encoded
