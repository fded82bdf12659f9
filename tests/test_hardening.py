"""Hardening of a batch: no file name, folder, second run, signal or slow
sheet can crash it, stall it or make it shrink without a word.

Each test stands for a class of trouble legacy archives bring: names in an
old code page, the output folder inside the inputs, two runs into one
folder, umasks, folders that cannot be listed or that link back to
themselves, usage mistakes, Ctrl-C and kill -9, system junk beside the
sheets, and sheets that take too long.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import chemclust_extract
from chemclust_extract import Failure, Options, Record, run_batch
from chemclust_extract.batch import OutputFolderError, discover, engine
from chemclust_extract.batch.lock import output_folder_lock
from chemclust_extract.cli import main
from chemclust_extract.extract import ExtractionError

from .conftest import FIXTURES

SEED = FIXTURES / "chemclust.tsv"
GOOD = "Projekt\tGOODONE\nProgram\tInterreg V-A\nTrvání\t01/2016 – 12/2019\n"


def run_cli(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], prog_name="chemclust-extract")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def console_script() -> str:
    found = shutil.which("chemclust-extract", path=str(Path(sys.executable).parent))
    assert found, "the chemclust-extract console script is not installed"
    return found


def sheet(path: Path, name: str = "GOODONE") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GOOD.replace("GOODONE", name), encoding="utf-8")
    return path


def report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def projects(out: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((out / "projects.json").read_text(encoding="utf-8"))
    return data


def csv_rows(out: Path, name: str) -> list[dict[str, str]]:
    with (out / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def slow_page(path: Path, rows: int = 40_000) -> Path:
    """A sheet that takes seconds: tens of thousands of partner rows."""
    body = "".join(
        f"<tr><td>{n}</td><td>Partner organisation {n} (CZ)</td>"
        f'<td><a href="http://p{n}.cz/">www.p{n}.cz</a></td></tr>'
        for n in range(1, rows)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "<html><body><table><tr><th>Projekt</th><td>SLOW</td></tr>"
        f"<tr><th>Partneři projektu</th><td><table>{body}</table></td></tr></table></body></html>",
        encoding="utf-8",
    )
    return path


def drop_file_permissions() -> list[str]:
    """A command prefix that runs a program without root's power to read
    any file, or ``[]`` when this process has no such power."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


# --- file names are bytes ------------------------------------------------------


LATIN1_NAME = os.fsdecode(b"projekt \xe9 star\xfd.tsv")  # not UTF-8 on a UTF-8 system
SHOWN_NAME = "projekt \\xe9 star\\xfd.tsv"


def test_a_file_name_that_is_not_utf8_reaches_every_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    sheet(folder / LATIN1_NAME, "Latin")
    (folder / os.fsdecode(b"pr\xe1zdn\xfd.tsv")).write_bytes(b"")
    sheet(folder / "plain.tsv", "Plain")
    result = run_cli("extract", folder, "-o", tmp_path / "out")
    assert result.exit_code == 1, result.output
    out = tmp_path / "out"
    paths = [p["source"]["path"] for p in projects(out)]
    assert paths == [f"{folder.as_posix()}/plain.tsv", f"{folder.as_posix()}/{SHOWN_NAME}"]
    assert [r["source_path"] for r in csv_rows(out, "projects")] == paths
    empty = f"{folder.as_posix()}/pr\\xe1zdn\\xfd.tsv"
    assert [r["path"] for r in csv_rows(out, "errors")] == [empty]
    assert report(out)["failed"][0]["path"] == empty
    assert f"{empty}: empty:" in result.stderr


def test_the_escaped_name_leads_back_to_the_file(tmp_path: Path) -> None:
    original = sheet(tmp_path / LATIN1_NAME)
    record = chemclust_extract.extract_file(original)
    assert isinstance(record, Record) and record.source is not None
    shown = record.source.path
    back = shown.encode("ascii", "backslashreplace").decode("unicode_escape").encode("latin-1")
    assert os.fsencode(original) == back


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path) -> None:
    sheet(tmp_path / "in" / "tab\there\x01.tsv")
    result = run_batch([tmp_path / "in"], tmp_path / "out")
    (record,) = result.records
    assert record.source is not None
    assert record.source.path.endswith("/tab\\x09here\\x01.tsv")


