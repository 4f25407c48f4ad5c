"""Storylines: stories linked across months and years by shared actors and themes.

Stories are bounded in time (`cluster.WINDOW_DAYS`); a storyline is not. Two
stories are linked when they share at least `MIN_SHARED` salient actors or places
and their combined actor overlap and theme (centroid) similarity reach
`LINK_THRESHOLD`. Linked stories form one storyline (connected components, kept
incrementally: a new story joins, or bridges, the storylines it links to).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

import numpy as np

MIN_SHARED = 2
LINK_THRESHOLD = 0.20
ACTOR_WEIGHT = 0.5


@dataclass
class StoryProfile:
    id: str
    actors: list[str]
    terms: dict[str, float]
    storyline_id: str | None
    first_date: str | None

    @cached_property
    def norm(self) -> float:
        """Computed once: a story is compared with every story that shares an actor with it."""
        return math.sqrt(sum(v * v for v in self.terms.values()))


def link_score(a: StoryProfile, b: StoryProfile) -> float:
    shared = set(a.actors) & set(b.actors)
    if len(shared) < MIN_SHARED:
        return 0.0
    jaccard = len(shared) / len(set(a.actors) | set(b.actors))
    return ACTOR_WEIGHT * jaccard + (1 - ACTOR_WEIGHT) * cosine(a, b)


def cosine(a: StoryProfile, b: StoryProfile) -> float:
    if not a.norm or not b.norm:
        return 0.0
    small, large = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    return sum(v * large.get(t, 0.0) for t, v in small.items()) / (a.norm * b.norm)


def link(changed: list[StoryProfile], others: list[StoryProfile]) -> dict[str, str]:
    """Storyline id for every story whose storyline is new or changed: {story id: storyline id}.

    `others` are the stored stories (any age); the result also renames storylines
    that a new story bridged, to the id of the oldest one.
    """
    profiles = {p.id: p for p in others}
    profiles.update({p.id: p for p in changed})
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            older, newer = sorted((rx, ry), key=lambda s: (profiles[s].first_date or "9999", s))
            parent[newer] = older

    # stories already in one storyline stay together
    by_line: dict[str, list[str]] = defaultdict(list)
    for p in profiles.values():
        if p.storyline_id:
            by_line[p.storyline_id].append(p.id)
    for members in by_line.values():
        for m in members[1:]:
            union(members[0], m)
    touched: set[str] = set()
    scorer = _Scorer(profiles)
    for story in changed:
        for other, score in zip(*scorer.scores(story)):
            if score >= LINK_THRESHOLD:
                union(story.id, other)
                touched.update({story.id, other})
    if not touched:
        return {}
    roots = {find(s) for s in touched}
    components: dict[str, list[str]] = defaultdict(list)
    for sid in profiles:
        root = find(sid)
        if root in roots:
            components[root].append(sid)
    result: dict[str, str] = {}
    for root, members in components.items():
        line_id = _line_id(root, [profiles[m] for m in members])
        result.update({m: line_id for m in members})
    return result


class _Scorer:
    """`link_score` of one story against all others at once: actor sets and unit centroids as rows
    of two sparse matrices.

    Why: a country named in most stories leaves millions of pairs sharing two actors on a corpus
    of 20,000 articles; counting and scoring them pair by pair in Python took most of the corpus step.
    """

    def __init__(self, profiles: dict[str, StoryProfile]):
        self.ids = list(profiles)
        self.row = {pid: i for i, pid in enumerate(self.ids)}
        self.actors = _rows([dict.fromkeys(p.actors, 1.0) for p in profiles.values()])
        self.by_actor = self.actors.tocsc()
        self.n_actors = self.actors.getnnz(axis=1)
        self.unit = _rows([{t: v / p.norm for t, v in p.terms.items()} if p.norm else {}
                           for p in profiles.values()])

    def scores(self, story: StoryProfile) -> tuple[list[str], np.ndarray]:
        """Stories sharing at least `MIN_SHARED` actors with `story` (the only ones it can link to), and their scores."""
        i = self.row[story.id]
        shared = np.asarray(self.by_actor[:, self.actors[i].indices].sum(axis=1)).ravel()
        shared[i] = 0
        rows = np.flatnonzero(shared >= MIN_SHARED)
        if not len(rows):
            return [], np.zeros(0)
        cosine = (self.unit[rows] @ self.unit[i].T).toarray().ravel()
        n = shared[rows]
        jaccard = n / (self.n_actors[i] + self.n_actors[rows] - n)
        return [self.ids[r] for r in rows], ACTOR_WEIGHT * jaccard + (1 - ACTOR_WEIGHT) * cosine


def _rows(weights: list[dict[str, float]]):
    """A CSR matrix with one row per dict, one column per distinct key."""
    from scipy.sparse import csr_matrix

    columns: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for row in weights:
        for key, value in row.items():
            indices.append(columns.setdefault(key, len(columns)))
            data.append(value)
        indptr.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
                      shape=(len(weights), max(1, len(columns))))


def _line_id(root: str, members: list[StoryProfile]) -> str:
    """Keep the oldest existing storyline id so links stay stable; else derive one from the first story."""
    existing = sorted((p.first_date or "9999", p.storyline_id) for p in members if p.storyline_id)
    if existing:
        return existing[0][1]
    return "sl-" + root.removeprefix("st-")
