"""Partner rows and country codes, specified by examples (CONTRACT.md,
"Countries" and "Partner tables").

Countries are ISO 3166-1 alpha-2 upper case (``UK`` -> ``GB``, ``EL`` ->
``GR``); a partner's country code and lead marks are taken out of its name.
Under a header row (``Nr. | Partner | Land | Rolle``) each column goes to
its field and never into the name; brackets that are neither a country nor
a lead mark stay in it.  Case ids name the sheet the wording came from
(``tests/corpus``).  A case the code gets wrong today is a strict xfail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chemclust_extract.assemble import build_record
from chemclust_extract.model import Partner, Source
from chemclust_extract.normalise.countries import country_code
from chemclust_extract.normalise.partners import (
    is_address,
    parse_partner,
    partner_lines,
    read_partner,
    role_of,
    split_partner_name,
)
from chemclust_extract.recognise import Field, Sheet
from chemclust_extract.rows import Row

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
    pytest.param(
        "Město Cheb, náměstí Krále Jiřího z Poděbrad 1/14, 350 02 Cheb",
        ("Město Cheb", None, False),
        id="cs-house-number-with-a-slash",
    ),
    pytest.param(
        "Statutární město Liberec / Statutarne mesto Liberec",
        ("Statutární město Liberec / Statutarne mesto Liberec", None, False),
        id="cs-slash-between-names-stays",
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


SPLIT_WILD_EXAMPLES = [
    # brackets that are no country and no lead mark stay in the name
    pytest.param(
        "Krajský úřad Libereckého kraje (KÚLK)",
        ("Krajský úřad Libereckého kraje (KÚLK)", None, False),
        id="cs-acronym-in-brackets-stays",
    ),
    pytest.param(
        "Upper Silesian Agency for Entrepreneurship Promotion (GAPP)",
        ("Upper Silesian Agency for Entrepreneurship Promotion (GAPP)", None, False),
        id="pl-via-regia-acronym-stays",
    ),
    pytest.param(
        "Agentur für Regionalentwicklung (ARE)",
        ("Agentur für Regionalentwicklung (ARE)", None, False),
        id="de-alpha-3-acronym-stays",
    ),
    pytest.param(
        "Stadt Görlitz (assoziierter Partner)",
        ("Stadt Görlitz (assoziierter Partner)", None, False),
        id="de-associated-in-brackets-stays",
    ),
    pytest.param(
        "Technical University of Vienna (TU Wien)",
        ("Technical University of Vienna (TU Wien)", None, False),
        id="en-danube-hazard-town-in-brackets-stays",
    ),
    pytest.param(
        "statutární město Karviná (bez finanční spoluúčasti), Česká republika",
        ("statutární město Karviná (bez finanční spoluúčasti)", "CZ", False),
        id="cs-cech-a-polak-note-stays-country-goes",
    ),
    # a country's name in brackets goes like a code
    pytest.param(
        "Žilinský samosprávny kraj (Slovensko)",
        ("Žilinský samosprávny kraj", "SK", False),
        id="cs-zlepsenie-slovensko",
    ),
    pytest.param("Kraj Vysočina (Česko)", ("Kraj Vysočina", "CZ", False), id="cs-cord-cesko"),
    pytest.param(
        "Regionalmanagement Oberösterreich GmbH (Rakousko)",
        ("Regionalmanagement Oberösterreich GmbH", "AT", False),
        id="cs-cord-rakousko",
    ),
    pytest.param(
        "Ministry of Foreign Affairs and Trade (Hungary)",
        ("Ministry of Foreign Affairs and Trade", "HU", False),
        id="en-pa4-hungary",
    ),
    pytest.param(
        "NÖ.Regional.GmbH (Österreich)", ("NÖ.Regional.GmbH", "AT", False), id="de-kpf-oesterreich"
    ),
    pytest.param(
        "Südböhmische Silva Nortica (Tschechien)",
        ("Südböhmische Silva Nortica", "CZ", False),
        id="de-kpf-tschechien",
    ),
    # a country's name without brackets or comma is part of the name
    pytest.param(
        "Environment Agency Austria",
        ("Environment Agency Austria", None, False),
        id="en-plasticfreedanube-country-word-in-name",
    ),
    pytest.param("IST Austria", ("IST Austria", None, False), id="en-riat-country-word-in-name"),
    pytest.param(
        "Ministerium für Kultur und nationale Identität Rumänien",
        ("Ministerium für Kultur und nationale Identität Rumänien", None, False),
        id="de-cultplatform21-country-word-in-name",
    ),
    pytest.param(
        "City of Vienna, MA 45 – Water Management",
        ("City of Vienna, MA 45 – Water Management", None, False),
        id="en-plasticfreedanube-comma-and-dash-in-name",
    ),
    pytest.param(
        "Zsolnay Kulturquartier, Pécs",
        ("Zsolnay Kulturquartier, Pécs", None, False),
        id="de-cultplatform21-town-after-comma-stays",
    ),
    # roles and addresses glued onto the name
    pytest.param(
        "Město Most, vedoucí partner", ("Město Most", None, True), id="cs-role-after-comma"
    ),
    pytest.param(
        "Statutární město Havířov (vedoucí partner), Česká republika",
        ("Statutární město Havířov", "CZ", True),
        id="cs-26-let-lead-and-country",
    ),
    pytest.param(
        "Stadt Wien, strategischer Partner",
        ("Stadt Wien", None, False),
        id="de-strategic-is-partner",
    ),
    pytest.param(
        "Gmina Brody - partner projektu", ("Gmina Brody", None, False), id="pl-partner-after-dash"
    ),
    pytest.param(
        "Landkreis Görlitz, Görlitz, Deutschland",
        ("Landkreis Görlitz", "DE", False),
        id="de-town-and-country-glued",
    ),
    pytest.param(
        "Weltbewußt e.V. (Vertreter der Stadt Königstein), Königstein, Deutschland",
        ("Weltbewußt e.V. (Vertreter der Stadt Königstein)", "DE", False),
        id="de-zusammenhalt-town-in-the-name-glued",
    ),
    pytest.param(
        "Gmina Zgorzelec, 59-900 Zgorzelec, Polska",
        ("Gmina Zgorzelec", "PL", False),
        id="pl-postcode-address-glued",
    ),
    pytest.param(
        "Universität Wien, Universitätsring 1, 1010 Wien, Österreich",
        ("Universität Wien", "AT", False),
        id="de-street-postcode-country-glued",
    ),
    pytest.param(
        "Magdeburger Hafen GmbH (DE), Germany",
        ("Magdeburger Hafen GmbH", "DE", False),
        id="en-code-and-same-country-name",
    ),
    # marks at the start
    pytest.param(
        "Partner: NÖ.Regional.GmbH (Österreich)",
        ("NÖ.Regional.GmbH", "AT", False),
        id="de-kpf-partner-prefix",
    ),
    pytest.param(
        "Leadpartner: Südböhmische Silva Nortica (Tschechien)",
        ("Südböhmische Silva Nortica", "CZ", True),
        id="de-kpf-leadpartner-prefix",
    ),
    pytest.param(
        "Partner-Netzwerk Sachsen",
        ("Partner-Netzwerk Sachsen", None, False),
        id="de-role-word-in-name",
    ),
    pytest.param(
        "Nadleśnictwo / Oberförsterei Lipinki",
        ("Nadleśnictwo / Oberförsterei Lipinki", None, False),
        id="pl-geopark-bilingual-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_WILD_EXAMPLES)
def test_split_partner_name_of_real_sheets(
    text: str, expected: tuple[str | None, str | None, bool]
) -> None:
    assert split_partner_name(text) == expected


TABLE = ("number", "name", "country", "role")
TABLE_WEB = ("number", "name", "country", "role", "website")
TABLE_ADDRESS = ("number", "name", "country", "role", "address")

COLUMN_EXAMPLES = [
    # cs: "č. | Partner | Země | Role (| Web)"
    pytest.param(
        ["1", "Bundeskanzleramt, Sektion Kunst und Kultur", "Rakousko", "vedoucí partner"],
        TABLE,
        Partner(1, "Bundeskanzleramt, Sektion Kunst und Kultur", "AT", "lead", None),
        id="cs-cultplatform21-lead",
    ),
    pytest.param(
        ["10", "European Institute of Cultural Routes", "Lucembursko", "přidružený partner"],
        TABLE,
        Partner(10, "European Institute of Cultural Routes", "LU", "partner", None),
        id="cs-cultplatform21-associated-is-partner",
    ),
    pytest.param(
        ["8", "Zsolnay Kulturquartier, Pécs", "Maďarsko", "partner"],
        TABLE,
        Partner(8, "Zsolnay Kulturquartier, Pécs", "HU", "partner", None),
        id="cs-cultplatform21-comma-in-name",
    ),
    pytest.param(
        ["2", "Lesy České republiky, s.p.", "Česko", "partner", "www.lesycr.cz"],
        TABLE_WEB,
        Partner(2, "Lesy České republiky, s.p.", "CZ", "partner", "http://www.lesycr.cz"),
        id="cs-moorevital-website-column",
    ),
    pytest.param(
        ["1", "Staatsbetrieb Sachsenforst", "Německo", "vedoucí partner"],
        TABLE_WEB,
        Partner(1, "Staatsbetrieb Sachsenforst", "DE", "lead", None),
        id="cs-moorevital-trailing-cell-dropped",
    ),
    pytest.param(
        ["1", "Ústí Region (CZ)", "CZ", ""],
        TABLE,
        Partner(1, "Ústí Region", "CZ", "partner", None),
        id="cs-code-in-name-and-column",
    ),
    pytest.param(
        ["1. Město Most", "Česko"],
        ("name", "country"),
        Partner(1, "Město Most", "CZ", "partner", None),
        id="cs-number-in-the-name-column",
    ),
    pytest.param(
        ["1", "Stadt Chemnitz", "Deutschland"],
        ("name", "country"),
        Partner(1, "Stadt Chemnitz", "DE", "partner", None),
        id="cs-header-in-label-row-no-number-column",
    ),
    pytest.param(
        ["", "Město Most", "CZ"],
        ("name", "country"),
        Partner(None, "Město Most", "CZ", "partner", None),
        id="cs-header-in-label-row-blank-label-column",
    ),
    # de: "Nr. | Partner | Land | Rolle"
    pytest.param(
        ["1", "Kreis Vysočina", "Tschechien", "Leadpartner"],
        TABLE,
        Partner(1, "Kreis Vysočina", "CZ", "lead", None),
        id="de-connecting-regions-leadpartner",
    ),
    pytest.param(
        ["4", "Land OÖ", "Österreich", "Projektpartner"],
        TABLE,
        Partner(4, "Land OÖ", "AT", "partner", None),
        id="de-connecting-regions-projektpartner",
    ),
    pytest.param(
        ["5", "Stadt Wien", "Österreich", "Strategischer Partner"],
        TABLE,
        Partner(5, "Stadt Wien", "AT", "partner", None),
        id="de-regiocoop-strategic-is-partner",
    ),
    pytest.param(
        ["1", "West-Transdanubische Wasserdirektion", "Ungarn"],
        ("number", "name", "country"),
        Partner(1, "West-Transdanubische Wasserdirektion", "HU", "partner", None),
        id="de-raabstat-no-role-column",
    ),
    pytest.param(
        ["2", "Stadt Freiberg", "DE", "Partner", "250.000 €"],
        ("number", "name", "country", "role", "budget"),
        Partner(2, "Stadt Freiberg", "DE", "partner", None),
        id="de-budget-column-not-in-name",
    ),
    pytest.param(
        ["LP", "Stadt Dresden", "DE"],
        ("number", "name", "country"),
        Partner(None, "Stadt Dresden", "DE", "lead", None),
        id="de-lp-in-number-column",
    ),
    pytest.param(
        ["1", "Stadt Görlitz", "Sachsen"],
        ("number", "name", "country"),
        Partner(1, "Stadt Görlitz", None, "partner", None),
        id="de-region-in-country-column-is-null",
    ),
    # pl: "Lp. | Partner | Kraj | Rola"
    pytest.param(
        ["1", "Gmina Żary o statusie miejskim", "Polska", "partner wiodący"],
        TABLE,
        Partner(1, "Gmina Żary o statusie miejskim", "PL", "lead", None),
        id="pl-luk-muzakowa-lead",
    ),
    pytest.param(
        ["6", "Förderverein Geopark Muskauer Faltenbogen e.V.", "Niemcy", "partner projektu"],
        TABLE,
        Partner(6, "Förderverein Geopark Muskauer Faltenbogen e.V.", "DE", "partner", None),
        id="pl-luk-muzakowa-partner-projektu",
    ),
    pytest.param(
        ["3", "Upper Silesian Agency for Entrepreneurship Promotion (GAPP)", "Polska", "partner"],
        TABLE,
        Partner(
            3, "Upper Silesian Agency for Entrepreneurship Promotion (GAPP)", "PL", "partner", None
        ),
        id="pl-via-regia-acronym-stays",
    ),
    pytest.param(
        ["14", "City of Lviv", "Ukraina", "partner"],
        TABLE,
        Partner(14, "City of Lviv", "UA", "partner", None),
        id="pl-via-regia-ukraina",
    ),
    pytest.param(
        ["3", "Miasto Mlade Buky", "Czechy"],
        TABLE,
        Partner(3, "Miasto Mlade Buky", "CZ", "partner", None),
        id="pl-wschodnie-karkonosze-ragged-row",
    ),
    pytest.param(
        ["1", "Powiat Goerlitz", "Niemcy - Saksonia", "partner"],
        TABLE,
        Partner(1, "Powiat Goerlitz", "DE", "partner", None),
        id="pl-przygoda-country-and-region",
    ),
    # en: "No. | Partner | Country | Role | Address (| Website)"
    pytest.param(
        [
            "1",
            "University of Natural Resources and Life Sciences, Vienna (BOKU) - Institute of Waste Management (ABF)",
            "AT",
            "Lead partner",
            "Gregor-Mendel-Straße 33, 1180 Wien, Austria",
        ],
        TABLE_ADDRESS,
        Partner(
            1,
            "University of Natural Resources and Life Sciences, Vienna (BOKU) - Institute of Waste Management (ABF)",
            "AT",
            "lead",
            None,
        ),
        id="en-plasticfreedanube-lead-address-not-in-name",
    ),
    pytest.param(
        ["3", "via donau", "", "Project partner", "Donau-City-Straße 1, 1220 Wien, Austria"],
        TABLE_ADDRESS,
        Partner(3, "via donau", "AT", "partner", None),
        id="en-plasticfreedanube-address-gives-country",
    ),
    pytest.param(
        ["19", "Environment Agency Austria", "", "Strategic partner", ""],
        TABLE_ADDRESS,
        Partner(19, "Environment Agency Austria", None, "partner", None),
        id="en-plasticfreedanube-no-country-from-name",
    ),
    pytest.param(
        [
            "7",
            "Association of municipalities Horného Žitného ostrova (ZOHZO)",
            "",
            "Strategic partner",
        ],
        TABLE_ADDRESS,
        Partner(
            7,
            "Association of municipalities Horného Žitného ostrova (ZOHZO)",
            None,
            "partner",
            None,
        ),
        id="en-plasticfreedanube-acronym-stays",
    ),
    pytest.param(
        ["4", "Tees Valley Joint Strategy Unit", "UK", ""],
        ("number", "name", "country", "website"),
        Partner(4, "Tees Valley Joint Strategy Unit", "GB", "partner", None),
        id="en-innochem-uk",
    ),
    pytest.param(
        ["1", "Ministry of Economy and Labour of Saxony-Anhalt (DE) (Lead Partner)", ""],
        ("number", "name", "website"),
        Partner(1, "Ministry of Economy and Labour of Saxony-Anhalt", "DE", "lead", None),
        id="en-chemclust-table-lead-mark-in-name",
    ),
    pytest.param(
        ["2", "Regional Development Agency", "ES", "Lead Partner (LP)"],
        TABLE,
        Partner(2, "Regional Development Agency", "ES", "lead", None),
        id="en-role-cell-holding-a-mark",
    ),
    pytest.param(
        ["1", "Port of Hamburg Marketing", "DE", "Lead partner"],
        ("number", "name", "country"),
        Partner(1, "Port of Hamburg Marketing", "DE", "lead", None),
        id="en-role-beyond-the-header",
    ),
    pytest.param(
        ["1", "Danube Cultural Cluster", "AT", "cultural heritage"],
        ("number", "name", "country", ""),
        Partner(1, "Danube Cultural Cluster", "AT", "partner", None),
        id="en-unknown-column-not-in-name",
    ),
    pytest.param(
        ["", "", "", ""],
        TABLE,
        None,
        id="blank-row",
    ),
]


@pytest.mark.parametrize(("cells", "columns", "expected"), COLUMN_EXAMPLES)
def test_parse_partner_under_a_header(
    cells: list[str], columns: Sequence[str], expected: Partner | None
) -> None:
    assert parse_partner(cells, (), columns) == expected


CELL_EXAMPLES = [
    # no header: each cell read for what it is
    pytest.param(
        ["2", "Kreis Südböhmen", "Tschechien", "Projektpartner"],
        Partner(2, "Kreis Südböhmen", "CZ", "partner", None),
        id="de-role-cell-not-in-name",
    ),
    pytest.param(
        ["1", "Gmina Żary", "Polska", "partner wiodący"],
        Partner(1, "Gmina Żary", "PL", "lead", None),
        id="pl-lead-role-cell",
    ),
    pytest.param(
        ["Stadt Sebnitz", "Sebnitz, Deutschland"],
        Partner(None, "Stadt Sebnitz", "DE", "partner", None),
        id="de-zusammenhalt-address-cell",
    ),
    pytest.param(
        ["Freiwilligenzentrum Ústí nad Labem", "Ústí nad Labem, Tschechien"],
        Partner(None, "Freiwilligenzentrum Ústí nad Labem", "CZ", "partner", None),
        id="de-zusammenhalt-address-cell-cz",
    ),
    pytest.param(
        ["Landkreis Görlitz", "Bahnhofstraße 24", "02826 Görlitz, Deutschland"],
        Partner(None, "Landkreis Görlitz", "DE", "partner", None),
        id="de-lead-label-address-lines",
    ),
    pytest.param(
        ["Gmina Żary", "ul. Rynek 1, 68-200 Żary"],
        Partner(None, "Gmina Żary", None, "partner", None),
        id="pl-address-without-country",
    ),
    pytest.param(
        ["Agentur für Regionalentwicklung", "ARE"],
        Partner(None, "Agentur für Regionalentwicklung ARE", None, "partner", None),
        id="de-acronym-cell-is-no-country",
    ),
    pytest.param(["Strategický partner"], None, id="cs-cord-role-subheading-is-no-partner"),
    pytest.param(["Project partners"], None, id="en-plural-role-alone-is-no-partner"),
]


@pytest.mark.parametrize(("cells", "expected"), CELL_EXAMPLES)
def test_parse_partner_cell_by_cell(cells: list[str], expected: Partner | None) -> None:
    assert parse_partner(cells) == expected


def test_a_country_cell_naming_no_country_is_reported() -> None:
    read = read_partner(["1", "Stadt Görlitz", "Sachsen"], (), ("number", "name", "country"))
    assert read.partner == Partner(1, "Stadt Görlitz", None, "partner", None)
    assert read.unread == (("country", "Sachsen"),)


ROLE_EXAMPLES = [
    pytest.param("vedoucí partner", "lead", id="cs-vedouci-partner"),
    pytest.param("Vedoucí partner", "lead", id="cs-capitalised"),
    pytest.param("přidružený partner", "partner", id="cs-associated"),
    pytest.param("Lead partner", "lead", id="en-lead-partner"),
    pytest.param("Project partner", "partner", id="en-project-partner"),
    pytest.param("Strategic partner", "partner", id="en-strategic"),
    pytest.param("(LP)", "lead", id="common-lp-in-brackets"),
    pytest.param("Leadpartner", "lead", id="de-leadpartner"),
    pytest.param("Lead-Partner", "lead", id="de-lead-partner-hyphen"),
    pytest.param("assoziierter Partner", "partner", id="de-associated"),
    pytest.param("partner wiodący", "lead", id="pl-partner-wiodacy"),
    pytest.param("partner projektu", "partner", id="pl-partner-projektu"),
    pytest.param("Stadt Wien", None, id="a-name"),
    pytest.param("Leading Light Ltd", None, id="leading-is-no-lead"),
    pytest.param("", None, id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_EXAMPLES)
def test_role_of(text: str, expected: str | None) -> None:
    assert role_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("02826 Görlitz, Deutschland", True, id="de-postcode"),
        pytest.param("D-02826 Görlitz", True, id="de-postcode-country-prefix"),
        pytest.param("01-234 Wrocław, Polska", True, id="pl-postcode"),
        pytest.param("400 01 Ústí nad Labem", True, id="cs-postcode"),
        pytest.param("Gregor-Mendel-Straße 33", True, id="de-street"),
        pytest.param("Masarykova 1000/12", True, id="cs-street-orientation-number"),
        pytest.param("ul. Rynek 1", True, id="pl-street"),
        pytest.param("Landkreis Görlitz", False, id="de-name"),
        pytest.param("10. Development Company Brunsbuettel (DE)", False, id="en-numbered-partner"),
        pytest.param("City of Vienna, MA 45 – Water Management", False, id="en-number-in-name"),
    ],
)
def test_is_address(text: str, expected: bool) -> None:
    assert is_address(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Stadt Szczecin (PL) (Leadpartner)\nLandkreis Uckermark (DE)\n",
            ["Stadt Szczecin (PL) (Leadpartner)", "Landkreis Uckermark (DE)"],
            id="de-nachbarsprache-one-a-line",
        ),
        pytest.param(
            "1.\u00a0\u00a0\u00a0\nStatutární město Havířov\n2.\nMěsto Jastrzębie-Zdrój",
            ["1. Statutární město Havířov", "2. Město Jastrzębie-Zdrój"],
            id="cs-26-let-number-on-its-own-line",
        ),
        pytest.param("", [], id="empty"),
        pytest.param(
            "Město Liberec (CZ); Stadt Zittau (DE); Gmina Bogatynia (PL)",
            ["Město Liberec (CZ)", "Stadt Zittau (DE)", "Gmina Bogatynia (PL)"],
            id="semicolons-between-partners",
        ),
        pytest.param(
            "Landkreis Görlitz;\nLiberecký kraj;",
            ["Landkreis Görlitz", "Liberecký kraj"],
            id="semicolons-ending-lines",
        ),
        pytest.param("Stadt Zittau", ["Stadt Zittau"], id="one-partner"),
    ],
)
def test_partner_lines(text: str, expected: list[str]) -> None:
    assert partner_lines(text) == expected


# --- the partner list of a record: several fields, lead labels, lines ------


def _record(*fields: Field) -> tuple[list[Partner], list[tuple[str, str]]]:
    for order, f in enumerate(fields):
        f.order = order
    sheet = Sheet(fields, ("cs",))
    record = build_record(sheet, Source("x.txt", "0" * 64, "text", "utf-8"))
    return list(record.partners), [(w.field, w.code) for w in record.warnings]


def test_several_lone_partner_labels_give_one_partner_each_in_order() -> None:
    partners, _ = _record(
        Field("name", "Projekt", 1, ("VITA-MIN",)),
        Field("lead_partner", "Leadpartner", 2, ("Sächsisches Landesamt für Umwelt (DE)",)),
        Field("partners", "Partner", 3, ("Stadtverwaltung Oelsnitz/Erzgebirge (DE)",)),
        Field("partners", "Partner", 4, ("Ústecký kraj (CZ)",)),
    )
    assert partners == [
        Partner(None, "Sächsisches Landesamt für Umwelt", "DE", "lead", None),
        Partner(None, "Stadtverwaltung Oelsnitz/Erzgebirge", "DE", "partner", None),
        Partner(None, "Ústecký kraj", "CZ", "partner", None),
    ]


def test_a_lone_lead_label_marks_the_same_partner_in_the_table() -> None:
    table = Field("partners", "Partnerzy projektu", 3, columns=TABLE)
    table.rows = [
        Row(4, ("1", "Gmina Łęknica", "Polska", "partner")),
        Row(5, ("2", "Förderverein Geopark", "Niemcy", "partner")),
    ]
    partners, _ = _record(
        Field("name", "Projekt", 1, ("X",)),
        Field("lead_partner", "Wnioskodawca", 2, ("GMINA  Łęknica",)),
        table,
    )
    assert partners == [
        Partner(1, "Gmina Łęknica", "PL", "lead", None),
        Partner(2, "Förderverein Geopark", "DE", "partner", None),
    ]


def test_a_lone_lead_label_not_in_the_table_goes_first_unnumbered() -> None:
    table = Field("partners", "Pozostali partnerzy projektu", 3, columns=TABLE)
    table.rows = [Row(4, ("1", "Powiat Goerlitz", "Niemcy - Saksonia", "partner"))]
    partners, _ = _record(
        Field("name", "Projekt", 1, ("X",)),
        Field("lead_partner", "Partner wiodący", 2, ("Gmina Zgorzelec", "Polska")),
        table,
    )
    assert partners == [
        Partner(None, "Gmina Zgorzelec", "PL", "lead", None),
        Partner(1, "Powiat Goerlitz", "DE", "partner", None),
    ]


def test_a_value_of_several_lines_gives_one_partner_a_line() -> None:
    text = (
        "Stadt Szczecin (PL) (Leadpartner)\nLandkreis Uckermark (DE)\nUniversität Greifswald (DE)"
    )
    partners, _ = _record(
        Field("name", "Projekt", 1, ("X",)), Field("partners", "Projektpartner", 2, (text,))
    )
    assert partners == [
        Partner(None, "Stadt Szczecin", "PL", "lead", None),
        Partner(None, "Landkreis Uckermark", "DE", "partner", None),
        Partner(None, "Universität Greifswald", "DE", "partner", None),
    ]


def test_an_address_line_gives_its_country_to_the_partner_above() -> None:
    f = Field("partners", "Partner", 2, ("Stadt Görlitz",))
    f.rows = [Row(3, ("Untermarkt 6–8",)), Row(4, ("02826 Görlitz, Deutschland",))]
    partners, _ = _record(Field("name", "Projekt", 1, ("X",)), f)
    assert partners == [Partner(None, "Stadt Görlitz", "DE", "partner", None)]


def test_a_country_cell_naming_no_country_is_a_warning() -> None:
    table = Field("partners", "Projektpartner", 2, columns=("number", "name", "country"))
    table.rows = [Row(3, ("1", "Stadt Görlitz", "Sachsen"))]
    partners, warnings = _record(Field("name", "Projekt", 1, ("X",)), table)
    assert partners == [Partner(1, "Stadt Görlitz", None, "partner", None)]
    assert ("partners", "unparsed") in warnings


# --- properties --------------------------------------------------------------

CODES = st.sampled_from(["DE", "CZ", "PL", "AT", "SK", "UK", "EL", "HU"])
COLUMNS = st.lists(
    st.sampled_from(["number", "name", "country", "role", "website", "address", "budget", ""]),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(max_size=60), max_size=6), COLUMNS, st.lists(st.text(max_size=20), max_size=2)
)
def test_any_cells_under_any_header_give_a_partner_or_none(
    cells: list[str], columns: list[str], links: list[str]
) -> None:
    partner = parse_partner(cells, links, columns)
    assert partner is None or partner.role in {"lead", "partner"}
    if partner is not None:
        assert partner.country is None or re.fullmatch(r"[A-Z]{2}", partner.country)
        assert partner.name is None or partner.name == partner.name.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), CODES, st.sampled_from(["", "partner", "Lead partner", "Leadpartner"]))
def test_the_country_column_never_joins_the_name(name: str, code: str, role: str) -> None:
    partner = parse_partner(["1", name, code, role], (), TABLE)
    if partner is not None and partner.name is not None and code.casefold() not in name.casefold():
        assert code.casefold() not in partner.name.casefold()
        assert role.casefold() not in partner.name.casefold() or role.casefold() in name.casefold()


def test_a_role_in_the_country_column_is_a_role() -> None:
    """A text report lays a row out by runs of spaces, and an empty country
    cell is lost: the role then stands under "country"."""
    cells = ["7", "Association of municipalities (ZOHZO)", "Strategic partner"]
    read = read_partner(cells, (), TABLE_ADDRESS)
    assert read.partner == Partner(
        7, "Association of municipalities (ZOHZO)", None, "partner", None
    )
    assert read.unread == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Gmina Krzyżanowice, Gmina Šilheřovice, Gmina Hať", ["Gmina Krzyżanowice", "Gmina Šilheřovice", "Gmina Hať"], id="same-first-word"),
        pytest.param("Ministry of Economy, Energy, North Rhine-Westphalia", ["Ministry of Economy, Energy, North Rhine-Westphalia"], id="commas-inside-a-name"),
        pytest.param("Město Liberec, Liberecký kraj", ["Město Liberec, Liberecký kraj"], id="different-first-words-stay"),
    ],
)  # fmt: skip
def test_partners_between_commas_opening_alike(text: str, expected: list[str]) -> None:
    assert partner_lines(text) == expected
