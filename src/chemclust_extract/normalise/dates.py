"""Dates and date ranges as ISO 8601 at the precision the sheet gives.

Numeric dates (``01/2010``, ``1.1.2010``, ``16. 5. 2017``, ``2010-01-31``) and
dates with a month name in any of the four languages, in any grammatical
case (``leden 2010``, ``1. července 2017``, ``1 lipca 2017 r.``, ``1st Jan
2010``, ``Monday, April 1, 2024``), take a fast path of regular expressions
whose words come from the language files (``[months]``, ``[dates]``);
dateparser, whose ``period`` tells the precision, reads only what the fast
path cannot.  A year written with two digits (``01.12.18``) is a guess, so
:func:`read_date` says so and the caller warns.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from chemclust_extract.languages import KEPT_VALUES, alternation, bare, table, words

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

DEFAULT_LANGUAGES: tuple[str, ...] = ("cs", "en", "de", "pl")


@dataclass(frozen=True)
class DateReading:
    """A date as read: ISO 8601 at the precision written, and whether the
    year was written with two digits (read as 19yy for 90-99, else 20yy)."""

    iso: str
    two_digit_year: bool = False


_NUMERIC = re.compile(
    r"""^(?:
        (?P<iso_y>\d{4}) (?: -(?P<iso_m>\d{1,2}) (?: -(?P<iso_d>\d{1,2}) )? )?   # 2010, 2010-01, 2010-01-31
      | (?P<my_m>\d{1,2}) \s*[./]\s* (?P<my_y>\d{4})                             # 01/2010, 1.2010
      | (?P<d>\d{1,2}) \s*[./-]\s* (?P<m>\d{1,2}) \s*[./-]\s* (?P<y>\d{4})        # 1.1.2010, 16. 5. 2017
      | (?P<d2>\d{1,2}) \s*[./]\s* (?P<m2>\d{1,2}) \s*[./]\s* (?P<y2>\d{2})       # 01.12.18: two-digit year
    )\.?$""",
    re.VERBOSE,
)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20|21)\d\d(?!\d)")
_FOUR_DIGIT_YEAR = r"(?:1[89]|20)\d\d"
_WORD = re.compile(r"[^\W\d_]+")
# In running text only a zero-padded day and month make a two-digit year a
# date ("(04.05.10)"); "1.2.10" is as likely a version or a section.
_TWO_DIGIT_DAY = re.compile(r"(?<![\w.])\d\d\.\d\d\.\d\d(?!\w|\.\d)")
_MAX_FREE_TEXT = 40
# Longer values are not read.  Real dates are under 40 characters ("Thursday,
# 1st of September 2011"), real ranges under 80 ("from 1st of September 2011
# to 31st of August 2014 (36 months)"); the caps leave room several times
# over, and keep what a range costs bounded: each place it may split is
# tried by parsing the text on either side.
MAX_DATE_LENGTH = 100
MAX_RANGE_LENGTH = 250
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # "(36 měsíců)" after a range
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_TWO_DIGIT_PIVOT = 90  # "18" is 2018, "95" is 1995
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")


def read_date(text: str | None, languages: Sequence[str] = DEFAULT_LANGUAGES) -> DateReading | None:
    """One date as read, with a flag for a year written with two digits.

    >>> read_date("1. července 2017")
    DateReading(iso='2017-07-01', two_digit_year=False)
    >>> read_date("01.12.18"), read_date("31.01.95")
    (DateReading(iso='2018-12-01', two_digit_year=True), DateReading(iso='1995-01-31', two_digit_year=True))
    """
    if not text or len(text) > MAX_DATE_LENGTH:
        return None
    return _read_date(text, tuple(languages))


# Dates recur from sheet to sheet (a programme's period, its calls): the
# readings of each text, no longer than a date is written, are kept.
@lru_cache(maxsize=KEPT_VALUES)
def _read_date(text: str, languages: tuple[str, ...]) -> DateReading | None:
    text = _without_year_words(" ".join(text.split()).strip(" ,;()")).strip(" ,;()")
    numeric = _NUMERIC.match(text)
    if numeric:
        return _from_numeric(numeric)
    named = _month_name_date().match(text)
    if named:
        found = _from_month_name(named)
        return DateReading(found) if found else None
    if len(text) > _MAX_FREE_TEXT or not _YEAR.search(text):
        return None
    found = _from_words(text, tuple(languages) or DEFAULT_LANGUAGES)
    if found and len(found) > len("2010") and _words_but_no_month(text):
        return None  # dateparser read a word as a month ("pro 2010": "for 2010")
    return DateReading(found) if found else None


def _words_but_no_month(text: str) -> bool:
    """Whether a text has words and none of them is a month the language
    files know.

    >>> _words_but_no_month("pro 2010"), _words_but_no_month("1.Jan.2010"), _words_but_no_month("2010/01/31")
    (True, False, False)
    """
    names = _WORD.findall(text)
    return bool(names) and not any(bare(name) in _month_numbers() for name in names)


def parse_date(text: str | None, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str | None:
    """One date as ISO 8601 at the precision written.

    >>> parse_date("01/2010"), parse_date("1.1.2010"), parse_date("16. 5. 2017")
    ('2010-01', '2010-01-01', '2017-05-16')
    >>> parse_date("leden 2010"), parse_date("1st Jan 2010"), parse_date("März 2011")
    ('2010-01', '2010-01-01', '2011-03')
    >>> parse_date("1 lipca 2017 r."), parse_date("01. Juli 2015"), parse_date("Monday, April 1, 2024")
    ('2017-07-01', '2015-07-01', '2024-04-01')
    >>> parse_date("2010"), parse_date("13/2010"), parse_date("soon"), parse_date("36 months")
    ('2010', None, None, None)
    >>> parse_date("1.1.2010 " * 20) is None  # longer than any date written out
    True
    """
    found = read_date(text, languages)
    return found.iso if found else None


def read_date_range(
    text: str | None, languages: Sequence[str] = DEFAULT_LANGUAGES
) -> tuple[DateReading, DateReading] | None:
    """Start and end of a range as read (see :func:`parse_date_range`).

    >>> read_date_range("16.05.17 - 31.01.20")[1]
    DateReading(iso='2020-01-31', two_digit_year=True)
    """
    if not text or len(text) > MAX_RANGE_LENGTH:
        return None
    return _read_date_range(text, tuple(languages))


@lru_cache(maxsize=KEPT_VALUES)
def _read_date_range(
    text: str, languages: tuple[str, ...]
) -> tuple[DateReading, DateReading] | None:
    text = _opening_word().sub("", _without_durations(" ".join(text.split())))
    found = _split_range(text, languages)
    if found is None:
        shorter = _without_lead_and_remark(text)
        if shorter != text:
            found = _split_range(shorter, languages)
    return found


def parse_date_range(
    text: str | None, languages: Sequence[str] = DEFAULT_LANGUAGES
) -> tuple[str, str] | None:
    """Start and end of a range written as two dates joined by a dash or a
    word (``to``, ``až``, ``bis``, ``do``), perhaps opened by a word (``od``,
    ``vom``, ``from``); a duration written beside it is no date.

    >>> parse_date_range("01/2010 – 12/2012")
    ('2010-01', '2012-12')
    >>> parse_date_range("1st Jan 2010 - 31st Dec 2012")
    ('2010-01-01', '2012-12-31')
    >>> parse_date_range("od 1. 3. 2011 do 28. 2. 2014")
    ('2011-03-01', '2014-02-28')
    >>> parse_date_range("2010-01-01-2012-12-31")
    ('2010-01-01', '2012-12-31')
    >>> parse_date_range("15.09.2021r.-31.12.2021r."), parse_date_range("2017-2019 (36 months)")
    (('2021-09-15', '2021-12-31'), ('2017', '2019'))
    >>> parse_date_range("30 months, period 01.07.2020 – 31.12.2022")
    ('2020-07-01', '2022-12-31')
    >>> parse_date_range("36 months") is None, parse_date_range("01/2010 – " * 30) is None
    (True, True)
    """
    found = read_date_range(text, languages)
    return (found[0].iso, found[1].iso) if found else None


def _split_range(text: str, languages: Sequence[str]) -> tuple[DateReading, DateReading] | None:
    """The first place the text splits into two dates.  Only places with no
    more than a date's length on either side are tried: a longer side is no
    date, and parsing it at every place would cost the square of the length.

    >>> [d.iso for d in _split_range("01/2010 – 12/2012", ["cs"])]
    ['2010-01', '2012-12']
    >>> _split_range("2010-" * 100 + "2012", ["cs"]) is None
    True
    """
    for separator in _separators().finditer(text):
        if separator.start() > MAX_DATE_LENGTH:
            break  # every place from here on has too long a start
        if len(text) - separator.end() > MAX_DATE_LENGTH:
            continue
        start = read_date(text[: separator.start()], languages)
        end = start and read_date(text[separator.end() :], languages)
        if start and end:
            return _alike(text[: separator.start()], start, text[separator.end() :], end)
    return None


# A date of three numbers with slashes, as 09/01/2010 or 08/31/12.
_SLASHED = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})\s*")


def _alike(
    start_text: str, start: DateReading, end_text: str, end: DateReading
) -> tuple[DateReading, DateReading]:
    """Both dates of a range read the same way: where one side reads only
    month first (``08/31/2012``), the other, which could be read either way
    (``09/01/2010``), is month first too; a sheet writes its dates alike.

    >>> [d.iso for d in _alike("09/01/2010", read_date("09/01/2010"), "08/31/2012", read_date("08/31/2012"))]
    ['2010-09-01', '2012-08-31']
    """
    first, second = _SLASHED.fullmatch(start_text), _SLASHED.fullmatch(end_text)
    if first is None or second is None:
        return start, end
    if _month_first_only(second) and _either_way(first):
        start = _month_first(first) or start
    elif _month_first_only(first) and _either_way(second):
        end = _month_first(second) or end
    return start, end


def _month_first_only(match: re.Match[str]) -> bool:
    return int(match[2]) > 12 >= int(match[1])


def _either_way(match: re.Match[str]) -> bool:
    return int(match[1]) <= 12 and int(match[2]) <= 12 and match[1] != match[2]


def _month_first(match: re.Match[str]) -> DateReading | None:
    short = len(match[3]) == 2
    year = _two_digit_year(match[3]) if short else match[3]
    found = _iso(year, match[1], match[2])
    return DateReading(found, two_digit_year=short) if found else None


def _without_durations(text: str) -> str:
    """A range without the durations written beside it, and without the
    year words after its years (``2021r.-``), which hide its dash.

    >>> _without_durations("leden 2017 - červen 2019 (30 měsíců)")
    'leden 2017 - červen 2019'
    >>> _without_durations("15.09.2021r.-31.12.2021r.")
    '15.09.2021-31.12.2021'
    """
    text = _duration_phrase().sub(" ", text)
    return " ".join(_year_word_inside().sub("", text).split()).strip(" ,;:")


def _without_lead_and_remark(text: str) -> str:
    """A range without a remark in brackets after it, nor the words before
    its first number (``period 01.07.2020 – …``).

    >>> _without_lead_and_remark("period 01.07.2020 – 31.12.2022")
    '01.07.2020 – 31.12.2022'
    >>> _without_lead_and_remark("leden 2010 – prosinec 2012 (viz harmonogram)")
    'leden 2010 – prosinec 2012'
    """
    text = _REMARK.sub("", text).strip(" ,;:()")
    return _opening_word().sub("", _lead_words().sub("", text))


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
    found = find_date_reading(text, languages)
    return found.iso if found else None


def find_date_reading(
    text: str | None, languages: Sequence[str] = DEFAULT_LANGUAGES
) -> DateReading | None:
    """The first date inside running text, as read: a zero-padded date
    with a two-digit year (``(04.05.10)``) counts, flagged as such.

    >>> find_date_reading("Projektpartnerbörse im Institut Slavonice (04.05.10)")
    DateReading(iso='2010-05-04', two_digit_year=True)
    """
    if not text or not (_YEAR.search(text) or _TWO_DIGIT_DAY.search(text)):
        return None
    if len(text) <= _KEPT_ITEM_LENGTH:
        return _kept_date_in_text(text, tuple(languages))
    return _date_in_text(text, languages)


# A document's or an event's title recurs on the sheets of a programme
# ("Newsletter (May 2010)", "Annual conference 2011"): the readings of
# titles up to this long are kept.
_KEPT_ITEM_LENGTH = 200


def _date_in_text(text: str, languages: Sequence[str]) -> DateReading | None:
    # "12.–13. 5. 2011", "3. bis 4. Mai 2012": the first day is the date.
    text = _day_range().sub(r"\g<first>. ", text)
    # Each kind of date is searched on its own, so that a failed "word year"
    # candidate cannot hide an ISO date inside it; earliest first.
    # A kind is looked for only where the text has what it needs: a year
    # (all but the last), a "." or "/" between numbers, a "-" after a year.
    has_year = _YEAR.search(text) is not None
    candidates = sorted(
        (m.start(), -len(m.group(0)), m.group(0))
        for pattern, needs_year, signs in zip(_in_text(), _IN_TEXT_YEAR, _IN_TEXT_SIGNS, strict=True)
        if (has_year or not needs_year) and (not signs or any(sign in text for sign in signs))
        for m in pattern.finditer(text)
        if not _in_year_range(text, m)
    )
    for _, _, candidate in candidates:
        found = read_date(candidate, languages)
        if found:
            return found
    return None


_kept_date_in_text = lru_cache(maxsize=KEPT_VALUES)(_date_in_text)


def _in_year_range(text: str, match: re.Match[str]) -> bool:
    """Whether a candidate is one end of a range of years ("na lata 2023 -
    2027", "2014–2020"): a period, no item's date."""
    return bool(
        _YEAR_RANGE_AFTER.match(text, match.end())
        or _YEAR_RANGE_BEFORE.search(text, 0, match.start())
    )


_YEAR_RANGE_AFTER = re.compile(r"\s*[-–—]\s*(?:19|20)\d\d(?!\d)")
_YEAR_RANGE_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–—]\s*$")


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


