"""Score `eventwire export --format acled` against ACLED's own coding of the dev notes (a dev figure).

    PYTHONPATH=src python tools/acled_export_check.py ../shared/eval/acled/bangladesh.jsonl --limit 300

Each ACLED note becomes one article (its text, its event date); the pipeline runs on them all, the export
is written, and each note's primary row (the one whose notes sentence comes first in the note) is compared
with ACLED's event_type, sub_event_type and fatalities. Notes with no exported row are counted apart. The
Bangladesh file holds only Protests and Riots, so it says nothing about the other four event types.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
from datetime import datetime
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("notes", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import eventwire
    from eventwire.export import export_interop

    notes = [json.loads(line) for line in args.notes.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(args.seed).shuffle(notes)
    notes = [n for n in notes if n.get("notes")][: args.limit or None]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db, out = Path(tmp, "notes.jsonl"), str(Path(tmp, "notes.duckdb")), str(Path(tmp, "acled.csv"))
        with corpus.open("w", encoding="utf-8") as fh:
            for n in notes:
                day = datetime.strptime(n["event_date"], "%d-%b-%y").date().isoformat()
                fh.write(json.dumps({"url": f"https://acled.example/{n['event_id_cnty']}", "date": day,
                                     "text": n["notes"]}) + "\n")
        eventwire.run([str(corpus)], db=db)
        export_interop(db, "acled", out)
        with open(out, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    scored = same_type = same_sub = same_fatal = fatal = fatal_ok = 0
    for n in notes:
        mine = [(n["notes"].find(r["notes"]), r) for r in rows if r["notes"] and r["notes"] in n["notes"]]
        if not mine:
            continue
        row = min(mine, key=lambda pair: pair[0])[1]
        scored += 1
        same_type += row["event_type"] == n["event_type"]
        same_sub += row["sub_event_type"] == n["sub_event_type"]
        right = int(row["fatalities"]) == int(n["fatalities"])
        same_fatal += right
        if int(n["fatalities"]) > 0:
            fatal += 1
            fatal_ok += right
    print(f"{len(notes)} notes, {scored} with an exported row: event_type {same_type / scored:.3f}, "
          f"sub_event_type {same_sub / scored:.3f}, fatalities exact {same_fatal / scored:.3f} "
          f"({fatal_ok}/{fatal} on notes with deaths)")


if __name__ == "__main__":
    main()
