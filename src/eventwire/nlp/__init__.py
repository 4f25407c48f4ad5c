"""NLP stage: spaCy sentences, tokens and named entities over the clean article text."""

from eventwire.nlp.spacy_nlp import NLP, load_model

__all__ = ["NLP", "load_model"]
