"""Tests for the events evaluation task: the PETRARCH record reader and root agreement."""

from __future__ import annotations

import pytest

from claimledger.eval.tasks import events as task

RAW = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
# a comment line with <EventCoding...> in it
<Sentences>
<Sentence category="AFP" date="20080804" id="S_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<EventCoding eventcode="190" sourcecode="USA" targetcode="CHN" />
<Text>
The leader
visited &amp; attacked.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse>
<Sentence category="AFP" date="20080806" id="S_2" evaluate="true">
<!-- Discard event -->
<EventCoding noevents="True" />
<Text>
Nothing happened.
</Text>
</Sentence>
<Sentence id="S_3"/>
<EventCoding eventcode="1124" />
<Parse></Parse>
</Sentences>
</Validation>
"""


def test_read_validation_records() -> None:
    records = task.read_validation(RAW)
    assert [r.id for r in records] == ["S_1", "S_2"]  # S_3 has no text
    first, second = records
    assert first.text == "The leader visited & attacked."
    assert first.codes == ("042", "190") and first.roots == frozenset({"04", "19"})
    assert second.codes == () and second.noevents


@pytest.mark.parametrize(("kind", "roots"), [("MEET", {"04"}), ("KILL", {"18", "19", "20"}), (None, set())])
def test_type_roots(kind: str | None, roots: set[str]) -> None:
    assert task.type_roots(kind) == frozenset(roots)


def test_agreement_counts_over_coded_sentences() -> None:
    gold = [
        task.CodedSentence("a", "x", ("042",), False),   # MEET: hit
        task.CodedSentence("b", "x", ("112",), False),   # ASSAULT: miss
        task.CodedSentence("c", "x", ("0841",), False),  # untyped: miss
        task.CodedSentence("d", "x", (), True),          # no events: not counted
    ]
    m = task.agreement(gold, ["MEET", "ASSAULT", None, "KILL"])
    assert m["root_agreement"] == pytest.approx(1 / 3)
    assert m["coverage"] == pytest.approx(2 / 3)
    assert m["precision"] == pytest.approx(1 / 2)


def test_agreement_empty_is_zero() -> None:
    assert task.agreement([], []) == {"root_agreement": 0.0, "coverage": 0.0, "precision": 0.0}
