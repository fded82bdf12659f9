"""The HTML reader (contract v1.1, "Sheets as they come in the wild"):
page furniture by tag and by class/id words in every language, print and
share lines, Word's saved pages, a CMS's label/value ``<div>``s, content
blocks, links, the fallbacks for what libxml2 will not read or nests too
deep, and rows of text from any text.

The cases are built from the wordings of the corpus's real pages
(``tests/corpus/SOURCES-*.md``); each id names the kind of page it comes from.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from chemclust_extract import soup
from chemclust_extract.decode import decode_bytes
from chemclust_extract.readers import html as reader
from chemclust_extract.readers.furniture import class_words, furniture_line, is_furniture
from chemclust_extract.readers.html import read_html
from chemclust_extract.rows import Row

ROOT = Path(__file__).parent.parent
HTML_SHEETS = sorted(
    [*(ROOT / "samples").glob("*.htm*"), *(ROOT / "tests" / "corpus").glob("*.htm*")]
)
NAME = "<p><b>Projekt:</b> ChemClust</p>"


def cells(page: str) -> list[tuple[str, ...]]:
    return [row.cells for row in read_html(page)]


def texts(page: str) -> str:
    """Every cell of every row, one string: what the recogniser could see."""
    return " | ".join(cell for row in read_html(page) for cell in row.cells)


# --- furniture by tag and role ---------------------------------------------------

BY_TAG = [
    pytest.param("<nav><ul><li><a href='/kraj'>Kraj</a></li><li>Krajský úřad</li></ul></nav>", "Krajský úřad", id="cs-kraj-vysocina-nav"),
    pytest.param("<header class='site-header'><a href='/'>Kraj Vysočina</a></header>", "Kraj Vysočina", id="cs-kraj-vysocina-header"),
    pytest.param("<footer><p>Krajský úřad Moravskoslezského kraje, 28. října 117, 702 18 Ostrava</p></footer>", "Ostrava", id="cs-msk-footer"),
    pytest.param("<aside><h3>Latest news</h3><ul><li>RaabSTAT Kick-Off in Szentgotthárd</li></ul></aside>", "RaabSTAT", id="en-athu-aside"),
    pytest.param("<div role='navigation'>Startseite › Tourismus</div>", "Startseite", id="de-spree-neisse-role-navigation"),
    pytest.param("<div role='contentinfo'>Gemeinsames Sekretariat · Musterstraße 1</div>", "Sekretariat", id="de-bycz-role-contentinfo"),
    pytest.param("<script>document.write('<p><b>Program:</b> cookie</p>')</script>", "cookie", id="cs-kraj-vysocina-script"),
    pytest.param("<style>p.MsoNormal{margin:0}</style><noscript>Zapněte JavaScript</noscript>", "JavaScript", id="word-style-noscript"),
    pytest.param("<form role='search'><label>Hledat:</label><input name=q><button>Hledat</button></form>", "Hledat", id="cs-search-form"),
]  # fmt: skip


@pytest.mark.parametrize(("furniture", "word"), BY_TAG)
def test_furniture_by_tag_gives_no_row(furniture: str, word: str) -> None:
    page = f"<html><body>{furniture}{NAME}</body></html>"
    assert cells(page) == [("Projekt:", "ChemClust")]
    assert word not in texts(page)


IN_CONTENT = [
    pytest.param("<article><header><h1>CORD AT-CZ</h1></header>" + NAME + "</article>", [("CORD AT-CZ",), ("Projekt:", "ChemClust")], id="header-inside-article"),
    pytest.param("<main>" + NAME + "<footer><p><b>Stav:</b> ukončen</p></footer></main>", [("Projekt:", "ChemClust"), ("Stav:", "ukončen")], id="footer-inside-main"),
    pytest.param("<div class='page-header-wrapper'><main>" + NAME + "</main></div>", [("Projekt:", "ChemClust")], id="main-in-a-wrapper-named-header"),
    pytest.param("<main><div class='entry-header'><h1>SO23 Water</h1></div>" + NAME + "</main>", [("SO23 Water",), ("Projekt:", "ChemClust")], id="class-header-inside-main"),
    pytest.param("<form id='aspnetForm'><table><tr><td>Projekt</td><td>ChemClust</td></tr></table></form>", [("Projekt", "ChemClust")], id="aspnet-form-wrapping-the-page"),
    pytest.param("<table><tr><td class='header'>Projekt</td><td class='footer-cell'>ChemClust</td></tr></table>", [("Projekt", "ChemClust")], id="cells-classed-header-and-footer"),
]  # fmt: skip


@pytest.mark.parametrize(("page", "expected"), IN_CONTENT)
def test_content_stays_whatever_its_wrappers_are_called(
    page: str, expected: list[tuple[str, ...]]
) -> None:
    assert cells(page) == expected


# --- furniture by class and id words, in every language -------------------------

BY_WORDS = [
    # cs
    pytest.param('<div id="paticka"><p><strong>Kraj Vysočina</strong>, Žižkova 57, 587 33 Jihlava</p><p>Tel.: 564 602 111</p></div>', "Jihlava", id="cs-kraj-vysocina-id-paticka"),
    pytest.param('<div class="drobecky">Nacházíte se: <a href="/">Titulní stránka</a> › Projekty</div>', "Nacházíte", id="cs-class-drobecky"),
    pytest.param('<div class="tisk-sdilet"><a href="javascript:window.print()">Tisk</a> | <a href="/sdilet">Sdílet</a> | <a href="/rss">RSS</a></div>', "RSS", id="cs-kraj-vysocina-tisk-sdilet"),
    pytest.param('<div class="stopka">&copy; 2023 EZÚS TRITIA s r.o. &middot; <a href="/cs/kontakt/">Kontakt</a></div>', "TRITIA", id="cs-tritia-class-stopka"),
    pytest.param('<div id="Zapati">Magistrát města Karviné, Fryštátská 72/1</div>', "Karviné", id="cs-id-zapati-capitalised"),
    # en
    pytest.param('<div class="footer"><p>Magistrát města Karviné, Fryštátská 72/1, 733 24 Karviná-Fryštát<br>tel.: 596 387 111</p></div>', "Karviná", id="en-karvina-class-footer"),
    pytest.param('<div class="breadcrumb"><a href="/">Home</a> &raquo; <a href="/projects-grants/">Projects &amp; Grants</a> &raquo; RIAT-CZ</div>', "Home", id="en-vbc-class-breadcrumb"),
    pytest.param('<div id="cookie-lista" class="cookie-notice" role="dialog"><p>Tento web používá soubory cookies. <a href="/cookies">Podrobnosti</a></p></div>', "cookies", id="en-class-cookie-notice"),
    pytest.param('<div class="sidebar"><h3>Aktuality z kraje</h3><ul><li>14.06.2023 Fond Vysočiny vyhlašuje nové grantové programy</li></ul></div>', "Fond Vysočiny", id="en-class-sidebar"),
    pytest.param('<p class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></p>', "Facebook", id="en-class-share"),
    pytest.param('<div class="region-header"><a href="/telematics/">Telematics Lab</a> &middot; <a href="/telematics/people">People</a></div>', "Telematics", id="en-drupal-region-header"),
    pytest.param('<div class="footerNav">Imprint | Privacy</div>', "Imprint", id="en-camelcase-footerNav"),
    pytest.param('<div id="secondary" class="widget-area"><section class="widget"><h2>Neueste Beiträge</h2><ul><li>Projekt X gestartet</li></ul></section></div>', "Neueste", id="en-wordpress-widget-area"),
    # de
    pytest.param('<div id="fusszeile">Vienna BioCenter Core Facilities GmbH &middot; Dr. Bohr-Gasse 3 &middot; 1030 Wien</div>', "Wien", id="de-vbc-id-fusszeile"),
    pytest.param('<div id="kopfzeile"><a href="/">Vienna BioCenter</a> <span class="lang"><a href="/de/">Deutsch</a></span></div>', "BioCenter", id="de-vbc-id-kopfzeile"),
    pytest.param('<div class="Fußzeile">Landkreis Spree-Neiße · Heinrich-Heine-Straße 1 · 03149 Forst (Lausitz)</div>', "Forst", id="de-class-fusszeile-with-eszett"),
    pytest.param('<div class="seitenleiste"><h2>Aktuelles</h2><ul><li>Kreistag: nächste Sitzung am 22. Januar 2020</li></ul></div>', "Kreistag", id="de-class-seitenleiste"),
    # pl
    pytest.param('<div id="stopka">Urząd Gminy Przewóz &middot; ul. Przykładowa 1 &middot; 00-000 Przewóz &middot; tel. 68 000 00 00</div>', "Urząd", id="pl-przewoz-id-stopka"),
    pytest.param('<div id="naglowek"><a href="/">Gmina Przewóz</a><ul class="menu"><li>O gminie</li></ul></div>', "Gmina Przewóz", id="pl-przewoz-id-naglowek"),
    pytest.param('<div class="narzedzia"><a href="?tmpl=component&amp;print=1">Drukuj</a> | <a href="mailto:?subject=Projekt">E-mail</a></div>', "E-mail", id="pl-przewoz-class-narzedzia"),
    pytest.param('<div class="okruszki">Jesteś tutaj: <a href="/">Strona główna</a> &raquo; Projekty unijne</div>', "Jesteś", id="pl-class-okruszki"),
]  # fmt: skip


@pytest.mark.parametrize(("furniture", "word"), BY_WORDS)
def test_furniture_by_class_or_id_word_gives_no_row(furniture: str, word: str) -> None:
    page = f"<html><body>{furniture}<div class='content'>{NAME}</div></body></html>"
    assert cells(page) == [("Projekt:", "ChemClust")]
    assert word not in texts(page)


def test_header_and_footer_words_inside_the_content_are_content() -> None:
    """Like the ``<header>``/``<footer>`` tags; words that are furniture
    anywhere (print, share, breadcrumbs) still go."""
    page = (
        "<article><div class='stopka-projektu'><b>Stav:</b> ukončen</div>"
        "<div class='print-share'>Drucken · Teilen</div>" + NAME + "</article>"
    )
    assert cells(page) == [("Stav:", "ukončen"), ("Projekt:", "ChemClust")]


@pytest.mark.parametrize(
    ("names", "words"),
    [
        pytest.param("tisk-sdilet", ["tisk", "sdilet"], id="hyphens"),
        pytest.param("field__label", ["field", "label"], id="bem-underscores"),
        pytest.param("footerNav MsoNormal", ["footer", "nav", "mso", "normal"], id="camelcase"),
        pytest.param("Patička col2", ["paticka", "col", "2"], id="diacritics-digits"),
    ],
)
def test_class_words(names: str, words: list[str]) -> None:
    assert class_words(names) == words


@pytest.mark.parametrize(
    "names",
    [
        pytest.param("footnote", id="footnote-is-not-footer"),
        pytest.param("printable-table", id="printable-is-not-print"),
        pytest.param("headline", id="headline-is-not-header"),
        pytest.param("field-label", id="a-label"),
    ],
)
def test_a_word_is_matched_whole(names: str) -> None:
    assert not is_furniture("div", {"class": names}.get, False)


# --- print and share lines ---------------------------------------------------------

PRINT_LINES = [
    pytest.param("Tisk", id="cs-tisk"),
    pytest.param("Vytisknout stránku", id="cs-vytisknout-stranku"),
    pytest.param("Tisk | Sdílet", id="cs-tisk-sdilet"),
    pytest.param("Print | Share", id="en-athu-print-share"),
    pytest.param("Print / Share", id="en-slash"),
    pytest.param("Drucken | Teilen", id="de-vbc-drucken-teilen"),
    pytest.param("Drucken · Teilen", id="de-spree-neisse-middle-dot"),
    pytest.param("Drukuj", id="pl-drukuj"),
    pytest.param("Wersja do druku · Udostępnij", id="pl-wersja-do-druku"),
]


@pytest.mark.parametrize("line", PRINT_LINES)
def test_a_print_line_gives_no_row(line: str) -> None:
    assert furniture_line(line)
    page = f"<h1>SO23 Water</h1><p class='tools'>{line}</p><p>{line}</p>{NAME}"
    assert cells(page) == [("SO23 Water",), ("Projekt:", "ChemClust")]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Tisk: ano", id="cs-label-and-value"),
        pytest.param("Print- und Vermarktungsprodukte", id="de-geopark-sentence-word"),
        pytest.param("Drukuj | E-mail", id="pl-print-and-a-word-not-furniture"),
        pytest.param("Share of ERDF / Total", id="en-share-in-a-label"),
    ],
)
def test_a_line_with_other_words_is_not_a_print_line(line: str) -> None:
    assert not furniture_line(line)
    assert cells(f"<p>{line}</p>") == [(line,)]


# --- Word's saved pages ------------------------------------------------------------

WORD_HEAD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
    "<meta name=ProgId content=Word.Document><!--[if gte mso 9]><xml><o:DocumentProperties>"
    "<o:Author>Odbor rozvoje</o:Author></o:DocumentProperties></xml><![endif]-->"
    "<style><!-- p.MsoNormal {mso-style-unhide:no;} --></style></head><body><div class=WordSection1>"
)


def word_item(marker: str, text: str) -> str:
    """A list paragraph as Word saves it, with its number in an ``mso-list:Ignore`` span."""
    return (
        "<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
        "<![if !supportLists]><span style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>"
        f"{marker}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>"
        f"</span></span><![endif]>{text}<o:p></o:p></p>"
    )


def test_word_html_reads_like_any_html() -> None:
    page = (
        WORD_HEAD
        + "<p class=MsoNormal><b><span style='mso-bidi-font-family:Calibri'>Název projektu:</span></b>"
        "<span style='mso-bidi-font-family:Calibri'> 26 let spolupráce měst</span><o:p></o:p></p>"
        "<p class=MsoNormal><b style='mso-bidi-font-weight:normal'>Projektpartner:<o:p></o:p></b></p>"
        + word_item(
            "1.", "Via Carolina e.V. (Träger des Geschichtsparks Bärnau-Tachov), Deutschland"
        )
        + word_item("2.", "Otto-Friedrich-Universität Bamberg, Deutschland")
        + "<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal><b>Documents:<o:p></o:p></b></p>"
        + word_item("&middot;", "Transnational Guide towards an Optimal WAter REgime (GOWARE)")
        + "</div></body></html>"
    )
    assert cells(page) == [
        ("Název projektu:", "26 let spolupráce měst"),
        ("Projektpartner:",),
        ("1", "Via Carolina e.V. (Träger des Geschichtsparks Bärnau-Tachov), Deutschland"),
        ("2", "Otto-Friedrich-Universität Bamberg, Deutschland"),
        ("Documents:",),
        ("Transnational Guide towards an Optimal WAter REgime (GOWARE)",),
    ]


def test_a_word_list_is_numbered_like_an_ol() -> None:
    word = WORD_HEAD + "<p><b>Partneři projektu:</b></p>" + word_item("1.", "Ústí Region (CZ)")
    html = "<p><b>Partneři projektu:</b></p><ol><li>Ústí Region (CZ)</li></ol>"
    assert [(r.cells, r.block) for r in read_html(word)] == [
        (r.cells, r.block) for r in read_html(html)
    ]


def test_a_word_list_in_a_table_cell_keeps_its_numbers_in_the_text() -> None:
    page = (
        "<table><tr><td>Partneři projektu</td><td>"
        + word_item("1.", "Statutární město Havířov")
        + word_item("2.", "Město Jastrzębie-Zdrój")
        + "</td></tr></table>"
    )
    assert cells(page) == [
        ("Partneři projektu", "1. Statutární město Havířov\n\n2. Město Jastrzębie-Zdrój")
    ]


# --- a CMS's label/value pairs -----------------------------------------------------

CMS_PAIRS = [
    pytest.param('<div class="field field--nazev"><div class="field-label">Název projektu</div><div class="field-value">Common Regional Development AT-CZ</div></div>',
                 [("Název projektu", "Common Regional Development AT-CZ")], id="cs-kraj-vysocina-field-label"),
    pytest.param('<div class="field field--timeline">\n  <div class="field-label">Timeline:</div>\n  <div class="field-value">01/2017 – 12/2018</div>\n</div>',
                 [("Timeline:", "01/2017 – 12/2018")], id="en-athu-field-label-colon"),
    pytest.param('<div class="field field--name-field-programme"><div class="field__label">Programm</div><div class="field__item">INTERREG V A Brandenburg – Polen 2014–2020</div></div>',
                 [("Programm", "INTERREG V A Brandenburg – Polen 2014–2020")], id="de-drupal8-field__label"),
    pytest.param('<div class="field field-label-inline"><div class="field-label">Program:&nbsp;</div><div class="field-items"><div class="field-item even">Interreg V-A Česká republika – Polsko</div></div></div>',
                 [("Program:", "Interreg V-A Česká republika – Polsko")], id="cs-drupal7-field-label-inline"),
    pytest.param('<div class="row"><span class="label">Wnioskodawca</span> <span class="value">Stowarzyszenie Gmin Polskich Euroregionu Glacensis</span></div>',
                 [("Wnioskodawca", "Stowarzyszenie Gmin Polskich Euroregionu Glacensis")], id="pl-span-label-value"),
    pytest.param('<div><span class="label">Termin realizacji projektu:</span> 15.01.2023-31.05.2023</div>',
                 [("Termin realizacji projektu:", "15.01.2023-31.05.2023")], id="pl-span-label-then-text"),
    pytest.param('<div class="project-fact"><strong>Lead partner</strong><span>Vienna BioCenter Core Facilities, GmbH</span></div>',
                 [("Lead partner", "Vienna BioCenter Core Facilities, GmbH")], id="en-strong-then-span"),
    pytest.param('<div><strong>Projektnummer</strong> <span>85015826</span></div><div><b>Programm:</b> <a href="https://www.interreg-bb-pl.eu/">INTERREG V A</a></div>',
                 [("Projektnummer", "85015826"), ("Programm:", "INTERREG V A")], id="de-strong-span-and-bold-link"),
    pytest.param('<div class="pole"><div class="pole-etykieta">Partner projektu</div><div class="pole-wartosc">Stadt Guben (Niemcy)</div></div>',
                 [("Partner projektu", "Stadt Guben (Niemcy)")], id="pl-label-class-in-polish"),
    pytest.param('<div class="udaj"><div class="udaj-popisek">Program</div><div class="udaj-hodnota">Interreg Česko – Polsko</div></div>',
                 [("Program", "Interreg Česko – Polsko")], id="cs-label-class-in-czech"),
]  # fmt: skip


@pytest.mark.parametrize(("page", "expected"), CMS_PAIRS)
def test_cms_label_value_pairs(page: str, expected: list[tuple[str, ...]]) -> None:
    assert cells(page) == expected


def test_a_cms_pair_with_a_list_gives_its_label_then_its_items_in_one_block() -> None:
    page = (
        '<div class="field"><div class="field-label">Partneři projektu</div><div class="field-value">'
        "<ul><li>Jihočeský kraj (Česko)</li><li>NÖ.Regional.GmbH (Rakousko)</li></ul></div></div>"
        '<div class="field"><div class="field-label">Strategický partner</div>'
        '<div class="field-value">Město Vídeň (Rakousko)</div></div>'
    )
    rows = read_html(page)
    assert [(r.cells, r.heading) for r in rows] == [
        (("Partneři projektu",), True),
        (("Jihočeský kraj (Česko)",), False),
        (("NÖ.Regional.GmbH (Rakousko)",), False),
        (("Strategický partner", "Město Vídeň (Rakousko)"), False),
    ]
    assert rows[0].block == rows[1].block == rows[2].block < rows[3].block


def test_emphasis_in_a_sentence_is_no_label() -> None:
    assert cells("<p><b>Important</b> news of the project.</p>") == [
        ("Important news of the project.",)
    ]


# --- blocks ---------------------------------------------------------------------------


def blocks(page: str) -> list[tuple[str, int]]:
    return [(row.text, row.block) for row in read_html(page)]


BLOCKS = [
    pytest.param(
        "<div class='item-page'><h3>Dokumenty</h3><ul><li>Cele projektu</li><li>Plakat</li></ul>"
        "<p>Urząd Gminy Przewóz · ul. Przykładowa 1</p></div><div>Kontakt</div>",
        [("Dokumenty", 1), ("Cele projektu", 1), ("Plakat", 1), ("Urząd Gminy Przewóz · ul. Przykładowa 1", 2), ("Kontakt", 3)],
        id="pl-przewoz-heading-list-then-address",
    ),
    pytest.param(
        "<p><b>Partneři projektu:</b></p><ol><li>Ústí Region (CZ)</li><li>Province of Novara (IT)</li></ol>"
        "<p><b>Aktuality:</b></p><p>12.10.2021 – Projekt získal dotaci</p>",
        [("Partneři projektu:", 1), ("1 Ústí Region (CZ)", 1), ("2 Province of Novara (IT)", 1), ("Aktuality:", 2), ("12.10.2021 – Projekt získal dotaci", 2)],
        id="cs-bold-label-then-ol",
    ),
    pytest.param(
        "<h2>Partnerzy projektu</h2><div class='table-responsive'><table>"
        "<tr><th>Lp.</th><th>Partner</th></tr><tr><td>1</td><td>Gmina Brody</td></tr></table></div>"
        "<h3>Opis projektu</h3>",
        [("Partnerzy projektu", 1), ("Lp. Partner", 1), ("1 Gmina Brody", 1), ("Opis projektu", 2)],
        id="pl-heading-then-wrapped-table",
    ),
    pytest.param(
        "<table><tr><th>Project acronym</th><td>RIAT-CZ</td></tr>"
        "<tr><th>Partners</th><td><ul><li>IST Austria</li><li>CEITEC Masaryk University</li></ul></td></tr>"
        "<tr><th>Total project costs</th><td>€1,495,000</td></tr></table>",
        [("Project acronym RIAT-CZ", 1), ("Partners", 2), ("IST Austria", 2), ("CEITEC Masaryk University", 2), ("Total project costs €1,495,000", 3)],
        id="en-vbc-nested-list-in-a-table-row",
    ),
    pytest.param(
        "<dl><dt>Projekttitel</dt><dd>Kleinprojektefonds</dd><dt>Kernaktivitäten</dt>"
        "<dd><ul><li>Beratung interessierter Projektträger</li><li>Kontrolle der Projektoutputs</li></ul></dd>"
        "<dt>Region:</dt><dd>Oberfranken</dd></dl>",
        [("Projekttitel Kleinprojektefonds", 1), ("Kernaktivitäten", 2), ("Beratung interessierter Projektträger", 2), ("Kontrolle der Projektoutputs", 2), ("Region: Oberfranken", 3)],
        id="de-bycz-nested-list-in-a-definition",
    ),
    pytest.param(
        "<section><h2>Aktuelles</h2><ul><li>Kick-Off in Forst</li></ul></section>"
        "<section><h2>Dokumente</h2><ul><li>Flyer</li></ul></section>",
        [("Aktuelles", 1), ("Kick-Off in Forst", 1), ("Dokumente", 2), ("Flyer", 2)],
        id="de-next-section",
    ),
    pytest.param(
        "<ul><li>Lead partner<ul><li>Ministry of Economy</li></ul></li><li>Ústí Region</li></ul>",
        [("Lead partner", 1), ("Ministry of Economy", 1), ("Ústí Region", 1)],
        id="en-nested-list-stays-in-its-list",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("page", "expected"), BLOCKS)
def test_blocks(page: str, expected: list[tuple[str, int]]) -> None:
    assert blocks(page) == expected


def test_furniture_a_page_does_not_mark_is_still_another_block() -> None:
    """A footer line under a list, in a ``<div>`` of its own whose name says
    nothing: the list's block ends before it."""
    page = (
        "<div class='content'><h3>Dokumenty</h3><ul><li><a href='/d.pdf'>Cele projektu</a></li></ul></div>"
        "<div class='x1'>Urząd Gminy Przewóz · tel. 68 000 00 00</div>"
    )
    (*items, address) = read_html(page)
    assert {row.block for row in items} == {1}
    assert address.block == 2


