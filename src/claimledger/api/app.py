"""``create_app``: the FastAPI application serving the JSON API and the web workbench."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from .. import __version__
from ..ledger import Analyzer, Ledger
from ..settings import Settings
from .errors import install_error_handlers
from .limits import DEFAULT_READ_CONCURRENCY, ReadConcurrencyMiddleware
from .security import TOKEN_ENV, BodyLimitMiddleware, HostCheckMiddleware, SecurityHeadersMiddleware
from .v1 import router as api_router

logger = logging.getLogger(__name__)

#: Default cap on request bodies: the ``max_document_bytes`` setting's default (5 MB).
DEFAULT_MAX_BODY_BYTES = 5_000_000
#: Analyses (``POST analyze``/``ingest``) run at once; the rest wait. Two keep a small
#: server responsive to page views while it analyses (spaCy uses one core per analysis).
ANALYSIS_SLOTS = 2
#: Seconds a request waits for an analysis slot before answering 503.
ANALYSIS_WAIT_S = 30.0


def create_app(
    ledger_path: str | Path,
    *,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    settings: Settings | None = None,
    analyzer: Analyzer | None = None,
    allowed_hosts: list[str] | None = None,
    read_concurrency: int = DEFAULT_READ_CONCURRENCY,
) -> FastAPI:
    """Build the application: ``/api/v1`` (JSON), the web pages, ``/static`` and ``/docs``.

    Example::

        import uvicorn
        uvicorn.run(create_app("claims.db", token="s3cret"), host="127.0.0.1", port=8000)

    Args:
        ledger_path: the ledger database (created when missing; ``claimledger serve``
            refuses a missing one).
        token: the write token ``POST /api/v1/ingest`` requires as ``Authorization:
            Bearer``; None reads ``CLAIMLEDGER_TOKEN``; with neither, writes answer 403.
        max_body_bytes: larger request bodies answer 413.
        settings: model, batch size and language settings (default: ``load_settings()``).
        analyzer: replaces the spaCy analysis for ``analyze`` and ``ingest`` (tests).
        allowed_hosts: host names the ``Host`` header may carry (others answer 400,
            against DNS rebinding); None accepts any.
        read_concurrency: GET requests let in at once; the others wait in arrival order
            (fewer threads fighting for the GIL keep the tail short; ``api/limits.py``).

    Returns:
        The FastAPI app. The ledger is opened now and closed at shutdown.

    Raises:
        StoreError: the ledger cannot be opened.
    """
    from ..web.views import install_web

    ledger = Ledger(ledger_path, settings=settings, analyzer=analyzer)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        ledger.close()

    app = FastAPI(
        title="claimledger",
        version=__version__,
        summary="A searchable ledger of attributed claims from conflict reporting.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the default docs load Swagger UI from a CDN; /docs is served locally
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ledger = ledger
    app.state.analyzer = analyzer
    app.state.analysis_slots = threading.BoundedSemaphore(ANALYSIS_SLOTS)
    app.state.analysis_wait_s = ANALYSIS_WAIT_S
    app.state.token = token if token is not None else (os.environ.get(TOKEN_ENV) or None)
    install_error_handlers(app)
    app.include_router(api_router)
    install_web(app)
    # Each middleware wraps those added before it: the headers one, added last, is outermost,
    # so its headers reach every answer, the 413 and 400 of the checks included.
    app.add_middleware(ReadConcurrencyMiddleware, limit=read_concurrency)
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes)
    if allowed_hosts is not None:
        app.add_middleware(HostCheckMiddleware, allowed=allowed_hosts)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
