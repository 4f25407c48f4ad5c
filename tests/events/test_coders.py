"""The EventCoder seam: the three coders, the shipped model, and the training script on a tiny set."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eventwire.events import train as tr
from eventwire.events.coders import CODERS, CombinedCoder, ModelCoder, RulesCoder, believed, make_coder
from eventwire.events.model import LABELS, EventModel, shipped
from eventwire.events.stage import EventStage
from eventwire.records import Document
from eventwire.run.stages import NlpStage, Work


@pytest.fixture(scope="module")
def nlp():
    return NlpStage()


def _code(nlp, coder: str, text: str):
    work = Work(source=None, document=Document(id="t", url=None, title=None, date=None, site=None, authors=[],
                                               language="en", text=text))
    nlp([work])
    EventStage(coder)([work])
    return work.document.events


def test_coders_are_chosen_by_name():
    assert isinstance(make_coder("rules"), RulesCoder)
    assert isinstance(make_coder("model"), ModelCoder)
    assert isinstance(make_coder("combined"), CombinedCoder)
    assert isinstance(make_coder(None), CombinedCoder)  # the default
    with pytest.raises(ValueError, match="unknown event coder"):
        make_coder("gpt")


def test_the_setting_chooses_the_coder(monkeypatch):
    from eventwire.config import coder_name

    monkeypatch.setenv("EVENTWIRE_CODER", "rules")
    assert coder_name() == "rules"
    assert coder_name("model") == "model"


@pytest.mark.parametrize("coder", CODERS)
def test_every_coder_marks_its_events_and_their_confidence(nlp, coder):
    events = _code(nlp, coder, "Police in Dhaka arrested twenty opposition activists on Tuesday.")
    assert events, coder
    assert {e.coder for e in events} == {coder}
    assert all(0 < e.confidence <= 1 for e in events)
    assert "COERCE" in {e.plover for e in events}


def test_combined_vetoes_what_the_model_does_not_believe(nlp):
    # the rules take "attacked" in a match report for an assault; the sport words tell the model otherwise
    text = "Chelsea attacked down the left and Drogba shot past the keeper to win the match 2-0."
    assert not [e for e in _code(nlp, "combined", text) if e.plover == "ASSAULT"]


def test_combined_finds_events_the_rules_miss_in_lower_case(nlp):
    text = "vadodara police imposed curfew after rioters torched shops in the old city."
    types = {e.plover for e in _code(nlp, "combined", text)}
    assert types & {"COERCE", "PROTEST", "ASSAULT"}


def test_model_is_case_blind():
    model = shipped(uses_rules=False)
    text = "The government rejected the union's demand for talks."
    p = model.probabilities([text, text.lower(), text.upper()])
    assert np.allclose(p[0], p[1]) and np.allclose(p[0], p[2])


def test_believed_types_need_the_event_label_to_hold():
    model = shipped(uses_rules=False)
    p = np.zeros(len(model.labels))
    p[model.labels.index("ASSAULT")] = 0.99
    assert believed(model, p) == []
    p[model.labels.index("EVENT")] = 0.99
    assert [t for t, _ in believed(model, p)] == ["ASSAULT"]


def test_training_script_learns_a_tiny_labelled_set(tmp_path):
    """Ten sentences per side, from made-up text: the script's fit, calibration and save/read round trip."""
    rows = []
    for i in range(12):
        split = "train" if i < 8 else "dev"
        rows.append({"id": f"a{i}", "doc": f"a{i}", "split": split, "text": f"Troops killed {i} rebels in an attack.",
                     "events": [{"type": "ASSAULT", "negated": False, "hypothetical": False}]})
        rows.append({"id": f"b{i}", "doc": f"b{i}", "split": split, "text": f"Shares rose {i} percent on the news.",
                     "events": []})
    model, info = tr.train(rows, [], uses_rules=False, grid=(1.0,), quiet=True)
    assert info["train_sentences"] == 16 and info["dev_sentences"] == 8
    p = model.probabilities(["Soldiers killed rebels in an attack.", "Shares rose on the news."])
    j = LABELS.index("ASSAULT")
    assert p[0, j] > 0.5 > p[1, j]
    model.save(tmp_path / "m.npz")
    again = EventModel.read(str(tmp_path / "m.npz"))
    assert np.allclose(again.probabilities(["Troops killed rebels."]), model.probabilities(["Troops killed rebels."]),
                       atol=1e-2)  # weights are stored as float16


def test_training_script_runs_end_to_end_on_a_tiny_corpus(tmp_path, shared):
    """`python -m eventwire.events.train` over a few stored labels (texts rebuilt from ../shared)."""
    from eventwire.eval import event_corpus

    labels = tmp_path / "labels"
    labels.mkdir()
    picked = {"train": [], "dev": []}
    for row in event_corpus.load():
        if row["split"] in picked and len(picked[row["split"]]) < 25:
            row.pop("text"), row.pop("split")
            picked[event_corpus.split_of(row["doc"])].append(row)
    (labels / "tiny.jsonl").write_text("".join(json.dumps(r) + "\n" for rows in picked.values() for r in rows))
    out = tmp_path / "out"
    assert tr.main(["--labels", str(labels), "--out", str(out), "--no-synthetic", "--only", "model",
                    "--cache", str(tmp_path / "cache" / "rules.json")]) == 0
    model = EventModel.read(str(out / "event_model.npz"))
    assert model.labels == LABELS and model.vocab and not model.uses_rules
