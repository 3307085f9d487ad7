"""Training items of the candidate model: rule candidates aligned with labelled events as the gold scorer
aligns them (category and sentence), on sentences we wrote."""
from dateline.train.candidates import NONE, LabelledText, candidate_items, labels_split
from dateline.train.overlap import OverlapFilter


def _items(nlp, text, triggers, complete=True):
    spans = tuple((text.index(w), text.index(w) + len(w), cat) for w, cat in triggers)
    lt = LabelledText("labels", "t:1", text, spans, complete, statuses=tuple("actual" for _ in spans))
    return [(it["rule"], it["target"]) for it in candidate_items(nlp, [lt], OverlapFilter([]))]


def test_candidates_a_labelled_event_takes_the_rule_candidate_of_its_category(nlp):
    # one event, labelled on "blew"; the rules find it at "killed": it is the same event, kept
    items = _items(nlp, "Nine people were killed when two bombers blew themselves up in a market.",
                   [("blew", "ASSAULT")])
    assert ("ASSAULT", "ASSAULT") in items and ("ASSAULT", NONE) not in items


def test_candidates_a_candidate_no_label_covers_is_no_event(nlp):
    assert _items(nlp, "Wars kill thousands of people every year.", []) == [("ASSAULT", NONE)]


def test_candidates_a_candidate_of_another_labelled_category_is_relabelled(nlp):
    items = _items(nlp, "The government imposed new restrictions on the banks.", [("imposed", "SANCTION")])
    assert items and all(target == "SANCTION" for _, target in items)


def test_candidates_incomplete_labels_say_nothing_of_unlabelled_candidates(nlp):
    assert _items(nlp, "Rebels attacked the town and killed two guards.", [], complete=False) == []


def test_candidates_our_labels_hold_out_three_documents_in_ten():
    held = sum(labels_split(f"conflibert:cb-{n}") == "test" for n in range(2000))
    assert 500 < held < 700
