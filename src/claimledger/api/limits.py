"""Bounded concurrency for reads: a few requests run at once, the rest wait their turn.

Sync endpoints run in a pool of up to 40 threads. Under load, 40 runnable threads fight
for the GIL: each SQLite call releases it and must wait to get it back, so every request
gets slower and the tail grows (measured on a 100,000-claim ledger, 20 clients, 2 cores:
search p95 236 ms with 40 threads at work, 89 ms with 4; docs/web.md "Testing and
latency"). Waiting requests cost nothing here: they queue on the event loop, in arrival
order, until a slot frees.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

#: Reads the server runs at once by default (2-4 measured best on 2 cores; more cores can take more).
DEFAULT_READ_CONCURRENCY = 4
#: Paths never queued: static files are cheap, exports stream for as long as the client reads.
EXEMPT_PREFIXES: tuple[str, ...] = ("/static/", "/api/v1/export")


class ReadConcurrencyMiddleware:
    """Lets at most ``limit`` GET/HEAD requests into the app at once (writes have their own slots).

    Args:
        app: the wrapped ASGI app.
        limit: the number of reads in flight; the others wait, first come first served.
        exempt: path prefixes that bypass the queue.
    """

    def __init__(
        self, app: ASGIApp, limit: int = DEFAULT_READ_CONCURRENCY, exempt: tuple[str, ...] = EXEMPT_PREFIXES
    ) -> None:
        if limit < 1:
            raise ValueError(f"read concurrency must be at least 1, not {limit}")
        self.app = app
        self.limit = limit
        self.exempt = exempt
        self._slots = asyncio.Semaphore(limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope["path"].startswith(self.exempt)
        ):
            await self.app(scope, receive, send)
            return
        async with self._slots:
            await self.app(scope, receive, send)
