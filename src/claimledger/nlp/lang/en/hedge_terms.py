"""English estimative language: the PHIA and ICD 203 yardsticks and lexical hedges.

Pinned yardsticks (wrong copies circulate; these follow the published tables):

UK PHIA Probability Yardstick (Professional Head of Intelligence Analysis):

| band                  | range      |
|-----------------------|------------|
| remote chance         | 0 - 5 %    |
| highly unlikely       | 10 - 20 %  |
| unlikely              | 25 - 35 %  |
| realistic possibility | 40 - 50 %  |
| likely / probable     | 55 - 75 %  |
| highly likely         | 80 - 90 %  |
| almost certain        | 95 - 100 % |

US ICD 203 (Intelligence Community Directive 203, Analytic Standards):

| band                                     | range     |
|------------------------------------------|-----------|
| almost no chance / remote                | 1 - 5 %   |
| very unlikely / highly improbable        | 5 - 20 %  |
| unlikely / improbable                    | 20 - 45 % |
| roughly even chance / roughly even odds  | 45 - 55 % |
| likely / probable                        | 55 - 80 % |
| very likely / highly probable            | 80 - 95 % |
| almost certain / nearly certain          | 95 - 99 % |

Which yardstick a term is read on: a term found in both yardsticks ("likely",
"unlikely", "probable", "almost certain", "remote chance") is read on the scale the
caller picks (``scale="PHIA"`` by default, or ``scale="ICD203"``); a term found in
only one yardstick is always read on that one ("highly likely", "realistic
possibility" and "highly unlikely" are PHIA-only; "very likely", "very unlikely",
"highly probable", "highly improbable", "improbable", "roughly even chance",
"nearly certain" and "almost no chance" are ICD 203-only).

Lexical hedges (scale ``"lexical"``) are words that mark a claim as uncertain or
second-hand without naming a probability. The project gives some of them a range
of its own; these are judgement calls (not from any yardstick), chosen so that a
"possible" band straddles the PHIA "realistic possibility" band and a "presumed"
band matches PHIA "likely"/ICD "likely", and the rest get no range:

| band       | range       | terms                                                          |
|------------|-------------|----------------------------------------------------------------|
| possible   | 0.20 - 0.60 | possibly, perhaps, maybe, may, might, could, possible,         |
|            |             | potentially, possibility                                       |
| presumed   | 0.55 - 0.80 | presumably, presumed, apparently, appear(s/ed) to, it appears, |
|            |             | seem(s/ed) (to), seemingly, is believed to, it is believed,    |
|            |             | it is thought, thought to, suggest(s/ed/ing), is expected to,  |
|            |             | impl(y/ies/ied) that                                           |
| unverified | none        | reportedly, allegedly, alleged, allegation(s), suspected,      |
|            |             | purportedly, purported, putative, allege(s/ing),               |
|            |             | accuse(d/s/ing), accusation(s), supposed,                      |
|            |             | supposedly, reputedly, rumoured/rumored, rumour(s)/rumor(s),   |
|            |             | unconfirmed, speculation, speculate(d), perceived as           |
| uncertain  | none        | unclear, not clear, uncertain, remains to be seen, no evidence,|
|            |             | no proof, little is known, not well/fully understood           |
| estimate   | none        | estimated                                                      |
| belief     | none        | believe(s/d/ing), think(s) that/of, thought, considered,       |
|            |             | regarded, seen as, viewed as, assume(s/d/ing), assumption,     |
|            |             | expect(s/ed), belief/idea/view that, fear(s/ed) that           |

The "belief" band holds doxastic words: someone holds the claim true without proof.
They are often the attribution cue itself ("officials believe ..."), so they carry no
range and rank last when a claim's estimative term is chosen; inside a claim's content
they mark it as an opinion ("the strike is widely regarded as ..."). Filters: "believe
in" (faith) is skipped; "thought" counts after "is/was/widely/once/..." or a subject
pronoun, or before "that"/"of as" (not the noun, "Christian thought"); "considered"
counts before "to be"/"as" or after "is/was/widely/often/..." unless "for/in/at/..."
follows (deliberation: "was considered for the post", "is being considered");
"assume(d)" is skipped before "office/command/control/the/..." (taking over);
"expect(ed)" and "regarded" are skipped after "as/the/than/highly/well" ("as expected",
"highly regarded"). Frames report only their head word: "is believed to" is the hedge
"believed", "seen as" is "seen", "the idea that" is "idea" (``LEXICAL_HEADS``), as the
Szeged corpus marks cues.

"could" is kept although it is also the past of "can" (ability: "he could swim");
telling the two apart needs more than a lexicon, so some ability readings are
tagged as hedges; "could not" is skipped (mostly past inability: in the Szeged
corpus 4 of 29 are cues) except in "could not be ruled out/excluded". "May" is only a hedge in lower case (or capitalised at the start
of a sentence before a lower-case word), so the month is not tagged; "potential" is
left out (mostly the noun or a plain adjective, "potential partner"); "might" after
"military", "economic", "naval", "full" or "its/his/their/all" is the noun;
"possible" is not a hedge before "to" ("it is possible to bend") or in "as soon as
possible", "the best possible", "made it possible".

A hedge's ``term`` is the headword of its entry (the yardstick term for yardstick
hedges: "almost certainly" has term "almost certain", "probably" has term
"probable" and band "likely"); its ``text`` is the surface form found. "remote
chance" counts as a term of both yardsticks (ICD 203 names the band "almost no
chance / remote").

How the lexical list was chosen: the words above, checked against the cue
annotation of the Szeged uncertainty corpus (Wikipedia part, 3,265 cues; the eval
task ``hedges``, :mod:`claimledger.eval.tasks.hedges`). The belief band and its
filters were added from that corpus's doxastic cues, each kept only where the
corpus showed it a cue in most uses (about 0.8 or more) and the reading carries to
news text; with them, epistemic + doxastic cues went from exact F1 0.62 to 0.83.
Conditionals ("if", "would", "unless") and "whether" are left out on purpose: they
are modality (see ``claimledger.nlp.stance``), not probability. Weasel words ("many",
"often", "some people say", "claimed", "argued") are left out too: in that corpus
"many", "often", "claimed" and "argued" are never cues and "some people/critics/..."
is one in eight; report verbs are attribution cues (``claimledger.nlp.attribution``).
"""

