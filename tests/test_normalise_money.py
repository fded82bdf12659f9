"""Money, currencies and EU funds, specified by examples (CONTRACT.md, "Money").

Expectations come from the contract; a case the code gets wrong today is a
strict xfail naming what is wrong, never a deleted or bent case.
"""

from __future__ import annotations

import pytest

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
    pytest.param("Výše dotace EU", None, id="cs-eu-grant-names-no-fund"),
    pytest.param("Evropský fond", None, id="cs-fund-label-alone"),
    # German
    pytest.param("EFRE-Mittel", "ERDF", id="de-efre-mittel"),
    pytest.param("Kohäsionsfonds", "CF", id="de-kohaesionsfonds"),
    pytest.param("ELER", "EAFRD", id="de-eler"),
    # Polish
    pytest.param("Kwota dofinansowania z EFRR", "ERDF", id="pl-kwota-z-efrr"),
    pytest.param("Europejski Fundusz Społeczny", "ESF", id="pl-esf-spelled-out"),
    pytest.param("Wkład UE", None, id="pl-eu-share-names-no-fund"),
    # English programme sites
    pytest.param("ERDF contribution", "ERDF", id="en-erdf-contribution"),
    pytest.param("European Regional Development Fund", "ERDF", id="en-erdf-spelled-out"),
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
