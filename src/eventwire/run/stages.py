"""Analysis stages, in order, and the `Pipeline` that runs them. Each takes a batch of `Work` and fills
its `Document` further.

Every stage declares its `name`, the fields it `requires` and the ones it `assigns` (Document fields,
and `doc`, the spaCy parse); `Pipeline` checks the order once, before any text is read, and is the one
loop over the stages that every executor, the bench and the evaluations call. A stage that learns
across documents (the knowledge stage's actor identities) hands it out through `state()`, so no
executor needs to know which stage that is. Adding a stage means writing a `Component` and listing it
in `build_stages`.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from typing import Any

from eventwire.component import Component
from eventwire.errors import EventwireError
from eventwire.nlp import NLP, truecase
from eventwire.nlp.spacy_nlp import NLP_LANGUAGES
from eventwire.records import Document, Source

#: What a document holds before the first stage: its text and metadata.
GIVEN = frozenset({"text", "title", "date", "language", "url", "site"})


@dataclass
class Work:
    source: Source
    document: Document
    engine: str = ""
    doc: Any = None  # the spaCy Doc, for stages that need tokens and parses
    original_text: str | None = None  # the stored text of a recased document, while stages read the recased copy


class PipelineError(EventwireError):
    """The stages are listed in an order where one reads what no earlier stage wrote."""


class Pipeline:
    """The stages in a checked order; calling it runs them over a batch (the only loop over stages)."""

    def __init__(self, stages: list[Component]):
        self.stages = list(stages)
        known = set(GIVEN)
        for stage in self.stages:
            missing = sorted(set(stage.requires) - known)
            if missing:
                raise PipelineError(f"stage {stage.name!r} reads {', '.join(missing)}, which no earlier stage assigns")
            known |= set(stage.assigns)

    def __iter__(self):
        return iter(self.stages)

    def __call__(self, batch: list[Work], seconds: dict[str, float] | None = None, keep_docs: bool = False) -> None:
        """Run every stage over `batch`, adding each stage's time to `seconds`. Inside the stages' zones
        (spaCy keeps every string it meets; in a memory zone the batch's own strings go when it is done),
        so the spaCy Docs are dropped at the end unless `keep_docs` (then no zone: a caller reads them)."""
        with contextlib.ExitStack() as zones:
            if not keep_docs:
                for stage in self.stages:
                    zones.enter_context(stage.zone())
            for stage in self.stages:
                started = time.perf_counter()
                stage(batch)
                if seconds is not None:
                    seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - started
            if not keep_docs:
                for work in batch:
                    work.doc = None

    def state(self, changed_only: bool = False) -> list:
        """What the stages learnt, to be saved with the run (`changed_only`: since the last such call)."""
        return [row for stage in self.stages for row in stage.state(changed_only)]


class NlpStage(Component):
    """Sentences, tokens and entities; only for languages the pipeline was trained on.

    A caseless document (all lower case or all caps) is parsed in a truecased copy of the same length
    (nlp/truecase.py), so the model still sees names: `Document.text` holds the copy until
    `OriginalTextStage` puts the original back at the end; `Document.recased` records it."""

    name = "nlp"
    requires = ("text", "language")
    assigns = ("doc", "entities", "recased")

    def __init__(self, model: str | None = None, names: dict[str, list[str]] | None = None):
        self.nlp = NLP(model)
        self._names = names
        self._truecaser = None

    def __call__(self, batch: list[Work]) -> None:
        todo = [w for w in batch if (w.document.language or "en") in NLP_LANGUAGES]
        for work in todo:
            text = self._text(work.document)
            if text is not work.document.text:
                work.original_text, work.document.text = work.document.text, text
        for work, doc in zip(todo, self.nlp.parse([w.document.text for w in todo])):
            work.doc = doc
            work.document.entities = self.nlp.entities(doc)

    def zone(self) -> contextlib.AbstractContextManager:
        return self.nlp.nlp.memory_zone()

    def _text(self, document: Document) -> str:
        if not truecase.ENABLED or truecase.caseless(document.text) is None:
            return document.text
        document.recased = True
        return self.truecaser.recase(document.text)

    @property
    def truecaser(self) -> truecase.Truecaser:
        if self._truecaser is None:
            names = self._names if self._names is not None else truecase_names()
            nlp = self.nlp.nlp
            lexicon = truecase.load_lexicon(truecase.common_words(nlp), nouns=truecase.common_words(nlp, ("noun",)), **names)
            self._truecaser = truecase.Truecaser(lexicon)
        return self._truecaser


class OriginalTextStage(Component):
    """Last: a recased document gets its stored text back (the stages between read the recased copy,
    whose offsets are the same), and every stored mention's text is re-read from it."""

    name = "original_text"
    requires = ("text",)
    assigns = ("text",)

    def __call__(self, batch: list[Work]) -> None:
        for work in batch:
            if work.original_text is not None:
                work.document.text, work.original_text = work.original_text, None
                truecase.restore_original_spans(work.document)


def truecase_names() -> dict[str, list[str]]:
    """Proper names the knowledge stage's data files know, for the truecaser: leaders (`names`, left out
    when a one-word name is a common word), organisations, country aliases and demonyms (`always`
    cased) and given names."""
    from eventwire.datafiles import read_tsv

    def first(name: str) -> list[str]:
        return [row[0] for row in read_tsv("eventwire.knowledge", name)]

    return {"names": first("leaders.tsv"),
            "always": first("organisations.tsv") + first("country_aliases.tsv") + first("demonyms.tsv"),
            "given": first("given_names.tsv")}


def build_stages(model: str | None = None, known_actors: list | None = None, coder: str | None = None) -> Pipeline:
    """`known_actors`: rows of the corpus's actor registry, so that earlier runs' identities carry over;
    `coder`: the event coder's name (rules, model, combined; default from `config.coder_name`)."""
    from eventwire.config import coder_name
    from eventwire.events.stage import EventStage
    from eventwire.knowledge.registry import ActorRegistry
    from eventwire.knowledge.stage import KnowledgeStage

    return Pipeline([NlpStage(model), KnowledgeStage(ActorRegistry(known_actors)), EventStage(coder_name(coder)),
                     OriginalTextStage()])
