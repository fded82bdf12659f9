"""Batches that stream: the same bytes whatever the engine or the number of
processes, deterministic output folders, incremental runs that skip
unchanged sheets, progress for schedulers, and no pandas where none is
needed.  Speed and memory are measured by ``benchmarks/bench_batch.py``,
never asserted here."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from chemclust_extract import Options, run_batch
from chemclust_extract.batch import engine, unique_ids
from chemclust_extract.cli import main

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_batch import generate

sys.path.pop(0)


def run_cli(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], prog_name="chemclust-extract")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def same_folders(a: Path, b: Path) -> list[str]:
    """Names of the files that differ between two output folders (or exist in one only)."""
    compared = filecmp.dircmp(a, b)
    assert not compared.common_dirs
    return sorted(compared.diff_files + compared.left_only + compared.right_only)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2 000 varied sheets: every sample and corpus sheet as a template."""
    return generate(tmp_path_factory.mktemp("generated") / "in", 2000)


# --- the same bytes whatever the engine -------------------------------------------


def test_one_process_and_the_default_give_the_same_bytes(generated: Path, tmp_path: Path) -> None:
    one = run_batch([generated], tmp_path / "one", jobs=1)
    default = run_batch([generated], tmp_path / "default")
    assert one.report["inputs"] == 2000 and one.report["records"] > 1900
    assert same_folders(tmp_path / "one", tmp_path / "default") == []
    assert default.report == one.report


@pytest.fixture(scope="module")
def cluster() -> object:
    distributed = pytest.importorskip("distributed", reason="the [dask] extra")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=None, processes=True
    ) as local:
        yield local


def test_the_dask_engine_gives_the_same_bytes(
    cluster: object, generated: Path, tmp_path: Path
) -> None:
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    for folder in (SAMPLES, generated):
        local = tmp_path / f"local-{folder.name}"
        dask = tmp_path / f"dask-{folder.name}"
        run_batch([folder], local, jobs=1)
        result = run_cli("extract", folder, "-o", dask, "--engine", "dask", "--scheduler", address, "-q")
        assert result.exit_code == 0, result.output
        assert same_folders(local, dask) == []


def test_the_dask_engine_without_its_extra_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails
    result = run_cli("extract", SAMPLES, "-o", tmp_path / "out", "--engine", "dask")
    assert result.exit_code == 2
    assert "pip install 'chemclust-extract[dask]'" in result.stderr


# --- deterministic folders --------------------------------------------------------


def test_two_runs_over_the_same_inputs_give_identical_folders(tmp_path: Path) -> None:
    run_batch([SAMPLES, ROOT / "tests" / "bad"], tmp_path / "a")
    run_batch([SAMPLES, ROOT / "tests" / "bad"], tmp_path / "b", jobs=1)
    done = subprocess.run(["diff", "-r", str(tmp_path / "a"), str(tmp_path / "b")], check=False)
    assert done.returncode == 0


def test_timings_go_to_a_file_of_their_own_and_stderr(tmp_path: Path) -> None:
    result = run_cli("extract", SAMPLES, "-o", tmp_path / "out", "--timings", tmp_path / "t.json")
    assert result.exit_code == 0, result.output
    timings = json.loads((tmp_path / "t.json").read_text("utf-8"))
    assert timings["inputs"] == len(list(SAMPLES.iterdir()))
    assert timings["elapsed_seconds"] > 0 and timings["files_per_second"] > 0
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert "elapsed_seconds" not in report
    assert f"({timings['elapsed_seconds']} s)" in result.stderr


# --- incremental runs ---------------------------------------------------------------


def test_incremental_skips_unchanged_sheets_and_gives_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    shutil.copy(ROOT / "tests" / "bad" / "empty.tsv", folder)
    extracted: list[str] = []
    real = engine.extract_within_budget

    def counting(path: Path, options: Options) -> object:
        extracted.append(path.name)
        return real(path, options)

    monkeypatch.setattr(engine, "extract_within_budget", counting)
    out = tmp_path / "out"
    run_batch([folder], out, jobs=1, incremental=True)
    assert len(extracted) == 12
    extracted.clear()
    (folder / "vltava-cz.tsv").write_bytes((folder / "vltava-cz.tsv").read_bytes() + b"\n")
    (folder / "new.tsv").write_text("Projekt\tNEW\nProgram\tInterreg V-A\n", encoding="utf-8")
    again = run_batch([folder], out, jobs=1, incremental=True)
    # the changed sheet, the new one, and the failure (failures are not kept)
    assert sorted(extracted) == ["empty.tsv", "new.tsv", "vltava-cz.tsv"]
    assert again.extracted == 3
    run_batch([folder], tmp_path / "full", jobs=1)
    assert same_folders(out, tmp_path / "full") == [".chemclust-extract.records"]


