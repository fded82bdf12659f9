"""Robustness: whatever a folder holds, the readers give rows of text and
extraction gives a Record or a clean failure, never an exception
(STYLE.md, "Tests").

Property tests (hypothesis) build HTML from a small grammar of the markup
legacy sheets use, damage every sample (cut short, a range deleted, bytes
inserted) and feed arbitrary text to the text reader.  Pathological pages
are checked for the right answer, never for time: their speed is measured
by ``benchmarks/bench_pathological.py``.

The inputs these tests found crashing or misread are kept at the end as
regression tests, each with its minimal input; their triggers (``[`` in a
web address, an odd ``<ol start>``, a broken ``<base href>``) are also in
the generators.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from chemclust_extract.extract import extract_bytes, extract_file
from chemclust_extract.model import Failure, Partner, Record
from chemclust_extract.readers.html import read_html
from chemclust_extract.readers.text import read_text
from chemclust_extract.rows import Row

from .outcomes import assert_clean_outcome

SAMPLES = Path(__file__).parent.parent / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file())

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PER_SAMPLE = settings(PROPERTY, max_examples=25)
# The 5 MB page takes ~20 s, a third of this file's budget; it runs
# on request (benchmarks/bench_pathological.py times it).
SLOW = pytest.mark.skipif(
    not os.environ.get("CHEMCLUST_SLOW_TESTS"),
    reason="the 5 MB page takes ~20 s; set CHEMCLUST_SLOW_TESTS=1 to run it",
)


# --- what every outcome must look like ---------------------------------------


def assert_rows_of_text(rows: object) -> None:
    assert isinstance(rows, list)
    for row in rows:
        assert isinstance(row, Row)
        assert isinstance(row.cells, tuple)
        assert all(isinstance(cell, str) for cell in row.cells)
        assert any(cell.strip() for cell in row.cells)  # blank rows are dropped
        assert all(isinstance(link, str) for link in row.links)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the files the properties write (each example
    overwrites the last; a function-scoped tmp_path would be shared by all
    of hypothesis' examples anyway)."""
    return tmp_path_factory.mktemp("robustness")


# --- an HTML grammar of legacy sheets ----------------------------------------

SHEET_WORDS = [
    "Projekt", "Projekt:", "ChemClust", "Partneři projektu", "Partner za ČR:", "Trvání:",
    "01/2010 – 12/2012", "€ 1.762.400", "Podíl ERDF:", "Ústí Region (CZ)", "Mail: a@b.cz",
    "Tel: +420 475657938", "Program:", "Interreg IVC", "Web projektu:", "www.chemclust.eu",
    "Kontaktní osoba:", "Project acronym", "Lead partner", "1.", "2)", "-", ":", " ", "\n",
]  # fmt: skip
ENTITIES = [
    "&amp;", "&nbsp;", "&#8364;", "&euro;", "&ndash;", "&#x2013;", "&lt;", "&gt;", "&quot;",
    "&#0;", "&#xD800;", "&#99999999;", "&bogus;", "&amp", "&", "<", ">", "</", "<!", "<!--",
]  # fmt: skip
TEXT_CHARACTERS = st.characters(exclude_categories=["Cs"])
TEXT = st.one_of(
    st.sampled_from(SHEET_WORDS),
    st.sampled_from(ENTITIES),
    st.text(TEXT_CHARACTERS, max_size=12),
)
HREFS = [
    "http://www.chemclust.eu/", "www.kr-ustecky.cz", "/kontakt", "docs/a.pdf", "", "#top",
    "mailto:a@b.cz", "javascript:void(0)", "http://a.eu:99999/", "ftp://x.cz/f.pdf", "?q=1",
    "http://[x/", "www.a]b.eu", "http://[::1]/",
]  # fmt: skip
TAGS = [
    "table", "tr", "td", "th", "thead", "tbody", "dl", "dt", "dd", "ul", "ol", "li", "p",
    "div", "span", "font", "b", "strong", "h2", "a", "script", "style", "nav", "header",
    "footer",
]  # fmt: skip
ATTRIBUTES = [
    "", ' colspan="2"', ' rowspan="3"', ' colspan="0"', " colspan=x", ' start="3"',
    ' start="-2"', ' start=""', ' start="007"', ' start="²"', ' start="١٢"', ' role="navigation"', ' class="projekt"',
    " id='a'", ' style="display:none"', " hidden",
]  # fmt: skip
LEAVES = st.one_of(
    TEXT,
    st.just("<br>"),
    st.just("<br/>"),
    st.builds("<!-- {} -->".format, TEXT),
    st.builds(
        '<base href="{}">'.format, st.sampled_from(["http://www.interreg4c.eu/p/", "", "http://[x"])
    ),
    st.sampled_from(["</td>", "</tr>", "</table>", "</p>", "</div>", ">", "</b>"]),
)


