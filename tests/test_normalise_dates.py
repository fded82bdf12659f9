"""Dates, date ranges and durations, specified by examples (CONTRACT.md, "Dates").

Dates are ISO 8601 at the precision the sheet gives: ``2010``, ``2010-01`` or
``2010-01-31``.  A case the code gets wrong today is a strict xfail.
"""

from __future__ import annotations

import pytest

from chemclust_extract.normalise.dates import (
    MAX_DATE_LENGTH,
    MAX_RANGE_LENGTH,
    find_date,
    months_between,
    parse_date,
    parse_date_range,
)

# dateparser reads "<number> <unit>" as a time *ago*; its answer then depends
# on today's date, which is what makes these cases wrong.
_RELATIVE = "dateparser reads '{}' as a time ago (relative to today)"

DATE_EXAMPLES = [
    # from the contract
    pytest.param("2010", "2010", id="contract-year"),
    pytest.param("2010-01", "2010-01", id="contract-iso-month"),
    pytest.param("2010-01-31", "2010-01-31", id="contract-iso-day"),
    pytest.param("01/2010", "2010-01", id="contract-month-slash-year"),
    pytest.param("1.1.2010", "2010-01-01", id="contract-dotted-day"),
    pytest.param("16. 5. 2017", "2017-05-16", id="contract-dotted-day-spaced"),
    pytest.param("leden 2010", "2010-01", id="contract-czech-month-name"),
    pytest.param("1st Jan 2010", "2010-01-01", id="contract-english-ordinal"),
    pytest.param("January 2010", "2010-01", id="contract-english-month-name"),
    pytest.param("2010-01-01", "2010-01-01", id="contract-iso-first-of-month"),
    # Czech sheets
    pytest.param("12/2012", "2012-12", id="cs-seed-end"),
    pytest.param("1/2010", "2010-01", id="cs-one-digit-month"),
    pytest.param("31. 12. 2012", "2012-12-31", id="cs-last-day-spaced"),
    pytest.param("1.3.2011.", "2011-03-01", id="cs-trailing-dot"),
    pytest.param("01.2010", "2010-01", id="cs-dotted-month"),
    pytest.param("prosinec 2012", "2012-12", id="cs-prosinec"),
    pytest.param("září 2010", "2010-09", id="cs-zari"),
    pytest.param("1. ledna 2010", "2010-01-01", id="cs-genitive-day"),
    pytest.param("listopadu 2011", "2011-11", id="cs-genitive-month"),
    pytest.param("29.2.2012", "2012-02-29", id="cs-leap-day"),
    pytest.param("29.2.2011", None, id="cs-no-leap-day"),
    pytest.param("13/2010", None, id="cs-month-thirteen"),
    # German
    pytest.param("März 2011", "2011-03", id="de-maerz"),
    pytest.param("Mai 2010", "2010-05", id="de-mai"),
    pytest.param("Jänner 2010", "2010-01", id="de-austrian-jaenner"),
    pytest.param("1. März 2011", "2011-03-01", id="de-day-month-name"),
    pytest.param("31.12.2012", "2012-12-31", id="de-dotted-day"),
    # Polish
    pytest.param("styczeń 2010", "2010-01", id="pl-styczen"),
    pytest.param("grudzień 2012", "2012-12", id="pl-grudzien"),
    pytest.param("1 stycznia 2010", "2010-01-01", id="pl-genitive-day"),
    pytest.param("1 stycznia 2010 r.", "2010-01-01", id="pl-day-with-rok"),
    pytest.param("styczeń 2010 r.", "2010-01", id="pl-month-with-rok"),
    pytest.param(
        "2010 r.",
        "2010",
        id="pl-year-with-rok",
    ),
    pytest.param(
        "05/2010 r.",
        "2010-05",
        id="pl-month-slash-year-with-rok",
    ),
    # English programme sites
    pytest.param("31st December 2012", "2012-12-31", id="en-ordinal-full-month"),
    pytest.param("January 1, 2010", "2010-01-01", id="en-american-order"),
    pytest.param("Sept 2010", "2010-09", id="en-sept"),
    pytest.param("Jan. 2010", "2010-01", id="en-abbreviation-with-dot"),
    pytest.param("12/31/2012", "2012-12-31", id="en-american-numeric"),
    pytest.param("2010-02-30", None, id="en-iso-impossible-day"),
    pytest.param("2010-13", None, id="en-iso-month-thirteen"),
    # not a date
    pytest.param(
        "1. 1. 0000",
        None,
        id="year-zero",
    ),
    pytest.param(None, None, id="none"),
    pytest.param("", None, id="empty"),
    pytest.param("   ", None, id="blank"),
    pytest.param("soon", None, id="word"),
    pytest.param("36 months", None, id="duration"),
    pytest.param("Q1 2010", None, id="quarter"),
    # longer than any date written out: not read
    pytest.param("1.1.2010".ljust(MAX_DATE_LENGTH), "2010-01-01", id="long-at-the-cap"),
    pytest.param("1.1.2010".ljust(MAX_DATE_LENGTH + 1), None, id="too-long-past-the-cap"),
    pytest.param("1.1.2010 " * 2_000, None, id="too-long-repeated"),
]


