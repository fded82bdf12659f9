"""Golden pairs: every ``tests/fixtures/<case>.<ext>`` gives exactly the
record in ``<case>.expected.json``.  ``pytest --update-goldens`` rewrites the
expectations from the current output; review the diff before committing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chemclust_extract import Record, extract_file

from .conftest import FIXTURES, ROOT, SAMPLES

CASES = sorted(
    p
    for p in FIXTURES.iterdir()
    if p.is_file() and not p.name.endswith(".expected.json") and p.stem != ""
)


def _expected_path(case: Path) -> Path:
    return case.with_name(case.stem + ".expected.json")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_gives_its_golden_record(case: Path, update_goldens: bool) -> None:
    result = extract_file(case.relative_to(ROOT))
    assert isinstance(result, Record), result
    got = result.to_dict()
    expected_path = _expected_path(case)
    if update_goldens:
        expected_path.write_text(
            json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def test_every_fixture_has_an_expectation() -> None:
    missing = [c.name for c in CASES if not _expected_path(c).exists()]
    assert not missing


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.*")), ids=lambda p: p.name)
def test_every_sample_is_a_golden_fixture(sample: Path) -> None:
    """Samples are what ``make run`` converts; their goldens live in tests/fixtures."""
    fixture = FIXTURES / sample.name
    assert fixture.exists(), f"copy {sample.name} into tests/fixtures with its expectation"
    assert fixture.read_bytes() == sample.read_bytes()
