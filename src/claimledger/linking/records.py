"""Read-side views over linked claims: a cluster's history and per-source records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["claim_history", "source_records"]


def claim_history(members: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The reports of one cluster in time order, to show how the claim drifted.

    Args:
        members: the cluster's claim dicts, each with its ``article`` (as the
            store returns them) and optionally ``duplicate_group``.

    Returns:
        One dict per claim, earliest first (undated last): ``claim_id``,
        ``published``, ``outlet``, ``article_id``, ``title``, ``source``,
        ``text``, ``quantities`` (the figures as written), ``negated`` and
        ``duplicate_group``.
    """
    rows = []
    for claim in members:
        article = claim.get("article") or {}
        rows.append(
            {
                "claim_id": claim["id"],
                "published": article.get("published"),
                "outlet": article.get("outlet"),
                "article_id": article.get("id") or claim.get("article_id"),
                "title": article.get("title"),
                "source": (claim.get("source") or {}).get("name"),
                "text": claim.get("text"),
                "quantities": [q.get("text") for q in claim.get("quantities") or ()],
                "negated": bool((claim.get("stance") or {}).get("negated")),
                "duplicate_group": claim.get("duplicate_group"),
                "_start": claim.get("start") or 0,
            }
        )
    rows.sort(
        key=lambda r: (r["published"] is None, r["published"] or "", r["article_id"] or "", r["_start"])
    )
    for r in rows:
        del r["_start"]
    return rows


def source_records(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Per canonical source: claims made, and the shares corroborated and contradicted.

    A claim repeated in near-duplicate articles (the same cluster and report
    unit) counts once.

    Args:
        rows: one per linked claim: ``source`` (name), ``kind``, ``cluster_id``,
            ``unit`` (duplicate group or article id), ``origins`` (independent
            origins of its cluster) and ``contradicted`` (bool).

    Returns:
        Dicts ``source``, ``kind``, ``claims``, ``corroborated``,
        ``contradicted`` (counts), ``corroborated_share`` and
        ``contradicted_share`` (0-1), most claims first.
    """
    seen: set[tuple[str, str, str]] = set()
    table: dict[str, dict[str, Any]] = {}
    for row in rows:
        source = str(row.get("source") or "unknown")
        key = (source, str(row.get("cluster_id")), str(row.get("unit")))
        if key in seen:
            continue
        seen.add(key)
        rec = table.setdefault(
            source,
            {"source": source, "kind": row.get("kind"), "claims": 0, "corroborated": 0, "contradicted": 0},
        )
        rec["claims"] += 1
        rec["corroborated"] += int((row.get("origins") or 0) >= 2)
        rec["contradicted"] += int(bool(row.get("contradicted")))
    out = []
    for rec in table.values():
        n = rec["claims"]
        rec["corroborated_share"] = round(rec["corroborated"] / n, 4) if n else 0.0
        rec["contradicted_share"] = round(rec["contradicted"] / n, 4) if n else 0.0
        out.append(rec)
    out.sort(key=lambda r: (-r["claims"], r["source"]))
    return out
