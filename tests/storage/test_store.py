"""The shared Store suite: every backend must pass it (parametrized by the store_factory fixture)."""

from __future__ import annotations

import dataclasses

import pytest
from claimledger_test_builders import (
    ClaimSpec,
    article,
    document_a,
    document_b,
    make_document,
)  # loaded by conftest.py
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.errors import InputError, NotFound
from claimledger.storage import Store


def ids(claims: list[dict]) -> set[str]:
    return {c["id"] for c in claims}


def test_store_implements_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_add_document_round_trips_claims(store: Store) -> None:
    doc = document_a()
    assert store.add_document(doc) is True
    for claim in doc.claims:
        got = store.claim(claim.id)
        assert got.pop("article") == doc.article.to_dict()
        assert got == claim.to_dict()


def test_add_document_round_trips_after_reopen(store_factory) -> None:
    doc = document_b()
    store_factory().add_document(doc)
    again = store_factory()
    assert [c.pop("article") and c for c in again.claims(article_id=doc.article.id)] == [
        c.to_dict() for c in doc.claims
    ]


def test_add_document_twice_is_noop(store: Store) -> None:
    doc = document_a()
    assert store.add_document(doc) is True
    assert store.add_document(doc) is False
    assert store.stats()["articles"] == 1
    assert store.stats()["claims"] == len(doc.claims)


def test_add_document_same_text_other_id_is_duplicate(store: Store) -> None:
    doc = document_a()
    store.add_document(doc)
    renamed = dataclasses.replace(doc, article=dataclasses.replace(doc.article, id="other-id"), claims=())
    assert store.add_document(renamed) is False


def test_add_document_taken_id_with_other_text_raises(store: Store) -> None:
    from claimledger.errors import StoreError

    store.add_document(document_a())
    other = make_document(
        article("Something else entirely.", id="huffpost-a", outlet=None, published=None), []
    )
    with pytest.raises(StoreError, match="already stored"):
        store.add_document(other)


def test_has_content_hash_after_add(store: Store) -> None:
    doc = document_a()
    assert not store.has_content_hash(doc.article.content_hash)
    store.add_document(doc)
    assert store.has_content_hash(doc.article.content_hash)


def test_claims_inline_article(filled: Store) -> None:
    for claim in filled.claims():
        assert claim["article"]["id"] == claim["article_id"]
        assert set(claim["article"]) >= {"id", "title", "outlet", "published", "content_hash"}


def test_claims_newest_article_first(filled: Store) -> None:
    dates = [c["article"]["published"] for c in filled.claims()]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            {},
            {"huffpost-a-32-100", "huffpost-a-127-174", "huffpost-a-177-196", "kyiv-b-0-40", "kyiv-b-70-118"},
        ),
        ({"source": "ministry"}, {"huffpost-a-32-100"}),
        ({"source": "MINISTRY OF DEF"}, {"huffpost-a-32-100"}),
        ({"source": "general staff"}, {"kyiv-b-0-40"}),
        ({"about": "Russia"}, {"huffpost-a-32-100"}),
        ({"about": "russian forces"}, {"kyiv-b-0-40"}),
        ({"about": "Bakhmut"}, {"kyiv-b-0-40"}),
        ({"about": "zelensky"}, {"huffpost-a-177-196"}),
        ({"about": "staff"}, {"kyiv-b-0-40"}),
        ({"about": "us"}, set()),
        ({"place": "kupyansk"}, {"huffpost-a-32-100"}),
        ({"place": "KYIV"}, {"huffpost-a-127-174"}),
        ({"place": "Kupy"}, set()),
        ({"since": "2023-01-01"}, {"huffpost-a-32-100", "huffpost-a-177-196"}),
        ({"since": "2023"}, {"huffpost-a-32-100", "huffpost-a-177-196"}),
        ({"until": "2022-12-31"}, {"huffpost-a-127-174", "kyiv-b-0-40", "kyiv-b-70-118"}),
        ({"until": "2022"}, {"huffpost-a-127-174", "kyiv-b-0-40", "kyiv-b-70-118"}),
        ({"since": "2023-03", "until": "2023-03"}, {"huffpost-a-32-100", "huffpost-a-177-196"}),
        # "last year" (all of 2022) overlaps the day, so the 2023 article's claim matches too
        (
            {"since": "2022-11-02", "until": "2022-11-02"},
            {"huffpost-a-127-174", "kyiv-b-0-40", "kyiv-b-70-118"},
        ),
        ({"since": "2022-11-03", "until": "2022-11-30"}, {"huffpost-a-127-174"}),
        ({"since": "2024-01-01"}, set()),
        ({"min_p": 0.5}, {"huffpost-a-32-100"}),
        ({"min_p": 0.2}, {"huffpost-a-32-100", "kyiv-b-70-118"}),
        ({"min_p": 0.95}, set()),
        ({"quote": "direct"}, {"huffpost-a-177-196"}),
        ({"quote": "mixed"}, set()),
        ({"search": "troops"}, {"huffpost-a-32-100"}),
        ({"search": "UK ministry"}, {"huffpost-a-32-100"}),
        ({"search": "shell*"}, {"kyiv-b-0-40"}),
        ({"search": "analysts"}, {"kyiv-b-70-118"}),
        ({"article_id": "kyiv-b"}, {"kyiv-b-0-40", "kyiv-b-70-118"}),
        ({"source": "ukrainian", "quote": "indirect", "since": "2022"}, {"huffpost-a-127-174"}),
    ],
)
def test_claims_filter(filled: Store, filters: dict, expected: set[str]) -> None:
    assert ids(filled.claims(**filters)) == expected


