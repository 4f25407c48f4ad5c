"""Repeated-line evidence removes site templates but never empties syndicated copies."""

from __future__ import annotations

from eventwire.extract.lines import clean_lines
from eventwire.extract.repeats import LineCounter, site_of

PARAGRAPHS = [
    "The two governments agreed on Tuesday to reopen the northern border crossing after three weeks of talks "
    "between their interior ministers in the capital.",
    "Officials said the deal would allow trucks carrying food and medicine to cross again from Monday, "
    "while a joint commission reviews the security arrangements every month.",
    "Opposition lawmakers criticised the agreement, saying it had been negotiated in secret and without "
    "consulting the communities that live along the frontier.",
]


def _page(site: str, extra: str) -> str:
    nav = ["Home", "World", "Politics", "Sign in", f"{site} newsletter"]
    blurb = (f"{site} is an independent newsroom that has covered the region for more than twenty years "
             "with reporters in every province and capital city.")
    return "\n".join(nav + [f"Border crossing to reopen after talks {extra}", "", *PARAGRAPHS, "", blurb, "Share this"])


def test_a_story_syndicated_to_three_sites_keeps_its_paragraphs_everywhere():
    pages = {f"https://{s}.example/a": _page(s, s) for s in ("alpha", "beta", "gamma")}
    counter = LineCounter()
    for url, text in pages.items():
        counter.add(text, site_of(url))
    for url, text in pages.items():
        cleaned = clean_lines(text, counter.view(site_of(url)))
        for paragraph in PARAGRAPHS:
            assert paragraph in cleaned.text


def test_a_template_paragraph_repeated_on_a_site_is_dropped():
    stories = [
        ["Police arrested four men on Friday after a week-long investigation into thefts from the city's "
         "main market, a spokesman said at a news conference.",
         "The suspects will appear before a magistrate next week, and the stolen goods have been returned "
         "to the traders who reported them missing."],
        ["The city council approved a new budget on Thursday that doubles spending on public transport "
         "and street lighting in the outer districts.",
         "Council members said the money would come from a tax on parking in the centre, which critics "
         "said would hurt small shops and restaurants."],
        ["Heavy rain flooded dozens of homes in the river valley overnight, and emergency services moved "
         "more than two hundred residents to schools.",
         "The weather service warned that more rain was expected on Sunday and asked people to stay away "
         "from the river banks until the water level falls."],
    ]
    blurb = ("Metro Daily is an independent newsroom that has covered the city for more than twenty years "
             "with reporters in every district and at the town hall.")
    counter = LineCounter()
    pages = ["\n".join(["Home", "City", f"Story {i}", "", *body, "", blurb]) for i, body in enumerate(stories)]
    for text in pages:
        counter.add(text, "metro.example")
    cleaned = clean_lines(pages[0], counter.view("metro.example"))
    assert stories[0][0] in cleaned.text and stories[0][1] in cleaned.text
    assert blurb not in cleaned.text
