"""Speaker country: each quote's speaker coded with a PLOVER country and sector."""

from __future__ import annotations

from eventwire.knowledge.actors import resolve_phrase
from eventwire.records import Document, Quote


def speaker_codes(document: Document, quotes: list[Quote]) -> None:
    """Each speaker's country and sector, from the actor of that name (or the role phrase resolved on its own)."""
    by_name = {a.name: a for a in document.actors or []}
    for q in quotes:
        if not q.speaker:
            continue
        actor = by_name.get(q.speaker)
        q.speaker_country, q.speaker_sector = (actor.country, actor.sector) if actor else resolve_phrase(q.speaker)
