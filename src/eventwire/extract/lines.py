"""Line-level boilerplate removal for crawl-text dumps (WET records, saved page text).

Such dumps keep every visible line of a page: menus, ad notices, log-in walls,
comment widgets around the article. With no markup left, each line is judged by
its own features (length, closing punctuation, share of function words in the
page's own language, a furniture lexicon), by cross-document evidence (lines
repeated on other pages of the site or crawl, see `repeats`), and by where it sits:

- the article body is the densest run of prose lines (a maximum-sum segment, as
  in Finn et al.'s Body Text Extraction), searched after the line that repeats
  the page title (the headline) and before the comments;
- the body is carried forward over list and table lines until a boundary
  (furniture, a repeated line, a menu run, a byline that opens another story);
- the title, subheading and byline are the few clean lines right above it;
- date stamps become metadata, and a paragraph printed twice is kept once.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.extract import meta

_WORD = re.compile(r"\w+", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"'”’)\]»」]*$|[.!?][\"'”’]+\s*\)?$")
_QUOTE_CHARS = "\"“”«»"

#: Scores of the body search: prose pulls a line range in, furniture pushes it out.
_FURNITURE_PENALTY = -12.0
#: Furniture that sits inside articles (ad slots, photo credits, gallery counters) only weakly splits a body.
_INLINE_FURNITURE = {"ad", "media"}
_INLINE_PENALTY = -3.0
_SHORT_PENALTY = -2.0
_MAX_HEADER_LINES = 5
#: How far above the body a dateline is still the article's.
_DATE_LOOKBACK = 15


@dataclass
class Line:
    index: int
    text: str
    words: int
    ends_sentence: bool
    stop_ratio: float
    furniture: str | None  # lexicon class, when the line is page furniture
    repeated: bool = False  # seen in other documents of the same site or crawl
    pos: int = -1  # position among the non-empty lines

    @property
    def prose(self) -> bool:
        """A full sentence of running text: long enough, closed, made of function words too."""
        if self.furniture or self.repeated:
            return False
        if self.words >= 25 and self.stop_ratio >= 0.2:
            return True
        return self.ends_sentence and self.words >= 8 and self.stop_ratio >= 0.12

    @property
    def sentence_like(self) -> bool:
        return not self.furniture and not self.repeated and self.ends_sentence and self.words >= 3


@dataclass
class CleanText:
    text: str
    title: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    kept: list[int] = field(default_factory=list)  # indices of kept input lines


@lru_cache(maxsize=32)
def _stop_words(lang: str = "en") -> frozenset[str]:
    """spaCy's stop-word list for `lang` (shipped with spaCy for ~70 languages); English when it has none."""
    import importlib

    try:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except ImportError:
        module = importlib.import_module("spacy.lang.en.stop_words")
    return frozenset(w.lower() for w in module.STOP_WORDS)


#: Languages written without spaces: a "word" is counted as two characters, and stop words are not measured.
_UNSPACED = {"zh", "ja", "th", "lo", "km", "my"}
_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def page_language(lines: list[str]) -> str:
    """Language of a dump, judged on its longer lines (menus are too short to tell and often English)."""
    from eventwire.extract.lang import detect_language

    sample = [ln for ln in lines if len(ln) >= 60] or lines
    return detect_language("\n".join(sample)[:5000]) or "en"


@lru_cache(maxsize=1)
def furniture_patterns() -> list[tuple[re.Pattern, str, int]]:
    rows = []
    text = resources.files("eventwire.extract").joinpath("data/boilerplate.tsv").read_text("utf-8")
    for row in csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t"):
        rows.append((re.compile(row[0], re.IGNORECASE), row[1], int(row[2])))
    return rows


def furniture_class(text: str, words: int) -> str | None:
    for pattern, cls, max_words in furniture_patterns():
        if words <= max_words and pattern.search(text):
            return cls
    return None


