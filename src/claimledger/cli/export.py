"""`claimledger export`: write stored claims as JSON Lines, CSV or GeoJSON."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

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
        _write(output, "claims", lambda out: ledger.export(fmt.value, out, **chosen))


def _write(output: Path | None, what: str, export: Callable[[TextIO], int]) -> None:
    """Run ``export`` on stdout, or on ``output`` (then say how many ``what`` it wrote there)."""
    if output is None:
        export(sys.stdout)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as out:
            n = export(out)
    except OSError as e:
        raise InputError(f"cannot write {output}: {e.strerror}; check the path") from e
    notice(f"exported {n} {what} to {output}")


class ClusterExportFormat(StrEnum):
    """Cluster export formats."""

    jsonl = "jsonl"
    csv = "csv"


@handle_errors
def export_clusters_command(
    ctx: typer.Context,
    fmt: Annotated[
        ClusterExportFormat,
        typer.Option("--format", help="jsonl (a cluster per line, with its reports) or csv (a row per report)."),
    ] = ClusterExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FILE", help="Write here instead of stdout.")
    ] = None,
    min_size: Annotated[
        int, typer.Option("--min-size", min=1, help="Clusters of at least this many claims (1: singletons too).")
    ] = 2,
    cross_outlet: Annotated[
        bool, typer.Option("--cross-outlet", help="Only clusters reported by two or more outlets.")
    ] = False,
    min_origins: Annotated[
        int, typer.Option("--min-origins", min=1, help="At least this many independent origins (2: corroborated).")
    ] = 1,
    db: DbOption = None,
) -> None:
    """Export linked clusters with their reports as JSON Lines or CSV.

    Every matching cluster (no page limit), most independent origins first; each
    with its reports in time order. Run `claimledger link` first.

    Docs: docs/cli.md#export-clusters
    """
    chosen = {"min_size": min_size, "cross_outlet": cross_outlet, "min_origins": min_origins}
    with open_existing(ctx, db) as ledger:
        _write(output, "clusters", lambda out: ledger.export_clusters(fmt.value, out, **chosen))
