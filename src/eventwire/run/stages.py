"""Analysis stages, in order. Each takes a batch of `Work` and fills its `Document` further.

Adding a stage means writing a callable with a `name` and listing it in
`build_stages`; the executor (in-process today, Dask later) knows nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from eventwire.nlp import NLP, truecase
from eventwire.nlp.spacy_nlp import NLP_LANGUAGES
from eventwire.records import Document, Source


@dataclass
class Work:
    source: Source
    document: Document
    engine: str = ""
    doc: Any = None  # the spaCy Doc, for stages that need tokens and parses
    original_text: str | None = None  # the stored text of a recased document, while stages read the recased copy


class Stage(Protocol):
    name: str

    def __call__(self, batch: list[Work]) -> None: ...


class NlpStage:
    """Sentences, tokens and entities; only for languages the pipeline was trained on.

    A caseless document (all lower case or all caps) is parsed in a truecased copy of the same length
    (nlp/truecase.py), so the model still sees names: `Document.text` holds the copy until
    `OriginalTextStage` puts the original back at the end; `Document.recased` records it."""

    name = "nlp"

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


class OriginalTextStage:
    """Last: a recased document gets its stored text back (the stages between read the recased copy,
    whose offsets are the same), and every stored mention's text is re-read from it."""

    name = "original_text"

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


def build_stages(model: str | None = None, known_actors: list | None = None, coder: str | None = None) -> list[Stage]:
    """`known_actors`: rows of the corpus's actor registry, so that earlier runs' identities carry over;
    `coder`: the event coder's name (rules, model, combined; default from `config.coder_name`)."""
    from eventwire.config import coder_name
    from eventwire.events.stage import EventStage
    from eventwire.knowledge.registry import ActorRegistry
    from eventwire.knowledge.stage import KnowledgeStage

    return [NlpStage(model), KnowledgeStage(ActorRegistry(known_actors)), EventStage(coder_name(coder)),
            OriginalTextStage()]


def known_actors(stages: list[Stage], changed_only: bool = False) -> list:
    """What the knowledge stage has learnt about actors, to be saved with the run
    (`changed_only`: what changed since the last such call)."""
    registry = next((s.registry for s in stages if hasattr(s, "registry")), None)
    if registry is None:
        return []
    return registry.take_changed() if changed_only else registry.rows()
