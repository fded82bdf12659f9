"""Every output format of a run, read back with the tools data teams use
(openpyxl, sqlite3, pyarrow, frictionless, pandas) and compared with the
JSON records: JSON Lines, XLSX, SQLite, Parquet, datapackage.json, the CSV
dialects, the notebook API, formula-looking text, missing extras, and two
runs giving the same bytes in every format."""

from __future__ import annotations

import csv
import filecmp
import hashlib
import json
import math
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from chemclust_extract import (
    OutputFolderError,
    OutputOptions,
    read_output,
    run_batch,
    to_frames,
)
from chemclust_extract.batch import engine
from chemclust_extract.cli import main
from chemclust_extract.extract import extract_bytes
from chemclust_extract.frames import dtypes
from chemclust_extract.model import Failure
from chemclust_extract.writers import OUTPUT_FILES, write_dataset
from chemclust_extract.writers import parquet as parquet_writer
from chemclust_extract.writers import sqlite as sqlite_writer
from chemclust_extract.writers import xlsx as xlsx_writer
from chemclust_extract.writers.formats import parse_formats
from chemclust_extract.writers.tables import CHILD_TABLES, COLUMNS, TableRow, record_rows

from .conftest import SAMPLES
from .test_writers import control_records

ALL_FORMATS = "json,jsonl,csv,xlsx,sqlite,parquet"
TABLES = tuple(COLUMNS)
CSV_NAMES = tuple(f"{t}.csv" for t in TABLES)
PARQUET_NAMES = tuple(f"parquet/{t}.parquet" for t in TABLES)
EVERY_FILE = (
    "projects.json", "projects.jsonl", *CSV_NAMES, "projects.xlsx", "projects.sqlite",
    *PARQUET_NAMES, "datapackage.json", "report.html", "report.json",
)  # fmt: skip

# A partner from Namibia (NA), a phone, and cells a spreadsheet would run.
SPECIAL_SHEET = (
    "Projekt\tDesert Water\n"
    "Program\tInterreg Europe\n"
    "Trvání:\t01/2016 – 12/2019\n"
    "Celkový rozpočet:\t€ 1.000.000\n"
    "Kontaktní osoba:\tJan Novák\n"
    "\tTel: +420 475657938\n"
    "Partneři projektu\n"
    "1\tNamibia University of Science and Technology (NA) (Lead Partner)\n"
    "2\tÚstí Region (CZ)\thttp://www.kr-ustecky.cz/\n"
    'Poznámka:\t=HYPERLINK("http://x")\n'
    "Kód:\t-5\n"
    "Priorita:\t@SUM(1)\n"
    "Aktivity:\t- první\n"
)
FORMULA_SHEET = 'Projekt\t=HYPERLINK("http://x")\nProgram\t@SUM(1)\nPoznámka:\t+cmd|calc\n'
# What the sheets above put in cells, and what must never run as a formula.
FORMULA_VALUES = ('=HYPERLINK("http://x")', "@SUM(1)", "+cmd|calc", "- první")


def run_cli(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], prog_name="chemclust-extract")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def special_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "namibia.tsv").write_text(SPECIAL_SHEET, encoding="utf-8")
    (folder / "formula.tsv").write_text(FORMULA_SHEET, encoding="utf-8")
    (folder / "empty.tsv").write_bytes(b"")  # a row of errors in every format
    return folder


@pytest.fixture(scope="module")
def special(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return special_inputs(tmp_path_factory.mktemp("special") / "special")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, special: Path) -> Path:
    """``extract samples -o out --format json,jsonl,csv,xlsx,sqlite,parquet``."""
    folder = tmp_path_factory.mktemp("formats") / "out"
    result = run_cli("extract", SAMPLES, special, "-o", folder, "--format", ALL_FORMATS, "-q")
    assert result.exit_code == 1, result.output  # empty.tsv fails
    return folder


