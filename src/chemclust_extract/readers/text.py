"""Plain ``Label: value`` text: values continued on indented lines, labels
aligned with runs of spaces, a section label followed by numbered
(``1. Name (DE)``, ``1) …``) or bulleted lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chemclust_extract.rows import Row

# "Label: value" - a label is short and does not look like a sentence or a URL.
_COLON = re.compile(r"^(?P<label>[^\s:][^:]{0,58}?)\s*:(?:\s+(?P<value>.*))?$")
# "Label      value" - two or more spaces (or tabs) align the value.
_ALIGNED = re.compile(r"^(?P<label>\S.{0,58}?)(?:\s{2,}|\t+)(?P<value>\S.*)$")
_ITEM = re.compile(r"^(?:\d{1,3}\s*[.)]|[-–•*·▪])\s+\S")
_SCHEME = re.compile(r"^\w+://|^www\.", re.I)
_MAX_LABEL_WORDS = 8


@dataclass
class _Open:
    """The row being built: its label and the paragraphs of its value, which
    indented lines continue."""

    line: int
    label: str
    paragraphs: list[list[str]] = field(default_factory=list)
    bare: bool = True


def read_text(text: str) -> list[Row]:
    """Read ``Label: value`` text into labelled rows.

    >>> rows = read_text("Projekt: ChemClust\\nKontaktní osoba: Špoták Dalibor\\n    Referent\\n"
    ...                  "Partneři projektu:\\n  1. Ústí Region (CZ)\\n  2) Novara (IT)\\n"
    ...                  "Program        Interreg IVC\\n")
    >>> [r.cells for r in rows]
    [('Projekt:', 'ChemClust'), ('Kontaktní osoba:', 'Špoták Dalibor\\nReferent'), \
('Partneři projektu:',), ('1. Ústí Region (CZ)',), ('2) Novara (IT)',), ('Program', 'Interreg IVC')]
    """
    rows: list[Row] = []
    current: _Open | None = None
    gap = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            gap = True
            continue
        stripped = line.strip()
        indented = line[:1].isspace()
        if indented and current is not None and not _ITEM.match(stripped):
            _continue(current, stripped, gap)
        else:
            _close(current, rows)
            cells = _split(stripped)
            current = _Open(
                number, cells[0], [cells[1:]] if len(cells) > 1 else [], len(cells) == 1
            )
        gap = False
    _close(current, rows)
    return rows


def _split(line: str) -> list[str]:
    """A line as label and value cells, or as one cell of text."""
    if _ITEM.match(line):
        return [line]
    for pattern in (_COLON, _ALIGNED):
        match = pattern.match(line)
        if match and _is_label(match["label"]):
            value = (match["value"] or "").strip()
            label = match["label"].strip() + (":" if pattern is _COLON else "")
            return [label, value] if value else [label]
    return [line]


def _is_label(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_LABEL_WORDS
        and not _SCHEME.match(text)
        and not text.endswith((".", ","))
    )


def _continue(current: _Open, line: str, gap: bool) -> None:
    """An indented line: more of the open value, a new paragraph after a gap."""
    if gap or not current.paragraphs:
        current.paragraphs.append([])
    current.paragraphs[-1].append(line)


def _close(current: _Open | None, rows: list[Row]) -> None:
    """Emit the open row.  A label with a value on its own line takes the
    indented lines into that value (``\\n`` between lines, a blank line
    between paragraphs); a bare label gets them as rows below it, one per
    paragraph."""
    if current is None:
        return
    blocks = ["\n".join(p) for p in current.paragraphs]
    if current.bare:
        rows.append(Row(current.line, (current.label,)))
        rows.extend(Row(current.line, ("", block)) for block in blocks)
    else:
        rows.append(Row(current.line, (current.label, "\n\n".join(blocks))))
