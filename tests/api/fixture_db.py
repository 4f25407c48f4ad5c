"""A small fictional database for the explorer's tests, written through the real Store.

Places, people and happenings are invented; offsets are computed from the
text, so every span points at what it claims to.
"""

from __future__ import annotations

import hashlib

import duckdb

from eventwire.records import Actor, Document, Event, Location, Quantity, Quote, Source, Span
from eventwire.store import Store

PLACES = {
    "Port Vale": ("VLD", -1.3, 36.8),
    "Northgate": ("VLD", 0.5, 35.3),
    "Amberly": ("ARC", 48.1, 11.6),
    "Kestrel Bay": ("ARC", 53.4, -6.2),
}

# (id, date, title, text, events); events: (plover, cameo, goldstein, quad, source, target, place, evidence)
ARTICLES = [
    ("doc-harbour", "2024-01-14", "Dock workers march in Port Vale",
     "Dock workers marched through Port Vale on Sunday. The Harbour Workers Union demanded higher wages from the "
     "Valdorian Ministry of Ports. \"We will not be ignored,\" said union leader Mara Quill. Police arrested 12 "
     "protesters near the customs house.",
     [("PROTEST", "14", -6.5, 3, "Harbour Workers Union", "Valdorian Ministry of Ports", "Port Vale",
       "The Harbour Workers Union demanded higher wages from the Valdorian Ministry of Ports."),
      ("ARREST", "173", -5.0, 4, "Port Vale Police", "Harbour Workers Union", "Port Vale",
       "Police arrested 12 protesters near the customs house.")]),
    ("doc-talks", "2024-02-03", "Valdoria and Arcadia open border talks",
     "Envoys from Valdoria and Arcadia met in Amberly on Friday to discuss the disputed river border. Arcadian "
     "Foreign Minister Tobin Reyes said the talks were \"a first honest step\". The two governments agreed to "
     "share water data.",
     [("CONSULT", "043", 2.8, 1, "Valdorian Government", "Arcadian Government", "Amberly",
       "Envoys from Valdoria and Arcadia met in Amberly on Friday to discuss the disputed river border."),
      ("COOPERATE", "06", 6.0, 2, "Arcadian Government", "Valdorian Government", "Amberly",
       "The two governments agreed to share water data.")]),
    ("doc-aid", "2024-03-21", "Arcadia sends flood aid to Northgate",
     "Arcadia sent 40 tonnes of flood relief to Northgate, where 3,000 people have lost their homes. The Arcadian "
     "Government pledged $2 million more. \"Help is on its way,\" said relief coordinator Ila Brent.",
     [("AID", "07", 7.4, 2, "Arcadian Government", "Valdorian Government", "Northgate",
       "Arcadia sent 40 tonnes of flood relief to Northgate, where 3,000 people have lost their homes.")]),
    ("doc-clash", "2024-04-09", "Clashes near Northgate leave five dead",
     "Fighters of the Northgate Liberation Front attacked an army post near Northgate on Tuesday, killing five "
     "soldiers. The Valdorian Army said it repelled the attack. The Front accused the army of shelling villages.",
     [("ASSAULT", "19", -10.0, 4, "Northgate Liberation Front", "Valdorian Army", "Northgate",
       "Fighters of the Northgate Liberation Front attacked an army post near Northgate on Tuesday, killing five "
       "soldiers."),
      ("ACCUSE", "112", -2.0, 3, "Northgate Liberation Front", "Valdorian Army", "Northgate",
       "The Front accused the army of shelling villages.")]),
    ("doc-ceasefire", "2024-05-30", "Ceasefire agreed in Kestrel Bay",
     "Negotiators for the Valdorian Government and the Northgate Liberation Front signed a ceasefire in Kestrel "
     "Bay. Arcadian Foreign Minister Tobin Reyes, who hosted the talks, said \"peace is now possible\". The "
     "fighting has killed 34 people since January.",
     [("AGREE", "057", 8.0, 1, "Valdorian Government", "Northgate Liberation Front", "Kestrel Bay",
       "Negotiators for the Valdorian Government and the Northgate Liberation Front signed a ceasefire in Kestrel Bay.")]),
    ("doc-strike", "2024-06-11", "Port Vale strike ends",
     "The Harbour Workers Union ended its strike in Port Vale after the Valdorian Ministry of Ports offered a "
     "raise. About 2,000 workers returned to the docks.",
     [("COOPERATE", "06", 3.5, 2, "Valdorian Ministry of Ports", "Harbour Workers Union", "Port Vale",
       "The Harbour Workers Union ended its strike in Port Vale after the Valdorian Ministry of Ports offered a raise.")]),
]

