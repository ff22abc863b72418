"""Fixtures for the web tests: the same hand-built ledger and clients as tests/api (loaded from there)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_claimledger_api_conftest", Path(__file__).parents[1] / "api" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_api = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_api)
# re-export the fixtures (pytest collects them from this module's namespace)
globals().update({name: value for name, value in vars(_api).items() if not name.startswith("__")})
