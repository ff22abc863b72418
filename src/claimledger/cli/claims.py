"""`claimledger claims`: list the stored claims that match filters."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from ..storage import export_claims
from ._util import (
    AboutFilter,
    ClaimFormat,
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
    out_console,
    write_json,
)

#: Claim text longer than this is cut in the table (the full text is in `show`).
_TABLE_TEXT = 160


@handle_errors
def claims_command(
    ctx: typer.Context,
    source: SourceFilter = None,
    about: AboutFilter = None,
    place: PlaceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    min_p: MinPFilter = None,
    quote: QuoteFilter = None,
    search: SearchFilter = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Show at most this many claims.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many claims first.")] = 0,
    db: DbOption = None,
    fmt: Annotated[ClaimFormat, typer.Option("--format", help="table, json (a list), jsonl or csv.")] = (
        ClaimFormat.table
    ),
) -> None:
    """List stored claims that match all the given filters.

    Newest article first. Dates compare with the times a claim mentions when it has
    some, else with the article's publication date.

    Docs: docs/cli.md#claims
    """
    with open_existing(ctx, db) as ledger:
        found = ledger.claims(
            **filters(
                source=source,
                about=about,
                place=place,
                since=since,
                until=until,
                min_p=min_p,
                quote=quote,
                search=search,
            ),
            limit=limit,
            offset=offset,
        )
    if fmt is ClaimFormat.json:
        write_json(found, pretty=True)
    elif fmt is ClaimFormat.jsonl:
        for claim in found:
            sys.stdout.write(json.dumps(claim, ensure_ascii=False) + "\n")
    elif fmt is ClaimFormat.csv:
        export_claims(found, "csv", sys.stdout)
    elif not found:
        notice("No claims match.")
    else:
        out_console().print(claims_table(found))


def claims_table(claims: list[dict[str, Any]]) -> Table:
    """A Rich table: id, date, source, quote and stance, claim text."""
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=20)
    table.add_column("quote · stance", max_width=16)
    table.add_column("claim", ratio=1)
    for claim in claims:
        stance = claim.get("stance") or {}
        band = stance.get("band") or stance.get("modality") or ""
        if stance.get("negated"):
            band = f"not {band}".strip()
        text = claim.get("text") or ""
        if len(text) > _TABLE_TEXT:
            text = text[: _TABLE_TEXT - 1] + "…"
        table.add_row(
            escape(claim.get("id", "")),
            (claim.get("article") or {}).get("published") or "",
            escape((claim.get("source") or {}).get("name") or ""),
            escape(f"{claim.get('quote') or ''} · {band}"),
            escape(text),
        )
    return table