# An article with neither a date nor a place, as most local text corpora are (with_undated=True).
UNDATED = ("doc-memo", None, "Union leader criticises ministry",
           "Union leader Mara Quill criticised the Valdorian Ministry of Ports over unpaid wages. Later she met "
           "officials of the Valdorian Government in Valdoria.",
           [("ACCUSE", "111", -2.0, 3, "Mara Quill", "Valdorian Ministry of Ports", None,
             "Union leader Mara Quill criticised the Valdorian Ministry of Ports over unpaid wages."),
            ("CONSULT", "040", 1.0, 1, "Mara Quill", "Valdorian Government", "Valdoria",
             "Later she met officials of the Valdorian Government in Valdoria.")])
COUNTRY_PLACES = {"Valdoria": "VLD"}  # places known only as a country: no coordinates

ACTOR_INFO = {
    "Harbour Workers Union": ("VLD", "LAB", "ORG"),
    "Valdorian Ministry of Ports": ("VLD", "GOV", "ORG"),
    "Port Vale Police": ("VLD", "COP", "ORG"),
    "Valdorian Government": ("VLD", "GOV", "ORG"),
    "Arcadian Government": ("ARC", "GOV", "ORG"),
    "Northgate Liberation Front": ("VLD", "REB", "GROUP"),
    "Valdorian Army": ("VLD", "MIL", "ORG"),
    "Mara Quill": ("VLD", "LAB", "PERSON"),
    "Tobin Reyes": ("ARC", "GOV", "PERSON"),
    "Ila Brent": ("ARC", "GOV", "PERSON"),
}

QUANTITY_WORDS = {"12 protesters": ("arrested", 12, "protesters"), "3,000 people": ("displaced", 3000, "people"),
                  "five soldiers": ("killed", 5, "soldiers"), "34 people": ("killed", 34, "people"),
                  "2,000 workers": ("people", 2000, "workers"), "40 tonnes": ("aid", 40, "tonnes")}


def _spans(text: str, needle: str) -> list[Span]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(Span(at, at + len(needle), needle))
        at = text.find(needle, at + 1)
    return out


def _party(name: str) -> dict:
    country, sector, _ = ACTOR_INFO.get(name, (None, None, None))
    return {"name": name, "country": country, "sector": sector}


def _place(name: str | None) -> dict | None:
    if name is None:
        return None
    if name in COUNTRY_PLACES:
        return {"name": name, "country": COUNTRY_PLACES[name], "lat": None, "lon": None}
    country, lat, lon = PLACES[name]
    return {"name": name, "country": country, "lat": lat, "lon": lon}


def document(doc_id: str, day: str, title: str, text: str, events: list) -> Document:
    doc = Document(id=doc_id, url=f"https://news.example/{doc_id}", title=title, date=day, site="news.example",
                   authors=["Test Desk"], language="en", text=text)
    for name, (country, sector, kind) in ACTOR_INFO.items():
        mentions = _spans(text, name)
        if mentions:
            doc.actors.append(Actor(name, country, sector, kind, mentions, mentions[0].start, mentions[0].end))
    for name, (country, lat, lon) in PLACES.items():
        for span in _spans(text, name):
            doc.locations.append(Location(name, country, lat, lon, span.start, span.end, "city"))
    at = text.find('"')
    while at >= 0:
        close = text.find('"', at + 1)
        speaker = next((n for n in ACTOR_INFO if n in text[close:close + 80]), None)
        doc.quotes.append(Quote(speaker, text[at + 1:close], at, close + 1))
        at = text.find('"', close + 1)
    for words, (kind, value, obj) in QUANTITY_WORDS.items():
        for span in _spans(text, words):
            doc.quantities.append(Quantity(kind, value, None, None, obj, words, span.start, span.end))
    for plover, cameo, goldstein, quad, source, target, place, evidence in events:
        start = text.index(evidence)
        doc.events.append(Event(plover, cameo, goldstein, quad, None, False, _party(source), _party(target), day,
                                _place(place), evidence, start, start + len(evidence), 0.9))
    return doc


