"""Classify the event a claim describes into a PLOVER-style type, with actors and targets.

:func:`classify_event` reads the content ``doc.text[start:end]`` of a claim:

1. The trigger: the content's main predicate (the token whose head lies outside
   the content) is tried first, then the other content tokens breadth-first down
   the dependency tree (clausal complements and objects before modifiers), so
   the main verb wins over incidental words. Without a parse, tokens are tried
   left to right. A token is a trigger when its lower-cased form (or ``norm_``)
   is an inflection of a verb in :mod:`claimledger.nlp.lang.en.event_verbs`
   (regular -s/-ed/-ing rules plus an irregular table; ``lemma_`` is never used,
   since the lemmatizer may be disabled) or a trigger noun ("visit",
   "casualties"); a token tagged NOUN/PROPN/ADJ is only looked up as a noun, so
   "in order to" is not DEMAND. Light verbs ("send", "launch", "take", "hold", "be") take their
   type from a particle ("pull out") or their object ("send troops" DEPLOY,
   "launched an offensive" ASSAULT, "take control" SEIZE), or from a default.
2. Actors are the names of PERSON/ORG/GPE/NORP entities in the subject subtree
   of the trigger's predicate (or in the "by"-agent of a passive, or, for a noun
   trigger, its possessor, modifiers and "by"/"from" phrase); targets are those
   in the object and other prepositional subtrees (and the subject of a passive).
   A trigger verb without a subject of its own (``xcomp``, ``conj``) borrows the
   subject of the verb it depends on. Without a parse, entities before the
   trigger are actors and those after it are targets.

Two readings follow CAMEO's coding of a whole sentence. A negated cooperation ("would not
provide support") is REJECT. Conflict reported under a reporting verb that lies inside the
text ("Israel said a mortar bomb was fired at it", "the US claimed that ISIL had attacked
Iraq") is ACCUSE, with the speaker as actor and the doer as target, unless the speaker reports
their own act ("they had attacked"). A claim's content seldom holds its own cue, so these
mostly apply to sentences classified whole.

No trigger gives ``Event(type=None)``. The type set and its PLOVER and CAMEO
correspondences are documented in :mod:`claimledger.nlp.lang.en.event_verbs`.
"""

from __future__ import annotations

import logging
from collections import deque
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claimledger.errors import InputError
from claimledger.model import Event
from claimledger.nlp.lang.en import cue_verbs, sources
from claimledger.nlp.lang.en import event_verbs as ev

logger = logging.getLogger(__name__)

__all__ = ["classify_event", "verb_base"]

_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd", "pobj", "obj"})
_LIGHT_OBJECT_DEPS = frozenset({"dobj", "attr", "nsubjpass", "acomp", "oprd", "npadvmod"})
_BE_OBJECT_DEPS = _LIGHT_OBJECT_DEPS | {"nsubj", "expl"}
_PHRASAL_BASES = frozenset(verb for verb, _ in ev.PHRASAL)
_NOUN_ACTOR_PREPS = frozenset({"by", "from"})
_VOWELS = frozenset("aeiou")
#: Material conflict a speaker can report another party doing: reported under a speech verb by
#: anyone but the doer, the sentence is an accusation (CAMEO 11x, "X said Y shelled Z").
_CONFLICT_TYPES = frozenset({"ASSAULT", "KILL", "SEIZE"})
#: Cooperation that, negated, is a refusal (CAMEO 12x: "would not provide support" is REJECT).
_COOPERATION_TYPES = frozenset({"SUPPORT", "COOPERATE", "AGREE"})
#: Reporting verbs that make a sentence an accusation when what they report is conflict.
_REPORTING_VERBS = frozenset({"say", "claim", "allege", "report", "state", "charge", "accuse", "insist"})
#: Subject pronouns that refer back to the speaker ("the US claimed that they had attacked").
_SELF_PRONOUNS = frozenset({"i", "we", "they", "he", "she", "it"})
#: Words of a speaker that only relays the news ("state media said", "reports said"): it
#: reports the conflict, it does not accuse anyone of it.
_MEDIA_WORDS = frozenset(
    {"media", "newspaper", "newspapers", "agency", "television", "tv", "radio", "news", "report", "reports",
     "broadcaster", "outlet", "outlets", "website", "daily", "journalist", "journalists", "reporter", "reporters"}
)  # fmt: skip
# Children visited first when searching down from the main predicate: clauses the
# predicate governs, then its arguments, then everything else.
_DEP_RANK: dict[str, int] = {
    "xcomp": 0, "ccomp": 0, "conj": 1, "dobj": 2, "attr": 2, "nsubjpass": 2, "nsubj": 3,
    "pobj": 3, "prep": 3, "advcl": 4, "relcl": 5, "acl": 5,
}  # fmt: skip


