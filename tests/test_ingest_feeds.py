"""RSS/Atom feeds through `iter_inputs`: items, the read cursor, malformed feeds.

The feeds in tests/fixtures/feeds are written for these tests.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dateline.errors import BadArgument
from dateline.inputs.feeds import FeedState, iter_feed
from dateline.inputs import RawInput, iter_inputs
from dateline.types import Rejected

FEEDS = Path(__file__).parent / "fixtures" / "feeds"

NEW_ITEM = """
    <item>
      <title>Harbour dredging starts on Monday</title>
      <link>https://ledger.example.org/news/dredging</link>
      <guid isPermaLink="false">ledger-1004</guid>
      <pubDate>Sat, 20 May 2023 07:00:00 GMT</pubDate>
      <description><![CDATA[<p>A dredger will start clearing silt from the Saltmere harbour channel on Monday, the harbour master said, and small boats should keep to the marked fairway while it works.</p>]]></description>
    </item>
  </channel>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Post</title>
  <id>urn:example:valley-post</id>
  <updated>2024-02-03T09:00:00Z</updated>
  <entry>
    <title>Reservoir level rises after a wet winter</title>
    <id>urn:example:valley-post:77</id>
    <link href="https://valley.example.net/reservoir"/>
    <published>2024-02-03T09:00:00Z</published>
    <content type="html">&lt;p&gt;The water company said on Saturday that the upland reservoir was ninety per cent full for the first time in three years, after the wettest winter on record in the valley.&lt;/p&gt;</content>
  </entry>