@st.composite
def elements(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    name = draw(st.sampled_from(TAGS))
    attributes = draw(st.sampled_from(ATTRIBUTES))
    if name == "a":
        attributes += f' href="{draw(st.sampled_from(HREFS))}"'
    inner = "".join(draw(st.lists(children, max_size=4)))
    closed = draw(st.sampled_from([True, True, True, False]))  # sometimes left open
    return f"<{name}{attributes}>{inner}" + (f"</{name}>" if closed else "")


PROLOGUES = [
    "",
    "<!DOCTYPE html>",
    "<html><body>",
    '<meta charset="utf-8">',
    "<?xml version='1.0'?>",
]
HTML_DOCUMENTS = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(PROLOGUES),
        st.recursive(LEAVES, elements, max_leaves=30),
        st.sampled_from(["", "</body></html>"]),
    ),
)


@PROPERTY
@given(HTML_DOCUMENTS)
@example('<table><tr><th>Projekt</th><td colspan="2">ChemClust<td></table>')
@example("<dl><dt>Projekt<dd>ChemClust<dt><dd><ol start=x><li>Ústí Region (CZ)")
def test_generated_html_reads_to_rows_of_text(document: str) -> None:
    assert_rows_of_text(read_html(document))


@PROPERTY
@given(document=HTML_DOCUMENTS)
@example(document="<p><b>Projekt:<td>ChemClust<li><div>")
@example(document="<script>Projekt: X</script><!-- Projekt: Y -->")
def test_generated_html_gives_a_record_or_a_clean_failure(document: str, scratch: Path) -> None:
    assert_clean_outcome(document.encode(), "sheet.html", scratch)


# --- damaged samples ----------------------------------------------------------


def without_source(record: Record) -> dict[str, object]:
    """A record's data but for where it was read from."""
    return {k: v for k, v in record.to_dict().items() if k != "source"}


def full_record(path: Path) -> Record:
    record = extract_file(path)
    assert isinstance(record, Record)
    return record


@st.composite
def cut_points(draw: st.DrawFn, data: bytes) -> int:
    """Anywhere, or inside a multi-byte UTF-8 character (after its first byte)."""
    inside = [i for i, byte in enumerate(data) if 0x80 <= byte <= 0xBF]
    choices = [st.integers(0, len(data))]
    if inside:
        choices.append(st.sampled_from(inside))
    return draw(st.one_of(*choices))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
@PER_SAMPLE
@given(data=st.data())
def test_a_cut_short_sample_gives_a_record_or_a_clean_failure(
    sample: Path, data: st.DataObject, scratch: Path
) -> None:
    whole = sample.read_bytes()
    cut = data.draw(cut_points(whole), label="cut")
    result = assert_clean_outcome(whole[:cut], sample.name, scratch)
    if cut == len(whole):
        assert isinstance(result, Record)
        assert without_source(result) == without_source(full_record(sample))


