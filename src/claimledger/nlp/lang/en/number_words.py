"""English number words, multipliers, bound cues and unit nouns for the quantity finder."""

from __future__ import annotations

#: Cardinal words below a hundred (hyphenated compounds are summed by the parser).
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: Scale words that multiply what precedes them ("three hundred", "1.5 million").
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
#: Abbreviated multipliers written after digits ("3m", "$2bn", "5k", "2.5 bln").
SUFFIX_MULTIPLIERS: dict[str, int] = {
    "hundred": 100, "k": 1_000, "thousand": 1_000,
    "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "million": 1_000_000,
    "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000, "billion": 1_000_000_000,
    "tn": 1_000_000_000_000, "trillion": 1_000_000_000_000,
}
#: Plural vague multiples: "hundreds of" is read as at least two hundred.
VAGUE_PLURALS: dict[str, int] = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "billions": 1_000_000_000,
}

# Left-hand cues (lower case, single spaces). Each maps to the bound it sets.
LOWER_CUES: tuple[str, ...] = (
    "at least", "more than", "greater than", "larger than", "bigger than", "higher than",
    "over", "above", "in excess of", "upwards of", "no fewer than", "no less than",
    "not less than", "not fewer than", "a minimum of", "minimum of", "exceeding",
    "exceed", "exceeds", "exceeded", "surpassing", "surpass", "well over", "just over",
    "more than or equal to", "greater than or equal to", "at least or equal to",
    "equal to or more than", "equal to or greater than", "higher or equal than",
    "bigger or equal than", "greater or equal than", "larger or equal than",
)
UPPER_CUES: tuple[str, ...] = (
    "up to", "fewer than", "less than", "under", "below", "no more than", "not more than",
    "at most", "a maximum of", "maximum of", "lower than", "smaller than", "just under",
    "less than or equal to", "fewer than or equal to", "equal to or less than",
    "smaller or equal than", "lower or equal than", "less or equal than",
    "as few as", "well under", "as many as", "as much as",
)
APPROX_CUES: tuple[str, ...] = (
    "about", "around", "approximately", "approx.", "roughly", "nearly", "almost",
    "some", "an estimated", "estimated", "close to", "circa", "c.", "ca.",
    "an approximate", "more or less", "in the region of", "on the order of",
)
EXACT_CUES: tuple[str, ...] = ("exactly", "precisely", "equal to", "equals", "equals to", "equaling to")
#: Right-hand cues: "500 or more", "200 and above".
LOWER_SUFFIXES: tuple[str, ...] = (
    "or more", "and more", "or greater", "and above", "or above", "plus", "or over",
    "or higher", "and over", "or more than", "or greater than",
)
UPPER_SUFFIXES: tuple[str, ...] = (
    "or less", "or fewer", "and below", "or below", "and under", "or under", "at most",
)

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)

#: Currency symbols and codes -> ISO 4217 code used as the unit.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₴": "UAH", "¥": "JPY",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB", "uah": "UAH",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnyas": "UAH",
    "hryvnya": "UAH", "yuan": "CNY", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "rub": "RUB", "uah": "UAH",
}

#: Measure words -> canonical unit (distance and duration categories).
DISTANCE_UNITS: dict[str, str] = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "miles", "miles": "miles", "mi": "miles",
    "metre": "m", "metres": "m", "meter": "m", "meters": "m", "m": "m",
    "nautical mile": "nautical miles", "nautical miles": "nautical miles",
    "yard": "yards", "yards": "yards", "feet": "feet", "foot": "feet", "ft": "feet",
    "cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm",
    "millimetres": "mm", "millimeters": "mm", "inch": "inches", "inches": "inches",
}
DURATION_UNITS: dict[str, str] = {
    "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
    "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
    "weeks": "weeks", "month": "months", "months": "months", "year": "years",
    "years": "years", "decade": "decades", "decades": "decades", "hr": "hours",
    "hrs": "hours", "h": "hours", "min": "minutes", "mins": "minutes",
}
#: Other measures (category other) -> canonical unit.
OTHER_UNITS: dict[str, str] = {
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilos": "kg", "mg": "mg",
    "tonne": "tonnes", "tonnes": "tonnes", "ton": "tons", "tons": "tons",
    "litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres",
    "gallon": "gallons", "gallons": "gallons", "barrel": "barrels", "barrels": "barrels",
    "megawatt": "MW", "megawatts": "MW", "mw": "MW", "gigawatt": "GW", "gigawatts": "GW",
    "gw": "GW", "lbs": "lbs", "lb": "lbs",
}

