"""The learned line model (dateline.clean.line_model): sure drops only, never a sentence, own reason."""
import pytest

from dateline.clean import clean_text, line_reasons
from dateline.clean.line_model import REASON, LineModel, learned_reasons, line_features, reads_as_prose, shipped_model

BODY = [
    "The mayor said on Tuesday that two bridges had been closed after the floods.",
    "“We are doing everything we can,” she told reporters outside the town hall.",
    "Officials expect the water to recede by the weekend; schools will stay shut until then.",
]
MENU = ["home", "world", "politics", "business", "sport", "weather"]
FOOTER = ["privacy", "terms of sale", "contact editorial", "advertising", "careers"]


def test_line_model_is_shipped_and_sure():
    model = shipped_model()
    assert model is not None and model.threshold >= 0.9
    assert model.weights["bias"] != 0.0


def test_line_model_drops_a_menu_and_a_footer_around_the_body():
    result = clean_text("\n".join(MENU + BODY + FOOTER))
    assert result.text == "\n".join(BODY)
    assert {r.reason for r in result.removed} <= {REASON, "interface"}
    assert any(r.reason == REASON for r in result.removed)


@pytest.mark.parametrize("body", [
    "Two bridges were closed after the floods, the mayor said on Tuesday.",
    "“Not again,” said one resident, who has lived by the river for forty years.",
    "Schools will stay shut until the water recedes, officials said?",
])
def test_line_model_never_drops_a_sentence_even_among_menus(body):
    assert reads_as_prose(body)
    lines = MENU + [body] + FOOTER
    assert line_reasons(lines)[len(MENU)] is None


@pytest.mark.parametrize("line, prose", [
    ("world", False), ("Sign in to your account", False), ("The bridge was closed.", False),
    ("The bridge over the river was closed on Tuesday.", True), ("'We will rebuild the bridge over the river,' she said.", True),
])
def test_reads_as_prose_is_a_sentence_of_eight_words(line, prose):
    assert reads_as_prose(line) is prose


def test_line_model_only_judges_plain_text():
    lines = MENU + BODY
    assert line_reasons(lines, from_markup=True)[:len(MENU)] == [None] * len(MENU)


def test_line_model_threshold_decides():
    lines = ["alpha", "The mayor said on Tuesday that two bridges had been closed after the floods."]
    always = LineModel({"bias": 10.0}, threshold=0.9)
    never = LineModel({"bias": 10.0}, threshold=1.01)
    assert learned_reasons(lines, [None, None], always) == [REASON, None]  # the sentence stays all the same
    assert learned_reasons(lines, [None, None], never) == [None, None]
    assert learned_reasons(lines, ["byline", None], always) == ["byline", None]  # a rule's reason stays


def test_line_features_see_the_neighbours_and_the_rules():
    f = line_features("world", "home", BODY[0], prev_dropped=True, next_dropped=False)
    assert f["prev-dropped"] == 1.0 and f["next-dropped"] == 0.0 and f["next:prose"] == 1.0
    assert f["class:section"] == 1.0 and f["len=1"] == 1.0 and f["start=lower"] == 1.0


def test_fit_learns_a_separable_feature():
    from dateline.train.furniture import fit

    items = [("p", {"bias": 1.0, "menu-like": 1.0}, 1)] * 20 + [("p", {"bias": 1.0, "menu-like": 0.0}, 0)] * 20
    model = LineModel(fit(items), 0.5)
    assert model.probability({"bias": 1.0, "menu-like": 1.0}) > 0.8  # the L2 penalty keeps it from 1
    assert model.probability({"bias": 1.0, "menu-like": 0.0}) < 0.2


def test_line_model_leaves_text_in_other_scripts_to_the_rules():
    lines = ["川の水位が上がり、二つの橋が閉鎖された。", "市長は火曜日に記者団に説明した。", "学校は週末まで休校となる。"]
    always = LineModel({"bias": 10.0}, threshold=0.9)
    assert learned_reasons(lines, [None, None, None], always) == [None, None, None]
    assert learned_reasons(["world", "中文", "عربي"], [None, None, None], always) == [REASON, REASON, REASON]
