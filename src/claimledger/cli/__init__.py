"""The `claimledger` command line: one Typer group, one module per command."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..errors import ClaimLedgerError
from ..settings import load_settings
from .analyze import analyze_command
from .claims import claims_command
from .eval import eval_command
from .export import export_clusters_command, export_command
from .extract import extract_command
from .ingest import ingest_command
from .link import (
    cluster_command,
    clusters_command,
    contradictions_command,
    grade_command,
    history_command,
    link_command,
    sources_command,
)
from .serve import serve_command
from .show import show_command
from .stats import stats_command

__all__ = ["COMMANDS", "app", "main"]

app = typer.Typer(
    name="claimledger",
    help="A searchable ledger of attributed claims from conflict reporting: who says what, how sure, "
    "about whom, where, when and how many.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: command name -> function; docs/cli.md documents each (a test checks).
COMMANDS: dict[str, Callable[..., None]] = {
    "analyze": analyze_command,
    "extract": extract_command,
    "ingest": ingest_command,
    "claims": claims_command,
    "show": show_command,
    "stats": stats_command,
    "export": export_command,
    "export-clusters": export_clusters_command,
    "eval": eval_command,
    "serve": serve_command,
    "link": link_command,
    "clusters": clusters_command,
    "cluster": cluster_command,
    "contradictions": contradictions_command,
    "sources": sources_command,
    "history": history_command,
    "grade": grade_command,
}
for _name, _fn in COMMANDS.items():
    app.command(_name)(_fn)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimledger {__version__}")
        raise typer.Exit()


@app.callback()
def _group(
    ctx: typer.Context,
    settings: Annotated[
        Path | None,
        typer.Option("--settings", metavar="FILE", help="A TOML settings file laid over the defaults."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Load settings once for the command that follows."""
    try:
        ctx.obj = load_settings(settings)
    except ClaimLedgerError as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(2) from None


def main() -> None:
    """Console-script entry point (``claimledger``)."""
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    app()
