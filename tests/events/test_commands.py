"""An order from someone with the power to give it is their act: 'the judge ordered Smith jailed' is the
judge's arrest (CAMEO codes the authority as the source); an order to do something else stays a demand."""

from __future__ import annotations


def test_an_ordered_arrest_is_the_orderers_coercion(code):
    [event] = [e for e in code("The judge ordered Smith jailed pending trial.") if e.plover == "COERCE"]
    assert event.source["sector"] == "JUD"
    [event] = code("The president ordered the arrest of three opposition leaders.")
    assert event.plover == "COERCE" and event.source["sector"] == "GOV"


def test_an_order_to_do_something_else_is_a_demand(code):
    [event] = code("The minister ordered the company to pay compensation.")
    assert event.plover == "REQUEST" and event.target["name"] == "company"