from __future__ import annotations

# -- yardsticks: band -> (p_low, p_high) ---------------------------------------------

PHIA_BANDS: dict[str, tuple[float, float]] = {
    "remote chance": (0.00, 0.05),
    "highly unlikely": (0.10, 0.20),
    "unlikely": (0.25, 0.35),
    "realistic possibility": (0.40, 0.50),
    "likely": (0.55, 0.75),
    "highly likely": (0.80, 0.90),
    "almost certain": (0.95, 1.00),
}

ICD203_BANDS: dict[str, tuple[float, float]] = {
    "almost no chance": (0.01, 0.05),
    "very unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "roughly even chance": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very likely": (0.80, 0.95),
    "almost certain": (0.95, 0.99),
}

# -- yardstick terms: term -> band on that yardstick -----------------------------------

PHIA_TERMS: dict[str, str] = {
    "remote chance": "remote chance",
    "highly unlikely": "highly unlikely",
    "unlikely": "unlikely",
    "realistic possibility": "realistic possibility",
    "likely": "likely",
    "probable": "likely",
    "highly likely": "highly likely",
    "almost certain": "almost certain",
}

ICD203_TERMS: dict[str, str] = {
    "almost no chance": "almost no chance",
    "remote chance": "almost no chance",
    "very unlikely": "very unlikely",
    "highly improbable": "very unlikely",
    "unlikely": "unlikely",
    "improbable": "unlikely",
    "roughly even chance": "roughly even chance",
    "roughly even odds": "roughly even chance",
    "likely": "likely",
    "probable": "likely",
    "very likely": "very likely",
    "highly probable": "very likely",
    "almost certain": "almost certain",
    "nearly certain": "almost certain",
}

