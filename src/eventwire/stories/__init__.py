"""Corpus-level stories: syndicated copies marked, articles grouped into stories, one event per
happening, and storylines over months and years. Runs after documents are stored."""

from eventwire.stories.update import update

__all__ = ["update"]
