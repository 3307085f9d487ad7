"""An event's confidence reflects how its fields were found (issue 13; sentences we wrote)."""
PUBLISHED = "2023-03-12"


def assault(annotate, text):
    record = annotate(text, PUBLISHED)
    return next(e for e in record.events if e.category == "ASSAULT")


def test_confidence_an_attack_with_no_evidence_is_less_sure(annotate):
    vague = assault(annotate, "Someone attacked a house on Friday.")
    clear = assault(annotate, "Rebels ambushed an army convoy on the highway on Friday, killing four soldiers.")
    assert vague.confidence < clear.confidence


def test_confidence_an_inferred_place_counts_less_than_a_read_one(annotate):
    read = annotate("Gunmen attacked a police station in Kandahar on Friday.", PUBLISHED)
    told = annotate("Gunmen attacked a police station in Kandahar on Friday. Militants also ambushed a convoy.",
                    PUBLISHED)
    first = next(e for e in read.events if e.category == "ASSAULT")
    later = [e for e in told.events if e.category == "ASSAULT"][-1]
    assert later.confidence < first.confidence
