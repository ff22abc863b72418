"""The Python API end to end: random Unicode never crashes analyze, and every span's offsets are exact."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimledger
from claimledger.errors import InputError
from claimledger.model import AnalyzedDocument

pytestmark = pytest.mark.model

# News-like fragments mixed with arbitrary Unicode, so the generator reaches the rules (quotes, cues,
# numbers, dates, places) and not only noise.
FRAGMENTS = st.sampled_from([
    "The MoD said", "according to UK intelligence", ' "', '" ', "“", "”", "'", "Kyiv", "Kharkiv", "at least",
    "1,000 troops", "last week", "mid-March", "highly likely", "He said:", "It continued:", "\n\n", ". ",
    "denied that", "Russia", "were killed", "between 200 and 300", "(", ")", "—", "‘special operation’",
])
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(min_size=1, max_size=12)), min_size=1, max_size=25).map("".join)


def _all_spans(doc: AnalyzedDocument) -> list[object]:
    spans: list[object] = [*doc.sentences, *doc.entities, *doc.times, *doc.places, *doc.quantities, *doc.hedges]
    for a in doc.attributions:
        spans += [s for s in (a.source, a.cue, *a.content) if s is not None]
    for c in doc.claims:
        spans += [c, c.sentence, *(s for s in (c.cue, c.source_span) if s is not None)]
        spans += [*c.places, *c.times, *c.quantities, *c.entities]
    return spans


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.booleans())
def test_analyze_random_unicode_never_crashes_and_offsets_exact(text: str, clean: bool) -> None:
    try:
        doc = claimledger.analyze(text, published="2023-03-24", outlet="Test", clean=clean)
    except InputError:
        assert not text.strip() or clean  # only empty (after cleaning) text is refused
        return
    body = doc.text
    for span in _all_spans(doc):
        assert body[span.start : span.end] == span.text  # type: ignore[attr-defined]
    doc.to_dict()  # serialisable


def test_analyze_empty_text_is_a_clear_error() -> None:
    with pytest.raises(InputError):
        claimledger.analyze("   \n ")


def test_analyze_without_published_never_uses_today() -> None:
    doc = claimledger.analyze("Russia attacked the town last week, the MoD said.", outlet="Test")
    assert doc.times and all(t.start_date is None for t in doc.times)


def test_public_api_all_is_complete() -> None:
    for name in claimledger.__all__:
        assert getattr(claimledger, name) is not None
    exported = {n for n in dir(claimledger) if not n.startswith("_")}
    assert {"analyze", "Ledger", "Claim", "AnalyzedDocument"} <= exported | set(claimledger.__all__)


def test_package_docstring_example_runs() -> None:
    import doctest

    failures, tried = doctest.testmod(claimledger, verbose=False)
    assert tried > 0 and failures == 0
