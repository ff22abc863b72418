"""English trigger words for PLOVER-style event types (base forms; inflected by events.py).

The project's bounded type set, with the PLOVER root each one falls under and the
CAMEO root codes it corresponds to (used to compare with CAMEO-coded gold data):

| type        | PLOVER root  | CAMEO roots | triggers (examples)                               |
|-------------|--------------|-------------|---------------------------------------------------|
| DEPLOY      | MOBILIZE     | 15          | deploy, redeploy, station, send/move troops       |
| MOBILIZE    | MOBILIZE     | 15          | mobilize, conscript, reinforce, mass              |
| TRAIN       | COOPERATE    | 06, 15      | train, drill, exercise(s)                         |
| ASSAULT     | ASSAULT      | 18, 19      | attack, strike, shell, bomb, invade, offensive    |
| KILL        | ASSAULT      | 18, 19, 20  | kill, die, casualties, dead, massacre             |
| SEIZE       | ASSAULT      | 19          | seize, capture, occupy, annex, take control       |
| MEET        | CONSULT      | 04          | meet, visit, host, talks, summit, speak           |
| CONSULT     | CONSULT      | 04          | call, discuss, negotiate, consult                 |
| SUPPORT     | SUPPORT/AID  | 05, 06, 07  | support, aid, supply, help, back, arm             |
| COOPERATE   | COOPERATE    | 05, 06      | cooperate, collaborate, partner                   |
| AGREE       | AGREE        | 03, 05, 08  | agree, sign, ceasefire, truce, deal               |
| PLAN        | (intent)     | 03          | plan, intend, prepare, aim, seek, want            |
| CONCEDE     | CONCEDE      | 08          | surrender, concede, release, free, ease           |
| RETREAT     | RETREAT      | 08          | withdraw, retreat, leave, pull out, flee          |
| COERCE      | COERCE       | 16, 17      | sanction, arrest, detain, expel, ban, pressure    |
| PROTEST     | PROTEST      | 14          | protest, demonstrate, rally                       |
| THREATEN    | THREATEN     | 13          | threaten, warn, ultimatum                         |
| ACCUSE      | ACCUSE       | 11          | accuse, blame                                     |
| DISAPPROVE  | DISAPPROVE   | 11          | condemn, criticize, denounce                      |
| REJECT      | REJECT       | 12          | reject, refuse, deny, veto                        |
| REQUEST     | REQUEST      | 02          | ask, request, appeal, urge, call for              |
| DEMAND      | DEMAND       | 10          | demand, insist, (noun) pressure                   |
| INVESTIGATE | INVESTIGATE  | 09          | investigate, probe, inquiry                       |

"Ukraine is preparing a new counter-offensive" is PLAN: the main predicate is the
preparation, and the prepared action is not coded.
"""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    "DEPLOY", "MOBILIZE", "TRAIN", "ASSAULT", "KILL", "SEIZE", "MEET", "CONSULT",
    "SUPPORT", "COOPERATE", "AGREE", "PLAN", "CONCEDE", "RETREAT", "COERCE", "PROTEST",
    "THREATEN", "ACCUSE", "DISAPPROVE", "REJECT", "REQUEST", "DEMAND", "INVESTIGATE",
)  # fmt: skip

PLOVER_ROOT: dict[str, str] = {
    "DEPLOY": "MOBILIZE", "MOBILIZE": "MOBILIZE", "TRAIN": "COOPERATE", "ASSAULT": "ASSAULT",
    "KILL": "ASSAULT", "SEIZE": "ASSAULT", "MEET": "CONSULT", "CONSULT": "CONSULT",
    "SUPPORT": "SUPPORT", "COOPERATE": "COOPERATE", "AGREE": "AGREE", "PLAN": "PLAN",
    "CONCEDE": "CONCEDE", "RETREAT": "RETREAT", "COERCE": "COERCE", "PROTEST": "PROTEST",
    "THREATEN": "THREATEN", "ACCUSE": "ACCUSE", "DISAPPROVE": "DISAPPROVE", "REJECT": "REJECT",
    "REQUEST": "REQUEST", "DEMAND": "DEMAND", "INVESTIGATE": "INVESTIGATE",
}  # fmt: skip

CAMEO_ROOTS: dict[str, tuple[str, ...]] = {
    "DEPLOY": ("15",), "MOBILIZE": ("15",), "TRAIN": ("06", "15"), "ASSAULT": ("18", "19"),
    "KILL": ("18", "19", "20"), "SEIZE": ("19",), "MEET": ("04",), "CONSULT": ("04",),
    "SUPPORT": ("05", "06", "07"), "COOPERATE": ("05", "06"), "AGREE": ("03", "05", "08"),
    "PLAN": ("03",), "CONCEDE": ("08",), "RETREAT": ("08",), "COERCE": ("16", "17"),
    "PROTEST": ("14",), "THREATEN": ("13",), "ACCUSE": ("11",), "DISAPPROVE": ("11",),
    "REJECT": ("12",), "REQUEST": ("02",), "DEMAND": ("10",), "INVESTIGATE": ("09",),
}  # fmt: skip

