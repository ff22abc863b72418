"""`claimledger link` and its readers: clusters, cluster, contradictions, sources, history, grade."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.markup import escape

from ._util import DbOption, handle_errors, notice, open_existing, out_console, write_json

#: Claim text longer than this is cut in listings (`show` prints it in full).
_TEXT = 110

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
LimitOption = Annotated[int, typer.Option("--limit", min=0, help="Show at most this many.")]


class ContradictionKind(StrEnum):
    """Kinds of contradiction (``claimledger.linking.compat.CONTRADICTION_KINDS``)."""

    polarity = "polarity"
    quantity = "quantity"
    denial = "denial"
    correction = "correction"
    responsibility = "responsibility"


def _cut(text: str | None, n: int = _TEXT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _print(lines: list[str]) -> None:
    """Rich markup lines, never wrapped (one record per line stays greppable)."""
    console = out_console()
    for line in lines:
        console.print(line, highlight=False, soft_wrap=True)


@handle_errors
def link_command(
    ctx: typer.Context,
    db: DbOption = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Forget earlier clusters and contradictions; link everything again."),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Link claims across articles: near-duplicates, clusters, corroboration, contradictions.

    Only articles and claims not linked before are processed (cluster ids stay);
    --rebuild relinks the whole ledger.

    Docs: docs/cli.md#link
    """
    with open_existing(ctx, db) as ledger:
        report = ledger.link(rebuild=rebuild)
    if as_json:
        write_json(report.to_dict(), pretty=True)
        return
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(report.contradictions.items())) or "none"
    _print(
        [
            f"Linked {report.linked} claims ({report.compared} comparisons) in {report.seconds:.2f} s",
            f"  {report.duplicate_articles} articles in {report.duplicate_groups} near-duplicate groups",
            (
                f"  {report.clusters} clusters of two or more claims: {report.cross_outlet} across outlets, "
                f"{report.corroborated} with two or more independent origins"
            ),
            f"  contradictions: {kinds} ({report.contradictions_found} found now)",
        ]
    )