def records_of(folder: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((folder / "projects.json").read_text("utf-8"))
    return data


def failures_of(folder: Path) -> list[Failure]:
    report = json.loads((folder / "report.json").read_text("utf-8"))
    return [Failure(**f) for f in report["failed"]]


def expected_rows(folder: Path) -> dict[str, list[TableRow]]:
    """Every table's rows as the JSON records and the failures give them."""
    rows: dict[str, list[TableRow]] = {t: [] for t in TABLES}
    for data in records_of(folder):
        for table, row in record_rows(data):
            rows[table].append({c: row.get(c) for c in COLUMNS[table]})
    rows["errors"] = [f.to_dict() for f in failures_of(folder)]
    return rows


def all_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# --- every file, accounted for --------------------------------------------------------


def test_every_format_writes_its_files(out: Path) -> None:
    assert all_files(out) == sorted(EVERY_FILE)


def test_the_report_vouches_for_every_file(out: Path) -> None:
    outputs = json.loads((out / "report.json").read_text("utf-8"))["outputs"]
    assert sorted(outputs) == sorted(set(EVERY_FILE) - {"report.json"})
    for name, digest in outputs.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name


def test_a_default_run_writes_json_csv_datapackage_and_report(tmp_path: Path) -> None:
    run_batch([SAMPLES], tmp_path / "out")
    assert all_files(tmp_path / "out") == sorted(
        ["projects.json", *CSV_NAMES, "datapackage.json", "report.html", "report.json"]
    )


def test_formats_a_run_no_longer_writes_are_removed(tmp_path: Path) -> None:
    """A folder never mixes two runs: yesterday's workbook goes with yesterday's report."""
    run_batch([SAMPLES], tmp_path / "out", outputs=OutputOptions(formats=ALL_FORMATS.split(",")))
    again = run_batch([SAMPLES], tmp_path / "out", outputs=OutputOptions(formats=("jsonl",)))
    assert all_files(tmp_path / "out") == sorted(
        ["projects.jsonl", *CSV_NAMES, "datapackage.json", "report.html", "report.json"]
    )
    assert not (tmp_path / "out" / "parquet").exists()
    assert set(OUTPUT_FILES) >= set(EVERY_FILE) - {"report.json"}
    # the records of a run without projects.json are read from projects.jsonl
    assert [r.id for r in again.records] == [r["id"] for r in map(json.loads, (
        tmp_path / "out" / "projects.jsonl").read_text("utf-8").splitlines())]  # fmt: skip
    assert again.records[0].partners[0].country == "DE"


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_every_format_gets_the_mode_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    previous = os.umask(umask)
    try:
        run_batch(
            [SAMPLES / "chemclust.tsv"],
            tmp_path / "out",
            outputs=OutputOptions(ALL_FORMATS.split(",")),
        )
    finally:
        os.umask(previous)
    modes = {p: stat.S_IMODE((tmp_path / "out" / p).stat().st_mode) for p in EVERY_FILE}
    assert set(modes.values()) == {mode}, modes


def test_a_run_that_fails_while_writing_leaves_the_previous_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = OutputOptions(formats=ALL_FORMATS.split(","))
    run_batch([SAMPLES], tmp_path / "out", outputs=outputs)
    before = {name: (tmp_path / "out" / name).read_bytes() for name in EVERY_FILE}

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parquet_writer.ParquetSink, "add", full_disk)
    with pytest.raises(OutputFolderError, match="No space left on device"):
        run_batch([SAMPLES / "chemclust.tsv"], tmp_path / "out", outputs=outputs)
    assert all_files(tmp_path / "out") == sorted(EVERY_FILE)
    assert {name: (tmp_path / "out" / name).read_bytes() for name in EVERY_FILE} == before
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


# --- choosing formats -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "formats"),
    [
        (["json,csv"], ("json", "csv")),
        (["xlsx", "sqlite"], ("csv", "xlsx", "sqlite")),
        (["parquet, JSONL ,xlsx,xlsx"], ("jsonl", "csv", "xlsx", "parquet")),
        ([ALL_FORMATS], ("json", "jsonl", "csv", "xlsx", "sqlite", "parquet")),
    ],
    ids=["default", "repeated", "spaces-case-twice", "all"],
)
def test_formats_are_comma_separated_or_repeated(
    given: list[str], formats: tuple[str, ...]
) -> None:
    assert parse_formats(given) == formats
    assert OutputOptions(formats=tuple(given)).formats == formats


