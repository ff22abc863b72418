"""One error shape for every failure: ``{"ok": false, "error", "errors", "status"}``."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ClaimLedgerError, ConfigError, InputError, NotFound

logger = logging.getLogger(__name__)

#: Paths under this prefix answer errors as JSON; other paths (the web pages) as HTML.
API_PREFIX = "/api/"


class APIError(Exception):
    """An error with an HTTP status, raised by routes and middleware.

    Args:
        status: the HTTP status code.
        message: what went wrong and how to fix it.
        headers: extra response headers (e.g. ``WWW-Authenticate``).
    """

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_body(status: int, message: str, errors: Sequence[Any] = ()) -> dict[str, Any]:
    """The error JSON: ``{"ok": false, "error": message, "errors": [...], "status": status}``."""
    return {"ok": False, "error": message, "errors": list(errors), "status": status}


def error_response(
    request: Request | None,
    status: int,
    message: str,
    errors: Sequence[Any] = (),
    headers: dict[str, str] | None = None,
) -> Response:
    """JSON for API paths (and when no request is known), a small HTML page for the web pages."""
    from .security import SECURITY_HEADERS

    # Set here too: a 500 is answered outside the middleware that adds them elsewhere.
    headers = {**{k.decode(): v.decode() for k, v in SECURITY_HEADERS}, **(headers or {})}
    path = request.url.path if request is not None else API_PREFIX
    if path.startswith(API_PREFIX) or request is None:
        return JSONResponse(error_body(status, message, errors), status_code=status, headers=headers)
    from ..web.views import render_error

    return render_error(request, status, message, headers=headers)


def validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Pydantic's error list reduced to JSON-safe ``{"loc", "msg", "type"}`` items."""
    return [
        {
            "loc": [str(p) for p in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors()
    ]


def install_error_handlers(app: FastAPI) -> None:
    """Route every error (HTTP, validation, library, unexpected) to :func:`error_response`."""

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, APIError)
        return error_response(request, exc.status, exc.message, headers=exc.headers)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}; the API lives under /api/v1"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = validation_errors(exc)
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"][1:] or first["loc"])
        message = f"invalid request: {where}: {first['msg']}" if where else f"invalid request: {first['msg']}"
        return error_response(request, 422, message, errors)

    async def on_library(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ClaimLedgerError)
        if isinstance(exc, NotFound):
            return error_response(request, 404, str(exc))
        if isinstance(exc, InputError):
            return error_response(request, 422, str(exc))
        if isinstance(exc, ConfigError):
            return error_response(request, 503, str(exc))
        logger.error("ledger error on %s: %s", request.url.path, exc)
        return error_response(request, 500, str(exc))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error on %s", request.url.path)
        return error_response(
            request, 500, f"internal error ({type(exc).__name__}); the server log has the details"
        )

    app.add_exception_handler(APIError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ClaimLedgerError, on_library)
    app.add_exception_handler(Exception, on_unexpected)
