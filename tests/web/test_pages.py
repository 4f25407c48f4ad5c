"""Every page of the explorer, in headless Chromium: nothing printed that the page did not mean ("null",
"1 articles", stored keys), a year on every time axis, a legend with every chart, marks that differ."""

from __future__ import annotations

import json
import re

import pytest

from tests.web.conftest import shoot

expect = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed").expect

PAGES = {
    "dashboard": "view=dashboard",
    "dashboard-filtered": "view=dashboard&country=VLD&by=week",
    "events-undated": "view=dashboard&dated=false",
    "events-unplaced": "view=dashboard&placed=false",
    "event": "view=article&id=doc-clash&event=1",
    "article-undated": "view=article&id=doc-memo",
    "articles": "view=articles",
    "actors": "view=actors",
    "actor": "view=actor&name=Tobin+Reyes",
    "search": "view=search&q=Northgate",
    "storylines": "view=storylines",
    "storyline": "view=storyline&id=sl-north",
    "story": "view=story&id=s-peace",
    "story-two-articles": "view=story&id=s-port",
}
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
BAD_PLURAL = re.compile(r"(?<![\d,.])1 (articles|events|mentions|stories|figures|places|quotes|matching events)\b")


def _open(page, live_server, query: str) -> str:
    page.goto(f"{live_server}/?{query}")
    view = dict(part.split("=", 1) for part in query.split("&"))["view"]
    page.wait_for_selector(f"body[data-rendered='{'dashboard' if view == 'dashboard' else view}']")
    return page.locator("main").inner_text()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_prints_only_what_it_means(page, live_server, name):
    text = _open(page, live_server, PAGES[name])
    assert not re.search(r"\b(null|undefined|NaN|Invalid Date)\b", text), text
    assert not BAD_PLURAL.search(text), BAD_PLURAL.search(text).group(0)
    assert not re.search(r"=[A-Z]{3}\b|\b[a-z]+_[a-z_]+\b", text)  # no stored keys ('=VLD', 'northgate_liberation_front')
    assert not page.locator(".error").count(), page.locator(".error").all_inner_texts()
    for chart in page.locator(".chart").all():  # every drawn chart has a legend
        if chart.locator("svg[role=img]").count():
            assert chart.locator(".legend").count() >= 1, chart.get_attribute("id")
    for tick in page.locator(".x-time .tick text").all_text_contents():  # every time axis names the year
        assert re.search(r"\b(19|20)\d\d\b", tick), tick
    shoot(page, f"page-{name}")


def test_the_timeline_is_a_real_time_axis(page, live_server):
    """2007-08 sits sixteen years left of 2023-05, not next to it; the ticks between carry years."""
    def counts(route):
        body = route.fetch().json()
        body["items"] = [{"period": "2007-08-01", "key": "AGREE", "count": 3, "goldstein": 1.0},
                         {"period": "2023-05-01", "key": "ACCUSE", "count": 2, "goldstein": -2.0}]
        route.fulfill(json=body)

    page.route("**/api/counts?*", counts)
    _open(page, live_server, "view=dashboard")
    bars = {r.get_attribute("data-period"): (float(r.get_attribute("x")), float(r.get_attribute("width")))
            for r in page.locator("#timeline rect.bar").all() if float(r.get_attribute("height")) > 0}
    (x_old, w), (x_new, _) = bars["2007-08-01"], bars["2023-05-01"]
    plot = page.locator("#timeline svg").bounding_box()["width"] - 68  # less the margins
    assert (x_new - x_old) / plot > 0.95 and w < plot / 100  # 189 of the axis' 190 months lie between them
    years = {int(t) for t in page.locator("#timeline .x-time .tick text").all_text_contents() if t.isdigit()}
    assert len(years) >= 4 and min(years) >= 2007 and max(years) <= 2024
    assert page.locator("#balance .x-time .tick text").count() >= 3


def test_all_sixteen_plover_types_get_marks_of_their_own(page, live_server):
    def counts(route):
        body = route.fetch().json()
        if "group=plover" in route.request.url:
            body["items"] = [{"period": "2024-01-01", "key": t, "count": 1, "goldstein": 0} for t in PLOVER]
        route.fulfill(json=body)

    page.route("**/api/counts?*", counts)
    _open(page, live_server, "view=dashboard")
    entries = page.locator("#timeline [data-legend=types] [data-type]")
    marks = entries.evaluate_all("es => es.map(e => [e.dataset.type, e.dataset.colour, e.dataset.mark])")
    assert [m[0] for m in marks] == PLOVER
    assert len({(colour, mark) for _, colour, mark in marks}) == 16
    assert {m[0] for m in marks if m[2] == "hatched"} == set(PLOVER[8:])
    assert len({m[1] for m in marks[:8]}) == 8  # COOPERATE and SUPPORT, AID and the rest: all colours differ
    fills = dict(page.locator("#timeline rect.bar").evaluate_all(
        "rs => rs.filter(r => +r.getAttribute('height') > 0).map(r => [r.dataset.key, r.getAttribute('fill') || r.parentNode.getAttribute('fill')])"))
    assert fills["ASSAULT"].startswith("url(#timeline-hatch-") and fills["AGREE"].startswith("#")


