"""An actor identified once keeps its identity in later articles."""

from __future__ import annotations

from eventwire.knowledge.registry import ActorRegistry
from eventwire.records import Actor, KnownActor


def test_a_titled_person_is_remembered_for_a_later_bare_mention():
    registry = ActorRegistry()
    registry.apply([Actor(name="Mahendra Chaudhry", country="FJI", sector="GOV", kind="PERSON")])
    later = Actor(name="Mahendra Chaudhry", kind="PERSON")
    registry.apply([later])
    assert (later.country, later.sector) == ("FJI", "GOV")
    assert registry.get("mahendra chaudhry").documents == 2


def test_the_registry_round_trips_through_rows():
    rows = [KnownActor("adam isacson", "Adam Isacson", "USA", "SOC", "PERSON", 3)]
    registry = ActorRegistry(rows)
    assert registry.rows() == rows


def test_a_bare_surname_is_not_stored_as_an_identity():
    registry = ActorRegistry()
    registry.apply([Actor(name="Smith", country="GBR", sector="GOV", kind="PERSON")])
    assert registry.rows() == []


def test_only_rows_changed_since_the_last_hand_back_are_handed_back():
    registry = ActorRegistry([KnownActor("adam isacson", "Adam Isacson", "USA", "SOC", "PERSON", 3)])
    assert registry.take_changed() == []  # loaded rows are not news
    registry.apply([Actor(name="Mahendra Chaudhry", country="FJI", sector="GOV", kind="PERSON")])
    assert [r.key for r in registry.take_changed()] == ["mahendra chaudhry"]
    assert registry.take_changed() == []
    registry.apply([Actor(name="Adam Isacson", kind="PERSON")])
    changed = registry.take_changed()
    assert [(r.key, r.documents) for r in changed] == [("adam isacson", 4)]
