"""Counts as wire copy and conflict-event notes write them: hedged, ranged, conjoined, acronym-led, unknown.

Each rule of knowledge/quantities.py that issue 21 asked for, tested on sentences written for these tests.
"""

from __future__ import annotations

import pytest

from eventwire.knowledge.numbers import parse_number
from eventwire.knowledge.quantities import kind_total


def _kill(doc):
    return [q for q in doc.quantities if q.kind == "KILL"]


@pytest.mark.parametrize("text, expected", [
    ("3-5", (3, 5)), ("3 - 5", (3, 5)), ("three to five", (3, 5)), ("between 10 and 12", (10, 12)),
    ("6 or 7", (6, 7)), ("at least 4-6", (4, 6)),
])
def test_a_stated_range_parses_as_low_and_high(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["twenty-five", "1,200", "7-3"])
def test_a_hyphenated_or_falling_pair_is_no_range(text):
    assert parse_number(text) is None or parse_number(text)[1] is None


@pytest.mark.parametrize("text, total", [
    ("Four villagers were reported killed in the raid.", 4),
    ("Nine police officers were reported killed and 30 injured after the convoy was hit.", 9),
    ("Two herders were said to have died in the attack on the market.", 2),
    ("Six rebels are believed killed in the shelling of the camp.", 6),
    ("At least 3 miners were feared dead after the collapse.", 3),
])
def test_a_hedged_or_reported_death_counts_its_subject(annotate, text, total):
    assert kind_total(annotate(text).quantities, "KILL") == total


def test_a_reported_death_and_an_elliptical_injury_count_apart(annotate):
    doc = annotate("Eleven guards were reported killed and 40 injured in the assault.")
    assert kind_total(doc.quantities, "KILL") == 11
    assert kind_total(doc.quantities, "WOUND") == 40


@pytest.mark.parametrize("text, total", [
    ("Overnight fighting between the militias left seven people dead.", 7),
    ("The explosion left two workers dead and a dozen hurt.", 2),
    ("The landslide claimed the lives of 14 residents.", 14),
    ("The ambush took the lives of three soldiers and a driver.", 4),
])
def test_a_result_or_a_life_taken_is_a_death(annotate, text, total):
    assert kind_total(annotate(text).quantities, "KILL") == total


def test_a_range_keeps_both_ends(annotate):
    [q] = _kill(annotate("Between 4 and 6 fishermen were killed when the boat was shelled."))
    assert (q.value, q.value_max) == (4, 6)
    [q] = _kill(annotate("3-7 protesters were killed by police gunfire."))
    assert (q.value, q.value_max) == (3, 7)


def test_a_vague_plural_is_a_range_and_at_least_its_number(annotate):
    [q] = _kill(annotate("Dozens of villagers were killed in the air raid."))
    assert q.value == 12 and q.value_max == 99  # the conservative low end, as conflict coders read 'dozens'
    [q] = _kill(annotate("At least 12 shoppers were killed in the blast."))
    assert (q.value, q.value_max) == (12, None)


def test_conjoined_groups_add_up_and_ranges_stay_ranges(annotate):
    [q] = _kill(annotate("6 Houthi fighters and 3-5 tribesmen were killed in the clashes."))
    assert (q.value, q.value_max) == (9, 11)
    assert kind_total(annotate("Two soldiers and four civilians were killed by the roadside bomb.").quantities) == 6


@pytest.mark.parametrize("text, total", [
    ("Assailants shot and killed a village chief in addition to 2 of his bodyguards.", 3),
    ("The gunmen killed 4 policemen in addition to 2 passers-by.", 6),
])
def test_in_addition_to_adds_the_second_group(annotate, text, total):
    assert kind_total(annotate(text).quantities, "KILL") == total


