"""Mark syndicated copies among newly stored articles, using the LSH bands stored in DuckDB."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from eventwire.stories import minhash
from eventwire.stories._db import insert


@dataclass
class NewArticle:
    id: str
    title: str | None
    text: str
    date: str | None  # publication date, None when the page gave none
    site: str | None
    order: int  # position in this batch, oldest first
    when: str | None = None  # the date clustering goes by (None: undated, placed on content alone)


def mark_copies(con, articles: list[NewArticle]) -> dict[str, tuple[str, float]]:
    """Store sketches of `articles` and return {copy id: (original id, estimated Jaccard)}.

    The original is the earliest article of the group: one already stored, else the
    oldest of this batch; a copy of a copy points at the first one.
    """
    ids = [a.id for a in articles]
    sketches = {doc_id: (_as_ints(sig), n) for doc_id, sig, n in con.execute(  # written by Dask workers
        "SELECT doc_id, signature, shingles FROM doc_signatures WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()}
    missing = [minhash.signature_row(a.id, a.text) for a in articles if a.id not in sketches]
    insert(con, "doc_signatures", missing)
    sketches.update((doc_id, (json.loads(sig), n)) for doc_id, sig, n in missing)
    sketches = {doc_id: sketches[doc_id] for doc_id in ids}
    insert(con, "doc_sketches", [(i, band, key) for i, (sig, _) in sketches.items()
                                 for band, key in enumerate(minhash.band_keys(sig))])
    pairs = con.execute(
        """SELECT DISTINCT n.doc_id, o.doc_id FROM doc_sketches n
           JOIN doc_sketches o ON n.band = o.band AND n.key = o.key AND n.doc_id <> o.doc_id
           WHERE n.doc_id IN (SELECT unnest(?)) ORDER BY 1, 2""", [list(sketches)]).fetchall()
    if not pairs:
        return {}
    others = sorted({o for _, o in pairs} - set(sketches))
    stored = dict(con.execute(
        "SELECT doc_id, copy_of FROM story_members WHERE doc_id IN (SELECT unnest(?))", [others]).fetchall())
    for doc_id, sig, n in con.execute(
            "SELECT doc_id, signature, shingles FROM doc_signatures WHERE doc_id IN (SELECT unnest(?))",
            [others]).fetchall():
        sketches.setdefault(doc_id, (_as_ints(sig), n))
    candidates: dict[str, list[str]] = defaultdict(list)
    for doc_id, other in pairs:
        candidates[doc_id].append(other)
    order = {a.id: a.order for a in articles}
    copies: dict[str, tuple[str, float]] = {}
    for article in articles:  # oldest first, so an original is settled before its copies
        best: tuple[tuple, str, float] | None = None
        sig, n = sketches[article.id]
        for other in candidates[article.id]:
            if other in order and order[other] >= article.order:
                continue  # a later article of this batch copies this one, not the reverse
            if other not in order and other not in stored:
                continue  # sketched by a run that did not finish assigning it
            osig, on = sketches[other]
            if not minhash.is_copy(sig, osig, n, on):
                continue
            rank = (0, 0) if other not in order else (1, order[other])
            if best is None or rank < best[0]:
                best = (rank, other, minhash.jaccard(sig, osig))
        if best is not None:
            root = best[1]
            root = copies[root][0] if root in copies else (stored.get(root) or root)
            copies[article.id] = (root, best[2])
    return copies


def _as_ints(value) -> list[int]:
    if isinstance(value, str):
        return json.loads(value)
    return list(value)
