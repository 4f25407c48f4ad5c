"""The word lists that quote attribution and actor merging read are data files; these guard what they say."""

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.quotes.speakers import speaker_name


def test_post_nominal_letters_and_a_peers_place_leave_a_speakers_name():
    assert speaker_name("Guy Mansfield QC") == "Guy Mansfield"
    assert speaker_name("Margaret Moran, MP") == "Margaret Moran"
    assert speaker_name("Lord Nicholls of Birkenhead") == "Lord Nicholls"
    assert speaker_name("Martin Luther King Jr") == "Martin Luther King Jr"  # a mention drops Jr; a speaker keeps it


def test_every_quote_word_class_the_rules_read_is_in_the_file():
    classes = lx.word_classes("quote_words.tsv")
    assert set(classes) == {"pronoun", "person_role", "anaphoric_title", "spokes_role", "role_noun", "minister",
                            "vague_role", "time_qualifier", "addressee_verb", "text_noun", "non_speaker", "org_title",
                            "org_anaphor", "org_designator", "head_title"}
    assert "spokeswoman" in classes["person_role"] and "he" in classes["pronoun"]
    assert set(lx.word_classes("actor_words.tsv")) == {"title", "generic_group", "institution", "party_role"}
