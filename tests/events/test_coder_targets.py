"""Target finding: possessive pronouns, an unnamed capital, dyads inside an object, and lexicon verbs
(sentences written for these tests)."""

from __future__ import annotations


def live(events, plover=None):
    return [e for e in events if not e.negated and (plover is None or e.plover == plover)]


def country(actor):
    return (actor or {}).get("country")


def test_possessive_pronoun_in_target_names_the_speaker_not_the_attacker(code_in_context):
    [event] = live(code_in_context("Kenya said Somali gunmen attacked its convoys near the border."), "ASSAULT")
    assert country(event.source) == "SOM" and country(event.target) == "KEN"


def test_their_in_target_names_the_reporting_side(code_in_context):
    events = live(code_in_context("Ethiopian officials said Eritrean troops shelled their positions overnight."), "ASSAULT")
    assert events and country(events[0].source) == "ERI" and country(events[0].target) == "ETH"


def test_own_possessive_is_not_read_as_another_party(code_in_context):
    """'its envoy' belongs to the actor itself: the envoy's country is the source's, not some other party's."""
    events = live(code_in_context("Chile said Peru had recalled its ambassador."))
    assert events and all(country(e.target) != "CHL" for e in events)


def test_unnamed_capital_takes_the_sentence_country(code_in_context):
    events = live(code_in_context("Rebel fighters shelled the capital on Sunday, Chadian officials said."), "ASSAULT")
    assert events and country(events[0].target) == "TCD"


def test_unnamed_capital_takes_the_attackers_country_when_nothing_else_is_named(code_in_context):
    events = live(code_in_context("Sudanese troops attacked the capital at dawn."), "ASSAULT")
    assert events and country(events[0].target) == "SDN"


def test_march_on_the_capital_is_aimed_at_the_marchers_country(code_in_context):
    events = live(code_in_context("Thousands of Kenyan farmers marched on the capital."), "PROTEST")
    assert events and country(events[0].target) == "KEN"


def test_dyad_inside_the_object_is_the_target(code_in_context):
    [event] = live(code_in_context("Egypt brokered a truce between Israel and Hamas."), "CONSULT")
    assert country(event.source) == "EGY" and country(event.target) == "ISR"


def test_mediator_with_a_subject_aims_at_the_first_party(code_in_context):
    [event] = live(code_in_context("Qatar mediated between Israel and Hamas."), "CONSULT")
    assert country(event.source) == "QAT" and country(event.target) == "ISR"


def test_dyad_without_a_subject_still_reads_first_party_as_source(code_in_context):
    events = live(code_in_context("Fighting between Armenia and Azerbaijan resumed on Monday."), "ASSAULT")
    assert events and country(events[0].source) == "ARM" and country(events[0].target) == "AZE"


def test_summoning_an_ambassador_is_an_accusation(code_in_context):
    events = live(code_in_context("Turkey summoned the Dutch ambassador on Monday."), "ACCUSE")
    assert events and country(events[0].source) == "TUR" and country(events[0].target) == "NLD"
    assert not live(code_in_context("The coach summoned the players on Monday."), "ACCUSE")


def test_annexing_territory_is_coercion(code_in_context):
    [event] = live(code_in_context("Iraq annexed Kuwait in 1990."), "COERCE")
    assert (country(event.source), country(event.target)) == ("IRQ", "KWT")


def test_approving_a_treaty_is_support(code_in_context):
    events = live(code_in_context("The Polish parliament approved the treaty with Lithuania."), "SUPPORT")
    assert events and country(events[0].source) == "POL" and country(events[0].target) == "LTU"
    assert not live(code_in_context("The board approved the budget."))


def test_denying_an_accusation_rejects_it(code_in_context):
    events = live(code_in_context("India denied Pakistani accusations of shelling."), "REJECT")
    assert events and country(events[0].source) == "IND" and country(events[0].target) == "PAK"
    assert events[0].cameo == "127"


def test_mobilizing_civilians_is_no_military_mobilization(code_in_context):
    assert not live(code_in_context("Ghana mobilized lobby groups to back the bill."), "MOBILIZE")
    events = live(code_in_context("Armenia mobilized its reservists on Sunday."), "MOBILIZE")
    assert events and country(events[0].source) == "ARM"


