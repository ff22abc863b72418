"""Cursor pagination: pages cover every item once, cursors are bound to their filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimledger.api.errors import APIError
from claimledger.api.pagination import MAX_PAGE, decode_cursor, encode_cursor


@pytest.fixture
def bulk(tmp_path: Path, appdata: Any) -> Any:
    path = appdata.build_ledger(tmp_path / "bulk.db", appdata.many_documents(23))
    with appdata.client_for(path) as c:
        yield c


def walk(client: Any, path: str, **params: Any) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor = None
    while True:
        query = {**params, "cursor": cursor} if cursor else params
        body = client.get(path, params=query).json()
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 50, "pagination does not end"


@pytest.mark.parametrize("limit", [1, 5, 10, 23, 200])
def test_claim_pages_cover_every_claim_once(bulk: Any, limit: int) -> None:
    pages = walk(bulk, "/api/v1/claims", limit=limit)
    ids = [i for p in pages for i in p]
    assert len(ids) == 23 == len(set(ids))
    assert all(len(p) == limit for p in pages[:-1])
    assert ids == [c["id"] for c in bulk.get("/api/v1/claims?limit=200").json()["items"]]


def test_article_pages_cover_every_article_once(bulk: Any) -> None:
    ids = [i for p in walk(bulk, "/api/v1/articles", limit=4) for i in p]
    assert sorted(ids) == [f"bulk-{i:03d}" for i in range(23)]


def test_filtered_pages_keep_filters(bulk: Any) -> None:
    pages = walk(bulk, "/api/v1/claims", limit=2, since="2024-01-10", until="2024-01-15")
    ids = {i for p in pages for i in p}
    assert len(pages) == 3
    published = {
        c["id"]: c["article"]["published"] for c in bulk.get("/api/v1/claims?limit=200").json()["items"]
    }
    assert ids == {i for i, d in published.items() if "2024-01-10" <= d <= "2024-01-15"}


def test_cursor_from_other_filters_is_422(bulk: Any) -> None:
    cursor = bulk.get("/api/v1/claims?limit=2&q=river").json()["next_cursor"]
    response = bulk.get("/api/v1/claims", params={"limit": 2, "cursor": cursor})
    assert response.status_code == 422
    assert "other filters" in response.json()["error"]


@pytest.mark.parametrize("cursor", ["garbage", "eyJvIjotMSwiayI6IngifQ", "e30", "!!!"])
def test_malformed_cursor_is_422(bulk: Any, cursor: str) -> None:
    assert bulk.get("/api/v1/claims", params={"cursor": cursor}).status_code == 422


def test_page_size_is_capped(bulk: Any) -> None:
    assert bulk.get(f"/api/v1/claims?limit={MAX_PAGE + 1}").status_code == 422


@pytest.mark.parametrize("offset", [0, 1, 57, 10_000])
def test_cursor_round_trip(offset: int) -> None:
    filters = {"source": "army", "min_p": 0.5}
    assert decode_cursor(encode_cursor(offset, filters), filters) == offset
    with pytest.raises(APIError):
        decode_cursor(encode_cursor(offset, filters), {"source": "navy"})