</feed>
"""


@pytest.fixture
def feed(tmp_path) -> Path:
    path = tmp_path / "ledger.rss"
    shutil.copy(FEEDS / "three_items.rss", path)
    return path


def add_item(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("\n  </channel>", NEW_ITEM, 1), encoding="utf-8")


def test_ingest_feeds_each_item_is_an_input(feed):
    items = list(iter_inputs([str(feed)]))
    assert [type(i) for i in items] == [RawInput] * 3
    first = items[0]
    assert first.origin == f"{feed}#ledger-1001"
    assert first.url == "https://ledger.example.org/news/ferry-pier-reopens"
    assert first.title == "Ferry pier to reopen next month"
    assert first.published == "2023-05-17"
    assert "Repairs to the timber deck" in first.text  # content:encoded wins over the short description
    assert "Volunteers painting the railings" not in first.text  # a caption in the item HTML
    assert "culvert under the road had flooded" in items[1].text  # only a description: it is the text


EMPTY_ITEM = """
    <item>
      <title>Photo gallery</title>
      <guid isPermaLink="false">ledger-1005</guid>
      <pubDate>Sat, 20 May 2023 09:00:00 GMT</pubDate>
    </item>
  </channel>"""


def read_and_settle(paths, state_path, settle=lambda item: True) -> list[RawInput | Rejected]:
    """One run: read through the cursor, settle the items `settle` accepts (their outcome was committed), save."""
    state = FeedState.load(state_path)
    items = list(iter_inputs([str(p) for p in paths], feeds=state))
    for item in items:
        if settle(item):
            state.settle(item.origin)
    state.save()
    return items


def guid(item) -> str:
    return item.origin.rsplit("#", 1)[1]


def test_ingest_feeds_cursor_yields_only_new_items(feed, tmp_path):
    state_path = tmp_path / "dateline-feeds.json"
    assert len(read_and_settle([feed], state_path)) == 3
    assert state_path.is_file()
    assert read_and_settle([feed], state_path) == []
    add_item(feed)
    new = read_and_settle([feed], state_path)
    assert [guid(i) for i in new] == ["ledger-1004"]
    assert new[0].published == "2023-05-20"


def test_ingest_feeds_item_read_but_not_settled_is_read_again(feed, tmp_path):
    state_path = tmp_path / "dateline-feeds.json"
    first = read_and_settle([feed], state_path, settle=lambda item: guid(item) == "ledger-1002")
    assert len(first) == 3
    assert [guid(i) for i in read_and_settle([feed], state_path)] == ["ledger-1001", "ledger-1003"]
    assert read_and_settle([feed], state_path) == []


def test_ingest_feeds_settle_ignores_origins_that_are_not_pending_feed_items(tmp_path):
    state = FeedState(tmp_path / "state.json")
    assert state.settle("notes/a.txt") is False
    state.save()
    assert json.loads((tmp_path / "state.json").read_text(encoding="utf-8")) == {"feeds": {}}


def test_ingest_feeds_rejected_item_is_settled_like_a_stored_one(feed, tmp_path):
    feed.write_text(feed.read_text(encoding="utf-8").replace("\n  </channel>", EMPTY_ITEM, 1), encoding="utf-8")
    state_path = tmp_path / "dateline-feeds.json"
    items = read_and_settle([feed], state_path)
    assert [(guid(i), type(i)) for i in items][-1] == ("ledger-1005", Rejected)
    assert read_and_settle([feed], state_path) == []


def test_ingest_feeds_cursor_records_newest_date_per_feed(feed, tmp_path):
    state = FeedState(tmp_path / "state.json")
    for item in iter_feed(feed, state):
        state.settle(item.origin)
    state.save()
    saved = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    entry = saved["feeds"][str(feed.resolve())]
    assert entry["newest"].startswith("2023-05-19T18:45")
    assert sorted(entry["seen"]) == ["ledger-1001", "ledger-1002", "ledger-1003"]


def test_ingest_feeds_without_cursor_reads_everything_every_time(feed):
    assert len(list(iter_inputs([str(feed)]))) == 3
    assert len(list(iter_inputs([str(feed)]))) == 3


def test_ingest_feeds_malformed_feed_is_rejected_and_the_batch_goes_on(feed):
    items = list(iter_inputs([str(FEEDS / "malformed.rss"), str(feed)]))
    assert isinstance(items[0], Rejected)
    assert items[0].reason == "parse_error"
    assert items[0].origin.endswith("malformed.rss")
    assert [type(i) for i in items[1:]] == [RawInput] * 3


def test_ingest_feeds_xml_that_is_not_a_feed_is_rejected(tmp_path):
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><colour>blue</colour></settings>', encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert [(type(i), i.reason) for i in items] == [(Rejected, "parse_error")]


def test_ingest_feeds_folder_skips_xml_that_is_not_a_feed(tmp_path, feed):
    (tmp_path / "config.xml").write_text('<?xml version="1.0"?><settings/>', encoding="utf-8")
    (tmp_path / "atom.xml").write_text(ATOM, encoding="utf-8")
    origins = [i.origin for i in iter_inputs([str(tmp_path)])]
    assert not any("config.xml" in o for o in origins)
    assert sum("atom.xml" in o for o in origins) == 1
    assert sum("ledger.rss" in o for o in origins) == 3


def test_ingest_feeds_atom_entry(tmp_path):
    path = tmp_path / "valley.atom"
    path.write_text(ATOM, encoding="utf-8")
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, RawInput)
    assert item.url == "https://valley.example.net/reservoir"
    assert item.published == "2024-02-03"
    assert "ninety per cent full" in item.text


def test_ingest_feeds_broken_state_file_is_an_error(tmp_path):
    state = tmp_path / "dateline-feeds.json"
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(BadArgument):
        FeedState.load(state)


def test_ingest_feeds_unreachable_url_is_rejected():
    # port 9 on localhost: nothing listens there, so this fails at once without touching the network
    items = list(iter_feed("http://127.0.0.1:9/feed.rss"))
    assert [(type(i), i.reason) for i in items] == [(Rejected, "unreadable")]


def test_a_server_sending_a_byte_at_a_time_is_cut_off_at_the_deadline_and_the_batch_goes_on(
        tmp_path, monkeypatch, nlp):
    """A real HTTP server on loopback that never finishes its page: the URL is rejected after the
    overall deadline (each read arrives well within the per-read timeout), the files around it are stored."""
    import sqlite3
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from click.testing import CliRunner

    from dateline.cli import main

    stop = threading.Event()

    class Drip(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                self.wfile.write(b"<html><body><p>")
                while not stop.is_set():
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:  # the client hung up: what this test wants
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr("dateline.inputs.feeds.FETCH_DEADLINE", 2)
    monkeypatch.setattr("dateline.pipeline.load_nlp", lambda model, config=None: nlp)
    good = ("The city council said on Monday that the old bridge over the river would be closed for repairs. "
            "Drivers were told to use the ring road until the end of the month.")
    (tmp_path / "a.txt").write_text(good)
    (tmp_path / "b.txt").write_text(good.replace("Monday", "Friday"))
    url = f"http://127.0.0.1:{server.server_address[1]}/slow.html"
    db = tmp_path / "d.db"
    try:
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), url, str(tmp_path / "b.txt"),
                                           "--db", str(db), "--no-link"])
    finally:
        stop.set()
        server.shutdown()
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert f"dateline: rejected {url}: unreadable: the download did not finish within 2 s" in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (2,)
