"""Whether two claims state the same proposition, contradict each other, or are unrelated."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .features import ClaimFeatures, Interval

__all__ = [
    "CONTRADICTION_KINDS",
    "SIM_TYPED",
    "SIM_UNTYPED",
    "TIME_WINDOW_DAYS",
    "Comparison",
    "compare",
    "shares_words",
    "text_similarity",
    "within_window",
]

#: Claims whose dates lie further apart than this are never compared (the task's
#: blocking rule: reports of one event cluster within a month of it).
TIME_WINDOW_DAYS = 30
#: Explicit claim times further apart than this (in days) are different events;
#: one day of slack absorbs "on Tuesday" resolved against different publication days.
TIME_SLACK_DAYS = 1
#: Claims without times of their own are dated by their articles: two such claims
#: published further apart than this (in days) are read as different events (daily
#: reports such as "Russians killed four civilians in Donetsk region" recur with new
#: facts, and casualty tallies grow). Chosen on the RUWA headlines (eval task
#: ``ruwa``): without it, daily reports chained into multi-week clusters (purity
#: 0.72); one event's coverage (the Moskva sinking, the Kremenchuk mall strike)
#: stays within a few days of publication.
IMPLICIT_SLACK_DAYS = 3
#: rapidfuzz token_set_ratio (0-100, on content words, numbers and negation removed)
#: needed when both claims have the same event type and share an actor, place or
#: quantity. Chosen on hand-written re-wordings of wire copy: paraphrases of one
#: claim score 60-100, different claims about the same actors 30-55.
SIM_TYPED = 60.0
#: The same score needed when event types are missing (or one is) and nothing
#: else is shared: only near-verbatim re-reports pass.
SIM_UNTYPED = 85.0
#: The score needed to call a negated and a plain claim one proposition
#: (a contradiction): a false alarm costs more than a missed merge, and on the
#: bundled corpus every polarity pair under 85 was two different statements.
SIM_NEGATION = 85.0
#: token_set_ratio gives 100 when one word set contains the other, so a two-word
#: claim would match any sentence holding its words: at least this many content
#: words must be shared, and this share of the longer claim's words. A third
#: lets a paraphrase add a clause ("..., the ministry said on Telegram") but
#: stops "this will not work in Russia" from matching every claim with "work"
#: and "Russia" in it (seen on the bundled corpus).
MIN_SHARED_WORDS = 2
MIN_SHARED_SHARE = 0.34
#: Categories whose conflicting figures make a contradiction (other quantities,
#: such as durations or unit-less counts, differ too often for harmless reasons).
CONTRADICTABLE = frozenset({"killed", "wounded", "captured", "personnel", "equipment", "money"})

#: A figure stated as a running tally ("toll rises to 13", "as of 09:00",
#: "since the beginning of this day"): two such figures are updates, not a conflict.
_TALLY_UPDATE = re.compile(
    r"\b(?:(?:grow|grew|rise|rose|climb|increase|jump)(?:s|ed|n)?\s+to|reach(?:es|ed)?"
    r"|as of \d{1,2}[:.]\d{2}|since (?:the )?beginning of (?:this |the )?day|up to now)\b",
    re.IGNORECASE,
)
#: A figure counted per day ("killed 1 civilian per day", "over the past day", "in the last 24
#: hours"): one day's count, which another day's may differ from without a conflict.
_DAILY_COUNT = re.compile(
    r"\b(?:per day|a day|daily|(?:over|in|during) the (?:past|last) (?:day|24 hours)|yesterday)\b",
    re.IGNORECASE,
)
#: A negated verb of cognition or emotion ("never forget", "can't imagine",
#: "don't know") negates the attitude, not the event it embeds.
_ATTITUDE_NEGATION = re.compile(
    r"\b(?:never|not|cannot|can't|won't|don't|didn't|doesn't|\w+n't)\s+(?:\w+\s+)?"
    r"(?:forget|imagine|know|remember|believe|understand|comprehend)\b",
    re.IGNORECASE,
)


CONTRADICTION_KINDS: tuple[str, ...] = ("polarity", "quantity", "denial", "correction", "responsibility")


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on a pair of claims.

    ``relation`` is ``same`` (one proposition: link them), ``contradiction``
    (the same proposition with opposite polarity, conflicting figures, a
    denial, a correction, or doers of different sides; ``kind`` says which
    and ``detail`` explains) or ``unrelated``.
    ``score`` is the text similarity (0-100).
    """

    relation: str
    score: float
    kind: str | None = None
    detail: str | None = None


UNRELATED = Comparison("unrelated", 0.0)


def within_window(a: ClaimFeatures, b: ClaimFeatures, days: int = TIME_WINDOW_DAYS) -> bool:
    """Whether two claims are close enough in time to be compared (undated claims always are)."""
    if a.time is None or b.time is None:
        return True
    return _gap(a.time, b.time) <= days


def _gap(x: tuple[int, int], y: tuple[int, int]) -> int:
    """Days between two day intervals (0 when they overlap)."""
    return max(0, max(x[0], y[0]) - min(x[1], y[1]))


