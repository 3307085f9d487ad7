"""The HTML pages: events list, article view with its evidence, and hostile text rendered as text."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from web_inputs import IMG, SCRIPT, XSS_TITLE

HTML = {"accept": "text/html"}


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url, headers=HTML)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_index_lists_events_linking_to_their_article_at_the_event(client, records):
    html = page(client, "/")
    record = records["tests/web/minsk.txt"]
    doc_id = record["document"]["id"]
    assert f'href="/articles/{doc_id}?event=v1#sentence-v1"' in html
    assert '<mark class="hl-trigger cat-PROTEST">protested</mark>' in html
    assert 'type="application/json" id="dl-config"' in html and '<script src="/static/map.js">' in html


def test_index_form_shows_the_current_filters(client):
    html = page(client, "/?country=UKR&category=ASSAULT&since=2023-05-01")
    assert 'name="country" value="UKR"' in html
    assert re.search(r'value="ASSAULT"\s+checked', html)
    assert 'name="since" value="2023-05-01"' in html
    assert "PROTEST</mark>" not in html  # the list is filtered too


def test_article_shows_the_focused_event_evidence_and_its_fields(client, records):
    record = records["tests/web/kharkiv.txt"]
    doc_id = record["document"]["id"]
    event = record["events"][0]
    html = page(client, f"/articles/{doc_id}?event={event['id']}")
    sentence = re.search(r'<span class="hl-sentence evidence" id="sentence-v1">', html)
    assert sentence, "the focused event's sentence is marked as evidence"
    trigger = re.search(r'<mark class="hl-trigger cat-ASSAULT evidence"[^>]*id="trigger-v1">([^<]*)</mark>', html)
    assert trigger and trigger.group(1) == event["trigger"]["text"]
    card = html[html.index('id="event-v1"'):]
    card = card[:card.index("</section>")]
    # the source: the described speaker "the regional governor", named without its article
    assert "Kharkiv" in card and "killing three" in card and "regional governor" in card
    assert html.count('class="hl hl-place"') >= 2  # Kharkiv and Odesa


def test_article_marks_the_fields_an_event_took_from_context(client, records):
    record = records["tests/web/minsk.txt"]
    doc_id = record["document"]["id"]
    html = page(client, f"/articles/{doc_id}")
    told = [e for e in record["events"] if e.get("inferred")]
    assert told, "the arrests' sentence names no place or day: they come from the story"
    for event in record["events"]:
        card = html[html.index(f'id="event-{event["id"]}"'):]
        card = card[:card.index("</section>")]
        for field in ("actors", "recipients", "place", "time"):
            shown = re.search(rf"<dt>{field}</dt><dd>(.*?)</dd>", card, re.S).group(1)
            assert ("(inferred)" in shown) == (field in (event.get("inferred") or [])), (event["id"], field)


def test_article_marks_a_place_whose_point_is_borrowed(client, records):
    record = records["tests/web/mall.txt"]
    mall = next(p for p in record["places"] if p["name"] == "Zorbla Mall")
    assert mall["located_by"] == "stated_place" and mall["geonames_id"] is None
    html = page(client, f"/articles/{record['document']['id']}")
    place = re.search(r"<dt>place</dt><dd>(.*?)</dd>", html, re.S).group(1)
    assert "Zorbla Mall" in place and "(approximate point)" in place
    kharkiv = page(client, f"/articles/{records['tests/web/kharkiv.txt']['document']['id']}")
    assert "(approximate point)" not in kharkiv  # a gazetteer town is no approximation


def test_article_without_focus_marks_no_evidence(client, records):
    doc_id = records["tests/web/kharkiv.txt"]["document"]["id"]
    html = page(client, f"/articles/{doc_id}")
    assert "hl-sentence evidence\" id=" not in html and "evidence\" title=" not in html
    assert "has no event" in page(client, f"/articles/{doc_id}?event=v42")


def test_article_lists_removed_lines(client, records):
    doc_id = records[next(o for o in records if o.startswith("tests/\""))]["document"]["id"]
    html = page(client, f"/articles/{doc_id}")
    removed = html[html.index("Removed lines"):]
    assert "share-buttons" in removed and str(escape(f"Share {SCRIPT}")) in removed


def hostile_pages(records) -> list[str]:
    doc_id = records[next(o for o in records if o.startswith("tests/\""))]["document"]["id"]
    return [f"/articles/{doc_id}", f"/articles/{doc_id}?event=v1", "/", "/articles", "/entities?name=rebels",
            "/entities", "/incidents", "/stats", f"/?actor={SCRIPT}"]


def test_hostile_text_renders_as_text_on_every_page(client, records):
    for url in hostile_pages(records):
        html = page(client, url)
        assert SCRIPT not in html and "<script>document" not in html, url
        assert "<img src=x" not in html and "onerror=\"document" not in html, url
        assert "href=\"javascript:" not in html, url
        # Our own script tags are all external files: no inline script at all.
        assert all(tag.startswith('<script src="/static/') or tag == '<script type="application/json" id="dl-config">'
                   for tag in re.findall(r"<script[^>]*>", html)), url


def test_hostile_text_appears_escaped_where_it_is_printed(client, records):
    doc_id = records[next(o for o in records if o.startswith("tests/\""))]["document"]["id"]
    article = page(client, f"/articles/{doc_id}")
    assert str(escape(XSS_TITLE)) in article  # the <h1> title
    assert str(escape(SCRIPT)) in article and str(escape(IMG)) in article
    assert "javascript:" in article  # the URL is shown as text, not as a link
    assert str(escape("Rebels ")) + str(escape(SCRIPT)) in page(client, "/entities?name=rebels")


def test_error_page_escapes_the_bad_value(client):
    html = page(client, f"/?country={IMG}", status=422)
    assert "<img" not in html.lower() and "&lt;img" in html.lower()


def test_incidents_page_highlights_disagreeing_figures(client):
    html = page(client, "/incidents")
    assert 'id="no-incidents"' not in html, "the incidents step did not run on the test store"
    assert '<tr class="disagree"><th>fatalities</th>' in html
    assert re.search(r'<td class="odd">[35]</td>', html)


def test_incidents_without_the_incidents_step_say_so(client, monkeypatch):
    from dateline.web import api

    monkeypatch.setattr(api, "incidents_module", lambda: None)
    assert 'id="no-incidents"' in page(client, "/incidents")
    assert client.get("/api/incidents").json()["available"] is False
    assert client.get("/api/incidents/inc-1").status_code == 404
    assert client.get("/api/stats").json()["incidents_available"] is False


def test_index_rows_show_who_whom_toll_source_and_names(client):
    html = page(client, "/?q=blockaded")
    assert '<span class="actor">Farmers</span>' in html
    assert "Ivan Petrenko" in html  # the "he" of the sentence, resolved through its quote
    assert ">Ukraine</span>" in html  # the country by name, not only UKR
    assert "Test Gazette, 2023-05-20" in html  # the untitled article, named by outlet and date
    html = page(client, "/?actor=russian&q=shelled")
    assert "killed</span>" in html and "injured</span>" in html


def test_incident_page_lists_each_reports_sentence(client):
    shared = [i for i in client.get("/api/incidents").json()["incidents"] if i["n_articles"] >= 2]
    html = page(client, f"/incidents/{shared[0]['id']}")
    assert html.count('class="evidence-item"') == shared[0]["n_reports"]
    assert '<mark class="hl-trigger">shelled</mark>' in html


def test_stats_page_charts_time_and_names_countries(client):
    html = page(client, "/stats")
    assert 'id="timeline"' in html and "/static/timeline.js" in html
    assert ">Ukraine</a>" in html and ">Belarus</a>" in html
