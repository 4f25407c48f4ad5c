"""Property-based tests: every reader and the extractor turn any input into records or rejects, never a crash.

Bounded in time (hypothesis `max_examples` and `deadline`), no example database, so the default suite stays
fast. The nasty-input corpus at the end is generated in tmp and run end to end with `eventwire run`.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import config
from eventwire.errors import RejectedInput
from eventwire.ingest.decode import declared_charset, decode
from eventwire.ingest.readers import RawItem, _guard, _html_text, _url, read_stream
from eventwire.ingest.sniff import sniff
from eventwire.records import Reject

BOUNDED = {"suppress_health_check": [HealthCheck.too_slow], "derandomize": True, "database": None}
FAST = settings(max_examples=150, deadline=500, **BOUNDED)
SLOW = settings(max_examples=30, deadline=3000, **BOUNDED)
SNIFFED = {"gzip", "warc", "html", "jsonl", "sgml", "text", "binary", "empty"}
NAMES = st.sampled_from(["a.txt", "a.html", "a.htm", "a.jsonl", "a.json", "a.warc", "a.warc.gz", "a.wet", "a.gz",
                         "a.txt.gz", "a.sgm", "a", "-", "a.pdf"])
PREFIXES = st.sampled_from([b"", b"\x1f\x8b", b"\x1f\x8b\x08\x00", b"WARC/1.0\r\n", b"WARC/", b"<html>",
                            b"<!doctype html>",
                            b"{", b'{"text": ', b"<REUTERS>", b"<!DOCTYPE lewis>", b"\xef\xbb\xbf", b"\xff\xfe",
                            b"\xfe\xff", b"%PDF", b"<?xml version='1.0'?>", b"<!--", b"\x00"])
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


# -- input strategies ----------------------------------------------------------------------

@st.composite
def html_pages(draw) -> str:
    tags = st.sampled_from(["div", "p", "span", "article", "script", "style", "table", "td", "a", "b", "h1",
                            "title", "meta", "br", "iframe", "noscript", "svg", "template", "li", "ul"])
    tree = st.recursive(WORDS, lambda inner: st.tuples(tags, st.lists(inner, max_size=4), WORDS), max_leaves=30)

    def render(node) -> str:
        if isinstance(node, str):
            return node
        tag, children, attr = node
        return f'<{tag} class="{attr[:20]}">' + "".join(render(c) for c in children) + f"</{tag}>"

    body = render(draw(tree))
    page = f"<html><head><title>{draw(WORDS)}</title></head><body>{body}</body></html>"
    cut = draw(st.integers(0, len(page)))
    return page[:cut] if draw(st.booleans()) else page


@st.composite
def warc_files(draw) -> bytes:
    headers = draw(st.lists(st.tuples(
        st.sampled_from(["WARC-Type", "WARC-Target-URI", "Content-Length", "Content-Type", "WARC-Record-ID",
                         "WARC-Date", "X-Junk", ""]),
        st.one_of(st.sampled_from(["response", "resource", "conversion", "warcinfo", "request", "metadata",
                                   "http://example.org/a", "text/html", "text/plain", "application/http",
                                   "-1", "0", "999999999999", "abc"]),
                  st.integers(0, 5000).map(str), WORDS)), max_size=8))
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    payload = draw(st.one_of(
        st.binary(max_size=2000),
        st.builds(lambda s, b: f"HTTP/1.1 {s}\r\nContent-Type: text/html\r\n\r\n".encode() + b,
                  st.sampled_from(["200 OK", "200", "404 Not Found", "", "abc"]), st.binary(max_size=1000))))
    record = head.encode("utf-8", "surrogatepass") + b"\r\n" + payload + b"\r\n\r\n"
    data = record * draw(st.integers(1, 3))
    if draw(st.booleans()):
        data = gzip.compress(data)
    return data[:draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@st.composite
def jsonl_files(draw) -> bytes:
    values = st.recursive(st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | WORDS,
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(WORDS, inner, max_size=4),
                          max_leaves=20)
    objects = st.fixed_dictionaries({}, optional={"text": values | WORDS, "html": values | st.builds(str, html_pages()),
                                                  "url": values, "date": values, "title": values, "content": values})
    lines = draw(st.lists(st.one_of(objects.map(json.dumps), WORDS, values.map(json.dumps)), max_size=6))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def sgml_files(draw) -> bytes:
    blocks = draw(st.lists(st.builds(
        lambda d, t, b: f"<REUTERS><DATE>{d}</DATE><TITLE>{t}</TITLE><BODY>{b}\x03</BODY></REUTERS>",
        WORDS, WORDS, WORDS), max_size=4))
    return ("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + "\n".join(blocks)).encode("latin-1", "replace")


ANY_INPUT = st.one_of(
    st.binary(max_size=4096),
    st.builds(lambda p, b: p + b, PREFIXES, st.binary(max_size=2048)),
    WORDS.map(lambda s: s.encode("utf-8", "surrogatepass")),
    html_pages().map(lambda s: s.encode("utf-8", "surrogatepass")),
    warc_files(), jsonl_files(), sgml_files(),
    st.binary(max_size=2048).map(gzip.compress).flatmap(lambda g: st.integers(0, len(g)).map(lambda n: g[:n])),
    html_pages().map(lambda s: gzip.compress(s.encode("utf-8", "surrogatepass"))),
)


# -- properties ------------------------------------------------------------------------------

@FAST
@given(st.binary(max_size=9000), NAMES)
def test_sniff_always_names_a_known_format(data, name):
    assert sniff(data, name) in SNIFFED


@FAST
@given(st.builds(lambda p, b: p + b, PREFIXES, st.binary(max_size=4096)),
       st.sampled_from([None, "utf-8", "latin-1", "cp1252", "utf-16", "shift_jis", "bogus-charset", "utf-32"]))
def test_decode_returns_text_or_rejects(data, declared):
    try:
        assert isinstance(decode(data, declared=declared), str)
    except RejectedInput as exc:
        assert str(exc)


@FAST
@given(st.binary(max_size=5000))
def test_declared_charset_never_raises(data):
    found = declared_charset(b"<meta charset=" + data)
    assert found is None or isinstance(found, str)


def _check_items(items: list) -> None:
    for item in items:
        assert isinstance(item, (RawItem, Reject))
        if isinstance(item, Reject):
            assert item.reason and "\n" not in item.reason
            continue
        assert isinstance(item.content, str) and item.content
        assert item.kind in {"html", "text", "plain"}
        assert item.format in {"html", "text", "jsonl", "warc", "wet", "sgml"}
        assert len(item.content_hash) == 24 and item.size >= 0


@FAST
@given(ANY_INPUT, NAMES)
def test_read_stream_yields_items_or_rejects_or_raises_a_reject(data, name):
    """The readers' contract: records, rejects, or RejectedInput (the caller turns it into a reject) - nothing else."""
    items = []
    try:
        for item in read_stream(io.BytesIO(data), name):
            items.append(item)
    except RejectedInput as exc:
        assert str(exc)
    _check_items(items)


