"""What the event model sees in a sentence: lower-cased words and word pairs, crude stems, and the
CAMEO.2.0 dictionary's verdict on each verb form (with its object pattern and a negation or modal cue
before it); what the article is about (`doc_context`); the parse's predicates (`parse_features`: verb,
verb + object, the kind of subject, negation); optionally the rule coder's own types.

The word features are case-blind by construction, so lower-case and all-caps text look the same as edited
text, and they need no parse, so the model still works where the parse fails.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from eventwire.events import lexicon as lx
from eventwire.events.cameo2 import verbs

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_NEGATION = frozenset("not no never n't without nor neither denied deny denies refused".split())
_MODAL = frozenset("may might could would should if will shall plans plan threatened threatens threaten "
                   "to".split())
_WINDOW = 6  # how far after a verb its object word may stand ("sent 500 troops to the border")


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    out = []
    for tok in _TOKEN.findall(text):
        if tok.endswith("n't"):
            out += [tok[:-3], "n't"]
        else:
            out.append("#" if tok.isdigit() else tok)
    return out


def stem(tok: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if tok.endswith(suffix) and len(tok) - len(suffix) >= 3:
            return tok[: -len(suffix)]
    return tok


#: (feature, word class, share of the document's sentences with a word of it): what the article is about.
TOPICS = (("doc:sport", "sport", 0.2), ("doc:market", "market", 0.3))


def doc_context(sentences: Iterable[str]) -> list[str]:
    """Features of the whole article: a sport or markets report talks in war words that are not events."""
    sents = [set(tokens(s)) for s in sentences]
    if not sents:
        return []
    out = []
    for name, cls, share in TOPICS:
        words = lx.word_class(cls)
        hits = sum(1 for toks in sents if any(t in words or stem(t) in words for t in toks))
        if hits / len(sents) >= share:
            out.append(name)
    return out


def parse_features(span) -> list[str]:
    """Predicates of a parsed sentence (a spaCy Span or Doc): who did what to what, as lemmas."""
    out = []
    for tok in span:
        if tok.pos_ == "VERB":
            lemma = tok.lemma_.lower()
            out.append("v:" + lemma)
            for kid in tok.children:
                if kid.dep_ in ("dobj", "nsubjpass"):
                    out.append(f"vo:{lemma}_{kid.lemma_.lower()}")
                elif kid.dep_ == "nsubj":
                    out.append(f"vs:{kid.ent_type_ or kid.pos_}_{lemma}")
                elif kid.dep_ == "neg":
                    out.append("vneg:" + lemma)
                elif kid.dep_ == "prep":
                    out.append(f"vp:{lemma}_{kid.lower_}")
        if tok.ent_type_ and tok.ent_iob_ == "B":
            out.append("ent:" + tok.ent_type_)
    return out


def features(text: str, rule_types: Iterable[str] = (), context: Iterable[str] = (),
             parsed: Iterable[str] = ()) -> list[str]:
    toks = tokens(text)
    default, patterns = verbs()
    out = [f"w:{t}" for t in toks]
    out += [f"s:{stem(t)}" for t in toks]
    out += [f"b:{a}_{b}" for a, b in zip(toks, toks[1:])]
    for i, tok in enumerate(toks):
        found = []
        if tok in default:
            found.append("cv:" + default[tok])
        objects = patterns.get(tok)
        if objects:
            for later in toks[i + 1:i + 1 + _WINDOW]:
                hit = objects.get(later) or objects.get(stem(later))
                if hit:
                    found.append("cp:" + hit)
                    break
        if not found:
            continue
        before = toks[max(0, i - 3):i]
        cue = "|neg" if any(t in _NEGATION for t in before) else "|mod" if any(t in _MODAL for t in before) else ""
        out += found + [f + cue for f in found if cue]
    out += list(parsed)
    out += [f"r:{t}" for t in rule_types]
    out.append("r:none" if not rule_types else "r:any")
    for topic in context:  # 'attacked' in a match report: the pair, not either word, says metaphor
        out += [topic] + [f"{topic}&{f}" for f in out if f.startswith(("cv:", "r:"))]
    return out
