"""A recognised sheet to a typed record: each field's raw text goes through
its normaliser; what cannot be read stays as raw text in ``extra`` with a
warning, and inconsistent data is a warning, never a failure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from chemclust_extract.languages import KEPT_VALUES, fold, scalars, words
from chemclust_extract.model import (
    Contact,
    FieldWarning,
    Partner,
    Record,
    Source,
)
from chemclust_extract.normalise.contacts import parse_contact, split_people
from chemclust_extract.normalise.countries import address_country, country_code
from chemclust_extract.normalise.dates import (
    DEFAULT_LANGUAGES,
    DateReading,
    months_between,
    read_date,
    read_date_range,
)
from chemclust_extract.normalise.items import parse_document, parse_news
from chemclust_extract.normalise.money import Money, holds_amount, parse_fund, parse_money
from chemclust_extract.normalise.partners import (
    PartnerRow,
    is_address,
    partner_key,
    partner_lines,
    read_partner,
    split_partner_name,
)
from chemclust_extract.normalise.text import clean_text, names_a_thing, paragraphs
from chemclust_extract.normalise.urls import (
    normalise_url,
    parse_website,
    rejected_links,
    urls_in,
)
from chemclust_extract.recognise import Field, Sheet
from chemclust_extract.rows import Row

PLAIN_TEXT_FIELDS = ("name", "title", "programme", "national_partner")
_APOSTROPHES = [["'", ""], ["’", ""], ["‘", ""], ["`", ""], ["ʼ", ""]]


@dataclass
class _Draft:
    """The record while it is being filled in."""

    values: dict[str, object] = field(default_factory=dict)
    extra_rows: list[tuple[int, str, str | None]] = field(
        default_factory=list
    )  # (order, label, value)
    warnings: list[FieldWarning] = field(default_factory=list)

    def warn(self, name: str, code: str, message: str) -> None:
        self.warnings.append(FieldWarning(name, code, message))

    def keep_raw(self, f: Field, name: str, what: str) -> None:
        raw = raw_text(f, keep_lines=True)
        self.add_extra(f, raw)
        message = f"{where(f)}{f.label!r} value {raw!r} is not {what}; kept in extra"
        self.warn(name, "unparsed", message)

    def add_extra(self, f: Field, value: str | None) -> None:
        self.extra_rows.append((f.order, clean_text(f.label) or "", value))

    @property
    def extra(self) -> dict[str, str | None]:
        """Unknown labels and unreadable values in sheet order; a label seen
        again gets `` (2)``, `` (3)`` ..."""
        extra: dict[str, str | None] = {}
        times: Counter[str] = Counter()  # per label, so that each repeat costs O(1)
        for _, label, value in sorted(self.extra_rows, key=lambda row: row[0]):
            key = label or "?"
            while key in extra:
                times[label] += 1
                key = f"{label} ({times[label] + 1})"
            extra[key] = value
        return extra


def build_record(
    sheet: Sheet, source: Source, stem: str = "", notes: Iterable[tuple[str, str]] = ()
) -> Record:
    """Normalise every recognised field of a sheet into a :class:`Record`;
    ``notes`` are ``(code, message)`` pairs from reading the file, kept as
    warnings on the ``source`` field."""
    draft = _Draft()
    for code, message in notes:
        draft.warn("source", code, message)
    languages = _languages(sheet)
    _unknown_and_duplicates(sheet, draft)
    _texts(sheet, draft)
    _website(sheet.first("website"), draft)
    _dates(sheet, draft, languages)
    _money(sheet, draft)
    partners = _partners(sheet, draft)
    contacts = _contacts(sheet, draft, _phone_regions(sheet, draft, partners))
    _document_link_warnings(sheet, draft)
    _strays(sheet, draft)
    name = draft.values["name"]
    return Record(
        id=record_id(str(name) if name else None, stem),
        **draft.values,  # type: ignore[arg-type]  # the scalar fields, each set above
        contacts=tuple(contacts),
        partners=tuple(partners),
        news=tuple(n for r in _item_rows(sheet, "news") if (n := parse_news(r.cells, languages))),
        documents=tuple(
            d
            for r in _item_rows(sheet, "documents")
            if (d := parse_document(r.cells, r.links, languages))
        ),
        extra=draft.extra,
        source=source,
        warnings=tuple(draft.warnings),
        unknown_labels=_unknown_labels(sheet, draft),
    )


def _unknown_labels(sheet: Sheet, draft: _Draft) -> tuple[str, ...]:
    """The labels no field knows that went to ``extra`` (a page heading with
    nothing under it is passed over, and is none of them)."""
    kept = {label for _, label, _ in draft.extra_rows}
    unknown = (clean_text(f.label) for f in sheet.fields if f.name is None)
    return tuple(dict.fromkeys(label for label in unknown if label and label in kept))


def _texts(sheet: Sheet, draft: _Draft) -> None:
    """Name, title, programme, national partner and description; a sheet
    with only a full title gives it as the name too."""
    for name in PLAIN_TEXT_FIELDS:
        f = sheet.first(name)
        text = raw_text(f) if f else None
        if f is not None and text is not None and not names_a_thing(text):
            draft.keep_raw(f, name, "a name (it is a number, a date or an address alone)")
            text = None
        draft.values[name] = text
    if draft.values["name"] is None:
        draft.values["name"] = draft.values["title"]
    description = sheet.first("description")
    draft.values["description"] = paragraphs(_block_text(description)) if description else None


def _strays(sheet: Sheet, draft: _Draft) -> None:
    """Warnings for text under no label, and for a sheet that names no project."""
    for row in sheet.stray:
        where_ = f"line {row.line}: " if row.line else ""
        draft.warn(
            "sheet", "unlabelled_text", f"{where_}text under no label: {clean_text(row.text)!r}"
        )
    if draft.values["name"] is None:
        draft.warn("name", "missing", "the sheet names no project; the id comes from the file name")


def record_id(name: str | None, fallback: str = "") -> str:
    """The record's id: its name transliterated to lowercase ASCII, runs of
    other characters as one ``-``, apostrophes dropped.

    >>> record_id("ChemClust"), record_id("Łódź Straße"), record_id("L'Europe d’abord")
    ('chemclust', 'lodz-strasse', 'leurope-dabord')
    >>> record_id(None, "sheet 12.tsv"), record_id("***")
    ('sheet-12-tsv', 'project')
    """
    for candidate in (name, fallback):
        if candidate:
            slug = _plain_slug(candidate) or _slug(candidate)
            if slug:
                return slug
    return "project"


# A name of plain ASCII letters, digits and signs that python-slugify only
# turns into dashes ("ChemClust", "Interreg V-A: Cross (Border)/2"): its
# slug is made at once.  No "&" (an entity), "," (between digits it goes),
# nor an apostrophe (dropped).  (A property test holds it to slugify's.)
_PLAIN_NAME = re.compile(r"[A-Za-z0-9 .()/:;_+-]+")
_NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")


def _plain_slug(name: str) -> str:
    if not _PLAIN_NAME.fullmatch(name):
        return ""
    return _NOT_IN_SLUG.sub("-", name.lower()).strip("-")


def _slug(name: str) -> str:
    from slugify import slugify  # imported on first use: a tenth of the start-up time

    return str(slugify(name, replacements=_APOSTROPHES))


def is_placeholder(text: str) -> bool:
    """``N/A``, ``-``, ``není``, ``brak``: what a sheet writes for no value.

    >>> is_placeholder(" n/a "), is_placeholder("–"), is_placeholder("Interreg")
    (True, True, False)
    """
    return fold(text).strip(" .") in _placeholders()


@cache
def _placeholders() -> frozenset[str]:
    return frozenset(fold(word).strip(" .") for word in words("placeholders.none"))


def where(f: Field) -> str:
    """Where a field stands in its file, for messages (formats without line
    numbers say nothing)."""
    return f"line {f.line}: " if f.line else ""


def raw_text(f: Field, keep_lines: bool = False) -> str | None:
    """A field's value as written, one line per row (with ``keep_lines``,
    per line of a cell too, as ``extra`` keeps it); a placeholder such as
    ``N/A`` or ``-`` is no value."""
    if not f.rows and len(f.cells) == 1 and not keep_lines:  # a label and its value: most fields
        text = clean_text(f.cells[0])
        return None if text is None or is_placeholder(text) else text
    chunks = [" ".join(f.cells)] if f.cells else []
    chunks += [r.text for r in f.rows]
    if keep_lines:
        chunks = [line for chunk in chunks for line in chunk.splitlines()]
    lines = [clean_text(chunk) for chunk in chunks]
    text = "\n".join(line for line in lines if line) or None
    return None if text is None or is_placeholder(text) else text


def _block_text(f: Field) -> str | None:
    """Inline cells and rows below, one paragraph each."""
    chunks = [" ".join(f.cells)] if f.cells else []
    chunks += [r.text for r in f.rows]
    return "\n\n".join(c for c in chunks if c.strip()) or None


def _languages(sheet: Sheet) -> tuple[str, ...]:
    ranked = [lang for lang in sheet.languages if lang in DEFAULT_LANGUAGES]
    return tuple(ranked + [lang for lang in DEFAULT_LANGUAGES if lang not in ranked])


def _unknown_and_duplicates(sheet: Sheet, draft: _Draft) -> None:
    """Unknown labels into ``extra``; a scalar field given twice keeps its
    first value, the second goes to ``extra`` with a warning.  A page heading
    with nothing under it holds no data and is passed over."""
    seen: set[str] = set()
    for f in sheet.fields:
        if f.name is None:
            value = raw_text(f, keep_lines=True)
            if value is not None or f.cells:  # "N/A" is a value: absent, so null
                draft.add_extra(f, value)
            elif not f.heading:
                message = f"{where(f)}label {f.label!r} with no value"
                draft.warn("sheet", "unlabelled_text", message)
            if f.ambiguous:
                fields = " or ".join(f.ambiguous)
                message = f"{where(f)}{f.label!r} could name {fields}; kept in extra"
                draft.warn("sheet", "ambiguous_label", message)
        elif f.name not in _REPEATABLE and f.name in seen and f.has_value:
            draft.add_extra(f, raw_text(f, keep_lines=True))
            draft.warn(
                f.name, "duplicate_field", f"{where(f)}{f.label!r} given again; kept in extra"
            )
        if f.has_value:  # a heading that reads as the label names no value of its own
            seen.add(f.name or "")


_REPEATABLE = frozenset({"partners", "lead_partner", "contacts", "news", "documents"})


def _website(f: Field | None, draft: _Draft) -> None:
    url = None
    if f is not None:
        raw = raw_text(f)
        url = next((u for u in map(normalise_url, f.links) if u), None) or parse_website(raw)
        outcome = "not used" if url else "kept in extra"
        what = f"{f.label!r} link "
        rejected = _warn_rejected(draft, "website", f.line, what, f.links, outcome)
        if url is None and rejected:
            draft.add_extra(f, rejected[0])  # the href is the value, as a usable one would be
        elif url is None and raw is not None:
            draft.keep_raw(f, "website", "a web address")
    draft.values["website"] = url


def _warn_rejected(
    draft: _Draft,
    name: str,
    line: int | None,
    what: str,
    addresses: Sequence[str],
    outcome: str,
    allow_ftp: bool = False,
) -> list[str]:
    """A warning naming each address found for a URL field that leads
    somewhere other than the web (``file:``, ``javascript:``, a relative
    link with no web base): never a value, but kept in the message, after
    its line and ``what`` it is."""
    rejected = rejected_links(addresses, allow_ftp) if addresses else []
    allowed = "http, https or ftp" if allow_ftp else "http or https"
    for address in rejected:
        where_ = f"line {line}: " if line else ""
        message = f"{where_}{what}{address!r} is not a web address ({allowed}); {outcome}"
        draft.warn(name, "unsafe_url", message)
    return rejected


def _partner_link_warnings(draft: _Draft, line: int | None, addresses: Sequence[str]) -> None:
    """Links of a partner row, and addresses written in its cells (an ftp
    address is no website), that cannot be the partner's website."""
    _warn_rejected(draft, "partners", line, "partner address ", addresses, "not its website")


