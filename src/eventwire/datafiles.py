"""The one reader of the package's data files (lexicons and code tables, `<package>/data/*.tsv`).

A data file is tab-separated UTF-8 text that opens with `#` lines naming its source; `#` lines and
blank lines are skipped wherever they are, and each cell loses surrounding white space. Cells are
never quoted (a `"` is a character like any other). A file whose first row names its columns is read
with `header=True`, which drops that row.
"""

from __future__ import annotations

from importlib import resources


class DataFileError(ValueError):
    """A data file shipped in the package is missing its source header."""


def read_tsv(package: str, name: str, header: bool = False) -> list[list[str]]:
    """Rows of `name` in `package`'s data folder ('eventwire.knowledge', 'speech_verbs.tsv')."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    if not text.startswith("#"):
        raise DataFileError(f"{package}/data/{name} has no '#' header naming its source")
    rows = [[cell.strip() for cell in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    return rows[1:] if header else rows
