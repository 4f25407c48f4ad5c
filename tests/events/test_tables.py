"""The code tables: names and Goldstein weights from GDELT's CAMEO table, PLOVER types from the OEDA table."""

from eventwire.events import lexicon, tables


def test_lookup_carries_goldstein_quad_class_and_plover():
    code = tables.lookup("1823")
    assert code.plover == "ASSAULT"
    assert code.goldstein == -10.0
    assert code.quad_class == 4
    assert "Kill" in code.name


def test_quad_class_follows_the_cameo_root():
    assert [tables.quad_class(c) for c in ("042", "073", "120", "190")] == [1, 2, 3, 4]


def test_sixteen_codes_use_the_gdelt_numbering():
    # GDELT/CAMEO 1.1b3: 163 halt negotiations (SANCTION), 166 embargo (COERCE in the OEDA table)
    assert "negotiations" in tables.lookup("163").name.lower() and tables.lookup("163").plover == "SANCTION"
    assert "embargo" in tables.lookup("166").name.lower() and tables.lookup("166").plover == "COERCE"


def test_unknown_subcode_falls_back_to_its_parent():
    code = tables.lookup("0839")
    assert code.plover == "CONCEDE" and code.goldstein is not None


def test_every_lexicon_code_is_a_known_cameo_code_with_a_plover_type():
    for table in (lexicon.verbs(), lexicon.nouns()):
        for entries in table.values():
            for entry in entries:
                assert tables.known(entry.cameo), (entry.lemma, entry.cameo)
                assert tables.lookup(entry.cameo).plover in tables.PLOVER_TYPES, (entry.lemma, entry.cameo)


def test_lexicon_roles_are_the_documented_ones():
    assert {e.role for es in lexicon.verbs().values() for e in es} <= {"act", "frame", "intent", "neg", "recv"}
    assert {e.role for es in lexicon.nouns().values() for e in es} <= {"agentive", "patient", "request", "light"}


def test_shifts_name_known_codes():
    for plover, (intent, threat) in lexicon.shifts().items():
        assert plover in tables.PLOVER_TYPES
        for code in (intent, threat):
            assert code is None or tables.known(code)