def _document_link_warnings(sheet: Sheet, draft: _Draft) -> None:
    for row in _item_rows(sheet, "documents"):
        what, outcome = "document address ", "not its url"
        _warn_rejected(draft, "documents", row.line, what, row.links, outcome, allow_ftp=True)


def _dates(sheet: Sheet, draft: _Draft, languages: Sequence[str]) -> None:
    start = end = None
    duration = sheet.first("duration")
    if duration is not None:
        text = raw_text(duration)
        found = read_date_range(text, languages) if text else None
        if found:
            start, end = found[0].iso, found[1].iso
            _warn_two_digit_years(draft, duration, "duration", found)
        elif text:
            draft.keep_raw(duration, "duration", "a range of two dates")
    start = _own_date(sheet, draft, "start_date", start, languages)
    end = _own_date(sheet, draft, "end_date", end, languages)
    months = months_between(start, end)
    if start and end and end[: len(start)] < start[: len(end)]:
        message = f"the project ends ({end}) before it starts ({start}); no duration given"
        draft.warn("end_date", "end_before_start", message)
        months = None
    draft.values.update(start_date=start, end_date=end, duration_months=months)


def _own_date(
    sheet: Sheet, draft: _Draft, name: str, from_range: str | None, languages: Sequence[str]
) -> str | None:
    """A start or end date under a label of its own wins over the range's,
    being the more specific; when the two disagree a warning says so."""
    f = sheet.first(name)
    text = raw_text(f) if f else None
    if f is None or text is None:
        return from_range
    reading = read_date(text, languages)
    if reading is None:
        draft.keep_raw(f, name, "a date")
        return from_range
    _warn_two_digit_years(draft, f, name, [reading])
    value = reading.iso
    common = min(len(value), len(from_range or ""))
    if from_range and value[:common] != from_range[:common]:
        message = f"{where(f)}{f.label!r} gives {value}, the duration {from_range}; kept {value}"
        draft.warn(name, "conflicting_dates", message)
    return value


