"""ICEWS Coded Event Data rows: the 20 columns of the published .tab files, one row per happening.

As in ICEWS, a row is one coded report: its Story ID and Sentence Number point at the earliest article
that reported the happening. Countries are written as names (ICEWS does not use codes), sectors as
ICEWS sector names joined by commas (a code with no ICEWS name is left blank, never written raw),
Intensity is the CAMEO Goldstein score, and a place known only by its country has the country's point as
Latitude and Longitude (`export/places.py`).
"""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.export.places import country_level, placed
from eventwire.export.source import Happening, happenings, numeric_id
from eventwire.export.tables import cameo_text, country_name, sector_name


def icews_rows(con) -> Iterator[tuple]:
    for h in happenings(con):
        yield icews_row(h)


def icews_row(h: Happening) -> tuple:
    first = h.first
    loc = placed(h.location) or {}
    feature = loc.get("feature")
    city = loc.get("name") if feature != "admin1" and loc and not country_level(loc) else ""
    province = loc.get("name") if feature == "admin1" else ""
    return (
        numeric_id(h.id, 48), h.date, *_actor(h.source), cameo_text(h.cameo) or h.plover, h.cameo or "",
        h.goldstein, *_actor(h.target), numeric_id(first["doc_id"], 48), first.get("a_sentence"),
        first.get("a_site") or "", city or "", "", province or "", country_name(loc.get("country")),
        loc.get("lat"), loc.get("lon"),
    )


def _actor(actor: dict | None) -> tuple:
    """Name, Sectors, Country; an actor known only by its country is named after it, as ICEWS does."""
    if not actor:
        return ("", "", "")
    country = country_name(actor.get("country"))
    sector = sector_name(actor.get("sector")) if actor.get("sector") else ""
    return (actor.get("name") or country, sector, country)
