"""Counts on the event (events/counts.py): every count goes to one event, and an article's event tolls
sum to its total (knowledge.quantities.kind_total), so nobody counts a death twice."""

from __future__ import annotations

import pytest

from eventwire.knowledge.quantities import kind_total
from eventwire.records import Document, EventCount, Quantity
from eventwire.run.stages import Work, build_stages
from eventwire.events.counts import combine


@pytest.fixture(scope="module")
def analyse():
    stages = build_stages()

    def run(text: str) -> Document:
        work = Work(source=None, document=Document(id="t", url=None, title=None, date="2020-03-03", site=None,
                                                   authors=[], language="en", text=text))
        for stage in stages:
            stage([work])
        return work.document

    return run


def _tolls(document: Document, field: str = "killed") -> list[float]:
    return [getattr(e, field).value for e in document.events if getattr(e, field) is not None]


@pytest.mark.parametrize("text, killed", [
    ("5 IS militants were killed by an Afghan forces airstrike in Achin district.", 5),  # 'IS' is no verb
    ("Five men were reported killed and 63 injured in clashes in Jos.", 5),  # hedged
    ("Gunmen shot and killed 1 council member in addition to 3 of his guards in Mogadishu.", 4),
    ("Police and protesters fought in clashes that left three people dead in Conakry.", 3),
    ("The bombing claimed the lives of seven soldiers near Kandahar.", 7),
])
def test_the_toll_is_on_one_event(analyse, text, killed):
    document = analyse(text)
    assert _tolls(document) == [killed]
    assert sum(_tolls(document)) == kind_total(document.quantities, "KILL")


def test_killed_and_wounded_go_to_their_own_verbs_and_the_evidence_is_kept(analyse):
    text = "Gunmen attacked a police post in Ghazni on Monday. Three policemen were killed and 2 wounded."
    document = analyse(text)
    killed = [e.killed for e in document.events if e.killed]
    assert len(killed) == 1 and killed[0].value == 3
    assert text[killed[0].start:killed[0].end] == killed[0].text == "Three policemen were killed"
    assert _tolls(document, "wounded") == [2]


def test_a_toll_in_a_sentence_of_its_own_goes_to_the_attack_before_it_not_across_paragraphs(analyse):
    document = analyse("Militants attacked a village near Maiduguri on Monday. Eleven people died.\n\n"
                       "Separately, 4 people drowned when a boat sank on Lake Chad.")
    assert _tolls(document) == [11]
    event = next(e for e in document.events if e.killed)
    assert event.plover == "ASSAULT" and event.start == 0


def test_a_stated_tally_covers_the_paragraph_and_the_tolls_still_sum_once(analyse):
    document = analyse("Police fired on protesters in Dhaka on Friday, killing 2 students. "
                       "Clashes also broke out in Sylhet, where soldiers shot dead 3 men. Total: 5 fatalities.")
    assert max(_tolls(document)) == 5
    assert sum(_tolls(document)) == 5


def test_unknown_number_is_kept_as_unknown_not_zero(analyse):
    document = analyse("The strikes killed 'militants and civilians' in Idlib, according to local sources.")
    killed = [e.killed for e in document.events if e.killed]
    assert len(killed) == 1 and killed[0].value is None and "militants and civilians" in killed[0].text


def test_arrests_go_to_the_coercion(analyse):
    document = analyse("Police arrested 14 protesters in Harare after the march.")
    arrested = [(e.plover, e.arrested.value) for e in document.events if e.arrested]
    assert arrested == [("COERCE", 14)]


def _q(value, text, value_max=None, role=None, start=0, obj="people"):
    return Quantity("KILL", value, value_max, None, obj, text, start, start + len(text), role=role)


def test_ranges_and_open_ended_counts():
    text = "at least 5 people were killed"
    assert combine([_q(5, "5 people were killed", start=9)], "KILL", text) == \
        EventCount(5, 5, None, "5 people were killed", 9, 29, 1)
    ranged = combine([_q(2, "2-4 policemen", 4, obj="policemen"), _q(5, "5 militants", obj="militants")], "KILL",
                     "2-4 policemen and 5 militants")
    assert (ranged.value, ranged.min, ranged.max) == (7, 7, 9)
    tally = combine([_q(1, "1 soldier", obj="soldier"), _q(1, "1 fatality", role="total", start=20)], "KILL",
                    "1 soldier was killed (1 fatality)")
    assert (tally.value, tally.max, tally.reports) == (1, 1, 2)


@pytest.mark.parametrize("text, total", [
    ("Gunmen kidnapped four aid workers, three Americans and one Briton, in the capital.", 4),
    ("Rebels kidnapped six tourists, two Germans, two Danes and two Swedes, near the lake.", 6),
    ("Gunmen kidnapped four aid workers and two drivers in the capital.", 6),
])
def test_a_breakdown_after_a_count_is_not_more_people(analyse, text, total):
    assert _tolls(analyse(text), "kidnapped") == [total]


def test_another_after_a_count_is_one_more(analyse):
    document = analyse("Police arrested two protesters and another was detained later.")
    assert sorted(_tolls(document, "arrested")) == [1, 2]


def test_a_fraction_is_not_one_person(analyse):
    assert _tolls(analyse("A third of the villagers were killed in the attack.")) == []
