"""The JSON API over a store the real pipeline filled: filters, paging, 404/422, read-only, headers."""
from __future__ import annotations

import pytest

from dateline.web.app import SettingError, create_app


def events(client, query: str = "") -> list[dict]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    return response.json()["events"]


def test_api_events_returns_every_stored_event_with_its_joins(client, records):
    body = client.get("/api/events").json()
    stored = sum(len(r["events"]) for r in records.values())
    assert body["total"] == stored == len(body["events"])
    assert body["limit"] == 100 and body["offset"] == 0
    kharkiv = [e for e in body["events"] if e["place"] and e["place"]["name"] == "Kharkiv"]
    assert kharkiv and kharkiv[0]["place"]["lat"] is not None
    assert all(e["sentence"]["text"] and e["document"]["id"] == e["doc_id"] for e in body["events"])


@pytest.mark.parametrize("query, check", [
    ("country=UKR", lambda e: e["place"]["country"] == "UKR"),
    ("country=blr", lambda e: e["place"]["country"] == "BLR"),
    ("category=PROTEST", lambda e: e["category"] == "PROTEST"),
    ("category=assault&category=COERCE", lambda e: e["category"] in ("ASSAULT", "COERCE")),
    ("since=2023-06-01",
     lambda e: (e["time"]["to"] or e["time"]["from"] or e["document"]["published"]) >= "2023-06-01"),
    ("until=2023-05-31", lambda e: (e["time"]["from"] or e["document"]["published"]) <= "2023-05-31"),
    ("actor=russian", lambda e: any("russian" in a["name"].lower() for a in e["actors"] + e["recipients"])),
    ("q=drone", lambda e: "drone" in e["sentence"]["text"].lower()),
    ("bbox=26,53,29,55", lambda e: e["place"]["name"] == "Minsk"),
])
def test_api_events_filters_narrow_to_matching_events(client, query, check):
    everything = events(client)
    found = events(client, query)
    assert found, f"{query} matched nothing: the test texts should give a match"
    assert len(found) < len(everything)
    assert all(check(e) for e in found)


@pytest.mark.parametrize("query", ["country=UKR,BLR", "country=UKR&country=BLR", "country=ukr, blr"])
def test_api_events_repeated_or_comma_separated_values_match_any(client, query):
    def keys(rows):
        return {(e["doc_id"], e["event_id"]) for e in rows}

    either = keys(events(client, query))
    assert either and either == keys(events(client, "country=UKR")) | keys(events(client, "country=BLR"))


@pytest.mark.parametrize("query", ["q=%25%25", "actor=zzz", "country=FRA", "bbox=-10,-10,-5,-5", "source=nobody",
                                   "modality=negated"])
def test_api_events_filters_can_match_nothing(client, query):
    body = client.get(f"/api/events?{query}").json()
    assert body["total"] == 0 and body["events"] == []


def test_api_events_empty_params_mean_no_filter(client):
    assert len(events(client, "since=&until=&country=&actor=&bbox=")) == len(events(client))


def test_api_events_pages(client):
    total = client.get("/api/events").json()["total"]
    first = events(client, "limit=2")
    rest = events(client, "limit=100&offset=2")
    assert len(first) == 2 and len(first) + len(rest) == total
    assert not {(e["doc_id"], e["event_id"]) for e in first} & {(e["doc_id"], e["event_id"]) for e in rest}


@pytest.mark.parametrize("query, message", [
    ("bbox=1,2,3", "four numbers"),
    ("bbox=10,0,5,1", "W < E"),
    ("bbox=0,-95,1,1", "-90"),
    ("bbox=a,b,c,d", "four numbers"),
    ("since=2023-13-01", "YYYY-MM-DD"),
    ("since=2023-06-02&until=2023-06-01", "after"),
    ("category=FIGHT", "PLOVER"),
    ("country=UKRAINE", "alpha-3"),
    ("modality=maybe", "actual"),
    ("limit=0", "greater than"),
    ("limit=501", "less than"),
    ("offset=-1", "greater than"),
    ("limit=ten", "integer"),
    ("q=" + "x" * 201, "longer than"),
    ("actor=a", "at least 2 characters"),  # one letter matches nearly every name: a scan, not a filter
])
def test_api_events_rejects_bad_params_with_a_message(client, query, message):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    detail = response.json()["detail"]
    text = detail if isinstance(detail, str) else " ".join(d["msg"] for d in detail)
    assert message.lower() in text.lower() or (message == "PLOVER" and "ASSAULT" in text)


def test_api_event_and_article_by_id(client, records):
    record = records["tests/web/minsk.txt"]
    doc_id = record["document"]["id"]
    event = client.get(f"/api/events/{doc_id}/v1").json()
    assert event["event_id"] == "v1" and event["category"] == record["events"][0]["category"]
    assert client.get(f"/api/articles/{doc_id}").json() == record


