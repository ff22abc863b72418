"""Source lexicon: canonical names and kinds of ministries, militaries, agencies, outlets and people.

Each entry is (canonical name, kind, aliases). Aliases are matched casefolded, after leading
determiners and a trailing possessive are removed (:func:`strip_np`, :func:`lookup_source`). Kinds follow the output contract:
person, organization, government, military, media, document, unnamed.
"""

from __future__ import annotations

import re
from functools import lru_cache

SOURCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # United Kingdom
    ("UK Ministry of Defence", "government", (
        "MoD", "Ministry of Defence", "UK Ministry of Defence", "British Ministry of Defence",
        "UK MoD", "British MoD", "UK Defence Ministry", "British Defence Ministry", "UK defence ministry",
        "British defence ministry", "UK intelligence", "British intelligence", "latest UK intelligence",
        "Defence Intelligence", "UK Defence Intelligence", "British Defence Intelligence",
        "British military intelligence", "UK military intelligence", "UK Ministry of Defense",
    )),
    ("UK government", "government", (
        "UK government", "British government", "Downing Street", "Number 10", "No 10", "Whitehall",
    )),
    ("UK Foreign Office", "government", (
        "Foreign Office", "UK Foreign Office", "Foreign, Commonwealth and Development Office", "FCDO",
    )),
    # Russia
    ("Russian government", "government", (
        "Kremlin", "the Kremlin", "Russian government", "Russian authorities", "Moscow's government",
        "Russian Federation government",
    )),
    ("Russian Ministry of Defence", "military", (
        "Russian Ministry of Defence", "Russian Ministry of Defense", "Russian defence ministry",
        "Russian Defense Ministry", "Russia's defence ministry", "Russia's Defense Ministry",
        "Russia's Ministry of Defence", "Russia's Ministry of Defense", "Russian MoD",
        "Ministry of Defence of the Russian Federation", "Russian military",
    )),
    ("Russian Foreign Ministry", "government", (
        "Russian Foreign Ministry", "Russia's Foreign Ministry", "Russian Ministry of Foreign Affairs",
        "Russian foreign ministry",
    )),
    ("Wagner Group", "military", ("Wagner Group", "Wagner", "Wagner mercenaries", "Wagner private military company")),
    # Ukraine
    ("Ukrainian government", "government", (
        "Ukrainian government", "Ukraine's government", "Ukrainian authorities", "Government of Ukraine",
        "Office of the President of Ukraine", "Ukrainian presidential office", "Cabinet of Ministers of Ukraine",
    )),
    ("General Staff of the Armed Forces of Ukraine", "military", (
        "General Staff of the Armed Forces of Ukraine", "Ukrainian General Staff", "Ukraine's General Staff",
        "General Staff of Ukraine", "Ukraine's military General Staff", "Ukrainian military",
        "Armed Forces of Ukraine", "Ukraine's armed forces", "Ukrainian armed forces",
    )),
    ("Ukrainian Ministry of Defence", "military", (
        "Ukrainian Ministry of Defence", "Ukrainian Ministry of Defense", "Ukraine's defence ministry",
        "Ukraine's Defense Ministry", "Ukrainian defence ministry", "Ukrainian Defense Ministry",
        "Ministry of Defence of Ukraine", "Ministry of Defense of Ukraine",
    )),
    ("Ukrainian Foreign Ministry", "government", (
        "Ukrainian Foreign Ministry", "Ukraine's Foreign Ministry", "Ministry of Foreign Affairs of Ukraine",
    )),
    ("Security Service of Ukraine", "government", ("Security Service of Ukraine", "SBU")),
    # United States
    ("US Department of Defense", "military", (
        "Pentagon", "the Pentagon", "US Department of Defense", "U.S. Department of Defense",
        "Department of Defense", "US Defense Department", "U.S. Defense Department", "DoD",
    )),
    ("US government", "government", ("US government", "U.S. government", "American government", "Washington's government")),
    ("White House", "government", ("White House", "the White House")),
    ("US State Department", "government", ("State Department", "US State Department", "U.S. State Department")),
    ("Institute for the Study of War", "organization", ("Institute for the Study of War", "ISW")),
    # Other governments and organisations
    ("Belarusian government", "government", ("Belarusian government", "Belarusian authorities", "Minsk government")),
    ("Chinese government", "government", ("Chinese government", "Beijing's government", "Chinese Foreign Ministry")),
    ("NATO", "organization", ("NATO", "Nato", "North Atlantic Treaty Organization", "the alliance")),
    ("United Nations", "organization", ("United Nations", "UN", "U.N.", "UN Security Council", "UN Secretary-General")),
    ("International Atomic Energy Agency", "organization", ("International Atomic Energy Agency", "IAEA")),
    ("European Union", "organization", ("European Union", "EU", "European Commission")),
    ("International Committee of the Red Cross", "organization", ("International Committee of the Red Cross", "ICRC", "Red Cross")),
    ("Amnesty International", "organization", ("Amnesty International", "Amnesty")),
    ("Human Rights Watch", "organization", ("Human Rights Watch", "HRW")),
    ("Twitter", "organization", ("Twitter",)),
    ("Telegram", "organization", ("Telegram",)),
    # Media
    ("Reuters", "media", ("Reuters",)),
    ("Associated Press", "media", ("Associated Press", "AP")),
    ("Agence France-Presse", "media", ("Agence France-Presse", "AFP")),
    ("BBC", "media", ("BBC", "BBC News")),
    ("CNN", "media", ("CNN",)),
    ("HuffPost UK", "media", ("HuffPost UK", "HuffPost", "Huffington Post")),
    ("The New York Times", "media", ("New York Times", "The New York Times", "NYT")),
    ("The Washington Post", "media", ("Washington Post", "The Washington Post")),
    ("The Guardian", "media", ("The Guardian", "Guardian")),
    ("Financial Times", "media", ("Financial Times", "FT")),
    ("The Wall Street Journal", "media", ("Wall Street Journal", "The Wall Street Journal", "WSJ")),
    ("Bloomberg", "media", ("Bloomberg",)),
    ("Al Jazeera", "media", ("Al Jazeera",)),
    ("Sky News", "media", ("Sky News",)),
    ("TASS", "media", ("TASS", "Tass")),
    ("RIA Novosti", "media", ("RIA Novosti", "RIA")),
    ("Interfax", "media", ("Interfax",)),
    ("Ukrinform", "media", ("Ukrinform",)),
    ("The Kyiv Independent", "media", ("Kyiv Independent", "The Kyiv Independent")),
    ("Kyiv Post", "media", ("Kyiv Post",)),
    ("RT", "media", ("RT", "Russia Today")),
    # People whose names are spelt several ways
    ("Volodymyr Zelenskyy", "person", (
        "Volodymyr Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskiy", "Vladimir Zelensky", "Vladimir Zelenskyy",
        "Zelenskyy", "Zelensky", "Zelenskiy",
    )),
    ("Vladimir Putin", "person", ("Vladimir Putin", "Putin", "Vladimir Vladimirovich Putin")),
    ("Dmitry Peskov", "person", ("Dmitry Peskov", "Dmitri Peskov", "Peskov")),
    ("Sergei Shoigu", "person", ("Sergei Shoigu", "Sergey Shoigu", "Shoigu")),
    ("Sergei Lavrov", "person", ("Sergei Lavrov", "Sergey Lavrov", "Lavrov")),
    ("Oleksandr Syrskyi", "person", ("Oleksandr Syrskyi", "Oleksandr Syrsky", "Syrskyi", "Syrsky")),
    ("Xi Jinping", "person", ("Xi Jinping", "Xi")),
    ("Alexander Lukashenko", "person", ("Alexander Lukashenko", "Alexander Lukashenka", "Lukashenko", "Lukashenka")),
    ("Yevgeny Prigozhin", "person", ("Yevgeny Prigozhin", "Prigozhin")),
)

