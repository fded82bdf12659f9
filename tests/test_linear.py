"""No input costs more than linear time (issue 7, "Hardening").

Each shape below once took time growing with the square of its size (or
worse): a value that a normaliser searched at every position, a range
split at every place, a duplicate check counting inside a loop, a deeply
nested page that bs4 re-linked up every ancestor for each piece of text.
Each runs here at two sizes, the bigger one of a size that took the old
code seconds to minutes, and the test checks the answer, never the time:
speed is measured by ``benchmarks/bench_scaling.py``.
"""

from __future__ import annotations

import pytest

from chemclust_extract.extract import extract_bytes
from chemclust_extract.model import Record

TSV_NAME = "Projekt\tChemClust\n"
TEXT_NAME = "Projekt: ChemClust\n"
HTML_NAME = "<p><b>Projekt:</b> ChemClust</p>\n"


def extract(text: str, file_name: str = "sheet.tsv") -> Record:
    return extract_bytes(text.encode(), file_name)


def codes(record: Record, field: str) -> list[str]:
    return [w.code for w in record.warnings if w.field == field]


# --- values longer than any real one: raw text kept, a warning -------------------

LONG_VALUES = [
    # (label, value, the typed fields left null); the old code's time in brackets
    pytest.param("Celkový rozpočet:", "1 " * 2_000 + "EUR", "total_budget", id="money-1-1-1-EUR-4KB"),
    pytest.param("Celkový rozpočet:", "1 " * 32_000 + "EUR", "total_budget", id="money-1-1-1-EUR-64KB-6s"),
    pytest.param("Podíl ERDF:", "1" * 2_000, "eu_contribution", id="money-digits-2KB"),
    pytest.param("Podíl ERDF:", "1" * 16_000, "eu_contribution", id="money-digits-16KB-5s"),
    pytest.param("Trvání:", "01/2010 – " * 1_000, "duration", id="duration-repeated-12KB"),
    pytest.param("Trvání:", "01/2010 – " * 12_000, "duration", id="duration-repeated-144KB-40s"),
    pytest.param("Trvání:", "2010-" * 1_000 + "2012", "duration", id="duration-dashes-5KB"),
    pytest.param("Trvání:", "2010-" * 8_000 + "2012", "duration", id="duration-dashes-40KB-10s"),
    pytest.param("Zahájení projektu:", "1.1.2010 " * 2_000, "start_date", id="start-date-18KB"),
    pytest.param("Zahájení projektu:", "1.1.2010 " * 20_000, "start_date", id="start-date-180KB"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "value", "field"), LONG_VALUES)
def test_an_over_long_value_is_kept_raw_with_a_warning(label: str, value: str, field: str) -> None:
    record = extract(f"{TSV_NAME}{label}\t{value}\n")
    assert record.name == "ChemClust"
    assert record.extra[label.rstrip(":")] == value.strip()
    assert codes(record, field) == ["unparsed"]
    typed = {
        "total_budget": (record.total_budget, record.total_budget_currency, record.eu_rate),
        "eu_contribution": (record.eu_contribution, record.eu_contribution_currency),
        "duration": (record.start_date, record.end_date, record.duration_months),
        "start_date": (record.start_date, record.duration_months),
    }[field]
    assert all(typed_value is None for typed_value in typed)


@pytest.mark.parametrize("groups", [pytest.param(30, id="130B"), pytest.param(16_000, id="64KB")])
def test_an_over_long_phone_is_no_phone(groups: int) -> None:
    value = "Jan Novák Tel: +420 " + "475 " * groups
    record = extract(f"{TSV_NAME}Kontaktní osoba:\t{value}\n")
    (contact,) = record.contacts
    assert contact.name == "Jan Novák"
    assert contact.phone is None
    assert contact.raw == value.strip()
    assert codes(record, "contacts.phone") == ["unparsed"]


@pytest.mark.parametrize(
    "spaces", [pytest.param(1_000, id="1KB"), pytest.param(64_000, id="64KB-80s")]
)
def test_a_label_padded_with_spaces(spaces: int) -> None:
    """The recogniser's search for a note after a label ("Budget (EUR)")
    was tried from each space of a padded label.  (Padded past 80
    characters, an unknown label reads as text.)"""
    record = extract(
        f"{TSV_NAME}Poznámka{' ' * spaces}(x\thodnota\nPodíl ERDF{' ' * spaces}(EUR)\t5\n"
    )
    assert record.name == "ChemClust"
    assert (record.eu_contribution, record.eu_contribution_currency) == (5, "EUR")
    (stray,) = [w.message for w in record.warnings if w.code == "unlabelled_text"]
    assert stray == "line 2: text under no label: 'Poznámka (x hodnota'"


# --- many partner rows whose numbers repeat: one count, not one per row ---------


def numbered_rows(rows: int, line: str) -> str:
    """Rows numbered 1 ... 999 over and over (three digits is what a partner
    number may have)."""
    return "".join(line.format(number=i % 999 + 1, i=i) for i in range(rows))


