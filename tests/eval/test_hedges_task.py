"""Tests for the Szeged uncertainty hedge task: XML reading, cue matching and metrics."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.eval.harness import EvalResult
from claimledger.eval.tasks.hedges import (
    TASK,
    Cue,
    CueCounts,
    Sentence,
    cue_metrics,
    cue_type,
    evaluate,
    metrics_of,
    parse_sentence,
    prf,
    read_sentences,
    run,
    score_cues,
)

# A hand-written file in the corpus layout: DOCTYPE naming an absent DTD, inline cues,
# a discontinuous "either ... or" cue, an entity, and a sentence without cues.
XML = """<?xml version="1.0" encoding="UTF-8" standalone="no"?><!DOCTYPE Annotation PUBLIC "-//Uncertainty//DTD  SCOPE ANNOTATION 1.0//EN" "Uncertainty.dtd">
<Annotation><DocumentSet><Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">A_1</DocID>
<DocumentPart type="Text">
<Sentence id="S1.1">The fort <ccue type="speculation_modal_probable_">may</ccue> have burned.</Sentence>
<Sentence id="S1.2">It is <ccue type="speculation_hypo_doxastic _">considered</ccue> lost <ccue type="speculation_hypo_condition _">if</ccue> no one returns.</Sentence>
<Sentence id="S1.3">It was <ccue type="speculation_modal_probable_">either</ccue> fire <ccue type="speculation_modal_probable_">or</ccue> flood &amp; rain.</Sentence>
<Sentence id="S1.4">The gate was rebuilt in 1820.</Sentence>
</DocumentPart></Document></DocumentSet></Annotation>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "wiki.xml"
    path.write_text(XML, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("speculation_modal_probable_", "epistemic"),
        ("speculation_hypo_doxastic _", "doxastic"),
        ("speculation_hypo_condition _", "condition"),
        ("speculation_hypo_investigation _", "investigation"),
    ],
)
def test_cue_type_maps_raw_types(raw: str, name: str) -> None:
    assert cue_type(raw) == name


def test_cue_type_rejects_unknown_type() -> None:
    with pytest.raises(InputError, match="unknown Szeged cue type"):
        cue_type("negation")


def test_read_sentences_text_and_cue_offsets(corpus: Path) -> None:
    sents = read_sentences(corpus)
    assert [s.id for s in sents] == ["S1.1", "S1.2", "S1.3", "S1.4"]
    assert sents[0].text == "The fort may have burned."
    for sent in sents:
        for c in sent.cues:
            assert sent.text[c.start : c.end] in {"may", "considered", "if", "either", "or"}
    second = sents[1]
    assert [(second.text[c.start : c.end], c.type) for c in second.cues] == [
        ("considered", "doxastic"),
        ("if", "condition"),
    ]
    assert sents[3].cues == ()


def test_read_sentences_discontinuous_cue_is_two_pieces(corpus: Path) -> None:
    s = read_sentences(corpus)[2]
    assert s.text == "It was either fire or flood & rain."
    assert [(s.text[c.start : c.end], c.type) for c in s.cues] == [
        ("either", "epistemic"),
        ("or", "epistemic"),
    ]


def test_read_sentences_limit(corpus: Path) -> None:
    assert [s.id for s in read_sentences(corpus, limit=2)] == ["S1.1", "S1.2"]


def test_read_sentences_rejects_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<Annotation><Sentence>oops</Annotation>", encoding="utf-8")
    with pytest.raises(InputError, match="not well-formed"):
        read_sentences(path)


def test_parse_sentence_nested_markup_keeps_offsets() -> None:
    el = ET.fromstring(
        '<Sentence id="x">a <ccue type="speculation_modal_probable_">b <i>c</i></ccue> d</Sentence>'
    )
    s = parse_sentence(el)
    assert s.text == "a b c d"
    assert [(c.start, c.end) for c in s.cues] == [(2, 5)]


CUES = (Cue(4, 7, "epistemic"), Cue(10, 14, "doxastic"), Cue(20, 22, "condition"))


