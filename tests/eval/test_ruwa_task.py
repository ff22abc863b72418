"""Tests for the RUWA task: reading the zipped CSV, sampling, sides, purity and the label ceiling."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from claimledger.eval.tasks import ruwa as task
from claimledger.linking.claims import LinkResult
from claimledger.linking.features import features_of

COLUMNS = ["", "Unnamed: 0", "src", "desc", "title", "ref", "Date", "Site", "Event", "KW"]


def row(
    title: str, site: str = "reuters.com", day: str = "04/04/2022", event: str = "bucha"
) -> dict[str, str]:
    return {
        "": "0",
        "Unnamed: 0": "1",
        "src": "",
        "desc": "",
        "title": title,
        "ref": "",
        "Date": day,
        "Site": site,
        "Event": event,
        "KW": "",
    }


def write_zip(path: Path, rows: list[dict[str, str]]) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("__MACOSX/._data.csv", "junk")
        zf.writestr("data.csv", buf.getvalue())
    return path


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Shelling of Kharkiv (01.04.22 19:49) « War in Ukraine | Censor.NET", "Shelling of Kharkiv"),
        ("Macron: Against humiliation (04.06.22 15:17)", "Macron: Against humiliation"),
        ("  Russia says Azovstal siege is over ", "Russia says Azovstal siege is over"),
    ],
)
def test_clean_title_drops_stamp_and_section_trail(title: str, clean: str) -> None:
    assert task.clean_title(title) == clean


@pytest.mark.parametrize(
    ("value", "iso"), [("04/07/2022", "2022-04-07"), ("4/7/2022", "2022-04-07"), ("2022", None)]
)
def test_iso_date_reads_us_dates(value: str, iso: str | None) -> None:
    assert task.iso_date(value) == iso


@pytest.mark.parametrize(
    ("site", "side"),
    [
        ("rt.com", "russian"),
        ("TASS.com", "russian"),
        ("en.news-front.info", "russian"),
        ("www.msnbc.com", "other"),
        ("ukrinform.net", "other"),
        ("aljazeera.com", "other"),
    ],
)
def test_side_of_outlets(site: str, side: str) -> None:
    assert task.side_of(site) == side


def test_read_headlines_skips_untitled_rows_and_macos_member(tmp_path: Path) -> None:
    archive = write_zip(
        tmp_path / "ruwa.zip",
        [
            row("Bodies found in Bucha", event="Bucha"),
            row("", event="bucha"),
            row(
                "Mall hit in Kremenchuk (27.06.22 18:00) « War | Censor.NET",
                "censor.net",
                "06/27/2022",
                "supermarket",
            ),
        ],
    )
    got = task.read_headlines(archive)
    assert got == [
        task.Headline("Bodies found in Bucha", "reuters.com", "2022-04-04", "bucha"),
        task.Headline("Mall hit in Kremenchuk", "censor.net", "2022-06-27", "supermarket"),
    ]


def test_stratified_caps_each_label_and_is_repeatable() -> None:
    heads = [task.Headline(f"t{i}", "bbc.co.uk", None, "bucha" if i % 3 else "sinking") for i in range(30)]
    first = task.stratified(heads, 5)
    assert [h.event for h in first].count("bucha") == 5
    assert [h.event for h in first].count("sinking") == 5
    assert first == task.stratified(heads, 5)
    assert task.stratified(heads, 100) == sorted(heads, key=lambda h: h.event)


def test_stratified_always_keeps_picked_headlines_outside_the_cap() -> None:
    heads = [task.Headline(f"t{i}", "rt.com" if i < 4 else "bbc.co.uk", None, "bucha") for i in range(20)]
    got = task.stratified(heads, 3, always=lambda h: task.side_of(h.site) == "russian")
    assert got[:4] == heads[:4]
    assert len(got) == 7
    assert all(h.site == "bbc.co.uk" for h in got[4:])


@pytest.mark.parametrize(
    ("clusters", "expected", "counted"),
    [
        ([["a", "a", "b"], ["c", "c"]], 4 / 5, 5),
        ([["a", "b"], ["x"]], 1 / 2, 2),  # the singleton is left out
        ([["a"], ["b"]], 1.0, 0),
    ],
)
def test_purity_weighted_by_size(clusters: list[list[str]], expected: float, counted: int) -> None:
    score, n = task.purity(clusters)
    assert score == pytest.approx(expected)
    assert n == counted


def test_label_ceiling_counts_same_day_identical_titles() -> None:
    heads = [
        task.Headline("Moskva sinks", "bbc.co.uk", "2022-04-14", "sinking"),
        task.Headline("moskva sinks", "rt.com", "2022-04-14", "beginning"),
        task.Headline("Moskva sinks", "rt.com", "2022-04-20", "nuclear"),  # another day: its own group
    ]
    assert task.label_ceiling(heads) == (0.5, 2)


def test_cluster_members_groups_by_membership() -> None:
    feats = [
        features_of({"id": f"c{i}", "text": "x", "article_id": f"a{i}"}, article={"id": f"a{i}"})
        for i in range(3)
    ]
    result = LinkResult(memberships={"c0": "k1", "c1": "k1", "c2": "k2"})
    groups = task.cluster_members(feats, result)
    assert {k: [f.id for f in v] for k, v in groups.items()} == {"k1": ["c0", "c1"], "k2": ["c2"]}
