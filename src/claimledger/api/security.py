"""Security plumbing: response headers, a request body cap, a Host check and the bearer-token check."""

from __future__ import annotations

import hmac
import json

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import APIError, error_body

#: Environment variable holding the write token (``claimledger serve --token`` sets it too).
TOKEN_ENV = "CLAIMLEDGER_TOKEN"

#: No inline script or style anywhere: every script and stylesheet is a file under /static.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


async def reject(send: Send, status: int, message: str) -> None:
    """Answer the error JSON straight from ASGI middleware (before any route runs)."""
    body = json.dumps(error_body(status, message)).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityHeadersMiddleware:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (pages, API, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Answers 413 to a request whose body is larger than ``max_bytes``.

    The declared ``Content-Length`` is checked first; the body is then read (up to
    the limit) before the app sees it, so a chunked upload without a length, or one
    that lies about it, is cut off too.

    Args:
        app: the wrapped ASGI app.
        max_bytes: the largest body accepted.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await reject(send, 400, "Content-Length is not a number")
                    return
                if declared > self.max_bytes:
                    await self._too_large(send)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        buffered = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": buffered, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        await reject(
            send,
            413,
            f"request body larger than {self.max_bytes} bytes; send a smaller document "
            "(or split a batch into several requests)",
        )


class HostCheckMiddleware:
    """Answers 400 to a request whose ``Host`` header names another host.

    A server bound to 127.0.0.1 is still reachable from a web page through DNS
    rebinding (a hostile name that resolves to 127.0.0.1); checking the Host header
    closes that path.

    Args:
        app: the wrapped ASGI app.
        allowed: host names (without port) that may be asked for.
    """

    def __init__(self, app: ASGIApp, allowed: list[str]) -> None:
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = ""
            for name, value in scope.get("headers", []):
                if name == b"host":
                    host = value.decode("latin-1").lower()
                    break
            if host.startswith("["):  # [::1]:8000
                host = host[1 : host.find("]")] if "]" in host else host
            else:
                host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
            if host not in self.allowed:
                await reject(
                    send, 400, f"unexpected Host header {host!r}; open the server by its own address"
                )
                return
        await self.app(scope, receive, send)


def require_token(request: Request) -> None:
    """FastAPI dependency for write endpoints: ``Authorization: Bearer <token>`` must match.

    Raises:
        APIError: 403 when the server has no token (writes are off), 401 when the
            header is missing or wrong.
    """
    expected: str | None = request.app.state.token
    if not expected:
        raise APIError(
            403,
            "writes are disabled on this server: start it with `claimledger serve --token TOKEN` "
            f"(or set {TOKEN_ENV}) and send the header 'Authorization: Bearer TOKEN'",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise APIError(
            401,
            "this endpoint needs the header 'Authorization: Bearer TOKEN' (the server's write token)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise APIError(401, "wrong token in the Authorization header", headers={"WWW-Authenticate": "Bearer"})
