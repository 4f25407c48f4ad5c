"""ICEWS Coded Event Data rows: the 20 columns of the published .tab files, one row per happening.

As in ICEWS, a row is one coded report: its Story ID and Sentence Number point at the earliest article
that reported the happening. Countries are written as names (ICEWS does not use codes), sectors as
ICEWS sector names joined by commas, Intensity is the CAMEO Goldstein score.
"""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.export.source import Happening, happenings, numeric_id
from eventwire.export.tables import cameo_text, country_name, sector_name


def icews_rows(con) -> Iterator[tuple]:
    for h in happenings(con):
        yield icews_row(h)


def icews_row(h: Happening) -> tuple:
    first = h.first
    loc = h.location or {}
    feature = loc.get("feature")
    known_only_by_country = feature is None and loc.get("lat") is None
    city = loc.get("name") if feature not in ("country", "admin1") and not known_only_by_country else ""
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