# Verb base forms -> type. Inflections come from events.py (regular rules plus
# IRREGULAR_FORMS below).
VERBS: dict[str, str] = {
    # DEPLOY
    **dict.fromkeys(["deploy", "redeploy", "station", "relocate", "reposition", "dispatch",
                     "transfer", "amass"], "DEPLOY"),
    # MOBILIZE
    **dict.fromkeys(["mobilize", "mobilise", "conscript", "reinforce", "draft", "recruit",
                     "mass"], "MOBILIZE"),
    # TRAIN
    **dict.fromkeys(["train", "drill"], "TRAIN"),
    # ASSAULT
    **dict.fromkeys(["attack", "strike", "shell", "bomb", "bombard", "invade", "raid", "ambush",
                     "storm", "assault", "fire", "shoot", "hit", "target", "pound", "blast",
                     "clash", "fight", "torpedo", "besiege", "destroy", "damage", "explode",
                     "detonate", "demolish", "wound", "injure", "harass", "abduct", "kidnap", "hijack",
                     "battle", "counterattack", "advance"], "ASSAULT"),
    # KILL
    **dict.fromkeys(["kill", "die", "slaughter", "massacre", "execute", "murder",
                     "assassinate", "behead", "perish", "slay"], "KILL"),
    # SEIZE
    **dict.fromkeys(["seize", "capture", "occupy", "conquer", "annex", "recapture", "retake",
                     "liberate", "overrun", "encircle"], "SEIZE"),
    # MEET
    **dict.fromkeys(["meet", "visit", "host", "receive", "welcome", "tour", "attend", "speak"],
                    "MEET"),
    # CONSULT
    **dict.fromkeys(["discuss", "negotiate", "consult", "confer", "telephone", "phone",
                     "talk", "mediate"], "CONSULT"),
    # SUPPORT
    **dict.fromkeys(["support", "aid", "supply", "help", "assist", "back", "arm", "fund",
                     "finance", "donate", "endorse", "praise", "defend", "protect",
                     "provide", "deliver", "pledge", "ally", "guarantee"], "SUPPORT"),
    # COOPERATE
    **dict.fromkeys(["cooperate", "collaborate", "partner", "coordinate", "integrate"],
                    "COOPERATE"),
    # AGREE
    **dict.fromkeys(["agree", "sign", "ratify", "accept", "approve", "reconcile", "settle",
                     "normalize", "normalise"], "AGREE"),
    # PLAN
    **dict.fromkeys(["plan", "intend", "prepare", "aim", "plot", "vow", "promise", "pledge",
                     "offer", "seek", "want"], "PLAN"),
    # CONCEDE
    **dict.fromkeys(["surrender", "concede", "capitulate", "yield", "release", "free",
                     "ease", "lift", "pardon", "apologize", "apologise"], "CONCEDE"),
    # RETREAT
    **dict.fromkeys(["withdraw", "retreat", "leave", "flee", "evacuate", "abandon",
                     "demobilize", "demobilise"], "RETREAT"),
    # COERCE
    **dict.fromkeys(["sanction", "arrest", "detain", "jail", "imprison", "expel", "deport",
                     "ban", "blockade", "censor", "confiscate", "embargo", "punish",
                     "suspend", "boycott", "raid", "pressure", "pressurise", "pressurize",
                     "coerce", "intimidate"], "COERCE"),
    # PROTEST
    **dict.fromkeys(["protest", "demonstrate", "rally", "march", "riot"], "PROTEST"),
    # THREATEN
    **dict.fromkeys(["threaten", "warn"], "THREATEN"),
    # ACCUSE
    **dict.fromkeys(["accuse", "blame", "charge", "allege"], "ACCUSE"),
    # DISAPPROVE
    **dict.fromkeys(["condemn", "criticize", "criticise", "denounce", "deplore", "decry",
                     "slam", "rebuke", "complain", "oppose", "object"], "DISAPPROVE"),
    # REJECT
    **dict.fromkeys(["reject", "refuse", "deny", "veto", "dismiss", "decline", "rebuff",
                     "resist"], "REJECT"),
    # REQUEST
    **dict.fromkeys(["ask", "request", "appeal", "urge", "invite", "plead", "beg"],
                    "REQUEST"),
    # DEMAND
    **dict.fromkeys(["demand", "insist", "order"], "DEMAND"),
    # INVESTIGATE
    **dict.fromkeys(["investigate", "probe", "inspect", "examine", "monitor"], "INVESTIGATE"),
}  # fmt: skip
# "raid" is ASSAULT (military raid) rather than COERCE (police raid): keep the first.
VERBS["raid"] = "ASSAULT"
VERBS["pledge"] = "SUPPORT"