@pytest.mark.parametrize("text, total", [
    ("9 people were killed, including 2 women.", 9),
    ("Militants killed 15 people, among them 4 children.", 15),
    ("Gunmen killed 5 pilgrims and 2 guides, including a boy, near the shrine.", 7),
])
def test_a_subset_is_not_added_twice(annotate, text, total):
    assert kind_total(annotate(text).quantities, "KILL") == total


@pytest.mark.parametrize("text, total", [
    ("3 IS militants were killed by an air strike near the town.", 3),
    ("8 AQAP fighters were killed in clashes with government troops.", 8),
    ("4 NDC-R combatants were reported killed in the hills.", 4),
    ("2 ISWAP members were killed when their vehicle hit a mine.", 2),
])
def test_an_acronym_between_number_and_noun_is_no_verb(annotate, text, total):
    assert kind_total(annotate(text).quantities, "KILL") == total


@pytest.mark.parametrize("text", [
    "The strikes killed militants and civilians in the valley.",
    "Soldiers killed insurgents during the sweep.",
    "Several traders were killed when the market was shelled.",
    "An unknown number of gunmen were killed in the counter-attack.",
])
def test_victims_with_no_number_are_an_unknown_count_not_zero(annotate, text):
    [q] = _kill(annotate(text))
    assert q.value is None and q.role == "unknown"
    assert kind_total(annotate(text).quantities, "KILL") == 0  # an unknown adds nothing to a known total


def test_a_bracketed_tally_is_the_total_not_a_second_death(annotate):
    doc = annotate("A border guard was killed during the exchange of fire (1 fatality).")
    assert kind_total(doc.quantities, "KILL") == 1
    doc = annotate("Two traders were shot dead at the market (2 fatalities).")
    assert kind_total(doc.quantities, "KILL") == 2


@pytest.mark.parametrize("text, total", [
    ("Two guards, including a cook, were burnt to death in the fire.", 2),
    ("Storm hits coast. Five fishermen killed.", 5),
    ("1 passer-by was shot dead near the bridge.", 1),
    ("Dozens were hurt, including police officers, and an official of the port union was killed in the melee.", 1),
    ("Villagers beat and killed a thief in Karimpur village, Dinajpur district, at night.", 1),
])
def test_a_victim_the_parser_misplaces_is_still_found(annotate, text, total):
    assert kind_total(annotate(text).quantities, "KILL") == total


@pytest.mark.parametrize("text", [
    "About 30 people were either injured or killed in the stampede.",
    "Up to 12 miners were killed or wounded by the blast.",
])
def test_killed_or_injured_together_is_no_death_count(annotate, text):
    assert kind_total(annotate(text).quantities, "KILL") == 0


def test_a_subset_the_parser_splits_off_is_still_a_subset(annotate):
    doc = annotate("4 people were killed, including 3 farmers who were shot and 1 boy was stabbed to death by the gang.")
    assert kind_total(doc.quantities, "KILL") == 4


@pytest.mark.parametrize("text", [
    "Residents blocked the road after a guard was found dead near the gate.",
    "Workers walked out after two colleagues were reported killed at a rival site.",
])
def test_a_death_that_is_the_reason_for_the_event_is_not_its_count(annotate, text):
    assert kind_total(annotate(text).quantities, "KILL") == 0


def test_a_count_said_to_be_coded_to_this_event_is_its_total(annotate):
    doc = annotate("4 bystanders were shot dead during the riots in the district; 2 fatalities coded to this event.")
    assert kind_total(doc.quantities, "KILL") == 2


def test_an_attacker_who_kills_himself_is_counted_with_his_victims(annotate):
    doc = annotate("A suicide bomber blew himself up at the gate, and a second attacker killed himself and 3 guards.")
    assert kind_total(doc.quantities, "KILL") == 4


def test_a_suicide_alone_is_no_conflict_death(annotate):
    doc = annotate("Classmates marched to demand an inquiry into the case of a pupil who posted a note before killing herself.")
    assert kind_total(doc.quantities, "KILL") == 0
