"""The line-level furniture benchmark (dateline.evaluate.furniture) on pages and bodies we wrote."""
import pytest

from dateline.clean import clean_text, line_reasons
from dateline.evaluate.furniture import (Page, label_against_body, label_against_snippets, part_of)
from dateline.evaluate.scraped import scraped_lines

PAGE = """<html><head><title>Floods close bridges</title><style>p {color: red}</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<h1>Floods close two bridges</h1>
<div class="byline">By <b>Jane Smithers</b></div>
<p>The mayor said on <i>Tuesday</i> that two bridges had been closed after the floods.</p>
<figure><img src="x.jpg"><figcaption>A flooded street (Photo: Staff)</figcaption></figure>
<p>Officials expect the water to recede by the weekend.<br>Schools will stay shut until then.</p>
<div style="display:none">Hidden promo text</div><script>var x = "not text";</script>
<footer>© 2026 The Daily Herald</footer></body></html>"""


def test_scraped_lines_one_visible_block_a_line():
    lines = scraped_lines(PAGE.encode("utf-8"))
    assert lines == ["Home", "World", "Floods close two bridges", "By Jane Smithers",
                     "The mayor said on Tuesday that two bridges had been closed after the floods.",
                     "A flooded street (Photo: Staff)", "Officials expect the water to recede by the weekend.",
                     "Schools will stay shut until then.", "© 2026 The Daily Herald"]


def test_scraped_lines_reads_utf8_without_a_charset():
    assert scraped_lines("<html><body><p>Español: café</p></body></html>".encode("utf-8")) == ["Español: café"]


def test_label_against_body_body_furniture_and_undecided():
    body = ("The mayor said on Tuesday that two bridges had been closed after the floods.\n"
            "Officials expect the water to recede by the weekend. Schools will stay shut until then.\n"
            "What happens next\nThe council meets on Friday.")
    lines = ["Home", "Floods close two bridges", "The mayor said on Tuesday that two bridges had been closed after the floods.",
             "A flooded street in the old town of the city (Photo: Staff)", "Schools will stay shut until then.",
             "What happens next", "Friday", "© 2026 The Daily Herald"]
    labels = label_against_body(lines, body, headline="Floods close two bridges")
    assert labels == [
        "furniture",  # not in the body
        None,  # the page's own headline
        "body",
        "furniture",
        "body",  # part of a body paragraph, five words or more
        None,  # a body heading: a subhead for dateline, body for the set
        None,  # a short line that is a word of the body by chance
        "furniture",
    ]


def test_label_against_snippets_takes_the_snippet_side():
    lines = ["Officials expect the water to recede by the weekend, the mayor said on Tuesday.", "Sign up for our newsletter",
             "Home", "A line of no snippet at all in this page"]
    labels = label_against_snippets(lines, with_=["expect the water to recede"], without=["Sign up for our newsletter", "Home"])
    assert labels == ["body", "furniture", "furniture", None]


def test_page_marks_lines_inside_the_article():
    page = Page("k", ("Home", "Body one is a sentence.", "Caption", "Body two is a sentence.", "Footer"),
                ("furniture", "body", "furniture", "body", "furniture"))
    assert [(ll.text, ll.inside) for _, ll in page.labelled()] == [
        ("Home", False), ("Body one is a sentence.", True), ("Caption", True), ("Body two is a sentence.", True),
        ("Footer", False)]


def test_split_is_by_page_and_about_half():
    keys = [f"aeb:{i:04d}" for i in range(400)]
    never = sum(part_of(k) == "never-read" for k in keys)
    assert 160 < never < 240
    assert part_of("aeb:0001") == part_of("aeb:0001")


def test_line_reasons_match_clean_text():
    lines = ["Share this article", "The mayor said on Tuesday that two bridges had been closed.", "", "Tom Baxter",
             "Officials expect the water to recede by the weekend."]
    reasons = line_reasons(lines)
    kept = [line for line, r in zip(lines, reasons) if r is None and line]
    assert kept == [line for line in clean_text("\n".join(lines)).text.split("\n") if line]
    assert reasons[0] == "share-buttons"
