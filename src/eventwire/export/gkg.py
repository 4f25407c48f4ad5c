"""GKG 2.1-style rows (27 tab-separated columns), one per article, in GDELT's field syntax.

Field syntax from the GDELT Global Knowledge Graph Codebook V2.1:
  Counts      COUNTTYPE#NUMBER#OBJECTTYPE#LOCTYPE#LOCNAME#LOCCOUNTRY#ADM1#LAT#LON#FEATUREID;...
  V2Counts    the same plus #OFFSET
  Locations   TYPE#NAME#COUNTRY#ADM1#LAT#LON#FEATUREID;...   V2Locations adds ADM2 before LAT and #OFFSET
  Persons / Organizations   NAME;...   V2Persons / V2Organizations   NAME,OFFSET;...
  V2Tone      TONE,POSITIVE,NEGATIVE,POLARITY,ACTIVITY_DENSITY,SELF_DENSITY,WORDCOUNT
  Dates       RESOLUTION#MONTH#DAY#YEAR#OFFSET;...   (resolution 1 year, 2 month, 3 day, 4 day without year)
  Quotations  OFFSET|LENGTH|VERB|QUOTE#...
  AllNames    NAME,OFFSET;...   Amounts   AMOUNT,OBJECT,OFFSET;...
GDELT gives start offsets only; eventwire's start-end spans of every item are added to Extras as
<EVENTWIRE_SPANS>field:start-end;...</EVENTWIRE_SPANS>, next to GDELT's own <PAGE_TITLE> block.
Themes holds eventwire's PLOVER contexts as PLOVER_<CONTEXT> (no offsets, so V2Themes is blank).
Only Tone (opinion-word polarity x 100) and WordCount are measured in V2Tone; the other four are 0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from eventwire.export.gdelt import _geo, _stamp, _tone
from eventwire.export.source import Article, articles, source_url
from eventwire.export.tables import count_type

_DELIMS = re.compile(r"[#;,|<>\t\r\n]+")
_LOC_DELIMS = re.compile(r"[#;|<>\t\r\n]+")  # location names keep GDELT's "City, Region, Country" commas
_QUOTE_DELIMS = re.compile(r"[#|\t\r\n]+")  # quotations are OFFSET|LENGTH|VERB|QUOTE blocks joined by #
_PERSON = {"PERSON"}
_ORG = {"ORG", "NORP"}
_NAMES = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT"}


def gkg_rows(con) -> Iterator[tuple]:
    for n, article in enumerate(articles(con), start=1):
        yield gkg_row(article, n)


def gkg_row(a: Article, n: int) -> tuple:
    row = a.row
    stamp = _published(row) or _stamp(row.get("d_ingested"))
    spans: list[str] = []
    counts = _counts(a, spans)
    locations = _locations(a, spans)
    persons = _names(a, _PERSON, "person", spans)
    orgs = _names(a, _ORG, "org", spans)
    return (
        f"{stamp or 0}-{n}", stamp, 1 if row.get("url") else 2, row.get("site") or "",
        source_url(row, row["id"]),
        ";".join(c.rsplit("#", 1)[0] for c in counts), ";".join(counts),
        ";".join(_themes(row)), "",
        ";".join(_v1_location(loc) for loc in locations), ";".join(locations),
        ";".join(dict.fromkeys(p.rsplit(",", 1)[0] for p in persons)), ";".join(persons),
        ";".join(dict.fromkeys(o.rsplit(",", 1)[0] for o in orgs)), ";".join(orgs),
        _v2_tone(row), ";".join(_dates(row, spans)), "", "", "", "", "",
        "#".join(_quotes(a, spans)), ";".join(_all_names(a)), ";".join(_amounts(a, spans)),
        "", _extras(row, spans),
    )


def _clean(text, delims: re.Pattern = _DELIMS) -> str:
    """A value without the delimiters of its field (GDELT has no escaping)."""
    return re.sub(r"\s+", " ", delims.sub(" ", str(text or ""))).strip()


def _num(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value) == int(value) else f"{float(value):.4f}".rstrip("0")


def _counts(a: Article, spans: list[str]) -> list[str]:
    out = []
    for q in a.quantities:
        kind = count_type(q.get("kind"))
        if kind is None:
            continue
        obj = _clean(q.get("object"), _LOC_DELIMS)
        out.append(f"{kind}#{_num(q.get('value'))}#{obj}#0#######{q.get('start')}")
        spans.append(f"count:{q.get('start')}-{q.get('end')}")
    return out


def _locations(a: Article, spans: list[str]) -> list[str]:
    out = []
    for loc in a.locations:
        kind, full, code, adm1, adm2, lat, lon, feature = _geo(loc)
        if not kind:
            continue
        out.append("#".join([str(kind), _clean(full, _LOC_DELIMS), code, adm1, adm2, _num(lat), _num(lon), feature,
                             str(loc.get("start"))]))
        spans.append(f"location:{loc.get('start')}-{loc.get('end')}")
    return out


def _v1_location(v2: str) -> str:
    parts = v2.split("#")
    return "#".join(parts[:4] + parts[5:8])  # drop ADM2 and the offset


def _names(a: Article, labels: set[str], tag: str, spans: list[str]) -> list[str]:
    out = []
    for e in a.entities:
        if e.get("label") in labels and _clean(e.get("text")):
            out.append(f"{_clean(e['text'])},{e.get('start')}")
            spans.append(f"{tag}:{e.get('start')}-{e.get('end')}")
    return out


def _all_names(a: Article) -> list[str]:
    return [f"{_clean(e['text'])},{e.get('start')}" for e in a.entities
            if e.get("label") in _NAMES and _clean(e.get("text"))]


def _quotes(a: Article, spans: list[str]) -> list[str]:
    out = []
    for q in a.quotes:
        text = _clean(q.get("text"), _QUOTE_DELIMS)
        if text:
            out.append(f"{q.get('start')}|{(q.get('end') or 0) - (q.get('start') or 0)}||{text}")
            spans.append(f"quote:{q.get('start')}-{q.get('end')}")
    return out


def _amounts(a: Article, spans: list[str]) -> list[str]:
    out = []
    for q in a.quantities:
        obj = _clean(q.get("object") or q.get("unit") or q.get("kind"))
        out.append(f"{_num(q.get('value'))},{obj},{q.get('start')}")
        spans.append(f"amount:{q.get('start')}-{q.get('end')}")
    return out


def _dates(row: dict, spans: list[str]) -> list[str]:
    out = []
    mentions = row.get("dates")
    for d in (json.loads(mentions) if isinstance(mentions, str) else mentions) or []:
        value = str(d.get("value") or "")
        m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
        if not m:
            continue
        year, month, dd = m.group(1), m.group(2) or "0", m.group(3) or "0"
        # GKG 2.1: 3 a full day with its year, 2 a month with its year, 1 a year (4, a day without year, never
        # occurs: resolved dates always carry the year)
        resolution = 3 if m.group(3) else (2 if m.group(2) else 1)
        out.append(f"{resolution}#{int(month)}#{int(dd)}#{year}#{d.get('start')}")
        spans.append(f"date:{d.get('start')}-{d.get('end')}")
    return out


def _themes(row: dict) -> list[str]:
    themes = row.get("themes")
    if isinstance(themes, str):
        themes = json.loads(themes)
    return [f"PLOVER_{_clean(t).upper().replace(' ', '_')}" for t in themes or [] if _clean(t)]


def _v2_tone(row: dict) -> str:
    words = len((row.get("text") or "").split())
    tone = _tone(row.get("tone"))
    return f"{_num(tone) if tone is not None else 0},0,0,0,0,0,{words}"


def _published(row: dict) -> int | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?", str(row.get("date") or ""))
    if not m:
        return None
    return int("".join(g or "00" for g in m.groups()))


def _extras(row: dict, spans: list[str]) -> str:
    title = _clean(row.get("title"))
    page_title = f"<PAGE_TITLE>{title}</PAGE_TITLE>" if title else ""
    return page_title + f"<EVENTWIRE_SPANS>{';'.join(spans)}</EVENTWIRE_SPANS>"
