"""One way to parse HTML, shared by the HTML reader and the text normaliser:
BeautifulSoup over lxml, which reads no external entities and opens no
network connection, with bs4's advice-warnings (XHTML parsed as HTML, text
that looks like a file name) silenced: they are expected here."""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning


def quiet_soup(markup: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, "lxml")
