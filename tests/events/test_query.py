"""`eventwire events --db FILE`: stored events listed back with actor, country, type and date filters."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.events.query import EventQueryError, list_events
from eventwire.records import Document, Event, Source, Span
from eventwire.store import Store


def _event(plover, src, tgt, day, negated=False):
    return Event(plover=plover, cameo="190", goldstein=-10.0, quad_class=4, mode=None, negated=negated,
                 source={"name": src[0], "country": src[1], "sector": None},
                 target={"name": tgt[0], "country": tgt[1], "sector": None},
                 date=day, location=None, sentence="s", start=0, end=1, confidence=0.8, verb=Span(0, 1, "s"))


@pytest.fixture
def stored(db):
    doc = Document(id="d1", url=None, title=None, date="2024-01-05", site=None, authors=[], language="en", text="s")
    doc.events = [
        _event("ASSAULT", ("Russian forces", "RUS"), ("Kharkiv", "UKR"), "2024-01-03"),
        _event("CONSULT", ("President Macron", "FRA"), ("Chancellor Scholz", "DEU"), "2024-01-05"),
        _event("ASSAULT", ("Army", "MMR"), ("villagers", "MMR"), "2024-01-04", negated=True),
    ]
    with Store(db) as store:
        store.write([(Source("d1", "x.txt", None, "text", 0, "d1", 1), doc, "test")])
    return db


def test_filters_by_type_country_actor_and_dates(stored):
    assert [r["plover"] for r in list_events(stored, plover="assault")] == ["ASSAULT"]
    assert [r["plover"] for r in list_events(stored, country="deu")] == ["CONSULT"]
    assert [r["plover"] for r in list_events(stored, actor="macron")] == ["CONSULT"]
    assert [r["date"] for r in list_events(stored, since="2024-01-04")] == ["2024-01-05"]
    assert [r["date"] for r in list_events(stored, until="2024-01-04")] == ["2024-01-03"]


def test_negated_events_only_on_request(stored):
    assert len(list_events(stored)) == 2
    assert len(list_events(stored, include_negated=True)) == 3


def test_unknown_type_and_missing_database_are_clear_errors(stored, tmp_path):
    with pytest.raises(EventQueryError, match="unknown event type"):
        list_events(stored, plover="FIGHTING")
    with pytest.raises(EventQueryError, match="no database"):
        list_events(str(tmp_path / "none.duckdb"))


def test_cli_lists_events_as_json_lines(stored):
    result = CliRunner().invoke(app, ["events", "--db", stored, "--country", "UKR", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [(r["plover"], r["target"]["country"]) for r in rows] == [("ASSAULT", "UKR")]


def test_cli_table_and_bad_filter_exit_code(stored):
    ok = CliRunner().invoke(app, ["events", "--db", stored, "--type", "CONSULT"])
    assert ok.exit_code == 0 and "Macron" in ok.output
    bad = CliRunner().invoke(app, ["events", "--db", stored, "--type", "NOPE"])
    assert bad.exit_code == 2


def test_actor_text_is_matched_literally_as_in_the_api(stored):
    assert list_events(stored, actor="%") == []
    assert list_events(stored, actor="_") == []
    assert [r["plover"] for r in list_events(stored, actor="Russian forces")] == ["ASSAULT"]


def test_the_cli_and_the_api_share_one_filter_builder():
    from eventwire.api.queries import EventFilters as ApiFilters
    from eventwire.events.query import FLAT_COLUMNS, TABLE_COLUMNS, EventFilters

    assert ApiFilters is EventFilters
    where, params = EventFilters(actor="a_b", country="UKR", place_country=False, include_negated=False).where(TABLE_COLUMNS)
    assert "location" not in where and where.endswith("NOT negated") and params[:2] == ["%a\\_b%"] * 2
    flat, _ = EventFilters(country="UKR").where(FLAT_COLUMNS)
    assert "location_country = ?" in flat
    with pytest.raises(EventQueryError, match="title"):
        EventFilters(q="x").where(TABLE_COLUMNS)