@pytest.mark.parametrize(
    "args",
    [["--format", "pdf"], ["--format", ","], ["--csv-delimiter", ":"], ["--csv-dialect", "latin1"]],
    ids=["unknown-format", "no-format", "bad-delimiter", "bad-dialect"],
)
def test_bad_output_options_are_usage_errors(args: list[str], tmp_path: Path) -> None:
    result = run_cli("extract", SAMPLES, "-o", tmp_path / "out", *args)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("module", "fmt"), [("xlsxwriter", "xlsx"), ("pyarrow", "parquet")], ids=["xlsx", "parquet"]
)
def test_a_missing_extra_is_one_line_and_exit_2_before_any_file_is_read(
    module: str, fmt: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails
    read: list[Path] = []
    monkeypatch.setattr(engine, "extract_within_budget", lambda path, options: read.append(path))
    result = run_cli("extract", SAMPLES, "-o", tmp_path / "out", "--format", f"json,{fmt}")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: the {fmt} format needs {'XlsxWriter' if fmt == 'xlsx' else 'pyarrow'}: "
        f"pip install 'chemclust-extract[{fmt}]'"
    ]
    assert read == []
    assert not (tmp_path / "out").exists()


# --- JSON Lines ---------------------------------------------------------------------------


def test_json_lines_hold_the_records_one_a_line(out: Path) -> None:
    lines = (out / "projects.jsonl").read_text("utf-8").split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == records_of(out)


# --- XLSX ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(out: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(out / "projects.xlsx")


