"""Labels to canonical fields.

The recogniser sees only neutral :class:`~chemclust_extract.rows.Row` objects:
it knows the sheets' vocabulary of labels (``languages/*.toml``) and how
sections such as the partner table or the news list run on below their label,
and nothing about the format the rows came from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from chemclust_extract.languages import (
    IGNORED,
    KEPT_LABELS,
    LabelEntry,
    alternation,
    fold,
    labels,
    partner_role,
    table,
    terms,
    words,
)
from chemclust_extract.meaning import MAX_LABEL_WORDS, read_label, without_fund_names
from chemclust_extract.rows import Row

SECTIONS = frozenset({"partners", "news", "documents", "contacts"})
_ITEM_LISTS = frozenset({"partners", "news", "documents"})
# Fields whose text runs on over the rows below even after a first line.
LONG_TEXT = frozenset({"description"})

# A label's number ("3.", "II.", "a)"), read past when the label is looked up.
_NUMBERING = re.compile(r"^\s*(?:\d{1,3}|[IVX]{1,5})\s*[.)]\s+")


_PAREN_NOTE = 30  # the most characters in a bracketed note
_UNIT_NOTE = 6  # the most characters in a unit after a preposition


@cache
def _label_note() -> re.Pattern[str]:
    """A trailing note on a label: "Total budget (EUR)", "Rozpočet v Kč",
    "Budżet w PLN" (the prepositions come from the language files).  No
    leading spaces and one optional colon: a pattern free to start or end a
    run of spaces in more than one way is tried at each of them, and a label
    padded with 8 000 spaces took a second.  (The spaces before the note go
    with the label, which lookup folds anyway.)"""
    prepositions = alternation(words("label_notes.prepositions"))
    return re.compile(
        rf"""(?:
            \((?P<paren>[^()]{{1,{_PAREN_NOTE}}})\)           # (EUR), (in EUR)
          | \s(?:{prepositions})\s(?P<unit>\S{{1,{_UNIT_NOTE}}})  # in EUR, v Kč, w PLN
        )
        \s*(?::\s*)?$                         # nothing after it but a colon and spaces""",
        re.VERBOSE | re.IGNORECASE,
    )


# "Label: value" written in one cell; a colon between digits is a time's
# ("Created/updated 05.04.2017 13:10"), no label's end.
_INLINE = re.compile(r"^(?P<label>[^:\n]{2,60}?)\s*(?<!\d):(?!\d)\s*(?P<value>.+)$", re.DOTALL)


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
    ambiguous: tuple[str, ...] = ()
    block: int = 0

    @property
    def has_value(self) -> bool:
        """Whether the label was given anything: cells of its own, or rows."""
        return bool(self.cells or self.rows or self.columns)

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
    notes: tuple[str, ...] = ()  # what recognition could not read, said for people

    def all(self, name: str) -> list[Field]:
        return list(self._named.get(name, ()))

    def first(self, name: str) -> Field | None:
        """The first field of a name that was given a value; else the first
        of that name (a heading that reads as a label, "About the project",
        over the label that holds the value, "Project summary")."""
        named = self._named.get(name)
        if not named:
            return None
        for f in named:
            if f.cells or f.rows or f.columns:  # has_value, asked without a property call
                return f
        return named[0]

    @cached_property
    def _named(self) -> dict[str | None, list[Field]]:
        """The fields of each name, in order: the record asks for most of
        them, one name at a time."""
        named: dict[str | None, list[Field]] = {}
        for f in self.fields:
            named.setdefault(f.name, []).append(f)
        return named


def recognise(rows: Iterable[Row], profiles: tuple[str, ...] = ()) -> Sheet:
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
    labels(profiles)  # a profile that cannot be read fails here, rows or none
    rows, notes = _read_across(list(rows), profiles)
    fields: list[Field] = []
    stray: list[Row] = []
    votes: list[str] = []  # the languages of each known label, counted at the end
    current: Field | None = None
    for row in rows:
        found = _known(row, profiles, current)
        if found is not None and found[0] is not None and found[0].field == IGNORED:
            continue  # a label of the page's furniture, as a profile says
        if found is None and current is not None and not row.heading and _belongs_to(current, row):
            _add_row(current, row)
            continue
        found = found or _unknown(row)
        if found is None:
            stray.append(row)
            continue
        entry, current = found
        if entry is not None:
            votes += entry.languages
        current.order = len(fields)
        fields.append(current)
    return Sheet(tuple(fields), _ranked(Counter(votes)), tuple(stray), notes)


