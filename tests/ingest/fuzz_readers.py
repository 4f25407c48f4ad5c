"""Coverage-guided fuzzing of the readers with atheris (optional: `pip install atheris==3.0.0`).

    python tests/ingest/fuzz_readers.py -atheris_runs=100000 [CORPUS_DIR]

Any exception other than the readers' own rejects is a crash atheris reports with the input that caused it.
`tests/ingest/test_fuzz.py` runs a short, bounded session when atheris is installed.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports():
    from eventwire.ingest.decode import decode
    from eventwire.ingest.readers import _guard, read_stream
    from eventwire.ingest.sniff import sniff
    from eventwire.errors import RejectedInput

NAMES = ["a.txt", "a.html", "a.jsonl", "a.warc", "a.warc.gz", "a.gz", "a.sgm", "a"]


def one_input(data: bytes) -> None:
    name = NAMES[data[0] % len(NAMES)] if data else "a"
    body = data[1:]
    sniff(body, name)
    try:
        decode(body, declared="latin-1" if data[:1] == b"L" else None)
    except RejectedInput:
        pass
    for _ in _guard(name, lambda: read_stream(io.BytesIO(body), name)):
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
