"""Incremental, time-aware story clustering: each new article joins the closest live story or starts one.

Why the similarity decays with the distance from a story's recent articles: coverage of
one happening comes in a burst, while a related happening (the next day's market report,
the criminal probe after the recall) reuses the same words hours later. A story that keeps
getting articles stays open; after about half a day of silence new articles start a new
story, which the storyline step links back.

Why undated articles are scored by group average: with no date there is no burst to bound a
story, and the cosine to a centroid grows with the story (the sum of many loosely related articles
points at their shared generic words: 'government', 'labour', the country), so a corpus of undated
articles chains into one story. The mean similarity to a story's members does not grow with its
size. An undated article is never placed by an absent date: no time prior, content alone.

Why single-pass against centroids: a new batch must join existing stories without
re-clustering the corpus, and the cost per article must not grow with the corpus.
Candidates come from an inverted index over the stories' top terms, from which quiet
stories are swept (after folding the small ones into their neighbours), so a run costs
about articles x (live stories sharing a salient term), not articles squared.
"""

from __future__ import annotations

import heapq
import math
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from eventwire.stories.embed import embedder
from eventwire.stories.static_embed import static_embedder
from eventwire.stories.terms import by_weight

# Thresholds, half-life and fragment size chosen on one half of the UCI sample (stories split
# by id hash) with timestamps jittered by +-6 h, so the choice cannot lean on that sample's
# one-burst-per-story timestamps; `eventwire eval stories` reports the other half too.
#: Time-decayed cosine between an article and a story centroid above which the article joins the story.
JOIN_THRESHOLD = 0.25
#: Cosine between two story centroids above which a small story started in this batch is folded
#: into another: single-pass placement splits a story whose first articles shared few words.
MERGE_THRESHOLD = 0.12
#: Stories larger than this are only folded together at `JOIN_THRESHOLD`: two big centroids
#: are stable, so a middling cosine between them means related stories, not one story.
FRAGMENT = 10
#: Hours away from a story's recent articles at which its similarity to a new article counts half.
HALF_LIFE_HOURS = 6.0
#: How many recent articles the story's active time averages over.
ACTIVE_ARTICLES = 30
#: Outer bound on how long a story stays live; the decay closes quiet stories well before,
#: and a later return to the topic is a new story linked by its storyline.
WINDOW_DAYS = 7
#: Words of an undated article's body in its bag: with no time to go by, the body is the evidence.
UNDATED_LEAD_WORDS = 300
#: Below this many words of body, an undated article is brief (a headline, a note, a wire flash) and
#: is scored as a dated one is, against centroids with no time prior: a few terms do not drag a
#: centroid toward generic words the way whole bodies do, and the group average of short texts is
#: too low to join them (UCI headlines with the dates removed: 0.65 against about 0.84).
BRIEF_WORDS = 60
#: Terms an undated story keeps: its group-average score reads the whole centroid.
UNDATED_TERMS = 400
CENTROID_TERMS = 120
QUERY_TERMS = 12
POSTING_CAP = 400
EVICT_EVERY = 500  # articles between sweeps of stale stories out of the index

#: Which headline embedding is blended into the similarity: `static` (the default: word-piece
#: vectors distilled from MiniLM, about 50 microseconds a headline, see `stories/distill.py`),
#: `minilm` (the full encoder run with numpy, about 7 ms a headline) or `off` (words alone).
EMBED_ENV = "EVENTWIRE_STORY_EMBEDDINGS"
EMBEDDINGS = ("static", "minilm", "off")


@dataclass(frozen=True)
class Blend:
    """An embedding's share of the similarity and the join and fold bars that go with it
    (each space has its own spread of cosines, so each gets its own bars)."""

    weight: float
    join: float
    merge: float


