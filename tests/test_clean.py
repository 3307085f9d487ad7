"""Cleaning: furniture lines go (with a reason), body lines stay, on texts we wrote."""
import json

import pytest

from dateline.clean import classify_line, clean_text

BODY = [
    "The mayor said on Tuesday that two bridges had been closed after the floods.",
    "“We are doing everything we can,” she told reporters outside the town hall.",
    "Officials expect the water to recede by the weekend; schools will stay shut until then.",
]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Flood warnings issued for three northern counties as rivers rise", "related-headline"),
        ("Related: Storm damage in the capital", "related-link"),
        ("Read more: How the river defences failed", "related-link"),
        ("Sign up for our morning newsletter", "subscription-prompt"),
        ("Get the stories you care about delivered to your inbox.", "subscription-prompt"),
        ("Photo: A flooded street in the old town (Credit: Staff photographer)", "photo-credit"),
        ("Share this article", "share-buttons"),
        ("Facebook Twitter Email", "share-buttons"),
        ("By Jane Smithers", "byline"),
        ("THE DAILY HERALD", "byline"),
        ("Tom Baxter", "byline"),
        ("Additional reporting by Tom Baxter.", "credit-line"),
        ("----------", "separator"),
        ("“The water came so fast.” — a resident of the town", "pull-quote"),
    ],
)
def test_clean_drops_furniture_with_reason(line, reason):
    text = "\n".join([BODY[0], line, BODY[1], BODY[2]])
    result = clean_text(text)
    assert line.strip() not in result.text
    assert [r.reason for r in result.removed] == [reason]
    for body in BODY:
        assert body in result.text


def test_clean_keeps_hard_wrapped_paragraphs():
    text = "The storm reached the coast late on Monday and\nflooded the harbour district within an hour.\n"
    assert clean_text(text).text == text.strip()


def test_clean_keeps_short_body_sentences_and_paragraph_breaks():
    text = "He left.\n\nShe stayed.\n\n\n\nThey argued about it for years."
    result = clean_text(text)
    assert result.text == "He left.\n\nShe stayed.\n\nThey argued about it for years."
    assert result.removed == ()


def test_clean_gold_removed_and_kept(shared_dir):
    """Every gold `removed` prefix is gone and every `kept` prefix stays (data we did not write)."""
    corpus = {}
    for line in (shared_dir / "corpus" / "articles.jsonl").read_text().splitlines():
        row = json.loads(line)
        corpus[row["id"]] = row["text"]
    for gold_file in sorted((shared_dir / "gold" / "dev").glob("*.json")):
        gold = json.loads(gold_file.read_text())
        raw = (shared_dir / gold["input"]).read_text() if gold.get("input") else corpus[gold["corpus_id"]]
        text = clean_text(raw).text
        for prefix in gold.get("removed") or []:
            assert prefix not in text, (gold_file.name, prefix)
        for prefix in gold.get("kept") or []:
            assert prefix in text, (gold_file.name, prefix)


def test_clean_cuts_agency_caption_glued_to_a_paragraph():
    text = ("Firefighters spray water on a burning depot in Kharkiv, Ukraine, Tuesday, Feb. 7, 2023. "
            "The blaze started after a drone struck the depot, officials said.\n" + BODY[0])
    result = clean_text(text)
    assert result.text.startswith("The blaze started")
    assert [r.reason for r in result.removed] == ["photo-caption"]


@pytest.mark.parametrize("subhead", ["What the council decided", "SERIOUS DOUBTS", "'Every Bridge'", "“Not Again”"])
@pytest.mark.parametrize("from_markup", [True, False])
def test_clean_drops_subheads_between_paragraphs(subhead, from_markup):
    text = "\n\n".join([BODY[0], subhead, BODY[1], BODY[2]])
    result = clean_text(text, from_markup=from_markup)
    assert subhead not in result.text
    assert all(body in result.text for body in BODY)


def test_clean_keeps_list_items_from_the_html_extractor():
    """A list is not a run of subheads: its lead-in ends in ":" and its items follow each other."""
    items = ["Two bridges on the ring road", "The old ferry pier", "Three schools in the north"]
    text = "\n".join([BODY[0], "The closures include:", *items, BODY[2]])
    result = clean_text(text, from_markup=True)
    assert result.removed == ()