@pytest.mark.parametrize("url", [
    "/api/articles/0000", "/api/events/0000/v1", "/api/incidents/no-such-incident", "/articles/0000",
    "/api/no-such-route",
])
def test_api_unknown_ids_are_404(client, url):
    assert client.get(url).status_code == 404


def test_api_unknown_event_of_a_known_article_is_404(client, records):
    doc_id = records["tests/web/minsk.txt"]["document"]["id"]
    response = client.get(f"/api/events/{doc_id}/v99")
    assert response.status_code == 404 and "v99" in response.json()["detail"]


def test_api_articles_lists_each_article_with_its_number_of_events(client, records):
    body = client.get("/api/articles").json()
    assert body["total"] == len(records)
    by_id = {a["id"]: a for a in body["articles"]}
    for record in records.values():
        assert by_id[record["document"]["id"]]["n_events"] == len(record["events"])
    assert client.get("/api/articles?limit=201").status_code == 422


def test_api_entities_groups_mentions_across_articles(client, records):
    body = client.get("/api/entities?name=KHARKIV").json()
    group = next(g for g in body["entities"] if g["name"] == "Kharkiv")
    expected = [r for r in records.values() if any(e["name"] == "Kharkiv" for e in r["entities"])]
    assert group["n_articles"] == len(expected) >= 1
    assert all(m["text"] == "Kharkiv" for a in group["articles"] for m in a["mentions"])
    top = client.get("/api/entities").json()
    assert top["name"] is None and top["entities"]


def test_api_stats_counts_the_store(client, records):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == len(records)
    assert stats["events"] == sum(len(r["events"]) for r in records.values())
    assert sum(stats["events_by_category"].values()) == stats["events"]
    assert stats["events_by_country"]["UKR"] >= 3


def test_api_timeline_counts_events_per_day(client):
    days = client.get("/api/timeline").json()["days"]
    assert sum(d["n"] for d in days) == client.get("/api/events").json()["total"]
    only = client.get("/api/timeline?category=PROTEST").json()["days"]
    assert only and {d["category"] for d in only} == {"PROTEST"}


def test_api_incidents_show_reports_that_disagree(client):
    body = client.get("/api/incidents").json()
    assert body["available"], "the incidents step did not run on the test store"
    shared = [i for i in body["incidents"] if i["n_articles"] >= 2]
    assert shared, "the two Kharkiv reports should form one incident"
    detail = client.get(f"/api/incidents/{shared[0]['id']}").json()
    fatalities = next(row for row in detail["comparison"]["rows"] if row["label"] == "fatalities")
    assert fatalities["disagree"] and {"3", "5"} <= set(fatalities["cells"])
    assert client.get("/api/incidents?country=FRA").json()["incidents"] == []
    assert client.get("/api/incidents?category=NOPE").status_code == 422


def test_openapi_schema_lists_the_read_only_routes(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{doc_id}/{event_id}", "/api/articles", "/api/articles/{doc_id}",
                 "/api/entities", "/api/stats", "/api/incidents", "/api/incidents/{incident_id}"):
        assert set(schema["paths"][path]) == {"get"}, path
    assert not any(p.startswith("/articles") for p in schema["paths"])  # pages stay out of the API schema
    assert "/api/events" in client.get("/docs").text


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_api_has_no_write_routes(client, method):
    assert getattr(client, method)("/api/events").status_code == 405


@pytest.mark.parametrize("url", ["/api/events", "/", "/static/app.css", "/api/articles/0000"])
def test_every_response_carries_the_security_headers(client, url):
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("page, api", [
    ("/?country=UKR", "/api/events?country=UKR"),
    ("/articles", "/api/articles"),
    ("/stats", "/api/stats"),
    ("/incidents", "/api/incidents"),
    ("/entities?name=minsk", "/api/entities?name=minsk"),
])
def test_pages_answer_as_json_like_their_api_route(client, page, api):
    sep = "&" if "?" in page else "?"
    assert client.get(f"{page}{sep}format=json").json() == client.get(api).json()
    html = client.get(page, headers={"accept": "text/html"}).text
    assert "format=json" in html or api.split("?")[0] in html  # the page says where its JSON is


def test_host_check_refuses_a_foreign_host_name(web_db):
    from fastapi.testclient import TestClient

    app = create_app(str(web_db), allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "attacker.example"}).status_code == 400