def test_town_the_act_goes_to_stands_for_its_country(code_in_context):
    events = live(code_in_context("Sweden sent food aid to Benghazi."), "AID")
    assert events and country(events[0].source) == "SWE" and country(events[0].target) == "LBY"


def test_town_one_meets_in_is_no_target(code_in_context):
    events = live(code_in_context("Peruvian and Chilean diplomats met in Geneva on Monday."), "CONSULT")
    assert events and all(country(e.target) != "CHE" for e in events)


def test_invitation_to_visit_is_an_intent_to_meet(code_in_context):
    events = live(code_in_context("China invited the Philippine president to visit Beijing."))
    assert events and events[0].plover == "AGREE" and country(events[0].target) == "PHL"
    assert not live(code_in_context("The ministry invited bids for the new airport."), "AGREE")


def test_extending_a_loan_is_aid(code_in_context):
    events = live(code_in_context("Japan extended a loan to Vietnam."), "AID")
    assert events and country(events[0].source) == "JPN" and country(events[0].target) == "VNM"


def test_possessive_pronoun_in_the_source_names_the_speaker(code_in_context):
    events = live(code_in_context("Iran said its troops attacked Iraqi positions near Basra."), "ASSAULT")
    assert events and country(events[0].source) == "IRN" and country(events[0].target) == "IRQ"


def test_hyphenated_pair_is_a_dyad(code_in_context):
    [event] = live(code_in_context("Ukrainian-Moldovan talks resumed on Monday."), "CONSULT")
    assert (country(event.source), country(event.target)) == ("UKR", "MDA")
    events = live(code_in_context("India-Pakistan clashes erupted along the border."), "ASSAULT")
    assert events and (country(events[0].source), country(events[0].target)) == ("IND", "PAK")



def test_pronoun_target_of_an_attack_is_the_subject_above_it(code_in_context):
    events = live(code_in_context("A Liberian freighter sank after Eritrean gunboats fired rockets at it."), "ASSAULT")
    fired = [e for e in events if e.verb.text == "fired"]
    assert fired and country(fired[0].source) == "ERI" and country(fired[0].target) == "LBR"


def test_arriving_for_talks_is_a_visit(code_in_context):
    events = live(code_in_context("The Indian prime minister arrived in Dhaka for talks on water sharing."), "CONSULT")
    assert events and country(events[0].source) == "IND" and country(events[0].target) == "BGD"
    assert not live(code_in_context("Two cranes arrived in Mombasa on Monday."), "CONSULT")


def test_parties_come_before_the_place_it_happened(code_in_context):
    [event] = live(code_in_context("Israel and Syria met in Washington on Monday."), "CONSULT")
    assert (country(event.source), country(event.target)) == ("ISR", "SYR")


def test_town_a_protest_happened_in_is_its_last_resort_target(code_in_context):
    events = live(code_in_context("Thousands of workers demonstrated in Karachi against price rises."), "PROTEST")
    assert events and country(events[0].target) == "PAK"


def test_plural_object_the_lemmatizer_misreads_is_still_hit(code_in_context):
    """'bases' is lemmatized 'basis': the plain singular still names a target."""
    events = live(code_in_context("Israeli jets attacked guerrilla bases in Lebanon."), "ASSAULT")
    assert events and country(events[0].source) == "ISR" and country(events[0].target) == "LBN"


def test_providing_someone_with_aid_is_aid(code_in_context):
    events = live(code_in_context("Sweden provided Tanzania with food aid."), "AID")
    assert events and country(events[0].source) == "SWE" and country(events[0].target) == "TZA"


def test_breaking_up_a_rally_is_repression_but_a_meeting_breaking_up_is_not(code_in_context):
    events = live(code_in_context("Kenyan police broke up an opposition rally in Nairobi."), "ASSAULT")
    assert events and country(events[0].source) == "KEN"
    assert not live(code_in_context("The meeting in Nairobi broke up without agreement."), "ASSAULT")


def test_restoring_relations_is_diplomatic_cooperation(code_in_context):
    [event] = live(code_in_context("Britain and Argentina restored diplomatic relations."), "SUPPORT")
    assert (country(event.source), country(event.target)) == ("GBR", "ARG")


def test_town_a_measure_is_laid_on_stands_for_its_country(code_in_context):
    events = live(code_in_context("The Israeli army lifted the curfew on Hebron."))
    assert events and country(events[0].source) == "ISR" and country(events[0].target) == "PSE"
