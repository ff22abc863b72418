"""`claimledger serve`: the JSON API and the web workbench over one ledger."""

from __future__ import annotations

from typing import Annotated

import typer

from ._util import DbOption, db_path, handle_errors, notice, open_existing, settings_of

#: The address served by default: this machine only. Serving other machines is an explicit choice.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: Addresses that only this machine can reach.
LOOPBACK_NAMES: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")


@handle_errors
def serve_command(
    ctx: typer.Context,
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="CLAIMLEDGER_TOKEN",
            show_envvar=True,
            help="Write token: POST /api/v1/ingest needs 'Authorization: Bearer TOKEN'. "
            "Without one, writes are refused.",
        ),
    ] = None,
    read_concurrency: Annotated[
        int | None,
        typer.Option(
            "--read-concurrency",
            min=1,
            help="Page and API reads run at once; others wait their turn, which keeps latency low "
            "under load [default: 4].",
        ),
    ] = None,
) -> None:
    """Serve the ledger: the JSON API under /api/v1 and the web workbench at /.

    Read-only without a token. Binds 127.0.0.1 unless --host says otherwise.

    Docs: docs/cli.md#serve
    """
    try:
        import uvicorn

        from ..api import create_app
    except ImportError as e:
        raise typer.BadParameter(
            f"the web server needs the optional dependencies ({e.name} is missing); "
            "install them with `pip install 'claimledger[web]'`",
            ctx=ctx,
        ) from None
    open_existing(ctx, db).close()  # a missing ledger is a usage error, as for the read commands
    path = db_path(ctx, db)
    settings = settings_of(ctx)
    # On a loopback address only local names may be asked for (no DNS rebinding); a server
    # opened to the network is reached by names this process cannot know.
    allowed = list(LOOPBACK_NAMES) if host in LOOPBACK_NAMES else None
    app = create_app(
        path,
        token=token or None,
        settings=settings,
        max_body_bytes=settings.max_document_bytes,
        allowed_hosts=allowed,
        **({"read_concurrency": read_concurrency} if read_concurrency else {}),
    )
    if host not in LOOPBACK_NAMES:
        notice(f"Serving on {host}: other machines can reach this ledger.")
    notice(f"claimledger: http://{host}:{port}/ (API /api/v1, docs /docs); Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "serve_command"]