#: Chosen like the word-only bars (jittered half 0, mean of three jitter seeds) on a grid of weight
#: 0.1-0.4, join 0.27-0.4 and fold 0.09-0.3 below join.
STATIC_BLEND = Blend(weight=0.2, join=0.3, merge=0.15)
#: Chosen the same way on a grid of weight 0.3-0.7, join 0.25-0.4, fold 0.12-0.25.
MINILM_BLEND = Blend(weight=0.6, join=0.35, merge=0.2)
#: Group-average bars when either side is undated (see the module docstring): chosen on half 0 of
#: the undated BBC and Reuters sets (`python -m eventwire.eval.undated`), half 1 held out. What else
#: was tried on half 0 and did not help (names, IDF, length and two-signal bars) is in `eval/undated.py`.
UNDATED_BLEND = Blend(weight=0.2, join=0.1, merge=0.1)
#: Cosine of the embeddings of two unrelated leads (averaged word pieces of long texts all point one
#: way: 0.6-0.7 apart from topic); only what is above it counts in the undated blend.
DENSE_BASE = 0.6
_BLENDS = {"static": STATIC_BLEND, "minilm": MINILM_BLEND}


def embeddings_default() -> str:
    """`EMBED_ENV` when it names a known setting ('1'/'0' read as static/off), else static."""
    value = os.environ.get(EMBED_ENV, "").strip().lower()
    if value in ("0", "false", "no"):
        return "off"
    return value if value in EMBEDDINGS else "static"


def _embedder(setting: str) -> Callable[[str], Sequence[float]] | None:
    if setting == "off":
        return None
    return embedder() if setting == "minilm" else static_embedder()


@dataclass
class StoryState:
    id: str
    centroid: dict[str, float]
    n: int
    first: datetime | None  # None while no member has a date
    last: datetime | None
    title: str | None = None
    changed: bool = False
    members: list[str] = field(default_factory=list)
    active: datetime | None = None  # running mean of recent dated articles' times (`Clusterer.decay`); None: undated
    spread: timedelta = timedelta(0)  # running mean distance of recent articles from `active`
    embedding: np.ndarray | None = None  # sum of the members' unit headline embeddings, when on
    brief: bool = False  # undated, and every member brief (see `BRIEF_WORDS`): scored against its centroid

    def embedding_norm(self) -> float:
        if self.embedding is None:
            return 1.0
        return float(np.linalg.norm(self.embedding)) or 1.0

    def __post_init__(self):
        if self.active is None:
            self.active = self.last

    def norm(self) -> float:
        return math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0

    def top_terms(self, k: int) -> list[str]:
        return [t for t, _ in heapq.nsmallest(k, self.centroid.items(), key=by_weight)]

    @property
    def dated(self) -> bool:
        return self.active is not None


