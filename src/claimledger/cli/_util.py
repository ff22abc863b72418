"""Helpers shared by the CLI commands: settings, error handling, options, consoles."""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from ..errors import ClaimLedgerError, ConfigError, InputError
from ..ledger import Ledger
from ..settings import Settings, load_settings

P = ParamSpec("P")
R = TypeVar("R")

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ClaimFormat(StrEnum):
    """Output formats for claim listings."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class QuoteType(StrEnum):
    """Values of a claim's ``quote`` field."""

    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    none = "none"


def out_console() -> Console:
    """A console on stdout (results only), made per call so test runners can swap streams."""
    return Console(file=sys.stdout, soft_wrap=False)


def err_console() -> Console:
    """A console on stderr for progress, notices and errors."""
    return Console(file=sys.stderr, stderr=True)


def notice(message: str) -> None:
    """One line to stderr."""
    typer.echo(message, err=True)


def write_json(obj: Any, *, pretty: bool) -> None:
    """Write one JSON value to stdout (pretty, or on one line)."""
    text = json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)
    sys.stdout.write(text + "\n")


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Show claimledger errors as one line and exit 2 (config/input) or 1 (anything else)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except ClaimLedgerError as e:
            notice(f"Error: {e}")
            raise typer.Exit(2 if isinstance(e, ConfigError | InputError) else 1) from None

    return wrapper


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the group callback loaded (or the defaults when a command runs alone)."""
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    return load_settings()


def db_path(ctx: typer.Context, db: str | Path | None) -> str:
    """The database path or URL: ``--db``, else the ``db`` setting."""
    return str(db) if db is not None else settings_of(ctx).db


def open_existing(ctx: typer.Context, db: str | Path | None) -> Ledger:
    """Open a ledger for reading; a missing file is a usage error (exit 2).

    Raises:
        typer.BadParameter: no ledger at the path (a usage error, exit status 2).
    """
    from ..storage.postgres import is_postgres_url

    path = db_path(ctx, db)
    if path != ":memory:" and not is_postgres_url(path) and not Path(path).is_file():
        raise typer.BadParameter(
            f"no ledger at {path}; run `claimledger ingest PATH --db {path}` first "
            "(or point --db at an existing ledger)",
            ctx=ctx,
            param_hint="'--db'",
        )
    return Ledger(path, settings=settings_of(ctx))


def check_day(value: str | None) -> str | None:
    """Typer callback: ``--published`` must be YYYY-MM-DD."""
    if value is None:
        return None
    from datetime import date

    try:
        if not _ISO_DAY.match(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2023-03-24") from None
    return value


# Shared option types (Annotated aliases keep each command's signature short).
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger file or postgresql:// URL (default: the db setting, claimledger.db).",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="YYYY-MM-DD",
        callback=check_day,
        help="Publication date that relative dates are resolved against.",
    ),
]
OutletOption = Annotated[str | None, typer.Option("--outlet", metavar="NAME", help="Publishing outlet.")]
NoCleanOption = Annotated[
    bool,
    typer.Option("--no-clean", help="Keep the text verbatim (offsets match the input file)."),
]
SourceFilter = Annotated[
    str | None, typer.Option("--source", help="Source name contains this (case-insensitive).")
]
AboutFilter = Annotated[
    str | None, typer.Option("--about", help="An entity, event actor/target or source with these words.")
]
PlaceFilter = Annotated[str | None, typer.Option("--place", help="A place named in the claim.")]
SinceFilter = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help="On or after this date (YYYY[-MM[-DD]]).")
]
UntilFilter = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help="On or before this date (YYYY[-MM[-DD]]).")
]
MinPFilter = Annotated[
    float | None,
    typer.Option("--min-p", min=0.0, max=1.0, help="Stated probability at least this (0-1)."),
]
QuoteFilter = Annotated[QuoteType | None, typer.Option("--quote", help="Quote type.")]
SearchFilter = Annotated[
    str | None, typer.Option("--search", help="Words in the claim, its sentence or source (word* = prefix).")
]


def filters(
    *,
    source: str | None,
    about: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    min_p: float | None,
    quote: QuoteType | None,
    search: str | None,
) -> dict[str, Any]:
    """The claim filters as Store keyword arguments."""
    return {
        "source": source,
        "about": about,
        "place": place,
        "since": since,
        "until": until,
        "min_p": min_p,
        "quote": quote.value if quote is not None else None,
        "search": search,
    }