# Noun (and a few adjective) triggers, singular; plurals are added by events.py.
NOUNS: dict[str, str] = {
    **dict.fromkeys(["deployment", "redeployment", "rotation", "buildup", "build-up"], "DEPLOY"),
    **dict.fromkeys(["mobilization", "mobilisation", "conscription", "reinforcement",
                     "call-up"], "MOBILIZE"),
    **dict.fromkeys(["training", "exercise", "drill", "maneuver", "manoeuvre"], "TRAIN"),
    **dict.fromkeys(["attack", "strike", "airstrike", "offensive", "counter-offensive",
                     "counteroffensive", "invasion", "assault", "shelling", "bombing",
                     "bombardment", "raid", "ambush", "barrage", "fighting", "clash",
                     "battle", "missile", "rocket", "explosion", "blast", "siege",
                     "incursion", "onslaught", "counterattack", "hostilities",
                     "shootout", "advance", "firefight", "gunfire", "shooting", "airstrike"], "ASSAULT"),
    **dict.fromkeys(["casualty", "death", "dead", "killing", "massacre", "execution",
                     "murder", "assassination", "fatality", "toll", "bloodshed"], "KILL"),
    **dict.fromkeys(["seizure", "capture", "occupation", "annexation", "takeover",
                     "conquest", "recapture", "liberation", "encirclement"], "SEIZE"),
    **dict.fromkeys(["visit", "meeting", "talks", "summit", "trip", "tour", "reception",
                     "conference", "videoconference", "video-conference"], "MEET"),
    **dict.fromkeys(["negotiation", "consultation", "discussion", "conversation",
                     "phone call", "mediation", "dialogue"], "CONSULT"),
    **dict.fromkeys(["support", "aid", "assistance", "supply", "help", "backing",
                     "ally", "delivery", "donation", "funding", "package"], "SUPPORT"),
    **dict.fromkeys(["cooperation", "collaboration", "partnership", "alliance"],
                    "COOPERATE"),
    **dict.fromkeys(["agreement", "ceasefire", "cease-fire", "truce", "deal", "accord",
                     "treaty", "armistice", "peace"], "AGREE"),
    **dict.fromkeys(["plan", "intention", "preparation", "plot"], "PLAN"),
    **dict.fromkeys(["surrender", "concession", "release", "amnesty", "apology"], "CONCEDE"),
    **dict.fromkeys(["withdrawal", "retreat", "pullout", "pull-out", "evacuation",
                     "exodus"], "RETREAT"),
    **dict.fromkeys(["sanction", "arrest", "detention", "expulsion", "deportation", "ban",
                     "blockade", "embargo", "crackdown", "raid"], "COERCE"),
    **dict.fromkeys(["protest", "demonstration", "rally", "riot", "unrest"], "PROTEST"),
    **dict.fromkeys(["threat", "ultimatum", "warning"], "THREATEN"),
    **dict.fromkeys(["accusation", "allegation", "charge", "blame"], "ACCUSE"),
    **dict.fromkeys(["condemnation", "criticism", "denunciation", "complaint",
                     "opposition"], "DISAPPROVE"),
    **dict.fromkeys(["rejection", "refusal", "denial", "veto"], "REJECT"),
    **dict.fromkeys(["request", "appeal", "plea", "invitation"], "REQUEST"),
    **dict.fromkeys(["demand", "pressure", "insistence"], "DEMAND"),
    **dict.fromkeys(["investigation", "probe", "inquiry", "inspection"], "INVESTIGATE"),
}  # fmt: skip
NOUNS["raid"] = "ASSAULT"

# Verbs whose type depends on their object ("send troops" DEPLOY, "send aid"
# SUPPORT, "take control" SEIZE, "launch missiles" ASSAULT): base -> default type
# (None: no event unless the object says so). An event noun as object wins
# ("launched an offensive" ASSAULT, "held talks" MEET).
LIGHT_VERBS: dict[str, str | None] = {
    "send": None, "move": None, "launch": None, "take": None, "hold": None, "conduct": None,
    "carry": None, "mount": None, "stage": None, "make": None, "give": None, "have": None,
    "begin": None, "start": None, "continue": None, "resume": None, "step": None,
    "pay": None, "be": None, "announce": None, "call": "CONSULT", "put": None,
    "bring": None, "pull": None, "open": None, "go": None, "get": None, "increase": None,
    "boost": None, "order": "DEMAND", "receive": "MEET", "provide": "SUPPORT",
    "deliver": "SUPPORT", "offer": "PLAN", "fire": "ASSAULT", "report": None,
    "confirm": None, "see": None, "note": None, "observe": None, "suffer": None,
    "sustain": None, "inflict": None, "cause": None, "leave": "RETREAT", "lose": None,
    "engage": None, "express": None,
}  # fmt: skip

