"""Named DuckDB views for the questions people ask first.

`create_views(con)` writes them into a database (the run can call it once); `store.query` adds them as
temporary views to its read-only connection for `eventwire query`, so they work on any database, old or new.

Views (event views leave out negated and hypothetical events; `date` is the event's date, else the
article's publication date):
  events_flat           one row per raw event, actors and place unpacked into columns, with its article's url/site
  events_by_day         day, plover, events, articles
  events_by_month       month (YYYY-MM), quad_class, events, mean goldstein
  country_pairs         source_country, target_country, plover, events, mean goldstein
  actor_activity        one row per actor identity (Mr Blair = Tony Blair, UK = Britain): id, name, country,
                        sector, events as source, events as target
  casualties            killed/wounded/arrested counts per article with its date and site: raw mentions, one
                        death can be two rows ('a soldier was killed ... (1 fatality)'); do not sum it
  casualty_totals       one row per article and kind: the article's total by the rule of
                        knowledge.quantities.kind_total (a stated total, else distinct counts, subsets left
                        out), its high end, whether a count of unknown number was also said; sum `total`
  event_casualties      one row per raw event with a count on it (events/counts.py gives each count to one
                        event): killed, wounded, arrested, kidnapped, displaced, the killed range and words;
                        summing `killed` over an article's events counts each death once
  quotes_by_speaker     speaker, quotes, articles
  articles_by_site      site, articles, events, first and last date
  rejects_by_reason     reason (record numbers stripped), files, rejects
"""

from __future__ import annotations

import duckdb

from eventwire.records import COUNT_FIELDS

#: One row per raw event, its JSON fields unpacked, with its article; `date` is the event's own date
#: when it parses, else the article's. The `events_flat` view and the REST API both select from this.
EVENTS_FLAT = """
    SELECT e.doc_id, e.idx, e.plover, e.cameo, e.goldstein, e.quad_class, e.mode, e.negated,
           coalesce(e.source->>'actor', e.source->>'name') AS source_name, e.source->>'country' AS source_country,
           e.source->>'sector' AS source_sector,
           coalesce(e.target->>'actor', e.target->>'name') AS target_name, e.target->>'country' AS target_country,
           e.target->>'sector' AS target_sector,
           e.source->>'name' AS source_text, e.source->>'actor_id' AS source_actor_id,
           e.target->>'name' AS target_text, e.target->>'actor_id' AS target_actor_id,
           e.location->>'name' AS location_name, e.location->>'country' AS location_country,
           TRY_CAST(e.location->>'lat' AS DOUBLE) AS lat, TRY_CAST(e.location->>'lon' AS DOUBLE) AS lon,
           e.date AS event_date,
           coalesce(TRY_CAST(substr(e.date, 1, 10) AS DATE), TRY_CAST(substr(a.date, 1, 10) AS DATE)) AS date,
           e.sentence, e.start, e."end", e.confidence, a.url, a.site, a.title, a.date AS article_date
    FROM events e LEFT JOIN articles a ON a.id = e.doc_id"""

#: The total rule of `kind_total` in SQL, per article and kind. A stated total ('Total 6 fatalities', a
#: bracketed '(1 fatality)') wins; else the distinct (value, object) counts are summed. Subsets ('including 3
#: women', role 'part') and second mentions of one definite victim ('the man', role 'definite') are left out
#: when a plain count or a total is there; counts of unknown number (value NULL) add nothing but set `unknown`.
#: tests/store/test_casualty_totals.py checks it against kind_total row for row.
CASUALTY_TOTALS = """
    WITH q AS (
        SELECT doc_id, CASE upper(kind) WHEN 'KILLED' THEN 'KILL' WHEN 'WOUNDED' THEN 'WOUND'
                                        WHEN 'ARRESTED' THEN 'ARREST' ELSE upper(kind) END AS kind,
               value, coalesce(value_max, value) AS high, coalesce(role, '') AS role,
               lower(coalesce(object, '')) AS obj
        FROM quantities
        WHERE upper(kind) IN ('KILL', 'WOUND', 'ARREST', 'KIDNAP', 'DISPLACE', 'KILLED', 'WOUNDED', 'ARRESTED')),
    flags AS (
        SELECT doc_id, kind, bool_or(value IS NOT NULL AND role IN ('', 'total')) AS plain,
               bool_or(value IS NOT NULL AND role = 'definite') AS definite,
               bool_or(value IS NULL) AS unknown, count(value) AS counts
        FROM q GROUP BY doc_id, kind),
    kept AS (
        SELECT q.* FROM q JOIN flags f USING (doc_id, kind)
        WHERE q.value IS NOT NULL
          AND CASE WHEN f.plain THEN q.role NOT IN ('part', 'definite')
                   WHEN f.definite THEN q.role <> 'part' ELSE true END),
    distinct_counts AS (
        SELECT doc_id, kind, value, max(high) AS high FROM kept GROUP BY doc_id, kind, value, obj),
    summed AS (
        SELECT doc_id, kind, sum(value) AS total, sum(high) AS total_max FROM distinct_counts GROUP BY doc_id, kind),
    stated AS (
        SELECT doc_id, kind, max(value) AS total, max(high) AS total_max FROM kept WHERE role = 'total'
        GROUP BY doc_id, kind)
    SELECT f.doc_id, f.kind, coalesce(st.total, su.total, 0) AS total,
           coalesce(st.total_max, su.total_max, 0) AS total_max, f.counts, f.unknown,
           TRY_CAST(substr(a.date, 1, 10) AS DATE) AS date, a.site, a.url
    FROM flags f LEFT JOIN stated st USING (doc_id, kind) LEFT JOIN summed su USING (doc_id, kind)
         LEFT JOIN articles a ON a.id = f.doc_id
    ORDER BY f.doc_id, f.kind"""

