"""Tab-separated sheets: one label/value row per line, ragged, with trailing
tabs, a cell possibly holding raw HTML; or Excel's tab-delimited export,
whose quoted cells may hold quotes, tabs and line breaks."""

from __future__ import annotations

import csv
import re

from chemclust_extract.rows import Row

_QUOTE = '"'
# A trailing cell of only these is empty: U+FFFD stands for bytes lost in
# decoding (a stray byte after the last tab), and control characters are no text.
_NO_TEXT = "\ufffd" + "".join(map(chr, [*range(0x20), 0x7F]))
# A run of blank lines inside a cell: one paragraph break.
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")


class _ExcelTab(csv.excel_tab):
    """Excel's "Text (Tab delimited)" and "Unicode Text" dialect, strict, so
    that text which only looks quoted (``"Zelená" Ústí``) is not read as such."""

    strict = True


def read_tsv(text: str) -> list[Row]:
    """Split a tab-separated sheet into rows, dropping blank lines and
    trailing empty cells (a stray byte's U+FFFD is nothing).  A sheet with
    quoted cells is read as Excel writes it, when it reads so throughout.

    >>> rows = read_tsv(" \\n\\nProjekt\\tChemClust\\t\\t\\n1\\tÚstí Region (CZ)\\thttp://x.cz/\\t")
    >>> [(r.line, r.cells) for r in rows]
    [(3, ('Projekt', 'ChemClust')), (4, ('1', 'Ústí Region (CZ)', 'http://x.cz/'))]
    >>> rows = read_tsv('Popis\\t"Cílem je ""Kolem obce"".\\r\\n\\r\\nDruhý."\\r\\nFond\\tERDF\\r\\n')
    >>> [(r.line, r.cells) for r in rows]
    [(1, ('Popis', 'Cílem je "Kolem obce".\\n\\nDruhý.')), (4, ('Fond', 'ERDF'))]
    """
    if opens_quoted_cell(text):
        rows = _excel_rows(text)
        if rows is not None:
            return rows
    return _plain_rows(text)


def opens_quoted_cell(text: str) -> bool:
    """Whether a cell of the sheet opens with a quote, as Excel's quoted
    cells do (and nothing else in a spreadsheet's export).

    >>> opens_quoted_cell('Popis\\t"a\\nb"'), opens_quoted_cell('Popis\\tthe "x" way')
    (True, False)
    """
    # Four searches for a fixed string, in C: a regular expression that may
    # start at either end of a line has no quick way to skip ahead.
    return text.startswith(_QUOTE) or '\t"' in text or '\n"' in text or '\r"' in text


def _plain_rows(text: str) -> list[Row]:
    """One row per line, a whole-cell quote undone where it is one."""
    rows: list[Row] = []
    gap = False  # an empty line (or one of empty cells) since the last row
    strip = str.strip
    for number, line in enumerate(text.splitlines(), start=1):
        # Trailing white space (tabs too) holds only cells _trimmed drops.
        line = line.rstrip()
        if not line:
            gap = True
            continue  # a blank line: no cells (as _trimmed would leave none)
        cells = tuple(map(strip, line.split("\t")))
        quoted = _QUOTE in line
        if quoted:
            cells = tuple(_unquote(c) for c in cells)
        # The last cell holds text unless the line ends in a stray byte's
        # U+FFFD or a control character, or in a quoted cell.
        if (quoted or line[-1] in _NO_TEXT) and not cells[-1].strip(_NO_TEXT):
            cells = tuple(_trimmed(list(cells)))
        if cells:
            rows.append(Row(number, cells, (), False, 0, gap and bool(rows)))
        gap = not cells
    return rows


def _excel_rows(text: str) -> list[Row] | None:
    """Rows as Excel quotes them, each at the line it starts on; ``None``
    when the text is not quoted that way throughout.

    >>> [r.cells for r in _excel_rows('a\\t"x\\ty"\\n"b\\n  \\n\\nc"\\t"a ""b"" c"\\n')]
    [('a', 'x\\ty'), ('b\\n\\nc', 'a "b" c')]
    """
    records = excel_records(text)
    if records is None:
        return None
    rows: list[Row] = []
    gap = False  # a record of empty cells since the last row
    for start, record in records:
        cells = _trimmed([_cell_text(c) for c in record])
        if cells:
            rows.append(Row(start, tuple(cells), after_gap=gap and bool(rows)))
        gap = not cells
    return rows


def excel_records(text: str) -> list[tuple[int, list[str]]] | None:
    """The records of a sheet as the ``csv`` module reads Excel's quoting,
    each with the line it starts on; ``None`` when the text is not quoted
    that way throughout (a stray quote, a quote never closed, a cell past
    the module's size limit).

    >>> excel_records('a\\t"x\\n\\ny"\\r\\nb\\n')
    [(1, ['a', 'x\\n\\ny']), (4, ['b'])]
    >>> excel_records('Název\\t"Zelená" Ústí\\n') is None
    True
    """
    records = []
    reader = csv.reader(text.splitlines(keepends=True), _ExcelTab)
    start = 1
    try:
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error:
        return None
    return records


def _cell_text(cell: str) -> str:
    """A cell's text trimmed, its lines kept (``\\n``) and a blank line
    between them kept as one paragraph break (``\\n\\n``).

    >>> _cell_text(" Liberecký kraj\\r\\n okres Görlitz \\n\\n\\n \\nZittau ")
    'Liberecký kraj\\nokres Görlitz\\n\\nZittau'
    """
    if "\n" not in cell and "\r" not in cell:
        return cell.strip()
    lines = "\n".join(line.strip() for line in cell.splitlines())
    return _BLANK_LINES.sub("\n\n", lines).strip()


def _trimmed(cells: list[str]) -> list[str]:
    """Cells without the empty ones at the end of the row."""
    while cells and not cells[-1].strip(_NO_TEXT):
        cells.pop()
    return cells


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
