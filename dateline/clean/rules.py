"""The cleaning rules: ordered patterns and line shapes, the first that fires names the reason."""
from __future__ import annotations

import re
from pathlib import Path

from ..data_files import read_table

MAX_FURNITURE_WORDS = 120  # the longest furniture line seen (a cookie notice) is well under this

_FINAL_PUNCT = (".", "!", "?", '"', "”", "'", "’", "…", ":", ";", ")", "»")

# (reason, compiled pattern matched against the stripped line)
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("separator", r"^[-_=*•·~#]{3,}$|^__+$"),
        # editor shortcodes and markup left by the extractor: "[pullquote]", "[/caption]", a lone "ol"
        ("markup-residue", r"^\[/?[a-z][a-z_ -]{1,30}\]$|^(ol|ul|li|div|span|br|hr|nbsp)$"),
        ("consent-banner", r"^we need your consent\b|^(this (site|website) uses cookies|we use cookies|accept (all )?cookies|manage (your )?(cookie|privacy) (settings|preferences))\b"),
        ("related-link", r"^(related( (stories|articles|coverage|content))?|read (more|also|next)|see also|also read|more|recommended|more from \w+)\s*[:|»>-]"),
        ("related-link", r"^(related|read more|see also|more stories|recommended( for you)?|most read|trending|top stories)$"),
        ("related-link", r"^(see more|don'?t miss|more on this( story)?|watch more|you may also like|we recommend)\s*([:|»>-].{0,200})?$|^also on [\w.-]+\.(com|org|net|co\.uk)\b.{0,200}$|^(continue reading( the main story)?|listen to this article)$"),
        # a teaser headline with its section tag: "Ministers clash over budget [VIDEO]"
        ("related-headline", r"\[(video|videos|pics|photos|pictures|reaction|insight|poll|latest|live|watch|gallery|analysis|comment|opinion|explainer)\]\s*\|?$"),
        ("share-buttons", r"^(like|enjoyed|love) this (story|article)\?\s*(share|send|tell)\b.{0,60}$"),
        ("credit-line", r"^sources?\s*:\s*[A-Z][\w&'’.-]*( [\w&'’.-]+){0,4}$"),
        ("byline", r"^(analysis|opinion|comment|commentary)\s*(by|:)\s*[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}\s*,.{0,60}$"),
        # a bare date or clock time, as live blogs and page headers print them
        ("update-stamp", r"^(mon|tue|wed|thu|fri|sat|sun)?[a-z]*,?\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\s*([-–|,]\s*\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*[a-z]{0,4})?$"),
        ("update-stamp", r"^\d{1,2}([:.]\d{2})?\s*[ap]\.?m\.?(\s*[a-z]{2,4})?\.?$"),
        ("subscription-prompt", r"(sign up (for|to)|subscribe (to|now|for)|newsletter|delivered to your inbox|in your inbox|free trial|already a subscriber|create an? (free )?account|download (our|the) app|enable javascript|turn on notifications)"),
        ("photo-credit", r"^(image|photo|photograph|picture|caption|pictured|file photo)\b.{0,300}\b(credit|getty|reuters|afp|ap photo|epa|associated press|shutterstock|photograph)\b"),
        ("photo-credit", r"^(photo|photograph|image|credit|picture)( credit)?\s*:"),
        ("photo-credit", r"\((photo|image|credit)s?:[^)]*\)$|\b(getty images|afp via getty|ap photo/|reuters/[a-z]+|epa-efe)\S*$"),
        # a caption paragraph that ends in its agency credit: "... on Sunday. (AP Photo/Jane Doe)"
        ("photo-credit", r"\((ap|afp|reuters|epa|xinhua|anadolu)( via getty images)?( photo| images?)?\s*/[^)]{1,80}\)$"),
        ("media-label", r"^(video|watch|audio|listen|photos?|gallery|graphic|advertisement|ad|sponsored|play video)(\s*[:|-].{0,80})?$"),
        # a wire photo's caption as AP and VOA print it: "FILE - Police stand outside ...", "FILE PHOTO: ..."
        # (capitals and the dash or colon: "File sharing ..." or "Files were seized" are sentences)
        ("photo-caption", r"^(?-i:FILE( PHOTO)?)\s*[-–—:]\s+\S.{0,600}$"),
        # wiki markup left in a scraped page: a section heading "==See also==" and whatever follows it on the line
        ("markup-residue", r"^[\"“]?={2,}\s*[^=\n]{1,60}?\s*={2,}"),
        ("share-buttons", r"^((share|tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit|pinterest|copy( the)? link|save|comments?|x)( (this|on|via) ?(article|story|page|facebook|twitter|email)?)?[\s|·•/]*)+$"),
        ("credit-line", r"(contributed (to )?(this )?report|^contributing:|^additional reporting by|^(reporting|writing|editing) by\b(?!.*\b(was|were|is|are|has|had|have|said|says)\b)|^editing by)"),
        ("byline", r"^by\s+[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3}(\s*(,|and)\s*[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3})*(\s*[,|/-]\s*[\w .]{0,40})?$"),
        ("byline", r"^(the )?(associated press|ap|reuters|afp|usa today|bloomberg|cnn|bbc news|al jazeera|agence france-presse|staff( and agencies)?|(.{0,40} )?staff writer|(.{0,40} )?correspondent)$"),
        ("pull-quote", r"^[\"“].{5,400}[\"”]\s*[—–-]{1,2}\s*\S.{0,120}$"),
        ("copyright", r"^(©|copyright\b|\(c\) \d{4}|all rights reserved)"),
        # "Slideshow (34 Images)", "Gallery (12 photos)": a link to a picture gallery
        ("media-label", r"^(slideshow|gallery|photo gallery|photos|images|pictures|video)\s*[(\[]\s*\d+\s*(images?|photos?|pictures?|videos?|slides?)?\s*[)\]]$"),
        # an image file name left by the extractor: "IMG_2041.JPG", "ukraine-strike-2023.webp"
        ("image-file", r"^((image|photo|file)\s*:?\s*)?[\w.,()'-]{1,120}\.(jpe?g|png|gif|webp|svg|tiff?|bmp|avif)(\?\S*)?$"),
        # "Update at 10:45 a.m. ET.", "Updated 14:02 GMT": an edit stamp, not a sentence of the story
        ("update-stamp", r"^(this (story|article) (was|has been|is being) )?(last )?(update[ds]?|posted|published|edited)\b[\w ,.:/]{0,40}?\b\d{1,2}([:.]\d{2})?\s*([ap]\.?m\.?)?\s*(et|est|edt|ct|cdt|pt|pdt|pst|gmt|utc|bst|cet|cest|ist|jst|hkt|sgt)\b[\w ,.():]{0,30}$"),
        ("update-stamp", r"^(last )?(updated|published|posted)\s*(on|at)?\s*:?\s*((\d{1,4}(st|nd|rd|th)?|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|[ap]\.?m\.?|et|gmt|utc|bst|cet|edt|est|ist|at|on)[\s,:/-]*){1,10}$"),
        # agency credits in parentheses: "(Reporting by Jane Roe; Editing by John Doe)", "(AP)", "(With inputs from agencies)"
        ("credit-line", r"^\(\s*(additional )?(reporting|writing|editing|compiled|translated|research|graphics?|produced|written|edited)( and [a-z]+)? by\b.{0,300}\)\.?$"),
        ("credit-line", r"^\(\s*(the )?(ap|afp|reuters|ani|pti|ians|xinhua|efe|dpa|anadolu|tass|upi|cnn|bbc|bloomberg|agencies|associated press|agence france-presse)\s*\)\.?$"),
        ("credit-line", r"^\(?\s*with (inputs|input|reporting|files|agency inputs) from [^.]{0,80}\)?\.?$"),
        ("credit-line", r"^\(\s*this (story|article|report) (has|was|is)\b.{0,200}(syndicated|auto-?generated|wire|agency|feed|staff)\b.{0,80}\)\.?$"),
        # trust-principle footers and outlet appeals: "Our Standards: The ... Trust Principles."
        ("outlet-appeal", r"^(our standards\s*:|.{0,60}\btrust principles\b\.?$)"),
        ("outlet-appeal", r"^(please )?(support|donate to|help fund|consider supporting)\s+(our|us|independent|quality|local|trusted|fact-based|this) .{0,40}\b(journalism|reporting|newsroom|news|work|us)\b.{0,120}$|^(please )?(become a (member|supporter|subscriber|patron)|make a (donation|contribution))\b.{0,120}$"),
        ("outlet-appeal", r"^((got|have) a (news )?tip|follow us on|like us on|click here|tap here|for more (news|stories|updates) (on|from|visit)|join (our|us on) (telegram|whatsapp|channel))\b.{0,160}$"),
        ("outlet-appeal", r"^(we (rely|depend) on (readers|reader support|your support)|independent journalism (needs|depends on)|your (support|donation) (helps|makes))\b.{0,200}$"),
        # notes about the article itself: "This article was originally published on ...",
        # "Editor's note: This story has been updated ...", "Correction: An earlier version of this story ..."
        ("article-note", r"^this (article|story|piece|report|post) (was|is|has been) (originally |first )?(re)?(published|posted|printed|produced|syndicated|reproduced) (on|by|in|with|at|from|under)\b.{0,160}$"),
        ("article-note", r"^(editor'?s|editors'?|editor’s) note\s*:\s*(this|an earlier|a previous|the original) (article|story|version|report|piece|headline)\b.{0,300}$"),
        ("article-note", r"^(correction|clarification|update)\s*:\s*(an earlier|a previous|the original|this) (version|article|story|report|headline)\b.{0,300}$"),
        # blog furniture: "Posted by jdoe at 10:32 PM", "Labels: war, Ukraine", "3 comments", "Filed under: ..."
        ("blog-furniture", r"^posted (by \S.{0,40}? )?(at|on) (?=[^.!?]*\d)\S.{0,50}$"),
        ("blog-furniture", r"^(labels|tags|filed under|categories|category|posted in|topics)\s*:.{0,200}$"),
        ("blog-furniture", r"^(\d+|no|one) (comments?|responses?|replies)$|^(leave|post|add) a (comment|reply)$|^(share this|like this|loading\.\.\.|newer post|older post|previous post|next post|permalink)\s*[:.]?$"),
    )
)