SCALES: tuple[str, ...] = ("PHIA", "ICD203")

# -- surface forms of yardstick terms: surface (lower case, single spaces) -> term -----
# Every term is its own surface form; these add inflections and set phrases.

YARDSTICK_SURFACES: dict[str, str] = {
    **{term: term for term in PHIA_TERMS},
    **{term: term for term in ICD203_TERMS},
    "a remote chance": "remote chance",
    "remote possibility": "remote chance",
    "a remote possibility": "remote chance",
    "highly unlikely": "highly unlikely",
    "a realistic possibility": "realistic possibility",
    "there is a realistic possibility": "realistic possibility",
    "there's a realistic possibility": "realistic possibility",
    "there was a realistic possibility": "realistic possibility",
    "probably": "probable",
    "most likely": "likely",
    "more likely than not": "likely",
    "very probably": "very likely",
    "very probable": "very likely",
    "highly probably": "highly probable",
    "almost certainly": "almost certain",
    "nearly certainly": "nearly certain",
    "almost no chance": "almost no chance",
    "roughly even chance": "roughly even chance",
    "roughly even odds": "roughly even odds",
    "roughly even chances": "roughly even chance",
    "an even chance": "roughly even chance",
    "even chance": "roughly even chance",
    "improbably": "improbable",
}
# "remote" alone is deliberately absent: far too ambiguous ("remote areas").

# -- lexical hedges ------------------------------------------------------------------

LEXICAL_BANDS: dict[str, tuple[float, float] | None] = {
    "possible": (0.20, 0.60),
    "presumed": (0.55, 0.80),
    "unverified": None,
    "uncertain": None,
    "estimate": None,
    "belief": None,
}

