"""Storylines: stories linked across months and years by shared actors and themes.

Stories are bounded in time (`cluster.WINDOW_DAYS`); a storyline is not. Two
stories are linked when they share at least `MIN_SHARED` salient actors or places
and their combined actor overlap and theme (centroid) similarity reach
`LINK_THRESHOLD`. Linked stories form one storyline (connected components, kept
incrementally: a new story joins, or bridges, the storylines it links to).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
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
    index: dict[str, set[str]] = defaultdict(set)
    for p in profiles.values():
        for actor in p.actors:
            index[actor].add(p.id)
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
        others, shared = _sharing(story, index)
        for other, score in zip(others, scorer.scores(story, others, shared)):
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


def _sharing(story: StoryProfile, index: dict[str, set[str]]) -> tuple[list[str], list[int]]:
    """Stories sharing at least `MIN_SHARED` actors with `story` (the only ones `link_score` can
    link), and how many each shares.

    Why counted first: a common actor (a country in most stories) makes almost every story a
    candidate, and scoring each one made linking grow with the square of the corpus.
    """
    shared = Counter(other for actor in set(story.actors) for other in index[actor])
    pairs = [(other, n) for other, n in shared.items() if n >= MIN_SHARED and other != story.id]
    return [o for o, _ in pairs], [n for _, n in pairs]


class _Scorer:
    """`link_score` of one story against many at once, the centroids held as rows of a sparse matrix.

    Why: a country named in most stories leaves millions of candidate pairs on a corpus of
    20,000 articles, and scoring them one by one in Python took most of the corpus step.
    """

    def __init__(self, profiles: dict[str, StoryProfile]):
        from scipy.sparse import csr_matrix

        self.row = {pid: i for i, pid in enumerate(profiles)}
        vocabulary: dict[str, int] = {}
        indptr, indices, data = [0], [], []
        for p in profiles.values():
            for term, value in p.terms.items():
                indices.append(vocabulary.setdefault(term, len(vocabulary)))
                data.append(value / p.norm if p.norm else 0.0)
            indptr.append(len(indices))
        self.unit = csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
                               shape=(len(profiles), max(1, len(vocabulary))))
        self.actors = np.array([len(set(p.actors)) for p in profiles.values()], dtype=np.float64)

    def scores(self, story: StoryProfile, others: list[str], shared: list[int]) -> np.ndarray:
        if not others:
            return np.zeros(0)
        i, rows = self.row[story.id], np.array([self.row[o] for o in others])
        cosine = (self.unit[rows] @ self.unit[i].T).toarray().ravel()
        n = np.asarray(shared, dtype=np.float64)
        jaccard = n / (self.actors[i] + self.actors[rows] - n)
        return ACTOR_WEIGHT * jaccard + (1 - ACTOR_WEIGHT) * cosine


def _line_id(root: str, members: list[StoryProfile]) -> str:
    """Keep the oldest existing storyline id so links stay stable; else derive one from the first story."""
    existing = sorted((p.first_date or "9999", p.storyline_id) for p in members if p.storyline_id)
    if existing:
        return existing[0][1]
    return "sl-" + root.removeprefix("st-")
