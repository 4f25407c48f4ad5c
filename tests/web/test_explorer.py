"""The explorer in headless Debian Chromium: dashboard, article evidence, filters, map, storylines."""

from __future__ import annotations

import pytest

from tests.web.conftest import shoot

expect = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed").expect

ALL_EVENTS = 11  # events in tests/api/fixture_db.py, the undated article included


def _dashboard(page, live_server, query: str = "") -> None:
    page.goto(f"{live_server}/?view=dashboard{query}")
    page.wait_for_selector("#events tbody tr.event-row")
    page.wait_for_selector("#map circle.point")


def test_dashboard_shows_the_databases_events(page, live_server):
    _dashboard(page, live_server)
    rows = page.locator("#events tbody tr.event-row")
    assert rows.count() == ALL_EVENTS
    assert "Northgate Liberation Front" in page.locator("#events").inner_text()
    assert page.locator("#event-total").inner_text().startswith(f"{ALL_EVENTS} of {ALL_EVENTS} events")
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#balance rect.quad").count() > 0
    assert page.locator("#network g.node").count() >= 5
    shoot(page, "dashboard")


def test_map_draws_a_point_per_place(page, live_server):
    _dashboard(page, live_server)
    points = page.locator("#map circle.point")
    assert sorted(points.evaluate_all("ps => ps.map(p => p.dataset.name)")) == [
        "Amberly", "Kestrel Bay", "Northgate", "Port Vale"]
    assert page.locator("#map path.land").count() > 100  # the offline world-atlas basemap
    box = points.first.bounding_box()
    assert box and box["width"] > 0


def test_clicking_an_event_opens_its_article_with_the_evidence_highlighted(page, live_server):
    _dashboard(page, live_server, "&plover=ASSAULT")
    page.locator("#events tbody tr.event-row").first.click()
    page.wait_for_selector("#article-text .evidence.selected")
    assert "view=article" in page.url and "id=doc-clash" in page.url and "event=0" in page.url
    assert page.locator("#article-title").inner_text() == "Clashes near Northgate leave five dead"
    evidence = "".join(page.locator("#article-text .evidence.selected").all_inner_texts())
    assert evidence == ("Fighters of the Northgate Liberation Front attacked an army post near Northgate on Tuesday, "
                        "killing five soldiers.")
    assert "Northgate Liberation Front" in "".join(page.locator("#article-text .actor").all_inner_texts())
    assert "five soldiers" in page.locator("#article-text .quantity").all_inner_texts()
    assert page.locator("#article-text .evidence:not(.selected)").count() > 0  # the other event's evidence
    # choosing the other event moves the highlight
    page.locator(".event-item[data-idx='1']").click()
    assert "".join(page.locator("#article-text .evidence.selected").all_inner_texts()) == \
        "The Front accused the army of shelling villages."
    shoot(page, "article")


def test_a_filter_changes_the_timeline_and_the_url(page, live_server):
    _dashboard(page, live_server)
    before = page.locator("#timeline rect.bar[height]").evaluate_all(
        "rs => rs.filter(r => +r.getAttribute('height') > 0).map(r => r.dataset.key)")
    assert set(before) >= {"PROTEST", "ASSAULT", "AID"}
    page.select_option("#filters select[name=plover]", "COOPERATE")  # a select applies at once
    expect(page.locator("#events tbody tr.event-row")).to_have_count(2)
    after = page.locator("#timeline rect.bar").evaluate_all(
        "rs => rs.filter(r => +r.getAttribute('height') > 0).map(r => r.dataset.key)")
    assert set(after) == {"COOPERATE"} and len(after) == 2
    assert "plover=COOPERATE" in page.url
    page.reload()  # the URL alone restores the view
    page.wait_for_selector("#events tbody tr.event-row")
    assert page.locator("#events tbody tr.event-row").count() == 2
    assert page.locator("#filters select[name=plover]").input_value() == "COOPERATE"
    page.go_back()
    expect(page.locator("#events tbody tr.event-row")).to_have_count(ALL_EVENTS)


