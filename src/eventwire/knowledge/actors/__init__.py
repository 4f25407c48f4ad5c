"""Actors: who a noun phrase names, as a PLOVER country and sector, and the document's merged actors.

`resolve` is context-free (`resolve_phrase`: the event coder and the story update call it on argument
phrases); `mentions` reads a parsed document, grows each PERSON/ORG/NORP/GPE mention to its title and
modifiers ("Mexican President Felipe Calderon"), resolves it, and merges mentions of one actor
(Calderón / Calderon / Mr. Calderón / Mexico's Calderon) (`extract_actors`); `index` maps a character
span back to the merged actor (`actor_at`).
"""

from __future__ import annotations

from eventwire.codes import NON_STATE
from eventwire.knowledge.actors.index import actor_at
from eventwire.knowledge.actors.mentions import extract_actors
from eventwire.knowledge.actors.resolve import current_code, resolve_phrase

__all__ = ["NON_STATE", "actor_at", "current_code", "extract_actors", "resolve_phrase"]
