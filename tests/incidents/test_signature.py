"""MinHash signatures and the duplicate decision."""
from __future__ import annotations

from dateline.incidents.dedupe import StoredCopy, choose
from dateline.incidents.signature import band_keys, decode, encode, minhash, similarity

STORY = ("The regional council of Marlow voted on Tuesday to close the old river bridge after engineers found "
         "deep cracks in two of its piers. Traffic will move to the ferry until a new crossing opens next spring, "
         "the council said, and lorries over ten tonnes must take the northern bypass from Monday.")


def test_signature_copy_with_header_is_similar_other_text_is_not():
    copy = "By a staff reporter. " + STORY + " Copyright the wire."
    other = "Farmers in the eastern valley said the late frost ruined most of this year's apricot harvest."
    assert similarity(minhash(STORY), minhash(copy)) > 0.6
    assert similarity(minhash(STORY), minhash(other)) < 0.1


def test_signature_encode_roundtrip_and_band_keys_shared_by_copies():
    sig = minhash(STORY)
    assert decode(encode(sig)) == sig
    assert set(band_keys(sig)) & set(band_keys(minhash(STORY + " Updated at noon.")))


def test_dedupe_kinds():
    stored = StoredCopy("a", 1, "https://news.example/bridge", "Bridge closed", "Gazette", "a")
    syndicated = choose("b", "https://other.example/x", "Marlow shuts bridge", "Courier", [(stored, 0.8)])
    assert (syndicated.kind, syndicated.duplicate_of) == ("syndicated", "a")
    updated = choose("c", "http://www.news.example/bridge/?utm_source=feed", "Bridge closed (update)", "Gazette",
                     [(stored, 0.3)])
    assert updated.kind == "updated"
    assert choose("d", None, None, None, [(stored, 0.2)]) is None


def test_dedupe_points_to_the_root_of_the_group():
    root = StoredCopy("a", 1, None, "T", "O", "a")
    copy = StoredCopy("b", 2, None, "T2", "O2", "a")
    assert choose("c", None, None, None, [(copy, 0.9)]).duplicate_of == "a"
