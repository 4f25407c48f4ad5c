"""A continental qualifier makes 'American' a region (phrases written for this test)."""

from eventwire.knowledge.actors import resolve_phrase


def test_latin_american_is_a_region_not_the_united_states():
    assert resolve_phrase("Latin American debtor nations")[0] is None
    assert resolve_phrase("Central American presidents")[0] is None


def test_american_and_south_african_keep_their_countries():
    assert resolve_phrase("American troops")[0] == "USA"
    assert resolve_phrase("South African police")[0] == "ZAF"


def test_pan_american_airline_is_american():
    assert resolve_phrase("Pan American World Airways")[0] == "USA"