def _warn_two_digit_years(
    draft: _Draft, f: Field, name: str, readings: Sequence[DateReading]
) -> None:
    """A year written with two digits is read as 19yy (90-99) or 20yy: a
    guess the record says it made."""
    for reading in readings:
        if reading.two_digit_year:
            message = (
                f"{where(f)}{f.label!r} value {raw_text(f)!r} writes the year with two digits;"
                f" read as {reading.iso[:4]}"
            )
            draft.warn(name, "two_digit_year", message)


def _money(sheet: Sheet, draft: _Draft) -> None:
    amounts: dict[str, Money | None] = {}
    for name in ("total_budget", "eu_contribution"):
        f = sheet.first(name)
        raw = raw_text(f) if f else None
        amounts[name] = parse_money(raw, f.note) if f else None
        if f is not None and amounts[name] is None and raw is not None:
            draft.keep_raw(f, name, "an amount of money")
    total, eu = amounts["total_budget"], amounts["eu_contribution"]
    if total and eu and (total.currency is None) != (eu.currency is None):
        known = total.currency or eu.currency
        total, eu = Money(total.amount, known), Money(eu.amount, known)
    for name, money in (("total_budget", total), ("eu_contribution", eu)):
        draft.values[name] = money.amount if money else None
        draft.values[f"{name}_currency"] = money.currency if money else None
    draft.values["eu_fund"] = _fund(sheet, draft)
    rate = None
    if total and eu and total.currency == eu.currency and total.amount:
        rate = round(eu.amount / total.amount, 3)
        if eu.amount > total.amount:
            draft.warn(
                "eu_contribution",
                "eu_above_total",
                f"EU contribution {eu.amount} is above the total {total.amount}",
            )
    draft.values["eu_rate"] = rate


