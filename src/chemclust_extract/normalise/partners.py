"""Partner rows: number, name, country, role and website.

A row comes as cells under a header row (``Nr. | Partner | Land | Rolle``),
as cells with no header (``1 | Ústí Region (CZ) | http://...``) or as one
line (``1. Ministry of Economy (DE) (Lead Partner)``).  Under a header each
column goes to its field and never into the name; without one each cell is
read for what it is.  Country codes and names, lead marks, role words and an
address glued on after a comma are taken out of the name; other brackets
(``(KÚLK)``, ``(assoziierter Partner)``) stay in it.  A doubtful country is
no country: a wrong value is worse than a null.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from chemclust_extract.languages import KEPT_VALUES, alternation, bare, partner_role, terms, words
from chemclust_extract.model import Partner
from chemclust_extract.normalise.countries import address_country, country_code, country_in
from chemclust_extract.normalise.money import holds_amount, parse_money
from chemclust_extract.normalise.text import clean_text, strip_bullet
from chemclust_extract.normalise.urls import URL, find_url, normalise_url, parse_website

_PAREN = re.compile(r"\(\s*([^()]*?)\s*\)")
# Where the last part of a name starts: "City of Graz, Austria", "Graz - AT",
# "Veneto Region / Italy".  A dash counts only with a space before it, so
# "Saxony-Anhalt" and "North Rhine- Westphalia" stay whole.
_SEPARATOR = re.compile(
    r"""\s*[,;]\s*                       # a comma or semicolon
      | \s*(?:(?<!\d)/|/(?!\d))\s*      # a slash, not a house number's (1/14)
      | \s[-–—]\s*                        # a dash after a space""",
    re.VERBOSE,
)
# A postcode and the town after it, at the start of an address part:
# "01-234 Wrocław", "400 01 Ústí", "1180 Wien", "D-02826 Görlitz".
_POSTCODE = re.compile(
    r"""(?:[A-Z]{1,2}-\s?)?     # a country prefix: D-, CZ-, A-
        (?:\d{2}-\d{3}          # Polish
          | \d{3}\ \d{2}        # Czech and Slovak
          | \d{4,5})            # Austrian, Hungarian, German
        \s+[^\W\d_]             # the town's first letter""",
    re.VERBOSE,
)
# A street and its house number: "Gregor-Mendel-Straße 33", "Masarykova 1000/12".
_STREET = re.compile(
    r"""^[^\W\d_][^\d,]{2,60}?      # the street's name: no digits, no comma
        \s\d{1,4}[^\W\d_]?          # the house number: 33, 12a
        (?:[/–-]\d{1,4}[^\W\d_]?)?  # an orientation number or a range: 1000/12, 6–8
        \.?$                         # a full stop, as Hungarian writes it: "tér 1." """,
    re.VERBOSE,
)
# What sets a mark at the start off the name: "LP: City of X", "Leadpartner – Stadt X"
# (a dash only after a space: "Partner-Netzwerk" is a name).
_HEAD_MARK_END = re.compile(r"\s*:|\s+[-–—]")


@dataclass(frozen=True)
class PartnerRow:
    """A partner read from one row, and the cells that could not be read
    (``(column, text)``: a country cell naming no country)."""

    partner: Partner | None
    unread: tuple[tuple[str, str], ...] = ()


def parse_partner(
    cells: Sequence[str], links: Sequence[str] = (), columns: Sequence[str] = ()
) -> Partner | None:
    """One partner from a row's cells, its links, and the canonical names of
    its table's columns when a header row gave them.

    >>> parse_partner(["1", "Ministry of Economy and Labour of Saxony-Anhalt (DE) (Lead Partner)"])
    Partner(number=1, name='Ministry of Economy and Labour of Saxony-Anhalt', country='DE', \
role='lead', website=None)
    >>> parse_partner(["5", "Ústí Region (CZ)", "http://www.kr-ustecky.cz/"])
    Partner(number=5, name='Ústí Region', country='CZ', role='partner', \
website='http://www.kr-ustecky.cz/')
    >>> parse_partner(["3) City of Graz, Austria"])
    Partner(number=3, name='City of Graz', country='AT', role='partner', website=None)
    >>> parse_partner(["2", "Stadt Wien", "Österreich", "Strategischer Partner"],
    ...               columns=["number", "name", "country", "role"])
    Partner(number=2, name='Stadt Wien', country='AT', role='partner', website=None)
    >>> parse_partner(["1", "Gmina Żary", "Polska", "partner wiodący", "ul. Rynek 1, 68-200 Żary"],
    ...               columns=["number", "name", "country", "role", "address"])
    Partner(number=1, name='Gmina Żary', country='PL', role='lead', website=None)
    >>> parse_partner(["", " "]) is None, parse_partner(["Strategický partner"]) is None
    (True, True)
    """
    return read_partner(cells, links, columns).partner


