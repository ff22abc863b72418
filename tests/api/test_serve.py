"""`claimledger serve`: local by default, token from flag or environment, missing ledger refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.cli.serve import DEFAULT_HOST


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    calls: dict[str, Any] = {}

    def fake_run(application: Any, **kwargs: Any) -> None:
        calls["app"] = application
        calls.update(kwargs)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_serve_binds_localhost_by_default(served: dict[str, Any], ledger_path: Path, appdata: Any) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(ledger_path)])
    assert result.exit_code == 0, result.output
    assert DEFAULT_HOST == "127.0.0.1"
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert served["app"].state.token is None
    with appdata.TestClient(served["app"], base_url="http://evil.example") as c:
        assert c.get("/api/v1/stats").status_code == 400  # loopback server: local Host names only


def test_serve_options(served: dict[str, Any], ledger_path: Path, appdata: Any) -> None:
    args = ["serve", "--db", str(ledger_path), "--host", "0.0.0.0", "--port", "9123", "--token", "abc"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"], served["app"].state.token) == ("0.0.0.0", 9123, "abc")
    assert "other machines" in result.output
    with appdata.TestClient(served["app"], base_url="http://ledger.example.org") as c:
        assert c.get("/api/v1/stats").status_code == 200


def test_serve_token_from_environment(
    served: dict[str, Any], ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_TOKEN", "envtok")
    assert CliRunner().invoke(app, ["serve", "--db", str(ledger_path)]).exit_code == 0
    assert served["app"].state.token == "envtok"


def test_serve_refuses_missing_ledger(served: dict[str, Any], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "app" not in served
    assert not (tmp_path / "none.db").exists()


def test_serve_without_web_extra_says_how_to_install(
    ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    result = CliRunner().invoke(app, ["serve", "--db", str(ledger_path)])
    assert result.exit_code == 2
    assert "claimledger[web]" in result.output


def test_serve_caps_bodies_at_the_document_size_setting(
    served: dict[str, Any], ledger_path: Path, tmp_path: Path, appdata: Any
) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text("max_document_bytes = 1234\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--settings", str(settings), "serve", "--db", str(ledger_path)])
    assert result.exit_code == 0, result.output
    with appdata.TestClient(served["app"], base_url="http://127.0.0.1:8000") as c:
        assert c.post("/api/v1/analyze", json={"text": "x" * 2000}).status_code == 413
