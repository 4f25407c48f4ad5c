"""Article-extraction accuracy and speed on ../shared/eval/extraction, against other extractors in the same run.

Scoring follows the issue (and the article-extraction benchmark it comes from): the lowercased
text is cut into `\\w+` tokens, then into word 4-gram shingles (a multiset); precision, recall and
F1 are computed per page and averaged over pages. Speed is pages per CPU-second of this process
(pages/sec/core); the NLP comparison parses the same extracted texts with the spaCy pipeline.

Metadata labels: the ground truth holds only `articleBody` and `url`. What can be checked against
an independent label is measured (the publication date when the URL carries one, the title
against the URL's slug words); the rest is reported as coverage (how often a field is found).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

_TOKEN = re.compile(r"\w+", re.UNICODE)
_SHINGLE = 4


# -- scoring ----------------------------------------------------------------------

def shingles(text: str, n: int = _SHINGLE) -> Counter:
    tokens = _TOKEN.findall((text or "").lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall, F1 of one page; two empty texts agree perfectly."""
    pred, true = shingles(predicted), shingles(gold)
    if not pred and not true:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & true).values())
    p = overlap / sum(pred.values()) if pred else 0.0
    r = overlap / sum(true.values()) if true else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# -- data -------------------------------------------------------------------------

def load_pages(data: Path, limit: int = 0, ids: list[str] | None = None) -> list[dict]:
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    chosen = ids if ids is not None else sorted(truth)
    if limit:
        chosen = chosen[:limit]
    pages = []
    for page_id in chosen:
        html_path, wet_path = data / "html" / f"{page_id}.html.gz", data / "wet" / f"{page_id}.txt"
        pages.append({
            "id": page_id,
            "url": truth[page_id].get("url"),
            "gold": truth[page_id].get("articleBody") or "",
            "html": _read_html(html_path) if html_path.exists() else None,
            "wet": wet_path.read_text("utf-8", errors="replace") if wet_path.exists() else None,
        })
    return pages


def _read_html(path: Path) -> str:
    from eventwire.ingest.decode import decode, declared_charset

    raw = gzip.decompress(path.read_bytes())
    return decode(raw, declared=declared_charset(raw))


# -- systems ----------------------------------------------------------------------

def _eventwire_html(page: dict) -> str:
    from eventwire.extract.html import extract_html

    return extract_html(page["html"], url=page["url"]).text


def _trafilatura(page: dict) -> str:
    import trafilatura

    return trafilatura.extract(page["html"], url=page["url"]) or ""


def _trafilatura_no_comments(page: dict) -> str:
    import trafilatura

    return trafilatura.extract(page["html"], url=page["url"], include_comments=False) or ""


def _readability(page: dict) -> str:
    from readability import Document

    from eventwire.extract.html import html_to_text

    try:
        return html_to_text(Document(page["html"]).summary(html_partial=True))
    except Exception:  # readability raises bare Exceptions on odd pages; a failed page scores 0
        return ""


def _keep_all(page: dict) -> str:
    return page["wet"]


_C4_BAD = re.compile(r"javascript|lorem ipsum|cookie|terms of use|privacy policy|\{", re.I)
_C4_END = re.compile(r"[.!?][\"'”’]?$")


def c4_line_filter(text: str) -> str:
    """C4's line rules (Raffel et al. 2020): keep lines of 5+ words ending in terminal punctuation."""
    keep = []
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) >= 5 and _C4_END.search(line) and not _C4_BAD.search(line):
            keep.append(line)
    return "\n".join(keep)


def _c4(page: dict) -> str:
    return c4_line_filter(page["wet"])


def _eventwire_wet(page: dict) -> str:
    from eventwire.extract.lines import clean_lines

    return clean_lines(page["wet"]).text


def _eventwire_wet_repeated(page: dict) -> str:
    from eventwire.extract.lines import clean_lines

    return clean_lines(page["wet"], page["repeated"]).text