def test_other_readers_leave_every_row_in_block_0() -> None:
    assert Row(1, ("Projekt", "X")).block == 0


# --- links -----------------------------------------------------------------------------

LINKS = [
    pytest.param("<base href='http://region.cz/eu/'><p><b>Web:</b> <a href='projekty/chemclust'>web</a></p>", ("http://region.cz/eu/projekty/chemclust",), id="relative-against-base"),
    pytest.param("<base href='http://region.cz/eu/'><p><a href='/dokumenty/v%C3%BDro%C4%8Dn%C3%AD%20zpr%C3%A1va.pdf'>Zpráva</a></p>", ("http://region.cz/dokumenty/v%C3%BDro%C4%8Dn%C3%AD%20zpr%C3%A1va.pdf",), id="percent-encoding-kept"),
    pytest.param("<p><a href='https://www.zary.pl/system/obj/22221_zalacznik.pdf?a=1&amp;b=2'>Cele projektu</a></p>", ("https://www.zary.pl/system/obj/22221_zalacznik.pdf?a=1&b=2",), id="entities-in-href-decoded"),
    pytest.param("<base href='http://x.eu/'><p><a href='mailto:titkarsag@eduvizig.hu'>Email</a></p>", ("mailto:titkarsag@eduvizig.hu",), id="mailto-as-written"),
    pytest.param("<p><a href='docs/a.pdf'>A</a></p>", ("docs/a.pdf",), id="no-base-as-written"),
]  # fmt: skip


