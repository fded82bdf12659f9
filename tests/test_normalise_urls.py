"""Only web addresses are URLs (issue 7, "Hardening"; CONTRACT.md "URLs
absolute", "Links").

``http`` and ``https`` to a host name with a dot are web addresses, and
``ftp`` too for a document's download address, never for a website.  Any
other scheme (``file:``, ``data:``, ``smb:``, ``javascript:``...), a
scheme-relative ``//host/x`` and a relative link that no web ``<base href>``
made absolute are not: the field is null, and the record keeps the address
in a warning (and, for the project's website, in ``extra``).  E-mail and
phone links and anchors on the page are no website's address, so they give
no such warning.  Percent-encoding is kept as written.
"""

from __future__ import annotations

import pytest

from chemclust_extract.extract import extract_bytes
from chemclust_extract.model import Record
from chemclust_extract.normalise.urls import (
    find_url,
    is_web_address,
    normalise_url,
    parse_website,
    rejected_links,
)

HTTP_BASE = "http://x.eu/p/"
FILE_BASE = "file:///C:/"
JS_BASE = "javascript:alert(1)"

# (address, base, allow_ftp, expected)
NORMALISE_URL_EXAMPLES = [
    # web addresses, as written
    pytest.param("http://x.eu", None, False, "http://x.eu", id="http"),
    pytest.param("HTTPS://X.EU/a", None, False, "HTTPS://X.EU/a", id="https-upper-case-as-written"),
    pytest.param("www.x.eu", None, False, "http://www.x.eu", id="bare-www-gets-http"),
    pytest.param("www2.x.eu/a", None, False, "http://www2.x.eu/a", id="bare-www2-gets-http"),
    pytest.param("http://localhost/", None, False, None, id="host-without-dot"),
    # ftp: a document's address, never a website
    pytest.param("ftp://x.eu/f.pdf", None, False, None, id="ftp-website"),
    pytest.param("ftp://x.eu/f.pdf", None, True, "ftp://x.eu/f.pdf", id="ftp-document"),
    pytest.param("FTP://X.EU/f.pdf", None, True, "FTP://X.EU/f.pdf", id="ftp-document-upper-case"),
    # other schemes are never web addresses, for websites or documents
    pytest.param("file:///C:/docs/a.pdf", None, True, None, id="file"),
    pytest.param("file://server/share/a.pdf", None, True, None, id="file-with-host"),
    pytest.param("data:text/html;base64,PHNjcmlwdD4=", None, True, None, id="data"),
    pytest.param("smb://server.x.eu/share/a.pdf", None, True, None, id="smb"),
    pytest.param("javascript:alert(1)", None, False, None, id="javascript"),
    pytest.param(" JavaScript:alert(1) ", None, False, None, id="javascript-mixed-case"),
    pytest.param("java\tscript:alert(1)", None, False, None, id="javascript-tab-inside"),
    pytest.param("vbscript:msgbox(1)", None, False, None, id="vbscript"),
    pytest.param("mailto:a@b.cz", None, False, None, id="mailto"),
    pytest.param("tel:+420475657938", None, False, None, id="tel"),
    pytest.param("gopher://x.eu/", None, False, None, id="other-scheme"),
    pytest.param("ms-excel:ofe|u|http://x.eu/a.xlsx", None, True, None, id="office-scheme"),
    pytest.param("C:\\docs\\a.pdf", None, True, None, id="windows-path"),
    pytest.param("\\\\server\\share\\a.pdf", None, True, None, id="unc-path"),
    pytest.param("http://x.eu/a\x00b", None, False, None, id="control-character-inside"),
    pytest.param("http://\ufffdww.x.eu/", None, False, None, id="replacement-character-inside"),
    pytest.param("http://x.cz/zpráva.pdf", None, False, "http://x.cz/zpráva.pdf", id="non-ascii-as-written"),
    # scheme-relative: the base's scheme decides
    pytest.param("//x.eu/a", None, False, None, id="scheme-relative-without-base"),
    pytest.param("//cdn.x.eu/a", "https://x.eu/", False, "https://cdn.x.eu/a", id="scheme-relative-https-base"),
    pytest.param("//cdn.x.eu/a", FILE_BASE, False, None, id="scheme-relative-file-base"),
    # relative links: absolute only on a web base
    pytest.param("docs/a.pdf", None, True, None, id="relative-without-base"),
    pytest.param("/docs/a.pdf", None, True, None, id="root-relative-without-base"),
    pytest.param("?id=3", None, False, None, id="query-without-base"),
    pytest.param("#top", None, False, None, id="anchor-without-base"),
    pytest.param("docs/a.pdf", HTTP_BASE, True, "http://x.eu/p/docs/a.pdf", id="relative-http-base"),
    pytest.param("../a.pdf", HTTP_BASE, True, "http://x.eu/a.pdf", id="parent-http-base"),
    pytest.param("docs/a.pdf", FILE_BASE, True, None, id="relative-file-base"),
    pytest.param("docs/a.pdf", JS_BASE, True, None, id="relative-javascript-base"),
    pytest.param("docs/a.pdf", "smb://server.x.eu/share/", True, None, id="relative-smb-base"),
    pytest.param("http://x.eu/a", FILE_BASE, False, "http://x.eu/a", id="absolute-ignores-file-base"),
    # percent-encoding is kept as written
    pytest.param("http://x.eu/a%20b.pdf", None, False, "http://x.eu/a%20b.pdf", id="percent-kept"),
    pytest.param(
        "zpr%C3%A1va.pdf", HTTP_BASE, True, "http://x.eu/p/zpr%C3%A1va.pdf", id="percent-kept-relative"
    ),
    pytest.param("http://x.eu/%2e%2e/a", None, False, "http://x.eu/%2e%2e/a", id="percent-dots-kept"),
]  # fmt: skip