class Clusterer:
    """Holds live stories and document frequencies; `add` places one article."""

    def __init__(self, stories: Iterable[StoryState] = (), df: dict[str, int] | None = None, n_docs: int = 0,
                 threshold: float | None = None, window_days: float = WINDOW_DAYS,
                 half_life_hours: float = HALF_LIFE_HOURS,
                 embeddings: bool | str | Callable[[str], Sequence[float]] | None = None,
                 blend: Blend | None = None):
        """`embeddings`: one of `EMBEDDINGS`, True for the default one, False for words alone, a
        callable (headline -> unit vector; `blend` defaults to the static one's), or None to follow
        `EMBED_ENV`."""
        self.stories: dict[str, StoryState] = {}
        self.df: Counter = Counter(df or {})
        self.n_docs = n_docs
        if embeddings is None or embeddings is True:
            embeddings = embeddings_default() if embeddings is None else "static"
        setting = embeddings if isinstance(embeddings, str) else None
        self.embed: Callable[[str], Sequence[float]] | None = (
            _embedder(setting) if setting else embeddings or None)
        self.blend = blend or _BLENDS.get(setting or "", STATIC_BLEND)
        self._fixed_threshold = threshold
        self.window = timedelta(days=window_days)
        self.half_life = timedelta(hours=half_life_hours)
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._norms: dict[str, float] = {}
        self._embedding_norms: dict[str, float] = {}
        for story in stories:
            self._index(story)
        self._added = 0
        self._open: set[str] = set()  # stories started in this batch and not folded yet
        self._moved: dict[str, str] = {}

    def count(self, counts: Iterable[Counter]) -> None:
        """Add a batch's terms to the document frequencies before placing its articles."""
        for c in counts:
            self.n_docs += 1
            self.df.update(c.keys())

    def embed_batch(self, titles: Iterable[str | None]) -> None:
        """Embed a batch's headlines in one go (far faster than one by one); `add` then hits the cache."""
        encode = getattr(self.embed, "encode", None)
        if encode:
            encode(t for t in titles if t)

    def vector(self, counts: Counter) -> dict[str, float]:
        vec = {t: (1 + math.log(c)) * (math.log((self.n_docs + 1) / (self.df.get(t, 0) + 1)) + 1)
               for t, c in counts.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def add(self, doc_id: str, counts: Counter, when: datetime | None, title: str | None = None,
            embed_text: str | None = None, brief: bool = False) -> tuple[str, float]:
        """Place one article (`when` None: undated); returns its story and its similarity to it.
        `embed_text`: what is embedded, when not the headline (an undated article's headline and lead).
        `brief`: an undated headline or note (see `BRIEF_WORDS`), scored against centroids."""
        self._added += 1
        if when is not None and self._added % EVICT_EVERY == 0:
            self._evict(when)
        vec = self.vector(counts)
        text = embed_text or title
        emb = np.asarray(self.embed(text), dtype=np.float32) if self.embed and text else None
        best, ratio, score = self._best(vec, when, bars=self.join_bars(emb), emb=emb, brief=brief)
        if best is None or ratio < 1:
            story = StoryState(id="st-" + doc_id[:16], centroid={}, n=0, first=when, last=when, title=title,
                               brief=brief and when is None)
            self._open.add(story.id)
            score = 1.0
        else:
            story = self.stories[best]
            story.brief = story.brief and brief and when is None
        self._join(story, vec, when, doc_id, emb)
        return story.id, score

    def join(self, story_id: str, doc_id: str, counts: Counter, when: datetime | None) -> None:
        """Place an article whose story is already known (a copy follows its original)."""
        story = self.stories.get(story_id)
        if story is not None:
            self._join(story, self.vector(counts), when, doc_id)

    def consolidate(self, threshold: float | None = None) -> dict[str, str]:
        """Fold stories started in this batch into the closest live story; returns {old id: new id}.

        Smallest first, so fragments join the story that the bulk of the articles built;
        two stories both above `FRAGMENT` articles need the join threshold.
        Stories from earlier batches are never dissolved, so stored ids stay stable.
        Stories that went quiet earlier in the batch were already folded by `_evict`.
        """
        self._fold(self._unsettled(), threshold)
        moved = dict(self._moved)
        for old, new in list(moved.items()):
            while new in moved:
                new = moved[new]
            moved[old] = new
        return moved

    def _unsettled(self, quiet_before: datetime | None = None) -> list[StoryState]:
        stories = [self.stories[sid] for sid in self._open if sid in self.stories]
        return sorted((s for s in stories if quiet_before is None or (s.dated and self._quiet(s) < quiet_before)),
                      key=lambda s: (s.n, s.first or datetime.max, s.id))

    def join_bar(self, emb: np.ndarray | None) -> float:
        """The join threshold for a score with the embedding blend (`emb` given) or on words alone."""
        if self._fixed_threshold is not None:
            return self._fixed_threshold
        return self.blend.join if emb is not None else JOIN_THRESHOLD

    def join_bars(self, emb: np.ndarray | None) -> tuple[float, float]:
        """(bar when both sides are dated, group-average bar when either is not)."""
        return self.join_bar(emb), UNDATED_BLEND.join

    def fold_bars(self, emb: np.ndarray | None, threshold: float | None = None) -> tuple[float, float]:
        if threshold is not None:
            return threshold, threshold
        return (self.blend.merge if emb is not None else MERGE_THRESHOLD), UNDATED_BLEND.merge

    def _fold(self, stories: list[StoryState], threshold: float | None = None) -> None:
        """`threshold`: None for the fold bar that fits each story's score (blended or words alone)."""
        for story in stories:
            self._open.discard(story.id)
            norm = story.norm()
            vec = {t: v / norm for t, v in story.centroid.items()}
            emb = story.embedding / story.embedding_norm() if story.embedding is not None else None
            # group average of the two stories' members: the unit centroid times |sum| / n
            best, ratio, score = self._best(vec, story.active, exclude=story.id, bars=self.fold_bars(emb, threshold),
                                        emb=emb, scale=(norm / max(1, story.n), story.embedding_norm() / max(1, story.n)),
                                        brief=story.brief)
            if best is None or ratio < 1:
                continue
            target = self.stories[best]
            kind = 0 if (story.dated and target.dated) or story.brief else 1
            target.brief = target.brief and story.brief
            if min(story.n, target.n) > FRAGMENT and score < self.join_bars(emb)[kind]:
                continue
            for t, v in story.centroid.items():
                target.centroid[t] = target.centroid.get(t, 0.0) + v
            target.n += story.n
            target.first, target.last = _min(target.first, story.first), _max(target.last, story.last)
            share = story.n / target.n
            if story.dated and target.dated:
                target.spread += (max(story.spread, abs(story.active - target.active)) - target.spread) * share
                target.active += (story.active - target.active) * share
            elif story.dated:
                target.active, target.spread = story.active, story.spread
            target.members.extend(story.members)
            if story.embedding is not None:
                target.embedding = _add(target.embedding, story.embedding)
            target.changed = True
            self._index(target)
            del self.stories[story.id]
            self._moved[story.id] = target.id

    def _best(self, vec: dict[str, float], when: datetime | None, exclude: str | None = None,
              bars: tuple[float, float] = (0.0, 0.0), emb: np.ndarray | None = None,
              scale: tuple[float, float] = (1.0, 1.0), brief: bool = False) -> tuple[str | None, float, float]:
        """The live story most similar to `vec`: (id, score over its bar, score).

        `bars`: the bar when both sides are dated (time-decayed cosine to the centroid) and when
        either is undated (group average, see the module docstring); stories are ranked by how far
        above their bar they score. Dated stories too far in time to reach the bar are not scored.
        `scale`: what turns `vec` and `emb` into a sum over members (a story being folded), for the
        group average; 1 for one article. `brief`: an undated headline or note, scored as a dated
        article is (cosine to the centroid, against the dated bar) but with no time prior.
        """
        query = [t for t, _ in heapq.nsmallest(QUERY_TERMS, vec.items(), key=by_weight)]
        position = {t: i for i, t in enumerate(vec)}
        seen: set[str] = {exclude} if exclude else set()
        best, best_ratio, best_score = None, 0.0, 0.0
        for term in query:
            for sid in self._postings.get(term, ()):
                if sid in seen:
                    continue
                seen.add(sid)
                story = self.stories.get(sid)
                if story is None:
                    continue
                dated = when is not None and story.dated
                if dated:
                    if not story.first - self.window <= when <= story.last + self.window:
                        continue
                    decay = self.decay(story, when)
                    if decay < bars[0]:
                        continue
                # Only the shared terms, in `vec`'s order: the same sum as over all of `vec` (the
                # others add zeros), at a tenth of the cost; the intersection runs in C.
                shared = sorted(vec.keys() & story.centroid.keys(), key=position.__getitem__)
                dot = sum(vec[t] * story.centroid[t] for t in shared)
                centroid = dated or brief
                if dated:
                    score = self._blend(dot / self._norms[sid], emb, story) * decay
                elif brief:
                    score = self._blend(dot / self._norms[sid], emb, story)
                else:
                    score = self._average(dot * scale[0], emb, scale[1], story)
                ratio = score / max(bars[0] if centroid else bars[1], 1e-9)
                if ratio > best_ratio:
                    best, best_ratio, best_score = sid, ratio, score
        return best, best_ratio, best_score

    def _average(self, dot: float, emb: np.ndarray | None, emb_scale: float, story: StoryState) -> float:
        """Mean similarity to the story's members (terms, blended with headline embeddings)."""
        n = max(1, story.n)
        words = dot / n
        if emb is None or story.embedding is None or len(emb) != len(story.embedding):
            return words
        dense = float(emb @ story.embedding) * emb_scale / n
        return (1 - UNDATED_BLEND.weight) * words + UNDATED_BLEND.weight * max(0.0, dense - DENSE_BASE)

    def _blend(self, cosine: float, emb: np.ndarray | None, story: StoryState) -> float:
        """Term cosine, mixed with the embeddings' cosine where both sides have one.

        Why: related but distinct stories share headline words; paraphrases of one happening
        ('Fed's Plosser sees high bar' / 'Fed official says weak data caused by weather') share few.
        Candidates still come from the term index (cost stays linear), so embeddings rescore
        stories that share a salient term; stories stored without embeddings (or with another
        setting's) score on terms alone.
        """
        if emb is None or story.embedding is None or len(emb) != len(story.embedding):
            return cosine
        norm = self._embedding_norms.get(story.id) or story.embedding_norm()
        dense = float(emb @ story.embedding) / norm
        return (1 - self.blend.weight) * cosine + self.blend.weight * max(0.0, dense)

    def decay(self, story: StoryState, when: datetime) -> float:
        """1 within the spread of the story's recent articles, halving every `half_life` beyond.

        Why running means and not the first and last article: one straggler (a late piece on
        the same topic) would otherwise reopen the story for the next day's related happening.
        """
        gap = max(timedelta(0), abs(when - story.active) - story.spread)
        return 0.5 ** (gap / self.half_life)

    def _join(self, story: StoryState, vec: dict[str, float], when: datetime, doc_id: str,
              emb: np.ndarray | None = None) -> None:
        if emb is not None:
            story.embedding = _add(story.embedding, emb)
        for t, w in vec.items():
            story.centroid[t] = story.centroid.get(t, 0.0) + w
        keep = CENTROID_TERMS if story.dated else UNDATED_TERMS
        if len(story.centroid) > 2 * keep:
            story.centroid = dict(sorted(story.centroid.items(), key=by_weight)[:keep])
        story.n += 1
        if when is not None:
            story.first, story.last = _min(story.first, when), _max(story.last, when)
            if story.active is None:
                story.active, story.spread = when, timedelta(0)
            rate = 1 / min(story.n, ACTIVE_ARTICLES)
            story.spread += (abs(when - story.active) - story.spread) * rate
            story.active += (when - story.active) * rate
        story.changed = True
        story.members.append(doc_id)
        self._index(story)

    def _evict(self, now: datetime) -> None:
        """Fold stories that went quiet, then drop those no article can reach from the index.

        Why fold first: the stories a quiet one may be folded into are still indexed until
        twice the reach, so folding early loses nothing and lookups stay short.
        """
        reach = min(self.window, self.half_life * math.log2(1 / MERGE_THRESHOLD))  # beyond: decay < either fold bar
        self._fold(self._unsettled(quiet_before=now - reach))
        horizon = now - 2 * reach
        for term, posting in list(self._postings.items()):
            kept = [sid for sid in posting if sid in self.stories and
                    (not self.stories[sid].dated or self._quiet(self.stories[sid]) >= horizon)]
            if kept:
                self._postings[term] = kept
            else:
                del self._postings[term]

    @staticmethod
    def _quiet(story: StoryState) -> datetime:
        """From when on the story's decay starts (see `decay`)."""
        return story.active + story.spread

    def _index(self, story: StoryState) -> None:
        known = story.id in self.stories
        self.stories[story.id] = story
        self._norms[story.id] = story.norm()
        self._embedding_norms[story.id] = story.embedding_norm()
        for term in story.top_terms(QUERY_TERMS if known else CENTROID_TERMS // 4):
            posting = self._postings[term]
            if story.id not in posting[-50:]:
                posting.append(story.id)
                if len(posting) > POSTING_CAP:
                    del posting[: len(posting) - POSTING_CAP]


def _min(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else max(a, b)


def _add(total: np.ndarray | None, vector: np.ndarray) -> np.ndarray:
    """The running sum; a sum stored under another embedding setting (other length) starts over."""
    if total is None or len(total) != len(vector):
        return np.array(vector, dtype=np.float32)
    return total + vector
