"""The in-process executor: read -> extract -> NLP stages -> store, in one process.

`run_paths` counts the input's lines and records in a first pass, then streams every record through
`run.shard.run_shard` into a `DuckSink` (documents already stored are skipped, analysed ones are
written in transactions of `WRITE_DOCS`) and ends with the corpus-level story update. `process_one`
is the same runner into memory, for one text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from eventwire.errors import RejectedInput
from eventwire.extract.repeats import LineCounter, site_of
from eventwire.ingest import RawItem, read_paths
from eventwire.ingest.dates import user_date
from eventwire.ingest.readers import STDIN, check_inputs, content_hash
from eventwire.ingest.sniff import sniff
from eventwire.records import Document, Reject
from eventwire.run.progress import RunProgress, count_files
from eventwire.run.shard import WRITE_DOCS, DuckSink, MemorySink, ShardTally, extract_new, run_shard, to_work
from eventwire.run.stages import Pipeline, build_stages

__all__ = ["Summary", "WRITE_DOCS", "analyse_one", "extract_new", "line_evidence", "process_one", "run_paths",
           "to_work", "update_corpus"]


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


def process_one(content: str, url: str | None = None, date: str | None = None, title: str | None = None,
                model: str | None = None, path: str = "<input>") -> Document:
    """Full analysis of one text or HTML page, without a database; RejectedInput when it holds no article."""
    data = content.encode("utf-8", "surrogatepass")
    fmt = sniff(data[:8192], path)
    kind = "html" if fmt == "html" else "text"
    item = RawItem(path, 0, fmt if fmt in ("html", "text") else "text", kind, content, content_hash(data),
                   len(data), url, date, title, date_source="user")
    return analyse_one(item, build_stages(model))


def analyse_one(item: RawItem, pipeline: Pipeline) -> Document:
    """One record through the shard runner into memory (`process_one`, `eventwire process`)."""
    sink = MemorySink()
    run_shard([item], pipeline, sink)
    if sink.rejects:
        raise RejectedInput(sink.rejects[0].reason)
    return sink.documents[0]


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
    shard = ShardTally(files=summary.files)

    def notify(kind: str, n: int) -> None:
        if kind == "analysing":
            tally.in_analysis = n
            settle()
        else:
            settle(kind)

    with Store(db) as store:
        stages = build_stages(model, store.load_known_actors())
        tally.begin()
        settle()
        sink = DuckSink(store, WRITE_DOCS, on_reject)
        run_shard(read_paths(paths), stages, sink, batch_size=batch_size, lines=lines, default_date=default_date,
                  tally=shard, notify=notify)
        summary.new, summary.unchanged, summary.non_english = sink.new, shard.unchanged, shard.non_english
        summary.rejected, summary.reject_reasons = len(shard.rejects), shard.rejects
        summary.stories = update_corpus(store)
        summary.counts = store.counts()
    summary.seconds = time.perf_counter() - started
    return summary


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
