"""Nationality adjectives -> ISO alpha-3 ("the Russian city of Belgorod", "Ukrainian forces").

Regular forms are derived from the country names in the gazetteer; the irregular
ones are listed here.
"""
from __future__ import annotations

from functools import lru_cache

import pycountry

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
}


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
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
    out.update(IRREGULAR)
    return out


def country_of(adjective: str) -> str | None:
    return table().get(adjective.strip())
