"""Golden pairs: every ``tests/fixtures/<case>.<ext>`` and every
``samples/<case>.<ext>`` gives exactly the record in
``tests/fixtures/<case>.expected.json``.  ``pytest --update-goldens``
rewrites the expectations from the current output; review the diff before
committing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chemclust_extract import Record, extract_file

from .conftest import FIXTURES, ROOT, SAMPLES


def _inputs(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".expected.json")
    )


FIXTURE_CASES = _inputs(FIXTURES)
# A sample that is also a fixture (the seed) is checked as the fixture.
SAMPLE_CASES = [p for p in _inputs(SAMPLES) if not (FIXTURES / p.name).exists()]
CASES = FIXTURE_CASES + SAMPLE_CASES


def _expected_path(case: Path) -> Path:
    return FIXTURES / (case.stem + ".expected.json")


@pytest.mark.parametrize("case", CASES, ids=[c.relative_to(ROOT).as_posix() for c in CASES])
def test_case_gives_its_golden_record(case: Path, update_goldens: bool) -> None:
    result = extract_file(case.relative_to(ROOT))
    assert isinstance(result, Record), result
    got = result.to_dict()
    expected_path = _expected_path(case)
    if update_goldens:
        expected_path.write_text(
            json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def test_every_case_has_one_expectation_and_every_expectation_a_case() -> None:
    stems = [c.stem for c in CASES]
    assert len(stems) == len(set(stems)), "two cases share a name"
    expected = sorted(
        p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json")
    )
    assert expected == sorted(stems)


def test_samples_hold_at_least_the_seed_and_three_sheets_of_our_own() -> None:
    assert (SAMPLES / "chemclust.tsv").read_bytes() == (FIXTURES / "chemclust.tsv").read_bytes()
    assert len(SAMPLE_CASES) >= 3
