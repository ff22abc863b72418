from __future__ import annotations

import pytest

from claimledger.ingest import make_article
from claimledger.model import AnalyzedDocument
from claimledger.nlp.pipeline import analyze_articles

pytestmark = pytest.mark.model

# Written for these tests in the style of the sample article (not copied from it).
TEXT = (
    "Moldova has been a quiet neighbour to Ukraine throughout the war.\n\n"
    "In its Monday update, the Ministry of Defence said that as of early April, Russia had "
    "\"probably moved at least 2,000 troops\" to southern Belarus.\n\n"
    "It continued: \"Although no new convoy has been observed, Russia has highly likely kept the depot open.\"\n\n"
    "Reports from Ukraine also claim that more than 500 Russian soldiers were killed in the last 24 hours.\n\n"
    "The Kremlin denied that its forces had shelled the hospital in Kharkiv.\n\n"
    "He said nothing more."
)


@pytest.fixture(scope="module")
def analysed(nlp) -> AnalyzedDocument:  # type: ignore[no-untyped-def]
    article = make_article(TEXT, outlet="Test Gazette", published="2023-04-14", id="t1")
    return next(analyze_articles([article], nlp=nlp))


def _claim(doc: AnalyzedDocument, phrase: str):  # type: ignore[no-untyped-def]
    hits = [c for c in doc.claims if phrase in c.text]
    assert hits, f"no claim contains {phrase!r}: {[c.text for c in doc.claims]}"
    return hits[0]


def test_claims_outlet_voice_has_chain_of_one(analysed: AnalyzedDocument) -> None:
    c = _claim(analysed, "quiet neighbour")
    assert c.quote == "none"
    assert c.source.name == "Test Gazette"
    assert [a.name for a in c.chain] == ["Test Gazette"]


def test_claims_relayed_source_chain(analysed: AnalyzedDocument) -> None:
    c = _claim(analysed, "2,000 troops")
    assert c.source.name == "UK Ministry of Defence"
    assert [a.name for a in c.chain] == ["Test Gazette", "UK Ministry of Defence"]
    assert c.quote == "mixed"
    assert any(q.low == 2000 and q.high is None for q in c.quantities)


def test_claims_concessive_sentence_splits_in_two(analysed: AnalyzedDocument) -> None:
    first = _claim(analysed, "no new convoy")
    second = _claim(analysed, "kept the depot open")
    assert first.id != second.id
    assert first.stance.negated is True
    assert second.stance.band == "highly likely"
    assert (second.stance.p_low, second.stance.p_high) == (0.8, 0.9)
    assert first.source.name == second.source.name == "UK Ministry of Defence"


def test_claims_denial_is_negated(analysed: AnalyzedDocument) -> None:
    c = _claim(analysed, "shelled the hospital")
    assert c.source.name == "Russian government"
    assert c.stance.negated is True


def test_claims_time_resolved_against_publication(analysed: AnalyzedDocument) -> None:
    c = _claim(analysed, "500 Russian soldiers")
    assert c.quote == "indirect"
    assert any(t.start_date == "2023-04-13" for t in c.times)
    assert any(q.category == "killed" for q in c.quantities)


def test_claims_pronoun_source_never_stays_pronoun(analysed: AnalyzedDocument) -> None:
    assert all(c.source.name.lower() not in {"it", "he", "she", "they"} for c in analysed.claims)


def test_claims_offsets_exact(analysed: AnalyzedDocument) -> None:
    text = analysed.text
    for c in analysed.claims:
        assert text[c.start : c.end] == c.text
        assert text[c.sentence.start : c.sentence.end] == c.sentence.text
        for span in [c.cue, c.source_span, *c.places, *c.times, *c.quantities, *c.entities]:
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_claims_ids_stable(nlp) -> None:  # type: ignore[no-untyped-def]
    article = make_article(TEXT, outlet="Test Gazette", published="2023-04-14", id="t1")
    a = next(analyze_articles([article], nlp=nlp))
    b = next(analyze_articles([article], nlp=nlp))
    assert [c.id for c in a.claims] == [c.id for c in b.claims]


@pytest.mark.parametrize(
    "outlet,kind",
    [("Kremlin", "government"), ("HuffPost UK", "media"), ("Test Gazette", "media"), (None, "media")],
)
def test_outlet_actor_kind_from_lexicon(outlet: str | None, kind: str) -> None:
    from claimledger.nlp.claims import outlet_actor

    assert outlet_actor(outlet).kind == kind
