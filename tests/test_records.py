"""`to_dict` gives exactly what `dataclasses.asdict` gives, and a copy the caller may change."""

from __future__ import annotations

import dataclasses

from eventwire.records import Figure, FigurePoint, Mention, MergedEvent, Storyline


def _merged() -> MergedEvent:
    return MergedEvent(id="me-1", plover="AID", cameo="07", source={"name": "U.S.", "country": "USA"},
                       target={"name": "Mexico", "country": "MEX"}, date="2007-10-20", location=None,
                       story_id="st-1", mentions=[Mention("d1", 0, "The U.S. sent aid.", 0, 18, "2007-10-20", "a", False)],
                       num_articles=1, num_sources=1, earliest_doc_id="d1", earliest_date="2007-10-20")


def test_to_dict_equals_asdict_on_nested_records():
    line = Storyline(id="sl-1", title="t", first_date="2007", last_date="2011", story_ids=["st-1", "st-2"],
                     actors=["=USA", "=MEX"],
                     figures=[Figure("killed since 2006", "KILL", "2006",
                                     [FigurePoint("2007-10-20", 3000.0, "d1", "3,000", 5, 10)])])
    for record in (_merged(), line):
        assert record.to_dict() == dataclasses.asdict(record)


def test_to_dict_does_not_share_containers_with_the_record():
    merged = _merged()
    out = merged.to_dict()
    out["source"]["name"] = "changed"
    out["mentions"].append({})
    assert merged.source["name"] == "U.S." and len(merged.mentions) == 1
