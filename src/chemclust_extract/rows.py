"""The neutral shape every reader produces and the recogniser consumes.

A sheet, whatever its format, is read as a list of rows of text cells: a
label in the first cell, values in the others, or a bare line of text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, init=False)
class Row:
    """One labelled row of a sheet.

    ``line`` is where the row starts in the source (1-based), for messages.
    ``links`` are the link targets found in the row, in order, where the
    format has them (HTML); ``heading`` is set when the format marks the row
    as a heading rather than the recogniser having to guess.

    ``block`` groups the rows into the content blocks of the page where the
    format shows them (HTML; the other readers leave every row in block 0).
    The rows of one block are consecutive and share its number; the next
    block has a greater one, and a number is never used again.  The HTML
    reader starts a new block where each container element (``div``,
    ``section``, ``article``, ``main``, ``header``, ``footer``, ``aside``,
    ``nav``, ``form``, ``blockquote``, ``figure`` ...) begins and where it
    ends, and where each table, list (``ul``/``ol``, a run of Word's list
    paragraphs) and definition list begins and ends, with two exceptions
    that keep a label with its items:

    - a container, table or list that begins right after a heading or a
      lone label (a row of one cell ending in ``:``, a bold label with no
      value) continues that row's block, however many containers open
      before the next row (``<h2>Partneři</h2><div><table>…``);
    - a table row, definition or CMS label/value pair whose value holds a
      nested table or list is a block of its own: its label row and all
      its nested rows (a new block begins before the label and after the
      last nested row); a list item's nested list stays in its list's
      block.

    The HTML reader numbers blocks from 1, so 0 always means "not known".

    So a heading and the list right after it share a block, the rows of an
    item list share one, and whatever follows the list (a paragraph, the
    next ``<section>``, a footer, a sidebar) is in another: an item list
    ends where its block ends.

    ``label`` is the first cell, as written; ``values`` are the non-blank
    cells after it:

    >>> row = Row(3, ("1", "Ústí Region (CZ)", "", "http://x.cz/"))
    >>> row.label, row.values
    ('1', ('Ústí Region (CZ)', 'http://x.cz/'))
    """

    line: int
    cells: tuple[str, ...]
    links: tuple[str, ...] = field(default=())
    heading: bool = False
    block: int = 0
    after_gap: bool = False  # an empty line stands right before it (TSV)
    # Made from the cells, not given: asked for again and again by the
    # recogniser, so made once, as the row is.  Equality ignores them.
    label: str = field(init=False, repr=False, compare=False)
    values: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __init__(
        self,
        line: int,
        cells: tuple[str, ...],
        links: tuple[str, ...] = (),
        heading: bool = False,
        block: int = 0,
        after_gap: bool = False,
    ) -> None:
        # What the frozen dataclass's own __init__ does, without a call to
        # object.__setattr__ per field: a sheet makes a row per line.
        values = self.__dict__
        values["line"], values["cells"], values["links"] = line, cells, links
        values["heading"], values["block"], values["after_gap"] = heading, block, after_gap
        values["label"] = cells[0] if cells else ""
        values["values"] = tuple(filter(str.strip, cells[1:])) if len(cells) > 1 else ()

    @property
    def text(self) -> str:
        """All non-blank cells joined by one space."""
        return " ".join(filter(None, map(str.strip, self.cells)))
