"""A recognised sheet to a typed record: each field's raw text goes through
its normaliser; what cannot be read stays as raw text in ``extra`` with a
warning, and inconsistent data is a warning, never a failure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from slugify import slugify

from chemclust_extract.model import (
    Contact,
    FieldWarning,
    Partner,
    Record,
    Source,
)
from chemclust_extract.normalise.contacts import parse_contact, split_people
from chemclust_extract.normalise.countries import country_code
from chemclust_extract.normalise.dates import (
    DEFAULT_LANGUAGES,
    months_between,
    parse_date,
    parse_date_range,
)
from chemclust_extract.normalise.items import parse_document, parse_news
from chemclust_extract.normalise.money import Money, parse_fund, parse_money
from chemclust_extract.normalise.partners import parse_partner, split_partner_name
from chemclust_extract.normalise.text import clean_text, paragraphs
from chemclust_extract.normalise.urls import (
    normalise_url,
    parse_website,
    rejected_links,
    urls_in,
)
from chemclust_extract.recognise import Field, Sheet
from chemclust_extract.rows import Row
from chemclust_extract.languages import fold, scalars, words

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
        raw = raw_text(f)
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
    )


def _texts(sheet: Sheet, draft: _Draft) -> None:
    """Name, title, programme, national partner and description; a sheet
    with only a full title gives it as the name too."""
    for name in PLAIN_TEXT_FIELDS:
        f = sheet.first(name)
        draft.values[name] = raw_text(f) if f else None
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
            slug = slugify(candidate, replacements=_APOSTROPHES)
            if slug:
                return str(slug)
    return "project"


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


def raw_text(f: Field) -> str | None:
    """A field's value as written, one line per row; a placeholder such as
    ``N/A`` or ``-`` is no value."""
    lines = [clean_text(" ".join(f.cells))] if f.cells else []
    lines += [clean_text(r.text) for r in f.rows]
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
            value = raw_text(f)
            if value is not None or f.cells:  # "N/A" is a value: absent, so null
                draft.add_extra(f, value)
            elif not f.heading:
                message = f"{where(f)}label {f.label!r} with no value"
                draft.warn("sheet", "unlabelled_text", message)
        elif f.name not in _REPEATABLE and f.name in seen:
            draft.add_extra(f, raw_text(f))
            draft.warn(
                f.name, "duplicate_field", f"{where(f)}{f.label!r} given again; kept in extra"
            )
        seen.add(f.name or "")


_REPEATABLE = frozenset({"partners", "lead_partner", "contacts", "news", "documents"})


def _website(f: Field | None, draft: _Draft) -> None:
    url = None
    if f is not None:
        url = next((u for u in map(normalise_url, f.links) if u), None) or parse_website(
            raw_text(f)
        )
        context, outcome = f"{where(f)}{f.label!r} link ", "not used" if url else "kept in extra"
        rejected = _warn_rejected(draft, "website", context, f.links, outcome)
        if url is None and rejected:
            draft.add_extra(f, rejected[0])  # the href is the value, as a usable one would be
        elif url is None and raw_text(f) is not None:
            draft.keep_raw(f, "website", "a web address")
    draft.values["website"] = url


def _warn_rejected(
    draft: _Draft,
    name: str,
    context: str,
    addresses: Iterable[str],
    outcome: str,
    allow_ftp: bool = False,
) -> list[str]:
    """A warning naming each address found for a URL field that leads
    somewhere other than the web (``file:``, ``javascript:``, a relative
    link with no web base): never a value, but kept in the message."""
    rejected = rejected_links(addresses, allow_ftp)
    allowed = "http, https or ftp" if allow_ftp else "http or https"
    for address in rejected:
        message = f"{context}{address!r} is not a web address ({allowed}); {outcome}"
        draft.warn(name, "unsafe_url", message)
    return rejected


def _partner_link_warnings(
    draft: _Draft, line: int | None, cells: Sequence[str], links: Sequence[str]
) -> None:
    """Links of a partner row, and addresses written in its cells (an ftp
    address is no website), that cannot be the partner's website."""
    where_ = f"line {line}: " if line else ""
    addresses = [*links, *urls_in(cells)]
    _warn_rejected(draft, "partners", f"{where_}partner address ", addresses, "not its website")


def _document_link_warnings(sheet: Sheet, draft: _Draft) -> None:
    for row in _item_rows(sheet, "documents"):
        where_ = f"line {row.line}: " if row.line else ""
        context = f"{where_}document address "
        _warn_rejected(draft, "documents", context, row.links, "not its url", allow_ftp=True)


