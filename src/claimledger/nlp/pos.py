"""Coarse POS from fine tags by table lookup, in place of the model's attribute ruler.

The attribute ruler of ``en_core_web_sm`` maps fine tags (``VBZ``) to coarse POS (``AUX``/``VERB``),
and also sets morphology and some lemmas, with a Matcher over about 180 token patterns. It costs
about 12 % of the model's time. claimledger reads only ``token.pos_``, so this component reads the
same patterns from the loaded attribute ruler once, keeps only those that set POS, and applies them
as dictionary lookups. A test checks the result equals the attribute ruler's POS on real text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Distinct (token, neighbours) keys kept before the cache starts afresh; bounds memory on long runs
#: (about 100 bytes a key). A news corpus of 1,800 releases fills about 60k keys.
_CACHE_LIMIT = 500_000
#: Stands for any word no pattern names (never equal to a real lower-cased token).
_OTHER_WORD = "\x00other"


def _test(value: Any, spec: Any) -> bool:
    if isinstance(spec, dict):
        if "IN" in spec:
            return value in spec["IN"]
        if "NOT_IN" in spec:
            return value not in spec["NOT_IN"]
        raise ValueError(f"unsupported operator in attribute-ruler pattern: {spec}")
    return bool(value == spec)


@Language.factory(
    "claimledger_pos_mapper", assigns=["token.pos"], requires=["token.tag", "token.dep"], default_config={}
)
def make_pos_mapper(nlp: Language, name: str) -> PosMapper:
    return PosMapper(nlp, name)


_Rule = tuple[int, list[dict[str, Any]], int, str]  # order, token specs, index of the token set, POS


class PosMapper:
    """Set ``token.pos`` as the attribute ruler's POS patterns would, without a Matcher.

    Call :meth:`add_patterns` with the attribute ruler's ``patterns`` before use (the pipeline does
    this when it swaps the ruler out). As in the ruler, when several patterns match a token the
    later pattern wins. Patterns are indexed by the TAG or LOWER value of the token they set, so
    each token is checked against a handful of candidates.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.by_tag: dict[str, list[_Rule]] = {}
        self.by_lower: dict[str, list[_Rule]] = {}
        self.other: list[_Rule] = []
        self._count = 0
        self._before = 0  # how many tokens before the one set any pattern looks at
        self._after = 0
        self._cache: dict[tuple[Any, ...], int | None] = {}
        # LOWER values some pattern names: any other word is the same to every pattern, so the
        # cache key folds it to 0 (otherwise the cache grows with the vocabulary of the corpus)
        self._lower_ids: set[int] = set()
        self.vocab = nlp.vocab

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Keep the patterns that set POS, in order."""
        for p in patterns:
            pos = p.get("attrs", {}).get("POS")
            if pos is None:
                continue
            index = int(p.get("index", 0))
            for pattern in p["patterns"]:
                if any(k not in _ATTRS for spec in pattern for k in spec):
                    raise ValueError(f"unsupported attribute-ruler pattern for POS mapping: {pattern}")
                for spec in pattern:
                    low = spec.get("LOWER")
                    words = [low] if isinstance(low, str) else [*low.get("IN", []), *low.get("NOT_IN", [])] if isinstance(low, dict) else []
                    self._lower_ids.update(self.vocab.strings.add(w) for w in words)
                rule: _Rule = (self._count, [dict(s) for s in pattern], index % len(pattern), pos)
                self._count += 1
                self._before = max(self._before, rule[2])
                self._after = max(self._after, len(pattern) - 1 - rule[2])
                self._cache.clear()
                anchor = pattern[rule[2]]
                tag, lower = anchor.get("TAG"), anchor.get("LOWER")
                if isinstance(tag, str):
                    self.by_tag.setdefault(tag, []).append(rule)
                elif isinstance(lower, str):
                    self.by_lower.setdefault(lower, []).append(rule)
                elif isinstance(lower, dict) and "IN" in lower:
                    for low in lower["IN"]:
                        self.by_lower.setdefault(low, []).append(rule)
                else:
                    self.other.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # integer attributes straight from the Doc's C arrays; strings only on a cache miss
        known = self._lower_ids
        rows = [(t, lo if lo in known else 0, d, s) for t, lo, d, s in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        strings = doc.vocab.strings
        cache, before, after = self._cache, self._before, self._after
        pos_ids = doc.to_array([POS]).tolist()
        changed = False
        for i in range(len(rows)):
            # the answer depends only on the token and the neighbours patterns look at
            key = (i < before, len(rows) - 1 - i < after, *rows[max(i - before, 0) : i + after + 1])
            pos = cache.get(key, -1)
            if pos == -1:
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                lo = max(i - before, 0)
                window = [
                    (strings[t], strings[w] if w else _OTHER_WORD, strings[d], bool(s))
                    for t, w, d, s in rows[lo : i + after + 1]
                ]
                found = self.find(window, i - lo)
                pos = cache[key] = strings.add(found) if found is not None else None
            if pos is not None and pos_ids[i] != pos:
                pos_ids[i] = pos
                changed = True
        if changed:
            doc.from_array([POS], numpy.asarray(pos_ids, dtype="uint64").reshape(-1, 1))
        return doc

    def find(self, tokens: list[tuple[str, str, str, bool]], i: int) -> str | None:
        """The POS the attribute ruler would give token ``i`` (tag, lower, dep, is_space), or None."""
        tag, lower = tokens[i][0], tokens[i][1]
        best: tuple[int, str] | None = None
        for rules in (self.by_tag.get(tag, ()), self.by_lower.get(lower, ()), self.other):
            for order, specs, index, pos in rules:
                if best is not None and order <= best[0]:
                    continue
                first = i - index
                if first < 0 or first + len(specs) > len(tokens):
                    continue
                if all(_matches(tokens[first + k], spec) for k, spec in enumerate(specs)):
                    best = (order, pos)
        return best[1] if best else None


def _matches(token: tuple[str, str, str, bool], spec: dict[str, Any]) -> bool:
    values = {"TAG": token[0], "LOWER": token[1], "DEP": token[2], "IS_SPACE": token[3]}
    return all(_test(values[k], v) for k, v in spec.items())
