"""Event stage: codes each English document's events from its parse (after the knowledge stage)."""

from __future__ import annotations

from eventwire.events.coder import Coder


def _actor_at():
    try:
        from eventwire.knowledge.actors import actor_at
    except ImportError:
        return None
    return actor_at


class EventStage:
    name = "events"

    def __init__(self, coder: Coder | None = None):
        self.coder = coder or Coder(actor_at=_actor_at())

    def __call__(self, batch) -> None:
        for work in batch:
            if work.doc is not None:
                work.document.events = self.coder(work.document, work.doc)
