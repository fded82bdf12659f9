"""The same project as TSV, HTML (three layouts) and plain text gives the
same record; the format is found from the content, not the file name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from chemclust_extract import Record, extract_bytes, extract_file
from chemclust_extract.extract import ExtractionError
from chemclust_extract.readers import sniff_format
from chemclust_extract.readers.html import read_html

from .conftest import FIXTURES, SAMPLES, SHARED

SEED_LAYOUTS = {
    "chemclust.tsv": "tsv",
    "chemclust-table.html": "html",
    "chemclust-dl.html": "html",
    "chemclust-paragraphs.htm": "html",
    "chemclust-text.txt": "text",
}


def _without_source(record: Record) -> dict[str, Any]:
    data = record.to_dict()
    data.pop("source")
    return data


@pytest.fixture(scope="module")
def seed_record() -> dict[str, Any]:
    expected = SHARED / "seed" / "chemclust.expected.json"
    if not expected.exists():  # ../shared is beside every checkout the project runs in
        expected = FIXTURES / "chemclust.expected.json"
    data = json.loads(expected.read_text(encoding="utf-8"))
    data.pop("source")
    return data


@pytest.mark.parametrize(("name", "reader"), SEED_LAYOUTS.items())
def test_every_layout_of_the_seed_gives_the_seed_record(
    name: str, reader: str, seed_record: dict[str, Any]
) -> None:
    record = extract_file(SAMPLES / name)
    assert isinstance(record, Record), record
    assert _without_source(record) == seed_record
    assert record.source is not None and record.source.format == reader


@pytest.mark.parametrize(
    ("sample", "renamed", "reader"),
    [
        pytest.param("chemclust-table.html", "page.txt", "html", id="txt-holding-html"),
        pytest.param("chemclust.tsv", "export.html", "tsv", id="html-that-is-tsv"),
        pytest.param("chemclust-dl.html", "page.xhtml", "html", id="xhtml"),
        pytest.param("chemclust-paragraphs.htm", "PAGE", "html", id="html-without-extension"),
        pytest.param("chemclust-text.txt", "sheet", "text", id="text-without-extension"),
        pytest.param("chemclust.tsv", "sheet.dat", "tsv", id="tsv-with-odd-extension"),
    ],
)
def test_format_comes_from_the_content(
    sample: str, renamed: str, reader: str, tmp_path: Path, seed_record: dict[str, Any]
) -> None:
    target = tmp_path / renamed
    shutil.copy(SAMPLES / sample, target)
    record = extract_file(target)
    assert isinstance(record, Record), record
    assert record.source is not None and record.source.format == reader
    assert _without_source(record) == seed_record


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<!DOCTYPE html><html><body></body></html>", "html", id="doctype"),
        pytest.param("\ufeff  <html lang=cs>", "html", id="bom-and-spaces"),
        pytest.param("<?xml version='1.0'?>\n<html xmlns='x'>", "html", id="xhtml-declaration"),
        pytest.param(
            "<!-- saved page -->\n<table><tr><td>Projekt</td></tr></table>",
            "html",
            id="comment-first",
        ),
        pytest.param("<p><b>Projekt:</b> X</p>", "html", id="fragment"),
        pytest.param(
            " \n\nProjekt\tChemClust\t\t\n<p>popis</p>\t\t\n", "tsv", id="tsv-with-html-cells"
        ),
        pytest.param("Projekt: ChemClust\nProgram: Interreg IVC\n", "text", id="colon-text"),
        pytest.param("Projekt      ChemClust\n", "text", id="aligned-text"),
        pytest.param(
            "<Projekt> is a word in angle brackets\n", "text", id="angle-brackets-in-text"
        ),
    ],
)
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


def test_entities_breaks_and_links_in_html() -> None:
    page = (
        "<html><head><base href='http://region.cz/eu/'></head><body><table>"
        "<tr><th>Projekt</th><td>A&amp;B&nbsp;Net</td></tr>"
        "<tr><th>Web projektu:</th><td><a href='ab/'>web</a></td></tr>"
        "<tr><th>Celkový rozpočet:</th><td>&#8364;&#160;1.000.000</td></tr>"
        "<tr><th>Kontaktní osoba:</th><td>Ing. Jan Novák<br>Referent<br>"
        "<a href='mailto:Jan.Novak@region.cz'>napište nám</a></td></tr>"
        "<tr><th>Prezentace, dokumenty</th><td><ul><li><a href='doc/zprava.pdf'>Zpráva</a> (květen 2011)</li>"
        "</ul></td></tr></table></body></html>"
    )
    record = extract_bytes(page.encode(), "page.html")
    assert record.name == "A&B Net"
    assert record.website == "http://region.cz/eu/ab/"
    assert (record.total_budget, record.total_budget_currency) == (1000000, "EUR")
    (contact,) = record.contacts
    assert (contact.name, contact.position, contact.email) == (
        "Jan Novák",
        "Referent",
        "jan.novak@region.cz",
    )
    (document,) = record.documents
    assert (document.text, document.date, document.url) == (
        "Zpráva (květen 2011)",
        "2011-05",
        "http://region.cz/eu/doc/zprava.pdf",
    )


def test_relative_link_without_base_is_no_url_but_kept_in_a_warning() -> None:
    """URLs are absolute (issue 7): a link no <base href> resolves is null,
    its address named in a warning."""
    page = "<dl><dt>Projekt</dt><dd>X</dd><dt>Dokumenty</dt><dd><ul><li><a href='files/x.pdf'>X</a></li></ul></dd></dl>"
    record = extract_bytes(page.encode(), "page.html")
    assert record.documents[0].url is None
    (warning,) = record.warnings
    assert (warning.field, warning.code) == ("documents", "unsafe_url")
    assert "'files/x.pdf'" in warning.message


def test_page_furniture_is_ignored() -> None:
    page = (
        "<html><head><script>document.write('<p><b>Projekt:</b> Fake</p>')</script>"
        "<style>p{}</style></head><body>"
        "<header><p><b>Program:</b> Web of the region</p></header>"
        "<nav><ul><li>Home</li><li>Projekty</li></ul></nav>"
        "<!-- <p><b>Trvání:</b> 2000</p> -->"
        "<p><b>Projekt:</b> Real</p><p><b>Program:</b> Interreg IVC</p>"
        "<footer><p><b>Web:</b> http://footer.example/</p></footer></body></html>"
    )
    record = extract_bytes(page.encode(), "page.html")
    assert (record.name, record.programme, record.website, record.start_date) == (
        "Real",
        "Interreg IVC",
        None,
        None,
    )
    assert record.extra == {}


def test_rowspan_label_covers_the_rows_below() -> None:
    page = (
        "<table><tr><th>Projekt</th><td>X</td></tr>"
        "<tr><th rowspan='3'>Partneři projektu</th><td>1. Město Most (CZ)</td></tr>"
        "<tr><td>2. Stadt Freiberg (DE)</td></tr><tr><td>3. Gmina Zgorzelec (PL)</td></tr></table>"
    )
    record = extract_bytes(page.encode(), "page.html")
    assert [(p.number, p.name, p.country) for p in record.partners] == [
        (1, "Město Most", "CZ"),
        (2, "Stadt Freiberg", "DE"),
        (3, "Gmina Zgorzelec", "PL"),
    ]


def test_ordered_list_numbers_partners_from_its_start() -> None:
    rows = read_html("<h2>Partneři projektu</h2><ol start='4'><li>A (DE)</li><li>B (PL)</li></ol>")
    assert [r.cells for r in rows] == [("Partneři projektu",), ("4", "A (DE)"), ("5", "B (PL)")]
    assert rows[0].heading


@pytest.mark.parametrize(
    ("declared", "encoding", "expected_encoding", "warned"),
    [
        pytest.param("windows-1250", "windows-1250", "windows-1250", False, id="declared-and-true"),
        pytest.param("iso-8859-2", "utf-8", "utf-8", True, id="declared-legacy-but-utf8"),
        pytest.param("utf-8", "windows-1250", "windows-1250", True, id="declared-utf8-but-legacy"),
        pytest.param(
            "iso-8859-1", "windows-1250", "windows-1250", True, id="declared-latin1-but-czech"
        ),
    ],
)
def test_meta_charset_is_a_hint_the_bytes_overrule(
    declared: str, encoding: str, expected_encoding: str, warned: bool
) -> None:
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
        "</head><body><p><b>Projekt:</b> Žďár nad Sázavou – Šluknov</p></body></html>"
    )
    record = extract_bytes(page.encode(encoding), "page.html")
    assert record.name == "Žďár nad Sázavou – Šluknov"
    assert record.source is not None and record.source.encoding == expected_encoding
    codes = [w.code for w in record.warnings if w.field == "source"]
    assert codes == (["charset_overruled"] if warned else [])


def test_text_sheet_values_continue_on_indented_lines() -> None:
    text = (
        "Projekt: X\n"
        "Kontaktní osoba: Ing. Jana Nováková\n"
        "    Projektová manažerka\n"
        "    E-mail: jana@kraj.cz\n"
        "Popis projektu:\n"
        "    První odstavec\n    pokračuje zde.\n\n    Druhý odstavec.\n"
        "Partneři projektu\n"
        "1) Město Most (CZ)\n"
        "• Stadt Freiberg (DE)\n"
    )
    record = extract_bytes(text.encode(), "sheet.txt")
    assert record.source is not None and record.source.format == "text"
    assert record.description == "První odstavec pokračuje zde.\n\nDruhý odstavec."
    (contact,) = record.contacts
    assert (contact.name, contact.position, contact.email) == (
        "Jana Nováková",
        "Projektová manažerka",
        "jana@kraj.cz",
    )
    assert [(p.number, p.name) for p in record.partners] == [
        (1, "Město Most"),
        (None, "Stadt Freiberg"),
    ]


# A sheet laid out across: a row of labels, then the row of their values
# (an export with a header line, a summary table of one project).
@pytest.mark.parametrize(
    ("data", "name"),
    [
        pytest.param(
            "Název projektu\tProgram\tCelkový rozpočet\tDoba realizace\n"
            "Zelené údolí\tInterreg V-A ČR–Polsko\t1 200 000 EUR\t2017–2019\n".encode(),
            "across.tsv", id="tsv",
        ),
        pytest.param(
            "<table><tr><th>Název projektu</th><th>Program</th><th>Celkový rozpočet</th>"
            "<th>Doba realizace</th></tr><tr><td>Zelené údolí</td><td>Interreg V-A ČR–Polsko</td>"
            "<td>1 200 000 EUR</td><td>2017–2019</td></tr></table>".encode(),
            "across.html", id="html",
        ),
    ],
)  # fmt: skip
def test_a_row_of_labels_over_a_row_of_values_reads_label_by_label(data: bytes, name: str) -> None:
    record = extract_bytes(data, name)
    assert (record.name, record.programme) == ("Zelené údolí", "Interreg V-A ČR–Polsko")
    assert (record.total_budget, record.total_budget_currency) == (1200000, "EUR")
    assert (record.start_date, record.end_date) == ("2017", "2019")


def test_a_table_of_several_rows_under_labels_is_not_read_across() -> None:
    """Two rows of values under the labels: which is the project's is not
    known, so neither gives a field, and the file says why it gives no
    record."""
    data = (
        "Název projektu\tProgram\tCelkový rozpočet\n"
        "Zelené údolí\tInterreg V-A\t1 200 000 EUR\n"
        "Modré údolí\tInterreg V-A\t900 000 EUR\n"
    ).encode()
    with pytest.raises(ExtractionError) as raised:
        extract_bytes(data, "two.tsv")
    assert raised.value.code == "no_fields"
    assert "heads 2 rows of values" in raised.value.message


def test_a_table_of_projects_beside_a_sheet_s_own_labels_stays_text() -> None:
    data = (
        "Projekt\tZelené údolí\n"
        "Název projektu\tProgram\tCelkový rozpočet\n"
        "A\tInterreg V-A\t1 200 000 EUR\n"
        "B\tInterreg V-A\t900 000 EUR\n"
    ).encode()
    record = extract_bytes(data, "mixed.tsv")
    assert (record.name, record.total_budget) == ("Zelené údolí", None)
    assert any("A | Interreg V-A | 1 200 000 EUR" in w.message for w in record.warnings)


def test_a_label_row_after_a_value_row_opens_a_field_of_its_own() -> None:
    """Each label and each value in a row of its own: an unknown label
    after a value does not join the value above it, it goes to extra."""
    page = (
        "<table><tr><td><b>Program</b></td></tr><tr><td>Interreg V-A ČR–Sasko</td></tr>"
        "<tr><td><b>Rozpočet projektu</b></td></tr><tr><td>850 000 EUR</td></tr>"
        "<tr><td><b>Termín</b></td></tr><tr><td>1. 4. 2018 – 31. 3. 2020</td></tr></table>"
    ).encode()
    record = extract_bytes(page, "pairs.html")
    assert (record.programme, record.total_budget) == ("Interreg V-A ČR–Sasko", 850000)
    assert record.extra == {"Termín": "1. 4. 2018 – 31. 3. 2020"}


def test_a_lone_th_heads_the_row_under_it() -> None:
    """Labels in <th> rows and values in <td> rows: a label after the
    partner's row is a label, not one more partner."""
    page = (
        "<table><tr><th>Vedoucí partner</th></tr><tr><td>Povodí Moravy, s.p. (Česko)</td></tr>"
        "<tr><th>Termín realizace</th></tr><tr><td>04/2009 – 10/2011</td></tr>"
        "<tr><th>Celkové náklady projektu</th></tr><tr><td>940&nbsp;000 EUR</td></tr></table>"
    ).encode()
    record = extract_bytes(page, "th-rows.html")
    assert [p.name for p in record.partners] == ["Povodí Moravy, s.p."]
    assert (record.start_date, record.end_date, record.total_budget) == ("2009-04", "2011-10", 940000)


