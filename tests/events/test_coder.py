"""Behaviour of the dependency-parse coder on sentences written for these tests."""

from __future__ import annotations

import pytest


def live(events, plover=None):
    return [e for e in events if not e.negated and (plover is None or e.plover == plover)]


def country(actor):
    return (actor or {}).get("country")


def test_subject_verb_object_gives_source_and_target(code):
    [event] = live(code("Germany condemned Russia on Monday."), "ACCUSE")
    assert (country(event.source), country(event.target)) == ("DEU", "RUS")
    assert event.cameo.startswith("11") and event.goldstein is not None and event.quad_class == 3


def test_passive_agent_is_the_source(code):
    [event] = live(code("Three French journalists were arrested by Iranian police."), "COERCE")
    assert country(event.source) == "IRN" and country(event.target) == "FRA"


def test_object_class_separates_troops_from_aid(code):
    assert live(code("Chile sent troops to Peru."), "MOBILIZE")
    assert live(code("Chile sent food aid to Peru."), "AID")
    assert not live(code("Chile sent food aid to Peru."), "MOBILIZE")


def test_possessive_nominal_event(code):
    [event] = live(code("France's criticism of Sweden was unexpected."), "ACCUSE")
    assert (country(event.source), country(event.target)) == ("FRA", "SWE")


def test_killing_of_names_the_victim(code):
    events = live(code("The killing of a Canadian aid worker shocked the town."), "ASSAULT")
    assert events and country(events[0].target) == "CAN"


def test_stopping_short_of_support_is_a_rejection(code):
    events = code("Brazil said it backs the talks, but it stopped short of supporting a Chinese plan for the region.")
    rejects = live(events, "REJECT")
    assert rejects and country(rejects[0].source) == "BRA" and country(rejects[0].target) == "CHN"


def test_no_one_discussing_troops_is_no_event(code):
    events = code("No one is discussing the idea of putting Indian troops on Nepalese soil.")
    assert not live(events, "MOBILIZE")


def test_may_prompt_to_request_is_hypothetical(code):
    events = code("The attack may prompt Kenya to request new help from Britain.")
    requests = [e for e in events if e.plover == "REQUEST"]
    assert requests and all(e.hypothetical for e in requests)


def test_promise_of_aid_is_agree(code):
    [event] = live(code("Japan promised to send aid to Haiti."))
    assert event.plover == "AGREE" and country(event.source) == "JPN"


def test_future_attack_is_a_threat(code):
    events = live(code("Iran will attack Iraqi towns, the minister said."))
    assert [e.plover for e in events] == ["THREATEN"]


def test_refusal_folds_its_complement(code):
    events = live(code("Israel refused to meet the Jordanian king."))
    assert [e.plover for e in events] == ["REJECT"]
    assert country(events[0].target) == "JOR"


def test_negated_attack_is_marked_not_dropped(code):
    events = code("Syria did not attack Turkish positions.")
    assert events and all(e.negated for e in events if e.plover == "ASSAULT")


def test_demand_that_names_who_is_asked(code):
    [event] = live(code("The United States demanded that North Korea abandon its programme."), "REQUEST")
    assert country(event.source) == "USA" and country(event.target) == "PRK"


@pytest.mark.parametrize("text", [
    "Arsenal beat Chelsea 3-1 in a thrilling derby on Saturday.",
    "Liverpool attack was too strong for the Everton defence in the cup match.",
    "Shares in the carmaker were hit hard as investors fought for the best prices.",
])
def test_sport_and_market_language_is_not_violence(code, text):
    assert not [e for e in code(text) if e.plover in ("ASSAULT", "COERCE")]


def test_event_carries_evidence_offsets(code):
    text = "Protesters in Dhaka blocked a highway on Tuesday. Police arrested ten activists."
    events = code(text, date="2024-08-08")
    assert events
    for e in events:
        assert text[e.start:e.end] == e.sentence
        assert text[e.verb.start:e.verb.end] == e.verb.text
        for actor in (e.source, e.target):
            if actor:
                assert text[actor["start"]:actor["end"]] == actor["name"]
    protest = live(events, "PROTEST")[0]
    assert protest.date == "2024-08-06"  # the Tuesday before the Thursday publication date


def test_statement_by_nobody_identifiable_is_dropped_but_violence_is_kept(code):
    assert not code("Someone offered his congratulations to somebody.")
    assert live(code("Unidentified assailants set fire to a bus in the town."), "ASSAULT")


def test_irregular_lemma_is_not_stemmed_back(code):
    # "wound up" is wind up, not wounding anybody
    assert not [e for e in code("The French committee said the agency should be wound up.") if e.plover == "ASSAULT"]


