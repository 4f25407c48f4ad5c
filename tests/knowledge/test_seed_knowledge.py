"""The two seed articles: every person, organisation, country, quote and count a careful reader would list.

Names and numbers are labels; the article text stays in ../shared.
"""

from __future__ import annotations

import pytest

import eventwire
from eventwire.knowledge import lexicon as lx

NJ = "000_e150f93215b93c0d.txt"  # National Journal, 2011: Calderon and Obama
CSM = "004_0d1d901c4d87722f.txt"  # Christian Science Monitor, 2007: antidrug aid


@pytest.fixture(scope="module")
def seeds(shared):
    return {name: eventwire.process((shared / "seeds" / name).read_text("utf-8")) for name in (NJ, CSM)}


def _actor(doc, name):
    key = lx.fold(name)
    found = [a for a in doc.actors if key in lx.fold(a.name) or any(key == lx.fold(m.text) for m in a.mentions)]
    assert found, f"no actor {name!r} in {[a.name for a in doc.actors]}"
    return found[0]


@pytest.mark.parametrize("seed, name, country, sectors", [
    (NJ, "Calderon", "MEX", {"GOV"}),
    (NJ, "Obama", "USA", {"GOV"}),
    (NJ, "Jaime Zapata", "USA", {"COP"}),
    (NJ, "Eric Holder", "USA", {"GOV", "JUD"}),
    (NJ, "drug cartels", "MEX", {"CRM"}),
    (NJ, "White House", "USA", {"GOV"}),
    (NJ, "State Department", "USA", {"GOV"}),
    (NJ, "Mexican law enforcement", "MEX", {"COP"}),
    (CSM, "Calderón", "MEX", {"GOV"}),
    (CSM, "Bush", "USA", {"GOV"}),
    (CSM, "drug gangs", None, {"CRM"}),
    (CSM, "Sinaloa", None, {"CRM"}),
    (CSM, "Gulf", None, {"CRM"}),
    (CSM, "Mexican police", "MEX", {"COP"}),
    (CSM, "FBI", "USA", {"COP"}),
    (CSM, "US Army", "USA", {"MIL"}),
    (CSM, "Adam Isacson", "USA", {None}),
    (CSM, "Maureen Meyer", "USA", {None}),
])
def test_seed_actor_has_its_country_and_sector(seeds, seed, name, country, sectors):
    actor = _actor(seeds[seed], name)
    if country:
        assert actor.country == country
    assert actor.sector in sectors


def test_mentions_of_one_person_are_merged(seeds):
    calderon = _actor(seeds[CSM], "Calderón")
    assert calderon.name == "Felipe Calderón" and len(calderon.mentions) >= 4  # Mr. Calderón, Calderón, ...
    nj = _actor(seeds[NJ], "Calderon")
    assert {m.text for m in nj.mentions} >= {"Felipe Calderon", "Calderon"}
    assert len([a for a in seeds[NJ].actors if "calderon" in lx.fold(a.name)]) == 1


def test_seed_countries_are_listed(seeds):
    assert {"USA", "MEX"} <= {a.country for a in seeds[NJ].actors if a.kind == "COUNTRY"}
    assert {"USA", "MEX", "COL", "CAN", "PER"} <= {a.country for a in seeds[CSM].actors if a.kind == "COUNTRY"}


@pytest.mark.parametrize("seed, speaker, opening", [
    (NJ, "Felipe Calderon", "The law does not allow agents"),
    (NJ, "Felipe Calderon", "As a result, they cannot carry weapons"),
    (NJ, "Barack Obama", "I assure you that we will be examining"),
    (NJ, "Barack Obama", "We are very mindful that the battle"),
    (NJ, "Barack Obama", "We have to take responsibility"),
    (CSM, "Adam Isacson", "It's a huge difference"),
    (CSM, "Adam Isacson", "They have to be swallowing hard"),
    (CSM, "Maureen Meyer", "Mexico prohibits US military training"),
])
def test_seed_quote_has_its_speaker(seeds, seed, speaker, opening):
    quotes = [q for q in seeds[seed].quotes if q.direct and q.text.startswith(opening)]
    assert quotes, f"quote {opening!r} not found"
    assert quotes[0].speaker == speaker
    assert seeds[seed].text[quotes[0].start:quotes[0].end] == quotes[0].text


def test_calderon_reported_speech_is_his(seeds):
    reported = [q for q in seeds[NJ].quotes if not q.direct and q.text.startswith("he supports enhancing")]
    assert reported and reported[0].speaker == "Felipe Calderon"


def _quantity(doc, kind, value):
    found = [q for q in doc.quantities if q.kind == kind and q.value == value]
    assert found, f"no {kind} {value} in {[(q.kind, q.value, q.text) for q in doc.quantities]}"
    return found[0]


def test_seed_counts_and_amounts(seeds):
    killed = _quantity(seeds[NJ], "KILL", 34000)
    assert killed.object == "Mexicans"
    assert _quantity(seeds[CSM], "KILL", 3000).object == "drug-related killings"
    troops = _quantity(seeds[CSM], "TROOPS", 1000)
    assert troops.value_max == 9999
    aid = _quantity(seeds[CSM], "MONEY", 40_000_000)
    assert (aid.unit, aid.period) == ("USD", "year")
    hundreds = _quantity(seeds[CSM], "MONEY", 100_000_000)
    assert (hundreds.value_max, hundreds.unit) == (999_999_999, "USD")


def test_no_count_is_made_of_a_non_number(seeds):
    for doc in seeds.values():
        for q in doc.quantities:
            assert any(ch.isdigit() for ch in q.text) or any(w in q.text.lower() for w in (
                "one", "two", "three", "hundreds", "thousands", "millions", "dozen", "a ", "an "))


def test_seed_places(seeds):
    places = {(loc.name, loc.country) for loc in seeds[NJ].locations}
    assert ("White House, Washington", "USA") in places
    assert ("Mexico", "MEX") in places  # "a northern Mexico highway"
    assert ("Washington", "USA") in {(loc.name, loc.country) for loc in seeds[CSM].locations}


def test_seed_dates_resolve_against_publication(seeds):
    dates = {t.text: t.value for t in seeds[CSM].dates}
    assert dates["2006"] == "2006" and dates["December"] == "2006-12"  # published 2007-08-08
    assert all(t.value is None for t in seeds[NJ].dates if t.text in ("Thursday", "last month"))  # no date given
