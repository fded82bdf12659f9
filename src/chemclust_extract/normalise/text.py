"""Text cleaning: Unicode NFC, one space between words, no HTML left, and
descriptions split into paragraphs."""

from __future__ import annotations

import html
import re
import unicodedata

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from chemclust_extract.soup import quiet_soup

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "table",
        "tr",
        "section",
        "article",
        "pre",
        "dl",
        "dt",
        "dd",
    ]
)


def clean_text(text: str | None) -> str | None:
    """Text as the contract wants it: NFC, whitespace runs collapsed, trimmed,
    tags and entities gone; ``None`` when nothing is left.

    >>> clean_text("  Ústí\\u00a0 Region\\n(CZ) ")
    'Ústí Region (CZ)'
    >>> clean_text("<b>ChemClust</b> &amp; co")
    'ChemClust & co'
    >>> clean_text(" \\t ") is None
    True
    """
    if text is None:
        return None
    if "<" in text and _TAG.search(text):
        text = _html_text(text)
    if "&" in text:
        text = _unescape(text)
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text or None


def _unescape(text: str) -> str:
    """Entities decoded, twice over for text escaped twice (``&amp;amp;``)."""
    once = html.unescape(text)
    return html.unescape(once) if once != text and _ENTITY.search(once) else once


_BULLET = re.compile(r"^\s*[-–•*·▪◦]\s+")


def strip_bullet(text: str) -> str:
    """A list item without its bullet.

    >>> strip_bullet("- Město Liberec (CZ)"), strip_bullet("• News"), strip_bullet("-5 °C")
    ('Město Liberec (CZ)', 'News', '-5 °C')
    """
    return _BULLET.sub("", text, count=1)


def clean_lines(text: str) -> list[str]:
    """The non-blank lines of a value, each cleaned.

    >>> clean_lines("Špoták Dalibor\\n  Referent \\n\\n")
    ['Špoták Dalibor', 'Referent']
    """
    lines = (clean_text(line) for line in text.splitlines())
    return [line for line in lines if line]


def paragraphs(text: str | None) -> str | None:
    """A description as paragraphs separated by one blank line.  HTML blocks
    (``<p>``, ``<li>``, ``<br><br>`` ...) and blank lines separate paragraphs.

    >>> paragraphs("<p>Cílem projektu je…</p> <p>ChemClust také&nbsp;bude…</p>")
    'Cílem projektu je…\\n\\nChemClust také bude…'
    >>> paragraphs("First line\\ngoes on.\\n\\nSecond.")
    'First line goes on.\\n\\nSecond.'
    """
    if text is None:
        return None
    if "<" in text and _TAG.search(text):
        chunks = _html_paragraphs(text)
    else:
        chunks = re.split(r"\n\s*\n", html.unescape(text) if "&" in text else text)
    cleaned = [c for c in (clean_text(chunk) for chunk in chunks) if c]
    return "\n\n".join(cleaned) or None


def _soup(markup: str) -> BeautifulSoup:
    return quiet_soup(markup)


def _html_text(markup: str) -> str:
    """Text of a fragment on one line: inline tags add no space
    (``<b>Work</b>shop``), blocks and breaks do."""
    return " ".join(_html_paragraphs(markup))


def _html_paragraphs(markup: str) -> list[str]:
    """Walk the fragment, starting a new paragraph at each block element and
    at each double line break."""
    chunks: list[str] = [""]

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    chunks[-1] += str(child)
            elif isinstance(child, Tag):
                if child.name in {"script", "style"}:
                    continue
                if child.name == "br":
                    chunks[-1] += "\n"
                    if chunks[-1].rstrip(" \t").endswith("\n\n"):
                        chunks.append("")
                    continue
                block = child.name in _BLOCKS
                if block:
                    chunks.append("")
                walk(child)
                if block:
                    chunks.append("")

    walk(_soup(markup))
    return chunks
