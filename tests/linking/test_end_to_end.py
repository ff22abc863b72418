"""End to end with the spaCy model: ingest small multi-outlet texts, link, read the results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.ledger import Ledger

pytestmark = pytest.mark.model

LEAD = "The UK Ministry of Defence said on Thursday that Russia has lost at least 1,000 troops near Bakhmut since Monday."
SHELLING = (
    "Ukrainian officials said Russian forces shelled a market in Kherson on Tuesday, killing 12 civilians."
)
TOWN = (
    "The town has been under heavy fire for more than eight months, and few residents remain in the centre, "
    "where most buildings have been damaged."
)
RECORDS = [
    {"id": "ng", "outlet": "Northgate Post", "published": "2023-04-20", "text": f"{LEAD} {SHELLING} {TOWN}"},
    {
        "id": "lh",
        "outlet": "Lakeside Herald",
        "published": "2023-04-21",
        "text": f"{LEAD} {SHELLING} {TOWN} This article first appeared in the Northgate Post.",
    },
    {
        "id": "md",
        "outlet": "Meridian Dispatch",
        "published": "2023-04-20",
        "text": "Britain's Ministry of Defence said Russia has lost more than 1,000 troops near Bakhmut since Monday.",
    },
    {
        "id": "bw",
        "outlet": "Baltic Wire",
        "published": "2023-04-21",
        "text": "Russia has lost over 1,000 troops near Bakhmut since Monday, the UK Ministry of Defence said. "
        "Russia's defence ministry denied that its forces shelled the market in Kherson.",
    },
]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e")
    (folder / "story.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    path = folder / "l.db"
    with Ledger(path) as ledger:
        assert ledger.ingest(folder / "story.jsonl").added == 4
        ledger.link()
    return path


def test_end_to_end_syndicated_copy_is_one_relay(linked: Path) -> None:
    with Ledger(linked) as ledger:
        report = ledger.link()
        assert report.duplicate_groups == 1 and report.duplicate_articles == 2
        loss = next(c for c in ledger.clusters() if "1,000 troops" in c["label"])
        assert (loss["origins"], loss["relays"], loss["outlets"]) == (1, 3, 4)


def test_end_to_end_denial_found(linked: Path) -> None:
    with Ledger(linked) as ledger:
        denials = ledger.contradictions(kind="denial")
    assert denials
    assert all("bw" in (d["claim_a"]["article"]["id"], d["claim_b"]["article"]["id"]) for d in denials)


def test_end_to_end_history_shows_each_wording(linked: Path) -> None:
    with Ledger(linked) as ledger:
        loss = next(c for c in ledger.clusters() if "1,000 troops" in c["label"])
        figures = {h["outlet"]: h["quantities"] for h in ledger.cluster(loss["id"])["history"]}
    assert figures["Baltic Wire"] == ["over 1,000 troops"]
    assert figures["Meridian Dispatch"] == ["more than 1,000 troops"]