def test_html_source_line_breaks_are_spaces_and_nbsp_indented_lines_continue() -> None:
    page = (
        "<p><b>Zprostředkující subjekt:</b> Státní fond životního\r\nprostředí ČR</p>"
        "<p>Řídící orgány: Ministerstvo životního prostředí<br>\r\n"
        "&nbsp;&nbsp;&nbsp;&nbsp;Agentura ochrany přírody a krajiny ČR</p>"
        "<p><b>Projekt:</b> Zelená</p>"
    ).encode()
    record = extract_bytes(page, "lines.html")
    assert record.extra == {
        "Zprostředkující subjekt": "Státní fond životního prostředí ČR",
        "Řídící orgány": "Ministerstvo životního prostředí\nAgentura ochrany přírody a krajiny ČR",
    }


def test_an_empty_row_between_two_people_in_a_tsv_sets_them_apart() -> None:
    data = (
        "Projekt\tX\nKontaktní osoby\tJan Hodovský\n\tgenerální ředitel\n\tPovodí Moravy, s.p.\n"
        "\t\t\n\tLukáš Sobotka\n\tinvestiční ředitel\n\tPovodí Moravy, s.p.\n"
    ).encode()
    record = extract_bytes(data, "two-people.tsv")
    assert [(c.name, c.position) for c in record.contacts] == [
        ("Jan Hodovský", "generální ředitel"), ("Lukáš Sobotka", "investiční ředitel")
    ]


