"""Knowledge stage entry point (filled in by the actors/quotes/quantities work)."""

from __future__ import annotations


class KnowledgeStage:
    name = "knowledge"

    def __call__(self, batch) -> None:
        return None