def test_incremental_ignores_an_earlier_run_with_other_options(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([SAMPLES], out, jobs=1, incremental=True)
    profile = tmp_path / "labels.toml"
    profile.write_text('[total_budget]\ncs = ["Suma nákladů"]\n', encoding="utf-8")
    again = run_batch([SAMPLES], out, Options(labels=(str(profile),)), jobs=1, incremental=True)
    assert again.extracted == len(list(SAMPLES.iterdir()))


# --- progress, pandas ---------------------------------------------------------------


def test_progress_json_prints_a_line_per_thousand_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(2100):
        (folder / f"s{n:04}.tsv").write_text(f"Projekt\tP{n}\n", encoding="utf-8")
    result = run_cli("extract", folder, "-o", tmp_path / "out", "--progress", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert [line["done"] for line in lines] == [1000, 2000, 2100]
    assert all(line["total"] == 2100 and line["files_per_second"] > 0 for line in lines)
    assert lines[-1]["eta_seconds"] == 0


@pytest.mark.parametrize(
    "args",
    [["--version"], ["extract", "samples/chemclust.tsv", "-o", "{out}", "-q"], ["labels"]],
    ids=["version", "one-sheet", "labels"],
)
def test_pandas_is_not_imported_where_it_is_not_needed(args: list[str], tmp_path: Path) -> None:
    argv = [a.replace("{out}", str(tmp_path / "out")) for a in args]
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('PANDAS' if 'pandas' in sys.modules else 'NO-PANDAS'))\n"
        f"sys.argv = ['chemclust-extract', *{argv!r}]\n"
        "from chemclust_extract.__main__ import run\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "NO-PANDAS"


def test_records_are_read_back_on_demand(tmp_path: Path) -> None:
    result = run_batch([SAMPLES / "chemclust.tsv", SAMPLES / "vltava-cz.tsv"], tmp_path / "out")
    records = result.records
    assert [r.name for r in records] == ["ChemClust", "Revitalizace nábřeží Vltavy v Českých Budějovicích"]
    assert records[0].partners[0].country == "DE"
    assert records[0].to_dict() == json.loads((tmp_path / "out" / "projects.json").read_text())[0]


# The contract's id rule, kept between the passes as digests only.
@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param([], [], id="none"),
        pytest.param([("a", "11111111ff")], ["a"], id="alone"),
        pytest.param([("a", "1111111100"), ("b", "22")], ["a", "b"], id="distinct"),
        pytest.param([("a", "11111111"), ("a", "22222222")], ["a-11111111", "a-22222222"], id="shared"),
        pytest.param([("a", "11111111"), ("a", "11111111")], ["a-11111111", "a-11111111-2"], id="same-file-twice"),
        pytest.param([("a", "1111111100"), ("b", "x"), ("a", "2222222200")], ["a-11111111", "b", "a-22222222"], id="apart"),
        pytest.param([("a-11111111", "99"), ("a", "11111111"), ("a", "22")], ["a-11111111", "a-11111111-2", "a-22"], id="suffix-taken"),
        pytest.param([("a", "11111111"), ("a", "22"), ("a-11111111", "99")], ["a-11111111-2", "a-22", "a-11111111"], id="suffix-taken-later"),
        pytest.param([("a", ""), ("a", "")], ["a", "a-2"], id="no-hash"),
    ],
)  # fmt: skip
def test_ids_are_made_unique_as_the_contract_says(
    given: list[tuple[str, str]], expected: list[str]
) -> None:
    assert unique_ids(given) == expected


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from(["11111111", "22222222", ""]))))
def test_unique_ids_are_unique_and_keep_a_lone_id(given: list[tuple[str, str]]) -> None:
    result = unique_ids(given)
    assert len(set(result)) == len(result)
    lone = {i for i, _ in given if [j for j, _ in given].count(i) == 1}
    assert all(r == i for (i, _), r in zip(given, result, strict=True) if i in lone)
