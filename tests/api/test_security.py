"""Security: write token, body size cap, security headers, hostile filter values."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from claimledger.api.security import CONTENT_SECURITY_POLICY

RECORD = {"text": "The navy said a ship sank. Nothing more.", "id": "sea-1"}


def test_ingest_without_header_is_401(client: Any) -> None:
    response = client.post("/api/v1/ingest", json=RECORD)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["ok"] is False
    assert client.get("/api/v1/stats").json()["articles"] == 3


@pytest.mark.parametrize(
    "header", ["Bearer wrong", "Basic dGVzdA==", "Bearer", "test-token-123", "Bearer test-token-1234"]
)
def test_ingest_with_wrong_credentials_is_401(client: Any, header: str) -> None:
    response = client.post("/api/v1/ingest", json=RECORD, headers={"Authorization": header})
    assert response.status_code == 401
    assert client.get("/api/v1/stats").json()["articles"] == 3


def test_ingest_with_token_is_accepted(client: Any, auth: dict[str, str]) -> None:
    assert client.post("/api/v1/ingest", json=RECORD, headers=auth).status_code == 200


def test_writes_refused_without_configured_token(ledger_path: Any, appdata: Any) -> None:
    with appdata.client_for(ledger_path) as c:
        response = c.post("/api/v1/ingest", json=RECORD, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "--token" in response.json()["error"] and "CLAIMLEDGER_TOKEN" in response.json()["error"]


def test_token_from_environment(ledger_path: Any, appdata: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_TOKEN", "from-env")
    with appdata.client_for(ledger_path) as c:
        ok = c.post("/api/v1/ingest", json=RECORD, headers={"Authorization": "Bearer from-env"})
        bad = c.post("/api/v1/ingest", json=RECORD, headers={"Authorization": f"Bearer {appdata.TOKEN}"})
    assert (ok.status_code, bad.status_code) == (200, 401)


def test_body_over_limit_is_413(ledger_path: Any, appdata: Any) -> None:
    with appdata.client_for(ledger_path, token=appdata.TOKEN, max_body_bytes=1000) as c:
        response = c.post("/api/v1/analyze", json={"text": "The army said so. " * 100})
        small = c.post("/api/v1/analyze", json={"text": "The army said so."})
    assert response.status_code == 413
    assert response.json() == {"ok": False, "error": response.json()["error"], "errors": [], "status": 413}
    assert small.status_code == 200


def test_streamed_body_without_length_is_cut_at_limit(ledger_path: Any, appdata: Any) -> None:
    def chunks() -> Any:
        for _ in range(50):
            yield b'{"text": "' + b"x" * 100

    with appdata.client_for(ledger_path, max_body_bytes=1000) as c:
        response = c.post("/api/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_lying_content_length_is_cut(ledger_path: Any, appdata: Any) -> None:
    import asyncio

    app = appdata.create_app(ledger_path, max_body_bytes=100, analyzer=appdata.FakeAnalyzer())
    sent: list[dict[str, Any]] = []
    body = b'{"text": "' + b"y" * 500 + b'"}'

    async def run() -> None:
        parts = [body[i : i + 50] for i in range(0, len(body), 50)]

        async def receive() -> dict[str, Any]:
            chunk = parts.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(parts)}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "method": "POST",
            "path": "/api/v1/analyze",
            "raw_path": b"/api/v1/analyze",
            "query_string": b"",
            "headers": [(b"content-length", b"10"), (b"content-type", b"application/json")],
            "http_version": "1.1",
            "scheme": "http",
            "server": ("test", 80),
            "client": ("test", 1),
            "root_path": "",
        }
        await app(scope, receive, send)

    asyncio.run(run())
    assert sent[0]["status"] == 413


@pytest.mark.parametrize(
    "url", ["/api/v1/claims", "/", "/articles/huffpost-a", "/static/app.js", "/api/v1/nope", "/nope"]
)
def test_security_headers_on_every_answer(client: Any, url: str) -> None:
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_security_headers_on_413(ledger_path: Any, appdata: Any) -> None:
    with appdata.client_for(ledger_path, max_body_bytes=10) as c:
        response = c.post("/api/v1/analyze", json={"text": "The army said so."})
    assert response.status_code == 413
    assert response.headers["x-content-type-options"] == "nosniff"


INJECTIONS = [
    "' OR 1=1 --",
    '"; DROP TABLE claims; --',
    "x') UNION SELECT json, 1, 2, 3, 4, 5, 6, 7 FROM claims --",
    "%",
    "_",
    "\\",
    "NEAR(a b)",
    '"unbalanced',
    "* OR *",
    "a\x00b",
]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", ["source", "about", "place", "q", "article_id"])
def test_injection_in_text_filters_returns_normal_results(reader: Any, name: str, value: str) -> None:
    response = reader.get("/api/v1/claims", params={name: value})
    assert response.status_code == 200, response.text
    assert response.json()["items"] == []
    assert reader.get("/api/v1/stats").json()["claims"] == 8


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", ["since", "until", "min_p", "quote", "cursor"])
def test_injection_in_typed_filters_is_rejected(reader: Any, name: str, value: str) -> None:
    response = reader.get("/api/v1/claims", params={name: value})
    assert response.status_code == 422
    assert response.json()["ok"] is False


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_outlet_and_ids(reader: Any, value: str) -> None:
    assert reader.get("/api/v1/articles", params={"outlet": value}).json()["items"] == []
    assert reader.get("/api/v1/articles/" + quote(value, safe="")).status_code == 404
    assert reader.get("/api/v1/claims/" + quote(value, safe="")).status_code == 404
    assert reader.get("/api/v1/stats").json()["articles"] == 3


def test_analysis_waits_for_a_slot_then_answers_503(client: Any, auth: dict[str, str]) -> None:
    slots = client.app.state.analysis_slots
    client.app.state.analysis_wait_s = 0.05
    taken = 0
    while slots.acquire(blocking=False):
        taken += 1
    try:
        busy = client.post("/api/v1/analyze", json={"text": "The army said so."})
        busy_ingest = client.post("/api/v1/ingest", json={"text": "The army said so."}, headers=auth)
    finally:
        for _ in range(taken):
            slots.release()
    assert taken >= 1
    assert (busy.status_code, busy_ingest.status_code) == (503, 503)
    assert "busy" in busy.json()["error"]
    assert client.post("/api/v1/analyze", json={"text": "The army said so."}).status_code == 200


@pytest.mark.parametrize(
    ("base_url", "status"),
    [
        ("http://127.0.0.1:8000", 200),
        ("http://localhost", 200),
        ("http://[::1]:8000", 200),
        ("http://rebind.attacker.example", 400),
        ("http://127.0.0.1.attacker.example:8000", 400),
    ],
)
def test_host_check_against_dns_rebinding(ledger_path: Any, appdata: Any, base_url: str, status: int) -> None:
    app = appdata.create_app(ledger_path, allowed_hosts=["127.0.0.1", "localhost", "::1"])
    with appdata.TestClient(app, base_url=base_url) as c:
        response = c.get("/api/v1/stats")
    assert response.status_code == status
    if status == 400:
        assert response.json()["status"] == 400
        assert response.headers["x-content-type-options"] == "nosniff"
