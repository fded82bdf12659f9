"""Text, paragraphs, web and e-mail addresses, specified by examples
(CONTRACT.md, "Text" and "URLs").

Text is NFC, whitespace runs collapsed, trimmed, with no HTML tags or
entities left; a description keeps paragraphs separated by one blank line.
URLs are absolute and otherwise as written (a bare ``www.x.eu`` gets
``http://``); e-mails are lower case.  A case the code gets wrong today is a
strict xfail.
"""

from __future__ import annotations

import pytest

from chemclust_extract.normalise.text import clean_text, paragraphs
from chemclust_extract.normalise.urls import find_email, find_url, normalise_url, parse_website

DECOMPOSED_USTI = "U\u0301sti\u0301"  # "Ústí" as base letters plus combining acutes

CLEAN_TEXT_EXAMPLES = [
    # from the contract
    pytest.param("  Ústí\u00a0 Region\n(CZ) ", "Ústí Region (CZ)", id="contract-whitespace-runs"),
    pytest.param("<b>ChemClust</b> &amp; co", "ChemClust & co", id="contract-tags-and-entities"),
    pytest.param(DECOMPOSED_USTI, "Ústí", id="contract-nfc"),
    pytest.param(" \t ", None, id="contract-blank-is-absent"),
    pytest.param("", None, id="contract-empty-is-absent"),
    pytest.param(None, None, id="contract-none"),
    # Czech sheets
    pytest.param("<p>Ústecký kraj</p>", "Ústecký kraj", id="cs-paragraph-tag"),
    pytest.param("Za&#269;&aacute;tek", "Začátek", id="cs-numeric-and-named-entities"),
    pytest.param(
        "<span style='x'>Ústí</span> nad <i>Labem</i>", "Ústí nad Labem", id="cs-inline-tags"
    ),
    pytest.param("line1\r\nline2", "line1 line2", id="cs-windows-line-break"),
    pytest.param(
        "<!-- komentář -->Ústecký kraj",
        "Ústecký kraj",
        id="cs-html-comment",
    ),
    # German
    pytest.param("Ministerium f&uuml;r Wirtschaft", "Ministerium für Wirtschaft", id="de-uuml"),
    pytest.param("Müller & Söhne", "Müller & Söhne", id="de-bare-ampersand-kept"),
    pytest.param("a<br>b", "a b", id="de-line-break-tag"),
    # Polish
    pytest.param("Gmina &#321;&oacute;d&#378;", "Gmina Łódź", id="pl-numeric-entities"),
    pytest.param("Tab\there", "Tab here", id="pl-tab"),
    # English programme sites
    pytest.param("R&D projekt", "R&D projekt", id="en-r-and-d"),
    pytest.param("x < y and y > z", "x < y and y > z", id="en-angle-brackets-not-tags"),
    pytest.param("Text &nbsp; with &nbsp; spaces", "Text with spaces", id="en-nbsp-entities"),
    pytest.param("<script>alert(1)</script>Hello", "Hello", id="en-script-dropped"),
    pytest.param("Smart “quotes” – dash", "Smart “quotes” – dash", id="en-typography-kept"),
    pytest.param("<p></p>", None, id="en-empty-tag"),
    pytest.param("&nbsp;", None, id="en-only-nbsp"),
    pytest.param(
        "Research &amp;amp; Development",
        "Research & Development",
        id="en-double-escaped-entity",
    ),
    # bytes lost in decoding and control characters (issue 7): never in a field
    pytest.param("Ústecký\ufffd kraj", "Ústecký kraj", id="damage-replacement-character"),
    pytest.param("\ufffd", None, id="damage-only-a-replacement-character"),
    pytest.param("\ufffd \ufffd\t", None, id="damage-replacement-and-space-only"),
    pytest.param("Úst\x00í\x01 nad\x07 Labem\x7f", "Ústí nad Labem", id="damage-c0-and-del"),
    pytest.param("Tom\x9a Nov\x81ák", "Tom Novák", id="damage-c1-controls"),
    pytest.param("\x1b[1mBold\x1b[0m", "[1mBold[0m", id="damage-escape-dropped"),
    pytest.param("A\x0bB\x0cC\x1cD\x1fE\x85F", "A B C D E F", id="damage-control-white-space"),
    pytest.param("&#1;ChemClust&#65533;", "ChemClust", id="damage-entity-control"),
    pytest.param("<b>Chem\x02</b>Clust\ufffd", "ChemClust", id="damage-inside-html"),
]


