"""Literal entities and mojibake are repaired before offsets are taken (made-up texts)."""

from __future__ import annotations

from eventwire.extract.repair import fix_mojibake, repair, unescape_entities


def test_numeric_and_named_entities_are_decoded():
    assert unescape_entities("the communiqu&#233; and the r&eacute;gime&#x2019;s reply &amp; more") == \
        "the communiqué and the régime\u2019s reply & more"


def test_ampersands_that_are_not_entities_stay():
    for text in ("AT&T and R&D", "Q&A: the &not-an-entity; part", "fish &chips", "&copy without semicolon"):
        assert unescape_entities(text) == text


def test_mojibake_is_repaired_and_clean_text_untouched():
    assert fix_mojibake("permitting \u00e2\u20ac\u02dcbhoomi puja\u00e2\u20ac\u2122 at the site") == \
        "permitting \u2018bhoomi puja\u2019 at the site"
    clean = "\u201cNo,\u201d said the mayor of \u0141\u00f3d\u017a; costs: \u00a35m \u2013 na\u00efve."
    assert fix_mojibake(clean) == clean


def test_repair_names_what_it_changed():
    text, done = repair("The caf\u00c3\u00a9 owners&#39; union met.")
    assert text == "The caf\u00e9 owners' union met." and done == ["entities", "mojibake"]
    assert repair("Nothing to fix here.") == ("Nothing to fix here.", [])


def test_entity_encoded_mojibake_is_repaired_too():
    text, done = repair("the minister&#226;&#128;&#153;s aide")
    assert text == "the minister\u2019s aide" and done == ["entities", "mojibake"]
