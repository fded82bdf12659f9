"""The dataset as files: typed cells survive pandas, spreadsheets and csv."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chemclust_extract import run_batch
from chemclust_extract.extract import ExtractionError, extract_bytes, extract_file
from chemclust_extract.model import Failure
from chemclust_extract.writers.csv import neutralise, write_csv
from chemclust_extract.writers.tables import COLUMNS, build_tables

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run_batch([SAMPLES], out)
    assert result.exit_code == 0, result.failures
    return out


def test_integer_columns_with_gaps_stay_integers(dataset: Path) -> None:
    """nysanet's partners have no numbers; the others' must not become 1.0."""
    with open(dataset / "partners.csv", newline="", encoding="utf-8") as handle:
        numbers = [row["number"] for row in csv.DictReader(handle)]
    assert "" in numbers and "1" in numbers
    assert all(n == "" or n.isdigit() for n in numbers), numbers


def test_money_columns_with_gaps_keep_their_written_form(dataset: Path) -> None:
    projects = pd.read_csv(dataset / "projects.csv", dtype=str, keep_default_na=False)
    names = [Path(p).name for p in projects["source_path"]]
    budgets = dict(zip(names, projects["total_budget"], strict=True))
    assert budgets["chemclust.tsv"] == "1762400"
    assert budgets["greenports-en.tsv"] == ""
    assert budgets["nysanet-pl.tsv"] == "1234567.89"


def test_every_table_has_its_columns_in_order(dataset: Path) -> None:
    for name, columns in COLUMNS.items():
        frame = pd.read_csv(dataset / f"{name}.csv", dtype=str, keep_default_na=False)
        assert tuple(frame.columns) == columns, name


def test_child_tables_point_at_projects(dataset: Path) -> None:
    projects = pd.read_csv(dataset / "projects.csv", dtype=str)
    ids = set(projects["id"])
    assert len(ids) == len(projects)
    # The seed's layouts share a name, so each id carries its file's hash.
    seeds = projects[projects["name"] == "ChemClust"]
    assert len(seeds) == 5
    assert all(
        i == f"chemclust-{h[:8]}" for i, h in zip(seeds["id"], seeds["source_sha256"], strict=True)
    )
    assert {"greenports", "nysanet", "saxchem"} <= ids
    for name in ("partners", "contacts", "news", "documents", "extra", "warnings"):
        frame = pd.read_csv(dataset / f"{name}.csv", dtype=str)
        assert set(frame["project_id"]) <= ids, name


def test_json_and_csv_agree(dataset: Path) -> None:
    records = json.loads((dataset / "projects.json").read_text(encoding="utf-8"))
    partners = pd.read_csv(dataset / "partners.csv", dtype=str, keep_default_na=False)
    assert len(partners) == sum(len(r["partners"]) for r in records)
    projects = pd.read_csv(dataset / "projects.csv", dtype=str, keep_default_na=False)
    assert list(projects["partner_count"].astype(int)) == [len(r["partners"]) for r in records]
    leads = dict(zip(projects["id"], projects["lead_partner"], strict=True))
    assert leads["greenports"] == "Port of Hamburg Marketing"


# --- cells a spreadsheet would run: only ASCII numbers are numbers (issue 7) ---

# (cell, as written); the starters are OWASP's (= + - @ tab CR) and ASVS's NUL.
NEUTRALISE_EXAMPLES = [
    # non-ASCII digits are no number to a spreadsheet: the formula would run
    pytest.param("-١٢٣", "'-١٢٣", id="arabic-indic-digits-after-minus"),
    pytest.param("+٢٠١٠4", "'+٢٠١٠4", id="arabic-indic-and-ascii-digits-after-plus"),
    pytest.param("-۱۲", "'-۱۲", id="persian-digits-after-minus"),
    pytest.param("-５", "'-５", id="full-width-digit-after-minus"),
    pytest.param("-²", "'-²", id="superscript-after-minus"),
    pytest.param("٣", "٣", id="arabic-indic-digit-no-starter"),
    # wholly a number: ASCII digits, an optional sign, at most one decimal point
    pytest.param("-5", "-5", id="contract-negative"),
    pytest.param("+420475657938", "+420475657938", id="contract-e164-phone"),
    pytest.param("1.5", "1.5", id="decimal"),
    pytest.param("-0.699", "-0.699", id="negative-decimal"),
    pytest.param("+.5", "+.5", id="sign-and-point-first"),
    pytest.param("-5.", "-5.", id="trailing-point"),
    pytest.param("-1.2.3", "'-1.2.3", id="two-points"),
    pytest.param("+1,5", "'+1,5", id="decimal-comma"),
    pytest.param("-1e5", "'-1e5", id="exponent"),
    pytest.param("-1 000", "'-1 000", id="space-inside"),
    pytest.param("+-5", "'+-5", id="two-signs"),
    pytest.param("-.", "'-.", id="sign-and-point-only"),
    # formulas and their starters
    pytest.param("=1+1", "'=1+1", id="equals"),
    pytest.param("@x", "'@x", id="at"),
    pytest.param("-2+3", "'-2+3", id="minus-sum"),
    pytest.param("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0", id="plus-dde"),
    pytest.param("\t=x", "'\t=x", id="tab"),
    pytest.param("\r=x", "'\r=x", id="carriage-return"),
    pytest.param("\x00=x", "'\x00=x", id="nul-asvs"),
    pytest.param("-", "'-", id="lone-minus"),
    pytest.param("+", "'+", id="lone-plus"),
    # text that starts otherwise stays as written
    pytest.param("", "", id="empty"),
    pytest.param("＝1+1", "＝1+1", id="full-width-equals-is-text"),
    pytest.param(" =1", " =1", id="space-first"),
    pytest.param("1-2", "1-2", id="digit-first"),
    pytest.param("Ústí", "Ústí", id="plain-text"),
    # cells that are not text are never touched
    pytest.param(-5, -5, id="int"),
    pytest.param(-0.5, -0.5, id="float"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("cell", "written"), NEUTRALISE_EXAMPLES)
def test_neutralise(cell: object, written: object) -> None:
    assert neutralise(cell) == written


# --- no control character reaches a CSV cell (issue 7) ----------------------

# Every C0 control but the line structure of the sheets (tab, LF, CR), and DEL.
CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\x7f"]
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Paragraph breaks stay in long text; no other control character anywhere.
MULTILINE = {("projects", "description"), ("extra", "value")}

SHEET_TSV = (
    "Projekt\tChem{c}Clust\n"
    "Název projektu\tChem{c} Clust title\n"
    "Program:\tInterreg{c} IVC\n"
    "Partner za ČR:\tÚstecký{c} kraj\n"
    "Web projektu:\twww.chem{c}clust.eu\n"
    "Trvání:\t01/2010{c} – 12/2012\n"
    "Celkový rozpočet:\t€ 1.762.400{c}\n"
    "Podíl ERDF:\tasi{c} hodně\n"
    "Kontaktní osoba:\tŠpoták{c} Dalibor\n"
    "\tReferent{c}\n"
    "\tMail: spotak{c}.d@kr-ustecky.cz\n"
    "\tTel: 475{c}657938\n"
    "Partneři projektu\n"
    "1\tMinistry{c} of Economy (DE) (Lead Partner)\n"
    "2\tÚstí{c} Region (CZ)\thttp://www.kr{c}-ustecky.cz/\n"
    "Stručný popis projektu\n"
    "Cílem{c} projektu.\n"
    "\n"
    "Druhý{c} odstavec.\n"
    "Aktuality\n"
    "- Workshop{c} v Bruselu (April 2010)\n"
    "Prezentace, dokumenty\n"
    "- Newsletter{c} (May 2010)\twww.x{c}.eu/a.pdf\n"
    "Poznámka{c}:\tnějaká{c} hodnota\n"
    "Kód:\t={c}1+1\n"
)
SHEET_HTML = (
    "<html><head><title>X{c}</title></head><body><table>"
    "<tr><th>Projekt</th><td>Chem{c}Clust</td></tr>"
    "<tr><th>Program:</th><td>Interreg{c} IVC</td></tr>"
    "<tr><th>Web projektu:</th><td><a href='http://www.chem{c}clust.eu/'>web{c}</a></td></tr>"
    "<tr><th>Kontaktní osoba:</th><td>Špoták{c} Dalibor<br>Referent{c}<br>"
    "Mail: <a href='mailto:spotak{c}.d@kr-ustecky.cz'>spotak.d@kr-ustecky.cz</a></td></tr>"
    "<tr><th>Partneři projektu</th><td><table>"
    "<tr><td>1</td><td>Ministry{c} of Economy (DE)</td><td><a href='file:///C:/{c}'>web</a></td></tr>"
    "</table></td></tr>"
    "<tr><th>Stručný popis projektu</th><td><p>Cílem{c} projektu.</p><p>Druhý{c}</p></td></tr>"
    "<tr><th>Prezentace, dokumenty</th><td><ul><li><a href='docs/{c}a.pdf'>Leták{c}</a></li>"
    "</ul></td></tr>"
    "<tr><th>Poznámka{c}:</th><td>nějaká{c} hodnota</td></tr>"
    "</table><p>volný{c} text</p></body></html>"
)
SHEET_TEXT = (
    "Projekt: Chem{c}Clust\n"
    "Program: Interreg{c} IVC\n"
    "Trvání: 01/2010 – 12/2012{c}\n"
    "Celkový rozpočet: € 1.762.400 {c}\n"
    "Partneři projektu\n"
    "  1. Ministry{c} of Economy (DE) (Lead Partner)\n"
    "Stručný popis projektu:\n"
    "    Cílem{c} projektu.\n"
    "Poznámka{c}: nějaká{c} hodnota\n"
)
SHEETS = {"tsv": SHEET_TSV, "html": SHEET_HTML, "txt": SHEET_TEXT}


def control_records(tmp_path: Path) -> tuple[list[dict[str, object]], list[Failure]]:
    """Every sheet layout once per control character, in every text field,
    label and file name; and a file that fails, named with one."""
    records, failures = [], []
    for n, c in enumerate(CONTROLS):
        for suffix, template in SHEETS.items():
            data = template.replace("{c}", c).encode()
            try:
                records.append(extract_bytes(data, f"in/{n}{c}.{suffix}").to_dict())
            except ExtractionError as error:  # a failure is a row of errors.csv too
                failures.append(Failure(f"in/{n}{c}.{suffix}", error.code, error.message))
    (tmp_path / "empty\x01.tsv").write_bytes(b"")
    failed = extract_file(tmp_path / "empty\x01.tsv")
    assert isinstance(failed, Failure)
    return records, [*failures, failed]


@pytest.fixture(scope="module")
def control_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("controls")
    records, failures = control_records(out)
    assert len(records) == len(CONTROLS) * len(SHEETS) - len(failures) + 1
    for name, frame in build_tables(records, failures).items():
        write_csv(frame, out / f"{name}.csv")
    return out


@pytest.mark.parametrize("table", list(COLUMNS))
def test_no_control_character_reaches_a_csv_cell(control_tables: Path, table: str) -> None:
    with (control_tables / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    found = [
        (column, cell)
        for row in rows
        for column, cell in row.items()
        if CONTROL.search(cell.replace("\n", "") if (table, column) in MULTILINE else cell)
    ]
    assert found == []


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES)
def test_indented_json_is_what_json_dumps_writes(value: object) -> None:
    import json

    from chemclust_extract.writers.json import indented

    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
