"""Events as the interop formats see them: one happening with its mentions, read from the database.

When the stories stage has filled `merged_events`, each merged event is one happening and its mentions are
the raw `events` rows it merged. Otherwise every raw event is its own happening with one mention, so the
exports work on a database built without the stories stage. Negated and hypothetical events are left out:
GDELT, ICEWS and POLECAT record only events that the text reports as happening.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: containers that hold many documents: a `record` number tells which one (readers.py)
_MULTI_RECORD = frozenset({"jsonl", "warc", "wet", "sgml"})
# The sentence number of an event: sentence ends before its start offset (approximate, like GDELT's).
_SENTENCE_END = r"""[.!?]['"’”)\]]*\s+"""


@dataclass
class Happening:
    id: str
    plover: str
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    mode: str | None
    source: dict | None
    target: dict | None
    date: str | None  # YYYY-MM-DD: the event's own date, else the first report's publication date
    location: dict | None
    story_id: str | None
    context: list[str]
    mentions: list[dict]  # raw event rows plus their article's fields (a_*), earliest report first
    num_articles: int
    num_sources: int

    @property
    def first(self) -> dict:
        return self.mentions[0]


@dataclass
class Article:
    """One article with its extracted items, for the GKG export."""

    row: dict
    entities: list[dict] = field(default_factory=list)
    locations: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    quantities: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)


def numeric_id(text: str, bits: int = 60) -> int:
    """A stable positive integer for a string id (GDELT and ICEWS ids are integers)."""
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) >> (256 - bits)


def day(value: Any) -> str | None:
    text = str(value) if value is not None else ""
    return text[:10] if _DAY.match(text) else None


def happenings(con) -> Iterator[Happening]:
    mentions = _mentions(con)
    if _has_rows(con, "merged_events"):
        yield from _merged(con, mentions)
    else:
        for key, m in mentions.items():
            yield _single(key, m)


def _has_rows(con, table: str) -> bool:
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    except Exception:  # table missing in an older database
        return False


def _columns(con, table: str) -> set[str]:
    return {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}


def _mentions(con) -> dict[tuple[str, int], dict]:
    """Raw events that report something happening, with what the exports need from their article."""
    events, articles = _columns(con, "events"), _columns(con, "articles")
    keep = "NOT coalesce(e.negated, false)"
    if "hypothetical" in events:
        keep += " AND NOT coalesce(e.hypothetical, false)"
    tone = "a.tone" if "tone" in articles else "NULL"
    origin = _origin(con)
    sql = f"""
        SELECT e.*, a.url AS a_url, a.site AS a_site, a.date AS a_date, a.title AS a_title,
               a.language AS a_language, {tone} AS a_tone, length(a.text) AS a_length,
               1 + len(regexp_extract_all(substr(a.text, 1, e.start), $sentence_end)) AS a_sentence,
               e.start < coalesce(nullif(strpos(a.text, chr(10)), 0), length(a.text) + 1) AS a_lead,
               d.ingested_at AS d_ingested, {origin}
        FROM events e JOIN articles a ON a.id = e.doc_id LEFT JOIN documents d ON d.id = e.doc_id
        WHERE {keep}
        ORDER BY coalesce(a.date, ''), e.doc_id, e.idx"""
    cur = con.execute(sql, {"sentence_end": _SENTENCE_END})
    names = [d[0] for d in cur.description]
    out: dict[tuple[str, int], dict] = {}
    while batch := cur.fetchmany(10_000):
        for values in batch:
            row = dict(zip(names, values))
            for key in ("source", "target", "location", "verb"):
                row[key] = _json(row.get(key))
            out[(row["doc_id"], row["idx"])] = row
    return out


def _origin(con) -> str:
    """The `documents` columns that say where an article came from (`uri` is missing in older databases)."""
    uri = "d.uri" if "uri" in _columns(con, "documents") else "NULL"
    return f"d.path AS d_path, {uri} AS d_uri, d.format AS d_format, d.record AS d_record"


