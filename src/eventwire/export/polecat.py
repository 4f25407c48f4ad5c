"""POLECAT event rows: the 41 tab-separated columns of POLECAT's published files, one row per happening.

Which eventwire field fills each column, and which stay empty (COW codes, titles, Wikipedia ids, districts:
eventwire has no evidence for them), is the table `export/data/polecat_columns.tsv`. Countries are ISO
3166-1 alpha-3 codes as in POLECAT, Event Intensity is the PLOVER manual's score of the event's type and
mode (`data/plover_scores.tsv`), Quad Code is the manual's name of the quad category, several
values in one cell are joined by "; ", and a place known only by its country has the country's point.
The story fields (Source, Publication Date, Story People/Organizations/Locations, Language) describe the
earliest article that reported the happening.
"""

from __future__ import annotations

from collections.abc import Iterator

from eventwire import __version__
from eventwire.export.places import country_level, placed
from eventwire.export.source import Happening, day, happenings
from eventwire.export.tables import columns, country_name, plover_score

#: quad_class (CAMEO/GDELT numbering) -> the quad category as the PLOVER manual and POLECAT write it
QUADS = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}
#: eventwire's place classes -> GeoNames feature codes (the generic code of each class: a capital is PPLC
#: in GeoNames, but eventwire records only that it is a city)
FEATURE_CODES = {"country": "PCLI", "admin1": "ADM1", "city": "PPL"}
JOIN = "; "


def polecat_rows(con) -> Iterator[tuple]:
    names = story_names(con)
    for h in happenings(con):
        yield polecat_row(h, names.get(h.first.get("doc_id"), ((), (), ())))


def polecat_row(h: Happening, story: tuple) -> tuple:
    first = h.first
    people, orgs, places = story
    row = (
        h.id, h.date, h.plover, h.mode or "", plover_score(h.plover, h.mode), QUADS.get(h.quad_class, ""),
        JOIN.join(h.context),
        *_party(h.source), *_party(h.target), *_place(h.location),
        first.get("a_site") or "", day(first.get("a_date")), JOIN.join(people), JOIN.join(orgs), JOIN.join(places),
        first.get("a_language") or "", f"eventwire {__version__}",
    )
    assert len(row) == len(columns("polecat"))
    return row


def _party(party: dict | None) -> tuple:
    """Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID."""
    if not party:
        return ("",) * 8
    sector = (party.get("sector") or "").upper()
    raw = party.get("name") or ""
    return (party.get("actor") or raw, (party.get("country") or "").upper(), "", sector, sector, "", raw, "")


def _place(loc: dict | None) -> tuple:
    """Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type."""
    loc = placed(loc)
    if not loc or not (loc.get("name") or loc.get("country")):
        return ("", "", "", "", "", None, None, None, "", "")
    iso3 = (loc.get("country") or "").upper()
    national = country_level(loc)
    feature = "country" if national else (loc.get("feature") or "city")  # older databases: no feature class
    name = loc.get("name") or ""
    return (
        (country_name(iso3) or name) if national else name,
        name if feature not in ("country", "admin1") else "", "",
        name if feature == "admin1" else "", iso3, loc.get("lat"), loc.get("lon"), loc.get("geonameid"),
        name, FEATURE_CODES.get(feature or "", ""),
    )


def story_names(con) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Per article with events: the people, organisations and places it names, each once, in text order."""
    out: dict[str, tuple[list[str], list[str], list[str]]] = {}
    with_events = "doc_id IN (SELECT DISTINCT doc_id FROM events)"
    rows = con.execute(f"""
        SELECT doc_id, start, label, text FROM entities WHERE label IN ('PERSON', 'ORG') AND {with_events}
        UNION ALL
        SELECT doc_id, start, 'LOC', name FROM locations WHERE {with_events}
        ORDER BY doc_id, start""").fetchall()
    slot = {"PERSON": 0, "ORG": 1, "LOC": 2}
    for doc_id, _, label, text in rows:
        lists = out.setdefault(doc_id, ([], [], []))
        if text and text not in lists[slot[label]]:
            lists[slot[label]].append(text)
    return out
