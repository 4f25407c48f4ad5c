"""Incremental, time-aware story clustering: each new article joins the closest live story or starts one.

Why single-pass against centroids: a new batch must join existing stories without
re-clustering the corpus, and the cost per article must not grow with the corpus.
Candidates come from an inverted index over the stories' top terms, restricted to
stories that had an article within `WINDOW_DAYS`, so a run costs about
articles x (live stories sharing a salient term), not articles squared.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from spacy.lang.en.stop_words import STOP_WORDS

#: Cosine between an article and a story centroid above which the article joins the story.
JOIN_THRESHOLD = 0.20
#: Cosine between two story centroids above which a story started in this batch is folded into
#: another: single-pass placement splits a story whose first articles shared few words.
MERGE_THRESHOLD = 0.20
#: A story is live while its last article is at most this old: developing stories run
#: for days, and a later return to the topic is a new story linked by its storyline.
WINDOW_DAYS = 7
TITLE_WEIGHT = 3  # the headline says what the story is about; the body drifts
NAME_WEIGHT = 2  # shared actors and places are the strongest evidence of one happening
LEAD_WORDS = 80
CENTROID_TERMS = 120
QUERY_TERMS = 12
POSTING_CAP = 400
EVICT_EVERY = 2000  # articles between sweeps of stale stories out of the index

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_STOP = {w.lower() for w in STOP_WORDS} | {"said", "says", "new", "year", "years", "mr", "ms", "s"}


def fold(text: str) -> str:
    """Lower case without accents: 'Calderón' and 'Calderon' are one name."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """Plural and possessive endings off: a cheap stem that keeps names recognisable."""
    word = word.strip("'’-").replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str | None) -> list[str]:
    if not text:
        return []
    out = []
    for raw in _WORD.findall(fold(text)):
        word = stem(raw)
        if len(word) > 1 and word not in _STOP:
            out.append(word)
    return out


def name_key(name: str) -> str:
    """'U.S.' -> 'us', 'Felipe Calderón' -> 'felipe_calderon'."""
    return "_".join(re.findall(r"\w+", fold(name).replace(".", "")))


def term_counts(title: str | None, text: str | None, names: Iterable[str] = ()) -> Counter:
    """Weighted bag of words of an article: headline, lead and named actors and places."""
    counts: Counter = Counter()
    for word in tokens(title):
        counts[word] += TITLE_WEIGHT
    if text and text != title:
        for word in tokens(" ".join(text.split()[:LEAD_WORDS])):
            counts[word] += 1
    for key in names:  # normalised keys (see `name_key`)
        counts["@" + key] += NAME_WEIGHT
    return counts


def parse_when(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    for candidate in (text, text[:19], text[:10]):
        try:
            return datetime.fromisoformat(candidate).replace(tzinfo=None)
        except ValueError:
            continue
    return None


@dataclass
class StoryState:
    id: str
    centroid: dict[str, float]
    n: int
    first: datetime
    last: datetime
    title: str | None = None
    changed: bool = False
    members: list[str] = field(default_factory=list)

    def norm(self) -> float:
        return math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0

    def top_terms(self, k: int) -> list[str]:
        return [t for t, _ in sorted(self.centroid.items(), key=lambda kv: -kv[1])[:k]]


class Clusterer:
    """Holds live stories and document frequencies; `add` places one article."""

    def __init__(self, stories: Iterable[StoryState] = (), df: dict[str, int] | None = None, n_docs: int = 0,
                 threshold: float = JOIN_THRESHOLD, window_days: float = WINDOW_DAYS):
        self.stories: dict[str, StoryState] = {}
        self.df: Counter = Counter(df or {})
        self.n_docs = n_docs
        self.threshold = threshold
        self.window = timedelta(days=window_days)
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._norms: dict[str, float] = {}
        for story in stories:
            self._index(story)
        self._stored = set(self.stories)
        self._added = 0

    def count(self, counts: Iterable[Counter]) -> None:
        """Add a batch's terms to the document frequencies before placing its articles."""
        for c in counts:
            self.n_docs += 1
            self.df.update(c.keys())

    def vector(self, counts: Counter) -> dict[str, float]:
        vec = {t: (1 + math.log(c)) * (math.log((self.n_docs + 1) / (self.df.get(t, 0) + 1)) + 1)
               for t, c in counts.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def add(self, doc_id: str, counts: Counter, when: datetime, title: str | None = None) -> tuple[str, float]:
        self._added += 1
        if self._added % EVICT_EVERY == 0:
            self._evict(when)
        vec = self.vector(counts)
        best, score = self._best(vec, when)
        if best is None or score < self.threshold:
            story = StoryState(id="st-" + doc_id[:16], centroid={}, n=0, first=when, last=when, title=title)
            score = 1.0
        else:
            story = self.stories[best]
        self._join(story, vec, when, doc_id)
        return story.id, score

    def join(self, story_id: str, doc_id: str, counts: Counter, when: datetime) -> None:
        """Place an article whose story is already known (a copy follows its original)."""
        story = self.stories.get(story_id)
        if story is not None:
            self._join(story, self.vector(counts), when, doc_id)

    def consolidate(self, threshold: float = MERGE_THRESHOLD) -> dict[str, str]:
        """Fold stories started in this batch into the closest live story; returns {old id: new id}.

        Smallest first, so fragments join the story that the bulk of the articles built.
        Stories from earlier batches are never dissolved, so stored ids stay stable.
        """
        moved: dict[str, str] = {}
        fresh = sorted((s for s in self.stories.values() if s.changed and s.id not in self._stored),
                       key=lambda s: (s.n, s.first))
        for story in fresh:
            norm = story.norm()
            vec = {t: v / norm for t, v in story.centroid.items()}
            best, score = self._best(vec, story.last, exclude=story.id)
            if best is None or score < threshold:
                continue
            target = self.stories[best]
            for t, v in story.centroid.items():
                target.centroid[t] = target.centroid.get(t, 0.0) + v
            target.n += story.n
            target.first, target.last = min(target.first, story.first), max(target.last, story.last)
            target.members.extend(story.members)
            target.changed = True
            self._index(target)
            del self.stories[story.id]
            moved[story.id] = target.id
        for old, new in list(moved.items()):
            while new in moved:
                new = moved[new]
            moved[old] = new
        return moved

    def _best(self, vec: dict[str, float], when: datetime,
              exclude: str | None = None) -> tuple[str | None, float]:
        query = sorted(vec, key=lambda t: -vec[t])[:QUERY_TERMS]
        seen: set[str] = {exclude} if exclude else set()
        best, best_score = None, 0.0
        for term in query:
            for sid in self._postings.get(term, ()):
                if sid in seen:
                    continue
                seen.add(sid)
                story = self.stories.get(sid)
                if story is None:
                    continue
                if not story.first - self.window <= when <= story.last + self.window:
                    continue
                dot = sum(w * story.centroid.get(t, 0.0) for t, w in vec.items())
                score = dot / self._norms[sid]
                if score > best_score:
                    best, best_score = sid, score
        return best, best_score

    def _join(self, story: StoryState, vec: dict[str, float], when: datetime, doc_id: str) -> None:
        for t, w in vec.items():
            story.centroid[t] = story.centroid.get(t, 0.0) + w
        if len(story.centroid) > 2 * CENTROID_TERMS:
            story.centroid = dict(sorted(story.centroid.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS])
        story.n += 1
        story.first, story.last = min(story.first, when), max(story.last, when)
        story.changed = True
        story.members.append(doc_id)
        self._index(story)

    def _evict(self, now: datetime) -> None:
        """Drop stories that can no longer take articles from the index, so lookups stay short."""
        horizon = now - 2 * self.window
        for term, posting in list(self._postings.items()):
            kept = [sid for sid in posting if sid in self.stories and self.stories[sid].last >= horizon]
            if kept:
                self._postings[term] = kept
            else:
                del self._postings[term]

    def _index(self, story: StoryState) -> None:
        known = story.id in self.stories
        self.stories[story.id] = story
        self._norms[story.id] = story.norm()
        for term in story.top_terms(QUERY_TERMS if known else CENTROID_TERMS // 4):
            posting = self._postings[term]
            if story.id not in posting[-50:]:
                posting.append(story.id)
                if len(posting) > POSTING_CAP:
                    del posting[: len(posting) - POSTING_CAP]
