"""`claimledger stats`: what the ledger holds, and queries to try."""

from __future__ import annotations

import shlex
from typing import Annotated, Any

import typer

from ._util import DbOption, handle_errors, open_existing, out_console, write_json


@handle_errors
def stats_command(
    ctx: typer.Context,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as JSON.")] = False,
) -> None:
    """Summarise the ledger and suggest queries to try.

    Articles, claims, top sources, hedged claims, places, quote types and dates, then
    three or four example commands that return something on this ledger.

    Docs: docs/cli.md#stats
    """
    with open_existing(ctx, db) as ledger:
        stats = ledger.stats()
        path = ledger.path
    if as_json:
        write_json(stats, pretty=True)
        return
    console = out_console()
    for line in summary_lines(stats, path):
        console.print(line, highlight=False, markup=False)


def summary_lines(stats: dict[str, Any], path: str) -> list[str]:
    """The stats as plain lines, ending with example commands built from the data."""
    dr = stats["date_range"]
    lines = [f"Ledger {path}"]
    span = f" published {dr['first']} to {dr['last']}" if dr.get("first") else ""
    lines.append(f"  {stats['articles']} articles{span}")
    quotes = ", ".join(f"{n} {q}" for q, n in stats["quotes"].items() if n)
    lines.append(
        f"  {stats['claims']} claims from {stats['sources']} sources" + (f" ({quotes})" if quotes else "")
    )
    lines.append(f"  {stats['hedged_claims']} hedged claims (an estimative term or hedge)")
    if stats["top_sources"]:
        lines.append("Top sources:")
        lines += [f"  {s['claims']:>5}  {s['name']} ({s['kind']})" for s in stats["top_sources"]]
    if stats["top_places"]:
        lines.append("Top places:")
        lines += [
            f"  {p['claims']:>5}  {p['name']}" + (f" ({p['country']})" if p["country"] else "")
            for p in stats["top_places"]
        ]
    if stats["claims"]:
        lines.append("Try:")
        lines += [f"  {q}" for q in example_queries(stats, path)]
    return lines


def example_queries(stats: dict[str, Any], path: str) -> list[str]:
    """Three or four `claimledger` commands that return something on this ledger."""
    db = "" if path == "claimledger.db" else f" --db {shlex.quote(path)}"
    queries = []
    named = [s for s in stats["top_sources"] if s["kind"] not in ("media", "unnamed")] or stats["top_sources"]
    if named:
        queries.append(f"claimledger claims --source {shlex.quote(named[0]['name'])}{db}")
    if stats["top_places"]:
        queries.append(f"claimledger claims --place {shlex.quote(stats['top_places'][0]['name'])}{db}")
    if stats["hedged_claims"]:
        queries.append(f"claimledger claims --min-p 0.5{db}")
    if stats["quotes"].get("direct"):
        queries.append(f"claimledger claims --quote direct --format json{db}")
    queries.append(f"claimledger export --format csv -o claims.csv{db}")
    return queries[:4]
