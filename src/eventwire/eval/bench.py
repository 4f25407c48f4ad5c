"""`make bench`: throughput per stage against spaCy alone on the same texts, in the same run.

Machines here are noisy, so every figure is reported next to a reference
measured in the same process minutes apart: end-to-end speed as a ratio of
spaCy-alone speed, and 2 Dask workers as a ratio of 1.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def corpus_files(name: str, limit_files: int | None) -> list[str]:
    root = SHARED / "corpora" / name
    if name == "bbc":
        files = sorted(str(p) for p in root.glob("*/*.txt"))
    else:
        files = sorted(str(p) for p in root.glob("*.sgm"))
    if not limit_files or limit_files >= len(files):
        return files
    step = len(files) / limit_files  # an even sample across folders (BBC categories), not the first one
    return [files[int(i * step)] for i in range(limit_files)]


def profile_stages(files: list[str], model: str | None, batch_size: int) -> dict:
    """Seconds spent reading, extracting and in each stage, one process, model load excluded; the records
    go through the shard runner as a run's do (so a repeated file is analysed once), into memory."""
    from eventwire.ingest import RawItem, read_paths
    from eventwire.nlp import load_model
    from eventwire.run.shard import MemorySink, run_shard
    from eventwire.run.stages import build_stages
    from eventwire.store import Store

    load_model(model)  # cached: every later use, timed or not, finds it loaded
    seconds: dict[str, float] = defaultdict(float)
    t = time.perf_counter()
    items = [i for i in read_paths(files) if isinstance(i, RawItem)]
    seconds["read"] = time.perf_counter() - t
    sink = MemorySink()
    run_shard(items, build_stages(model), sink, batch_size=batch_size, seconds=seconds)
    works = sink.works
    with tempfile.TemporaryDirectory() as tmp, Store(os.path.join(tmp, "b.duckdb")) as store:
        t = time.perf_counter()
        for start in range(0, len(works), batch_size):
            store.write([(w.source, w.document, w.engine) for w in works[start:start + batch_size]])
        seconds["store"] = time.perf_counter() - t
    texts = [w.document.text for w in works]
    return {"documents": len(works), "seconds": dict(seconds), "texts": texts,
            "spacy_alone_seconds": spacy_alone(texts, model, batch_size)}


def spacy_alone(texts: list[str], model: str | None, batch_size: int) -> float:
    """Seconds for the spaCy pipeline alone over `texts`: the yardstick for end to end."""
    from eventwire.nlp import load_model

    nlp = load_model(model)
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t


def end_to_end(files: list[str], model: str | None, batch_size: int) -> tuple[int, float]:
    from eventwire.run.pipeline import run_paths

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        summary = run_paths(files, db=os.path.join(tmp, "e.duckdb"), model=model, batch_size=batch_size)
        return summary.new, time.perf_counter() - t


