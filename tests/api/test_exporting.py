"""stream_export yields the library's export in chunks and stops when the reader goes away."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from claimledger.api.exporting import stream_export
from claimledger.ledger import Ledger


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_stream_matches_library_export(tmp_path: Path, appdata: Any, fmt: str) -> None:
    path = appdata.build_ledger(tmp_path / "x.db", appdata.many_documents(30))
    with Ledger(path) as ledger:
        expected = io.StringIO()
        ledger.export(fmt, expected)
        streamed = b"".join(stream_export(ledger, fmt, {})).decode("utf-8")
    assert streamed == expected.getvalue()


def test_stream_can_be_abandoned(tmp_path: Path, appdata: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimledger.api import exporting

    monkeypatch.setattr(exporting, "_CHUNK_CHARS", 10)
    monkeypatch.setattr(exporting, "_QUEUE_CHUNKS", 2)
    path = appdata.build_ledger(tmp_path / "x.db", appdata.many_documents(30))
    with Ledger(path) as ledger:
        chunks = stream_export(ledger, "jsonl", {})
        first = next(chunks)
        chunks.close()  # the producer thread must notice and stop
    assert first


def test_stream_reraises_export_errors(tmp_path: Path, appdata: Any) -> None:
    path = appdata.build_ledger(tmp_path / "x.db", appdata.many_documents(2))
    with Ledger(path) as ledger, pytest.raises(Exception, match="unknown export format"):
        list(stream_export(ledger, "xlsx", {}))
