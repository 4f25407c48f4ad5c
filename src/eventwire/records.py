"""The typed records every stage reads and writes, defined once.

The JSON of `eventwire process`, the DuckDB schema (`store.schema`) and the
exports are all derived from these dataclasses, so a field added here shows up
everywhere. Every extracted item carries `start`/`end` character offsets into
`Document.text` so it can be shown in context.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """Like `dataclasses.asdict`, without deep-copying every leaf: our leaves are immutable
        (str, numbers, None), and the copies cost seconds on each corpus-level update."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


def _plain(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, (set, frozenset)) or (is_dataclass(value) and not isinstance(value, type)):
        return asdict(value) if is_dataclass(value) else copy.deepcopy(value)
    return value


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
    country_inferred: bool = False  # country taken from the document's main country, not from the actor's own words
    id: str | None = None  # identity across articles: 'person:tony blair', 'org:conservative party', 'country:GBR'
    evidence: str | None = None  # where the country came from: text, knowledge base, registry, document country


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
    value: float | None  # None: a count of unknown number ("killed militants and civilians"), role "unknown"
    value_max: float | None  # the high end of a range ("2-4", "dozens"); value is then the low end
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
    id: str | None = None  # the identity id its actors and events carry (records.Actor.id)
    aliases: list[str] = field(default_factory=list)  # surface forms seen: 'Mr Blair', 'Tony Blair'
    evidence: str | None = None  # '<document id>: <rule>' that settled the country and sector
    confidence: float | None = None  # share of its articles whose own words agree with the stored country


#: The Event fields holding counts (EventCount), in the order views and exports list them.
COUNT_FIELDS = ("killed", "wounded", "arrested", "kidnapped", "displaced")


@dataclass
class EventCount(_Record):
    """How many one event killed, wounded, arrested, kidnapped or displaced, and the words that say so
    (events/counts.py). Counts of one kind in the event's words are combined by the total rule of
    `knowledge.quantities.kind_total`: a stated total, else distinct counts, subsets left out."""

    value: float | None  # the figure to use (the low end of a range); None: an unknown number ("killed militants")
    min: float | None
    max: float | None  # the high end of a range ("2-4", "dozens"); None with a min: open-ended ("at least 5")
    text: str  # the evidence: the words from the first count to the last
    start: int
    end: int
    reports: int = 1  # how many counts of this kind were combined


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
    coder: str = "rules"  # which EventCoder made it: rules, model or combined (events/coders.py)
    killed: EventCount | None = None  # casualties and detentions the event's words count (events/counts.py)
    wounded: EventCount | None = None
    arrested: EventCount | None = None
    kidnapped: EventCount | None = None
    displaced: EventCount | None = None


@dataclass
class Document(_Record):
    """One article: clean text plus everything later stages attach to it."""

    id: str
    url: str | None
    title: str | None
    date: str | None  # ISO 8601 publication date, None when neither the page, its path nor the user says
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
    encoding: str | None = None  # codec the raw bytes were read with; None when given as text (`process()`)
    encoding_source: str | None = None  # how it was found: bom, http, meta, xml, utf-8, utf-8+cp1252, detected, fallback, format
    repairs: list[str] = field(default_factory=list)  # repairs the text needed: entities, mojibake
    recased: bool = False  # caseless (all lower case or all caps): the parse read a truecased copy (nlp/truecase.py)
    date_source: str = "none"  # where `date` came from: metadata, text, path, user or none (ingest/dates.py)


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
    # the input file as an absolute file:// URI, recorded at ingest (`path` is as given, often relative);
    # None for stdin, which has no file, and in databases written before this field existed
    uri: str | None = None


@dataclass
class Reject(_Record):
    """Input that could not be turned into a document, with a reason a user can act on."""

    path: str
    reason: str
    record: int = 0


# -- stories: corpus-level records written by `eventwire.stories.update` -------------------------


@dataclass
class StoryMember(_Record):
    """One article's place in the corpus: its story and, for a syndicated copy, the article it copies."""

    doc_id: str
    story_id: str
    date: str | None  # the article's date, or when it was first assigned if the page gave none
    site: str | None
    copy_of: str | None = None  # earliest near-duplicate; copies are kept but never counted twice
    similarity: float | None = None  # cosine to the story when it joined (1.0 for the founder)


@dataclass
class Story(_Record):
    """Articles about one happening or developing story, grouped incrementally over time."""

    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    num_articles: int  # copies excluded
    num_sources: int  # distinct sites, copies excluded
    num_copies: int
    terms: dict[str, float]  # centroid (top terms, summed unit vectors) used to place new articles
    actors: list[str]  # most mentioned actors and places, normalised
    storyline_id: str | None = None
    # clusterer state, so that a later `stories.update` places articles as one run over both batches would
    active: str | None = None  # running mean time of the story's recent articles
    spread_hours: float | None = None  # their running mean distance from `active`
    embedding: list[float] | None = None  # sum of the members' unit headline embeddings (optional extra)
    brief: bool | None = None  # undated and every member a headline or note (`stories.cluster.BRIEF_WORDS`)


@dataclass
class Mention(_Record):
    """One report of a happening: the raw event row (`events` doc_id, idx) and where it sits."""

    doc_id: str
    idx: int
    sentence: str
    start: int
    end: int
    date: str | None
    site: str | None
    copy: bool = False


@dataclass
class CountReport(_Record):
    """One report's figure for a merged event: how many it said were killed (wounded, ...), when, and where."""

    kind: str  # the Event field: killed, wounded, arrested, kidnapped, displaced
    value: float | None  # None: an unknown number
    max: float | None
    date: str | None  # the reporting article's date
    doc_id: str
    idx: int  # the raw event (events doc_id, idx)
    text: str
    start: int
    end: int


@dataclass
class MergedEvent(_Record):
    """One canonical event per happening, with the evidence from every article that reported it."""

    id: str
    plover: str
    cameo: str | None
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    date: str | None
    location: dict[str, Any] | None
    story_id: str | None
    mentions: list[Mention]
    num_articles: int  # copies excluded
    num_sources: int
    earliest_doc_id: str
    earliest_date: str | None
    # The latest report's figure (tolls rise as news comes in: 3,000 then 34,000, never their sum) ...
    killed: float | None = None
    wounded: float | None = None
    arrested: float | None = None
    kidnapped: float | None = None
    displaced: float | None = None
    count_reports: list[CountReport] = field(default_factory=list)  # ... and every report's figure, oldest first


@dataclass
class FigurePoint(_Record):
    date: str | None
    value: float
    doc_id: str
    text: str
    start: int
    end: int


@dataclass
class Figure(_Record):
    """One number a storyline keeps reporting (e.g. deaths since 2006), as it moved over time."""

    label: str
    kind: str
    since: str | None
    points: list[FigurePoint]


@dataclass
class Storyline(_Record):
    """Stories linked over months or years by shared actors and themes."""

    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    story_ids: list[str]
    actors: list[str]
    figures: list[Figure] = field(default_factory=list)


@dataclass
class DocSketch(_Record):
    """One MinHash LSH band of an article; equal keys in a band make two articles near-duplicate candidates."""

    doc_id: str
    band: int
    key: int


@dataclass
class DocSignature(_Record):
    doc_id: str
    signature: list[int]  # MinHash of the body's word shingles
    shingles: int  # how many distinct shingles (for containment of a trimmed copy)


@dataclass
class TermCount(_Record):
    """Document frequency of a clustering term over the articles clustered so far (term '' holds the total)."""

    term: str
    df: int