def read_partner(
    cells: Sequence[str], links: Sequence[str] = (), columns: Sequence[str] = ()
) -> PartnerRow:
    """:func:`parse_partner`, with the cells that could not be read.  A
    partner recurs from sheet to sheet (a region's own offices, a
    programme's usual leads), so the answer for each row is kept.

    >>> read_partner(["1", "Stadt Görlitz", "Saksonia"], columns=["number", "name", "country"])
    PartnerRow(partner=Partner(number=1, name='Stadt Görlitz', country=None, role='partner', \
website=None), unread=(('country', 'Saksonia'),))
    """
    return _kept_partner(tuple(cells), tuple(links), tuple(columns))


@lru_cache(maxsize=KEPT_VALUES)
def _kept_partner(
    cells: tuple[str, ...], links: tuple[str, ...], columns: tuple[str, ...]
) -> PartnerRow:
    row = _Cells(website=next((u for u in map(normalise_url, links) if u), None))
    if _is_table(columns):
        for column, text in _by_column(cells, columns):
            row.take_column(column, text)
        if row.number is None and row.name_parts and "number" not in columns:
            row.number, rest = _number(row.name_parts[:1])  # "1. Stadt X" under "Partner"
            row.name_parts[:1] = rest
    else:
        texts = [c.strip() for c in cells if c and c.strip()]
        row.number, texts = _number(texts)
        for text in texts:
            row.take(text)
    return PartnerRow(row.partner(), tuple(row.unread))


def split_partner_name(text: str) -> tuple[str | None, str | None, bool]:
    """Take the country, lead marks, role words and a glued-on address out
    of a partner's name; brackets that are neither a country nor a lead
    mark stay.

    >>> split_partner_name("Tees Valley Joint Strategy Unit (UK)")
    ('Tees Valley Joint Strategy Unit', 'GB', False)
    >>> split_partner_name("Město Most (CZ) - vedoucí partner")
    ('Město Most', 'CZ', True)
    >>> split_partner_name("Ministry of Economy, Energy, North Rhine- Westphalia (DE)")
    ('Ministry of Economy, Energy, North Rhine- Westphalia', 'DE', False)
    >>> split_partner_name("Žilinský samosprávny kraj (Slovensko)")
    ('Žilinský samosprávny kraj', 'SK', False)
    >>> split_partner_name("Krajský úřad Libereckého kraje (KÚLK)")
    ('Krajský úřad Libereckého kraje (KÚLK)', None, False)
    >>> split_partner_name("Agentur für Regionalentwicklung (ARE)")
    ('Agentur für Regionalentwicklung (ARE)', None, False)
    >>> split_partner_name("Landkreis Görlitz, Görlitz, Deutschland")
    ('Landkreis Görlitz', 'DE', False)
    >>> split_partner_name("Environment Agency Austria")
    ('Environment Agency Austria', None, False)
    """
    return _kept_split(text) if len(text) <= _KEPT_LENGTH else _split(text)


# Partners' names recur from sheet to sheet (a region's office, a
# university): the answers for cells up to this long are kept.
_KEPT_LENGTH = 300


def _split(text: str) -> tuple[str | None, str | None, bool]:
    text = strip_bullet(text)
    lead = False
    country: str | None = None
    for group in reversed(list(_PAREN.finditer(text))):
        inner = group.group(1)
        if _is_lead_mark(inner):
            lead = True
        elif country is None and country_code(inner, alpha_3=False):
            country = country_code(inner, alpha_3=False)
        else:
            continue
        text = text[: group.start()] + " " + text[group.end() :]
    text, head_lead = _without_head_mark(text)
    text, tail_country, tail_lead = _without_tail(text, country)
    name = clean_text(text.strip(" ,;:-–—"))
    return name, country or tail_country, lead or head_lead or tail_lead


_kept_split = lru_cache(maxsize=KEPT_VALUES)(_split)


