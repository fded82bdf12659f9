"""Readers turn a sheet's text into neutral rows; one per format, chosen by
:func:`sniff_format` from the content (the file name is only a hint)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import repeat

from chemclust_extract.readers.text import read_text
from chemclust_extract.readers.tsv import excel_records, opens_quoted_cell, read_tsv
from chemclust_extract.rows import Row

Reader = Callable[[str], list[Row]]


def read_html(text: str) -> list[Row]:
    """:func:`chemclust_extract.readers.html.read_html`, whose module (and
    lxml) is imported on the first page: a folder of TSV sheets never
    needs them."""
    from chemclust_extract.readers.html import read_html as read

    return read(text)


READERS: dict[str, Reader] = {"tsv": read_tsv, "html": read_html, "text": read_text}

_TAGS = r"(?:!doctype\s+html|html|head|body|table|tr|td|div|p|dl|dt|meta|title|h[1-6]|ul|ol|li|font|center|span|b|strong|br)"
# A page starts with a tag, after any BOM, XML declaration and comments.
_HTML_START = re.compile(
    rf"\A[\ufeff\s]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<{_TAGS}\b", re.I | re.S
)
# Text formats that are not sheets; named so that the failure can say what they are.
_OTHER_FORMATS = (
    ("rtf", re.compile(r"\A[\ufeff\s]*\{\\rtf", re.I)),
    (
        "xml",
        re.compile(
            r"\A[\ufeff\s]*<\?xml(?![^>]*\?>\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+)?html)",
            re.I | re.S,
        ),
    ),
    ("json", re.compile(r"\A[\ufeff\s]*[\[{]\s*[\"\[{]")),
    ("postscript", re.compile(r"\A%!PS")),
)
_HTML_TAG = re.compile(rf"</?{_TAGS}\b[^>]*>", re.I)


def sniff_format(text: str, suffix: str = "") -> str:
    """Name the format a sheet's text is written in, from its content; the
    file's suffix only breaks a tie.

    >>> sniff_format("Projekt\\tChemClust\\n")
    'tsv'
    >>> sniff_format("<!DOCTYPE html><html><body>...</body></html>", ".txt")
    'html'
    >>> sniff_format("Project: ChemClust\\nProgramme: Interreg IVC\\n")
    'text'
    >>> sniff_format('Popis\\t"Odstavec.\\n\\n' + 'Další řádek.\\n' * 9 + '"\\nFond\\tERDF\\n')
    'tsv'
    """
    head = text[:8192]
    if _HTML_START.match(head):
        return "html"
    for kind, pattern in _OTHER_FORMATS:
        if pattern.match(head):
            return kind
    lines = list(filter(str.strip, head.splitlines()))  # the lines that are not blank
    tabbed = sum(map(str.__contains__, lines, repeat("\t")))
    if (lines and tabbed >= max(1, len(lines) // 3)) or _quoted_tsv(text):
        return "tsv"
    tags = len(_HTML_TAG.findall(head))
    if tags >= max(3, len(lines) // 2) or (tags and suffix.lower() in {".html", ".htm", ".xhtml"}):
        return "html"
    return "text"


def _quoted_tsv(text: str) -> bool:
    """Excel's tab-delimited export whose quoted cells hold many lines: a
    third of its records, not of its lines, hold a tab."""
    if not opens_quoted_cell(text[:8192]):
        return False
    records = [cells for _, cells in excel_records(text) or () if any(c.strip() for c in cells)]
    tabbed = sum(1 for cells in records if len(cells) > 1)
    return bool(records) and tabbed >= max(1, len(records) // 3)


def truncation_notes(kind: str, text: str) -> tuple[tuple[str, str], ...]:
    """``(code, message)`` when a sheet's format shows it was cut short: an
    HTML page that opens ``<html>``/``<body>`` and never closes them."""
    if kind != "html":
        return ()
    lower = text[-65536:].lower()
    opened = "<html" in text[:4096].lower() or "<body" in text[:65536].lower()
    if opened and "</html>" not in lower and "</body>" not in lower:
        return (("truncated", "the page ends before </body></html>; it was probably cut short"),)
    return ()
