"""The corpus's actor identities: actors identified once keep their identity in later articles.

A person or organisation that an article settles (a country and a sector from its own words, an
appositive, a title or the knowledge base) is remembered under its folded canonical name with the
surface forms it was seen under, the article and rule that settled it, and how often later articles
agree. A later article naming the same actor without context ("Felipe Calderon said") gets the stored
country and sector, marked with evidence 'registry'.

What is never remembered or passed on: a country the article only guessed (its main country), a
person known by one word (a surname is shared: no Fox but Vicente is Mexican), a lower-case name.
The store writes the rows a batch changed in the same transaction as the batch's documents
(`take_changed`), so a crash loses neither; rows from Dask workers merge with `merge_rows`, which does
not depend on the order they arrive in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.knowledge import lexicon as lx
from eventwire.records import Actor, KnownActor

MAX_ALIASES = 12


class ActorRegistry:
    def __init__(self, rows: list[KnownActor] | None = None):
        self._known: dict[str, KnownActor] = {}
        self._changed: set[str] = set()
        self.load(rows or [])

    def load(self, rows: list[KnownActor]) -> None:
        for row in rows:
            self._known[row.key] = merge_rows(self._known[row.key], row) if row.key in self._known else row

    def rows(self) -> list[KnownActor]:
        return [self._known[key] for key in sorted(self._known)]

    def take_changed(self) -> list[KnownActor]:
        """Rows added or updated since the last call: written with the documents that changed them, and
        all a long-lived Dask worker hands back after each shard."""
        rows = [self._known[key] for key in sorted(self._changed)]
        self._changed.clear()
        return rows

    def get(self, name: str) -> KnownActor | None:
        return self._known.get(lx.fold(name))

    def apply(self, actors: list[Actor], document_id: str | None = None) -> None:
        """Fill what this article leaves open from earlier ones, then remember what it settles."""
        for actor in actors:
            if not _rememberable(actor):
                continue
            key = lx.fold(actor.name)
            known = self._known.get(key)
            if known is not None and known.kind != actor.kind:
                continue
            aliases = sorted({m.text for m in actor.mentions})
            if known is not None:
                stated = actor.country if not actor.country_inferred else None
                if actor.country is None or actor.country_inferred:
                    if known.country:
                        actor.country, actor.country_inferred, actor.evidence = known.country, False, "registry"
                actor.sector = actor.sector or known.sector
                agree = round((known.confidence or 1.0) * known.documents) + (stated == known.country if stated else 1)
                known.documents += 1
                known.confidence = round(agree / known.documents, 3)
                if known.country is None and stated:
                    known.country, known.evidence = stated, f"{document_id}: {actor.evidence}"
                known.sector = known.sector or actor.sector
                known.aliases = sorted(set(known.aliases) | set(aliases))[:MAX_ALIASES]
                self._changed.add(key)
            elif actor.country and actor.sector and not actor.country_inferred:
                self._known[key] = KnownActor(key, actor.name, actor.country, actor.sector, actor.kind, 1,
                                              id=actor.id, aliases=aliases[:MAX_ALIASES],
                                              evidence=f"{document_id}: {actor.evidence or 'text'}", confidence=1.0)
                self._changed.add(key)


def _rememberable(actor: Actor) -> bool:
    if actor.kind not in ("PERSON", "ORG") or not actor.name[:1].isupper():
        return False
    if actor.kind == "PERSON":
        return len(actor.name.split()) >= 2
    return not _generic_body(actor.name)


def _generic_body(name: str) -> bool:
    """'Foreign Ministry', 'Liberal Party', 'National Audit Office', 'Budget': a body named by its kind, which
    every state has; its country comes from each article, never from another one. 'eBay', 'Unison' are
    names."""
    from eventwire.knowledge.actors.resolve import sector_of

    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in ("the", "of", "for", "and", "on")]
    return any(sector_of(w) or w in _institutions() for w in words)


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    return lx.word_classes("actor_words.tsv")["institution"]


def merge_rows(a: KnownActor, b: KnownActor) -> KnownActor:
    """One row from two views of the same actor (the store's and a Dask worker's, or two workers'), the
    same whichever comes first and however often a part is loaded again: the view seen in more articles
    wins its country and sector (ties: the smaller evidence string); the other only fills gaps."""
    first, second = sorted((a, b), key=lambda r: (-r.documents, r.evidence or "", r.country or "", r.sector or ""))
    return KnownActor(first.key, first.name, first.country or second.country, first.sector or second.sector,
                      first.kind, first.documents, id=first.id or second.id,
                      aliases=sorted(set(first.aliases) | set(second.aliases))[:MAX_ALIASES],
                      evidence=first.evidence or second.evidence, confidence=first.confidence)
