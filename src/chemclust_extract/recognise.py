"""Labels to canonical fields.

The recogniser sees only neutral :class:`~chemclust_extract.rows.Row` objects:
it knows the sheets' vocabulary of labels (``languages/*.toml``) and how
sections such as the partner table or the news list run on below their label,
and nothing about the format the rows came from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from chemclust_extract.rows import Row
from chemclust_extract.languages import LabelEntry, fold, labels, terms

SECTIONS = frozenset({"partners", "news", "documents", "contacts"})
# Fields whose text runs on over the rows below even after a first line.
LONG_TEXT = frozenset({"description"})

# A trailing note on a label: "Total budget (EUR)", "Rozpočet v Kč", "Budżet w PLN".
# No leading spaces and one optional colon: a pattern free to start or end a
# run of spaces in more than one way is tried at each of them, and a label
# padded with 8 000 spaces took a second.  (The spaces before the note go
# with the label, which lookup folds anyway.)
_LABEL_NOTE = re.compile(
    r"""(?:
        \((?P<paren>[^()]{1,30})\)      # (EUR), (in EUR)
      | \s(?:in|v|ve|w|en)\s(?P<unit>\S{1,6})  # in EUR, v Kč, w PLN
    )
    \s*(?::\s*)?$                     # nothing after it but a colon and spaces""",
    re.VERBOSE | re.IGNORECASE,
)
# "Label: value" written in one cell.
_INLINE = re.compile(r"^(?P<label>[^:\n]{2,60}?)\s*:\s*(?P<value>.+)$", re.DOTALL)


@dataclass
class Field:
    """A label and everything the sheet gave it.

    ``name`` is the canonical field, or ``None`` for a label the extractor
    does not know; ``cells`` are the values in the label's own row; ``rows``
    the rows below it that belong to it (section items, a long description).
    """

    name: str | None
    label: str
    line: int
    cells: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    rows: list[Row] = field(default_factory=list)
    note: str | None = None
    columns: tuple[str, ...] = ()
    heading: bool = False
    order: int = 0

    @property
    def takes_rows(self) -> bool:
        """Whether rows below the label belong to it."""
        return self.name in SECTIONS or self.name in LONG_TEXT or not self.cells


@dataclass(frozen=True)
class Sheet:
    """A recognised sheet: its fields in order, and the languages its labels
    are written in, most used first."""

    fields: tuple[Field, ...]
    languages: tuple[str, ...]
    stray: tuple[Row, ...] = ()

    def all(self, name: str) -> list[Field]:
        return [f for f in self.fields if f.name == name]

    def first(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


def recognise(rows: Iterable[Row]) -> Sheet:
    """Group a sheet's rows under the labels they belong to.

    >>> sheet = recognise([Row(1, ("Projekt", "ChemClust")),
    ...                    Row(2, ("Partneři projektu", "web")),
    ...                    Row(3, ("1", "Ústí Region (CZ)")),
    ...                    Row(4, ("Poznámka:", "viz web"))])
    >>> [(f.name, f.label, f.cells, len(f.rows)) for f in sheet.fields]
    [('name', 'Projekt', ('ChemClust',), 0), ('partners', 'Partneři projektu', (), 1), \
(None, 'Poznámka', ('viz web',), 0)]
    >>> sheet.languages[0]
    'cs'
    """
    fields: list[Field] = []
    stray: list[Row] = []
    votes: Counter[str] = Counter()
    current: Field | None = None
    for row in rows:
        found: tuple[LabelEntry | None, Field] | None = _known(row)
        if found is None and current is not None and not row.heading and _belongs_to(current, row):
            _add_row(current, row)
            continue
        found = found or _unknown(row)
        if found is None:
            stray.append(row)
            continue
        entry, current = found
        if entry is not None:
            votes.update(entry.languages)
        current.order = len(fields)
        fields.append(current)
    return Sheet(tuple(fields), _ranked(votes), tuple(stray))


def _known(row: Row) -> tuple[LabelEntry, Field] | None:
    """The field a row opens if its label is a known one."""
    label, cells = row.label.strip(), row.values
    entry, note = lookup(label)
    if entry is None and not cells:
        inline = _INLINE.match(label)
        if inline:
            entry, note = lookup(inline["label"])
            if entry is not None:
                label, cells = inline["label"], (inline["value"].strip(),)
    if entry is None:
        return None
    field_ = Field(entry.field, _bare(label), row.line, cells, row.links, note=note)
    if entry.field in SECTIONS and cells and all(_column(c) for c in cells):
        field_.cells, field_.columns = (), tuple(_column(c) or "" for c in cells)
    return entry, field_


def _add_row(current: Field, row: Row) -> None:
    if current.name in SECTIONS and _column_headers(row):
        current.columns = _column_headers(row)
    else:
        current.rows.append(row)


def _belongs_to(current: Field | None, row: Row) -> bool:
    """Whether a row with no known label continues the current field: an
    item of a section, a line of a long value, an indented continuation.
    A ``Label:`` with a value still opens a field of its own."""
    if current is None:
        return False
    if not row.label.strip():
        return True
    if current.name == "contacts":  # "Tel:", "E-mail:" lines of a contact block
        return True
    if current.name in LONG_TEXT and row.values and _looks_like_label(row.label):
        return False  # a label and its value, after a description
    return current.takes_rows and not (row.values and row.label.rstrip().endswith(":"))


def _unknown(row: Row) -> tuple[None, Field] | None:
    """An unknown label (with its value) or heading (content follows)."""
    label, cells = row.label.strip(), row.values
    inline = None if cells or row.heading else _INLINE.match(label)
    if inline and _looks_like_label(inline["label"]):
        label, cells = inline["label"], (inline["value"].strip(),)
    if row.heading or _looks_like_label(label):
        return None, Field(None, _bare(label), row.line, cells, row.links, heading=row.heading)
    return None


def _column_headers(row: Row) -> tuple[str, ...]:
    """The canonical columns of a header row (``č. | Partner | web``), or ``()``."""
    cells = [c for c in row.cells if c.strip()]
    columns = [_column(c) for c in cells]
    return tuple(c or "" for c in columns) if cells and all(columns) else ()


def lookup(label: str) -> tuple[LabelEntry | None, str | None]:
    """The canonical field of a label, and any note it carries.

    >>> entry, note = lookup("Total budget (EUR):")
    >>> entry.field, note
    ('total_budget', 'EUR')
    >>> lookup("Cílem projektu je")[0] is None
    True
    """
    known = labels()
    key = fold(label)
    if key in known:
        return known[key], None
    note = _LABEL_NOTE.search(label)
    if note:
        key = fold(label[: note.start()])
        if key in known:
            return known[key], (note["paren"] or note["unit"]).strip()
    return None, None


def _column(cell: str) -> str | None:
    header = terms("column_headers")
    match = header.pattern.fullmatch(cell.strip())
    return header.key(match) if match else None


def _looks_like_label(text: str) -> bool:
    """A short piece of text that could be a label, not a sentence or a number."""
    words = text.split()
    return 0 < len(words) <= 8 and len(text) <= 80 and not re.fullmatch(r"[\d\s.,)(/-]+", text)


def _bare(label: str) -> str:
    return " ".join(label.split()).rstrip(" :")


def _ranked(votes: Counter[str]) -> tuple[str, ...]:
    return tuple(lang for lang, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))
