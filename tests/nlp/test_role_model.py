"""The shipped argument-role weights load; a missing or corrupt file fails naming it; the learned
scorer decides roles on sentences we wrote."""
import json

import pytest

from dateline.nlp.role_model import MODEL_PATH, RoleModelError, load_role_model

PUBLISHED = "2023-03-12"


def test_role_model_ships_trained_weights_for_every_role():
    roles = load_role_model(MODEL_PATH)
    assert set(roles) >= {"place", "actor", "recipient"}
    for weights in roles.values():
        assert len(weights.weights) > 20  # trained, not the one-feature bootstrap
        assert 0.0 < weights.threshold < 1.0


def test_role_model_missing_file_names_it(tmp_path):
    path = tmp_path / "arguments.json"
    with pytest.raises(RoleModelError, match="arguments.json"):
        load_role_model(path)


def test_role_model_corrupt_file_names_it(tmp_path):
    path = tmp_path / "arguments.json"
    path.write_text(json.dumps({"format": "dateline-argument-roles/1", "roles": {"place": {"features": ["a"]}}}))
    with pytest.raises(RoleModelError, match=str(path.name)):
        load_role_model(path)
    path.write_text("{not json")
    with pytest.raises(RoleModelError, match="unreadable"):
        load_role_model(path)


def test_role_model_unknown_decision_mode_names_the_file(tmp_path):
    path = tmp_path / "arguments.json"
    role = {"features": ["bias"], "coef": [0.0], "intercept": 0.0, "threshold": 0.5, "mode": "guess"}
    path.write_text(json.dumps({"format": "dateline-argument-roles/1", "roles": {"actor": role}}))
    with pytest.raises(RoleModelError, match="arguments.json.*mode"):
        load_role_model(path)
    role["mode"] = "decide"
    path.write_text(json.dumps({"format": "dateline-argument-roles/1", "roles": {"actor": role}}))
    assert load_role_model(path)["actor"].mode == "decide"


def _names(record, ids):
    names = {e.id: e.name for e in record.entities}
    return {names[i] for i in ids}


def test_roles_claimed_by_group_is_the_actor(annotate):
    record = annotate("The Free Mountain Front claimed responsibility for the bombing of a police station in Galkayo "
                      "on Friday.", PUBLISHED)
    ev = next(e for e in record.events if e.category == "ASSAULT")
    assert "Free Mountain Front" in " ".join(_names(record, ev.actors))


def test_roles_the_launch_point_is_not_the_place(annotate):
    record = annotate("Russia fired missiles from Belarus at Kyiv on Friday.", PUBLISHED)
    ev = next(e for e in record.events if e.category == "ASSAULT")
    places = {p.id: p.name for p in record.places}
    assert places.get(ev.place) != "Belarus"


def test_roles_agent_of_a_passive_is_the_actor(annotate):
    record = annotate("Two soldiers were killed by Boko Haram fighters near Maiduguri on Friday.", PUBLISHED)
    ev = next(e for e in record.events if e.category == "ASSAULT")
    assert "Boko Haram" in " ".join(_names(record, ev.actors))


def test_roles_the_doer_of_a_by_gerund_is_the_verbs_subject(annotate):
    record = annotate("Turkey broke the ceasefire by shelling Kobani on Monday.", PUBLISHED)
    ev = next(e for e in record.events if e.category == "ASSAULT")
    assert "Turkey" in _names(record, ev.actors)


def test_roles_claimed_in_the_passive_names_the_actor(annotate):
    record = annotate("The bombing of a bus station in Mosul was claimed by the Islamic State.", PUBLISHED)
    ev = next(e for e in record.events if e.category == "ASSAULT")
    assert "Islamic State" in " ".join(_names(record, ev.actors))


@pytest.mark.parametrize("text, origin", [
    ("Militants fired rockets from Gaza on Monday.", "Gaza"),
    ("American troops withdrew from Syria on Monday.", "Syria"),
])
def test_roles_the_origin_of_a_deed_is_not_its_recipient(annotate, text, origin):
    record = annotate(text, PUBLISHED)
    assert record.events
    for ev in record.events:
        assert origin not in _names(record, ev.recipients)


def test_roles_a_name_the_parse_does_not_tie_to_the_event_is_no_actor(annotate):
    record = annotate("In Kandahar, where Canada once kept a base, gunmen shot dead two guards on Monday.", PUBLISHED)
    ev = next(e for e in record.events if e.category == "ASSAULT")
    assert "Canada" not in _names(record, ev.actors)
