"""A small stored database for the CLI's read commands: two events, one between British parties."""

from __future__ import annotations

import pytest

from eventwire.records import Document, Event, Source, Span
from eventwire.store import Store

LONG_SENTENCE = ("The prime minister met the chairman of the Commission for Racial Equality on Monday to discuss "
                 "the report on policing in the north of the country.")


def _event(plover: str, src: tuple[str, str], tgt: tuple[str, str], day: str, sentence: str) -> Event:
    return Event(plover=plover, cameo="040", goldstein=1.0, quad_class=1, mode=None, negated=False,
                 source={"name": src[0], "country": src[1], "sector": "GOV"},
                 target={"name": tgt[0], "country": tgt[1], "sector": None},
                 date=day, location=None, sentence=sentence, start=0, end=len(sentence), confidence=0.8,
                 verb=Span(0, 3, "met"))


@pytest.fixture
def events_db(db) -> str:
    doc = Document(id="d1", url=None, title="Talks", date="2024-01-05", site="example.org", authors=[],
                   language="en", text=LONG_SENTENCE)
    doc.events = [_event("CONSULT", ("Tony Blair", "GBR"), ("Commission for Racial Equality", "GBR"), "2024-01-05",
                         LONG_SENTENCE),
                  _event("CONSULT", ("President Macron", "FRA"), ("Chancellor Scholz", "DEU"), "2024-01-04", "They met.")]
    with Store(db) as store:
        store.write([(Source("d1", "x.txt", None, "text", 0, "d1", 1), doc, "test")])
    return db
