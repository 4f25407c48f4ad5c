"""Document tone and themes.

Tone is VADER's compound polarity (Hutto & Gilbert 2014, vaderSentiment: a documented, maintained
lexicon and rule set built for short news and social text), averaged over the sentences, -1..1.
Themes are PLOVER's general contexts, assigned from cue words in data/themes.tsv.
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.knowledge import lexicon as lx

#: A context needs this many cue-word hits to count as a theme of the document.
MIN_THEME_HITS = 2


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def document_tone(doc) -> float | None:
    sentences = [s.text for s in doc.sents if s.text.strip()]
    if not sentences:
        return None
    scores = [_analyzer().polarity_scores(s)["compound"] for s in sentences]
    return round(sum(scores) / len(scores), 4)


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for context, cues in lx.read_tsv("themes.tsv"):
        for cue in cues.split():
            out.setdefault(cue, []).append(context)
    return out


def document_themes(doc) -> list[str]:
    """PLOVER contexts with at least MIN_THEME_HITS cue words, most frequent first."""
    hits: dict[str, int] = {}
    cues = _cues()
    for tok in doc:
        for context in cues.get(tok.lemma_.lower(), ()) or cues.get(tok.lower_, ()):
            hits[context] = hits.get(context, 0) + 1
    return [c for c, n in sorted(hits.items(), key=lambda kv: -kv[1]) if n >= MIN_THEME_HITS]
