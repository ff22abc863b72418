"""Tests for the places evaluation task: readers, matching and the Gritta et al. metrics."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimledger.eval.tasks import places as task

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Fire in Paris. Crews from Lyon helped in Nowhere.]]></text>
    <toponyms>
      <toponym><start>8</start><end>13</end><phrase>Paris</phrase>
        <gaztag geonameid="2988507"><lat>48.85</lat><lon>2.35</lon></gaztag></toponym>
      <toponym><start>26</start><end>30</end><phrase>Lyon</phrase>
        <gaztag geonameid="2996944"><lat>45.75</lat><lon>4.85</lon></gaztag></toponym>
      <toponym><start>41</start><end>48</end><phrase>Nowhere</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

# GeoVirus offsets are one too high (1-based); the second location is off by more.
GEOVIRUS_XML = """<articles>
  <article>
    <text>Cases rose in Pandi, Bulacan and in Manila.</text>
    <locations>
      <location><name>Pandi</name><start>15</start><end>20</end><lat>14.87</lat><lon>120.95</lon></location>
      <location><name>Manila</name><start>40</start><end>46</end><lat>14.6</lat><lon>120.98</lon></location>
      <location><name>Cebu</name><start>3</start><end>7</end><lat>10.3</lat><lon>123.9</lon></location>
    </locations>
  </article>
</articles>
"""


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_read_lgl_spans_and_unscored(tmp_path: Path) -> None:
    (art,) = task.read_lgl(_write(tmp_path, "lgl.xml", LGL_XML))
    assert [(t.text, t.lat, t.lon) for t in art.toponyms] == [("Paris", 48.85, 2.35), ("Lyon", 45.75, 4.85)]
    assert all(art.text[t.start : t.end] == t.text for t in art.toponyms)
    assert art.unscored == 1


def test_read_geovirus_corrects_offsets(tmp_path: Path) -> None:
    (art,) = task.read_geovirus(_write(tmp_path, "gv.xml", GEOVIRUS_XML))
    assert [t.text for t in art.toponyms] == ["Pandi", "Manila"]
    assert all(art.text[t.start : t.end] == t.text for t in art.toponyms)
    assert art.unscored == 1  # "Cebu" is not in the text


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((0.0, 0.0), (0.0, 0.0), 0.0), ((0.0, 0.0), (0.0, 180.0), math.pi * task.EARTH_RADIUS_KM),
     ((48.8566, 2.3522), (51.5074, -0.1278), 343.5)],
)
def test_haversine_km_known_distances(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert task.haversine_km(*a, *b) == pytest.approx(km, abs=1.0)


# ln(1 + 20039) / ln(20039): the largest error's height (Gritta et al. normalise by ln(20039)).
_TOP = math.log1p(task.MAX_KM) / math.log(task.MAX_KM)


@pytest.mark.parametrize(
    ("errors", "expected"),
    [([], 0.0), ([0.0, 0.0], 0.0), ([task.MAX_KM, task.MAX_KM], _TOP),
     ([0.0, task.MAX_KM], _TOP / 2), ([10.0], math.log(11.0) / math.log(task.MAX_KM))],
)
def test_error_auc_normalised_area(errors: list[float], expected: float) -> None:
    assert task.error_auc(errors) == pytest.approx(expected)


def test_error_auc_is_order_free() -> None:
    assert task.error_auc([500.0, 1.0, 30.0]) == pytest.approx(task.error_auc([1.0, 30.0, 500.0]))


def test_match_pairs_by_overlap_once() -> None:
    gold = [task.GoldToponym(0, 5, "Paris", 0, 0), task.GoldToponym(10, 14, "Lyon", 0, 0),
            task.GoldToponym(20, 25, "Dijon", 0, 0)]
    pred = [task.Predicted(0, 9, "Paris, TX", 1.0, 1.0), task.Predicted(11, 14, "yon", 2.0, 2.0)]
    pairs = task.match(gold, pred)
    assert [p.text if p else None for _, p in pairs] == ["Paris, TX", "yon", None]


def test_match_uses_a_prediction_once() -> None:
    gold = [task.GoldToponym(0, 3, "New", 0, 0), task.GoldToponym(4, 8, "York", 0, 0)]
    pred = [task.Predicted(0, 8, "New York", 1.0, 1.0)]
    assert [p is not None for _, p in task.match(gold, pred)] == [True, False]


def test_score_article_and_metrics() -> None:
    text = "Paris and Lyon and Nice and Metz"
    art = task.GeoArticle(text, [
        task.GoldToponym(0, 5, "Paris", 48.85, 2.35),    # exact
        task.GoldToponym(10, 14, "Lyon", 45.75, 4.85),   # far (Paris' point)
        task.GoldToponym(19, 23, "Nice", 43.7, 7.27),    # found without coordinates
        task.GoldToponym(28, 32, "Metz", 49.12, 6.18),   # missed
    ])
    pred = [task.Predicted(0, 5, "Paris", 48.85, 2.35), task.Predicted(10, 14, "Lyon", 48.85, 2.35),
            task.Predicted(19, 23, "Nice", None, None)]
    score = task.SetScore()
    task.score_article(art, pred, score, entities=[(28, 40, "ORG")])
    m = task.metrics_of("x", score)
    assert score.gold == 4 and score.matched == 3 and score.unresolved == 1
    assert m["x_found"] == pytest.approx(0.75)
    assert m["x_acc161"] == pytest.approx(0.25)
    assert m["x_acc161_found"] == pytest.approx(1 / 3)
    assert m["x_auc_inv"] == pytest.approx(1 - task.error_auc(score.errors))
    low = task.lower_is_better("x", score)
    assert low["x_mean_km"] == pytest.approx((0.0 + task.haversine_km(45.75, 4.85, 48.85, 2.35) + task.MAX_KM) / 3)
    assert [f.split()[0] for f in score.failures] == ["FAR", "NO", "MISSED"]
    assert score.missed_by == {"in ORG": 1}


def test_score_article_missed_causes() -> None:
    art = task.GeoArticle("Russian troops left Kyiv", [task.GoldToponym(0, 7, "Russian", 50.0, 30.0),
                                                      task.GoldToponym(20, 24, "Kyiv", 50.45, 30.52)])
    score = task.SetScore()
    task.score_article(art, [], score, known={"Kyiv"})
    assert score.missed_by == {"demonym": 1, "untagged": 1}
    assert (score.demonyms, score.demonyms_missed) == (1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Russian", True), ("Palestinians", True), ("Sri Lankan", True), ("Iraqi", True),
     ("Sudan", False), ("Paris", False)],
)
def test_is_demonym_uses_known_names(text: str, expected: bool) -> None:
    assert task.is_demonym(text, {"Sudan", "Paris"}) is expected