def role_of(text: str) -> str | None:
    """The role a cell or mark names (``lead`` or ``partner``), or ``None``
    when it names none.  Only lead marks and lead words give ``lead``.

    >>> [role_of(t) for t in ("vedoucí partner", "(LP)", "Leadpartner", "partner wiodący")]
    ['lead', 'lead', 'lead', 'lead']
    >>> [role_of(t) for t in ("Strategic partner", "přidružený partner", "Projektpartner")]
    ['partner', 'partner', 'partner']
    >>> role_of("Stadt Wien") is None, role_of("Leading Light Ltd") is None
    (True, True)
    """
    return partner_role(text)


def is_address(text: str) -> bool:
    """Whether a line or cell is a postal address, not a name: it starts
    with a postcode and town or with a street and house number.

    >>> [is_address(t) for t in ("02826 Görlitz, Deutschland", "ul. Rynek 1", "Masarykova 1000/12")]
    [True, True, True]
    >>> [is_address(t) for t in ("Landkreis Görlitz", "City of Vienna, MA 45 – Water Management")]
    [False, False]
    >>> is_address("Bürgerstiftung 2000 Leipzig"), is_address("Gmina Żary, Oddział 5")
    (False, False)
    """
    first = re.split(r"[,;\n]", text.strip(), maxsplit=1)[0].strip()
    return _is_address_start(first)


def partner_key(name: str) -> str:
    """What two mentions of one partner share, however their case, spaces
    and diacritics were written: a lead label's partner is found in the
    list by it.

    >>> partner_key("Gmina  Łęknica") == partner_key("GMINA Leknica")
    True
    """
    return bare(name)


def partner_lines(text: str) -> list[str]:
    """The partners of a value written one a line, or with a semicolon
    between them (no partner's name holds one); a line holding only a list
    number belongs to the line after it.

    >>> partner_lines("Stadt Szczecin (PL)\\nLandkreis Uckermark (DE)\\n")
    ['Stadt Szczecin (PL)', 'Landkreis Uckermark (DE)']
    >>> partner_lines("1.\\u00a0\\u00a0\\nStatutární město Havířov\\n2.\\nMěsto Karviná")
    ['1. Statutární město Havířov', '2. Město Karviná']
    >>> partner_lines("Město Liberec (CZ); Stadt Zittau (DE)")
    ['Město Liberec (CZ)', 'Stadt Zittau (DE)']
    """
    lines: list[str] = []
    pending = ""
    parts = (part for row in text.splitlines() for part in row.split(";"))
    for line in (name for part in parts for name in _alike_names(part)):
        line = line.strip()
        if _number_cell().match(line):
            pending = f"{pending} {line}".strip()
        elif line:
            lines.append(f"{pending} {line}".strip())
            pending = ""
    return lines + ([pending] if pending else [])


def _alike_names(text: str) -> list[str]:
    """A list of partners between commas, each opening with the same word
    (``Gmina Krzyżanowice, Gmina Hať, Gmina Píšť``), as one name each; a
    name with commas inside (``Ministry of Economy, Energy, …``) stays whole.

    >>> _alike_names("Stadt Zittau, Stadt Görlitz"), _alike_names("Ministry of Economy, Energy, Saxony")
    (['Stadt Zittau', 'Stadt Görlitz'], ['Ministry of Economy, Energy, Saxony'])
    """
    names = [n.strip() for n in text.split(",")]
    firsts = {n.split()[0] if n.split() else "" for n in names}
    if len(names) > 1 and len(firsts) == 1 and all(len(n.split()) > 1 for n in names):
        first = firsts.pop()
        if first[:1].isupper() and first.isalpha():
            return names
    return [text]


