"""``chemclust-extract check``: fixture folders as a CI gate, partial
expectations, skip marks, expected failures, ``--update``, JUnit XML and
JSON, and the diff underneath them."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from chemclust_extract.check import (
    CheckError,
    Difference,
    diff,
    find_fixtures,
    run_check,
    updated_expectation,
)
from chemclust_extract.cli import main

from .conftest import FIXTURES, ROOT, SAMPLES

VLTAVA = SAMPLES / "vltava-cz.tsv"  # windows-1250, CZK amounts, one lead partner
SEED = FIXTURES / "chemclust.tsv"  # ten partners


def run_check_cli(*args: str | Path, color: bool = False) -> Result:
    result = CliRunner().invoke(
        main, ["check", *map(str, args)], prog_name="chemclust-extract", color=color
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def golden(sheet: Path) -> dict[str, Any]:
    """The sheet's golden record without ``source``, whose path names
    where the golden's own sheet lies."""
    data: dict[str, Any] = read_json(FIXTURES / f"{sheet.stem}.expected.json")
    del data["source"]
    return data


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def fixture(folder: Path, sheet: Path, expectation: Any, name: str | None = None) -> Path:
    """Copy ``sheet`` into ``folder`` (as ``name``) with its expectation
    beside it; the path of the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / (name or sheet.name)
    shutil.copyfile(sheet, copy)
    write_expectation(copy, expectation)
    return copy


def write_expectation(sheet: Path, expectation: Any) -> Path:
    path = sheet.with_name(sheet.stem + ".expected.json")
    path.write_text(json.dumps(expectation, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def expectation_of(sheet: Path) -> Any:
    return read_json(sheet.with_name(sheet.stem + ".expected.json"))


# --- the gate -------------------------------------------------------------


def test_a_folder_whose_records_are_as_expected_passes(tmp_path: Path) -> None:
    fixture(tmp_path, VLTAVA, golden(VLTAVA))
    fixture(tmp_path / "deeper" / "still", SEED, golden(SEED))
    result = run_check_cli(tmp_path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines == [
        f"PASS {tmp_path.as_posix()}/deeper/still/chemclust.tsv",
        f"PASS {tmp_path.as_posix()}/vltava-cz.tsv",
        "check: 2 passed, 0 failed",
    ]


def test_a_changed_expectation_fails_with_the_field_path_and_both_values(tmp_path: Path) -> None:
    expected = golden(SEED)
    expected["partners"][3]["country"] = "AT"
    expected["eu_fund"] = "CF"
    fixture(tmp_path, SEED, expected)
    fixture(tmp_path, VLTAVA, golden(VLTAVA))
    result = run_check_cli(tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    failed = lines.index(f"FAIL {tmp_path.as_posix()}/chemclust.tsv")
    actual_country = golden(SEED)["partners"][3]["country"]
    assert lines[failed + 1 : failed + 3] == [
        '  eu_fund: expected "CF", got "ERDF"',
        f'  partners[3].country: expected "AT", got "{actual_country}"',
    ]
    assert f"PASS {tmp_path.as_posix()}/vltava-cz.tsv" in lines
    assert lines[-1] == "check: 1 passed, 1 failed"


def test_a_list_of_another_length_differs_at_the_first_item_one_side_lacks(
    tmp_path: Path,
) -> None:
    expected = golden(SEED)
    extra_partner = {"number": 11, "name": "X", "country": "CZ", "role": "partner", "website": None}
    expected["partners"].append(extra_partner)
    fixture(tmp_path, SEED, expected)
    result = run_check_cli(tmp_path)
    assert result.exit_code == 1
    assert (
        '  partners[10]: expected {"number": 11, "name": "X", "country": "CZ", '
        '"role": "partner", "website": null}, got (absent)'
    ) in result.stdout.splitlines()


def test_a_long_text_is_shown_around_where_it_differs(tmp_path: Path) -> None:
    expected = golden(SEED)
    description = expected["description"]
    at = len(description) // 2
    expected["description"] = description[:at] + "XYZ" + description[at + 3 :]
    fixture(tmp_path, SEED, expected)
    line = next(x for x in run_check_cli(tmp_path).stdout.splitlines() if "description" in x)
    assert "XYZ" in line and len(line) < 300 and line.count("…") == 4


def test_a_partial_expectation_checks_only_the_fields_it_holds(tmp_path: Path) -> None:
    whole = golden(VLTAVA)
    partial = {
        "name": whole["name"],
        "total_budget": 45600000,
        "partners": [{"role": "lead"}],
        "contacts": [{"email": whole["contacts"][0]["email"]}],
    }
    sheet = fixture(tmp_path, VLTAVA, partial)
    assert run_check_cli(tmp_path).exit_code == 0
    write_expectation(sheet, partial | {"partners": [{"role": "partner"}]})
    result = run_check_cli(tmp_path)
    assert result.exit_code == 1
    assert '  partners[0].role: expected "partner", got "lead"' in result.stdout.splitlines()


def test_a_key_the_record_lacks_is_a_difference(tmp_path: Path) -> None:
    fixture(tmp_path, VLTAVA, {"name": golden(VLTAVA)["name"], "acronym": "RNV"})
    result = run_check_cli(tmp_path)
    assert result.exit_code == 1
    assert '  acronym: expected "RNV", got (absent)' in result.stdout.splitlines()


@pytest.mark.parametrize("mark", ["…", {"$ignore": True}], ids=["ellipsis", "$ignore"])
def test_a_skip_mark_skips_a_value_and_what_it_holds(tmp_path: Path, mark: Any) -> None:
    expected = golden(SEED)
    expected["description"] = mark
    expected["partners"][0] = mark
    expected["contacts"] = mark
    expected["partners"][1]["name"] = mark
    fixture(tmp_path, SEED, expected)
    assert run_check_cli(tmp_path).exit_code == 0
    expected["partners"][2]["name"] = "Someone else"
    fixture(tmp_path, SEED, expected)
    result = run_check_cli(tmp_path)
    assert result.exit_code == 1
    assert [x for x in result.stdout.splitlines() if x.startswith("  ")] == [
        f'  partners[2].name: expected "Someone else", got "{golden(SEED)["partners"][2]["name"]}"'
    ]


def test_only_money_fields_get_the_tolerance(tmp_path: Path) -> None:
    expected = golden(SEED)
    expected["total_budget"] += 1
    expected["eu_contribution"] -= 0.5
    sheet = fixture(tmp_path, SEED, expected)
    exact = run_check_cli(tmp_path)
    assert exact.exit_code == 1
    assert "  total_budget: expected 1762401, got 1762400" in exact.stdout.splitlines()
    assert "  eu_contribution: expected 1231949.5, got 1231950" in exact.stdout.splitlines()
    assert run_check_cli(tmp_path, "--tolerance", "1").exit_code == 0
    assert run_check_cli(tmp_path, "--tolerance", "0.5").exit_code == 1
    write_expectation(sheet, expected | {"duration_months": 37})
    loose = run_check_cli(tmp_path, "--tolerance", "1000")
    assert loose.exit_code == 1
    assert "  duration_months: expected 37, got 36" in loose.stdout.splitlines()


def test_a_bad_tolerance_is_a_usage_error(tmp_path: Path) -> None:
    fixture(tmp_path, VLTAVA, {})
    assert run_check_cli(tmp_path, "--tolerance", "-1").exit_code == 2


# --- sheets that fail -----------------------------------------------------


def test_a_failing_sheet_passes_only_with_its_failure_expected(tmp_path: Path) -> None:
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    write_expectation(empty, {"$failure": "empty"})
    assert run_check_cli(tmp_path).exit_code == 0

    write_expectation(empty, {"$failure": "binary"})
    wrong_code = run_check_cli(tmp_path)
    assert wrong_code.exit_code == 1
    assert '  $failure: expected "binary", got "empty"' in wrong_code.stdout.splitlines()
    assert "  the sheet gave no record: empty: the file is empty" in wrong_code.stdout.splitlines()

    write_expectation(empty, {"id": "empty"})
    a_record = run_check_cli(tmp_path)
    assert a_record.exit_code == 1
    assert '  $failure: expected (absent), got "empty"' in a_record.stdout.splitlines()


def test_a_sheet_that_gives_a_record_fails_a_failure_expectation(tmp_path: Path) -> None:
    fixture(tmp_path, VLTAVA, {"$failure": "undecodable"})
    result = run_check_cli(tmp_path)
    assert result.exit_code == 1
    assert '  $failure: expected "undecodable", got (absent)' in result.stdout.splitlines()
    # The options of extract reach the extraction: read as UTF-8 it fails so.
    assert run_check_cli(tmp_path, "--encoding", "utf-8").exit_code == 0


def test_an_unknown_failure_code_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    write_expectation(empty, {"$failure": "emtpy"})
    result = run_check_cli(tmp_path)
    assert result.exit_code == 1
    assert "unknown failure code 'emtpy'" in result.stdout


def test_an_expectation_that_is_no_json_fails_its_case_not_the_run(tmp_path: Path) -> None:
    sheet = fixture(tmp_path, VLTAVA, {})
    sheet.with_name("vltava-cz.expected.json").write_text("{oops", encoding="utf-8")
    fixture(tmp_path, SEED, {"id": "chemclust"})
    result = run_check_cli(tmp_path)
    assert result.exit_code == 1
    assert "cannot be read as JSON" in result.stdout
    assert result.stdout.splitlines()[-1] == "check: 1 passed, 1 failed"


# --- --update -------------------------------------------------------------


def test_update_rewrites_a_partial_expectation_and_keeps_it_partial(tmp_path: Path) -> None:
    partial = {
        "name": "Old name",
        "description": "…",
        "partners": [{"country": "XX", "website": {"$ignore": True}}],
        "extra": {"Gone label": "x"},
    }
    sheet = fixture(tmp_path, SEED, partial)
    result = run_check_cli(tmp_path, "--update")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"UPDATED {sheet.as_posix()}"
    assert '  name: was "Old name", now "ChemClust"' in lines
    assert '  partners[0].country: was "XX", now "DE"' in lines
    assert lines[-1] == "check: 0 passed, 0 failed, 1 updated"

    rewritten = expectation_of(sheet)
    partners = golden(SEED)["partners"]
    assert rewritten == {
        "name": "ChemClust",
        "description": "…",
        # new items take the shape of the first one: its keys and skip marks
        "partners": [{"country": p["country"], "website": {"$ignore": True}} for p in partners],
        "extra": {},
    }
    again = run_check_cli(tmp_path)
    assert again.exit_code == 0
    assert again.stdout.splitlines()[-1] == "check: 1 passed, 0 failed"


def test_update_leaves_a_passing_expectation_byte_for_byte(tmp_path: Path) -> None:
    sheet = fixture(tmp_path, VLTAVA, golden(VLTAVA) | {"total_budget": 45600000.0})
    before = sheet.with_name("vltava-cz.expected.json").read_bytes()
    result = run_check_cli(tmp_path, "--update")
    assert result.exit_code == 0
    assert sheet.with_name("vltava-cz.expected.json").read_bytes() == before


def test_update_writes_a_whole_expectation_beside_a_sheet_that_has_none(tmp_path: Path) -> None:
    (tmp_path / "sheets").mkdir()
    sheet = tmp_path / "sheets" / "vltava-cz.tsv"
    shutil.copyfile(VLTAVA, sheet)
    (tmp_path / "sheets" / "empty.txt").write_bytes(b"")
    assert run_check_cli(tmp_path).exit_code == 2  # nothing to check yet
    result = run_check_cli(tmp_path, "--update")
    assert result.exit_code == 0, result.output
    assert f"NEW {sheet.as_posix()} -> {tmp_path.as_posix()}/sheets/vltava-cz.expected.json" in (
        result.stdout.splitlines()
    )
    written = expectation_of(sheet)
    assert written == golden(VLTAVA) | {"source": written["source"]}
    assert written["source"]["path"] == sheet.as_posix()
    assert expectation_of(tmp_path / "sheets" / "empty.txt") == {"$failure": "empty"}
    assert run_check_cli(tmp_path).stdout.splitlines()[-1] == "check: 2 passed, 0 failed"


def test_update_turns_a_failure_expectation_into_a_record_and_back(tmp_path: Path) -> None:
    sheet = fixture(tmp_path, VLTAVA, {"$failure": "empty"})
    assert run_check_cli(tmp_path, "--update").exit_code == 0
    assert expectation_of(sheet)["name"] == golden(VLTAVA)["name"]
    sheet.write_bytes(b"")
    assert run_check_cli(tmp_path, "--update").exit_code == 0
    assert expectation_of(sheet) == {"$failure": "empty"}


# --- finding fixtures -----------------------------------------------------


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_check_cli(tmp_path)
    assert result.exit_code == 2
    assert "no fixture found" in result.stderr
    with pytest.raises(CheckError, match="no fixture found"):
        run_check([tmp_path])


def test_a_folder_that_is_not_there_is_a_usage_error(tmp_path: Path) -> None:
    result = run_check_cli(tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "no such folder" in result.stderr


def test_hidden_files_notes_and_expectations_are_no_sheets(tmp_path: Path) -> None:
    fixture(tmp_path, VLTAVA, {"name": golden(VLTAVA)["name"]})
    (tmp_path / "README.md").write_text("# fixtures\n", encoding="utf-8")
    (tmp_path / ".hidden.tsv").write_bytes(b"")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.tsv").write_bytes(b"")
    found = find_fixtures([tmp_path])
    assert [f.sheet for f in found.fixtures] == [tmp_path / "vltava-cz.tsv"]
    assert found.unchecked == () and found.new == ()


def test_a_sheet_pairs_with_its_names_expectation_in_another_folder(tmp_path: Path) -> None:
    sheets, expected = tmp_path / "sheets", tmp_path / "expected"
    sheets.mkdir()
    shutil.copyfile(VLTAVA, sheets / "vltava-cz.tsv")
    expected.mkdir()
    write_expectation(expected / "vltava-cz.tsv", {"name": golden(VLTAVA)["name"]})
    result = run_check_cli(sheets, expected)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"PASS {sheets.as_posix()}/vltava-cz.tsv"
    # Alone, neither folder is a fixture folder: the expectation has no sheet.
    alone = run_check_cli(expected)
    assert alone.exit_code == 1
    assert "no sheet vltava-cz.* beside it or in the folders given" in alone.stdout


def test_a_copy_of_a_fixtures_sheet_elsewhere_is_listed_not_checked(tmp_path: Path) -> None:
    fixture(tmp_path / "fixtures", VLTAVA, {"name": golden(VLTAVA)["name"]})
    (tmp_path / "samples").mkdir()
    shutil.copyfile(VLTAVA, tmp_path / "samples" / "vltava-cz.tsv")
    result = run_check_cli(tmp_path / "samples", tmp_path / "fixtures", "--update")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith(
        f"SKIP {tmp_path.as_posix()}/samples/vltava-cz.tsv (no expectation of its own; "
    )
    assert not (tmp_path / "samples" / "vltava-cz.expected.json").exists()


def test_two_expectations_one_sheets_name_points_at_are_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "sheets").mkdir()
    shutil.copyfile(VLTAVA, tmp_path / "sheets" / "vltava-cz.tsv")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write_expectation(tmp_path / folder / "vltava-cz.tsv", {})
    result = run_check_cli(tmp_path)
    assert result.exit_code == 2
    assert "several expectations of its name" in result.stderr


# --- output forms ---------------------------------------------------------


def test_junit_xml_parses_and_holds_each_failure_with_its_diff(tmp_path: Path) -> None:
    fixtures = tmp_path / "fixtures"
    fixture(fixtures, VLTAVA, golden(VLTAVA))
    fixture(fixtures, SEED, {"name": "ChemClust", "programme": "Interreg IIIC"})
    report = tmp_path / "report.xml"
    result = run_check_cli(fixtures, "--junit", report)
    assert result.exit_code == 1
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert set(cases) == {"chemclust.tsv", "vltava-cz.tsv"}
    assert {c.get("classname") for c in cases.values()} == {fixtures.as_posix()}
    assert cases["vltava-cz.tsv"].find("failure") is None
    failure = cases["chemclust.tsv"].find("failure")
    assert failure is not None
    assert failure.get("message") == "1 difference"
    assert failure.text == 'programme: expected "Interreg IIIC", got "Interreg IVC"'


def test_junit_xml_is_the_same_bytes_for_the_same_results(tmp_path: Path) -> None:
    fixture(tmp_path / "f", VLTAVA, golden(VLTAVA))
    first, second = tmp_path / "1.xml", tmp_path / "2.xml"
    run_check_cli(tmp_path / "f", "--junit", first)
    run_check_cli(tmp_path / "f", "--junit", second)
    assert first.read_bytes() == second.read_bytes()


def test_json_prints_the_results_alone_on_stdout(tmp_path: Path) -> None:
    fixture(tmp_path, VLTAVA, golden(VLTAVA))
    fixture(tmp_path, SEED, {"name": "ChemClust", "partners": []})
    result = run_check_cli(tmp_path, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["passed"], data["failed"], data["updated"]) == (1, 1, 0)
    by_name = {c["name"]: c for c in data["cases"]}
    seed = by_name[f"{tmp_path.as_posix()}/chemclust.tsv"]
    assert seed["status"] == "fail"
    assert seed["expectation"] == f"{tmp_path.as_posix()}/chemclust.expected.json"
    assert seed["differences"][0] == {
        "path": "partners[0]",  # the expected side is absent, so left out
        "actual": golden(SEED)["partners"][0],
    }
    assert len(seed["differences"]) == 10
    assert by_name[f"{tmp_path.as_posix()}/vltava-cz.tsv"]["differences"] == []
    assert result.stderr.splitlines()[-1] == "check: 1 passed, 1 failed"


def test_quiet_prints_failures_and_the_summary_only(tmp_path: Path) -> None:
    fixture(tmp_path, VLTAVA, golden(VLTAVA))
    fixture(tmp_path, SEED, {"name": "Other"})
    lines = run_check_cli(tmp_path, "-q").stdout.splitlines()
    assert lines == [
        f"FAIL {tmp_path.as_posix()}/chemclust.tsv",
        '  name: expected "Other", got "ChemClust"',
        "check: 1 passed, 1 failed",
    ]


def test_colours_reach_a_terminal_only(tmp_path: Path) -> None:
    fixture(tmp_path, SEED, {"name": "Other"})
    coloured = run_check_cli(tmp_path, color=True).stdout
    plain = run_check_cli(tmp_path).stdout
    assert "\x1b[" in coloured.split("check:")[0]
    assert "\x1b[" not in plain
    assert coloured.splitlines()[-1] == plain.splitlines()[-1] == "check: 0 passed, 1 failed"


def test_check_has_an_example_in_its_help() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "--junit" in result.output


# --- the project's own folders --------------------------------------------


def test_samples_and_the_golden_fixtures_are_a_fixture_folder_that_passes() -> None:
    result = run_check_cli("samples", "tests/fixtures")
    assert result.exit_code == 0, result.output
    goldens = len(list(FIXTURES.glob("*.expected.json")))
    assert result.stdout.splitlines()[-1] == f"check: {goldens} passed, 0 failed"
    assert "SKIP samples/chemclust.tsv" in result.stdout  # the seed, checked as the fixture


def test_the_corpus_with_its_partial_expectations_passes() -> None:
    corpus = ROOT / "tests" / "corpus"
    assert all("source" not in read_json(p) for p in corpus.glob("*.expected.json"))
    result = run_check_cli("tests/corpus", "-q")
    assert result.exit_code == 0, result.output
    sheets = len(list(corpus.glob("*.expected.json")))
    assert result.stdout.splitlines() == [f"check: {sheets} passed, 0 failed"]


# --- the diff as a property -----------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5)
    | st.sampled_from(["…", "total_budget"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["total_budget", "name", "$ignore", "a b", "partners"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)
PROPERTY = settings(max_examples=300, deadline=None)


@PROPERTY
@given(JSON_VALUES, st.booleans())
def test_a_value_never_differs_from_itself(value: Any, exact: bool) -> None:
    assert diff(value, value, exact=exact) == []


@PROPERTY
@given(JSON_VALUES, JSON_VALUES)
def test_values_that_are_not_equal_always_differ_somewhere(one: Any, other: Any) -> None:
    if one != other:
        assert diff(one, other, exact=True) != []


@PROPERTY
@given(JSON_VALUES, JSON_VALUES, st.sampled_from([0, 0.5, 1000]))
def test_an_updated_expectation_matches_what_it_was_updated_from(
    expected: Any, actual: Any, tolerance: float
) -> None:
    renewed = updated_expectation(expected, actual, tolerance=tolerance)
    assert diff(renewed, actual, tolerance=tolerance) == []
    assert updated_expectation(expected, actual, exact=True) == actual


@PROPERTY
@given(st.dictionaries(st.sampled_from(["id", "name", "partners", "extra"]), JSON_VALUES))
def test_leaving_keys_out_of_an_expectation_never_makes_a_difference(record: Any) -> None:
    for key in record:
        partial = {k: v for k, v in record.items() if k != key}
        assert diff(partial, record) == []
        assert [d.path for d in diff(partial, record, exact=True)] == [key]


def test_a_difference_as_json_leaves_an_absent_side_out() -> None:
    (difference,) = diff({"news": []}, {"news": [{"text": "x", "date": None}]})
    assert difference == Difference("news[0]", difference.expected, {"text": "x", "date": None})
    assert difference.to_dict() == {"path": "news[0]", "actual": {"text": "x", "date": None}}


@pytest.mark.parametrize("workflow", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_example_ci_workflows_install_check_and_publish_the_report(workflow: str) -> None:
    text = (ROOT / "examples" / "ci" / workflow).read_text(encoding="utf-8")
    assert 'pip install "$CHEMCLUST_EXTRACT"' in text
    _, after = text.split("chemclust-extract check fixtures/ --junit report.xml\n", 1)
    assert "report.xml" in after  # published once written
    assert f"examples/ci/{workflow}" in (ROOT / "README.md").read_text(encoding="utf-8")
