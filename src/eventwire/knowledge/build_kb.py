"""Build the offline knowledge base of political actors from the PETRARCH2 and NGEC dictionaries (MIT).

    python -m eventwire.knowledge.build_kb [--reference ../shared/reference]

Reads the TABARI-format actor files of PETRARCH2 (Phoenix.Countries / International / MilNonState: a name,
its '+' aliases, and its codes with date ranges, e.g. TONY_BLAIR_ [GBRGOV 970502-070627]) and NGEC's
PLOVER agents file (role words, e.g. FARMER [~AGR]), and writes two data files the package ships:

- knowledge/data/kb_actors.tsv: alias, canonical name, roles ("GBR GOV 1997-05-02 2007-06-27", ";"-joined)
- knowledge/data/kb_agents.tsv: role word (singular, lower case, with its plurals), PLOVER sector

The files keep the dictionaries' MIT licence (knowledge/data/LICENSE.petrarch2). Only names of two or more
words are kept, and single words of four letters or more from the international and non-state files
(organisations: 'PETROBRAS'); a single word of the country file is a place, a demonym or a surname
('AFGHAN', 'HERAT'), which the country lexicon and the gazetteer handle.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

DATA = Path(__file__).with_name("data")
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "reference"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
#: CAMEO country codes that are not today's ISO 3166 alpha-3 (CAMEO manual); the rest are.
CAMEO_COUNTRIES = {"USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB", "SRP": "SRB", "CSK": "CZE",
                   "DDR": "DEU", "FRN": "DEU", "TMP": "TLS", "ZAR": "COD", "KSV": "KOS", "KNT": "KNA", "ROM": "ROU"}
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "ISM", "UNO", "EUR"}
#: Agent codes that name no sector PLOVER has (junk, non-specific, 'primary', 'president').
SKIP_AGENTS = {"JNK", "NON", "PRM", "PRE", "UNK", "SET", "ETH"}

_CODE = re.compile(r"\[([^\]]*)\]")


def _date(text: str, end: bool) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year < 30 else 1900
        month, day = digits[2:4], digits[4:6]
    elif len(digits) >= 8:
        year, month, day = int(digits[:4]), digits[4:6], digits[6:8]
    elif len(digits) >= 4:
        year, month, day = int(digits[:4]), ("12" if end else "01"), ("31" if end else "01")
    else:
        return ""
    month = month if "01" <= month <= "12" else ("12" if end else "01")
    day = day if "01" <= day <= "31" else ("28" if end else "01")
    return f"{year:04d}-{month}-{day}"


def _role(code: str) -> str | None:
    """'GBRGOV 970502-070627' -> 'GBR GOV 1997-05-02 2007-06-27'; 'IGOUNO' -> 'IGO IGO - -'."""
    parts = code.split()
    if not parts:
        return None
    letters, dates = parts[0].upper(), " ".join(parts[1:])
    if not re.fullmatch(r"[A-Z]{3,}", letters):
        return None
    head, rest = letters[:3], letters[3:]
    agents = [rest[i:i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]
    if head in ("ELI", "GOV", "MIL", "REB", "OPP", "BUS", "CVL", "JUD", "LEG", "PTY", "COP", "REL", "MED", "EDU",
                "JRN", "LAB", "AGR", "CRM", "SPY", "UAF", "REF", "SOC", "ENV", "HLH", "NGM"):
        country, agents = "-", [head] + agents  # a role with no country: '[ELI]'
    else:
        country = CAMEO_COUNTRIES.get(head, head)
    if country in ("IGO", "NGO", "UNO", "EUR"):
        country, sector = ("IGO" if country in ("UNO", "EUR") else country), ("IGO" if country != "NGO" else "NGO")
    elif country == "MNC":
        sector = "BUS"
    else:
        sector = next((a for a in agents if a not in SKIP_AGENTS and a not in ("UNO", "EUR")), "-")
        if country == "IMG":
            sector = sector if sector != "-" else "REB"
    start = end = "-"
    if dates:
        if dates.startswith(">"):
            start = _date(dates[1:], False) or "-"
        elif dates.startswith("<"):
            end = _date(dates[1:], True) or "-"
        elif "-" in dates:
            a, b = dates.split("-", 1)
            start, end = _date(a, False) or "-", _date(b, True) or "-"
    return f"{country} {sector} {start} {end}"


def _name(raw: str) -> str:
    """'TONY_BLAIR_' -> 'tony blair'; TABARI's trailing '_' marks a whole word, '_' is a space."""
    raw = raw.split("#", 1)[0].strip().lstrip("+").strip()
    raw = _CODE.sub("", raw).strip()
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip().lower()