@pytest.mark.parametrize(("text", "expected"), CLEAN_TEXT_EXAMPLES)
def test_clean_text(text: str | None, expected: str | None) -> None:
    assert clean_text(text) == expected


PARAGRAPH_EXAMPLES = [
    # from the contract (the seed's description is three <p> in one cell)
    pytest.param(
        "<p>Cílem projektu je…</p> <p>ChemClust také&nbsp;bude…</p> <p>Mezi stanovené…</p>",
        "Cílem projektu je…\n\nChemClust také bude…\n\nMezi stanovené…",
        id="contract-seed-paragraphs",
    ),
    pytest.param(
        "First line\ngoes on.\n\nSecond.",
        "First line goes on.\n\nSecond.",
        id="contract-blank-line",
    ),
    pytest.param(None, None, id="contract-none"),
    pytest.param("", None, id="contract-empty"),
    # Czech sheets
    pytest.param(
        "<p>Odstavec&nbsp;1</p>\n<p>Odstavec 2</p>", "Odstavec 1\n\nOdstavec 2", id="cs-p-newline"
    ),
    pytest.param("One.\n\n\n\nTwo.", "One.\n\nTwo.", id="cs-many-blank-lines"),
    pytest.param("One.\n \t\nTwo.", "One.\n\nTwo.", id="cs-blank-line-with-spaces"),
    pytest.param("A\r\n\r\nB", "A\n\nB", id="cs-windows-blank-line"),
    # German
    pytest.param(
        "Ein   Absatz\n\nZweiter   Absatz", "Ein Absatz\n\nZweiter Absatz", id="de-space-runs"
    ),
    pytest.param("A<br><br>B", "A\n\nB", id="de-double-br"),
    pytest.param("A<br>B", "A B", id="de-single-br-joins"),
    pytest.param("<p>A<br/><br/>B</p>", "A\n\nB", id="de-double-br-in-p"),
    # Polish
    pytest.param("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo", id="pl-list-items"),
    pytest.param("<div>A</div>text<div>B</div>", "A\n\ntext\n\nB", id="pl-text-between-blocks"),
    # English programme sites
    pytest.param("<h2>Title</h2><p>Body</p>", "Title\n\nBody", id="en-heading"),
    pytest.param("<p>A</p><!-- note --><p>B</p>", "A\n\nB", id="en-comment-between-blocks"),
    pytest.param("Single paragraph.", "Single paragraph.", id="en-one-paragraph"),
    pytest.param("<p> </p>", None, id="en-empty-paragraph"),
    pytest.param("   ", None, id="en-blank"),
    # bytes lost in decoding and control characters (issue 7)
    pytest.param("One.\ufffd\n\nTwo.\x00", "One.\n\nTwo.", id="damage-dropped"),
    pytest.param("One.\n\ufffd\x01\nTwo.", "One.\n\nTwo.", id="damage-line-of-it-is-blank"),
    pytest.param("One.\x0c\x0cTwo.", "One. Two.", id="damage-form-feeds-are-space"),
    pytest.param("<p>One.\x07</p><p>\ufffd</p><p>Two.</p>", "One.\n\nTwo.", id="damage-html"),
    pytest.param("\ufffd\n\n\x00", None, id="damage-only"),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_EXAMPLES)
def test_paragraphs(text: str | None, expected: str | None) -> None:
    assert paragraphs(text) == expected


