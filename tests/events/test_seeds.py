"""The events a careful analyst codes from the two seed documents (texts stay in ../shared/seeds)."""

from __future__ import annotations

import pytest

import eventwire

NJ = "000_e150f93215b93c0d.txt"  # National Journal 2011: Calderon and Obama on arming U.S. agents
CSM = "004_0d1d901c4d87722f.txt"  # Christian Science Monitor 2007: Mexico seeks antidrug aid


@pytest.fixture(scope="module")
def seed_events(shared):
    out = {}
    for name in (NJ, CSM):
        doc = eventwire.process((shared / "seeds" / name).read_text("utf-8"))
        out[name] = [e for e in doc.events if not e.negated]
    return out


def pairs(events, plover):
    return {((e.source or {}).get("country"), (e.target or {}).get("country"))
            for e in events if e.plover == plover and not e.hypothetical}


def test_calderon_rejects_the_us_push_to_arm_agents(seed_events):
    assert ("MEX", "USA") in pairs(seed_events[NJ], "REJECT")


def test_calderon_obama_meeting_is_a_consultation(seed_events):
    assert pairs(seed_events[NJ], "CONSULT") & {("MEX", "USA"), ("USA", "MEX")}


def test_killing_of_agent_zapata_is_an_assault_on_the_us(seed_events):
    assert any(t == "USA" for _, t in pairs(seed_events[NJ], "ASSAULT"))


def test_holder_may_prompt_a_request_is_hypothetical(seed_events):
    requests = [e for e in seed_events[NJ] if e.plover == "REQUEST"]
    assert requests and all(e.hypothetical for e in requests)


def test_us_negotiates_aid_package_with_mexico(seed_events):
    assert ("USA", "MEX") in pairs(seed_events[CSM], "CONSULT")


def test_mexico_pleads_for_us_assistance(seed_events):
    assert ("MEX", "USA") in pairs(seed_events[CSM], "REQUEST")


def test_troops_sent_into_the_states_is_mexican_mobilization(seed_events):
    sources = {s for s, _ in pairs(seed_events[CSM], "MOBILIZE")}
    assert sources == {"MEX"}  # and no U.S. troops: "no one is discussing" putting them on Mexican soil


def test_forty_million_a_year_is_us_aid_to_mexico(seed_events):
    assert ("USA", "MEX") in pairs(seed_events[CSM], "AID")


def test_seed_events_carry_dates_and_evidence(seed_events):
    for e in seed_events[CSM]:
        assert e.date == "2007-08-08" or e.date < "2007-08-08"
        assert e.sentence and e.verb is not None and 0 < e.confidence <= 1


def test_fbi_training_and_working_with_mexican_police_is_us_cooperation(seed_events):
    # the parser reads "the FBI trains" as a noun phrase; its compound still speaks for the verbs after it
    assert ("USA", "MEX") in pairs(seed_events[CSM], "COOPERATE") | pairs(seed_events[CSM], "AID")


@pytest.mark.xfail(strict=True, reason="the seed drops the apostrophe ('U.S. diplomats blunt criticism'), the "
                                       "parser makes 'blunt' the verb and the model gives ACCUSE only 0.28: open")
def test_diplomats_blunt_criticism_of_calderon_is_us_accusing_mexico(seed_events):
    assert ("USA", "MEX") in pairs(seed_events[NJ], "ACCUSE")
