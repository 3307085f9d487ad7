"""A small regular grammar for the time expressions of news English.

`find_candidates(text)` returns every non-overlapping expression it recognises,
as `Candidate`s with exact offsets into `text` and the parsed parts (month,
weekday, modifier, ...). It knows nothing about the publication date or tense;
`dateline.timex.resolve` turns a candidate into days.

Why a grammar and not dateparser / Recognizers-Text: those get key news cases
wrong ("at the end of February", past-tense "on Monday") or are slow on whole
articles (shared notes, deps §6). Patterns here are anchored on capitalised
month and weekday names, so "may" (modal) and "march" (verb) do not match.
A candidate is `weak` when its surface alone is ambiguous (a bare year "2016",
a bare month "August", a bare season): the caller keeps it only when another
signal (spaCy's DATE entity) agrees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
         "Oct": 10, "Nov": 11, "Dec": 12}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "a few": None,
           "few": None}
SEASONS = {"winter": "WI", "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA"}
# Prepositions that belong to the expression ("on Friday", "over the weekend"); kept in the span.
PREPOSITIONS = ("on", "in", "at", "over", "during", "throughout", "since", "by", "until", "till")

_PREP = r"(?:(?P<prep>(?i:on|in|at|over|during|throughout|since|by|until|till))\s+)?"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_MONTH = r"(?P<mon>" + "|".join(MONTHS) + r"|(?:" + "|".join(_ABBR) + r")\b\.?)"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_MOD = (r"(?:(?P<mod>(?i:early|earlier|late|later|mid|middle|the\s+(?:start|beginning|middle|end)\s+of"
        r"|(?:start|beginning|middle|end)\s+of))(?:\s+|-))?")
_REL = r"(?:(?P<rel>(?i:last|next|this|coming|past|previous|following))\s+)?"
_NUM = r"(?P<num>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few))"
_PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
_AMPM = r"(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))"
_TZ = r"(?:\s+(?:GMT|UTC|ET|EST|EDT|PT|PST|BST|CET|CEST|EET|MSK|(?i:local\s+time)))?"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One recognised expression: offsets into the text plus its parsed parts."""

    start: int
    end: int
    text: str
    kind: str  # date | month | year | decade | century | season | quarter | weekday | unit | weekend
    #            | deictic | ref | ago | anaphor | clock | holiday
    parts: dict = field(default_factory=dict)
    weak: bool = False


def _p(kind: str, pattern: str, weak_unless: str | None = None):
    # Never start inside a word ("now" in "snow", "1994" in "21994").
    return kind, re.compile(r"(?<![\w'’.-])" + _PREP + pattern), weak_unless


