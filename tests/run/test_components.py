"""Stages declare what they read and write; the Pipeline checks the order and is the one loop over them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwire.component import Component
from eventwire.run.stages import Pipeline, PipelineError, build_stages


class Tag(Component):
    def __init__(self, name, requires=(), assigns=(), learnt=()):
        self.name, self.requires, self.assigns, self.learnt, self.calls = name, requires, assigns, list(learnt), 0

    def __call__(self, batch):
        self.calls += 1
        for work in batch:
            work.seen.append(self.name)

    def state(self, changed_only=False):
        return self.learnt


def test_the_pipeline_refuses_a_stage_before_what_it_reads():
    with pytest.raises(PipelineError, match="'events' reads actors, which no earlier stage assigns"):
        Pipeline([Tag("nlp", ("text",), ("doc",)), Tag("events", ("doc", "actors"), ("events",)),
                  Tag("knowledge", ("doc",), ("actors",))])


def test_the_pipeline_runs_every_stage_in_order_times_them_and_collects_their_state():
    stages = [Tag("a", ("text",), ("doc",)), Tag("b", ("doc",), ("actors",), learnt=["row"])]
    pipeline = Pipeline(stages)
    batch, seconds = [SimpleNamespace(seen=[], doc="parse"), SimpleNamespace(seen=[], doc="parse")], {}
    pipeline(batch, seconds)
    assert [w.seen for w in batch] == [["a", "b"], ["a", "b"]] and set(seconds) == {"a", "b"}
    assert [w.doc for w in batch] == [None, None]  # the parses go with the batch's memory zone
    assert pipeline.state() == ["row"]


def test_the_shipped_stages_are_in_a_valid_order_and_declare_themselves():
    pipeline = build_stages()
    assert [s.name for s in pipeline] == ["nlp", "knowledge", "events", "original_text"]
    assert all(s.assigns for s in pipeline)
    assert pipeline.state() == []  # nothing learnt before any document
