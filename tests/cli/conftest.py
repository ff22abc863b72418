"""CLI fixtures: a runner on the real Typer app and a ledger file with hand-built claims."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from claimledger.storage import SQLiteStore


def load_builders() -> ModuleType:
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


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def ledger_db(tmp_path: Path) -> Path:
    """A ledger file holding documents A (three claims) and B (two claims)."""
    builders = load_builders()
    path = tmp_path / "ledger.db"
    with SQLiteStore(path) as store:
        store.add_document(builders.document_a())
        store.add_document(builders.document_b())
    return path


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """Two readable news texts and one binary file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "mod.txt").write_text(
        "The UK Ministry of Defence said on Friday that Russia has highly likely deployed troops near "
        "Kupyansk. Officials said 1,000 soldiers were wounded in Bakhmut last week.\n",
        encoding="utf-8",
    )
    (folder / "quote.txt").write_text(
        '"We will not retreat from Bakhmut," President Volodymyr Zelensky said on Tuesday. '
        "Ukrainian military officials said Russian forces shelled Kharkiv overnight.\n",
        encoding="utf-8",
    )
    (folder / "broken.bin").write_bytes(b"\x00\xff\x00\xfe" * 300)
    return folder
