"""CAMEO and PLOVER code tables, read once from the package data files.

Goldstein weights and names come from the GDELT CAMEO table; PLOVER type,
mode and context from the OEDA CAMEO→PLOVER conversion table. The quad class
follows GDELT's definition on the CAMEO root code (01–05 verbal cooperation,
06–09 material cooperation, 10–14 verbal conflict, 15–20 material conflict).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class Code:
    cameo: str
    name: str
    goldstein: float | None
    quad_class: int
    plover: str | None
    mode: str | None
    context: tuple[str, ...]


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a package data file; `#` lines are the source header."""
    text = resources.files("eventwire.events").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def quad_class(cameo: str) -> int:
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, float | None]]:
    return {r[0]: (r[1], float(r[2]) if len(r) > 2 and r[2] else None) for r in read_tsv("cameo.tsv")}


@lru_cache(maxsize=1)
def _plover() -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for row in read_tsv("cameo2plover.tsv"):
        row += [""] * (4 - len(row))
        table.setdefault(row[0], (row[1], row[2], row[3]))  # first line wins (08: CONCEDE before RETREAT)
    return table


@lru_cache(maxsize=None)
def lookup(cameo: str) -> Code:
    """Everything the tables know about a CAMEO code, falling back to its parents."""
    names, plover = _names(), _plover()
    name, goldstein = next((names[c] for c in _ancestry(cameo) if c in names), ("", None))
    ptype, mode, context = next((plover[c] for c in _ancestry(cameo) if c in plover), (None, "", ""))
    return Code(cameo, name, goldstein, quad_class(cameo), ptype, mode or None,
                tuple(c for c in context.split(";") if c))


def _ancestry(cameo: str) -> list[str]:
    """'1712' → ['1712', '171', '17']; 3-digit 'x0' codes are also tried as their root."""
    return [cameo[:n] for n in range(len(cameo), 1, -1)]


def known(cameo: str) -> bool:
    return cameo in _names()


@lru_cache(maxsize=None)
def default_cameo(plover: str) -> str:
    """The CAMEO code a PLOVER type stands for when only the type is known (a model's verdict): the
    shortest, then lowest, code the CAMEO→PLOVER table maps to it."""
    if plover == "ACCUSE":
        return "11"  # 09 (investigate) is one of ACCUSE's modes; disapproval (11) is the type itself
    codes = [c for c, (ptype, _, _) in _plover().items() if ptype == plover and known(c)]
    return min(codes, key=lambda c: (len(c), c))