def _read_across(rows: list[Row], profiles: tuple[str, ...]) -> tuple[list[Row], tuple[str, ...]]:
    """A sheet laid out across: a row of labels (three or more of distinct
    fields, the rest reading as labels too: one naming something else, an
    unknown one), with one row of their values under it, becomes a row per label,
    cell by cell (``Projekt | Program | Rozpočet`` over ``X | Interreg |
    1 000 EUR``).  Under it several such rows are a table of several
    projects: which one is the sheet's is not known, so each row is kept as
    text, no field (unless the labels name a list: a partner table)."""
    found: list[Row] = []
    notes: list[str] = []
    i = 0  # the rows before it are read
    # Only a row of three cells or more can be a row of labels: the rest
    # are passed over at once.
    for start in [n for n, row in enumerate(rows) if len(row.cells) >= _ACROSS]:
        header = _labels_across(rows[start], profiles) if start >= i else None
        if header is None:
            continue
        found += rows[i:start]
        i = start
        labels_, lists = header
        under = 0
        while i + 1 + under < len(rows) and _values_under(rows[i + 1 + under], labels_, profiles):
            under += 1
        if under == 1:
            values = rows[i + 1]
            found += [
                Row(values.line, (label.strip(), value.strip()), values.links, block=values.block)
                for label, value in zip(labels_, values.cells, strict=False)
                if label.strip() and value.strip()
            ]
        elif under > 1 and not lists:
            found += [Row(r.line, (" | ".join(c for c in r.cells if c.strip()),), block=r.block)
                      for r in rows[i : i + 1 + under]]  # fmt: skip
            where_ = f"line {rows[i].line}: " if rows[i].line else ""
            notes.append(
                f"{where_}a row of labels heads {under} rows of values, a table of several "
                "projects; a sheet is one project, so none of them is read"
            )
        else:
            found += rows[i : i + 1 + under]
        i += 1 + under
    found += rows[i:]
    return found, tuple(notes)


_ACROSS = 3  # labels of distinct fields in a row, at least, for a sheet laid out across


def _labels_across(row: Row, profiles: tuple[str, ...]) -> tuple[tuple[str, ...], bool] | None:
    """A row of labels only, as its cells stand (blank ones kept, so that
    each value finds its label by its place), and whether one of them names
    a list; ``None`` for any other row."""
    if len(row.cells) < _ACROSS or row.cells[0][:1].isdigit():  # a partner's row: "1 | Name"
        return None
    names: set[str] = set()
    for cell in (c.strip() for c in row.cells):  # most rows end at their first cell
        if not cell:
            continue
        name = _field_of(cell, profiles)
        if name is None and not _looks_like_label(cell):
            return None  # a value, a number: no row of labels
        if name is not None and name in names:
            return None
        if name is not None:
            names.add(name)
    if len(names) < _ACROSS:
        return None
    return row.cells, bool(names & SECTIONS)


def _values_under(row: Row, labels_: tuple[str, ...], profiles: tuple[str, ...]) -> bool:
    """Whether a row holds values for the labels above: as many cells or
    fewer, more than one, and most of them no label (a fund's name is a
    value that reads as one: "Evropský fond pro regionální rozvoj")."""
    cells = [c.strip() for c in row.cells if c.strip()]
    if not len(cells) > 1 or len(row.cells) > len(labels_):
        return False
    return 2 * sum(_field_of(c, profiles) is not None for c in cells) < len(cells)


def _field_of(cell: str, profiles: tuple[str, ...]) -> str | None:
    """The field a cell names as a label, known or read by its words."""
    entry, _ = _lookup(cell.rstrip(":").strip(), profiles)
    if entry is not None:
        return entry.field
    return read_label(cell).field if _looks_like_label(cell) else None


