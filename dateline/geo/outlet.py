"""The country an outlet's web address names: a national domain (".co.uk", ".ie", ".ru", ".com.au").

A national paper rarely says its own country ("the government", "the Taoiseach"): its address is evidence
that "Dublin" is Ireland's and "Perth" Australia's. A hint only: the resolver weighs it with the rest.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

# Country-code domains used as generic ones: no evidence of a country.
GENERIC_TLDS = {"co", "io", "tv", "me", "fm", "am", "ly", "ai", "cc", "ws", "to", "eu"}
_HOST = re.compile(r"^[a-z0-9.\-]+\.[a-z]{2,}$")


def outlet_country(address: str | None) -> str | None:
    """ISO alpha-3 of a URL's or bare domain's national domain; None for ".com" and for anything that is
    not an address (an outlet's display name)."""
    host = _host(address or "")
    tld = host.rsplit(".", 1)[-1] if host else ""
    return _tld_country(tld) if len(tld) == 2 and tld not in GENERIC_TLDS else None


def _host(address: str) -> str | None:
    address = address.strip().lower()
    host = urlsplit(address).hostname if "//" in address else address.split("/")[0]
    return host if host and _HOST.match(host) else None


@lru_cache(maxsize=256)
def _tld_country(tld: str) -> str | None:
    import pycountry  # only for a national domain: the import costs a fifth of a second

    found = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    return found.alpha_3 if found else None
