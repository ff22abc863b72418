"""Tests for the PolNeAR attribution task: BRAT reading, span keys, matching and metrics."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.eval.tasks.attribution import (
    GoldAttribution,
    metrics,
    parse_ann,
    prf,
    read_split,
    score_document,
    span_key,
)

TEXT = 'The mayor said the bridge will reopen. "It is safe," Jo Lee said, "and tested."\n'
#        0         1         2         3         4         5         6         7
#        01234567890123456789012345678901234567890123456789012345678901234567890123456789
ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 37\tthe bridge will reopen\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 53 59\tJo Lee\n"
    "T6\tCue 60 64\tsaid\n"
    "T7\tContent 39 52;66 79\t\"It is safe,\" \"and tested.\"\n"
    "T8\tAttribution 60 64\tsaid\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    "T9\tDiscard 0 3\tThe\n"
)


def test_fixture_offsets_hold() -> None:
    assert TEXT[0:9] == "The mayor" and TEXT[53:59] == "Jo Lee" and TEXT[60:64] == "said"
    assert TEXT[39:52] == '"It is safe,"' and TEXT[66:79] == '"and tested."'


def test_parse_ann_reads_roles_and_discontinuous_content() -> None:
    gold = parse_ann(ANN, TEXT)
    assert len(gold) == 2
    assert gold[0].source == frozenset({(0, 9)})
    assert gold[0].cue == frozenset({(10, 14)})
    assert gold[1].content == frozenset({(39, 52), (66, 79)})


def test_parse_ann_attribution_without_source() -> None:
    ann = "T1\tCue 10 14\tsaid\nT2\tContent 15 37\tx\nE1\tAttribution-no-source:T3 Content:T2 Cue:T1\n"
    (gold,) = parse_ann(ann, TEXT)
    assert gold.source == frozenset() and gold.cue == frozenset({(10, 14)})


def test_parse_ann_rejects_offsets_outside_text() -> None:
    with pytest.raises(ValueError, match="outside"):
        parse_ann("T1\tCue 10 999\tsaid\n", TEXT)


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        ([(14, 20)], {(15, 20)}),  # leading space trimmed
        ([(15, 22), (22, 37)], {(15, 37)}),  # touching pieces joined
        ([(15, 25), (26, 37)], {(15, 37)}),  # only a space between: joined
        ([(39, 52), (66, 79)], {(39, 52), (66, 79)}),  # words between: kept apart
        ([(14, 15)], set()),  # a whitespace-only piece vanishes
    ],
)
def test_span_key_normalises_pieces(pieces: list[tuple[int, int]], expected: set[tuple[int, int]]) -> None:
    assert span_key(TEXT, pieces) == frozenset(expected)


def _attr(text: str, source: list[tuple[int, int]], cue: list[tuple[int, int]], content: list[tuple[int, int]]) -> GoldAttribution:
    return GoldAttribution(span_key(text, source), span_key(text, cue), span_key(text, content))


def test_score_document_exact_match_needs_all_pieces() -> None:
    gold = parse_ann(ANN, TEXT)
    pred = [
        _attr(TEXT, [(0, 9)], [(10, 14)], [(15, 37)]),
        _attr(TEXT, [(53, 59)], [(60, 64)], [(39, 52)]),  # only the first piece of the content
    ]
    score = score_document(TEXT, gold, pred)
    assert (score.counts["source"].tp, score.counts["cue"].tp, score.counts["content"].tp) == (2, 2, 1)
    assert score.missed["content"] == [frozenset({(39, 52), (66, 79)})]
    assert score.spurious["content"] == [frozenset({(39, 52)})]


def test_score_document_matches_one_to_one() -> None:
    gold = parse_ann(ANN, TEXT)
    pred = [_attr(TEXT, [(0, 9)], [], []), _attr(TEXT, [(0, 9)], [], [])]
    c = score_document(TEXT, gold, pred).counts["source"]
    assert (c.tp, c.n_pred, c.n_gold) == (1, 2, 2)


def test_score_document_token_overlap() -> None:
    gold = parse_ann(ANN, TEXT)
    # "the bridge" of "the bridge will reopen": 2 of 4 gold words; the second content is missed
    pred = [_attr(TEXT, [], [], [(15, 25)])]
    c = score_document(TEXT, gold, pred).counts["content"]
    assert c.tok_pred == 2 and c.tok_tp == 2
    # gold tokens: the bridge will reopen (4) + " It is safe , " (6) + " and tested . " (5)
    assert c.tok_gold == 15


@pytest.mark.parametrize(
    ("tp", "n_pred", "n_gold", "expected"),
    [(1, 2, 4, (0.5, 0.25, 1 / 3)), (0, 0, 3, (0.0, 0.0, 0.0)), (3, 3, 3, (1.0, 1.0, 1.0))],
)
def test_prf(tp: int, n_pred: int, n_gold: int, expected: tuple[float, float, float]) -> None:
    assert prf(tp, n_pred, n_gold) == pytest.approx(expected)


def test_metrics_has_every_role_key() -> None:
    gold = parse_ann(ANN, TEXT)
    m = metrics(score_document(TEXT, gold, gold).counts)
    for role in ("source", "cue", "content"):
        assert m[f"{role}_f1"] == 1.0 and m[f"{role}_tok_f1"] == 1.0


def test_read_split_pairs_text_with_first_annotation(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "text" / "b.txt").write_text("No annotation here.\n", encoding="utf-8")
    (tmp_path / "attributions" / "a_0001.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "a_0002.ann").write_text("", encoding="utf-8")
    items = read_split(tmp_path)
    assert [name for name, _, _ in items] == ["a"]
    assert len(items[0][2]) == 2
