"""Amounts of money and the EU fund they come from.

Numbers are read by price-parser; this module adds what the sheets need on
top: ISO 4217 codes for the signs and words they use, the ``,-`` of Czech
and German prices, multipliers such as ``mil. Kč``, and the EU funds' names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from price_parser import Price

from chemclust_extract.languages import terms

# ",-" / ",--" / ".-" after the digits means "no cents" (1.762.400,- EUR).
_NO_CENTS = re.compile(r"(?<=\d)[.,]-{1,2}(?!\d)")
_DIGITS = re.compile(r"\d")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_LARGEST = Decimal(10) ** 15
# Longer values are not read.  Real ones are under 100 characters, the
# longest a short sentence ("max. 1 762 400,00 EUR (ERDF 85 %, tj. 1 498 040
# EUR)"); 500 leaves room five times over.  price-parser's search for the
# decimal separator, and the "%" pattern on a run of digits, take time that
# grows with the square of the length: 500 characters cost a few
# milliseconds, 64 KB of "1 1 1 ... EUR" took seconds.
MAX_MONEY_LENGTH = 500


@dataclass(frozen=True)
class Money:
    amount: int | float
    currency: str | None


def parse_money(text: str | None, currency_hint: str | None = None) -> Money | None:
    """An amount and its ISO 4217 currency, or ``None`` if the text holds no
    amount.  A lone ``.`` or ``,`` before exactly three digits groups
    thousands.  ``currency_hint`` (from the label, e.g. ``Budget (EUR)``) is
    used when the value names no currency.

    >>> parse_money("€ 1.762.400")
    Money(amount=1762400, currency='EUR')
    >>> parse_money("1 762 400,00 EUR")
    Money(amount=1762400, currency='EUR')
    >>> parse_money("EUR 1.762.400,-")
    Money(amount=1762400, currency='EUR')
    >>> parse_money("601.840 €")
    Money(amount=601840, currency='EUR')
    >>> parse_money("1,5 mil. Kč")
    Money(amount=1500000, currency='CZK')
    >>> parse_money("12 500,50", currency_hint="zł")
    Money(amount=12500.5, currency='PLN')
    >>> parse_money("not known") is None, parse_money("85 %") is None
    (True, True)
    >>> parse_money("85 %, tj. 1 000 000 EUR")
    Money(amount=1000000, currency='EUR')
    >>> parse_money("1 " * 300 + "EUR") is None  # longer than any amount written out
    True
    """
    if not text or len(text) > MAX_MONEY_LENGTH:
        return None
    text = _NO_CENTS.sub("", _PERCENT.sub(" ", text))  # "85 %" is a share, not an amount
    if not _DIGITS.search(text):
        return None
    price = Price.fromstring(text)
    if price.amount is None:
        return None
    amount = price.amount * _multiplier(text, price.amount_text or "")
    if amount > _LARGEST:  # no project costs this much: a run of digits, not an amount
        return None
    currency = currency_code(price.currency) or currency_code(text) or currency_code(currency_hint)
    return Money(_number(amount), currency)


def currency_code(text: str | None) -> str | None:
    """ISO 4217 code of the first currency sign or word in a text.

    >>> currency_code("Kč"), currency_code("euro"), currency_code("zł"), currency_code("x")
    ('CZK', 'EUR', 'PLN', None)
    """
    if not text:
        return None
    currencies = terms("money.currencies")
    match = currencies.find(text)
    return currencies.key(match) if match else None


def parse_fund(text: str | None) -> str | None:
    """The EU fund a text names, as the contract's acronym.

    >>> parse_fund("Podíl ERDF"), parse_fund("Kwota dofinansowania z EFRR"), parse_fund("Fond soudržnosti")
    ('ERDF', 'ERDF', 'CF')
    >>> parse_fund("EU contribution") is None
    True
    """
    if not text:
        return None
    funds = terms("funds")
    match = funds.find(text)
    return funds.key(match) if match else None


def _multiplier(text: str, amount_text: str) -> Decimal:
    """The factor of a word such as ``mil.`` right after the number."""
    if not amount_text:
        return Decimal(1)
    at = text.find(amount_text) + len(amount_text)
    after = text[at : at + 16]
    multipliers = terms("money.multipliers")
    match = multipliers.pattern.match(after.lstrip())
    if not match or (len(match.group(0)) == 1 and after[:1].isspace()):
        return Decimal(1)
    return Decimal(multipliers.key(match))


def _number(amount: Decimal) -> int | float:
    try:
        integral = amount == amount.to_integral_value()
    except InvalidOperation:
        return float(amount)
    return int(amount) if integral else float(round(amount, 2))
