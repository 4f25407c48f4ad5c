"""A small fictional database written through the Store, independent of the extractors."""

from __future__ import annotations

import json

import pytest

from dataclasses import fields

from eventwire import records
from eventwire.records import Document, Entity, Event, Location, Quantity, Quote, Source, Span
from eventwire.store import Store

TEXT_A = ("Ministers of Norland met envoys of Sudria in Velmar on Monday.\n"
          "Police in Velmar arrested 12 protesters after the talks, officials said. "
          "\"We will not give in,\" said Mara Olsen, the Sudrian envoy.")
TEXT_B = "Troops of Norland shelled Port Aster on Tuesday, killing 3 people, the Sudrian ministry said."

NORLAND = {"name": "Norland government", "country": "NOR", "sector": "GOV"}
SUDRIA = {"name": "Sudria", "country": "SDN", "sector": "GOV"}
VELMAR = {"name": "Velmar", "country": "NOR", "lat": 59.9, "lon": 10.7, "feature": "city", "geonameid": 3143244}


def _make(cls, **values):
    """A record with the fields this version of records.py has (tone, themes, dates were added later)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in values.items() if k in names})


def _event(text: str, sentence: str, plover: str, cameo: str, goldstein: float, quad: int, source, target,
           location, negated: bool = False) -> Event:
    start = text.index(sentence)
    return _make(Event, plover=plover, cameo=cameo, goldstein=goldstein, quad_class=quad, mode=None, negated=negated,
                 source=source, target=target, date=None, location=location, sentence=sentence, start=start,
                 end=start + len(sentence), confidence=0.8, context=["diplomacy"],
                 verb=Span(start + 18, start + 21, "met") if plover == "CONSULT" else None)


def documents() -> list[tuple[Source, Document, str]]:
    a = _make(Document, id="doc-a", url="https://news.example/a", title="Talks in Velmar", date="2024-03-04",
                 site="news.example", authors=["A. Writer"], language="en", text=TEXT_A, tone=-0.25,
                 themes=["diplomacy"])
    a.entities = [Entity("Norland", "GPE", 13, 20), Entity("Mara Olsen", "PERSON", TEXT_A.index("Mara"),
                                                           TEXT_A.index("Mara") + 10),
                  Entity("Police", "ORG", TEXT_A.index("Police"), TEXT_A.index("Police") + 6)]
    a.locations = [Location("Velmar", "NOR", 59.9, 10.7, TEXT_A.index("Velmar"), TEXT_A.index("Velmar") + 6,
                            "city", 3143244),
                   Location("Sudria", "SDN", None, None, 32, 38, "country")]
    q_start = TEXT_A.index("We will")
    a.quotes = [Quote("Mara Olsen", "We will not give in,", q_start, q_start + 20)]
    n_start = TEXT_A.index("12 protesters")
    a.quantities = [Quantity("ARREST", 12, None, None, "protesters", "12 protesters", n_start, n_start + 13)]
    if hasattr(records, "TimeMention"):
        a.dates = [records.TimeMention("Monday", TEXT_A.index("Monday"), TEXT_A.index("Monday") + 6, "2024-03-04",
                                       "day", "at")]
    a.events = [
        _event(TEXT_A, "Ministers of Norland met envoys of Sudria in Velmar on Monday.", "CONSULT", "040", 1.0, 1,
               NORLAND, SUDRIA, VELMAR),
        _event(TEXT_A, "Police in Velmar arrested 12 protesters after the talks, officials said.", "ARREST", "173",
               -5.0, 4, {"name": "Police", "country": "NOR", "sector": "COP"}, None, VELMAR),
        _event(TEXT_A, "\"We will not give in,\" said Mara Olsen, the Sudrian envoy.", "REJECT", "120", -4.0, 3,
               SUDRIA, NORLAND, None, negated=True),
    ]
    b = Document(id="doc-b", url=None, title=None, date=None, site=None, authors=[], language="en", text=TEXT_B)
    b.quantities = [Quantity("KILL", 3, None, None, "people", "3 people", TEXT_B.index("3 people"),
                             TEXT_B.index("3 people") + 8)]
    b.events = [_event(TEXT_B, TEXT_B, "ASSAULT", "195", -10.0, 4, {"name": "Norland troops", "country": "NOR",
                                                                     "sector": "MIL"},
                       None, {"name": "Port Aster", "country": "SDN", "feature": "city"})]
    return [(Source(d.id, f"/corpus/{d.id}.html", d.url, "html", 0, d.id, len(d.text)), d, "test") for d in (a, b)]


@pytest.fixture(scope="session")
def events_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("export") / "events.duckdb")
    with Store(path) as store:
        store.write(documents())
    return path


@pytest.fixture(scope="session")
def merged_db(tmp_path_factory) -> str:
    """The same corpus with a merged event reported by both articles (as the stories stage writes it)."""
    path = str(tmp_path_factory.mktemp("export") / "merged.duckdb")
    with Store(path) as store:
        if "merged_events" not in store.tables():
            pytest.skip("this schema has no merged_events table (stories stage)")
        store.write(documents())
        mentions = [{"doc_id": "doc-a", "idx": 1, "sentence": "", "start": 0, "end": 1, "date": "2024-03-04",
                     "site": "news.example", "copy": False},
                    {"doc_id": "doc-b", "idx": 0, "sentence": "", "start": 0, "end": 1, "date": None, "site": None,
                     "copy": False}]
        store.con.execute(
            "INSERT INTO merged_events (id, plover, cameo, source, target, date, location, story_id, mentions, "
            "num_articles, num_sources, earliest_doc_id, earliest_date) VALUES "
            "('m1', 'ARREST', '173', ?, NULL, '2024-03-04', ?, 's1', ?, 2, 2, 'doc-a', '2024-03-04')",
            [json.dumps(NORLAND), json.dumps(VELMAR), json.dumps(mentions)])
    return path
