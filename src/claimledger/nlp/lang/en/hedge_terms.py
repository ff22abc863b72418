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
|            |             | it is thought, thought to, suggest(s/ed/ing), is expected to   |
| unverified | none        | reportedly, allegedly, alleged, allegation(s), suspected,      |
|            |             | purportedly, purported,                                        |
|            |             | supposedly, reputedly, rumoured/rumored, rumour(s)/rumor(s),   |
|            |             | unconfirmed, speculation, speculate(d), perceived as           |
| uncertain  | none        | unclear, not clear, uncertain, remains to be seen              |
| estimate   | none        | estimated                                                      |

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
annotation of the Szeged uncertainty corpus (Wikipedia part, 3,265 cues): on its
"modal/probable" cues find_hedges scored exact P 0.65 / R 0.81, overlap P 0.69 /
R 0.86. Doxastic verbs that corpus also marks ("considered", "regarded",
"believe") and conditionals ("if", "would") are left out on purpose: the former
are attribution cues or Wikipedia weasel words, the latter are modality (see
``claimledger.nlp.stance``), not probability.
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
}

# Words before "might" that make it the noun ("military might").
MIGHT_NOUN_PREVIOUS: frozenset[str] = frozenset(
    {"military", "economic", "naval", "air", "full", "its", "his", "her", "their", "all", "our", "with",
     "main"}
)

# Words before "possible" that show a non-hedge use ("as soon as possible", "the best
# possible", "made possible", "if possible").
POSSIBLE_NON_HEDGE_PREVIOUS: frozenset[str] = frozenset(
    {"as", "best", "only", "whenever", "wherever", "if", "made", "make", "makes", "making"}
)