def test_xlsx_has_a_sheet_per_table(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == list(TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_xlsx_rows_are_the_json_records_typed(
    workbook: openpyxl.Workbook, out: Path, table: str
) -> None:
    sheet = workbook[table]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS[table]
    expected = [tuple(row.values()) for row in expected_rows(out)[table]]
    assert rows[1:] == expected
    assert len(expected) > 0
    for row in sheet.iter_rows(min_row=2):
        for cell, column in zip(row, COLUMNS[table], strict=True):
            if cell.value is not None:
                assert cell.data_type == ("n" if column in NUMERIC else "s"), (column, cell.value)


NUMERIC = {"seq", "number", "duration_months", "partner_count", "total_budget", "eu_contribution",
           "eu_rate"}  # fmt: skip


def test_xlsx_phones_and_namibia_are_text(workbook: openpyxl.Workbook) -> None:
    contacts = list(workbook["contacts"].iter_rows(values_only=True))
    phones = {row[COLUMNS["contacts"].index("phone")] for row in contacts[1:]} - {None}
    assert "+420475657938" in phones and all(isinstance(p, str) for p in phones)
    partners = list(workbook["partners"].iter_rows(values_only=True))
    assert "NA" in {row[COLUMNS["partners"].index("country")] for row in partners[1:]}


def test_xlsx_header_is_bold_and_frozen_and_columns_fitted(workbook: openpyxl.Workbook) -> None:
    for table in TABLES:
        sheet = workbook[table]
        assert sheet.freeze_panes == "A2", table
        assert all(cell.font.b for cell in sheet[1]), table
    widths = {k: v.width for k, v in workbook["partners"].column_dimensions.items()}
    name = widths["D"]  # the partners' names: long
    assert 30 < name <= xlsx_writer.MAX_WIDTH + 1
    assert widths["B"] < 10  # seq


def test_xlsx_urls_are_hyperlinks(workbook: openpyxl.Workbook) -> None:
    links = 0
    for table, column in (("projects", "website"), ("partners", "website"), ("documents", "url")):
        index = COLUMNS[table].index(column)
        for row in workbook[table].iter_rows(min_row=2):
            cell = row[index]
            if cell.value and str(cell.value).startswith("http"):
                assert cell.hyperlink is not None and cell.hyperlink.target == cell.value
                links += 1
    assert links > 10


def test_xlsx_has_no_formula_and_marks_formula_like_text(out: Path) -> None:
    with zipfile.ZipFile(out / "projects.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == len(TABLES)
        for name in sheets:
            assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    cells = load_values(out / "projects.xlsx")
    for value in FORMULA_VALUES:
        found = [cell for cell in cells if cell.value == value]
        assert found, value
        assert all(cell.data_type == "s" and cell.quotePrefix for cell in found), value
    assert all(not cell.quotePrefix for cell in cells if cell.value == "-5")  # a number, as text


def load_values(path: Path) -> list[Any]:
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


def test_xlsx_goes_on_in_a_second_sheet_when_a_table_is_longer_than_a_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_writer, "MAX_ROWS", 8)  # a header and 7 rows a sheet
    run_batch([SAMPLES], tmp_path / "out", outputs=OutputOptions(formats=("json", "xlsx")))
    book = openpyxl.load_workbook(tmp_path / "out" / "projects.xlsx")
    assert "partners (2)" in book.sheetnames and "projects (2)" in book.sheetnames
    assert all(book[name].max_row <= 8 for name in book.sheetnames)
    for table in ("projects", "partners"):
        sheets = [n for n in book.sheetnames if n == table or n.startswith(f"{table} (")]
        assert all(next(book[n].iter_rows(values_only=True)) == COLUMNS[table] for n in sheets)
        rows = [row for n in sheets for row in list(book[n].iter_rows(values_only=True))[1:]]
        expected = [tuple(r.values()) for r in expected_rows(tmp_path / "out")[table]]
        assert rows == expected and len(expected) > 7, table


def test_xlsx_links_past_excels_limit_stay_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_writer, "MAX_LINKS", 1)
    run_batch([SAMPLES], tmp_path / "out", outputs=OutputOptions(formats=("xlsx",)))
    sheet = openpyxl.load_workbook(tmp_path / "out" / "projects.xlsx")["partners"]
    cells = [row[6] for row in sheet.iter_rows(min_row=2) if row[6].value]
    assert len(cells) > 2
    assert [cell.hyperlink is not None for cell in cells] == [True] + [False] * (len(cells) - 1)


# --- SQLite -------------------------------------------------------------------------------


@pytest.fixture
def database(out: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{out / 'projects.sqlite'}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_sqlite_foreign_keys_hold(database: sqlite3.Connection) -> None:
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for table in CHILD_TABLES:
        keys = database.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        assert [(k[2], k[3], k[4]) for k in keys] == [("projects", "project_id", "id")], table


def test_sqlite_columns_have_declared_types_and_keys(database: sqlite3.Connection) -> None:
    def declared(table: str) -> dict[str, tuple[str, int]]:
        info = database.execute(f"PRAGMA table_info({table})").fetchall()
        return {row[1]: (row[2], row[5]) for row in info}

    contacts = declared("contacts")
    assert contacts["phone"] == ("TEXT", 0) and contacts["fax"] == ("TEXT", 0)
    assert contacts["project_id"] == ("TEXT", 1) and contacts["seq"] == ("INTEGER", 2)
    projects = declared("projects")
    assert projects["id"] == ("TEXT", 1)
    assert projects["total_budget"][0] == "REAL" and projects["duration_months"][0] == "INTEGER"
    assert projects["record"][0] == "TEXT"
    assert declared("partners")["country"][0] == "TEXT"
    assert declared("extra")["label"] == ("TEXT", 2)
    assert declared("errors")["path"] == ("TEXT", 1)


def test_sqlite_indexes_project_id(database: sqlite3.Connection) -> None:
    for table in CHILD_TABLES:
        indexes = database.execute(f"PRAGMA index_list({table})").fetchall()
        columns = [
            [c[2] for c in database.execute(f"PRAGMA index_info('{i[1]}')").fetchall()]
            for i in indexes
        ]
        assert ["project_id"] in columns, table


@pytest.mark.parametrize("table", TABLES)
def test_sqlite_rows_are_the_json_records(
    database: sqlite3.Connection, out: Path, table: str
) -> None:
    names = ", ".join(f'"{c}"' for c in COLUMNS[table])
    rows = database.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid').fetchall()
    expected = [tuple(row.values()) for row in expected_rows(out)[table]]
    assert rows == expected
    assert len(rows) > 0


def test_sqlite_keeps_each_record_as_json(database: sqlite3.Connection, out: Path) -> None:
    stored = database.execute("SELECT id, record FROM projects ORDER BY rowid").fetchall()
    assert [(i, json.loads(r)) for i, r in stored] == [(r["id"], r) for r in records_of(out)]
    phone = database.execute(
        "SELECT json_extract(record, '$.contacts[0].phone') FROM projects WHERE name = 'Desert Water'"
    ).fetchone()
    assert phone == ("+420475657938",)
    kinds = database.execute("SELECT DISTINCT typeof(phone) FROM contacts WHERE phone NOT NULL")
    assert kinds.fetchall() == [("text",)]


def test_sqlite_is_written_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_writer, "BATCH", 2)
    run_batch([SAMPLES], tmp_path / "out", outputs=OutputOptions(formats=("sqlite",)))
    run_batch([SAMPLES], tmp_path / "whole", outputs=OutputOptions(formats=("json", "sqlite")))
    small = sqlite3.connect(tmp_path / "out" / "projects.sqlite")
    whole = sqlite3.connect(tmp_path / "whole" / "projects.sqlite")
    for table in TABLES:
        query = f'SELECT * FROM "{table}" ORDER BY rowid'
        assert small.execute(query).fetchall() == whole.execute(query).fetchall(), table
    small.close()
    whole.close()


# --- Parquet ------------------------------------------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_parquet_is_typed_and_holds_the_json_records(out: Path, table: str) -> None:
    parquet = pq.read_table(out / "parquet" / f"{table}.parquet")
    assert parquet.column_names == list(COLUMNS[table])
    kinds = {"Int64": "int64", "Float64": "double", "string": "string"}
    assert {f.name: str(f.type) for f in parquet.schema} == {
        name: kinds[dtype] for name, dtype in dtypes(table).items()
    }
    expected = expected_rows(out)[table]
    assert parquet.to_pylist() == expected
    assert len(expected) > 0


def test_parquet_keeps_phones_and_namibia(out: Path) -> None:
    contacts = pq.read_table(out / "parquet" / "contacts.parquet").to_pydict()
    assert "+420475657938" in contacts["phone"]
    assert "NA" in pq.read_table(out / "parquet" / "partners.parquet").to_pydict()["country"]
    extra = pq.read_table(out / "parquet" / "extra.parquet").to_pydict()["value"]
    assert '=HYPERLINK("http://x")' in extra  # no spreadsheet reads Parquet: the value as it is


def test_parquet_is_written_a_row_group_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet_writer, "ROW_GROUP", 4)
    run_batch([SAMPLES], tmp_path / "out", outputs=OutputOptions(formats=("json", "parquet")))
    partners = pq.ParquetFile(tmp_path / "out" / "parquet" / "partners.parquet")
    rows = expected_rows(tmp_path / "out")["partners"]
    assert partners.metadata.num_row_groups == math.ceil(len(rows) / 4) > 3
    assert partners.read().to_pylist() == rows