@pytest.mark.parametrize(("text", "expected"), DATE_EXAMPLES)
def test_parse_date(text: str | None, expected: str | None) -> None:
    assert parse_date(text) == expected


RANGE_EXAMPLES = [
    # from the contract
    pytest.param("01/2010 – 12/2012", ("2010-01", "2012-12"), id="contract-en-dash"),
    pytest.param("01/2010 — 12/2012", ("2010-01", "2012-12"), id="contract-em-dash"),
    pytest.param("01/2010 - 12/2012", ("2010-01", "2012-12"), id="contract-hyphen"),
    pytest.param("01/2010 to 12/2012", ("2010-01", "2012-12"), id="contract-to"),
    pytest.param("01/2010 až 12/2012", ("2010-01", "2012-12"), id="contract-az"),
    pytest.param("01/2010 bis 12/2012", ("2010-01", "2012-12"), id="contract-bis"),
    # Czech sheets
    pytest.param("01/2010-12/2012", ("2010-01", "2012-12"), id="cs-bare-hyphen"),
    pytest.param("1. 1. 2010 – 31. 12. 2012", ("2010-01-01", "2012-12-31"), id="cs-spaced-days"),
    pytest.param("leden 2010 až prosinec 2012", ("2010-01", "2012-12"), id="cs-month-names-az"),
    pytest.param("od 1. 3. 2011 do 28. 2. 2014", ("2011-03-01", "2014-02-28"), id="cs-od-do"),
    pytest.param(
        "1. ledna 2010 – 31. prosince 2012", ("2010-01-01", "2012-12-31"), id="cs-genitive"
    ),
    pytest.param(
        "01/2010 - 12/2012 (36 měsíců)",
        ("2010-01", "2012-12"),
        id="cs-duration-note-after-range",
    ),
    # German
    pytest.param("Januar 2010 bis Dezember 2012", ("2010-01", "2012-12"), id="de-month-names-bis"),
    pytest.param("01.01.2010 bis 31.12.2012", ("2010-01-01", "2012-12-31"), id="de-dotted-bis"),
    pytest.param("von 01.2010 bis 12.2012", ("2010-01", "2012-12"), id="de-von-bis"),
    pytest.param(
        "1. Januar 2010 bis 31. Dezember 2012", ("2010-01-01", "2012-12-31"), id="de-day-names"
    ),
    # Polish
    pytest.param("styczeń 2010 – grudzień 2012", ("2010-01", "2012-12"), id="pl-month-names"),
    pytest.param("od stycznia 2010 do grudnia 2012", ("2010-01", "2012-12"), id="pl-od-do"),
    pytest.param(
        "1 stycznia 2010 r. – 31 grudnia 2012 r.", ("2010-01-01", "2012-12-31"), id="pl-days-rok"
    ),
    pytest.param(
        "2010 r. – 2012 r.",
        ("2010", "2012"),
        id="pl-years-rok",
    ),
    # English programme sites
    pytest.param("1st Jan 2010 - 31st Dec 2012", ("2010-01-01", "2012-12-31"), id="en-ordinals"),
    pytest.param("January 2010 to December 2012", ("2010-01", "2012-12"), id="en-month-names-to"),
    pytest.param("from January 2010 to December 2012", ("2010-01", "2012-12"), id="en-from-to"),
    pytest.param("2010-01-01 to 2012-12-31", ("2010-01-01", "2012-12-31"), id="en-iso-to"),
    pytest.param("2010-01-01-2012-12-31", ("2010-01-01", "2012-12-31"), id="en-iso-bare-hyphen"),
    pytest.param("2010–2012", ("2010", "2012"), id="en-years"),
    pytest.param("1.1.2010 – 12/2012", ("2010-01-01", "2012-12"), id="en-mixed-precision"),
    # not a range
    pytest.param("36 months", None, id="duration"),
    pytest.param("2010", None, id="single-date"),
    pytest.param("01/2010 –", None, id="open-end"),
    # longer than any range written out: not read (each place it may split is tried)
    pytest.param(
        "01/2010 – 12/2012".ljust(MAX_RANGE_LENGTH), ("2010-01", "2012-12"), id="long-at-the-cap"
    ),
    pytest.param("01/2010 – 12/2012".ljust(MAX_RANGE_LENGTH + 1), None, id="too-long-past-the-cap"),
    pytest.param("01/2010 – " * 12_000, None, id="too-long-repeated-start"),
    pytest.param("2010-" * 8_000 + "2012", None, id="too-long-bare-hyphens"),
    pytest.param("2010-" * 40 + "2012", None, id="many-places-to-split-none-a-range"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), RANGE_EXAMPLES)
