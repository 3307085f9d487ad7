"""Nationality adjectives -> ISO alpha-3 ("the Russian city of Belgorod", "Ukrainian forces").

Regular forms are derived from the country names in the gazetteer; the irregular
ones are listed here.
"""
from __future__ import annotations

from functools import lru_cache

IRREGULAR = {
    "French": "FRA", "British": "GBR", "English": "GBR", "Scottish": "GBR", "Welsh": "GBR", "Dutch": "NLD",
    "Spanish": "ESP", "Swedish": "SWE", "Finnish": "FIN", "Danish": "DNK", "Greek": "GRC", "Swiss": "CHE",
    "Irish": "IRL", "Polish": "POL", "Turkish": "TUR", "Norwegian": "NOR", "Portuguese": "PRT",
    "Filipino": "PHL", "Philippine": "PHL", "Thai": "THA", "Saudi": "SAU", "Peruvian": "PER", "Kurdish": "IRQ",
    "Emirati": "ARE", "American": "USA", "Israeli": "ISR", "Iraqi": "IRQ", "Yemeni": "YEM", "Afghan": "AFG",
    "Pakistani": "PAK", "Bangladeshi": "BGD", "Somali": "SOM", "Chinese": "CHN", "Japanese": "JPN",
    "Lebanese": "LBN", "Sudanese": "SDN", "Vietnamese": "VNM", "Belarusian": "BLR", "Belarussian": "BLR",
    "Ukrainian": "UKR", "Russian": "RUS", "German": "DEU", "Palestinian": "PSE", "Korean": "KOR",
    "North Korean": "PRK", "South Korean": "KOR", "Czech": "CZE", "Slovak": "SVK", "Icelandic": "ISL",
    "Maltese": "MLT", "Cypriot": "CYP", "Congolese": "COD", "Malian": "MLI", "Nigerien": "NER",
    "Burkinabe": "BFA", "Ivorian": "CIV", "Argentine": "ARG", "Dominican": "DOM", "Nepali": "NPL",
    "Nepalese": "NPL", "Sri Lankan": "LKA", "Kuwaiti": "KWT", "Qatari": "QAT", "Omani": "OMN", "Bahraini": "BHR",
    "Azerbaijani": "AZE", "Azeri": "AZE", "Egyptian": "EGY", "Nigerian": "NGA", "Nigerien_": "NER", "Indian": "IND", "Georgian": "GEO", "Iranian": "IRN", "Syrian": "SYR", "Libyan": "LBY",
    "Salvadoran": "SLV", "Salvadorean": "SLV", "Honduran": "HND", "Bosnian": "BIH", "Haitian": "HTI",
}


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    import pycountry  # only when the gazetteer is built: the import costs ~0.2 s

    out: dict[str, str] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        if "," in name or " " in name and not name.startswith(("South ", "North ", "New ", "Sri ", "El ")):
            continue
        forms = {name + "n", name + "i", name + "ian", name + "ese", name[:-1] + "an", name[:-1] + "ian",
                 name[:-1] + "ese", name[:-2] + "ese", name[:-1] + "i", name[:-2] + "an"}
        if name.endswith("stan"):
            forms |= {name[:-4], name[:-5]}
        for f in forms:
            out.setdefault(f, c.alpha_3)
    # A derived form that is a country's own name is no adjective: "Afghanist" + "an" is Afghanistan,
    # "Ira" + "n" is Iran (which made every "Iran" a vote for Iraq).
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", None)} - {None}:
            out.pop(name, None)
    out.update(IRREGULAR)
    return out


def country_of(adjective: str) -> str | None:
    return table().get(adjective.strip())


# Residents of US states -> postal code ("Ohioans", "a Texan"), for local US news where the state is
# implied rather than named. Forms shared with a country ("Georgian") are left out.
US_STATE_DEMONYMS = {
    "Alabamian": "AL", "Alabaman": "AL", "Alaskan": "AK", "Arizonan": "AZ", "Arkansan": "AR",
    "Californian": "CA", "Coloradan": "CO", "Connecticuter": "CT", "Delawarean": "DE", "Floridian": "FL",
    "Hawaiian": "HI", "Idahoan": "ID", "Illinoisan": "IL", "Hoosier": "IN", "Iowan": "IA", "Kansan": "KS",
    "Kentuckian": "KY", "Louisianan": "LA", "Louisianian": "LA", "Mainer": "ME", "Marylander": "MD",
    "Michigander": "MI", "Michiganian": "MI", "Minnesotan": "MN", "Mississippian": "MS", "Missourian": "MO",
    "Montanan": "MT", "Nebraskan": "NE", "Nevadan": "NV", "New Hampshirite": "NH", "New Jerseyan": "NJ",
    "New Mexican": "NM", "New Yorker": "NY", "North Dakotan": "ND", "Ohioan": "OH", "Oklahoman": "OK",
    "Oregonian": "OR", "Pennsylvanian": "PA", "Rhode Islander": "RI", "South Dakotan": "SD",
    "Tennessean": "TN", "Texan": "TX", "Utahn": "UT", "Vermonter": "VT", "Virginian": "VA",
    "Washingtonian": "WA", "West Virginian": "WV", "Wisconsinite": "WI", "Wyomingite": "WY",
}


def us_state_of(word: str) -> str | None:
    """Postal code of the US state a resident word names ("Ohioans" -> "OH")."""
    word = word.strip()
    return US_STATE_DEMONYMS.get(word) or (US_STATE_DEMONYMS.get(word[:-1]) if word.endswith("s") else None)
