"""The typed records every stage reads and writes, defined once.

The JSON of `eventwire process`, the DuckDB schema (`store.schema`) and the
exports are all derived from these dataclasses, so a field added here shows up
everywhere. Every extracted item carries `start`/`end` character offsets into
`Document.text` so it can be shown in context.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


class _Record:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Span(_Record):
    start: int
    end: int
    text: str


@dataclass
class Entity(_Record):
    """A named-entity mention as the NLP model found it."""

    text: str
    label: str
    start: int
    end: int


@dataclass
class Actor(_Record):
    """A person, organisation or group, merged over its mentions in one document."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER/CAMEO agent code: GOV, MIL, COP, CRM, ...
    kind: str | None = None  # PERSON, ORG, GROUP, COUNTRY
    mentions: list[Span] = field(default_factory=list)
    start: int | None = None  # first mention
    end: int | None = None


@dataclass
class Location(_Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int = 0
    end: int = 0
    feature: str | None = None  # city, admin1, country, landmark
    geonameid: int | None = None


@dataclass
class Quote(_Record):
    speaker: str | None
    text: str
    start: int
    end: int
    direct: bool = True
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_country: str | None = None  # ISO3 of the speaking actor, when known
    speaker_sector: str | None = None


@dataclass
class Quantity(_Record):
    kind: str  # killed, wounded, arrested, troops, money, people, ...
    value: float
    value_max: float | None
    unit: str | None
    object: str | None
    text: str
    start: int
    end: int
    period: str | None = None  # money per period: year, month, week, day
    role: str | None = None  # "total" when the text states a total, "part" for a subset ("including 3 police")


@dataclass
class TimeMention(_Record):
    """A date or time expression in the text, resolved against the publication date when there is one."""

    text: str
    start: int
    end: int
    value: str | None = None  # ISO date (or year / year-month) it resolves to; None when it cannot be resolved
    grain: str | None = None  # day, week, month, year
    relation: str | None = None  # at, since, before, after


@dataclass
class KnownActor(_Record):
    """A person or organisation identified once, remembered across the corpus (the `actor_registry` table)."""

    key: str  # accent- and case-folded canonical name
    name: str
    country: str | None
    sector: str | None
    kind: str | None
    documents: int = 1


@dataclass
class Event(_Record):
    plover: str
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    mode: str | None
    negated: bool
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    date: str | None
    location: dict[str, Any] | None
    sentence: str
    start: int
    end: int
    confidence: float
    context: list[str] = field(default_factory=list)
    hypothetical: bool = False
    verb: Span | None = None


@dataclass
class Document(_Record):
    """One article: clean text plus everything later stages attach to it."""

    id: str
    url: str | None
    title: str | None
    date: str | None  # ISO 8601 publication date, None when the page does not say
    site: str | None
    authors: list[str]
    language: str | None
    text: str
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[TimeMention] = field(default_factory=list)  # stored as a JSON column of `articles`
    tone: float | None = None  # mean polarity of opinion words, -1..1 (knowledge/tone.py)
    themes: list[str] = field(default_factory=list)  # PLOVER context labels


# Lists of a Document that are stored as child tables, and their record types.
CHILD_RECORDS: dict[str, type[_Record]] = {
    "entities": Entity,
    "actors": Actor,
    "locations": Location,
    "quotes": Quote,
    "quantities": Quantity,
    "events": Event,
}


@dataclass
class Source(_Record):
    """Where a document came from: the provenance row of the `documents` table."""

    id: str  # content hash of the raw record; equals Document.id
    path: str
    url: str | None
    format: str  # html, text, jsonl, warc, wet, sgml
    record: int  # index of the record inside a multi-record file (0 otherwise)
    content_hash: str
    size: int


@dataclass
class Reject(_Record):
    """Input that could not be turned into a document, with a reason a user can act on."""

    path: str
    reason: str
    record: int = 0
