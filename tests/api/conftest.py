"""Fixtures for the API tests: a hand-built ledger (two news articles and a hostile one) and clients."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest


def _appdata() -> Any:
    name = "claimledger_test_appdata"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("appdata.py"))
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(autouse=True)
def _no_env_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMLEDGER_TOKEN", raising=False)


@pytest.fixture
def appdata() -> Any:
    return _appdata()


@pytest.fixture
def ledger_path(tmp_path: Path, appdata: Any) -> Path:
    b = appdata.builders
    return appdata.build_ledger(
        tmp_path / "ledger.db", [b.document_a(), b.document_b(), appdata.evil_document()]
    )


@pytest.fixture
def client(ledger_path: Path, appdata: Any) -> Any:
    with appdata.client_for(ledger_path, token=appdata.TOKEN) as c:
        yield c


@pytest.fixture(scope="session")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A client on a ledger no test writes to (shared, for the many read-only cases)."""
    data = _appdata()
    b = data.builders
    path = data.build_ledger(
        tmp_path_factory.mktemp("reader") / "ledger.db",
        [b.document_a(), b.document_b(), data.evil_document()],
    )
    with data.client_for(path, token=data.TOKEN) as c:
        yield c


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def linked_reader(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A client on a linked ledger: the reader's documents plus a quantity contradiction; an
    SQLite file, then a PostgreSQL database (skipped when PostgreSQL is not installed)."""
    from claimledger.ledger import Ledger

    data = _appdata()
    b = data.builders
    docs = [b.document_a(), b.document_b(), data.evil_document(), *data.contradicting_documents()]
    if request.param == "postgres":
        where: Path | str = request.getfixturevalue("pg_cluster").create_database()
    else:
        where = tmp_path_factory.mktemp("linked") / "ledger.db"
    path = data.build_ledger(where, docs)
    with Ledger(path) as ledger:
        ledger.link()
    with data.client_for(path) as c:
        yield c


@pytest.fixture
def auth(appdata: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {appdata.TOKEN}"}