def shares_words(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether two claims share enough content words to be compared by text at all.

    When they do not, :func:`text_similarity` is 0 and :func:`compare` calls them unrelated
    whatever else they share (it tests this first).
    """
    sa, sb = a.token_set, b.token_set
    if not sa or not sb:
        return False
    shared = len(sa & sb)
    return not (shared < min(MIN_SHARED_WORDS, len(sa), len(sb)) or shared < MIN_SHARED_SHARE * max(len(sa), len(sb)))


def text_similarity(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """token_set_ratio of the content words, 0 when too few words are shared."""
    return _token_score(a, b) if shares_words(a, b) else 0.0


def _token_score(a: ClaimFeatures, b: ClaimFeatures) -> float:
    return float(fuzz.token_set_ratio(" ".join(a.tokens), " ".join(b.tokens)))


def _overlaps(x: Interval, y: Interval) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


def _quantities(a: ClaimFeatures, b: ClaimFeatures) -> tuple[bool, bool, str | None]:
    """(some figure agrees, some figure disagrees, the first contradicting figure or None).

    Figures of one key (category, and unit where it matters) agree when some
    pair of their intervals overlaps; a disagreement in a category of
    :data:`CONTRADICTABLE` is a contradiction, in another one only a sign
    that the claims are about different things.
    """
    agree = disagree = False
    for key in sorted(a.quantities.keys() & b.quantities.keys()):
        xs, ys = a.quantities[key], b.quantities[key]
        if any(_overlaps(x, y) for x in xs for y in ys):
            agree = True
            continue
        disagree = True
        if key.split(":", 1)[0] in CONTRADICTABLE:
            return agree, disagree, f"{key}: {_show(xs)} vs {_show(ys)}"
    return agree, disagree, None


def _show(intervals: tuple[Interval, ...]) -> str:
    def one(iv: Interval) -> str:
        lo, hi = iv
        if lo == hi:
            return f"{lo:g}"
        if math.isinf(hi):
            return f">={lo:g}"
        if math.isinf(lo):
            return f"<={hi:g}"
        return f"{lo:g}-{hi:g}"

    return ", ".join(one(iv) for iv in intervals)


def _count_different_things(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Both give casualty/force/equipment/money figures, but none of the same kind
    ("lost 1,000 troops" and "lost 50 tanks" are two propositions)."""
    ka = {k for k in a.quantities if k.split(":", 1)[0] in CONTRADICTABLE}
    kb = {k for k in b.quantities if k.split(":", 1)[0] in CONTRADICTABLE}
    return bool(ka and kb and not ka & kb)


def _places_conflict(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Both name places and no name of one contains a name of the other."""
    if not a.places or not b.places or a.places & b.places:
        return False
    return not any(x in y or y in x for x in a.places for y in b.places)


def _side_names(c: ClaimFeatures) -> str:
    return " and ".join(sorted(c.doer_sides))


def _days_apart(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether two claims' articles were published on different days (False when either is undated)."""
    return bool(a.published and b.published and a.published[:10] != b.published[:10])


def _grew(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether every conflicting figure of the later claim lies above the earlier claim's
    figures of that kind, as a running tally's next figure does."""
    later = _later(a, b)
    earlier = a if later is b else b
    grew = False
    for key in earlier.quantities.keys() & later.quantities.keys():
        xs, ys = earlier.quantities[key], later.quantities[key]
        if key.split(":", 1)[0] not in CONTRADICTABLE or any(_overlaps(x, y) for x in xs for y in ys):
            continue
        if min(lo for lo, _ in ys) < max(hi for _, hi in xs):
            return False
        grew = True
    return grew


def _later(a: ClaimFeatures, b: ClaimFeatures) -> ClaimFeatures:
    """The later report of two (publication date, then article and position)."""
    return b if b.order > a.order else a


def _corrects_detail(later: ClaimFeatures, a: ClaimFeatures, b: ClaimFeatures, what: str) -> str:
    earlier = a if later is b else b
    whose = "its own" if later.origin == earlier.origin else f"{earlier.origin_name}'s"
    return f"{later.origin_name} corrects {whose} earlier report ({what})"


def compare(a: ClaimFeatures, b: ClaimFeatures) -> Comparison:
    """Decide whether two claims are one proposition, a contradiction, or unrelated.

    Stages: hard differences that make two propositions distinct (time, place,
    event type) rule a pair out; then evidence that they are about the same
    thing (text similarity, shared actors, places, figures); then the doers'
    sides, polarity and figures decide between ``same`` and ``contradiction``.
    Two affirmative reports of one event whose doers are of different sides
    ("Two Russian missiles hit Kramatorsk railway station" and "Ukrainians hit
    railway station in Kramatorsk with Tochka-U missile") dispute who did it:
    a ``responsibility`` contradiction.

    Args:
        a: one claim's features.
        b: the other's.

    Returns:
        A :class:`Comparison`.
    """
    # 0. too few content words in common: the text score would be 0, and nothing else makes two
    #    claims one proposition (the cheapest test first: at 100k claims seven pairs in ten fail it)
    if not shares_words(a, b):
        return UNRELATED
    # 1. one report nesting another ("I think that X" and "X" in one article) is
    #    one attribution parsed twice: neither corroboration nor contradiction
    if a.article_id == b.article_id and a.start < b.end and b.start < a.end:
        return UNRELATED
    # 2. different events: times apart, places apart, different event types
    if a.explicit_time and b.explicit_time and a.time and b.time and _gap(a.time, b.time) > TIME_SLACK_DAYS:
        return UNRELATED
    if (
        not a.explicit_time
        and not b.explicit_time
        and a.time
        and b.time
        and _gap(a.time, b.time) > IMPLICIT_SLACK_DAYS
    ):
        return UNRELATED
    if _places_conflict(a, b):
        return UNRELATED
    if a.event_type and b.event_type and a.event_type != b.event_type:
        return UNRELATED
    if "question" in (a.modality, b.modality):
        return UNRELATED
    # 3. evidence of one proposition (the shared-words gate passed above)
    score = _token_score(a, b)
    agree, disagree, conflict = _quantities(a, b)
    if (disagree and not conflict) or _count_different_things(a, b):
        return Comparison("unrelated", score)
    shared = bool(a.actors & b.actors or a.places & b.places or agree)
    if a.event_type and a.event_type == b.event_type:
        same_thing = score >= SIM_TYPED and (shared or score >= SIM_UNTYPED)
    else:
        same_thing = score >= SIM_UNTYPED
    if not same_thing:
        return Comparison("unrelated", score)
    # 4. who did it, polarity and figures
    a_neg = a.negated and not _ATTITUDE_NEGATION.search(a.text)
    b_neg = b.negated and not _ATTITUDE_NEGATION.search(b.text)
    if a.doer_sides and b.doer_sides and not a.doer_sides & b.doer_sides:
        if a_neg or b_neg or a.doer_sides & b.target_sides or b.doer_sides & a.target_sides:
            # "Russia did not strike it" beside "Ukraine struck it" agree; "Ukraine shelled
            # Russian positions" and "Russia shelled Ukrainian positions" are two acts
            return Comparison("unrelated", score)
        first, second = sorted((a, b), key=lambda c: c.order)
        return Comparison(
            "contradiction",
            score,
            "responsibility",
            f"{first.origin_name} says the {_side_names(first)} side did it, {second.origin_name} the {_side_names(second)}",
        )
    if a_neg != b_neg:
        # a one-word claim ("There are no problems at all") matches any sentence with
        # its word; a contradiction needs MIN_SHARED_WORDS in common, however short
        if score < SIM_NEGATION or len(a.token_set & b.token_set) < MIN_SHARED_WORDS:
            return Comparison("unrelated", score)
        neg, pos = (a, b) if a_neg else (b, a)
        if (later := _later(a, b)).correction:
            return Comparison("contradiction", score, "correction", _corrects_detail(later, a, b, "negates it"))
        if neg.denial and neg.origin != pos.origin:
            return Comparison(
                "contradiction", score, "denial", f"{neg.origin_name} denies what {pos.origin_name} says"
            )
        return Comparison("contradiction", score, "polarity", "one claim is negated, the other is not")
    if conflict:
        if (later := _later(a, b)).correction:
            # a revised figure ("the ministry revised the toll to 12"): days later too, and
            # whatever tally wording it has; the earlier figure is superseded, not disputed
            return Comparison("contradiction", score, "correction", _corrects_detail(later, a, b, conflict))
        if (
            not (a.explicit_time and b.explicit_time)
            and a.time
            and b.time
            and _gap(a.time, b.time) > TIME_SLACK_DAYS
        ):
            # figures dated only by publication, days apart: a running tally updated
            # ("death toll rises to 30", then "to 48") or another day's count, not two
            # accounts of one fact (next-day reports of one event still conflict)
            return Comparison("unrelated", score)
        if a.origin == b.origin and not (a.explicit_time and b.explicit_time) and _days_apart(a, b) and _grew(a, b):
            # one source's own figure, higher on a later day ("362 children died", the next
            # morning "363"): its tally updated, not a dispute with itself (a tally that
            # shrinks still conflicts; a revision it calls one is a correction, above)
            return Comparison("unrelated", score)
        if (_DAILY_COUNT.search(a.text) or _DAILY_COUNT.search(b.text)) and a.time and b.time and _gap(a.time, b.time) >= 1:
            # a day's count ("killed 1 civilian per day") beside another day's ("killed three
            # civilians yesterday"): daily figures differ from day to day
            return Comparison("unrelated", score)
        if _TALLY_UPDATE.search(a.text) or _TALLY_UPDATE.search(b.text):
            # a running tally restated ("death toll rises to 13", "as of 09:00"): an update
            return Comparison("unrelated", score)
        return Comparison("contradiction", score, "quantity", conflict)
    return Comparison("same", score)