def _from_numeric(match: re.Match[str]) -> DateReading | None:
    groups = match.groupdict()
    if groups["iso_y"]:
        found = _iso(groups["iso_y"], groups["iso_m"], groups["iso_d"])
    elif groups["my_y"]:
        found = _iso(groups["my_y"], groups["my_m"], None)
    elif groups["y"]:
        found = _iso(groups["y"], *_day_month(groups["d"], groups["m"]))
    else:
        year = _two_digit_year(groups["y2"])
        found = _iso(year, *_day_month(groups["d2"], groups["m2"]))
        return DateReading(found, two_digit_year=True) if found else None
    return DateReading(found) if found else None


def _day_month(day: str, month: str) -> tuple[str, str]:
    """Month and day, read the American way (12/31/2012) only where the
    other way is no date."""
    if int(month) > 12 >= int(day):
        day, month = month, day
    return month, day


def _two_digit_year(year: str) -> str:
    """The year of a two-digit one: 19yy for 90-99, else 20yy.

    >>> _two_digit_year("18"), _two_digit_year("95"), _two_digit_year("00")
    ('2018', '1995', '2000')
    """
    century = 1900 if int(year) >= _TWO_DIGIT_PIVOT else 2000
    return str(century + int(year))


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


def _from_month_name(match: re.Match[str]) -> str | None:
    month = next(m for m in match.group("month", "month_first", "month_alone") if m)
    day = match.group("day") or match.group("day_after")
    return _iso(match.group("year"), _month_numbers()[bare(month).rstrip(".")], day)


