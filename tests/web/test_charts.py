"""Map and timeline geometry: projection, fitted views, point sizes, per-source buckets."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.web.charts import (
    MAP_HEIGHT,
    MAP_WIDTH,
    View,
    fit_view,
    graticule,
    map_data,
    place_points,
    timeline_data,
)


def claim(source: str, published: str | None, *places: tuple[str, float, float]) -> dict[str, Any]:
    return {
        "source": {"name": source},
        "article": {"published": published},
        "places": [{"name": n, "lat": lat, "lon": lon, "country": "UA"} for n, lat, lon in places],
    }


@pytest.mark.parametrize(
    ("lon", "lat", "x", "y"), [(-180, 90, 0, 0), (180, -90, MAP_WIDTH, MAP_HEIGHT), (0, 0, 480, 240)]
)
def test_world_view_projection(lon: float, lat: float, x: float, y: float) -> None:
    view = View()
    assert (view.x(lon), view.y(lat)) == (x, y)


def test_place_points_count_claims_and_unplaced() -> None:
    claims = [
        claim("A", "2023-01-01", ("Kyiv", 50.45, 30.52)),
        claim("B", "2023-01-02", ("Kyiv", 50.45, 30.52), ("Odesa", 46.48, 30.72)),
        claim("C", "2023-01-02"),
        {"places": [{"name": "Nowhere", "lat": None, "lon": None}]},
    ]
    points, unplaced = place_points(claims)
    assert [(p.name, p.claims) for p in points] == [("Kyiv", 2), ("Odesa", 1)]
    assert unplaced == 2


def test_fit_view_contains_points_with_2_to_1_aspect() -> None:
    points, _ = place_points([claim("A", None, ("Kyiv", 50.45, 30.52), ("Kharkiv", 49.99, 36.23))])
    view = fit_view(points)
    assert view.west < 30.52 and view.east > 36.23 and view.south < 49.99 and view.north > 50.45
    assert (view.east - view.west) == pytest.approx(2 * (view.north - view.south))
    for p in points:
        assert 0 < view.x(p.lon) < MAP_WIDTH and 0 < view.y(p.lat) < MAP_HEIGHT


def test_map_sizes_points_by_count() -> None:
    data = map_data(
        [claim("A", None, ("Kyiv", 50.45, 30.52))] * 4 + [claim("A", None, ("Lviv", 49.84, 24.03))], fit=True
    )
    big, small = data.points
    assert big.r > small.r
    assert data.land, "the basemap has cells near Kyiv"


def test_graticule_lines_inside_view() -> None:
    lines = graticule(View())
    assert ("0°", 480.0, 0.0, 480.0, float(MAP_HEIGHT)) in lines
    assert all(0 <= x1 <= MAP_WIDTH and 0 <= y1 <= MAP_HEIGHT for _, x1, y1, _, _ in lines)


def test_timeline_daily_buckets_per_source() -> None:
    data = timeline_data(
        [
            claim("A", "2023-01-01"),
            claim("A", "2023-01-03"),
            claim("A", "2023-01-03"),
            claim("B", "2023-01-02"),
            claim("B", None),
        ]
    )
    assert data.unit == "day" and (data.first, data.last) == ("2023-01-01", "2023-01-03")
    assert data.undated == 1
    rows = {r.label: {bucket: n for *_, n, bucket in r.bars} for r in data.rows}
    assert rows == {"A": {"2023-01-01": 1, "2023-01-03": 2}, "B": {"2023-01-02": 1}}
    heights = {(r.label, bucket): h for r in data.rows for _, _, h, _, bucket in r.bars}
    assert heights[("A", "2023-01-03")] > heights[("A", "2023-01-01")] == heights[("B", "2023-01-02")]
    xs = {bucket: x for r in data.rows for x, *_, bucket in r.bars}
    assert xs["2023-01-01"] < xs["2023-01-02"] < xs["2023-01-03"]


def test_timeline_months_for_long_ranges_and_other_sources() -> None:
    claims = [claim(f"S{i}", f"2022-{1 + i % 12:02d}-15") for i in range(12)] + [claim("S0", "2023-06-01")]
    data = timeline_data(claims)
    assert data.unit == "month"
    labels = [r.label for r in data.rows]
    assert labels[-1] == "other sources" and len(labels) == 9
    assert sum(r.total for r in data.rows) == 13


def test_timeline_empty() -> None:
    data = timeline_data([claim("A", None)])
    assert data.rows == [] and data.undated == 1
