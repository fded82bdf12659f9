"""The real-sheet corpus: sheets built from the facts of real public project
pages (``tests/corpus/SOURCES.md``), each with a record written from the page
and the contract.  Every sheet must give its record (``source`` and
``warnings`` aside); a sheet the tool does not read fully yet is a strict
xfail naming what it misses, and no sheet may give a wrong value
(``benchmarks/accuracy.py`` prints the score)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from chemclust_extract import Record, extract_file

from .conftest import ROOT, TESTS

CORPUS = TESTS / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix not in {".json", ".md"})
# Sheets whose record is not yet fully right: the field missed and why.
KNOWN_GAPS: dict[str, str] = {}


def expected(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        case.with_name(case.stem + ".expected.json").read_text("utf-8")
    )
    return data


def got(case: Path) -> dict[str, Any]:
    result = extract_file(case.relative_to(ROOT))
    assert isinstance(result, Record), result
    data = result.to_dict()
    del data["source"], data["warnings"]
    return data


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[c.stem]))
        if c.stem in KNOWN_GAPS
        else c
        for c in CASES
    ],
    ids=[c.stem for c in CASES],
)
def test_sheet_gives_the_record_written_from_its_page(case: Path) -> None:
    assert got(case) == expected(case)


def test_the_corpus_is_big_and_varied() -> None:
    assert len(CASES) >= 40
    assert {c.suffix for c in CASES} >= {".tsv", ".html", ".txt"}
    assert all(c.with_name(c.stem + ".expected.json").exists() for c in CASES)
    assert len(list(CORPUS.glob("*.expected.json"))) == len(CASES)


def test_no_sheet_gives_a_wrong_value() -> None:
    """A wrong value is worse than a missing one: over the whole corpus,
    every value the tool gives is the expected one (a miss is a null)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import accuracy
    finally:
        sys.path.pop(0)
    tally = accuracy.Tally()
    for case in CASES:
        accuracy.score(case, tally)
    wrong = [d for d in tally.differences if d.startswith("WRONG")]
    assert wrong == []