def build(path: str, with_stories: bool = False, with_undated: bool = False) -> str:
    """Write the fictional articles to a DuckDB file at `path`; optionally add stories/storylines tables and
    an article with no date and no place."""
    batch = []
    for doc_id, day, title, text, events in ARTICLES + ([UNDATED] if with_undated else []):
        doc = document(doc_id, day, title, text, events)
        digest = hashlib.sha256(doc_id.encode()).hexdigest()
        batch.append((Source(doc_id, f"{doc_id}.txt", doc.url, "text", 0, digest, len(text)), doc, "test"))
    with Store(path) as store:
        store.write(batch)
    if with_stories:
        add_stories(path)
    return path


def add_stories(path: str) -> None:
    """Fill the stories tables (creating them when this schema has none yet; the stories stage owns the real ones)."""
    con = duckdb.connect(path)
    con.execute("CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, title VARCHAR, storyline_id VARCHAR)")
    con.execute("CREATE TABLE IF NOT EXISTS story_members (doc_id VARCHAR, story_id VARCHAR, copy_of VARCHAR)")
    con.execute("CREATE TABLE IF NOT EXISTS storylines (id VARCHAR PRIMARY KEY, title VARCHAR)")
    full = {"num_articles", "actors", "embedding"} <= set(c[0] for c in con.execute("DESCRIBE stories").fetchall())
    # stories as the stories stage keys them: actors by folded name ('=VLD' a country, a person by surname)
    for story, title, line, first, last, n, actors in [
            ("s-port", "Port Vale dock dispute", "sl-labour", "2024-01-14", "2024-06-11", 2,
             ["=VLD", "harbour_workers_union", "quill", "port_vale"]),
            ("s-north", "Northgate conflict", "sl-north", "2024-03-21", "2024-04-09", 2,
             ["=VLD", "northgate_liberation_front", "valdorian_army", "northgate"]),
            ("s-peace", "Northgate ceasefire", "sl-north", "2024-05-30", "2024-05-30", 1,
             ["=VLD", "northgate_liberation_front", "reyes", "kestrel_bay"])]:
        con.execute("INSERT INTO stories BY NAME SELECT ? AS id, ? AS title, ? AS storyline_id", [story, title, line])
        if full:  # the columns the stories stage writes, internal ones (embedding, terms) included
            con.execute("UPDATE stories SET first_date = ?, last_date = ?, num_articles = ?, num_sources = 1, "
                        "actors = ?, embedding = ?, terms = ? WHERE id = ?",
                        [first, last, n, actors, "[" + ", ".join(["0.125"] * 384) + "]", '{"northgate": 0.2}', story])
    for story, doc in [("s-port", "doc-harbour"), ("s-port", "doc-strike"), ("s-north", "doc-clash"),
                       ("s-north", "doc-aid"), ("s-peace", "doc-ceasefire")]:
        con.execute("INSERT INTO story_members BY NAME SELECT ? AS story_id, ? AS doc_id", [story, doc])
    for line, title in [("sl-labour", "Labour unrest in Valdorian ports"), ("sl-north", "War and peace in Northgate")]:
        con.execute("INSERT INTO storylines BY NAME SELECT ? AS id, ? AS title", [line, title])
    if full:
        con.execute("UPDATE storylines SET first_date = '2024-03-21', last_date = '2024-05-30', "
                    "story_ids = ['s-north', 's-peace'], actors = ['=VLD', 'northgate_liberation_front', 'reyes'] "
                    "WHERE id = 'sl-north'")
        for i, (plover, day, n, source, target) in enumerate([
                ("ASSAULT", "2024-04-09", 2, "Northgate Liberation Front", "Valdorian Army"),
                ("AGREE", "2024-05-30", 1, "Valdorian Government", "Northgate Liberation Front")]):
            con.execute("INSERT INTO merged_events BY NAME SELECT ? AS id, ? AS plover, ? AS date, ? AS story_id, "
                        "? AS num_articles, 1 AS num_sources, ? AS source, ? AS target, ? AS mentions",
                        [f"m{i}", plover, day, "s-north" if i == 0 else "s-peace", n,
                         f'{{"name": "{source}", "country": "VLD", "sector": "REB", "actor_id": "x"}}',
                         f'{{"name": "{target}", "country": "VLD"}}', '[{"doc_id": "doc-clash", "idx": 0}]'])
    con.close()


def drop_stories(path: str) -> None:
    """A database from before the stories stage: no stories tables at all."""
    con = duckdb.connect(path)
    for (table,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall():
        if table.startswith("stor") or table in ("merged_events",):
            con.execute(f"DROP TABLE {table}")
    con.close()