#: A country or capital acting as an agent ("Moscow said", "Russia claims") -> canonical government.
AGENT_GOVERNMENTS: dict[str, str] = {
    "russia": "Russian government",
    "moscow": "Russian government",
    "russian federation": "Russian government",
    "ukraine": "Ukrainian government",
    "kyiv": "Ukrainian government",
    "kiev": "Ukrainian government",
    "belarus": "Belarusian government",
    "minsk": "Belarusian government",
    "china": "Chinese government",
    "beijing": "Chinese government",
    "united states": "US government",
    "the united states": "US government",
    "us": "US government",
    "u.s.": "US government",
    "america": "US government",
    "washington": "US government",
    "uk": "UK government",
    "britain": "UK government",
    "united kingdom": "UK government",
    "london": "UK government",
    "france": "French government",
    "paris": "French government",
    "germany": "German government",
    "berlin": "German government",
    "poland": "Polish government",
    "warsaw": "Polish government",
    "iran": "Iranian government",
    "tehran": "Iranian government",
    "turkey": "Turkish government",
    "ankara": "Turkish government",
    "india": "Indian government",
    "japan": "Japanese government",
    "israel": "Israeli government",
}

#: Country or demonym -> adjective, for generic sources ("reports from Ukraine" -> "Ukrainian reports").
DEMONYMS: dict[str, str] = {
    "russia": "Russian", "russian": "Russian", "ukraine": "Ukrainian", "ukrainian": "Ukrainian",
    "belarus": "Belarusian", "belarusian": "Belarusian", "china": "Chinese", "chinese": "Chinese",
    "us": "US", "u.s.": "US", "united states": "US", "american": "US", "america": "US",
    "uk": "UK", "britain": "UK", "british": "UK", "united kingdom": "UK",
    "west": "Western", "western": "Western", "nato": "NATO", "european": "European", "europe": "European",
    "france": "French", "french": "French", "germany": "German", "german": "German",
    "poland": "Polish", "polish": "Polish", "moscow": "Russian", "kyiv": "Ukrainian", "kiev": "Ukrainian",
}

