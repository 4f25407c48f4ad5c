"""Knowledge stage: fills a Document's actors, places, quotes, quantities, dates, tone and themes.

Each extractor is a function of (document, spaCy doc) in its own module; this stage only runs them
in order (actors first: quotes, places and quantities read them) and times each one, so the cost
of every extractor per article can be reported next to the parse (`eventwire eval knowledge`).
"""

from __future__ import annotations

import time
from collections import defaultdict

from eventwire.component import Component
from eventwire.knowledge.actors import extract_actors
from eventwire.knowledge.registry import ActorRegistry


class KnowledgeStage(Component):
    name = "knowledge"
    requires = ("doc", "entities", "date")
    assigns = ("actors", "quotes", "locations", "quantities", "dates", "tone", "themes")

    def __init__(self, registry: ActorRegistry | None = None):
        self.registry = registry if registry is not None else ActorRegistry()
        self.seconds: dict[str, float] = defaultdict(float)
        self.documents = 0

    def __call__(self, batch) -> None:
        for work in batch:
            if work.doc is None:
                continue
            self.annotate(work.document, work.doc)

    def state(self, changed_only: bool = False) -> list:
        """The actor identities learnt (`changed_only`: since the last call), saved with the documents."""
        return self.registry.take_changed() if changed_only else self.registry.rows()

    def annotate(self, document, doc) -> None:
        from eventwire.knowledge.dates import extract_dates
        from eventwire.knowledge.places import extract_places
        from eventwire.knowledge.quantities import extract_quantities
        from eventwire.knowledge.quotes import extract_quotes
        from eventwire.knowledge.tone import document_themes, document_tone

        self.documents += 1
        document.actors = self._timed("actors", extract_actors, doc, document.date)
        self._timed("registry", self.registry.apply, document.actors, document.id)
        document.quotes = self._timed("quotes", extract_quotes, document, doc)
        document.locations = self._timed("places", extract_places, document, doc)
        document.quantities = self._timed("quantities", extract_quantities, document, doc)
        document.dates = self._timed("dates", extract_dates, document, doc)
        document.tone = self._timed("tone", document_tone, doc)
        document.themes = self._timed("themes", document_themes, doc)

    def _timed(self, name: str, fn, *args):
        started = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.seconds[name] += time.perf_counter() - started


def annotate_texts(texts: list[str], dates: list[str | None] | None = None, stage: KnowledgeStage | None = None):
    """(Document, spaCy doc) for each text with the knowledge stage run over it, built straight from text (no
    extraction, no events): what the knowledge evaluations and tests read."""
    from eventwire.nlp import load_model
    from eventwire.records import Document

    stage = stage or KnowledgeStage()
    dates = dates or [None] * len(texts)
    docs = []
    for i, (text, doc) in enumerate(zip(texts, load_model(None).pipe(texts, batch_size=32))):
        document = Document(id=str(i), url=None, title=None, date=dates[i], site=None, authors=[], language="en",
                            text=text)
        stage.annotate(document, doc)
        docs.append((document, doc))
    return docs

