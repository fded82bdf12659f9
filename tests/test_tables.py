"""The dataset a batch writes: twelve files, their columns and keys, how cells
are written (UTF-8, RFC 4180, CRLF, plain numbers, inert formulas), the
report, determinism, duplicate ids, and the library API behind the CLI."""

from __future__ import annotations

import csv
import hashlib
import json
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from chemclust_extract import Record, extract_file, extract_many, run_batch
from chemclust_extract.cli import main
from chemclust_extract.model import Failure
from chemclust_extract.writers.csv import neutralise
from chemclust_extract.writers.tables import COLUMNS

from .conftest import FIXTURES, ROOT

SEED = FIXTURES / "chemclust.tsv"
SEED_RELATIVE = SEED.relative_to(ROOT).as_posix()
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

CSV_FILES = (
    "projects.csv",
    "partners.csv",
    "contacts.csv",
    "news.csv",
    "documents.csv",
    "extra.csv",
    "warnings.csv",
    "errors.csv",
)
OUTPUT_FILES = ("projects.json", *CSV_FILES, "report.json", "report.html", "datapackage.json")

# The contract's record, field by field: the scalar part is what projects.csv holds.
CONTRACT_SCALARS = (
    "id", "name", "title", "programme", "national_partner", "website", "start_date",
    "end_date", "duration_months", "total_budget", "total_budget_currency",
    "eu_contribution", "eu_contribution_currency", "eu_fund", "eu_rate", "description",
)  # fmt: skip
CONTRACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "projects": (*CONTRACT_SCALARS, "partner_count", "lead_partner",
                 "source_path", "source_sha256", "source_format", "source_encoding"),
    "partners": ("project_id", "seq", "number", "name", "country", "role", "website"),
    "contacts": ("project_id", "seq", "name", "position", "organisation", "department",
                 "email", "phone", "fax", "raw"),
    "news": ("project_id", "seq", "text", "date"),
    "documents": ("project_id", "seq", "text", "date", "url"),
    "extra": ("project_id", "label"),
    "warnings": ("project_id", "field", "code", "message"),
    "errors": ("path", "code", "message"),
}  # fmt: skip
KEYS: dict[str, tuple[str, ...]] = {
    "projects": ("id",),
    "partners": ("project_id", "seq"),
    "contacts": ("project_id", "seq"),
    "news": ("project_id", "seq"),
    "documents": ("project_id", "seq"),
    "extra": ("project_id", "label"),
    "errors": ("path",),
}
CHILD_TABLES = ("partners", "contacts", "news", "documents", "extra", "warnings")

FORMULA_SHEET = (
    'Projekt\t=HYPERLINK("http://x")\n'
    "Program\t@SUM(1)\n"
    "Partner za ČR:\t-5\n"
    "Poznámka:\t+cmd|calc\n"
    "Kód:\t-5\n"
    "Celkový rozpočet:\tasi dva miliony\n"  # unreadable: a warning ("neuvedeno" would be no value)
)


def run_cli(*args: str | Path) -> Any:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def read_table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def second_seed(seed_text: str) -> str:
    """The seed with another total budget: the same project name, other bytes."""
    changed = seed_text.replace("€ 1.762.400", "€ 1.800.000")
    assert changed != seed_text
    return changed


