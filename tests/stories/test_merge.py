"""Reports of one happening merge into one event; close but different happenings never do."""

from __future__ import annotations

from datetime import date

from eventwire.eval.stories import eval_merging, eval_merging_pipeline
from eventwire.stories.merge import Report, canonical, compatible, merge_reports


def _report(doc, plover="ASSAULT", source=None, target=None, location=None, day=date(2024, 3, 3), copy=False,
            site="a"):
    return Report(doc, 0, plover, "190", source, target, location, day, "s", 0, 1, day.isoformat(), site, None, copy)


COL_ARMY = {"name": "Colombia's army", "country": "COL", "sector": "MIL"}
COL_TROOPS = {"name": "Colombian troops", "country": "COL", "sector": "MIL"}
ECU_GOV = {"name": "Ecuador", "country": "ECU", "sector": "GOV"}
QUITO = {"name": "Quito", "country": "ECU"}


def test_same_actor_named_two_ways_merges():
    assert compatible(_report("a", source=COL_ARMY, target=ECU_GOV), _report("b", source=COL_TROOPS))


def test_other_type_day_or_actor_does_not_merge():
    base = _report("a", source=COL_ARMY, target=ECU_GOV)
    assert not compatible(base, _report("b", plover="ACCUSE", source=COL_ARMY, target=ECU_GOV))
    assert not compatible(base, _report("b", source=COL_ARMY, target=ECU_GOV, day=date(2024, 3, 9)))
    assert not compatible(base, _report("b", source=ECU_GOV, target=COL_ARMY))


def test_no_shared_evidence_does_not_merge():
    assert not compatible(_report("a"), _report("b"))


def test_canonical_event_counts_articles_sources_and_earliest_report():
    reports = [_report("b", source=COL_ARMY, target=ECU_GOV, location=QUITO, site="x"),
               _report("a", source=COL_TROOPS, day=date(2024, 3, 2), site="y"),
               _report("c", source=COL_ARMY, site="x", copy=True)]
    (group,) = merge_reports(reports)
    event = canonical(group)
    assert event.num_articles == 2 and event.num_sources == 2
    assert event.earliest_doc_id == "a" and len(event.mentions) == 3
    assert event.target == ECU_GOV and event.location == QUITO


def test_generated_multi_report_set():
    result = eval_merging(n_happenings=80, seed=11)
    assert abs(result["count_error"]) <= 0.10
    assert result["groups_spanning_happenings"] == 0


def test_generated_articles_end_to_end_merge_per_happening():
    result = eval_merging_pipeline(n_happenings=20, seed=3)
    assert result["happenings_coded"] >= 18
    assert abs(result["count_error"]) <= 0.10
    assert result["groups_spanning_happenings"] == 0


def test_both_actors_agreeing_outweigh_a_misread_place():
    a = _report("a", source=COL_ARMY, target=ECU_GOV, location={"name": "Mexico", "country": "MEX"})
    b = _report("b", source=COL_TROOPS, target=ECU_GOV, location=QUITO)
    assert compatible(a, b)
    assert not compatible(a, _report("c", source=COL_ARMY, location=QUITO))


def _full_scan(reports):
    """The definition: each report joins the oldest group whose every member is compatible with it."""
    from eventwire.stories.merge import _report_order

    groups: list[list[Report]] = []
    for report in sorted(reports, key=_report_order):
        for group in groups:
            if all(compatible(report, other) for other in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return groups


def test_indexed_merging_groups_exactly_as_the_full_scan():
    import random

    rng = random.Random(3)
    actors = [COL_ARMY, COL_TROOPS, ECU_GOV, None, {"name": "Quito police", "country": "ECU", "sector": "POL"}]
    reports = []
    for i in range(400):
        day = None if rng.random() < 0.15 else date(2024, 3, rng.randint(1, 12))
        reports.append(Report(f"d{i:03d}", i % 3, rng.choice(["ASSAULT", "PROTEST", "AID"]), "190",
                              rng.choice(actors), rng.choice(actors), rng.choice([None, QUITO]), day, "s", 0, 1,
                              f"2024-03-{rng.randint(1, 12):02d}", "a", rng.choice(["st-1", "st-2", None]), False))
    indexed = merge_reports(reports)
    assert indexed == _full_scan(reports)
    assert 30 < len(indexed) < 390  # merges happen, and not everything merges


def _undated(doc, sentence, source=COL_ARMY, target=ECU_GOV, story="st-1"):
    return Report(doc, 0, "ASSAULT", "190", source, target, None, None, sentence, 0, 1, None, "a", story, False)


def test_undated_reports_merge_only_on_both_actors_and_similar_sentences():
    attack = "Colombia's army attacked rebel camps inside Ecuador on the border."
    retold = "The army of Colombia attacked rebel camps in Ecuador near the border."
    assert compatible(_undated("a", attack), _undated("b", retold))
    # the same story and type is never enough
    assert not compatible(_undated("a", attack), _undated("b", "Troops shelled a market in the capital."))
    assert not compatible(_undated("a", attack), _undated("b", retold, target=None))  # one slot unknown
    assert not compatible(_undated("a", attack), _undated("b", retold, story="st-2"))
    assert not compatible(_undated("a", attack), _undated("b", attack, story=None))


def test_a_dated_and_an_undated_report_never_merge():
    dated = _report("a", source=COL_ARMY, target=ECU_GOV)
    undated = _undated("b", dated.sentence)
    dated.story_id = undated.story_id
    assert not compatible(dated, undated) and not compatible(undated, dated)


def test_a_merged_event_carries_the_latest_toll_and_every_report_of_it():
    """Tolls rise as news comes in (3, then 34): the merged event shows 34 and both reports, never 37."""
    first = _report("d1", source=COL_ARMY, day=date(2024, 3, 3))
    later = _report("d2", source=COL_TROOPS, day=date(2024, 3, 4), site="b")
    copied = _report("d3", source=COL_ARMY, day=date(2024, 3, 4), site="c", copy=True)
    first.counts = {"killed": {"value": 3.0, "max": 3.0, "text": "3 killed", "start": 5, "end": 13}}
    later.counts = {"killed": {"value": 34.0, "max": None, "text": "at least 34 dead", "start": 0, "end": 16},
                    "wounded": {"value": None, "max": None, "text": "many wounded", "start": 20, "end": 32}}
    copied.counts = {"killed": {"value": 99.0, "max": 99.0, "text": "99 killed", "start": 0, "end": 9}}
    [group] = merge_reports([first, later, copied])
    merged = canonical(group)
    assert merged.killed == 34 and merged.wounded is None  # an unknown number sets no figure
    assert [(r.kind, r.value, r.doc_id) for r in merged.count_reports] == \
        [("killed", 3.0, "d1"), ("killed", 34.0, "d2"), ("wounded", None, "d2")]  # a copy is no report