@pytest.mark.parametrize("line", [
    "Firefighters work at a burning depot near the port, Monday, May 8, 2023. (AP Photo/Jane Roe)",
    "A man walks past a damaged school in the city centre. (Reuters/John Doe)",
])
def test_clean_caption_ending_in_agency_credit_is_dropped(line):
    assert classify_line(line, "The next paragraph.") == "photo-credit"


def test_clean_agency_name_in_body_is_kept():
    assert classify_line("The agency (AP) said the port was open again on Monday.", None) is None


@pytest.mark.parametrize("line, reason", [
    ("Slideshow (34 Images)", "media-label"),
    ("Gallery (12 photos)", "media-label"),
    ("Update at 10:45 a.m. ET.", "update-stamp"),
    ("Updated 14:02 GMT", "update-stamp"),
    ("Last updated: March 3, 2023", "update-stamp"),
    ("(Reporting by Jane Roe in Riverton; Editing by Tom Baxter)", "credit-line"),
    ("(AP)", "credit-line"),
    ("(With inputs from agencies)", "credit-line"),
    ("(This story has not been edited by our staff and is published from a syndicated feed.)", "credit-line"),
    ("Our Standards: The Example News Trust Principles.", "outlet-appeal"),
    ("Please consider supporting independent journalism today.", "outlet-appeal"),
    ("Become a member of our newsroom", "outlet-appeal"),
    ("Have a news tip? Email the desk at tips@example.org", "outlet-appeal"),
    ("Follow us on Telegram for the latest updates", "outlet-appeal"),
    ("Posted by jdoe at 10:32 PM", "blog-furniture"),
    ("Posted on March 3, 2023 by admin", "blog-furniture"),
    ("Labels: floods, bridges", "blog-furniture"),
    ("3 comments", "blog-furniture"),
    ("Leave a comment", "blog-furniture"),
    ("IMG_2041.JPG", "image-file"),
    ("river-flood-2023.webp", "image-file"),
    ("Update at 9:35 a.m. ET. Second Bridge Closes As River Rises:", "update-stamp"),
    ("Update at 7:06 a.m. ET. 12 Reportedly Missing:", "update-stamp"),
    ("UPDATE at 2:05 ET:", "update-stamp"),
    ("THE VICTIMS:", "subhead"),
    ("What did the engineers say?", "subhead"),
    ("[pullquote]", "markup-residue"),
    ("__", "separator"),
    ("We need your consent to load this social media content.", "consent-banner"),
    ("SEE MORE: River defences fail in three towns", "related-link"),
    ("DON'T MISS", "related-link"),
    ("Continue reading the main story", "related-link"),
    ("Ministers clash over flood budget [VIDEO]", "related-headline"),
    ("Like this story? Share it with a friend!", "share-buttons"),
    ("SOURCE: News agencies", "credit-line"),
    ("Analysis: Jane Roe, Example News, Riverton", "byline"),
    ("November 20, 2019 - 11:28 AMT", "update-stamp"),
    ("4:14 p.m.", "update-stamp"),
    ("This article was originally published on Example Review.", "article-note"),
    ("This story has been republished from Riverton Daily under a Creative Commons licence.", "article-note"),
    ("Editor's note: This story has been updated with the latest figures.", "article-note"),
    ("Correction: An earlier version of this story misstated the number of bridges.", "article-note"),
    ("FILE - Rescue workers search the rubble of a school in Riverton, March 7, 2023.", "photo-caption"),
    ("FILE PHOTO: A flooded street in Riverton is seen from a helicopter.", "photo-caption"),
    ("==See also==* Riverton flood of 2023* Northland dams", "markup-residue"),
    ("== References ==", "markup-residue"),
])
@pytest.mark.parametrize("from_markup", [True, False])
def test_clean_drops_furniture_classes_in_both_modes(line, reason, from_markup):
    assert classify_line(line, BODY[1], from_markup, prev_line=BODY[0]) == reason


