"""Actor resolution: a noun phrase's country and PLOVER sector from its words alone."""

from __future__ import annotations

import pytest

from eventwire.knowledge.actors import resolve_phrase


@pytest.mark.parametrize("phrase, country, sector", [
    ("Senior Hungarian officials", "HUN", "GOV"),
    ("the Obama administration", "USA", "GOV"),
    ("Mexican police", "MEX", "COP"),
    ("drug cartels", None, "CRM"),
    ("Washington", "USA", "GOV"),
    ("APEC", "IGO", None),
    ("U.S. Immigration and Customs Enforcement Agent Jaime Zapata", "USA", "COP"),
    ("Mexican President Felipe Calderon", "MEX", "GOV"),
    ("Algerian government forces", "DZA", "MIL"),
    ("Ivory Coast's Supreme Court", "CIV", "JUD"),
    ("United Nations peacekeepers", "IGO", "MIL"),
    ("Mexican Senate", "MEX", "LEG"),
])
def test_phrase_resolves_to_country_and_sector(phrase, country, sector):
    assert resolve_phrase(phrase) == (country, sector)


def test_lower_case_us_is_not_a_country():
    assert resolve_phrase("they told us") == (None, None)


def test_accented_and_plain_names_resolve_alike():
    assert resolve_phrase("Mr. Calderón") == resolve_phrase("Mr. Calderon") == ("MEX", "GOV")
