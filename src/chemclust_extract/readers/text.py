"""Plain ``Label: value`` text, however it is laid out: labels padded or
indented, values continued on indented lines, fixed-width reports (labels
aligned by runs of spaces, no colons), pdftotext layouts (columns, page
breaks, page headers and footers), a section label followed by numbered
(``1. Name (DE)``, ``1) …``) or bulleted lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from chemclust_extract.rows import Row

# Every line break str.splitlines() knows but the form feed, which is a page
# break within a line's count (pdftotext writes it before a page's first line).
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\x1c-\x1e\x85\u2028\u2029]")
_PAGE_BREAK = "\f"
# "Label: value" - a label is short, has no run of spaces inside it (that is
# a fixed-width report's gap, with the colon in the value) and may be padded.
_COLON = re.compile(
    r"""^(?P<label>[^\s:](?:[^\s:]|\s(?=[^\s:])){0,58})  # words with single spaces between
        \s*:                                            # padding, then the colon
        (?:\s+(?P<value>\S.*))?$                        # a space, then the value, if any""",
    re.VERBOSE,
)
# "Label  with  two  spaces: value" - the words of a label a converter of
# justified text spread apart; read so only in a sheet of "Label:" lines.
_SPREAD_COLON = re.compile(
    r"""^(?P<label>[^\s:](?:[^\s:]|[ ]{1,2}(?=[^\s:])){0,58})  # words, one or two spaces between
        \s*:                                                # padding, then the colon
        (?:\s+(?P<value>\S.*))?$                           # a space, then the value, if any""",
    re.VERBOSE,
)
# "Label      value" - two or more spaces (or tabs) align the value.
_ALIGNED = re.compile(
    r"""^(?P<label>\S.{0,58}?)  # the label, up to the first gap
        (?:\s{2,}|\t+)          # the gap: a run of spaces or tabs
        (?P<value>\S.*)$        # the value""",
    re.VERBOSE,
)
# Between the columns of a table or of a value: a wider gap.
_COLUMN_GAP = re.compile(r"[^\S\t]{3,}|\t+")
# Between the columns of a table: two spaces or more, a tab.
_TABLE_GAP = re.compile(r"\s{2,}|\t")
_NUMBER = re.compile(
    r"""^(?P<number>\d{1,3})  # 1, 12, 123
        \s*[.)]\s+            # "1. ", "1) ", "1 . "
        (?=\S)                # then the text""",
    re.VERBOSE,
)
_ITEM = re.compile(
    r"""^(?:\d{1,3}\s*[.)]  # a number: "1.", "2)"
        | [-–•*·▪]          # or a bullet
        )\s+\S              # then the text""",
    re.VERBOSE,
)
# A line that opens with a whole date: 26.09.2017, 2019-09-25, 09/25/2019.
_DATED = re.compile(r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})(?!\d)")
# A rule drawn across the page: "------", "=====", "* * *".
_RULE = re.compile(r"^(?:[-=_*~─━═]\s*){3,}$")
_SCHEME = re.compile(r"^\w+://|^www\.", re.I)
_DIGITS = re.compile(r"\d+")
_MAX_LABEL_WORDS = 8
_TAB_WIDTH = 8
# A page's first and last lines where headers and footers stand, and how
# long one may be.
_EDGE_LINES = 2
_MAX_FURNITURE = 100


@dataclass
class _Open:
    """The row being built: its label, the cells of its value on the label's
    own line, and the paragraphs of its value (each with the line it starts
    on), which indented lines continue."""

    line: int
    label: str
    indent: int
    cells: list[str] = field(default_factory=list)
    value_column: int | None = None
    paragraphs: list[tuple[int, list[str]]] = field(default_factory=list)
    item: bool = False
    continued: bool = False
    block: int = 1

    @property
    def bare(self) -> bool:
        return not self.cells and not self.item