@cache
def _month_numbers() -> Mapping[str, str]:
    """Every month name of the language files, without diacritics (sheets
    saved in ASCII write ``cervenec``), to its number."""
    return {bare(name): number for number, names in table("months").items() for name in names}


@cache
def _month_names() -> str:
    names = {n for number, items in table("months").items() for n in items}
    return alternation(names | {bare(n) for n in names})


@cache
def _month_name_date() -> re.Pattern[str]:
    """A date with a month name: ``leden 2010``, ``1. července 2017``,
    ``1st of January 2010``, ``January 1, 2010``, ``Monday, April 1, 2024``."""
    months, ordinal = _month_names(), alternation(words("dates.ordinal_suffixes"))
    weekday, of = alternation(words("dates.weekdays")), alternation(words("dates.of"))
    return re.compile(
        rf"""^
        (?: (?:{weekday}) \.? ,? \s+ )?                              # Monday,
        (?:
            (?P<day>\d{{1,2}}) (?:{ordinal})? \.? \s*                # 1st  1.  01
            (?: (?:{of}) \s+ )?                                      # of
            (?P<month>{months}) (?!\w) \.?                           # January  července  Jan.
          | (?P<month_first>{months}) (?!\w) \.? \s+                 # April
            (?P<day_after>\d{{1,2}}) (?:{ordinal})? (?!\w)           # 1  1st
          | (?P<month_alone>{months}) (?!\w) \.?                     # leden  Jänner
        )
        ,? \s* (?P<year>\d{{4}})                                     # 2010
        $""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _parser(languages: tuple[str, ...]) -> DateDataParser:
    # Imported here, on the first date the fast path cannot read: dateparser
    # takes a tenth of a second to import and as long again to set up.
    from dateparser.date import DateDataParser

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


def _without_year_words(text: str) -> str:
    """``2010 r.`` -> ``2010``, ``v roce 2010`` -> ``2010``: the word for
    "year" after or before a date."""
    return _year_words().sub("", text)


@cache
def _year_words() -> re.Pattern[str]:
    after, before = alternation(words("dates.year_after")), alternation(words("dates.year_before"))
    return re.compile(
        rf"""(?<=\d) \s* (?:{after}) $     # 2010 r.  2010 roku
           | ^ (?:{before}) \s+            # v roce 2010  im Jahr 2010""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _year_word_inside() -> re.Pattern[str]:
    """A year word after a year inside a range: ``2021r.-``, ``2017 r. do``."""
    after = alternation(words("dates.year_after"))
    return re.compile(
        rf"""(?<=\d) \s* (?:{after})        # 2021r.  2017 roku
             (?= [\s,;)–—−-] | $ )          # then a space, a dash or the end""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _duration_phrase() -> re.Pattern[str]:
    """A count of months or years beside a range: ``(36 měsíců)``, ``30
    months,``: never a date."""
    units = alternation(words("dates.duration_units"))
    return re.compile(
        rf"""\(? \s*                        # an opening bracket, perhaps
             (?<![\d.,/]) \d{{1,3}} \s*     # 36 (a year has four digits)
             (?:{units}) (?!\w)             # měsíců  months  Monate
             \s* \)? \s* [,;]?              # its closing bracket or comma""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _lead_words() -> re.Pattern[str]:
    """Words before a range's first number that are no month: ``period
    01.07.2020 – …``."""
    months = _month_names()
    return re.compile(
        rf"""^ (?:
               (?! (?:{months}) (?!\w) )    # not a month name
               [^\W\d_]+ [.:,]? \s+         # a word
             )+
             (?=\d)                         # then the first number""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _opening_word() -> re.Pattern[str]:
    """The word opening a range: ``od``, ``vom``, ``from``."""
    return re.compile(rf"^(?:{alternation(words('dates.from'))})\s+", re.IGNORECASE)


@cache
def _separators() -> re.Pattern[str]:
    """Places a range may split, surest first: dashes and words with spaces
    around them, then a bare dash."""
    joining = alternation(words("dates.to"))
    return re.compile(
        rf"""\s*[–—−]\s*                           # 2010 – 2012  2010–2012
           | \s+ (?:{joining}|-) \s+               # 2010 to 2012  2010 - 2012
           | (?<=\d)-(?=\d{{1,2}}[./]|\d{{4}})     # 01/2010-12/2012  2010-2012
           | \s+-(?=\d) | (?<=\d)-\s+              # 03/2020 -2/2022: a space on one side""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _day_range() -> re.Pattern[str]:
    """A range of days before one month and year: the first day is kept."""
    joiners = alternation(words("dates.day_joiners"))
    return re.compile(
        rf"""(?<![\d.])(?P<first>\d{{1,2}})\.?\s*       # 12.  3.
            (?:[–—-]|\s(?:{joiners})\s)\s*              # – / bis / až / do
            \d{{1,2}}\.?\s+(?=\d{{1,2}}\.|[^\W\d_]{{3,}})  # 13. , then a month number or name""",
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _in_text() -> tuple[re.Pattern[str], ...]:
    """Candidates for a date inside running text: ``(April 2010, s.9)``,
    ``12. 5. 2010``, ``v roce 2011``; each is then read by :func:`parse_date`."""
    ordinal, of = alternation(words("dates.ordinal_suffixes")), alternation(words("dates.of"))
    before, after = alternation(words("dates.year_before")), alternation(words("dates.year_after"))
    year = _FOUR_DIGIT_YEAR
    bodies = (
        rf"(?:\d{{1,2}}(?:{ordinal})?\.?\s*(?:(?:{of})\s+)?)?[^\W\d_]{{3,}}\.?,?\s+{year}",  # [1st (of)] April 2010
        rf"[^\W\d_]{{3,}}\.?\s+\d{{1,2}}(?:{ordinal})?,?\s+{year}",  # May 5, 2011
        rf"\d{{1,2}}\s*[./]\s*\d{{1,2}}\s*[./]\s*{year}",  # 12.5.2010
        rf"{year}-\d{{1,2}}(?:-\d{{1,2}})?",  # 2010-05[-12]
        rf"\d{{1,2}}\s*/\s*{year}",  # 05/2010
        rf"(?:{before})\s+{year}(?![-./]?\d)",  # v roce 2011: the year alone
        rf"{year}\s*(?:{after})(?!\w)",  # 2011 r.
        _TWO_DIGIT_DAY.pattern,  # (04.05.10)
    )
    return tuple(re.compile(rf"(?<![\w.]){body}(?!\w)", re.IGNORECASE) for body in bodies)


# What each kind of _in_text() cannot match without: a year (each year in
# them is one _YEAR finds), and one of these signs.
_IN_TEXT_YEAR = (True, True, True, True, True, True, True, False)
_IN_TEXT_SIGNS = ("", "", "./", "-", "/", "", "", ".")