@pytest.mark.parametrize(("address", "base", "allow_ftp", "expected"), NORMALISE_URL_EXAMPLES)
def test_normalise_url(
    address: str, base: str | None, allow_ftp: bool, expected: str | None
) -> None:
    assert normalise_url(address, base, allow_ftp=allow_ftp) == expected
    if expected is not None:
        assert is_web_address(expected, allow_ftp)


# (link as the reader hands it over, already resolved; allow_ftp; whether it is a rejected one)
REJECTED_LINK_EXAMPLES = [
    pytest.param("javascript:alert(1)", False, True, id="javascript"),
    pytest.param("vbscript:msgbox(1)", False, True, id="vbscript"),
    pytest.param("file:///C:/docs/a.pdf", True, True, id="file"),
    pytest.param("data:text/html,x", True, True, id="data"),
    pytest.param("smb://server/share/a.pdf", True, True, id="smb"),
    pytest.param("gopher://x.eu/", False, True, id="other-scheme"),
    pytest.param("//x.eu/a", False, True, id="scheme-relative"),
    pytest.param("docs/a.pdf", True, True, id="relative-left-by-no-base"),
    pytest.param("C:\\docs\\a.pdf", True, True, id="windows-path"),
    pytest.param("ftp://x.eu/f.pdf", False, True, id="ftp-website"),
    pytest.param("ftp://x.eu/f.pdf", True, False, id="ftp-document"),
    pytest.param("http://x.eu/", False, False, id="http"),
    pytest.param("HTTPS://X.EU/", False, False, id="https-upper-case"),
    pytest.param("www.x.eu", False, False, id="bare-www"),
    # no website's address, so no rejected one: e-mails go to contacts
    pytest.param("mailto:a@b.cz", False, False, id="mailto"),
    pytest.param("MAILTO:a@b.cz", False, False, id="mailto-upper-case"),
    pytest.param("tel:+420475657938", False, False, id="tel"),
    pytest.param("#top", False, False, id="anchor"),
    # a web address that is only malformed is an unreadable value, not another kind of link
    pytest.param("http://[x/", False, False, id="malformed-http"),
    pytest.param("  ", False, False, id="blank"),
]  # fmt: skip


@pytest.mark.parametrize(("link", "allow_ftp", "rejected"), REJECTED_LINK_EXAMPLES)
def test_rejected_links(link: str, allow_ftp: bool, rejected: bool) -> None:
    assert rejected_links([link], allow_ftp) == ([link.strip()] if rejected else [])


def test_rejected_links_keep_their_order_and_spelling() -> None:
    links = ["mailto:a@b.cz", " file:///C:/a.pdf ", "http://x.eu/", "Data:text/plain,x"]
    assert rejected_links(links) == ["file:///C:/a.pdf", "Data:text/plain,x"]


@pytest.mark.parametrize(
    ("text", "allow_ftp", "expected"),
    [
        ("ftp://x.eu/", False, None),
        ("ftp://x.eu/", True, "ftp://x.eu/"),
        ("ftp://x.eu/a.pdf, www.x.eu", False, "http://www.x.eu"),
        ("file:///C:/x.eu", False, None),
        ("//x.eu/a", False, None),
        ("javascript:alert('x.eu')", False, None),
    ],
    ids=["ftp", "ftp-allowed", "ftp-then-www", "file", "scheme-relative", "javascript"],
)
def test_a_website_written_as_text_is_a_web_address(
    text: str, allow_ftp: bool, expected: str | None
) -> None:
    assert parse_website(text, allow_ftp=allow_ftp) == expected