@pytest.mark.parametrize(("page", "links"), LINKS)
def test_links(page: str, links: tuple[str, ...]) -> None:
    (row,) = read_html(page)
    assert row.links == links


# --- fallbacks: what libxml2 rejects, and pages nested deeper than it builds --------


def test_text_libxml2_rejects_is_read_by_beautifulsoup() -> None:
    """A lone surrogate cannot even be handed to libxml2 as UTF-8."""
    page = "<table><tr><th>Projekt</th><td>ChemClust\ud800</td></tr></table><p><b>Program:</b> Interreg IVC"
    with pytest.raises(soup.Rejected):
        soup.native_tree(page)
    assert cells(page) == [("Projekt", "ChemClust"), ("Program:", "Interreg IVC")]


@pytest.mark.parametrize("sheet", HTML_SHEETS, ids=lambda p: p.name)
def test_every_way_of_parsing_reads_the_real_sheets_alike(sheet: Path) -> None:
    """libxml2's tree, the tree built from its events and BeautifulSoup's
    give the same rows (BeautifulSoup's ``html.parser`` does not close an
    ``<li>`` at the next one, so the sheet with open ``<li>``s is left out)."""
    text = decode_bytes(sheet.read_bytes()).text
    native = [(r.cells, r.links, r.heading, r.block) for r in read_html(text)]
    ways = [soup.Rejected("deep", too_deep=True)]
    if sheet.name != "rivercare-en.htm":
        ways.append(soup.Rejected("rejected"))
    for rejected in ways:
        with mock.patch.object(reader, "native_tree", side_effect=rejected):
            assert [(r.cells, r.links, r.heading, r.block) for r in read_html(text)] == native


