"""ACLED-style rows: one per happening that ACLED's categories cover, columns named as in ACLED's codebook.

event_type and sub_event_type come from the PLOVER type, mode and recipient through `data/acled_types.tsv`
(happenings it leaves out, such as verbal cooperation, write no row). fatalities is one figure per
happening, never a sum over its reports or over repeated counts of one report (`fatalities`). notes is
the evidence sentence of the report that figure comes from, else of the earliest report. event_id_cnty
is, as in ACLED, the country's ISO3 code and a number (XXX when no country is known). ACLED's own files
are CSV with a header, so that is the default container.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from eventwire.codes import ARMED_SECTORS, STATE_SECTORS
from eventwire.export.source import Happening, happenings, numeric_id
from eventwire.export.tables import acled_country, acled_types

_LEFT_OUT = "-"
#: An actor is armed when it is an armed force or a state's institution (a state acts through its forces:
#: "the government killed 5 protesters"); a recipient only when it is an armed force (ACLED counts an
#: official attacked off the battlefield as a civilian).
_ARMED_ACTOR = ARMED_SECTORS | STATE_SECTORS


def acled_rows(con) -> Iterator[tuple]:
    kills = kill_counts(con)
    for h in happenings(con):
        row = acled_row(h, kills)
        if row is not None:
            yield row


def acled_row(h: Happening, kills: dict[str, list[dict]]) -> tuple | None:
    types = acled_type(h.plover, h.mode, h.target, h.source)
    if types is None:
        return None
    event_type, sub_event_type = types
    figure, report = fatalities(h.mentions, kills)
    loc = h.location or {}
    iso3 = (loc.get("country") or _country(h.source) or _country(h.target) or "").upper()
    actor1, assoc1 = _actor1(h.source, event_type, iso3)
    feature = loc.get("feature")
    place = loc.get("name") if feature not in ("country", "admin1") else ""
    return (
        f"{iso3 or 'XXX'}{numeric_id(h.id, 40)}", h.date, int(h.date[:4]) if h.date else None,
        event_type, sub_event_type, actor1, assoc1, _actor(h.target),
        acled_country(iso3), loc.get("name") if feature == "admin1" else "", "", place or "",
        loc.get("lat"), loc.get("lon"), geo_precision(loc), _sources(h.mentions),
        report.get("sentence") or "", figure, _timestamp(h.mentions),
    )


def acled_type(plover: str, mode: str | None, target: dict | None,
               source: dict | None = None) -> tuple[str, str] | None:
    """ACLED's (event_type, sub_event_type) for a PLOVER type, mode, recipient and actor; None: ACLED leaves
    it out. The first matching row of `acled_types.tsv` decides."""
    actor, recipient = party_class(source, _ARMED_ACTOR), party_class(target, ARMED_SECTORS)
    for ptype, modes, actors, targets, event_type, sub_event_type in acled_types():
        if ptype != plover:
            continue
        if (("*" in modes or (mode or "") in modes) and ("*" in actors or actor in actors)
                and ("*" in targets or recipient in targets)):
            return None if event_type == _LEFT_OUT else (event_type, sub_event_type)
    return None


def party_class(party: dict | None, armed: frozenset[str]) -> str:
    """An actor or recipient as ACLED's categories need it: "armed" (its sector is in `armed`), "unarmed"
    (a party of any other sector), "unknown" (a party with no sector: a place, a country, "the village",
    "unidentified assailants"), or "none" (no party coded)."""
    if not party or not (party.get("name") or party.get("country") or party.get("sector")):
        return "none"
    sector = (party.get("sector") or "").upper()
    if not sector:
        return "unknown"
    return "armed" if sector in armed else "unarmed"


def kill_counts(con) -> dict[str, list[dict]]:
    """KILL counts by article (value, role, offsets), read once: few articles report deaths."""
    names = {r[0] for r in con.execute("DESCRIBE quantities").fetchall()}
    role = "role" if "role" in names else "NULL"
    cur = con.execute(f"""SELECT doc_id, value, {role} AS role, start, "end" FROM quantities
                          WHERE upper(kind) IN ('KILL', 'KILLED') AND value IS NOT NULL ORDER BY doc_id, start""")
    out: dict[str, list[dict]] = {}
    for doc_id, value, q_role, start, end in cur.fetchall():
        out.setdefault(doc_id, []).append({"value": value, "role": q_role, "start": start, "end": end})
    return out


def sentence_fatalities(counts: list[dict]) -> int | None:
    """One KILL figure for one sentence: a stated total, else the largest count that is not a subset.

    Counts are never added: a sentence that repeats its figure ("1 soldier was killed ... (1 fatality)")
    reports one death, and "7 people were killed, including 3 police" reports seven. The lower end of a
    range is kept ("2-4 killed" is 2), as ACLED codes the most conservative figure. Conjoined groups are
    one count already ("5 militants and 2 policemen were killed" is read as 7 by knowledge/quantities.py), so
    not adding loses nothing there. None: no count (a count of unknown number has no value and is skipped).
    """
    if not counts:
        return None
    totals = [c for c in counts if c.get("role") == "total"]
    whole = [c for c in counts if c.get("role") != "part"]
    return int(max(c["value"] for c in (totals or whole or counts)))


def fatalities(mentions: list[dict], kills: dict[str, list[dict]]) -> tuple[int, dict]:
    """(figure, the report it comes from): the latest report whose sentence states a KILL count, 0 if none does.

    Reports of one happening are not summed: a later report revises the toll (ACLED updates fatalities
    as reports come in), so the latest figure stands. Mentions come earliest first.
    """
    for m in reversed(mentions):
        start, end = m.get("start"), m.get("end")
        if start is None or end is None:
            continue
        inside = [c for c in kills.get(m.get("doc_id"), []) if c["start"] < end and c["end"] > start]
        figure = sentence_fatalities(inside)
        if figure is not None:
            return figure, m
    return 0, mentions[0]


def geo_precision(loc: dict) -> int | None:
    """ACLED's geo_precision: 1 a named town or place with coordinates, 3 a province or country; None: no place."""
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    return 3 if loc.get("feature") in ("admin1", "country") else 1


def _actor1(source: dict | None, event_type: str, place_country: str) -> tuple[str, str]:
    """actor1 and assoc_actor_1. ACLED names demonstrators generically ("Protesters (Bangladesh)") and
    puts the group that demonstrated ("students") in assoc_actor_1."""
    name = _actor(source)
    generic = {"Protests": "Protesters", "Riots": "Rioters"}.get(event_type)
    if generic is None:
        return name, ""
    country = acled_country(_country(source) or place_country)
    return (f"{generic} ({country})" if country else generic), name


def _actor(actor: dict | None) -> str:
    if not actor:
        return ""
    return actor.get("name") or acled_country(actor.get("country"))


def _country(actor: dict | None) -> str | None:
    return (actor or {}).get("country")


def _sources(mentions: list[dict]) -> str:
    """ACLED's source: the outlets that reported it, '; '-separated, each once, earliest first."""
    names = [m.get("a_site") or "" for m in mentions]
    return "; ".join(dict.fromkeys(n for n in names if n))


def _timestamp(mentions: list[dict]) -> int | None:
    """Unix time the row last changed: the latest report's ingestion."""
    stamps = [m["d_ingested"] for m in mentions if m.get("d_ingested")]
    if not stamps:
        return None
    latest = max(s if isinstance(s, datetime) else datetime.fromisoformat(str(s)) for s in stamps)
    return int((latest if latest.tzinfo else latest.replace(tzinfo=timezone.utc)).timestamp())  # stored as UTC
