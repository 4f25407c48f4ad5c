"""SQL for the API. Values always travel as parameters; only names from fixed tables are spliced in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.store.views import EVENTS_FLAT

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


def like(text: str) -> str:
    """A user's text as a literal ILIKE pattern (its % and _ match themselves)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass
class EventFilters:
    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    plover: list[str] = field(default_factory=list)
    cameo_root: str | None = None
    quad_class: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None
    doc_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over EVENTS_VIEW and its parameters."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.actor:
            clauses.append("(source_name ILIKE ? ESCAPE '\\' OR target_name ILIKE ? ESCAPE '\\')")
            params += [like(self.actor)] * 2
        if self.country:
            clauses.append("(source_country = ? OR target_country = ? OR location_country = ?)")
            params += [self.country] * 3
        if self.sector:
            clauses.append("(source_sector = ? OR target_sector = ?)")
            params += [self.sector] * 2
        if self.plover:
            clauses.append("plover IN (SELECT unnest(?))")
            params.append(list(self.plover))
        if self.cameo_root:
            clauses.append("substr(cameo, 1, 2) = ?")
            params.append(self.cameo_root)
        if self.quad_class is not None:
            clauses.append("quad_class = ?")
            params.append(self.quad_class)
        if self.date_from:
            clauses.append("day >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("day <= ?")
            params.append(self.date_to)
        if self.q:
            clauses.append("(sentence ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\')")
            params += [like(self.q)] * 2
        if self.doc_id:
            clauses.append("doc_id = ?")
            params.append(self.doc_id)
        return " AND ".join(clauses), params


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
    SELECT source->>'name' AS name, source->>'country' AS country, source->>'sector' AS sector,
           1 AS as_source, 0 AS as_target FROM events WHERE source->>'name' IS NOT NULL
    UNION ALL
    SELECT target->>'name', target->>'country', target->>'sector', 0, 1 FROM events WHERE target->>'name' IS NOT NULL
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