def test_location_is_the_place_after_in_not_a_country_named_as_actor():
    from eventwire.events.stage import EventStage
    from eventwire.records import Document, Location
    from eventwire.run.stages import NlpStage, Work

    text = "Bangladeshi police arrested ten Indian activists in Dhaka on Tuesday."
    doc = Document(id="t", url=None, title=None, date=None, site=None, authors=[], language="en", text=text)
    doc.locations = [Location("Dhaka", "BGD", start=text.index("Dhaka"), end=text.index("Dhaka") + 5, feature="city")]
    work = Work(source=None, document=doc)
    NlpStage()([work])
    EventStage("rules")([work])
    [event] = [e for e in doc.events if e.plover == "COERCE"]
    assert event.location["name"] == "Dhaka"
    assert (event.source["country"], event.target["country"]) == ("BGD", "IND")


def test_context_combines_the_code_table_and_sentence_cues(code):
    [event] = live(code("Mexican troops clashed with drug cartels near the border on Monday."), "ASSAULT")
    assert {"military", "drugs", "territory"} <= set(event.context)
    hypothetical = [e for e in code("The attack may prompt Kenya to request new help from Britain.") if e.hypothetical]
    assert all("hypothetical" in e.context for e in hypothetical)


# --- source/target recovery and country inference (issue #5) ---------------------------------------


def test_agentless_arrest_is_the_act_of_the_state_where_it_happened(code):
    [event] = live(code("A Dutch journalist was arrested in Egypt on Monday."), "COERCE")
    assert (country(event.source), country(event.target)) == ("EGY", "NLD")


def test_agentless_killing_names_no_source(code):
    events = live(code("A Dutch journalist was killed in Egypt on Monday."), "ASSAULT")
    assert events and all(country(e.source) != "EGY" for e in events)


def test_purpose_clause_is_aimed_at_the_governing_verbs_object(code):
    [event] = live(code("Japan summoned the Chinese ambassador to complain about the incursion."), "ACCUSE")
    assert (country(event.source), country(event.target)) == ("JPN", "CHN")


def test_demand_voiced_by_rioting_gives_the_protest_its_target(code):
    [event] = live(code("Students rioted on Friday, calling for the resignation of the Kenyan president."))
    assert event.plover == "PROTEST" and country(event.target) == "KEN" and "demand" in event.context


def test_obligation_spelled_out_by_a_speech_noun_is_a_request_to_the_addressee(code):
    [event] = live(code("Britain sent a message to Iran that it must release the sailors."), "REQUEST")
    assert (country(event.source), country(event.target)) == ("GBR", "IRN")
    [told] = live(code("Germany told Iran that it must stop enriching uranium."), "REQUEST")
    assert (country(told.source), country(told.target)) == ("DEU", "IRN")


def test_unqualified_police_belong_to_the_country_where_they_act(code_in_context):
    [event] = live(code_in_context("Police fired tear gas at protesters in Nairobi on Tuesday."), "ASSAULT")
    assert country(event.source) == "KEN" and event.source.get("country_inferred")


def test_sentence_country_needs_exactly_one_country_in_the_sentence():
    from types import SimpleNamespace

    from eventwire.events.evidence import sentence_country
    from eventwire.records import Actor, Document, Location, Span

    text = "Troops fired near the border. Chad and Sudan blamed each other."
    doc = Document(id="t", url=None, title=None, date=None, site=None, authors=[], language="en", text=text)
    doc.locations = [Location(name="Chad", country="TCD", start=30, end=34)]
    doc.actors = [Actor(name="Sudan", country="SDN", kind="COUNTRY", mentions=[Span(39, 44, "Sudan")])]
    first, second = SimpleNamespace(start_char=0, end_char=29), SimpleNamespace(start_char=30, end_char=len(text))
    assert sentence_country(doc, first) is None  # no country in the sentence itself
    assert sentence_country(doc, second) is None  # two countries: no guess
    doc.actors = []
    assert sentence_country(doc, second) == "TCD"
    assert sentence_country(doc, first, {"name": "Niamey", "country": "NER"}) == "NER"  # where it happened


def test_city_inside_an_actor_phrase_gives_its_country(code_in_context):
    [event] = live(code_in_context("A Christian missionary from Calgary was detained in Lebanon."), "COERCE")
    assert (country(event.source), country(event.target)) == ("LBN", "CAN")
    assert event.target["name"].endswith("missionary")  # the phrase stays the actor; the place only colours it


def test_generic_rights_group_is_coded_ngo(code):
    [event] = live(code("A human rights group accused Croatian authorities of torture."), "ACCUSE")
    assert (country(event.source), country(event.target)) == ("NGO", "HRV")


def test_between_names_both_sides_of_a_dyad(code):
    [event] = live(code("Talks between Israel and Syria resumed on Monday."), "CONSULT")
    assert (country(event.source), country(event.target)) == ("ISR", "SYR")


def test_sentence_initial_event_noun_is_not_mistaken_for_a_headline(code):
    assert live(code("Clashes between police and protesters erupted in Dhaka on Sunday."), "ASSAULT")
    assert not live(code("Clashes Erupt Between Police And Protesters In Dhaka On Sunday"), "ASSAULT")


def test_a_document_speaks_for_whoever_approved_it(code):
    events = live(code("The Serbian parliament approved a law recognizing the opposition's victories."), "SUPPORT")
    assert events and country(events[0].source) == "SRB"


