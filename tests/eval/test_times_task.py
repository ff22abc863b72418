"""Tests for the TempEval-3 times task: TimeML reading and the TempEval-3 timex scores."""

from __future__ import annotations

import pytest

from claimledger.eval.tasks.times import Counts, GoldTimex, SysTimex, metrics_from, read_tml, score_doc

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>\n'
    '<TEXT>\nAT&amp;T <EVENT eid="e1">said</EVENT> on '
    '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> it will wait '
    '<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.\n</TEXT>\n</TimeML>\n'
)


def test_read_tml_strips_tags_and_unescapes() -> None:
    doc = read_tml(TML, "x.tml")
    assert doc.dct == "1998-01-08"
    assert doc.text == "\nAT&T said on Wednesday it will wait two weeks.\n"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Wednesday", "DATE", "1998-01-07"),
        ("two weeks", "DURATION", "P2W"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_read_tml_rejects_non_timeml() -> None:
    with pytest.raises(ValueError, match="TEXT"):
        read_tml("<html>nothing</html>")


def _gold(start: int, end: int, type_: str = "DATE", value: str = "1998-01-07") -> GoldTimex:
    return GoldTimex(start, end, "", type_, value)


def _sys(start: int, end: int, type_: str = "DATE", value: str = "1998-01-07") -> SysTimex:
    return SysTimex(start, end, "", type_, value)


@pytest.mark.parametrize(
    ("gold", "system", "strict_f1", "relaxed_f1", "value_f1"),
    [
        ([_gold(0, 5)], [_sys(0, 5)], 1.0, 1.0, 1.0),
        ([_gold(0, 5)], [_sys(2, 5)], 0.0, 1.0, 1.0),
        ([_gold(0, 5)], [_sys(0, 5, value="1998-01-06")], 1.0, 1.0, 0.0),
        ([_gold(0, 5), _gold(10, 15)], [_sys(0, 5)], 2 / 3, 2 / 3, 2 / 3),
        ([_gold(0, 5)], [_sys(0, 5), _sys(20, 25)], 2 / 3, 2 / 3, 2 / 3),
        ([_gold(0, 5)], [_sys(5, 9)], 0.0, 0.0, 0.0),
    ],
)
def test_metrics_from_tempeval_definitions(
    gold: list[GoldTimex], system: list[SysTimex], strict_f1: float, relaxed_f1: float, value_f1: float
) -> None:
    counts = Counts()
    score_doc(gold, system, counts)
    m = metrics_from(counts)
    assert m["strict_f1"] == pytest.approx(strict_f1)
    assert m["relaxed_f1"] == pytest.approx(relaxed_f1)
    assert m["value_f1"] == pytest.approx(value_f1)


def test_score_doc_pairs_gold_with_largest_overlap() -> None:
    counts = Counts()
    pairs = score_doc([_gold(0, 10)], [_sys(0, 2, "TIME", "x"), _sys(3, 10, "DATE", "1998-01-07")], counts)
    assert pairs[0][1] is not None and pairs[0][1].start == 3
    assert counts.type_ok == 1 and counts.value_ok == 1


def test_metrics_from_type_f1_is_accuracy_times_relaxed_f1() -> None:
    counts = Counts()
    score_doc([_gold(0, 5), _gold(10, 15)], [_sys(0, 5, "TIME"), _sys(10, 15)], counts)
    m = metrics_from(counts)
    assert m["type_accuracy"] == pytest.approx(0.5)
    assert m["type_f1"] == pytest.approx(0.5 * m["relaxed_f1"])
