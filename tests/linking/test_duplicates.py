"""Near-duplicate articles: MinHash signatures and duplicate groups."""

from __future__ import annotations

import pytest
from claimledger_link_builders import BALTIC_TEXT, LAKESIDE_TEXT, MERIDIAN_TEXT, NORTHGATE_TEXT

from claimledger.linking.duplicates import (
    article_signature,
    find_duplicate_groups,
    signature_from_hex,
    signature_to_hex,
)


def sigs(texts: dict[str, str]) -> dict[str, object]:
    out = {}
    for k, v in texts.items():
        sig = article_signature(v)
        assert sig is not None
        out[k] = sig
    return out


def test_article_signature_round_trips_through_hex() -> None:
    sig = article_signature(NORTHGATE_TEXT)
    assert sig is not None
    again = signature_from_hex(signature_to_hex(sig))
    assert again.jaccard(sig) == 1.0


def test_signature_from_hex_rejects_wrong_length() -> None:
    with pytest.raises(ValueError, match="expected"):
        signature_from_hex("00ff")


@pytest.mark.parametrize("text", ["", "  ...  "])
def test_article_signature_none_without_words(text: str) -> None:
    assert article_signature(text) is None


def test_find_duplicate_groups_groups_syndicated_copy_only() -> None:
    groups = find_duplicate_groups(
        sigs({"ng": NORTHGATE_TEXT, "lh": LAKESIDE_TEXT, "md": MERIDIAN_TEXT, "bw": BALTIC_TEXT}),
        order={"ng": "2023-04-20", "lh": "2023-04-21"},
    )
    assert set(groups) == {"ng", "lh"}
    assert groups["ng"] == groups["lh"]


def test_find_duplicate_groups_keeps_existing_group_id() -> None:
    groups = find_duplicate_groups(
        sigs({"ng": NORTHGATE_TEXT, "lh": LAKESIDE_TEXT, "copy": NORTHGATE_TEXT + " Reporting by staff."}),
        existing={"ng": "d-old", "lh": "d-old"},
        new={"copy"},
    )
    assert groups == {"ng": "d-old", "lh": "d-old", "copy": "d-old"}


def test_find_duplicate_groups_id_is_stable_across_input_order() -> None:
    a = find_duplicate_groups(sigs({"ng": NORTHGATE_TEXT, "lh": LAKESIDE_TEXT}))
    b = find_duplicate_groups(dict(reversed(list(sigs({"ng": NORTHGATE_TEXT, "lh": LAKESIDE_TEXT}).items()))))
    assert a == b


def test_signatures_use_the_seeded_permutations() -> None:
    """Signatures built with the shared, drawn-once permutations equal datasketch's own for the
    seed, so signatures stored before (or by another version) still compare."""
    import numpy as np
    from datasketch import MinHash

    from claimledger.linking.duplicates import ARTICLE_NUM_PERM, _shingles

    text = "Russian forces shelled a market in Kherson on Tuesday, killing 12 civilians, officials said."
    ours = article_signature(text)
    assert ours is not None
    plain = MinHash(num_perm=ARTICLE_NUM_PERM, seed=1, scheme="affine32")
    plain.update_batch(_shingles(text))
    assert np.array_equal(ours.hashvalues, plain.hashvalues)
    again = signature_from_hex(signature_to_hex(ours))
    assert again.jaccard(plain) == 1.0
    assert all(np.array_equal(x, y) for x, y in zip(again.permutations, plain.permutations, strict=True))