@pytest.mark.parametrize("line", [
    "Posted on a local forum on Monday, the video showed soldiers near the river.",
    "Support for the ceasefire grew today among lawmakers.",
    "Published in May, the report found that 40 people had died.",
    "He shared the file as map.png with reporters.",
    "Updated figures released at 9 a.m. showed 12 dead.",
    "Reporting by local journalists was restricted, the group said.",
    "(The ministry later denied it.)",
    "Labels matter, she said.",
    "Three comments from the minister drew anger.",
    "Our standards are high, the minister said, and we will meet them.",
    "Please support our firefighters, the mayor told the crowd.",
    "Follow-up talks are set for Monday.",
    "Update at 9:35 a.m. ET. Police said two more people were arrested overnight in the north.",
    "Why did the bridge fail? Engineers are still looking.",
    "THE VICTIMS: a teacher, 32, and her son, 9, were swept away.",
    "“Who will pay for this?” she asked.",
    "We need your help, the mayor told volunteers.",
    "See more of the damage in our gallery, the editor wrote on Monday.",
    "Source: a senior official told reporters the dam was safe.",
    "On November 20, 2019, the river burst its banks.",
    "By 4:14 p.m. the water had reached the square.",
    "This article was the first to report the closure, the editor said.",
    "The report was published by the ministry on Monday.",
    "Correction officers at the prison said two inmates escaped.",
    "An earlier version of the plan was rejected by the council.",
    "(Photographs of the damage were shared by the council.)",
    "7 people were rescued from the roofs.",
    "1,204 comments were sent to the council about the plan.",
    "View all the council's flood maps online, the mayor said.",
    "Email records show the warning reached jroe@example.org on Monday.",
    "Email him at once, the mayor told her aide.",
    "Follow the river north and you reach the dam.",
    "Search teams found two more bodies on Tuesday.",
    "Close to 200 people were moved to shelters.",
    "Thanks for watching over us, she told the rescuers.",
    "The vote was held Tuesday, March 7, 2023.",
    "The dam failed on Tuesday, March 7, 2023, officials said.",
    "In Riverton, Tuesday, March 7, 2023, began like any other day, and then the water came.",
    "Mayor Jane Roe, left, and council leader Tom Baxter, right, said the bridge would reopen.",
    "Two roads were closed, left, and right of the bridge, by the water.",
    "File sharing on the council's network was cut off during the flood.",
    "Files seized at the office - including the dam's plans - were returned.",
    "FILE photos of the dam show cracks, the engineer said.",
    "The score was 2 == 2 in the test, the engineer said.",
])
@pytest.mark.parametrize("from_markup", [True, False])
def test_clean_keeps_body_lines_that_look_like_furniture(line, from_markup):
    assert classify_line(line, BODY[1], from_markup, prev_line=BODY[0]) is None


def test_clean_gold_kept_lines_stay_in_markup_mode_too(shared_dir):
    """The subhead rule also runs on extractor output: no gold body line may go."""
    corpus = {}
    for line in (shared_dir / "corpus" / "articles.jsonl").read_text().splitlines():
        row = json.loads(line)
        corpus[row["id"]] = row["text"]
    for gold_file in sorted((shared_dir / "gold" / "dev").glob("*.json")):
        gold = json.loads(gold_file.read_text())
        raw = (shared_dir / gold["input"]).read_text() if gold.get("input") else corpus[gold["corpus_id"]]
        text = clean_text(raw, from_markup=True).text
        for prefix in gold.get("kept") or []:
            assert prefix in text, (gold_file.name, prefix)


def test_clean_keeps_a_whole_article_on_one_line_that_ends_in_a_credit():
    # a scraped page can arrive as one line; the credit glued to its end must not take the body with it
    body = " ".join(f"Sentence {i} of the report says the council met in Lumora on Tuesday." for i in range(40))
    line = body + " Jane Doe contributed to this report."
    cleaned = clean_text(line)
    assert cleaned.text == line and cleaned.removed == ()
    assert [r.reason for r in clean_text("The council met in Lumora on Tuesday, officials said.\n\nJane Doe contributed to this report.").removed] == ["credit-line"]


