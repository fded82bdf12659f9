"""HTML text to an lxml element tree, safely and whatever the markup.

Three ways, tried in turn by :func:`chemclust_extract.readers.html.read_html`:

- :func:`native_tree`: libxml2's HTML parser (``lxml.html``'s) building the
  tree in C, the fast way (a 5 MB page in a tenth of a second).  It opens no network connection,
  loads no DTD and expands no entity but HTML's own; it gives up (reported as
  :class:`Rejected`) on markup nested deeper than 2048 elements and on the
  few texts it cannot read at all.
- :func:`event_tree`: the same parser reporting start, end and text events
  to Python, which builds a tree no deeper than asked: libxml2 limits the
  depth of the trees it builds, not of the events it reports, so a page of
  200 000 nested elements reads in linear time.
- :func:`soup_tree`: BeautifulSoup over Python's own ``html.parser``, the
  tolerant fallback for text libxml2 will not read, copied into an lxml tree
  so that one walker reads every page.

Each gives an element whose tags are lower-case names, whose comments and
processing instructions are gone, and whose text holds only characters an
XML tree may hold.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no types

# libxml2 reports a document nested deeper than it builds trees as a
# resource limit ("Excessive depth in document").
_LIMIT = "ERR_RESOURCE_LIMIT"
_TOO_DEEP = "depth"
# Characters an lxml tree refuses in text and attribute values.
_NOT_XML = re.compile(
    r"""[\x00-\x08\x0b\x0c\x0e-\x1f]   # C0 controls but tab, line feed and carriage return
      | [\ud800-\udfff]                 # lone surrogates
      | [\ufffe\uffff]                  # the two non-characters XML excludes
    """,
    re.VERBOSE,
)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")  # a tag or attribute name lxml accepts
# The attributes a reader looks at; others are not copied into built trees.
KEPT_ATTRIBUTES = frozenset({"href", "class", "id", "role", "style", "start"})


class Rejected(Exception):
    """libxml2 could not read the text, or read it only in part;
    ``too_deep`` when it stopped at a limit of the trees it builds (their
    depth), which its parse events do not have."""

    def __init__(self, reason: str, too_deep: bool = False) -> None:
        super().__init__(reason)
        self.too_deep = too_deep


def xml_safe(text: str) -> str:
    """Text without the characters an lxml tree refuses.

    >>> xml_safe("a\\x00b\\x01c\\td")
    'abc\\td'
    """
    return _NOT_XML.sub("", text)


@lru_cache(maxsize=1024)  # a page repeats its few tag names
def safe_name(name: str, default: str = "span") -> str:
    """A lower-case tag name lxml accepts; Word's ``o:p`` and other odd
    names become an inline ``span``.

    >>> safe_name("TD"), safe_name("o:p"), safe_name("1x")
    ('td', 'span', 'span')
    """
    return name.lower() if _NAME.fullmatch(name) else default


def native_tree(text: str) -> etree._Element:
    """The page's tree as libxml2 builds it, or :class:`Rejected`.

    >>> etree.tostring(native_tree("<p>A&amp;B<!-- x --><br>C"), encoding=str)
    '<html><body><p>A&amp;B<br/>C</p></body></html>'
    >>> native_tree("<div>" * 3000 + "x")
    Traceback (most recent call last):
    ...
    chemclust_extract.soup.Rejected: Excessive depth in document: 2048, use XML_PARSE_HUGE option
    """
    # lxml.etree's HTML parser is lxml.html's without its element classes,
    # whose Python lookup would run for every element the reader touches.
    parser = etree.HTMLParser(
        encoding="utf-8",  # the text is already decoded: a <meta charset> must not re-decode it
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,  # nesting to 2048 and text nodes over 10 MB; HTML expands no entities
        default_doctype=False,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=parser)
    except (etree.XMLSyntaxError, UnicodeError, ValueError) as error:
        raise Rejected(str(error)) from None
    if root is None:
        raise Rejected("no element")
    fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
    if fatal:
        first = fatal[0]
        too_deep = first.type_name == _LIMIT or _TOO_DEEP in first.message.lower()
        raise Rejected(first.message, too_deep=too_deep)
    return root


# Whether an element opening below the depth the tree is built to is left
# out with all its text: (tag, attributes, inside the page's content).
Hidden = Callable[[str, Mapping[str, str], bool], bool]


@dataclass(frozen=True)
class Shallow:
    """How :func:`event_tree` builds below ``depth``: an element there is
    not built and its text joins the element above, except ``kept`` ones
    (line breaks, ``<base>``) and, one level down, ``whole`` ones (bold
    labels, links) that keep their text apart; ``hidden`` ones are left out
    with their text; ``content`` tags mark the page's content for
    ``hidden``."""

    depth: int
    kept: frozenset[str]
    whole: frozenset[str]
    content: frozenset[str]
    hidden: Hidden


def event_tree(text: str, shallow: Shallow) -> etree._Element:
    """The page's tree built from libxml2's parse events, no deeper than
    ``shallow.depth`` (see :class:`Shallow`); every step is O(1).

    >>> shallow = Shallow(3, frozenset({"br"}), frozenset({"b"}), frozenset(), lambda *a: False)
    >>> root = event_tree("<div><div><div><b>Projekt:</b> X<br>Y</div></div></div>", shallow)
    >>> etree.tostring(root, encoding=str)
    '<html><body><div><b>Projekt:</b> X<br/>Y</div></body></html>'
    """
    target = _ShallowTarget(shallow)
    parser = etree.HTMLParser(target=target, no_network=True, recover=True, encoding="utf-8")
    parser.feed(text.encode("utf-8"))
    root: etree._Element = parser.close()  # the target's close()
    return root


class _ShallowTarget:
    """An lxml parser target building an element tree to a bounded depth."""

    def __init__(self, shallow: Shallow) -> None:
        self.shallow = shallow
        self.builder = etree.TreeBuilder()
        self.open: list[tuple[str, bool, bool, bool]] = []  # name, built, hidden, content
        self.built = self.hidden = self.content = 0
        self.root_open = False

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        name = safe_name(tag)
        if not self.root_open:  # one root, whatever libxml2 reports first
            self.builder.start("html", {})
            self.root_open = True
        built, hidden = self._placing(name, attrib)
        content = name in self.shallow.content
        self.open.append((name, built, hidden, content))
        self.built += built
        self.hidden += hidden
        self.content += content
        if built and name != "html":
            self.builder.start(name, _kept(attrib))

    def end(self, tag: str) -> None:
        if not self.open:  # an end never opened
            return
        name, built, hidden, content = self.open.pop()
        self.built -= built
        self.hidden -= hidden
        self.content -= content
        if built and name != "html":
            self.builder.end(name)

    def data(self, data: str) -> None:
        if not self.hidden and self.root_open:
            self.builder.data(xml_safe(data))

    def comment(self, text: str) -> None:
        pass

    def close(self) -> etree._Element:
        if not self.root_open:
            self.builder.start("html", {})
        while self.open:
            self.end("")
        self.builder.end("html")
        return self.builder.close()

    def _placing(self, name: str, attrib: Mapping[str, str]) -> tuple[bool, bool]:
        """Whether an element opening now is built, and whether its text is
        hidden."""
        shallow = self.shallow
        if self.hidden:
            return False, True
        if self.built < shallow.depth or name == "html":
            return True, False
        if shallow.hidden(name, attrib, self.content > 0):
            return False, True
        whole = name in shallow.whole and self.built == shallow.depth
        return name in shallow.kept or whole, False


def _kept(attributes: Mapping[str, str]) -> dict[str, str]:
    return {
        key: xml_safe(str(value)) for key, value in attributes.items() if key in KEPT_ATTRIBUTES
    }


def soup_tree(text: str) -> etree._Element:
    """The page as BeautifulSoup over Python's ``html.parser`` reads it,
    copied into an lxml tree: the fallback for text libxml2 will not read.

    >>> etree.tostring(soup_tree("<P>a<o:p>b</o:p><!-- c -->d<BR>e"), encoding=str)
    '<html><p>a<span>b</span>d<br/>e</p></html>'
    """
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
    from bs4.element import NavigableString, Tag

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "html.parser")
    root = etree.Element("html")
    stack: list[tuple[Tag, etree._Element]] = [(soup, root)]
    while stack:  # iterative: nesting depth costs no stack
        source, target = stack.pop()
        for child in source.contents:
            if isinstance(child, Tag):
                name = safe_name(child.name)
                attributes = {
                    k: v if isinstance(v, str) else " ".join(v) for k, v in child.attrs.items()
                }
                element = etree.SubElement(target, name, _kept(attributes))
                stack.append((child, element))
            elif type(child) is NavigableString:  # not a comment, doctype or CDATA
                _append_text(target, xml_safe(str(child)))
    return root


def _append_text(parent: etree._Element, text: str) -> None:
    """Text after the last child of ``parent`` (its tail), or its own text."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
