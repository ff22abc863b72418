"""segments: an article cut at span boundaries, concatenating back to the text exactly."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from claimledger.web.highlight import segments

TEXT = "The MoD said Russia likely moved 1,000 troops."


def span(role: str, part: str, claim: str = "c1") -> dict[str, Any]:
    start = TEXT.index(part)
    return {"role": role, "start": start, "end": start + len(part), "text": part, "claim_id": claim}


def test_segments_join_back_to_text() -> None:
    segs = segments(TEXT, [span("source", "The MoD"), span("content", "Russia likely moved 1,000 troops")])
    assert "".join(s.text for s in segs) == TEXT


def test_segments_nest_roles() -> None:
    spans = [
        span("content", "Russia likely moved 1,000 troops"),
        span("hedge", "likely"),
        span("quantity", "1,000 troops"),
    ]
    by_text = {s.text: s.roles for s in segments(TEXT, spans)}
    assert by_text["likely"] == ("content", "hedge")
    assert by_text["1,000 troops"] == ("content", "quantity")
    assert by_text[" moved "] == ("content",)
    assert by_text["The MoD said "] == ()


def test_segments_focus_and_anchor() -> None:
    spans = [
        span("content", "Russia likely moved 1,000 troops", "c1"),
        span("sentence", TEXT, "c1"),
        span("source", "The MoD", "c2"),
    ]
    segs = segments(TEXT, spans, focus="c1")
    content = next(s for s in segs if s.text.startswith("Russia"))
    assert content.focus and content.anchor == "c1" and "focus" in content.css.split()
    assert all(s.focus_sentence for s in segs)
    unfocused = segments(TEXT, spans, focus=None)
    assert not any(s.focus or s.focus_sentence for s in unfocused)  # other claims' sentences are not drawn


def test_segments_drop_bad_offsets_and_hidden_roles() -> None:
    spans = [
        {"role": "place", "start": 5, "end": 500},
        {"role": "entity", "start": 0, "end": 3},
        {"role": "cue", "start": 3, "end": 3},
    ]
    assert [(s.text, s.roles) for s in segments(TEXT, spans)] == [(TEXT, ())]


@given(
    st.lists(
        st.tuples(
            st.integers(0, 46), st.integers(0, 46), st.sampled_from(["content", "source", "cue", "time"])
        ),
        max_size=12,
    )
)
def test_segments_always_rebuild_text(raw: list[tuple[int, int, str]]) -> None:
    spans = [{"role": r, "start": min(a, b), "end": max(a, b), "claim_id": "c"} for a, b, r in raw]
    segs = segments(TEXT, spans)
    assert "".join(s.text for s in segs) == TEXT
    for s in segs:
        assert s.text
