"""News and document list items: their text, the date they mention and,
for documents, where they can be downloaded."""

from __future__ import annotations

from collections.abc import Sequence

from chemclust_extract.model import Document, NewsItem
from chemclust_extract.normalise.dates import DEFAULT_LANGUAGES, find_date
from chemclust_extract.normalise.text import clean_text, strip_bullet
from chemclust_extract.normalise.urls import BARE_DOMAIN, URL, normalise_url, parse_website


def parse_news(
    cells: Sequence[str], languages: Sequence[str] = DEFAULT_LANGUAGES
) -> NewsItem | None:
    """A news item: its text as written and the date it mentions.

    >>> parse_news(["První workshop v Bruselu, EU-Wochenspiegel (April 2010, s.9)"])
    NewsItem(text='První workshop v Bruselu, EU-Wochenspiegel (April 2010, s.9)', date='2010-04')
    >>> parse_news(["12. 5. 2011", "Konference v Ústí"])
    NewsItem(text='12. 5. 2011 Konference v Ústí', date='2011-05-12')
    """
    text = _item_text(cells)
    return NewsItem(text, find_date(text, languages)) if text else None


def _item_text(cells: Sequence[str]) -> str | None:
    """The item's text, without a bullet; a bullet alone is no item."""
    text = clean_text(strip_bullet(" ".join(cells)))
    return text if text and text.strip("-–•*·▪◦ ") else None


def parse_document(
    cells: Sequence[str], links: Sequence[str] = (), languages: Sequence[str] = DEFAULT_LANGUAGES
) -> Document | None:
    """A document: its title as written, a date it mentions, and its address
    (a link, or an address in a cell of its own).

    >>> parse_document(["ECRN (European Chemical Regions Network) Newsletter (May 2010)"])
    Document(text='ECRN (European Chemical Regions Network) Newsletter (May 2010)', \
date='2010-05', url=None)
    >>> parse_document(["Final report", "www.x.eu/final.pdf"])
    Document(text='Final report', date=None, url='http://www.x.eu/final.pdf')
    """
    # A document may be downloaded over ftp too; a website may not.
    url = (
        next((u for u in (normalise_url(link, allow_ftp=True) for link in links) if u), None)
        if links
        else None
    )
    words = []
    for cell in cells:
        if URL.fullmatch(cell.strip()) or BARE_DOMAIN.fullmatch(cell.strip()):
            url = url or parse_website(cell, allow_ftp=True)
        else:
            words.append(cell)
    text = _item_text(words) or url
    return Document(text, find_date(text, languages), url) if text else None
