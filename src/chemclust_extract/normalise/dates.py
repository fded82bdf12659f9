"""Dates and date ranges as ISO 8601 at the precision the sheet gives.

Numeric dates (``01/2010``, ``1.1.2010``, ``16. 5. 2017``, ``2010-01-31``) take
a fast path of regular expressions; anything with a month name (``leden
2010``, ``1st Jan 2010``, ``Mai 2010``) goes to dateparser, whose ``period``
tells the precision.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from dateparser.date import DateDataParser

from chemclust_extract.languages import alternation, words

DEFAULT_LANGUAGES: tuple[str, ...] = ("cs", "en", "de", "pl")

_NUMERIC = re.compile(
    r"""^(?:
        (?P<iso_y>\d{4}) (?: -(?P<iso_m>\d{1,2}) (?: -(?P<iso_d>\d{1,2}) )? )?   # 2010, 2010-01, 2010-01-31
      | (?P<my_m>\d{1,2}) \s*[./]\s* (?P<my_y>\d{4})                             # 01/2010, 1.2010
      | (?P<d>\d{1,2}) \s*[./-]\s* (?P<m>\d{1,2}) \s*[./-]\s* (?P<y>\d{4})        # 1.1.2010, 16. 5. 2017
    )\.?$""",
    re.VERBOSE,
)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20|21)\d\d(?!\d)")
# Candidates for a date inside running text: "(April 2010, s.9)", "12. 5. 2010".
_IN_TEXT = tuple(
    re.compile(rf"(?<![\w.]){body}(?!\w)")
    for body in (
        r"(?:\d{1,2}(?:st|nd|rd|th)?\.?\s*(?:of\s+)?)?[^\W\d_]{3,}\.?,?\s+(?:1[89]|20)\d\d",  # [1st (of)] April 2010
        r"[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d\d",  # May 5, 2011
        r"\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*(?:1[89]|20)\d\d",  # 12.5.2010
        r"(?:1[89]|20)\d\d-\d{1,2}(?:-\d{1,2})?",  # 2010-05[-12]
        r"\d{1,2}\s*/\s*(?:1[89]|20)\d\d",  # 05/2010
        r"(?:v\s+roce|w\s+roku|im\s+Jahr(?:e)?)\s+(?:1[89]|20)\d\d",  # v roce 2011: the year alone
        r"(?:1[89]|20)\d\d\s*r\.",  # 2011 r.
    )
)
_MAX_FREE_TEXT = 40
# Longer values are not read.  Real dates are under 40 characters ("Thursday,
# 1st of September 2011"), real ranges under 80 ("from 1st of September 2011
# to 31st of August 2014 (36 months)"); the caps leave room several times
# over, and keep what a range costs bounded: each place it may split is
# tried by parsing the text on either side.
MAX_DATE_LENGTH = 100
MAX_RANGE_LENGTH = 250
# A range of days before one month and year: keep the first day.
_DAY_RANGE = re.compile(
    r"""(?<![\d.])(?P<first>\d{1,2})\.?\s*        # 12.  3.
        (?:[–—-]|\s(?:bis|až|do|to|und|a)\s)\s*  # – / bis / až / do
        \d{1,2}\.?\s+(?=\d{1,2}\.|[^\W\d_]{3,})  # 13. , then a month number or name""",
    re.VERBOSE,
)
# "2010 r.", "2010 roku", "v roce 2010" - the word for "year" after or before it.
_YEAR_WORD = re.compile(
    r"(?<=\d)\s*(?:r\.|roku|rok|Jahr)$|^(?:v\s+roce|w\s+roku|im\s+Jahr)\s+", re.I
)
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # "(36 měsíců)" after a range
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")


