"""Fixtures for the browser tests: a linked fixture ledger served by uvicorn on loopback, and Chromium."""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

#: Debian's Chromium; Playwright drives it instead of downloading its own browser.
CHROMIUM = Path("/usr/bin/chromium")
#: Flags for a quiet, offline, headless Chromium in a container (no sandbox: CI runs as root).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
#: Where each page's screenshot goes (git-ignored).
SCREENSHOTS = Path(__file__).parents[2] / "test-artifacts" / "screenshots"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives Debian Chromium with Playwright; skipped when either is missing"
    )


def _appdata() -> Any:
    name = "claimledger_test_appdata"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / "api" / "appdata.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def appdata() -> Any:
    return _appdata()


@pytest.fixture(scope="session")
def linked_ledger(tmp_path_factory: pytest.TempPathFactory, appdata: Any) -> Path:
    """The API tests' documents (two news articles, a hostile one, a contradiction), linked."""
    from claimledger.ledger import Ledger

    b = appdata.builders
    docs = [b.document_a(), b.document_b(), appdata.evil_document(), *appdata.contradicting_documents()]
    path = appdata.build_ledger(tmp_path_factory.mktemp("browser") / "ledger.db", docs)
    with Ledger(path) as ledger:
        ledger.link()
    return path


@pytest.fixture(scope="session")
def base_url(linked_ledger: Path, appdata: Any) -> Iterator[str]:
    """``http://127.0.0.1:PORT``: uvicorn serving ``create_app`` in a thread, on a free port."""
    import uvicorn

    from claimledger.api import create_app

    app = create_app(linked_ledger, token=None, analyzer=appdata.FakeAnalyzer(), allowed_hosts=["127.0.0.1"])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start within 10 s")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright (offline; no Playwright browser download)."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except PlaywrightError as e:  # a broken install (missing libraries): the machine, not the app
            pytest.skip(f"{CHROMIUM} is installed but does not start: {str(e).splitlines()[0]}")
        try:
            yield b
        finally:
            b.close()


class PageProblems:
    """Console errors, uncaught page errors and CSP violations seen by one page."""

    def __init__(self) -> None:
        self.console: list[str] = []
        self.errors: list[str] = []

    def all(self, csp: list[str]) -> list[str]:
        return [*self.console, *self.errors, *(f"CSP violation: {v}" for v in csp)]


#: Runs before any page script: records Content-Security-Policy violations on the window.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, PageProblems]]:
    """A fresh page with console, pageerror and CSP-violation listeners attached."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    problems = PageProblems()

    def on_console(msg: Any) -> None:
        if msg.type != "error":
            return
        # Chromium asks for /favicon.ico on its own; the workbench has none (a 404, not a page fault).
        if urlparse(msg.location.get("url") or "").path == "/favicon.ico":
            return
        # CSP refusals are reported here too ("Refused to ..."), as are failed resource loads.
        problems.console.append(f"console {msg.type}: {msg.text} ({msg.location.get('url')})")

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: problems.errors.append(f"page error: {exc}"))
    pg.add_init_script(CSP_LISTENER)
    try:
        yield pg, problems
    finally:
        context.close()
