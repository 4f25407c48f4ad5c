"""Disasters, accidents and illness are nobody's act; a passive names its agent on the violent act;
'no evidence that' denies what follows."""

from __future__ import annotations

import pytest

import eventwire


@pytest.mark.parametrize("text", [
    "An earthquake killed eight people in the north of the country.",
    "A tank at the chemical plant exploded, killing three workers.",
    "Five people died when a bus crashed into a river.",
    "Twelve miners were killed in an explosion at the coal mine.",
    "The flu outbreak killed 40 people last winter.",
])
def test_an_agentless_disaster_is_no_assault(code, text):
    assert not [e for e in code(text) if e.plover in ("ASSAULT", "COERCE", "PROTEST")]


@pytest.mark.parametrize("text", [
    "A bomb blast killed ten people in the market.",
    "Gunmen killed four soldiers at a checkpoint.",
])
def test_attacks_stay_assaults(code, text):
    assert [e for e in code(text) if e.plover == "ASSAULT"]


def test_the_default_coder_keeps_disasters_clean():
    events = eventwire.process("A tsunami killed 222 people along the coast on Sunday.").events
    assert not [e for e in events if e.plover == "ASSAULT"]


def test_a_passive_takes_its_agent_from_the_violent_act(code):
    [event] = [e for e in code("99 persons have been killed in police firing in the district.") if e.plover == "ASSAULT"]
    assert event.source["name"] == "police" and event.source["sector"] == "COP"
    [event] = [e for e in code("Three people were wounded in an army raid on the village.") if e.plover == "ASSAULT"]
    assert event.source["name"] == "army"


def test_no_evidence_that_it_happened_is_a_negation(code):
    [event] = [e for e in code("There is no evidence that any British detainee was tortured, the minister said.")
               if e.plover == "ASSAULT"]
    assert event.negated
    [event] = [e for e in code("Police said there was evidence that the prisoners were tortured.") if e.plover == "ASSAULT"]
    assert not event.negated