FIND_URL_EXAMPLES = [
    # from the contract
    pytest.param(
        "http://www.chemclust.eu/", "http://www.chemclust.eu/", id="contract-seed-website"
    ),
    pytest.param("www.x.eu", "http://www.x.eu", id="contract-bare-www"),
    # Czech sheets
    pytest.param(
        "Web projektu: http://www.chemclust.eu/", "http://www.chemclust.eu/", id="cs-after-label"
    ),
    pytest.param("see www.chemclust.eu.", "http://www.chemclust.eu", id="cs-sentence-full-stop"),
    pytest.param("www2.kr-ustecky.cz", "http://www2.kr-ustecky.cz", id="cs-www2"),
    pytest.param("(www.x.eu)", "http://www.x.eu", id="cs-in-brackets"),
    # German
    pytest.param(
        "Mehr unter www.sachsen-anhalt.de/wirtschaft!",
        "http://www.sachsen-anhalt.de/wirtschaft",
        id="de-exclamation-mark",
    ),
    # Polish
    pytest.param("strona: www.mazovia.pl;", "http://www.mazovia.pl", id="pl-semicolon"),
    pytest.param("www.x.eu, www.y.eu", "http://www.x.eu", id="pl-first-of-two"),
    # English programme sites
    pytest.param(
        "https://www.interreg-central.eu/Content.Node/ChemClust.html",
        "https://www.interreg-central.eu/Content.Node/ChemClust.html",
        id="en-https-path",
    ),
    pytest.param("http://x.eu/a?b=1&c=2", "http://x.eu/a?b=1&c=2", id="en-query"),
    # ftp is a document's address only, never a website (issue 7; test_normalise_urls.py)
    pytest.param("ftp://ftp.x.eu/a.pdf", None, id="en-ftp-is-no-website"),
    pytest.param("HTTP://WWW.X.EU", "HTTP://WWW.X.EU", id="en-case-as-written"),
    pytest.param(
        "www.x.eu/path/file.pdf.", "http://www.x.eu/path/file.pdf", id="en-file-then-full-stop"
    ),
    pytest.param(
        "http://en.wikipedia.org/wiki/Interreg_(programme)",
        "http://en.wikipedia.org/wiki/Interreg_(programme)",
        id="en-brackets-in-path",
    ),
    pytest.param("no address here", None, id="en-no-address"),
    pytest.param("wwwx.eu", None, id="en-www-without-dot"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), FIND_URL_EXAMPLES)
def test_find_url(text: str | None, expected: str | None) -> None:
    assert find_url(text) == expected


WEBSITE_EXAMPLES = [
    # from the contract
    pytest.param("http://www.chemclust.eu/", "http://www.chemclust.eu/", id="contract-seed"),
    pytest.param("www.chemclust.eu", "http://www.chemclust.eu", id="contract-bare-www"),
    # Czech sheets
    pytest.param("chemclust.eu", "http://chemclust.eu", id="cs-bare-domain"),
    pytest.param(
        "kr-ustecky.cz/projekty", "http://kr-ustecky.cz/projekty", id="cs-domain-with-path"
    ),
    pytest.param("chemclust.eu.", "http://chemclust.eu", id="cs-domain-full-stop"),
    pytest.param("spotak.d@kr-ustecky.cz", None, id="cs-email-is-no-website"),
    # German
    pytest.param("Web: www.chemclust.eu", "http://www.chemclust.eu", id="de-label-inside"),
    pytest.param("https://chemclust.eu", "https://chemclust.eu", id="de-https-kept"),
    # Polish
    pytest.param("ChemClust.EU", "http://ChemClust.EU", id="pl-case-as-written"),
    pytest.param("2010.01", None, id="pl-date-is-no-domain"),
    # English programme sites
    pytest.param("under construction", None, id="en-words"),
    pytest.param("N/A", None, id="en-not-applicable"),
    pytest.param("-", None, id="en-dash"),
    pytest.param("1.5", None, id="en-number"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), WEBSITE_EXAMPLES)
def test_parse_website(text: str | None, expected: str | None) -> None:
    assert parse_website(text) == expected


