"""HTML pages: label/value tables, definition lists, ``<p><b>Label:</b>
value</p>`` blocks, ``Label: value<br>`` runs, headings followed by lists or
tables, all turned into the same neutral rows the TSV reader gives.

Values keep their line structure: ``<br>`` becomes a line break and block
elements (paragraphs, list items) a blank line, so the normalisers can still
see the paragraphs of a description or the lines of a contact block.  Link
targets travel with their row, resolved against ``<base href>``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from urllib.parse import urljoin

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder._lxml import LXMLTreeBuilder  # bs4.builder names it only at run time
from bs4.element import Comment, NavigableString, PageElement, Tag

from chemclust_extract.rows import Row

# Never content: scripts, styles and the furniture of a CMS template.
_FURNITURE = frozenset(
    "script style noscript template iframe object embed svg canvas form button select nav".split()
)
_TEMPLATE_PARTS = frozenset({"header", "footer", "aside"})
_TEMPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
_BLOCKS = (
    frozenset(
        "p div section article main li dd dt blockquote pre address center td th tr table "
        "tbody thead tfoot dl ul ol figure figcaption fieldset body html".split()
    )
    | _HEADINGS
)
_NESTED = frozenset({"table", "ul", "ol", "dl"})
_LABEL_MARKUP = frozenset({"strong", "b", "th", "label", "dt"})
_KEEP_WHOLE = _LABEL_MARKUP | {"a"}
# "Label:" at the start of a line of text; the value runs to the end of the line.
_COLON_LABEL = re.compile(r"^(?P<label>[^:\n]{1,60}?)\s*:\s*(?P<value>.*)$", re.DOTALL)
# Nesting beyond this is read as plain text rather than walked, so a page of
# 20 000 nested <div>s costs no more than its text.
_MAX_DEPTH = 60
# Elements nested deeper than this are not built into the tree at all.  bs4
# links each piece of text that follows an element to what comes after its
# parent by walking up every ancestor, so building costs depth times size:
# 20 000 nested "<div>\n ... </div>\n" took 15 s, and four times that at twice
# the depth.  Deeper than _MAX_DEPTH the walker reads lines of text, opening
# every element but a line break, a bold label or a link, so leaving the
# others out deeper than this changes nothing it reads; twice that depth
# leaves a margin.
_MAX_TREE_DEPTH = 2 * _MAX_DEPTH
# Still built deeper than that: line breaks and <base>, which hold nothing.
_VOID_KEPT = frozenset({"br", "base"})
_CONTENT = frozenset({"article", "main"})


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
    """
    soup = _soup(_without_cut_tag(text))
    base = _base_href(soup)
    _remove_furniture(soup)
    root = soup.body or soup
    return [row for row in _Walker(text, base).blocks(root, 0) if any(c.strip() for c in row.cells)]