@handle_errors
def clusters_command(
    ctx: typer.Context,
    db: DbOption = None,
    cross_outlet: Annotated[
        bool, typer.Option("--cross-outlet", help="Only clusters reported by two or more outlets.")
    ] = False,
    min_origins: Annotated[
        int,
        typer.Option(
            "--min-origins", min=1, help="At least this many independent origins (2: corroborated)."
        ),
    ] = 1,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """List clusters of one claim across reports, most independent origins first.

    Docs: docs/cli.md#clusters
    """
    with open_existing(ctx, db) as ledger:
        rows = ledger.clusters(cross_outlet=cross_outlet, min_origins=min_origins, limit=limit)
    if as_json:
        write_json(rows, pretty=True)
        return
    if not rows:
        notice("No clusters; run `claimledger link` first, or relax the filters.")
        return
    _print(
        [
            f"[bold]{escape(r['id'])}[/bold]  {r['origins']} origins, {r['relays']} relays, "
            f"{r['outlets']} outlets  {escape(r['first_seen'] or '-')}  {escape(_cut(r['label']))}"
            for r in rows
        ]
    )


def _history_lines(cluster: dict[str, Any]) -> list[str]:
    e = escape
    lines = [
        (
            f"[bold]cluster[/bold] {e(cluster['id'])}: {cluster['size']} claims, "
            f"{cluster['origins']} independent origins, {cluster['relays']} relays, "
            f"{cluster['outlets']} outlets"
        )
    ]
    for h in cluster["history"]:
        figures = f"  [{e('; '.join(h['quantities']))}]" if h["quantities"] else ""
        dup = f" (copy group {e(h['duplicate_group'])})" if h.get("duplicate_group") else ""
        neg = " (negated)" if h["negated"] else ""
        lines.append(
            f"  {e(h['published'] or '----------')}  {e(h['outlet'] or '-')}{dup}  "
            f'{e(h["source"] or "?")}: "{e(_cut(h["text"]))}"{figures}{neg}  {e(h["claim_id"][:12])}'
        )
    return lines


@handle_errors
def cluster_command(
    ctx: typer.Context,
    cluster_id: Annotated[str, typer.Argument(metavar="ID", help="A cluster id, or a unique start of one.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one cluster: its counts and every report of the claim in time order.

    Docs: docs/cli.md#cluster
    """
    with open_existing(ctx, db) as ledger:
        cluster = ledger.cluster(cluster_id)
    if as_json:
        write_json(cluster, pretty=True)
        return
    _print(_history_lines(cluster))


@handle_errors
def history_command(
    ctx: typer.Context,
    claim_id: Annotated[
        str, typer.Argument(metavar="CLAIM_ID", help="A claim id, or a unique start of one.")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show how a claim was reported over time: its cluster's reports, earliest first.

    Outlet, source, wording and figures of each report, so drift ("at least 1,000"
    becoming "over 1,000") shows.

    Docs: docs/cli.md#history
    """
    with open_existing(ctx, db) as ledger:
        cluster = ledger.history(claim_id)
    if as_json:
        write_json({k: v for k, v in cluster.items() if k != "claims"}, pretty=True)
        return
    _print(_history_lines(cluster))


@handle_errors
def contradictions_command(
    ctx: typer.Context,
    db: DbOption = None,
    kind: Annotated[ContradictionKind | None, typer.Option("--kind", help="Only this kind.")] = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """List pairs of claims that contradict each other (polarity, quantity, denial, correction).

    Docs: docs/cli.md#contradictions
    """
    with open_existing(ctx, db) as ledger:
        rows = ledger.contradictions(kind=kind.value if kind else None, limit=limit)
        unlinked = ledger.store.link_counts()["unlinked"] if not rows else 0  # type: ignore[attr-defined]
    if as_json:
        write_json(rows, pretty=True)
        return
    if not rows:
        what = f"No {kind.value} contradictions" if kind else "No contradictions"
        if unlinked:
            notice(f"{what}; {unlinked} claims are not linked yet: run `claimledger link`.")
        else:
            notice(f"{what} in this ledger.")
        return
    e = escape
    lines = []
    for r in rows:
        lines.append(f"[bold]{e(r['kind'])}[/bold]  {e(r['detail'] or '')}")
        for key in ("claim_a", "claim_b"):
            c = r[key]
            art = c.get("article") or {}
            lines.append(
                f"  {e(c['id'][:12])}  {e(art.get('published') or '-')}  {e(art.get('outlet') or '-')}  "
                f'{e(c["source"]["name"])}: "{e(_cut(c["text"]))}"'
            )
    _print(lines)


@handle_errors
def sources_command(
    ctx: typer.Context,
    db: DbOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Source records: claims made, share corroborated by another origin, share contradicted.

    Docs: docs/cli.md#sources
    """
    with open_existing(ctx, db) as ledger:
        rows = ledger.sources()[:limit]
    if as_json:
        write_json(rows, pretty=True)
        return
    lines = ["  claims  corroborated  contradicted  grade  source"]
    for r in rows:
        g = r.get("grade")
        grade = f"{g['reliability']}{g['credibility']}" if g else "-"
        lines.append(
            f"  {r['claims']:>6}  {r['corroborated_share']:>11.1%}  {r['contradicted_share']:>12.1%}  "
            f"{grade:>5}  {escape(r['source'])} ({escape(r['kind'] or '?')})"
        )
    _print(lines)


@handle_errors
def grade_command(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="The canonical source name.")],
    reliability: Annotated[str, typer.Argument(metavar="RELIABILITY", help="Admiralty reliability, A-F.")],
    credibility: Annotated[int, typer.Argument(metavar="CREDIBILITY", help="Admiralty credibility, 1-6.")],
    db: DbOption = None,
    by: Annotated[str | None, typer.Option("--by", metavar="NAME", help="Who sets the grade.")] = None,
) -> None:
    """Set a source's Admiralty grade (reliability A-F, credibility 1-6); `sources` shows it.

    Docs: docs/cli.md#grade
    """
    with open_existing(ctx, db) as ledger:
        ledger.grade(source, reliability=reliability, credibility=credibility, set_by=by)
    notice(f"{source}: {reliability.upper()}{credibility}")
