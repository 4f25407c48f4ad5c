"""Police action as South Asian papers write it, lower case included: the police as the actor of arrests and
force, the doer of a 'for'-gerund, and the other side of an 'encounter with the police'."""

from __future__ import annotations

import pytest


def _by_police(events, plover):
    return [e for e in events if e.plover == plover and e.source and e.source.get("sector") == "COP"]


@pytest.mark.parametrize("text", [
    "the cops nabbed two chain snatchers near the bus stand",
    "Police rounded up 40 opposition workers who were staging a sit-in.",
    "the police arrested three persons in connection with the murder",
])
def test_arrests_by_the_police_are_coercion_by_the_police(code, text):
    assert _by_police(code(text), "COERCE")


@pytest.mark.parametrize("text", [
    "the police lathicharged the protesters who tried to block the road",
    "Police teargassed the crowd outside the assembly.",
])
def test_baton_charges_and_tear_gas_are_force_by_the_police(code, text):
    assert _by_police(code(text), "ASSAULT")


def test_the_doer_of_a_for_gerund_is_the_one_acted_on(code):
    events = code("Police arrested the husband for allegedly killing his wife over a dowry dispute.")
    [killing] = [e for e in events if e.plover == "ASSAULT"]
    assert killing.source["name"] == "husband"
    assert _by_police(events, "COERCE")
    [blame] = [e for e in code("The United Nations condemned Israel for attacking the convoy.") if e.plover == "ASSAULT"]
    assert blame.source["name"] == "Israel"


def test_killed_in_an_encounter_with_the_police_names_the_police(code):
    [event] = [e for e in code("two naxalites were killed in an encounter with the police in the forest")
               if e.plover == "ASSAULT"]
    assert event.source["sector"] == "COP"