def source_url(row: dict, doc_id: str | None = None) -> str:
    """An absolute identifier for where an article came from, as GDELT's SOURCEURL: the article's URL (a WARC
    or JSON Lines record's own URL when it has one); else the input file as a `file://` URI recorded at ingest,
    with `#record=N` for one record of a multi-record file; else `eventwire:<doc id>`.

    The last case is stdin input (no file) and databases written before the URI was recorded, whose paths
    are as given on the command line: a relative path is not resolved at export, since nothing records the
    directory the run started in (the database's folder is often not it); run those inputs into a new
    database to get file URIs. An absolute stored path is written as a URI.
    """
    url = row.get("a_url", row.get("url"))
    if url:
        return url
    uri = row.get("d_uri")
    path = row.get("d_path") or ""
    if not uri and path.startswith("/"):
        uri = Path(path).as_uri()
    if uri:
        record = row.get("d_record")
        return f"{uri}#record={record}" if row.get("d_format") in _MULTI_RECORD and record else uri
    return f"eventwire:{doc_id or row.get('doc_id') or row.get('id')}"


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _single(key: tuple[str, int], m: dict) -> Happening:
    return Happening(
        id=f"{key[0]}:{key[1]}", plover=m["plover"], cameo=m.get("cameo"), goldstein=m.get("goldstein"),
        quad_class=m.get("quad_class"), mode=m.get("mode"), source=m.get("source"), target=m.get("target"),
        date=day(m.get("date")) or day(m.get("a_date")), location=m.get("location"), story_id=None,
        context=list(m.get("context") or []) if not isinstance(m.get("context"), str) else _json(m["context"]) or [],
        mentions=[m], num_articles=1, num_sources=1)


def _merged(con, mentions: dict[tuple[str, int], dict]) -> Iterator[Happening]:
    """The merged events, then every raw event no merged event holds (its article not yet through the
    stories step, say): an export never drops a reported event silently."""
    used: set[tuple[str, int]] = set()
    cur = con.execute("SELECT * FROM merged_events ORDER BY coalesce(earliest_date, ''), id")
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(10_000):
        for values in batch:
            row = dict(zip(names, values))
            found = [mentions[k] for m in _json(row["mentions"]) or []
                     if (k := (m.get("doc_id"), m.get("idx"))) in mentions]
            if not found:
                continue  # every report of it was negated or hypothetical
            used.update((m["doc_id"], m["idx"]) for m in found)
            first = found[0]
            yield Happening(
                id=row["id"], plover=row["plover"], cameo=row.get("cameo") or first.get("cameo"),
                goldstein=first.get("goldstein"), quad_class=first.get("quad_class"), mode=first.get("mode"),
                source=_json(row.get("source")), target=_json(row.get("target")),
                date=day(row.get("date")) or day(row.get("earliest_date")) or day(first.get("a_date")),
                location=_json(row.get("location")), story_id=row.get("story_id"),
                context=_context(first), mentions=found,
                num_articles=row.get("num_articles") or len(found), num_sources=row.get("num_sources") or 1)
    for key, m in mentions.items():
        if key not in used:
            yield _single(key, m)


def _context(m: dict) -> list[str]:
    value = m.get("context")
    if isinstance(value, str):
        value = _json(value)
    return list(value or [])


def articles(con) -> Iterator[Article]:
    """Articles with their child rows, one at a time in id order (child tables are read in the same order)."""
    children = {name: _grouped(con, name) for name in ("entities", "locations", "quotes", "quantities", "actors")}
    pending = {name: next(it, None) for name, it in children.items()}
    cur = con.cursor().execute(f"SELECT a.*, d.ingested_at AS d_ingested, {_origin(con)} FROM articles a "
                               "LEFT JOIN documents d ON d.id = a.id ORDER BY a.id")
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(1_000):
        for values in batch:
            article = Article(dict(zip(names, values)))
            for name, it in children.items():
                while pending[name] is not None and pending[name][0] < article.row["id"]:
                    pending[name] = next(it, None)
                if pending[name] is not None and pending[name][0] == article.row["id"]:
                    setattr(article, name, pending[name][1])
                    pending[name] = next(it, None)
            yield article


def _grouped(con, table: str) -> Iterator[tuple[str, list[dict]]]:
    cur = con.cursor().execute(f"SELECT * FROM {table} ORDER BY doc_id, idx")
    names = [d[0] for d in cur.description]
    doc_id, rows = None, []
    while batch := cur.fetchmany(10_000):
        for values in batch:
            row = dict(zip(names, values))
            if row["doc_id"] != doc_id and rows:
                yield doc_id, rows
                rows = []
            doc_id = row["doc_id"]
            rows.append(row)
    if rows:
        yield doc_id, rows