#: Count nouns that name military personnel.
PERSONNEL_NOUNS: frozenset[str] = frozenset(
    """troop troops soldier soldiers servicemen serviceman servicemembers servicemember
    service-members personnel fighter fighters mercenary mercenaries militant militants
    conscript conscripts reservist reservists recruit recruits marine marines paratrooper
    paratroopers officer officers sailor sailors pilot pilots commander commanders
    combatant combatants insurgent insurgents guerrilla guerrillas rebel rebels
    militiamen militiaman gunmen gunman sappers sniper snipers infantrymen guardsmen
    special-forces crew crews servicewomen occupiers occupier invaders invader defenders
    defender occupants occupant""".split()
)
#: Count nouns that name people who are not (necessarily) combatants.
PEOPLE_NOUNS: frozenset[str] = frozenset(
    """people persons person civilians civilian children child residents resident women
    woman men man journalists journalist refugees refugee victims victim workers worker
    evacuees medics doctors volunteers individuals inhabitants citizens nationals
    migrants passengers students staff employees families adults minors teenagers
    villagers policemen police members""".split()
)
#: Nouns that are themselves casualty words (the unit fixes the category).
KILLED_NOUNS: frozenset[str] = frozenset("deaths dead fatalities bodies corpses killed".split())
WOUNDED_NOUNS: frozenset[str] = frozenset("wounded injured injuries".split())
CAPTURED_NOUNS: frozenset[str] = frozenset(
    "prisoners prisoner pows pow captives hostages hostage detainees detainee".split()
)
#: Count nouns for weapons and materiel.
EQUIPMENT_NOUNS: frozenset[str] = frozenset(
    """tank tanks missile missiles drone drones aircraft airplane airplanes plane planes
    jet jets helicopter helicopters artillery vehicle vehicles shell shells rocket rockets
    gun guns howitzer howitzers launcher launchers ship ships vessel vessels boat boats
    warship warships apc apcs ifv ifvs apcs weapon weapons round rounds munition
    munitions bomb bombs system systems warhead warheads uav uavs shahed
    shaheds truck trucks lorries armoured-vehicles cannon cannons mortar mortars
    rifles rifle grenades grenade projectiles projectile interceptors interceptor
    submarine submarines frigate frigates cruiser cruisers fighters-jets bombers bomber
    satellites radars radar mlrs himars javelins javelin stingers ammunition
    cartridges""".split()
)
#: Words that never serve as the unit noun after a number (function words, verbs...).
NON_UNITS: frozenset[str] = frozenset(
    """a an the of and or but to in on at by for from with as is are was were be been
    being has have had do does did will would shall should can could may might must
    this that these those it its they them their there here who whom which what when
    where while than then so if not no nor per each every all any some most less
    fewer such only also just even still yet again ago later earlier before after
    since until into onto over under about around against between through during
    without within along across behind beyond near out up down off away back
    percent cent times time others another one ones same both either neither
    said says say told according reportedly killed dead died wounded injured captured
    killing wounding injuring including like via per among toward towards upon
    whereas whose he she we you i me him her us our your his my mine yours
    last next first second third several many few much own least most half http https www
    halves thirds fourth fourths quarter quarters fifth fifths sixth sixths seventh
    sevenths eighth eighths ninth ninths tenth tenths hundredth hundredths
    thousandth thousandths millionth millionths""".split()
)

