"""Text cleaning: Unicode NFC, one space between words, no HTML left, and
descriptions split into paragraphs."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from chemclust_extract.languages import KEPT_VALUES
from chemclust_extract.normalise.urls import EMAIL, URL

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


# What no field keeps: control characters that are not white space (white
# space ones, tab and line breaks among them, collapse to one space) and
# U+FFFD, which stands for bytes that were lost in decoding.
_NOT_TEXT = re.compile(
    r"""[\x00-\x08]        # C0 controls before the tab
      | [\x0e-\x1b]        # C0 controls after the carriage return (\x1c-\x1f are white space)
      | [\x7f-\x84]        # DEL and C1 controls before NEL (\x85 is white space)
      | [\x86-\x9f]        # the other C1 controls
      | \ufffd             # the replacement character""",
    re.VERBOSE,
)


def clean_text(text: str | None) -> str | None:
    """Text as the contract wants it: NFC, whitespace runs collapsed, trimmed,
    tags and entities gone, no control characters or U+FFFD; ``None`` when
    nothing is left.

    >>> clean_text("  Ústí\\u00a0 Region\\n(CZ) ")
    'Ústí Region (CZ)'
    >>> clean_text("<b>ChemClust</b> &amp; co")
    'ChemClust & co'
    >>> clean_text(" \\t ") is None, clean_text("\\ufffd") is None
    (True, True)
    >>> clean_text("Úst\\x00í\\x7f Region\\ufffd")
    'Ústí Region'
    """
    if text is None:
        return None
    if "<" in text and _TAG.search(text):
        text = _html_text(text)
    if "&" in text:
        text = _unescape(text)
    if text.isprintable() and "\ufffd" not in text:  # most cells: no control character
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        return _single_spaced(text) or None
    text = " ".join(unicodedata.normalize("NFC", drop_controls(text)).split())
    return text or None


def drop_controls(text: str) -> str:
    """Text without control characters other than white space, and without
    U+FFFD.

    >>> drop_controls("A\\x01\\x9a\\ufffdB\\n\\tC")
    'AB\\n\\tC'
    """
    if text.isprintable() and "\ufffd" not in text:  # no control character: nothing to search
        return text
    return _NOT_TEXT.sub("", text)


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
    >>> paragraphs("First.\\n\\x0c\\ufffd\\nSecond.\\x07")
    'First.\\n\\nSecond.'
    """
    if text is None:
        return None
    text = drop_controls(text)  # first, so that a line of them is a blank line
    clean: Callable[[str], str | None] = _clean_paragraph
    if "<" in text and _TAG.search(text):
        chunks = _html_paragraphs(text)
    elif "&" in text:  # an entity may stand for a control character: cleaned again
        chunks, clean = re.split(r"\n\s*\n", html.unescape(text)), clean_text
    else:
        chunks = re.split(r"\n\s*\n", text)
    cleaned = [c for c in map(clean, chunks) if c]
    return "\n\n".join(cleaned) or None


def _clean_paragraph(chunk: str) -> str | None:
    """:func:`clean_text` of a paragraph whose control characters are gone
    already: a long description is not searched for them twice."""
    if "&" in chunk or ("<" in chunk and _TAG.search(chunk)):
        return clean_text(chunk)
    if not chunk.isascii():
        chunk = unicodedata.normalize("NFC", chunk)
    if chunk.isprintable():  # no white space but single spaces, perhaps in runs
        return _single_spaced(chunk) or None
    return " ".join(chunk.split()) or None


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())`` of a printable text, whose only white
    space is the plain space: most are so already, and are not split."""
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    return text


def _html_text(markup: str) -> str:
    """Text of a fragment on one line: inline tags add no space
    (``<b>Work</b>shop``), blocks and breaks do."""
    return " ".join(_html_paragraphs(markup))


# The pieces of a fragment that are not text, in one left-to-right pass:
# no tree is built, so neither depth nor length can make it slower than linear.
_MARKUP = re.compile(
    r"""<!--.*?(?:-->|\Z)                                  # a comment, even one cut short
      | <(?P<raw>script|style|title|textarea)\b[^<>]*>.*?(?:</(?P=raw)\s*>|\Z)  # never text
      | <!\[CDATA\[.*?(?:\]\]>|\Z)                        # CDATA: a comment in HTML
      | <[!?][^<>]*>                                       # a doctype, a processing instruction
      | </?(?P<name>[a-zA-Z][\w:.-]*)(?:\s[^<>]*)?/?>      # a start or end tag""",
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)


def _html_paragraphs(markup: str) -> list[str]:
    """A fragment's text, a new paragraph at each block element and at each
    double line break (``<br><br>``); tags dropped (even inside ``<xmp>`` or
    ``<plaintext>``, which a browser would show), entities left for
    :func:`clean_text`.

    >>> _html_paragraphs("<p>One <b>two</b></p>three<br> <br>four<!-- x --><script>y</script>")
    ['', 'One two', 'three\\n \\n', 'four']
    """
    chunks: list[list[str]] = [[]]
    breaks = 0  # line breaks in a row, with only white space between them
    at = 0
    for piece in _MARKUP.finditer(markup):
        text = markup[at : piece.start()]
        at = piece.end()
        chunks[-1].append(text)
        if text and not text.isspace():  # text between: no break in a row
            breaks = 0
        name = (piece["name"] or "").lower()
        if name == "br":
            chunks[-1].append("\n")
            breaks += 1
            if breaks == 2:
                chunks.append([])
                breaks = 0
        elif name in _BLOCKS:
            chunks.append([])
            breaks = 0
    chunks[-1].append(markup[at:])
    return ["".join(parts) for parts in chunks]


# A value that is only digits, signs and separators, or a date or a range of
# years: a number, a period, a code.
_NO_NAME = re.compile(r"[\W\d_]*")
_YEARS = re.compile(r"[(\[]?\s*(?:19|20)\d\d\s*(?:[-–—/]\s*(?:19|20)?\d\d)?\s*[)\]]?")


def names_a_thing(text: str) -> bool:
    """Whether a value can be a name or a title: it has letters, and is
    not a year or a range of years, a web or e-mail address alone.

    >>> [names_a_thing(t) for t in ("ChemClust", "Interreg V-A", "2014-2020", "12345", "www.x.eu")]
    [True, True, False, False, False]
    """
    return _kept_names_a_thing(text) if len(text) <= _KEPT_NAME else _names_a_thing(text)


# Names, titles and programmes recur from sheet to sheet: the answers for
# values up to this long are kept.
_KEPT_NAME = 200


def _names_a_thing(text: str) -> bool:
    stripped = text.strip()
    if _NO_NAME.fullmatch(stripped) or _YEARS.fullmatch(stripped):
        return False
    return not (URL.fullmatch(stripped) or EMAIL.fullmatch(stripped))


_kept_names_a_thing = lru_cache(maxsize=KEPT_VALUES)(_names_a_thing)