def analyse(index: int, text: str, repeated: Container[str] = frozenset(), lang: str = "en") -> Line:
    words = _WORD.findall(text.lower())
    n = len(words)
    if lang in _UNSPACED:
        n = max(n, len(_CJK_CHARS.findall(text)) // 2)
        stop_ratio = 0.3
    else:
        stops = _stop_words(lang)
        stop_ratio = (sum(w in stops for w in words) / len(words)) if words else 0.0
    return Line(
        index=index,
        text=text,
        words=n,
        ends_sentence=bool(_ENDS_SENTENCE.search(text)),
        stop_ratio=stop_ratio,
        furniture=furniture_class(text, n) if n <= 25 or text.startswith("http") else None,
        repeated=normalise(text) in repeated,
    )


#: Full sentences at least this long count as paragraphs when judging whether a page is a copy.
_PARAGRAPH_WORDS = 20
#: Above this share of repeated paragraphs, a page is a copy of another one, not a template.
_COPY_SHARE = 0.7


def _keep_copied_paragraphs(lines: list[Line]) -> None:
    """A syndicated or re-posted article repeats most of its paragraphs elsewhere in the crawl;
    template blurbs are a small share of a page. On a copy, repeated paragraphs stay article text
    (copies are stored and marked later, never silently emptied)."""
    paragraphs = [ln for ln in lines if ln.words >= _PARAGRAPH_WORDS and ln.ends_sentence]
    repeated = [ln for ln in paragraphs if ln.repeated]
    if paragraphs and len(repeated) > _COPY_SHARE * len(paragraphs):
        for ln in repeated:
            ln.repeated = False


def normalise(line: str) -> str:
    """Key for cross-document line repetition: lowercase words only."""
    return " ".join(_WORD.findall(line.lower()))


def clean_lines(raw: str, repeated: Container[str] = frozenset()) -> CleanText:
    """Keep the article's lines (title returned apart), drop page furniture."""
    numbered = [(i, t.strip()) for i, t in enumerate(unwrap(raw).split("\n")) if t.strip()]
    lang = page_language([t for _, t in numbered])
    lines = [analyse(i, t, repeated, lang) for i, t in numbered]
    for pos, ln in enumerate(lines):
        ln.pos = pos
    if repeated:
        _keep_copied_paragraphs(lines)
    if not lines:
        return CleanText("")
    start, end = _locate_body(lines)
    end = _extend_forward(lines, end)
    header = _header(lines, start)
    trailer = _trailer(lines, end)
    body = [ln for ln in lines[start:end + 1] if _keep_in_body(ln, lines)]
    title_pos = _title_position(header, set(_headline_positions(lines)))
    title_line = header[title_pos] if title_pos is not None else None
    # Lines above the headline are section kickers ("World", "Liga Continental"), not article text.
    kept = (header[title_pos + 1:] if title_line else _orphan_header(header)) + body + trailer
    # Date and time stamps are metadata (they fill `date` below), not article text.
    dated = [ln for ln in kept if meta.is_date_only(ln.text)]
    kept = _drop_duplicates([ln for ln in kept if not meta.is_date_only(ln.text)])

    result = CleanText(
        text="\n\n".join(ln.text for ln in kept),
        title=title_line.text if title_line else _page_title(lines),
        kept=[ln.index for ln in kept],
    )
    # Datelines sit near the top of the article, sometimes above the header that the walk up stops at.
    above = [ln for ln in reversed(lines[max(0, start - _DATE_LOOKBACK):start]) if not ln.furniture]
    _fill_byline(result, header + dated + body[:3] + above + body[-2:] + trailer)
    return result


#: Headline repetitions tried as body anchors.
_MAX_HEADLINE_ANCHORS = 8
#: A body found in a restricted region must score at least this much (about 40 words of prose) to be trusted.
_MIN_REGION_SCORE = 10.0


def _locate_body(lines: list[Line]) -> tuple[int, int]:
    """The body span, searched first where an article must be, then on the whole page.

    Two site-independent anchors narrow the search: the article follows a line that repeats the page's
    title (the headline; a dump's first line is the page <title>; galleries and "most read" boxes may
    repeat it, so each repetition opens a candidate region), and it comes before the comments (readers'
    comments are often longer than the article, so a page-wide search would pick them).
    """
    best_score, best = float("-inf"), None
    # A page repeats its headline a few times at most; capping the anchors keeps the search linear
    # on pathological inputs (a file of one line repeated 40,000 times).
    for anchor in _headline_positions(lines)[:_MAX_HEADLINE_ANCHORS] or [-1]:
        lo = anchor + 1
        hi = next((i for i in range(lo, len(lines)) if lines[i].furniture == "comments"), len(lines))
        if hi - lo < 1:
            continue
        score, span = _best_segment(lines, lo, hi)
        if score > best_score:
            best_score, best = score, span
    if best is not None and best_score >= _MIN_REGION_SCORE:
        return best
    return _best_segment(lines, 0, len(lines))[1]


def _headline_positions(lines: list[Line]) -> list[int]:
    """Lines after the first that repeat the page title (whole, or without its " - Site" suffix)."""
    if len(lines) < 3:
        return []
    first = normalise(lines[0].text)
    core = normalise(meta.split_title_suffix(lines[0].text)[0])
    found = []
    for ln in lines[1:]:
        key = normalise(ln.text)
        if len(key.split()) >= 3 and (key == first or key == core):
            found.append(ln.pos)
    return found


def _best_segment(lines: list[Line], lo: int, hi: int) -> tuple[float, tuple[int, int]]:
    """Maximum-sum run of lines, scoring prose by its length and furniture as a strong penalty."""
    best, best_span = float("-inf"), (lo, hi - 1)
    running, run_start = 0.0, lo
    for i in range(lo, hi):
        ln = lines[i]
        if ln.prose:
            score = min(ln.words, 80) / 4.0
        elif _inline(ln):
            score = _INLINE_PENALTY
        elif ln.furniture or ln.repeated:
            score = _FURNITURE_PENALTY
        elif ln.sentence_like:
            score = 0.5
        else:
            score = _SHORT_PENALTY
        if running <= 0:
            running, run_start = score, i
        else:
            running += score
        if running > best:
            best, best_span = running, (run_start, i)
    return best, best_span


def _inline(ln: Line) -> bool:
    """Furniture that interrupts an article rather than ending it: ad slots, photo credits, gallery counters.

    Repeated lines are never inline: a sentence that recurs across a site's pages is its "About us"
    paragraph or a promo, and it ends the body (trailing press-release boilerplate is the common case).
    """
    return bool(ln.furniture) and ln.furniture in _INLINE_FURNITURE and not ln.repeated


def _boundary(ln: Line, lines: list[Line]) -> bool:
    """Where an article stops: page furniture, a line seen on other pages, or a menu run."""
    return bool(ln.furniture or ln.repeated or _in_menu_run(ln, lines))


def _extend_forward(lines: list[Line], end: int) -> int:
    """Carry the body past its last full sentence over list items and tables (tour dates, results, specs).

    The max-sum search stops at the last prose line, but an article often ends in lines that are not
    sentences; they belong to it as long as no boundary line comes between.
    """
    i = end + 1
    while i < len(lines) and not _extension_boundary(lines[i], lines):
        i += 1
    return i - 1


def _extension_boundary(ln: Line, lines: list[Line]) -> bool:
    """Furniture, repeated lines and menu runs end an article; so does a byline (it opens a teaser card)."""
    return _boundary(ln, lines) or meta.parse_byline(ln.text) is not None


def _keep_in_body(ln: Line, lines: list[Line]) -> bool:
    if ln.furniture or ln.repeated:
        return False
    if ln.prose or ln.sentence_like:
        return True
    # Short lines inside the article: subheadings and captions stay, menu runs go.
    return not _in_menu_run(ln, lines)


def _in_menu_run(ln: Line, lines: list[Line]) -> bool:
    """Three or more consecutive short unpunctuated lines are a menu, not subheadings."""
    pos = ln.pos

    def short(i: int) -> bool:
        return 0 <= i < len(lines) and lines[i].words <= 4 and not lines[i].ends_sentence

    if not short(pos):
        return False
    run = 1
    i = pos - 1
    while short(i):
        run, i = run + 1, i - 1
    i = pos + 1
    while short(i):
        run, i = run + 1, i + 1
    return run >= 3


def _header(lines: list[Line], start: int) -> list[Line]:
    """Clean lines directly above the body: title, subheading, byline, caption (top to bottom)."""
    header: list[Line] = []
    i = start - 1
    while i >= 0 and len(header) < _MAX_HEADER_LINES:
        ln = lines[i]
        if ln.furniture or ln.repeated or _in_menu_run(ln, lines) or ln.words == 0:
            break
        header.insert(0, ln)
        i -= 1
    # A title repeated in the header (page title + headline) is kept once.
    seen: set[str] = set()
    unique = []
    for ln in header:
        key = normalise(ln.text)
        if key not in seen:
            seen.add(key)
            unique.append(ln)
    return unique


def _page_title(lines: list[Line]) -> str | None:
    """A dump's first line is usually the page <title>: "Headline - Site" gives the headline."""
    first = lines[0]
    if first.furniture or first.repeated or not _title_like(first) or first.words < 4:
        return None
    return meta.split_title_suffix(first.text)[0]


def _title_position(header: list[Line], headlines: set[int]) -> int | None:
    """The header line that repeats the page title, else the dump's first line when it heads the article
    (however short: 29 of the BBC corpus's 2,225 headlines, "Labour chooses Manchester", "Profile: David
    Blunkett", fell under the four-word floor and those articles showed their hash id), else the first
    title-like line of four words or more (the floor keeps menu lines out)."""
    anchored = [i for i, ln in enumerate(header) if ln.pos in headlines]
    if anchored:
        return anchored[-1]
    if header and header[0].pos == 0 and _title_like(header[0]):  # header lines are never furniture
        return 0
    return next((i for i, ln in enumerate(header) if _title_like(ln) and ln.words >= 4), None)


def _drop_duplicates(kept: list[Line], min_words: int = 5) -> list[Line]:
    """A paragraph printed twice (AMP copies, "recirculation" teasers quoting the lede) is kept once."""
    seen: set[str] = set()
    out = []
    for ln in kept:
        key = normalise(ln.text)
        if ln.words >= min_words and key in seen:
            continue
        seen.add(key)
        out.append(ln)
    return out


def _orphan_header(header: list[Line]) -> list[Line]:
    """Without a headline above them, short header lines are more likely teaser headlines than a standfirst."""
    return [ln for ln in header if ln.sentence_like or meta.parse_byline(ln.text)]



def _trailer(lines: list[Line], end: int) -> list[Line]:
    """Closing sentences after the body ("X contributed to this article.") until the first furniture."""
    out = []
    for ln in lines[end + 1:]:
        if not ln.sentence_like or ln.words > 40:
            break
        out.append(ln)
    return out


def _title_like(ln: Line) -> bool:
    return 2 <= ln.words <= 30 and not ln.text.endswith((".", ":")) and not meta.is_dateline(ln.text) \
        and not meta.parse_byline(ln.text)


def _fill_byline(result: CleanText, candidates: list[Line]) -> None:
    for ln in candidates:
        byline = meta.parse_byline(ln.text)
        if byline:
            result.authors = result.authors or byline.authors
            result.site = result.site or byline.site
            result.date = result.date or byline.date
        elif result.date is None and (meta.is_dateline(ln.text) or meta.is_date_only(ln.text)):
            result.date = meta.find_date(ln.text)
        for name in meta.contributors(ln.text):
            if name not in result.authors:
                result.authors.append(name)


# -- hard-wrapped text ------------------------------------------------------------

def unwrap(raw: str) -> str:
    """Join hard-wrapped paragraphs (newswire, e-mail) so that one line is one block again.

    A text counts as wrapped when most of its lines are of similar width and end
    mid-sentence; a page dump (one block per line) is returned unchanged.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.rstrip() for ln in raw.split("\n")]
    body = [ln for ln in lines if ln.strip()]
    if len(body) < 6:
        return raw
    long_open = sum(1 for ln in body if 45 <= len(ln) <= 100 and not _ENDS_SENTENCE.search(ln))
    widths = sorted(len(ln) for ln in body)
    if long_open / len(body) < 0.4 or widths[int(len(widths) * 0.9)] > 110:
        return raw
    paragraphs, current = [], []
    for ln in lines:
        if not ln.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and (ln.startswith(("  ", "\t")) or len(current[-1]) < 40):
            paragraphs.append(" ".join(current))
            current = []
        current.append(ln.strip())
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs)

