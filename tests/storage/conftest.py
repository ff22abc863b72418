"""Fixtures for the shared store suite: one factory per backend (SQLite now; add Postgres here)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.storage import SQLiteStore, Store

StoreFactory = Callable[[], Store]


def load_builders() -> ModuleType:
    """builders.py next to this file, loaded by path (tests run with --import-mode=importlib)."""
    name = "claimledger_test_builders"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / "builders.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


load_builders()  # so test modules can `from claimledger_test_builders import ...`


@pytest.fixture(scope="session")
def builders() -> ModuleType:
    """Hand-built documents and claims (tests/storage/builders.py)."""
    return load_builders()


def _sqlite_file(tmp_path: Path) -> StoreFactory:
    def make() -> Store:
        return SQLiteStore(tmp_path / "ledger.db")

    return make


#: backend name -> factory builder; a PostgreSQL backend adds an entry (skipped when no server).
BACKENDS: dict[str, Callable[[Path], StoreFactory]] = {"sqlite": _sqlite_file}


@pytest.fixture(params=sorted(BACKENDS))
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """Opens (and reopens) the same empty ledger of one backend; closes what it opened."""
    opened: list[Store] = []
    build = BACKENDS[request.param](tmp_path)

    def make() -> Store:
        store = build()
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(store_factory: StoreFactory) -> Store:
    """An empty store."""
    return store_factory()


@pytest.fixture
def filled(store: Store, builders: ModuleType) -> Store:
    """A store holding documents A (2023, three claims) and B (2022, two claims)."""
    store.add_document(builders.document_a())
    store.add_document(builders.document_b())
    return store
