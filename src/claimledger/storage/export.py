"""Write claim dicts as JSON Lines, flat CSV or a GeoJSON FeatureCollection."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..errors import InputError

#: Export formats :func:`export_claims` writes.
EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")
#: Export formats :func:`export_clusters` writes.
CLUSTER_EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv")

#: Cluster CSV columns: the cluster's, then one of its reports' (one row per report, earliest first).
CLUSTER_CSV_COLUMNS: tuple[str, ...] = (
    "cluster_id",
    "label",
    "size",
    "origins",
    "relays",
    "outlets",
    "first_seen",
    "claim_id",
    "published",
    "outlet",
    "article_id",
    "duplicate_group",
    "source",
    "text",
    "quantities",
    "negated",
)

#: CSV columns, in order. Lists (places, times, quantities) are "; "-joined compact strings.
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "outlet",
    "published",
    "source",
    "source_kind",
    "quote",
    "cue",
    "text",
    "band",
    "p_low",
    "p_high",
    "negated",
    "modality",
    "event_type",
    "places",
    "times",
    "quantities",
)


def export_claims(claims: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write claims (OUTPUT.md claim dicts, optionally with ``"article"``) to ``out``.

    Args:
        claims: claim dicts, e.g. from ``Store.iter_claims()``.
        fmt: ``jsonl`` (one claim per line), ``csv`` (flat columns, see
            :data:`CSV_COLUMNS`) or ``geojson`` (one Point feature per claim and
            geocoded place).
        out: a text stream; CSV callers should open files with ``newline=""``.

    Returns:
        The number of claims written.

    Raises:
        InputError: an unknown format.
    """
    if fmt == "jsonl":
        return _jsonl(claims, out)
    if fmt == "csv":
        return _csv(claims, out)
    if fmt == "geojson":
        return _geojson(claims, out)
    raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def _jsonl(claims: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for claim in claims:
        out.write(json.dumps(claim, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(claims: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for claim in claims:
        writer.writerow(csv_row(claim))
        n += 1
    return n


def csv_row(claim: dict[str, Any]) -> dict[str, Any]:
    """One claim as a flat row keyed by :data:`CSV_COLUMNS`."""
    article = claim.get("article") or {}
    stance = claim.get("stance") or {}
    source = claim.get("source") or {}
    cue = claim.get("cue") or {}
    event = claim.get("event") or {}
    return {
        "id": claim.get("id"),
        "article_id": claim.get("article_id"),
        "outlet": article.get("outlet"),
        "published": article.get("published"),
        "source": source.get("name"),
        "source_kind": source.get("kind"),
        "quote": claim.get("quote"),
        "cue": cue.get("text"),
        "text": claim.get("text"),
        "band": stance.get("band"),
        "p_low": stance.get("p_low"),
        "p_high": stance.get("p_high"),
        "negated": stance.get("negated"),
        "modality": stance.get("modality"),
        "event_type": event.get("type"),
        "places": "; ".join(_place(p) for p in claim.get("places") or ()),
        "times": "; ".join(_time(t) for t in claim.get("times") or ()),
        "quantities": "; ".join(_quantity(q) for q in claim.get("quantities") or ()),
    }


def _place(p: dict[str, Any]) -> str:
    """``Kupyansk (UA)``."""
    name = p.get("name") or p.get("text") or ""
    return f"{name} ({p['country']})" if p.get("country") else name


def _time(t: dict[str, Any]) -> str:
    """``last March=2023-03`` (the text, then its resolved value when there is one)."""
    text = t.get("text") or ""
    return f"{text}={t['value']}" if t.get("value") else text


def _quantity(q: dict[str, Any]) -> str:
    """``1,000 troops [personnel]``."""
    text = q.get("text") or ""
    return f"{text} [{q['category']}]" if q.get("category") else text


def _geojson(claims: Iterable[dict[str, Any]], out: TextIO) -> int:
    # Features are written as they come so a large export never sits in memory.
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    first = True
    for claim in claims:
        n += 1
        props = _feature_properties(claim)
        for place in claim.get("places") or ():
            if place.get("lat") is None or place.get("lon") is None:
                continue
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                "properties": props
                | {
                    "place": place.get("name"),
                    "place_text": place.get("text"),
                    "place_kind": place.get("kind"),
                    "country": place.get("country"),
                    "geonameid": place.get("geonameid"),
                },
            }
            out.write(("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
    out.write("\n]}\n")
    return n


def _feature_properties(claim: dict[str, Any]) -> dict[str, Any]:
    row = csv_row(claim)
    props = {k: row[k] for k in CSV_COLUMNS if k not in ("places",)}
    props["claim_id"] = props.pop("id")
    return props


def export_clusters(clusters: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write clusters (``Ledger.cluster()`` dicts: the summary and its ``history``) to ``out``.

    Args:
        clusters: cluster dicts with ``history`` (see ``claimledger.linking.claim_history``).
        fmt: ``jsonl`` (one cluster per line: its summary, ``claim_ids`` and ``history``)
            or ``csv`` (one row per report, see :data:`CLUSTER_CSV_COLUMNS`).
        out: a text stream; CSV callers should open files with ``newline=""``.

    Returns:
        The number of clusters written.

    Raises:
        InputError: an unknown format.
    """
    if fmt not in CLUSTER_EXPORT_FORMATS:
        raise InputError(f"unknown cluster export format {fmt!r}; use one of {', '.join(CLUSTER_EXPORT_FORMATS)}")
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(CLUSTER_CSV_COLUMNS), lineterminator="\n")
        writer.writeheader()
    n = 0
    for cluster in clusters:
        n += 1
        summary = {k: v for k, v in cluster.items() if k not in ("claims", "history")}
        history = cluster.get("history") or []
        if writer is None:
            record = {**summary, "claim_ids": [h["claim_id"] for h in history], "history": history}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        for h in history:
            writer.writerow(
                {
                    "cluster_id": summary.get("id"),
                    "label": summary.get("label"),
                    "size": summary.get("size"),
                    "origins": summary.get("origins"),
                    "relays": summary.get("relays"),
                    "outlets": summary.get("outlets"),
                    "first_seen": summary.get("first_seen"),
                    "claim_id": h.get("claim_id"),
                    "published": h.get("published"),
                    "outlet": h.get("outlet"),
                    "article_id": h.get("article_id"),
                    "duplicate_group": h.get("duplicate_group"),
                    "source": h.get("source"),
                    "text": h.get("text"),
                    "quantities": "; ".join(h.get("quantities") or ()),
                    "negated": h.get("negated"),
                }
            )
    return n