def test_parse_date_range(text: str | None, expected: tuple[str, str] | None) -> None:
    assert parse_date_range(text) == expected


FIND_DATE_EXAMPLES = [
    # from the contract (the seed's news and documents)
    pytest.param(
        "První workshop v Bruselu, EU-Wochenspiegel (April 2010, s.9)",
        "2010-04",
        id="contract-news",
    ),
    pytest.param(
        "ECRN (European Chemical Regions Network) Newsletter (May 2010)",
        "2010-05",
        id="contract-document",
    ),
    # Czech sheets
    pytest.param("Konference 12. 5. 2011, Ústí nad Labem", "2011-05-12", id="cs-spaced-day"),
    pytest.param("Seminář dne 3.4.2012", "2012-04-03", id="cs-dotted-day"),
    pytest.param("Zpráva 05/2011", "2011-05", id="cs-month-slash-year"),
    pytest.param("Konference v říjnu 2011", "2011-10", id="cs-locative-month"),
    pytest.param(
        "Meeting in Brussels, 12.5.2011 and 13.5.2011", "2011-05-12", id="cs-first-of-two"
    ),
    # German
    pytest.param("Treffen im März 2011 in Halle", "2011-03", id="de-month-name"),
    # Polish
    pytest.param("Spotkanie 15 maja 2011 w Warszawie", "2011-05-15", id="pl-day-month-name"),
    # English programme sites
    pytest.param("Workshop on 1st March 2011 in Brussels", "2011-03-01", id="en-ordinal"),
    pytest.param("Article (Sept 2010)", "2010-09", id="en-sept-in-brackets"),
    pytest.param(
        "Final conference, 2012-11-20, Magdeburg",
        "2012-11-20",
        id="en-iso-day-after-a-word",
    ),
    pytest.param(
        "Leaflet 2010-09",
        "2010-09",
        id="en-iso-month-after-a-word",
    ),
    # no date
    pytest.param("Newsletter no. 3", None, id="number-is-no-date"),
    pytest.param("Brochure (EN)", None, id="no-digits"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), FIND_DATE_EXAMPLES)
def test_find_date(text: str | None, expected: str | None) -> None:
    assert find_date(text) == expected


MONTHS_EXAMPLES = [
    # from the contract: (end y*12 + end m) - (start y*12 + start m) + 1
    pytest.param("2010-01", "2012-12", 36, id="contract-seed-duration"),
    pytest.param("2010", "2012-12", None, id="contract-start-year-only"),
    pytest.param("2010-01", "2012", None, id="contract-end-year-only"),
    pytest.param("2010", "2012", None, id="contract-both-years-only"),
    pytest.param(None, "2012-12", None, id="contract-no-start"),
    pytest.param("2010-01", None, None, id="contract-no-end"),
    # Czech sheets
    pytest.param("2011-03-01", "2014-02-28", 36, id="cs-od-do-days"),
    pytest.param("2010-05", "2010-05", 1, id="cs-one-month"),
    # German
    pytest.param("2010-01-31", "2012-12-01", 36, id="de-days-ignored"),
    pytest.param("2010-01-15", "2010-01-20", 1, id="de-same-month"),
    # Polish
    pytest.param("2009-12", "2010-01", 2, id="pl-across-new-year"),
    pytest.param("2010-01-01", "2012-12", 36, id="pl-mixed-precision"),
    # English programme sites
    pytest.param("2010-12", "2010-01", -10, id="en-end-before-start-follows-formula"),
    pytest.param("", "2010-01", None, id="en-empty-start"),
    pytest.param(
        "not a date",
        "2012-12",
        None,
        id="en-not-a-date",
    ),
]


@pytest.mark.parametrize(("start", "end", "expected"), MONTHS_EXAMPLES)
def test_months_between(start: str | None, end: str | None, expected: int | None) -> None:
    assert months_between(start, end) == expected