# The row that names each sample's project; a cut after it keeps the name.
NAME_ROWS = {
    "chemclust-dl.html": b"<dt>Projekt</dt><dd>ChemClust</dd>\n",
    "chemclust-paragraphs.htm": b"<p><strong>Projekt:</strong> ChemClust\n",
    "chemclust-table.html": b"<tr><th>Projekt</th><td>ChemClust</td></tr>\n",
    "chemclust-text.txt": b"Projekt:            ChemClust\n",
    "chemclust.tsv": b"Projekt\tChemClust\t\t\n",
    "greenports-en.tsv": b"Project acronym:\tGREENPORTS\n",
    "innochem-en.html": b"<tr><th>Project acronym</th><td>INNOCHEM</td></tr>\n",
    "nysanet-pl.tsv": b"Akronim:\tNYSANET\n",
    "rivercare-en.htm": b"<b>Project acronym:</b> RIVERCARE<br>\n",
    "saxchem-de.tsv": b"Akronym\tSAXCHEM\n",
    "vltava-cz.tsv": "Název projektu:\tRevitalizace nábřeží Vltavy v Českých Budějovicích\n".encode(
        "windows-1250"
    ),
}


def test_every_sample_has_its_name_row() -> None:
    assert sorted(NAME_ROWS) == [p.name for p in SAMPLE_FILES]
    for sample in SAMPLE_FILES:
        assert NAME_ROWS[sample.name] in sample.read_bytes(), sample.name


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
@PER_SAMPLE
@given(data=st.data())
def test_a_sample_cut_after_its_name_row_keeps_the_name(
    sample: Path, data: st.DataObject, scratch: Path
) -> None:
    whole = sample.read_bytes()
    row = NAME_ROWS[sample.name]
    after_name = whole.index(row) + len(row)
    cut = data.draw(st.integers(after_name, len(whole)), label="cut")
    result = assert_clean_outcome(whole[:cut], sample.name, scratch)
    assert isinstance(result, Record)
    assert result.name == full_record(sample).name


SAMPLE_BYTES = st.sampled_from(SAMPLE_FILES).map(lambda p: (p.name, p.read_bytes()))
INSERTED = st.binary(min_size=1, max_size=24)


@PROPERTY
@given(sample=SAMPLE_BYTES, data=st.data())
def test_a_sample_with_a_range_deleted_gives_a_record_or_a_clean_failure(
    sample: tuple[str, bytes], data: st.DataObject, scratch: Path
) -> None:
    name, whole = sample
    start = data.draw(st.integers(0, len(whole)), label="start")
    end = data.draw(st.integers(start, len(whole)), label="end")
    assert_clean_outcome(whole[:start] + whole[end:], name, scratch)


@PROPERTY
@given(sample=SAMPLE_BYTES, data=st.data(), inserted=INSERTED)
def test_a_sample_with_bytes_inserted_gives_a_record_or_a_clean_failure(
    sample: tuple[str, bytes], data: st.DataObject, inserted: bytes, scratch: Path
) -> None:
    name, whole = sample
    at = data.draw(st.integers(0, len(whole)), label="at")
    assert_clean_outcome(whole[:at] + inserted + whole[at:], name, scratch)


# --- the text reader ----------------------------------------------------------

TEXT_LINES = st.lists(
    st.one_of(
        st.sampled_from(SHEET_WORDS),
        st.sampled_from(["    ", "\t", "  1. ", " 10) ", "- ", "• ", "Label:", "Label      "]),
        st.text(TEXT_CHARACTERS, max_size=30),
    ),
    max_size=20,
).map("".join)


@PROPERTY
@given(st.one_of(st.text(), TEXT_LINES))
@example("Projekt:\n    \n  \x0b\x1c\u2028\u0085 1. a\n")
def test_read_text_of_any_text_gives_rows_of_text(text: str) -> None:
    rows = read_text(text)
    assert_rows_of_text(rows)
    assert all(row.line >= 1 for row in rows)
    if text.strip():
        assert rows  # text that is not blank gives at least one row


@PROPERTY
@given(text=TEXT_LINES)
def test_any_text_sheet_gives_a_record_or_a_clean_failure(text: str, scratch: Path) -> None:
    assert_clean_outcome(text.encode(), "sheet.txt", scratch)


# --- pathological pages -------------------------------------------------------

NAME_PARAGRAPH = "<p><b>Projekt:</b> ChemClust</p>"


def nested_divs(depth: int) -> str:
    return "<div>" * depth + NAME_PARAGRAPH + "</div>" * depth