@FAST
@given(ANY_INPUT, NAMES)
def test_guarded_reader_never_raises(data, name):
    items = list(_guard(name, lambda: read_stream(io.BytesIO(data), name)))
    _check_items(items)


@pytest.fixture(scope="module")
def warm_extractors():
    from eventwire.extract import extract

    extract(RawItem("warm.html", 0, "html", "html", "<html><body><p>" + "Words here. " * 20 + "</p></body></html>",
                    "0" * 24, 1))
    return extract


@SLOW
@given(data=st.one_of(html_pages(), WORDS, st.text(max_size=3000)), kind=st.sampled_from(["html", "text", "plain"]),
       url=st.one_of(st.none(), st.sampled_from(["http://example.org/a", "not a url", "http://[bad", ""])),
       date=st.one_of(st.none(), WORDS, st.sampled_from(["2024-02-30", "26-FEB-1987 15:01:01.79", "0000-00-00"])))
def test_extraction_returns_an_article_or_rejects(warm_extractors, data, kind, url, date):
    extract = warm_extractors
    if not data.strip():
        return
    # items reach extraction only through the readers, which drop unparseable urls, reject over-deep HTML
    # and blank the control characters lxml refuses
    try:
        content = _html_text(data) if kind == "html" else data
    except RejectedInput:
        return
    item = RawItem("fuzz", 0, "html" if kind == "html" else "text", kind, content, "0" * 24, len(data), _url(url), date)
    try:
        article = extract(item)
    except RejectedInput as exc:
        assert str(exc)
        return
    assert article.text.strip()


