"""The neutral shape every reader produces and the recogniser consumes.

A sheet, whatever its format, is read as a list of rows of text cells: a
label in the first cell, values in the others, or a bare line of text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    """One labelled row of a sheet.

    ``line`` is where the row starts in the source (1-based), for messages.
    ``links`` are the link targets found in the row, in order, where the
    format has them (HTML); ``heading`` is set when the format marks the row
    as a heading rather than the recogniser having to guess.
    """

    line: int
    cells: tuple[str, ...]
    links: tuple[str, ...] = field(default=())
    heading: bool = False

    @property
    def label(self) -> str:
        """The first cell, as written.

        >>> Row(3, ("Program:", "Interreg IVC")).label
        'Program:'
        """
        return self.cells[0] if self.cells else ""

    @property
    def values(self) -> tuple[str, ...]:
        """The non-blank cells after the first.

        >>> Row(3, ("1", "Ústí Region (CZ)", "", "http://x.cz/")).values
        ('Ústí Region (CZ)', 'http://x.cz/')
        """
        return tuple(c for c in self.cells[1:] if c.strip())

    @property
    def text(self) -> str:
        """All non-blank cells joined by one space."""
        return " ".join(c.strip() for c in self.cells if c.strip())