def test_find_url_takes_ftp_only_when_allowed() -> None:
    assert find_url("Download: ftp://x.eu/f.pdf") is None
    assert find_url("Download: ftp://x.eu/f.pdf", allow_ftp=True) == "ftp://x.eu/f.pdf"


# --- end to end: HTML sheets as the seed's pages are laid out ------------------


def sheet(rows: str, head: str = "") -> bytes:
    """A page like samples/chemclust-table.html: a label/value table."""
    return (
        f"<html><head>{head}</head><body><table class='projekt'>"
        "<tr><th>Projekt</th><td>X</td></tr>"
        f"{rows}</table></body></html>"
    ).encode()


def website_row(href: str, text: str = "web") -> str:
    return f"<tr><th>Web projektu:</th><td><a href='{href}'>{text}</a></td></tr>"


def partner_rows(*cells: tuple[str, str]) -> str:
    """A partner table: each partner's name and the link of its web column."""
    rows = "".join(
        f"<tr><td>{n}</td><td>{name}</td><td><a href='{href}'>web</a></td></tr>"
        for n, (name, href) in enumerate(cells, start=1)
    )
    return (
        "<tr><th>Partneři projektu</th><td><table>"
        f"<tr><th>č.</th><th>Partner</th><th>web</th></tr>{rows}</table></td></tr>"
    )


def document_rows(*items: tuple[str, str]) -> str:
    links = "".join(f"<li><a href='{href}'>{text}</a></li>" for text, href in items)
    return f"<tr><th>Prezentace, dokumenty</th><td><ul>{links}</ul></td></tr>"


def unsafe(record: Record, field: str) -> list[str]:
    return [w.message for w in record.warnings if (w.field, w.code) == (field, "unsafe_url")]


UNSAFE_HREFS = [
    pytest.param("javascript:alert(1)", id="javascript"),
    pytest.param("vbscript:msgbox(1)", id="vbscript"),
    pytest.param("file:///C:/web/index.html", id="file"),
    pytest.param("data:text/html,<script>x</script>", id="data"),
    pytest.param("smb://server.x.eu/share/", id="smb"),
    pytest.param("//x.eu/a", id="scheme-relative"),
    pytest.param("web/index.html", id="relative-without-base"),
]


@pytest.mark.parametrize("href", [*UNSAFE_HREFS, pytest.param("ftp://x.eu/", id="ftp")])
def test_an_unsafe_website_link_is_null_kept_in_extra_and_warned(href: str) -> None:
    record = extract_bytes(sheet(website_row(href)), "x.html")
    assert record.website is None
    assert record.extra == {"Web projektu": href}
    (message,) = unsafe(record, "website")
    assert repr(href) in message


def test_a_website_link_on_a_file_base_is_null_with_the_resolved_address() -> None:
    record = extract_bytes(sheet(website_row("index.html"), "<base href='file:///C:/'>"), "x.html")
    assert record.website is None
    assert record.extra == {"Web projektu": "file:///C:/index.html"}
    assert "'file:///C:/index.html'" in unsafe(record, "website")[0]


def test_a_website_written_as_text_wins_over_an_unsafe_link_which_is_warned() -> None:
    record = extract_bytes(sheet(website_row("file:///C:/x.html", "www.x.eu")), "x.html")
    assert record.website == "http://www.x.eu"
    assert record.extra == {}
    (message,) = unsafe(record, "website")
    assert "'file:///C:/x.html'" in message


@pytest.mark.parametrize(
    ("href", "text", "website"),
    [
        ("#top", "www.x.eu", "http://www.x.eu"),
        ("tel:+420475657938", "www.x.eu", "http://www.x.eu"),
        ("mailto:info@x.eu", "info@x.eu", None),
    ],
    ids=["anchor", "tel", "mailto"],
)
def test_links_that_are_no_address_give_no_unsafe_warning(
    href: str, text: str, website: str | None
) -> None:
    record = extract_bytes(sheet(website_row(href, text)), "x.html")
    assert record.website == website
    assert unsafe(record, "website") == []


def test_a_string_ftp_website_is_null_and_kept() -> None:
    record = extract_bytes(b"Projekt\tX\nWeb projektu:\tftp://x.eu/\n", "x.tsv")
    assert record.website is None
    assert record.extra == {"Web projektu": "ftp://x.eu/"}
    assert [(w.field, w.code) for w in record.warnings] == [("website", "unparsed")]


