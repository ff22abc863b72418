"""The installed entry points: the console script and ``python -m claimledger``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.cli import COMMANDS

SCRIPT = Path(sys.executable).parent / "claimledger"


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param([str(SCRIPT), "--help"], id="console-script"),
        pytest.param([sys.executable, "-m", "claimledger", "--help"], id="python-m"),
    ],
)
def test_entry_point_help_lists_commands(argv: list[str]) -> None:
    if not Path(argv[0]).exists():
        pytest.skip(f"{argv[0]} is not installed (pip install -e .)")
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    for name in COMMANDS:
        assert name in result.stdout


def test_entry_point_usage_error_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimledger", "claims", "--limit", "many"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""


def test_entry_point_version() -> None:
    from claimledger import __version__

    result = subprocess.run(
        [sys.executable, "-m", "claimledger", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.strip() == f"claimledger {__version__}"
