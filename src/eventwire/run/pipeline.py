"""The pipeline as a plain list: read -> extract -> NLP stages -> store.

`run_paths` streams records from the readers, skips the ones already stored
(a document's id is the hash of its raw content), extracts articles, runs the
analysis stages batch by batch and writes analysed documents in transactions of
`WRITE_DOCS` (a DuckDB statement has a fixed cost per table, which dominates small
writes of short documents; a crash loses at most one unwritten group, which the
next run redoes).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field

from eventwire.errors import RejectedInput
from eventwire.extract import extract
from eventwire.extract.repeats import LineCounter, site_of
from eventwire.ingest import RawItem, read_paths
from eventwire.ingest.dates import resolve_date, user_date
from eventwire.ingest.readers import STDIN, check_inputs, content_hash, file_uri
from eventwire.ingest.sniff import sniff
from eventwire.records import Document, Reject, Source
from eventwire.run.progress import RunProgress, count_files
from eventwire.run.stages import Work, build_stages

#: Analysed documents held before one write transaction.
WRITE_DOCS = 256


@dataclass
class Summary:
    files: set[str] = field(default_factory=set)
    new: int = 0
    unchanged: int = 0
    rejected: int = 0
    non_english: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    reject_reasons: list[Reject] = field(default_factory=list)
    worker_peak_mb: list[float] = field(default_factory=list)  # Dask runs: peak resident memory per worker
    stories: dict = field(default_factory=dict)  # what the corpus-level story update added
    phases: dict[str, float] = field(default_factory=dict)  # Dask runs: wall seconds per phase
    timeline: list[tuple] = field(default_factory=list)  # Dask runs: (worker pid, start s, end s) per shard
    progress: RunProgress = field(default_factory=RunProgress)  # what the `progress` callback shows

    @property
    def ok(self) -> bool:
        return self.new + self.unchanged > 0


def to_work(item: RawItem, lines: LineCounter | None = None, default_date: str | None = None) -> Work:
    """Extract one raw record; raises RejectedInput when it holds no article.

    `lines`: counts of lines over the whole input (see `line_evidence`), so that text dumps lose
    the lines their site or crawl repeats on every page. `default_date`: the user's date (checked, ISO)
    for a document that has none of its own and none in its path (`ingest.dates.resolve_date`).
    """
    repeated = lines.view(site_of(item.url)) if lines is not None and item.kind == "text" else frozenset()
    article = extract(item, repeated)
    source = Source(item.content_hash, item.path, article.url, item.format, item.record, item.content_hash, item.size,
                    file_uri(item.path))
    day, day_source = resolve_date(article.date, article.date_source, item.path, default_date)
    doc = Document(
        id=item.content_hash, url=article.url, title=article.title, date=day, site=article.site,
        authors=article.authors, language=article.language, text=article.text,
        encoding=item.encoding, encoding_source=item.encoding_source, repairs=article.repairs,
        date_source=day_source,
    )
    return Work(source, doc, engine=article.engine)


def process_one(content: str, url: str | None = None, date: str | None = None, title: str | None = None,
                model: str | None = None, path: str = "<input>") -> Document:
    """Full analysis of one text or HTML page, without a database."""
    data = content.encode("utf-8", "surrogatepass")
    fmt = sniff(data[:8192], path)
    kind = "html" if fmt == "html" else "text"
    item = RawItem(path, 0, fmt if fmt in ("html", "text") else "text", kind, content, content_hash(data),
                   len(data), url, date, title, date_source="user")
    work = to_work(item)
    build_stages(model)([work])
    return work.document


def run_paths(paths: list[str], db: str = "eventwire.duckdb", model: str | None = None, batch_size: int = 32,
              progress: Callable[[Summary], None] | None = None,
              on_reject: Callable[[Reject], None] | None = None, date: str | None = None) -> Summary:
    """`date`: YYYY-MM-DD for documents with no date of their own nor in their path (`BadDate` if invalid).

    `progress` is called with the summary once per input file of the first pass, when analysing starts,
    when a batch goes into the stages, and once per document settled (analysed, already stored or
    rejected); `summary.progress` says how far the run is."""
    from eventwire.store import Store

    default_date = user_date(date)
    check_inputs(paths)  # an empty folder must not leave an empty database behind
    summary = Summary()
    started = time.perf_counter()
    seen: set[str] = set()
    tally = summary.progress
    tally.files_total = count_files(paths)

    def settle(kind: str | None = None) -> None:
        """One document settled (`kind`: analysed, unchanged, rejected), or only news to show (None)."""
        if kind:
            tally.settle(kind)
        tally.files_done = len(summary.files)
        if progress:
            progress(summary)

    lines = line_evidence(paths, tally, progress and (lambda: progress(summary)))
    with Store(db) as store:
        stages = build_stages(model, store.load_known_actors())
        tally.begin()
        settle()
        unwritten: list[tuple[Source, Document, str]] = []

        def write() -> None:
            summary.new += store.write(unwritten, stages.state(changed_only=True))
            unwritten.clear()
            store.release()  # `eventwire serve` may read the file while the next batch is analysed

        for batch, rejects in _batches(read_paths(paths), store, seen, summary, batch_size, lines, default_date,
                                       settle):
            if rejects:
                store.reject(rejects)
                summary.rejected += len(rejects)
                summary.reject_reasons.extend(rejects)
                for r in rejects:
                    if on_reject:
                        on_reject(r)
                    settle("rejected")
            if batch:
                store.release()
                tally.in_analysis = len(batch)
                settle()
                stages(batch)
                unwritten.extend((w.source, w.document, w.engine) for w in batch)  # the spaCy Docs can go
                summary.non_english += sum(1 for w in batch if w.document.language not in (None, "en"))
                if len(unwritten) >= WRITE_DOCS:
                    write()
                for _ in batch:
                    settle("analysed")
        write()
        summary.stories = update_corpus(store)
        summary.counts = store.counts()
    summary.seconds = time.perf_counter() - started
    return summary


def extract_new(item: RawItem, stored: Container[str], seen: set[str],
                lines: LineCounter | None, default_date: str | None = None) -> Work | Reject | None:
    """The item's `Work`; None when it is stored already or came earlier in this run; a `Reject`
    when it holds no article."""
    if item.content_hash in stored or item.content_hash in seen:
        return None
    seen.add(item.content_hash)
    try:
        return to_work(item, lines, default_date)
    except RejectedInput as exc:
        return Reject(item.path, str(exc), item.record)


def line_evidence(paths: list[str], tally: RunProgress | None = None,
                  on_file: Callable[[], None] | None = None) -> LineCounter | None:
    """A first, read-only pass over the text inputs, counting lines per site and per crawl.

    Reading is cheap next to NLP (see `make bench`), and two passes beat one: the first pages
    of a site benefit from the evidence of the later ones. Stdin cannot be read twice.
    `tally`: gets the number of records (the run's total) and of files read; `on_file` is called per file.
    """
    if STDIN in paths:
        return None
    counter = LineCounter()
    last_path = None
    for item in read_paths(paths):
        if tally is not None:
            tally.docs_total = (tally.docs_total or 0) + 1
            if item.path != last_path:
                last_path, tally.files_done = item.path, tally.files_done + 1
                if on_file:
                    on_file()
        if isinstance(item, RawItem) and item.kind == "text":
            counter.add(item.content, site_of(item.url))
    return counter


def update_corpus(store) -> dict:
    """Corpus-level steps after the documents are stored: copies, stories, merged events, storylines."""
    from eventwire.stories import update

    return update(store.con)


def _batches(items: Iterator[RawItem | Reject], store, seen: set[str], summary: Summary,
             size: int, lines: LineCounter | None, default_date: str | None = None,
             settle: Callable[[str], None] = lambda kind: None) -> Iterator[tuple[list[Work], list[Reject]]]:
    batch: list[Work] = []
    rejects: list[Reject] = []
    pending: list[RawItem] = []

    def flush_pending() -> None:
        stored = store.existing_ids(i.content_hash for i in pending)
        store.fill_uris({i.content_hash: uri for i in pending if i.content_hash in stored and (uri := file_uri(i.path))})
        for item in pending:
            work = extract_new(item, stored, seen, lines, default_date)
            if work is None:
                summary.unchanged += 1
                settle("unchanged")
            elif isinstance(work, Reject):
                rejects.append(work)
            else:
                batch.append(work)
        pending.clear()

    for item in items:
        summary.files.add(item.path)
        if isinstance(item, Reject):
            rejects.append(item)
        else:
            pending.append(item)
        if len(pending) >= size:
            flush_pending()
        if len(batch) >= size or len(rejects) >= size:
            yield batch, rejects
            batch, rejects = [], []
    flush_pending()
    if batch or rejects:
        yield batch, rejects