@pytest.mark.parametrize(
    ("predicted", "types", "expected"),
    [
        # exact hit, overlap-only hit (9-12 overlaps 10-14), a miss, a false positive
        ([(4, 7), (9, 12), (30, 33)], None, CueCounts(pred=3, gold=3, exact=1, overlap_pred=2, overlap_gold=2)),
        # nothing predicted
        ([], None, CueCounts(pred=0, gold=3, exact=0, overlap_pred=0, overlap_gold=0)),
        # epistemic only: the doxastic hit is set aside, the false positive still counts
        ([(4, 7), (10, 14), (30, 33)], ("epistemic",), CueCounts(pred=2, gold=1, exact=1, overlap_pred=1, overlap_gold=1)),
        # one wide prediction covering two cues: one exact miss, both cues overlapped
        ([(4, 14)], ("epistemic", "doxastic"), CueCounts(pred=1, gold=2, exact=0, overlap_pred=1, overlap_gold=2)),
        # touching but not overlapping spans do not match
        ([(7, 10)], None, CueCounts(pred=1, gold=3, exact=0, overlap_pred=0, overlap_gold=0)),
    ],
)  # fmt: skip
def test_score_cues_counts(
    predicted: list[tuple[int, int]], types: tuple[str, ...] | None, expected: CueCounts
) -> None:
    assert score_cues(predicted, CUES, types) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((1, 2, 1, 4), (0.5, 0.25, 1 / 3)),
        ((0, 0, 0, 5), (0.0, 0.0, 0.0)),
        ((3, 3, 3, 3), (1.0, 1.0, 1.0)),
    ],
)
def test_prf_values(args: tuple[int, int, int, int], expected: tuple[float, float, float]) -> None:
    assert prf(*args) == pytest.approx(expected)


def test_cue_metrics_keys_and_values() -> None:
    m = cue_metrics(CueCounts(pred=4, gold=5, exact=2, overlap_pred=3, overlap_gold=4), "x_")
    assert m == pytest.approx({
        "x_exact_p": 0.5, "x_exact_r": 0.4, "x_exact_f1": 4 / 9,
        "x_overlap_p": 0.75, "x_overlap_r": 0.8, "x_overlap_f1": 2 * 0.75 * 0.8 / 1.55,
    })  # fmt: skip


def _fake_finder(words: set[str]):
    def find(text: str) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for token in text.split(" "):
            if token.strip(".,") in words:
                spans.append((pos, pos + len(token.strip(".,"))))
            pos += len(token) + 1
        return spans

    return find


def test_evaluate_sentence_level_and_failures() -> None:
    sents = [
        Sentence("a", "It may rain.", (Cue(3, 6, "epistemic"),)),
        Sentence("b", "It is considered safe.", (Cue(6, 16, "doxastic"),)),
        Sentence("c", "Many say it rained.", ()),
        Sentence("d", "It rained.", ()),
    ]
    ev = evaluate(sents, _fake_finder({"may", "Many"}))
    assert ev.sentences == (1, 2, 2)  # right, predicted uncertain, gold uncertain
    assert ev.all == CueCounts(pred=2, gold=2, exact=1, overlap_pred=1, overlap_gold=1)
    assert ev.false_positives == {"FP many": 1}
    assert ev.misses == {"FN considered [doxastic]": 1}
    assert "[[considered]]" in ev.examples["FN considered [doxastic]"]
    m = metrics_of(ev)
    assert m["sentence_p"] == pytest.approx(0.5) and m["sentence_r"] == pytest.approx(0.5)
    assert m["epistemic_exact_r"] == pytest.approx(1.0) and m["doxastic_exact_r"] == pytest.approx(0.0)
    assert m["focus_exact_f1"] == pytest.approx(0.5)


def test_run_on_fixture_corpus(tmp_path: Path) -> None:
    (tmp_path / "szeged_uncertainty").mkdir()
    (tmp_path / "szeged_uncertainty" / "wiki.xml").write_text(XML, encoding="utf-8")
    assert TASK.needs == ("szeged_uncertainty/wiki.xml",)
    result = run(tmp_path, False)
    assert isinstance(result, EvalResult) and result.task == "hedges"
    for key in ("exact_p", "exact_r", "exact_f1", "overlap_p", "overlap_r", "overlap_f1", "sentence_f1"):
        assert 0.0 <= result.metrics[key] <= 1.0
    # find_hedges finds "may" (exact) and "considered" (after "is"): 2 of the 5 gold pieces.
    assert result.metrics["exact_r"] == pytest.approx(2 / 5)
    assert result.metrics["sentence_r"] == pytest.approx(2 / 3)
