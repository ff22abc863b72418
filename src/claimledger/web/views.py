"""The workbench pages: claims explorer, article view, sources, map, timeline, API docs.

Every page is rendered on the server with Jinja2 (autoescape on) and works without
JavaScript; ``/static/app.js`` only adds table sorting. Each page links its JSON twin
under ``/api/v1`` (same filters, same data).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import __version__
from ..api.pagination import decode_cursor, encode_cursor
from ..api.spans import claim_spans
from ..api.v1 import source_summaries
from ..errors import InputError
from ..ledger import Ledger
from ..linking.compat import CONTRADICTION_KINDS
from ..storage import QUOTE_TYPES
from .charts import map_data, timeline_data
from .highlight import segments

HERE = Path(__file__).parent
#: Claims per explorer page.
PAGE_SIZE = 50
#: Claims of one article shown in the article view (longer articles list the first ones).
ARTICLE_CLAIMS = 1000
#: Sources on the sources page, and recent claims shown under each.
SOURCES_SHOWN = 50
RECENT_PER_SOURCE = 3

#: "At least" choices for the stated probability: the lower bounds of the UK PHIA yardstick bands.
MIN_P_CHOICES: tuple[tuple[str, str], ...] = (
    ("", "any (hedged or not)"),
    ("0.1", "highly unlikely or more (≥ 10 %)"),
    ("0.25", "unlikely or more (≥ 25 %)"),
    ("0.4", "realistic possibility or more (≥ 40 %)"),
    ("0.55", "likely or more (≥ 55 %)"),
    ("0.8", "highly likely or more (≥ 80 %)"),
    ("0.95", "almost certain (≥ 95 %)"),
)
FILTER_NAMES: tuple[str, ...] = ("q", "source", "about", "place", "since", "until", "min_p", "quote")

_SAFE_SCHEMES = frozenset({"http", "https"})


def safe_url(value: str | None) -> str | None:
    """The URL when it is http(s), else None (never link ``javascript:`` or ``data:`` URLs)."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in _SAFE_SCHEMES else None


def path_part(value: Any) -> str:
    """A value quoted for one URL path segment (``/`` included)."""
    return quote(str(value), safe="")


def with_query(path: str, params: dict[str, Any] | None = None, **changes: Any) -> str:
    """``path?query`` from params updated with changes; empty values are left out."""
    merged = {**(params or {}), **changes}
    pairs = [(k, str(v)) for k, v in merged.items() if v not in (None, "")]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def make_environment() -> Environment:
    """The Jinja2 environment: autoescape for every template, strict undefined names.

    Templates ship inside the package, so they are compiled once and never re-checked:
    ``auto_reload`` would stat every template file on every page (6 % of an article page's
    time under load).
    """
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["path_part"] = path_part
    env.filters["safe_url"] = safe_url
    env.globals.update(with_query=with_query, version=__version__)
    return env


_templates = Jinja2Templates(env=make_environment())


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with the request and the context."""
    return _templates.TemplateResponse(request, name, context, status_code=status)


def render_error(
    request: Request, status: int, message: str, *, headers: dict[str, str] | None = None
) -> Response:
    """The HTML error page (the API answers JSON instead)."""
    return _templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
    )


def _ledger(request: Request) -> Ledger:
    ledger: Ledger = request.app.state.ledger
    return ledger


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def read_filters(request: Request) -> tuple[dict[str, str], dict[str, Any]]:
    """The filter form's values (as typed) and the claim filters they mean.

    Raises:
        InputError: ``min_p`` is not a probability or ``quote`` is not a quote type.
    """
    form = {name: _text(request.query_params.get(name)) or "" for name in FILTER_NAMES}
    filters: dict[str, Any] = {
        "search": form["q"] or None,
        "source": form["source"] or None,
        "about": form["about"] or None,
        "place": form["place"] or None,
        "since": form["since"] or None,
        "until": form["until"] or None,
    }
    if form["min_p"]:
        try:
            filters["min_p"] = float(form["min_p"])
        except ValueError:
            raise InputError(
                f"min_p {form['min_p']!r} is not a number; choose a probability from the list"
            ) from None
    if form["quote"]:
        if form["quote"] not in QUOTE_TYPES:
            raise InputError(f"quote {form['quote']!r} is not one of {', '.join(QUOTE_TYPES)}")
        filters["quote"] = form["quote"]
    return form, {k: v for k, v in filters.items() if v is not None}


def api_query(form: dict[str, str]) -> dict[str, str]:
    """The form values as ``/api/v1`` query parameters (the same names)."""
    return {k: v for k, v in form.items() if v}


def _previous(path: str, params: dict[str, str], offset: int, filters: dict[str, Any]) -> str | None:
    """The previous page's URL (None on the first page)."""
    if offset <= 0:
        return None
    back = offset - PAGE_SIZE
    return with_query(path, params, cursor=encode_cursor(back, filters) if back > 0 else None)