def _known(
    row: Row, profiles: tuple[str, ...], current: Field | None
) -> tuple[LabelEntry | None, Field] | None:
    """The field a row opens if its label is a known one, or reads as one
    by its words; a label that could name two fields opens an unknown field
    marked ``ambiguous``."""
    label, cells = row.label.strip(), row.values
    if current is not None and current.name in _ITEM_LISTS and _item_of(current, row):
        return None  # "Cíle projektu", a document's title in a list, is no label
    # _lookup, without its call for the short labels of most rows
    entry, note = (
        _kept_lookup(label, profiles) if len(label) <= _KEPT_LENGTH else _lookup(label, profiles)
    )
    in_text = False  # a "words: more words" line inside a long text
    if entry is None and not cells:
        inline = _INLINE.match(label)
        if inline:
            entry, note = _lookup(inline["label"], profiles)
            if entry is not None or _explicit(inline["label"]):
                label, cells = inline["label"], (inline["value"].strip(),)
                in_text = entry is None and current is not None and current.name in LONG_TEXT
    ambiguous: tuple[str, ...] = ()
    # Inside a description a sentence with a colon ("Planned are two
    # events: …") is read by its words only if it is a label of its own.
    if entry is None and not in_text and _by_meaning(row, label, cells, current):
        reading = read_label(label)
        if reading.field is not None:
            entry, note = LabelEntry(reading.field, frozenset()), _note(label)
        elif reading.why == "ambiguous":
            ambiguous = reading.candidates
    if entry is None and not ambiguous:
        return None
    name = entry.field if entry is not None else None
    field_ = Field(
        name, _bare(label), row.line, cells, row.links, note=note, ambiguous=ambiguous, block=row.block
    )
    if name in SECTIONS and cells and all(_column(c) for c in cells):
        field_.cells, field_.columns = (), tuple(_column(c) or "" for c in cells)
    return entry, field_


def _by_meaning(row: Row, label: str, cells: tuple[str, ...], current: Field | None) -> bool:
    """Whether a row is a label and its value, whose label may be read by
    its words: a heading, a ``Label:``, or a label with a value outside a
    section (inside one, a row with a value is an item: a partner called
    "Partner organisation", a document called "Budget report")."""
    if not _looks_like_label(label):
        return False
    if row.heading or label.rstrip().endswith(":"):
        return True
    outside = current is None or current.name not in SECTIONS or _closed(current, row)
    # A bare label ("Pozostali partnerzy projektu") may open a section.
    return outside and (bool(cells) or read_label(label).field in SECTIONS)


def _item_of(current: Field | None, row: Row) -> bool:
    """A bare row inside an item list's own block is an item, whatever it
    says (a format that marks blocks: HTML); so is a row of a partner table
    whose first column is the role, where ``Lead partner`` is a role, not
    a label."""
    if current is None or current.name not in _ITEM_LISTS:
        return False
    if current.columns[:1] == ("role",) and row.values and not _closed(current, row):
        return partner_role(row.label) is not None
    return (
        bool(current.block)
        and row.block == current.block
        and not row.heading
        and not row.values
        and not row.label.rstrip().endswith(":")
    )


def _closed(current: Field, row: Row) -> bool:
    """Whether a section takes no more items with labels of their own: its
    block has ended, or its label's own row held its value (``Partner:
    X``, one partner per label) and this row has a label and a value."""
    return _left_block(current, row) or bool(current.cells and row.values and row.label.strip())


def _left_block(current: Field, row: Row) -> bool:
    return bool(current.block and row.block and row.block != current.block)


def _explicit(label: str) -> bool:
    """A short text that reads as a label, not a sentence: an inline
    ``Label: value`` must not turn a sentence with a colon into a label."""
    return _looks_like_label(label) and len(label.split()) <= 6


def _add_row(current: Field, row: Row) -> None:
    if current.name in SECTIONS:
        first = row.label  # most rows: an item, whose first cell names no column
        if first.strip() and _column(first) is None:
            current.rows.append(row)
            return
        headers = _column_headers(row)
        if headers:
            current.columns = headers
            return
    current.rows.append(row)


