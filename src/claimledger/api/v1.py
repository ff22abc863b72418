"""The JSON API, version 1 (``/api/v1``): claims, articles, stats, export, analyze, ingest.

Stability: keys of the claim and article objects follow docs/output.md (OUTPUT.md,
schema 1); list endpoints answer ``{"items": [...], "next_cursor": str | null}``;
errors answer ``{"ok": false, "error", "errors", "status"}``. Keys are only added
within v1; a breaking change gets ``/api/v2``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from .. import __version__
from ..errors import InputError, StoreError
from ..ledger import IngestEvent, Ledger, analyze_batch, default_analyzer
from ..model import AnalyzedDocument, Article, Skip
from ..storage import EXPORT_FORMATS
from .errors import APIError
from .exporting import stream_export
from .ingesting import analyze_article, record_article, records_of
from .pagination import DEFAULT_PAGE, MAX_PAGE, decode_cursor, page, page_json
from .security import require_token
from .spans import claim_spans

router = APIRouter(prefix="/api/v1")

QuoteParam = Literal["direct", "indirect", "mixed", "none"]

_MEDIA_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}


def _json(data: Any) -> JSONResponse:
    """The answer as JSON, serialised once with ``json.dumps``.

    Returning the dict itself would send it through FastAPI's ``jsonable_encoder``, which
    walks every value in Python: 15 ms for a page of 50 claims, against 1.5 ms for
    ``json.dumps`` (the values here are already JSON types: they come from stored JSON).
    """
    return JSONResponse(data)


def get_ledger(request: Request) -> Ledger:
    """The app's open ledger (FastAPI dependency)."""
    ledger: Ledger = request.app.state.ledger
    return ledger


LedgerDep = Annotated[Ledger, Depends(get_ledger)]


class ClaimFilters:
    """The claim filters as query parameters (the CLI's ``claims`` options, ``q`` for ``--search``)."""

    def __init__(
        self,
        source: Annotated[str | None, Query(description="Source name contains this (any case).")] = None,
        about: Annotated[
            str | None, Query(description="An entity, event actor/target or source with these words.")
        ] = None,
        place: Annotated[str | None, Query(description="A place named in the claim.")] = None,
        since: Annotated[str | None, Query(description="On or after this date (YYYY[-MM[-DD]]).")] = None,
        until: Annotated[str | None, Query(description="On or before this date (YYYY[-MM[-DD]]).")] = None,
        min_p: Annotated[
            float | None, Query(ge=0.0, le=1.0, description="Stated probability at least this (0-1).")
        ] = None,
        quote: Annotated[QuoteParam | None, Query(description="Quote type.")] = None,
        q: Annotated[
            str | None, Query(description="Full-text search: words in the claim, its sentence or source.")
        ] = None,
        article_id: Annotated[str | None, Query(description="Claims of this article only.")] = None,
    ) -> None:
        self.values: dict[str, Any] = {
            "source": source,
            "about": about,
            "place": place,
            "since": since,
            "until": until,
            "min_p": min_p,
            "quote": quote,
            "search": q,
            "article_id": article_id,
        }

    def given(self) -> dict[str, Any]:
        """The filters that have a value."""
        return {k: v for k, v in self.values.items() if v not in (None, "")}


FiltersDep = Annotated[ClaimFilters, Depends()]
LimitParam = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")]
CursorParam = Annotated[str | None, Query(description="The next_cursor of the previous page.")]


@router.get("", summary="What this API offers")
def api_index(request: Request) -> dict[str, Any]:
    """The version and the endpoint list (the OpenAPI document has the details)."""
    paths = sorted(p for p in request.app.openapi().get("paths", {}) if p.startswith("/api/v1/"))
    return {
        "ok": True,
        "version": __version__,
        "api": "v1",
        "openapi": "/api/v1/openapi.json",
        "endpoints": paths,
    }


