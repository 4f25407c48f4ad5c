"""The nesting guard counts real nesting, in linear time; a time budget bounds each document."""

from __future__ import annotations

import time

import pytest

from eventwire import config
from eventwire.errors import RejectedInput
from eventwire.extract import extract
from eventwire.extract.budget import Budget
from eventwire.ingest.readers import RawItem, _check_nesting, _html_text

PROSE = "<p>" + "The minister said talks failed. " * 20 + "</p>"


def _page(middle: str) -> str:
    return "<html><body>" + middle + PROSE + "</body></html>"


def test_unmatched_end_tags_do_not_lower_the_depth():
    started = time.perf_counter()
    with pytest.raises(RejectedInput, match="nested too deeply"):
        _check_nesting(_page("<div></i>" * 100_000))  # the reproducer: 121 s of extraction before
    assert time.perf_counter() - started < 2.0


def test_balanced_and_sibling_elements_pass():
    _check_nesting(_page("<div><span>x</span></div>" * 20_000))
    _check_nesting(_page("<div>" * 500 + "</div>" * 500 + "<br><img src=x><p>a<p>b" * 5_000))


def test_an_end_tag_closes_the_elements_opened_inside_it():
    # unclosed <span>s inside each <div> are closed with it, as a parser would: depth stays at 2
    _check_nesting(_page("<div><span><b>x</div>" * 10_000))


def test_the_guard_is_linear_in_the_page_size():
    def seconds(n: int) -> float:
        page = _page("<section><div><em>a</em></div></section></i></b>" * n)
        started = time.perf_counter()
        _check_nesting(page)
        return time.perf_counter() - started

    small, large = seconds(20_000), seconds(200_000)
    assert large < 25 * max(small, 0.005)


def test_a_document_over_its_time_budget_is_rejected_with_that_reason():
    item = RawItem("slow.html", 0, "html", "html", _html_text(_page("")), "0" * 24, 100)
    with pytest.raises(RejectedInput, match="over the time budget"):
        extract(item, budget=Budget(0.0))


def test_the_default_budget_comes_from_config(monkeypatch):
    monkeypatch.setattr(config, "MAX_DOCUMENT_SECONDS", 12.5)
    assert Budget().seconds == 12.5