def test_tiles_setting_adds_its_origin_to_the_csp_and_rejects_injection(web_db):
    from fastapi.testclient import TestClient

    app = create_app(str(web_db), tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    with TestClient(app) as c:
        csp = c.get("/").headers["content-security-policy"]
        assert "img-src 'self' data: https://*.tiles.example.org;" in csp
    with pytest.raises(SettingError):
        create_app(str(web_db), tiles="https://x.org/; script-src *")


def _stats_kept_until_the_store_changes(location: str, pipeline, monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from dateline.store import open_store
    from dateline.web import api
    from web_inputs import TEXTS

    computed = []
    overview = api.browse.overview
    monkeypatch.setattr(api.browse, "overview", lambda db: computed.append(1) or overview(db))

    kharkiv, minsk = list(pipeline.process(TEXTS[:2]))
    with open_store(location) as store:
        store.write(kharkiv)
    with TestClient(create_app(location)) as c:
        first = c.get("/api/stats").json()
        assert all(c.get("/api/stats").json() == first for _ in range(5))
        assert len(computed) <= 2  # once per server thread, not once per request
        with open_store(location) as writer:  # another connection commits: the next answer sees it
            writer.write(minsk)
        second = c.get("/api/stats").json()
        assert len(computed) <= 4
    assert (first["articles"], second["articles"]) == (1, 2)
    assert second["events"] == first["events"] + len(minsk.events)


def test_api_stats_are_kept_until_the_store_changes(tmp_path, pipeline, monkeypatch):
    _stats_kept_until_the_store_changes(str(tmp_path / "stats.db"), pipeline, monkeypatch)


def test_api_stats_are_kept_until_the_store_changes_on_postgresql(pg_url, pipeline, monkeypatch):
    _stats_kept_until_the_store_changes(pg_url, pipeline, monkeypatch)


def untitled_event(client) -> dict:
    found = [e for e in events(client, "q=blockaded") if e["document"]["origin"] == "tests/web/untitled.txt"]
    assert len(found) == 1
    return found[0]


def test_api_events_name_countries_sources_and_untitled_articles(client):
    kharkiv = events(client, "country=UKR&actor=russian")
    assert kharkiv and all(e["place"]["country_name"] == "Ukraine" for e in kharkiv)
    event = untitled_event(client)
    # "he" said it; the quote in the same sentence has a resolved speaker
    assert event["attribution"]["source_text"] == "he"
    assert event["attribution"]["source_name"] == "Ivan Petrenko"
    assert event["document"]["title"] is None and event["document"]["label"] == "Test Gazette, 2023-05-20"
    titled = events(client, "q=drone")[0]
    assert titled["document"]["label"] == titled["document"]["title"]


def test_api_articles_and_incidents_label_articles_the_same_way(client, records):
    articles = client.get("/api/articles").json()["articles"]
    untitled = next(a for a in articles if a["origin"] == "tests/web/untitled.txt")
    assert untitled["label"] == "Test Gazette, 2023-05-20"
    labels = {a["id"]: a["label"] for a in articles}
    seen = set()
    for shared in client.get("/api/incidents").json()["incidents"]:
        for report in client.get(f"/api/incidents/{shared['id']}").json()["reports"]:
            assert report["label"] == labels[report["doc_id"]]
            assert report["sentence"] and report["trigger"] in report["sentence"]
            seen.add(report["label"])
    assert "Test Gazette, 2023-05-20" in seen and "Shelling hits Kharkiv" in seen


def test_api_timeline_gives_the_last_day_of_a_span(client):
    days = client.get("/api/timeline?category=PROTEST").json()["days"]
    spans = [d for d in days if d["last_day"] != d["day"]]
    assert {"day": "2023-05-15", "last_day": "2023-05-18", "category": "PROTEST", "n": 1} in spans
    assert all(d["last_day"] >= d["day"] for d in days)


def test_api_stats_name_the_countries(client):
    countries = client.get("/api/stats").json()["countries"]
    ukraine = next(c for c in countries if c["country"] == "UKR")
    assert ukraine["name"] == "Ukraine" and ukraine["n"] >= 3
    assert [c["n"] for c in countries] == sorted((c["n"] for c in countries), reverse=True)


@pytest.mark.parametrize("url", ["/", "/articles", "/entities", "/incidents", "/stats", "/docs", "/api/events",
                                 "/api/stats", "/openapi.json", "/static/app.css", "/?country=UKR&format=json"])
def test_head_answers_like_get_without_a_body(client, url):
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"]


def test_openapi_document_has_typed_response_schemas(client):
    schema = client.get("/openapi.json").json()
    ok = schema["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/EventsPage"}
    models = schema["components"]["schemas"]
    assert models["EventsPage"]["properties"]["events"]["items"] == {"$ref": "#/components/schemas/Event"}
    for name in ("actors", "recipients", "place", "attribution", "fatalities", "injuries", "document"):
        assert name in models["Event"]["properties"], name
    assert "label" in models["DocumentRef"]["required"]
    for path in ("/api/timeline", "/api/articles", "/api/stats", "/api/incidents/{incident_id}"):
        ref = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert ref.get("$ref", "").startswith("#/components/schemas/"), path
