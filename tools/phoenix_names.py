"""Write src/eventwire/nlp/data/phoenix_names.tsv from the Phoenix actor dictionaries (PETRARCH2, MIT).

    python tools/phoenix_names.py ../shared/reference/petrarch2 > src/eventwire/nlp/data/phoenix_names.tsv

The dictionaries are upper case; names are written title-cased ("TONY_BLAIR_" -> "Tony Blair"), which is
all the truecaser needs (its spaCy model only has to see a capital). Which names are used is decided at
load time (nlp/truecase.py drops those made only of common English words).
"""

import re
import sys
from pathlib import Path

FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
_LOWER = {"of", "the", "and", "for", "de", "da", "del", "la", "le", "du", "van", "von", "al", "bin", "el", "in", "on"}


def names(folder: Path) -> set[str]:
    out = set()
    for name in FILES:
        for line in (folder / name).read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip() or line[0] in "#\t [":
                continue
            entry = re.sub(r"\[.*", "", line.split("#")[0]).strip().lstrip("+").strip().strip("_")
            if entry and re.fullmatch(r"[A-Z][A-Z0-9_.'\-]*", entry):
                words = entry.replace("_", " ").split()
                out.add(" ".join(w.lower() if i and w.lower() in _LOWER else w.title() for i, w in enumerate(words)))
    return out


if __name__ == "__main__":
    found = sorted(names(Path(sys.argv[1])))
    print("# Actor names from the Phoenix dictionaries of PETRARCH2 (Phoenix.Countries, Phoenix.International,")
    print("# Phoenix.MilNonState .actors.txt; Open Event Data Alliance, MIT License), title-cased by tools/phoenix_names.py.")
    print("# name")
    print("\n".join(found))
