"""The Dask executor: the same pipeline, run on a local or remote Dask cluster.

Work is cut into shards of input files. A worker streams its shard through
the stages and writes each batch as a *part*: a folder of Parquet files, one
per table, completed by a `_SUCCESS` marker written last. The client loads
parts into DuckDB one transaction each (DuckDB has a single writer) and then
deletes them. A crash at any point leaves either an unfinished part (ignored
and redone) or a finished one (loaded on the next run), and document ids are
content hashes, so every document ends up stored exactly once.

On a cluster, `--db` and the inputs must sit on a file system the workers share.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from eventwire.errors import EventwireError
from eventwire.ingest.dates import user_date
from eventwire.ingest.readers import check_inputs, iter_files, read_paths
from eventwire.ingest.sniff import sniff
from eventwire.records import Reject
from eventwire.run.shard import PART_DOCS, SUCCESS
from eventwire.store.duck import Store

_STAGES: dict[str | None, list] = {}
#: For the local cluster only (a user's own scheduler keeps its settings). Its scheduler and nannies
#: run in this process, beside the part loading, and every periodic callback takes CPU from the
#: workers on a small machine. Idle, a 2-worker cluster cost this process 4% of a core and its
#: workers 0.53 s per 15 s with Dask's defaults; with these, 0.8% and 0.09 s.
#: - profile: Dask's statistical profiler samples each worker's stack every 10 ms for the dashboard,
#:   which we do not serve; on spaCy's deep stacks that cost about 5% of a worker's CPU.
#: - tick: each event loop times itself every 20 ms, only to warn when it was blocked for seconds.
#: - memory monitor: a nanny reads its worker's memory every 100 ms; twice a second still stops a
#:   runaway worker.
#: - system monitor and cluster repr: dashboard figures and the cluster's repr, neither shown.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.deploy.cluster-repr-interval": "10s",
}
#: A file holding many records (WARC, JSON Lines, SGML) larger than its share of the run is
#: dealt out in up to this many slices, so that a few big files still keep every worker busy.
SHARDS_PER_WORKER = 2
MAX_SLICES = 8
LARGE_FILE = 50_000_000  # a file this big is never read more than once: it gets a shard of its own
_SPLITTABLE = {"gzip", "warc", "jsonl", "sgml"}


@dataclass(frozen=True)
class Slice:
    """Every `parts`-th record of a file, from record `part` on. Interleaved rather than
    contiguous: the slices come out of equal size without counting the records first."""

    path: str
    part: int = 0
    parts: int = 1


class DistributedError(EventwireError):
    """The Dask cluster cannot be reached or the input cannot be sharded."""


@dataclass
class ShardResult:
    parts: list[str] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    unchanged: int = 0
    files: list[str] = field(default_factory=list)
    known_actors: list = field(default_factory=list)  # registry rows the worker added or changed in this shard
    busy: float = 0.0  # seconds the worker spent on the shard (its first also imports spaCy and loads the model and tables)
    timeline: tuple = ()  # (worker process id, wall-clock start, end): where a run's workers idled


def run_distributed(paths: list[str], db: str, *, workers: int | None = None, scheduler: str | None = None,
                    model: str | None = None, batch_size: int = 32, shard_files: int = 32,
                    progress: Callable | None = None, on_reject: Callable[[Reject], None] | None = None,
                    stories: bool = True, date: str | None = None):
    """`date`: YYYY-MM-DD for documents with no date of their own nor in their path (as `run_paths`).
    `progress` is called when the shards are sent and per finished shard; `summary.progress` counts the
    bytes of the finished shards out of the input's (this process reads no input to count documents)."""
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    from eventwire.run.pipeline import Summary, update_corpus

    default_date = user_date(date)
    if "-" in paths:
        raise DistributedError("stdin (-) cannot be shared with Dask workers; write it to a file first")
    check_inputs(paths)
    summary = Summary()
    started, started_at = time.perf_counter(), time.time()
    parts_root = os.path.abspath(db) + ".parts"
    with Store(db) as store:
        summary.new += _load_finished_parts(store, parts_root)  # left by a crashed run
        known = frozenset(r[0] for r in store.con.execute("SELECT id FROM documents").fetchall())
        actors = store.load_known_actors()
        store.release()
        try:
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                cluster = None if scheduler else LocalCluster(
                    n_workers=workers or os.cpu_count(), threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=40)
            client = Client(scheduler or cluster, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise DistributedError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}") from None
        try:
            files = _input_files(paths)
            split = sum(os.path.getsize(f) for f in files if os.path.isfile(f)) // (SHARDS_PER_WORKER * max(1, len(client.nthreads())))
            # Largest shards first: the last shard to finish then is a small one, so no worker idles long at the end.
            shards = sorted(_shards(files, shard_files, split), key=_shard_bytes, reverse=True)
            [known_ids, known_actors] = client.scatter([known, actors], broadcast=True)
            futures = [client.submit(process_shard, shard, known_ids, os.path.join(parts_root, _shard_id(shard)),
                                     model, batch_size, known_actors, default_date=default_date, pure=False)
                       for shard in shards]
            shard_bytes = {future.key: _shard_bytes(shard) for future, shard in zip(futures, shards)}
            tally = summary.progress
            tally.files_total, tally.bytes_total = len(files), sum(shard_bytes.values())
            tally.begin()
            if progress:
                progress(summary)
            summary.phases["start"] = time.perf_counter() - started
            loading, busy, client_cpu = 0.0, 0.0, time.process_time()
            store.setting("SET threads = 1")  # loading parts must not take cores from the workers
            for future in as_completed(futures):
                load_started = time.perf_counter()
                result = future.result()
                busy += result.busy
                pid, began, ended = result.timeline
                summary.timeline.append((pid, round(began - started_at, 2), round(ended - started_at, 2)))
                new_before = summary.new
                _absorb(store, result, summary, on_reject)
                tally.settle("analysed", summary.new - new_before)
                tally.settle("unchanged", result.unchanged)
                tally.settle("rejected", len(result.rejects))
                tally.bytes_done += shard_bytes[future.key]
                tally.files_done = len(summary.files)
                store.release()  # `eventwire serve` may read between shards
                loading += time.perf_counter() - load_started
                if progress:
                    progress(summary)
            store.reset_settings()
            summary.phases["loading (during shards)"] = loading
            summary.phases["client CPU (during shards)"] = time.process_time() - client_cpu
            # Worker time summed over shards; next to workers x shard phase it shows idle workers and start-up.
            summary.phases["worker busy (during shards)"] = busy
            summary.worker_peak_mb = sorted(client.run(_peak_rss_mb).values())
            summary.phases["shards"] = time.perf_counter() - started - summary.phases["start"]
        except BaseException:
            _close(client, cluster)
            raise
        # Stopping the workers takes seconds; the story update, in this process, need not wait for it.
        closing = threading.Thread(target=_close, args=(client, cluster), daemon=True)
        closing.start()
        stories_started = time.perf_counter()
        summary.stories = update_corpus(store) if stories else {}
        summary.phases["stories"] = time.perf_counter() - stories_started
        waited = time.perf_counter()
        closing.join()
        summary.phases["closing (after stories)"] = time.perf_counter() - waited
        summary.counts = store.counts()
    shutil.rmtree(parts_root, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    summary.phases["other"] = summary.seconds - sum(v for k, v in summary.phases.items() if "during" not in k)
    return summary


def _absorb(store: Store, result: ShardResult, summary, on_reject: Callable[[Reject], None] | None) -> None:
    """Load a finished shard's parts, actors and rejects into the database (one writer: the client)."""
    summary.files.update(result.files)
    summary.unchanged += result.unchanged
    if not result.parts:
        store.save_known_actors(result.known_actors, merge=True)
    for i, part in enumerate(result.parts):  # the shard's identities go in with its last part
        last = i == len(result.parts) - 1
        summary.new += store.insert_parquet(part, result.known_actors if last else None)
        shutil.rmtree(part, ignore_errors=True)
    if result.rejects:
        store.reject(result.rejects)
        summary.rejected += len(result.rejects)
        for reject in result.rejects:
            if on_reject:
                on_reject(reject)


def process_shard(files: list[str | Slice], known: frozenset[str], folder: str, model: str | None,
                  batch_size: int, known_actors: list | None = None, part_docs: int = PART_DOCS,
                  default_date: str | None = None) -> ShardResult:
    """Runs on a worker: the shard runner over the shard's records into Parquet parts of `part_docs`
    documents (loading a part costs the client about the same whatever its size)."""
    began, began_at = time.perf_counter(), time.time()  # before the imports: a new worker's first shard pays them
    from eventwire.run.pipeline import line_evidence
    from eventwire.run.shard import ParquetSink, run_shard

    slices = [f if isinstance(f, Slice) else Slice(f) for f in files]
    paths = list(dict.fromkeys(s.path for s in slices))
    stages = _worker_stages(model, known_actors or [])
    lines = line_evidence(paths)  # evidence from the shard's own pages (a slice's whole file)
    sink = ParquetSink(folder, known, part_docs)
    tally = run_shard(_read_slices(slices), stages, sink, batch_size=batch_size, lines=lines, default_date=default_date)
    return ShardResult(parts=sink.parts, rejects=sink.rejects, unchanged=tally.unchanged, files=paths,
                       known_actors=sink.known_actors, busy=time.perf_counter() - began,
                       timeline=(os.getpid(), began_at, time.time()))


def _worker_stages(model: str | None, known_actors: list):
    """Stages are built once per worker process, so the spaCy model loads once per worker;
    the actor registry grows across the shards a worker processes."""
    from eventwire.run.stages import build_stages

    if model not in _STAGES:
        _STAGES[model] = build_stages(model, known_actors)
    return _STAGES[model]


def _close(client, cluster) -> None:
    client.close()
    if cluster is not None:
        cluster.close()


def _peak_rss_mb() -> float:
    """The worker's own peak: VmHWM belongs to this process image, whereas getrusage's ru_maxrss
    survives fork and exec and so reports the client's size when the client is the larger."""
    import resource

    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load_finished_parts(store: Store, root: str) -> int:
    loaded = 0
    if not os.path.isdir(root):
        return loaded
    for dirpath, _, filenames in sorted(os.walk(root)):
        if SUCCESS in filenames and not dirpath.endswith(".tmp"):
            loaded += store.insert_parquet(dirpath)
            shutil.rmtree(dirpath, ignore_errors=True)
    return loaded


def _read_slices(slices: list[Slice]):
    for piece in slices:
        items = read_paths([piece.path])
        yield from items if piece.parts == 1 else itertools.islice(items, piece.part, None, piece.parts)


def _input_files(paths: list[str]) -> list[str]:
    return [f for path in paths for f in (iter_files(path) if os.path.isdir(path) else [path])]


def _shards(files: list[str], size: int, split_bytes: int = 0):
    """Groups of `size` files; a large file gets a shard of its own, and a multi-record file
    over `split_bytes` is dealt out as slices, each its own shard."""
    shard: list[str] = []
    for file in files:
        parts = _slices(file, split_bytes)
        if parts > 1:
            yield from ([Slice(file, k, parts)] for k in range(parts))
            continue
        if os.path.exists(file) and os.path.getsize(file) > LARGE_FILE:
            yield [file]
            continue
        shard.append(file)
        if len(shard) >= size:
            yield shard
            shard = []
    if shard:
        yield shard


def _slices(file: str, split_bytes: int) -> int:
    """How many slices to deal `file` out in (1: whole). Every slice reads the whole file and keeps
    its own records, so only files of many records and of moderate size are split."""
    try:
        size = os.path.getsize(file)
        if not split_bytes or size < 1.5 * split_bytes or size > LARGE_FILE:
            return 1
        with open(file, "rb") as fh:
            if sniff(fh.read(8192), file) not in _SPLITTABLE:
                return 1
    except OSError:
        return 1
    # Rounded, not rounded up: slices near the target size leave no small straggler shard running alone at the end.
    return min(MAX_SLICES, max(1, round(size / split_bytes)))


def _shard_bytes(files: list[str | Slice]) -> float:
    return sum(os.path.getsize(f.path) / f.parts if isinstance(f, Slice) else os.path.getsize(f)
               for f in files if os.path.exists(f.path if isinstance(f, Slice) else f))


def _shard_id(files: list[str | Slice]) -> str:
    names = [f"{f.path}\0{f.part}/{f.parts}" if isinstance(f, Slice) else f for f in files]
    return hashlib.sha256("\0".join(names).encode()).hexdigest()[:16]

