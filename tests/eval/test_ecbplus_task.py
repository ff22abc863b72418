"""Tests for the ECB+ task: coreference scores on hand-made clusters, mention features, clustering."""

from __future__ import annotations

import pytest

from claimledger.eval.tasks import ecbplus as task

KEY = [{"a", "b", "c"}, {"d"}]
SPLIT = [{"a", "b"}, {"c"}, {"d"}]


def test_muc_split_cluster() -> None:
    p, r, f = task.muc(KEY, SPLIT)
    assert (p, r) == (1.0, 0.5)
    assert f == pytest.approx(2 / 3)


def test_b_cubed_split_cluster() -> None:
    p, r, _ = task.b_cubed(KEY, SPLIT)
    assert p == 1.0
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_ceaf_e_split_cluster() -> None:
    p, r, _ = task.ceaf_e(KEY, SPLIT)
    # {a,b,c}~{a,b}: 0.8 and {d}~{d}: 1.0
    assert r == pytest.approx(1.8 / 2)
    assert p == pytest.approx(1.8 / 3)


@pytest.mark.parametrize("metric", [task.muc, task.b_cubed, task.ceaf_e])
def test_metrics_perfect_response_scores_one(metric: object) -> None:
    assert metric(KEY, KEY)[2] == pytest.approx(1.0)  # type: ignore[operator]


def test_conll_f1_is_mean_of_three() -> None:
    s = task.conll_f1(KEY, SPLIT)
    assert s["conll"] == pytest.approx((s["muc"] + s["b3"] + s["ceafe"]) / 3)


def mention(doc: str, m_id: str, tokens: str, sentence: str, chain: str, sent: int = 0) -> dict[str, object]:
    return {
        "doc_id": doc,
        "m_id": m_id,
        "tokens_str": tokens,
        "full_sentence": sentence,
        "coref_chain": chain,
        "topic": "35",
        "sent_id": str(sent),
        "tokens_ids": [3],
        "mention_type": "ACT",
    }


MENTIONS = [
    mention("35_1ecb.xml", "1", "arrested", "Vincent Jackson was arrested Tuesday in San Diego", "A"),
    mention("35_2ecb.xml", "4", "arrested", "San Diego police arrested Vincent Jackson on Tuesday", "A"),
    mention("35_3ecbplus.xml", "7", "arrested", "Police arrested Mark Smith in Boston", "B"),
]


def test_subtopic_separates_ecb_and_ecbplus() -> None:
    assert [task.subtopic_of(m) for m in MENTIONS] == ["35", "35", "35+"]


def test_linking_clusters_join_same_event_and_keep_subtopics_apart() -> None:
    clusters = task.linking_clusters(MENTIONS)
    assert sorted(sorted(c) for c in clusters) == [["35_1ecb.xml:1", "35_2ecb.xml:4"], ["35_3ecbplus.xml:7"]]


def test_lemma_clusters_group_by_trigger_within_subtopic() -> None:
    assert len(task.lemma_clusters(MENTIONS)) == 2


def test_run_scores_on_files(tmp_path: object) -> None:
    import json
    from pathlib import Path

    root = Path(str(tmp_path))
    (root / "ecbplus").mkdir()
    (root / task.MENTIONS).write_text(json.dumps(MENTIONS), encoding="utf-8")
    result = task.run(root, quick=False)
    assert result.metrics["conll_f1"] == pytest.approx(1.0)
    assert 0.0 < result.metrics["lemma_conll_f1"] <= 1.0
