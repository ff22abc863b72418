"""Linking fixtures: the hand-written multi-outlet story (tests/linking/builders.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def load_link_builders() -> ModuleType:
    """builders.py next to this file, loaded by path (tests run with --import-mode=importlib)."""
    name = "claimledger_link_builders"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / "builders.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


load_link_builders()  # so test modules can `from claimledger_link_builders import ...`


@pytest.fixture(scope="session")
def link_builders() -> ModuleType:
    return load_link_builders()
