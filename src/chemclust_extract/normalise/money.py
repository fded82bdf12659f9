"""Amounts of money and the EU fund they come from.

A value is read as real sheets write it: qualifiers (``max.``, ``ca.``,
``bis zu``) and a percentage in brackets are no part of the amount, and
where a value holds other numbers too (a stage, a year range, a count), the
amount is the number written with the currency.  Two amounts in one value,
or several numbers with no currency beside any, are doubtful and give
``None``: a wrong value is worse than a missing one.  The chosen number's
syntax (``1.762.400,00``, ``1,762,400.00``) is read as price-parser reads
it, the usual shapes without it (:func:`parse_amount`); the words
(currencies, multipliers such as ``mil.``, qualifiers, amount-less phrases
such as ``viz příloha``) and the funds' names come from the language files
(``[money]``, common ``[funds]``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Literal

from chemclust_extract.languages import alternation, bare, table, terms, words

# ",-" / ",--" / ",–" after the digits means "no cents" (1.762.400,- EUR).
_NO_CENTS = re.compile(r"(?<=\d)[.,][-–]{1,2}(?!\d)")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")  # "85 %" is a share, not an amount
# A day's date beside an amount ("2 000 000 k 31. 12. 2012") is no amount.
_DATE = re.compile(r"(?<![\d.,])\d{1,2}\.\s?\d{1,2}\.\s?\d{4}(?!\d)")
_NUMBER = re.compile(
    r"""(?<!\d)(?<!\d[.,])                       # not inside another number
        (?:
            \d{1,3} (?: \s \d{3} (?!\d) )+       # 1 762 400: groups of three after spaces
            (?: [.,] \d{1,2} (?!\d) )?           # ,00: the cents
            (?! [.,] \d )                       # not "1 100.000": that is 1 and 100.000
          | \d+ (?: [.,] \d+ )*                  # 1.762.400,00  1,762,400.00  2,60  2017
        )""",
    re.VERBOSE,
)
_GROUPED = re.compile(r"\d[\s.,]\d")  # a number written like an amount: 1 000, 2,5
_LONG_NUMBER = 5  # digits: a count, a stage or a year has fewer
_LARGEST = Decimal(10) ** 15
# Longer values are not read.  Real ones are under 100 characters, the
# longest a short sentence ("max. 1 762 400,00 EUR (ERDF 85 %, tj. 1 498 040
# EUR)"); 500 leaves room five times over.  Every pattern here runs in time
# linear in the length; the cap keeps even that small.
MAX_MONEY_LENGTH = 500


@dataclass(frozen=True)
class Money:
    amount: int | float
    currency: str | None


@dataclass(frozen=True)
class _Number:
    """A number in a value, and the currency written beside it."""

    match: re.Match[str]
    currency: str | None

    @property
    def amount_like(self) -> bool:
        """Written like an amount (grouped, with decimals or long), not like
        a stage, a count or a year."""
        text = self.match.group(0)
        return bool(_GROUPED.search(text)) or sum(c.isdigit() for c in text) >= _LONG_NUMBER


def parse_money(text: str | None, currency_hint: str | None = None) -> Money | None:
    """An amount and its ISO 4217 currency, or ``None`` if the text holds no
    amount, or holds it doubtfully.  A lone ``.`` or ``,`` before exactly
    three digits groups thousands.  ``currency_hint`` (from the label, e.g.
    ``Budget (EUR)``) is used when the value names no currency.

    >>> parse_money("€ 1.762.400"), parse_money("1 762 400,00 EUR")
    (Money(amount=1762400, currency='EUR'), Money(amount=1762400, currency='EUR'))
    >>> parse_money("EUR 1.762.400,-"), parse_money("601.840 €")
    (Money(amount=1762400, currency='EUR'), Money(amount=601840, currency='EUR'))
    >>> parse_money("1,5 mil. Kč"), parse_money("12 500,50", currency_hint="zł")
    (Money(amount=1500000, currency='CZK'), Money(amount=12500.5, currency='PLN'))
    >>> parse_money("max. 1.329.167,75 Euro"), parse_money("cca 1,7 mil. EUR (85 % z prostředků EU)")
    (Money(amount=1329167.75, currency='EUR'), Money(amount=1700000, currency='EUR'))

    The number written with the currency is the amount, never the first:

    >>> parse_money("Etapa 2: 1 000 EUR"), parse_money("2021–2027: 5 Mio. EUR")
    (Money(amount=1000, currency='EUR'), Money(amount=5000000, currency='EUR'))

    Two amounts, or numbers with no currency beside any, are doubtful:

    >>> parse_money("EFRE: 100 000 € / Gesamt: 120 000 €") is None, parse_money("2.302.539,00 / 2.878.173,75 €") is None
    (True, True)
    >>> parse_money("Etapa 2: 1 000") is None, parse_money("viz příloha č. 3") is None
    (True, True)
    >>> parse_money("not known") is None, parse_money("85 %") is None, parse_money("Euro") is None
    (True, True, True)
    >>> parse_money("1 " * 300 + "EUR") is None  # longer than any amount written out
    True
    """
    if not text or len(text) > MAX_MONEY_LENGTH or _amountless().search(text):
        return None
    text = " ".join(text.split())
    plain = _plain_amount(text, currency_hint)
    if plain is not None:
        return plain or None
    return _read_money(text, currency_hint)


def _read_money(text: str, currency_hint: str | None) -> Money | None:
    """:func:`parse_money` of a value in any shape, its spaces made single."""
    # A date leaves a mark: what stood before it is not at the end ("2 000 000 k 31. 12. 2012").
    text = _DATE.sub(" | ", _PERCENT.sub(" ", _NO_CENTS.sub("", text)))
    text = _glued_code().sub(r"\1 ", text)
    chosen = _the_amount(_numbers(text))
    if chosen is None or _unknown_word_before_currency(text, chosen):
        return None
    number = parse_amount(chosen.match.group(0))
    if number is None:
        return None
    amount = number * _multiplier(text, chosen.match.end())
    if amount > _LARGEST:  # no project costs this much: a run of digits, not an amount
        return None
    currency = chosen.currency or currency_code(text) or currency_code(currency_hint)
    return Money(_number(amount), currency)


# The usual value: one number, and perhaps one currency sign or word right
# before or after it (a space between, or none): "€ 1.762.400", "601.840 €",
# "1 762 400,00 EUR", "12 500,50".
_PLAIN = re.compile(
    r"""(?: (?P<before>[^\d\s]+) \ ? )?
        (?P<number> \d+ (?: [\ .,] \d+ )* )
        (?: \ ? (?P<after>[^\d\s]+) )?""",
    re.VERBOSE,
)


def _plain_amount(text: str, currency_hint: str | None) -> Money | Literal[False] | None:
    """:func:`parse_money` of the usual value, read at once: its number in
    a usual shape, the currency beside it one the language files know,
    each where the general reading finds it.  ``None`` for any other value,
    which is read the general way; ``False`` for an amount too large.  (A
    property test holds the two readings equal.)"""
    plain = _PLAIN.fullmatch(text)
    if plain is None or (plain["before"] and plain["after"]):
        return None
    number = plain["number"]
    usual = _USUAL_AMOUNT.match(number)
    read = _NUMBER.match(text, plain.start("number"))
    if usual is None or (usual["group"] and usual["group"] == usual["point"]):
        return None
    if read is None or read.end() != plain.end("number"):
        return None  # the general reading splits it into numbers, or reads another
    currency = None
    for part in ("before", "after"):
        if plain[part]:
            sign = terms("money.currencies")
            found = sign.pattern.match(text, plain.start(part))
            if found is None or found.end() != plain.end(part):
                return None  # a word no list knows, a multiplier, a sign glued to a word
            currency = sign.key(found)
    whole: str = usual["whole"].replace(usual["group"], "") if usual["group"] else usual["whole"]
    amount: int | Decimal = (
        Decimal(f"{whole}.{usual['decimals']}") if usual["point"] else int(whole)
    )  # as parse_amount reads it; a whole number needs no Decimal
    if amount > _LARGEST:
        return False
    value = amount if isinstance(amount, int) else _number(amount)
    return Money(value, currency or currency_code(currency_hint))


# The usual shapes of an amount, read here without price-parser: digits
# grouped by one sign throughout, then perhaps one or two decimals after
# the other sign.
_USUAL_AMOUNT = re.compile(
    r"""(?P<whole>
            \d{1,3} (?: (?P<group>[\ .,]) \d{3} (?: (?P=group) \d{3} )* )?   # 1 762 400  1.762.400  1,762,400
          | \d+                                                            # 1762400
        )
        (?: (?P<point>[.,]) (?P<decimals>\d{1,2}) )?                        # ,00  .5
        $""",
    re.VERBOSE,
)


def _unknown_word_before_currency(text: str, chosen: _Number) -> bool:
    """A short word or an abbreviation no list knows between the amount and
    a currency (``800 tyś. zł``, ``5 Mln. EUR``): a multiplier perhaps, so
    the amount is doubtful."""
    if chosen.currency is not None:
        return False
    after = _SHORT_WORD_THEN.match(text, chosen.match.end())
    return after is not None and terms("money.currencies").pattern.match(after["rest"]) is not None


# A short word or an abbreviation after an amount, and what follows it.
_SHORT_WORD_THEN = re.compile(r"\s?(?:[^\W\d_]{1,4}\.?|[^\W\d_]+\.)\s*(?P<rest>.*)", re.DOTALL)


def holds_amount(text: str) -> bool:
    """Whether a text writes a number with a currency beside it, however
    many: an amount, or a budget line of several.

    >>> holds_amount("539 970 EUR, davon Zuwendung 458 974 EUR"), holds_amount("Stadt Dresden (DE)")
    (True, False)
    """
    if len(text) > MAX_MONEY_LENGTH:
        return False
    return any(number.currency for number in _numbers(" ".join(text.split())))


def parse_amount(number: str) -> Decimal | None:
    """A number as price-parser's ``parse_number`` reads it: a sign
    before exactly three digits groups thousands, before one, two or four
    and more it is the decimal point.  The usual shapes are read directly;
    price-parser reads the rest.

    >>> parse_amount("1.762.400"), parse_amount("1 762 400,00"), parse_amount("1,762,400.5")
    (Decimal('1762400'), Decimal('1762400.00'), Decimal('1762400.5'))
    >>> parse_amount("2,60"), parse_amount("1234.5678"), parse_amount("1.234.56")
    (Decimal('2.60'), Decimal('1234.5678'), None)
    """
    usual = _USUAL_AMOUNT.match(number)
    if usual and not (usual["group"] and usual["group"] == usual["point"]):
        whole = usual["whole"].replace(usual["group"], "") if usual["group"] else usual["whole"]
        return Decimal(f"{whole}.{usual['decimals']}" if usual["point"] else whole)
    from price_parser.parser import parse_number  # imported for the rare other shapes

    return parse_number(number)


def _numbers(text: str) -> list[_Number]:
    """Every number of a value, each with the currency written right
    before or after it (a multiplier may stand between: ``5 Mio. EUR``)."""
    currencies = terms("money.currencies")
    signs = list(currencies.pattern.finditer(text))
    found = []
    for match in _NUMBER.finditer(text):
        beside = next((s for s in signs if _beside(text, match, s)), None)
        found.append(_Number(match, currencies.key(beside) if beside else None))
    return found


def _beside(text: str, number: re.Match[str], sign: re.Match[str]) -> bool:
    if sign.start() >= number.end():
        return _gap_after().fullmatch(text, number.end(), sign.start()) is not None
    if sign.end() <= number.start():
        return _gap_before().fullmatch(text, sign.end(), number.start()) is not None
    return False


def _the_amount(numbers: Sequence[_Number]) -> _Number | None:
    """The number that is the amount: the one with a currency, where no
    other number looks like an amount too; else a number alone.

    >>> _the_amount(_numbers("für 3 Jahre 30 000 EUR")).match.group(0)
    '30 000'
    >>> _the_amount(_numbers("1 000 – 2 000 EUR")) is None
    True
    """
    with_currency = [n for n in numbers if n.currency]
    if len(numbers) == 1:
        return numbers[0]
    if len(with_currency) != 1:
        return None
    others = [n for n in numbers if n is not with_currency[0]]
    return None if any(n.amount_like for n in others) else with_currency[0]


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
    """The EU fund a text names, by acronym or full name in any case and
    with or without diacritics, as the contract's acronym; a text naming two
    funds is doubtful and gives ``None``.

    >>> parse_fund("Podíl ERDF"), parse_fund("Kwota dofinansowania z EFRR"), parse_fund("Fond soudržnosti")
    ('ERDF', 'ERDF', 'CF')
    >>> parse_fund("Evropsky fond pro regionalni rozvoj"), parse_fund("Europejskiego Funduszu Rozwoju Regionalnego")
    ('ERDF', 'ERDF')
    >>> parse_fund("EU contribution") is None, parse_fund("EFRR a IPA") is None
    (True, True)
    """
    if not text:
        return None
    pattern, keys = _funds()
    found = {keys[m.group(0)] for m in pattern.finditer(bare(text))}
    return found.pop() if len(found) == 1 else None


@cache
def _funds() -> tuple[re.Pattern[str], Mapping[str, str]]:
    """The funds' names without diacritics, as one whole-word pattern, and
    the acronym of each."""
    keys = {bare(name): fund for fund, names in table("funds").items() for name in names}
    pattern = re.compile(
        rf"""(?: (?<!\w)(?=\w) | (?!\w) )         # a word starts (or a sign)
             (?:{alternation(keys)})              # ERDF  evropsky fond pro regionalni rozvoj
             (?: (?<=\w)(?!\w) | (?<!\w) )        # and ends there""",
        re.VERBOSE,
    )
    return pattern, keys