# weak_unless: name of a group whose presence makes the match strong; "prep" counts too.
_PATTERNS = [
    _p("date", r"(?:" + _WD.replace("wd", "wd2") + r",?\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
       r"(?:,?\s+" + _YEAR + r")?(?![\d:])"),
    _p("date", r"(?:" + _WD.replace("wd", "wd2") + r",?\s+)?(?:(?i:the)\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+"
       r"(?:(?i:of)\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    _p("month", _MOD + _REL + _MONTH + r"(?:,?\s+(?:(?i:of)\s+)?" + _YEAR + r")?\b(?!\s*\d)", "mod|rel|year"),
    _p("season", r"(?:(?i:the)\s+)?" + _MOD + _REL + r"(?P<season>(?i:winter|spring|summer|autumn|fall))"
       r"(?:\s+(?:(?i:of)\s+)?" + _YEAR + r"(?:\s*[-/–]\s*(?P<year2>\d{1,4}))?)?\b", "rel|year"),
    _p("decade", r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0)['’]?s\b"),
    _p("century", r"(?:(?i:the)\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)\b"),
    _p("quarter", r"(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)"
       r"(?:\s+(?i:of)\s+" + _YEAR + r")?\b"),
    # "the 2016 downing": a year used as a modifier after "the" is a date, "2016 people" is not.
    _p("year", _MOD + r"(?:(?i:the\s+year)\s+)?(?P<the>(?<=\b[Tt]he\s))?" + _YEAR
       + r"\b(?![-–/]?\d|['’]?s\b|\s*(?:%|percent))(?(the)(?=\s+[a-z]))", "mod|the"),
    _p("year", _MOD + _YEAR + r"\s*[-–/]\s*(?P<year2>\d{2}|\d{4})\b(?!\s*(?:%|percent|-))", "mod|prep"),
    _p("weekday", r"(?:(?P<q>(?i:early|late|earlier|later))\s+(?:(?i:on)\s+)?)?" + _REL + _WD
       + r"(?:\s+" + _PART + r")?\b"),
    _p("weekend", r"(?P<rel>(?i:the|this|last|next|that|coming|past|previous|following))\s+(?i:weekend)\b"),
    _p("unit", _MOD + r"(?P<rel>(?i:this|last|next|coming|previous|following|the))\s+"
       r"(?P<unit>(?i:week|month|year|decade|fiscal\s+year))\b(?!\s+(?:before|after|earlier|later|ago))", "mod|relword"),
    _p("deictic", r"(?P<word>(?i:(?:earlier\s+|later\s+)?today|tonight|tomorrow(?:\s+(?:morning|afternoon|evening|night))?"
       r"|yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night|overnight|this\s+(?:morning|afternoon|evening)))\b"),
    _p("ref", r"(?P<word>(?i:now|currently|at\s+present|nowadays|the\s+past|the\s+future|recent\s+(?:years|months|weeks|days)"
       r"|at\s+the\s+time))\b"),
    _p("ago", _NUM + r"\s+(?P<unit>(?i:day|week|month|year|decade))s?\s+(?i:ago)\b"),
    _p("anaphor", r"(?P<word>(?i:that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding))\s+"
       r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|month|year))\b"),
    _p("anaphor", _NUM + r"\s+(?P<unit>(?i:day|week|month|year))s?\s+(?P<dir>(?i:later|earlier))\b"),
    _p("anaphor", r"(?P<word>(?i:the\s+day))\s+(?P<dir>(?i:before|after))(?=\s*[,.;:!?)]|\s+(?i:that|but|and|when))"),
    _p("clock", r"(?:(?P<q>(?i:about|around|shortly\s+(?:after|before)|just\s+(?:after|before)|after|before))\s+)?"
       r"(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*" + _AMPM + _TZ),
    _p("clock", r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?:\s*(?:GMT|UTC|ET|EST|EDT|BST|CET|MSK|(?i:local\s+time))|(?=\s+(?:on|" + "|".join(WEEKDAYS) + r")\b))"),
    _p("clock", r"(?P<word>(?i:noon|midnight))\b(?!\s*(?:prayers|deadline))"),
    _p("holiday", r"(?P<hol>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year['’]s\s+(?:Eve|Day)|Valentine['’]s\s+Day|Halloween)\b"),
]

# A clock time directly followed by its day ("9 a.m. ET Saturday", "15:00 GMT on Friday") is one expression.
_CLOCK_JOIN = re.compile(r",?\s+(?:(?i:on)\s+)?$")


def _strong(m: re.Match, weak_unless: str | None) -> bool:
    if weak_unless is None:
        return True
    groups = m.groupdict()
    for name in weak_unless.split("|"):
        if name == "relword":
            if (groups.get("rel") or "").lower() not in ("", "the"):
                return True
        elif groups.get(name) is not None:
            return True
    if "relword" in weak_unless:  # "during the week": the preposition alone does not make it a date
        return False
    return bool(groups.get("prep")) and groups.get("prep").lower() in ("in", "since", "by", "until", "till", "during", "throughout")


def _parts(m: re.Match) -> dict:
    parts = {k: v for k, v in m.groupdict().items() if v is not None}
    if "wd2" in parts:
        parts["wd"] = parts.pop("wd2")
    if "mon" in parts:
        name = parts["mon"].rstrip(".")
        parts["month"] = MONTHS.index(name) + 1 if name in MONTHS else _ABBR[name]
    for key in ("day", "year", "h", "m", "dec", "cent"):
        if key in parts and parts[key].isdigit():
            parts[key] = int(parts[key])
    if "num" in parts:
        num = re.sub(r"\s+", " ", parts["num"].lower())
        parts["num"] = int(num) if num.isdigit() else NUMBERS.get(num)
    for key in ("mod", "rel", "q", "part", "unit", "word", "dir", "ap", "season", "prep"):
        if key in parts:
            parts[key] = re.sub(r"\s+", " ", parts[key].lower())
    return parts


# Words each kind of expression must contain. Patterns only run in windows around them:
# running ~20 patterns over every position of an article costs ~40 ms, this ~2 ms.
def _kinds(words: str, *kinds: str) -> dict[str, tuple[str, ...]]:
    return {w: kinds for w in words.split()}


_TRIGGER_WORDS = {
    **_kinds(" ".join(m.lower() for m in MONTHS) + " " + " ".join(a.lower() for a in _ABBR), "date", "month"),
    **_kinds(" ".join(d.lower() for d in WEEKDAYS), "weekday"),
    **_kinds("winter spring summer autumn fall", "season"),
    **_kinds("century", "century"), **_kinds("quarter", "quarter"), **_kinds("weekend", "weekend"),
    **_kinds("week weeks month months year years decade decades", "unit", "anaphor", "ago"),
    **_kinds("day days", "anaphor", "ago"),
    **_kinds("today tonight tomorrow yesterday overnight night morning afternoon evening", "deictic", "anaphor"),
    **_kinds("now currently present nowadays past future recent time", "ref"),
    **_kinds("ago", "ago"), **_kinds("am pm m noon midnight", "clock"),
    **_kinds("christmas new valentine halloween", "holiday"),
}
_WORD = re.compile(r"[a-z]+|\d[\d:.'’s]*")
_WINDOW = 50  # characters around a trigger that an expression can reach


def _digit_kinds(token: str) -> tuple[str, ...]:
    token = token.rstrip(".")
    if ":" in token:
        return ("clock",)
    if token.rstrip("'’s").endswith("0") and token.endswith("s"):
        return ("decade",)
    if len(token) >= 4 and token[:2] in ("16", "17", "18", "19", "20") and token[:4].isdigit():
        return ("year",)
    return ()


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged character windows per kind, from one pass over the lower-cased words."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text.lower()):
        token = m.group()
        kinds = _digit_kinds(token) if token[0].isdigit() else _TRIGGER_WORDS.get(token, ())
        if not kinds:
            continue
        lo, hi = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        for kind in kinds:
            windows = spans.setdefault(kind, [])
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
    return spans


def find_candidates(text: str) -> list[Candidate]:
    """All recognised expressions, longest first where they overlap, in text order."""
    found: list[Candidate] = []
    windows = _windows(text)
    for kind, pattern, weak_unless in _PATTERNS:
        for lo, hi in windows.get(kind, ()):
            for m in pattern.finditer(text, lo, hi):
                start, end = m.span()
                while end > start and text[end - 1].isspace():
                    end -= 1
                found.append(Candidate(start, end, text[start:end], kind, _parts(m), not _strong(m, weak_unless)))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (c.weak, -(c.end - c.start), c.start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            chosen.append(c)
            taken.append((c.start, c.end))
    chosen.sort(key=lambda c: c.start)
    return _join_clocks(text, chosen)


def _join_clocks(text: str, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (c.kind == "clock" and nxt is not None and nxt.kind in ("weekday", "date", "deictic")
                and _CLOCK_JOIN.fullmatch(text[c.end:nxt.start] or " ") and nxt.parts.get("prep", "on") == "on"):
            parts = dict(nxt.parts, clock=c.parts, prep=c.parts.get("prep"))
            out.append(Candidate(c.start, nxt.end, text[c.start:nxt.end], nxt.kind, parts, False))
            i += 2
            continue
        out.append(c)
        i += 1
    return out
