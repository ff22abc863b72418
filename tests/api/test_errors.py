"""Every error answers the one JSON shape: {"ok": false, "error", "errors", "status"}."""

from __future__ import annotations

from typing import Any

import pytest


def assert_error_shape(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)
    return body


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims/no-such-claim",
        "/api/v1/articles/no-such-article",
        "/api/v1/nothing-here",
        "/api/v1/clusters/none",
    ],
)
def test_not_found_shape(client: Any, url: str) -> None:
    assert_error_shape(client.get(url), 404)


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=201",
        "limit=abc",
        "min_p=1.5",
        "min_p=x",
        "quote=sarcastic",
        "since=yesterday",
        "until=2023-13",
    ],
)
def test_bad_claim_query_is_422(client: Any, query: str) -> None:
    body = assert_error_shape(client.get(f"/api/v1/claims?{query}"), 422)
    assert query.split("=")[0] in body["error"] + str(body["errors"])


def test_validation_errors_list_locations(client: Any) -> None:
    body = assert_error_shape(client.get("/api/v1/claims?limit=0&min_p=7"), 422)
    assert {tuple(e["loc"]) for e in body["errors"]} == {("query", "limit"), ("query", "min_p")}


def test_bad_export_format_is_422(client: Any) -> None:
    assert_error_shape(client.get("/api/v1/export?format=xlsx"), 422)


def test_bad_export_filter_fails_before_streaming(client: Any) -> None:
    assert_error_shape(client.get("/api/v1/export?format=csv&since=soon"), 422)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "   "},
        {"text": 5},
        {"html": "<html></html>"},
        {"text": "Army said x.", "published": "not a date"},
    ],
)
def test_bad_analyze_body_is_422(client: Any, body: dict[str, Any]) -> None:
    assert_error_shape(client.post("/api/v1/analyze", json=body), 422)


def test_analyze_rejects_non_json(client: Any) -> None:
    response = client.post(
        "/api/v1/analyze", content=b"not json", headers={"content-type": "application/json"}
    )
    assert_error_shape(response, 422)


@pytest.mark.parametrize(
    "body", [[], {"records": "x"}, "just a string", {"records": [{"text": "a"}], "clean": "yes"}]
)
def test_bad_ingest_body_is_422(client: Any, auth: dict[str, str], body: Any) -> None:
    assert_error_shape(client.post("/api/v1/ingest", json=body, headers=auth), 422)


def test_method_not_allowed_shape(client: Any) -> None:
    assert_error_shape(client.delete("/api/v1/claims"), 405)


def test_analysis_failure_is_500(ledger_path: Any, appdata: Any) -> None:
    def broken(articles: Any) -> Any:
        raise ZeroDivisionError("tagger bug")
        yield  # pragma: no cover

    with appdata.client_for(ledger_path, analyzer=broken) as c:
        body = assert_error_shape(c.post("/api/v1/analyze", json={"text": "The army said so."}), 500)
    assert "analysis failed" in body["error"]


def test_unexpected_error_is_500_without_internals(client: Any, monkeypatch: Any) -> None:
    def explode() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(client.app.state.ledger, "stats", explode)
    body = assert_error_shape(client.get("/api/v1/stats"), 500)
    assert "secret internals" not in body["error"]
    assert "RuntimeError" in body["error"]
    response = client.get("/api/v1/stats")
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_web_errors_are_html(client: Any) -> None:
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no article with id" in response.text
