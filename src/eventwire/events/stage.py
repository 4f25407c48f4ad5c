"""Event stage: codes each English document's events from its parse (after the knowledge stage), with the
`EventCoder` the settings choose (`coders.py`)."""

from __future__ import annotations

from eventwire.events.coder import Coder
from eventwire.events.coders import EventCoder, make_coder


def _actor_at():
    try:
        from eventwire.knowledge.actors import actor_at
    except ImportError:
        return None
    return actor_at


class EventStage:
    name = "events"

    def __init__(self, coder: EventCoder | Coder | str | None = None):
        if coder is None or isinstance(coder, str):
            coder = make_coder(coder, Coder(actor_at=_actor_at()))
        self.coder = coder

    def __call__(self, batch) -> None:
        for work in batch:
            if work.doc is not None:
                work.document.events = self.coder(work.document, work.doc)