def _eventwire_wet_one_pass(page: dict) -> str:
    """Evidence from the pages read before this one only, as a streaming run would have it."""
    from eventwire.extract.lines import clean_lines

    return clean_lines(page["wet"], page["counter"].observe(page["wet"], page["url"])).text


SYSTEMS: list[tuple[str, str, Callable[[dict], str]]] = [
    ("eventwire", "html", _eventwire_html),
    ("trafilatura (defaults)", "html", _trafilatura),
    ("trafilatura (no comments)", "html", _trafilatura_no_comments),
    ("readability-lxml", "html", _readability),
    ("eventwire", "wet", _eventwire_wet),
    ("eventwire + repeats", "wet", _eventwire_wet_repeated),
    ("eventwire + repeats, 1 pass", "wet", _eventwire_wet_one_pass),
    ("C4 line filter", "wet", _c4),
    ("keep every line", "wet", _keep_all),
]


def _available(name: str) -> bool:
    if name == "readability-lxml":
        try:
            import readability  # noqa: F401
        except ImportError:
            return False
    return True


def run_system(fn: Callable[[dict], str], pages: list[dict]) -> tuple[list[str], float]:
    """Outputs and CPU seconds (process time: the cost on one core, whatever else runs).

    One page is run first, untimed, so that imports and model loads are not billed to the first system.
    """
    if pages:
        from eventwire.extract.repeats import LineCounter

        fn({**pages[0], "counter": LineCounter()})  # a throw-away counter: the warm-up must not count
    outputs = []
    started = time.process_time()
    for page in pages:
        outputs.append(fn(page) or "")
    return outputs, time.process_time() - started


def score_row(name: str, kind: str, outputs: list[str], cpu: float, pages: list[dict]) -> dict:
    per_page = [prf(out, page["gold"]) for out, page in zip(outputs, pages)]
    n = len(per_page) or 1
    return {
        "system": name,
        "input": kind,
        "pages": len(per_page),
        "precision": sum(p for p, _, _ in per_page) / n,
        "recall": sum(r for _, r, _ in per_page) / n,
        "f1": sum(f for _, _, f in per_page) / n,
        "pages_per_sec_core": len(per_page) / cpu if cpu > 0 else None,
        "cpu_ms_per_page": 1000 * cpu / n,
        "per_page_f1": {page["id"]: round(f, 4) for page, (_, _, f) in zip(pages, per_page)},
    }


# -- metadata -----------------------------------------------------------------------

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)")


def url_date(url: str | None) -> str | None:
    m = _URL_DATE.search(urlsplit(url or "").path)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


_SLUG_STOP = {"html", "htm", "php", "aspx", "amp", "index", "story", "article", "news"}


def url_slug_words(url: str | None) -> list[str]:
    """Words of the URL's last meaningful path segment ("new-york-state-attorney-general-...")."""
    parts = [p for p in urlsplit(url or "").path.split("/") if p]
    for part in reversed(parts):
        words = [w for w in re.split(r"[-_]+", re.sub(r"\.\w+$", "", part.lower()))
                 if w.isalpha() and w not in _SLUG_STOP]
        if len(words) >= 3:
            return words
    return []


def title_matches_slug(title: str | None, slug: list[str]) -> bool:
    """Most slug words (>= 70%) appear in the title: the slug is made from the headline."""
    if not title or not slug:
        return False
    words = set(_TOKEN.findall(title.lower()))
    return sum(w in words for w in slug) / len(slug) >= 0.7