def _multiplier(text: str, at: int) -> Decimal:
    """The factor of a word such as ``mil.`` right after the number; a
    one-letter one written onto it (``€2.5m``), or after a space where a
    currency or nothing more follows it (``500 k€``, ``1,2 M EUR``, ``EUR
    500 K``): after a space and before other words, ``k`` is the Czech "as
    of" (``2 000 000 k 31. 12. 2012``)."""
    after = text[at : at + 16]
    multipliers = terms("money.multipliers")
    match = multipliers.pattern.match(after.lstrip())
    if not match:
        return Decimal(1)
    if len(match.group(0)) == 1 and after[:1].isspace():
        rest = text[at + len(after) - len(after.lstrip()) + 1 :]
        if rest.strip(_AT_THE_END) and not terms("money.currencies").pattern.match(rest.lstrip()):
            return Decimal(1)
    return Decimal(multipliers.key(match))


_AT_THE_END = " .,;:()[]"  # what may follow an amount's last word


@cache
def _glued_code() -> re.Pattern[str]:
    """A one-letter multiplier written onto a currency code (``TEUR``,
    ``kEUR``, ``MEUR``), to be set apart from it."""
    every = [w for items in table("money.multipliers").values() for w in items]
    letters = "".join(sorted({re.escape(w) for w in every if len(w) == 1}))
    codes = alternation(table("money.currencies"))
    return re.compile(rf"(?<=[\d\s])([{letters}])(?=(?:{codes})(?!\w))", re.IGNORECASE)


@cache
def _gap_after() -> re.Pattern[str]:
    """What may stand between a number and its currency after it."""
    every = [w for items in table("money.multipliers").values() for w in items]
    long, short = (
        alternation(w for w in every if len(w) > 1),
        alternation(w for w in every if len(w) == 1),
    )
    return re.compile(
        rf"""(?: \s* (?:{long}) \.?             # 5 Mio. EUR  1,5 mil. Kč
               | \s? (?:{short}) (?!\w)          # 2.5m EUR  500 k€: one letter, then the currency
             )? \s*""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _gap_before() -> re.Pattern[str]:
    """What may stand between a currency and its number after it: ``EUR:
    ca. 1 000``."""
    qualifier = alternation(words("money.qualifiers"))
    return re.compile(rf"[\s:]*(?:(?:{qualifier})\s*)?", re.IGNORECASE)


@cache
def _amountless() -> re.Pattern[str]:
    """A phrase saying the amount is elsewhere or not known yet."""
    return terms("money.amountless").pattern


def _number(amount: Decimal) -> int | float:
    try:
        integral = amount == amount.to_integral_value()
    except InvalidOperation:
        return float(amount)
    return int(amount) if integral else float(round(amount, 2))
