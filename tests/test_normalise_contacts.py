"""Contacts, phone numbers and honorifics, specified by examples
(CONTRACT.md, "Contacts" and "Phones and faxes").

Names lose academic titles and honorifics (kept in ``raw``), phones and faxes
are E.164, e-mails lower case.  A case the code gets wrong today is a strict
xfail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chemclust_extract.extract import extract_bytes
from chemclust_extract.model import Contact
from chemclust_extract.normalise.contacts import (
    MAX_PHONE_LENGTH,
    ParsedContact,
    looks_like_name,
    parse_contact,
    parse_phone,
    split_people,
    strip_honorifics,
)
from chemclust_extract.normalise.text import clean_text
from chemclust_extract.normalise.urls import EMAIL

FAST = settings(max_examples=300, deadline=None)

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


# --- contact blocks as real sheets write them (CONTRACT.md v1.1, "Contacts") --------
#
# Each block goes through ``split_people`` and ``parse_contact`` as the record
# builder does; the expectation is one ``Who`` per person.  The corpus cases
# are the contact blocks of tests/corpus/ (their pages are named in
# SOURCES-*.md); the others keep the layout, titles, job titles, labels and
# organisations of the public pages named in their ids, with the people's
# names, addresses and numbers made up.

ELLA_REGIO = (
    "Ing. Jakub Jeřábek\nvedoucí oddělení dopravní obslužnosti\nKrajský úřad Ústeckého kraje\n"
    "odbor dopravy a silničního hospodářství\nVelká Hradební 3118/48, 400 02 Ústí nad Labem"
)
LIBERECKY_PEOPLE = (
    "Magda Podsedníková, tel. +420 485 226 926, mobil +420 778 538 444, "
    "magda.podsednikova@kraj-lbc.cz\nJana Frontzová, tel. 485 226 323, jana.frontzova@kraj-lbc.cz"
)
PA4_PEOPLE = (
    "Dr László Perger\nPriority Area Coordinator HU\nMobile: +36 204054613\n\n"
    "Ing. Vladimír Novák\nPriority Area Coordinator SK\nTel: +421 2 5980 6101"
)
INTERREG_BB_PL = (
    "Kierownik Wspólnego Sekretariatu\nPani Ewa Nowacka\nBischofstraße 1a\n"
    "15230 Frankfurt n. Odrą\nNiemcy\ntel. +49 335 60676 9900\nfaks: +49 335 606769909\n"
    "e-mail: Ewa.Nowacka@mdfe.brandenburg.de\n\n"
    "Zastępca Kierownika Wspólnego Sekretariatu\nPani Anna Lis\nBischofstraße 1a\n"
    "15230 Frankfurt n. Odrą\nNiemcy\ntel. +49 335 60676 9901\nfaks: +49 335 606769909\n"
    "e-mail: Anna.Lis@mdfe.brandenburg.de"
)
KTN_EUROPA = (
    "Amt der Kärntner Landesregierung\nAbteilung 1 – Landesamtsdirektion\n"
    "Europäische und internat. Angelegenheiten, EU-Programmkoordination\nMag. Peter MUSTER\n"
    "Mießtaler Straße 1, A-9020 Klagenfurt am Wörthersee\nTel. +43 (0)50536-10100\n"
    "Fax: +43 (0)50536-10140\nE-Mail: peter.muster@ktn.gv.at"
)

BLOCK_EXAMPLES = [
    # the corpus sheets
    pytest.param(ELLA_REGIO, [], (), [(
        "Jakub Jeřábek", "vedoucí oddělení dopravní obslužnosti", "Krajský úřad Ústeckého kraje",
        "odbor dopravy a silničního hospodářství", None, None, None,
    )], id="cs-ella-regio-job-line-under-name-address-only-raw"),
    pytest.param(
        "Liberecký kraj\nodbor regionálního rozvoje a evropských projektů, oddělení dotací", [], (),
        [(None, None, "Liberecký kraj", "odbor regionálního rozvoje a evropských projektů, oddělení dotací",
          None, None, None)],
        id="cs-tp-liberecky-kraj-kontaktni-misto-organisation-only",
    ),
    pytest.param(LIBERECKY_PEOPLE, [], (), [
        ("Magda Podsedníková", None, None, None, "magda.podsednikova@kraj-lbc.cz", "+420485226926", None),
        ("Jana Frontzová", None, None, None, "jana.frontzova@kraj-lbc.cz", "+420485226323", None),
    ], id="cs-tp-liberecky-kraj-two-people-one-line-each-mobile-not-the-phone"),
    pytest.param(PA4_PEOPLE, [], (), [
        ("László Perger", "Priority Area Coordinator HU", None, None, None, "+36204054613", None),
        ("Vladimír Novák", "Priority Area Coordinator SK", None, None, None, "+421259806101", None),
    ], id="en-pa4-pac-blank-line-between-people-job-holding-a-job-word"),
    pytest.param(
        "Bernadette Fraberger\nRegionalmanagement NÖ, Büro Waldviertel\nTelefon 0676/812 20 340\n"
        "E-Mail: bernadette.fraberger@rm-waldviertel.at", ["CZ"], (),
        [("Bernadette Fraberger", None, "Regionalmanagement NÖ, Büro Waldviertel", None,
          "bernadette.fraberger@rm-waldviertel.at", "+4367681220340", None)],
        id="en-recom-czat-organisation-line-at-domain-before-sheet-hint",
    ),
    pytest.param(
        "Észak-dunántúli Vízügyi Igazgatóság\nEmail: titkarsag@eduvizig.hu", [],
        ("Észak-dunántúli Vízügyi Igazgatóság",),
        [(None, None, "Észak-dunántúli Vízügyi Igazgatóság", None, "titkarsag@eduvizig.hu", None, None)],
        id="en-so23-water-organisation-named-as-a-partner",
    ),
    pytest.param("Alexander Dietz", [], (), [("Alexander Dietz", None, None, None, None, None, None)],
                 id="plde-kpf-egrensis-name-alone"),
    pytest.param(
        "Alexander Dietz\nRegion: Oberfranken", [], (),
        [("Alexander Dietz", None, None, None, None, None, None)],
        id="plde-kpf-egrensis-another-label-below-is-no-organisation",
    ),
    pytest.param(
        "Frau Markéta Knoppik\nReferentin für deutsch-tschechische Zusammenarbeit\nAktion Zivilcourage e.V.\n"
        "E-Mail: m.knoppik@aktion-zivilcourage.de", [], (),
        [("Markéta Knoppik", "Referentin für deutsch-tschechische Zusammenarbeit", "Aktion Zivilcourage e.V.",
          None, "m.knoppik@aktion-zivilcourage.de", None, None)],
        id="plde-zusammenhalt-job-line-then-legal-form",
    ),
    # Czech pages
    pytest.param(
        "Ředitel odboru\nRNDr. Jiří Horák\n+420 224 86 2200\njiri.horak@mmr.cz", [], (),
        [("Jiří Horák", "Ředitel odboru", None, None, "jiri.horak@mmr.cz", "+420224862200", None)],
        id="cs-mmr-kontakty-job-above-the-name",
    ),
    pytest.param(
        "Bc. Petra Malá (Nová)\npetra.nova@kraj-lbc.cz\nTelefon: 485226300\nMobil: 739541600", [], (),
        [("Petra Malá (Nová)", None, None, None, "petra.nova@kraj-lbc.cz", "+420485226300", None)],
        id="cs-kraj-lbc-aktuality-former-surname-in-brackets",
    ),
    pytest.param(
        "Mobil: 739 541 600, Tel.: 485 226 300, Jan Novák", ["CZ"], (),
        [("Jan Novák", None, None, None, None, "+420485226300", None)],
        id="cs-mobile-first-but-the-phone-wins",
    ),
    pytest.param(
        "Ing. Jan Novák\njan.novak@kr-ustecky.cz\nMgr. Eva Malá\neva.mala@kr-ustecky.cz", [], (),
        [("Jan Novák", None, None, None, "jan.novak@kr-ustecky.cz", None, None),
         ("Eva Malá", None, None, None, "eva.mala@kr-ustecky.cz", None, None)],
        id="cs-titled-line-after-a-person-with-an-email",
    ),
    pytest.param(
        "Jan Novák\njan.novak@kr-ustecky.cz\nEva Malá\neva.mala@kr-ustecky.cz", [], (),
        [("Jan Novák", None, None, None, "jan.novak@kr-ustecky.cz", None, None),
         ("Eva Malá", None, None, None, "eva.mala@kr-ustecky.cz", None, None)],
        id="cs-two-names-each-with-their-own-email",
    ),
    pytest.param(
        "Ing. Jan Novák, vedoucí odboru; Mgr. Eva Malá, referentka", [], (),
        [("Jan Novák", "vedoucí odboru", None, None, None, None, None),
         ("Eva Malá", "referentka", None, None, None, None, None)],
        id="cs-semicolon-name-position-pairs",
    ),
    pytest.param(
        "Statutární město Most\nOdbor rozvoje a investic\ntel.: 476 448 111", ["CZ"], (),
        [(None, None, "Statutární město Most", "Odbor rozvoje a investic", None, "+420476448111", None)],
        id="cs-town-over-its-department-no-person",
    ),
    pytest.param(
        "Jan Novák Krajský úřad Ústeckého kraje", [], (),
        [(None, None, "Jan Novák Krajský úřad Ústeckého kraje", None, None, None, None)],
        id="cs-run-together-with-an-office-word-is-no-name",
    ),
    # German and Austrian pages
    pytest.param(
        "Euroregion Neisse e.V.\nBeata M. Musterova, Projektkoordinatorin Kleinprojektefonds Sachsen-Polen\n"
        "Portsmouther Weg 1\n02763 Zittau\nTel. 03583 - 57 50 13", ["DE"], (),
        [("Beata M. Musterova", "Projektkoordinatorin Kleinprojektefonds Sachsen-Polen",
          "Euroregion Neisse e.V.", None, None, "+493583575013", None)],
        id="de-goerlitzer-anzeiger-euroregion-name-comma-job-address-lines",
    ),
    pytest.param(
        "EUROREGION NEISSE e. V.\nPortsmouther Weg 1, 02763 Zittau\nTel. 03583 - 57 50 13 und 57 50 00\n"
        "http://www.neisse-nisa-nysa.org", ["DE"], (),
        [(None, None, "EUROREGION NEISSE e. V.", None, None, "+493583575013", None)],
        id="de-goerlitzer-anzeiger-organisation-only-second-number-left-out",
    ),
    pytest.param(
        "Mag. (FH) Eva Muster\nBüro Eisenstadt - Leitung Verwaltungsbehörde INTERREG V-A AT-HU\n"
        "Telefon +43 5 9010 2400\nMobil +43 676 8704 24800\nE-Mail: eva.muster@rmb.at", [], (),
        [("Eva Muster", None, "Büro Eisenstadt - Leitung Verwaltungsbehörde INTERREG V-A AT-HU", None,
          "eva.muster@rmb.at", "+43590102400", None)],
        id="at-rmb-verwaltungsbehoerde-fh-title-office-line",
    ),
    pytest.param(
        "Mag. (FH) Andrea Rainer Muster\nTel: + 43 (0) 1 53 53 444-16\nE-Mail: muster@oerok.gv.at", [], (),
        [("Andrea Rainer Muster", None, None, None, "muster@oerok.gv.at", "+431535344416", None)],
        id="at-oerok-ncp-spaced-country-code",
    ),
    pytest.param(KTN_EUROPA, [], (), [(
        "Peter MUSTER", None, "Amt der Kärntner Landesregierung",
        "Abteilung 1 – Landesamtsdirektion, Europäische und internat. Angelegenheiten, EU-Programmkoordination",
        "peter.muster@ktn.gv.at", "+435053610100", "+435053610140",
    )], id="at-ktn-europa-office-department-and-its-unit-name-below"),
    pytest.param(
        "Gemeinsames Sekretariat für das Programm INTERREG CENTRAL EUROPE\nKirchberggasse 33-35/11\n"
        "1070 Wien\nÖsterreich\nTel: + 43 (0) 1 8908 088 - 2403\nE-Mail: info@interreg-central.eu", ["AT"], (),
        [(None, None, "Gemeinsames Sekretariat für das Programm INTERREG CENTRAL EUROPE", None,
          "info@interreg-central.eu", "+43189080882403", None)],
        id="at-oerok-joint-secretariat-address-and-country-only-raw",
    ),
    pytest.param(
        "Stadt Wien,  Abt. für EU-Strategie und Wirtschaftsentwicklung\nSchlesingerplatz 2-4\n1080 Wien\n"
        "Österreich\nTel. +43 (0) 1 4000 27060", [], (),
        [(None, None, "Stadt Wien", "Abt. für EU-Strategie und Wirtschaftsentwicklung", None,
          "+431400027060", None)],
        id="at-oerok-managing-authority-town-comma-department",
    ),
    pytest.param(
        "Projektmanager Interreg\nMax Mustermann\nTel.: 0351 2612 300", ["DE"], (),
        [("Max Mustermann", "Projektmanager Interreg", None, None, None, "+493512612300", None)],
        id="de-line-opening-with-a-job-is-the-job",
    ),
    pytest.param(
        "Ihre Ansprechpartnerin\nMag. (FH) Eva Muster\nTel.: +43 676 870424800", [], (),
        [("Eva Muster", None, None, None, None, "+43676870424800", None)],
        id="de-ansprechpartnerin-is-a-label-word-not-a-name-or-job",
    ),
    # Polish pages
    pytest.param(INTERREG_BB_PL, [], (), [
        ("Ewa Nowacka", "Kierownik Wspólnego Sekretariatu", None, None,
         "ewa.nowacka@mdfe.brandenburg.de", "+49335606769900", "+49335606769909"),
        ("Anna Lis", "Zastępca Kierownika Wspólnego Sekretariatu", None, None,
         "anna.lis@mdfe.brandenburg.de", "+49335606769901", "+49335606769909"),
    ], id="pl-interregva-bb-pl-wspolny-sekretariat-job-first-address-country-raw"),
    pytest.param(
        "Wójt Gminy Żegocina\nJan Kowal", [], (),
        [("Jan Kowal", "Wójt Gminy Żegocina", None, None, None, None, None)],
        id="pl-zegocina-wojt-job-line-then-name",
    ),
    pytest.param(
        "Urząd Gminy Sulików\nWydział Rozwoju\ntel. kom. 601 200 300\ntel. 75 778 82 00", ["PL"], (),
        [(None, None, "Urząd Gminy Sulików", "Wydział Rozwoju", None, "+48757788200", None)],
        id="pl-office-only-tel-kom-is-not-the-phone",
    ),
    pytest.param(
        "mgr Anna Nowak, koordynator projektu; mgr inż. Jan Kowalski, specjalista", ["PL"], (),
        [("Anna Nowak", "koordynator projektu", None, None, None, None, None),
         ("Jan Kowalski", "specjalista", None, None, None, None, None)],
        id="pl-semicolon-name-position-pairs",
    ),
    # English pages
    pytest.param(
        'Head of Unit "International Cooperation"\nMs Natalia Muster', [], (),
        [("Natalia Muster", 'Head of Unit "International Cooperation"', None, None, None, None, None)],
        id="en-tu-dresden-epc-job-above-the-name",
    ),
    pytest.param(
        "Joint Secretariat\nTel.: +36 99 512-710", [], (),
        [(None, None, "Joint Secretariat", None, None, "+3699512710", None)],
        id="en-raabstat-joint-secretariat-organisation-only",
    ),
    pytest.param(
        "John Smith\nTel: +44 1642 524 400\nTees Valley JSU", [], (),
        [("John Smith", None, "Tees Valley JSU", None, None, "+441642524400", None)],
        id="en-a-name-like-organisation-after-the-phone-is-no-second-person",
    ),
    pytest.param(
        "Dr Jane Doe, Project Officer; Mr John Smith, Communication officer", [], (),
        [("Jane Doe", "Project Officer", None, None, None, None, None),
         ("John Smith", "Communication officer", None, None, None, None, None)],
        id="en-semicolon-people",
    ),
    pytest.param(
        "Ing. Vladimír Novák\nPriority Area Coordinator SK\nTel: +421 2 5980 6101\n"
        "Target groups PA4 Steering Group Members, National Authorities focusing on water management issues, "
        "international organisations and other interested stakeholders, NGOs related to water quality.",
        [], (),
        [("Vladimír Novák", "Priority Area Coordinator SK", None, None, None, "+421259806101", None)],
        id="en-pa4-pac-running-text-below-is-no-organisation",
    ),
]  # fmt: skip


def who(c: Contact) -> Who:
    return (c.name, c.position, c.organisation, c.department, c.email, c.phone, c.fax)


@pytest.mark.parametrize(("text", "regions", "organisations", "expected"), BLOCK_EXAMPLES)
def test_contact_blocks(
    text: str, regions: Sequence[str], organisations: Sequence[str], expected: list[Who]
) -> None:
    people = split_people(text)
    parsed = [parse_contact(person, regions, (), organisations) for person in people]
    assert [who(p.contact) for p in parsed if p is not None] == expected


RAW_EXAMPLES = [
    pytest.param(LIBERECKY_PEOPLE, [
        "Magda Podsedníková, tel. +420 485 226 926, mobil +420 778 538 444, magda.podsednikova@kraj-lbc.cz",
        "Jana Frontzová, tel. 485 226 323, jana.frontzova@kraj-lbc.cz",
    ], id="cs-tp-liberecky-kraj-one-raw-per-person"),
    pytest.param(PA4_PEOPLE, [
        "Dr László Perger Priority Area Coordinator HU Mobile: +36 204054613",
        "Ing. Vladimír Novák Priority Area Coordinator SK Tel: +421 2 5980 6101",
    ], id="en-pa4-pac-titles-kept"),
    pytest.param(ELLA_REGIO, [
        "Ing. Jakub Jeřábek vedoucí oddělení dopravní obslužnosti Krajský úřad Ústeckého kraje "
        "odbor dopravy a silničního hospodářství Velká Hradební 3118/48, 400 02 Ústí nad Labem",
    ], id="cs-ella-regio-address-kept"),
    pytest.param("Ing. Jan Novák, vedoucí odboru; Mgr. Eva Malá, referentka",
                 ["Ing. Jan Novák, vedoucí odboru", "Mgr. Eva Malá, referentka"], id="cs-semicolon"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "raws"), RAW_EXAMPLES)
def test_raw_is_each_persons_text_as_written(text: str, raws: list[str]) -> None:
    parsed = [parse_contact(person) for person in split_people(text)]
    assert [p.contact.raw for p in parsed if p is not None] == raws


SPLIT_EXAMPLES = [
    # (block, how many people)
    pytest.param("Jan Novák\njan@kraj.cz\n\nEva Malá\neva@kraj.cz", 2, id="blank-line"),
    pytest.param("Jan Novák\nTel: 475 657 938\nE-mail: jan@kraj.cz", 1, id="cs-one-person-parts-below"),
    pytest.param("Jan Novák\nReferent\njan@kraj.cz\nEva Malá\nReferentka\neva@kraj.cz", 2,
                 id="cs-name-job-email-twice"),
    pytest.param("Jan Novák\njan@kraj.cz\nKrajský úřad Ústeckého kraje", 1, id="cs-office-after-the-email"),
    pytest.param("Jan Novák\njan@kraj.cz\nEva Malá", 1, id="cs-bare-name-without-its-own-email"),
    pytest.param("Jan Novák\nEva Malá\njan@kraj.cz", 1, id="cs-second-name-before-any-email"),
    pytest.param("Jan Novák; Krajský úřad Ústeckého kraje; tel. 475 657 938", 1,
                 id="cs-semicolons-in-one-persons-line"),
    pytest.param("Ing. Jan Novák, vedoucí odboru; Mgr. Eva Malá, referentka; Petr Dvořák", 3,
                 id="cs-three-people-on-a-line"),
    pytest.param("Frau Anna Schmidt\nTel. 0351 564 8350\nHerr Klaus Weber\nTel. 0351 564 8351", 2,
                 id="de-honorific-opens-the-next-person"),
    pytest.param("mgr Anna Nowak\ntel. 22 597 32 00\nUrząd Marszałkowski Województwa Mazowieckiego", 1,
                 id="pl-office-after-the-phone"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "count"), SPLIT_EXAMPLES)
def test_split_people(text: str, count: int) -> None:
    assert len(split_people(text)) == count


NAME_EXAMPLES = [
    pytest.param("Špoták Dalibor", True, id="cs-seed-surname-first"),
    pytest.param("Ing. Jakub Jeřábek", True, id="cs-titled"),
    pytest.param("Petra Malá (Nová)", True, id="cs-former-surname-in-brackets"),
    pytest.param("Armin SCHABUS", True, id="de-surname-in-capitals"),
    pytest.param("Beata M. Musterova", True, id="pl-initial"),
    pytest.param("Jan van der Berg", True, id="en-particles"),
    pytest.param("Mary-Ann O'Neill", True, id="en-hyphen-apostrophe"),
    pytest.param("Liberecký kraj", False, id="cs-region"),
    pytest.param("Krajský úřad Ústeckého kraje", False, id="cs-office"),
    pytest.param("Statutární město Most", False, id="cs-town"),
    pytest.param("Aktion Zivilcourage e.V.", False, id="de-legal-form"),
    pytest.param("Stadt Wien", False, id="de-town"),
    pytest.param("Landkreis Görlitz", False, id="de-district"),
    pytest.param("Ihre Ansprechpartnerin", False, id="de-contact-label"),
    pytest.param("Urząd Gminy Sulików", False, id="pl-office"),
    pytest.param("Gmina Węgierska Górka", False, id="pl-commune"),
    pytest.param("Cheshire West and Chester Council", False, id="en-council"),
    pytest.param("Joint Secretariat", False, id="en-secretariat"),
    pytest.param("Észak-dunántúli Vízügyi Igazgatóság", False, id="hu-lower-case-after-hyphen"),
    pytest.param("Priority Area Coordinator HU", False, id="en-job"),
    pytest.param("Velká Hradební 3118/48", False, id="cs-street-number"),
    pytest.param("Home » Projects & Grants » RIAT-CZ", False, id="en-breadcrumb"),
    pytest.param("Alexander", False, id="one-word"),
    pytest.param("jan novák", False, id="lower-case"),
    pytest.param("jan@kraj.cz", False, id="email"),
    pytest.param("", False, id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), NAME_EXAMPLES)
def test_looks_like_name(text: str, expected: bool) -> None:
    assert looks_like_name(text) is expected


# --- the phone hint order, end to end (CONTRACT.md v1.1 "Contacts") -----------------
#
# "267 760 436" is a valid number in CZ, PL, DE and AT alike, so the country
# it is read with shows which hint won: the e-mail's country domain, then
# the national partner's country, then the lead partner's, then the
# labels' language.

LOCAL = "267 760 436"
HINT_EXAMPLES = [
    pytest.param(
        f"Projekt\tX\nNárodní partner\tStadt Görlitz (DE)\nKontaktní osoba\tJan Novák, Tel: {LOCAL}, "
        "novak@example.at\n", "+43267760436", id="cs-email-domain-first",
    ),
    pytest.param(
        f"Projekt\tX\nNárodní partner\tStadt Görlitz (DE)\nKontaktní osoba\tJan Novák, Tel: {LOCAL}, "
        "novak@example.eu\n", "+49267760436", id="cs-eu-domain-gives-none-national-partner-next",
    ),
    pytest.param(
        f"Projekt\tX\nNárodní partner\tGmina Sulików (PL)\nVedoucí partner\tStadt Görlitz (DE)\n"
        f"Kontaktní osoba\tJan Novák, Tel: {LOCAL}\n", "+48267760436", id="cs-national-before-lead",
    ),
    pytest.param(
        f"Projekt\tX\nVedoucí partner\tStadt Görlitz (DE)\nKontaktní osoba\tJan Novák, Tel: {LOCAL}\n",
        "+49267760436", id="cs-lead-partner-before-the-labels-language",
    ),
    pytest.param(
        f"Projekt\tX\nPartneři projektu\n1\tStadt Görlitz (DE) (Lead Partner)\n2\tMěsto Liberec (CZ)\n"
        f"Kontaktní osoba\tJan Novák, Tel: {LOCAL}\n", "+49267760436", id="cs-lead-marked-in-the-list",
    ),
    pytest.param(
        f"Projekt\tX\nNárodní partner\tStadt Görlitz\nPartneři projektu\n1\tStadt Görlitz (DE)\n"
        f"Kontaktní osoba\tJan Novák, Tel: {LOCAL}\n", "+49267760436",
        id="cs-national-partner-country-from-the-partner-list",
    ),
    pytest.param(f"Projekt\tX\nKontaktní osoba\tJan Novák, Tel: {LOCAL}\n", "+420267760436",
                 id="cs-labels-language-last"),
    pytest.param(f"Projekt\tX\nAnsprechpartner\tJan Novák, Tel: {LOCAL}\n", "+49267760436",
                 id="de-labels-language"),
    pytest.param(f"Akronim\tX\nOsoba kontaktowa\tJan Nowak, tel. {LOCAL}\n", "+48267760436",
                 id="pl-labels-language"),
    pytest.param(f"Project acronym\tX\nContact person\tJohn Smith, Tel: {LOCAL}\n", None,
                 id="en-no-hint-no-phone"),
]  # fmt: skip


@pytest.mark.parametrize(("sheet", "phone"), HINT_EXAMPLES)
def test_phone_hint_order(sheet: str, phone: str | None) -> None:
    record = extract_bytes(sheet.encode(), "sheet.tsv")
    assert [c.phone for c in record.contacts] == [phone]


# --- any text ------------------------------------------------------------------------

# Pieces of real contact blocks in any order: names, titles, jobs, offices,
# labels, numbers, addresses and separators.
CONTACT_PIECES = [
    "Ing. ", "Frau ", "mgr ", "Jan Novák", "Eva Malá", "Referent", "vedoucí odboru", "Kierownik ",
    "Krajský úřad", "Liberecký kraj", "Aktion e.V.", "Odbor dopravy", "Abteilung 4", "Tel: ",
    "Mobil: ", "Fax ", "+420 475 657 938", "0351 2612 300", "jan@kraj.cz", "E-Mail: ",
    "Region: X", "3118/48", "400 02 Ústí", "Niemcy", "(Nová)", ", ", "; ", ": ", "\n", "\n\n", " ",
]  # fmt: skip
CONTACT_TEXT = st.lists(st.sampled_from(CONTACT_PIECES), max_size=30).map("".join)


@FAST
@given(st.one_of(st.text(), CONTACT_TEXT), st.sampled_from([(), ("CZ",), ("DE", "PL")]))
def test_any_text_gives_a_contact_or_none(text: str, regions: Sequence[str]) -> None:
    parsed = parse_contact(text, regions, (), ("Město Liberec",))
    assert parsed is None or isinstance(parsed, ParsedContact)
    if parsed is not None:
        name = parsed.contact.name
        assert name is None or ("@" not in name and looks_like_name(name))
        assert parsed.contact.raw == clean_text(text)


@FAST
@given(st.one_of(st.text(), CONTACT_TEXT))
def test_splitting_people_loses_no_text(text: str) -> None:
    """Only white space and the separators between people go: ";", and the
    comma between two people with an e-mail each."""
    people = split_people(text)
    assert re.sub(r"[\s;,]", "", "".join(people)) == re.sub(r"[\s;,]", "", text)
    if len(EMAIL.findall(text)) < 2:
        assert re.sub(r"[\s;]", "", "".join(people)) == re.sub(r"[\s;]", "", text)


# Several people on one line, each with an e-mail, between commas.
@pytest.mark.parametrize(
    ("text", "names", "emails"),
    [
        pytest.param(
            "Jan Novák (jan@x.cz), Eva Malá (eva@x.cz)",
            ["Jan Novák", "Eva Malá"], ["jan@x.cz", "eva@x.cz"], id="bracketed-emails",
        ),
        pytest.param(
            "Jan Novák jan@x.cz, Eva Malá eva@x.cz",
            ["Jan Novák", "Eva Malá"], ["jan@x.cz", "eva@x.cz"], id="emails-after-names",
        ),
        pytest.param(
            "Ing. Jan Novák (jan@x.cz, tel. 475 111 222), Mgr. Eva Malá (eva@x.cz)",
            ["Jan Novák", "Eva Malá"], ["jan@x.cz", "eva@x.cz"], id="titles-and-a-phone-in-brackets",
        ),
        pytest.param(
            "Jan Novák, referent, jan@x.cz, tel. 475 111 222",
            ["Jan Novák"], ["jan@x.cz"], id="one-person-with-commas",
        ),
    ],
)  # fmt: skip
def test_people_with_an_email_each_on_one_line(text: str, names: list[str], emails: list[str]) -> None:
    contacts = [parse_contact(p, ["CZ"]) for p in split_people(text)]
    assert [c.contact.name for c in contacts if c] == names
    assert [c.contact.email for c in contacts if c] == emails
    assert all(c.contact.organisation is None for c in contacts if c)