@router.get("/claims", summary="Claims matching filters, newest article first")
def list_claims(
    ledger: LedgerDep, filters: FiltersDep, limit: LimitParam = DEFAULT_PAGE, cursor: CursorParam = None
) -> Response:
    """Claims matching every given filter, paged with an opaque cursor."""
    given = filters.given()
    offset = decode_cursor(cursor, given)
    # The stored claims are JSON already: spliced into the answer, never decoded (docs/web.md).
    items = ledger.claims_json(**given, limit=limit + 1, offset=offset)
    return Response(page_json(items, offset=offset, limit=limit, filters=given), media_type="application/json")


@router.get("/claims/{claim_id}", summary="One claim with its located spans and its article")
def get_claim(ledger: LedgerDep, claim_id: str) -> JSONResponse:
    """The claim (by id or unique prefix), every piece of it as offsets, and its article with text."""
    claim = ledger.claim(claim_id)
    article = ledger.article(claim["article_id"])
    return _json({"claim": claim, "spans": claim_spans(claim, article["text"]), "article": article})


@router.get("/articles", summary="Article metadata, newest first")
def list_articles(
    ledger: LedgerDep,
    outlet: Annotated[str | None, Query(description="Outlet name contains this.")] = None,
    since: Annotated[str | None, Query(description="Published on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (YYYY[-MM[-DD]]).")] = None,
    limit: LimitParam = DEFAULT_PAGE,
    cursor: CursorParam = None,
) -> JSONResponse:
    """Articles (no text) with their claim counts, paged with an opaque cursor."""
    given = {k: v for k, v in {"outlet": outlet, "since": since, "until": until}.items() if v}
    offset = decode_cursor(cursor, given)
    items = ledger.articles(**given, limit=limit + 1, offset=offset)
    return _json(page(items, offset=offset, limit=limit, filters=given))


@router.get("/articles/{article_id:path}", summary="One article with its text")
def get_article(ledger: LedgerDep, article_id: str) -> JSONResponse:
    """The article's metadata, provenance, claim count and text (claims: ``GET claims?article_id=``)."""
    return _json(ledger.article(article_id))


@router.get("/stats", summary="Summary counts")
def get_stats(ledger: LedgerDep) -> JSONResponse:
    """Articles, claims, sources, top sources/outlets/places, quote types, date range."""
    return _json(ledger.stats())


@router.get("/export", summary="All matching claims as JSON Lines, CSV or GeoJSON (streamed)")
def export(
    ledger: LedgerDep,
    filters: FiltersDep,
    format: Annotated[
        Literal["jsonl", "csv", "geojson"], Query(description="jsonl, csv or geojson.")
    ] = "jsonl",
) -> StreamingResponse:
    """Every matching claim (no page limit), written as it is read."""
    given = filters.given()
    if format not in EXPORT_FORMATS:  # pragma: no cover - Literal already checks
        raise InputError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    ledger.claims(**given, limit=0)  # malformed filters fail here, before the stream starts
    return StreamingResponse(
        stream_export(ledger, format, given),
        media_type=_MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="claims.{format}"'},
    )


class AnalyzeRequest(BaseModel):
    """One document to analyse: ``text`` or ``html``, with optional metadata."""

    text: str | None = Field(None, description="The article text (plain).")
    html: str | None = Field(None, description="An HTML page; its main text is extracted.")
    published: str | None = Field(None, description="YYYY-MM-DD; relative dates resolve against it.")
    outlet: str | None = Field(None, description="The publishing outlet (start of every chain).")
    title: str | None = None
    url: str | None = None
    id: str | None = None
    clean: bool = Field(True, description="Clean the text first; false keeps offsets on the input.")


