"""Readable names for the codes and keys the explorer would otherwise show as they are stored.

The stories stage keys a story's actors by folded names ('labour_party', a person by surname:
'blair') and countries as '=GBR'; the pages showed those keys ("=GBR, labour_party", issue 22).
Here each key becomes the name its member articles use most ('Labour Party', 'Tony Blair'), and a
country code its name.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from eventwire.api.db import Database

#: PLOVER's non-state codes in a country field (`eventwire.codes.NON_STATE`), by what they stand for.
NON_STATE_NAMES = {"IGO": "international organisations", "UNO": "United Nations", "EUR": "European Union",
                   "NGO": "non-governmental organisations", "ISM": "international movements",
                   "IMG": "international armed groups", "MNC": "multinational companies"}


@cache
def country(code: str | None) -> dict[str, Any]:
    """{code, name, numeric}: the ISO 3166 name and numeric code (the world atlas's feature id), when known."""
    import pycountry

    code = (code or "").upper()
    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    name = (getattr(found, "common_name", None) or found.name) if found else NON_STATE_NAMES.get(code, code)
    return {"code": code, "name": name, "numeric": found.numeric if found else None}


def _key_words(key: str) -> str:
    words = key.replace("_", " ").strip()
    return words.upper() if len(words) <= 3 and words.isalpha() else words.title()


def actor_names(db: Database, keys: list[str], doc_ids: list[str]) -> list[dict[str, str]]:
    """[{key, name}] for a story's actor keys, one entry per distinct name, in the keys' order."""
    if not keys:
        return []
    from eventwire.stories.terms import name_key  # the stories stage's own key, so the two always agree

    rows = db.query(
        "SELECT name, kind, count(*) AS n FROM actors WHERE doc_id IN (SELECT unnest(?)) AND name IS NOT NULL "
        "GROUP BY ALL UNION ALL SELECT name, 'PLACE', count(*) FROM locations WHERE doc_id IN (SELECT unnest(?)) "
        "AND name IS NOT NULL GROUP BY ALL", [doc_ids, doc_ids]) if doc_ids else []
    votes: dict[str, Counter] = {}
    for row in rows:
        key = name_key(row["name"])
        spelled = row["name"][4:] if row["name"].lower().startswith("the ") else row["name"]
        for k in {key.removeprefix("the_"), key.rsplit("_", 1)[-1] if row["kind"] == "PERSON" else key}:
            votes.setdefault(k, Counter())[spelled] += row["n"]
    out, seen = [], set()
    for key in keys:
        if key.startswith("="):
            name = country(key[1:])["name"]
        else:
            # a person's surname key is named by the longest of the common spellings ('Tony Blair', not 'Blair')
            ranked = votes.get(key, Counter()).most_common(3)
            name = max(ranked, key=lambda kv: (kv[1] * (1 + kv[0].count(" ")), kv[0]))[0] if ranked else _key_words(key)
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append({"key": key, "name": name})
    return out