DEEP = [
    pytest.param(300, id="300-deeper-than-libxml2-builds-by-default"),
    pytest.param(2_500, id="2500-deeper-than-libxml2-builds-at-all"),
    pytest.param(50_000, id="50000"),
]


@pytest.mark.parametrize("depth", DEEP)
def test_deep_nesting_reads_labels_links_and_no_furniture(depth: int) -> None:
    page = (
        "<div>\n" * depth
        + "<div id='paticka'>Kraj Vysočina, Žižkova 57</div><nav><b>Projekt:</b> Menu</nav>\n"
        + '<b>Projekt:</b> ChemClust<br><b>Web:</b> <a href="http://www.chemclust.eu/">web</a>\n'
        + "</div>\n" * depth
        + "<p><b>Program:</b> Interreg IVC</p>"
    )
    with mock.patch.object(reader, "soup_tree", side_effect=AssertionError("BeautifulSoup")):
        rows = read_html(page)
    assert [(r.cells, r.links) for r in rows] == [
        (("Projekt:", "ChemClust"), ()),
        (("Web:", "web"), ("http://www.chemclust.eu/",)),
        (("Program:", "Interreg IVC"), ()),
    ]


def test_a_page_deeper_than_libxml2_builds_is_built_from_its_events() -> None:
    """Not by BeautifulSoup, whose tree building costs depth times size."""
    page = "<div>" * 3_000 + NAME + "</div>" * 3_000
    with pytest.raises(soup.Rejected) as rejected:
        soup.native_tree(page)
    assert rejected.value.too_deep
    with mock.patch.object(reader, "soup_tree", side_effect=AssertionError("BeautifulSoup")):
        assert cells(page) == [("Projekt:", "ChemClust")]


