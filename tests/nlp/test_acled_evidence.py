"""ACLED sub-event types from the evidence of the sentence, not a default to "Armed clash" (issue 13;
sentences we wrote)."""
PUBLISHED = "2023-03-12"


def acled_of(annotate, text, category="ASSAULT"):
    record = annotate(text, PUBLISHED)
    ev = next(e for e in record.events if e.category == category)
    return (ev.acled or {}).get("sub_event_type"), ev


def test_acled_fighting_between_two_sides_is_an_armed_clash(annotate):
    sub, _ = acled_of(annotate, "Government troops clashed with rebels near the border town on Friday.")
    assert sub == "Armed clash"


def test_acled_a_one_sided_attack_on_people_is_not_an_armed_clash(annotate):
    sub, _ = acled_of(annotate, "Police shot a teenager during a traffic stop in the capital on Friday.")
    assert sub != "Armed clash"


def test_acled_a_suicide_bomber_makes_a_suicide_bomb(annotate):
    sub, _ = acled_of(annotate, "A suicide bomber blew himself up at a checkpoint outside the city, killing five guards.")
    assert sub == "Suicide bomb"


def test_acled_a_mob_is_mob_violence(annotate):
    sub, _ = acled_of(annotate, "An angry mob attacked two men accused of theft in the village market on Sunday.")
    assert sub == "Mob violence"


def test_acled_armed_men_attacking_military_posts_fight_a_battle(annotate):
    sub, _ = acled_of(annotate, "Rebel fighters attacked military positions near the town on Friday, killing four soldiers.")
    assert sub == "Armed clash"
    sub, _ = acled_of(annotate, "Militants attacked a police base in the northern town on Friday.")
    assert sub == "Armed clash"


def test_acled_armed_men_attacking_a_camp_or_a_station_of_civilians_is_not_a_battle(annotate):
    sub, _ = acled_of(annotate, "Gunmen attacked a camp for displaced families near the town on Friday.")
    assert sub != "Armed clash"
    sub, _ = acled_of(annotate, "Gunmen attacked a bus station in the northern town on Friday.")
    assert sub != "Armed clash"