def _doubles_final(base: str) -> bool:
    """Whether a short consonant-vowel-consonant base doubles its last letter ("plan")."""
    return (
        len(base) >= 3
        and base[-1] not in _VOWELS
        and base[-1] not in "wxy"
        and base[-2] in _VOWELS
        and base[-3] not in _VOWELS
        and sum(ch in _VOWELS for ch in base) == 1
    )


def _inflect(base: str) -> set[str]:
    """Regular verb forms of ``base``: base, -s, -ed, -ing (with common spelling rules)."""
    forms = {base}
    if base.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(base + "es")
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    stem = base + base[-1] if _doubles_final(base) else base
    if base.endswith("e"):
        forms.add(base + "d")
        forms.add(base[:-2] + "ying" if base.endswith("ie") else base[:-1] + "ing")
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        forms.add(base[:-1] + "ied")
        forms.add(base + "ing")
    else:
        forms.add(stem + "ed")
        forms.add(stem + "ing")
    return forms


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, str], dict[str, str]]:
    """Build (verb form -> base, noun form -> type) once, on first use."""
    verb_forms: dict[str, str] = {}
    bases = set(ev.VERBS) | set(ev.LIGHT_VERBS) | {verb for verb, _ in ev.PHRASAL}
    for base in sorted(bases):
        for form in _inflect(base):
            verb_forms.setdefault(form, base)
    verb_forms.update(ev.IRREGULAR_FORMS)
    noun_forms: dict[str, str] = {}
    for noun, kind in ev.NOUNS.items():
        noun_forms[noun] = kind
        plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in _VOWELS else noun + "s"
        noun_forms.setdefault(plural, kind)
    return verb_forms, noun_forms


def verb_base(token: Token) -> str | None:
    """The base form of ``token`` if it is a known verb form ("redeployed" -> "redeploy").

    Args:
        token: A token; its ``lower_`` and ``norm_`` are looked up, never ``lemma_``.

    Returns:
        The base form, or None when the token is not in the trigger lexicon.
    """
    verb_forms = _indexes()[0]
    return verb_forms.get(token.lower_) or verb_forms.get(token.norm_)


def _noun_type(token: Token) -> str | None:
    """The event type of a trigger noun ("casualties" -> KILL), or None."""
    noun_forms = _indexes()[1]
    return noun_forms.get(token.lower_) or noun_forms.get(token.norm_)


def _light_verb_type(token: Token, base: str) -> str | None:
    """Type of a light verb from its particle, its object, or its default."""
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dobj"):
            key = (base, child.lower_)
            if key in ev.PHRASAL and ev.PHRASAL[key] is not None:
                return ev.PHRASAL[key]
    deps = _BE_OBJECT_DEPS if base == "be" else _LIGHT_OBJECT_DEPS
    for child in token.children:
        if child.dep_ in deps or (child.dep_ == "prt" and base == "carry"):
            kind = ev.LIGHT_VERB_OBJECTS.get((base, ev.OBJECT_CLASSES.get(child.lower_, "")))
            if kind is None:
                kind = _noun_type(child)
            if kind is not None:
                return kind
    default = ev.LIGHT_VERBS.get(base)
    return default if default is not None else ev.VERBS.get(base)


def _trigger_type(token: Token, parsed: bool) -> str | None:
    """The event type ``token`` triggers, or None."""
    if token.text in ev.CAPITALISED_NON_TRIGGERS:
        return None
    if token.pos_ in ("NOUN", "PROPN", "ADJ"):
        # A tagged noun is only read through the noun lexicon: "in order to",
        # "our partners" are no DEMAND or COOPERATE events.
        return _noun_type(token)
    base = verb_base(token)
    if base is not None:
        if parsed and (base in ev.LIGHT_VERBS or base in _PHRASAL_BASES):
            return _light_verb_type(token, base)
        if base in ev.VERBS:
            return ev.VERBS[base]
        if base in ev.LIGHT_VERBS and ev.LIGHT_VERBS[base] is not None:
            return ev.LIGHT_VERBS[base]
    return _noun_type(token)