def _belongs_to(current: Field | None, row: Row) -> bool:
    """Whether a row with no known label continues the current field: an
    item of a section, a line of a long value, an indented continuation.
    A ``Label:`` with a value still opens a field of its own."""
    if current is None:
        return False
    name = current.name
    if name in _ITEM_LISTS and _closed(current, row):
        return False  # an item list ends where its block ends, or with its own row
    if not row.label.strip():
        return True
    if name == "contacts":  # the lines of a contact block, "Tel:", "E-mail:"
        return not row.values or _contact_line(row.label)
    if name in LONG_TEXT and row.values and _looks_like_label(row.label):
        return False  # a label and its value, after a description
    if _has_its_value(current) and not row.values and _names_a_thing_briefly(row.label):
        return False  # "Rozpočet" / "850 000 EUR" / "Termín": a label of its own
    return current.takes_rows and not (row.values and row.label.rstrip().endswith(":"))


def _has_its_value(current: Field) -> bool:
    """A field of one value (not a list, a contact or a long text) that has
    it already, in the row under its label (a label and its value each in a
    row of their own)."""
    return (
        current.name is not None
        and current.name not in SECTIONS
        and current.name not in LONG_TEXT
        and not current.cells
        and bool(current.rows)
    )


def _unknown(row: Row) -> tuple[None, Field] | None:
    """An unknown label (with its value) or heading (content follows)."""
    label, cells = row.label.strip(), row.values
    inline = None if cells or row.heading else _INLINE.match(label)
    if inline and _looks_like_label(inline["label"]):
        label, cells = inline["label"], (inline["value"].strip(),)
    if (row.heading or not cells) and not _names_a_thing_briefly(label):
        return None  # a title, a sentence, a breadcrumb: what follows is text, not its value
    if row.heading or _looks_like_label(label):
        return None, Field(None, _bare(label), row.line, cells, row.links, heading=row.heading)
    return None


# Marks of a title, a sentence or a breadcrumb ("Gmünd · Kultur"), not of a
# label (a label's own colon is gone by now, or it had a value).
_TITLE_MARKS = frozenset(":!?·|»›")


def _names_a_thing_briefly(heading: str) -> bool:
    """A heading that reads as a label ("Poznámka", "Partner organisations"),
    not a title or a sentence ("Weitra und Nové Hrady: Musik verbindet!")."""
    text = heading.strip().rstrip(":")
    return _looks_like_label(text) and not any(c in text for c in _TITLE_MARKS)


def _contact_line(label: str) -> bool:
    """A label inside a contact block: ``Tel.``, ``E-mail``, ``Adresa``."""
    text = label.strip().rstrip(":").strip()
    return bool(
        terms("contacts.parts").pattern.fullmatch(text)
        or terms("column_headers.address").pattern.fullmatch(text)
    )


def _column_headers(row: Row) -> tuple[str, ...]:
    """The canonical columns of a header row (``č. | Partner | web``), or ``()``."""
    columns: list[str] = []
    for cell in row.cells:
        if cell.strip():
            column = _column(cell)
            if not column:
                return ()  # most rows: their first cell is an item's, no column's name
            columns.append(column)
    return tuple(columns)


def lookup(
    label: str, known: Mapping[str, LabelEntry] | None = None
) -> tuple[LabelEntry | None, str | None]:
    """The canonical field of a label spelt like a known one, and any note
    it carries; a number before it is read past.

    >>> entry, note = lookup("Total budget (EUR):")
    >>> entry.field, note
    ('total_budget', 'EUR')
    >>> lookup("3. Rozpočet")[0].field, lookup("Cílem projektu je")[0] is None
    ('total_budget', True)
    """
    known = labels() if known is None else known
    for text in dict.fromkeys([label, _NUMBERING.sub("", label)]):
        key = fold(text)
        if key in known:
            return known[key], None
        note = _trailing_note(text)
        if note:
            key = fold(text[: note.start()])
            if key in known:
                return known[key], (note["paren"] or note["unit"]).strip()
    return None, None


# Labels recur on every sheet: the answers for texts up to this long are
# kept (a longer text is a value or a sentence, and seldom recurs).
_KEPT_LENGTH = 160


