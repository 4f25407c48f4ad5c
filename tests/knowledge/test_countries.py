"""A country as a user writes it resolves to the code events are stored with, or is refused."""

from __future__ import annotations

import pytest

from eventwire.errors import UnknownCountry
from eventwire.knowledge.countries import country_code


@pytest.mark.parametrize("text, code", [
    ("UK", "GBR"), ("GB", "GBR"), ("gbr", "GBR"), ("Britain", "GBR"), ("United Kingdom", "GBR"), ("britain ", "GBR"),
    ("US", "USA"), ("fr", "FRA"), ("Côte d'Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"),
    ("Kosovo", "KOS"), ("KOS", "KOS"),  # PLOVER's code, not in ISO 3166
    ("IGO", "IGO"),  # a PLOVER non-state code
])
def test_codes_and_names_resolve(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["Narnia", "XX", "ZZZ", ""])
def test_unknown_countries_are_refused(text):
    with pytest.raises(UnknownCountry, match="unknown country"):
        country_code(text)
