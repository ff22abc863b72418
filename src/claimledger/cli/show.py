"""`claimledger show`: one stored claim in full."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from ._util import DbOption, handle_errors, open_existing, out_console, write_json


@handle_errors
def show_command(
    ctx: typer.Context,
    claim_id: Annotated[
        str, typer.Argument(metavar="CLAIM_ID", help="A claim id, or a unique start of one.")
    ],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the claim as JSON.")] = False,
) -> None:
    """Show one claim in full.

    Its source and reporting chain, cue, quote type, stance, event, places, times,
    quantities, article and the sentence it comes from.

    Docs: docs/cli.md#show
    """
    with open_existing(ctx, db) as ledger:
        claim = ledger.claim(claim_id)
    if as_json:
        write_json(claim, pretty=True)
        return
    console = out_console()
    for line in describe(claim):
        console.print(line, highlight=False)


def describe(claim: dict[str, Any]) -> list[str]:
    """The claim as labelled lines of Rich markup."""
    e = escape
    article = claim.get("article") or {}
    source = claim.get("source") or {}
    stance = claim.get("stance") or {}
    event = claim.get("event") or {}
    lines = [f"[bold]claim[/bold] {e(claim['id'])}", f'  "{e(claim["text"])}"']
    src = f"{e(source.get('name') or '?')} ({e(source.get('kind') or '?')})"
    if source.get("span"):
        src += f'  as written: "{e(source["span"]["text"])}"'
    lines.append(f"[bold]source[/bold]      {src}")
    chain = " → ".join(e(a["name"]) for a in claim.get("chain") or ())
    if chain:
        lines.append(f"[bold]chain[/bold]       {chain}")
    cue = claim.get("cue")
    lines.append(f"[bold]cue[/bold]         {e(cue['text']) if cue else '-'}")
    lines.append(f"[bold]quote[/bold]       {e(claim.get('quote') or '-')}")
    st = stance.get("modality") or "asserted"
    if stance.get("term"):
        st += f", {e(stance['term'])}"
        if stance.get("band") and stance["band"] != stance["term"]:
            st += f" ({e(stance['band'])})"
    if stance.get("p_low") is not None:
        st += f", p {stance['p_low']:.2f}-{stance['p_high']:.2f}" if stance.get("p_high") is not None else ""
    if stance.get("negated"):
        st += ", negated"
    lines.append(f"[bold]stance[/bold]      {st}")
    if event.get("type"):
        ev = e(event["type"])
        if event.get("actors") or event.get("targets"):
            actors = ", ".join(event.get("actors") or ["?"])
            targets = ", ".join(event.get("targets") or ["?"])
            ev += f": {e(actors)} → {e(targets)}"
        lines.append(f"[bold]event[/bold]       {ev}")
    places = [
        f"{p.get('name') or p.get('text')}" + (f" ({p['country']})" if p.get("country") else "")
        for p in claim.get("places") or ()
    ]
    if places:
        lines.append(f"[bold]places[/bold]      {e('; '.join(places))}")
    times = [
        f"{t['text']}"
        + (f" = {t['value']}" if t.get("value") else "")
        + (f" [{t['start_date']} .. {t['end_date']}]" if t.get("start_date") else "")
        for t in claim.get("times") or ()
    ]
    if times:
        lines.append(f"[bold]times[/bold]       {e('; '.join(times))}")
    quantities = [
        f"{q['text']}" + (f" [{q['category']}]" if q.get("category") else "")
        for q in claim.get("quantities") or ()
    ]
    if quantities:
        lines.append(f"[bold]quantities[/bold]  {e('; '.join(quantities))}")
    where = ", ".join(x for x in (article.get("outlet"), article.get("published")) if x)
    title = article.get("title") or article.get("id") or ""
    lines.append(f"[bold]article[/bold]     {e(title)}" + (f" ({e(where)})" if where else ""))
    sentence = claim.get("sentence") or {}
    if sentence.get("text"):
        s_text = sentence["text"]
        a, b = claim["start"] - sentence["start"], claim["end"] - sentence["start"]
        if 0 <= a <= b <= len(s_text):
            shown = f"{e(s_text[:a])}[underline]{e(s_text[a:b])}[/underline]{e(s_text[b:])}"
        else:
            shown = e(s_text)
        lines.append(f"[bold]sentence[/bold]    {shown}")
    return lines