# surface (lower case, single spaces) -> (term, band)
LEXICAL_SURFACES: dict[str, tuple[str, str]] = {
    # possible
    "possibly": ("possibly", "possible"),
    "perhaps": ("perhaps", "possible"),
    "maybe": ("maybe", "possible"),
    "may": ("may", "possible"),
    "may or may not": ("may", "possible"),
    "might": ("might", "possible"),
    "could": ("could", "possible"),
    "possible": ("possible", "possible"),
    "potentially": ("potentially", "possible"),
    "possibility": ("possibility", "possible"),
    # presumed
    "presumably": ("presumably", "presumed"),
    "apparently": ("apparently", "presumed"),
    "appears to": ("appear to", "presumed"),
    "appeared to": ("appear to", "presumed"),
    "appear to": ("appear to", "presumed"),
    "appearing to": ("appear to", "presumed"),
    "seems to": ("seem to", "presumed"),
    "seem to": ("seem to", "presumed"),
    "seemed to": ("seem to", "presumed"),
    "seemingly": ("seem to", "presumed"),
    "seems": ("seem to", "presumed"),
    "seem": ("seem to", "presumed"),
    "seemed": ("seem to", "presumed"),
    "it appears": ("appear to", "presumed"),
    "it appeared": ("appear to", "presumed"),
    "it would appear": ("appear to", "presumed"),
    "presumed": ("presumably", "presumed"),
    "it is believed": ("believed to", "presumed"),
    "it was believed": ("believed to", "presumed"),
    "widely believed": ("believed to", "presumed"),
    "is widely believed to": ("believed to", "presumed"),
    "is believed to": ("believed to", "presumed"),
    "are believed to": ("believed to", "presumed"),
    "was believed to": ("believed to", "presumed"),
    "were believed to": ("believed to", "presumed"),
    "believed to": ("believed to", "presumed"),
    "it is thought": ("it is thought", "presumed"),
    "it was thought": ("it is thought", "presumed"),
    "is thought to": ("thought to", "presumed"),
    "are thought to": ("thought to", "presumed"),
    "was thought to": ("thought to", "presumed"),
    "were thought to": ("thought to", "presumed"),
    "thought to": ("thought to", "presumed"),
    "suggest": ("suggest", "presumed"),
    "suggests": ("suggest", "presumed"),
    "suggested": ("suggest", "presumed"),
    "suggesting": ("suggest", "presumed"),
    "is expected to": ("expected to", "presumed"),
    "are expected to": ("expected to", "presumed"),
    "was expected to": ("expected to", "presumed"),
    "were expected to": ("expected to", "presumed"),
    # unverified (no range)
    "reportedly": ("reportedly", "unverified"),
    "allegedly": ("allegedly", "unverified"),
    "alleged": ("alleged", "unverified"),
    "allegation": ("alleged", "unverified"),
    "allegations": ("alleged", "unverified"),
    "suspected": ("suspected", "unverified"),
    "purportedly": ("purportedly", "unverified"),
    "purported": ("purported", "unverified"),
    "supposedly": ("supposedly", "unverified"),
    "reputedly": ("reputedly", "unverified"),
    "rumoured": ("rumoured", "unverified"),
    "rumored": ("rumoured", "unverified"),
    "rumour": ("rumour", "unverified"),
    "rumor": ("rumour", "unverified"),
    "rumours": ("rumour", "unverified"),
    "rumors": ("rumour", "unverified"),
    "unconfirmed": ("unconfirmed", "unverified"),
    "speculation": ("speculation", "unverified"),
    "speculated": ("speculation", "unverified"),
    "speculate": ("speculation", "unverified"),
    "perceived as": ("perceived as", "unverified"),
    # uncertain (no range)
    "unclear": ("unclear", "uncertain"),
    "not clear": ("unclear", "uncertain"),
    "uncertain": ("uncertain", "uncertain"),
    "remains to be seen": ("remains to be seen", "uncertain"),
    # estimate (no range)
    "estimated": ("estimated", "estimate"),
    # unverified, added from the Szeged doxastic cues (accusations are claims not yet proven)
    "allege": ("alleged", "unverified"),
    "alleges": ("alleged", "unverified"),
    "alleging": ("alleged", "unverified"),
    "accused": ("accused", "unverified"),
    "accuse": ("accused", "unverified"),
    "accuses": ("accused", "unverified"),
    "accusing": ("accused", "unverified"),
    "accusation": ("accused", "unverified"),
    "accusations": ("accused", "unverified"),
    "supposed": ("supposedly", "unverified"),
    "putative": ("purported", "unverified"),
    # uncertain: missing knowledge
    "no evidence": ("no evidence", "uncertain"),
    "no proof": ("no evidence", "uncertain"),
    "little is known": ("little is known", "uncertain"),
    "not well understood": ("little is known", "uncertain"),
    "not fully understood": ("little is known", "uncertain"),
    # belief (no range): doxastic verbs. Plain forms are filtered in nlp.hedges ("believe in"
    # is faith, "assumed command" is taking over, "as expected" is not a forecast); context
    # frames report only their head word (see LEXICAL_HEADS).
    "believe": ("believe", "belief"),
    "believes": ("believe", "belief"),
    "believed": ("believe", "belief"),
    "believing": ("believe", "belief"),
    "think that": ("think", "belief"),
    "thinks that": ("think", "belief"),
    "think of": ("think", "belief"),
    "thinks of": ("think", "belief"),
    "thought": ("think", "belief"),
    "considered": ("considered", "belief"),
    "regarded": ("regarded", "belief"),
    "seen as": ("regarded", "belief"),
    "viewed as": ("regarded", "belief"),
    "assume": ("assume", "belief"),
    "assumes": ("assume", "belief"),
    "assumed": ("assume", "belief"),
    "assuming": ("assume", "belief"),
    "assumption": ("assume", "belief"),
    "expect": ("expect", "belief"),
    "expects": ("expect", "belief"),
    "expected": ("expect", "belief"),
    # belief nouns and inference verbs before a "that" clause (the frame picks the reading:
    # "the idea that ..." is a belief, "a good idea" is not)
    "belief that": ("believe", "belief"),
    "idea that": ("believe", "belief"),
    "view that": ("believe", "belief"),
    "fear that": ("fear", "belief"),
    "fears that": ("fear", "belief"),
    "feared that": ("fear", "belief"),
    "implies that": ("suggest", "presumed"),
    "imply that": ("suggest", "presumed"),
    "implied that": ("suggest", "presumed"),
}

