"""HTML pages: label/value tables, definition lists, ``<p><b>Label:</b>
value</p>`` blocks, ``Label: value<br>`` runs, a CMS's ``<div>`` label/value
pairs, Word's saved pages, headings followed by lists or tables, all turned
into the same neutral rows the TSV reader gives.

The page is parsed by lxml (:mod:`chemclust_extract.soup`): libxml2 builds
the tree, or, for a page nested deeper than it builds, its parse events
build one no deeper than this reader walks; BeautifulSoup reads what
libxml2 will not.  Page furniture (:mod:`.furniture`) is taken out before
the walk.

Values keep their line structure: ``<br>`` becomes a line break and block
elements (paragraphs, list items) a blank line, so the normalisers can still
see the paragraphs of a description or the lines of a contact block.  Link
targets travel with their row, resolved against ``<base href>``.  Each row
carries its content block (:attr:`chemclust_extract.rows.Row.block`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias
from urllib.parse import urljoin

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no types

from chemclust_extract.readers.furniture import (
    CONTENT,
    NEVER_CONTENT,
    TEMPLATE_PARTS,
    furniture_line,
    is_furniture,
    is_label_class,
)
from chemclust_extract.rows import Row
from chemclust_extract.soup import Rejected, Shallow, event_tree, native_tree, soup_tree, xml_safe

Element: TypeAlias = etree._Element

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
_STRUCTURES = frozenset({"table", "ul", "ol", "dl"})
# Elements that hold a page's blocks: each begins and ends a content block.
_CONTAINERS = frozenset(
    "div section article main aside header footer nav form fieldset blockquote address "
    "center figure details body html".split()
)
_BLOCKS = (
    frozenset(
        "p div section article main li dd dt blockquote pre address center td th tr table "
        "tbody thead tfoot dl ul ol figure figcaption fieldset body html header footer aside "
        "nav form details".split()
    )
    | _HEADINGS
)
_NESTED = frozenset({"table", "ul", "ol", "dl"})
_LABEL_MARKUP = frozenset({"strong", "b", "th", "label", "dt"})
_KEEP_WHOLE = _LABEL_MARKUP | {"a"}
# Nesting beyond this is read as plain text rather than walked, so a page of
# 20 000 nested <div>s costs no more than its text.
_MAX_DEPTH = 60
# A page nested deeper than libxml2 builds is built from its parse events,
# no deeper than this: below _MAX_DEPTH the walker reads lines of text,
# opening every element but a line break, a bold label or a link, so
# leaving the others out deeper than this changes nothing it reads; twice
# that depth leaves a margin.
_MAX_TREE_DEPTH = 2 * _MAX_DEPTH
# Still built deeper than that: line breaks and <base>, which hold nothing.
_VOID_KEPT = frozenset({"br", "base"})
# Word's list numbers: <span style="mso-list:Ignore">1.<span>&nbsp;</span></span>.
_MSO_MARKER = "mso-list:ignore"  # in a style without its spaces, lower case
_MSO_NUMBER = re.compile(
    r"""^\s*
        (?P<number>\d{1,4})   # the item's number
        \s*[.)]?\s*$          # its dot or bracket, then Word's spacing""",
    re.VERBOSE,
)
# Tags that are furniture, or may be, without a role, class or id.
_FURNITURE_TAGS = NEVER_CONTENT | TEMPLATE_PARTS | {"form"}
# Where the reader notes a Word list item's number (a bullet notes "").
_ITEM_NUMBER = "data-list-number"
# A label this long is a sentence, not a CMS label.
_MAX_LABEL = 120
# What holds the value of a label element beside it: <strong>Label</strong><span>value</span>.
_INLINE_VALUES = frozenset({"span", "a", "div", "time", "data"})


