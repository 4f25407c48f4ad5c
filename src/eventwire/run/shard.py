"""One shard runner: the only loop from raw records to analysed documents, under every executor.

`run_shard(items, pipeline, sink)` skips what the sink already holds or the shard met earlier (a
document's id is the hash of its raw content), extracts, cuts batches of `batch_size` documents,
runs the `Pipeline` over each (inside its stages' memory zones) and hands every analysed batch to
the sink. Executors only choose the records and the sink, as datatrove's executors all call
`_run_for_rank`: `run_paths` (a `DuckSink`), a Dask worker (a `ParquetSink`, parts the client
loads), `process`, the bench and the evaluations (a `MemorySink`). Rows and MinHash signatures
are made once, by `shard_rows`, for both sinks that store them.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field

from eventwire.errors import RejectedInput
from eventwire.extract import extract
from eventwire.extract.repeats import LineCounter, site_of
from eventwire.ingest import RawItem
from eventwire.ingest.dates import resolve_date
from eventwire.ingest.readers import file_uri
from eventwire.records import Document, Reject, Source
from eventwire.run.stages import Pipeline, Work

#: Analysed documents a `DuckSink` holds before one write transaction: a DuckDB statement has a fixed
#: cost per table, which dominates small writes of short documents; a crash loses at most one group.
WRITE_DOCS = 256
#: Analysed documents in one Parquet part: loading a part costs the client about the same whatever its size.
PART_DOCS = 256
#: The marker a finished part gets last; a part without it is unfinished and redone.
SUCCESS = "_SUCCESS"
#: Learnt: a callable giving what the stages learnt since it was last called (`Pipeline.state`).
Learnt = Callable[[], list]


@dataclass
class ShardTally:
    """What one shard met, counted as it goes (a progress callback may read it mid-shard)."""

    files: set[str] = field(default_factory=set)
    analysed: int = 0
    unchanged: int = 0
    rejects: list[Reject] = field(default_factory=list)
    non_english: int = 0


class Sink:
    """Where analysed documents go; by default nothing is held, so nothing is skipped."""

    def stored(self, items: list[RawItem]) -> Container[str]:
        """The content hashes among `items` the sink holds already (those documents are not redone)."""
        return frozenset()

    def pause(self) -> None:
        """Before a batch goes into the stages: let go of what others may use meanwhile (a database file)."""

    def add(self, batch: list[Work], learnt: Learnt) -> None:
        """Take an analysed batch; `learnt()` gives what the stages learnt since it was last called."""
        raise NotImplementedError

    def reject(self, rejects: list[Reject]) -> None:
        pass

    def finish(self, learnt: Learnt) -> None:
        """After the shard's last batch: write what is held."""


class MemorySink(Sink):
    """Keeps the analysed documents (with their `Work`) and rejects: `process`, the bench, the evals."""

    def __init__(self):
        self.works: list[Work] = []
        self.rejects: list[Reject] = []

    @property
    def documents(self) -> list[Document]:
        return [w.document for w in self.works]

    def add(self, batch: list[Work], learnt: Learnt) -> None:
        self.works.extend(batch)

    def reject(self, rejects: list[Reject]) -> None:
        self.rejects.extend(rejects)


class DuckSink(Sink):
    """Writes to a `Store` every `write_docs` documents, with the actor identities learnt meanwhile in
    the same transaction (a crash loses neither without the other); `new` counts documents written."""

    def __init__(self, store, write_docs: int = WRITE_DOCS, on_reject: Callable[[Reject], None] | None = None):
        self.store = store
        self.write_docs = write_docs
        self.on_reject = on_reject
        self.new = 0
        self._rows: dict[str, list[tuple]] = {}
        self._held = 0

    def stored(self, items: list[RawItem]) -> Container[str]:
        stored = self.store.existing_ids(i.content_hash for i in items)
        # A database written before `Source.uri` existed gets it when the same inputs are run again.
        self.store.fill_uris({i.content_hash: uri for i in items if i.content_hash in stored and (uri := file_uri(i.path))})
        return stored

    def pause(self) -> None:
        self.store.release()  # `eventwire serve` may read the file while the next batch is analysed

    def add(self, batch: list[Work], learnt: Learnt) -> None:
        self._held += _extend(self._rows, shard_rows(batch))
        if self._held >= self.write_docs:
            self._write(learnt())

    def reject(self, rejects: list[Reject]) -> None:
        self.store.reject(rejects)
        for r in rejects:
            if self.on_reject:
                self.on_reject(r)

    def finish(self, learnt: Learnt) -> None:
        self._write(learnt())

    def _write(self, known_actors: list) -> None:
        self.new += self.store.insert(self._rows, known_actors)
        self._rows, self._held = {}, 0
        self.store.release()


