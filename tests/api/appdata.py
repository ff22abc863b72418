"""Fixture ledgers and clients for the API and web tests (hand-built documents, no spaCy)."""

from __future__ import annotations

import importlib.util
import sys
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette warns that its TestClient will move to httpx2; the pinned httpx still works.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from claimledger.api import create_app
from claimledger.model import AnalyzedDocument, Article
from claimledger.storage import SQLiteStore, open_store

TOKEN = "test-token-123"


def _load_builders() -> Any:
    """tests/storage/builders.py, loaded by path (test folders are not packages)."""
    name = "claimledger_test_builders"
    if name not in sys.modules:
        path = Path(__file__).parents[1] / "storage" / "builders.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


builders = _load_builders()

#: Payloads that must never reach a page unescaped.
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = "<svg onload=alert(4)>"
JS_URL = "javascript:alert(2)"
EVIL_ID = 'evil-"><svg onload=alert(4)>'
EVIL_SOURCE = "<script>alert('src')</script> Ministry"
EVIL_PLACE = "<b onmouseover=alert(5)>Town"

EVIL_TEXT = (
    f"The {EVIL_SOURCE} said {SCRIPT} troops entered {EVIL_PLACE} on Monday. "
    f"Officials said {IMG} was likely a forgery. "
    f'Residents said the <a href="{JS_URL}">link</a> was fake.'
)


def evil_document() -> AnalyzedDocument:
    """An article whose text, title, outlet, URL, id, source and place carry script payloads."""
    art = builders.article(
        EVIL_TEXT, id=EVIL_ID, outlet=f"Outlet {IMG}", published="2023-04-01", title=f"Title {SCRIPT}"
    )
    art = replace(art, url=JS_URL)
    return builders.make_document(
        art,
        [
            builders.ClaimSpec(
                content=f"{SCRIPT} troops entered {EVIL_PLACE} on Monday",
                source=(EVIL_SOURCE, "government"),
                source_text=EVIL_SOURCE,
                cue="said",
                places=((EVIL_PLACE, EVIL_PLACE, "UA", 48.0, 37.0),),
                times=(("on Monday", "2023-03-27", "2023-03-27", "2023-03-27"),),
            ),
            builders.ClaimSpec(
                content=f"{IMG} was likely a forgery",
                source=("Officials", "government"),
                source_text="Officials",
                cue="said",
                term=("likely", "PHIA", 0.55, 0.75),
                modality="hedged",
            ),
            builders.ClaimSpec(
                content=f'the <a href="{JS_URL}">link</a> was fake',
                source=("Residents", "unnamed"),
                source_text="Residents",
                cue="said",
            ),
        ],
    )


def many_documents(n: int) -> list[AnalyzedDocument]:
    """``n`` small articles from one outlet, one claim each (for pagination)."""
    docs = []
    for i in range(n):
        text = f"The army said unit {i} reached the river. Nothing else happened."
        art = builders.article(
            text, id=f"bulk-{i:03d}", outlet="Bulk Wire", published=f"2024-01-{1 + i % 28:02d}"
        )
        docs.append(
            builders.make_document(
                art,
                [
                    builders.ClaimSpec(
                        content=f"unit {i} reached the river", source=("Army", "military"), cue="said"
                    )
                ],
            )
        )
    return docs


def contradicting_documents() -> list[AnalyzedDocument]:
    """Two outlets' reports of one event with figures ten times apart (a quantity contradiction)."""
    docs = []
    for i, (outlet, n, source) in enumerate(
        [("Wire A", 40, "General Staff"), ("Wire B", 400, "Defence Ministry")]
    ):
        content = f"{n} Russian tanks were destroyed near Bakhmut on Monday"
        text = f"The {source} said {content}. Fighting continued."
        art = builders.article(text, id=f"tanks-{i}", outlet=outlet, published=f"2023-05-0{i + 1}")
        spec = builders.ClaimSpec(
            content=content,
            source=(source, "military"),
            source_text=source,
            cue="said",
            quantities=((f"{n} Russian tanks", float(n), "tanks", "equipment"),),
            places=(("Bakhmut", "Bakhmut", "UA", 48.59, 38.0),),
            entities=(("Bakhmut", "GPE"),),
            event=("ASSAULT", (), ("Russian tanks",)),
        )
        docs.append(builders.make_document(art, [spec]))
    return docs


def build_ledger(path: Path | str, docs: list[AnalyzedDocument]) -> Path | str:
    """Store the documents in a new ledger at ``path`` (an SQLite file or a PostgreSQL URL)."""
    with open_store(str(path)) if isinstance(path, str) else SQLiteStore(path) as store:
        for doc in docs:
            assert store.add_document(doc)
    return path


class FakeAnalyzer:
    """Claims the first sentence of each article as said by "Tester"; raises on text with BOOM."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: list[Article]) -> Iterator[AnalyzedDocument]:
        for art in articles:
            self.seen.append(art.id)
            if "BOOM" in art.text:
                raise RuntimeError("tagger exploded")
            first = art.text.split(".")[0].strip()
            yield builders.make_document(
                art, [builders.ClaimSpec(content=first, source=("Tester", "person"))]
            )


def client_for(path: Path, **kwargs: Any) -> TestClient:
    """A TestClient on ``create_app(path, **kwargs)`` (server errors become 500 answers)."""
    kwargs.setdefault("analyzer", FakeAnalyzer())
    return TestClient(create_app(path, **kwargs), raise_server_exceptions=False)