def read_html(text: str) -> list[Row]:
    """Read an HTML page into labelled rows.

    >>> rows = read_html('<table><tr><th>Projekt</th><td><a href="http://x.eu/">ChemClust</a></td></tr>'
    ...                  '<tr><td>Trvání:</td><td>01/2010 &ndash; 12/2012</td></tr></table>')
    >>> [(r.cells, r.links) for r in rows]
    [(('Projekt', 'ChemClust'), ('http://x.eu/',)), (('Trvání:', '01/2010 – 12/2012'), ())]
    >>> [r.cells for r in read_html("<dl><dt>Program</dt><dd>Interreg IVC</dd></dl>")]
    [('Program', 'Interreg IVC')]
    >>> [r.cells for r in read_html("<p><strong>Program:</strong> Interreg IVC<br>Web: x.eu</p>")]
    [('Program:', 'Interreg IVC'), ('Web: x.eu',)]
    >>> [r.cells for r in read_html('<div class="field-label">Program</div><div>Interreg</div>')]
    [('Program', 'Interreg')]
    """
    root = _tree(_without_cut_tag(text))
    base = _base_href(root)
    _rows_out_of_cells(root)
    _clean(root)
    body = next(root.iter("body"), root)
    walker = _Walker(base)
    walker.blocks(body, 0)
    return walker.rows


def _tree(text: str) -> Element:
    """The page's tree: libxml2's, built from its events where the page is
    nested deeper than it builds, BeautifulSoup's where it reads nothing."""
    try:
        return native_tree(text)
    except Rejected as rejected:
        if rejected.too_deep:
            return event_tree(text, _SHALLOW)
    return soup_tree(text)


def _hidden_below_the_tree(tag: str, attributes: Mapping[str, str], in_content: bool) -> bool:
    if tag not in _FURNITURE_TAGS and not attributes:
        return False  # most elements: no tag, role, class or id to say so
    return is_furniture(tag, attributes.get, in_content)


_SHALLOW = Shallow(
    depth=_MAX_TREE_DEPTH,
    kept=_VOID_KEPT,
    whole=_KEEP_WHOLE,
    content=CONTENT,
    hidden=_hidden_below_the_tree,
)


_CUT_TAG = re.compile(r"(?<=[^<])<[/!?]?[A-Za-z]*[^<>]*\Z")


def _without_cut_tag(text: str) -> str:
    """A page cut short inside a tag ("ChemClust <") loses the half tag
    rather than showing it as text."""
    cut = _CUT_TAG.search(text[-512:])
    return text[: len(text) - len(cut.group(0))] if cut else text


def _base_href(root: Element) -> str | None:
    for base in root.iter("base"):
        href = str(base.get("href") or "").strip()
        if href:
            return href
    return None


# --- before the walk: furniture out, Word's list numbers noted ---------------


def _rows_out_of_cells(root: Element) -> None:
    """End a cell where a browser ends it: libxml2 keeps a row that follows
    a tag left open in a cell (``<td><b>Name<tr>…``) inside that tag, and
    the rows after it too, so a label and its value would run into the
    cell's text.  Each such row is moved to follow the row of its cell, in
    order; a row of a table nested in a cell is where it belongs."""
    after: dict[Element, Element] = {}  # each cell's row, and the last row moved after it
    misplaced = [tr for tr in root.iter("tr") if _tag(tr.getparent()) not in _ROW_PARENTS]
    for tr in misplaced:
        cell = next(tr.iterancestors(*_TABLE_PARTS), None)
        if cell is None or _tag(cell) not in {"td", "th"}:
            continue
        host = next(cell.iterancestors("tr"), None)
        if host is None:
            continue
        if tr.tail:  # the text after it stays where it was
            _keep_text(tr, tr.tail)
            tr.tail = None
        anchor = after.get(host, host)
        anchor.addnext(tr)
        after[host] = tr


# Where a row belongs; one elsewhere was put there by libxml2's recovery.
_ROW_PARENTS = frozenset({"table", "thead", "tbody", "tfoot"})
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "td", "th")