def test_coverage_guided_fuzzing_finds_no_crash(tmp_path):
    """A short atheris session over the readers (skipped where atheris does not install)."""
    import subprocess
    import sys
    from pathlib import Path

    pytest.importorskip("atheris")
    harness = Path(__file__).with_name("fuzz_readers.py")
    result = subprocess.run([sys.executable, str(harness), "-atheris_runs=3000", "-max_len=4096", "-timeout=10"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 3000" in result.stderr


# -- the nasty corpus, end to end ---------------------------------------------------------------

GOOD_TEXT = ("Ministers of Norland met envoys of Sudria in the capital Velmar on Monday, officials said. "
             "Police later arrested twelve protesters outside the talks, the interior ministry said in a statement. ")


def _nasty_corpus(folder) -> tuple[dict[str, str], set[str]]:
    """Bad file name -> words its reject reason must contain; and the good files that must be stored."""
    def put(name: str, data: bytes) -> None:
        (folder / name).write_bytes(data)

    good = {
        "good.txt": (GOOD_TEXT * 3).encode(),
        "good.html": f"<html><head><title>Talks</title></head><body><article><p>{GOOD_TEXT}</p><p>{GOOD_TEXT}</p>"
                     f"</article></body></html>".encode(),
        "good-as.jsonl.txt": json.dumps({"text": GOOD_TEXT * 2, "url": "http://news.example/j"}).encode() + b"\n",
        "bad-url.jsonl": json.dumps({"text": "Update: " + GOOD_TEXT * 2, "url": "http://[bad/x"}).encode() + b"\n",
        "html-named.json": f"<html><body><p>{GOOD_TEXT} {GOOD_TEXT}</p></body></html>".encode(),
        "text-named.warc": (GOOD_TEXT + "Again: " + GOOD_TEXT).encode(),
        "gz-named.txt": gzip.compress((GOOD_TEXT + "Later: " + GOOD_TEXT).encode()),
    }
    for name, data in good.items():
        put(name, data)
    bad = {
        "zero.txt": (b"", "empty"),
        "bomb.txt.gz": (gzip.compress(b"spam " * ((40 << 20) // 5)), "too large"),
        "bomb-lines.jsonl.gz": (gzip.compress(b'{"text": "' + b"a" * (config.MAX_LINE_BYTES + 10) + b'"}\n'),
                                "too long"),
        "nested.gz": (gzip.compress(gzip.compress(GOOD_TEXT.encode())), "nested gzip"),
        "deep.html": (b"<html><body>" + b"<div>" * 50_000 + b"<p>deep</p>" + b"</div>" * 50_000 + b"</body></html>",
                      "nested too deeply"),
        "deep.jsonl": (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "nested too deeply"),
        "bad-length.warc": (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\nHTTP/1.1 200 OK\r\n\r\nx",
                            "WARC"),
        "no-uri.warc": (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nshort", "WARC"),
        "garbage.warc": (b"WARC/1.0\r\ngarbage without a colon\r\n\r\n", "WARC"),
        "negative.warc": (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n", "WARC"),
        "warc-named.html": (b"WARC/1.0" + b"A" * 10_000, "WARC"),
        "pdf-named.html": (b"%PDF-1.7\n" + os.urandom(2000), "binary"),
        "jsonl-junk.txt": (b'{"text": "broken\n', "invalid JSON"),
        "sgml-empty.sgm": (b"<!DOCTYPE lewis SYSTEM 'lewis.dtd'>\n<REUTERS><BODY></BODY></REUTERS>", "REUTERS"),
    }
    for name, (data, _) in bad.items():
        put(name, data)
    with open(folder / "sparse-1gb.txt", "wb") as fh:  # 1 GB of holes: nothing is written
        fh.truncate(1 << 30)
    with open(folder / "sparse-1gb.html", "wb") as fh:
        fh.write(b"<html><body><p>" + GOOD_TEXT.encode() * 100)
        fh.truncate(1 << 30)
    os.mkfifo(folder / "a-fifo")
    os.symlink(folder / "missing-target", folder / "broken-link")
    reasons = {name: words for name, (_, words) in bad.items()}
    reasons.update({"sparse-1gb.txt": "binary", "sparse-1gb.html": "too large", "a-fifo": "not a regular file",
                    "broken-link": "not a regular file"})
    return reasons, set(good)


def test_a_run_over_nasty_inputs_finishes_stores_the_good_and_names_the_bad(tmp_path):
    import duckdb
    from typer.testing import CliRunner

    from eventwire.cli import app

    folder = tmp_path / "nasty"
    folder.mkdir()
    reasons, good = _nasty_corpus(folder)
    db = str(tmp_path / "nasty.duckdb")
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["run", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 60
    con = duckdb.connect(db, read_only=True)
    stored = {os.path.basename(p) for (p,) in con.execute("SELECT path FROM documents").fetchall()}
    rejected: dict[str, list[str]] = {}
    for path, reason in con.execute("SELECT path, reason FROM rejects").fetchall():
        rejected.setdefault(os.path.basename(path), []).append(reason)
    assert stored == good
    assert set(rejected) == set(reasons)
    for name, words in reasons.items():
        assert any(words.lower() in r.lower() for r in rejected[name]), (name, rejected[name])


@pytest.fixture(scope="module")
def analyse():
    from eventwire.run.pipeline import process_one

    process_one("Warm-up: the minister met the envoy in the capital on Monday, officials said.")
    return process_one


SENTENCE_PARTS = st.sampled_from([
    "The minister", "Police", "Rebels", "President Ana Ruiz", "the United Nations", "Norland", "12 protesters",
    "met", "arrested", "killed", "said", "\"We will not yield,\"", "on Monday", "in Velmar", "$4.2 million",
    "did not attack", "could sanction", "since 2006", ",", ".", "?", "\n", "—", "(", ")", "\u200b", "😀", "３"])


@settings(max_examples=15, deadline=5000, **BOUNDED)
@given(st.lists(st.one_of(SENTENCE_PARTS, WORDS), min_size=8, max_size=60).map(" ".join))
def test_analysis_offsets_always_point_into_the_text(analyse, text):
    """Whatever the text, every extracted item's start/end is a valid span of Document.text."""
    try:
        doc = analyse(text)
    except RejectedInput:
        return
    n = len(doc.text)
    for name in ("entities", "actors", "locations", "quotes", "quantities", "events"):
        for item in getattr(doc, name):
            start, end = item.start, item.end
            if start is None:
                continue
            assert 0 <= start <= end <= n, (name, item)
