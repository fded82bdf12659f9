"""Contacts, phone numbers and honorifics, specified by examples
(CONTRACT.md, "Contacts" and "Phones and faxes").

Names lose academic titles and honorifics (kept in ``raw``), phones and faxes
are E.164, e-mails lower case.  A case the code gets wrong today is a strict
xfail.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from chemclust_extract.normalise.contacts import (
    MAX_PHONE_LENGTH,
    parse_contact,
    parse_phone,
    strip_honorifics,
)
from chemclust_extract.normalise.text import clean_text

SEED_CONTACT = (
    "Špoták Dalibor Referent KÚÚK Odbor podpory průmyslu a podnikání "
    "Mail: spotak.d@kr-ustecky.cz Tel: +420 475657938 Fax: +420 475200245"
)

# (name, position, organisation, department, email, phone, fax)
Who = tuple[str | None, str | None, str | None, str | None, str | None, str | None, str | None]

CONTACT_EXAMPLES = [
    # from the contract
    pytest.param(
        SEED_CONTACT,
        (),
        (
            "Špoták Dalibor",
            "Referent",
            "KÚÚK",
            "Odbor podpory průmyslu a podnikání",
            "spotak.d@kr-ustecky.cz",
            "+420475657938",
            "+420475200245",
        ),
        id="contract-seed-run-together",
    ),
    # Czech sheets
    pytest.param(
        "Ing. Jana Nováková, Ph.D.\nProjektová manažerka\nTel.: 475 657 111",
        ["CZ"],
        ("Jana Nováková", "Projektová manažerka", None, None, None, "+420475657111", None),
        id="cs-lines-region-from-sheet",
    ),
    pytest.param(
        "Mgr. Petr Novák, Krajský úřad Ústeckého kraje, E-mail: Novak.P@KR-Ustecky.cz, "
        "Tel.: 475 657 222",
        [],
        (
            "Petr Novák",
            None,
            "Krajský úřad Ústeckého kraje",
            None,
            "novak.p@kr-ustecky.cz",
            "+420475657222",
            None,
        ),
        id="cs-commas-region-from-email",
    ),
    pytest.param(
        "Jan Novák\nE-mail: novak@kr-ustecky.cz\nTel: 475 657 938",
        ["DE"],
        ("Jan Novák", None, None, None, "novak@kr-ustecky.cz", "+420475657938", None),
        id="cs-email-domain-beats-partner-country",
    ),
    pytest.param(
        "Jan Novák, mobil: 602 123 456",
        ["CZ"],
        ("Jan Novák", None, None, None, None, "+420602123456", None),
        id="cs-mobil-label",
    ),
    pytest.param(
        "Jan Novák, Tel: 475 657 938, Fax: 475 657 939",
        ["CZ"],
        ("Jan Novák", None, None, None, None, "+420475657938", "+420475657939"),
        id="cs-phone-and-fax-without-country-code",
    ),
    pytest.param(
        "Jan Novák, tel: +420 475 657 938, NOVAK@KR-USTECKY.CZ",
        [],
        ("Jan Novák", None, None, None, "novak@kr-ustecky.cz", "+420475657938", None),
        id="cs-upper-case-email-lowered",
    ),
    # German
    pytest.param(
        "Frau Dr. Anna Schmidt\nProjektleiterin\nMinisterium für Wirtschaft und Arbeit\n"
        "Abteilung 4\nTelefon: 0391 567-4321\nE-Mail: anna.schmidt@mw.sachsen-anhalt.de",
        [],
        (
            "Anna Schmidt",
            "Projektleiterin",
            "Ministerium für Wirtschaft und Arbeit",
            "Abteilung 4",
            "anna.schmidt@mw.sachsen-anhalt.de",
            "+493915674321",
            None,
        ),
        id="de-lines-region-from-email",
    ),
    pytest.param(
        "Herr Klaus Weber, Referent, Tel. (0391) 567 4300, Fax (0391) 567 4301, "
        "klaus.weber@mw.sachsen-anhalt.de",
        [],
        (
            "Klaus Weber",
            "Referent",
            None,
            None,
            "klaus.weber@mw.sachsen-anhalt.de",
            "+493915674300",
            "+493915674301",
        ),
        id="de-commas-bare-email",
    ),
    pytest.param(
        "Dr. Hans Müller, Tel.: +49 391 567 4321",
        [],
        ("Hans Müller", None, None, None, None, "+493915674321", None),
        id="de-international-phone",
    ),
    # Polish
    pytest.param(
        "mgr Anna Nowak\nKoordynator projektu\nUrząd Marszałkowski Województwa Mazowieckiego\n"
        "Wydział Rozwoju\ntel. 22 597 32 00\nfaks 22 597 32 01\ne-mail: A.Nowak@mazovia.pl",
        [],
        (
            "Anna Nowak",
            "Koordynator projektu",
            "Urząd Marszałkowski Województwa Mazowieckiego",
            "Wydział Rozwoju",
            "a.nowak@mazovia.pl",
            "+48225973200",
            "+48225973201",
        ),
        id="pl-lines-faks",
    ),
    # English programme sites
    pytest.param(
        "Mr John Smith, Project Manager, Cheshire West and Chester Council, "
        "Tel: +44 1244 977100, Email: John.Smith@cheshirewestandchester.gov.uk",
        [],
        (
            "John Smith",
            "Project Manager",
            "Cheshire West and Chester Council",
            None,
            "john.smith@cheshirewestandchester.gov.uk",
            "+441244977100",
            None,
        ),
        id="en-commas",
    ),
    pytest.param(
        "Mr John Smith\nProject Manager\nTel: 01244 977100\n"
        "Email: john.smith@cheshirewestandchester.gov.uk",
        [],
        (
            "John Smith",
            "Project Manager",
            None,
            None,
            "john.smith@cheshirewestandchester.gov.uk",
            "+441244977100",
            None,
        ),
        id="en-uk-domain-gives-gb",
    ),
    pytest.param(
        "John Smith, Project Officer, Tees Valley JSU, john.smith@teesvalley.gov.uk, 01642 524 400",
        [],
        (
            "John Smith",
            "Project Officer",
            "Tees Valley JSU",
            None,
            "john.smith@teesvalley.gov.uk",
            "+441642524400",
            None,
        ),
        id="en-unlabelled-phone",
    ),
    pytest.param(
        "Project Manager: Ms. Jane Doe, jane.doe@example.eu",
        [],
        ("Jane Doe", "Project Manager", None, None, "jane.doe@example.eu", None, None),
        id="en-position-first",
    ),
]


@pytest.mark.parametrize(("text", "regions", "expected"), CONTACT_EXAMPLES)
def test_parse_contact(text: str, regions: Sequence[str], expected: Who) -> None:
    parsed = parse_contact(text, regions)
    assert parsed is not None
    c = parsed.contact
    assert (c.name, c.position, c.organisation, c.department, c.email, c.phone, c.fax) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(SEED_CONTACT, id="contract-seed"),
        pytest.param("Ing. Jana Nováková, Ph.D.\nProjektová manažerka", id="cs-titles-in-raw"),
        pytest.param("Frau Dr. Anna Schmidt\nProjektleiterin", id="de-honorific-in-raw"),
    ],
)
def test_raw_keeps_the_block_as_written(text: str) -> None:
    parsed = parse_contact(text)
    assert parsed is not None
    assert parsed.contact.raw == clean_text(text)


PROBLEM_EXAMPLES = [
    # from the contract: no country code and no hint -> null with a warning
    pytest.param("Jan Novák Tel: 475 657 938", [], None, [("phone", "no_region")], id="no-region"),
    pytest.param("Jan Novák Tel: 475 657 938", ["CZ"], "+420475657938", [], id="region-hint"),
    pytest.param(
        "Jan Novák, Fax: 475 657 939", [], None, [("fax", "no_region")], id="fax-no-region"
    ),
    pytest.param(SEED_CONTACT, [], "+420475657938", [], id="contract-seed-no-problem"),
    pytest.param(
        "Jan Novák, Tel: 475 657 938 / 602 123 456",
        ["CZ"],
        None,
        [("phone", "unparsed")],
        id="two-numbers-in-one-value",
    ),
    pytest.param(
        "Jan Novák, Tel: 12 34",
        ["CZ"],
        None,
        [("phone", "unparsed")],
        id="short-labelled-number-warns",
    ),
]


@pytest.mark.parametrize(("text", "regions", "phone", "problems"), PROBLEM_EXAMPLES)
def test_parse_contact_reports_unread_numbers(
    text: str, regions: Sequence[str], phone: str | None, problems: list[tuple[str, str]]
) -> None:
    parsed = parse_contact(text, regions)
    assert parsed is not None
    assert parsed.contact.phone == phone
    assert [(field, code) for field, code, _ in parsed.problems] == problems


@pytest.mark.parametrize("text", [None, "", "   ", "\n\t\n"])
def test_parse_contact_of_nothing_is_none(text: str | None) -> None:
    assert parse_contact(text) is None


PHONE_EXAMPLES = [
    # from the contract
    pytest.param("+420 475657938", (), "+420475657938", id="contract-seed-phone"),
    pytest.param("+420 475200245", (), "+420475200245", id="contract-seed-fax"),
    # Czech sheets
    pytest.param("+420 475 657 938", (), "+420475657938", id="cs-grouped"),
    pytest.param("00420 475657938", (), "+420475657938", id="cs-double-zero"),
    pytest.param("475 657 938", ["CZ"], "+420475657938", id="cs-hint"),
    pytest.param("475/657 938", ["CZ"], "+420475657938", id="cs-slash"),
    pytest.param("602 123 456", ["CZ"], "+420602123456", id="cs-mobile"),
    pytest.param("475 657 938", (), None, id="cs-no-hint"),
    pytest.param("475 657 938", ["CZ", "DE"], "+420475657938", id="cs-first-hint-wins"),
    pytest.param(
        "(+420) 475 657 938",
        (),
        "+420475657938",
        id="cs-country-code-in-brackets",
    ),
    pytest.param(
        "0391 567 4321",
        ["CZ"],
        None,
        id="cs-hint-on-a-german-number",
    ),
    # German
    pytest.param("(0391) 567-4321", ["DE"], "+493915674321", id="de-area-code-in-brackets"),
    pytest.param("0391 567 4321", ["DE"], "+493915674321", id="de-trunk-zero"),
    pytest.param("+49 (0)391 5674321", (), "+493915674321", id="de-bracketed-trunk-zero"),
    pytest.param("0049 391 5674321", (), "+493915674321", id="de-double-zero"),
    # Polish
    pytest.param("22 597 32 00", ["PL"], "+48225973200", id="pl-hint"),
    pytest.param("(22) 597 32 00", ["PL"], "+48225973200", id="pl-area-in-brackets"),
    pytest.param("+48 22 597 32 00", (), "+48225973200", id="pl-international"),
    pytest.param("+48 (22) 597-32-00", (), "+48225973200", id="pl-international-dashes"),
    # English programme sites
    pytest.param("+44 1244 977100", (), "+441244977100", id="en-uk"),
    pytest.param("+44 (0) 1244 977100", (), "+441244977100", id="en-uk-bracketed-zero"),
    pytest.param("01244 977100", ["GB"], "+441244977100", id="en-uk-hint"),
    pytest.param("+39 0321 378 111", (), "+390321378111", id="en-italy-keeps-zero"),
    pytest.param("+34 985 98 00 20", (), "+34985980020", id="en-spain"),
    pytest.param(
        "+49 30",
        (),
        None,
        id="de-area-code-alone",
    ),
    pytest.param(
        "112",
        ["DE"],
        None,
        id="de-three-digit-service-number",
    ),
    # not a phone number
    pytest.param("+420 475 65", (), None, id="too-short"),
    pytest.param("12", ["CZ"], None, id="two-digits"),
    pytest.param("abc", ["CZ"], None, id="letters"),
    # longer than any number written out: not read
    pytest.param(
        "+420 475 657 938".ljust(MAX_PHONE_LENGTH), (), "+420475657938", id="long-at-the-cap"
    ),
    pytest.param(
        "+420 475 657 938".ljust(MAX_PHONE_LENGTH + 1), (), None, id="too-long-past-the-cap"
    ),
    pytest.param("+420 " + "475 " * 16_000, (), None, id="too-long-repeated-groups"),
    pytest.param("475 657 938 " * 20, ["CZ"], None, id="too-long-with-a-hint"),
    pytest.param("", ["CZ"], None, id="empty"),
    pytest.param(None, ["CZ"], None, id="none"),
]


@pytest.mark.parametrize(("text", "regions", "expected"), PHONE_EXAMPLES)
def test_parse_phone(text: str | None, regions: Sequence[str], expected: str | None) -> None:
    assert parse_phone(text, regions) == expected


HONORIFIC_EXAMPLES = [
    # from the contract
    pytest.param("Ing. Jana Nováková", "Jana Nováková", id="contract-ing"),
    pytest.param("Mgr. Petr Novák", "Petr Novák", id="contract-mgr"),
    pytest.param("Dr. Hans Müller", "Hans Müller", id="contract-dr"),
    pytest.param("Prof. Jan Dvořák", "Jan Dvořák", id="contract-prof"),
    pytest.param("Jana Nováková, Ph.D.", "Jana Nováková", id="contract-phd"),
    pytest.param("Frau Anna Schmidt", "Anna Schmidt", id="contract-frau"),
    pytest.param("Mr John Smith", "John Smith", id="contract-mr"),
    # Czech sheets
    pytest.param("Ing. Jana Nováková, Ph.D.", "Jana Nováková", id="cs-before-and-after"),
    pytest.param("Prof. Ing. Jan Dvořák, CSc.", "Jan Dvořák", id="cs-stacked-titles"),
    pytest.param("doc. RNDr. Karel Hora, Ph.D.", "Karel Hora", id="cs-doc-rndr"),
    pytest.param("Bc. Eva Svobodová, DiS.", "Eva Svobodová", id="cs-bc-dis"),
    pytest.param("Ing. arch. Jana Malá", "Jana Malá", id="cs-ing-arch"),
    pytest.param("Ing.Jan Novák", "Jan Novák", id="cs-no-space-after-title"),
    pytest.param("Špoták Dalibor", "Špoták Dalibor", id="cs-seed-name-untouched"),
    pytest.param("Pankrác Novák", "Pankrác Novák", id="cs-name-starting-like-pan"),
    pytest.param("Eva Mrsková", "Eva Mrsková", id="cs-name-starting-like-mrs"),
    pytest.param(
        "Mgr. et Mgr. Petr Malý",
        "Petr Malý",
        id="cs-double-degree-et",
    ),
    # German
    pytest.param("Frau Dr. Anna Schmidt", "Anna Schmidt", id="de-frau-dr"),
    pytest.param("Herr Dipl.-Ing. Klaus Weber", "Klaus Weber", id="de-herr-dipl-ing"),
    pytest.param("Prof. Dr.-Ing. Klaus Weber", "Klaus Weber", id="de-prof-dr-ing"),
    pytest.param(
        "Dr. med. Hans Meier",
        "Hans Meier",
        id="de-dr-med",
    ),
    # Polish
    pytest.param("mgr Anna Nowak", "Anna Nowak", id="pl-mgr-lower-case"),
    pytest.param("dr inż. Jan Kowalski", "Jan Kowalski", id="pl-dr-inz"),
    pytest.param("prof. dr hab. Jan Nowak", "Jan Nowak", id="pl-prof-dr-hab"),
    pytest.param("Pani Anna Nowak", "Anna Nowak", id="pl-pani"),
    pytest.param(
        "Prof. Dr. hab. Jan Nowak",
        "Jan Nowak",
        id="pl-dr-dot-hab",
    ),
    # English programme sites
    pytest.param("Mr. John Smith", "John Smith", id="en-mr-dot"),
    pytest.param("Ms. Jane Doe", "Jane Doe", id="en-ms"),
    pytest.param("Dr Jane Doe", "Jane Doe", id="en-dr-no-dot"),
    pytest.param("John Smith, MBA", "John Smith", id="en-mba"),
    pytest.param("Michael Drake", "Michael Drake", id="en-name-starting-like-dr"),
    pytest.param("Ingrid Bergman", "Ingrid Bergman", id="en-name-starting-like-ing"),
]


@pytest.mark.parametrize(("name", "expected"), HONORIFIC_EXAMPLES)
def test_strip_honorifics(name: str, expected: str) -> None:
    assert strip_honorifics(name) == expected