@dataclass
class _Cells:
    """What the cells of one partner row say, cell by cell."""

    website: str | None = None
    number: int | None = None
    country: str | None = None
    address_country: str | None = None
    lead: bool = False
    name_parts: list[str] = field(default_factory=list)
    unread: list[tuple[str, str]] = field(default_factory=list)

    def take(self, text: str) -> None:
        """A cell of a row with no header: read for what it is."""
        if URL.fullmatch(text):
            self.website = self.website or find_url(text)
        elif _is_web_word(text):  # the text of a link cell: "web", "www"
            return
        elif role_of(text):
            self.lead = self.lead or role_of(text) == "lead"
        elif self.name_parts and len(text) <= 80 and country_in(text, alpha_3=False):
            # a country or "Town, Country" cell; "ARE" after a name is an acronym
            self.country = self.country or country_in(text, alpha_3=False)
        elif self.name_parts and is_address(text):
            self.address_country = self.address_country or address_country(text)
        elif self.name_parts and holds_amount(text):
            return  # its budget ("Stadt Dresden | 120 000 EUR"): no field of the record
        else:
            self.name_parts.append(self._without_url(text))

    def take_column(self, column: str, text: str) -> None:
        """A cell under a header: read as its column says, never as a name
        unless it is the name's.  A role word or a link in another column
        (a blank cell lost before it) is still a role or a link."""
        if column not in ("name", "role", "number") and (URL.fullmatch(text) or role_of(text)):
            self._take_unheaded(text)
        elif column == "number":
            number = _number_cell().match(text)
            if number:
                self.number = int(number.group(1))
            self.lead = self.lead or (not number and role_of(text) == "lead")
        elif column == "name":
            self.name_parts.append(self._without_url(text))
        elif column == "country":
            code = country_in(text)
            self.country = self.country or code
            if code is None:
                self.unread.append((column, text))
        elif column == "role":
            self.lead = self.lead or _names_lead(text)
        elif column == "website":
            self.website = self.website or parse_website(text)
        elif column == "address":
            self.address_country = self.address_country or address_country(text)
        elif column != "budget":  # a partner's own budget is no field of the record
            self._take_unheaded(text)

    def _take_unheaded(self, text: str) -> None:
        """A cell beyond the header's columns: a link, a role or a country
        is read; anything else stays out of the name."""
        if URL.fullmatch(text):
            self.website = self.website or find_url(text)
        elif role_of(text):
            self.lead = self.lead or role_of(text) == "lead"
        elif len(text) <= 80 and country_in(text, alpha_3=False):
            self.country = self.country or country_in(text, alpha_3=False)

    def _without_url(self, text: str) -> str:
        embedded = URL.search(text)  # "Ústí Region (CZ) http://www.kr-ustecky.cz/"
        if not embedded:
            return text
        self.website = self.website or normalise_url(embedded.group(0))
        return (text[: embedded.start()] + text[embedded.end() :]).strip()

    def partner(self) -> Partner | None:
        """The partner, or ``None`` for a row that names none (a role alone
        is a sub-heading, a number alone a blank line of a table)."""
        name, found, marked = split_partner_name(" ".join(self.name_parts))
        if name is not None and (_no_name(name) or _amount_line(name)):
            self.unread.append(("name", name))  # "2 484 476 Kč (60 %)": an amount, no name
            return None
        country = self.country or found or self.address_country
        if name is None and country is None and self.website is None:
            return None
        role = "lead" if self.lead or marked else "partner"
        return Partner(self.number, name, country, role, self.website)


def _amount_line(text: str) -> bool:
    """A short label and an amount (``Total budget: EUR 180 000.00``): a
    partner's budget under its name, no partner.

    >>> _amount_line("Total budget: EUR 180 000.00"), _amount_line("Stadt Wien: Magistrat")
    (True, False)
    """
    label, colon, value = text.partition(":")
    if not colon or len(label.split()) > _AMOUNT_LABEL_WORDS:
        return False
    money = parse_money(value)
    return money is not None and money.currency is not None


_AMOUNT_LABEL_WORDS = 4


def _no_name(text: str) -> bool:
    """Whether a text names nothing: no letter once currencies are taken
    out (an amount, a share, a number).

    >>> _no_name("2 484 476 Kč (60 %)"), _no_name("85 %"), _no_name("3M Česko"), _no_name("Kraj")
    (True, True, False, False)
    """
    rest = terms("money.currencies").pattern.sub(" ", text)
    return not any(c.isalpha() for c in rest)


def _is_table(columns: Sequence[str]) -> bool:
    """Whether a header's columns can be read cell by cell: they name the
    partner's column and at least one other (a lone "Partner" cell is a
    label, not a header)."""
    return "name" in columns and len(columns) >= 2


def _by_column(cells: Sequence[str], columns: Sequence[str]) -> list[tuple[str, str]]:
    """Each non-blank cell with its column, left to right: a row with fewer
    cells than the header lost its trailing ones.  A header written in the
    label's own row has no cell over the label's column: a row one cell
    longer is read with that column first, a number's or a blank one."""
    names = list(columns)
    if "number" not in names and len(cells) == len(names) + 1:
        if _number_cell().match(cells[0]):
            names.insert(0, "number")
        elif not cells[0].strip():
            names.insert(0, "")
    return [
        (names[i] if i < len(names) else "", cell.strip())
        for i, cell in enumerate(cells)
        if cell and cell.strip()
    ]