def test_text_filter_with_sql_is_just_text(page, live_server):
    _dashboard(page, live_server)
    page.fill("#filters input[name=q]", "x' OR 1=1 --")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events-empty", has_text="No events match")).to_be_visible()
    assert page.locator("#events tbody tr").count() == 0
    assert "q=x%27+OR+1%3D1+--" in page.url


def test_storyline_page_shows_timeline_and_figures(page, live_server):
    page.goto(f"{live_server}/?view=storylines")
    page.locator("#storyline-list a", has_text="War and peace in Northgate").click()
    page.wait_for_selector("#story-timeline .story-event")
    assert page.locator("#story-timeline .story-event").count() == 4  # doc-aid 1, doc-clash 2, doc-ceasefire 1
    assert page.locator("#story-figures circle.figure").count() >= 3
    assert "id=sl-north" in page.url
    shoot(page, "storyline")


def test_search_finds_an_article(page, live_server):
    page.goto(live_server + "/")
    page.fill("#search-input", "ceasefire")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#search-results a")
    assert "Ceasefire agreed in Kestrel Bay" in page.locator("#search-results").inner_text()
    assert "view=search" in page.url and "q=ceasefire" in page.url


def test_clicking_an_actor_in_the_network_filters_the_dashboard(page, live_server):
    _dashboard(page, live_server)
    page.locator("#network g.node", has_text="Port Vale Police").click()
    expect(page.locator("#events tbody tr.event-row")).to_have_count(1)
    assert "actor=Port+Vale+Police" in page.url
    assert page.locator("#filters input[name=actor]").input_value() == "Port Vale Police"


def test_token_link_opens_the_ui_and_the_api_calls_carry_the_cookie(browser, token_server):
    context = browser.new_context()
    try:
        pg = context.new_page()
        pg.set_default_timeout(8000)
        denied = pg.goto(f"{token_server}/?view=dashboard")
        assert denied.status == 401
        pg.goto(f"{token_server}/?token=s3cret-token&view=dashboard")
        pg.wait_for_selector("#events tbody tr.event-row")
        assert pg.locator("#events tbody tr.event-row").count() == ALL_EVENTS
        assert "token" not in pg.url and "view=dashboard" in pg.url  # the secret leaves the address bar
    finally:
        context.close()


def test_clicking_a_timeline_bar_narrows_to_that_month_and_type(page, live_server):
    _dashboard(page, live_server)
    page.locator("#timeline rect.bar[data-period='2024-04-01'][data-key='ASSAULT']").click()
    expect(page.locator("#events tbody tr.event-row")).to_have_count(1)
    assert "date_from=2024-04-01" in page.url and "date_to=2024-04-30" in page.url and "plover=ASSAULT" in page.url


def test_actor_page_lists_partners_and_articles(page, live_server):
    page.goto(f"{live_server}/?view=actors")
    page.locator("#actors a", has_text="Tobin Reyes").click()
    page.wait_for_selector("#actor-name")
    assert "view=actor" in page.url and "name=Tobin+Reyes" in page.url
    text = page.locator("main").inner_text()
    assert "Valdorian Government" in text and "Ceasefire agreed in Kestrel Bay" in text


def test_undated_events_are_counted_under_the_timeline_not_hidden(page, live_server):
    """An undated corpus: the API counts events with no day apart (`/api/counts` `undated`), and the
    dashboard says so under the timeline instead of showing a few dated bars as if they were all."""
    import json

    def counts(route):
        response = route.fetch()
        body = response.json()
        body["undated"] = 830
        route.fulfill(response=response, body=json.dumps(body))

    page.route("**/api/counts?*", counts)
    _dashboard(page, live_server)
    note = page.locator("#timeline-undated")
    expect(note).to_contain_text("830 events have no date")