def dask_run(files: list[str], workers: int, model: str | None, batch_size: int) -> dict:
    from eventwire.run.distributed import run_distributed

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        summary = run_distributed(files, os.path.join(tmp, "d.duckdb"), workers=workers, model=model,
                                  batch_size=batch_size, shard_files=max(1, len(files) // 32))
        return {"workers": workers, "documents": summary.new, "seconds": time.perf_counter() - t,
                "peak_mb_per_worker": max(summary.worker_peak_mb or [0.0]), "phases": summary.phases,
                "timeline": summary.timeline}


def flat_memory(n_docs: int, workers: int, model: str | None, batch_size: int) -> dict:
    """Worker memory over a long run: Reuters stories replicated with changed ids into JSON Lines shards."""
    import threading

    import psutil

    from eventwire.ingest import RawItem, read_paths
    from eventwire.run.distributed import run_distributed

    stories = [i for i in read_paths(corpus_files("reuters21578", None)) if isinstance(i, RawItem)]
    samples: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        written, shard = 0, 0
        while written < n_docs:
            with open(os.path.join(tmp, f"copy-{shard:04d}.jsonl"), "w") as fh:
                for story in stories[: min(500, n_docs - written)]:
                    fh.write(json.dumps({"text": story.content, "title": story.title,
                                         "url": f"urn:copy:{shard}:{story.record}"}) + "\n")
                    written += 1
            shard += 1
            stories = stories[500:] + stories[:500]
        done = threading.Event()
        me = psutil.Process()
        started = time.perf_counter()

        def sample() -> None:
            while not done.wait(5):
                rss = [c.memory_info().rss for c in me.children(recursive=True) if _alive(c)]
                if rss:
                    samples.append((time.perf_counter() - started, max(rss) / 2**20))

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        # Worker memory is the question here: the corpus-level story step after the workers stop is left out.
        summary = run_distributed([tmp], os.path.join(tmp, "flat.duckdb"), workers=workers, model=model,
                                  batch_size=batch_size, shard_files=1, stories=False)
        done.set()
        thread.join()
    quarter = max(1, len(samples) // 4)
    first = sum(m for _, m in samples[:quarter]) / quarter if samples else 0.0
    last = sum(m for _, m in samples[-quarter:]) / quarter if samples else 0.0
    return {"documents": summary.new, "seconds": time.perf_counter() - started, "workers": workers,
            "peak_mb_per_worker": max(summary.worker_peak_mb or [0.0]),
            "rss_mb_first_quarter": first, "rss_mb_last_quarter": last, "samples": samples}


def _alive(proc) -> bool:
    try:
        return proc.is_running()
    except Exception:
        return False


def query_speed(n_events: int = 1_000_000) -> dict:
    """Typical questions on a generated database of `n_events` events."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"""
        CREATE TABLE events AS SELECT
            'd' || (i // 5) AS doc_id, i % 5 AS idx,
            (['AGREE','CONSULT','SUPPORT','COOPERATE','AID','REQUEST','ACCUSE','REJECT','THREATEN','PROTEST',
              'SANCTION','MOBILIZE','COERCE','ASSAULT'])[1 + (hash(i) % 14)::INTEGER] AS plover,
            strftime(DATE '2000-01-01' + INTERVAL (hash(i * 7) % 9000) DAY, '%Y-%m-%d') AS date,
            json_object('name', 'actor' || (hash(i * 3) % 5000), 'country', 'C' || (hash(i) % 200)) AS source,
            json_object('name', 'actor' || (hash(i * 5) % 5000), 'country', 'C' || (hash(i * 11) % 200)) AS target
        FROM range({n_events}) t(i)""")
    queries = {
        "events by month and type": """SELECT substr(date, 1, 7) AS month, plover, count(*) FROM events
                                        GROUP BY ALL ORDER BY ALL""",
        "top actor pairs": """SELECT source->>'name' AS s, target->>'name' AS t, count(*) AS n FROM events
                               GROUP BY ALL ORDER BY n DESC LIMIT 20""",
    }
    out = {}
    for name, sql in queries.items():
        t = time.perf_counter()
        con.execute(sql).fetchall()
        out[name] = time.perf_counter() - t
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bbc-files", type=int, default=0, help="limit BBC files (0: all 2,225)")
    parser.add_argument("--reuters-files", type=int, default=2, help="Reuters SGML files (1,000 stories each)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--dask-only", action="store_true", help="only the 1- and 2-worker Dask runs")
    parser.add_argument("--flat-docs", type=int, default=0, help="also run N replicated documents on 2 workers "
                        "and sample worker memory (100000 for the issue's figure)")
    parser.add_argument("--corpora", default="bbc,reuters21578",
                        help="comma-separated corpora to benchmark ('' with --flat-docs: the memory run only)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="alternate end to end / spaCy alone and 1 / 2 Dask workers N times; report the median "
                             "(the lower middle one for an even N)")
    parser.add_argument("--json", default="bench.json")
    args = parser.parse_args(argv)
    from rich.console import Console
    from rich.table import Table

    results: dict = {"corpora": {}, "cores": os.cpu_count()}
    wanted = {c.strip() for c in args.corpora.split(",") if c.strip()}
    for name, limit in (("bbc", args.bbc_files or None), ("reuters21578", args.reuters_files)):
        if name not in wanted:
            continue
        files = corpus_files(name, limit)
        entry: dict = {"documents": len(files)}
        if not args.dask_only:
            prof = profile_stages(files, args.model, args.batch_size)
            n = prof["documents"]
            # Each end-to-end run is followed by its own spaCy-alone run, so that a shared machine's
            # changing load falls on both sides of each ratio; the median over --repeat pairs is reported.
            pairs = []
            for _ in range(args.repeat):
                docs, e2e = end_to_end(files, args.model, args.batch_size)
                alone = spacy_alone(prof["texts"], args.model, args.batch_size)
                pairs.append((docs / e2e, n / alone))
            ratios = [e2e_rate / alone_rate for e2e_rate, alone_rate in pairs]
            middle = pairs[ratios.index(statistics.median_low(ratios))]
            entry = {
                "documents": n,
                "stage_docs_per_sec": {k: n / v if v else None for k, v in prof["seconds"].items()},
                "spacy_alone_docs_per_sec": middle[1],
                "end_to_end_docs_per_sec": middle[0],
                "ratio_to_spacy": statistics.median_low(ratios),
                "ratio_to_spacy_runs": ratios,
            }
        if not args.no_dask:
            runs = []
            for _ in range(args.repeat):  # 1 and 2 workers alternate, for the same reason
                runs.append((dask_run(files, 1, args.model, args.batch_size),
                             dask_run(files, 2, args.model, args.batch_size)))
            speedups = [one["seconds"] / two["seconds"] for one, two in runs]
            one, two = runs[speedups.index(statistics.median_low(speedups))]
            entry["dask"] = [one, two]
            entry["dask_all_runs"] = [list(pair) for pair in runs]  # every pair, phases and timelines included
            if args.dask_only:  # no profile run counted the documents; the runs did
                entry["documents"] = one["documents"]
            entry["speedup_2_vs_1"] = statistics.median_low(speedups)
            entry["speedup_2_vs_1_runs"] = speedups
            # The shard phase (workers start, load the model, analyse; the client loads their parts), without
            # the serial story update that follows: how the distributed part itself scales.
            entry["speedup_2_vs_1_shards"] = one["phases"]["shards"] / two["phases"]["shards"]
        results["corpora"][name] = entry
    if args.flat_docs:
        results["flat_memory"] = flat_memory(args.flat_docs, 2, args.model, args.batch_size)
    if not args.dask_only:
        results["queries_1m_events_seconds"] = query_speed()
    results["peak_mb_main_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(args.json).write_text(json.dumps(results, indent=2))

    console = Console()
    for name, entry in results["corpora"].items():
        table = Table(title=f"{name}: {entry['documents']:,} documents, docs/s per core (1 process)")
        table.add_column("stage")
        table.add_column("docs/s", justify="right")
        if "stage_docs_per_sec" in entry:
            for stage, rate in entry["stage_docs_per_sec"].items():
                table.add_row(stage, f"{rate:,.0f}" if rate else "-")
            table.add_row("end to end", f"{entry['end_to_end_docs_per_sec']:,.1f}")
            table.add_row("spaCy alone (same texts)", f"{entry['spacy_alone_docs_per_sec']:,.1f}")
            table.add_row("ratio end-to-end / spaCy (median)" if len(entry["ratio_to_spacy_runs"]) > 1
                          else "ratio end-to-end / spaCy", f"{entry['ratio_to_spacy']:.2f}")
            if len(entry["ratio_to_spacy_runs"]) > 1:
                table.add_row("  every run", " ".join(f"{r:.2f}" for r in entry["ratio_to_spacy_runs"]))
        for run in entry.get("dask", []):
            table.add_row(f"Dask {run['workers']} worker(s): seconds / peak MB per worker",
                          f"{run['seconds']:.1f} / {run['peak_mb_per_worker']:.0f}")
            phases = run["phases"]
            table.add_row("  of which start / shards / stories (s)",
                          f"{phases['start']:.1f} / {phases['shards']:.1f} / {phases['stories']:.1f}")
            if phases.get("worker busy (during shards)"):
                table.add_row("  workers busy, share of workers x shard phase",
                              f"{phases['worker busy (during shards)'] / (run['workers'] * phases['shards']):.0%}")
        if "speedup_2_vs_1" in entry:
            table.add_row("speed-up 2 vs 1 workers, whole run", f"{entry['speedup_2_vs_1']:.2f}")
            if len(entry["speedup_2_vs_1_runs"]) > 1:
                table.add_row("  every run", " ".join(f"{r:.2f}" for r in entry["speedup_2_vs_1_runs"]))
            table.add_row("speed-up 2 vs 1 workers, shard phase", f"{entry['speedup_2_vs_1_shards']:.2f}")
        console.print(table)
    for name, secs in results.get("queries_1m_events_seconds", {}).items():
        console.print(f"query on 1,000,000 events, {name}: {secs:.3f} s")
    if "flat_memory" in results:
        flat = results["flat_memory"]
        console.print(f"{flat['documents']:,} documents on 2 workers in {flat['seconds']:.0f} s: worker RSS "
                      f"{flat['rss_mb_first_quarter']:.0f} MB (first quarter) -> {flat['rss_mb_last_quarter']:.0f} MB "
                      f"(last quarter), peak {flat['peak_mb_per_worker']:.0f} MB")
    console.print(f"written: {args.json}")
    return results


if __name__ == "__main__":
    main()