# Rules for plain text only (a scraped page's text, as `dateline extract page.txt` gets it): built on the
# line benchmark of scraped pages (dateline.evaluate.furniture); an HTML extractor's output has other shapes
# and its own measured settings (`dateline eval html`), so they leave it alone.
_TEXT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        # a video's or a gallery's blurb: "Video: In this talk presented at ..."
        ("media-label", r"^(video|audio|watch|listen|gallery|slideshow|podcast)\s*:\s.{0,500}$"),
        # a picture's credit in parentheses on its own line: "(Image credit: NASA)", "(Photo courtesy of the city)"
        ("photo-credit", r"^\(\s*(image|photo|picture|video|graphic|illustration|map|chart)s?\s*(credit|courtesy|source|by)\b[^()]{0,80}\)\.?$"),
        # an agency photo caption on its own line: the scene, then ", Tuesday, Nov. 19, 2019" at its end or
        # before "in City" or the next sentence (a report says "on Tuesday"), or a position marker ("Jane Roe, left, and John Doe shake hands");
        # never with a quotation or a reporting verb, which a caption does not have
        ("photo-caption", r"^(?![^\n]*[\"“”]|.*\b(said|says|told|according to)\b)[A-Z].{10,300}?, (monday|tuesday|wednesday|thursday|friday|saturday|sunday), (jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}, (19|20)\d\d(\.|,? in [A-Z][^.]{0,80}\.?|\.\s.{0,300}|\s*\([^)]{0,80}\)\.?)?$"),
        ("photo-caption", r"^(?![^\n]*[\"“”]|.*\b(said|says|told|according to)\b)(?-i:[A-Z][\w.'’-]*( ([A-Z][\w.'’-]*|of|de|al|bin|van|von)){0,6}), (left|right|center|centre|front|second (from )?(left|right)|(top|bottom) (left|right)), (and|with|speaks|talks|shakes|walks|looks|poses|arrives|listens|meets|greets|waves|stands|sits|attends|reacts|gestures)\b.{5,400}$"),
        # a share, comment or view counter, or a link to more items: "4", "0shares", "12 comments", "View all (4)"
        ("counter", r"^\d{1,6}$|^\d[\d,.]*\s*[km]?\s*(shares?|comments?|views?|likes?|reactions?|replies|reads)$"),
        ("navigation", r"^(view|see|show|load|read) (all|more)( [a-z]+){0,2}\s*(\(\d+\)|[:>»›])?$"),
        # the author's or the outlet's contact line: "Email Jane Roe at jroe@example.com or follow her @janeroe."
        ("author-bio", r"^(email|e-mail|contact|reach|write to)\s+([\w'’.-]+\s+){0,3}(at|on|via)\s+[\w.+-]+@[\w-]+\.[a-z]{2,}\b.{0,200}$"),
        ("author-bio", r"^follow (him|her|them|me)\s+(@\w{2,}|on (twitter|x|facebook|instagram|threads|bluesky|mastodon|linkedin))\b.{0,200}$"),
    )
)