@dataclass
class _Reading:
    """What the reader knows between lines: the rows so far, the open row,
    whether a gap (a blank line, a rule) or a page break came before this
    line, the number of the last numbered label, and the block of text the
    rows are in."""

    rows: list[Row] = field(default_factory=list)
    current: _Open | None = None
    colon_sheet: bool = False  # most labels end with a colon
    gap: bool = False
    page_top: bool = False
    label_number: int | None = None
    block: int = 1


def read_text(text: str) -> list[Row]:
    """Read ``Label: value`` text into labelled rows.

    >>> rows = read_text("Projekt: ChemClust\\nKontaktní osoba: Špoták Dalibor\\n    Referent\\n"
    ...                  "Partneři projektu:\\n  1. Ústí Region (CZ)\\n  2) Novara (IT)\\n"
    ...                  "Program        Interreg IVC\\n")
    >>> [r.cells for r in rows]
    [('Projekt:', 'ChemClust'), ('Kontaktní osoba:', 'Špoták Dalibor\\nReferent'), \
('Partneři projektu:',), ('1. Ústí Region (CZ)',), ('2) Novara (IT)',), ('Program', 'Interreg IVC')]
    """
    lines = _one_column(list(_content_lines(text)))
    reading = _Reading(colon_sheet=_colon_sheet(line for _, line, _ in lines))
    for number, line, page_break in lines:
        if page_break:  # blank lines about a page break are no paragraph break
            reading.gap, reading.page_top = False, True
        stripped = line.strip()
        if not stripped or _RULE.match(stripped):
            reading.gap = reading.gap or not reading.page_top
            continue
        _take(reading, number, line)
        reading.gap = reading.page_top = False
    _close(reading.current, reading.rows)
    return reading.rows or _layout_only(text)