@router.post("/analyze", summary="Analyse one document (nothing is stored)")
def analyze(request: Request, body: AnalyzeRequest) -> dict[str, Any]:
    """The ``claimledger analyze`` JSON (OUTPUT.md) of one document. Needs no token: it writes nothing."""
    if not (body.text and body.text.strip()) and not (body.html and body.html.strip()):
        raise InputError('send the document as "text" (plain) or "html"')
    record = body.model_dump(exclude={"clean"}, exclude_none=True)
    if body.text:
        record.pop("html", None)
    article = analyze_article(record, clean=body.clean)
    doc = _analyze_one(request, article)
    return doc.to_dict()


@contextmanager
def analysis_slot(request: Request) -> Iterator[None]:
    """Hold one of the app's analysis slots (analysis is CPU-bound: a few at a time).

    Raises:
        APIError: 503 when no slot frees up within ``app.state.analysis_wait_s`` seconds.
    """
    slots: threading.BoundedSemaphore = request.app.state.analysis_slots
    if not slots.acquire(timeout=request.app.state.analysis_wait_s):
        raise APIError(503, "the server is busy analysing other documents; try again in a minute")
    try:
        yield
    finally:
        slots.release()


def _analyze_one(request: Request, article: Article) -> AnalyzedDocument:
    analyzer = request.app.state.analyzer
    if analyzer is None:
        analyzer = default_analyzer(request.app.state.ledger.settings)
        request.app.state.analyzer = analyzer
    with analysis_slot(request):
        results = list(analyze_batch([article], analyzer))
    for _, result in results:
        if isinstance(result, Skip):
            raise APIError(500, f"{result.reason}; the server log may say more")
        return result
    raise APIError(500, "analysis returned no document")  # pragma: no cover - analyzers yield one per article


@router.post(
    "/ingest",
    summary="Analyse and store documents (needs the write token)",
    dependencies=[Depends(require_token)],
)
def ingest(
    request: Request,
    ledger: LedgerDep,
    body: Annotated[
        Any,
        Body(
            description='{"records": [{"text" or "html", "title", "outlet", "published", "url", "id"}, ...], '
            '"clean": true} or one record object.'
        ),
    ],
) -> dict[str, Any]:
    """Store records as ``claimledger ingest`` stores files; returns what was added and skipped."""
    clean = body.get("clean", True) if isinstance(body, dict) and "records" in body else True
    if not isinstance(clean, bool):
        raise InputError('"clean" must be true or false')
    settings = ledger.settings
    items = [
        record_article(
            record, f"api#{i}", clean=clean, min_language_confidence=settings.min_language_confidence
        )
        for i, record in enumerate(records_of(body))
    ]
    added: list[str] = []

    def progress(event: IngestEvent) -> None:
        if event.kind == "added" and event.article_id:
            added.append(event.article_id)

    with analysis_slot(request):
        report = ledger.add_articles(items, progress=progress)
    return {
        "ok": True,
        "seen": report.seen,
        "added": report.added,
        "duplicates": report.duplicates,
        "skipped": report.skipped,
        "claims_added": report.claims_added,
        "articles": added,
        "skips": [{"source": s.source_path, "reason": s.reason} for s in report.skips],
    }


def source_summaries(ledger: Ledger, limit: int) -> list[dict[str, Any]]:
    """Per source: ``name``, ``kind``, ``claims``, and, once the ledger is linked,
    ``corroborated``/``contradicted`` counts and shares and the Admiralty ``grade``
    (null before ``claimledger link``); most claims first.
    """
    linked: list[dict[str, Any]] = []
    if hasattr(ledger, "sources"):
        try:
            linked = ledger.sources()
        except StoreError:  # a backend that keeps no links: counts only
            linked = []
    if linked:
        return [
            {
                "name": r.get("source"),
                "kind": r.get("kind"),
                "claims": r.get("claims"),
                "corroborated": r.get("corroborated"),
                "contradicted": r.get("contradicted"),
                "corroborated_share": r.get("corroborated_share"),
                "contradicted_share": r.get("contradicted_share"),
                "grade": r.get("grade"),
                "linked": True,
            }
            for r in linked[:limit]
        ]
    empty = dict.fromkeys(
        ("corroborated", "contradicted", "corroborated_share", "contradicted_share", "grade")
    )
    return [{**s, **empty, "linked": False} for s in ledger.top_sources(limit)]


