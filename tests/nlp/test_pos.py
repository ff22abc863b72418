from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimledger.nlp.pos import PosMapper

PATTERNS = [
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}, "index": 0},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "is"}]], "attrs": {"POS": "AUX"}, "index": 0},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}, "index": 0},
    {"patterns": [[{"TAG": "DT", "DEP": {"NOT_IN": ["det"]}}]], "attrs": {"POS": "PRON"}, "index": 0},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"MORPH": "PronType=Art"}, "index": 0},
]


def _doc(words: list[str], tags: list[str], deps: list[str]) -> Doc:
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


def _mapper() -> PosMapper:
    mapper = PosMapper(spacy.blank("en"), "m")
    mapper.add_patterns(PATTERNS)
    return mapper


def test_pos_mapper_later_pattern_wins() -> None:
    doc = _mapper()(_doc(["It", "is", "here"], ["PRP", "VBZ", "RB"], ["nsubj", "ROOT", "advmod"]))
    assert doc[1].pos_ == "AUX"


def test_pos_mapper_multi_token_pattern_sets_indexed_token() -> None:
    doc = _mapper()(_doc(["There", "is", "hope"], ["EX", "VBZ", "NN"], ["expl", "ROOT", "attr"]))
    assert [t.pos_ for t in doc][1:] == ["VERB", "NOUN"]


def test_pos_mapper_not_in_and_patterns_without_pos() -> None:
    doc = _mapper()(_doc(["that", "the", "dog"], ["DT", "DT", "NN"], ["nsubj", "det", "ROOT"]))
    assert doc[0].pos_ == "PRON"
    assert doc[1].pos_ == ""  # only MORPH patterns match: POS left alone


def test_pos_mapper_cache_gives_same_answer_twice() -> None:
    mapper = _mapper()
    first = [t.pos_ for t in mapper(_doc(["He", "runs"], ["PRP", "VBZ"], ["nsubj", "ROOT"]))]
    second = [t.pos_ for t in mapper(_doc(["He", "runs"], ["PRP", "VBZ"], ["nsubj", "ROOT"]))]
    assert first == second == ["", "VERB"]


@pytest.mark.model
def test_pos_mapper_matches_the_model_attribute_ruler() -> None:
    from claimledger.nlp.pipeline import MODEL_CANDIDATES

    for name in MODEL_CANDIDATES:
        try:
            nlp = spacy.load(name, exclude=["lemmatizer"])
            break
        except OSError:
            continue
    mapper = PosMapper(nlp, "m")
    mapper.add_patterns(nlp.get_pipe("attribute_ruler").patterns)
    text = (
        "There are reports that the Kremlin has denied it. What did he say? Nobody knows, but "
        "she had said that they'd been there. It's the one that works; those are hers. "
        "Russia is turning to its ally, and troops were killed near Kyiv on Friday."
    )
    reference = nlp(text)
    expected = [t.pos_ for t in reference]
    with nlp.select_pipes(disable=["attribute_ruler"]):
        doc = nlp(text)
    assert [t.pos_ for t in mapper(doc)] == expected


def test_pos_mapper_cache_does_not_grow_with_vocabulary() -> None:
    mapper = _mapper()
    for i in range(300):
        mapper(_doc([f"word{i}", "runs", f"name{i}"], ["NN", "VBZ", "NN"], ["nsubj", "ROOT", "dobj"]))
    assert len(mapper._cache) < 20
