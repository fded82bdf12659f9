"""Golden pairs, through the comparison ``chemclust-extract check`` uses:
every sheet in ``tests/fixtures/`` and ``samples/`` gives exactly the
record in ``tests/fixtures/<case>.expected.json`` (a sample pairs with the
golden of its name, as ``check samples tests/fixtures`` pairs them), the
whole record and nothing but it.  ``pytest --update-goldens`` rewrites the
expectations from the current output with ``check``'s update; review the
diff before committing."""

from __future__ import annotations

from pathlib import Path

import pytest

from chemclust_extract.check import Fixture, check_fixture, find_fixtures

from .conftest import FIXTURES, ROOT, SAMPLES

FOUND = find_fixtures([SAMPLES, FIXTURES])
CASES = FOUND.fixtures


def _from_root(fixture: Fixture) -> Fixture:
    """Records name their sheet by the path it was read by; the goldens'
    paths are from the project root."""
    assert fixture.sheet is not None, f"{fixture.expectation}: no sheet gives this golden"
    return Fixture(fixture.sheet.relative_to(ROOT), fixture.expectation)


@pytest.mark.parametrize("fixture", CASES, ids=[_from_root(c).name for c in CASES])
def test_case_gives_its_golden_record(fixture: Fixture, update_goldens: bool) -> None:
    case = check_fixture(_from_root(fixture), exact=True, update=update_goldens)
    assert case.passed, "\n".join([case.name, *case.lines()])


def test_every_golden_has_one_sheet_and_every_sheet_a_golden() -> None:
    assert all(c.sheet is not None for c in CASES), "a golden no sheet gives"
    goldens = [c.expectation for c in CASES]
    assert len(goldens) == len(set(goldens)), "two sheets give one golden"
    assert sorted(goldens) == sorted(FIXTURES.glob("*.expected.json"))
    assert FOUND.new == (), "a sheet with no golden"
    # The seed is in both folders; it is checked as the fixture.
    assert [Path(u.path) for u in FOUND.unchecked] == [SAMPLES / "chemclust.tsv"]


def test_samples_hold_at_least_the_seed_and_three_sheets_of_our_own() -> None:
    assert (SAMPLES / "chemclust.tsv").read_bytes() == (FIXTURES / "chemclust.tsv").read_bytes()
    assert len([c for c in CASES if c.sheet is not None and c.sheet.parent == SAMPLES]) >= 3