# --- datapackage.json ---------------------------------------------------------------------


def frictionless() -> str:
    path = Path(sys.executable).parent / "frictionless"
    if not path.exists():
        pytest.fail("frictionless is in the test extra: pip install -e '.[test]'")
    return str(path)


def validate(package: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [frictionless(), "validate", str(package)], capture_output=True, text=True, check=False,
        timeout=300,
    )  # fmt: skip


def test_frictionless_validates_the_datapackage(out: Path) -> None:
    done = validate(out / "datapackage.json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("VALID") == len(TABLES)


def test_frictionless_finds_a_broken_foreign_key(out: Path, tmp_path: Path) -> None:
    """The validation above can fail: a partner of no project is found."""
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    lines = (broken / "partners.csv").read_bytes().split(b"\r\n")
    lines[1] = b"no-such-project" + lines[1][lines[1].index(b",") :]
    (broken / "partners.csv").write_bytes(b"\r\n".join(lines))
    done = validate(broken / "datapackage.json")
    assert done.returncode != 0
    assert "foreign-key" in done.stdout


def test_the_datapackage_types_keys_and_missing_values(out: Path) -> None:
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(TABLES)
    assert all(r["path"] == f"{n}.csv" for n, r in resources.items())

    def field(table: str, name: str) -> dict[str, Any]:
        fields = resources[table]["schema"]["fields"]
        found: dict[str, Any] = next(f for f in fields if f["name"] == name)
        return found

    assert field("contacts", "phone")["type"] == "string"
    assert field("contacts", "fax")["type"] == "string"
    assert field("partners", "country")["type"] == "string"
    assert field("partners", "seq")["type"] == "integer"
    assert field("partners", "number")["type"] == "integer"
    assert field("projects", "total_budget")["type"] == "number"
    assert field("projects", "eu_rate")["type"] == "number"
    assert field("projects", "duration_months")["type"] == "integer"
    date = field("news", "date")
    assert date["type"] == "string" and date["constraints"]["pattern"].startswith("[0-9]{4}")
    assert resources["projects"]["schema"]["primaryKey"] == ["id"]
    assert resources["partners"]["schema"]["primaryKey"] == ["project_id", "seq"]
    assert resources["extra"]["schema"]["primaryKey"] == ["project_id", "label"]
    for table in CHILD_TABLES:
        assert resources[table]["schema"]["foreignKeys"] == [
            {"fields": ["project_id"], "reference": {"resource": "projects", "fields": ["id"]}}
        ]
    assert "foreignKeys" not in resources["projects"]["schema"]
    assert all(r["schema"]["missingValues"] == [""] for r in resources.values())


def test_the_datapackage_follows_the_csv_dialect(tmp_path: Path) -> None:
    outputs = OutputOptions(csv_dialect="excel", csv_delimiter=";")
    run_batch([SAMPLES, special_inputs(tmp_path / "in")], tmp_path / "out", outputs=outputs)
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text("utf-8"))
    assert {r["dialect"]["delimiter"] for r in package["resources"]} == {";"}
    assert {r["encoding"] for r in package["resources"]} == {"utf-8-sig"}
    done = validate(tmp_path / "out" / "datapackage.json")
    assert done.returncode == 0, done.stdout + done.stderr


