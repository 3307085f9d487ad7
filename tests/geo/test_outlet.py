"""The country a national web domain names, as evidence for resolving places."""
import pytest

from dateline.geo.outlet import outlet_country
from dateline.geo.resolve import resolve


@pytest.mark.parametrize("address, country", [
    ("https://www.irishtimes.ie/news/1", "IRL"), ("bbc.co.uk", "GBR"), ("http://smh.com.au/a?b=c", "AUS"),
    ("https://news.example.ru/", "RUS"), ("https://www.ajc.com/x", None), ("https://site.io/a", None),
    ("The Irish Times", None), (None, None), ("", None),
])
def test_outlet_country_reads_national_domains_only(address, country):
    assert outlet_country(address) == country


def test_national_domain_tips_an_ambiguous_town_to_its_country():
    text = "Crowds gathered in Perth on Saturday."
    start = text.index("Perth")
    (au,) = resolve(text, [(start, start + 5)], outlet="https://www.perthnow.com.au/news")
    (uk,) = resolve(text, [(start, start + 5)], outlet="https://www.scotsman.co.uk/news")
    assert (au.country, uk.country) == ("AUS", "GBR")
