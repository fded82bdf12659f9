"""News and document list items, specified by examples (CONTRACT.md, "Text",
"Dates", "URLs").

An item keeps its text as written (NFC, whitespace collapsed, bullets, tags
and entities gone) plus the date the text mentions, at the precision written;
a document also keeps its address, taken from a link or from an address in a
cell of its own.  Empty cells give no item.  The languages passed are ranked
the way ``assemble`` ranks them: the sheet's own language first.  A case the
code gets wrong today is a strict xfail.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from chemclust_extract.model import Document, NewsItem
from chemclust_extract.normalise.items import parse_document, parse_news

CS = ("cs", "en", "de", "pl")
EN = ("en", "cs", "de", "pl")
DE = ("de", "cs", "en", "pl")
PL = ("pl", "cs", "en", "de")

_INLINE_TAG = "an inline tag leaves a space where it stood: '<i>a</i>,' gives 'a ,'"


NEWS_EXAMPLES = [
    # Czech sheets (the seed's "Aktuality/Realizované a připravované akce")
    pytest.param(
        ["První workshop v Bruselu, EU-Wochenspiegel (April 2010, s.9)"],
        CS,
        NewsItem("První workshop v Bruselu, EU-Wochenspiegel (April 2010, s.9)", "2010-04"),
        id="cs-contract-seed-workshop",
    ),
    pytest.param(
        ["12. 5. 2011", "Konference v Ústí"],
        CS,
        NewsItem("12. 5. 2011 Konference v Ústí", "2011-05-12"),
        id="cs-date-in-a-cell-of-its-own",
    ),
    pytest.param(
        ["Konference, březen 2012"],
        CS,
        NewsItem("Konference, březen 2012", "2012-03"),
        id="cs-month-name",
    ),
    pytest.param(
        ["Konference 15. listopadu 2011"],
        CS,
        NewsItem("Konference 15. listopadu 2011", "2011-11-15"),
        id="cs-genitive-day",
    ),
    pytest.param(
        ["- Konference v Ústí nad Labem, 16. 5. 2011"],
        CS,
        NewsItem("Konference v Ústí nad Labem, 16. 5. 2011", "2011-05-16"),
        id="cs-hyphen-bullet",
    ),
    pytest.param(
        ["• Seminář pro podnikatele, září 2010"],
        CS,
        NewsItem("Seminář pro podnikatele, září 2010", "2010-09"),
        id="cs-dot-bullet",
    ),
    pytest.param(
        ["Tisková zpráva &ndash; <b>zahájení</b> projektu, leden 2010"],
        CS,
        NewsItem("Tisková zpráva – zahájení projektu, leden 2010", "2010-01"),
        id="cs-html-tag-and-entity",
    ),
    pytest.param(
        ["<b>Work</b>shop v Ústí, 2. 3. 2011"],
        CS,
        NewsItem("Workshop v Ústí, 2. 3. 2011", "2011-03-02"),
        id="cs-inline-tag-inside-a-word",
    ),
    pytest.param(
        ["Setkání  partnerů\u00a0v Drážďanech\n 3.6.2010"],
        CS,
        NewsItem("Setkání partnerů v Drážďanech 3.6.2010", "2010-06-03"),
        id="cs-whitespace-collapsed",
    ),
    pytest.param(
        ["Sta\u0301z\u030c v Ústí, 1. 2. 2011"],
        CS,
        NewsItem("Stáž v Ústí, 1. 2. 2011", "2011-02-01"),
        id="cs-decomposed-accents-nfc",
    ),
    pytest.param(
        ["Konference dne 1.3.2011."],
        CS,
        NewsItem("Konference dne 1.3.2011.", "2011-03-01"),
        id="cs-date-before-full-stop",
    ),
    pytest.param(
        ["Konference 12. 5. 2011 a 13. 6. 2011"],
        CS,
        NewsItem("Konference 12. 5. 2011 a 13. 6. 2011", "2011-05-12"),
        id="cs-two-dates-first-wins",
    ),
    pytest.param(
        ["Konference", "", "březen 2012"],
        CS,
        NewsItem("Konference březen 2012", "2012-03"),
        id="cs-empty-cell-between",
    ),
    pytest.param(["Zpravodaj č. 3"], CS, NewsItem("Zpravodaj č. 3", None), id="cs-issue-number"),
    pytest.param(
        ["Setkání partnerů v Drážďanech"],
        CS,
        NewsItem("Setkání partnerů v Drážďanech", None),
        id="cs-no-date",
    ),
    pytest.param(
        ["Seminář v roce 2011"],
        CS,
        NewsItem("Seminář v roce 2011", "2011"),
        id="cs-year-v-roce",
    ),
    pytest.param(
        ["Konference ve dnech 12.–13. 5. 2011"],
        CS,
        NewsItem("Konference ve dnech 12.–13. 5. 2011", "2011-05-12"),
        id="cs-day-range",
    ),
    # English programme sites
    pytest.param(
        ["Kick-off meeting in Magdeburg, 1st Feb 2010"],
        EN,
        NewsItem("Kick-off meeting in Magdeburg, 1st Feb 2010", "2010-02-01"),
        id="en-ordinal-day",
    ),
    pytest.param(
        ["Study visit to Cheshire (June 2011)"],
        EN,
        NewsItem("Study visit to Cheshire (June 2011)", "2011-06"),
        id="en-month-in-brackets",
    ),
    pytest.param(
        ["Kick-off meeting Magdeburg (January 2010, p. 4)"],
        EN,
        NewsItem("Kick-off meeting Magdeburg (January 2010, p. 4)", "2010-01"),
        id="en-month-and-page",
    ),
    pytest.param(
        ["Final conference, 2012-11-29"],
        EN,
        NewsItem("Final conference, 2012-11-29", "2012-11-29"),
        id="en-iso-day",
    ),
    pytest.param(
        ["Press release 05/2010"],
        EN,
        NewsItem("Press release 05/2010", "2010-05"),
        id="en-month-slash-year",
    ),
    pytest.param(
        ["Seminar, Sept. 2011"],
        EN,
        NewsItem("Seminar, Sept. 2011", "2011-09"),
        id="en-abbreviated-month",
    ),
    pytest.param(
        ["ECRN meeting in Brussels on 12/31/2011"],
        EN,
        NewsItem("ECRN meeting in Brussels on 12/31/2011", "2011-12-31"),
        id="en-american-numeric",
    ),
    pytest.param(
        ["<p>Workshop on clusters &amp; innovation, 20 September 2011</p>"],
        EN,
        NewsItem("Workshop on clusters & innovation, 20 September 2011", "2011-09-20"),
        id="en-html-paragraph",
    ),
    pytest.param(
        ["* Meeting in Brno, 5/2011"],
        EN,
        NewsItem("Meeting in Brno, 5/2011", "2011-05"),
        id="en-star-bullet",
    ),
    pytest.param(
        ["Newsletter no. 3"], EN, NewsItem("Newsletter no. 3", None), id="en-issue-number"
    ),
    pytest.param(
        ["Horizon 2020 info day"],
        EN,
        NewsItem("Horizon 2020 info day", None),
        id="en-programme-name-with-year",
    ),
    pytest.param(
        ["Seminar on Regulation (EC) No 1083/2006"],
        EN,
        NewsItem("Seminar on Regulation (EC) No 1083/2006", None),
        id="en-regulation-number",
    ),
    pytest.param(
        ["Meeting May 5, 2011"],
        EN,
        NewsItem("Meeting May 5, 2011", "2011-05-05"),
        id="en-american-month-day-year",
    ),
    pytest.param(
        ["Meeting 5th of May 2011"],
        EN,
        NewsItem("Meeting 5th of May 2011", "2011-05-05"),
        id="en-ordinal-of-month",
    ),
    # German sheets
    pytest.param(
        ["Workshop am 3. Mai 2012"],
        DE,
        NewsItem("Workshop am 3. Mai 2012", "2012-05-03"),
        id="de-day-month-name",
    ),
    pytest.param(
        ["Workshop am 03.05.2012"],
        DE,
        NewsItem("Workshop am 03.05.2012", "2012-05-03"),
        id="de-dotted-day",
    ),
    pytest.param(
        ["Abschlusskonferenz in Halle, November 2012"],
        DE,
        NewsItem("Abschlusskonferenz in Halle, November 2012", "2012-11"),
        id="de-month-name",
    ),
    pytest.param(
        ["Pressemitteilung vom 12.03.2011"],
        DE,
        NewsItem("Pressemitteilung vom 12.03.2011", "2011-03-12"),
        id="de-vom-dotted-day",
    ),
    pytest.param(
        ["Schlu&szlig;konferenz, Dezember 2012"],
        DE,
        NewsItem("Schlußkonferenz, Dezember 2012", "2012-12"),
        id="de-named-entity",
    ),
    pytest.param(
        ["Konferenz im Jahr 2011"],
        DE,
        NewsItem("Konferenz im Jahr 2011", "2011"),
        id="de-im-jahr",
    ),
    pytest.param(
        ["- Messe „Chemie 2011“, März 2011"],
        DE,
        NewsItem("Messe „Chemie 2011“, März 2011", "2011-03"),
        id="de-year-in-a-name-then-month",
    ),
    pytest.param(
        ["EU-Wochenspiegel 12/2010"],
        DE,
        NewsItem("EU-Wochenspiegel 12/2010", "2010-12"),
        id="de-month-slash-year",
    ),
    pytest.param(
        ["Newsletter Nr. 3"], DE, NewsItem("Newsletter Nr. 3", None), id="de-issue-number"
    ),
    pytest.param(["Sitzung am 1. Mai"], DE, NewsItem("Sitzung am 1. Mai", None), id="de-no-year"),
    pytest.param(
        ["Treffen 2010-13"], DE, NewsItem("Treffen 2010-13", None), id="de-month-thirteen"
    ),
    pytest.param(
        ["Partnertreffen in Magdeburg"],
        DE,
        NewsItem("Partnertreffen in Magdeburg", None),
        id="de-no-date",
    ),
    pytest.param(
        ["Workshop vom 3. bis 4. Mai 2012"],
        DE,
        NewsItem("Workshop vom 3. bis 4. Mai 2012", "2012-05-03"),
        id="de-day-range",
    ),
    # Polish sheets
    pytest.param(
        ["Warsztaty, 15 kwietnia 2011"],
        PL,
        NewsItem("Warsztaty, 15 kwietnia 2011", "2011-04-15"),
        id="pl-genitive-day",
    ),
    pytest.param(
        ["Konferencja w Krakowie, maj 2012"],
        PL,
        NewsItem("Konferencja w Krakowie, maj 2012", "2012-05"),
        id="pl-month-name",
    ),
    pytest.param(
        ["Konferencja 12 maja 2011 r."],
        PL,
        NewsItem("Konferencja 12 maja 2011 r.", "2011-05-12"),
        id="pl-day-with-rok",
    ),
    pytest.param(
        ["Spotkanie 12.05.2011 w Łodzi"],
        PL,
        NewsItem("Spotkanie 12.05.2011 w Łodzi", "2011-05-12"),
        id="pl-dotted-day",
    ),
    pytest.param(
        ["Seminarium 2011-10-04"],
        PL,
        NewsItem("Seminarium 2011-10-04", "2011-10-04"),
        id="pl-iso-day",
    ),
    pytest.param(
        ["Spotkanie w roku 2011"],
        PL,
        NewsItem("Spotkanie w roku 2011", "2011"),
        id="pl-w-roku",
    ),
    pytest.param(
        ["Konferencja", "grudzień 2012"],
        PL,
        NewsItem("Konferencja grudzień 2012", "2012-12"),
        id="pl-date-in-a-cell-of-its-own",
    ),
    pytest.param(
        ["Spotkanie &#322;ódzkie, luty 2011"],
        PL,
        NewsItem("Spotkanie łódzkie, luty 2011", "2011-02"),
        id="pl-numeric-entity",
    ),
    pytest.param(
        ["• Spotkanie\tpartnerów\n w Poznaniu"],
        PL,
        NewsItem("Spotkanie partnerów w Poznaniu", None),
        id="pl-bullet-and-whitespace",
    ),
    pytest.param(["Biuletyn nr 2"], PL, NewsItem("Biuletyn nr 2", None), id="pl-issue-number"),
    pytest.param(
        ["Seminarium 31.02.2011"],
        PL,
        NewsItem("Seminarium 31.02.2011", None),
        id="pl-impossible-day",
    ),
    pytest.param(
        ["Spotkanie partnerów 2011 r."],
        PL,
        NewsItem("Spotkanie partnerów 2011 r.", "2011"),
        id="pl-year-with-r",
    ),
    # no item
    pytest.param([], CS, None, id="none-no-cells"),
    pytest.param([""], EN, None, id="none-empty-cell"),
    pytest.param(["   ", "\t"], DE, None, id="none-blank-cells"),
    pytest.param(["<br>"], PL, None, id="none-only-a-tag"),
    pytest.param(["&nbsp;"], CS, None, id="none-only-an-entity"),
    pytest.param(["- "], EN, None, id="none-bullet-and-space"),
    pytest.param(["-"], CS, None, id="none-lone-hyphen"),
    pytest.param(["•"], DE, None, id="none-lone-dot-bullet"),
]


@pytest.mark.parametrize(("cells", "languages", "expected"), NEWS_EXAMPLES)
def test_parse_news(cells: list[str], languages: Sequence[str], expected: NewsItem | None) -> None:
    assert parse_news(cells, languages) == expected


DOCUMENT_EXAMPLES = [
    # Czech sheets (the seed's "Prezentace, dokumenty")
    pytest.param(
        ["ECRN (European Chemical Regions Network) Newsletter (May 2010)"],
        [],
        CS,
        Document("ECRN (European Chemical Regions Network) Newsletter (May 2010)", "2010-05", None),
        id="cs-contract-seed-newsletter",
    ),
    pytest.param(
        ["Leták projektu", "www.x.eu/a.pdf"],
        [],
        CS,
        Document("Leták projektu", None, "http://www.x.eu/a.pdf"),
        id="cs-bare-address-in-a-cell-of-its-own",
    ),
    pytest.param(
        ["Závěrečná zpráva", "http://www.x.cz/zprava.pdf"],
        [],
        CS,
        Document("Závěrečná zpráva", None, "http://www.x.cz/zprava.pdf"),
        id="cs-absolute-address-in-a-cell-of-its-own",
    ),
    pytest.param(
        ["Prezentace, 12. 5. 2011"],
        ["http://www.x.eu/p.pdf"],
        CS,
        Document("Prezentace, 12. 5. 2011", "2011-05-12", "http://www.x.eu/p.pdf"),
        id="cs-link",
    ),
    pytest.param(
        ["Brožura ke stažení (leden 2011)"],
        ["www.x.eu/b.pdf"],
        CS,
        Document("Brožura ke stažení (leden 2011)", "2011-01", "http://www.x.eu/b.pdf"),
        id="cs-bare-link",
    ),
    pytest.param(
        ["- Zpravodaj č. 2"],
        [],
        CS,
        Document("Zpravodaj č. 2", None, None),
        id="cs-bullet-issue-number",
    ),
    pytest.param(
        ["• Prezentace z konference", "www.x.cz/p.ppt"],
        [],
        CS,
        Document("Prezentace z konference", None, "http://www.x.cz/p.ppt"),
        id="cs-bullet-and-address",
    ),
    pytest.param(
        ["<b>Leták</b> &amp; plakát, září 2010"],
        [],
        CS,
        Document("Leták & plakát, září 2010", "2010-09", None),
        id="cs-html-tag-and-entity",
    ),
    pytest.param(
        ["Sbi\u0301rka  pr\u030ci\u0301kladu\u030a"],
        [],
        CS,
        Document("Sbírka příkladů", None, None),
        id="cs-decomposed-accents-nfc",
    ),
    pytest.param(
        ["Kontakt na autora"],
        ["mailto:info@x.cz"],
        CS,
        Document("Kontakt na autora", None, None),
        id="cs-mailto-is-no-address",
    ),
    # English programme sites
    pytest.param(
        ["Final report", "www.x.eu/final.pdf"],
        [],
        EN,
        Document("Final report", None, "http://www.x.eu/final.pdf"),
        id="en-doctest-final-report",
    ),
    pytest.param(
        ["2010-09 Leaflet"],
        [],
        EN,
        Document("2010-09 Leaflet", "2010-09", None),
        id="en-iso-month-first",
    ),
    pytest.param(
        ["Project leaflet (May 2010)"],
        ["http://www.x.eu/leaflet.pdf"],
        EN,
        Document("Project leaflet (May 2010)", "2010-05", "http://www.x.eu/leaflet.pdf"),
        id="en-link",
    ),
    pytest.param(
        ["Leaflet", "www.x.eu/a.pdf."],
        [],
        EN,
        Document("Leaflet", None, "http://www.x.eu/a.pdf"),
        id="en-full-stop-after-address",
    ),
    pytest.param(
        ["Brochure", "https://x.eu/a.pdf"],
        [],
        EN,
        Document("Brochure", None, "https://x.eu/a.pdf"),
        id="en-https-address",
    ),
    pytest.param(
        ["Newsletter no. 3", "http://www.x.eu/n3.pdf"],
        [],
        EN,
        Document("Newsletter no. 3", None, "http://www.x.eu/n3.pdf"),
        id="en-issue-number",
    ),
    pytest.param(
        ["Final report"],
        ["mailto:a@b.eu", "www.x.eu/r.pdf"],
        EN,
        Document("Final report", None, "http://www.x.eu/r.pdf"),
        id="en-first-usable-link",
    ),
    pytest.param(
        ["Presentation <i>Clusters</i>, 1st Jan 2011"],
        [],
        EN,
        Document("Presentation Clusters, 1st Jan 2011", "2011-01-01", None),
        id="en-inline-tag-before-comma",
    ),
    pytest.param(
        ["Brochure", "x.eu/a.pdf"],
        [],
        EN,
        Document("Brochure", None, "http://x.eu/a.pdf"),
        id="en-address-without-www",
    ),
    # German sheets
    pytest.param(
        ["Broschüre, März 2011", "www.x.de/b.pdf"],
        [],
        DE,
        Document("Broschüre, März 2011", "2011-03", "http://www.x.de/b.pdf"),
        id="de-month-name-and-address",
    ),
    pytest.param(
        ["Projektflyer (PDF)"],
        ["http://www.x.de/flyer.pdf"],
        DE,
        Document("Projektflyer (PDF)", None, "http://www.x.de/flyer.pdf"),
        id="de-link",
    ),
    pytest.param(
        ["Abschlussbericht vom 31.12.2012", "http://www.x.de/bericht.pdf"],
        [],
        DE,
        Document("Abschlussbericht vom 31.12.2012", "2012-12-31", "http://www.x.de/bericht.pdf"),
        id="de-dotted-day-and-address",
    ),
    pytest.param(
        ["Präsentation, Workshop am 3. Mai 2012"],
        [],
        DE,
        Document("Präsentation, Workshop am 3. Mai 2012", "2012-05-03", None),
        id="de-day-month-name",
    ),
    pytest.param(
        ["Faltblatt &ndash; Dezember 2010"],
        [],
        DE,
        Document("Faltblatt – Dezember 2010", "2010-12", None),
        id="de-entity-dash",
    ),
    pytest.param(
        ["- Newsletter Nr. 2"],
        [],
        DE,
        Document("Newsletter Nr. 2", None, None),
        id="de-bullet-issue-number",
    ),
    # Polish sheets
    pytest.param(
        ["Ulotka projektu, 15 kwietnia 2011", "www.x.pl/u.pdf"],
        [],
        PL,
        Document("Ulotka projektu, 15 kwietnia 2011", "2011-04-15", "http://www.x.pl/u.pdf"),
        id="pl-genitive-day-and-address",
    ),
    pytest.param(
        ["Raport końcowy"],
        ["mailto:a@b.pl", "www.x.pl/r.pdf"],
        PL,
        Document("Raport końcowy", None, "http://www.x.pl/r.pdf"),
        id="pl-first-usable-link",
    ),
    pytest.param(
        ["Biuletyn nr 3", "http://www.x.pl/b3.pdf"],
        [],
        PL,
        Document("Biuletyn nr 3", None, "http://www.x.pl/b3.pdf"),
        id="pl-issue-number",
    ),
    pytest.param(
        ["• Prezentacja, maj 2012"],
        [],
        PL,
        Document("Prezentacja, maj 2012", "2012-05", None),
        id="pl-bullet-month-name",
    ),
    pytest.param(
        ["Broszura (2011-06)"],
        [],
        PL,
        Document("Broszura (2011-06)", "2011-06", None),
        id="pl-iso-month-in-brackets",
    ),
    pytest.param(
        ["Ulotka 2011 r."],
        [],
        PL,
        Document("Ulotka 2011 r.", "2011", None),
        id="pl-year-with-r",
    ),
    # no item
    pytest.param([], [], CS, None, id="none-no-cells"),
    pytest.param([""], [], EN, None, id="none-empty-cell"),
    pytest.param(["  ", "\n"], [], DE, None, id="none-blank-cells"),
    pytest.param(["&nbsp;"], [], PL, None, id="none-only-an-entity"),
    pytest.param(["<br>"], ["mailto:a@b.cz"], CS, None, id="none-only-a-mailto-link"),
    pytest.param(["-"], [], EN, None, id="none-lone-hyphen"),
]


@pytest.mark.parametrize(("cells", "links", "languages", "expected"), DOCUMENT_EXAMPLES)
def test_parse_document(
    cells: list[str], links: list[str], languages: Sequence[str], expected: Document | None
) -> None:
    assert parse_document(cells, links, languages) == expected