router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def claims_page(request: Request) -> HTMLResponse:
    """The claims explorer: search, filters, a sortable table, pages."""
    ledger = _ledger(request)
    form, filters = read_filters(request)
    cursor = _text(request.query_params.get("cursor"))
    offset = decode_cursor(cursor, filters)
    found = ledger.claims(**filters, limit=PAGE_SIZE + 1, offset=offset)
    more = len(found) > PAGE_SIZE
    params = api_query(form)
    return render(
        request,
        "claims.html",
        form=form,
        claims=found[:PAGE_SIZE],
        offset=offset,
        params=params,
        next_url=with_query("/", params, cursor=encode_cursor(offset + PAGE_SIZE, filters)) if more else None,
        prev_url=_previous("/", params, offset, filters),
        json_url=with_query("/api/v1/claims", params),
        csv_url=with_query("/api/v1/export", params, format="csv"),
        min_p_choices=MIN_P_CHOICES,
        quote_types=QUOTE_TYPES,
        stats=ledger.stats() if not params and not offset else None,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request) -> HTMLResponse:
    """Articles, newest first, with their claim counts."""
    ledger = _ledger(request)
    outlet = _text(request.query_params.get("outlet"))
    filters = {"outlet": outlet} if outlet else {}
    offset = decode_cursor(_text(request.query_params.get("cursor")), filters)
    found = ledger.articles(**filters, limit=PAGE_SIZE + 1, offset=offset)
    more = len(found) > PAGE_SIZE
    return render(
        request,
        "articles.html",
        articles=found[:PAGE_SIZE],
        outlet=outlet or "",
        next_url=with_query("/articles", filters, cursor=encode_cursor(offset + PAGE_SIZE, filters))
        if more
        else None,
        json_url=with_query("/api/v1/articles", filters),
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """One article: its text with every claim's pieces highlighted, and the claims beside it."""
    ledger = _ledger(request)
    article = ledger.article(article_id)
    claims = ledger.claims(article_id=article_id, limit=ARTICLE_CLAIMS)
    claims.sort(key=lambda c: (c.get("start", 0), c.get("end", 0)))
    focus = _text(request.query_params.get("claim"))
    text = article["text"]
    spans = [s for c in claims for s in claim_spans(c, text)]
    return render(
        request,
        "article.html",
        article=article,
        claims=claims,
        focus=focus,
        segments=segments(text, spans, focus=focus),
        json_url=f"/api/v1/articles/{path_part(article_id)}",
    )


@router.get("/claims/{claim_id}")
def claim_page(request: Request, claim_id: str) -> RedirectResponse:
    """A claim's page is its place in the article view."""
    claim = _ledger(request).claim(claim_id)
    url = f"/articles/{path_part(claim['article_id'])}?{urlencode({'claim': claim['id']})}#claim-{path_part(claim['id'])}"
    return RedirectResponse(url, status_code=303)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    """Each source's claim count and its most recent claims."""
    ledger = _ledger(request)
    rows = []
    for source in source_summaries(ledger, SOURCES_SHOWN):
        # The source filter matches names containing the text: keep this source's own claims.
        recent = ledger.claims(source=source["name"], limit=RECENT_PER_SOURCE * 4)
        mine = [c for c in recent if (c.get("source") or {}).get("name") == source["name"]]
        rows.append({**source, "recent": mine[:RECENT_PER_SOURCE]})
    linked = any(r["linked"] for r in rows)
    return render(request, "sources.html", sources=rows, linked=linked, json_url="/api/v1/sources")


def _flag(request: Request, name: str) -> bool:
    return (request.query_params.get(name) or "").strip().lower() in ("1", "true", "on", "yes")


def _count(request: Request, name: str, default: int) -> int:
    """A whole-number query parameter of at least 1.

    Raises:
        InputError: the value is not such a number.
    """
    raw = _text(request.query_params.get(name))
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise InputError(f"{name} {raw!r} is not a whole number of at least 1")
    return int(raw)


@router.get("/clusters", response_class=HTMLResponse)
def clusters_page(request: Request) -> HTMLResponse:
    """The same claim across reports: clusters with their size, origins and outlets."""
    ledger = _ledger(request)
    filters = {
        "min_size": _count(request, "min_size", 2),
        "cross_outlet": _flag(request, "cross_outlet"),
        "min_origins": _count(request, "min_origins", 1),
    }
    offset = decode_cursor(_text(request.query_params.get("cursor")), filters)
    found = ledger.clusters(**filters, limit=PAGE_SIZE + 1, offset=offset)
    params = {k: ("true" if v is True else v) for k, v in filters.items() if v is not False}
    more = len(found) > PAGE_SIZE
    return render(
        request,
        "clusters.html",
        clusters=found[:PAGE_SIZE],
        filters=filters,
        next_url=with_query("/clusters", params, cursor=encode_cursor(offset + PAGE_SIZE, filters))
        if more
        else None,
        json_url=with_query("/api/v1/clusters", params),
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, cluster_id: str) -> HTMLResponse:
    """One cluster: its reports in time order, to see how the claim travelled and drifted."""
    cluster = _ledger(request).cluster(cluster_id)
    return render(
        request, "cluster.html", cluster=cluster, json_url=f"/api/v1/clusters/{path_part(cluster['id'])}"
    )


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions_page(request: Request) -> HTMLResponse:
    """Pairs of claims that contradict each other, with both claims side by side."""
    ledger = _ledger(request)
    kind = _text(request.query_params.get("kind"))
    if kind is not None and kind not in CONTRADICTION_KINDS:
        raise InputError(f"kind {kind!r} is not one of {', '.join(CONTRADICTION_KINDS)}")
    filters = {"kind": kind}
    offset = decode_cursor(_text(request.query_params.get("cursor")), filters)
    found = ledger.contradictions(kind=kind, limit=PAGE_SIZE + 1, offset=offset)
    more = len(found) > PAGE_SIZE
    params = {"kind": kind} if kind else {}
    return render(
        request,
        "contradictions.html",
        contradictions=found[:PAGE_SIZE],
        kind=kind or "",
        kinds=CONTRADICTION_KINDS,
        next_url=with_query("/contradictions", params, cursor=encode_cursor(offset + PAGE_SIZE, filters))
        if more
        else None,
        json_url=with_query("/api/v1/contradictions", params),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    """Claim places as points on an offline equirectangular map (world, or fitted to the points)."""
    ledger = _ledger(request)
    form, filters = read_filters(request)
    fit = request.query_params.get("fit", "1") != "0"
    data = map_data(ledger.iter_claims(**filters), fit=fit)
    params = api_query(form)
    return render(
        request,
        "map.html",
        form=form,
        map=data,
        fit=fit,
        params=params,
        json_url=with_query("/api/v1/places", params),
        geojson_url=with_query("/api/v1/export", params, format="geojson"),
        min_p_choices=MIN_P_CHOICES,
        quote_types=QUOTE_TYPES,
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> HTMLResponse:
    """Claims per day (or month) per source as SVG bars."""
    ledger = _ledger(request)
    form, filters = read_filters(request)
    data = timeline_data(ledger.iter_claims(**filters))
    params = api_query(form)
    return render(
        request,
        "timeline.html",
        form=form,
        timeline=data,
        params=params,
        json_url=with_query("/api/v1/timeline", params),
        min_p_choices=MIN_P_CHOICES,
        quote_types=QUOTE_TYPES,
    )


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API reference, rendered here from the OpenAPI document (no CDN, no Swagger UI)."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary") or "",
                    "description": op.get("description") or "",
                    "parameters": [
                        {
                            "name": p.get("name"),
                            "in": p.get("in"),
                            "required": p.get("required", False),
                            "description": p.get("description") or "",
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": "requestBody" in op,
                }
            )
    return render(request, "docs.html", operations=operations, json_url="/api/v1/openapi.json")


def install_web(app: FastAPI) -> None:
    """Add the pages and ``/static`` to the app."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")


__all__ = ["install_web", "render_error", "safe_url"]