# --- the output folder is never an input ----------------------------------------


def test_output_folder_inside_the_inputs_twice(tmp_path: Path) -> None:
    sheet(tmp_path / "s" / "a.tsv")
    for _ in range(2):
        result = run_cli("extract", tmp_path / "s", "-o", tmp_path / "s" / "out")
        assert result.exit_code == 0, result.output
        assert report(tmp_path / "s" / "out")["inputs"] == 1


def test_output_folder_that_is_the_input_folder_twice(tmp_path: Path) -> None:
    """``extract s -o s``: the sheets are read, the outputs beside them are not."""
    sheet(tmp_path / "s" / "a.tsv")
    sheet(tmp_path / "s" / "sub" / "b.tsv", "Second")
    for _ in range(2):
        result = run_cli("extract", tmp_path / "s", "-o", tmp_path / "s")
        assert result.exit_code == 0, result.output
        data = report(tmp_path / "s")
        assert (data["inputs"], data["records"], data["failures"]) == (2, 2, 0)
    skipped = {Path(s["path"]).name: s["reason"] for s in report(tmp_path / "s")["skipped"]}
    assert skipped["projects.json"] == skipped["errors.csv"] == "output of this tool"


def test_an_earlier_runs_output_folder_is_skipped_with_a_note(tmp_path: Path) -> None:
    sheet(tmp_path / "archive" / "a.tsv")
    assert run_cli("extract", tmp_path / "archive", "-o", tmp_path / "old").exit_code == 0
    shutil.move(tmp_path / "old", tmp_path / "archive" / "old-output")
    result = run_cli("extract", tmp_path / "archive", "-o", tmp_path / "new")
    assert result.exit_code == 0, result.output
    assert report(tmp_path / "new")["inputs"] == 1
    assert report(tmp_path / "new")["skipped"] == [
        {
            "path": f"{(tmp_path / 'archive' / 'old-output').as_posix()}",
            "reason": "earlier run's output folder (holds its report.json)",
        }
    ]
    assert "skipped 1 (listed in report.json): earlier run's output folder 1" in result.stderr


def test_a_glob_over_the_output_folder_does_not_read_it(tmp_path: Path) -> None:
    sheet(tmp_path / "s" / "a.tsv")
    for _ in range(2):
        result = run_cli("extract", f"{tmp_path}/s/*", "-o", tmp_path / "s")
        assert result.exit_code == 0, result.output
        assert report(tmp_path / "s")["inputs"] == 1


# --- one run at a time --------------------------------------------------------------


