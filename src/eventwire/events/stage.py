"""Event stage: codes each English document's events from its parse (after the knowledge stage), with the
`EventCoder` the settings choose (`coders.py`), and gives each casualty count to one event (`counts.py`)."""

from __future__ import annotations

import re

from eventwire.component import Component
from eventwire.events.coder import Coder
from eventwire.events.coders import EventCoder, make_coder
from eventwire.events.counts import attach_counts


def _actor_at():
    try:
        from eventwire.knowledge.actors import actor_at
    except ImportError:
        return None
    return actor_at


class EventStage(Component):
    name = "events"
    requires = ("doc", "actors", "locations", "quantities", "date")
    assigns = ("events",)

    def __init__(self, coder: EventCoder | Coder | str | None = None):
        if coder is None or isinstance(coder, str):
            coder = make_coder(coder, Coder(actor_at=_actor_at()))
        self.coder = coder

    def __call__(self, batch) -> None:
        for work in batch:
            if work.doc is not None:
                work.document.events = self.coder(work.document, work.doc)
                link_identities(work.document)
                attach_counts(work.document, [(s.start_char, s.end_char) for s in work.doc.sents])


def link_identities(document) -> None:
    """Each party of an event that names one of the document's actors carries that actor's identity
    (`actor_id`, canonical name `actor`): 'Prime Minister Tony Blair', 'Mr Blair' and 'Earlier Tony
    Blair' are one actor in the views, the network and the actor pages. `name` keeps the sentence's words."""
    heads = {}  # (start, end) of a mention -> its actor, for actors with an identity
    for actor in document.actors:
        if actor.id:
            for m in actor.mentions:
                heads[(m.start, m.end)] = actor
    for event in document.events:
        for party in (event.source, event.target):
            if not party or party.get("start") is None:
                continue
            trim_party(party, document.text)
            actor = _headed_by(heads, party["start"], party["end"])
            if actor is not None:
                party["actor_id"], party["actor"] = actor.id, actor.name
            elif party.get("country") and party.get("sector") in ("GOV", None) and _names_state(party):
                party["actor_id"], party["actor"] = f"country:{party['country']}", _country_name(party["country"])


def _names_state(party: dict) -> bool:
    """'the British', 'Britain' standing for the state: the country's identity (not 'British troops')."""
    from eventwire.knowledge import lexicon as lx

    words = lx.plain(str(party.get("name") or ""))
    words = words[4:] if words.lower().startswith("the ") else words
    return lx.country_names().get(words) == party["country"] or lx.capitals().get(words) == party["country"]


def _country_name(code: str) -> str:
    from eventwire.knowledge.actors.mentions import _country_name as name

    return name(code) or code


#: A dateline before the party ('LONDON (Reuters) - ', 'GUSAU, Nigeria (AP) — '), a sentence adverb
#: ('Earlier Tony Blair'), and from a quotation mark on (`Tony Blair's "courage`): not the party's name.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,[^-–—\n]{0,30})?\s*(?:\([^)]{0,20}\))?\s*[-–—]+\s*")
_ADVERB = re.compile(r"^(?:Earlier|Later|Meanwhile|However|Now|Yesterday|Today|Also|Then|Instead|Separately),?\s+(?=[A-Z])")
_QUOTED_TAIL = re.compile(r"\s*['\u2019]s\s+[\"\u201c\u2018'].*$|\s*[\"\u201c].*$")


def trim_party(party: dict, text: str = "") -> None:
    """Cut a dateline (at the start of a line), a leading sentence adverb and a quoted tail off a party's
    words, offsets kept true."""
    name = str(party.get("name") or "")
    at_line_start = party["start"] == 0 or text[party["start"] - 1:party["start"]] == "\n"
    cut = 0
    for pattern in ((_DATELINE, _ADVERB) if at_line_start else (_ADVERB,)):
        m = pattern.match(name[cut:])
        if m and m.end() < len(name) - cut:
            cut += m.end()
    tail = _QUOTED_TAIL.search(name, cut)
    end = tail.start() if tail and tail.start() > cut else len(name)
    if cut or end < len(name):
        party["name"] = name[cut:end]
        party["start"] += cut
        party["end"] = party["start"] + (end - cut)


def _headed_by(heads: dict, start: int, end: int):
    """The actor whose mention is the phrase's head (its last words: 'Prime Minister Tony Blair') or holds
    the phrase; not one that only modifies it ('UK ministers' are not the United Kingdom)."""
    best = None
    for (m_start, m_end), actor in heads.items():
        if (m_start <= start and end <= m_end) or (start <= m_start and m_end == end):
            if best is None or m_end - m_start > best[0]:
                best = (m_end - m_start, actor)
    return best[1] if best else None