def _keep_text(element: Element, text: str) -> None:
    """Put text where it would be if ``element`` were not there."""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = xml_safe((previous.tail or "") + text)
    else:
        parent = element.getparent()
        if parent is not None:
            parent.text = xml_safe((parent.text or "") + text)


def _clean(root: Element) -> None:
    """Take out comments, furniture (:mod:`.furniture`) and Word's list
    markers, looking only at the elements that may be one (found in C).
    Furniture that holds the page's ``<article>``/``<main>`` (a wrapper
    named ``header-and-content``) is opened instead, and a ``<form>`` that
    holds the page (ASP.NET wraps every page in one)."""
    doomed: list[Element] = []
    for node in _candidates(root):
        tag = _tag(node)
        ancestors = list(node.iterancestors())
        if not tag:
            doomed.append(node)  # a comment or processing instruction
        elif _furniture(node, tag, any(map(_is_content, ancestors))):
            doomed.append(node)
        elif tag == "span" and _MSO_MARKER in "".join((node.get("style") or "").lower().split()):
            number = _MSO_NUMBER.match(_text_content(node))
            item = next((a for a in ancestors if _tag(a) in _BLOCKS), root)
            item.set(_ITEM_NUMBER, number["number"] if number else "")
            doomed.append(node)
    for element in doomed:  # furniture inside furniture goes too: no matter which first
        _drop(element)


def _candidates(root: Element) -> list[Element]:
    """The elements a tag, role, class or id may make furniture, Word's
    list markers, comments and processing instructions."""
    found: list[Element] = list(
        root.iter(*_FURNITURE_TAGS, etree.Comment, etree.ProcessingInstruction)
    )
    return found + list(_NAMED(root))


_NAMED = etree.XPath("//*[@class or @id or @role] | //span[contains(@style, 'mso-list')]")


def _is_content(element: Element) -> bool:
    return _tag(element) in CONTENT or element.get("role") == "main"


def _furniture(element: Element, tag: str, in_content: bool) -> bool:
    if tag == "form":
        return not _holds(element, {"article", "main", "h1", "h2", "table", "dl"})
    if not is_furniture(tag, element.get, in_content):
        return False
    return tag in {"script", "style"} or not _holds(element, CONTENT)


