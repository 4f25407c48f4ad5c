"""A clash, riot or protest said to have happened is an event even when the sentence names no party
('Riots broke out in several towns'); a meeting or a patrol is not made one that way."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, plover", [
    ("Clashes between rival factions left five dead.", "ASSAULT"),
    ("Fresh fighting erupted in the south, killing 14 people.", "ASSAULT"),
    ("Riots broke out in several towns after the election.", "PROTEST"),
    ("An air strike hit a village, killing 12 civilians.", "ASSAULT"),
])
def test_a_violent_or_protest_noun_that_happened_is_an_event(code, text, plover):
    assert plover in {e.plover for e in code(text)}


@pytest.mark.parametrize("text", [
    "Talks resumed in Geneva on Monday.",
    "Two soldiers were killed when their patrol hit a roadside bomb.",
])
def test_other_nouns_that_happened_are_not_made_events(code, text):
    assert not {e.plover for e in code(text)} & {"CONSULT", "MOBILIZE", "PROTEST"}


def test_an_air_strike_is_no_labour_strike(code):
    assert "PROTEST" not in {e.plover for e in code("An air strike hit a village, killing 12 civilians.")}