def test_sectors_in_the_network_differ_in_colour_or_symbol(page, live_server):
    _open(page, live_server, "view=dashboard")
    legend = page.locator("#network [data-legend=sectors] [data-sector]").evaluate_all(
        "es => es.map(e => [e.dataset.sector, e.dataset.colour, e.dataset.mark])")
    assert {s for s, _, _ in legend} == {"LAB", "GOV", "COP", "REB", "MIL"}
    assert len({(c, m) for _, c, m in legend}) == len(legend)
    colour = {s: c for s, c, _ in legend}
    nodes = page.locator("#network g.node path.mark").evaluate_all(
        "ps => ps.map(p => [p.dataset.sector, p.getAttribute('fill')])")
    assert all(colour[s] == fill for s, fill in nodes if s)


def test_the_map_says_where_the_unplaced_events_are_and_lists_them(page, live_server):
    _open(page, live_server, "view=dashboard")
    note = page.locator("#map-unplaced").inner_text()
    assert "9 of 11 matching events have map coordinates" in note
    assert "1 event is placed only at country level" in note and "VLD 1" in note
    assert "Valdoria (1)" in note and "1 event names no place at all" in note
    assert page.locator("#map [data-legend=goldstein]").count() == 1
    page.locator("#list-unplaced").click()
    expect(page.locator("#events tbody tr.event-row")).to_have_count(2)
    assert "placed=false" in page.url
    assert "map has nothing to draw" in page.locator("#filter-notes").inner_text()


def test_undated_events_are_one_click_away(page, live_server):
    _open(page, live_server, "view=dashboard")
    note = page.locator("#timeline-undated")
    expect(note).to_contain_text("2 events have no date")
    note.locator("a").click()
    expect(page.locator("#events tbody tr.event-row")).to_have_count(2)
    assert page.locator("#events tbody td:first-child").all_inner_texts() == ["no date", "no date"]
    assert "dated=false" in page.url and page.locator("#filters select[name=dated]").input_value() == "false"


@pytest.mark.parametrize("query, said", [
    ("plover=FLY", "No event in this database has the type FLY"),
    ("date_from=2024-01-01", "leaves out every event without a date (2 events in this database)"),
])
def test_filters_that_cannot_be_honoured_say_so(page, live_server, query, said):
    _open(page, live_server, f"view=dashboard&{query}")
    assert said in page.locator("#filter-notes").inner_text()


def test_events_of_one_day_never_hide_each_other(page, live_server):
    """Thirteen events on one day in one lane: thirteen marks (the page drew four dots before)."""
    def storyline(route):
        body = route.fetch().json()
        body["timeline"] = [{"doc_id": "doc-clash", "idx": 0, "plover": PLOVER[i], "goldstein": 0, "quad_class": 4,
                             "source_name": "a", "target_name": "b", "day": "2024-04-09", "sentence": "s"}
                            for i in range(13)]
        route.fulfill(json=body)

    page.route("**/api/storylines/sl-north*", storyline)
    _open(page, live_server, "view=storyline&id=sl-north")
    marks = page.locator("#story-timeline .story-event").evaluate_all("ms => ms.map(m => m.getAttribute('transform'))")
    assert len(marks) == 13 and len(set(marks)) == 13
    assert page.locator("#story-timeline [data-legend=types]").count() == 1
    ticks = page.locator("#story-timeline .x-time .tick text").all_text_contents()
    assert ticks and all(re.search(r"20\d\d", t) for t in ticks)


def test_every_figure_is_drawn_on_a_scale_of_its_own(page, live_server):
    _open(page, live_server, "view=storyline&id=sl-north")
    values = sorted(float(v) for v in page.locator("#story-figures circle.figure").evaluate_all(
        "cs => cs.map(c => c.dataset.value)"))
    assert values == [5, 34, 40, 3000]  # killed 5 then 34, aid 40 tonnes, 3,000 displaced: none left out
    for row in page.locator("#story-figures .figure-row").all():
        ys = sorted(float(t.get_attribute("transform").split(",")[1].rstrip(")"))
                    for t in row.locator(".y-figure .tick").all())
        assert len(ys) >= 2 and min(b - a for a, b in zip(ys, ys[1:])) >= 10  # no "3k 2k 1k" squeezed together
    killed = page.locator("#story-figures .figure-row[data-series=killed] circle.figure")
    cy = sorted(float(c.get_attribute("cy")) for c in killed.all())
    assert len(cy) == 2 and cy[1] - cy[0] > 20  # 5 and 34 are far apart on their own scale


def test_story_pages_name_actors_and_count_in_words(page, live_server):
    text = _open(page, live_server, "view=storyline&id=sl-north")
    assert "who: VLD, Northgate Liberation Front, Tobin Reyes" in text
    assert "3 articles · 4 events" in text
    lines = _open(page, live_server, "view=storylines")
    assert "Northgate ceasefire 2024-05-30 · 1 article" in lines and "Northgate conflict 2024-03-21 – 2024-04-09 · 2 articles" in lines
    assert "2 stories" in lines
    actor = _open(page, live_server, "view=actor&name=Tobin+Reyes")
    assert "2 articles, 2 mentions; source of 0 events" in actor


def test_the_storyline_answer_is_small(page, live_server):
    response = page.request.get(f"{live_server}/api/storylines/sl-north")
    assert response.ok and len(response.body()) < 20_000
    body = response.json()
    assert "embedding" not in body["storyline"] and "story_ids" not in body["storyline"]