def test_clean_keeps_a_lone_headline_as_the_report_but_not_a_headline_above_a_body():
    flash = "Rebels seize river port of Lumora in overnight raid"
    assert clean_text(flash).text == flash
    page = flash + "\n\nThe council met in Lumora on Tuesday, officials said. The vote was delayed again."
    assert "Rebels seize" not in clean_text(page).text


@pytest.mark.parametrize("line", [
    "Minister Vows 'No Retreat' as Flood Talks Stall",
    "Flood talks stall as minister vows 'no retreat'",
    "River authority chief on the barrier: “We are ready”",
    "Storm to hit the northern coast as Hurri...",
    "Flood defences fail in three towns, leaving hundreds without…",
])
def test_clean_teaser_headline_ending_in_a_quoted_title_or_cut_off(line):
    assert classify_line(line, BODY[1], prev_line=BODY[0]) == "related-headline"


@pytest.mark.parametrize("line", [
    "The minister called the plan “a disgrace.”",
    "She said: \"We are ready.\"",
    "“We are not done,” she said. “Not even close…”",
    "The mayor paused. Then she said the town would rebuild 'whatever it takes'",
])
def test_clean_body_lines_ending_in_quotes_or_ellipses_are_kept(line):
    assert classify_line(line, BODY[1], prev_line=BODY[0]) is None


@pytest.mark.parametrize("line, reason", [
    ("Video: In this talk the engineer explains why the river defences failed in three towns.", "media-label"),
    ("Watch: Rescue crews reach the flooded villages", "media-label"),
    ("‘NOT AGAIN’", "subhead"),
    ("DOWNLOAD THE FREE FLOOD GUIDE NOW!", "subhead"),
    ("THE RIVER -- NOW ON YOUTUBE!", "subhead"),
])
def test_clean_media_blurbs_and_shouted_labels_in_plain_text(line, reason):
    assert classify_line(line, BODY[1], prev_line=BODY[0]) == reason


@pytest.mark.parametrize("line", [
    "Video footage shared by residents showed the bridge collapsing.",
    "Watchdogs said the council had ignored the warnings.",
    "NATO said the drills would go ahead.",
    "The UN and the EU sent aid on Monday.",
    "“NO,” the mayor shouted, “NOT AGAIN.”",
])
def test_clean_body_lines_with_media_words_or_capitals_are_kept(line):
    assert classify_line(line, BODY[1], prev_line=BODY[0]) is None


# Classes built on the line benchmark of scraped pages (plain text); the HTML extractor's output keeps its
# own measured settings, so there they are left alone.
PLAIN_TEXT_CLASSES = [
    ("(Image credit: Riverton Council)", "photo-credit"),
    ("(Photo courtesy of the fire brigade)", "photo-credit"),
    ("7", "counter"),
    ("0shares", "counter"),
    ("1,204 comments", "counter"),
    ("View all (6)", "navigation"),
    ("See more videos", "navigation"),
    ("Email Jane Roe at jroe@example.org or follow her @janeroe.", "author-bio"),
    ("Follow him on Twitter for more from the flood zone.", "author-bio"),
    ("Skip to main content", "interface"),
    ("Search for:", "interface"),
    ("Copied!", "interface"),
    ("Thanks for watching!", "interface"),
    ("Click to print (Opens in new window)", "interface"),
    ("Rescue workers search the rubble of a school in Riverton, Northland, Tuesday, March 7, 2023.", "photo-caption"),
    ("Rescue workers search the rubble in Riverton, Tuesday, March 7, 2023. The school was hit overnight.", "photo-caption"),
    ("Mayor Jane Roe, left, and council leader Tom Baxter talk outside the flooded town hall.", "photo-caption"),
]


@pytest.mark.parametrize("line, reason", PLAIN_TEXT_CLASSES)
def test_clean_drops_plain_text_classes(line, reason):
    assert classify_line(line, BODY[1], prev_line=BODY[0]) == reason


@pytest.mark.parametrize("line, reason", PLAIN_TEXT_CLASSES)
def test_clean_plain_text_classes_leave_the_html_extractor_output_alone(line, reason):
    assert classify_line(line, BODY[1], True, prev_line=BODY[0]) != reason
