"""The Ledger API: ingest bookkeeping (duplicates, skips, failures, progress) and queries."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.errors import ConfigError, NotFound
from claimledger.ledger import IngestEvent, Ledger, analyze_inputs
from claimledger.model import AnalyzedDocument, Article, Skip
from claimledger.settings import load_settings


def _load_builders():  # type: ignore[no-untyped-def]
    """tests/storage/builders.py, loaded by path (test folders are not packages)."""
    name = "claimledger_test_builders"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / "storage" / "builders.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


builders = _load_builders()


class FakeAnalyzer:
    """Claims the first sentence of each article; raises for articles whose text contains BOOM."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: list[Article]) -> Iterator[AnalyzedDocument]:
        for art in articles:
            self.seen.append(art.id)
            if "BOOM" in art.text:
                raise RuntimeError("tagger exploded")
            first = art.text.split(".")[0].strip()
            yield builders.make_document(
                art, [builders.ClaimSpec(content=first, source=("Tester", "person"))]
            )


def make(text: str, id: str, path: str | None = None) -> Article:  # noqa: A002
    return builders.article(text, id=id, outlet="Test Outlet", published="2024-01-02")


@pytest.fixture
def analyzer() -> FakeAnalyzer:
    return FakeAnalyzer()


@pytest.fixture
def ledger(tmp_path: Path, analyzer: FakeAnalyzer) -> Iterator[Ledger]:
    with Ledger(tmp_path / "l.db", settings=load_settings(batch_size=2), analyzer=analyzer) as ledger:
        yield ledger


def test_add_articles_counts_added_skipped_duplicates(ledger: Ledger) -> None:
    items = [make("One. x", "a1"), Skip("bad.bin", "binary"), make("Two. y", "a2"), make("One. x", "a1-copy")]
    report = ledger.add_articles(items)
    assert (report.seen, report.added, report.duplicates, report.skipped) == (4, 2, 1, 1)
    assert report.skips == [Skip("bad.bin", "binary")]
    assert report.claims_added == 2
    assert report.seconds >= 0


def test_add_articles_again_adds_nothing_and_skips_analysis(ledger: Ledger, analyzer: FakeAnalyzer) -> None:
    items = [make("One. x", "a1"), make("Two. y", "a2"), make("Three. z", "a3")]
    ledger.add_articles(items)
    analyzer.seen.clear()
    report = ledger.add_articles(items)
    assert (report.added, report.duplicates) == (0, 3)
    assert analyzer.seen == []


def test_add_articles_failed_analysis_skips_only_that_document(ledger: Ledger) -> None:
    items = [make("Fine. a", "ok1"), make("BOOM. b", "bad"), make("Fine too. c", "ok2")]
    report = ledger.add_articles(items)
    assert report.added == 2
    assert [s.reason for s in report.skips] == ["analysis failed: RuntimeError: tagger exploded"]
    assert {a["id"] for a in ledger.articles()} == {"ok1", "ok2"}


def test_add_articles_config_error_propagates(tmp_path: Path) -> None:
    def no_model(articles: list[Article]) -> Iterator[AnalyzedDocument]:
        raise ConfigError("no spaCy model")
        yield  # pragma: no cover

    with Ledger(tmp_path / "l.db", analyzer=no_model) as ledger, pytest.raises(ConfigError):
        ledger.add_articles([make("One. x", "a1")])


def test_add_articles_reports_progress(ledger: Ledger) -> None:
    events: list[IngestEvent] = []
    ledger.add_articles(
        [make("One. x", "a1"), Skip("b", "empty"), make("One. x", "a2")], progress=events.append
    )
    assert sorted(e.kind for e in events) == ["added", "duplicate", "skipped"]
    last = max(events, key=lambda e: e.seen + e.added)
    assert (last.added, last.duplicates, last.skipped) == (1, 1, 1)


def test_ingest_reads_folder(tmp_path: Path, ledger: Ledger) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("Officials said the bridge was hit. More text follows here.")
    (folder / "two.txt").write_text("The ministry said troops advanced. Another sentence follows.")
    (folder / "bad.bin").write_bytes(b"\x00\x01\x02" * 200)
    report = ledger.ingest([folder])
    assert (report.seen, report.added, report.skipped) == (3, 2, 1)
    assert ledger.ingest([folder]).added == 0


def test_ledger_queries_delegate_to_store(ledger: Ledger) -> None:
    ledger.store.add_document(builders.document_a())
    claims = ledger.claims(source="ministry")
    assert [c["id"] for c in claims] == ["huffpost-a-32-100"]
    assert ledger.claim("huffpost-a-32-100")["article"]["outlet"] == "HuffPost UK"
    assert ledger.article("huffpost-a")["claims"] == 3
    assert ledger.stats()["claims"] == 3
    out = io.StringIO()
    assert ledger.export("jsonl", out, quote="direct") == 1
    assert json.loads(out.getvalue())["quote"] == "direct"
    with pytest.raises(NotFound):
        ledger.claim("missing")


def test_ledger_path_defaults_to_db_setting(tmp_path: Path) -> None:
    settings = load_settings(db=str(tmp_path / "from-settings.db"))
    with Ledger(settings=settings) as ledger:
        assert ledger.path == str(tmp_path / "from-settings.db")
    assert (tmp_path / "from-settings.db").exists()


def test_analyze_inputs_overrides_metadata(tmp_path: Path, analyzer: FakeAnalyzer) -> None:
    (tmp_path / "a.txt").write_text("Officials said the bridge was hit. More text follows.")
    docs = list(
        analyze_inputs([tmp_path / "a.txt"], overrides={"published": "2020-05-06"}, analyzer=analyzer)
    )
    assert [d.article.published for d in docs] == ["2020-05-06"]


MOD_TEXT = (
    "The UK Ministry of Defence said on Friday that Russia has highly likely deployed troops near Kupyansk."
)


@pytest.mark.model
def test_analyze_text_offsets_exact() -> None:
    from claimledger import analyze

    text = MOD_TEXT
    doc = analyze(text, published="2023-03-24", outlet="HuffPost UK", clean=False)
    assert doc.text == text
    assert doc.article.published == "2023-03-24"
    spans = [*doc.sentences, *doc.entities, *doc.times, *doc.places]
    spans += [c for c in doc.claims] + [c.sentence for c in doc.claims]
    assert spans
    for s in spans:
        assert text[s.start : s.end] == s.text


@pytest.mark.model
def test_ingest_with_model_stores_claims(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MOD_TEXT, encoding="utf-8")
    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest(tmp_path / "a.txt", defaults={"published": "2023-03-24"})
        assert report.added == 1
        assert report.claims_added == ledger.stats()["claims"] > 0