def test_an_ethnic_group_is_coded_to_the_country_it_lives_in(code_in_context):
    [event] = live(code_in_context("Ethnic Albanians in southern Serbia demanded a UN presence."), "REQUEST")
    assert country(event.source) == "SRB"
    events = live(code_in_context("Serbian forces attacked the Albanian population in Montenegro."), "ASSAULT")
    assert events and country(events[0].target) == "MNE"
    [plain] = live(code_in_context("Albanian police arrested two smugglers in Montenegro."), "COERCE")
    assert country(plain.source) == "ALB"  # a nationality, not an ethnic group: no move


def test_a_nationality_in_the_sentence_is_its_country(code_in_context):
    [event] = live(code_in_context("The government imposed a curfew after riots, Kenyan officials said."), "COERCE")
    assert country(event.source) == "KEN"


def test_stones_thrown_at_police_are_aimed_at_them(code_in_context):
    [event] = live(code_in_context("Protesters threw stones at police in Srinagar."))
    assert country(event.source) == "IND" and event.target and event.target["name"] == "police"


def test_unnamed_people_acted_on_share_the_actors_country(code):
    [event] = live(code("Nigeria's military government released 20 political prisoners."))
    assert country(event.target) == "NGA" and event.target.get("country_inferred")


def test_protesters_without_nationality_are_people_of_the_place_they_protest_in(code_in_context):
    [event] = live(code_in_context("Hundreds of students demonstrated outside the US embassy in Jakarta."), "PROTEST")
    assert event.source["name"] == "students" and country(event.source) == "IDN"
    assert event.location and event.location["name"] == "Jakarta"  # not "US", which only modifies "embassy"


def test_demonstrating_a_product_is_no_protest(code):
    assert not live(code("Samsung demonstrated its new phone in Seoul."), "PROTEST")


def test_conjoined_nationalities_in_one_phrase_are_counterparts(code_in_context):
    [event] = live(code_in_context("Egypt hosted talks between Israeli and Palestinian negotiators."), "CONSULT")
    assert (country(event.source), country(event.target)) == ("ISR", "PSE")


def test_police_belong_to_where_they_act_not_to_whom_they_arrest(code_in_context):
    [event] = live(code_in_context("Police arrested two Iraqi nationals in Kuwait City."), "COERCE")
    assert (country(event.source), country(event.target)) == ("KWT", "IRQ")


# --- target finding and target-country inheritance -----------------------------------------------------


def test_unnamed_victims_take_the_country_of_the_place(code_in_context):
    [event] = live(code_in_context("Ethiopian soldiers killed five civilians in Mogadishu."), "ASSAULT")
    assert event.target["name"].endswith("civilians")  # the object, not the town it happened in
    assert country(event.target) == "SOM" and event.target.get("country_inferred")


def test_target_phrase_comes_before_a_country_named_later_in_the_clause(code_in_context):
    [event] = live(code_in_context("Police in Dhaka arrested twenty opposition activists ahead of the Indian "
                                   "minister's visit."), "COERCE")
    assert "activists" in event.target["name"] and country(event.target) == "BGD"


def test_a_later_named_country_still_serves_when_nothing_places_the_target(code):
    [event] = live(code("Government troops attacked rebels together with Tamil Tiger guerrillas."), "ASSAULT")
    assert country(event.target) == "LKA"


def test_people_outside_the_lexicon_are_still_the_target(code):
    [event] = live(code("Ugandan rebels abducted 40 schoolchildren."), "ASSAULT")
    assert event.target is not None and country(event.target) == "UGA"  # a domestic event


def test_a_shelled_place_with_no_known_name_stands_for_the_attackers_country(code):
    [event] = live(code("The Bosnian Serb army shelled the Muslim enclave of Zvornikgrad."), "ASSAULT")
    assert country(event.target) == "BIH"


def test_a_purpose_clause_of_a_protest_is_aimed_where_the_act_was(code):
    events = live(code("Demonstrators hurled stones at the Chinese embassy in Hanoi to protest the seizure of a boat."),
                  "PROTEST")
    assert events and country(events[0].target) == "CHN"


def test_a_trailing_speaker_complains_about_the_fronted_clause(code):
    events = code("Turkish authorities are failing to protect the rights of Kurdish journalists, "
                  "a human rights group protested on Tuesday.")
    [event] = live(events, "ACCUSE")
    assert country(event.source) == "NGO" and country(event.target) == "TUR"


def test_a_nationality_makes_an_attacked_object_concrete(code):
    [event] = live(code("Iranian gunboats attacked a Norwegian tanker in the Gulf."), "ASSAULT")
    assert (country(event.source), country(event.target)) == ("IRN", "NOR")
    assert not live(code("The minister attacked the French plan as unworkable."), "ASSAULT")


def test_a_guessed_target_country_does_not_make_an_event_the_lead(code_in_context):
    from eventwire.eval.events import primary

    events = code_in_context("Students staged a protest in Sylhet city against the attack on a student by a teacher.")
    assert primary(events).plover == "PROTEST"
