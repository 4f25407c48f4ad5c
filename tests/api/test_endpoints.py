"""Every API endpoint answers the fictional database with the right rows."""

from __future__ import annotations

from tests.api.fixture_db import ARTICLES

ALL_EVENTS = sum(len(a[4]) for a in ARTICLES)


def _items(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/meta", "/api/events", "/api/events/{doc_id}/{idx}", "/api/counts", "/api/map", "/api/network",
            "/api/articles", "/api/articles/{doc_id}", "/api/actors", "/api/actors/cooccurrences",
            "/api/actors/{name}", "/api/search", "/api/stories", "/api/stories/{story_id}", "/api/storylines",
            "/api/storylines/{storyline_id}"} <= set(paths)


def test_meta_counts_the_tables(client):
    meta = client.get("/api/meta").json()
    assert meta["counts"]["articles"] == len(ARTICLES) and meta["counts"]["events"] == ALL_EVENTS
    assert meta["dates"] == {"first": "2024-01-14", "last": "2024-06-11"}
    assert {t["plover"]: t["count"] for t in meta["plover"]}["COOPERATE"] == 2
    assert meta["limits"]["page_size"] == 500


def test_events_page_and_sort(client):
    body = client.get("/api/events?page_size=4&sort=date").json()
    assert body["total"] == ALL_EVENTS and len(body["items"]) == 4
    assert [e["date"] for e in body["items"]] == ["2024-01-14", "2024-01-14", "2024-02-03", "2024-02-03"]
    last = client.get("/api/events?page_size=4&page=3&sort=date").json()["items"]
    assert [e["id"] for e in last] == ["doc-strike:0"]
    by_gold = _items(client, "/api/events?sort=-goldstein")
    assert [e["goldstein"] for e in by_gold] == sorted((e["goldstein"] for e in by_gold), reverse=True)


def test_event_carries_actors_place_and_evidence_offsets(client):
    ev = client.get("/api/events/doc-clash/0").json()
    assert ev["plover"] == "ASSAULT" and ev["quad_class"] == 4 and ev["cameo"] == "19"
    assert ev["source"] == {"name": "Northgate Liberation Front", "country": "VLD", "sector": "REB"}
    assert ev["location"]["name"] == "Northgate" and ev["location"]["lat"] == 0.5
    text = client.get("/api/articles/doc-clash").json()["text"]
    assert text[ev["start"]:ev["end"]] == ev["sentence"]
    assert "hypothetical" in ev and "context" in ev


def test_event_filters(client):
    def ids(query: str) -> set[str]:
        return {e["id"] for e in _items(client, f"/api/events?{query}")}

    assert ids("actor=liberation") == {"doc-clash:0", "doc-clash:1", "doc-ceasefire:0"}
    assert ids("country=arc") == {"doc-talks:0", "doc-talks:1", "doc-aid:0", "doc-ceasefire:0"}
    assert ids("sector=COP") == {"doc-harbour:1"}
    assert ids("plover=PROTEST&plover=ARREST") == ids("plover=PROTEST,ARREST") == {"doc-harbour:0", "doc-harbour:1"}
    assert ids("cameo_root=06") == {"doc-talks:1", "doc-strike:0"}
    assert ids("quad_class=4") == {"doc-harbour:1", "doc-clash:0"}
    assert ids("date_from=2024-04-01&date_to=2024-05-31") == {"doc-clash:0", "doc-clash:1", "doc-ceasefire:0"}
    assert ids("q=water%20data") == {"doc-talks:1"}
    assert ids("doc_id=doc-aid") == {"doc-aid:0"}
    assert ids("actor=Valdorian%20Army&quad_class=3") == {"doc-clash:1"}


def test_counts_by_period_and_group(client):
    months = client.get("/api/counts?by=month&group=none").json()
    assert [(r["period"], r["count"]) for r in months["items"]] == [
        ("2024-01-01", 2), ("2024-02-01", 2), ("2024-03-01", 1), ("2024-04-01", 2), ("2024-05-01", 1), ("2024-06-01", 1)]
    quads = client.get("/api/counts?by=year&group=quad_class").json()["items"]
    assert {r["key"]: r["count"] for r in quads} == {"1": 2, "2": 3, "3": 2, "4": 2}
    weeks = client.get("/api/counts?by=week&plover=ASSAULT").json()["items"]
    assert weeks == [{"period": "2024-04-08", "key": "ASSAULT", "count": 1, "goldstein": -10.0}]
    days = client.get("/api/counts?by=day&group=cameo_root&country=ARC").json()["items"]
    assert sum(r["count"] for r in days) == 4


def test_map_groups_events_by_place(client):
    body = client.get("/api/map").json()
    assert {p["name"]: p["count"] for p in body["items"]} == {"Port Vale": 3, "Northgate": 3, "Amberly": 2,
                                                              "Kestrel Bay": 1}
    assert body["unplaced"] == 0
    assert [p["name"] for p in _items(client, "/api/map?plover=AGREE")] == ["Kestrel Bay"]


def test_network_weights_who_acts_on_whom(client):
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e["count"] for e in net["edges"]}
    assert edges[("Arcadian Government", "Valdorian Government")] == 2
    assert edges[("Northgate Liberation Front", "Valdorian Army")] == 2
    assert {n["name"] for n in net["nodes"]} == {n for pair in edges for n in pair}
    assert len(client.get("/api/network?limit=1").json()["edges"]) == 1