# Whole lines a page's interface prints ("Skip to main content", "Copied!"): a data file, matched
# without case and without the line's final punctuation.
_UI_LINES = frozenset(row["line"].lower() for row in read_table(Path(__file__).with_name("ui_lines.tsv"), key="line",
                                                                 fold_key=True))
_UI_TRIM = ".!:;,>»›|·•-–— "

# An agency photo caption glued to the start of a paragraph by a scraper:
# "Protesters march past the embassy in Tehran, Iran, Sunday, Jan. 12, 2020. <body...>"
GLUED_CAPTION = re.compile(
    r"^[A-Z].{20,400}?, (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    r"(Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.\s+(?=[A-Z“\"])"
)
_NAME_LINE = re.compile(r"^[A-Z][a-zA-Z'’.-]+( [A-Z][a-zA-Z'’.-]+){1,3}$")
_OPEN_QUOTES = "'‘\"“"
_CLOSE_QUOTES = "'’\"”"
_ALL_CAPS = re.compile(r"^[A-Z0-9 &'’.,-]{2,40}$")
# a quoted or shouted label: "‘NAÏVE AND TRUSTING’", "GET THE FREE GUIDE NOW!" (capitals only, no full stop)
_SHOUTED = re.compile(r"^[‘'\"“]?[^\Wa-z_][^a-z.]{2,80}[^a-z.]$")


def classify_line(line: str, next_line: str | None, from_markup: bool = False,
                  prev_line: str | None = None) -> str | None:
    """The reason to drop `line`, or None to keep it. `next_line` / `prev_line` are the
    next and previous non-empty lines.

    `from_markup`: the text comes from an HTML extractor, which already dropped link boxes;
    only the explicit rules and the subhead rule apply, not the other guesses from a line's shape.
    """
    s = line.strip()
    if not s or len(s.split()) > MAX_FURNITURE_WORDS:
        return None  # a line of many sentences is body (a scraped page can be one line ending in a credit)
    for reason, pattern in _LINE_RULES:
        if pattern.search(s):
            if reason == "subscription-prompt" and len(s.split()) > 40:
                continue  # a long paragraph that mentions a newsletter is body text
            return reason
    if not from_markup:
        if s.lower().strip(_UI_TRIM) in _UI_LINES:
            return "interface"
        for reason, pattern in _TEXT_RULES:
            if pattern.search(s):
                return reason
        if _ALL_CAPS.match(s) and len(s.split()) <= 4 and not s.endswith("."):
            return "byline"  # "USA TODAY", "WASHINGTON" alone on a line
        if _NAME_LINE.match(s) and len(s.split()) <= 4 and _is_continuation(next_line) is False:
            return "byline"  # a lone name line: "Jane Doe"
        if _SHOUTED.match(s) and 2 <= len(s.split()) <= 12 and sum(ch.isalpha() for ch in s) >= 6:
            return "subhead"
    if _UPDATE_HEADING.match(s) and _is_heading_text(_UPDATE_HEADING.match(s).group("rest")):
        return "update-stamp"  # "Update at 9:35 a.m. ET. Death Toll Rises:": a live blog's stamp and subhead
    if _CAPS_LABEL.match(s):
        return "subhead"  # "THE VICTIM:"
    if _looks_like_question_subhead(s, prev_line, next_line):
        return "subhead"
    if not from_markup and _looks_like_headline(s, next_line):
        return "related-headline"
    if _looks_like_subhead(s, prev_line, next_line):
        return "subhead"
    return None


_UPDATE_HEADING = re.compile(
    r"^(last )?update[ds]?\s+(at\s+)?\d{1,2}([:.]\d{2})?\s*([ap]\.?m\.?)?\s*(et|est|edt|ct|pt|gmt|utc|bst|cet|hkt)?\b[.:]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z0-9'’&-]*( [A-Z0-9'’&-]+){0,4}:$")
_QUESTION_OPENERS = {"what", "who", "where", "when", "why", "how", "which", "is", "are", "was", "were", "did", "does",
                     "do", "can", "could", "will", "would", "should", "has", "have"}


def _is_heading_text(rest: str) -> bool:
    """Nothing, or a title-case heading ("Death Toll Rises:", "'Home Safe':"), not a sentence."""
    words = [w.strip("'‘’\"“”:") for w in rest.split()]
    words = [w for w in words if w]
    if not words:
        return True
    if rest.rstrip().endswith((".", "!", "?")) or len(words) > 16:
        return False
    small = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with", "as", "is"}
    capital = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w.lower() in small)
    return capital == len(words) and sum(1 for w in words if w[:1].isupper()) * 2 >= len(words)


def _looks_like_question_subhead(s: str, prev_line: str | None, next_line: str | None) -> bool:
    """An explainer's question heading ("What did the prosecutors say?") between two paragraphs."""
    words = s.split()
    if not (2 <= len(words) <= 10) or not s.endswith("?") or words[0].lower() not in _QUESTION_OPENERS:
        return False
    if any(q in s for q in "\"“”‘’") or s.count("?") > 1:
        return False
    prev, nxt = (prev_line or "").strip(), (next_line or "").strip()
    return prev.endswith((".", "!", "”", '"', "’", ":")) and len(nxt.split()) >= 12 and nxt.endswith(_FINAL_PUNCT)


def _looks_like_subhead(s: str, prev_line: str | None, next_line: str | None) -> bool:
    """A short unpunctuated line between two body paragraphs: a section title ("SERIOUS
    MISTAKE", "'Every Stone'", "What the council decided"). A list item is not one: the
    line before a list ends in ":" or is itself an item, so it does not end a sentence."""
    words = s.split()
    if not words or len(words) > 10:
        return False
    quoted = s[:1] in _OPEN_QUOTES and s[-1:] in _CLOSE_QUOTES and len(s) > 2
    bare = s.strip("'‘’\"“”")
    if not bare or bare.endswith((".", "!", "?", ",", ";", ":", "…")) or not bare[:1].isupper():
        return False
    if quoted and (any(q in bare for q in "\"“”") or _SENTENCE_INSIDE.search(bare)):
        return False  # two quotations around a speaker: “We are not done,” she said. “Not even close…”
    if not quoted and (s.endswith(_FINAL_PUNCT) or any(w.endswith((".", ",")) for w in words[:-1])):
        return False
    prev, nxt = (prev_line or "").strip(), (next_line or "").strip()
    if not prev.endswith((".", "!", "?", '"', "”", "’", "'")):
        return False  # first line, or after a list's lead-in ("They include:") or another item
    return len(nxt.split()) >= 8 and nxt.endswith(_FINAL_PUNCT) and (nxt[:1].isupper() or nxt[:1] in _OPEN_QUOTES)


def _is_continuation(next_line: str | None) -> bool:
    """True when the next line continues this one (a hard-wrapped paragraph)."""
    return bool(next_line) and next_line.lstrip()[:1].islower()


# A teaser headline that ends in a quoted title or was cut off: "... Stars of 'This Is the End'",
# "Storm to hit coast as Hurri...". A body sentence ends in its own punctuation, inside the quote or not.
_TEASER_END = re.compile(r"[^\W_][’'\"”]$|[^\W_](\.\.\.|…)$")
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"”’']?\s+[A-Z“\"‘]")


def _looks_like_headline(s: str, next_line: str | None) -> bool:
    words = s.split()
    if _is_continuation(next_line):
        return False
    if len(words) > 30:
        return False
    if _TEASER_END.search(s):
        return (len(words) >= 3 and s[:1] not in _OPEN_QUOTES and s[:1].isupper()
                and not _SENTENCE_INSIDE.search(s))
    if s.endswith(_FINAL_PUNCT) or s.endswith(","):
        return False
    return len(words) >= 2 or s[:1].isupper()
