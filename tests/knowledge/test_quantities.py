"""Counts of people and amounts of money, each read from the words that say so."""

from __future__ import annotations

import pytest

from eventwire.knowledge.numbers import parse_number
from eventwire.knowledge.quantities import kind_total, parse_money


@pytest.mark.parametrize("text, expected", [
    ("34,000", (34000, None)), ("two", (2, None)), ("twenty-five", (25, None)), ("1.5 million", (1.5e6, None)),
    ("hundreds of millions", (1e8, 999_999_999)), ("thousands", (1000, 9999)), ("at least 24", (24, None)),
])
def test_numbers_parse(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["were", "5,were", "2 3", "many"])
def test_non_numbers_do_not_parse(text):
    assert parse_number(text) is None


def test_money_has_currency_and_range():
    assert parse_money("about $40 million") == (40_000_000, None, "USD")
    assert parse_money("hundreds of millions of dollars") == (100_000_000, 999_999_999, "USD")
    assert parse_money("£28.7m") == (28_700_000, None, "GBP")


def _counts(doc, kind):
    return [(q.value, q.role) for q in doc.quantities if q.kind == kind]


def test_killed_and_wounded_in_one_sentence(annotate):
    doc = annotate("Two people were killed and 18 were wounded in the attack.")
    assert kind_total(doc.quantities, "KILL") == 2
    assert kind_total(doc.quantities, "WOUND") == 18


def test_a_subset_is_not_counted_twice(annotate):
    doc = annotate("Police fired at the crowd. 7 people were killed, including 3 police personnel.")
    assert kind_total(doc.quantities, "KILL") == 7


def test_a_stated_total_wins(annotate):
    doc = annotate("A student was killed in the clash. Another man was killed later. Total 2 fatalities.")
    assert kind_total(doc.quantities, "KILL") == 2


def test_a_killing_that_is_the_reason_for_a_protest_is_not_counted(annotate):
    doc = annotate("Students staged a protest demanding justice for the killing of a student last week.")
    assert kind_total(doc.quantities, "KILL") == 0


def test_a_money_period_is_read(annotate):
    doc = annotate("Mexico receives about $40 million a year in assistance from the US.")
    money = [q for q in doc.quantities if q.kind == "MONEY"]
    assert [(q.value, q.unit, q.period) for q in money] == [(40_000_000, "USD", "year")]
