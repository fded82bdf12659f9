"""Partner rows: number, name, country, lead role and website.

A row comes as cells (``1 | Ústí Region (CZ) | http://...``) or as one line
(``1. Ministry of Economy (DE) (Lead Partner)``).  The country code and the
lead marks are taken out of the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from chemclust_extract.model import Partner
from chemclust_extract.normalise.countries import country_code
from chemclust_extract.normalise.text import clean_text, strip_bullet
from chemclust_extract.normalise.urls import URL, find_url, normalise_url
from chemclust_extract.languages import terms

_NUMBER_CELL = re.compile(r"^(?:PP|P|LP)?\s*(\d{1,3})\s*[.):]?$", re.I)
_NUMBER_PREFIX = re.compile(r"^\s*(?:PP|P)?\s*(\d{1,3})\s*[.):]\s+|^\s*(\d{1,3})\s+(?=\D)", re.I)
_PAREN = re.compile(r"\(\s*([^()]*?)\s*\)")
# A country after a comma or dash at the end: "City of Graz, Austria", "Graz - AT".
_TAIL = re.compile(r"\s*(?:,|\s[-–]|/)\s*([^,/()–-]{2,40})$")


def parse_partner(cells: Sequence[str], links: Sequence[str] = ()) -> Partner | None:
    """One partner from a row's cells and links.

    >>> parse_partner(["1", "Ministry of Economy and Labour of Saxony-Anhalt (DE) (Lead Partner)"])
    Partner(number=1, name='Ministry of Economy and Labour of Saxony-Anhalt', country='DE', \
role='lead', website=None)
    >>> parse_partner(["5", "Ústí Region (CZ)", "http://www.kr-ustecky.cz/"])
    Partner(number=5, name='Ústí Region', country='CZ', role='partner', \
website='http://www.kr-ustecky.cz/')
    >>> parse_partner(["3) City of Graz, Austria"])
    Partner(number=3, name='City of Graz', country='AT', role='partner', website=None)
    >>> parse_partner(["", " "]) is None
    True
    """
    texts = [c.strip() for c in cells if c and c.strip()]
    if not texts:
        return None
    number, texts = _number(texts)
    row = _Cells(website=next((u for u in map(normalise_url, links) if u), None))
    for text in texts:
        row.take(text)
    name, found_country, marked = split_partner_name(" ".join(row.name_parts))
    role = "lead" if row.lead or marked else "partner"
    return Partner(number, name, row.country or found_country, role, row.website)


@dataclass
class _Cells:
    """What the cells of one partner row say, cell by cell."""

    website: str | None = None
    country: str | None = None
    lead: bool = False
    name_parts: list[str] = field(default_factory=list)

    def take(self, text: str) -> None:
        if URL.fullmatch(text):
            self.website = self.website or find_url(text)
        elif _is_web_word(text):  # the text of a link cell: "web", "www"
            return
        elif _is_lead_mark(text):
            self.lead = True
        elif self.country is None and self.name_parts and len(text) <= 40 and country_code(text):
            self.country = country_code(text)  # a country column
        else:
            embedded = URL.search(text)  # "Ústí Region (CZ) http://www.kr-ustecky.cz/"
            if embedded:
                self.website = self.website or normalise_url(embedded.group(0))
                text = (text[: embedded.start()] + text[embedded.end() :]).strip()
            self.name_parts.append(text)


def split_partner_name(text: str) -> tuple[str | None, str | None, bool]:
    """Take the country and any lead mark out of a partner's name.

    >>> split_partner_name("Tees Valley Joint Strategy Unit (UK)")
    ('Tees Valley Joint Strategy Unit', 'GB', False)
    >>> split_partner_name("Město Most (CZ) - vedoucí partner")
    ('Město Most', 'CZ', True)
    >>> split_partner_name("Ministry of Economy, Energy, North Rhine- Westphalia (DE)")
    ('Ministry of Economy, Energy, North Rhine- Westphalia', 'DE', False)
    """
    text = strip_bullet(text)
    marks = terms("partners.lead_marks")
    lead = False
    country: str | None = None
    for group in reversed(list(_PAREN.finditer(text))):
        inner = group.group(1)
        if marks.pattern.fullmatch(inner):
            lead = True
        elif country is None and country_code(inner):
            country = country_code(inner)
        else:
            continue
        text = text[: group.start()] + " " + text[group.end() :]
    mark = marks.pattern.search(text)
    if mark and _at_edge(text, mark):
        lead = True
        text = text[: mark.start()] + " " + text[mark.end() :]
    tail = _TAIL.search(text.rstrip(" ,;-–"))
    if country is None and tail and country_code(tail.group(1)):
        country = country_code(tail.group(1))
        text = text.rstrip(" ,;-–")[: tail.start()]
    return clean_text(text.strip(" ,;:-–")), country, lead


def _number(texts: list[str]) -> tuple[int | None, list[str]]:
    first = _NUMBER_CELL.match(texts[0])
    if first:
        return int(first.group(1)), texts[1:]
    prefix = _NUMBER_PREFIX.match(texts[0])
    if prefix:
        value = prefix.group(1) or prefix.group(2)
        return int(value), [texts[0][prefix.end() :], *texts[1:]]
    return None, texts


def _is_web_word(text: str) -> bool:
    headers = terms("column_headers")
    match = headers.pattern.fullmatch(text.strip())
    return match is not None and headers.key(match) == "website"


def _is_lead_mark(text: str) -> bool:
    return bool(terms("partners.lead_marks").pattern.fullmatch(text.strip(" ()")))


def _at_edge(text: str, mark: re.Match[str]) -> bool:
    """A lead mark counts outside parentheses only at the start or end of the
    name, set off by a dash, colon or comma ("LP: City of X", "X - lead")."""
    before, after = text[: mark.start()].rstrip(), text[mark.end() :].strip()
    return (not before and after[:1] in {":", "-", "–", ","}) or (
        not after and before[-1:] in {"-", "–", ",", ":"}
    )
