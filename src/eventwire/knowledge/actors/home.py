"""The document's main country: the state its actors belong to most often, by mentions; none on a tie."""

from __future__ import annotations

from eventwire.codes import NON_STATE
from eventwire.records import Actor


def home_country(actors: list[Actor]) -> str | None:
    """'President Francois Mitterand' or 'the government' in a story naming France and no other country:
    French. Countries an actor only has from this rule do not count."""
    counts: dict[str, int] = {}
    for a in actors:
        if a.kind in ("COUNTRY", "GROUP", "PERSON", "ORG") and a.country and a.country not in NON_STATE \
                and not a.country_inferred:
            counts[a.country] = counts.get(a.country, 0) + len(a.mentions)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