NORMALISE_URL_EXAMPLES = [
    # from the contract
    pytest.param("www.x.eu", None, "http://www.x.eu", id="contract-bare-www"),
    pytest.param(" www.x.eu/a ", None, "http://www.x.eu/a", id="contract-bare-www-path-trimmed"),
    pytest.param(
        "http://www.chemclust.eu/", None, "http://www.chemclust.eu/", id="contract-as-written"
    ),
    # Czech sheets
    pytest.param("docs/a.pdf", "http://x.eu/p/", "http://x.eu/p/docs/a.pdf", id="cs-relative-link"),
    pytest.param("/a.pdf", "http://x.eu/p/", "http://x.eu/a.pdf", id="cs-root-relative-link"),
    pytest.param("../a.pdf", "http://x.eu/p/q/", "http://x.eu/p/a.pdf", id="cs-parent-link"),
    # A relative link with no <base href> to resolve it is no address: URLs
    # are absolute (issue 7); the record keeps it in a warning instead.
    pytest.param(
        "docs/a.pdf",
        None,
        None,
        id="cs-relative-link-without-base",
    ),
    # German
    pytest.param("https://x.eu/a", "http://y.eu/", "https://x.eu/a", id="de-absolute-ignores-base"),
    pytest.param(
        "//cdn.x.eu/a.js", "http://x.eu/", "http://cdn.x.eu/a.js", id="de-scheme-relative"
    ),
    pytest.param("WWW.X.EU", None, "http://WWW.X.EU", id="de-upper-case-www"),
    # Polish
    pytest.param("http://x.eu.", None, "http://x.eu", id="pl-trailing-full-stop"),
    # ftp is a document's address only, never a website (issue 7; test_normalise_urls.py)
    pytest.param("ftp://ftp.x.eu/f", None, None, id="pl-ftp-is-no-website"),
    # English programme sites
    pytest.param("mailto:a@b.cz", None, None, id="en-mailto"),
    pytest.param("javascript:void(0)", None, None, id="en-javascript"),
    pytest.param("tel:+420", None, None, id="en-tel"),
    pytest.param("http://localhost/", None, None, id="en-host-without-dot"),
    pytest.param("http://www.x.eu/a b", None, None, id="en-space-inside"),
    pytest.param("", None, None, id="empty"),
    pytest.param(None, None, None, id="none"),
]


@pytest.mark.parametrize(("text", "base", "expected"), NORMALISE_URL_EXAMPLES)
def test_normalise_url(text: str | None, base: str | None, expected: str | None) -> None:
    assert normalise_url(text, base) == expected


EMAIL_EXAMPLES = [
    # from the contract
    pytest.param("spotak.d@kr-ustecky.cz", "spotak.d@kr-ustecky.cz", id="contract-seed"),
    pytest.param(
        "Mail: Spotak.D@kr-ustecky.cz Tel: +420",
        "spotak.d@kr-ustecky.cz",
        id="contract-lower-cased",
    ),
    # Czech sheets
    pytest.param("SPOTAK.D@KR-USTECKY.CZ", "spotak.d@kr-ustecky.cz", id="cs-upper-case"),
    pytest.param("E-mail: novak@kr-ustecky.cz.", "novak@kr-ustecky.cz", id="cs-full-stop-after"),
    # German
    pytest.param(
        "Anna.Schmidt@MW.Sachsen-Anhalt.de", "anna.schmidt@mw.sachsen-anhalt.de", id="de-mixed-case"
    ),
    pytest.param("<a href='mailto:X@Y.de'>X@Y.de</a>", "x@y.de", id="de-mailto-link"),
    # Polish
    pytest.param("e-mail: A.Nowak@mazovia.pl", "a.nowak@mazovia.pl", id="pl-label"),
    pytest.param("jan(at)x.pl", None, id="pl-obfuscated-at"),
    # English programme sites
    pytest.param("mailto:Jan.Novak@Example.EU", "jan.novak@example.eu", id="en-mailto"),
    pytest.param("john.smith+eu@gov.uk", "john.smith+eu@gov.uk", id="en-plus-address"),
    pytest.param("j.s@sub.domain.co.uk.", "j.s@sub.domain.co.uk", id="en-subdomains"),
    pytest.param("jan.novak@x", None, id="en-no-top-level-domain"),
    pytest.param("no mail", None, id="en-no-mail"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("text", "expected"), EMAIL_EXAMPLES)
def test_find_email(text: str | None, expected: str | None) -> None:
    assert find_email(text) == expected