class ParquetSink(Sink):
    """A Dask worker's: every `part_docs` documents become a part, a folder of `<table>.parquet` completed by
    `_SUCCESS`, for the client to load (DuckDB has a single writer). `known`: ids the database holds;
    `known_actors` after `finish`: the identities the stages learnt in this shard, loaded with its last part."""

    def __init__(self, folder: str, known: Container[str] = frozenset(), part_docs: int = PART_DOCS):
        self.folder = folder
        self.known = known
        self.part_docs = part_docs
        self.parts: list[str] = []
        self.rejects: list[Reject] = []
        self.known_actors: list = []
        self._rows: dict[str, list[tuple]] = {}
        self._held = 0

    def stored(self, items: list[RawItem]) -> Container[str]:
        return self.known

    def add(self, batch: list[Work], learnt: Learnt) -> None:
        self._held += _extend(self._rows, shard_rows(batch))
        if self._held >= self.part_docs:
            self._write()

    def reject(self, rejects: list[Reject]) -> None:
        self.rejects.extend(rejects)

    def finish(self, learnt: Learnt) -> None:
        self._write()
        self.known_actors = learnt()

    def _write(self) -> None:
        if self._held:
            part = os.path.join(self.folder, f"part-{len(self.parts):05d}")
            write_part(part, self._rows)
            self.parts.append(part)
        self._rows, self._held = {}, 0


def run_shard(items: Iterable[RawItem | Reject | Work], pipeline: Pipeline, sink: Sink, *, batch_size: int = 32,
              lines: LineCounter | None = None, default_date: str | None = None,
              seconds: dict[str, float] | None = None, tally: ShardTally | None = None,
              notify: Callable[[str, int], None] = lambda kind, n: None) -> ShardTally:
    """Run `pipeline` over `items` into `sink`; returns (and fills `tally`, when given) what the shard met.

    A `Work` (an evaluation's text, with no raw record) skips dedupe and extraction. The sink is asked which
    records it holds once per `batch_size` records (one query for a database). `lines`: line counts over
    the whole input (`pipeline.line_evidence`); `default_date`: the user's date for undated documents;
    `seconds`: adds time per stage and for `extract`. `notify(kind, n)`: "unchanged", "rejected" and
    "analysed" once per document settled, "analysing" with the size of a batch going into the stages.
    """
    tally = tally if tally is not None else ShardTally()
    seen: set[str] = set()
    pending: list[RawItem] = []
    batch: list[Work] = []
    rejects: list[Reject] = []

    def settle_pending() -> None:
        if not pending:
            return
        started = time.perf_counter()
        stored = sink.stored(pending)
        for item in pending:
            work = extract_new(item, stored, seen, lines, default_date)
            if work is None:
                tally.unchanged += 1
                notify("unchanged", 1)
            elif isinstance(work, Reject):
                rejects.append(work)
            else:
                batch.append(work)
        pending.clear()
        if seconds is not None:
            seconds["extract"] = seconds.get("extract", 0.0) + time.perf_counter() - started

    def write_rejects() -> None:
        if rejects:
            sink.reject(rejects)
            tally.rejects.extend(rejects)
            for _ in rejects:
                notify("rejected", 1)
            rejects.clear()

    def analyse(todo: list[Work]) -> None:
        sink.pause()
        notify("analysing", len(todo))
        pipeline(todo, seconds)
        sink.add(todo, learnt)
        tally.analysed += len(todo)
        tally.non_english += sum(1 for w in todo if w.document.language not in (None, "en"))
        for _ in todo:
            notify("analysed", 1)

    def learnt() -> list:
        return pipeline.state(changed_only=True)

    for item in items:
        if isinstance(item, Work):
            batch.append(item)
        else:
            tally.files.add(item.path)
            (rejects if isinstance(item, Reject) else pending).append(item)
        if len(pending) >= batch_size:
            settle_pending()
        if len(rejects) >= batch_size:
            write_rejects()
        while len(batch) >= batch_size:
            write_rejects()
            analyse(batch[:batch_size])
            del batch[:batch_size]
    settle_pending()
    write_rejects()
    while batch:
        analyse(batch[:batch_size])
        del batch[:batch_size]
    sink.finish(learnt)
    return tally


def shard_rows(batch: list[Work]) -> dict[str, list[tuple]]:
    """Rows of every table for an analysed batch, with each document's MinHash signature (so the corpus
    step only bands and compares); made once here for every sink that stores documents."""
    from eventwire.stories.minhash import signature_row
    from eventwire.store.duck import table_rows

    rows = table_rows([(w.source, w.document, w.engine) for w in batch])
    rows["doc_signatures"] = [signature_row(w.document.id, w.document.text) for w in batch]
    return rows


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


def write_part(folder: str, rows: dict[str, list[tuple]]) -> None:
    """Write `rows` as a part: into `<folder>.tmp`, marked `_SUCCESS`, then renamed (a crash leaves no half part)."""
    import pyarrow.parquet as pq

    from eventwire.store.duck import to_arrow

    tmp = folder + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    for table, values in rows.items():
        if values:
            pq.write_table(to_arrow(table, values), os.path.join(tmp, f"{table}.parquet"))
    open(os.path.join(tmp, SUCCESS), "w").close()
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)


def _extend(rows: dict[str, list[tuple]], more: dict[str, list[tuple]]) -> int:
    """Add `more` to `rows`; returns how many documents it held."""
    for table, values in more.items():
        rows.setdefault(table, []).extend(values)
    return len(more.get("documents", ()))