def test_articles_list_and_reader_spans(client):
    listing = client.get("/api/articles?page_size=2").json()
    assert listing["total"] == len(ARTICLES) and [a["id"] for a in listing["items"]] == ["doc-strike", "doc-ceasefire"]
    assert _items(client, "/api/articles?q=flood")[0]["id"] == "doc-aid"
    assert {a["id"] for a in _items(client, "/api/articles?date_from=2024-05-01")} == {"doc-ceasefire", "doc-strike"}
    doc = client.get("/api/articles/doc-harbour").json()
    text = doc["text"]
    for actor in doc["actors"]:
        assert all(text[m["start"]:m["end"]] == actor["name"] for m in actor["mentions"])
    assert [text[q["start"]:q["end"]] for q in doc["quotes"]] == ['"We will not be ignored,"']
    assert [text[q["start"]:q["end"]] for q in doc["quantities"]] == ["12 protesters"]
    assert [text[e["start"]:e["end"]] for e in doc["events"]] == [e["sentence"] for e in doc["events"]]
    assert doc["events"][0]["source"]["name"] == "Harbour Workers Union"


def test_actors_counts_and_cooccurrences(client):
    actors = {a["name"]: a for a in _items(client, "/api/actors?page_size=100")}
    union = actors["Harbour Workers Union"]
    assert (union["documents"], union["as_source"], union["as_target"], union["events"]) == (2, 1, 2, 3)
    assert actors["Port Vale Police"]["documents"] == 0  # only ever an event party
    assert {a["name"] for a in _items(client, "/api/actors?sector=GOV&country=ARC")} == {
        "Arcadian Government", "Tobin Reyes", "Ila Brent"}
    pairs = _items(client, "/api/actors/cooccurrences?limit=1")
    assert pairs == [{"actor": "Harbour Workers Union", "other": "Valdorian Ministry of Ports", "documents": 2}]
    partners = {r["other"] for r in _items(client, "/api/actors/cooccurrences?actor=Tobin%20Reyes")}
    assert partners == {"Valdorian Government", "Northgate Liberation Front"}
    one = client.get("/api/actors/Tobin%20Reyes").json()
    assert one["documents"] == 2 and {d["id"] for d in one["documents_list"]} == {"doc-talks", "doc-ceasefire"}


def test_search_finds_text_and_counts_matching_evidence(client):
    body = client.get("/api/search?q=ceasefire").json()
    assert body["total"] == 1 and body["items"][0]["id"] == "doc-ceasefire"
    assert "ceasefire" in body["items"][0]["snippet"] and body["items"][0]["events"] == 1
    assert client.get("/api/search?q=PORT%20VALE").json()["total"] == 2


def test_stories_and_storylines(client):
    stories = client.get("/api/stories").json()
    assert stories["available"] and stories["total"] == 3
    story = client.get("/api/stories/s-port").json()
    assert story["story"]["title"] == "Port Vale dock dispute"
    assert [a["id"] for a in story["articles"]] == ["doc-harbour", "doc-strike"]
    assert [e["plover"] for e in story["timeline"]] == ["PROTEST", "ARREST", "COOPERATE"]
    lines = client.get("/api/storylines").json()
    assert {r["id"] for r in lines["items"]} == {"sl-labour", "sl-north"}
    line = client.get("/api/storylines/sl-north").json()
    assert {s["id"] for s in line["stories"]} == {"s-north", "s-peace"}
    assert [a["id"] for a in line["articles"]] == ["doc-aid", "doc-clash", "doc-ceasefire"]
    killed = [(q["day"], q["value"]) for q in line["quantities"] if q["kind"] == "killed"]
    assert killed == [("2024-04-09", 5.0), ("2024-05-30", 34.0)]


def test_index_and_static_ui_are_served_without_outside_links(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "http://" not in page.text and "https://" not in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for path in ("/static/js/main.js", "/static/app.css", "/static/palette.json", "/static/vendor/d3.min.js",
                 "/static/vendor/topojson-client.min.js", "/static/vendor/countries-110m.json"):
        assert client.get(path).status_code == 200, path


def test_every_module_the_ui_imports_is_served_as_javascript(client):
    import re

    seen, todo = set(), ["main.js"]
    while todo:
        name = todo.pop()
        seen.add(name)
        response = client.get(f"/static/js/{name}")
        assert response.status_code == 200 and "javascript" in response.headers["content-type"], name
        todo += [m for m in re.findall(r'from "\./([\w.]+\.js)"', response.text) if m not in seen]
    assert {"core.js", "palette.js", "timeaxis.js", "page_dashboard.js", "page_stories.js"} <= seen


def test_story_copies_are_listed_but_not_counted_twice(make_client, tmp_path):
    import duckdb

    from tests.api.fixture_db import build

    path = build(str(tmp_path / "copies.duckdb"), with_stories=True)
    with duckdb.connect(path) as con:
        con.execute("UPDATE story_members SET copy_of = 'doc-harbour' WHERE doc_id = 'doc-strike'")
    story = make_client(path).get("/api/stories/s-port").json()
    assert {a["id"]: a["copy_of"] for a in story["articles"]} == {"doc-harbour": None, "doc-strike": "doc-harbour"}
    assert {e["doc_id"] for e in story["timeline"]} == {"doc-harbour"}
    assert {q["doc_id"] for q in story["quantities"]} == {"doc-harbour"}


def test_a_country_as_people_write_it_or_a_clear_422(client):
    ours = client.get("/api/events?country=arc").json()["total"]
    assert ours > 0
    assert client.get("/api/events?country=Britain").status_code == 200
    refused = client.get("/api/events?country=Atlantis")
    assert refused.status_code == 422 and "unknown country 'Atlantis'" in refused.json()["error"]