def _drop(element: Element) -> None:
    """Remove an element but not the text after it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        _keep_text(element, element.tail)
    parent.remove(element)


# --- the walk ------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """A piece of text between elements, with the line it is on."""

    text: str
    line: int


Node: TypeAlias = Element | _Text


class _Walker:
    """Collects rows in document order, numbering their blocks (see
    :attr:`chemclust_extract.rows.Row.block`)."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.rows: list[Row] = []
        self.block = 1  # 0 means "no blocks known"
        self.filled = False  # the current block has a row
        self.labelled = False  # its last row is a heading or a lone label
        self.held = 0  # inside a value that holds nested rows: one block

    # blocks

    def emit(self, row: Row, label: bool = False) -> None:
        self.put(row.line, row.cells, row.links, row.heading, label)

    def put(
        self,
        line: int,
        cells: tuple[str, ...],
        links: tuple[str, ...] = (),
        heading: bool = False,
        label: bool = False,
    ) -> None:
        """A row, in the current block, unless it is blank or a print line."""
        text = " ".join(filter(None, map(str.strip, cells)))  # "" when every cell is blank
        if not text or furniture_line(text):
            return
        row = Row(line, cells, links, heading, self.block)
        self.rows.append(row)
        self.filled = True
        self.labelled = label or heading or _lone_label(row)

    def new_block(self) -> None:
        if not self.held and self.filled:
            self.block += 1
            self.filled = self.labelled = False

    def open_block(self) -> None:
        """A container, table or list begins: a block of its own unless it
        follows a heading or lone label, whose block it continues
        (``<h2>Partneři</h2><div class="table-responsive"><table>``)."""
        if not self.labelled:
            self.new_block()

    def word_list(self, listed: bool, child: Element) -> bool:
        """A run of Word's list paragraphs is a list: whether ``child``
        is in one."""
        item = child.get(_ITEM_NUMBER) is not None
        if item and not listed:
            self.open_block()
        elif listed and not item:
            self.new_block()
        return item

    def nested(self, label: Row | None, values: list[Element], depth: int) -> None:
        """A label whose value holds nested rows: one block for them all."""
        self.new_block()
        if label is not None:
            self.emit(label, label=True)
        self.held += 1
        for value in values:
            self.blocks(value, depth + 1)
        self.held -= 1
        self.new_block()

    # block elements

    def blocks(self, node: Element, depth: int) -> None:
        """Rows of a block element's children; loose inline content between
        blocks is read as lines of text."""
        if depth > _MAX_DEPTH:  # inline wrappers nest without limit too
            self.lines(_contents(node))
            return
        loose: list[Node] = []
        listed = False  # inside a run of Word's list paragraphs
        taken = -1  # the index of a CMS value its label has taken
        contents = _contents(node)
        for index, child in enumerate(contents):
            if index == taken:
                continue
            if isinstance(child, _Text) or not (
                _tag(child) in _BLOCKS
                or (_tag(child) == "br" and not loose)
                or _wraps_blocks(child)
            ):
                loose.append(child)
                continue
            self.lines(loose)
            loose = []
            listed = self.word_list(listed, child)
            if _tag(child) in _BLOCKS:
                value = _pair_value(contents, index)
                if value is None:
                    self.block_element(child, depth + 1)
                else:
                    self.pair(child, contents[value], depth)
                    taken = value
            elif _tag(child) != "br":  # <font>, <span> ... around blocks
                self.blocks(child, depth + 1)
        self.lines(loose)
        if listed:
            self.new_block()

    def block_element(self, tag: Element, depth: int) -> None:
        name = _tag(tag)
        if depth > _MAX_DEPTH:
            self.lines(_contents(tag))
        elif tag.get(_ITEM_NUMBER) is not None:
            self.word_item(tag)
        elif name in _STRUCTURES:
            self.open_block()
            if name == "table":
                self.table(tag, depth)
            elif name == "dl":
                self.definitions(tag, depth)
            else:
                self.list_items(tag, depth)
            self.new_block()
        elif name in _HEADINGS:
            self.put(_line(tag), (_text(tag),), self.links(tag), heading=True)
        elif name == "tr":
            self.table_row(tag, depth)
        elif name in _CONTAINERS:
            self.open_block()
            self.inside(tag, depth)
            self.new_block()
        else:
            self.inside(tag, depth)

    def inside(self, tag: Element, depth: int) -> None:
        if _has_blocks(tag):
            self.blocks(tag, depth)
        else:
            self.lines(_contents(tag))

    def word_item(self, paragraph: Element) -> None:
        """A paragraph of a Word list: its number, as an ``<ol>`` item has."""
        number = paragraph.get(_ITEM_NUMBER) or ""
        text = self.value(paragraph)
        cells = (number, text) if number else (text,)
        self.put(_line(paragraph), cells, self.links(paragraph))

    def pair(self, label: Element, value: Element, depth: int) -> None:
        """A CMS's label/value pair (``<div class="field-label">``)."""
        text = _text(label).strip()
        if _holds(value, _NESTED):
            self.nested(Row(_line(label), (text,), self.links(label), heading=True), [value], depth)
        else:
            self.put(_line(label), (text, self.value(value)), self.links(label, value))

    def table(self, table: Element, depth: int) -> None:
        for tr in _own_rows(table):
            self.table_row(tr, depth)

    def table_row(self, tr: Element, depth: int) -> None:
        """A label/value row; a value holding a table or list gives the
        label as a row of its own, then the nested rows."""
        cells = _children(tr, {"td", "th"})
        if not cells:
            return
        nested = [c for c in cells if _holds(c, _NESTED)]
        if not nested:
            # A lone <th> in its row heads the row below (label and value each in a row).
            heading = len(cells) == 1 and _tag(cells[0]) == "th"
            self.put(_line(tr), tuple(self.value(c) for c in cells), self.links(tr), heading)
            return
        plain = [c for c in cells if c not in nested]
        label = None
        if plain:
            label = Row(_line(tr), tuple(self.value(c) for c in plain), self.links(*plain))
        self.nested(label, nested, depth)

    def list_items(self, tag: Element, depth: int) -> None:
        """List items; an ``<ol>`` numbers them (from its ``start``)."""
        number = _start(tag)
        for li in _children(tag, {"li"}):
            if _holds(li, _NESTED):
                self.held += 1  # the list's rows stay one block
                self.blocks(li, depth + 1)
                self.held -= 1
                continue
            text = self.value(li)
            cells = (str(number), text) if _tag(tag) == "ol" else (text,)
            self.put(_line(li), cells, self.links(li))
            number += 1

    def definitions(self, dl: Element, depth: int) -> None:
        label: Element | None = None
        for child in _children(dl, {"dt", "dd"}):
            if _tag(child) == "dt":
                if label is not None:
                    self.put(_line(label), (_text(label),), self.links(label))
                label = child
            elif _holds(child, _NESTED):
                title = None
                if label is not None:
                    title = Row(_line(label), (_text(label),), self.links(label), heading=True)
                label = None
                self.nested(title, [child], depth)
            else:
                head = (_text(label),) if label is not None else ("",)
                links = self.links(*(t for t in (label, child) if t is not None))
                line = _line(label if label is not None else child)
                self.put(line, (*head, self.value(child)), links)
                label = None
        if label is not None:
            self.put(_line(label), (_text(label),), self.links(label))

    # inline content

    def lines(self, nodes: list[Node]) -> None:
        """Inline content split at ``<br>``: each line a row, ``Label:`` in
        bold at its start making it a label/value row; a label element and
        one value element alone (``<strong>Label</strong><span>value</span>``)
        a label/value row."""
        pair = _inline_pair(nodes)
        if pair is not None:
            self.pair(*pair, depth=0)  # an inline value holds no nested rows
            return
        line: list[Node] = []
        held: Row | None = None  # a label/value row that an indented line may continue
        for node in [*_flatten(nodes), None]:
            if node is None or (not isinstance(node, _Text) and _tag(node) == "br"):
                row = self.line_row(line)
                if row is not None and held is not None and _continues_value(line, row):
                    cells = (*held.cells[:-1], f"{held.cells[-1]}\n{row.cells[0]}")
                    held = Row(held.line, cells, (*held.links, *row.links))
                elif row is not None:
                    if held is not None:
                        self.emit(held)
                    held = row if len(row.cells) > 1 or _TEXT_PAIR.match(row.cells[0]) else None
                    if held is None:
                        self.emit(row)
                line = []
            else:
                line.append(node)
        if held is not None:
            self.emit(held)

    def line_row(self, nodes: list[Node]) -> Row | None:
        text = "".join(_text(n) for n in nodes)
        if not text.strip():
            return None
        first = next((n for n in nodes if not (isinstance(n, _Text) and not n.text.strip())), None)
        links = self.links(*(n for n in nodes if not isinstance(n, _Text)))
        if first is not None and _is_label(first):
            label = _text(first).strip()
            rest = "".join(_text(n) for n in nodes[nodes.index(first) + 1 :]).strip()
            if rest.startswith(":"):
                label, rest = label + ":", rest[1:].strip()
            # bold text without a colon is emphasis, not a label; a CMS's label class says it is one
            if label.endswith(":") or (not isinstance(first, _Text) and is_label_class(first.get)):
                return Row(_line(first), (label, rest) if rest else (label,), links)
        return Row(_line(nodes[0]), (text.strip(),), links)

    def value(self, tag: Element) -> str:
        """A cell's text: line breaks at ``<br>``, blank lines between blocks."""
        return _block_text(tag).strip()

    def links(self, *tags: Element | None) -> tuple[str, ...]:
        found: list[str] = []
        for tag in tags:
            if tag is None:
                continue
            for a in tag.iter("a"):
                href = a.get("href")
                if href and href.strip():
                    found.append(self.resolve(href.strip()))
        return tuple(dict.fromkeys(found))

    def resolve(self, href: str) -> str:
        if href.lower().startswith("mailto:") or not self.base:
            return href
        return _resolved(self.base, href)