@router.get("/sources", summary="Sources, most claims first, with corroboration once linked")
def list_sources(
    ledger: LedgerDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"How many (at most {MAX_PAGE}).")
    ] = DEFAULT_PAGE,
) -> JSONResponse:
    """Per source: claims, and corroborated/contradicted shares and grade after ``claimledger link``."""
    return _json({"items": source_summaries(ledger, limit), "next_cursor": None})


@router.get("/clusters", summary="Clusters of the same claim across reports (after `claimledger link`)")
def list_clusters(
    ledger: LedgerDep,
    min_size: Annotated[int, Query(ge=1, description="At least this many claims (1 lists singletons).")] = 2,
    cross_outlet: Annotated[
        bool, Query(description="Only clusters reported by two or more outlets.")
    ] = False,
    min_origins: Annotated[int, Query(ge=1, description="At least this many independent origins.")] = 1,
    limit: LimitParam = DEFAULT_PAGE,
    cursor: CursorParam = None,
) -> JSONResponse:
    """Cluster summaries, most independent origins first."""
    given = {"min_size": min_size, "cross_outlet": cross_outlet, "min_origins": min_origins}
    offset = decode_cursor(cursor, given)
    items = ledger.clusters(**given, limit=limit + 1, offset=offset)
    return _json(page(items, offset=offset, limit=limit, filters=given))


@router.get("/clusters/{cluster_id}", summary="One cluster with its claims and their history")
def get_cluster(ledger: LedgerDep, cluster_id: str) -> JSONResponse:
    """The cluster (by id or unique prefix), its claims earliest first, and ``history``."""
    return _json(ledger.cluster(cluster_id))


@router.get("/claims/{claim_id}/history", summary="The reports of a claim's cluster in time order")
def get_history(ledger: LedgerDep, claim_id: str) -> JSONResponse:
    """How the claim travelled and drifted across reports (404 until the ledger is linked)."""
    return _json(ledger.history(claim_id))


@router.get("/contradictions", summary="Pairs of claims that contradict each other")
def list_contradictions(
    ledger: LedgerDep,
    kind: Annotated[
        Literal["polarity", "quantity", "denial", "correction", "responsibility"] | None, Query(description="Only this kind.")
    ] = None,
    limit: LimitParam = DEFAULT_PAGE,
    cursor: CursorParam = None,
) -> JSONResponse:
    """Contradictions with both claims in full, newest first."""
    given = {"kind": kind}
    offset = decode_cursor(cursor, given)
    items = ledger.contradictions(kind=kind, limit=limit + 1, offset=offset)
    return _json(page(items, offset=offset, limit=limit, filters=given))


@router.get("/places", summary="Places named by matching claims, with coordinates and claim counts")
def list_places(ledger: LedgerDep, filters: FiltersDep) -> JSONResponse:
    """Every geocoded place of the matching claims (the web map's twin), most claims first."""
    from ..web.charts import place_points

    points, unplaced = place_points(ledger.iter_claims(**filters.given()))
    items = [
        {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "claims": p.claims} for p in points
    ]
    return _json({"items": items, "next_cursor": None, "claims_without_place": unplaced})


@router.get("/timeline", summary="Claims per day (or month) per source")
def timeline(ledger: LedgerDep, filters: FiltersDep) -> JSONResponse:
    """Counts by the article's publication date (the web timeline's twin)."""
    from ..web.charts import timeline_data

    data = timeline_data(ledger.iter_claims(**filters.given()))
    return _json({
        "unit": data.unit,
        "first": data.first,
        "last": data.last,
        "undated": data.undated,
        "series": [
            {"source": row.label, "total": row.total, "counts": {bucket: n for *_, n, bucket in row.bars}}
            for row in data.rows
        ],
    })
