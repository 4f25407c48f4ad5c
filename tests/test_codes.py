from eventwire.codes import DOMESTIC_SECTORS, NON_STATE, STATE_SECTORS
from eventwire.knowledge import lexicon as lx


def test_a_state_institution_is_domestic():
    assert STATE_SECTORS < DOMESTIC_SECTORS
    assert not NON_STATE & DOMESTIC_SECTORS


def test_no_lexicon_codes_an_actor_as_a_movement_the_un_or_the_eu():
    # codes.py's note: the rules that once tested a shorter literal behave the same while this holds
    countries = {country for _, country, _ in lx.organisations().values()}
    countries |= {code for _, code in lx.read_tsv("nonstate_terms.tsv")}
    assert countries & NON_STATE
    assert not countries & {"ISM", "UNO", "EUR"}