#: Adjectives that may stand between a number and its noun ("27 separate states")
#: but are never the noun themselves.
SKIP_ADJECTIVES: frozenset[str] = frozenset(
    """new old further additional different major large small big main key separate top
    total whole entire young elderly innocent ordinary unarmed enemy foreign local
    heavy light modern advanced brave more other""".split()
)
#: Listed nouns that also modify a following noun ("94 civilian objects",
#: "10 missile strikes", "50 drone attacks"): the following noun is the head.
NOUN_ADJUNCTS: frozenset[str] = frozenset(
    """civilian military tank missile drone artillery rocket air police infantry aircraft
    army navy soldier troop""".split()
)

#: Context words in the same clause that make a count of people a casualty count.
KILLED_CUES: tuple[str, ...] = (
    "killed", "kill", "kills", "killing", "dead", "deaths", "died", "die",
    "dies", "dying", "fatalities", "fatality", "death toll", "toll", "lost their lives",
    "perished", "slain", "massacred", "executed", "murdered", "bodies",
)
WOUNDED_CUES: tuple[str, ...] = (
    "wounded", "wounding", "injured", "injuring", "injuries", "hurt", "hospitalised",
    "hospitalized",
)
CAPTURED_CUES: tuple[str, ...] = (
    "captured", "capture", "capturing", "taken prisoner", "prisoners", "prisoner",
    "pows", "pow", "prisoners of war", "surrendered", "taken captive", "detained",
    "abducted",
)

#: Capitalised words before a number that make it a label, not a count ("Article 5").
LABEL_WORDS: frozenset[str] = frozenset(
    """no no. nos. article articles resolution chapter section paragraph clause route
    highway flight unit building room page pp. p. apartment brigade battalion regiment
    division corps platoon company army group block gate terminal platform line
    bus tram road street st. version v. model type mark mk phase stage level
    number grade part annex protocol item figure table kh category code""".split()
)

#: Vulgar fraction characters -> value ("½ tbsp", "2½ miles").
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}
#: Denominator words after a small cardinal ("two thirds", "one-half", "three quarters").
#: "second" is left out: "one second" is a duration.
FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1_000, "thousandths": 1_000,
}
#: Slashed denominators read as fractions ("1/2", "3/4", "1/40"). Denominators
#: 5-31 (bar 8 and 16) are left out: "9/11", "3/10", "24/7" are as often dates,
#: names or schedules as fractions in news text.
FRACTION_DENOMINATORS: frozenset[int] = frozenset({2, 3, 4, 8, 16}) | frozenset(range(32, 1_001))

#: Unit symbols after a number, matched case-sensitively ("7.3 MWh", "2.80 GHz", "3 to 4 L").
#: Left out because they are also words or times: "A", "V", "N", "J", "B", "pm", "am", "in".
SYMBOL_UNITS: dict[str, str] = {
    s: s
    for s in """eV keV MeV GeV TeV Hz kHz MHz GHz THz W kW MW GW TW Wh kWh MWh GWh TWh
    kB KB MB GB TB PB Kb Mb Gb kbps Mbps Gbps Gy mGy Sv mSv µSv Pa kPa MPa hPa kV mA
    mL ml cl dl nm µm kN kJ MJ kcal mph""".split()
} | {"L": "litres", "l": "litres", "t": "tonnes", "g": "g", "Ma": "Ma", "Ga": "Ga", "tpd": "tpd"}
#: Measure words read after "square"/"cubic" or with a power ("km2", "km²", "km squared") -> symbol.
AREA_BASES: dict[str, str] = {
    "km": "km", "miles": "mi", "m": "m", "feet": "ft", "yards": "yd", "cm": "cm", "mm": "mm",
    "inches": "in",
}