def _one_column(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """A fact sheet laid out in two columns of labels and values (what
    ``pdftotext -layout`` makes of one) read column by column: the left
    column's lines, then the right column's, so that no value runs into
    the label beside it.  Left as it is when no right column of labels
    and values stands at one place in three lines or more.

    >>> sheet = [(1, "Acronym     E-CONOMY          Priority axis   2", False),
    ...          (2, "Code        SIHU142           Investment      11b", False),
    ...          (3, "Start       01.01.2018        Objective       SO 2: To increase", False),
    ...          (4, "                                              the capacity", False)]
    >>> [line.strip() for _, line, _ in _one_column(sheet)]
    ['Acronym     E-CONOMY', 'Code        SIHU142', 'Start       01.01.2018', '', \
'Priority axis   2', 'Investment      11b', 'Objective       SO 2: To increase', 'the capacity']
    """
    column = _right_column(lines)
    if column is None:
        return lines
    left: list[tuple[int, str, bool]] = []
    right: list[tuple[int, str, bool]] = []
    for number, line, page_break in lines:
        if len(line) > column and line[column - _GAP : column].isspace() and line[column:].strip():
            if line[:column].strip():
                left.append((number, line[:column].rstrip(), page_break))
            right.append((number, line[column:], False))
        else:
            left.append((number, line, page_break))
    return [*left, (left[-1][0] if left else 0, "", False), *right]


_GAP = 3  # spaces, at least, between the columns
_MIN_COLUMN = 30  # where a right column can start, at the earliest
_COLUMN_LINES = 3  # lines, at least, with a label of the right column


def _right_column(lines: list[tuple[int, str, bool]]) -> int | None:
    """Where a right column of labels and values starts: the place where,
    after a gap, three lines or more open a "label  value" pair beside one
    on the left (a table's last column holds single values, no pairs, and
    its rows open with a number)."""
    starts: dict[int, int] = {}
    for _, line, _ in lines:
        if len(line) <= _MIN_COLUMN or "   " not in line[_MIN_COLUMN - _GAP :]:
            continue  # no gap where a right column could start
        for gap in _WIDE_GAP.finditer(line):
            place = gap.end()
            left, right = line[:place].strip(), line[place:]
            if (
                place >= _MIN_COLUMN
                and left
                and not left[:1].isdigit()
                and _ALIGNED.match(left)
                and _ALIGNED.match(right)
            ):
                starts[place] = starts.get(place, 0) + 1
    if not starts:
        return None
    place, count = max(starts.items(), key=lambda kv: (kv[1], -kv[0]))
    return place if count >= _COLUMN_LINES else None


_WIDE_GAP = re.compile(r"\S(\s{3,})(?=\S)")


def _colon_sheet(lines: Iterator[str]) -> bool:
    """Whether most lines that hold a label and a value have the colon
    after the label (``Label: value``), not a gap (``Label    value``).

    >>> _colon_sheet(iter(["Projekt: X", "Dotace z  ERDF:  5 EUR", "Program: Y"]))
    True
    >>> _colon_sheet(iter(["Projekt        X", "Kontakt        Tel: 475"]))
    False
    """
    colons = gaps = 0
    for line in lines:
        stripped = line.strip()
        match = _COLON.match(stripped) if ":" in stripped else None
        if match and _is_label(match["label"]):
            colons += 1
        elif ("  " in stripped or "\t" in stripped) and _ALIGNED.match(stripped):
            gaps += 1
    return colons > gaps


def _layout_only(text: str) -> list[Row]:
    """The lines of a text that is all layout (a rule, page furniture): read
    as text, since they are all it says.

    >>> [r.cells for r in _layout_only("-----\\n\\fPage 1\\n")]
    [('-----',), ('Page 1',)]
    """
    lines = enumerate(_LINE_BREAK.split(text.replace(_PAGE_BREAK, "")), start=1)
    return [Row(number, (line.strip(),)) for number, line in lines if line.strip()]


def _content_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """The lines of a text with their numbers, less page headers and
    footers, each with whether a page break came before it."""
    lines: list[tuple[int, str, int]] = []
    page = 0
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if _PAGE_BREAK in line:
            page += line.count(_PAGE_BREAK)
            line = line.replace(_PAGE_BREAK, "")
        lines.append((number, line.rstrip(), page))
    furniture = _furniture(lines) if page else frozenset()
    shown = 0
    for number, line, page in lines:
        if number not in furniture:
            yield number, line, page != shown
            shown = page


def _furniture(lines: list[tuple[int, str, int]]) -> frozenset[int]:
    """The numbers of the lines that are page headers or footers: a line
    among the first or the last lines of two pages or more that is the
    same on each (a title repeated) or whose first number goes up with the
    page (``Page 1 of 2`` … ``Page 2 of 2``, ``- 2 -``).

    >>> lines = [(1, "Projekt: X", 0), (2, "Page 1 of 2", 0), (3, "Tel: 475 111", 1),
    ...          (4, "Page 2 of 2", 1), (5, "Tel: 475 222", 2)]
    >>> sorted(_furniture(lines))
    [2, 4]
    """
    pages: dict[int, list[tuple[int, str]]] = {}
    for number, line, page in lines:
        if line.strip():
            pages.setdefault(page, []).append((number, line))
    on_pages: dict[tuple[str, str, int | None], set[int]] = {}
    numbers: dict[tuple[str, str, int | None], list[int]] = {}
    for page, content in pages.items():
        edges = (("top", content[:_EDGE_LINES]), ("bottom", content[-_EDGE_LINES:]))
        for edge, edge_lines in edges:
            for number, line in edge_lines:
                for key in _furniture_keys(edge, line, page):
                    on_pages.setdefault(key, set()).add(page)
                    numbers.setdefault(key, []).append(number)
    return frozenset(n for key, found in numbers.items() if len(on_pages[key]) > 1 for n in found)


def _furniture_keys(edge: str, line: str, page: int) -> list[tuple[str, str, int | None]]:
    """What a line at a page's edge has in common with the page furniture
    of other pages: its text, and its text with the first number counted
    from the page's.

    >>> _furniture_keys("bottom", "  Page 3 of 4 ", 2)
    [('bottom', 'page 3 of 4', None), ('bottom', 'page 0 of 0', 1)]
    """
    text = " ".join(line.split()).casefold()
    if len(text) > _MAX_FURNITURE:
        return []
    first = _DIGITS.search(text)
    if first is None:
        return [(edge, text, None)]
    return [(edge, text, None), (edge, _DIGITS.sub("0", text), int(first[0]) - page)]


def _take(reading: _Reading, number: int, line: str) -> None:
    """One line of content: more of the open value, or a row of its own."""
    stripped = line.strip()
    indent = _width(line[: len(line) - len(line.lstrip())])
    current = reading.current
    if current is not None and _continues(current, stripped, indent):
        _continue(current, number, stripped, indent, reading.gap)
        return
    if current is not None and not reading.gap and _goes_on(current, stripped, indent, reading):
        current.label = f"{current.label} {stripped}"  # a sentence wrapped onto the next line
        return
    _close(current, reading.rows)
    opened = _open(reading, number, stripped, line)
    if reading.gap and not _same_block(current, opened):
        reading.block += 1
    opened.block = reading.block
    reading.current = opened


def _goes_on(current: _Open, stripped: str, indent: int, reading: _Reading) -> bool:
    """Whether a line at the indent of a line of running text (longer than
    a label) goes on with it: a paragraph wrapped line by line, with no
    label or list item of its own."""
    if not current.bare or current.paragraphs or indent != current.indent:
        return False
    if len(current.label.split()) <= _MAX_LABEL_WORDS or current.label.endswith((":", ".", "!", "?")):
        return False  # a label, or a sentence's end: what follows stands on its own
    return not _ITEM.match(stripped) and len(_split(stripped, reading.colon_sheet)[0]) == 1


def _same_block(before: _Open | None, after: _Open) -> bool:
    """Whether a row after a gap (a blank line, a rule) is still in the block
    of the row before it: a list item, or anything under a lone label.  An
    item list ends where its block ends, so a line of text after a gap does
    not join the list above it."""
    if before is None or after.item:
        return True
    return before.bare and not before.paragraphs


def _continues(current: _Open, stripped: str, indent: int) -> bool:
    """Whether a line goes on with the open row: it is indented deeper than
    the row's label and is not a list item, nor a label of its own standing
    left of the value column (``  Budget   :  1 000 EUR``).

    >>> row = _Open(1, "Projekt:", 0, ["ChemClust"], value_column=20)
    >>> _continues(row, "Referent", 20), _continues(row, "Mail: x@y.cz", 20)
    (True, True)
    >>> _continues(row, "Budget   :  1 000 EUR", 2), _continues(row, "- item", 20)
    (False, False)
    >>> _continues(row, "Program: Interreg", 0)
    False
    """
    if indent <= current.indent or _ITEM.match(stripped):
        return False
    if current.value_column is None or indent >= current.value_column:
        return True
    match = _COLON.match(stripped)
    return not (match and _is_label(match["label"]))


def _continue(current: _Open, number: int, line: str, indent: int, gap: bool) -> None:
    """An indented line: more of the open value, a new paragraph after a gap;
    under a bare label, a line that opens with a date is an item of its own
    (``Aktuelles:`` over dated lines)."""
    if current.value_column is None:
        current.value_column = indent
    dated = current.bare and _DATED.match(line) is not None
    if gap or dated or not current.paragraphs:
        current.paragraphs.append((number, []))
    current.paragraphs[-1][1].append(line)
    current.continued = True


def _open(reading: _Reading, number: int, stripped: str, line: str) -> _Open:
    """A row for a line that starts one: a label and its value, a list item
    or a line of text.  A numbered line is a label (``3. Rozpočet:``) when
    it reads as one, unless it follows a list's label or item without
    going on with the labels' numbering."""
    indent = len(line) - len(line.lstrip())
    numbered = _NUMBER.match(stripped)
    current = reading.current
    listing = current is not None and (current.item or (current.bare and not current.paragraphs))
    follows = numbered is not None and reading.label_number == int(numbered["number"]) - 1
    as_item = _ITEM.match(stripped) is not None and (numbered is None or (listing and not follows))
    cells, start = ([stripped], None) if as_item else _split(stripped, reading.colon_sheet)
    if numbered is not None and not as_item:
        if cells[0].endswith(":"):
            reading.label_number = int(numbered["number"])
        else:  # "1. Name (DE)   http://…": no "Label:", an item
            as_item, cells, start = True, [stripped], None
    opened = _Open(number, cells[0], _width(line[:indent]), cells[1:], item=as_item)
    if start is not None:
        opened.value_column = _width(line[: indent + start])
        opened.paragraphs.append((number, [" ".join(cells[1:])]))
    return opened


def _split(line: str, colon_sheet: bool = False) -> tuple[list[str], int | None]:
    """A line as label and value cells, or as the cells of a table row, or
    as one cell of text; and where in the line its value starts.

    >>> _split("Název projektu        CLARA III: Rozvoj")
    (['Název projektu', 'CLARA III: Rozvoj'], 22)
    >>> _split("  Budget   :  1 000 EUR".strip())
    (['Budget:', '1 000 EUR'], 12)
    >>> _split("1     Stadt Wien      Österreich    Partner")
    (['1', 'Stadt Wien', 'Österreich', 'Partner'], 6)
    >>> _split("Nr.   Partner   Land")
    (['Nr.', 'Partner', 'Land'], 6)
    >>> _split("Cílem projektu je zlepšení účinnosti.")
    (['Cílem projektu je zlepšení účinnosti.'], None)
    """
    match = _COLON.match(line)
    if not (match and _is_label(match["label"])) and colon_sheet:
        match = _SPREAD_COLON.match(line)
    if match and _is_label(match["label"]):
        label = " ".join(match["label"].split()) + ":"
        if not match["value"]:
            return [label], None
        return [label, *_columns(match["value"])], match.start("value")
    columns = _TABLE_GAP.split(line)
    if len(columns) > 2 and len(columns[0].split()) <= _MAX_LABEL_WORDS:
        return columns, len(line) - len(line[len(columns[0]) :].lstrip())
    match = _ALIGNED.match(line)
    if match and _is_label(match["label"]):
        return [match["label"], *_columns(match["value"])], match.start("value")
    return [line], None


def _columns(value: str) -> list[str]:
    """A value as the cells that wide gaps set apart."""
    return _COLUMN_GAP.split(value)


def _is_label(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_LABEL_WORDS
        and not _SCHEME.match(text)
        and not text.endswith((".", ","))
    )


def _close(current: _Open | None, rows: list[Row]) -> None:
    """Emit the open row.  A label with a value on its own line takes the
    indented lines into that value (``\\n`` between lines, a blank line
    between paragraphs); a bare label gets them as rows below it, one per
    paragraph; a list item takes them into its text."""
    if current is None:
        return
    block = current.block
    paragraphs = ["\n".join(texts) for _, texts in current.paragraphs]
    if current.item:
        rows.append(Row(current.line, ("\n".join([current.label, *paragraphs]),), block=block))
    elif current.bare:
        rows.append(Row(current.line, (current.label,), block=block))
        rows.extend(
            Row(line, ("", "\n".join(texts)), block=block) for line, texts in current.paragraphs
        )
    elif current.continued:
        rows.append(Row(current.line, (current.label, "\n\n".join(paragraphs)), block=block))
    else:
        rows.append(Row(current.line, (current.label, *current.cells), block=block))


def _width(text: str) -> int:
    """How many columns a run of white space takes, tabs set every 8."""
    return len(text.expandtabs(_TAB_WIDTH))