def make_mixed_inputs(folder: Path) -> Path:
    """Two ChemClust sheets that differ, a sheet full of formula-like cells,
    and two inputs that cannot give a record."""
    folder.mkdir(parents=True, exist_ok=True)
    seed_text = SEED.read_text(encoding="utf-8")
    (folder / "chemclust.tsv").write_bytes(SEED.read_bytes())
    (folder / "chemclust-2.tsv").write_text(second_seed(seed_text), encoding="utf-8")
    (folder / "formula.tsv").write_text(FORMULA_SHEET, encoding="utf-8")
    (folder / "empty.tsv").write_bytes(b"")
    (folder / "image.png").write_bytes(PNG_SIGNATURE + random.Random(0).randbytes(4000))
    return folder


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed alone, given relative to the project root as an analyst would."""
    out = tmp_path_factory.mktemp("seed") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        result = run_cli("extract", SEED_RELATIVE, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def mixed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("mixed")
    make_mixed_inputs(base / "in")
    result = run_cli("extract", base / "in", "-o", base / "out")
    assert result.exit_code == 1, result.output
    return base / "out"


@pytest.fixture(params=["seed_out", "mixed_out"])
def any_out(request: pytest.FixtureRequest) -> Path:
    out: Path = request.getfixturevalue(request.param)
    return out


# --- the files --------------------------------------------------------------


def test_all_twelve_outputs_are_written(any_out: Path) -> None:
    assert sorted(p.name for p in any_out.iterdir()) == sorted(OUTPUT_FILES)


def test_no_temporary_file_is_left_behind(any_out: Path) -> None:
    assert not [p.name for p in any_out.iterdir() if p.name.startswith(".") or "part" in p.suffix]


@pytest.mark.parametrize("name", list(CONTRACT_COLUMNS))
def test_csv_has_exactly_the_declared_columns(any_out: Path, name: str) -> None:
    table = read_table(any_out, name)
    assert list(table.columns) == list(COLUMNS[name])
    assert set(CONTRACT_COLUMNS[name]) <= set(table.columns)


def test_projects_csv_columns_follow_the_record_order(seed_out: Path) -> None:
    assert list(read_table(seed_out, "projects").columns) == list(CONTRACT_COLUMNS["projects"])


@pytest.mark.parametrize("name", list(KEYS))
def test_keys_are_unique_and_never_blank(mixed_out: Path, name: str) -> None:
    table = read_table(mixed_out, name)
    assert len(table) > 0
    keys = list(KEYS[name])
    assert not table.duplicated(subset=keys).any()
    assert (table[keys] != "").all().all()


@pytest.mark.parametrize("name", CHILD_TABLES)
def test_child_rows_point_at_a_project(mixed_out: Path, name: str) -> None:
    ids = set(read_table(mixed_out, "projects")["id"])
    table = read_table(mixed_out, name)
    assert len(table) > 0
    assert set(table["project_id"]) <= ids


@pytest.mark.parametrize("name", ["partners", "contacts", "news", "documents"])
def test_seq_counts_from_one_within_each_record(mixed_out: Path, name: str) -> None:
    table = read_table(mixed_out, name)
    for _, rows in table.groupby("project_id", sort=False):
        assert list(rows["seq"]) == [str(n) for n in range(1, len(rows) + 1)]


def test_tables_hold_every_nested_item_of_projects_json(mixed_out: Path) -> None:
    projects = read_json(mixed_out / "projects.json")
    for name in ("partners", "contacts", "news", "documents", "warnings"):
        assert len(read_table(mixed_out, name)) == sum(len(p[name]) for p in projects)
    assert len(read_table(mixed_out, "extra")) == sum(len(p["extra"]) for p in projects)
    assert list(read_table(mixed_out, "projects")["id"]) == [p["id"] for p in projects]


# --- the seed as rows -------------------------------------------------------


def test_seed_partners_are_ten_rows_of_the_seed_project(seed_out: Path) -> None:
    projects = read_table(seed_out, "projects")
    partners = read_table(seed_out, "partners")
    assert list(projects["id"]) == ["chemclust"]
    assert len(partners) == 10
    assert set(partners["project_id"]) == {"chemclust"}
    assert list(partners["seq"]) == [str(n) for n in range(1, 11)]
    assert list(partners["number"]) == [str(n) for n in range(1, 11)]
    assert list(partners["country"]) == ["DE", "DE", "ES", "PL", "CZ", "GB", "IT", "NL", "GB", "DE"]
    assert list(partners["role"]).count("lead") == 1
    assert partners.loc[4, "website"] == "http://www.kr-ustecky.cz/"
    assert partners.loc[0, "website"] == ""


def test_seed_project_row_has_plain_numbers(seed_out: Path) -> None:
    row = read_table(seed_out, "projects").iloc[0]
    assert row["total_budget"] == "1762400"
    assert row["eu_contribution"] == "1231950"
    assert row["eu_rate"] == "0.699"
    assert row["duration_months"] == "36"
    assert row["partner_count"] == "10"
    assert row["lead_partner"] == "Ministry of Economy and Labour of Saxony-Anhalt"
    assert row["total_budget_currency"] == "EUR"
    assert row["title"] == ""


def test_seed_project_row_has_its_source(seed_out: Path) -> None:
    row = read_table(seed_out, "projects").iloc[0]
    assert row["source_path"] == SEED_RELATIVE
    assert row["source_sha256"] == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert row["source_format"] == "tsv"
    assert row["source_encoding"] == "utf-8"


def test_numbers_have_no_separators_and_no_trailing_point_zero(seed_out: Path) -> None:
    raw = (seed_out / "projects.csv").read_text(encoding="utf-8")
    assert ",1762400,EUR,1231950,EUR,ERDF,0.699," in raw
    for name in ("projects", "partners"):
        text = (seed_out / f"{name}.csv").read_text(encoding="utf-8")
        assert "1.762.400" not in text and "1,762,400" not in text
        assert ".0," not in text and ".0\r\n" not in text


GAP_SHEET = (
    "Projekt\tGapProj\n"
    "Lead partner:\tFoo GmbH (DE)\n"
    "Partneři projektu\t\t\tweb\n"
    "2\tBar s.r.o. (CZ)\t\t\n"
    "Trvání:\t01/2010 – 12/2011\n"
)


def test_integer_columns_with_gaps_stay_integers(tmp_path: Path) -> None:
    """A null beside integers must not turn the column into floats (``2.0``)."""
    (tmp_path / "gaps.tsv").write_text(GAP_SHEET, encoding="utf-8")
    (tmp_path / "nodates.tsv").write_text("Projekt\tNoDates\n", encoding="utf-8")
    assert (
        run_cli(
            "extract", tmp_path / "gaps.tsv", tmp_path / "nodates.tsv", "-o", tmp_path / "out"
        ).exit_code
        == 0
    )
    partners = read_table(tmp_path / "out", "partners")
    assert list(partners["number"]) == ["", "2"]
    assert list(partners["role"]) == ["lead", "partner"]
    projects = read_table(tmp_path / "out", "projects").set_index("id")
    assert projects.loc["gapproj", "duration_months"] == "24"
    assert projects.loc["nodates", "duration_months"] == ""


def test_mixed_run_numbers_stay_plain(mixed_out: Path) -> None:
    projects = read_table(mixed_out, "projects")
    chemclust = projects[projects["name"] == "ChemClust"]
    assert sorted(chemclust["total_budget"]) == ["1762400", "1800000"]
    assert list(chemclust["duration_months"]) == ["36", "36"]
    assert list(chemclust["partner_count"]) == ["10", "10"]
    formula = projects[projects["source_path"].str.endswith("formula.tsv")].iloc[0]
    assert (formula["duration_months"], formula["total_budget"], formula["partner_count"]) == (
        "",
        "",
        "0",
    )


def test_csv_is_utf8_and_czech_letters_round_trip(seed_out: Path) -> None:
    (seed_out / "projects.csv").read_bytes().decode("utf-8")  # strict: raises if not UTF-8
    assert read_table(seed_out, "projects").loc[0, "national_partner"] == "Ústecký kraj"
    contact = read_table(seed_out, "contacts").iloc[0]
    assert contact["name"] == "Špoták Dalibor"
    assert contact["organisation"] == "KÚÚK"
    assert contact["email"] == "spotak.d@kr-ustecky.cz"
    assert read_table(seed_out, "partners").loc[4, "name"] == "Ústí Region"


def test_phone_numbers_are_left_as_numbers(seed_out: Path) -> None:
    contact = read_table(seed_out, "contacts").iloc[0]
    assert contact["phone"] == "+420475657938"
    assert contact["fax"] == "+420475200245"


def test_csv_module_reads_the_multiline_description_back_intact(seed_out: Path) -> None:
    with (seed_out / "projects.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    description = read_json(seed_out / "projects.json")[0]["description"]
    assert rows[0]["description"] == description
    paragraphs = rows[0]["description"].split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Cílem projektu je")
    assert '"chemickými regiony"' in paragraphs[2]
    assert paragraphs[2].endswith("evropské úrovni.")


@pytest.mark.parametrize("name", [n.removesuffix(".csv") for n in CSV_FILES])
def test_every_csv_row_ends_in_crlf(mixed_out: Path, name: str) -> None:
    data = (mixed_out / f"{name}.csv").read_bytes()
    assert data.endswith(b"\r\n")
    assert data.split(b"\r\n", 1)[0].decode() == ",".join(COLUMNS[name])
    with (mixed_out / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert all(len(row) == len(COLUMNS[name]) for row in rows)
    # Outside quoted cells every line break is CRLF; a bare LF only inside a quoted cell.
    unquoted = b"".join(data.split(b'"')[0::2])
    assert unquoted.count(b"\n") == unquoted.count(b"\r\n") == len(rows)


def test_seed_rows_of_the_other_tables(seed_out: Path) -> None:
    news = read_table(seed_out, "news")
    documents = read_table(seed_out, "documents")
    assert list(news["date"]) == ["2010-04"]
    assert news.loc[0, "text"].startswith("První workshop v Bruselu")
    assert list(documents["date"]) == ["2010-05"]
    assert documents.loc[0, "url"] == ""
    assert len(read_table(seed_out, "extra")) == 0
    assert len(read_table(seed_out, "warnings")) == 0
    assert len(read_table(seed_out, "errors")) == 0


# --- errors.csv and report.json -----------------------------------------------


def test_errors_csv_lists_each_failed_input_once(mixed_out: Path) -> None:
    errors = read_table(mixed_out, "errors")
    assert sorted(Path(p).name for p in errors["path"]) == ["empty.tsv", "image.png"]
    assert all(errors["message"] != "")
    empty = errors[errors["path"].str.endswith("empty.tsv")].iloc[0]
    assert empty["code"] == "empty"


def test_png_signature_fails_as_binary(mixed_out: Path) -> None:
    errors = read_table(mixed_out, "errors")
    image = errors[errors["path"].str.endswith("image.png")].iloc[0]
    assert image["code"] == "binary"


def test_failed_inputs_give_no_row_anywhere_else(mixed_out: Path) -> None:
    paths = set(read_table(mixed_out, "projects")["source_path"])
    assert not {p for p in paths if p.endswith(("empty.tsv", "image.png"))}


def test_report_counts_are_consistent(any_out: Path) -> None:
    report = read_json(any_out / "report.json")
    assert report["records"] + report["failures"] == report["inputs"]
    assert report["records"] == len(read_json(any_out / "projects.json"))
    assert report["failures"] == len(read_table(any_out, "errors"))
    assert report["warnings"] == len(read_table(any_out, "warnings"))


def test_report_of_the_mixed_run(mixed_out: Path) -> None:
    report = read_json(mixed_out / "report.json")
    assert (report["inputs"], report["records"], report["failures"]) == (5, 3, 2)
    assert report["failure_codes"]["empty"] == 1
    assert sum(report["failure_codes"].values()) == 2
    assert sorted(Path(f["path"]).name for f in report["failed"]) == ["empty.tsv", "image.png"]
    assert report["warnings"] >= 1


def test_report_has_field_coverage_and_no_timings(seed_out: Path) -> None:
    """The inputs alone decide the report (contract v1.1): timings go to
    stderr and to ``--timings FILE``, never into the output folder."""
    report = read_json(seed_out / "report.json")
    coverage = report["coverage"]
    for name in ("name", "total_budget", "partners", "contacts", "description"):
        assert coverage[name] == {"records": 1, "share": 1.0}
    assert coverage["title"] == {"records": 0, "share": 0.0}
    assert set(CONTRACT_SCALARS[1:]) <= set(coverage)
    assert not {"elapsed_seconds", "files_per_second"} & set(report)


def test_report_names_the_tool_version(seed_out: Path) -> None:
    from importlib.metadata import version

    assert read_json(seed_out / "report.json")["version"] == version("chemclust-extract")


# --- cells that look like formulas ------------------------------------------


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("@SUM(1)", "'@SUM(1)"),
        ("+cmd|calc", "'+cmd|calc"),
        ("-2+3", "'-2+3"),
        ("=1", "'=1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
    ],
    ids=["hyperlink", "at-sum", "plus-cmd", "minus-sum", "equals-number", "tab", "cr"],
)
def test_neutralise_makes_formula_text_inert(cell: str, written: str) -> None:
    assert neutralise(cell) == written


@pytest.mark.parametrize(
    "cell",
    ["-5", "+420475657938", "1762400", "0.699", "-0.5", 1762400, 0.699, None, "Ústí", "a=b", ""],
    ids=repr,
)
def test_neutralise_leaves_numbers_and_plain_text(cell: object) -> None:
    assert neutralise(cell) == cell


def test_formula_cells_are_inert_end_to_end(mixed_out: Path) -> None:
    projects = read_table(mixed_out, "projects")
    row = projects[projects["source_path"].str.endswith("formula.tsv")].iloc[0]
    assert row["name"] == '\'=HYPERLINK("http://x")'
    assert row["programme"] == "'@SUM(1)"
    # A number is no partner's name (contract v1.1): it stays raw in extra,
    # where the number is written as a number, not made text.
    assert row["national_partner"] == ""
    extra = read_table(mixed_out, "extra")
    values = dict(zip(extra["label"], extra["value"], strict=True))
    assert values["Poznámka"] == "'+cmd|calc"
    assert values["Kód"] == "-5"
    assert values["Partner za ČR"] == "-5"


def test_no_csv_cell_could_run_as_a_formula(mixed_out: Path) -> None:
    for name in CSV_FILES:
        with (mixed_out / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                        digits = cell[1:].replace(".", "", 1)
                        assert digits.isascii() and digits.isdigit(), (name, cell)


def test_projects_json_keeps_the_text_as_written(mixed_out: Path) -> None:
    record = next(
        p
        for p in read_json(mixed_out / "projects.json")
        if p["source"]["path"].endswith("formula.tsv")
    )
    assert record["name"] == '=HYPERLINK("http://x")'
    assert record["programme"] == "@SUM(1)"


def test_untouched_numbers_end_to_end(seed_out: Path) -> None:
    assert read_table(seed_out, "projects").loc[0, "total_budget"] == "1762400"
    assert read_table(seed_out, "contacts").loc[0, "phone"] == "+420475657938"


# --- determinism and ids ------------------------------------------------------


def test_two_runs_write_byte_identical_data(tmp_path: Path) -> None:
    inputs = make_mixed_inputs(tmp_path / "in")
    first = run_cli("extract", inputs, "-o", tmp_path / "one")
    second = run_cli("extract", inputs, "-o", tmp_path / "two")
    assert first.exit_code == second.exit_code == 1
    for name in ("projects.json", *CSV_FILES):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), (
            name
        )


def test_argument_order_does_not_change_the_data(tmp_path: Path) -> None:
    inputs = make_mixed_inputs(tmp_path / "in")
    files = sorted(str(p) for p in inputs.iterdir())
    run_cli("extract", *files, "-o", tmp_path / "forward")
    run_cli("extract", *reversed(files), "-o", tmp_path / "backward")
    for name in ("projects.json", *CSV_FILES):
        assert (tmp_path / "forward" / name).read_bytes() == (
            tmp_path / "backward" / name
        ).read_bytes(), name


def test_parallel_jobs_write_the_same_data(tmp_path: Path) -> None:
    inputs = make_mixed_inputs(tmp_path / "in")
    run_cli("extract", inputs, "-o", tmp_path / "serial")
    run_cli("extract", inputs, "-o", tmp_path / "parallel", "--jobs", "2")
    for name in ("projects.json", *CSV_FILES):
        assert (tmp_path / "serial" / name).read_bytes() == (
            tmp_path / "parallel" / name
        ).read_bytes(), name


def test_sheets_sharing_a_name_get_ids_with_their_sha256(mixed_out: Path) -> None:
    projects = read_table(mixed_out, "projects")
    chemclust = projects[projects["name"] == "ChemClust"]
    assert len(chemclust) == 2
    for _, row in chemclust.iterrows():
        sha = hashlib.sha256(Path(row["source_path"]).read_bytes()).hexdigest()
        assert row["source_sha256"] == sha
        assert row["id"] == f"chemclust-{sha[:8]}"
    partners = read_table(mixed_out, "partners")
    assert set(partners["project_id"]) == set(chemclust["id"])
    assert partners.groupby("project_id").size().to_dict() == dict.fromkeys(chemclust["id"], 10)


def test_suffixed_id_does_not_depend_on_the_other_inputs(tmp_path: Path) -> None:
    seed_text = SEED.read_text(encoding="utf-8")
    (tmp_path / "b.tsv").write_text(second_seed(seed_text), encoding="utf-8")
    (tmp_path / "a.tsv").write_bytes(SEED.read_bytes())
    sha_a = hashlib.sha256(SEED.read_bytes()).hexdigest()
    sha_b = hashlib.sha256((tmp_path / "b.tsv").read_bytes()).hexdigest()
    run_cli("extract", tmp_path / "b.tsv", tmp_path / "a.tsv", "-o", tmp_path / "out")
    ids = {p["source"]["sha256"]: p["id"] for p in read_json(tmp_path / "out" / "projects.json")}
    assert ids == {sha_a: f"chemclust-{sha_a[:8]}", sha_b: f"chemclust-{sha_b[:8]}"}
    run_cli("extract", tmp_path / "a.tsv", "-o", tmp_path / "alone")
    assert [p["id"] for p in read_json(tmp_path / "alone" / "projects.json")] == ["chemclust"]


# --- the library behind the CLI -------------------------------------------------


def test_extract_file_gives_the_record_the_cli_writes(seed_out: Path) -> None:
    record = extract_file(SEED_RELATIVE)
    assert isinstance(record, Record)
    assert [record.to_dict()] == read_json(seed_out / "projects.json")


def test_extract_many_yields_records_and_failures_in_order(tmp_path: Path) -> None:
    inputs = make_mixed_inputs(tmp_path / "in")
    paths = [inputs / "chemclust.tsv", inputs / "empty.tsv", inputs / "formula.tsv"]
    results = list(extract_many(paths))
    assert [type(r) for r in results] == [Record, Failure, Record]
    empty = results[1]
    assert isinstance(empty, Failure)
    assert (empty.code, Path(empty.path).name) == ("empty", "empty.tsv")


def test_run_batch_writes_what_the_cli_writes(tmp_path: Path, seed_out: Path) -> None:
    result = run_batch([SEED_RELATIVE], tmp_path / "out")
    assert result.exit_code == 0
    assert [r.id for r in result.records] == ["chemclust"]
    assert result.failures == ()
    assert sorted(p.name for p in result.written) == sorted(OUTPUT_FILES)
    for name in ("projects.json", *CSV_FILES):
        assert (tmp_path / "out" / name).read_bytes() == (seed_out / name).read_bytes(), name
    assert result.report["records"] == 1
