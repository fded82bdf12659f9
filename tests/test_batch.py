"""The batch as a library call: progress, ids, parallel workers."""

from __future__ import annotations

from pathlib import Path

from chemclust_extract import run_batch

from .conftest import SAMPLES


def test_progress_is_told_after_every_file(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = run_batch(
        [SAMPLES], tmp_path / "out", progress=lambda done, total: calls.append((done, total))
    )
    total = len(result.records) + len(result.failures)
    assert calls == [(n, total) for n in range(1, total + 1)]


def test_parallel_workers_give_the_same_dataset(tmp_path: Path) -> None:
    one = run_batch([SAMPLES], tmp_path / "one", jobs=1)
    two = run_batch([SAMPLES], tmp_path / "two", jobs=2)
    assert [r.to_dict() for r in one.records] == [r.to_dict() for r in two.records]
    for name in ("projects.json", "partners.csv", "warnings.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
