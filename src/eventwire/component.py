"""The one shape every analysis stage has (run/stages.py runs them): a name, what it reads and writes,
and what it learns across documents. Defined below every stage's package, so the knowledge and event
stages can be components without importing the executor."""

from __future__ import annotations

import contextlib


class Component:
    """A stage: what it reads and writes, declared; `state()` for what it learns across documents."""

    name = "component"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, batch: list) -> None:
        """Fill the `assigns` fields of each `run.stages.Work` in the batch."""
        raise NotImplementedError

    def state(self, changed_only: bool = False) -> list:
        """What this stage has learnt that the run saves (KnownActor rows); most learn nothing."""
        return []

    def zone(self) -> contextlib.AbstractContextManager:
        """A context the batch runs in (the NLP stage's spaCy memory zone); by default none."""
        return contextlib.nullcontext()
