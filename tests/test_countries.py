"""Countries from codes, names, country cells and addresses, specified by
examples (CONTRACT.md, "Countries" and "Partner tables").

A country is read from an ISO or EU code, from a country's name in
Czech, English, German or Polish (pycountry's translations, plus the
languages' ``[countries]`` aliases), from a country cell beside a region,
or from the end of an address.  A region, a town, an acronym or a name two
countries share is no country: a wrong value is worse than a null.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chemclust_extract.normalise.countries import address_country, country_code, country_in

ALPHA_2 = re.compile(r"^[A-Z]{2}$")

NAMES = [
    # Czech, as cs sheets and their country cells write them
    pytest.param("Rakousko", "AT", id="cs-cultplatform21-rakousko"),
    pytest.param("Německo", "DE", id="cs-cultplatform21-nemecko"),
    pytest.param("Rumunsko", "RO", id="cs-cultplatform21-rumunsko"),
    pytest.param("Bulharsko", "BG", id="cs-cultplatform21-bulharsko"),
    pytest.param("Maďarsko", "HU", id="cs-cultplatform21-madarsko"),
    pytest.param("Srbsko", "RS", id="cs-cultplatform21-srbsko"),
    pytest.param("Lucembursko", "LU", id="cs-cultplatform21-lucembursko"),
    pytest.param("Slovinsko", "SI", id="cs-cultplatform21-slovinsko"),
    pytest.param("Česko", "CZ", id="cs-moorevital-cesko"),
    pytest.param("Slovensko", "SK", id="cs-zlepsenie-slovensko"),
    pytest.param("Polsko", "PL", id="cs-26-let-polsko"),
    pytest.param("Česká republika", "CZ", id="cs-26-let-ceska-republika"),
    pytest.param("Slovenská republika", "SK", id="cs-slovenska-republika-alias"),
    pytest.param("Rusko", "RU", id="cs-rusko-alias"),
    pytest.param("Nizozemí", "NL", id="cs-nizozemi-alias"),
    pytest.param("Ukrajina", "UA", id="cs-ukrajina"),
    # English
    pytest.param("Austria", "AT", id="en-proline-austria"),
    pytest.param("Slovakia", "SK", id="en-proline-slovakia"),
    pytest.param("Croatia", "HR", id="en-proline-croatia"),
    pytest.param("Hungary", "HU", id="en-pa4-hungary"),
    pytest.param("Czech Republic", "CZ", id="en-riat-czech-republic"),
    pytest.param("The Netherlands", "NL", id="en-article"),
    pytest.param("Congo", "CG", id="en-full-name-beats-cut-name"),
    pytest.param("Bolivia", "BO", id="en-name-cut-at-its-comma"),
    pytest.param("Russia", "RU", id="en-russia-alias"),
    # German
    pytest.param("Österreich", "AT", id="de-regiocoop-oesterreich"),
    pytest.param("Slowakei", "SK", id="de-regiocoop-slowakei"),
    pytest.param("Ungarn", "HU", id="de-raabstat-ungarn"),
    pytest.param("Tschechien", "CZ", id="de-connecting-regions-tschechien"),
    pytest.param("Deutschland", "DE", id="de-zusammenhalt-deutschland"),
    pytest.param("Bundesrepublik Deutschland", "DE", id="de-official-name"),
    pytest.param("Russland", "RU", id="de-russland-alias"),
    pytest.param("Weißrussland", "BY", id="de-weissrussland-alias"),
    # Polish
    pytest.param("Niemcy", "DE", id="pl-luk-muzakowa-niemcy"),
    pytest.param("Polska", "PL", id="pl-luk-muzakowa-polska"),
    pytest.param("Czechy", "CZ", id="pl-wschodnie-karkonosze-czechy"),
    pytest.param("Słowacja", "SK", id="pl-via-regia-slowacja"),
    pytest.param("Ukraina", "UA", id="pl-via-regia-ukraina"),
    pytest.param("Rzeczpospolita Polska", "PL", id="pl-official-name"),
    pytest.param("Rosja", "RU", id="pl-rosja-alias"),
    pytest.param("Zjednoczone Królestwo", "GB", id="pl-zjednoczone-krolestwo-alias"),
    pytest.param("Niderlandy", "NL", id="pl-niderlandy-alias"),
    # codes
    pytest.param("AT", "AT", id="code-alpha-2"),
    pytest.param("uk", "GB", id="code-eu-uk"),
    pytest.param("EL", "GR", id="code-eu-el"),
    pytest.param("AUT", "AT", id="code-alpha-3"),
    # no country: regions, towns, words, a name two countries share
    pytest.param("Saksonia", None, id="pl-przygoda-region"),
    pytest.param("Sasko", None, id="cs-region"),
    pytest.param("Bayern", None, id="de-region"),
    pytest.param("Niederösterreich", None, id="de-land"),
    pytest.param("Śląsk", None, id="pl-region"),
    pytest.param("Morava", None, id="cs-morava"),
    pytest.param("Görlitz", None, id="de-town"),
    pytest.param("Europa", None, id="europe"),
    pytest.param("EU", None, id="eu"),
    pytest.param("Korea", None, id="en-korea-names-two-countries"),
    pytest.param("Macedonia", None, id="pl-macedonia-a-region-too"),
    pytest.param("Lead partner", None, id="role"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_country_code(text: str | None, expected: str | None) -> None:
    assert country_code(text) == expected


ACRONYMS = [
    # A partner's acronym in brackets that is also an alpha-3 code.
    pytest.param("ARE", id="en-agentur-fuer-regionalentwicklung"),
    pytest.param("CAN", id="en-can"),
    pytest.param("MAR", id="en-mar"),
    pytest.param("GAPP", id="pl-via-regia-gapp"),
    pytest.param("KÚLK", id="cs-kulk"),
    pytest.param("BOKU", id="en-plasticfreedanube-boku"),
]


@pytest.mark.parametrize("text", ACRONYMS)
def test_an_acronym_is_no_country_where_codes_are_two_letters(text: str) -> None:
    assert country_code(text, alpha_3=False) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Čad", "TD", id="cs-three-letter-name"),
        pytest.param("AT", "AT", id="two-letter-code"),
        pytest.param("Rakousko", "AT", id="name"),
    ],
)
def test_names_and_two_letter_codes_count_where_alpha_3_does_not(text: str, expected: str) -> None:
    assert country_code(text, alpha_3=False) == expected


CELLS = [
    pytest.param("Niemcy - Saksonia", "DE", id="pl-przygoda-country-and-region"),
    pytest.param("Polska", "PL", id="pl-przygoda-country"),
    pytest.param("Czech Republic (South Moravia)", "CZ", id="en-country-and-region-in-brackets"),
    pytest.param("Sebnitz, Deutschland", "DE", id="de-zusammenhalt-town-and-country"),
    pytest.param("Österreich / Niederösterreich", "AT", id="de-country-slash-land"),
    pytest.param("Guinea-Bissau", "GW", id="hyphen-inside-a-name"),
    pytest.param("DEU", "DE", id="alpha-3-in-a-country-column"),
    pytest.param("Česko / Rakousko", None, id="cs-two-countries-no-answer"),
    pytest.param("Saksonia", None, id="pl-region-alone"),
    pytest.param("Baden-Württemberg", None, id="de-land-with-hyphen"),
    pytest.param("", None, id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), CELLS)
def test_country_in_a_cell(text: str, expected: str | None) -> None:
    assert country_in(text) == expected


ADDRESSES = [
    pytest.param("Gregor-Mendel-Straße 33, 1180 Wien, Austria", "AT", id="en-plasticfreedanube"),
    pytest.param(
        "Staré Grunty 14, 841 04 Bratislava, Slovakia", "SK", id="en-plasticfreedanube-sk"
    ),
    pytest.param("Görlitz, Deutschland", "DE", id="de-town-country"),
    pytest.param("Bahnhofstraße 24\n02826 Görlitz\nDeutschland", "DE", id="de-lines"),
    pytest.param("01-234 Wrocław, Polska", "PL", id="pl-postcode-town-country"),
    pytest.param("ul. Rynek 1, 68-200 Żary, Polska", "PL", id="pl-street"),
    pytest.param("Masarykova 12, 400 01 Ústí nad Labem, Česká republika", "CZ", id="cs-street"),
    pytest.param("Velká Hradební 3118/48, Ústí nad Labem, ČR", "CZ", id="cs-cr-abbreviation"),
    pytest.param("1180 Wien", None, id="de-no-country"),
    pytest.param("Schloss Orth, 2304 Orth an der Donau", None, id="de-town-last"),
    pytest.param("Dresden, Sachsen", None, id="de-land-last"),
    pytest.param("", None, id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_address_country(text: str, expected: str | None) -> None:
    assert address_country(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_alpha_2_or_none(text: str) -> None:
    for found in (country_in(text), address_country(text), country_code(text, alpha_3=False)):
        assert found is None or ALPHA_2.fullmatch(found)