@lru_cache(maxsize=4096)  # a site's pages share their base and most links
def _resolved(base: str, href: str) -> str:
    try:
        return urljoin(base, href)
    except ValueError:  # a base or link that is not a URL ("http://[x")
        return href


# --- helpers over the tree ---------------------------------------------------------


def _tag(node: object) -> str:
    """An element's tag name; "" for text, comments and processing instructions."""
    tag = getattr(node, "tag", None)
    return tag if type(tag) is str else ""


def _contents(element: Element) -> list[Node]:
    """An element's children with the text between them, in order."""
    line = _line(element)
    # A line break in the page's source is a space, as a browser shows it.
    found: list[Node] = [_Text(_spaced(element.text), line)] if element.text else []
    for child in element:
        found.append(child)
        if child.tail:
            found.append(_Text(_spaced(child.tail), _line(child) or line))
    return found


def _spaced(text: str) -> str:
    if "\n" not in text and "\r" not in text:
        return text
    # Replaced in C each: str.translate looks each character up in Python.
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


# "Label: value" written as plain text on one line.
_TEXT_PAIR = re.compile(r"[^:\n]{2,60}(?<!\d):(?!\d)\s*\S")


def _continues_value(nodes: list[Node], row: Row) -> bool:
    """Whether a line after a ``<br>`` continues the value above it: it is
    indented with non-breaking spaces, as a page lays out a second line of
    a value under the first (source line breaks and spaces are no indent),
    and holds no label of its own."""
    text = "".join(n.text for n in nodes if isinstance(n, _Text)).lstrip(" \t\r\n")
    return len(row.cells) == 1 and text.startswith("\xa0\xa0")