def _keep(alias: str) -> bool:
    words = alias.split()
    return len(words) >= 2 or (len(words) == 1 and len(alias) >= 4 and alias.isalpha())


def parse_actors(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(canonical, aliases, roles) per entry of a TABARI .actors file."""
    entries: list[tuple[str, list[str], list[str]]] = []
    current: tuple[str, list[str], list[str]] | None = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t":
            if current is not None:
                current[2].extend(r for r in (_role(c) for c in _CODE.findall(line)) if r)
            continue
        if line.startswith("+"):
            if current is not None and _name(line):
                current[1].append(_name(line))
                current[2].extend(r for r in (_role(c) for c in _CODE.findall(line.split("#")[0])) if r)
            continue
        name = _name(line)
        current = (name, [name], [r for r in (_role(c) for c in _CODE.findall(line.split("#")[0])) if r])
        entries.append(current)
    return [e for e in entries if e[0] and e[2]]


def parse_agents(path: Path) -> dict[str, str]:
    """Role word -> PLOVER sector from a TABARI agents file; '!PERSON!' macros expanded, irregular plurals kept."""
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for line in path.read_text("utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        match = re.match(r"^([A-Z0-9!_.'-]+)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]", line)
        if not match:
            continue
        codes = [match.group(3)[i:i + 3] for i in range(0, len(match.group(3)), 3)]
        sector = next((c for c in codes if c not in SKIP_AGENTS), None)
        if sector is None:
            continue
        forms = [match.group(1)] + ([p.strip() for p in match.group(2).split(",")] if match.group(2) else [])
        for form in forms:
            for expanded in _expand(form, macros):
                term = " ".join(expanded.replace("_", " ").lower().split())
                if term and len(term) > 2:
                    out.setdefault(term, sector)
    return out


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"![A-Z]+!", form)
    if not found or found.group(0) not in macros:
        return [form] if "!" not in form else []
    return [x for word in macros[found.group(0)]
            for x in _expand(form[:found.start()] + word.lower() + form[found.end():], macros)]


LICENCE_NOTE = ("# Source: PETRARCH2 dictionaries (Open Event Data Alliance, https://github.com/openeventdata/petrarch2, "
                "petrarch2/data/dictionaries) and NGEC (A. Halterman, NGEC/assets); MIT licence, see LICENSE.petrarch2.\n"
                "# Generated by `python -m eventwire.knowledge.build_kb`; do not edit by hand.\n")


def build(reference: Path = SHARED, out: Path = DATA) -> tuple[int, int]:
    rows: dict[str, tuple[str, list[str]]] = {}
    for name in ACTOR_FILES:
        for canonical, aliases, roles in parse_actors(reference / "petrarch2" / name):
            for alias in aliases:
                if not _keep(alias) or (name.startswith("Phoenix.Countries") and " " not in alias):
                    continue  # one word in the country file is a place, a demonym or a surname: not an actor
                if alias in rows and rows[alias][0] != canonical:
                    rows[alias][1].extend(r for r in roles if r not in rows[alias][1])  # one alias, two entries
                    continue
                rows.setdefault(alias, (canonical, list(dict.fromkeys(roles))))
    with (out / "kb_actors.tsv").open("w", encoding="utf-8") as f:
        f.write("# Political actors with their country and sector codes over time (alias -> canonical name, roles).\n")
        f.write(LICENCE_NOTE)
        f.write("# A role is 'COUNTRY SECTOR START END' ('-' where open); CAMEO country codes are mapped to ISO 3166.\n")
        f.write("# alias\tcanonical\troles\n")
        for alias in sorted(rows):
            canonical, roles = rows[alias]
            f.write(f"{alias}\t{canonical}\t{';'.join(roles)}\n")
    agents = parse_agents(reference / "ngec" / "PLOVER_agents.txt")
    with (out / "kb_agents.tsv").open("w", encoding="utf-8") as f:
        f.write("# Role and group words -> PLOVER sector (NGEC's PLOVER agents dictionary; the first sector of a compound code).\n")
        f.write(LICENCE_NOTE)
        f.write("# term\tsector\n")
        for term in sorted(agents):
            f.write(f"{term}\t{agents[term]}\n")
    (out / "LICENSE.petrarch2").write_text((reference / "petrarch2" / "LICENSE").read_text("utf-8"), "utf-8")
    return len(rows), len(agents)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    actors, agents = build(args.reference)
    print(f"kb_actors.tsv: {actors} aliases; kb_agents.tsv: {agents} role words")


if __name__ == "__main__":
    main()