def test_unsafe_partner_links_are_null_and_named_in_warnings() -> None:
    hrefs = ["file:///C:/a.html", "data:text/html,x", "smb://server.x.eu/s/", "ftp://x.cz/"]
    names = ["Foo GmbH (DE)", "Bar s.r.o. (CZ)", "Baz sp. z o.o. (PL)", "Qux (AT)"]
    page = sheet(partner_rows(*zip(names, hrefs, strict=True)))
    record = extract_bytes(page, "x.html")
    assert [(p.name, p.website) for p in record.partners] == [
        ("Foo GmbH", None),
        ("Bar s.r.o.", None),
        ("Baz sp. z o.o.", None),
        ("Qux", None),
    ]
    messages = unsafe(record, "partners")
    assert len(messages) == len(hrefs)
    for href, message in zip(hrefs, messages, strict=True):
        assert repr(href) in message


def test_an_ftp_address_written_in_a_partner_cell_is_no_website_and_is_warned() -> None:
    page = sheet(
        "<tr><th>Partneři projektu</th><td><table>"
        "<tr><td>1</td><td>Ústí Region (CZ) ftp://ftp.kr-ustecky.cz/</td></tr></table></td></tr>"
    )
    record = extract_bytes(page, "x.html")
    assert [(p.name, p.country, p.website) for p in record.partners] == [
        ("Ústí Region", "CZ", None)
    ]
    assert "'ftp://ftp.kr-ustecky.cz/'" in unsafe(record, "partners")[0]


def test_a_web_partner_link_still_counts_and_is_not_warned() -> None:
    record = extract_bytes(
        sheet(partner_rows(("Ústí Region (CZ)", "http://www.kr-ustecky.cz/"))), "x.html"
    )
    assert record.partners[0].website == "http://www.kr-ustecky.cz/"
    assert record.warnings == ()


def test_unsafe_document_links_are_null_and_named_in_warnings() -> None:
    items = [
        ("Leták", "file:///C:/letak.pdf"),
        ("Zpráva", "data:application/pdf;base64,JVBERi0="),
        ("Plakát", "smb://server.x.eu/share/p.ppt"),
        ("Brožura", "javascript:void(0)"),
    ]
    record = extract_bytes(sheet(document_rows(*items)), "x.html")
    assert [(d.text, d.url) for d in record.documents] == [(text, None) for text, _ in items]
    messages = unsafe(record, "documents")
    assert len(messages) == len(items)
    for (_, href), message in zip(items, messages, strict=True):
        assert repr(href) in message


def test_an_ftp_document_link_passes() -> None:
    record = extract_bytes(sheet(document_rows(("Leták", "ftp://ftp.x.eu/letak.pdf"))), "x.html")
    assert [(d.text, d.url) for d in record.documents] == [("Leták", "ftp://ftp.x.eu/letak.pdf")]
    assert record.warnings == ()


@pytest.mark.parametrize(
    ("base", "website", "partner", "document"),
    [
        ("file:///C:/", "file:///C:/web/", "file:///C:/p.html", "file:///C:/docs/a.pdf"),
        ("javascript:alert(1)", "web/", "p.html", "docs/a.pdf"),
        ("smb://server.x.eu/share/", "web/", "p.html", "docs/a.pdf"),
    ],
    ids=["file-base", "javascript-base", "smb-base"],
)
def test_links_on_a_base_that_is_no_web_address_are_null_and_warned(
    base: str, website: str, partner: str, document: str
) -> None:
    rows = (
        website_row("web/")
        + partner_rows(("Foo GmbH (DE)", "p.html"))
        + document_rows(("Leták", "docs/a.pdf"))
    )
    record = extract_bytes(sheet(rows, f"<base href='{base}'>"), "x.html")
    assert (record.website, record.partners[0].website, record.documents[0].url) == (
        None,
        None,
        None,
    )
    assert record.extra == {"Web projektu": website}
    assert repr(website) in unsafe(record, "website")[0]
    assert repr(partner) in unsafe(record, "partners")[0]
    assert repr(document) in unsafe(record, "documents")[0]


def test_links_on_a_web_base_resolve_with_no_warning() -> None:
    rows = (
        website_row("web/")
        + partner_rows(("Foo GmbH (DE)", "p.html"))
        + document_rows(("Leták", "docs/a%20b.pdf"))
    )
    record = extract_bytes(sheet(rows, "<base href='http://x.eu/p/'>"), "x.html")
    assert (record.website, record.partners[0].website, record.documents[0].url) == (
        "http://x.eu/p/web/",
        "http://x.eu/p/p.html",
        "http://x.eu/p/docs/a%20b.pdf",
    )
    assert record.warnings == ()
