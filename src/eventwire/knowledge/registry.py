"""Actors identified once keep their identity in later articles: an in-memory registry the stage consults.

A person or organisation resolved with a country and a sector (from a title, an appositive or the
leader table) is remembered under its folded canonical name; a later article naming the same actor
without context ("Calderon said") gets the stored country and sector. The store persists the
registry as the `actor_registry` table (records.KnownActor): `rows()` to save, `load()` to restore.
"""

from __future__ import annotations

from eventwire.knowledge import lexicon as lx
from eventwire.records import Actor, KnownActor


class ActorRegistry:
    def __init__(self, rows: list[KnownActor] | None = None):
        self._known: dict[str, KnownActor] = {}
        self._changed: set[str] = set()
        self.load(rows or [])

    def load(self, rows: list[KnownActor]) -> None:
        for row in rows:
            self._known[row.key] = row

    def rows(self) -> list[KnownActor]:
        return list(self._known.values())

    def take_changed(self) -> list[KnownActor]:
        """Rows added or updated since the last call: a long-lived Dask worker hands back only these
        after each shard, so what it sends does not grow with everything it has seen."""
        rows = [self._known[key] for key in sorted(self._changed)]
        self._changed.clear()
        return rows

    def get(self, name: str) -> KnownActor | None:
        return self._known.get(lx.fold(name))

    def apply(self, actors: list[Actor]) -> None:
        """Fill what this article leaves open from earlier ones, then remember what it settles."""
        for actor in actors:
            if actor.kind not in ("PERSON", "ORG"):
                continue
            key = lx.fold(actor.name)
            known = self._known.get(key)
            if known is not None:
                actor.country = actor.country or known.country
                actor.sector = actor.sector or known.sector
                known.documents += 1
                known.country = known.country or actor.country
                known.sector = known.sector or actor.sector
                self._changed.add(key)
            elif actor.country and actor.sector and (actor.kind == "ORG" or len(actor.name.split()) >= 2):
                self._known[key] = KnownActor(key, actor.name, actor.country, actor.sector, actor.kind)
                self._changed.add(key)
