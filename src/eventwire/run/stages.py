"""Analysis stages, in order. Each takes a batch of `Work` and fills its `Document` further.

Adding a stage means writing a callable with a `name` and listing it in
`build_stages`; the executor (in-process today, Dask later) knows nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from eventwire.nlp import NLP
from eventwire.nlp.spacy_nlp import NLP_LANGUAGES
from eventwire.records import Document, Source


@dataclass
class Work:
    source: Source
    document: Document
    engine: str = ""
    doc: Any = None  # the spaCy Doc, for stages that need tokens and parses


class Stage(Protocol):
    name: str

    def __call__(self, batch: list[Work]) -> None: ...


class NlpStage:
    """Sentences, tokens and entities; only for languages the pipeline was trained on."""

    name = "nlp"

    def __init__(self, model: str | None = None):
        self.nlp = NLP(model)

    def __call__(self, batch: list[Work]) -> None:
        todo = [w for w in batch if (w.document.language or "en") in NLP_LANGUAGES]
        for work, doc in zip(todo, self.nlp.parse([w.document.text for w in todo])):
            work.doc = doc
            work.document.entities = self.nlp.entities(doc)


def build_stages(model: str | None = None, known_actors: list | None = None, coder: str | None = None) -> list[Stage]:
    """`known_actors`: rows of the corpus's actor registry, so that earlier runs' identities carry over;
    `coder`: the event coder's name (rules, model, combined; default from `config.coder_name`)."""
    from eventwire.config import coder_name
    from eventwire.events.stage import EventStage
    from eventwire.knowledge.registry import ActorRegistry
    from eventwire.knowledge.stage import KnowledgeStage

    return [NlpStage(model), KnowledgeStage(ActorRegistry(known_actors)), EventStage(coder_name(coder))]


def known_actors(stages: list[Stage], changed_only: bool = False) -> list:
    """What the knowledge stage has learnt about actors, to be saved with the run
    (`changed_only`: what changed since the last such call)."""
    registry = next((s.registry for s in stages if hasattr(s, "registry")), None)
    if registry is None:
        return []
    return registry.take_changed() if changed_only else registry.rows()
