"""`claimledger ingest`: read, analyse and store documents in the ledger."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..ingest import estimate_documents
from ..ledger import IngestEvent, Ledger
from ._util import (
    DbOption,
    NoCleanOption,
    check_day,
    db_path,
    err_console,
    handle_errors,
    notice,
    settings_of,
)


@handle_errors
def ingest_command(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files (.txt, .html, .json, .jsonl, feeds), folders, or -."),
    ],
    db: DbOption = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", metavar="NAME", help="Outlet for documents that name none.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            callback=check_day,
            help="Publication date for documents that have none.",
        ),
    ] = None,
    no_clean: NoCleanOption = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            metavar="N",
            help="Analysis processes (each loads the model once); this process alone writes.",
        ),
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="local|tcp://HOST:PORT",
            help="Analyse on Dask workers: a local cluster of --workers processes, or a scheduler.",
        ),
    ] = None,
) -> None:
    """Read, analyse and store documents in the ledger.

    Texts already in the ledger are skipped before analysis, so running it again adds
    nothing. Progress and one line per skipped document (with the reason) go to stderr.
    Exit status 1 when a document was skipped. ``--db`` also takes a PostgreSQL URL
    (postgresql://user@host/dbname); ``--workers N`` analyses in N processes, ``--dask``
    on Dask distributed workers.

    Docs: docs/cli.md#ingest
    """
    settings = settings_of(ctx)
    defaults = {k: v for k, v in {"outlet": outlet, "published": published}.items() if v is not None}
    console = err_console()
    with Ledger(db_path(ctx, db), settings=settings) as ledger:
        # a cheap count ahead (files, JSON Lines records, feed items) gives the bar a total and an
        # ETA; stdin cannot be counted, and then the bar shows counts and rate only
        total = estimate_documents(paths)
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingesting[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("", total=total)
            started = time.perf_counter()

            def update(event: IngestEvent) -> None:
                done = event.added + event.duplicates + event.skipped  # finished, not just read
                rate = done / max(time.perf_counter() - started, 1e-9)
                progress.update(
                    task,
                    completed=done if total is None else min(done, total),
                    description=(
                        f"{event.added} added, {event.duplicates} duplicates, {event.skipped} skipped, "
                        f"{rate:.1f} docs/s"
                    ),
                )

            report = ledger.ingest(
                paths,
                clean=not no_clean,
                defaults=defaults or None,
                progress=update,
                workers=workers,
                dask=dask,
            )
        # the store's own name for itself: PostgreSQL URLs come without their password
        path = getattr(ledger.store, "path", ledger.path)
    typer.echo(
        f"{plural(report.seen, 'document')} in {report.seconds:.1f} s: {report.added} added "
        f"({plural(report.claims_added, 'claim')}), {plural(report.duplicates, 'duplicate')}, "
        f"{report.skipped} skipped; ledger {path}"
    )
    for skip in report.skips:
        notice(f"skipped {skip.source_path}: {skip.reason}")
    if report.skipped:
        raise typer.Exit(1)


def plural(n: int, word: str) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
