"""Property-based tests: any input gives a value of the right shape, ``None``
or a clean failure, never an exception (STYLE.md, "Tests").

Besides arbitrary text, some properties feed well-formed values (dates,
amounts, phone numbers) written the ways the contract lists, and check the
round trip.  dateparser is slow, so the date properties run fewer examples.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from chemclust_extract.decode import Decoded, decode_bytes
from chemclust_extract.model import Contact, Document, NewsItem, Partner
from chemclust_extract.mojibake import repair_mojibake
from chemclust_extract.normalise.contacts import (
    ParsedContact,
    parse_contact,
    parse_phone,
    strip_honorifics,
)
from chemclust_extract.normalise.countries import country_code
from chemclust_extract.normalise.dates import (
    find_date,
    months_between,
    parse_date,
    parse_date_range,
)
from chemclust_extract.normalise.items import parse_document, parse_news
from chemclust_extract.normalise.money import Money, currency_code, parse_fund, parse_money
from chemclust_extract.normalise.partners import parse_partner, split_partner_name
from chemclust_extract.normalise.text import clean_text, paragraphs
from chemclust_extract.normalise.urls import find_email, find_url, normalise_url, parse_website
from chemclust_extract.readers.tsv import read_tsv
from chemclust_extract.recognise import Sheet, recognise
from chemclust_extract.rows import Row

FAST = settings(max_examples=200, deadline=None)
SLOW = settings(max_examples=100, deadline=None)  # dateparser

ISO_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
E164 = re.compile(r"^\+\d{6,15}$")
ALPHA_2 = re.compile(r"^[A-Z]{2}$")
ISO_4217 = re.compile(r"^[A-Z]{3}$")
FUNDS = {"ERDF", "CF", "ESF", "EAFRD", "ENI", "IPA"}
SCHEMES = ("http://", "https://", "ftp://")

REGIONS = st.lists(st.sampled_from(["CZ", "DE", "PL", "GB", "AT", "SK", "IT"]), max_size=3)
# Text, plus the characters the sheets' structure is made of, often enough to matter.
SHEET_TEXT = st.lists(
    st.one_of(st.text(), st.sampled_from(["\t", "\n", "\r\n", '"', "<p>", "</p>", "&amp;"]))
).map("".join)
# Real labels of the seed sheet and of the other languages' sheets.
LABELS = [
    "Projekt", "Partner za ČR:", "Kontaktní osoba:", "Web projektu:", "Program:", "Trvání:",
    "Celkový rozpočet:", "Podíl ERDF:", "Partneři projektu", "Stručný popis projektu",
    "Aktuality/Realizované a připravované akce", "Prezentace, dokumenty", "Project acronym",
    "Lead partner:", "Projektbeginn", "Leadpartner:", "Tytuł projektu", "Beneficjent:", "1", "2",
]  # fmt: skip
SHEET_ROWS = st.lists(
    st.lists(st.one_of(st.sampled_from(LABELS), st.text()), max_size=4).map("\t".join),
    max_size=12,
).map("\n".join)


def assert_iso_date(value: str) -> None:
    """ISO 8601 at year, month or day precision, and a real calendar date."""
    match = ISO_DATE.fullmatch(value)
    assert match, value
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year == 0:
        # Year 0 is a strict xfail of its own (test_normalise_dates "year-zero");
        # here only its month and day are checked, in a leap year like year 0.
        date(2000, month or 1, day or 1)
        return
    layout = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}[len(value)]
    assert datetime.strptime(value, layout).date() == date(year, month or 1, day or 1)


def assert_clean(value: str) -> None:
    """One line of contract text: NFC, single spaces, trimmed, not empty."""
    assert value
    assert value == " ".join(value.split())
    assert unicodedata.is_normalized("NFC", value)


# --- money ---------------------------------------------------------------


@FAST
@given(st.text())
def test_parse_money_gives_a_non_negative_amount_or_none(text: str) -> None:
    money = parse_money(text)
    assert money is None or isinstance(money, Money)
    if money is not None:
        assert type(money.amount) in (int, float)
        assert money.amount >= 0
        assert money.currency is None or ISO_4217.fullmatch(money.currency)


@FAST
@given(st.text(), st.sampled_from([None, "EUR", "Kč", "zł", "€", "x"]))
def test_parse_money_with_any_hint_never_raises(text: str, hint: str | None) -> None:
    money = parse_money(text, currency_hint=hint)
    assert money is None or (isinstance(money, Money) and money.amount >= 0)


@FAST
@given(
    st.integers(min_value=0, max_value=10**10),
    st.sampled_from(
        [
            ("€ {}", ".", "EUR"),  # € 1.762.400
            ("{},00 EUR", " ", "EUR"),  # 1 762 400,00 EUR
            ("€{}.00", ",", "EUR"),  # €1,762,400.00
            ("EUR {},-", ".", "EUR"),  # EUR 1.762.400,-
            ("{} €", ".", "EUR"),  # 601.840 €
            ("{},- Kč", " ", "CZK"),
            ("{} zł", " ", "PLN"),
            ("PLN {}", ".", "PLN"),
        ]
    ),
)
def test_parse_money_reads_every_contract_layout(amount: int, layout: tuple[str, str, str]) -> None:
    template, separator, currency = layout
    text = template.format(f"{amount:,}".replace(",", separator))
    assert parse_money(text) == Money(amount, currency)


@FAST
@given(st.text())
def test_currency_code_is_iso_4217_or_none(text: str) -> None:
    code = currency_code(text)
    assert code is None or ISO_4217.fullmatch(code)


@FAST
@given(st.text())
def test_parse_fund_is_a_contract_fund_or_none(text: str) -> None:
    assert parse_fund(text) in {*FUNDS, None}


# --- dates ---------------------------------------------------------------


@SLOW
@given(st.text())
def test_parse_date_is_iso_or_none(text: str) -> None:
    found = parse_date(text)
    assert found is None or isinstance(found, str)
    if found is not None:
        assert_iso_date(found)


@SLOW
@given(st.text())
def test_parse_date_range_is_two_iso_dates_or_none(text: str) -> None:
    found = parse_date_range(text)
    assert found is None or (isinstance(found, tuple) and len(found) == 2)
    if found is not None:
        assert_iso_date(found[0])
        assert_iso_date(found[1])


@SLOW
@given(st.text())
def test_find_date_is_iso_or_none(text: str) -> None:
    found = find_date(text)
    if found is not None:
        assert isinstance(found, str)
        assert_iso_date(found)


DATE_LAYOUTS = {
    "day": ["{d.day}.{d.month}.{d.year}", "{d.day}. {d.month}. {d.year}", "{d:%Y-%m-%d}"],
    "month": ["{d:%m}/{d.year}", "{d:%Y-%m}", "{d:%B} {d.year}"],
}


@SLOW
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from([(p, layout) for p, layouts in DATE_LAYOUTS.items() for layout in layouts]),
)
def test_parse_date_reads_the_contract_layouts_at_their_precision(
    when: date, layout: tuple[str, str]
) -> None:
    precision, template = layout
    expected = when.isoformat() if precision == "day" else when.isoformat()[:7]
    assert parse_date(template.format(d=when)) == expected


@SLOW
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from([" – ", " — ", " - ", "-", " to ", " až ", " bis "]),
)
def test_parse_date_range_reads_every_contract_separator(
    start: date, end: date, separator: str
) -> None:
    text = f"{start.day}.{start.month}.{start.year}{separator}{end.day}.{end.month}.{end.year}"
    assert parse_date_range(text) == (start.isoformat(), end.isoformat())


@FAST
@given(st.dates(), st.dates(), st.sampled_from([7, 10]), st.sampled_from([7, 10]))
def test_months_between_follows_the_contract_formula(
    start: date, end: date, start_precision: int, end_precision: int
) -> None:
    expected = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
    got = months_between(start.isoformat()[:start_precision], end.isoformat()[:end_precision])
    assert got == expected


@FAST
@given(st.dates(), st.dates())
def test_months_between_needs_two_months(start: date, end: date) -> None:
    assert months_between(str(start.year), end.isoformat()) is None
    assert months_between(start.isoformat(), str(end.year)) is None


@FAST
@given(st.text(), st.text())
@example("0000000", "2010-01")
def test_months_between_of_any_text_never_raises(start: str, end: str) -> None:
    got = months_between(start, end)
    assert got is None or isinstance(got, int)


# --- contacts and phones -------------------------------------------------


@FAST
@given(st.one_of(st.text(), st.text(alphabet="0123456789 +()-/.", max_size=24)), REGIONS)
def test_parse_phone_is_a_plus_and_digits_or_none(text: str, regions: list[str]) -> None:
    phone = parse_phone(text, regions)
    assert phone is None or re.fullmatch(r"\+\d+", phone)


# Too-short numbers such as "+49 30" once passed as phones; the explicit
# example keeps that case in every run.
@FAST
@given(st.text(alphabet="0123456789 +()-/.", max_size=24), REGIONS)
@example("+49 30", [])
def test_parse_phone_is_e164_or_none(text: str, regions: list[str]) -> None:
    phone = parse_phone(text, regions)
    assert phone is None or E164.fullmatch(phone)


@FAST
# Czech fixed-line numbers (the numbering plan's 2x, 31-59 prefixes): only
# valid numbers become E.164, so the generator keeps to the plan.
@given(st.from_regex(r"\A(?:2[0-9]|3[1257-9]|4[16-9]|5[13-9])[0-9] [0-9]{3} [0-9]{3}\Z"))
def test_czech_numbers_take_the_region_hint(number: str) -> None:
    assert parse_phone(number, ["CZ"]) == "+420" + number.replace(" ", "")
    assert parse_phone("+420 " + number) == "+420" + number.replace(" ", "")


@FAST
@given(st.text(), REGIONS)
def test_parse_contact_gives_a_clean_contact_or_none(text: str, regions: list[str]) -> None:
    parsed = parse_contact(text, regions)
    assert parsed is None or isinstance(parsed, ParsedContact)
    if parsed is None:
        return
    contact = parsed.contact
    assert isinstance(contact, Contact)
    for number in (contact.phone, contact.fax):
        assert number is None or E164.fullmatch(number)
    if contact.email is not None:
        assert contact.email == contact.email.lower()
    assert contact.raw is not None
    assert_clean(contact.raw)
    for field, code, message in parsed.problems:
        assert field in {"phone", "fax"}
        assert code and message


@FAST
@given(st.text())
def test_strip_honorifics_gives_text(name: str) -> None:
    stripped = strip_honorifics(name)
    assert isinstance(stripped, str)
    assert stripped == stripped.strip(" ,;")


# --- partners and countries ------------------------------------------------


@FAST
@given(st.text())
def test_country_code_is_alpha_2_or_none(text: str) -> None:
    code = country_code(text)
    assert code is None or ALPHA_2.fullmatch(code)


@FAST
@given(st.text())
def test_split_partner_name_gives_name_country_and_mark(text: str) -> None:
    name, country, lead = split_partner_name(text)
    assert name is None or isinstance(name, str)
    if name is not None:
        assert_clean(name)
    assert country is None or ALPHA_2.fullmatch(country)
    assert isinstance(lead, bool)


@FAST
@given(st.lists(st.text(), max_size=5), st.lists(st.text(), max_size=2))
def test_parse_partner_gives_a_partner_or_none(cells: list[str], links: list[str]) -> None:
    partner = parse_partner(cells, links)
    assert partner is None or isinstance(partner, Partner)
    if partner is None:
        return
    assert partner.role in {"lead", "partner"}
    assert partner.number is None or (isinstance(partner.number, int) and partner.number >= 0)
    assert partner.country is None or ALPHA_2.fullmatch(partner.country)
    assert partner.website is None or isinstance(partner.website, str)


# --- text, URLs, e-mails ---------------------------------------------------


@FAST
@given(st.text())
def test_clean_text_is_clean_or_none(text: str) -> None:
    cleaned = clean_text(text)
    if cleaned is not None:
        assert_clean(cleaned)


@FAST
@given(SHEET_TEXT)
def test_paragraphs_are_clean_and_separated_by_one_blank_line(text: str) -> None:
    found = paragraphs(text)
    if found is not None:
        for paragraph in found.split("\n\n"):
            assert_clean(paragraph)


@FAST
@given(st.text())
def test_find_url_is_absolute_or_none(text: str) -> None:
    url = find_url(text)
    assert url is None or (url.lower().startswith(SCHEMES) and not any(c.isspace() for c in url))


@FAST
@given(st.text())
def test_parse_website_is_absolute_or_none(text: str) -> None:
    url = parse_website(text)
    assert url is None or (url.lower().startswith(SCHEMES) and not any(c.isspace() for c in url))


@FAST
@given(st.text(), st.sampled_from([None, "http://x.eu/p/"]))
def test_normalise_url_gives_one_address_or_none(text: str, base: str | None) -> None:
    url = normalise_url(text, base)
    assert url is None or (url and not any(c.isspace() for c in url))


@FAST
@given(st.text())
def test_find_email_is_lower_case_or_none(text: str) -> None:
    email = find_email(text)
    assert email is None or (email == email.lower() and "@" in email)


# --- news and document items ---------------------------------------------


@SLOW
@given(st.lists(st.text(), max_size=3))
def test_parse_news_gives_an_item_or_none(cells: list[str]) -> None:
    item = parse_news(cells)
    assert item is None or isinstance(item, NewsItem)
    if item is not None:
        assert_clean(item.text)
        if item.date is not None:
            assert_iso_date(item.date)


@SLOW
@given(st.lists(st.text(), max_size=3), st.lists(st.text(), max_size=2))
def test_parse_document_gives_an_item_or_none(cells: list[str], links: list[str]) -> None:
    item = parse_document(cells, links)
    assert item is None or isinstance(item, Document)
    if item is not None:
        assert item.text
        if item.date is not None:
            assert_iso_date(item.date)


# --- reader, decoder, recogniser -------------------------------------------


@FAST
@given(SHEET_TEXT)
def test_read_tsv_gives_rows_of_single_line_cells(text: str) -> None:
    """Cells hold one line each; only a cell in Excel's quotes may hold tabs
    and line breaks (contract v1.1, "Layouts"; tests/test_text_readers.py
    checks those)."""
    rows = read_tsv(text)
    assert all(isinstance(row, Row) for row in rows)
    for row in rows:
        assert row.cells and row.cells[-1]
        for cell in row.cells:
            assert '"' in text or not any(c in cell for c in "\t\n\r")
    lines = [row.line for row in rows]
    assert all(a < b for a, b in pairwise(lines))
    assert all(line >= 1 for line in lines)


@FAST
@given(
    st.one_of(
        st.binary(),
        st.tuples(
            st.sampled_from(
                [
                    b"\xef\xbb\xbf",
                    b"\xff\xfe",
                    b"\xfe\xff",
                    b"\xff\xfe\x00\x00",
                    b"\x00\x00\xfe\xff",
                ]
            ),
            st.binary(),
        ).map(b"".join),
        st.text().map(lambda t: t.encode("utf-16-le")),
        st.text().map(lambda t: t.encode("utf-8")),
    )
)
def test_decode_bytes_of_any_bytes_gives_text(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert isinstance(decoded, Decoded)
    assert isinstance(decoded.text, str)
    assert isinstance(decoded.encoding, str) and decoded.encoding
    assert 0.0 <= decoded.confidence <= 1.0


# A leading U+FEFF is a byte-order mark and a NUL is dropped (next test).
PLAIN_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00\ufeff"))


@FAST
@given(PLAIN_TEXT)
def test_decode_bytes_reads_utf8_back(text: str) -> None:
    """UTF-8 reads back exactly, but for text that is itself mojibake
    ("Ã\x80" is "À" misread), which is repaired and said so."""
    decoded = decode_bytes(text.encode("utf-8"))
    expected, repaired = repair_mojibake(text)
    assert decoded.text == expected
    assert decoded.encoding == "utf-8"
    assert bool(repaired) == any(code == "mojibake_repaired" for code, _ in decoded.notes)


# What the sheets' languages write: words, each in one language's letters
# (no language writes "Äą"), between digits, punctuation, typographic quotes
# and dashes, and the euro sign.
_LETTERS = {
    "cs": "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ",
    "sk": "áäčďéíĺľňóôŕšťúýžÁÄČĎÉÍĹĽŇÓÔŔŠŤÚÝŽ",
    "pl": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",
    "de": "äöüßÄÖÜ",
}
_WORDS = st.one_of(
    *(
        st.text(st.sampled_from("abcdefghijklmnoprstuvwyz" + letters), min_size=1, max_size=12)
        for letters in _LETTERS.values()
    )
)
LANGUAGE_TEXT = st.lists(
    st.one_of(
        _WORDS, st.sampled_from([" ", ", ", ". ", " – ", " „", "“ ", "\t", " € ", "1 762 400", "-"])
    ),
    max_size=16,
).map("".join)


@FAST
@given(LANGUAGE_TEXT)
def test_correct_sheet_text_is_never_repaired(text: str) -> None:
    assert repair_mojibake(text) == (text, 0)


@FAST
@given(PLAIN_TEXT.filter(lambda t: len(t) >= 4), PLAIN_TEXT.filter(lambda t: len(t) >= 4))
def test_decode_bytes_drops_a_stray_nul(before: str, after: str) -> None:
    decoded = decode_bytes(before.encode("utf-8") + b"\x00" + after.encode("utf-8"))
    assert decoded.text == repair_mojibake(before + after)[0]
    assert ("nul_bytes", "1 NUL character(s) dropped") in decoded.notes


@FAST
@given(st.one_of(SHEET_TEXT, SHEET_ROWS))
def test_recognise_any_sheet_never_raises(text: str) -> None:
    sheet = recognise(read_tsv(text))
    assert isinstance(sheet, Sheet)
    assert all(isinstance(language, str) for language in sheet.languages)
