"""A country as a user writes it ('UK', 'gb', 'Britain', 'United Kingdom') to the code events are stored with.

Events carry ISO 3166-1 alpha-3 codes (PLOVER's, with KOS for Kosovo and its non-state codes); a filter
compared the user's text with them as written, so `--country UK` matched nothing and printed an empty table.
The names come from the knowledge stage's own tables (pycountry plus country_aliases.tsv and demonyms.tsv).
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.codes import NON_STATE
from eventwire.errors import UnknownCountry
from eventwire.knowledge.lexicon import country_names, fold, read_tsv


def country_code(text: str) -> str:
    """The stored code for `text`: an alpha-3 or PLOVER code as it is, a retired code as today's, then a
    name, alias or demonym, then an alpha-2 code. Raises `UnknownCountry` with a line a user can act on."""
    key = fold(text.strip())
    code = _codes().get(key)
    if code is None:
        raise UnknownCountry(f"unknown country {text!r}: give an ISO 3166 code (GBR, GB), a country name "
                             "(United Kingdom, Britain) or a PLOVER code (IGO, NGO)")
    return code


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Folded text -> code; later tables never override earlier ones ('US' is a name and an alpha-2 code, both USA)."""
    import pycountry

    names = country_names()
    tables = [
        {code.lower(): code for code in {c.alpha_3 for c in pycountry.countries} | set(names.values()) | NON_STATE},
        {old.lower(): new for old, new in read_tsv("retired_codes.tsv")},
        {fold(name): code for name, code in names.items()},
        {c.alpha_2.lower(): c.alpha_3 for c in pycountry.countries},
    ]
    out: dict[str, str] = {}
    for table in tables:
        for key, code in table.items():
            out.setdefault(key, code)
    return out


def filter_code(text: str) -> str:
    """The code a country filter (`events --country`, the API's `country`) matches: `country_code`'s, else
    any three letters as given (a code of the user's own `--actors` file); other unknown text raises."""
    try:
        return country_code(text)
    except UnknownCountry:
        if len(text.strip()) == 3 and text.strip().isalpha():
            return text.strip().upper()
        raise
