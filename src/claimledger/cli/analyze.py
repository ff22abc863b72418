"""`claimledger analyze`: print every annotation of each input document (nothing is stored)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from ..ledger import analyze_inputs
from ..model import AnalyzedDocument, Skip
from ._util import (
    NoCleanOption,
    OutletOption,
    PublishedOption,
    handle_errors,
    notice,
    settings_of,
    write_json,
)


class AnalyzeFormat(StrEnum):
    """Output formats of ``analyze``."""

    json = "json"
    jsonl = "jsonl"


@handle_errors
def analyze_command(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="PATH|-", help="Files, folders, or - for stdin.")],
    published: PublishedOption = None,
    outlet: OutletOption = None,
    no_clean: NoCleanOption = False,
    fmt: Annotated[
        AnalyzeFormat,
        typer.Option("--format", help="json: pretty (one object, or a list); jsonl: one per line."),
    ] = AnalyzeFormat.json,
) -> None:
    """Analyse documents and print every annotation as JSON (nothing is stored).

    Prints, per document, the cleaned text with its sentences, entities, times, places,
    quantities, hedges, attributions and claims; offsets index the printed "text".
    --published and --outlet replace the documents' own metadata. Exit status 1 when a
    document was skipped.

    Docs: docs/cli.md#analyze
    """
    docs: list[AnalyzedDocument] = []
    skipped = 0
    items = analyze_inputs(
        paths,
        clean=not no_clean,
        overrides={"published": published, "outlet": outlet},
        settings=settings_of(ctx),
    )
    for item in items:
        if isinstance(item, Skip):
            skipped += 1
            notice(f"skipped {item.source_path}: {item.reason}")
        elif fmt is AnalyzeFormat.jsonl:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            docs.append(item)
    if fmt is AnalyzeFormat.json:
        if len(docs) == 1:
            write_json(docs[0].to_dict(), pretty=True)
        elif docs or not skipped:
            write_json([d.to_dict() for d in docs], pretty=True)
    if skipped:
        raise typer.Exit(1)