# --- any text gives rows of text ----------------------------------------------------------

MARKUP = st.sampled_from(
    [
        "<div class='field-label'>", "<div class='field-value'>", "</div>", "<span class=label>",
        "</span>", "<strong>", "</strong>", "<div id=paticka>", "<div class=Fußzeile>", "<main>",
        "</main>", "<article>", "<header>", "<footer>", "<p class=MsoNormal>",
        "<span style='mso-list:Ignore'>1.", "<span style='mso-list:Ignore'>&middot;", "<o:p>",
        "<![if !supportLists]>", "<![endif]>", "<ul><li>", "<ol start=3><li>", "<table><tr><td>",
        "<dl><dt>", "<dd>", "<br>", "<h2>", "<base href='http://x.eu/a/'>", "<a href='b%20c'>",
        "Tisk | Sdílet", "Drucken · Teilen", "Projekt:", "ChemClust", "\ud7ff", "\x00", "\x0b",
    ]
)  # fmt: skip
PAGES = st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), PAGES))
@example("<div class='field-label'>Projekt</div>")
@example("<span style='mso-list:Ignore'>1.</span>")
@example("\ud800<p>x")
def test_any_text_gives_rows_of_text_in_growing_blocks(text: str) -> None:
    rows = read_html(text)
    assert all(isinstance(row, Row) for row in rows)
    for row in rows:
        assert row.cells and all(isinstance(cell, str) for cell in row.cells)
        assert any(cell.strip() for cell in row.cells)
        assert all(isinstance(link, str) for link in row.links)
        assert row.block >= 1 and row.line >= 0
    numbers = [row.block for row in rows]
    assert numbers == sorted(numbers)