# Multi-word lexical surfaces whose reported span is one head word: the other words are
# context that picks the reading ("seen as" is belief, "seen" alone is perception), as
# in the Szeged cue annotation, which marks the head only ("it is [believed]").
LEXICAL_HEADS: dict[str, str] = {
    surface: head
    for surface in LEXICAL_SURFACES
    for head in ("appears", "appeared", "appear", "appearing", "seems", "seem", "seemed",
                 "believed", "thought", "expected", "considered", "seen", "viewed", "think",
                 "thinks", "belief", "idea", "view", "fear", "fears", "feared", "implies", "imply",
                 "implied")
    if " " in surface and head in surface.split(" ")
}

# Words before "might" that make it the noun ("military might").
MIGHT_NOUN_PREVIOUS: frozenset[str] = frozenset(
    {"military", "economic", "naval", "air", "full", "its", "his", "her", "their", "all", "our", "with",
     "main"}
)

# Words before "possible" that show a non-hedge use ("as soon as possible", "the best
# possible", "made possible", "if possible").
POSSIBLE_NON_HEDGE_PREVIOUS: frozenset[str] = frozenset(
    {"as", "best", "only", "whenever", "wherever", "if", "made", "make", "makes", "making",
     "all", "every", "maximum", "minimum", "total"}
)
# Superlatives before "possible" ("the highest possible", "the latest possible") are caught
# by their "-est" ending in nlp.hedges.

# "thought" (not the noun, "Christian thought") and "considered" (not "weighed up",
# "the council considered the bill") are belief verbs after one of these words or before
# the frames matched in nlp.hedges ("thought that", "thought of as", "considered to be",
# "considered as"). Chosen from the passive and adverb frames of the Szeged doxastic cues.
BELIEF_BE_PREVIOUS: frozenset[str] = frozenset(
    {"is", "are", "was", "were", "be", "been", "widely", "generally", "often", "also",
     "usually", "commonly", "still", "now", "once", "originally", "traditionally", "largely",
     "long", "mostly", "sometimes", "previously", "first"}
)
# Words after "considered" that show deliberation ("was considered for the post", "is
# considered at the next meeting"); "being considered" needs "as"/"to be" for the same reason.
CONSIDERED_DELIBERATION_NEXT: frozenset[str] = frozenset(
    {"for", "in", "at", "during", "when", "before", "after", "until"}
)
THOUGHT_SUBJECT_PREVIOUS: frozenset[str] = frozenset(
    {"i", "he", "she", "we", "they", "who", "many", "some", "it"}
)

# Words after "assume"/"assumed" that make it "take on" (not "suppose").
ASSUME_TAKE_ON_NEXT: frozenset[str] = frozenset(
    {"office", "command", "control", "power", "responsibility", "the", "his", "her", "their",
     "its", "a", "an", "leadership", "duties", "role", "name", "position", "title", "ownership",
     "management", "charge", "authority", "presidency", "throne", "full", "overall"}
)

# Words before "expected"/"regarded" that show a non-belief use ("as expected", "the
# expected key", "highly regarded").
BELIEF_NON_HEDGE_PREVIOUS: frozenset[str] = frozenset(
    {"as", "the", "than", "a", "an", "his", "her", "its", "their", "highly", "well"}
)
