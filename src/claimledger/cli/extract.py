"""`claimledger extract`: print the claims of each input document (nothing is stored)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..ledger import analyze_inputs
from ..model import Skip
from ..storage import export_claims
from ._util import (
    NoCleanOption,
    OutletOption,
    PublishedOption,
    handle_errors,
    notice,
    settings_of,
    write_json,
)


class ExtractFormat(StrEnum):
    """Output formats of ``extract``."""

    jsonl = "jsonl"
    json = "json"
    csv = "csv"


@handle_errors
def extract_command(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="PATH|-", help="Files, folders, or - for stdin.")],
    published: PublishedOption = None,
    outlet: OutletOption = None,
    no_clean: NoCleanOption = False,
    fmt: Annotated[
        ExtractFormat,
        typer.Option("--format", help="jsonl: one claim per line; json: a list; csv: flat columns."),
    ] = ExtractFormat.jsonl,
) -> None:
    """Extract the attributed claims of documents (nothing is stored).

    Prints one claim per line (jsonl), each with its article under "article".
    --published and --outlet replace the documents' own metadata. Exit status 1 when a
    document was skipped.

    Docs: docs/cli.md#extract
    """
    skipped = 0
    items = analyze_inputs(
        paths,
        clean=not no_clean,
        overrides={"published": published, "outlet": outlet},
        settings=settings_of(ctx),
    )

    def claims() -> Iterator[dict[str, Any]]:
        nonlocal skipped
        for item in items:
            if isinstance(item, Skip):
                skipped += 1
                notice(f"skipped {item.source_path}: {item.reason}")
                continue
            article = item.article.to_dict()
            for claim in item.claims:
                yield claim.to_dict() | {"article": article}

    if fmt is ExtractFormat.json:
        write_json(list(claims()), pretty=True)
    elif fmt is ExtractFormat.csv:
        export_claims(claims(), "csv", sys.stdout)
    else:
        for claim in claims():
            sys.stdout.write(json.dumps(claim, ensure_ascii=False) + "\n")
    if skipped:
        raise typer.Exit(1)