VIEWS: dict[str, str] = {
    "events_flat": f"""
        SELECT * EXCLUDE (negated, event_date, article_date) FROM ({EVENTS_FLAT}
        WHERE NOT coalesce(e.negated, false) {{and_not_hypothetical}})""",
    "events_by_day": """
        SELECT date, plover, count(*) AS events, count(DISTINCT doc_id) AS articles
        FROM events_flat GROUP BY ALL ORDER BY date, plover""",
    "events_by_month": """
        SELECT strftime(date, '%Y-%m') AS month, quad_class, count(*) AS events,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM events_flat GROUP BY ALL ORDER BY month, quad_class""",
    "country_pairs": """
        SELECT source_country, target_country, plover, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
        FROM events_flat WHERE source_country IS NOT NULL
        GROUP BY ALL ORDER BY events DESC""",
    "actor_activity": """
        WITH roles AS (
            SELECT source_actor_id AS actor_id, source_name AS name, source_country AS country,
                   source_sector AS sector, 1 AS src, 0 AS tgt
            FROM events_flat WHERE source_name IS NOT NULL
            UNION ALL
            SELECT target_actor_id, target_name, target_country, target_sector, 0, 1
            FROM events_flat WHERE target_name IS NOT NULL),
        keyed AS (  -- one row per identity; a party with none ('police') by its words, country and sector
            SELECT coalesce(actor_id, concat_ws('|', name, country, sector)) AS key, * FROM roles)
        SELECT any_value(actor_id) AS actor_id, mode(name) AS name, mode(country) AS country,
               mode(sector) AS sector, sum(src) AS as_source, sum(tgt) AS as_target
        FROM keyed GROUP BY key ORDER BY as_source + as_target DESC, name""",
    "casualties": """
        SELECT q.doc_id, upper(q.kind) AS kind, q.value, q.value_max, q.text, q.start, q."end",
               TRY_CAST(substr(a.date, 1, 10) AS DATE) AS date, a.site, a.url
        FROM quantities q JOIN articles a ON a.id = q.doc_id
        WHERE upper(q.kind) IN ('KILL', 'WOUND', 'ARREST', 'KIDNAP', 'KILLED', 'WOUNDED', 'ARRESTED')""",
    "casualty_totals": CASUALTY_TOTALS,
    "event_casualties": f"""
        SELECT f.doc_id, f.idx, f.plover, f.date, f.source_name, f.source_country, f.target_name,
               f.target_country, f.location_name, f.location_country,
               {", ".join(f"TRY_CAST(e.{k}->>'value' AS DOUBLE) AS {k}" for k in COUNT_FIELDS)},
               TRY_CAST(e.killed->>'max' AS DOUBLE) AS killed_max,
               e.killed IS NOT NULL AND e.killed->>'value' IS NULL AS killed_unknown,
               e.killed->>'text' AS killed_text, f.sentence, f.url
        FROM events_flat f JOIN events e USING (doc_id, idx)
        WHERE {" OR ".join(f"e.{k} IS NOT NULL" for k in COUNT_FIELDS)}
        ORDER BY f.date, f.doc_id, f.idx""",
    "quotes_by_speaker": """
        SELECT speaker, count(*) AS quotes, count(DISTINCT doc_id) AS articles
        FROM quotes WHERE speaker IS NOT NULL GROUP BY ALL ORDER BY quotes DESC""",
    "articles_by_site": """
        SELECT a.site, count(*) AS articles, sum(coalesce(n.events, 0)) AS events,
               min(TRY_CAST(substr(a.date, 1, 10) AS DATE)) AS first_date,
               max(TRY_CAST(substr(a.date, 1, 10) AS DATE)) AS last_date
        FROM articles a LEFT JOIN (SELECT doc_id, count(*) AS events FROM events GROUP BY doc_id) n
             ON n.doc_id = a.id
        GROUP BY ALL ORDER BY articles DESC""",
    "rejects_by_reason": """
        SELECT regexp_replace(reason, '^(line|record) [0-9]+: ', '') AS reason,
               count(DISTINCT path) AS files, count(*) AS rejects
        FROM rejects GROUP BY ALL ORDER BY rejects DESC""",
}


def create_views(con, temporary: bool = False) -> list[str]:
    """Create (or replace) every view the database's tables allow; returns the names created.

    A database written before a column existed (e.g. `hypothetical`) keeps the views that still work.
    """
    kind = "TEMP VIEW" if temporary else "VIEW"
    events = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    hypothetical = "AND NOT coalesce(e.hypothetical, false)" if "hypothetical" in events else ""
    made = []
    for name, sql in VIEWS.items():
        try:
            con.execute(f"CREATE OR REPLACE {kind} {name} AS {sql.replace('{and_not_hypothetical}', hypothetical)}")
            made.append(name)
        except duckdb.Error:
            continue
    return made