PARTNER_SHEETS = [
    pytest.param(TSV_NAME + "Partneři projektu\n", "{number}\tPartner organisation {i} (CZ)\n", "sheet.tsv", id="tsv"),
    pytest.param(TEXT_NAME + "Partneři projektu:\n", "  {number}. Partner organisation {i} (CZ)\n", "sheet.txt", id="text"),
]  # fmt: skip


@pytest.mark.parametrize(("head", "line", "file_name"), PARTNER_SHEETS)
@pytest.mark.parametrize(
    "rows", [pytest.param(2_000, id="2000"), pytest.param(40_000, id="40000-13s")]
)
def test_many_partner_rows_with_repeated_numbers(
    head: str, line: str, file_name: str, rows: int
) -> None:
    record = extract(head + numbered_rows(rows, line), file_name)
    assert record.name == "ChemClust"
    assert len(record.partners) == rows
    first, last = record.partners[0], record.partners[-1]
    assert (first.number, first.name, first.country) == (1, "Partner organisation 0", "CZ")
    assert (last.number, last.name) == ((rows - 1) % 999 + 1, f"Partner organisation {rows - 1}")
    duplicates = [w.message for w in record.warnings if w.code == "duplicate_partner_number"]
    assert duplicates == [f"partner number {n} is given more than once" for n in range(1, 1000)]


def test_partner_numbers_given_once_give_no_warning() -> None:
    record = extract(TSV_NAME + "Partneři projektu\n" + numbered_rows(999, "{number}\tP {i}\n"))
    assert len(record.partners) == 999
    assert "duplicate_partner_number" not in {w.code for w in record.warnings}


# --- deeply nested pages: no deeper tree than the reader walks ------------------


def nested_page(opening: str, closing: str, elements: int) -> str:
    """``elements`` nested elements, one tag a line as saved pages have
    them; a closed page holds the name innermost, an unclosed one first."""
    depth = elements // opening.count("<")
    if closing:
        return opening * depth + HTML_NAME + closing * depth
    return HTML_NAME + opening * depth + "x\n"


NESTINGS = [
    pytest.param("<div>\n", "</div>\n", id="divs-closed"),
    pytest.param("<div>\n", "", id="divs-unclosed"),
    pytest.param("<span>\n", "</span>\n", id="spans-closed"),
    pytest.param("<span>\n", "", id="spans-unclosed"),
    pytest.param("<table>\n<tr>\n<td>\n", "</td>\n</tr>\n</table>\n", id="tables-closed"),
    pytest.param("<table>\n<tr>\n<td>\n", "", id="tables-unclosed"),
    pytest.param("<ul>\n<li>\n", "</li>\n</ul>\n", id="lists-closed"),
    pytest.param("<ul>\n<li>\n", "", id="lists-unclosed"),
]


@pytest.mark.parametrize(("opening", "closing"), NESTINGS)
@pytest.mark.parametrize(
    "elements", [pytest.param(2_000, id="2000"), pytest.param(200_000, id="200000-minutes")]
)
def test_deeply_nested_pages(opening: str, closing: str, elements: int) -> None:
    record = extract(nested_page(opening, closing, elements), "page.html")
    assert record.name == "ChemClust"
    assert record.source.format == "html"


@pytest.mark.parametrize(
    "depth", [pytest.param(1_000, id="1000"), pytest.param(25_000, id="25000-16s")]
)
def test_nested_divs_each_with_a_label(depth: int) -> None:
    """Text after an element at every level: what made bs4's re-linking
    walk up the whole chain each time.  Below the depth the reader walks,
    the rest of the page is one line of text."""
    labelled = "".join(f"<div><b>Poznámka {i}:</b> hodnota {i}\n" for i in range(depth))
    record = extract(f"{HTML_NAME}<p><b>Program:</b> Interreg IVC</p>\n{labelled}", "page.html")
    assert (record.name, record.programme) == ("ChemClust", "Interreg IVC")
    assert record.extra["Poznámka 0"] == "hodnota 0"
    deepest = list(record.extra.values())[-1]
    assert deepest is not None and deepest.endswith(f"Poznámka {depth - 1}: hodnota {depth - 1}")


@pytest.mark.parametrize("depth", [pytest.param(200, id="200"), pytest.param(20_000, id="20000")])
def test_furniture_deep_in_a_page_stays_out(depth: int) -> None:
    """Below the depth the tree is built to, scripts and navigation still
    give nothing, and labels, links and line breaks still read."""
    page = (
        "<div>\n" * depth
        + "<script>Projekt: Script</script><nav><b>Projekt:</b> Menu</nav>\n"
        + '<b>Projekt:</b> ChemClust<br><b>Web:</b> <a href="http://www.chemclust.eu/">web</a>\n'
        + "</div>\n" * depth
    )
    record = extract(page, "page.html")
    assert (record.name, record.website) == ("ChemClust", "http://www.chemclust.eu/")
    assert not {"Script", "Menu"} & {str(v) for v in record.extra.values()}
    assert not [w for w in record.warnings if "Script" in w.message or "Menu" in w.message]