# --- CSV dialects -------------------------------------------------------------------------


def read_csv_rows(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


@pytest.fixture(scope="module")
def excel_out(tmp_path_factory: pytest.TempPathFactory, special: Path) -> Path:
    folder = tmp_path_factory.mktemp("excel") / "out"
    result = run_cli(
        "extract", SAMPLES, special, "-o", folder, "--csv-dialect", "excel", "--csv-delimiter", ";",
        "-q",
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    return folder


@pytest.mark.parametrize("name", CSV_NAMES)
def test_the_default_csv_is_utf8_without_bom_with_crlf(out: Path, name: str) -> None:
    data = (out / name).read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.split(b"\r\n")[0] == ",".join(COLUMNS[name[:-4]]).encode()
    assert data.endswith(b"\r\n")


@pytest.mark.parametrize("name", CSV_NAMES)
def test_the_excel_dialect_has_a_bom_crlf_and_semicolons(
    excel_out: Path, out: Path, name: str
) -> None:
    data = (excel_out / name).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].split(b"\r\n")[0] == ";".join(COLUMNS[name[:-4]]).encode()
    assert data.endswith(b"\r\n")
    # the same cells as the default CSV, only delimited and encoded otherwise
    assert read_csv_rows(excel_out / name, ";", "utf-8-sig") == read_csv_rows(out / name)


def test_excel_reads_the_accents_of_the_excel_dialect(excel_out: Path) -> None:
    """Excel takes a BOM to mean UTF-8; the text then reads as written."""
    text = (excel_out / "projects.csv").read_bytes().decode("utf-8-sig")
    assert "Ústecký kraj" in text and "Ãš" not in text


@pytest.mark.parametrize(
    ("dialect", "delimiter"),
    [("rfc4180", ","), ("rfc4180", ";"), ("excel", ","), ("excel", ";"), ("excel", "\t"),
     ("rfc4180", "|")],
)  # fmt: skip
def test_a_formula_never_reaches_a_csv_in_any_dialect(
    tmp_path: Path, dialect: str, delimiter: str
) -> None:
    outputs = OutputOptions(csv_dialect=dialect, csv_delimiter=delimiter)
    run_batch([special_inputs(tmp_path / "in")], tmp_path / "out", outputs=outputs)
    cells = [
        cell
        for name in CSV_NAMES
        for row in read_csv_rows(tmp_path / "out" / name, delimiter, "utf-8-sig")
        for cell in row
    ]
    for value in FORMULA_VALUES:
        assert value not in cells
        assert "'" + value in cells
    assert "-5" in cells and "+420475657938" in cells  # numbers stay numbers
    assert not [c for c in cells if c[:1] in ("=", "+", "@") and c not in ("+420475657938",)]


def test_the_csv_delimiter_tab_is_accepted_by_name(tmp_path: Path) -> None:
    result = run_cli(
        "extract", SAMPLES / "chemclust.tsv", "-o", tmp_path / "out", "--csv-delimiter", "tab"
    )
    assert result.exit_code == 0, result.output
    header = (tmp_path / "out" / "partners.csv").read_bytes().decode().split("\r\n")[0]
    assert header == "\t".join(COLUMNS["partners"])


# --- the notebook API ---------------------------------------------------------------------


def test_read_output_round_trips_phones_namibia_and_integers(out: Path) -> None:
    frames = read_output(out)
    assert list(frames) == list(TABLES)
    contacts, partners = frames["contacts"], frames["partners"]
    assert contacts["phone"].dtype == "string" and contacts["seq"].dtype == "Int64"
    assert "+420475657938" in set(contacts["phone"].dropna())
    assert "NA" in set(partners["country"].dropna())
    assert partners["number"].dtype == "Int64" and partners["number"].isna().any()
    assert 1 in set(partners["number"].dropna())
    projects = frames["projects"]
    assert projects["total_budget"].dtype == "Float64"
    assert projects["partner_count"].dtype == "Int64"
    assert projects.loc[projects["name"] == "Desert Water", "total_budget"].item() == 1_000_000


@pytest.mark.parametrize("folder", ["out", "excel_out"])
def test_read_output_equals_to_frames_of_the_records(
    folder: str, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(folder)
    read = read_output(path)
    built = to_frames(records_of(path), failures_of(path))
    for table in TABLES:
        pd.testing.assert_frame_equal(read[table], built[table], check_exact=True)
        assert len(read[table]) > 0, table


def test_read_output_takes_off_the_apostrophe_of_formula_like_text(out: Path) -> None:
    extra = read_output(out)["extra"]
    assert '=HYPERLINK("http://x")' in set(extra["value"])
    assert "- první" in set(extra["value"]) and "-5" in set(extra["value"])


def test_to_frames_types_every_column_as_the_csv(out: Path) -> None:
    frames = to_frames(records_of(out))
    for table in TABLES:
        assert {c: str(t) for c, t in frames[table].dtypes.items()} == dtypes(table), table
    assert len(frames["errors"]) == 0


def test_to_frames_takes_what_extract_many_yields(special: Path) -> None:
    from chemclust_extract import extract_many

    frames = to_frames(extract_many(sorted(special.iterdir())))
    assert list(frames["errors"]["code"]) == ["empty"]
    assert list(frames["projects"]["name"]) == ['=HYPERLINK("http://x")', "Desert Water"]
    assert frames["projects"]["duration_months"].tolist() == [pd.NA, 48]


def test_pandas_read_csv_as_the_readme_shows_it(out: Path) -> None:
    """The README's manual variant: the dtypes from datapackage.json, only "" missing."""
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    kinds = {"string": "string", "integer": "Int64", "number": "Float64"}
    partners = next(r for r in package["resources"] if r["name"] == "partners")
    frame = pd.read_csv(
        out / "partners.csv",
        dtype={f["name"]: kinds[f["type"]] for f in partners["schema"]["fields"]},
        keep_default_na=False,
        na_values=[""],
    )
    assert "NA" in set(frame["country"]) and frame["number"].dtype == "Int64"


# --- odd text in every format ---------------------------------------------------------------


def test_control_characters_and_lone_surrogates_reach_no_format_unwritten(tmp_path: Path) -> None:
    records, failures = control_records(tmp_path)
    odd = extract_bytes("Projekt\tBad\udce9Name\n".encode("utf-8", "surrogatepass"), "in/x.tsv")
    data = odd.to_dict()
    data["name"] = "Bad\udce9Name"  # as if a surrogate had reached the record
    data["id"] = "bad-name"
    records = [{**r, "id": f"r{n}"} for n, r in enumerate(records)] + [data]
    outputs = OutputOptions(formats=ALL_FORMATS.split(","))
    report = {"tool": "chemclust-extract"}
    write_dataset(records, failures, report, tmp_path / "out", outputs)
    book = openpyxl.load_workbook(tmp_path / "out" / "projects.xlsx")
    assert book["projects"].max_row == len(records) + 1
    names = [row[1] for row in book["projects"].iter_rows(min_row=2, values_only=True)]
    assert names[-1] == "Bad\\udce9Name"
    with sqlite3.connect(tmp_path / "out" / "projects.sqlite") as db:
        assert db.execute("SELECT count(*) FROM projects").fetchone() == (len(records),)
    assert pq.read_table(tmp_path / "out" / "parquet" / "projects.parquet").num_rows == len(records)


# --- the same bytes -----------------------------------------------------------------------


def test_two_runs_give_identical_folders_in_every_format(
    tmp_path: Path, special: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XLSX, SQLite and Parquet included: no format writes the time of the
    run, even where the runs are in other time zones."""
    outputs = OutputOptions(formats=ALL_FORMATS.split(","))
    run_batch([SAMPLES, special], tmp_path / "a", outputs=outputs, jobs=1)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14
    time.tzset()
    try:
        run_batch([SAMPLES, special], tmp_path / "b", outputs=outputs)
    finally:
        monkeypatch.undo()
        time.tzset()
    compared = filecmp.dircmp(tmp_path / "a", tmp_path / "b")
    assert compared.common_dirs == ["parquet"]
    assert all_files(tmp_path / "a") == all_files(tmp_path / "b") == sorted(EVERY_FILE)
    for name in EVERY_FILE:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


# --- the writers' room ----------------------------------------------------------------------

WRITERS = Path(__file__).parent.parent / "src" / "chemclust_extract" / "writers"


@pytest.mark.parametrize("module", sorted(p.stem for p in WRITERS.glob("*.py")))
def test_writers_import_no_stage_above_them(module: str) -> None:
    import ast

    tree = ast.parse((WRITERS / f"{module}.py").read_text("utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    ours = {name for name in imported if name.startswith("chemclust_extract")}
    allowed = ("chemclust_extract.writers", "chemclust_extract.model")
    assert {name for name in ours if not name.startswith(allowed)} == set()


def test_a_default_run_loads_neither_xlsxwriter_nor_pyarrow(tmp_path: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in ('xlsxwriter', 'pyarrow', 'pandas') "
        "if m in sys.modules)))\n"
        f"sys.argv = ['chemclust-extract', 'extract', 'samples', '-o', {str(tmp_path / 'o')!r}, '-q']\n"
        "from chemclust_extract.__main__ import run\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False,
        cwd=Path(__file__).parent.parent,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
