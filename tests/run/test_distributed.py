"""The Dask executor gives the same database as the in-process run, and runs survive kill -9."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

import eventwire
from eventwire.run.distributed import run_distributed


#: Tables filled per document; corpus-level tables (stories) depend on arrival order by design.
PER_DOCUMENT = ["documents", "articles", "entities", "locations", "quotes", "quantities", "events", "rejects"]


def _counts(db):
    con = duckdb.connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PER_DOCUMENT}
    finally:
        con.close()


def test_local_dask_cluster_matches_in_process_run(tmp_path, sample):
    local, dask = str(tmp_path / "local.duckdb"), str(tmp_path / "dask.duckdb")
    eventwire.run([str(sample)], db=local)
    summary = run_distributed([str(sample)], dask, workers=2, shard_files=3)
    assert summary.new == _counts(local)["documents"]
    assert _counts(dask) == _counts(local)
    again = run_distributed([str(sample)], dask, workers=2, shard_files=3)
    assert again.new == 0 and _counts(dask) == _counts(local)
    assert not os.path.exists(dask + ".parts")


def test_finished_parts_of_a_crashed_run_are_loaded_and_unfinished_ones_redone(tmp_path, sample):
    from eventwire.run.distributed import process_shard

    db = str(tmp_path / "x.duckdb")
    files = sorted(str(p) for p in (sample / "text").iterdir())
    parts = tmp_path / "x.duckdb.parts" / "shard"
    result = process_shard(files[:2], frozenset(), str(parts), None, 1, part_docs=1)
    assert len(result.parts) == 2
    shutil.copytree(result.parts[1], str(parts / "part-99999.tmp"))  # a part cut off mid-write
    os.remove(os.path.join(result.parts[1], "_SUCCESS"))  # unfinished: no marker
    summary = run_distributed([str(sample / "text")], db, workers=1)
    counts = _counts(db)
    assert counts["documents"] == len(files) == summary.new
    assert counts["documents"] == duckdb.connect(db, read_only=True).execute(
        "SELECT count(DISTINCT id) FROM articles").fetchone()[0]


def test_kill_9_in_the_middle_then_rerun_stores_every_document_once(tmp_path, shared):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted((shared / "corpora" / "bbc" / "politics").glob("*.txt"))[:80]
    for src in sources:
        shutil.copy(src, corpus / src.name)
    db = str(tmp_path / "crash.duckdb")
    cmd = [sys.executable, "-m", "eventwire.cli", "run", str(corpus), "--db", db, "--batch-size", "8"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(7)  # model loaded and some batches committed
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr[-2000:]
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(sources)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(sources)
    orphans = con.execute("SELECT count(*) FROM entities WHERE doc_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    assert orphans == 0


def test_workers_write_minhash_signatures_the_story_step_reuses(tmp_path, sample):
    """The per-article MinHash work runs on the workers; the corpus step finds it stored."""
    from eventwire.run.distributed import process_shard
    from eventwire.stories.minhash import sketch

    files = sorted(str(p) for p in (sample / "text").iterdir())[:3]
    result = process_shard(files, frozenset(), str(tmp_path / "parts"), None, 2)
    assert len(result.parts) == 1  # 3 documents, under one part's worth
    signatures = duckdb.sql(f"SELECT doc_id, signature, shingles FROM '{result.parts[0]}/doc_signatures.parquet'").fetchall()
    texts = dict(duckdb.sql(f"SELECT id, text FROM '{result.parts[0]}/articles.parquet'").fetchall())
    assert len(signatures) == len(texts) == 3
    for doc_id, signature, shingles in signatures:
        assert (json.loads(signature), shingles) == sketch(texts[doc_id])


def _jsonl(path, n: int) -> None:
    with open(path, "w") as fh:
        for i in range(n):
            fh.write(json.dumps({"title": f"Report {i}", "text": f"Officials in town {i} met on day {i}. " * 20})
                     + ("\n{not json}\n" if i == 7 else "\n"))


def test_a_big_multi_record_file_is_dealt_out_in_slices_that_cover_each_record_once(tmp_path):
    from eventwire.ingest.readers import read_paths
    from eventwire.run.distributed import Slice, _read_slices, _shards

    big, small = tmp_path / "big.jsonl", tmp_path / "small.jsonl"
    _jsonl(big, 50)
    _jsonl(small, 2)
    shards = list(_shards([str(big), str(small)], size=32, split_bytes=os.path.getsize(big) // 3 - 1))
    assert shards[:-1] == [[Slice(str(big), k, 3)] for k in range(3)]  # about 3 split sizes: 3 slices
    assert shards[-1] == [str(small)]
    whole = [(type(i).__name__, getattr(i, "record", None)) for i in read_paths([str(big)])]
    dealt = [(type(i).__name__, getattr(i, "record", None)) for s in shards[:-1] for i in _read_slices(s)]
    assert sorted(dealt, key=str) == sorted(whole, key=str) and len(whole) == 51  # 50 articles + 1 reject


def test_no_split_size_or_a_single_document_file_keeps_files_whole(tmp_path):
    from eventwire.run.distributed import _shards

    big, page = tmp_path / "big.jsonl", tmp_path / "page.html"
    _jsonl(big, 50)
    page.write_text("<html><body>" + "<p>Words of a long page.</p>" * 2000 + "</body></html>")
    assert list(_shards([str(big), str(page)], size=32)) == [[str(big), str(page)]]
    assert list(_shards([str(big), str(page)], size=32, split_bytes=1000))[-1] == [str(page)]


def test_a_worker_loads_neither_datasketch_nor_scipy():
    """Every Dask worker pays for its imports before its first document: datasketch's LSH modules pulled
    in scipy.integrate (about 0.5 s per worker) for MinHash arithmetic that numpy does alone."""
    worker_imports = (
        "import importlib, sys; importlib.import_module('eventwire.run.distributed');"
        "from eventwire.run.pipeline import extract_new, line_evidence;"
        "from eventwire.run.stages import build_stages;"
        "from eventwire.stories.minhash import signature_row;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'datasketch', 'scipy'}))"
    )
    out = subprocess.run([sys.executable, "-c", worker_imports], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"