def _main_predicate(tokens: list[Token]) -> Token | None:
    """A token of the content whose head lies outside it (verbs preferred)."""
    first, last = tokens[0].i, tokens[-1].i
    roots = [t for t in tokens if t.head.i == t.i or not first <= t.head.i <= last]
    for token in roots:
        if token.pos_ in ("VERB", "AUX"):
            return token
    return roots[0] if roots else None


def _search_order(tokens: list[Token]) -> list[Token]:
    """Content tokens breadth-first from the main predicate (others appended)."""
    root = _main_predicate(tokens)
    if root is None:
        return tokens
    first, last = tokens[0].i, tokens[-1].i
    order: list[Token] = []
    seen = {root.i}
    queue: deque[Token] = deque([root])
    while queue:
        token = queue.popleft()
        order.append(token)
        children = [c for c in token.children if first <= c.i <= last and c.i not in seen]
        children.sort(key=lambda c: (_DEP_RANK.get(c.dep_, 6), c.i))
        for child in children:
            seen.add(child.i)
            queue.append(child)
    order.extend(t for t in tokens if t.i not in seen)
    return order


def _names(tokens: list[Token], ent_at: dict[int, Span]) -> list[str]:
    """Entity names whose first token lies in the subtrees of ``tokens``."""
    names: list[str] = []
    for token in tokens:
        for sub in token.subtree:
            ent = ent_at.get(sub.i)
            if ent is not None and ent.text not in names:
                names.append(ent.text)
    return names


def _arguments(pred: Token, ent_at: dict[int, Span]) -> tuple[list[str], list[str]]:
    """Actors and targets of ``pred`` from its dependents (see the module docstring)."""
    actor_roots: list[Token] = []
    target_roots: list[Token] = []
    nounish = pred.pos_ in ("NOUN", "PROPN", "ADJ")
    has_subject = False
    for child in pred.children:
        dep = child.dep_
        if dep in _SUBJECT_DEPS:
            actor_roots.append(child)
            has_subject = True
        elif dep in _PASSIVE_SUBJECT_DEPS:
            target_roots.append(child)
            has_subject = True
        elif dep == "agent":
            actor_roots.append(child)
        elif nounish and dep in ("poss", "compound", "amod", "nmod"):
            actor_roots.append(child)
        elif nounish and dep == "prep" and child.lower_ in _NOUN_ACTOR_PREPS:
            actor_roots.append(child)
        elif dep in _OBJECT_DEPS or dep in ("prep", "dative"):
            target_roots.append(child)
    if not has_subject and not nounish and pred.dep_ in ("xcomp", "conj", "advcl"):
        head = pred.head
        actor_roots.extend(c for c in head.children if c.dep_ in _SUBJECT_DEPS)
    actors = _names(actor_roots, ent_at)
    targets = [name for name in _names(target_roots, ent_at) if name not in actors]
    return actors, targets


def _doc_length(doc: Doc) -> int:
    """``len(doc.text)`` without building the text (``Doc.text`` joins every token)."""
    if len(doc) == 0:
        return 0
    last = doc[len(doc) - 1]
    return last.idx + len(last.text_with_ws)


def _entities_in(doc: Doc, tokens: list[Token], start: int, end: int) -> dict[int, Span]:
    """PERSON/ORG/GPE/NORP entities inside the content, keyed by their first token."""
    found: dict[int, Span] = {}
    for token in tokens:
        if token.ent_iob_ == "B" and token.ent_type_ in _ENTITY_LABELS:
            stop = token.i + 1
            while stop < len(doc) and doc[stop].ent_iob_ == "I":
                stop += 1
            ent = doc[token.i : stop]
            if ent.start_char >= start and ent.end_char <= end:
                found[token.i] = ent
    return found


