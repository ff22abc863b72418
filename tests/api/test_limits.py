"""ReadConcurrencyMiddleware: at most N reads inside the app, the rest queued; writes and exports pass."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from claimledger.api.limits import ReadConcurrencyMiddleware


class Recorder:
    """An ASGI app that counts how many requests are inside it at once."""

    def __init__(self) -> None:
        self.inside = 0
        self.most = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        self.inside += 1
        self.most = max(self.most, self.inside)
        await asyncio.sleep(0.02)
        self.inside -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": scope["path"].encode()})


async def fire(app: Any, method: str, paths: list[str]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        return await asyncio.gather(*(client.request(method, p) for p in paths))


@pytest.mark.parametrize("limit", [1, 3])
def test_reads_beyond_the_limit_wait_and_all_are_answered(limit: int) -> None:
    inner = Recorder()
    answers = asyncio.run(fire(ReadConcurrencyMiddleware(inner, limit=limit), "GET", [f"/r{i}" for i in range(12)]))
    assert [a.status_code for a in answers] == [200] * 12
    assert [a.text for a in answers] == [f"/r{i}" for i in range(12)]
    assert inner.most == limit


@pytest.mark.parametrize(
    ("method", "paths"),
    [("POST", ["/api/v1/ingest"] * 6), ("GET", ["/api/v1/export?format=csv"] * 6), ("GET", ["/static/app.js"] * 6)],
)
def test_writes_exports_and_static_files_are_not_queued(method: str, paths: list[str]) -> None:
    inner = Recorder()
    asyncio.run(fire(ReadConcurrencyMiddleware(inner, limit=1), method, paths))
    assert inner.most == 6


def test_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ReadConcurrencyMiddleware(Recorder(), limit=0)
