"""Code single sentences with the real parser and the event stage (no database, no other stages)."""

from __future__ import annotations

import pytest

from eventwire.events.stage import EventStage
from eventwire.records import Document
from eventwire.run.stages import NlpStage, Work


@pytest.fixture(scope="session")
def code():
    nlp, events = NlpStage(), EventStage()

    def run(text: str, date: str | None = None):
        work = Work(source=None, document=Document(id="t", url=None, title=None, date=date, site=None, authors=[],
                                                   language="en", text=text))
        nlp([work])
        events([work])
        return work.document.events

    return run