def test_dated_lines_under_a_section_label_are_items_and_a_time_is_no_label() -> None:
    data = (
        "Projekt: Forget Heritage\nAktuelles:\n"
        "  26.09.2017 – Vorstellung der Ergebnisse, Auf AEG\n"
        "  25.09.2019 – Final Conference, Z-Bau, Nürnberg\n"
        "\nCreated/updated 05.04.2017 13:10\n"
    ).encode()
    record = extract_bytes(data, "dated.txt")
    assert [n.date for n in record.news] == ["2017-09-26", "2019-09-25"]
    assert not any(label.startswith("Created") for label in record.extra)


def test_a_sheet_across_with_labels_of_other_things_and_an_empty_cell() -> None:
    """The labels' row may hold labels naming other things (a priority
    axis) or none known; each value finds its label by its place."""
    data = (
        "Název projektu\tProgram\tPrioritní osa\tDatum podpisu smlouvy\tCelkové náklady projektu\tVedoucí partner\tPartner\n"
        "Synergie\tInterreg V-A ČR–Polsko\t4. Spolupráce institucí\t\t1 307 756,43 euro\tObec Petrovice u Karviné\tGmina Godów\n"
    ).encode()
    record = extract_bytes(data, "across2.tsv")
    assert (record.name, record.programme, record.total_budget) == ("Synergie", "Interreg V-A ČR–Polsko", 1307756.43)
    assert [(p.name, p.role) for p in record.partners] == [("Obec Petrovice u Karviné", "lead"), ("Gmina Godów", "partner")]
    assert record.extra == {"Prioritní osa": "4. Spolupráce institucí"}


