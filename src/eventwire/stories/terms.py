"""Words of a headline or lead as clustering terms: folded, plural and possessive off, stop words out.

Why hyphenated compounds stay whole ('comcast-time', 'non-profit'): splitting them was measured on
the UCI sample (`eventwire eval stories`) and came out even: better on both real-time halves
(0.917 -> 0.921, 0.916 -> 0.922), jittered half 0 (0.885 -> 0.891, five jitter seeds) and the four
time-ordered batches (0.889 -> 0.897), worse on the whole file with jittered times (0.866 -> 0.859)
and without times (0.795 -> 0.791, half 0 0.840 -> 0.832), the whole file with real times flat
(0.899 -> 0.898). The split parts are often common words ('time', 'market') that bridge stories.
Splitting only between capitalised parts ('Fannie-Freddie') was as mixed. Neither is a general gain.

Why no heavier stemming: stripping '-ed' and '-ing' as well ('recalled', 'recalling'), or cutting
words to their first 6-8 letters, was measured and did not help; a verb's tense rarely decides
the story, and the crude cuts merge unrelated words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from spacy.lang.en.stop_words import STOP_WORDS

TITLE_WEIGHT = 3  # the headline says what the story is about; the body drifts
NAME_WEIGHT = 2  # shared actors and places are the strongest evidence of one happening
LEAD_WORDS = 80
#: Words of an undated article's lead embedded with its headline: one headline says little of a topic.
UNDATED_EMBED_WORDS = 150

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
_STOP = {w.lower() for w in STOP_WORDS} | {"said", "says", "new", "year", "years", "mr", "ms", "s"}


def fold(text: str) -> str:
    """Lower case without accents: 'Calderón' and 'Calderon' are one name."""
    if text.isascii():  # NFKD leaves ASCII as it is, and most news text is ASCII
        return text.lower()
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


@lru_cache(maxsize=262144)
def term(raw: str) -> str | None:
    """The term of one folded word, or None for stop words, single letters and runs that start with a digit.

    Why whole runs for digits: '1st', '3.5Mil' and '$2M' would leave 'st', 'mil' behind, rare and
    so heavily weighted fragments that match nothing; 'MH370', 'Q4' and 'G7' stay whole.
    Cached: a corpus repeats the same words, and this is the per-article cost of the corpus step.
    """
    if raw[0].isdigit():
        return None
    word = stem(raw)
    return word if len(word) > 1 and word not in _STOP else None


def tokens(text: str | None) -> list[str]:
    """Terms of a text, in order (see `term`)."""
    if not text:
        return []
    return [t for t in map(term, _WORD.findall(fold(text))) if t is not None]


def name_key(name: str) -> str:
    """'U.S.' -> 'us', 'Felipe Calderón' -> 'felipe_calderon'."""
    return "_".join(re.findall(r"\w+", fold(name).replace(".", "")))


def term_counts(title: str | None, text: str | None, names: Iterable[str] = (), lead: int = LEAD_WORDS) -> Counter:
    """Weighted bag of words of an article: headline, the first `lead` words and named actors and places."""
    counts: Counter = Counter()
    for word in tokens(title):
        counts[word] += TITLE_WEIGHT
    if text and text != title:
        for word in tokens(" ".join(text.split()[:lead])):
            counts[word] += 1
    for key in names:  # normalised keys (see `name_key`)
        counts["@" + key] += NAME_WEIGHT
    return counts


def embed_text(title: str | None, text: str | None, words: int = UNDATED_EMBED_WORDS) -> str:
    """An undated article's headline and the first `words` words of its body, as one text to embed."""
    lead = " ".join((text or "").split()[:words])
    return f"{title}. {lead}" if title and not lead.startswith(title) else lead or (title or "")


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


def by_weight(item: tuple[str, float]) -> tuple[float, str]:
    """Heaviest terms first, ties by the term itself: the terms kept do not depend on the order names were
    met in (a set's order changes from run to run), so two runs over the same input store the same stories."""
    return -item[1], item[0]
