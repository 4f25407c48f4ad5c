"""Our trafilatura settings: balanced extraction without its recall re-run (see extract.html)."""

import trafilatura
import trafilatura.core

from eventwire.extract import html

_PARAGRAPH = ("The harbour authority said on Tuesday that the new ferry line would start in spring, "
              "after two years of talks with the regional government and the unions. ")
_PAGE = ("<html><head><title>Ferry line</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
         "<article><h1>Ferry line to start</h1><p>{body}</p></article>"
         "<div class='sidebar'>{filler}</div><footer>Contact us</footer></body></html>")


def _page(paragraphs: int, filler_lines: int) -> str:
    filler = "".join(f"<p>Sidebar item number {i} with some words in it</p>" for i in range(filler_lines))
    return _PAGE.format(body=_PARAGRAPH * paragraphs, filler=filler)


def test_same_text_as_balanced_fast_mode():
    page = _page(paragraphs=6, filler_lines=3)
    ours = html._trafilatura(html._parse(page), "https://example.org/ferry")
    reference = trafilatura.bare_extraction(html._parse(page), url="https://example.org/ferry", fast=True,
                                            include_comments=False, include_tables=False).as_dict()["text"]
    assert ours == reference
    assert "harbour authority" in ours


def test_short_extraction_is_not_rerun_in_recall_mode(monkeypatch):
    calls = []
    real = trafilatura.core.html2txt
    monkeypatch.setattr(trafilatura.core, "html2txt", lambda *a, **k: calls.append(1) or real(*a, **k))
    page = _page(paragraphs=3, filler_lines=200)  # a short article on a long page: trafilatura would re-run
    trafilatura.bare_extraction(html._parse(page), fast=True, include_comments=False, include_tables=False)
    assert calls, "the default balanced mode measures the page to decide on a re-run"
    calls.clear()
    assert "harbour authority" in html._trafilatura(html._parse(page), None)
    assert not calls