def metadata_scores(pages: list[dict], html_articles: list, wet_articles: list) -> dict:
    dated = [(p, h, w) for p, h, w in zip(pages, html_articles, wet_articles) if url_date(p["url"])]
    slugged = [(p, h, w, url_slug_words(p["url"])) for p, h, w in zip(pages, html_articles, wet_articles)]
    slugged = [row for row in slugged if row[3]]
    n = len(pages) or 1

    def share(hits: int, total: int) -> float | None:
        return hits / total if total else None

    return {
        "date_vs_url": {
            "labelled_pages": len(dated),
            "html_accuracy": share(sum(h.date == url_date(p["url"]) for p, h, _ in dated), len(dated)),
            "wet_accuracy": share(sum(w.date == url_date(p["url"]) for p, _, w in dated), len(dated)),
            "wet_found": share(sum(w.date is not None for _, _, w in dated), len(dated)),
        },
        "title_vs_url_slug": {
            "labelled_pages": len(slugged),
            "html_accuracy": share(sum(title_matches_slug(h.title, s) for _, h, _, s in slugged), len(slugged)),
            "wet_accuracy": share(sum(title_matches_slug(w.title, s) for _, _, w, s in slugged), len(slugged)),
        },
        "coverage_html": {
            "title": sum(bool(a.title) for a in html_articles) / n,
            "date": sum(bool(a.date) for a in html_articles) / n,
            "authors": sum(bool(a.authors) for a in html_articles) / n,
            "site": sum(bool(a.site) for a in html_articles) / n,
        },
        "coverage_wet": {
            "title": sum(bool(a.title) for a in wet_articles) / n,
            "date": sum(bool(a.date) for a in wet_articles) / n,
            "authors": sum(bool(a.authors) for a in wet_articles) / n,
        },
        "language_en_share_html": sum(a.language == "en" for a in html_articles) / n,
    }


def _articles(pages: list[dict]) -> tuple[list, list]:
    from eventwire.errors import RejectedInput
    from eventwire.extract.article import Article, extract
    from eventwire.ingest.readers import RawItem

    html_out, wet_out = [], []
    for page in pages:
        for kind, key, out in (("html", "html", html_out), ("text", "wet", wet_out)):
            try:
                item = RawItem(page["id"], 0, key, kind, page[key], page["id"], len(page[key]),
                               url=page["url"] if kind == "html" else None)
                out.append(extract(item, repeated=page.get("repeated", frozenset())))
            except RejectedInput:
                out.append(Article(text=""))
    return html_out, wet_out


# -- NLP cost ---------------------------------------------------------------------

def nlp_cost(pages: list[dict], texts: list[str], chunk: int = 8, wet_first_pass_ms: float = 0.0) -> dict:
    """CPU time of the spaCy pipeline on the extracted texts, the yardstick for extraction cost, with
    eventwire's HTML and text-dump extraction timed on the same pages in alternation, chunk by chunk:
    a shared machine's load then weighs on both sides of the ratio alike."""
    from eventwire.nlp.spacy_nlp import NLP

    nlp = NLP()
    nlp.parse(["warm up."])
    cpu = {"nlp": 0.0, "html": 0.0, "wet": 0.0}
    counts = {"nlp": 0, "html": 0, "wet": 0}
    for start in range(0, len(pages), chunk):
        part = pages[start:start + chunk]
        for kind, fn in (("html", _eventwire_html), ("wet", _eventwire_wet_repeated)):
            usable = [p for p in part if p[kind] is not None]
            began = time.process_time()
            for page in usable:
                fn(page)
            cpu[kind] += time.process_time() - began
            counts[kind] += len(usable)
        batch = [t for t in texts[start:start + chunk] if t]
        began = time.process_time()
        nlp.parse(batch)
        cpu["nlp"] += time.process_time() - began
        counts["nlp"] += len(batch)
    per = {k: 1000 * cpu[k] / (counts[k] or 1) for k in cpu}
    per["wet"] += wet_first_pass_ms  # counting repeated lines over the crawl, as `run` does first
    return {"model": nlp.name, "articles": counts["nlp"], "cpu_ms_per_article": per["nlp"],
            "extraction_share": per["html"] / per["nlp"], "wet_extraction_share": per["wet"] / per["nlp"],
            "html_ms_per_page": per["html"], "wet_ms_per_page": per["wet"]}


# -- entry points -----------------------------------------------------------------

