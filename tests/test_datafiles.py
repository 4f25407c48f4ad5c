from pathlib import Path

import pytest

import eventwire
from eventwire.datafiles import DataFileError, read_tsv

PACKAGE = Path(eventwire.__file__).parent


def test_comments_blank_lines_and_a_column_header_are_skipped_and_cells_stripped(tmp_path, monkeypatch):
    data = tmp_path / "pkg" / "data"
    data.mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (data / "t.tsv").write_text('# source: a test\nword\tclass\n\n he \tpronoun\n# a note\n"a"\tquoted\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    assert read_tsv("pkg", "t.tsv") == [["word", "class"], ["he", "pronoun"], ['"a"', "quoted"]]
    assert read_tsv("pkg", "t.tsv", header=True) == [["he", "pronoun"], ['"a"', "quoted"]]


def test_a_file_without_a_source_header_is_refused(tmp_path, monkeypatch):
    data = tmp_path / "bare" / "data"
    data.mkdir(parents=True)
    (tmp_path / "bare" / "__init__.py").write_text("")
    (data / "t.tsv").write_text("he\tpronoun\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(DataFileError, match="source"):
        read_tsv("bare", "t.tsv")


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*/data/*.tsv")), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_shipped_data_file_names_its_source_in_a_header(path):
    assert path.read_text(encoding="utf-8").startswith("#")
