"""The article HTML: every character is inside exactly the marks that cover it, whatever the overlaps."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from dateline.web.highlight import Mark, paragraphs, render, safe_href


class Coverage(HTMLParser):
    """Rebuilds the text and, per character, the classes of the open elements; checks nesting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text = ""
        self.classes: list[frozenset[str]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append((tag, attrs.get("class", "")))
        if "id" in attrs:
            self.ids.append(attrs["id"])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text += data
        self.classes += [frozenset(c for _, cls in self.stack for c in cls.split())] * len(data)


def coverage(html: str) -> Coverage:
    parser = Coverage()
    parser.feed(html)
    parser.close()
    assert parser.stack == [], "unclosed elements"
    return parser


TEXT = "Rebels shelled Calder on Friday, killing two."


@pytest.mark.parametrize("spans", [
    [(0, 6, "a")],                                   # one span
    [(0, 45, "s"), (0, 6, "a"), (15, 21, "b")],      # nested in a sentence
    [(0, 14, "a"), (7, 21, "b")],                    # crossing
    [(7, 14, "a"), (7, 14, "b")],                    # same extent
    [(0, 21, "a"), (7, 30, "b"), (15, 45, "c")],     # a chain of crossings
    [(10, 20, "a"), (0, 45, "s"), (12, 40, "b")],    # crossing inside a sentence, given out of order
])
def test_render_covers_each_character_with_exactly_its_marks(spans):
    marks = [Mark(s, e, "span", cls) for s, e, cls in spans]
    parsed = coverage(render(TEXT, marks))
    assert parsed.text == TEXT
    for i in range(len(TEXT)):
        expected = {cls for s, e, cls in spans if s <= i < e}
        assert parsed.classes[i] == expected, (i, TEXT[i])


def test_render_clips_marks_to_the_requested_range():
    marks = [Mark(0, 14, "span", "a"), Mark(10, 30, "span", "b")]
    parsed = coverage(render(TEXT, marks, 7, 21))
    assert parsed.text == TEXT[7:21]
    assert parsed.classes[0] == {"a"} and parsed.classes[-1] == {"b"}


def test_render_escapes_text_and_attributes():
    text = "<script>alert(1)</script> and \"><img src=x onerror=alert(1)>"
    marks = [Mark(0, 8, "span", "x\"><b", title="\"><img src=y>")]
    html = str(render(text, marks))
    assert "<script" not in html and "<img" not in html and "<b" not in html
    assert coverage(html).text == text


def test_render_puts_an_id_on_the_first_piece_only_across_calls():
    text = "First line here.\nSecond line here."
    marks = [Mark(6, 24, "span", "s", ident="sentence-v1"), Mark(8, 20, "span", "q")]
    seen: set[int] = set()
    html = "".join(render(text, marks, s, e, seen) for s, e in paragraphs(text))
    assert html.count('id="sentence-v1"') == 1


def test_paragraphs_skip_blank_lines():
    text = "One.\n\n  \nTwo.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two."]


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org/a", "http://example.org/a"),
    ("javascript:alert(1)", None),
    ("JAVASCRIPT:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    (None, None),
])
def test_safe_href_links_only_http_urls(url, expected):
    assert safe_href(url) == expected