def _soup(markup: str) -> BeautifulSoup:
    """The page's tree, no deeper than ``_MAX_TREE_DEPTH``, parsed as
    :func:`chemclust_extract.soup.quiet_soup` parses (lxml, no advice warnings).

    >>> soup = _soup("<div>" * 500 + "<b>Projekt:</b> ChemClust<br>x" + "</div>" * 500)
    >>> len(list(soup.find("b").parents)) <= _MAX_TREE_DEPTH + 1, soup.b.string
    (True, 'Projekt:')
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, builder=_ShallowTreeBuilder())


class _ShallowTreeBuilder(LXMLTreeBuilder):
    """bs4's lxml tree builder, building no deeper than ``_MAX_TREE_DEPTH``.
    Below that an element is left out and its text joins the element above,
    as the walker's lines would read it; line breaks and one level of labels
    and links are kept; furniture is left out with its text, as
    :func:`_remove_furniture` would take it out.  Every step is O(1)."""

    def __init__(self) -> None:
        super().__init__()
        self._open: list[tuple[bool, bool, bool]] = []  # per open element: built, hidden, content
        self._built = self._hidden = self._content = 0

    def feed(self, markup: str | bytes) -> None:
        self._open.clear()
        self._built = self._hidden = self._content = 0
        super().feed(markup)

    def start(
        self,
        tag: str | bytes,
        attrib: dict[str | bytes, str | bytes],
        nsmap: dict[str, str] | None = None,
    ) -> None:
        name = tag if isinstance(tag, str) else tag.decode()
        built, hidden = self._placing(name, attrib)
        content = name in _CONTENT
        self._open.append((built, hidden, content))
        self._built += built
        self._hidden += hidden
        self._content += content
        if built:
            super().start(tag, attrib, nsmap or {})

    def end(self, tag: str | bytes) -> None:
        if not self._open:  # an end lxml never opened: bs4 ignores it as before
            super().end(tag)
            return
        built, hidden, content = self._open.pop()
        self._built -= built
        self._hidden -= hidden
        self._content -= content
        if built:
            super().end(tag)

    def data(self, data: str | bytes) -> None:
        if not self._hidden:
            super().data(data)

    def comment(self, text: str | bytes) -> None:
        if not self._hidden:
            super().comment(text)

    def _placing(self, name: str, attrib: dict[str | bytes, str | bytes]) -> tuple[bool, bool]:
        """Whether an element opening now is built, and whether its text is
        hidden."""
        if self._hidden:
            return False, True
        if self._built < _MAX_TREE_DEPTH:
            return True, False
        # lxml's mapping of no attributes answers get() by a KeyError: ask only here.
        role = str(attrib.get("role", "")) if attrib else ""
        if _furniture(name, role, self._content > 0):
            return False, True
        kept = name in _KEEP_WHOLE and self._built == _MAX_TREE_DEPTH
        return name in _VOID_KEPT or kept, False


_CUT_TAG = re.compile(r"(?<=[^<])<[/!?]?[A-Za-z]*[^<>]*\Z")


def _without_cut_tag(text: str) -> str:
    """A page cut short inside a tag ("ChemClust <") loses the half tag
    rather than showing it as text."""
    cut = _CUT_TAG.search(text[-512:])
    return text[: len(text) - len(cut.group(0))] if cut else text


def _base_href(soup: BeautifulSoup) -> str | None:
    base = soup.find("base", href=True)
    href = base.get("href") if isinstance(base, Tag) else None
    return href.strip() if isinstance(href, str) and href.strip() else None


def _remove_furniture(soup: BeautifulSoup) -> None:
    """Take out comments, scripts, navigation and a CMS template's header and
    footer (those outside ``<article>``/``<main>``), in one pass from the top
    that does not look inside what it removes."""
    doomed: list[PageElement] = []
    stack: list[tuple[Tag, bool]] = [(soup, False)]
    while stack:
        node, in_content = stack.pop()
        for child in node.contents:
            if isinstance(child, Comment):
                doomed.append(child)
            elif isinstance(child, Tag):
                if _is_furniture(child, in_content):
                    doomed.append(child)
                else:
                    stack.append((child, in_content or child.name in {"article", "main"}))
    for element in doomed:
        element.extract()


def _is_furniture(tag: Tag, in_content: bool) -> bool:
    return _furniture(tag.name, str(tag.attrs.get("role", "")), in_content)


def _furniture(name: str, role: str, in_content: bool) -> bool:
    return (
        name in _FURNITURE
        or role.lower() in _TEMPLATE_ROLES
        or (name in _TEMPLATE_PARTS and not in_content)
    )


class _Walker:
    """Emits rows in document order."""

    def __init__(self, source: str, base: str | None) -> None:
        self.source = source
        self.base = base

    def blocks(self, node: Tag, depth: int) -> Iterator[Row]:
        """Rows of a block element's children; loose inline content between
        blocks is read as lines of text."""
        if depth > _MAX_DEPTH:  # inline wrappers nest without limit too
            yield from self.lines(list(node.children))
            return
        loose: list[PageElement] = []
        for child in list(node.children):
            if isinstance(child, Tag) and (
                child.name in _BLOCKS or (child.name == "br" and not loose) or _wraps_blocks(child)
            ):
                yield from self.lines(loose)
                loose = []
                if child.name in _BLOCKS:
                    yield from self.block(child, depth + 1)
                elif child.name != "br":  # <font>, <span> ... around blocks
                    yield from self.blocks(child, depth + 1)
            elif isinstance(child, (Tag, NavigableString)):
                loose.append(child)
        yield from self.lines(loose)

    def block(self, tag: Tag, depth: int) -> Iterator[Row]:
        if depth > _MAX_DEPTH:
            yield from self.lines(list(tag.children))
        elif tag.name == "table":
            yield from self.table(tag, depth)
        elif tag.name in _LISTS:
            yield from self.list_items(tag, depth)
        elif tag.name == "dl":
            yield from self.definitions(tag, depth)
        elif tag.name in _HEADINGS:
            yield Row(_line(tag), (_text(tag),), self.links(tag), heading=True)
        elif tag.name == "tr":
            yield from self.table_row(tag, depth)
        elif _has_blocks(tag):
            yield from self.blocks(tag, depth)
        else:
            yield from self.lines(list(tag.children))

    def table(self, table: Tag, depth: int) -> Iterator[Row]:
        for tr in _own_rows(table):
            yield from self.table_row(tr, depth)

    def table_row(self, tr: Tag, depth: int) -> Iterator[Row]:
        """A label/value row; a value holding a table or list gives the
        label as a row of its own, then the nested rows."""
        cells = _children(tr, {"td", "th"})
        if not cells:
            return
        nested = [c for c in cells if _holds(c, _NESTED)]
        if not nested:
            yield Row(_line(tr), tuple(self.value(c) for c in cells), self.links(tr))
            return
        plain = [c for c in cells if c not in nested]
        if plain:
            yield Row(_line(tr), tuple(self.value(c) for c in plain), self.links(*plain))
        for cell in nested:
            yield from self.blocks(cell, depth + 1)

    def list_items(self, tag: Tag, depth: int) -> Iterator[Row]:
        """List items; an ``<ol>`` numbers them (from its ``start``)."""
        number = _start(tag)
        for li in _children(tag, {"li"}):
            if _holds(li, _NESTED):
                yield from self.blocks(li, depth + 1)
                continue
            text = self.value(li)
            cells = (str(number), text) if tag.name == "ol" else (text,)
            yield Row(_line(li), cells, self.links(li))
            number += 1

    def definitions(self, dl: Tag, depth: int) -> Iterator[Row]:
        label: Tag | None = None
        for child in _children(dl, {"dt", "dd"}):
            if child.name == "dt":
                if label is not None:
                    yield Row(_line(label), (_text(label),), self.links(label))
                label = child
            elif _holds(child, _NESTED):
                if label is not None:
                    yield Row(_line(label), (_text(label),), self.links(label), heading=True)
                label = None
                yield from self.blocks(child, depth + 1)
            else:
                head = (_text(label),) if label is not None else ("",)
                links = self.links(*(t for t in (label, child) if t is not None))
                yield Row(_line(label or child), (*head, self.value(child)), links)
                label = None
        if label is not None:
            yield Row(_line(label), (_text(label),), self.links(label))

    def lines(self, nodes: list[PageElement]) -> Iterator[Row]:
        """Inline content split at ``<br>``: each line a row, ``Label:`` in
        bold at its start making it a label/value row."""
        line: list[PageElement] = []
        for node in [*_flatten(nodes), None]:
            if node is None or (isinstance(node, Tag) and node.name == "br"):
                row = self.line_row(line)
                if row is not None:
                    yield row
                line = []
            else:
                line.append(node)

    def line_row(self, nodes: list[PageElement]) -> Row | None:
        text = _join(_text(n) for n in nodes)
        if not text.strip():
            return None
        first = next(
            (n for n in nodes if not (isinstance(n, NavigableString) and not n.strip())), None
        )
        links = self.links(*(n for n in nodes if isinstance(n, Tag)))
        if isinstance(first, Tag) and first.name in _LABEL_MARKUP:
            label = _text(first).strip()
            rest = _join(_text(n) for n in nodes[nodes.index(first) + 1 :]).strip()
            if rest.startswith(":"):
                label, rest = label + ":", rest[1:].strip()
            if label.endswith(":"):  # bold text without a colon is emphasis, not a label
                return Row(_line(first), (label, rest) if rest else (label,), links)
        return Row(_line(nodes[0]), (text.strip(),), links)

    def value(self, tag: Tag) -> str:
        """A cell's text: line breaks at ``<br>``, blank lines between blocks."""
        return _block_text(tag).strip()

    def links(self, *tags: Tag | None) -> tuple[str, ...]:
        found: list[str] = []
        for tag in tags:
            if tag is None:
                continue
            anchors = [tag] if tag.name == "a" else _descendants(tag, {"a"})
            for a in anchors:
                href = a.attrs.get("href")
                if isinstance(href, str) and href.strip():
                    found.append(self.resolve(href.strip()))
        return tuple(dict.fromkeys(found))

    def resolve(self, href: str) -> str:
        if href.lower().startswith("mailto:") or not self.base:
            return href
        try:
            return urljoin(self.base, href)
        except ValueError:  # a base or link that is not a URL ("http://[x")
            return href


