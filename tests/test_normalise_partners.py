"""Partner rows and country codes, specified by examples (CONTRACT.md,
"Countries").

Countries are ISO 3166-1 alpha-2 upper case (``UK`` -> ``GB``, ``EL`` ->
``GR``); a partner's country code and lead marks are taken out of its name.
A case the code gets wrong today is a strict xfail.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from chemclust_extract.model import Partner
from chemclust_extract.normalise.countries import country_code
from chemclust_extract.normalise.partners import parse_partner, split_partner_name

COUNTRY_EXAMPLES = [
    # from the contract
    pytest.param("UK", "GB", id="contract-uk-is-gb"),
    pytest.param("EL", "GR", id="contract-el-is-gr"),
    pytest.param("DE", "DE", id="contract-alpha-2"),
    pytest.param("uk", "GB", id="contract-lower-case-code-upper-cased"),
    pytest.param("Germany", "DE", id="contract-english-name"),
    pytest.param("Německo", "DE", id="contract-czech-name"),
    pytest.param("Deutschland", "DE", id="contract-german-name"),
    pytest.param("Niemcy", "DE", id="contract-polish-name"),
    # Czech sheets
    pytest.param("CZ", "CZ", id="cs-code"),
    pytest.param("Česká republika", "CZ", id="cs-ceska-republika"),
    pytest.param("ČR", "CZ", id="cs-cr-abbreviation"),
    pytest.param("Česko", "CZ", id="cs-cesko"),
    pytest.param("Velká Británie", "GB", id="cs-velka-britanie"),
    pytest.param("Řecko", "GR", id="cs-recko"),
    pytest.param("Rakousko", "AT", id="cs-rakousko"),
    pytest.param("Polsko", "PL", id="cs-polsko"),
    pytest.param("Nizozemsko", "NL", id="cs-nizozemsko"),
    # German
    pytest.param("Tschechien", "CZ", id="de-tschechien"),
    pytest.param("Tschechische Republik", "CZ", id="de-tschechische-republik"),
    pytest.param("Österreich", "AT", id="de-oesterreich"),
    pytest.param("Griechenland", "GR", id="de-griechenland"),
    pytest.param("Vereinigtes Königreich", "GB", id="de-vereinigtes-koenigreich"),
    pytest.param("Polen", "PL", id="de-polen"),
    pytest.param(
        "Großbritannien",
        "GB",
        id="de-grossbritannien",
    ),
    # Polish
    pytest.param("Polska", "PL", id="pl-polska"),
    pytest.param("Czechy", "CZ", id="pl-czechy"),
    pytest.param("Wielka Brytania", "GB", id="pl-wielka-brytania"),
    pytest.param("Grecja", "GR", id="pl-grecja"),
    pytest.param("Włochy", "IT", id="pl-wlochy"),
    pytest.param("Słowacja", "SK", id="pl-slowacja"),
    # English programme sites
    pytest.param("United Kingdom", "GB", id="en-united-kingdom"),
    pytest.param("Greece", "GR", id="en-greece"),
    pytest.param("Czech Republic", "CZ", id="en-czech-republic"),
    pytest.param("Czechia", "CZ", id="en-czechia"),
    pytest.param("Slovakia", "SK", id="en-slovakia"),
    pytest.param("GERMANY", "DE", id="en-upper-case-name"),
    pytest.param("DEU", "DE", id="en-alpha-3"),
    pytest.param("England", "GB", id="en-england"),
    pytest.param(
        "The Netherlands",
        "NL",
        id="en-the-netherlands",
    ),
    pytest.param(
        "Turkey",
        "TR",
        id="en-turkey",
    ),
    # not a country
    pytest.param("XX", None, id="unknown-code"),
    pytest.param("EU", None, id="eu-is-no-country"),
    pytest.param("Limburg", None, id="region"),
    pytest.param("Saxony-Anhalt", None, id="german-land"),
    pytest.param("Lead Partner", None, id="lead-mark"),
    pytest.param("", None, id="empty"),
    pytest.param("  ", None, id="blank"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), COUNTRY_EXAMPLES)
def test_country_code(text: str | None, expected: str | None) -> None:
    assert country_code(text) == expected


SPLIT_EXAMPLES = [
    # from the contract
    pytest.param(
        "Ministry of Economy and Labour of Saxony-Anhalt (DE) (Lead Partner)",
        ("Ministry of Economy and Labour of Saxony-Anhalt", "DE", True),
        id="contract-seed-lead-partner",
    ),
    pytest.param(
        "Cheshire West and Chester (UK)",
        ("Cheshire West and Chester", "GB", False),
        id="contract-uk-in-brackets",
    ),
    pytest.param(
        "Region of Western Greece (EL)", ("Region of Western Greece", "GR", False), id="contract-el"
    ),
    pytest.param(
        "Ústecký kraj (Lead-partner)", ("Ústecký kraj", None, True), id="contract-lead-hyphen"
    ),
    pytest.param("Ústecký kraj (CZ) (LP)", ("Ústecký kraj", "CZ", True), id="contract-lp"),
    pytest.param(
        "Město Most (CZ) - vedoucí partner",
        ("Město Most", "CZ", True),
        id="contract-vedouci-partner",
    ),
    pytest.param(
        "Urząd Marszałkowski Województwa Mazowieckiego (PL) - Partner wiodący",
        ("Urząd Marszałkowski Województwa Mazowieckiego", "PL", True),
        id="contract-partner-wiodacy",
    ),
    pytest.param(
        "Sächsisches Staatsministerium für Wirtschaft (DE) – Leadpartner",
        ("Sächsisches Staatsministerium für Wirtschaft", "DE", True),
        id="contract-leadpartner",
    ),
    # Czech sheets
    pytest.param("Ústí Region (CZ)", ("Ústí Region", "CZ", False), id="cs-seed-partner"),
    pytest.param(
        "Ústecký kraj (vedoucí partner)", ("Ústecký kraj", None, True), id="cs-lead-in-brackets"
    ),
    pytest.param(
        "Město Liberec, Česká republika",
        ("Město Liberec", "CZ", False),
        id="cs-country-after-comma",
    ),
    pytest.param(
        "Ministerstvo (CZ) – hlavní partner", ("Ministerstvo", "CZ", True), id="cs-hlavni-partner"
    ),
    pytest.param(
        "Ministry of Economy, Medium-sized Businesses and Energy, North Rhine- Westphalia (DE)",
        (
            "Ministry of Economy, Medium-sized Businesses and Energy, North Rhine- Westphalia",
            "DE",
            False,
        ),
        id="cs-seed-commas-in-name",
    ),
    # German
    pytest.param(
        "Leadpartner: Sächsisches Staatsministerium für Wirtschaft",
        ("Sächsisches Staatsministerium für Wirtschaft", None, True),
        id="de-leadpartner-prefix",
    ),
    pytest.param(
        "Sächsisches Staatsministerium für Wirtschaft (Deutschland)",
        ("Sächsisches Staatsministerium für Wirtschaft", "DE", False),
        id="de-country-name-in-brackets",
    ),
    pytest.param(
        "Österreich Werbung (AT)", ("Österreich Werbung", "AT", False), id="de-country-word-in-name"
    ),
    # Polish
    pytest.param("Gmina Zgorzelec (Polska)", ("Gmina Zgorzelec", "PL", False), id="pl-polska"),
    pytest.param(
        "Partner wiodący: Urząd Miasta Łodzi",
        ("Urząd Miasta Łodzi", None, True),
        id="pl-lead-prefix",
    ),
    pytest.param(
        "Mazowieckie Voivodeship (PL)",
        ("Mazowieckie Voivodeship", "PL", False),
        id="pl-seed-partner",
    ),
    # English programme sites
    pytest.param(
        "City of Graz, Austria", ("City of Graz", "AT", False), id="en-country-after-comma"
    ),
    pytest.param("Graz - AT", ("Graz", "AT", False), id="en-code-after-dash"),
    pytest.param(
        "Veneto Region / Italy", ("Veneto Region", "IT", False), id="en-country-after-slash"
    ),
    pytest.param(
        "Lead Partner: City of Magdeburg, Germany",
        ("City of Magdeburg", "DE", True),
        id="en-lead-prefix-and-country",
    ),
    pytest.param(
        "Region Hannover (DE) - LP", ("Region Hannover", "DE", True), id="en-lp-after-dash"
    ),
    pytest.param(
        "Leading Light Ltd (UK)", ("Leading Light Ltd", "GB", False), id="en-leading-is-no-lead"
    ),
    pytest.param(
        "Lead Poisoning Prevention Agency",
        ("Lead Poisoning Prevention Agency", None, False),
        id="en-lead-word-inside-name",
    ),
    pytest.param(
        "Province of Limburg", ("Province of Limburg", None, False), id="en-region-is-no-country"
    ),
    pytest.param("", (None, None, False), id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_EXAMPLES)
def test_split_partner_name(text: str, expected: tuple[str | None, str | None, bool]) -> None:
    assert split_partner_name(text) == expected


PARTNER_EXAMPLES = [
    # from the contract
    pytest.param(
        ["1", "Ministry of Economy and Labour of Saxony-Anhalt (DE) (Lead Partner)"],
        (),
        Partner(1, "Ministry of Economy and Labour of Saxony-Anhalt", "DE", "lead", None),
        id="contract-seed-lead",
    ),
    pytest.param(
        ["5", "Ústí Region (CZ)", "http://www.kr-ustecky.cz/"],
        (),
        Partner(5, "Ústí Region", "CZ", "partner", "http://www.kr-ustecky.cz/"),
        id="contract-seed-website",
    ),
    pytest.param(
        ["6", "Cheshire West and Chester (UK)"],
        (),
        Partner(6, "Cheshire West and Chester", "GB", "partner", None),
        id="contract-seed-uk",
    ),
    pytest.param(
        ["7", "Region of Crete (EL)"],
        (),
        Partner(7, "Region of Crete", "GR", "partner", None),
        id="contract-el",
    ),
    pytest.param(
        ["Lead partner", "Stadt Dresden", "Deutschland"],
        (),
        Partner(None, "Stadt Dresden", "DE", "lead", None),
        id="contract-lone-lead-label-no-number",
    ),
    # Czech sheets
    pytest.param(
        ["1.", "Ústecký kraj", "CZ", "vedoucí partner"],
        (),
        Partner(1, "Ústecký kraj", "CZ", "lead", None),
        id="cs-lead-in-its-own-cell",
    ),
    pytest.param(
        ["1", "Město Most (CZ)", "(LP)"],
        (),
        Partner(1, "Město Most", "CZ", "lead", None),
        id="cs-lp-cell-in-brackets",
    ),
    pytest.param(
        ["Ústecký kraj (CZ)"],
        ["www.kr-ustecky.cz"],
        Partner(None, "Ústecký kraj", "CZ", "partner", "http://www.kr-ustecky.cz"),
        id="cs-link-made-absolute",
    ),
    # German
    pytest.param(
        ["1", "Stadt Dresden (DE)", "Leadpartner"],
        (),
        Partner(1, "Stadt Dresden", "DE", "lead", None),
        id="de-leadpartner-cell",
    ),
    pytest.param(
        ["2", "Land Niedersachsen", "Deutschland"],
        (),
        Partner(2, "Land Niedersachsen", "DE", "partner", None),
        id="de-country-cell",
    ),
    pytest.param(
        ["- Stadt Dresden (DE)"],
        (),
        Partner(None, "Stadt Dresden", "DE", "partner", None),
        id="de-bullet",
    ),
    # Polish
    pytest.param(
        ["1", "Stadt Dresden", "Niemcy", "Partner wiodący"],
        (),
        Partner(1, "Stadt Dresden", "DE", "lead", None),
        id="pl-partner-wiodacy-cell",
    ),
    pytest.param(
        ["P2", "Gmina Zgorzelec", "Polska", "www.zgorzelec.eu"],
        (),
        Partner(2, "Gmina Zgorzelec", "PL", "partner", "http://www.zgorzelec.eu"),
        id="pl-p-number-bare-www",
    ),
    pytest.param(
        ["2", "Gmina Zgorzelec (PL)", "http://www.zgorzelec.eu"],
        ["http://www.zgorzelec.eu/en/"],
        Partner(2, "Gmina Zgorzelec", "PL", "partner", "http://www.zgorzelec.eu/en/"),
        id="pl-link-beats-cell",
    ),
    # English programme sites
    pytest.param(
        ["3) City of Graz, Austria"],
        (),
        Partner(3, "City of Graz", "AT", "partner", None),
        id="en-number-in-the-name-cell",
    ),
    pytest.param(
        ["1. Ministry of Economy (DE) (Lead Partner)"],
        (),
        Partner(1, "Ministry of Economy", "DE", "lead", None),
        id="en-one-line",
    ),
    pytest.param(
        ["PP3", "City of Magdeburg", "Germany"],
        (),
        Partner(3, "City of Magdeburg", "DE", "partner", None),
        id="en-pp-number",
    ),
    pytest.param(
        ["LP", "City of Magdeburg", "DE"],
        (),
        Partner(None, "City of Magdeburg", "DE", "lead", None),
        id="en-lp-cell",
    ),
    pytest.param(
        ["1", "Leading Light Ltd (UK)"],
        (),
        Partner(1, "Leading Light Ltd", "GB", "partner", None),
        id="en-leading-is-no-lead",
    ),
]


@pytest.mark.parametrize(("cells", "links", "expected"), PARTNER_EXAMPLES)
def test_parse_partner(cells: list[str], links: Sequence[str], expected: Partner) -> None:
    assert parse_partner(cells, links) == expected


@pytest.mark.parametrize("cells", [[], [""], ["", "  "], ["\t"]])
def test_parse_partner_of_blank_cells_is_none(cells: list[str]) -> None:
    assert parse_partner(cells) is None
