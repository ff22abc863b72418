"""Streaming an export: the library writes to a file-like object, the response reads chunks."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Any

from ..ledger import Ledger

#: Chunks buffered between the export thread and the response; bounds memory on slow clients.
_QUEUE_CHUNKS = 64
#: Bytes collected before a chunk is handed to the response.
_CHUNK_CHARS = 64 * 1024
_DONE = object()


class _Cancelled(Exception):
    """The client went away; stop writing."""


class _QueueWriter:
    """A text stream whose writes become chunks on a bounded queue."""

    def __init__(self, out: queue.Queue[object], cancelled: threading.Event) -> None:
        self._out = out
        self._cancelled = cancelled
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        if self._cancelled.is_set():
            raise _Cancelled
        self._parts.append(text)
        self._size += len(text)
        if self._size >= _CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            chunk = "".join(self._parts)
            self._parts, self._size = [], 0
            while not self._cancelled.is_set():
                try:
                    self._out.put(chunk, timeout=0.5)
                    return
                except queue.Full:
                    continue
            raise _Cancelled


def stream_export(ledger: Ledger, fmt: str, filters: dict[str, Any]) -> Iterator[bytes]:
    """Yield the export of the matching claims in UTF-8 chunks as it is written.

    Args:
        ledger: the open ledger.
        fmt: ``jsonl``, ``csv`` or ``geojson`` (checked by the caller).
        filters: claim filters (checked by the caller).

    Yields:
        Encoded chunks of the export.
    """
    chunks: queue.Queue[object] = queue.Queue(maxsize=_QUEUE_CHUNKS)
    cancelled = threading.Event()
    failure: list[BaseException] = []

    def produce() -> None:
        writer = _QueueWriter(chunks, cancelled)
        try:
            ledger.export(fmt, writer, **filters)  # type: ignore[arg-type]
            writer.flush()
        except _Cancelled:
            return
        except BaseException as e:  # noqa: BLE001 - handed to the consumer below
            failure.append(e)
        finally:
            while not cancelled.is_set():
                try:
                    chunks.put(_DONE, timeout=0.5)
                    break
                except queue.Full:
                    continue

    thread = threading.Thread(target=produce, name="claimledger-export", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                break
            assert isinstance(item, str)
            yield item.encode("utf-8")
        if failure:
            raise failure[0]
    finally:
        cancelled.set()
        thread.join(timeout=5)