def _own_rows(table: Tag) -> Iterator[Tag]:
    """The table's rows, in ``<thead>``/``<tbody>``/``<tfoot>`` or bare, not
    those of tables nested in its cells."""
    for child in table.children:
        if isinstance(child, Tag):
            if child.name == "tr":
                yield child
            elif child.name in {"thead", "tbody", "tfoot"}:
                yield from (tr for tr in child.children if isinstance(tr, Tag) and tr.name == "tr")


def _wraps_blocks(tag: Tag) -> bool:
    """An inline element (``<font>``, ``<span>``) holding blocks of a page."""
    return tag.name not in _BLOCKS and _holds(tag, _BLOCKS)


def _flatten(nodes: list[PageElement]) -> list[PageElement]:
    """Inline content opened up to its text, ``<br>``s, bold labels and links,
    so that each line can be read on its own.  One pass over the nodes, and
    no stack depth, however deeply they nest."""
    flat: list[PageElement] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag) and node.name not in _KEEP_WHOLE and node.name != "br":
            stack.extend(reversed(node.contents))
        else:
            flat.append(node)
    return flat


# bs4's find() and find_all() build a filter on every call; walking the
# tree directly is many times faster on pages of thousands of rows.
def _children(tag: Tag, names: frozenset[str] | set[str]) -> list[Tag]:
    return [c for c in tag.contents if isinstance(c, Tag) and c.name in names]


