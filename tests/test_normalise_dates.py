"""Dates, date ranges and durations, specified by examples (CONTRACT.md, "Dates").

Dates are ISO 8601 at the precision the sheet gives: ``2010``, ``2010-01`` or
``2010-01-31``.  A case the code gets wrong today is a strict xfail.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chemclust_extract.languages import table
from chemclust_extract.normalise.dates import (
    MAX_DATE_LENGTH,
    MAX_RANGE_LENGTH,
    DateReading,
    find_date,
    find_date_reading,
    months_between,
    parse_date,
    parse_date_range,
    read_date,
    read_date_range,
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
    # month names in any grammatical case, read from the language files
    # (v1.1 "Dates"), without dateparser
    pytest.param("1. července 2016", "2016-07-01", id="cs-kornowac-genitive-cervence"),
    pytest.param("31. října 2016", "2016-10-31", id="cs-kornowac-genitive-rijna"),
    pytest.param("28. červen 2013", "2013-06-28", id="cs-ella-regio-nominative-cerven"),
    pytest.param("1. cervence 2016", "2016-07-01", id="cs-vita-min-ascii-cervence"),
    pytest.param("v červenci 2016", "2016-07", id="cs-locative-v-cervenci"),
    pytest.param("1.července 2017", "2017-07-01", id="cs-no-space-after-day"),
    pytest.param("v roce 2017", "2017", id="cs-v-roce"),
    pytest.param("2017 rok", "2017", id="cs-rok-after"),
    pytest.param("17 lipca 2021 r.", "2021-07-17", id="pl-luk-muzakowa-lipca-r"),
    pytest.param("26 sierpnia 2020 r.", "2020-08-26", id="pl-korfantow-sierpnia-r"),
    pytest.param("25 września 2020 r.", "2020-09-25", id="pl-luk-muzakowa-wrzesnia"),
    pytest.param("1 lipca 2017 roku", "2017-07-01", id="pl-roku"),
    pytest.param("01.02.2021 r.", "2021-02-01", id="pl-korfantow-dotted-r"),
    pytest.param("15.09.2021r.", "2021-09-15", id="pl-sulikow-r-glued"),
    pytest.param("w roku 2019", "2019", id="pl-w-roku"),
    pytest.param("1. Januar 2017", "2017-01-01", id="de-archaeocentrum-januar"),
    pytest.param("01. Juli 2015", "2015-07-01", id="de-padded-day-juli"),
    pytest.param("7. November 2018", "2018-11-07", id="de-nachbarsprache-november"),
    pytest.param("September 2022", "2022-09", id="de-zusammenhalt-september"),
    pytest.param("Jänner 2019", "2019-01", id="de-at-jaenner"),
    pytest.param("Mai 2021", "2021-05", id="de-regiocoop-mai"),
    pytest.param("im Jahr 2017", "2017", id="de-im-jahr"),
    pytest.param("3 August 2015", "2015-08-03", id="en-kohesio-jst-day-month"),
    pytest.param("31 March 2021", "2021-03-31", id="en-kohesio-clld2-day-month"),
    pytest.param("Monday, April 1, 2024", "2024-04-01", id="en-climate-ie-weekday"),
    pytest.param("Friday, June 30, 2028", "2028-06-30", id="en-climate-ie-weekday-end"),
    pytest.param("Thursday, 1st of September 2011", "2011-09-01", id="en-weekday-ordinal-of"),
    pytest.param("01-03-2020", "2020-03-01", id="en-teacher-ce-day-first-hyphens"),
    # two-digit years: 19yy for 90-99, 20yy otherwise (v1.1 "Dates")
    pytest.param("01.10.16", "2016-10-01", id="cs-clara-iii-two-digit-start"),
    pytest.param("30.09.19", "2019-09-30", id="cs-clara-iii-two-digit-end"),
    pytest.param("16.05.17", "2017-05-16", id="pl-wschodnie-karkonosze-two-digit"),
    pytest.param("31.01.20", "2020-01-31", id="pl-wschodnie-karkonosze-two-digit-end"),
    pytest.param("01.12.18", "2018-12-01", id="contract-two-digit-year"),
    pytest.param("31.12.99", "1999-12-31", id="two-digit-year-nineties"),
    pytest.param("1/1/00", "2000-01-01", id="two-digit-year-zero"),
    pytest.param("31.02.18", None, id="two-digit-year-impossible-day"),
    # a word dateparser would read as a month is no date here
    pytest.param("pro 2010", None, id="cs-pro-is-for-not-december"),
    # not a date
    pytest.param("drei Jahre", None, id="de-archaeocentrum-drei-jahre"),
    pytest.param("36 Monate", None, id="de-duration-alone"),
    pytest.param("30 miesięcy", None, id="pl-duration-alone"),
    pytest.param("24 měsíců", None, id="cs-duration-alone"),
    pytest.param("23", None, id="pl-przygoda-months-count"),
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
    # real sheets (tests/corpus), by language and origin
    pytest.param("01.05.2023 - 31.12.2028", ("2023-05-01", "2028-12-31"), id="cs-cord-atcz"),
    pytest.param("1.7.2010 – 30.6.2013", ("2010-07-01", "2013-06-30"), id="cs-podstavkove-domy"),
    pytest.param("10/2021–09/2022", ("2021-10", "2022-09"), id="cs-26-let-months"),
    pytest.param("01.01.2023 - 31.12.2023", ("2023-01-01", "2023-12-31"), id="cs-tritia"),
    pytest.param("2017 – 2020", ("2017", "2020"), id="cs-moorevital-years"),
    pytest.param(
        "leden 2017 - červen 2019 (30 měsíců)", ("2017-01", "2019-06"), id="cs-cultplatform21"
    ),
    pytest.param(
        "od 1. července 2017 do 30. června 2019", ("2017-07-01", "2019-06-30"), id="cs-od-do-names"
    ),
    pytest.param("24 měsíců (01/2019 – 12/2020)", ("2019-01", "2020-12"), id="cs-duration-first"),
    pytest.param(
        "od 01.02.2021 r. do 31.08.2021 r.", ("2021-02-01", "2021-08-31"), id="pl-korfantow-od-do-r"
    ),
    pytest.param(
        "15.09.2021r.-31.12.2021r.", ("2021-09-15", "2021-12-31"), id="pl-sulikow-r-glued"
    ),
    pytest.param("15.01.2023-31.05.2023", ("2023-01-15", "2023-05-31"), id="pl-poznajemy-sie"),
    pytest.param(
        "10/2008 – 09/2011 (36 miesięcy)", ("2008-10", "2011-09"), id="pl-via-regia-duration"
    ),
    pytest.param(
        "od 1 lipca 2017 r. do 30 czerwca 2019 r.", ("2017-07-01", "2019-06-30"), id="pl-od-do-r"
    ),
    pytest.param("16.05.17 - 31.01.20", ("2017-05-16", "2020-01-31"), id="pl-two-digit-years"),
    pytest.param(
        "vom 01.07.2017 bis 30.06.2020", ("2017-07-01", "2020-06-30"), id="de-geopark-vom-bis"
    ),
    pytest.param(
        "vom 01.01.2020 bis 31.12.2022", ("2020-01-01", "2022-12-31"), id="de-regiocoop-vom-bis"
    ),
    pytest.param(
        "01. 04. 2023 - 31. 12. 2028", ("2023-04-01", "2028-12-31"), id="de-kpf-egrensis-spaced"
    ),
    pytest.param("28.08.2015 - 30.09.2018", ("2015-08-28", "2018-09-30"), id="de-archaeomontan"),
    pytest.param(
        "01. Juli 2015 bis 30. Juni 2018", ("2015-07-01", "2018-06-30"), id="de-month-names-bis"
    ),
    pytest.param(
        "Monday, April 1, 2024 to Friday, June 30, 2028",
        ("2024-04-01", "2028-06-30"),
        id="en-climate-ie-weekdays-to",
    ),
    pytest.param(
        "30 months, period 01.07.2020 – 31.12.2022",
        ("2020-07-01", "2022-12-31"),
        id="en-danube-hazard-duration-first",
    ),
    pytest.param("2017-2019 (36 months)", ("2017", "2019"), id="en-pa4-years-duration"),
    pytest.param("01. 09. 2016 – 29. 02. 2020", ("2016-09-01", "2020-02-29"), id="en-riat-spaced"),
    pytest.param("01/2017 – 12/2018", ("2017-01", "2018-12"), id="en-so23-timeline"),
    pytest.param(
        "from 1 March 2020 to 28 February 2022", ("2020-03-01", "2022-02-28"), id="en-from-to-days"
    ),
    pytest.param("24 months – 03/2020 -2/2022", ("2020-03", "2022-02"), id="en-si-hu-lopsided-dash"),
    pytest.param("03/2020- 02/2022", ("2020-03", "2022-02"), id="dash-then-space"),
    # One side that only reads month first (08/31) says how the other is written.
    pytest.param("09/01/2010 - 08/31/2012", ("2010-09-01", "2012-08-31"), id="en-us-start-ambiguous"),
    pytest.param("12/15/2010 - 06/05/2012", ("2010-12-15", "2012-06-05"), id="en-us-end-ambiguous"),
    pytest.param("09/01/10 - 08/31/12", ("2010-09-01", "2012-08-31"), id="en-us-two-digit-years"),
    pytest.param("01/09/2010 - 31/08/2012", ("2010-09-01", "2012-08-31"), id="en-uk-day-first"),
    pytest.param("09/01/2010 - 08/01/2012", ("2010-01-09", "2012-01-08"), id="ambiguous-both-day-first"),
    pytest.param("1.9.2010 - 08/31/2012", ("2010-09-01", "2012-08-31"), id="dots-are-day-first"),
    # not a range
    pytest.param("drei Jahre", None, id="de-archaeocentrum-drei-jahre"),
    pytest.param("36 Monate", None, id="de-duration-alone"),
    pytest.param("2014-2020 Programmperiode 2021-2027", None, id="de-two-ranges"),
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
    # real sheets (tests/corpus)
    pytest.param(
        "Rycerskie spotkania na Łuku Mużakowa - Przewóz, 17 lipca 2021 r.",
        "2021-07-17",
        id="pl-luk-muzakowa-news",
    ),
    pytest.param(
        "Spotkanie partnerów projektu, 10.05.2019 r.",
        "2019-05-10",
        id="pl-wschodnie-karkonosze-news",
    ),
    pytest.param(
        'Tagung "Zwei Sprachen, eine Region" in Pasewalk, 7. November 2018',
        "2018-11-07",
        id="de-nachbarsprache-news",
    ),
    pytest.param("Kick-Off Meeting am 5. November 2020", "2020-11-05", id="de-regiocoop-news"),
    pytest.param(
        "- 29. 04. 2021 Přeshraniční spolupráci nezastavil ani koronavirus",
        "2021-04-29",
        id="cs-tp-liberecky-kraj-news",
    ),
    pytest.param(
        "Grenzüberschreitende Projektpartnerbörse im Institut Slavonice (04.05.10)",
        "2010-05-04",
        id="de-recom-two-digit-year",
    ),
    pytest.param("Strategie pro 2010", None, id="cs-pro-is-for-not-december"),
    pytest.param("Version 1.2.10 released", None, id="en-version-is-no-two-digit-date"),
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


READING_EXAMPLES = [
    pytest.param("01.10.16", DateReading("2016-10-01", True), id="cs-clara-iii-two-digit"),
    pytest.param("16.05.17", DateReading("2017-05-16", True), id="pl-wschodnie-karkonosze"),
    pytest.param("31.12.95", DateReading("1995-12-31", True), id="two-digit-nineties"),
    pytest.param("1. července 2016", DateReading("2016-07-01"), id="cs-kornowac-four-digits"),
    pytest.param("01.10.2016", DateReading("2016-10-01"), id="cs-four-digits-no-flag"),
    pytest.param("2016", DateReading("2016"), id="year-alone-no-flag"),
    pytest.param("36 months", None, id="duration-is-no-date"),
]


@pytest.mark.parametrize(("text", "expected"), READING_EXAMPLES)
def test_read_date_flags_a_two_digit_year(text: str, expected: DateReading | None) -> None:
    assert read_date(text) == expected


def test_read_date_range_flags_each_two_digit_year() -> None:
    found = read_date_range("01.10.16 – 30.09.2019")
    assert found == (DateReading("2016-10-01", True), DateReading("2019-09-30", False))


def test_find_date_reading_flags_a_two_digit_year() -> None:
    found = find_date_reading("Projektpartnerbörse im Institut Slavonice (04.05.10)")
    assert found == DateReading("2010-05-04", True)


MONTHS = [(int(number), name) for number, names in table("months").items() for name in names]


@pytest.mark.parametrize(("number", "name"), MONTHS, ids=[n for _, n in MONTHS])
def test_every_month_name_of_the_language_files_is_read(number: int, name: str) -> None:
    assert parse_date(f"{name} 2017") == f"2017-{number:02d}"
    assert parse_date(f"1. {name} 2017") == f"2017-{number:02d}-01"
    assert parse_date(f"{name.upper()} 2017") == f"2017-{number:02d}"


_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_read_date_of_any_text_is_an_iso_date_or_none(text: str) -> None:
    found = read_date(text)
    assert found is None or (isinstance(found, DateReading) and _ISO.fullmatch(found.iso))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 .-–/()rokdoazmonths"), max_size=40))
def test_read_date_range_of_date_like_text_is_two_iso_dates_or_none(text: str) -> None:
    found = read_date_range(text)
    assert found is None or all(_ISO.fullmatch(d.iso) for d in found)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2089, 12, 31)))
def test_a_two_digit_year_reads_back_to_its_date(when: date) -> None:
    text = f"{when.day:02d}.{when.month:02d}.{when.year % 100:02d}"
    assert read_date(text) == DateReading(when.isoformat(), True)


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from([" (36 měsíců)", " (30 miesięcy)", " (12 Monate)", " (24 months)", ""]),
    st.sampled_from(["od {} do {}", "vom {} bis {}", "from {} to {}", "{} – {}", "{}r.-{}r."]),
)
def test_a_duration_or_year_word_beside_a_range_is_no_date(
    start: date, note: str, layout: str
) -> None:
    text = layout.format(f"{start.day}.{start.month}.{start.year}", "31.12.2041") + note
    assert parse_date_range(text) == (start.isoformat(), "2041-12-31")


_DATE_PIECES = st.sampled_from(
    [" ", "12", "5", "2011", "1999", "10", "04", ".", "/", "-", "–", ",", "(", ")", "May", "Mai",
     "května", "v roce", "r.", "bis", "až", "Konference", "s.9", "\n", "1st", "of"]
)  # fmt: skip


@given(st.lists(_DATE_PIECES, max_size=14).map("".join))
def test_a_kind_of_date_is_skipped_only_where_it_cannot_match(text: str) -> None:
    """The signs and the year find_date_reading asks for before trying a
    kind never hide a candidate the kind would find."""
    from chemclust_extract.normalise import dates

    shaped = dates._day_range().sub(r"\g<first>. ", text)
    every = sorted(
        (m.start(), -len(m.group(0)), m.group(0))
        for pattern in dates._in_text()
        for m in pattern.finditer(shaped)
        if not dates._in_year_range(shaped, m)
    )
    expected = next((f for *_, c in every if (f := dates.read_date(c, dates.DEFAULT_LANGUAGES))), None)
    if not (dates._YEAR.search(text) or dates._TWO_DIGIT_DAY.search(text)):
        expected = None
    assert dates.find_date_reading(text) == expected
