"""Code single sentences with the real parser and the event stage (no database, no other stages)."""

from __future__ import annotations

import pytest

from eventwire.events.stage import EventStage
from eventwire.records import Document
from eventwire.run.stages import NlpStage, Work


def _coder(*stages):
    def run(text: str, date: str | None = None):
        work = Work(source=None, document=Document(id="t", url=None, title=None, date=date, site=None, authors=[],
                                                   language="en", text=text))
        for stage in stages:
            stage([work])
        return work.document.events

    return run


@pytest.fixture(scope="session")
def code():
    return _coder(NlpStage(), EventStage("rules"))


@pytest.fixture(scope="session")
def code_in_context():
    """The coder after the knowledge stage, as in the pipeline: it reads the document's places and actors."""
    from eventwire.knowledge.stage import KnowledgeStage

    return _coder(NlpStage(), KnowledgeStage(), EventStage("rules"))