def test_deeply_nested_divs_keep_the_name() -> None:
    """Far deeper than libxml2's 256 and html.py's own limit of 60."""
    record = extract_bytes(nested_divs(20_000).encode(), "deep.html")
    assert record.name == "ChemClust"


def test_deeply_nested_spans_keep_the_name(tmp_path: Path) -> None:
    """Found raising RecursionError from extract_file: html._Walker.blocks
    recursed once per inline element wrapping blocks, with no depth limit
    (984 <span>s, <font>s or <b>s were enough)."""
    page = "<span>" * 1_000 + f"<div>{NAME_PARAGRAPH}</div>"
    path = tmp_path / "spans.html"
    path.write_text(page)
    result = extract_file(path)
    assert isinstance(result, Record)
    assert result.name == "ChemClust"


def test_ten_thousand_empty_rows_around_one_real_row() -> None:
    empty = "<tr><td></td></tr>" * 5_000
    page = f"<table>{empty}<tr><td>Projekt</td><td>ChemClust</td></tr>{empty}</table>"
    assert [row.cells for row in read_html(page)] == [("Projekt", "ChemClust")]
    assert extract_bytes(page.encode(), "rows.html").name == "ChemClust"


UNCLOSED = [
    pytest.param("<p><b>Projekt:<td>ChemClust<li><div>", "ChemClust", None, id="label-in-bold"),
    pytest.param(
        "<html><body><p><b>Projekt:</b> ChemClust<li><div><td>Program:<td>Interreg IVC<span><font><ul><li>",
        "ChemClust", "Interreg IVC", id="cells-after-a-list-item",
    ),
    pytest.param(
        "<table><tr><th>Projekt<td>ChemClust<tr><th>Program<td>Interreg IVC",
        "ChemClust", "Interreg IVC", id="table",
    ),
    pytest.param(
        "<dl><dt>Projekt<dd>ChemClust<dt>Program<dd>Interreg IVC",
        "ChemClust", "Interreg IVC", id="definition-list",
    ),
    pytest.param(
        "<font><div><p><b>Projekt:</b> ChemClust<br><b>Program:</b> Interreg IVC<table><tr><td>Trvání:<td>01/2010",
        "ChemClust", "Interreg IVC", id="font-div-table",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("page", "name", "programme"), UNCLOSED)
def test_unclosed_tags_everywhere(page: str, name: str, programme: str | None) -> None:
    record = extract_bytes(page.encode(), "open.html")
    assert (record.name, record.programme) == (name, programme)


def test_unclosed_partner_list_items() -> None:
    page = (
        "<p><b>Projekt:</b> ChemClust<h2>Partneři projektu</h2>"
        "<ol><li>Ústí Region (CZ)<li>Province of Novara (IT)"
    )
    partners = extract_bytes(page.encode(), "open.html").partners
    assert [(p.number, p.name, p.country) for p in partners] == [
        (1, "Ústí Region", "CZ"),
        (2, "Province of Novara", "IT"),
    ]


@pytest.mark.parametrize("count", [1, 2, 1_000, 100_000])
@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_page_of_only_less_than_signs_is_no_sheet(
    count: int, suffix: str, tmp_path: Path
) -> None:
    """The signs are text, not markup: one row of them, no label."""
    assert [row.cells for row in read_html("<" * count)] == [("<" * count,)]
    path = tmp_path / f"lt{suffix}"
    path.write_bytes(b"<" * count)
    result = extract_file(path)
    assert isinstance(result, Failure)
    assert result.code == "no_fields"


PARTNER_ROW = (
    "<tr><td>{n}</td><td>Partner organisation {n} (CZ)</td>"
    '<td><a href="http://p{n}.cz/">www.p{n}.cz</a></td></tr>\n'
)


def partner_page(size: int) -> tuple[bytes, int]:
    """A sheet whose partner table fills ``size`` bytes, and its row count."""
    rows: list[str] = []
    total = 0
    while total < size:
        rows.append(PARTNER_ROW.format(n=len(rows) + 1))
        total += len(rows[-1].encode())
    page = (
        "<html><body><table><tr><th>Projekt</th><td>ChemClust</td></tr>"
        "<tr><th>Partneři projektu</th><td><table>"
        "<thead><tr><th>č.</th><th>Partner</th><th>web</th></tr></thead>"
        f"{''.join(rows)}</table></td></tr></table></body></html>"
    )
    return page.encode(), len(rows)


@pytest.mark.parametrize("size", [512 * 1024, pytest.param(5 * 1024 * 1024, marks=SLOW)])
def test_a_page_of_many_partner_rows_keeps_every_partner(size: int) -> None:
    page, count = partner_page(size)
    record = extract_bytes(page, "partners.html")
    assert record.name == "ChemClust"
    assert len(record.partners) == count
    assert record.partners[0] == Partner(
        1, "Partner organisation 1", "CZ", "partner", "http://p1.cz/"
    )
    assert [p.website for p in record.partners] == [f"http://p{n}.cz/" for n in range(1, count + 1)]
    assert {p.country for p in record.partners} == {"CZ"}


# --- inputs that crashed or were misread (regression tests) -----------------

CRASHED_LISTS = [
    pytest.param('<ol start="²"><li>Ústí Region (CZ)</li></ol>', id="start-superscript-digit"),
    pytest.param(
        f'<ol start="1{"0" * 4300}"><li>Ústí Region (CZ)</li></ol>', id="start-4301-digits"
    ),
]


@pytest.mark.parametrize("page", CRASHED_LISTS)
def test_an_odd_list_start_numbers_from_one(page: str) -> None:
    """Found raising ValueError: ``'²'.isdigit()`` holds but ``int('²')``
    fails, and ``int()`` refuses more than 4300 digits."""
    assert [row.cells for row in read_html(page)] == [("1", "Ústí Region (CZ)")]


def test_a_broken_base_href_leaves_links_as_written() -> None:
    """Found raising ValueError: ``urljoin("http://[x", "a")``."""
    rows = read_html('<base href="http://[x"><p><a href="a">Projekt</a></p>')
    assert [(row.cells, row.links) for row in rows] == [(("Projekt",), ("a",))]


BRACKETED_WEBSITES = [
    pytest.param("Projekt: X\nWeb: http://[\n", ".txt", id="text"),
    pytest.param("Projekt\tX\nWeb\twww.a]b.eu\n", ".tsv", id="tsv"),
    pytest.param(
        '<p><b>Projekt:</b> X</p><p><b>Web:</b> <a href="http://[x/">http://[x/</a></p>',
        ".html",
        id="html",
    ),
]


@pytest.mark.parametrize(("content", "suffix"), BRACKETED_WEBSITES)
def test_a_bracket_in_a_web_address_is_an_unparsed_website(
    content: str, suffix: str, scratch: Path
) -> None:
    """Found raising ValueError ("Invalid IPv6 URL") from urlsplit in
    normalise_url, in every format."""
    record = assert_clean_outcome(content.encode(), f"web{suffix}", scratch)
    assert isinstance(record, Record)
    assert record.website is None
    assert [(w.field, w.code) for w in record.warnings] == [("website", "unparsed")]


def test_a_budget_of_thousands_of_digits_is_unparsed_and_the_record_writable() -> None:
    """Found giving a 4301-digit int that ``json.dumps`` (and ``str()``)
    cannot write."""
    record = extract_bytes(("Projekt: X\nCelkový rozpočet: € 1" + "0" * 4300).encode(), "x.txt")
    assert record.total_budget is None
    assert [(w.field, w.code) for w in record.warnings] == [("total_budget", "unparsed")]
    json.dumps(record.to_dict())


def test_a_partner_web_link_named_web_stays_out_of_the_name() -> None:
    """Found reading the link text "web" into the partner's name."""
    page = (
        "<table><tr><th>Projekt</th><td>X</td></tr><tr><th>Partneři projektu</th><td><table>"
        '<tr><td>1</td><td>Ústí Region (CZ)</td><td><a href="http://www.kr-ustecky.cz/">web</a></td></tr>'
        "</table></td></tr></table>"
    )
    partner = extract_bytes(page.encode(), "x.html").partners[0]
    assert partner == Partner(1, "Ústí Region", "CZ", "partner", "http://www.kr-ustecky.cz/")
