"""Attribution cues: reporting and belief verbs with their inflections, noun cues, prepositional cues."""

from __future__ import annotations

# Reporting / belief verbs (base form). "speech" verbs introduce what a source says,
# "belief" verbs what a source thinks; both are attribution cues in the PolNeAR/PARC sense.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell claim explain add continue indicate warn deny report state announce insist assess assert
    argue confirm acknowledge admit allege estimate note declare reiterate stress emphasise emphasize
    reveal disclose observe comment respond reply recall maintain conclude describe testify predict
    tweet write post publish brief inform notify suggest signal hint concede contend remark mention
    accuse promise vow pledge threaten urge demand ask question dismiss reject dispute contradict
    counter retort repeat highlight underline caution forecast project calculate show
    exclaim shout yell quip assure read
    """.split()
)
BELIEF_VERBS: frozenset[str] = frozenset(
    """
    believe think fear hope expect know understand suspect doubt assume reckon feel consider judge
    """.split()
)
#: Verbs of evaluation and stance whose object is what the source holds a view on ("criticized the
#: deal", "called him a liar", "want all immigrants deported"). PolNeAR annotates them as
#: attributions; they carry no proposition, so claims are not built from them.
EVALUATIVE_VERBS: frozenset[str] = frozenset(
    """
    criticize criticise praise support endorse back oppose blame slam condemn thank call want
    attack mock defend applaud welcome favor favour prefer blast denounce lament bemoan hail
    """.split()
)
#: Evaluative verbs that take their object through a preposition: "called for", "called on".
EVALUATIVE_PREPS: dict[str, frozenset[str]] = {"call": frozenset({"for", "on"})}
#: Phrasal cues: verb + particle ("pointed out"; "made (it) clear" is attribution._make_clear_cue).
PHRASAL_CUES: dict[str, frozenset[str]] = {
    "point": frozenset({"out"}),
    "spell": frozenset({"out"}),
    "lay": frozenset({"out"}),
    "rule": frozenset({"out"}),
    "set": frozenset({"out"}),
    "play": frozenset({"down"}),
    "speak": frozenset({"out"}),
}
#: Verbs that take what is said as a prepositional object: "spoke of", "warned about".
PREP_CUES: dict[str, frozenset[str]] = {
    "speak": frozenset({"of", "about"}),
    "talk": frozenset({"of", "about"}),
    "warn": frozenset({"of", "about", "against"}),
    "complain": frozenset({"of", "about"}),
    "boast": frozenset({"of", "about"}),
    "write": frozenset({"of", "about"}),
    "argue": frozenset({"for", "against"}),
}
#: Cues whose content the source asserts to be false.
DENIAL_VERBS: frozenset[str] = frozenset({"deny", "dismiss", "reject", "dispute", "refute", "rebut"})

#: Noun cues, with "that"-clauses: "claims that ...", "speculation that ...".
NOUN_CUES: frozenset[str] = frozenset(
    """
    report reports claim claims statement statements assessment assessments announcement allegation
    allegations warning warnings belief suggestion suggestions estimate estimates assertion assertions
    insistence admission denial denials fear fears speculation rumour rumours rumor rumors view
    conclusion intelligence accusation accusations prediction predictions
    """.split()
)
#: Noun cues that carry no source of their own: the outlet reports them, hedged ("widespread speculation").
HEARSAY_NOUNS: frozenset[str] = frozenset({"speculation", "rumour", "rumours", "rumor", "rumors", "fears"})

#: Generic source heads: "reports from Ukraine", "Western officials", "sources close to ...".
GENERIC_SOURCE_NOUNS: frozenset[str] = frozenset(
    """
    report reports source sources official officials media outlet outlets analyst analysts expert experts
    observer observers witness witnesses resident residents diplomat diplomats authorities intelligence
    estimates figures data statement statements
    """.split()
)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "think": ("thinks", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "understand": ("understands", "understood", "understanding"),
    "feel": ("feels", "felt", "feeling"),
    "show": ("shows", "showed", "shown", "showing"),
    "lay": ("lays", "laid", "laying"),
    "set": ("sets", "setting"),
    "forecast": ("forecasts", "forecasting"),
    "spell": ("spells", "spelled", "spelt", "spelling"),
}


def _regular_forms(base: str) -> tuple[str, ...]:
    """Inflect a regular verb: third person, past, gerund (good enough for this closed list)."""
    if base.endswith("e"):
        past, ger = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, ger = base[:-1] + "ied", base + "ing"
    elif base in {"admit", "commit", "regret", "refer", "rebut"}:
        past, ger = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, ger = base + "ed", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return (third, past, ger)


def _build_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    bases = SPEECH_VERBS | BELIEF_VERBS | set(PHRASAL_CUES) | set(PREP_CUES) | DENIAL_VERBS | EVALUATIVE_VERBS
    for base in bases:
        forms[base] = base
        for form in _IRREGULAR.get(base, _regular_forms(base)):
            forms[form] = base
    return forms


#: Inflected form (lower case) -> base form, for every cue verb above.
VERB_FORMS: dict[str, str] = _build_forms()

#: Cues PolNeAR annotates that carry intentions, requests, findings and references rather than a
#: proposition a claim can be built from ("pledged to oppose", "urged him to resign", "cited the
#: tax", "found that ...", "referring to the convention"). Each verb maps to the argument frames it
#: takes its content from: ``xcomp`` (a to-infinitive, with an object before it: "urged him to
#: resign"), ``dobj`` (the object with an "as"/"of" phrase or predicate after it: "described the
#: field as 'good'"), ``ccomp`` (a clause: "a poll found that ...") and ``prep:P`` (the object of
#: the preposition P, which joins the cue: "referring to"); ``dobj+`` is the object with everything
#: after it up to a comma ("a poll shows Clinton ahead by 3 points"); ``seem`` is the subject and
#: the complement, the writer's impression with no source ("the team appeared paralyzed"). Chosen from the gold cue words most often
#: missed on PolNeAR train (the list was checked on dev and on train articles not used to make it).
MINOR_CUES: dict[str, frozenset[str]] = {
    base: frozenset(frames.split())
    for base, frames in {
        "plan": "xcomp",
        "pledge": "xcomp dobj",
        "promise": "xcomp dobj",
        "vow": "xcomp",
        "refuse": "xcomp",
        "decline": "xcomp",
        "agree": "xcomp ccomp",
        "threaten": "xcomp",
        "offer": "xcomp dobj",
        "intend": "xcomp",
        "urge": "xcomp dobj",
        "ask": "xcomp",
        "propose": "xcomp dobj ccomp",
        "describe": "dobj",
        "cite": "dobj",
        "accuse": "dobj",
        "endorse": "dobj",
        "question": "dobj",
        "mention": "dobj",
        "discuss": "dobj",
        "recall": "dobj",
        "see": "dobj",
        "show": "dobj+",
        "seem": "seem",
        "appear": "seem",
        "find": "ccomp",
        "learn": "ccomp",
        "realize": "ccomp",
        "worry": "ccomp prep:about",
        "joke": "ccomp prep:about",
        "refer": "prep:to",
        "point": "prep:to",
        "vote": "prep:for prep:against",
        "express": "dobj",
        "share": "dobj",
        "decide": "xcomp",
        "seek": "xcomp dobj",
        "recognize": "ccomp",
        "apologize": "prep:for",
        "note": "dobj",
        "tout": "dobj",
        "echo": "dobj",
        "repeat": "dobj",
        "wonder": "ccomp prep:about",
        "chant": "dobj",
        "order": "xcomp ccomp dobj",
        "request": "dobj",
        "sign": "dobj",
        "pass": "dobj",
        "rail": "prep:against",
        "push": "prep:for",
        "balk": "prep:at",
    }.items()
}
_MINOR_IRREGULAR: dict[str, tuple[str, ...]] = {
    "find": ("finds", "found", "finding"),
    "see": ("sees", "saw", "seen", "seeing"),
    "learn": ("learns", "learned", "learnt", "learning"),
    "refer": ("refers", "referred", "referring"),
    "plan": ("plans", "planned", "planning"),
    "seek": ("seeks", "sought", "seeking"),
}


def _build_minor_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base in MINOR_CUES:
        forms[base] = base
        for form in _MINOR_IRREGULAR.get(base, _IRREGULAR.get(base, _regular_forms(base))):
            forms[form] = base
    return forms


#: Inflected form (lower case) -> base form, for the verbs of MINOR_CUES.
MINOR_VERB_FORMS: dict[str, str] = _build_minor_forms()