def parse_date(text: str | None, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str | None:
    """One date as ISO 8601 at the precision written.

    >>> parse_date("01/2010"), parse_date("1.1.2010"), parse_date("16. 5. 2017")
    ('2010-01', '2010-01-01', '2017-05-16')
    >>> parse_date("leden 2010"), parse_date("1st Jan 2010"), parse_date("März 2011")
    ('2010-01', '2010-01-01', '2011-03')
    >>> parse_date("2010"), parse_date("13/2010"), parse_date("soon")
    ('2010', None, None)
    >>> parse_date("1.1.2010 " * 20) is None  # longer than any date written out
    True
    """
    if not text or len(text) > MAX_DATE_LENGTH:
        return None
    text = _YEAR_WORD.sub("", " ".join(text.split()).strip(" ,;()")).strip(" ,;()")
    numeric = _NUMERIC.match(text)
    if numeric:
        return _from_numeric(numeric)
    if len(text) > _MAX_FREE_TEXT or not _YEAR.search(text):
        return None
    return _from_words(text, tuple(languages) or DEFAULT_LANGUAGES)


def parse_date_range(
    text: str | None, languages: Sequence[str] = DEFAULT_LANGUAGES
) -> tuple[str, str] | None:
    """Start and end of a range written as two dates joined by a dash or a
    word (``to``, ``až``, ``bis``, ``do``).

    >>> parse_date_range("01/2010 – 12/2012")
    ('2010-01', '2012-12')
    >>> parse_date_range("1st Jan 2010 - 31st Dec 2012")
    ('2010-01-01', '2012-12-31')
    >>> parse_date_range("od 1. 3. 2011 do 28. 2. 2014")
    ('2011-03-01', '2014-02-28')
    >>> parse_date_range("2010-01-01-2012-12-31")
    ('2010-01-01', '2012-12-31')
    >>> parse_date_range("36 months") is None, parse_date_range("01/2010 – " * 30) is None
    (True, True)
    """
    if not text or len(text) > MAX_RANGE_LENGTH:
        return None
    text = _FROM.sub("", " ".join(text.split()))
    found = _split_range(text, languages)
    if found is None and _REMARK.search(text):
        found = _split_range(_REMARK.sub("", text), languages)
    return found


def _split_range(text: str, languages: Sequence[str]) -> tuple[str, str] | None:
    """The first place the text splits into two dates.  Only places with no
    more than a date's length on either side are tried: a longer side is no
    date, and parsing it at every place would cost the square of the length.

    >>> _split_range("01/2010 – 12/2012", ["cs"])
    ('2010-01', '2012-12')
    >>> _split_range("2010-" * 100 + "2012", ["cs"]) is None
    True
    """
    for separator in _separators().finditer(text):
        if separator.start() > MAX_DATE_LENGTH:
            break  # every place from here on has too long a start
        if len(text) - separator.end() > MAX_DATE_LENGTH:
            continue
        start = parse_date(text[: separator.start()], languages)
        end = start and parse_date(text[separator.end() :], languages)
        if start and end:
            return start, end
    return None


def find_date(text: str | None, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str | None:
    """The first date mentioned inside a piece of running text.

    >>> find_date("První workshop v Bruselu, EU-Wochenspiegel (April 2010, s.9)")
    '2010-04'
    >>> find_date("Konference 12. 5. 2011, Ústí nad Labem")
    '2011-05-12'
    >>> find_date("Newsletter no. 3") is None
    True
    >>> find_date("Konference ve dnech 12.–13. 5. 2011"), find_date("Workshop vom 3. bis 4. Mai 2012")
    ('2011-05-12', '2012-05-03')
    """
    if not text or not _YEAR.search(text):
        return None
    # "12.–13. 5. 2011", "3. bis 4. Mai 2012": the first day is the date.
    text = _DAY_RANGE.sub(r"\g<first>. ", text)
    # Each kind of date is searched on its own, so that a failed "word year"
    # candidate cannot hide an ISO date inside it; earliest first.
    candidates = sorted(
        (m.start(), -len(m.group(0)), m.group(0))
        for pattern in _IN_TEXT
        for m in pattern.finditer(text)
    )
    for _, _, candidate in candidates:
        found = parse_date(candidate, languages)
        if found:
            return found
    return None


def months_between(start: str | None, end: str | None) -> int | None:
    """Months from start to end, both counted; ``None`` unless both dates
    give at least a month.

    >>> months_between("2010-01", "2012-12"), months_between("2010-01-15", "2010-01-20")
    (36, 1)
    >>> months_between("2010", "2012-12") is None
    True
    """
    months = [_MONTH.match(d) if d else None for d in (start, end)]
    if months[0] is None or months[1] is None:
        return None
    (sy, sm), (ey, em) = ((int(m[1]), int(m[2])) for m in months if m)
    return (ey * 12 + em) - (sy * 12 + sm) + 1


def _from_numeric(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups["iso_y"]:
        return _iso(groups["iso_y"], groups["iso_m"], groups["iso_d"])
    if groups["my_y"]:
        return _iso(groups["my_y"], groups["my_m"], None)
    day, month = int(groups["d"]), int(groups["m"])
    if month > 12 >= day:  # 12/31/2012 written the American way
        day, month = month, day
    return _iso(groups["y"], str(month), str(day))


def _iso(year: str, month: str | None, day: str | None) -> str | None:
    y = int(year)
    if not _FIRST_YEAR <= y <= _LAST_YEAR:
        return None
    if month is None:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    d = int(day)
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


@cache
def _parser(languages: tuple[str, ...]) -> DateDataParser:
    return DateDataParser(
        languages=list(languages),
        # Absolute dates only: "2010 r." must not become "2010 years ago".
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )


@lru_cache(maxsize=4096)
def _from_words(text: str, languages: tuple[str, ...]) -> str | None:
    try:
        data = _parser(languages).get_date_data(text)
    except (ValueError, OverflowError, TypeError, KeyError):
        return None
    when = data.date_obj
    # The year must be one the text writes, within the years sheets speak of.
    if when is None or str(when.year) not in text or not _FIRST_YEAR <= when.year <= _LAST_YEAR:
        return None
    if data.period == "year":
        return f"{when.year:04d}"
    if data.period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if data.period == "day":
        return when.strftime("%Y-%m-%d")
    return None


_FROM = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in words("dates.from")) + r")\s+", re.I
)


@cache
def _separators() -> re.Pattern[str]:
    """Places a range may split, surest first: dashes and words with spaces
    around them, then a bare dash."""
    joining = alternation(words("dates.to"))
    return re.compile(rf"\s*[–—−]\s*|\s+(?:{joining}|-)\s+|(?<=\d)-(?=\d{{1,2}}[./]|\d{{4}})", re.I)