def _descendants(tag: Tag, names: frozenset[str] | set[str]) -> Iterator[Tag]:
    return (d for d in tag.descendants if isinstance(d, Tag) and d.name in names)


def _holds(tag: Tag, names: frozenset[str] | set[str]) -> bool:
    return next(_descendants(tag, names), None) is not None


def _has_blocks(tag: Tag) -> bool:
    return any(isinstance(c, Tag) and c.name in _BLOCKS for c in tag.children)


def _start(tag: Tag) -> int:
    """An ``<ol start>``: plain decimal digits of sane length, else 1."""
    start = str(tag.attrs.get("start", "1")).strip()
    return int(start) if start.isascii() and start.isdecimal() and len(start) <= 6 else 1


def _line(node: PageElement | None) -> int:
    line = getattr(node, "sourceline", None)
    return int(line) if isinstance(line, int) else 0


def _text(node: PageElement | None) -> str:
    if node is None:
        return ""
    if isinstance(node, NavigableString):
        return str(node)
    if isinstance(node, Tag):
        return _block_text(node)
    return ""


def _block_text(tag: Tag) -> str:
    """Text of an element with ``<br>`` as a line break and a blank line
    around each block; iterative, so deep nesting cannot exhaust the stack."""
    parts: list[str] = []
    stack: list[tuple[PageElement, bool]] = [(tag, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n\n")
        elif isinstance(node, NavigableString):
            if type(node) is NavigableString:
                parts.append(str(node).replace("\n", " "))
        elif isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
                continue
            if node.name in _BLOCKS and node is not tag:
                parts.append("\n\n")
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def _join(parts: Iterator[str]) -> str:
    return "".join(parts)
