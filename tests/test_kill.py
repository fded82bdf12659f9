"""A batch killed with SIGKILL at any moment leaves the previous complete
output or none: never a truncated file that looks whole."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import SAMPLES

OUTPUTS = (
    "projects.json", "projects.csv", "partners.csv", "contacts.csv", "news.csv",
    "documents.csv", "extra.csv", "warnings.csv", "errors.csv",
)  # fmt: skip


def _corpus(folder: Path, copies: int) -> None:
    folder.mkdir()
    samples = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    for n in range(copies):
        source = samples[n % len(samples)]
        (folder / f"{n:05d}-{source.name}").write_bytes(source.read_bytes() + f"\n{n}\n".encode())


def _run(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "chemclust_extract",
        "extract",
        str(corpus),
        "-o",
        str(out),
        "-q",
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _assert_whole(out: Path) -> None:
    """Every output that looks whole is whole; a report vouches for the set."""
    for name in OUTPUTS:
        path = out / name
        if not path.exists():
            continue
        text = path.read_bytes().decode("utf-8")
        if name.endswith(".json"):
            assert isinstance(json.loads(text), list), name
        else:
            assert text.endswith("\r\n"), f"{name} does not end with a whole row"
            rows = list(csv.reader(io.StringIO(text, newline="")))
            assert rows and all(len(row) == len(rows[0]) for row in rows), name
    report_path = out / "report.json"
    if report_path.exists():
        report = json.loads(report_path.read_text(encoding="utf-8"))
        for name, digest in report["outputs"].items():
            assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """A corpus, a complete output of it, and how long a second run takes."""
    root = tmp_path_factory.mktemp("kill")
    corpus, out = root / "corpus", root / "out"
    _corpus(corpus, 200)
    assert _run(corpus, out).wait(timeout=300) == 0
    _assert_whole(out)
    shutil.copy(SAMPLES / "chemclust.tsv", corpus / "zz-extra.tsv")  # the next run differs
    started = time.monotonic()
    assert _run(corpus, root / "timing").wait(timeout=300) == 0
    return corpus, out, time.monotonic() - started


# Fractions of a run: start-up, extraction, and the writing at its very end.
@pytest.mark.parametrize("fraction", [0.2, 0.8, 0.92, 0.95, 0.98])
def test_sigkill_never_leaves_a_truncated_output(
    finished: tuple[Path, Path, float], fraction: float, tmp_path: Path
) -> None:
    corpus, complete, duration = finished
    out = tmp_path / "out"
    shutil.copytree(complete, out)
    previous = {name: (out / name).read_bytes() for name in OUTPUTS}
    run = _run(corpus, out)
    time.sleep(duration * fraction)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    _assert_whole(out)
    if not (out / "report.json").exists():  # killed while writing: old files or whole new ones
        for name in OUTPUTS:
            data = (out / name).read_bytes()
            assert data == previous[name] or data.endswith(b"\n"), name
