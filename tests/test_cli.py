"""The ``chemclust-extract`` command: help, version, exit statuses and which
files an INPUT names."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from chemclust_extract.cli import main

from .conftest import FIXTURES, ROOT

SEED = FIXTURES / "chemclust.tsv"
VERSION = version("chemclust-extract")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def run_cli(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], prog_name="chemclust-extract")
    # A traceback is never an answer: only click's own exits are.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def console_script() -> str:
    found = shutil.which("chemclust-extract", path=str(Path(sys.executable).parent))
    found = found or shutil.which("chemclust-extract")
    assert found, "the chemclust-extract console script is not installed"
    return found


def report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def source_paths(out: Path) -> list[str]:
    projects = json.loads((out / "projects.json").read_text(encoding="utf-8"))
    return [p["source"]["path"] for p in projects]


def copy_seed(to: Path) -> Path:
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED, to)
    return to


def make_failures(folder: Path) -> tuple[Path, Path]:
    """An empty file and random bytes behind a PNG signature."""
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / "empty.tsv"
    empty.write_bytes(b"")
    image = folder / "picture.png"
    image.write_bytes(PNG_SIGNATURE + random.Random(1).randbytes(3000))
    return empty, image


# --- help and version -------------------------------------------------------


def test_help_lists_the_extract_command() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: chemclust-extract [OPTIONS] COMMAND")
    assert "extract" in result.output
    assert "--version" in result.output


def test_extract_help_shows_options_and_an_example() -> None:
    result = run_cli("extract", "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "chemclust-extract extract samples/ -o output" in result.output
    for option in ("--output", "--encoding", "--max-size", "--jobs", "--quiet"):
        assert option in result.output
    assert "Exit status: 0 if every input gave a record" in " ".join(result.output.split())


def test_short_help_option() -> None:
    assert run_cli("extract", "-h").output == run_cli("extract", "--help").output


def test_version_comes_from_package_metadata() -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output == f"chemclust-extract, version {VERSION}\n"


def test_python_dash_m_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chemclust_extract", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"chemclust-extract, version {VERSION}\n"


def test_console_script_prints_the_version() -> None:
    done = subprocess.run(
        [console_script(), "--version"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert VERSION in done.stdout


# --- exit statuses -------------------------------------------------------------


def test_exit_0_when_every_input_gives_a_record(tmp_path: Path) -> None:
    result = run_cli("extract", SEED, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert report(tmp_path / "out")["records"] == 1
    assert "1 record(s)" in result.stderr


def test_exit_1_when_an_input_fails_and_the_others_are_still_written(tmp_path: Path) -> None:
    copy_seed(tmp_path / "in" / "chemclust.tsv")
    empty, image = make_failures(tmp_path / "in")
    result = run_cli("extract", tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert [Path(p).name for p in source_paths(tmp_path / "out")] == ["chemclust.tsv"]
    counts = report(tmp_path / "out")
    assert (counts["inputs"], counts["records"], counts["failures"]) == (3, 1, 2)
    assert f"{empty.as_posix()}: empty:" in result.stderr
    assert f"{image.as_posix()}:" in result.stderr


def test_exit_1_from_the_real_console_script(tmp_path: Path) -> None:
    seed = copy_seed(tmp_path / "in" / "chemclust.tsv")
    empty, _ = make_failures(tmp_path / "in")
    done = subprocess.run(
        [console_script(), "extract", str(seed), str(empty), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert f"{empty.as_posix()}: empty:" in done.stderr
    assert source_paths(tmp_path / "out") == [seed.as_posix()]


def test_exit_0_from_the_real_console_script(tmp_path: Path) -> None:
    done = subprocess.run(
        [console_script(), "extract", str(SEED), "-o", str(tmp_path / "out"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    assert source_paths(tmp_path / "out") == [SEED.as_posix()]


def test_too_large_file_is_a_failure_not_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("extract", SEED, "--max-size", "1K", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert report(tmp_path / "out")["failure_codes"] == {"too_large": 1}


@pytest.mark.parametrize("size", ["1048576", "512K", "512 kb", "20MB", "1G"])
def test_max_size_accepts_sizes_with_units(tmp_path: Path, size: str) -> None:
    assert SEED.stat().st_size < 512 * 1024
    assert run_cli("extract", SEED, "--max-size", size, "-o", tmp_path).exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["extract"], id="no-input"),
        pytest.param(["extract", "no/such/sheet.tsv"], id="missing-path"),
        pytest.param(["extract", "tests/fixtures/*.nothing-matches"], id="empty-glob"),
        pytest.param(
            ["extract", "tests/fixtures/chemclust.tsv", "--max-size", "lots"], id="max-size-word"
        ),
        pytest.param(
            ["extract", "tests/fixtures/chemclust.tsv", "--max-size", "1.5MB"],
            id="max-size-decimal",
        ),
        pytest.param(
            ["extract", "tests/fixtures/chemclust.tsv", "--max-size", "-1"], id="max-size-negative"
        ),
        pytest.param(
            ["extract", "tests/fixtures/chemclust.tsv", "--encoding", "klingon-8"], id="encoding"
        ),
        pytest.param(
            ["extract", "tests/fixtures/chemclust.tsv", "--candidates", "utf-8,nope"],
            id="candidates",
        ),
        pytest.param(["extract", "tests/fixtures/chemclust.tsv", "--jobs", "-1"], id="jobs"),
        pytest.param(["extract", "tests/fixtures/chemclust.tsv", "--no-such-option"], id="option"),
        pytest.param(["convert", "tests/fixtures/chemclust.tsv"], id="command"),
    ],
)
def test_exit_2_for_usage_errors(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "out"
    result = run_cli(*args, "-o", out) if args[0] == "extract" and len(args) > 1 else run_cli(*args)
    assert result.exit_code == 2, result.output
    assert "Error" in result.stderr
    assert not out.exists()  # a usage error writes nothing


def test_usage_error_names_the_bad_input(tmp_path: Path) -> None:
    result = run_cli("extract", SEED, "no/such/sheet.tsv", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "no/such/sheet.tsv" in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_encoding_is_named(tmp_path: Path) -> None:
    result = run_cli("extract", SEED, "--encoding", "klingon-8", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "klingon-8" in result.stderr


def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    result = run_cli("extract", SEED, "-o", tmp_path / "out")
    assert result.exit_code == 2


def test_quiet_prints_only_errors(tmp_path: Path) -> None:
    copy_seed(tmp_path / "in" / "chemclust.tsv")
    empty, _ = make_failures(tmp_path / "in")
    result = run_cli("extract", tmp_path / "in", "-o", tmp_path / "out", "--quiet")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert any(line.startswith(f"{empty.as_posix()}: empty:") for line in lines)


def test_default_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_seed(tmp_path / "chemclust.tsv")
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract", "chemclust.tsv").exit_code == 0
    assert source_paths(tmp_path / "output") == ["chemclust.tsv"]


# --- which files an INPUT names --------------------------------------------------


def test_input_file(tmp_path: Path) -> None:
    assert run_cli("extract", "tests/fixtures/chemclust.tsv", "-o", tmp_path).exit_code == 0
    assert source_paths(tmp_path) == ["tests/fixtures/chemclust.tsv"]


def test_input_folder_is_walked_recursively(tmp_path: Path) -> None:
    top = copy_seed(tmp_path / "in" / "chemclust.tsv")
    deep = copy_seed(tmp_path / "in" / "sub" / "deeper" / "copy.tsv")
    result = run_cli("extract", tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert sorted(source_paths(tmp_path / "out")) == sorted([top.as_posix(), deep.as_posix()])
    ids = [p["id"] for p in json.loads((tmp_path / "out" / "projects.json").read_text("utf-8"))]
    assert len(set(ids)) == 2


def test_input_glob(tmp_path: Path) -> None:
    a = copy_seed(tmp_path / "in" / "a.tsv")
    copy_seed(tmp_path / "in" / "b.txt")
    nested = copy_seed(tmp_path / "in" / "sub" / "c.tsv")
    assert run_cli("extract", f"{tmp_path}/in/*.tsv", "-o", tmp_path / "flat").exit_code == 0
    assert source_paths(tmp_path / "flat") == [a.as_posix()]
    assert run_cli("extract", f"{tmp_path}/in/**/*.tsv", "-o", tmp_path / "deep").exit_code == 0
    assert sorted(source_paths(tmp_path / "deep")) == [a.as_posix(), nested.as_posix()]


def test_several_inputs_at_once(tmp_path: Path) -> None:
    a = copy_seed(tmp_path / "one" / "a.tsv")
    b = copy_seed(tmp_path / "two" / "sub" / "b.tsv")
    c = copy_seed(tmp_path / "three" / "c.tsv")
    result = run_cli(
        "extract", a, tmp_path / "two", f"{tmp_path}/three/*.tsv", "-o", tmp_path / "out"
    )
    assert result.exit_code == 0
    assert sorted(source_paths(tmp_path / "out")) == sorted(p.as_posix() for p in (a, b, c))


def test_a_file_named_twice_gives_one_record(tmp_path: Path) -> None:
    a = copy_seed(tmp_path / "in" / "a.tsv")
    result = run_cli(
        "extract",
        a,
        a,
        tmp_path / "in",
        f"{tmp_path}/in/*.tsv",
        f"{tmp_path}/in/./a.tsv",
        "-o",
        tmp_path / "out",
    )
    assert result.exit_code == 0
    assert source_paths(tmp_path / "out") == [a.as_posix()]
    assert report(tmp_path / "out")["inputs"] == 1


def test_a_file_named_through_dot_dot_gives_one_record(tmp_path: Path) -> None:
    a = copy_seed(tmp_path / "in" / "a.tsv")
    (tmp_path / "in" / "sub").mkdir()
    result = run_cli("extract", a, f"{tmp_path}/in/sub/../a.tsv", "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert report(tmp_path / "out")["inputs"] == 1


def test_a_file_named_relative_and_absolute_gives_one_record(tmp_path: Path) -> None:
    result = run_cli("extract", "tests/fixtures/chemclust.tsv", SEED, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert report(tmp_path / "out")["inputs"] == 1


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    a = copy_seed(tmp_path / "in" / "a.tsv")
    copy_seed(tmp_path / "in" / ".hidden.tsv")
    copy_seed(tmp_path / "in" / ".git" / "sheet.tsv")
    copy_seed(tmp_path / "in" / "sub" / ".~lock.tsv")
    result = run_cli("extract", tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert source_paths(tmp_path / "out") == [a.as_posix()]


def test_hidden_file_named_explicitly_is_read(tmp_path: Path) -> None:
    hidden = copy_seed(tmp_path / ".hidden.tsv")
    assert run_cli("extract", hidden, "-o", tmp_path / "out").exit_code == 0
    assert source_paths(tmp_path / "out") == [hidden.as_posix()]


def test_output_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    copy_seed(tmp_path / "in" / "chemclust.tsv")
    for _ in range(2):
        result = run_cli("extract", tmp_path / "in", "-o", tmp_path / "in" / "out")
        assert result.exit_code == 0, result.output
        assert report(tmp_path / "in" / "out")["inputs"] == 1


def test_default_output_inside_the_current_folder_is_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_seed(tmp_path / "chemclust.tsv")
    monkeypatch.chdir(tmp_path)
    for args in (["."], ["."], [".", "-o", "./output/"]):
        result = run_cli("extract", *args)
        assert result.exit_code == 0, result.output
        assert report(tmp_path / "output")["inputs"] == 1


def test_output_inside_a_globbed_folder_is_not_read_back(tmp_path: Path) -> None:
    copy_seed(tmp_path / "in" / "chemclust.tsv")
    for _ in range(2):
        result = run_cli("extract", f"{tmp_path}/in/**", "-o", tmp_path / "in" / "out")
        assert result.exit_code == 0, result.output
        assert report(tmp_path / "in" / "out")["inputs"] == 1


def test_paths_are_recorded_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_seed(tmp_path / "in" / "sheet.tsv")
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract", "in", "-o", "out").exit_code == 0
    assert source_paths(tmp_path / "out") == ["in/sheet.tsv"]
