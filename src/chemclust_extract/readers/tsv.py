"""Tab-separated sheets: one label/value row per line, ragged, with trailing
tabs, a cell possibly holding raw HTML."""

from __future__ import annotations

from chemclust_extract.rows import Row

_QUOTE = '"'
# A trailing cell of only these is empty: U+FFFD stands for bytes lost in
# decoding (a stray byte after the last tab), and control characters are no text.
_NO_TEXT = "\ufffd" + "".join(map(chr, [*range(0x20), 0x7F]))


def read_tsv(text: str) -> list[Row]:
    """Split a tab-separated sheet into rows, dropping blank lines and
    trailing empty cells (a stray byte's U+FFFD is nothing).

    >>> read_tsv(" \\n\\nProjekt\\tChemClust\\t\\t\\n1\\tÚstí Region (CZ)\\thttp://x.cz/\\t")
    [Row(line=3, cells=('Projekt', 'ChemClust'), links=(), heading=False), \
Row(line=4, cells=('1', 'Ústí Region (CZ)', 'http://x.cz/'), links=(), heading=False)]
    """
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = [_unquote(c.strip()) for c in line.split("\t")]
        while cells and not cells[-1].strip(_NO_TEXT):
            cells.pop()
        if cells:
            rows.append(Row(number, tuple(cells)))
    return rows


def _unquote(cell: str) -> str:
    """Undo a spreadsheet's quoting of a whole cell, leaving other quotes alone.

    >>> print(_unquote('"say ""hi"" now"'), _unquote('"a" and "b"'), sep=" | ")
    say "hi" now | "a" and "b"
    """
    inner = cell[1:-1]
    if (
        len(cell) >= 2
        and cell[0] == cell[-1] == _QUOTE
        and _QUOTE not in inner.replace(2 * _QUOTE, "")
    ):
        return inner.replace(2 * _QUOTE, _QUOTE)
    return cell
