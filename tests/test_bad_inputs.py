"""Every input gives a record or a failure with a code and a message, and a
bad file never stops the others.  ``tests/bad/`` holds one file per failure
code:

==================== ============== =========================================
file                 code           why
==================== ============== =========================================
empty.tsv            empty          0 bytes
blank.txt            empty          white space only
scan.png, report.pdf binary         an image and a PDF, by their signatures
cyrillic-1251.tsv    undecodable    Russian in windows-1251: no sheet language
                                    in any candidate code page
too-large.tsv        too_large      a real sheet, read with a 1 KB limit
notes.txt            no_fields      Czech text that is not a project sheet
broken-link.tsv      unreadable     a link to a file that does not exist
letter.rtf           unsupported    an RTF document
==================== ============== =========================================

``timeout`` is decided by the run's time budget, not by a file: it is
tested in ``test_hardening.py`` with sheets generated to be slow.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from chemclust_extract import Failure, Options, Record, extract_file, run_batch
from chemclust_extract.cli import main
from chemclust_extract.model import FAILURE_CODES

from .conftest import TESTS

BAD = TESTS / "bad"
EXPECTED = {
    "empty.tsv": ("empty", "the file is empty"),
    "blank.txt": ("empty", "the file holds only white space"),
    "scan.png": ("binary", "not a text sheet: a PNG image"),
    "report.pdf": ("binary", "not a text sheet: a PDF document"),
    "cyrillic-1251.tsv": (
        "undecodable",
        "reads as no Czech, Slovak, Polish, German or English text",
    ),
    "too-large.tsv": ("too_large", "2601 bytes is over the limit of 1024"),
    "notes.txt": ("no_fields", "no label of a project sheet was recognised"),
    "broken-link.tsv": ("unreadable", "a link to a file that does not exist"),
    "letter.rtf": ("unsupported", "RTF document, not a project sheet"),
}
GOOD_SHEET = "Projekt\tGOODONE\nProgram\tInterreg V-A\nTrvání\t01/2016 – 12/2019\n"
ONE_KB = Options(max_size=1024)


# Codes that no file's content decides: the run's own limits do.  Each is
# tested with inputs generated for it, named here.
DECIDED_BY_THE_RUN = {
    "timeout": "test_a_sheet_over_its_time_budget_is_a_timeout_and_the_batch_goes_on",
    "internal_error": "test_a_fault_of_the_tool_fails_one_file_not_the_batch",
}


def test_there_is_a_bad_file_for_every_failure_code() -> None:
    from . import test_hardening

    assert {code for code, _ in EXPECTED.values()} == set(FAILURE_CODES) - set(DECIDED_BY_THE_RUN)
    assert all(hasattr(test_hardening, name) for name in DECIDED_BY_THE_RUN.values())
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_fails_with_its_code_and_message(name: str) -> None:
    result = extract_file(BAD / name, ONE_KB)
    assert isinstance(result, Failure)
    code, message = EXPECTED[name]
    assert result.code == code
    assert message in result.message
    assert result.path == (BAD / name).as_posix()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    sheet = tmp_path / "good.tsv"
    sheet.write_text(GOOD_SHEET, encoding="utf-8")
    return sheet


def test_a_batch_of_bad_files_still_extracts_the_good_one(good: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch([BAD, good], out, ONE_KB)
    assert result.exit_code == 1
    assert [r.name for r in result.records] == ["GOODONE"]
    assert {Path(f.path).name: f.code for f in result.failures} == {
        n: c for n, (c, _) in EXPECTED.items()
    }
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (report["inputs"], report["records"], report["failures"]) == (
        len(EXPECTED) + 1,
        1,
        len(EXPECTED),
    )
    assert report["complete"] is True
    errors = (out / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert len(errors) == len(EXPECTED) + 1  # header and one row per failed file


def test_cli_reports_each_failure_and_exits_1(good: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(BAD), str(good), "-o", str(tmp_path / "o"), "--max-size", "1K"]
    )
    assert result.exit_code == 1, result.output
    for name, (code, message) in EXPECTED.items():
        assert f"{(BAD / name).as_posix()}: {code}: {message}" in result.output
    assert "1 record(s)" in result.output


def test_a_folder_named_like_a_sheet_is_unreadable_when_a_glob_names_it(
    good: Path, tmp_path: Path
) -> None:
    (tmp_path / "x.tsv").mkdir()
    result = run_batch([str(tmp_path / "*.tsv")], tmp_path / "out")
    assert [(Path(f.path).name, f.code, f.message) for f in result.failures] == [
        ("x.tsv", "unreadable", "a folder, not a file")
    ]
    assert [r.name for r in result.records] == ["GOODONE"]


def test_a_file_that_vanishes_mid_run_is_unreadable(good: Path) -> None:
    good.unlink()
    result = extract_file(good)
    assert isinstance(result, Failure)
    assert (result.code, result.message) == ("unreadable", "the file does not exist")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_file_without_read_permission_is_unreadable(good: Path) -> None:
    good.chmod(0)
    result = extract_file(good)
    assert isinstance(result, Failure)
    assert result.code == "unreadable"
    assert "ermission denied" in result.message


def test_stray_nuls_are_dropped_with_a_warning(tmp_path: Path) -> None:
    sheet = tmp_path / "nul.tsv"
    sheet.write_bytes(GOOD_SHEET.replace("GOODONE", "GOOD\x00ONE").encode("utf-8"))
    record = extract_file(sheet)
    assert isinstance(record, Record)
    assert record.name == "GOODONE"
    assert [(w.field, w.code) for w in record.warnings] == [("source", "nul_bytes")]


def test_a_truncated_sheet_gives_what_it_holds_with_a_warning(tmp_path: Path) -> None:
    sheet = tmp_path / "cut.tsv"
    # cut inside the two bytes of the last "ý"
    sheet.write_bytes((GOOD_SHEET + "Partner za ČR:\tÚstecký").encode("utf-8")[:-1])
    record = extract_file(sheet)
    assert isinstance(record, Record)
    assert record.name == "GOODONE" and record.national_partner == "Ústeck"
    assert [w.code for w in record.warnings] == ["truncated"]