def _dates(sheet: Sheet, draft: _Draft, languages: Sequence[str]) -> None:
    start = end = None
    duration = sheet.first("duration")
    if duration is not None:
        text = raw_text(duration)
        found = parse_date_range(text, languages) if text else None
        if found:
            start, end = found
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
    value = parse_date(text, languages)
    if value is None:
        draft.keep_raw(f, name, "a date")
        return from_range
    common = min(len(value), len(from_range or ""))
    if from_range and value[:common] != from_range[:common]:
        message = f"{where(f)}{f.label!r} gives {value}, the duration {from_range}; kept {value}"
        draft.warn(name, "conflicting_dates", message)
    return value


def _money(sheet: Sheet, draft: _Draft) -> None:
    amounts: dict[str, Money | None] = {}
    for name in ("total_budget", "eu_contribution"):
        f = sheet.first(name)
        amounts[name] = parse_money(raw_text(f), f.note) if f else None
        if f is not None and amounts[name] is None and raw_text(f) is not None:
            draft.keep_raw(f, name, "an amount of money")
    total, eu = amounts["total_budget"], amounts["eu_contribution"]
    if total and eu and (total.currency is None) != (eu.currency is None):
        known = total.currency or eu.currency
        total, eu = Money(total.amount, known), Money(eu.amount, known)
    for name, money in (("total_budget", total), ("eu_contribution", eu)):
        draft.values[name] = money.amount if money else None
        draft.values[f"{name}_currency"] = money.currency if money else None
    draft.values["eu_fund"] = _fund(sheet)
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


def _fund(sheet: Sheet) -> str | None:
    fund = sheet.first("eu_fund")
    if fund is not None:
        found = parse_fund(raw_text(fund))
        if found:
            return found
    eu = sheet.first("eu_contribution")
    return parse_fund(eu.label) or parse_fund(raw_text(eu)) if eu else None


def _partners(sheet: Sheet, draft: _Draft) -> list[Partner]:
    partners: list[Partner] = []
    leads: list[Partner] = []
    for f in sheet.fields:
        if f.name == "partners":
            rows = ([Row(f.line, f.cells, f.links)] if f.cells else []) + f.rows
            partners += [p for r in rows if (p := parse_partner(r.cells, r.links))]
            for r in rows:
                _partner_link_warnings(draft, r.line, r.cells, r.links)
        elif f.name == "lead_partner":
            lead = parse_partner(f.cells or [r.text for r in f.rows], f.links)
            _partner_link_warnings(draft, f.line, f.cells or [r.text for r in f.rows], f.links)
            if lead is not None and lead.name is not None:
                leads.append(lead)
    partners = _with_leads(partners, leads)
    numbers = Counter(p.number for p in partners if p.number is not None)
    for number in sorted(n for n, times in numbers.items() if times > 1):
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
            places.setdefault(p.name.casefold(), (partners, i))
    missing: list[Partner] = []
    for lead in leads:
        key = (lead.name or "").casefold()
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


def _phone_regions(sheet: Sheet, draft: _Draft, partners: Iterable[Partner]) -> list[str]:
    """Countries to read local phone numbers with, after the e-mail's:
    the sheet's own (national) partner's, then its labels' languages'."""
    regions: list[str] = []
    national = draft.values.get("national_partner")
    if isinstance(national, str):
        key = national.casefold()
        own = next(
            (p.country for p in partners if p.name and p.country and key in p.name.casefold()), None
        )
        regions.append(own or split_partner_name(national)[1] or "")
    by_language = scalars("region.phone")
    regions += [by_language[lang] for lang in sheet.languages if lang in by_language]
    return [r for r in dict.fromkeys(regions) if r and country_code(r)]


def _contacts(sheet: Sheet, draft: _Draft, regions: Sequence[str]) -> list[Contact]:
    contacts = []
    for f in sheet.all("contacts"):
        links = [*f.links, *(link for r in f.rows for link in r.links)]
        emails = [link[7:] for link in links if link.lower().startswith("mailto:")]
        people = split_people(_contact_text(f))
        for person in people:
            parsed = parse_contact(person, regions, emails if len(people) == 1 else ())
            if parsed is None:
                continue
            contacts.append(parsed.contact)
            for name, code, message in parsed.problems:
                draft.warn(f"contacts.{name}", code, f"{where(f)}{message}")
    return contacts


def _contact_text(f: Field) -> str:
    lines = [" ".join(f.cells)] if f.cells else []
    return "\n".join(lines + [r.text for r in f.rows])


def _item_rows(sheet: Sheet, name: str) -> list[Row]:
    """The rows of every section of one kind, a value in the label's own row first."""
    return [
        row
        for f in sheet.all(name)
        for row in ([Row(f.line, f.cells, f.links)] if f.cells else []) + f.rows
    ]