# Object words grouped by what they denote; a light verb plus an object class
# gives a type (LIGHT_VERB_OBJECTS), so "sent troops" is DEPLOY while "there were
# 10 soldiers killed" is not.
OBJECT_CLASSES: dict[str, str] = {
    **dict.fromkeys(["troops", "soldiers", "forces", "units", "battalions", "brigades",
                     "regiments", "divisions", "personnel", "reinforcements", "warships",
                     "ships", "jets", "aircraft", "tanks", "servicemen", "marines",
                     "paratroopers", "mercenaries", "fighters", "army", "navy",
                     "contingent"], "forces"),
    **dict.fromkeys(["missiles", "missile", "rockets", "rocket", "drones", "shells",
                     "bombs", "fire", "strikes", "airstrikes", "artillery"], "weapons"),
    **dict.fromkeys(["control"], "control"),
    **dict.fromkeys(["weapons", "arms", "ammunition", "aid", "supplies", "equipment",
                     "money", "loans", "assistance", "help", "support"], "aid"),
    **dict.fromkeys(["casualties", "losses", "deaths", "lives"], "casualties"),
}  # fmt: skip

LIGHT_VERB_OBJECTS: dict[tuple[str, str], str] = {
    ("send", "forces"): "DEPLOY", ("move", "forces"): "DEPLOY", ("bring", "forces"): "DEPLOY",
    ("put", "forces"): "DEPLOY", ("increase", "forces"): "MOBILIZE",
    ("boost", "forces"): "MOBILIZE", ("pull", "forces"): "RETREAT",
    ("launch", "weapons"): "ASSAULT", ("fire", "weapons"): "ASSAULT",
    ("send", "weapons"): "ASSAULT", ("open", "weapons"): "ASSAULT",
    ("take", "control"): "SEIZE", ("get", "control"): "SEIZE", ("lose", "control"): "RETREAT",
    ("send", "aid"): "SUPPORT", ("give", "aid"): "SUPPORT", ("provide", "aid"): "SUPPORT",
    ("deliver", "aid"): "SUPPORT", ("offer", "aid"): "SUPPORT", ("bring", "aid"): "SUPPORT",
    ("increase", "aid"): "SUPPORT", ("boost", "aid"): "SUPPORT", ("receive", "aid"): "SUPPORT",
    ("get", "aid"): "SUPPORT",
    ("suffer", "casualties"): "KILL", ("sustain", "casualties"): "KILL",
    ("inflict", "casualties"): "KILL", ("cause", "casualties"): "KILL",
    ("report", "casualties"): "KILL", ("lose", "casualties"): "KILL",
}  # fmt: skip

# A light verb with one of these particles/prepositions: ("pull", "out") RETREAT.
PHRASAL: dict[tuple[str, str], str] = {
    ("pull", "out"): "RETREAT", ("pull", "back"): "RETREAT", ("move", "out"): "RETREAT",
    ("step", "down"): "CONCEDE", ("back", "down"): "CONCEDE", ("call", "for"): "REQUEST",
    ("call", "on"): "REQUEST", ("take", "over"): "SEIZE", ("give", "up"): "CONCEDE",
    ("go", "on"): "PROTEST", ("open", "fire"): "ASSAULT", ("carry", "out"): None,
    ("lose", "control"): "RETREAT",
}  # fmt: skip

# Capitalised forms never read as triggers (months, names; sentence-initial uses of
# these words are rarer than the month or name).
CAPITALISED_NON_TRIGGERS: frozenset[str] = frozenset({"March", "May", "Will", "Mass", "Back"})

# Irregular verb forms -> base form (regular -s/-ed/-ing forms are generated).
IRREGULAR_FORMS: dict[str, str] = {
    "struck": "strike", "stricken": "strike", "shot": "shoot", "fought": "fight",
    "met": "meet", "spoke": "speak", "spoken": "speak", "sent": "send", "took": "take",
    "taken": "take", "held": "hold", "made": "make", "gave": "give", "given": "give",
    "had": "have", "has": "have", "began": "begin", "begun": "begin", "paid": "pay",
    "put": "put", "brought": "bring", "went": "go", "gone": "go", "got": "get",
    "gotten": "get", "left": "leave", "fled": "flee", "withdrew": "withdraw",
    "withdrawn": "withdraw", "overran": "overrun", "sought": "seek", "is": "be",
    "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "'s": "be",
    "lost": "lose", "slew": "slay", "slain": "slay", "saw": "see", "seen": "see",
}  # fmt: skip