def _fund(sheet: Sheet, draft: _Draft) -> str | None:
    """The fund named under its own label (a value naming no fund or two
    goes to ``extra``) or in that label, else the one the EU contribution's
    label or value names."""
    fund = sheet.first("eu_fund")
    if fund is not None:
        raw = raw_text(fund)
        found = parse_fund(raw)
        if found:
            return found
        if raw is not None:
            draft.keep_raw(fund, "eu_fund", "one EU fund")
        in_label = parse_fund(fund.label)
        if in_label:
            return in_label
    eu = sheet.first("eu_contribution")
    return parse_fund(eu.label) or parse_fund(raw_text(eu)) if eu else None


def _partners(sheet: Sheet, draft: _Draft) -> list[Partner]:
    """Every ``partners`` field's partners in sheet order (several lone
    ``Partner:`` labels give one each), with the lone lead labels' partners
    marked in the list or put first."""
    partners: list[Partner] = []
    leads: list[Partner] = []
    for f in sheet.fields:
        if f.name == "partners":
            partners += _listed_partners(f, draft)
        elif f.name == "lead_partner":
            lead = _lead_partner(f, draft)
            if lead is not None and lead.name is not None:
                leads.append(lead)
    partners = _with_leads(partners, leads) if leads else partners
    numbers = [p.number for p in partners if p.number is not None]
    if len(set(numbers)) == len(numbers):
        return partners  # no number given twice: most lists
    for number in sorted(n for n, times in Counter(numbers).items() if times > 1):
        draft.warn(
            "partners",
            "duplicate_partner_number",
            f"partner number {number} is given more than once",
        )
    return partners


