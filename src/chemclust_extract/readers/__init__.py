"""Readers turn a sheet's text into neutral rows; one per format, chosen by
:func:`sniff_format` from the content (the file name is only a hint)."""

from __future__ import annotations

import re
from collections.abc import Callable

from chemclust_extract.readers.html import read_html
from chemclust_extract.readers.text import read_text
from chemclust_extract.readers.tsv import read_tsv
from chemclust_extract.rows import Row

Reader = Callable[[str], list[Row]]

READERS: dict[str, Reader] = {"tsv": read_tsv, "html": read_html, "text": read_text}

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|table|div|p|dl)\b",
    re.I | re.S,
)


def sniff_format(text: str, suffix: str = "") -> str:
    """Name the format a sheet's text is written in.

    >>> sniff_format("Projekt\\tChemClust\\n")
    'tsv'
    >>> sniff_format("<!DOCTYPE html><html><body>...</body></html>", ".txt")
    'html'
    >>> sniff_format("Project: ChemClust\\nProgramme: Interreg IVC\\n")
    'text'
    """
    head = text[:8192]
    if _HTML_START.match(head):
        return "html"
    lines = [line for line in head.splitlines() if line.strip()]
    tabbed = sum(1 for line in lines if "\t" in line.strip(" "))
    if lines and tabbed >= max(1, len(lines) // 3):
        return "tsv"
    if suffix.lower() in {".html", ".htm", ".xhtml"} and "<" in head:
        return "html"
    return "text"