#: Title nouns that identify a person source ("a leading commander", "the spokesman").
PERSON_TITLES: frozenset[str] = frozenset(
    """
    commander general minister president spokesman spokeswoman spokesperson official adviser advisor
    governor mayor chief head leader secretary ambassador envoy diplomat officer colonel major lieutenant
    sergeant captain admiral marshal analyst expert journalist correspondent reporter aide deputy lawmaker
    senator mp chancellor premier representative negotiator soldier commander-in-chief prosecutor
    """.split()
)

#: Common nouns for people that may hold a view ("one strategist described ...", "the pollster
#: criticized ..."): agents of evaluative and other PolNeAR-only cues, which take no common noun
#: outside the source lexicons as a source.
PERSON_NOUNS: frozenset[str] = PERSON_TITLES | frozenset(
    """
    strategist consultant pollster economist scholar professor historian researcher scientist lawyer
    attorney judge justice critic activist advocate supporter opponent voter candidate nominee donor
    operative pundit commentator columnist writer author editor publisher host anchor chairman
    chairwoman director executive founder manager organizer pastor bishop pope doctor teacher student
    worker veteran businessman billionaire speaker delegate member
    """.split()
)

#: Canonical sources whose names say no country, with the side they act for ("Putin" -> Russian).
SOURCE_SIDES: dict[str, str] = {
    "Vladimir Putin": "Russian", "Dmitry Peskov": "Russian", "Sergei Shoigu": "Russian",
    "Sergei Lavrov": "Russian", "Wagner Group": "Russian", "Yevgeny Prigozhin": "Russian",
    "Volodymyr Zelenskyy": "Ukrainian", "Oleksandr Syrskyi": "Ukrainian",
    "Alexander Lukashenko": "Belarusian", "Xi Jinping": "Chinese", "White House": "US",
    "US Department of Defense": "US", "US State Department": "US",
}

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
#: A trailing possessive: "Russia's", "Ukraine’s", "allies'".
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NAME_SPACE = re.compile(r"\s+")


def norm_name(text: str) -> str:
    """A phrase casefolded, with curly apostrophes straightened and runs of space made one."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    return _NAME_SPACE.sub(" ", text).strip().casefold()


def strip_np(text: str) -> str:
    """The lexicon key of a phrase: :func:`norm_name` without leading determiners and a trailing possessive."""
    words = norm_name(text).split(" ")
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return POSSESSIVE.sub("", " ".join(words)).strip()


def _name_words(name: str) -> list[str]:
    """Casefolded words of a name, possessives and a leading "the" dropped."""
    words = [POSSESSIVE.sub("", w) for w in _NAME_SPACE.sub(" ", name.casefold()).strip().split(" ")]
    if words and words[0] == "the":
        words = words[1:]
    return [w for w in words if w]


def _build_alias_index() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for name, kind, aliases in SOURCES:
        for alias in (name, *aliases):
            index.setdefault(strip_np(alias), (name, kind))
    return index


#: :func:`strip_np` key of every canonical name and alias -> (canonical name, kind); the first entry wins.
ALIAS_INDEX: dict[str, tuple[str, str]] = _build_alias_index()


def lookup_source(text: str) -> tuple[str, str] | None:
    """(canonical name, kind) of the lexicon entry for a phrase, trying shorter tails
    ("the latest UK intelligence" -> "UK intelligence"), or None."""
    words = strip_np(text).split(" ")
    for i in range(len(words)):
        hit = ALIAS_INDEX.get(" ".join(words[i:]))
        if hit is not None:
            return hit
    return None


def _demonym_in(words: list[str]) -> str | None:
    """The first country word or demonym among ``words`` (a plural demonym too: "Ukrainians")."""
    words = [w[:-1] if w.endswith("s") and w not in DEMONYMS and w[:-1] in DEMONYMS else w for w in words]
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            side = DEMONYMS.get(" ".join(words[i : i + size]))
            if side is not None:
                return side
    return None


@lru_cache(maxsize=4096)
def side_of(name: str) -> str | None:
    """The country an actor's name stands for or belongs to, as an adjective, or None.

    "Russia", "the Kremlin", "Russian forces", "Putin" -> "Russian"; "Ukraine's Armed
    Forces", "Ukrainians", "Zelensky" -> "Ukrainian"; "Israel" -> "Israeli";
    "the police" -> None. Lexicon aliases come first (their canonical name, or
    :data:`SOURCE_SIDES`), then countries and capitals acting as agents, then any
    country word or demonym in the name.
    """
    words = _name_words(name)
    if not words:
        return None
    key = " ".join(words)
    hit = lookup_source(name)
    if hit is not None:
        canonical = hit[0]
        if canonical in SOURCE_SIDES:
            return SOURCE_SIDES[canonical]
        if side := _demonym_in(_name_words(canonical)):
            return side
    if key in AGENT_GOVERNMENTS:
        return DEMONYMS.get(key) or AGENT_GOVERNMENTS[key].removesuffix(" government")
    return _demonym_in(words)