def _lone_label(row: Row) -> bool:
    """A row of one cell that reads as a label: ``Partneři projektu:``."""
    cells = [c for c in row.cells if c.strip()]
    return len(cells) == 1 and cells[0].rstrip().endswith(":")


def _is_label(node: Node) -> bool:
    """Label markup: a bold or ``<label>`` element, or one a CMS classes a label."""
    if isinstance(node, _Text):
        return False
    return _tag(node) in _LABEL_MARKUP or is_label_class(node.get)


def _significant(contents: list[Node], start: int) -> int | None:
    """The index of the next element at or after ``start``, if only blank
    text comes before it."""
    for index in range(start, len(contents)):
        node = contents[index]
        if not isinstance(node, _Text):
            return index
        if node.text.strip():
            return None
    return None


def _pair_value(contents: list[Node], index: int) -> int | None:
    """The index of the value of the CMS label at ``contents[index]``: the
    next element, if the label is short text and the next element is not a
    label too."""
    label = contents[index]
    if isinstance(label, _Text) or not is_label_class(label.get) or _has_blocks(label):
        return None
    if not 0 < len(_text(label).strip()) <= _MAX_LABEL:
        return None
    after = _significant(contents, index + 1)
    if after is None:
        return None
    value = contents[after]
    if isinstance(value, _Text) or _is_label(value) or _tag(value) in _HEADINGS:
        return None
    return after


