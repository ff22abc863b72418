"""English word tables for time expressions (months, weekdays, units, number words, seasons)."""

from __future__ import annotations

# Month names and their usual abbreviations -> month number. Matching is
# case-sensitive on the capitalised (and all-caps) forms: "may", "march" and
# "august" in lower case are ordinary words, never months.
MONTHS: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip

# Abbreviations are only accepted with a full stop or directly before a day
# number ("Jan. 6", "Sept 2"), so that "Mar" or "Jun" in a name does not match.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6, "Sunday": 7,
}  # fmt: skip

# Number words up to the tens; compounds ("twenty-four") are built from these.
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5, "half": 0.5,
    "another": 1,
}  # fmt: skip

TENS: frozenset[str] = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Time units -> TIMEX3 duration letter and whether it is a time (PT...) unit.
# Decades and centuries are written in years (P40Y), as TimeBank annotates them.
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "year": ("Y", False), "decade": ("Y", False), "century": ("Y", False),
}  # fmt: skip

# Words that state an amount vaguely ("several days", "a few weeks").
VAGUE_AMOUNTS: tuple[str, ...] = (
    "a few", "few", "several", "many", "some", "a matter of", "a number of", "numerous", "recent",
    "coming", "the coming", "the next few", "the past few", "the last few",
)

# TIMEX3 season codes. Seasons are meteorological (see times.py).
SEASONS: dict[str, str] = {"winter": "WI", "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA"}

# Parts of the day -> TIMEX3 codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

# Modifiers in front of a date -> TIMEX3 mod.
DATE_MODIFIERS: dict[str, str] = {
    "early": "START", "beginning": "START", "start": "START", "dawn": "START",
    "mid": "MID", "middle": "MID",
    "late": "END", "end": "END", "close": "END",
    "around": "APPROX", "about": "APPROX", "approximately": "APPROX", "circa": "APPROX",
    "roughly": "APPROX",
}  # fmt: skip

# Modifiers in front of a duration -> TIMEX3-style mod (limited to the model's set).
DURATION_MODIFIERS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "APPROX",
    "more than": "AFTER", "over": "AFTER", "at least": "AFTER",
    "less than": "BEFORE", "under": "BEFORE", "up to": "BEFORE", "at most": "BEFORE",
    "fewer than": "BEFORE",
}  # fmt: skip

# Past-tense words (besides regular "-ed" forms) that rule out a future reading.
PAST_CUES: tuple[str, ...] = (
    "was", "were", "had", "did", "left", "began", "took", "came", "went", "fell", "fought",
    "struck", "saw", "met", "held", "won", "lost", "made", "gave", "sent", "brought", "ran", "shot",
    "overran", "withdrew", "hit", "seized", "ago", "last",
)

# Words that signal a future reading of an unanchored weekday, month or day.
FUTURE_CUES: tuple[str, ...] = (
    "will", "'ll", "shall", "going to", "plans to", "plan to", "planned", "scheduled", "expected to",
    "due to", "set to", "is to", "are to", "upcoming", "as early as", "as soon as", "expects to", "expect to", "intends to", "hopes to",
)

# Month names that are also common lower-case words: in lower case they count as
# months only where no reading is plausible, and not even there ("may 5" is rare
# but "you may 5..." is not); all other lower-case month names are accepted
# right before or after a day number or year ("january 12th", "june 2016").
AMBIGUOUS_LOWER_MONTHS: frozenset[str] = frozenset({"may", "march", "mar"})

# Day-of-month words ("the second of August", "May twenty-first").
DAY_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip

# Ordinals for "the second Monday of next month".
WEEK_ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