def _with_leads(partners: list[Partner], leads: Sequence[Partner]) -> list[Partner]:
    """Mark each lead partner in the list; those not in it go first, in
    sheet order (one look-up per lead, however long the list)."""
    places: dict[str, tuple[list[Partner], int]] = {}
    for i, p in enumerate(partners):
        if p.name:
            places.setdefault(partner_key(p.name), (partners, i))
    missing: list[Partner] = []
    for lead in leads:
        key = partner_key(lead.name or "")
        if key not in places:  # a later lead label of the same name finds this one
            places[key] = (missing, len(missing))
            missing.append(Partner(lead.number, lead.name, lead.country, "lead", lead.website))
            continue
        listed, i = places[key]
        p = listed[i]
        listed[i] = Partner(
            p.number, p.name, p.country or lead.country, "lead", p.website or lead.website
        )
    return [*missing, *partners]


def _listed_partners(f: Field, draft: _Draft) -> list[Partner]:
    """One partner per row of a ``partners`` field, each cell under its
    header's column when a header row named them (the label's own row has
    none); a lone address line gives its country to the partner above."""
    found: list[Partner] = []
    amounts: list[tuple[int, int | None, str]] = []  # rows with no number that write an amount
    own = [(f.line, f.cells, f.links, ())] if f.cells else []
    rows = [*own, *((r.line, r.cells, r.links, f.columns) for r in f.rows)]
    for line, row_cells, row_links, columns in rows:
        addresses, readings = _row_of_partners(row_cells, row_links, columns)
        _partner_link_warnings(draft, line, addresses)
        for cells, read, address_line in readings:
            if found and not columns and address_line:
                p = found[-1]
                country = p.country or address_country(cells[0])
                found[-1] = Partner(p.number, p.name, country, p.role, p.website)
                continue
            _warn_unread(draft, line, read)
            if read.partner is not None:
                if read.partner.number is None and holds_amount(" ".join(cells)):
                    amounts.append((len(found), line, " ".join(c for c in cells if c.strip())))
                found.append(read.partner)
    return _without_budget_lines(found, amounts, draft)


def _without_budget_lines(
    found: list[Partner], amounts: list[tuple[int, int | None, str]], draft: _Draft
) -> list[Partner]:
    """In a numbered list of partners, a row with no number that writes an
    amount is a budget line under it (``Kosten Lead-Partner | 539 970
    EUR``), no partner: left out with a warning.  (In a list with no
    numbers such a row may be a partner and its budget.)"""
    if not amounts or all(p.number is None for p in found):
        return found
    for index, line, text in reversed(amounts):
        del found[index]
        where_ = f"line {line}: " if line else ""
        message = f"{where_}{text!r} among the numbered partners has no number and writes an amount: a budget line, no partner; left out"
        draft.warn("partners", "unparsed", message)
    return found


@lru_cache(maxsize=KEPT_VALUES)
def _row_of_partners(
    cells: tuple[str, ...], links: tuple[str, ...], columns: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], PartnerRow, bool], ...]]:
    """What a row of a partner list says, as :func:`read_partner` keeps
    each partner's row: the addresses in it, and each of its lines' cells,
    partner and whether it is an address alone."""
    readings = tuple(
        (line, read_partner(line, links_, columns), len(line) == 1 and is_address(line[0]))
        for line, links_ in _partner_lines(cells, links, columns)
    )
    return (*links, *urls_in(cells)), readings