def _inline_pair(nodes: list[Node]) -> tuple[Element, Element] | None:
    """A label element and one value element, alone on their line."""
    elements = [n for n in nodes if not (isinstance(n, _Text) and not n.text.strip())]
    if len(elements) != 2:
        return None
    label, value = elements
    if isinstance(label, _Text) or isinstance(value, _Text) or _tag(value) not in _INLINE_VALUES:
        return None
    if not _is_label(label) or _is_label(value) or _holds(value, {"br"} | _BLOCKS):
        return None
    text = _text(label).strip()
    return (label, value) if 0 < len(text) <= _MAX_LABEL and _text(value).strip() else None


def _own_rows(table: Element) -> Iterator[Element]:
    """The table's rows, in ``<thead>``/``<tbody>``/``<tfoot>`` or bare, not
    those of tables nested in its cells."""
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in {"thead", "tbody", "tfoot"}:
            yield from (tr for tr in child if _tag(tr) == "tr")


def _wraps_blocks(tag: Element) -> bool:
    """An inline element (``<font>``, ``<span>``) holding blocks of a page."""
    return _tag(tag) not in _BLOCKS and _holds(tag, _BLOCKS)


def _flatten(nodes: list[Node]) -> list[Node]:
    """Inline content opened up to its text, ``<br>``s, bold labels and links,
    so that each line can be read on its own.  One pass over the nodes, and
    no stack depth, however deeply they nest."""
    flat: list[Node] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if (
            isinstance(node, _Text)
            or _tag(node) in _KEEP_WHOLE | {"br"}
            or is_label_class(node.get)
        ):
            flat.append(node)
        else:
            stack.extend(reversed(_contents(node)))
    return flat


def _children(tag: Element, names: frozenset[str] | set[str]) -> list[Element]:
    return [c for c in tag if _tag(c) in names]


def _holds(tag: Element, names: frozenset[str] | set[str]) -> bool:
    # Most cells hold text alone: no descendants to walk.
    return bool(len(tag)) and next(tag.iterdescendants(*names), None) is not None


def _has_blocks(tag: Element) -> bool:
    return any(_tag(c) in _BLOCKS for c in tag)


def _start(tag: Element) -> int:
    """An ``<ol start>``: plain decimal digits of sane length, else 1."""
    start = str(tag.get("start", "1")).strip()
    return int(start) if start.isascii() and start.isdecimal() and len(start) <= 6 else 1


def _line(node: Node | None) -> int:
    if isinstance(node, _Text):
        return node.line
    line = getattr(node, "sourceline", None)
    return line if isinstance(line, int) else 0


def _text(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, _Text):
        return node.text
    return _block_text(node)


def _text_content(element: Element) -> str:
    return "".join(element.itertext())


_CLOSE = object()  # marks the end of a block in _block_text's stack


def _block_text(tag: Element) -> str:
    """Text of an element with ``<br>`` as a line break and a blank line
    around each block; a Word list item keeps its number.  Iterative, so
    deep nesting cannot exhaust the stack."""
    if not len(tag):  # a cell of text alone: most of them
        return (tag.text or "").replace("\n", " ")
    parts: list[str] = []
    stack: list[object] = [tag]
    while stack:
        item = stack.pop()
        if item is _CLOSE:
            parts.append("\n\n")
        elif isinstance(item, str):
            parts.append(item.replace("\n", " "))
        elif isinstance(item, etree._Element):
            name = _tag(item)
            if name == "br":
                parts.append("\n")
                continue
            if name in _BLOCKS and item is not tag:
                parts.append("\n\n")
                stack.append(_CLOSE)
            for child in reversed(item):
                if child.tail:
                    stack.append(child.tail)
                if _tag(child):
                    stack.append(child)
            if item.text:
                stack.append(item.text)
            if item is not tag and item.get(_ITEM_NUMBER):
                parts.append(f"{item.get(_ITEM_NUMBER)}. ")
    text = "".join(parts)
    if "\n" not in text:
        return text
    text = _SPACED_BREAK.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text)


# A line break and the spaces around it.
_SPACED_BREAK = re.compile(r"[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0]*")
_BLANK_LINES = re.compile(r"\n{3,}")
