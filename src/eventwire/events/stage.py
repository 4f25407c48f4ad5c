"""Event stage entry point (filled in by the event-coder work)."""

from __future__ import annotations


class EventStage:
    name = "events"

    def __call__(self, batch) -> None:
        return None
