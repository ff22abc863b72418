"""Tests for claimledger.ingest.language.detect_language."""

from __future__ import annotations

import pytest

from claimledger.ingest import language
from claimledger.ingest.language import MIN_LETTERS, detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The defence ministry said on Friday that its forces had repelled several attacks.", "en"),
        ("Министерство обороны заявило в пятницу, что войска отразили несколько атак у реки.", "ru"),
        ("Le ministère de la Défense a déclaré vendredi que ses forces avaient repoussé des attaques.", "fr"),
        ("Das Ministerium erklärte am Freitag, seine Truppen hätten mehrere Angriffe abgewehrt.", "de"),
    ],
)
def test_detect_language_identifies_language(text: str, code: str) -> None:
    found, probability = detect_language(text)
    assert found == code
    assert 0.5 < probability <= 1.0


@pytest.mark.parametrize("text", ["", "hello", "Привет, мир", "12345 67890 !!!", "a" * (MIN_LETTERS - 1)])
def test_detect_language_short_text_defaults_to_english(text: str) -> None:
    assert detect_language(text) == ("en", 0.0)


def test_detect_language_classifies_at_min_letters() -> None:
    code, probability = detect_language("Привет " * MIN_LETTERS)
    assert code != "en"
    assert probability > 0.0


def test_detect_language_loads_model_once() -> None:
    detect_language("The defence ministry said on Friday that its forces had repelled attacks.")
    assert language._identifier() is language._identifier()
    assert language._identifier.cache_info().currsize == 1