# A tag left open at the end of a cell (<b>, <a>, <font>) is closed by the
# next row in a browser; libxml2 keeps that row, and every row after it,
# inside the tag, so a label and its value would run into the cell before.
@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            "<table><tr><td>Projekt<td>Zlomené <b>tabulka<tr><td>Rozpočet<td>1 000 000 Kč</table>",
            [("Projekt", "Zlomené tabulka"), ("Rozpočet", "1 000 000 Kč")],
            id="bold",
        ),
        pytest.param(
            '<table><tr><td>Web</td><td><a href="http://x.eu/">x.eu<tr><td>Trvání<td>2010'
            "<tr><td>Program<td>Interreg</table>",
            [("Web", "x.eu"), ("Trvání", "2010"), ("Program", "Interreg")],
            id="link-then-two-rows",
        ),
        pytest.param(
            "<table><tr><th>Partneři<td><i>viz<tr><td>1<td><b>Město<tr><td>2<td>Kraj</table>",
            [("Partneři", "viz"), ("1", "Město"), ("2", "Kraj")],
            id="rows-inside-a-moved-row",
        ),
        pytest.param(
            "<table><tr><td>P<td><span>x<table><tr><td>in</table>y</span><tr><td>R<td>1</table>",
            [("P",), ("x",), ("in",), ("y",), ("R", "1")],  # the label, then what its value holds
            id="a-nested-table-stays",
        ),
    ],
)  # fmt: skip
def test_a_row_after_a_tag_left_open_in_a_cell_is_a_row_of_its_own(
    page: str, expected: list[tuple[str, ...]]
) -> None:
    assert [r.cells for r in read_html(page)][: len(expected)] == expected