def test_budget_lines_and_an_address_under_a_partner_are_no_partners() -> None:
    page = (
        "<table><tr><th>Partners</th><td><ul>"
        '<li><a href="http://www.vasmegye.hu">Vas Megyei Önkormányzati Hivatal</a> (Lead Partner)<br>'
        "Berzsenyi Dániel tér 1., 9700 Szombathely, Hungary<ul><li>Total budget: EUR 180 000.00</li></ul></li>"
        "<li>ITC Murska Sobota<br>Lendavska 5a, 9000 Murska Sobota, Slovenia</li></ul></td></tr></table>"
    ).encode()
    record = extract_bytes(page, "nested.html")
    assert [(p.name, p.country, p.role) for p in record.partners] == [
        ("Vas Megyei Önkormányzati Hivatal", "HU", "lead"), ("ITC Murska Sobota", "SI", "partner")
    ]
    assert any("Total budget: EUR 180 000.00" in w.message for w in record.warnings)


def test_a_date_in_a_contact_is_no_phone_number() -> None:
    data = "Projekt: X\nKontakt: Lidija Tušek, SRC Bistra Ptuj, 07.02.2018\n".encode()
    assert extract_bytes(data, "date.txt").contacts[0].phone is None


def test_a_budget_line_under_a_numbered_partner_list_is_no_partner() -> None:
    """``Kosten Lead-Partner | 539 970 EUR, …`` after partners 1 and 2: a
    row with no number that writes an amount, in a numbered list, is the
    lead's budget, no third partner (from the Bez Bariér project page)."""
    sheet = (
        "Projekt\tDas böhmisch-sächsische Grenzgebiet barrierefrei\n"
        "Projektpartner\t\n"
        "1\tBezirk Ústí (CZ) (Lead-Partner)\n"
        "2\tStadt Dresden (DE)\n"
        "Kosten Lead-Partner\t539 970 EUR, davon Zuwendung 458 974 EUR\n"
    ).encode()
    record = extract_bytes(sheet, "barrierefrei.tsv")
    assert [(p.number, p.name, p.country, p.role) for p in record.partners] == [
        (1, "Bezirk Ústí", "CZ", "lead"),
        (2, "Stadt Dresden", "DE", "partner"),
    ]
    assert any("budget line" in w.message for w in record.warnings if w.field == "partners")


def test_an_unnumbered_partner_with_its_budget_stays_a_partner() -> None:
    sheet = (
        "Projekt\tX\nProjektpartner\t\nStadt Dresden (DE)\t120 000 EUR\nBezirk Ústí (CZ)\t80 000 EUR\n"
    ).encode()
    record = extract_bytes(sheet, "x.tsv")
    assert [p.name for p in record.partners] == ["Stadt Dresden", "Bezirk Ústí"]