def evaluate(data: Path, limit: int = 0, nlp: bool = True, systems: list[str] | None = None,
             ids: list[str] | None = None) -> dict:
    from eventwire.extract.repeats import LineCounter, site_of

    pages = load_pages(Path(data), limit, ids)
    # Cross-document evidence is gathered the way `eventwire run` would: a first pass over the crawl's dumps.
    counter = LineCounter()
    started = time.process_time()
    for page in pages:
        if page["wet"]:
            counter.add(page["wet"], site_of(page["url"]))
    counting_cpu = time.process_time() - started  # billed to the row that uses the first pass
    for page in pages:
        page["repeated"] = counter.view(site_of(page["url"]))
    rows = []
    for name, kind, fn in SYSTEMS:
        label = f"{name} ({kind})"
        if (systems and label not in systems) or not _available(name):
            continue
        usable = [p for p in pages if p[kind] is not None]
        one_pass = LineCounter()
        for page in usable:
            page["counter"] = one_pass
        outputs, cpu = run_system(fn, usable)
        if fn is _eventwire_wet_repeated:
            cpu += counting_cpu
        row = score_row(name, kind, outputs, cpu, usable)
        if name == "eventwire" and kind == "html":
            row["_texts"] = outputs
        rows.append(row)
    result: dict = {"data": str(data), "pages": len(pages), "rows": rows}
    ew_html = next((r for r in rows if r["system"] == "eventwire" and r["input"] == "html"), None)
    if ew_html:
        texts = ew_html.pop("_texts")
        if nlp:
            with_wet = sum(1 for p in pages if p["wet"]) or 1
            result["nlp"] = nlp_cost([p for p in pages if p["html"] is not None], texts,
                                     wet_first_pass_ms=1000 * counting_cpu / with_wet)
    if systems is None:
        result["metadata"] = metadata_scores(pages, *_articles(pages))
    return result


def render(result: dict):
    from rich.console import Group
    from rich.table import Table

    table = Table(title=f"Article extraction, {result['pages']} pages (4-gram shingles, mean per page)")
    for col in ("input", "system", "precision", "recall", "F1", "pages/s/core", "ms/page"):
        table.add_column(col, justify="left" if col in ("input", "system") else "right")
    for row in result["rows"]:
        speed = row["pages_per_sec_core"]
        table.add_row(row["input"], row["system"], f"{row['precision']:.3f}", f"{row['recall']:.3f}",
                      f"{row['f1']:.3f}", (">10000" if speed > 10000 else f"{speed:.1f}") if speed else "-",
                      f"{row['cpu_ms_per_page']:.1f}")
    parts = [table]
    if "nlp" in result:
        cost = result["nlp"]
        parts.append(f"NLP (spaCy {cost['model']}, same texts, timed in alternation with extraction): "
                     f"{cost['cpu_ms_per_article']:.0f} ms/article; eventwire extraction costs "
                     f"{cost['extraction_share']:.1%} of that on HTML ({cost['html_ms_per_page']:.1f} ms), "
                     f"{cost['wet_extraction_share']:.1%} on text dumps ({cost['wet_ms_per_page']:.1f} ms).")
    if "metadata" in result:
        meta = result["metadata"]
        d, t = meta["date_vs_url"], meta["title_vs_url_slug"]
        parts.append(
            f"Date vs URL date ({d['labelled_pages']} pages): HTML {_pct(d['html_accuracy'])}, "
            f"text dump {_pct(d['wet_accuracy'])} (found on {_pct(d['wet_found'])}).\n"
            f"Title vs URL slug ({t['labelled_pages']} pages): HTML {_pct(t['html_accuracy'])}, "
            f"text dump {_pct(t['wet_accuracy'])}.\n"
            "Coverage HTML: " + ", ".join(f"{k} {_pct(v)}" for k, v in meta["coverage_html"].items())
            + "; text dump: " + ", ".join(f"{k} {_pct(v)}" for k, v in meta["coverage_wet"].items())
            + f"; English: {_pct(meta['language_en_share_html'])}")
    return Group(*parts)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"
