"""`claimledger export`: write stored claims as JSON Lines, CSV or GeoJSON."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ._util import (
    AboutFilter,
    DbOption,
    MinPFilter,
    PlaceFilter,
    QuoteFilter,
    SearchFilter,
    SinceFilter,
    SourceFilter,
    UntilFilter,
    filters,
    handle_errors,
    notice,
    open_existing,
)


class ExportFormat(StrEnum):
    """Export formats."""

    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


@handle_errors
def export_command(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format", help="jsonl (full claims), csv (flat columns) or geojson (one point per place)."
        ),
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FILE", help="Write here instead of stdout.")
    ] = None,
    source: SourceFilter = None,
    about: AboutFilter = None,
    place: PlaceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    min_p: MinPFilter = None,
    quote: QuoteFilter = None,
    search: SearchFilter = None,
    db: DbOption = None,
) -> None:
    """Export stored claims as JSON Lines, CSV or GeoJSON.

    All claims, or those matching the filters. GeoJSON has one point per claim and
    geocoded place.

    Docs: docs/cli.md#export
    """
    chosen = filters(
        source=source,
        about=about,
        place=place,
        since=since,
        until=until,
        min_p=min_p,
        quote=quote,
        search=search,
    )
    with open_existing(ctx, db) as ledger:
        if output is None:
            n = ledger.export(fmt.value, sys.stdout, **chosen)
        else:
            try:
                with output.open("w", encoding="utf-8", newline="") as out:
                    n = ledger.export(fmt.value, out, **chosen)
            except OSError as e:
                raise InputError(f"cannot write {output}: {e.strerror}; check the path") from e
            notice(f"exported {n} claims to {output}")
