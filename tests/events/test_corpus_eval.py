"""Scoring coders on our annotated corpus: counted types, spans by overlap, hard negatives."""

from __future__ import annotations

from eventwire.eval.coders import score
from eventwire.eval.event_corpus import _span, split_of
from eventwire.records import Event, Span


def _event(plover, source=None, target=None, negated=False, confidence=0.9):
    return Event(plover=plover, cameo=None, goldstein=None, quad_class=None, mode=None, negated=negated,
                 source=source, target=target, date=None, location=None, sentence="", start=0, end=50,
                 confidence=confidence, verb=Span(5, 9, "verb"))


def _gold(ptype, source=None, target=None, negated=False):
    return {"type": ptype, "negated": negated, "hypothetical": False, "source": source, "target": target}


def test_types_spans_and_hard_negatives_are_scored():
    rows = [
        {"id": "a", "stratum": "political", "events": [_gold("ACCUSE", {"start": 0, "end": 4, "country": "GBR"},
                                                              {"start": 20, "end": 30, "country": "FRA"})]},
        {"id": "b", "stratum": "disaster", "events": []},
        {"id": "c", "stratum": "modal", "events": [_gold("ASSAULT", negated=True)]},
    ]
    predicted = {
        "a": [_event("ACCUSE", {"start": 0, "end": 9, "country": "GBR"}, {"start": 40, "end": 45})],
        "b": [_event("ASSAULT")],
        "c": [_event("ASSAULT", negated=True)],  # negated on both sides: counted by neither
    }
    out = score(rows, predicted)
    assert out["per_type"]["ACCUSE"]["f1"] == 1.0
    assert out["per_type"]["ASSAULT"]["precision"] == 0.0 and out["per_type"]["ASSAULT"]["support"] == 0
    assert out["type_macro_f1"] == 1.0  # over the types the split holds
    assert out["source_span_f1"] == 1.0 and out["source_country_accuracy"] == 1.0
    assert out["target_span_f1"] == 0.0
    assert out["disaster_violent_share"] == 1.0
    assert out["confusion"]["NONE"]["ASSAULT"] == 1


def test_spans_become_whole_word_offsets():
    assert _span("between them we agreed", 100, "we") == [113, 115]
    assert _span("Talks with the EU", 0, "the eu") == [11, 17]
    assert _span("no such words", 0, "Iran") is None


def test_splits_are_by_document():
    assert split_of("bbc/politics/001.txt") == split_of("bbc/politics/001.txt")
    shares = [split_of(f"doc{i}") for i in range(2000)]
    assert 0.65 < shares.count("train") / 2000 < 0.75


def test_kappa_is_one_for_identical_labels_and_zero_for_chance():
    from eventwire.eval.agreement import kappa

    assert kappa(["A", "B", "A"], ["A", "B", "A"]) == 1.0
    assert kappa(["A", "A", "B", "B"], ["A", "B", "A", "B"]) == 0.0


def test_the_second_reading_is_scored_against_the_first(shared):
    from eventwire.eval.agreement import agreement

    result = agreement()
    assert result["sentences"] == 400  # 300 of round one, 100 of round four
    assert agreement(stratum="fourth_")["sentences"] == 100
    assert 0.0 < result["type_kappa"] <= result["event_agreement"] <= 1.0