def classify_event(doc: Doc, start: int, end: int) -> Event:
    """Classify the event of the claim with content ``doc.text[start:end]``.

    Args:
        doc: The analysed document (parse and entities improve the result).
        start: Character offset where the content starts.
        end: Character offset where the content ends (exclusive).

    Returns:
        The event: a type from ``event_verbs.EVENT_TYPES`` (None when no trigger is
        found) with actor and target names.

    Raises:
        InputError: If ``start``/``end`` do not describe a range inside ``doc.text``.
    """
    length = _doc_length(doc)
    if not 0 <= start <= end <= length:
        raise InputError(
            f"content offsets {start}:{end} are outside the document (length {length}); "
            "pass character offsets into doc.text"
        )
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    if not tokens:
        return Event()
    # Checked on the content's tokens only: Doc.has_annotation walks the whole doc.
    parsed = any(t.dep for t in tokens)
    trigger: Token | None = None
    kind: str | None = None
    for token in _search_order(tokens) if parsed else tokens:
        kind = _trigger_type(token, parsed)
        if kind is not None:
            trigger = token
            break
    if trigger is None or kind is None:
        return Event()
    ent_at = _entities_in(doc, tokens, start, end)
    if not parsed:
        actors = [e.text for i, e in sorted(ent_at.items()) if i < trigger.i]
        targets = [e.text for i, e in sorted(ent_at.items()) if i > trigger.i]
        return Event(kind, tuple(dict.fromkeys(actors)), tuple(dict.fromkeys(targets)))
    pred = trigger
    if (
        trigger.pos_ in ("NOUN", "PROPN", "ADJ")
        and trigger.dep_ in ("dobj", "attr", "nsubjpass", "nsubj")
        and trigger.head.pos_ in ("VERB", "AUX")
        and start <= trigger.head.idx < end
    ):
        # "launched an offensive": read the arguments of the light verb.
        pred = trigger.head
    actors, targets = _arguments(pred, ent_at)
    if kind in _COOPERATION_TYPES and _negated(pred):
        return Event("REJECT", tuple(actors), tuple(targets))
    if kind in _CONFLICT_TYPES:
        speech = _reporting_head(pred, tokens[0].i, tokens[-1].i)
        speakers = _arguments(speech, ent_at)[0] if speech is not None else []
        # a named speaker (not "medics said") reporting someone else's act accuses them
        if speech is not None and speakers and not _reports_own_act(pred, speech, actors, speakers):
            accused = [name for name in actors if name not in speakers]
            return Event("ACCUSE", tuple(speakers), tuple(accused))
    return Event(kind, tuple(actors), tuple(targets))


#: Links from a predicate up to the verb whose negation also refuses it ("would not give
#: permission to Russia to help": help -advcl (to-infinitive)-> give; "permission to help":
#: help -acl-> permission -dobj-> give); a clausal complement starts a
#: new clause ("did not say that Russia helps" does not refuse the help).
_NEGATION_REACH = frozenset({"xcomp", "acl", "dobj", "pobj", "prep", "attr"})


def _negated(pred: Token) -> bool:
    """Whether the predicate, or a verb of its clause that governs it, carries a negation."""
    token = pred
    for _ in range(6):
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children):
            return True
        infinitive = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if (token.dep_ not in _NEGATION_REACH and not infinitive) or token.head.i == token.i:
            return False
        token = token.head
    return False


def _reporting_head(pred: Token, first: int, last: int) -> Token | None:
    """The reporting verb whose clausal complement ``pred`` is (through conjuncts and
    infinitives), when it lies inside the text: "Israel said a bomb was fired at it"."""
    token = pred
    while token.dep_ in ("conj", "xcomp") and first <= token.head.i <= last and token.head.i != token.i:
        token = token.head
    if token.dep_ != "ccomp" or not first <= token.head.i <= last:
        return None
    head = token.head
    if cue_verbs.VERB_FORMS.get(head.lower_) not in _REPORTING_VERBS:
        return None
    for child in head.children:
        if child.dep_ in _SUBJECT_DEPS and any(t.lower_ in _MEDIA_WORDS for t in child.subtree):
            return None
    return head


def _reports_own_act(pred: Token, speech: Token, doers: list[str], speakers: list[str]) -> bool:
    """Whether the speaker reports their own act: the doer is a pronoun or the speaker's name.

    ``doers`` and ``speakers`` are the named actors of ``pred`` and of ``speech``.
    """
    clause = pred
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i and clause.head.i != speech.i:
        clause = clause.head
    subjects = [c for c in clause.children if c.dep_ in _SUBJECT_DEPS]
    if any(c.pos_ == "PRON" and c.lower_ in _SELF_PRONOUNS for c in subjects):
        return True
    if not doers:
        return False
    if set(doers) <= set(speakers):
        return True
    # "The United States launched an air strike ..., the U.S. Central Command said": one side
    own = {_side(name) for name in speakers} - {None}
    return bool(own) and all(_side(name) in own for name in doers)


def _side(name: str) -> str | None:
    """The country a name stands for or belongs to ("the U.S. Central Command" -> US), or None."""
    return sources.side_of(name)
