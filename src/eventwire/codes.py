"""PLOVER code groups, defined once: which codes in an actor's country field name no state, and which
sectors belong to a state's own institutions.

Every stage imports these groups from here (knowledge: actors and places; events: the evidence rules).
Source: the PLOVER manual (../shared/reference/plover/PLOVER_MANUAL.tex), tables "International
Non-state actor names" and "Sector Codes".
"""

from __future__ import annotations

#: Non-state codes that PLOVER puts in the country field: international organisations (IGO, and the two
#: named ones, UNO and EUR), non-governmental organisations (NGO), international militarised groups (IMG),
#: multinational companies (MNC) and international or transnational movements (ISM). None of them is a
#: country that a sentence or a document is "about".
#:
#: Before issue 23 two rules of the event coder (`events.evidence.domestic` and `_evident`) tested a
#: literal that left out ISM, UNO and EUR, and `knowledge.places.document_countries` one that left out
#: ISM. No lexicon gives an actor any of those three codes (organisations.tsv and nonstate_terms.tsv use
#: IGO, NGO, IMG and MNC; pycountry has no such ISO code), so the shared group changes no output today;
#: it keeps the UN's code from being shared with the other side of an event once a lexicon uses it.
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

#: Sectors of a state's own institutions: "police", "the government", "troops" act for some state, so
#: one named without a country takes the sentence's country, and never the event's place.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

#: Sectors of a country's own political life: the state's institutions and also its opposition, rebels,
#: elites and parties. An actor of these sectors with no nationality in the text most likely belongs
#: to the country the document is about (`knowledge.actors` fills it in).
DOMESTIC_SECTORS = STATE_SECTORS | frozenset({"OPP", "REB", "ELI", "PTY"})

#: Sectors of armed, organised forces: a state's military, police and intelligence services, pro-government
#: paramilitaries, rebels, insurgents, separatists and unidentified armed forces (PLOVER "Sector Codes").
#: ACLED's Battles are fought between two such forces; violence against anyone else is violence against
#: civilians (ACLED codebook, "Battles" and "Violence against civilians"). The ACLED export reads it.
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "PRM", "REB", "INS", "SEP", "UAF"})