def _partner_lines(
    cells: tuple[str, ...], links: tuple[str, ...], columns: Sequence[str]
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """A row's cells and links; a row of one cell holding several lines,
    with no header over it, is one partner a line (a text sheet's
    ``Partner:`` value that runs on), its links no line's own."""
    texts = [c for c in cells if c.strip()]
    lines = partner_lines(texts[0]) if len(texts) == 1 and not columns else []
    if len(lines) < 2:
        return [(cells, links)]
    return [((line,), ()) for line in lines]


def _lead_partner(f: Field, draft: _Draft) -> Partner | None:
    """A lone lead label's partner: the lines of its value (a name, then
    perhaps an address) read as the cells of one row."""
    cells = [line for c in f.cells for line in c.splitlines()] or [r.text for r in f.rows]
    _partner_link_warnings(draft, f.line, [*f.links, *urls_in(cells)])
    read = read_partner(cells, f.links)
    _warn_unread(draft, f.line, read)
    return read.partner


def _warn_unread(draft: _Draft, line: int | None, read: PartnerRow) -> None:
    """A warning for each cell of a partner row that could not be read (a
    country cell naming no country): its field stays null."""
    if not read.unread:
        return
    where_ = f"line {line}: " if line else ""
    name = read.partner.name if read.partner else None
    for column, text in read.unread:
        if column == "name":  # the whole row: an amount or a budget line, no partner
            message = f"{where_}{text!r} among the partners names no partner; left out"
        else:
            message = f"{where_}partner {name!r}: {column} {text!r} is not read; left empty"
        draft.warn("partners", "unparsed", message)


def _phone_regions(sheet: Sheet, draft: _Draft, partners: Iterable[Partner]) -> list[str]:
    """Countries to read local phone numbers with, after the e-mail's
    (which ``parse_contact`` puts first): the sheet's own (national)
    partner's, then the lead partner's, then its labels' languages'."""
    partners = list(partners)
    regions: list[str] = []
    national = draft.values.get("national_partner")
    if isinstance(national, str):
        key = national.casefold()
        own = next(
            (p.country for p in partners if p.name and p.country and key in p.name.casefold()), None
        )
        regions.append(own or split_partner_name(national)[1] or "")
    regions += [p.country for p in partners if p.role == "lead" and p.country]
    by_language = scalars("region.phone")
    regions += [by_language[lang] for lang in sheet.languages if lang in by_language]
    return [r for r in dict.fromkeys(regions) if r and country_code(r)]


def _contacts(sheet: Sheet, draft: _Draft, regions: Sequence[str]) -> list[Contact]:
    contacts = []
    organisations = _sheet_organisations(sheet, draft)
    for f in sheet.all("contacts"):
        links = [*f.links, *(link for r in f.rows for link in r.links)]
        emails = [link[7:] for link in links if link.lower().startswith("mailto:")]
        people = split_people(_contact_text(f))
        for person in people:
            mailto = emails if len(people) == 1 else ()
            parsed = parse_contact(person, regions, mailto, organisations)
            if parsed is None:
                continue
            contacts.append(parsed.contact)
            for name, code, message in parsed.problems:
                draft.warn(f"contacts.{name}", code, f"{where(f)}{message}")
    return contacts


def _contact_text(f: Field) -> str:
    """The contact block as lines; an empty row between rows (a sheet's
    way of setting two people apart) is a blank line."""
    lines = [" ".join(f.cells)] if f.cells else []
    for r in f.rows:
        lines += ["", r.text] if r.after_gap and lines else [r.text]
    return "\n".join(lines)


def _sheet_organisations(sheet: Sheet, draft: _Draft) -> frozenset[str]:
    """The names the sheet gives organisations (its partners, its national
    partner): a contact line naming one is no person."""
    national = draft.values.get("national_partner")
    names = set(_names_in((national,))) if isinstance(national, str) else set()
    for f in [*sheet.all("partners"), *sheet.all("lead_partner")]:
        names.update(_names_in(f.cells), *(_names_in(r.cells) for r in f.rows))
    return frozenset(names)


@lru_cache(maxsize=KEPT_VALUES)
def _names_in(cells: tuple[str, ...]) -> frozenset[str]:
    """The names of organisations a row's cells give, kept as its partner is."""
    names = {split_partner_name(cell)[0] for cell in cells if cell.strip()}
    return frozenset(name for name in names if name)


def _item_rows(sheet: Sheet, name: str) -> list[Row]:
    """The rows of every section of one kind, a value in the label's own row first."""
    return [
        row
        for f in sheet.all(name)
        for row in ([Row(f.line, f.cells, f.links)] if f.cells else []) + f.rows
    ]
