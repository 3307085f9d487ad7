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


def test_clean_trusts_the_html_extractor_on_subheads():
    text = "\n".join([BODY[0], "What the council decided", BODY[1]])
    assert "What the council decided" in clean_text(text, from_markup=True).text
    assert "What the council decided" not in clean_text(text).text


@pytest.mark.parametrize("line", [
    "Firefighters work at a burning depot near the port, Monday, May 8, 2023. (AP Photo/Jane Roe)",
    "A man walks past a damaged school in the city centre. (Reuters/John Doe)",
])
def test_clean_caption_ending_in_agency_credit_is_dropped(line):
    assert classify_line(line, "The next paragraph.") == "photo-credit"


def test_clean_agency_name_in_body_is_kept():
    assert classify_line("The agency (AP) said the port was open again on Monday.", None) is None
