"""SQL for the API. Values always travel as parameters; only names from fixed tables are spliced in."""

from __future__ import annotations

from eventwire.events.query import EventFilters, like
from eventwire.store.views import EVENTS_FLAT

__all__ = ["ACTOR_SORTS", "ACTORS_SQL", "EVENTS_VIEW", "EVENT_SORTS", "EventFilters", "GROUPS", "PERIODS", "events_cte",
           "like"]

# Every raw event, negated and hypothetical ones included (the API filters and shows them), with the
# effective date under the name the API and web UI use.
EVENTS_VIEW = f"SELECT * EXCLUDE (date), date AS day FROM ({EVENTS_FLAT})"

EVENT_SORTS = {
    "date": "day ASC NULLS LAST, doc_id, idx",
    "-date": "day DESC NULLS LAST, doc_id, idx",
    "goldstein": "goldstein ASC NULLS LAST, doc_id, idx",
    "-goldstein": "goldstein DESC NULLS LAST, doc_id, idx",
    "confidence": "confidence ASC NULLS LAST, doc_id, idx",
    "-confidence": "confidence DESC NULLS LAST, doc_id, idx",
    "plover": "plover ASC, day ASC NULLS LAST, doc_id, idx",
}

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}
GROUPS = {"plover": "plover", "quad_class": "CAST(quad_class AS VARCHAR)", "cameo_root": "substr(cameo, 1, 2)",
          "none": "'all'"}


def events_cte() -> str:
    return f"WITH ev AS ({EVENTS_VIEW})"


ACTORS_SQL = """
WITH named AS (
    SELECT name, country, sector, kind, doc_id, COALESCE(json_array_length(mentions), 1) AS mentions FROM actors
), profile AS (
    SELECT name, mode(country) AS country, mode(sector) AS sector, mode(kind) AS kind,
           count(DISTINCT doc_id) AS documents, sum(mentions) AS mentions
    FROM named GROUP BY name
), roles AS (
    SELECT coalesce(source->>'actor', source->>'name') AS name, source->>'country' AS country,
           source->>'sector' AS sector, 1 AS as_source, 0 AS as_target FROM events WHERE source->>'name' IS NOT NULL
    UNION ALL
    SELECT coalesce(target->>'actor', target->>'name'), target->>'country', target->>'sector', 0, 1
    FROM events WHERE target->>'name' IS NOT NULL
), role_counts AS (
    SELECT name, mode(country) AS country, mode(sector) AS sector,
           sum(as_source) AS as_source, sum(as_target) AS as_target
    FROM roles GROUP BY name
), merged AS (
    SELECT COALESCE(p.name, r.name) AS name,
           COALESCE(p.country, r.country) AS country, COALESCE(p.sector, r.sector) AS sector, p.kind,
           COALESCE(p.documents, 0) AS documents, COALESCE(p.mentions, 0) AS mentions,
           COALESCE(r.as_source, 0) AS as_source, COALESCE(r.as_target, 0) AS as_target,
           COALESCE(r.as_source, 0) + COALESCE(r.as_target, 0) AS events
    FROM profile p FULL OUTER JOIN role_counts r ON p.name = r.name
)
"""

ACTOR_SORTS = {
    "documents": "documents DESC, name",
    "events": "events DESC, name",
    "mentions": "mentions DESC, name",
    "name": "name",
}