def test_a_second_run_into_a_held_folder_stops_with_a_clear_message(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_folder_lock(out):
        result = run_cli("extract", SEED, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "is being written by another run" in result.stderr and "--wait" in result.stderr
    assert not (out / "projects.json").exists()


def test_with_wait_a_second_run_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    released = threading.Event()

    def hold() -> None:
        with output_folder_lock(out):
            time.sleep(1.0)
        released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    result = run_cli("extract", SEED, "-o", out, "--wait")
    holder.join()
    assert released.is_set()
    assert result.exit_code == 0, result.output
    assert "waiting for another run" in result.stderr
    assert report(out)["records"] == 1


def test_two_runs_at_once_into_one_folder_never_crash(tmp_path: Path) -> None:
    for n in range(40):
        sheet(tmp_path / "in" / f"s{n:02}.tsv", f"Sheet {n}")
    command = [console_script(), "extract", str(tmp_path / "in"), "-o", str(tmp_path / "out")]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = sorted((run.wait(120), run.stderr.read() if run.stderr else "") for run in runs)
    assert [code for code, _ in outcomes] in ([0, 0], [0, 2])
    assert all("Traceback" not in err for _, err in outcomes)
    if outcomes[1][0] == 2:
        assert "is being written by another run" in outcomes[1][1]
    assert report(tmp_path / "out")["records"] == 40
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")) == []


def test_both_runs_finish_with_wait(tmp_path: Path) -> None:
    for n in range(40):
        sheet(tmp_path / "in" / f"s{n:02}.tsv", f"Sheet {n}")
    command = [console_script(), "extract", str(tmp_path / "in"), "-o", str(tmp_path / "out")]
    runs = [subprocess.Popen([*command, "--wait"], stderr=subprocess.PIPE) for _ in range(3)]
    assert [run.wait(120) for run in runs] == [0, 0, 0]
    assert report(tmp_path / "out")["records"] == 40


# --- file modes follow the umask ------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_get_the_mode_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    previous = os.umask(umask)
    try:
        run_batch([SEED], tmp_path / "out")
    finally:
        os.umask(previous)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").iterdir()}
    assert len(modes) == 12
    assert set(modes.values()) == {mode}, modes


# --- folders are never skipped silently ---------------------------------------------------


def test_an_unreadable_subfolder_is_a_failure_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    sheet(folder / "a.tsv")
    sheet(folder / "locked" / "b.tsv")
    (folder / "locked").chmod(0)
    try:
        done = subprocess.run(
            [*drop_file_permissions(), console_script(), "extract", str(folder), "-o",
             str(tmp_path / "out")],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        (folder / "locked").chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert report(tmp_path / "out")["failed"] == [
        {
            "path": (folder / "locked").as_posix(),
            "code": "unreadable",
            "message": "cannot list the folder: Permission denied",
        }
    ]
    assert report(tmp_path / "out")["records"] == 1
    assert "Traceback" not in done.stderr


def test_a_link_to_a_folder_is_followed(tmp_path: Path) -> None:
    sheet(tmp_path / "elsewhere" / "linked.tsv", "Linked")
    sheet(tmp_path / "in" / "a.tsv")
    (tmp_path / "in" / "shortcut").symlink_to(tmp_path / "elsewhere")
    result = run_batch([tmp_path / "in"], tmp_path / "out")
    assert sorted(r.name for r in result.records) == ["GOODONE", "Linked"]


def test_a_link_back_up_the_tree_is_followed_once_and_reported(tmp_path: Path) -> None:
    sheet(tmp_path / "in" / "sub" / "a.tsv")
    (tmp_path / "in" / "sub" / "loop").symlink_to(tmp_path / "in")
    result = run_batch([tmp_path / "in"], tmp_path / "out")
    assert [r.name for r in result.records] == ["GOODONE"]
    assert [(Path(s.path).name, s.reason) for s in result.skipped] == [
        ("loop", "link to a folder already read (a loop or a second path)")
    ]


def test_a_folder_tree_deeper_than_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(sys.getrecursionlimit() + 200):  # Path.mkdir(parents=True) recurses
        deep = deep / "d"
        deep.mkdir()
    sheet(deep / "deep.tsv", "Deep")
    try:
        found = discover([tmp_path], tmp_path / "out")
        assert [p.name for p in found.files] == ["deep.tsv"]
        assert found.failures == [] and found.skipped == []
    finally:  # shutil.rmtree, and so pytest's clean-up, recurses too
        (deep / "deep.tsv").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


# --- usage errors ---------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib", "bz2", "uu", "idna"])
def test_a_codec_that_is_no_text_encoding_is_a_usage_error(tmp_path: Path, codec: str) -> None:
    result = run_cli("extract", SEED, "--encoding", codec, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {codec!r} is not a text encoding; give one such as utf-8 or windows-1250"
    ]
    with pytest.raises(ValueError, match="is not a text encoding") as raised:
        Options(encoding=codec)
    assert result.stderr == f"Error: {raised.value}\n"
    assert not (tmp_path / "out").exists()


def test_a_candidate_that_is_no_text_encoding_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("extract", SEED, "--candidates", "windows-1250,base64", "-o", tmp_path)
    assert result.exit_code == 2
    assert "'base64' is not a text encoding" in result.stderr


@pytest.mark.parametrize("where", ["proc", "under-a-file", "a-file"])
def test_an_impossible_output_folder_is_a_one_line_usage_error(tmp_path: Path, where: str) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    out = {"proc": Path("/proc/chemclust-out"), "under-a-file": afile / "sub", "a-file": afile}
    result = run_cli("extract", SEED, "-o", out[where])
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("Error: ")


def test_a_read_only_output_folder_is_a_one_line_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        done = subprocess.run(
            [*drop_file_permissions(), console_script(), "extract", str(SEED), "-o", str(out)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        out.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"Error: cannot write to {out.as_posix()}/: Permission denied\n"
    assert list(out.iterdir()) == []


def test_the_library_raises_for_an_unwritable_output_folder(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="cannot write to"):
        run_batch([SEED], afile / "sub")


# --- interrupts and kills --------------------------------------------------------------


def corpus(folder: Path, files: int = 300) -> Path:
    text = SEED.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(files):
        (folder / f"sheet-{n:04}.tsv").write_text(text.replace("ChemClust", f"Chem{n}"), "utf-8")
    return folder


@pytest.mark.parametrize("after", [0.1, 0.3, 0.6, 1.2])
def test_ctrl_c_exits_130_in_one_line_and_leaves_the_previous_output(
    tmp_path: Path, after: float
) -> None:
    out = tmp_path / "out"
    run_batch([SEED], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    folder = corpus(tmp_path / "in", files=12000)  # seconds of work, so Ctrl-C lands mid-run
    run = subprocess.Popen(
        [console_script(), "extract", str(folder), "-o", str(out), "-j", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    time.sleep(after)
    os.killpg(run.pid, signal.SIGINT)  # as a terminal does: the workers get it too
    stdout, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr and stdout == ""
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "interrupted" in stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def children_of(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found += [int(child) for child in text.split()]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", files=2000)
    run = subprocess.Popen(
        [console_script(), "extract", str(folder), "-o", str(tmp_path / "out"), "-j", "2"],
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = children_of(run.pid)
    assert len(workers) == 2
    run.kill()
    run.wait()
    time.sleep(2)
    assert [pid for pid in workers if alive(pid)] == []


# --- junk beside the sheets ---------------------------------------------------------------


def junk_folder(folder: Path) -> Path:
    sheet(folder / "a.tsv")
    sheet(folder / "drafts" / "draft.tsv", "Draft")
    sheet(folder / "b.bak", "Backup")
    for name in ("Thumbs.db", "desktop.ini", ".DS_Store", "~$notes.docx"):
        (folder / name).write_bytes(b"\x00\x01junk")
    sheet(folder / ".hidden.tsv", "Hidden")
    sheet(folder / ".git" / "inside.tsv", "Git")
    sheet(folder / "__MACOSX" / "._a.tsv", "Mac")
    return folder


def test_junk_and_hidden_files_are_skipped_and_listed(tmp_path: Path) -> None:
    folder = junk_folder(tmp_path / "in")
    result = run_cli("extract", folder, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p["name"] for p in projects(tmp_path / "out")) == ["Backup", "Draft", "GOODONE"]
    skipped = {Path(s["path"]).name: s["reason"] for s in report(tmp_path / "out")["skipped"]}
    assert skipped == {
        "Thumbs.db": "system file", "desktop.ini": "system file", ".DS_Store": "system file",
        "~$notes.docx": "system file", ".hidden.tsv": "hidden", ".git": "hidden",
        "__MACOSX": "system folder",
    }  # fmt: skip
    assert "skipped 7 (listed in report.json): hidden 2, system file 4, system folder 1" in (
        result.stderr
    )


def test_exclude_leaves_out_files_and_folders(tmp_path: Path) -> None:
    folder = junk_folder(tmp_path / "in")
    result = run_cli(
        "extract", folder, "-o", tmp_path / "out", "--exclude", "drafts", "--exclude", "*.bak"
    )
    assert result.exit_code == 0, result.output
    assert [p["name"] for p in projects(tmp_path / "out")] == ["GOODONE"]
    skipped = {Path(s["path"]).name: s["reason"] for s in report(tmp_path / "out")["skipped"]}
    assert skipped["drafts"] == "excluded by --exclude drafts"
    assert skipped["b.bak"] == "excluded by --exclude *.bak"


def test_exclude_applies_to_globs_and_named_files(tmp_path: Path) -> None:
    folder = junk_folder(tmp_path / "in")
    result = run_batch(
        [f"{folder}/**/*.tsv", folder / "b.bak"], tmp_path / "out", Options(exclude=("draft*",))
    )
    assert [r.name for r in result.records] == ["GOODONE", "Backup"]


def test_include_hidden_reads_hidden_and_system_files(tmp_path: Path) -> None:
    folder = junk_folder(tmp_path / "in")
    result = run_batch([folder], tmp_path / "out", Options(include_hidden=True))
    names = sorted(r.name or "" for r in result.records)
    assert names == ["Backup", "Draft", "GOODONE", "Git", "Hidden", "Mac"]
    assert sorted(Path(f.path).name for f in result.failures) == [
        ".DS_Store", "Thumbs.db", "desktop.ini", "~$notes.docx",
    ]  # fmt: skip


# --- a per-file time budget -----------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_sheet_over_its_time_budget_is_a_timeout_and_the_batch_goes_on(
    tmp_path: Path, jobs: int
) -> None:
    slow = slow_page(tmp_path / "in" / "slow.html")
    sheet(tmp_path / "in" / "good.tsv")
    result = run_batch([tmp_path / "in"], tmp_path / "out", Options(file_timeout=2), jobs=jobs)
    assert [r.name for r in result.records] == ["GOODONE"]
    assert [(f.path, f.code) for f in result.failures] == [(slow.as_posix(), "timeout")]
    assert "time budget of 2 s" in result.failures[0].message
    assert report(tmp_path / "out")["failure_codes"] == {"timeout": 1}


def test_file_timeout_on_the_command_line(tmp_path: Path) -> None:
    slow_page(tmp_path / "slow.html")
    result = run_cli("extract", tmp_path / "slow.html", "-o", tmp_path / "out", "--file-timeout", "1")
    assert result.exit_code == 1
    assert "slow.html: timeout: took longer than the time budget of 1 s" in result.stderr
    assert run_cli("extract", SEED, "-o", tmp_path / "o2", "--file-timeout", "0").exit_code == 0


def _stuck_in_c_code(path: Path, options: Options) -> Record | Failure:
    """Stands in for an extraction blocked in a C library: no signal reaches it."""
    if path.name == "stuck.tsv":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)
    return chemclust_extract.extract_file(path, options)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signals")
def test_a_worker_stuck_past_its_budget_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "extract_within_budget", _stuck_in_c_code)
    monkeypatch.setattr(engine, "_GRACE_SECONDS", 0.5)
    names = ["a.tsv", "b.tsv", "stuck.tsv", "c.tsv", "d.tsv", "e.tsv"]
    for name in names:
        sheet(tmp_path / "in" / name, name[0].upper())
    started = time.monotonic()
    results = list(
        engine.extract_stream(
            sorted((tmp_path / "in").iterdir()), Options(file_timeout=0.5), jobs=2
        )
    )
    assert time.monotonic() - started < 30
    assert [r.name if isinstance(r, Record) else r.code for r in results] == [
        "A", "B", "C", "D", "E", "timeout",
    ]  # fmt: skip


# --- small ones -------------------------------------------------------------------------


def test_extraction_error_is_exported() -> None:
    assert chemclust_extract.ExtractionError is ExtractionError
    assert "ExtractionError" in chemclust_extract.__all__


def _faulty(path: Path, options: Options | None = None) -> Record | Failure:
    if path.name == "faulty.tsv":
        raise RuntimeError("a bug")
    return chemclust_extract.extract_file(path, options)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_fault_of_the_tool_fails_one_file_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(engine, "extract_file", _faulty)
    for name in ("a.tsv", "faulty.tsv", "z.tsv"):
        sheet(tmp_path / "in" / name, name[0].upper())
    result = run_batch([tmp_path / "in"], tmp_path / "out", jobs=jobs)
    assert [r.name for r in result.records] == ["A", "Z"]
    (failure,) = result.failures
    assert (Path(failure.path).name, failure.code) == ("faulty.tsv", "internal_error")
    assert failure.message.startswith("RuntimeError: a bug - a fault of chemclust-extract")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        pytest.param(
            "<table><tr><td>Projekt</td><td><xmp><b>Chem</b>Clust</xmp></td></tr>"
            "<tr><td>Program</td><td><plaintext><i>Interreg</i> IVC</td></tr></table>",
            "x.html",
            id="table-cells",
        ),
        pytest.param(
            "<p><b>Projekt:</b> <xmp>Chem<b>Clust</b></xmp></p><p><b>Program:</b> "
            "<xmp>Interreg <b>IVC</b></xmp></p>",
            "x.html",
            id="paragraphs",
        ),
        pytest.param(
            "Projekt\t<xmp>Chem<b>Clust</b></xmp>\nProgram\t<plaintext>Interreg <i>IVC</i>\n",
            "x.tsv",
            id="tsv-cells",
        ),
    ],
)
def test_text_inside_xmp_and_plaintext_keeps_no_tags(data: str, name: str) -> None:
    record = chemclust_extract.extract_bytes(data.encode(), name)
    assert (record.name, record.programme) == ("ChemClust", "Interreg IVC")


def test_ctrl_c_while_the_workers_are_stopped_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C that lands once every file is read, while the workers are
    being stopped, still stops the run (the engine is run to its end, not
    dropped with its clean-up left to the generator's close(), where an
    exception is printed and lost)."""
    from chemclust_extract.batch import engine

    folder = corpus(tmp_path / "in", files=8)
    stop = engine._Pool.stop

    def interrupted(self: engine._Pool, worker: engine._Worker, at_once: bool = False) -> None:
        stop(self, worker, at_once)
        raise KeyboardInterrupt

    monkeypatch.setattr(engine._Pool, "stop", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch(sorted(folder.iterdir()), tmp_path / "out", jobs=2)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == []


def test_a_disk_error_in_the_csv_helper_fails_the_run_and_keeps_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On several cores a helper process writes the CSV tables; a write
    error there is the run's error (as it would be in one process), and
    the previous dataset stays."""
    from chemclust_extract.writers.csv import CsvSink

    out = tmp_path / "out"
    run_batch([SEED], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    folder = corpus(tmp_path / "in", files=8)

    def full(self: CsvSink, data: dict[str, Any], rows: Any) -> None:
        raise OSError(28, "No space left on device")

    import chemclust_extract.writers as writers

    started = []
    start = writers._start_helper

    def counted(*args: Any) -> Any:
        started.append(True)
        return start(*args)

    monkeypatch.setattr(CsvSink, "add", full)
    monkeypatch.setattr(writers, "_start_helper", counted)
    with pytest.raises(OutputFolderError, match="No space left on device"):
        run_batch(sorted(folder.iterdir()), out, jobs=2)
    assert started == [True]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_one_process_writes_every_table_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-j 1`` keeps to one process: no helper writes the tables, and the
    files are those a run on two cores writes."""
    import chemclust_extract.writers as writers

    folder = corpus(tmp_path / "in", files=8)
    run_batch(sorted(folder.iterdir()), tmp_path / "two", jobs=2)

    def no_helper(*args: Any) -> Any:
        raise AssertionError("a helper process was started")

    monkeypatch.setattr(writers, "_start_helper", no_helper)
    run_batch(sorted(folder.iterdir()), tmp_path / "one", jobs=1)
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir() if p.name != "report.json"}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir() if p.name != "report.json"}
    assert one == two and "partners.csv" in one


def test_a_csv_helper_that_is_killed_fails_the_run_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helper writing the CSV tables killed (out of memory, by hand):
    the run fails with a message, not an EOFError, and the previous
    dataset stays."""
    from chemclust_extract.writers.csv import CsvSink

    out = tmp_path / "out"
    run_batch([SEED], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    folder = corpus(tmp_path / "in", files=8)

    def killed(self: CsvSink, data: dict[str, Any], rows: Any) -> None:
        os.kill(os.getpid(), signal.SIGKILL)  # in the helper: the run's process never calls it

    monkeypatch.setattr(CsvSink, "add", killed)
    with pytest.raises(OutputFolderError, match=r"ended unexpectedly \(signal 9\)"):
        run_batch(sorted(folder.iterdir()), out, jobs=2)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_incremental_run_with_nothing_to_extract_starts_no_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every record carried over: the engine (here Dask's, which would need
    its extra) is never started."""
    from chemclust_extract.batch import dask_engine

    folder = corpus(tmp_path / "in", files=3)
    paths = sorted(folder.iterdir())
    run_batch(paths, tmp_path / "out", incremental=True)

    def no_engine(*args: Any) -> Any:
        raise AssertionError("the engine was started")
        yield  # a generator, as the engine's stream is

    monkeypatch.setattr(dask_engine, "dask_stream", no_engine)
    result = run_batch(paths, tmp_path / "out", incremental=True, engine="dask")
    assert result.extracted == 0 and len(result.failures) == 0
