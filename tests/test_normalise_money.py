"""Money, currencies and EU funds, specified by examples (CONTRACT.md, "Money").

Expectations come from the contract; a case the code gets wrong today is a
strict xfail naming what is wrong, never a deleted or bent case.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chemclust_extract.normalise.money import (
    MAX_MONEY_LENGTH,
    Money,
    currency_code,
    parse_fund,
    parse_money,
)

MONEY_EXAMPLES = [
    # from the contract
    pytest.param("€ 1.762.400", Money(1762400, "EUR"), id="contract-euro-sign-dotted-thousands"),
    pytest.param("1 762 400,00 EUR", Money(1762400, "EUR"), id="contract-spaces-comma-cents"),
    pytest.param("€1,762,400.00", Money(1762400, "EUR"), id="contract-comma-thousands-point-cents"),
    pytest.param("EUR 1.762.400,-", Money(1762400, "EUR"), id="contract-comma-dash-no-cents"),
    pytest.param("601.840 €", Money(601840, "EUR"), id="contract-lone-dot-before-three-digits"),
    # Czech sheets
    pytest.param("€ 1.231.950", Money(1231950, "EUR"), id="cs-seed-erdf-share"),
    pytest.param("1.762.400,- Kč", Money(1762400, "CZK"), id="cs-koruna-comma-dash"),
    pytest.param("Kč 1 500 000,-", Money(1500000, "CZK"), id="cs-koruna-sign-first"),
    pytest.param("2 345 678,50 Kč", Money(2345678.5, "CZK"), id="cs-koruna-with-haler"),
    pytest.param("12 500 000,- CZK", Money(12500000, "CZK"), id="cs-czk-code"),
    pytest.param("1,5 mil. Kč", Money(1500000, "CZK"), id="cs-mil-multiplier"),
    pytest.param("45 milionů Kč", Money(45000000, "CZK"), id="cs-milionu-plural"),
    pytest.param("200 tis. Kč", Money(200000, "CZK"), id="cs-tis-multiplier"),
    pytest.param("1 000,- Kč", Money(1000, "CZK"), id="cs-thousand-comma-dash"),
    pytest.param("1\u00a0762\u00a0400 EUR", Money(1762400, "EUR"), id="cs-no-break-space-groups"),
    pytest.param(
        "200 tisíc Kč",
        Money(200000, "CZK"),
        id="cs-tisic-spelled-out",
    ),
    pytest.param(
        "1,5 milionu Kč",
        Money(1500000, "CZK"),
        id="cs-milionu-genitive",
    ),
    pytest.param(
        "20 miliónů Kč",
        Money(20000000, "CZK"),
        id="cs-milionu-long-o",
    ),
    pytest.param(
        "2 000 000 k 31. 12. 2012",
        Money(2000000, None),
        id="cs-preposition-k-is-not-thousand",
    ),
    # German
    pytest.param("1.762.400,00 €", Money(1762400, "EUR"), id="de-dotted-comma-cents"),
    pytest.param("EUR 2.000.000,--", Money(2000000, "EUR"), id="de-comma-double-dash"),
    pytest.param("1.762.400,– EUR", Money(1762400, "EUR"), id="de-comma-en-dash"),
    pytest.param("500.000,00 Euro", Money(500000, "EUR"), id="de-euro-word"),
    pytest.param("2,3 Mio. €", Money(2300000, "EUR"), id="de-mio-multiplier"),
    pytest.param("2 Millionen Euro", Money(2000000, "EUR"), id="de-millionen"),
    pytest.param("12.500 Tsd. EUR", Money(12500000, "EUR"), id="de-tsd-multiplier"),
    # Polish
    pytest.param("1 234 567,89 zł", Money(1234567.89, "PLN"), id="pl-zloty-sign"),
    pytest.param("PLN 1 234 567,89", Money(1234567.89, "PLN"), id="pl-code-first"),
    pytest.param("2.500.000 PLN", Money(2500000, "PLN"), id="pl-dotted-thousands"),
    pytest.param("1 234 567,89 złotych", Money(1234567.89, "PLN"), id="pl-zlotych-word"),
    pytest.param("3,2 mln zł", Money(3200000, "PLN"), id="pl-mln-multiplier"),
    pytest.param("50 tys. zł", Money(50000, "PLN"), id="pl-tys-multiplier"),
    # English programme sites
    pytest.param("€1,231,950", Money(1231950, "EUR"), id="en-comma-thousands"),
    pytest.param("EUR 1,762,400", Money(1762400, "EUR"), id="en-code-first-comma-thousands"),
    pytest.param("601,840 €", Money(601840, "EUR"), id="en-lone-comma-before-three-digits"),
    pytest.param("€ 99.99", Money(99.99, "EUR"), id="en-point-cents"),
    pytest.param("2.5 million euros", Money(2500000, "EUR"), id="en-million-euros"),
    pytest.param("1 762 400 EUR (ERDF 85 %)", Money(1762400, "EUR"), id="en-note-after-amount"),
    pytest.param("0 EUR", Money(0, "EUR"), id="en-zero-is-an-amount"),
    # real sheets (tests/corpus): qualifiers and bracketed percentages are
    # ignored, multipliers multiply (v1.1 "Money qualifiers")
    pytest.param(
        "cca 1,7 mil. EUR (85 % z prostředků EU)",
        Money(1700000, "EUR"),
        id="cs-cultplatform21-cca-mil-percentage",
    ),
    pytest.param("cca 285 000 EUR", Money(285000, "EUR"), id="cs-cultplatform21-cca"),
    pytest.param("23 529,– EUR", Money(23529, "EUR"), id="cs-cech-a-polak-comma-en-dash"),
    pytest.param("1 254 694,89 €", Money(1254694.89, "EUR"), id="cs-cord-atcz-efrr"),
    pytest.param("3 142 338,90 eur", Money(3142338.9, "EUR"), id="cs-zlepsenie-lower-case-eur"),
    pytest.param("4 088 997 Kč", Money(4088997, "CZK"), id="cs-strategie-msk-pl-czk"),
    pytest.param("18 540,00 EUR", Money(18540, "EUR"), id="cs-kornowac-celkova-castka"),
    pytest.param("max. 1 500 000 Kč", Money(1500000, "CZK"), id="cs-max"),
    pytest.param("Etapa 2: 1 000 EUR", Money(1000, "EUR"), id="cs-stage-number-is-no-amount"),
    pytest.param("2021–2027: 5 mil. Kč", Money(5000000, "CZK"), id="cs-year-range-is-no-amount"),
    pytest.param("15.524,62 Euro (85%)", Money(15524.62, "EUR"), id="pl-sulikow-euro-percentage"),
    pytest.param("7114,00 EUR", Money(7114, "EUR"), id="pl-poznajemy-sie-no-grouping"),
    pytest.param("381.502,05 euro", Money(381502.05, "EUR"), id="pl-luk-muzakowa-lower-euro"),
    pytest.param("3.200.200 EUR", Money(3200200, "EUR"), id="pl-via-regia-dotted"),
    pytest.param("ok. 2,5 mln zł", Money(2500000, "PLN"), id="pl-ok-mln"),
    pytest.param("do 50 tys. zł", Money(50000, "PLN"), id="pl-do-tys"),
    pytest.param("ca. 2,6 Mio. EUR", Money(2600000, "EUR"), id="de-nachbarsprache-ca-mio"),
    pytest.param("ca. 1,07 Mio. Euro", Money(1070000, "EUR"), id="de-regiocoop-ca-mio-euro"),
    pytest.param(
        "max. 1.329.167,75 Euro", Money(1329167.75, "EUR"), id="de-connecting-regions-max"
    ),
    pytest.param("3,3 Mio. Euro", Money(3300000, "EUR"), id="de-archaeocentrum-mio"),
    pytest.param("482.196,5 €", Money(482196.5, "EUR"), id="de-raabstat-one-decimal"),
    pytest.param("bis zu 30.000 EUR", Money(30000, "EUR"), id="de-bis-zu"),
    pytest.param("für 3 Jahre 30 000 EUR", Money(30000, "EUR"), id="de-count-is-no-amount"),
    pytest.param("2021–2027: 5 Mio. EUR", Money(5000000, "EUR"), id="de-year-range-is-no-amount"),
    pytest.param("250 Tsd. €", Money(250000, "EUR"), id="de-tsd"),
    pytest.param("€ 2,60 million", Money(2600000, "EUR"), id="en-danube-hazard-comma-million"),
    pytest.param("€2.11 million", Money(2110000, "EUR"), id="en-danube-hazard-point-million"),
    pytest.param("EUR 1.23 Mil.", Money(1230000, "EUR"), id="en-plasticfreedanube-mil"),
    pytest.param("€ 236 300,00", Money(236300, "EUR"), id="en-so23-spaces-comma-cents"),
    pytest.param("352,857.00 €", Money(352857, "EUR"), id="en-pa4-comma-point"),
    pytest.param("667 122,56 € (85%)", Money(667122.56, "EUR"), id="en-kohesio-jst-percentage"),
    pytest.param("EUR 1.320.000", Money(1320000, "EUR"), id="en-teacher-ce-code-first"),
    pytest.param("approx. EUR 2.5 million", Money(2500000, "EUR"), id="en-approx-code-million"),
    pytest.param("up to EUR 30,000", Money(30000, "EUR"), id="en-up-to"),
    pytest.param("350 thousand EUR", Money(350000, "EUR"), id="en-thousand"),
    pytest.param("€2.5m", Money(2500000, "EUR"), id="en-one-letter-million-written-on"),
    # A one-letter multiplier after a space counts before a currency or at
    # the end ("500 k€", "1,2 M EUR", "EUR 500 K"); German writes T€ and
    # TEUR for thousands, EU documents MEUR for millions.
    pytest.param("500 k€", Money(500000, "EUR"), id="en-k-before-euro-sign"),
    pytest.param("500 k EUR", Money(500000, "EUR"), id="en-k-before-code"),
    pytest.param("1,2 M€", Money(1200000, "EUR"), id="en-m-before-euro-sign"),
    pytest.param("1.2 M EUR", Money(1200000, "EUR"), id="en-m-before-code"),
    pytest.param("EUR 500 K", Money(500000, "EUR"), id="en-k-at-the-end"),
    pytest.param("€ 2.5 m", Money(2500000, "EUR"), id="en-m-at-the-end"),
    pytest.param("500 T€", Money(500000, "EUR"), id="de-t-euro"),
    pytest.param("500 TEUR", Money(500000, "EUR"), id="de-teur"),
    pytest.param("1.250 TEUR", Money(1250000, "EUR"), id="de-teur-grouped"),
    pytest.param("500 kEUR", Money(500000, "EUR"), id="en-keur"),
    pytest.param("3,5 MEUR", Money(3500000, "EUR"), id="en-meur"),
    pytest.param("2 000 000 Kč k 31. 12. 2012", Money(2000000, "CZK"), id="cs-k-after-the-currency"),
    pytest.param("2 000 000 k rozpočtu EUR", Money(2000000, "EUR"), id="cs-k-before-a-word"),
    pytest.param("blisko 800 tyś. zł", Money(800000, "PLN"), id="pl-tys-misspelt"),
    pytest.param("500 xyz. zł", None, id="an-unknown-abbreviation-before-the-currency"),
    pytest.param("1 000 abcd EUR", None, id="an-unknown-short-word-before-the-currency"),
    # doubtful: two amounts, or numbers with no currency beside any (a wrong
    # value is worse than a null)
    pytest.param("2.302.539,00 / 2.878.173,75 €", None, id="de-kpf-egrensis-two-amounts"),
    pytest.param("EFRE: 100 000 € / Gesamt: 120 000 €", None, id="de-two-amounts-with-currency"),
    pytest.param("Gesamt: 120 000 € davon EFRE 100 000", None, id="de-second-amount-no-currency"),
    pytest.param("1 000 EUR (25 000 Kč)", None, id="cs-two-currencies"),
    pytest.param("1 762 400 EUR (ERDF 85 %, tj. 1 498 040 EUR)", None, id="cs-share-as-amount"),
    pytest.param("Etapa 2: 1 000", None, id="cs-stage-and-number-no-currency"),
    pytest.param("1 000 – 2 000 EUR", None, id="en-range-of-amounts"),
    # amount-less values
    pytest.param("viz příloha", None, id="cs-clara-iii-viz-priloha"),
    pytest.param("viz příloha č. 3", None, id="cs-viz-priloha-numbered"),
    pytest.param("beantragt", None, id="de-zusammenhalt-beantragt"),
    pytest.param("see annex", None, id="en-see-annex"),
    pytest.param("Euro", None, id="de-euro-alone"),
    pytest.param("85 %", None, id="cs-tritia-rate-alone"),
    pytest.param("ERDF (80%)", None, id="en-climate-ie-fund-and-rate"),
    pytest.param("Eigenmittel der NÖ.Regional.GmbH", None, id="de-kpf-strategie-own-funds"),
    # no amount at all
    pytest.param(None, None, id="none"),
    pytest.param("", None, id="empty"),
    pytest.param("not known", None, id="words-only"),
    pytest.param("N/A", None, id="not-applicable"),
    pytest.param("€", None, id="currency-without-amount"),
    # longer than any amount written out: not read (the search would grow with the square)
    pytest.param(
        "€ 1.762.400".ljust(MAX_MONEY_LENGTH), Money(1762400, "EUR"), id="long-at-the-cap"
    ),
    pytest.param("€ 1.762.400".ljust(MAX_MONEY_LENGTH + 1), None, id="too-long-past-the-cap"),
    pytest.param("1 " * 2_000 + "EUR", None, id="too-long-1-1-1-EUR"),
    pytest.param("1" * 2_000, None, id="too-long-run-of-digits"),
    pytest.param("Etapa 2: " * 100 + "1 000 EUR", None, id="too-long-sentence"),
]


@pytest.mark.parametrize(("text", "expected"), MONEY_EXAMPLES)
def test_parse_money(text: str | None, expected: Money | None) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["1 762 400", "1.762.400,00", "€1,762,400.00"])
def test_amounts_carry_no_fraction_when_whole(text: str) -> None:
    money = parse_money(text)
    assert money is not None
    assert type(money.amount) is int


CURRENCY_HINT_EXAMPLES = [
    # Polish
    pytest.param("12 500,50", "zł", Money(12500.5, "PLN"), id="pl-hint-zloty"),
    pytest.param("12 500,50", "PLN", Money(12500.5, "PLN"), id="pl-hint-code"),
    # Czech sheets
    pytest.param("1 000", "Kč", Money(1000, "CZK"), id="cs-hint-koruna"),
    pytest.param("1 000 EUR", "Kč", Money(1000, "EUR"), id="cs-value-currency-beats-hint"),
    # English programme sites
    pytest.param("1,762,400", "EUR", Money(1762400, "EUR"), id="en-hint-euro"),
    pytest.param("1,762,400", None, Money(1762400, None), id="en-no-hint-no-currency"),
    pytest.param("1,762,400", "points", Money(1762400, None), id="en-hint-not-a-currency"),
]


@pytest.mark.parametrize(("text", "hint", "expected"), CURRENCY_HINT_EXAMPLES)
def test_parse_money_with_currency_hint(text: str, hint: str | None, expected: Money) -> None:
    assert parse_money(text, currency_hint=hint) == expected


CURRENCY_EXAMPLES = [
    # from the contract
    pytest.param("€", "EUR", id="contract-euro-sign"),
    pytest.param("EUR", "EUR", id="contract-eur"),
    pytest.param("euro", "EUR", id="contract-euro-word"),
    pytest.param("Kč", "CZK", id="contract-koruna-sign"),
    pytest.param("CZK", "CZK", id="contract-czk"),
    pytest.param("zł", "PLN", id="contract-zloty-sign"),
    pytest.param("PLN", "PLN", id="contract-pln"),
    # Czech sheets
    pytest.param("Kc", "CZK", id="cs-koruna-without-hacek"),
    pytest.param("Rozpočet v Kč", "CZK", id="cs-in-a-label"),
    pytest.param("Celkový rozpočet (EUR)", "EUR", id="cs-label-note"),
    # German
    pytest.param("Euro", "EUR", id="de-euro-capitalised"),
    pytest.param("EURO", "EUR", id="de-euro-upper"),
    # Polish
    pytest.param("złotych", "PLN", id="pl-zlotych"),
    pytest.param("Budżet w PLN", "PLN", id="pl-in-a-label"),
    # English programme sites
    pytest.param("euros", "EUR", id="en-euros"),
    pytest.param("Europe", None, id="en-europe-is-no-currency"),
    pytest.param("Eurostat", None, id="en-word-containing-eur"),
    pytest.param("x", None, id="unknown"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), CURRENCY_EXAMPLES)
def test_currency_code(text: str | None, expected: str | None) -> None:
    assert currency_code(text) == expected


FUND_EXAMPLES = [
    # from the contract
    pytest.param("ERDF", "ERDF", id="contract-erdf"),
    pytest.param("EFRE", "ERDF", id="contract-efre"),
    pytest.param("EFRR", "ERDF", id="contract-efrr"),
    pytest.param("FEDER", "ERDF", id="contract-feder"),
    pytest.param("Cohesion Fund", "CF", id="contract-cohesion-fund"),
    pytest.param("Fundusz Spójności", "CF", id="contract-fundusz-spojnosci"),
    pytest.param("Fond soudržnosti", "CF", id="contract-fond-soudrznosti"),
    pytest.param("ESF", "ESF", id="contract-esf"),
    pytest.param("EAFRD", "EAFRD", id="contract-eafrd"),
    pytest.param("ENI", "ENI", id="contract-eni"),
    pytest.param("IPA", "IPA", id="contract-ipa"),
    # Czech sheets
    pytest.param("Podíl ERDF", "ERDF", id="cs-podil-erdf-label"),
    pytest.param("Evropský fond pro regionální rozvoj", "ERDF", id="cs-erdf-spelled-out"),
    pytest.param("Evropský sociální fond", "ESF", id="cs-esf-spelled-out"),
    pytest.param("Evropsky fond pro regionalni rozvoj", "ERDF", id="cs-vita-min-ascii"),
    pytest.param(
        "Předpokládaná výše dotace z Evropského fondu pro regionální rozvoj",
        "ERDF",
        id="cs-cech-a-polak-genitive-in-label",
    ),
    pytest.param("z Fondu soudržnosti", "CF", id="cs-fond-soudrznosti-genitive"),
    pytest.param("EFRR a IPA", None, id="cs-cultplatform21-two-funds"),
    pytest.param("85 %", None, id="cs-tritia-rate-is-no-fund"),
    pytest.param("Výše dotace EU", None, id="cs-eu-grant-names-no-fund"),
    pytest.param("Evropský fond", None, id="cs-fund-label-alone"),
    # German
    pytest.param("EFRE-Mittel", "ERDF", id="de-efre-mittel"),
    pytest.param("Kohäsionsfonds", "CF", id="de-kohaesionsfonds"),
    pytest.param("ELER", "EAFRD", id="de-eler"),
    pytest.param(
        "Europäischer Fonds für regionale Entwicklung", "ERDF", id="de-recom-erdf-spelled-out"
    ),
    pytest.param(
        "aus dem Europäischen Fonds für regionale Entwicklung", "ERDF", id="de-erdf-dative"
    ),
    pytest.param("EFRE-Mittel: beantragt", "ERDF", id="de-zusammenhalt-fund-without-amount"),
    pytest.param("EFRE und ESF", None, id="de-two-funds"),
    # Polish
    pytest.param("Kwota dofinansowania z EFRR", "ERDF", id="pl-kwota-z-efrr"),
    pytest.param("Europejski Fundusz Społeczny", "ESF", id="pl-esf-spelled-out"),
    pytest.param(
        "Europejski Fundusz Rozwoju Regionalnego", "ERDF", id="pl-przygoda-erdf-spelled-out"
    ),
    pytest.param(
        "ze środków Europejskiego Funduszu Rozwoju Regionalnego", "ERDF", id="pl-erdf-genitive"
    ),
    pytest.param("Fundusz: EFRR", "ERDF", id="pl-wschodnie-karkonosze-fundusz"),
    pytest.param("Funduszu Spójności", "CF", id="pl-cf-genitive"),
    pytest.param("Wkład UE", None, id="pl-eu-share-names-no-fund"),
    # English programme sites
    pytest.param("ERDF contribution", "ERDF", id="en-erdf-contribution"),
    pytest.param("European Regional Development Fund", "ERDF", id="en-erdf-spelled-out"),
    pytest.param("Cohesion Fund (CF)", "CF", id="en-kohesio-jst-cohesion-fund"),
    pytest.param("ERDF (80%)", "ERDF", id="en-climate-ie-fund-and-rate"),
    pytest.param("European Social Fund Plus", "ESF", id="en-esf-plus"),
    pytest.param("ENI CBC", "ENI", id="en-eni-cbc"),
    pytest.param("EU contribution", None, id="en-eu-contribution-names-no-fund"),
    pytest.param("Interreg", None, id="en-programme-is-no-fund"),
    pytest.param("CFO", None, id="en-word-starting-with-cf"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), FUND_EXAMPLES)
def test_parse_fund(text: str | None, expected: str | None) -> None:
    assert parse_fund(text) == expected


CONTRACT_LAYOUTS = ["€ {}", "{},00 EUR", "{} Kč", "{} zł", "EUR {},-"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_parse_money_of_any_text_is_money_or_none(text: str) -> None:
    money = parse_money(text)
    assert money is None or (isinstance(money, Money) and money.amount >= 0)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_parse_fund_of_any_text_is_a_contract_fund_or_none(text: str) -> None:
    assert parse_fund(text) in {"ERDF", "CF", "ESF", "EAFRD", "ENI", "IPA", None}


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1000, max_value=10**9),
    st.sampled_from(["max. ", "ca. ", "cca ", "approx. ", "bis zu ", "ok. ", ""]),
    st.sampled_from([" (85 %)", " (85%)", " (80 % EFRE)", ""]),
)
def test_qualifiers_and_a_percentage_never_change_the_amount(
    amount: int, qualifier: str, note: str
) -> None:
    grouped = f"{amount:,}".replace(",", " ")
    assert parse_money(f"{qualifier}{grouped} EUR{note}") == Money(amount, "EUR")


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1000, max_value=10**9),
    st.sampled_from(["Etapa 2: ", "2021–2027: ", "für 3 Jahre ", "Phase 1 ", "2014-2020 "]),
)
def test_a_stage_count_or_year_before_the_amount_is_not_the_amount(
    amount: int, before: str
) -> None:
    grouped = f"{amount:,}".replace(",", ".")
    assert parse_money(f"{before}{grouped} €") == Money(amount, "EUR")


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1000, max_value=10**9),
    st.integers(min_value=1000, max_value=10**9),
    st.sampled_from(["{} € / {} €", "{} EUR, z toho {} EUR", "{} / {} €"]),
)
def test_two_amounts_in_one_value_give_none(first: int, second: int, layout: str) -> None:
    grouped = [f"{n:,}".replace(",", ".") for n in (first, second)]
    assert parse_money(layout.format(*grouped)) is None


def _currency_words() -> list[str]:
    from chemclust_extract.languages import table

    return sorted({w for items in table("money.currencies").values() for w in items})


_NEAR_CURRENCIES = ["kEUR", "TEUR", "Mio.", "mil.", "k", "K", "Kčs", "EURx", "€€", "tyś.", ":", "-", "EUR:"]


@settings(max_examples=400)
@given(
    st.one_of(st.none(), st.sampled_from(_currency_words() + _NEAR_CURRENCIES)),
    st.sampled_from(["", " ", "  "]),
    st.one_of(
        st.from_regex(r"\d{1,3}(?:[ .,]\d{3}){0,3}(?:[.,]\d{1,4})?", fullmatch=True),
        st.from_regex(r"\d{1,9}(?:[ .,]\d{1,4}){0,3}", fullmatch=True),
    ),
    st.sampled_from(["", " ", "  "]),
    st.one_of(st.none(), st.sampled_from(_currency_words() + _NEAR_CURRENCIES)),
    st.sampled_from([None, "EUR", "Kč"]),
)
def test_the_usual_value_reads_as_the_general_reading_reads_it(
    before: str | None, gap: str, number: str, gap_after: str, after: str | None, hint: str | None
) -> None:
    """The quick reading of "€ 1.762.400" and its like gives what the
    general reading gives, or leaves the value to it."""
    from chemclust_extract.normalise.money import _plain_amount, _read_money

    text = " ".join(f"{before or ''}{gap}{number}{gap_after}{after or ''}".split())
    quick = _plain_amount(text, hint)
    if quick is not None:
        assert (quick or None) == _read_money(text, hint)