def _number(texts: list[str]) -> tuple[int | None, list[str]]:
    if not texts:
        return None, texts
    first = _number_cell().match(texts[0])
    if first:
        return int(first.group(1)), texts[1:]
    prefix = _number_prefix().match(texts[0])
    if prefix:
        value = prefix.group(1) or prefix.group(2)
        return int(value), [texts[0][prefix.end() :], *texts[1:]]
    return None, texts


@cache
def _number_cell() -> re.Pattern[str]:
    prefixes = alternation(words("partners.number_prefixes"))
    return re.compile(
        rf"""^(?:{prefixes})?      # a partner prefix: PP3, P2
            \s*(\d{{1,3}})          # the number
            \s*[.):]?$             # a dot, bracket or colon after it""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _number_prefix() -> re.Pattern[str]:
    prefixes = alternation(words("partners.number_prefixes"))
    return re.compile(
        rf"""^\s*(?:{prefixes})?\s*(\d{{1,3}})\s*[.):]\s+   # a number and a dot: 1. Name, PP3) Name
           | ^\s*(\d{{1,3}})\s+(?=\D)                      # a number and a space: 1 Name""",
        re.VERBOSE | re.IGNORECASE,
    )


def _without_head_mark(text: str) -> tuple[str, bool]:
    """A role or lead mark at the start, set off by a colon or dash:
    ``Leadpartner: Stadt X``, ``Partner: Stadt X``."""
    stripped = text.strip()
    for path in ("partners.lead_marks", "partners.roles"):
        mark = terms(path).pattern.match(stripped)
        end = _HEAD_MARK_END.match(stripped, mark.end()) if mark else None
        if mark and end:
            return stripped[end.end() :], role_of(mark.group(0)) == "lead"
    return text, False


def _without_tail(text: str, known: str | None) -> tuple[str, str | None, bool]:
    """Peel off the name's last parts while each is a role, a country (one,
    or the one a bracket gave) or, once an address has begun, a part of
    that address: a postcode and town, a street, or a town the name
    already holds."""
    country: str | None = None
    lead = in_address = False
    for _ in range(8):  # a name and a few address parts, never more
        text = text.rstrip(" ,;:-–—")
        cut = _last_separator(text)
        if cut is None:
            break
        rest, tail = text[: cut.start()], text[cut.end() :].strip()
        if not tail or len(tail) > 80 or "(" in tail or ")" in tail:
            break  # no role, country or address part is so long or holds a bracket
        if role_of(tail):
            lead = lead or role_of(tail) == "lead"
        elif country is None and len(tail) <= 40 and _is_new_country(tail, known):
            country, in_address = country_code(tail, alpha_3=False), True
        elif _POSTCODE.match(tail) or (in_address and _is_address_part(tail, rest)):
            in_address = True
        else:
            break
        text = rest
    return text, country, lead


def _is_new_country(tail: str, known: str | None) -> bool:
    code = country_code(tail, alpha_3=False)
    return code is not None and known in (None, code)


def _last_separator(text: str) -> re.Match[str] | None:
    return next(reversed(list(_SEPARATOR.finditer(text))), None)


def _is_address_start(part: str) -> bool:
    return bool(_POSTCODE.match(part) or _STREET.match(part))


def _is_address_part(tail: str, rest: str) -> bool:
    """A street, or a town the name before it already holds ("Landkreis
    Görlitz, Görlitz")."""
    if _STREET.match(tail):
        return True
    town = re.escape(" ".join(tail.split()))
    return re.search(rf"(?<!\w){town}(?!\w)", rest, re.IGNORECASE) is not None


def _names_lead(text: str) -> bool:
    """A role cell names the lead when it is a lead mark or lead word, or
    holds one ("Lead partner (LP)")."""
    role = role_of(text)
    if role:
        return role == "lead"
    return terms("partners.lead_marks").find(text) is not None


def _is_web_word(text: str) -> bool:
    headers = terms("column_headers")
    match = headers.pattern.fullmatch(text.strip())
    return match is not None and headers.key(match) == "website"


def _is_lead_mark(text: str) -> bool:
    return bool(terms("partners.lead_marks").pattern.fullmatch(text.strip(" ()")))