def _lookup(label: str, profiles: tuple[str, ...]) -> tuple[LabelEntry | None, str | None]:
    """:func:`lookup` in the labels of ``profiles``, kept for short texts.
    A long text with more words than any label, its number and its note
    together is none, and is not folded to be sure (a paragraph of a
    description: its first words are counted, no more)."""
    if len(label) <= _KEPT_LENGTH:
        return _kept_lookup(label, profiles)
    most = _most_words(profiles)
    # Colons out first: folding drops a label's trailing ones, even spaced
    # apart ("Total budget : :"); a word with one inside stays one word.
    if len(label.replace(":", "").split(None, most)) > most:
        return None, None
    return lookup(label, labels(profiles))


@lru_cache(maxsize=32)
def _most_words(profiles: tuple[str, ...]) -> int:
    """More words than a label can have with its number and its note: the
    most a known label has, two for a number (``3 .``), and a note's
    characters (each of its words takes two at least)."""
    return max((len(key.split()) for key in labels(profiles)), default=0) + 2 + _PAREN_NOTE // 2 + 1


@lru_cache(maxsize=KEPT_LABELS)
def _kept_lookup(label: str, profiles: tuple[str, ...]) -> tuple[LabelEntry | None, str | None]:
    return lookup(label, labels(profiles))


def _trailing_note(text: str) -> re.Match[str] | None:
    """:func:`_label_note`'s match, looked for only in the last characters
    a note can take (the note, then spaces and a colon): a long text is not
    searched from its start."""
    end = len(text.rstrip())
    if text[:end].endswith(":"):
        end = len(text[: end - 1].rstrip())
    return _label_note().search(text, max(0, end - _note_reach()))


@cache
def _note_reach() -> int:
    """The most characters a note takes before the spaces and colon after it."""
    longest = max(map(len, words("label_notes.prepositions")), default=0)
    return max(_PAREN_NOTE + 2, 1 + longest + 1 + _UNIT_NOTE) + 1


def _note(label: str) -> str | None:
    note = _trailing_note(label)
    return (note["paren"] or note["unit"]).strip() if note else None


def _column(cell: str) -> str | None:
    return _kept_column(cell) if len(cell) <= _KEPT_LENGTH else _column_of(cell)


def _column_of(cell: str) -> str | None:
    header = terms("column_headers")
    match = header.pattern.fullmatch(cell.strip())
    return header.key(match) if match else None


_kept_column = lru_cache(maxsize=KEPT_LABELS)(_column_of)


def _looks_like_label(text: str) -> bool:
    """A short piece of text that could be a label, not a sentence or a number."""
    return _kept_looks_like_label(text) if len(text) <= _KEPT_LENGTH else _reads_as_label(text)


def _reads_as_label(text: str) -> bool:
    if len(text) > _longest_label():
        return False  # a paragraph: no shortening of fund names brings it down
    most = _most_label_words()
    if len(text.split(None, most)) > most:
        return False  # too many words, even were each fund's name in it one word
    text = without_fund_names(text)  # a fund's long name is one word
    words = text.split()
    return (
        0 < len(words) <= MAX_LABEL_WORDS
        and len(text) <= 80
        and not re.fullmatch(r"[\d\s.,)(/-]+", text)
    )


@cache
def _longest_label() -> int:
    """The most characters a label can have before each fund's name in it
    is written as its acronym: 80, plus a whole fund name for each of its
    words."""
    return 80 + MAX_LABEL_WORDS * terms("funds").longest


@cache
def _most_label_words() -> int:
    """The most words a label can have before each fund's name in it is
    written as its acronym: each of its words a whole fund's name.  (A
    name of k words written as one takes k - 1 words off, and leaves one.)"""
    longest = max((len(name.split()) for name in _fund_names_of_languages()), default=1)
    return MAX_LABEL_WORDS * longest


def _fund_names_of_languages() -> list[str]:
    return [name for names in table("funds").values() for name in names]


_kept_looks_like_label = lru_cache(maxsize=KEPT_LABELS)(_reads_as_label)


def _bare(label: str) -> str:
    return _kept_bare(label) if len(label) <= _KEPT_LENGTH else _bare_label(label)


def _bare_label(label: str) -> str:
    return " ".join(label.split()).rstrip(" :")


_kept_bare = lru_cache(maxsize=KEPT_LABELS)(_bare_label)


def _ranked(votes: Counter[str]) -> tuple[str, ...]:
    return tuple(lang for lang, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))
