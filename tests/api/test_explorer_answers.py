"""What the explorer's pages are sent: story answers trimmed to what they show, actors by name, events
paged, and the events a chart cannot place (no date, no coordinates) counted and reachable."""

from __future__ import annotations

import json

import pytest

from eventwire.api import names
from tests.api.fixture_db import build


@pytest.fixture(scope="module")
def undated_db(tmp_path_factory) -> str:
    return build(str(tmp_path_factory.mktemp("answers") / "undated.duckdb"), with_stories=True, with_undated=True)


def test_a_storyline_answer_leaves_out_the_stories_stages_internal_columns(client):
    body = client.get("/api/storylines/sl-north").json()
    text = json.dumps(body)
    assert "embedding" not in text and "terms" not in text and "story_ids" not in text
    assert {s["id"] for s in body["stories"]} == {"s-north", "s-peace"}
    assert set(body["stories"][0]) <= {"id", "title", "first_date", "last_date", "num_articles", "num_sources"}
    story = client.get("/api/stories/s-north").json()["story"]
    assert "embedding" not in story and story["num_articles"] == 2


def test_story_actors_are_named_as_their_articles_name_them(client):
    line = client.get("/api/storylines/sl-north").json()["storyline"]
    assert [a["name"] for a in line["actors"]] == ["VLD", "Northgate Liberation Front", "Tobin Reyes"]
    listed = {r["id"]: r for r in client.get("/api/stories").json()["items"]}
    # a list reads no member articles: a key becomes its words ('harbour_workers_union', not '=VLD')
    assert [a["name"] for a in listed["s-port"]["actors"]] == ["VLD", "Harbour Workers Union", "Quill", "Port Vale"]


def test_country_names_and_atlas_codes():
    assert names.country("GBR") == {"code": "GBR", "name": "United Kingdom", "numeric": "826"}
    assert names.country("IGO")["name"] == "international organisations"
    assert names.country("VLD") == {"code": "VLD", "name": "VLD", "numeric": None}


def test_a_storys_events_come_a_page_at_a_time(client):
    first = client.get("/api/storylines/sl-north", params={"events_page_size": 3}).json()
    second = client.get("/api/storylines/sl-north", params={"events_page_size": 3, "events_page": 2}).json()
    assert first["timeline_page"] == {"total": 4, "page": 1, "page_size": 3}
    assert len(first["timeline"]) == 3 and len(second["timeline"]) == 1
    ids = {(e["doc_id"], e["idx"]) for e in first["timeline"] + second["timeline"]}
    assert len(ids) == 4
    assert set(first["timeline"][0]) == {"doc_id", "idx", "plover", "goldstein", "quad_class", "source_name",
                                         "target_name", "day", "sentence"}
    assert client.get("/api/storylines/sl-north", params={"events_page_size": 501}).status_code == 422


def test_merged_events_are_the_most_reported_first_with_their_parties_trimmed(client):
    body = client.get("/api/storylines/sl-north").json()
    assert body["merged_total"] == 2
    assert [m["plover"] for m in body["merged_events"]] == ["ASSAULT", "AGREE"]  # 2 articles, then 1
    assert body["merged_events"][0]["source"] == {"name": "Northgate Liberation Front", "country": "VLD"}
    assert "mentions" not in body["merged_events"][0]


def test_the_map_says_where_the_events_without_coordinates_are(make_client, undated_db):
    client = make_client(undated_db)
    body = client.get("/api/map").json()
    assert sum(p["count"] for p in body["items"]) == 9
    assert body["unplaced"] == 2 and body["no_place"] == 1
    assert body["countries"] == [{"country": "VLD", "count": 1, "goldstein": 1.0, "name": "VLD", "numeric": None}]
    assert body["unplaced_places"] == [{"name": "Valdoria", "country": "VLD", "count": 1}]


def test_dated_and_placed_filters_list_what_the_charts_cannot_show(make_client, undated_db):
    client = make_client(undated_db)
    undated = client.get("/api/events", params={"dated": "false"}).json()
    assert undated["total"] == 2 and {e["doc_id"] for e in undated["items"]} == {"doc-memo"}
    assert client.get("/api/events", params={"dated": "true"}).json()["total"] == 9
    unplaced = client.get("/api/events", params={"placed": "no"}).json()
    assert {e["plover"] for e in unplaced["items"]} == {"ACCUSE", "CONSULT"}
    assert client.get("/api/counts").json()["undated"] == 2
    assert client.get("/api/events", params={"dated": "maybe"}).status_code == 422
