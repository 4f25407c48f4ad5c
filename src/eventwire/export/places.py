"""Places as the interop formats write them: country-level places get their country's point, actors a place.

An event's place (`Location` as a dict) is one of: a city or landmark with coordinates, a first-order
division (`feature` admin1), or a country. Older databases store no `feature`; a place with neither a
feature nor coordinates is then known only by its country ("the UK", "Ireland").
"""

from __future__ import annotations

from functools import cache

from eventwire import datafiles
from eventwire.codes import NON_STATE


@cache
def _centroids() -> dict[str, tuple[float, float]]:
    rows = datafiles.read_tsv("eventwire.export", "country_centroids.tsv", header=True)
    return {iso3: (float(lat), float(lon)) for iso3, lat, lon, *_ in rows}


def centroid(iso3: str | None) -> tuple[float, float] | None:
    """The point standing for a whole country (`data/country_centroids.tsv`); None when unknown."""
    return _centroids().get((iso3 or "").upper())


def country_level(loc: dict) -> bool:
    """A place known only by its country: a country, or (older databases) no feature and no coordinates."""
    feature = loc.get("feature")
    return feature == "country" or (feature is None and loc.get("lat") is None and bool(loc.get("country")))


def placed(loc: dict | None) -> dict | None:
    """The place with coordinates wherever they are known: a country-level place gets its country's point
    (GDELT, ICEWS and POLECAT all give country-level events the country's coordinates)."""
    if not loc:
        return None
    if loc.get("lat") is None and country_level(loc) and (point := centroid(loc.get("country"))):
        return {**loc, "feature": "country", "lat": point[0], "lon": point[1]}
    return loc


def actor_place(actor: dict | None, event_place: dict | None) -> dict | None:
    """Where an actor is, for GDELT's Actor1Geo/Actor2Geo: the event's place when known (the actor took part
    in the event there, which is what GDELT's nearest-mention rule finds in most reports), else the actor's
    own country at country level. eventwire extracts no separate place for each actor, so none is invented;
    an international body (IGO, NGO, ...) has no country of its own and gets only the event's place."""
    if not actor:
        return None
    if event_place and (event_place.get("name") or event_place.get("country")):
        return placed(event_place)
    country = (actor.get("country") or "").upper()
    if country and country not in NON_STATE:
        return placed({"name": country, "country": country, "feature": "country"})
    return None