def test_iter_claims_matches_claims(filled: Store) -> None:
    assert [c["id"] for c in filled.iter_claims(source="a")] == [c["id"] for c in filled.claims(source="a")]


def test_iter_claims_unknown_filter_raises(filled: Store) -> None:
    with pytest.raises(InputError, match="unknown claim filter"):
        list(filled.iter_claims(colour="red"))


@pytest.mark.parametrize(
    "hostile",
    [
        "'; DROP TABLE claims; --",
        '"',
        "NEAR(",
        "*",
        "troops OR",
        "AND",
        '" OR 1=1 --',
        "col:value",
        "^start",
        "a + b - c",
        "(((",
        "\x00",
        "0\x00",  # FTS5 reads queries as C strings (found by hypothesis)
        "ü*",
        "",
        "   ",
    ],
)
def test_claims_search_hostile_strings_never_raise(filled: Store, hostile: str) -> None:
    found = filled.claims(search=hostile)
    assert isinstance(found, list)
    assert filled.stats()["claims"] == 5


def test_claims_search_injection_finds_literal_words_only(filled: Store) -> None:
    assert ids(filled.claims(search="'; DROP TABLE claims; --")) == set()
    assert ids(filled.claims(search='troops"')) == {"huffpost-a-32-100"}


@pytest.mark.parametrize(
    "filters",
    [
        {"since": "March 2023"},
        {"until": "2023-13"},
        {"since": "2023-02-30"},
        {"quote": "partial"},
        {"min_p": 1.5},
        {"min_p": "high"},
        {"limit": -1},
    ],
)
def test_claims_bad_filter_raises_input_error(filled: Store, filters: dict) -> None:
    with pytest.raises(InputError):
        filled.claims(**filters)


def test_claims_limit_and_offset_page(filled: Store) -> None:
    everything = [c["id"] for c in filled.claims()]
    pages = [c["id"] for c in filled.claims(limit=2)] + [c["id"] for c in filled.claims(limit=2, offset=2)]
    pages += [c["id"] for c in filled.claims(limit=2, offset=4)]
    assert pages == everything


def test_claim_by_unique_prefix(filled: Store) -> None:
    assert filled.claim("kyiv-b-70")["id"] == "kyiv-b-70-118"


@pytest.mark.parametrize("claim_id", ["nope", "kyiv-b", "%", "_"])
def test_claim_missing_or_ambiguous_raises_not_found(filled: Store, claim_id: str) -> None:
    with pytest.raises(NotFound):
        filled.claim(claim_id)


def test_article_has_text_and_claim_count(filled: Store) -> None:
    doc = document_a()
    got = filled.article(doc.article.id)
    assert got["text"] == doc.article.text
    assert got["claims"] == 3
    assert got["title"] == "Russia and Belarus"
    assert got["source_path"] == "huffpost-a.txt"


def test_article_missing_raises_not_found(filled: Store) -> None:
    with pytest.raises(NotFound):
        filled.article("missing")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["huffpost-a", "kyiv-b"]),
        ({"outlet": "kyiv"}, ["kyiv-b"]),
        ({"since": "2023"}, ["huffpost-a"]),
        ({"until": "2022-11"}, ["kyiv-b"]),
        ({"limit": 1, "offset": 1}, ["kyiv-b"]),
    ],
)
def test_articles_filter(filled: Store, filters: dict, expected: list[str]) -> None:
    assert [a["id"] for a in filled.articles(**filters)] == expected


def test_stats_counts(filled: Store) -> None:
    stats = filled.stats()
    assert (stats["articles"], stats["claims"], stats["sources"]) == (2, 5, 5)
    assert stats["hedged_claims"] == 2
    assert stats["quotes"] == {"direct": 1, "indirect": 4, "mixed": 0, "none": 0}
    assert stats["date_range"] == {"first": "2022-11-02", "last": "2023-03-24"}
    assert {p["name"] for p in stats["top_places"]} == {"Kupyansk", "Kyiv", "Bakhmut"}
    assert sum(s["claims"] for s in stats["top_sources"]) == 5


def test_stats_empty_store(store: Store) -> None:
    stats = store.stats()
    assert (stats["articles"], stats["claims"], stats["hedged_claims"]) == (0, 0, 0)
    assert stats["date_range"] == {"first": None, "last": None}


def test_claim_text_with_unicode_and_quotes_round_trips(store: Store) -> None:
    text = "Офіс said «ça va» — 10 000 \"troops\" moved; 'it's fine' 🚀."
    art = article(text, id="uni", outlet="Ukr Pravda", published="2023-01-01")
    doc = make_document(
        art, [ClaimSpec(content='«ça va» — 10 000 "troops" moved', source=("Офіс", "government"))]
    )
    store.add_document(doc)
    assert store.claim(doc.claims[0].id)["text"] == doc.claims[0].text
    assert ids(store.claims(source="офіс")) == {doc.claims[0].id}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(min_size=0, max_size=40))
def test_claims_search_any_text_never_raises(filled: Store, query: str) -> None:
    found = filled.claims(
        search=query, source=query[:5] or None, about=query[:7] or None, place=query or None
    )
    assert isinstance(found, list)
