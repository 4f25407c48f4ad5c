"""Span lookup: the merged actor of a document that a character span names."""

from __future__ import annotations

from eventwire.records import Actor, Document


def actor_at(document: Document, start: int, end: int) -> Actor | None:
    """The document's actor whose mention covers (or lies inside) the span start..end; the tightest wins."""
    best, best_size = None, None
    for actor in document.actors:
        for m in actor.mentions:
            if m.start < end and start < m.end and (m.start <= start and end <= m.end or start <= m.start and m.end <= end):
                size = abs((m.end - m.start) - (end - start))
                if best_size is None or size < best_size:
                    best, best_size = actor, size
    return best
