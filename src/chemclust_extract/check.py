"""Fixtures as a gate: find each sheet and the record expected of it,
extract the sheet as ``extract`` does, and tell field by field where the
record and the expectation differ.

A fixture is a sheet ``NAME.EXT`` and ``NAME.expected.json``, beside it
anywhere under the folders given, or else in another of those folders
(so ``samples/`` pairs with the goldens in ``tests/fixtures/``).  An
expectation may be partial: keys it leaves out are not checked, ``"…"``
or ``{"$ignore": true}`` skips a value, and ``{"$failure": "CODE"}``
expects the sheet to give no record, for that reason.

>>> diff({"partners": [{"country": "DE"}]}, {"id": "x", "partners": [{"country": "AT"}]})
[Difference(path='partners[0].country', expected='DE', actual='AT')]
>>> diff({"total_budget": 100}, {"total_budget": 101}, tolerance=1)
[]
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from chemclust_extract.batch import extract_many
from chemclust_extract.model import FAILURE_CODES, Failure, Record
from chemclust_extract.options import Options
from chemclust_extract.paths import display_path
from chemclust_extract.writers.atomic import write_atomic

__all__ = [
    "ABSENT", "CaseResult", "CheckError", "CheckResult", "Difference", "Fixture", "Fixtures",
    "Unchecked", "check_fixture", "compare_fixture", "diff", "find_fixtures", "junit_xml",
    "run_check", "updated_expectation", "write_junit",
]  # fmt: skip

EXPECTED_SUFFIX = ".expected.json"
SKIP_MARK = "…"
IGNORE_KEY = "$ignore"
FAILURE_KEY = "$failure"
# The fields --tolerance applies to: amounts of money, which sources round.
MONEY_FIELDS = frozenset({"total_budget", "eu_contribution"})
_NOT_SHEETS = (EXPECTED_SUFFIX, ".md")
_PLAIN_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")  # keys written without quotes in a path
_SHOWN_CHARS = 100  # a value longer than this is cut, around where it differs

Status = Literal["pass", "fail", "updated", "new"]


class CheckError(ValueError):
    """A usage problem: a folder that is not there, no fixture to check, a
    sheet with two expectations of its name in other folders."""


class _Absent:
    """The value on the side of a difference where the key or item is missing."""

    def __repr__(self) -> str:
        return "(absent)"


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class Difference:
    """One place where the record is not what the expectation says."""

    path: str  # "partners[3].country"; "" for the whole record
    expected: Any  # ABSENT where the expectation has no such key or item
    actual: Any  # ABSENT where the record has none

    def describe(self, words: tuple[str, str] = ("expected", "got")) -> str:
        """``partners[3].country: expected "DE", got "AT"``; an update
        says ``("was", "now")``."""
        expected, actual = self.shown()
        return f"{self.path or '(record)'}: {words[0]} {expected}, {words[1]} {actual}"

    def shown(self) -> tuple[str, str]:
        """The expected and the actual value as JSON text, a long one cut
        to the part around where the two first differ."""
        return _shown_pair(self.expected, self.actual)

    def to_dict(self) -> dict[str, Any]:
        """The difference as JSON data; a side that is absent is left out."""
        sides = {"expected": self.expected, "actual": self.actual}
        return {"path": self.path} | {k: v for k, v in sides.items() if v is not ABSENT}


# --- comparing ------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    tolerance: float = 0.0
    exact: bool = False  # the whole record: no key may be left out, no value skipped


def diff(
    expected: Any, actual: Any, *, tolerance: float = 0.0, exact: bool = False
) -> list[Difference]:
    """Every difference between an expectation and a record (JSON data).

    Keys the expectation leaves out are not checked and ``"…"`` or
    ``{"$ignore": true}`` skips a value, unless ``exact``; lists are compared
    item by item; numbers exactly, but ``total_budget`` and
    ``eu_contribution`` within ``tolerance``.

    >>> diff({"news": [1, 2]}, {"news": [1]})
    [Difference(path='news[1]', expected=2, actual=(absent))]
    >>> diff({"extra": {"Číslo projektu": "…"}}, {"extra": {"Číslo projektu": "CZ.1"}})
    []
    >>> diff({"id": "x"}, {"id": "x", "name": "X"}, exact=True)
    [Difference(path='name', expected=(absent), actual='X')]
    """
    return list(_differences(expected, actual, "", None, _Rules(tolerance, exact)))


def _differences(
    expected: Any, actual: Any, path: str, key: str | None, rules: _Rules
) -> Iterator[Difference]:
    if not rules.exact and _skipped(expected):
        return
    if isinstance(expected, dict) and isinstance(actual, dict):
        yield from _dict_differences(expected, actual, path, rules)
    elif isinstance(expected, list) and isinstance(actual, list):
        for i in range(max(len(expected), len(actual))):
            item_path = f"{path}[{i}]"
            if i >= len(actual) or i >= len(expected):
                yield Difference(item_path, _item(expected, i), _item(actual, i))
            else:
                yield from _differences(expected[i], actual[i], item_path, key, rules)
    elif not _same(expected, actual, key, rules):
        yield Difference(path, expected, actual)


def _dict_differences(
    expected: dict[str, Any], actual: dict[str, Any], path: str, rules: _Rules
) -> Iterator[Difference]:
    for key, value in expected.items():
        if key not in actual:
            yield Difference(_key_path(path, key), value, ABSENT)
        else:
            yield from _differences(value, actual[key], _key_path(path, key), key, rules)
    if rules.exact:
        for key in actual.keys() - expected.keys():
            yield Difference(_key_path(path, key), ABSENT, actual[key])


def _same(expected: Any, actual: Any, key: str | None, rules: _Rules) -> bool:
    if _is_number(expected) and _is_number(actual):
        if key in MONEY_FIELDS:
            return bool(abs(expected - actual) <= rules.tolerance)
        return bool(expected == actual)
    if isinstance(expected, bool) or isinstance(actual, bool):  # true is not 1
        return type(expected) is type(actual) and expected == actual
    return type(expected) is type(actual) and bool(expected == actual)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _skipped(expected: Any) -> bool:
    """``"…"`` or ``{"$ignore": true}``: the expectation says nothing here."""
    if isinstance(expected, dict):
        return len(expected) == 1 and expected.get(IGNORE_KEY) is True
    return isinstance(expected, str) and expected == SKIP_MARK


def _item(items: list[Any], i: int) -> Any:
    return items[i] if i < len(items) else ABSENT


def _key_path(path: str, key: str) -> str:
    """``partners[0].country``, or ``extra["Číslo projektu"]`` for a key
    that is not a plain name."""
    if _PLAIN_KEY.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


# --- updating -------------------------------------------------------------


def updated_expectation(
    expected: Any, actual: Any, *, tolerance: float = 0.0, exact: bool = False
) -> Any:
    """The expectation rewritten from the record, keeping its shape: a
    partial one keeps only its own keys (new list items take the shape of
    its first item: its keys and skip marks), skip marks stay, and a value
    that still matches stays as written.  ``exact`` makes it the whole
    record.

    >>> updated_expectation({"id": "a", "name": "…"}, {"id": "b", "name": "B", "title": None})
    {'id': 'b', 'name': '…'}
    >>> updated_expectation({"partners": [{"country": "DE"}]},
    ...                     {"partners": [{"country": "AT", "role": "lead"}, {"country": "CZ"}]})
    {'partners': [{'country': 'AT'}, {'country': 'CZ'}]}
    """
    if exact:
        return actual
    return _updated(expected, actual, None, _Rules(tolerance))


def _updated(expected: Any, actual: Any, key: str | None, rules: _Rules) -> Any:
    if _skipped(expected):
        return expected
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {k: _updated(v, actual[k], k, rules) for k, v in expected.items() if k in actual}
    if isinstance(expected, list) and isinstance(actual, list):
        shape = next((e for e in expected if isinstance(e, dict) and not _skipped(e)), None)
        return [
            _updated(expected[i] if i < len(expected) else shape, item, key, rules)
            if i < len(expected) or (shape is not None and isinstance(item, dict))
            else item
            for i, item in enumerate(actual)
        ]
    return expected if _same(expected, actual, key, rules) else actual


# --- finding fixtures -----------------------------------------------------


@dataclass(frozen=True)
class Fixture:
    """A sheet and the file holding the record expected of it; ``sheet`` is
    None for an expectation no sheet was found for."""

    sheet: Path | None
    expectation: Path

    @property
    def name(self) -> str:
        return display_path(self.sheet if self.sheet is not None else self.expectation)


@dataclass(frozen=True)
class Unchecked:
    """A sheet found with no expectation of its own, and why."""

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class Fixtures:
    """What the folders hold: fixtures (sorted by name), and sheets with no
    expectation (``--update`` writes one beside each of ``new``)."""

    fixtures: tuple[Fixture, ...]
    new: tuple[Path, ...] = ()
    unchecked: tuple[Unchecked, ...] = ()


def find_fixtures(folders: Sequence[str | os.PathLike[str]]) -> Fixtures:
    """The fixtures under ``folders``: each sheet (any file but
    ``*.expected.json``, ``*.md`` and hidden ones) with ``NAME.expected.json``
    beside it, or else with the one expectation of its NAME in the folders
    that has no sheet beside it.  Raises :class:`CheckError` for a folder
    that is not there or a sheet two such expectations claim."""
    sheets: list[Path] = []
    expectations: list[Path] = []
    for folder in map(Path, folders):
        if not folder.is_dir():
            raise CheckError(f"{display_path(folder)}: no such folder")
        for path in _walk(folder):
            (expectations if path.name.endswith(EXPECTED_SUFFIX) else sheets).append(path)
    return _pair(sorted(set(sheets)), sorted(set(expectations)))


def _walk(folder: Path) -> Iterator[Path]:
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and (
                name.endswith(EXPECTED_SUFFIX) or not name.lower().endswith(_NOT_SHEETS)
            ):
                yield Path(top, name)


def _pair(sheets: list[Path], expectations: list[Path]) -> Fixtures:
    owners: dict[Path, list[Path]] = {e: [] for e in expectations}  # the sheets beside each
    for sheet in sheets:
        owners.get(_beside(sheet), []).append(sheet)
    by_name: dict[str, list[Path]] = {}
    for e in expectations:
        by_name.setdefault(_expectation_name(e), []).append(e)
    fixtures, new, unchecked = [], [], []
    for sheet in sheets:
        expectation = _expectation_of(sheet, owners, by_name)
        if expectation is not None:
            fixtures.append(Fixture(sheet, expectation))
            continue
        taken = by_name.get(sheet.stem)
        unchecked.append(
            _unchecked(sheet, taken[0], owners[taken[0]][0]) if taken else _unchecked(sheet)
        )
        new += [] if taken else [sheet]
    paired = {f.expectation for f in fixtures}
    fixtures += [Fixture(None, e) for e in expectations if e not in paired]
    return Fixtures(tuple(sorted(fixtures, key=lambda f: f.name)), tuple(new), tuple(unchecked))


def _expectation_of(
    sheet: Path, owners: dict[Path, list[Path]], by_name: dict[str, list[Path]]
) -> Path | None:
    """``NAME.expected.json`` beside the sheet, else the one of its name
    that no sheet stands beside."""
    beside = _beside(sheet)
    if owners.get(beside):
        return beside
    free = [e for e in by_name.get(sheet.stem, []) if not owners[e]]
    if len(free) > 1:
        listed = ", ".join(map(display_path, free))
        raise CheckError(f"{display_path(sheet)}: several expectations of its name: {listed}")
    return free[0] if free else None


def _beside(sheet: Path) -> Path:
    return sheet.with_name(sheet.stem + EXPECTED_SUFFIX)


def _expectation_name(path: Path) -> str:
    return path.name.removesuffix(EXPECTED_SUFFIX)


def _unchecked(sheet: Path, taken: Path | None = None, owner: Path | None = None) -> Unchecked:
    if taken is None or owner is None:
        reason = f"no {sheet.stem}{EXPECTED_SUFFIX}; check --update writes one"
    else:  # a copy of a fixture's sheet under another folder
        reason = f"no expectation of its own; {display_path(taken)} is {display_path(owner)}'s"
    return Unchecked(display_path(sheet), reason)


# --- checking -------------------------------------------------------------


@dataclass(frozen=True)
class CaseResult:
    """One fixture's outcome: ``fail`` with its differences (or a problem
    that left nothing to compare), ``updated`` when ``--update`` rewrote the
    expectation (the differences are what changed), ``new`` when it wrote
    one for a sheet that had none."""

    fixture: Fixture
    status: Status
    differences: tuple[Difference, ...] = ()
    problem: str | None = None

    @property
    def name(self) -> str:
        return self.fixture.name

    @property
    def passed(self) -> bool:
        return self.status != "fail"

    def lines(self) -> list[str]:
        """The problem and one line per difference, for people."""
        words = self.words()
        return ([self.problem] if self.problem else []) + [
            d.describe(words) for d in self.differences
        ]

    def words(self) -> tuple[str, str]:
        """How the two sides of a difference are named: what the
        expectation says and what came out, or what an update changed."""
        return ("was", "now") if self.status == "updated" else ("expected", "got")

    def to_dict(self) -> dict[str, Any]:
        sheet = self.fixture.sheet
        return {
            "name": self.name,
            "sheet": display_path(sheet) if sheet is not None else None,
            "expectation": display_path(self.fixture.expectation),
            "status": self.status,
            "differences": [d.to_dict() for d in self.differences],
            "problem": self.problem,
        }


@dataclass(frozen=True)
class CheckResult:
    """Every fixture's outcome, by name, and the sheets left unchecked."""

    cases: tuple[CaseResult, ...]
    unchecked: tuple[Unchecked, ...] = ()

    @property
    def passed(self) -> int:
        return sum(c.status == "pass" for c in self.cases)

    @property
    def failed(self) -> int:
        return sum(c.status == "fail" for c in self.cases)

    @property
    def updated(self) -> int:
        return sum(c.status in ("updated", "new") for c in self.cases)

    @property
    def exit_code(self) -> int:
        """0 when every fixture passes (or was updated), 1 when any fails."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        """``check: 11 passed, 0 failed`` (and how many were updated)."""
        updated = f", {self.updated} updated" if self.updated else ""
        return f"check: {self.passed} passed, {self.failed} failed{updated}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "failed": self.failed,
            "updated": self.updated,
            "cases": [c.to_dict() for c in self.cases],
            "unchecked": [u.to_dict() for u in self.unchecked],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def run_check(
    folders: Sequence[str | os.PathLike[str]],
    options: Options | None = None,
    *,
    tolerance: float = 0.0,
    update: bool = False,
) -> CheckResult:
    """Check every fixture under ``folders``; with ``update``, rewrite the
    expectations that differ and write one for each sheet that has none.
    Raises :class:`CheckError` when there is nothing to check: a gate
    that checks nothing must not pass."""
    found = find_fixtures(folders)
    new = found.new if update else ()
    if not found.fixtures and not new:
        raise CheckError(_nothing_found(folders, found))
    sheets = [f.sheet for f in found.fixtures if f.sheet is not None] + list(new)
    results = dict(zip(sheets, extract_many(sheets, options, jobs=None), strict=True))
    cases = [
        compare_fixture(f, results.get(f.sheet) if f.sheet else None, tolerance, update=update)
        for f in found.fixtures
    ]
    cases += [_write_new(sheet, results[sheet]) for sheet in new]
    written = {display_path(sheet) for sheet in new}
    unchecked = tuple(u for u in found.unchecked if u.path not in written)
    return CheckResult(tuple(sorted(cases, key=lambda c: c.name)), unchecked)


def _nothing_found(folders: Sequence[str | os.PathLike[str]], found: Fixtures) -> str:
    where = ", ".join(display_path(f) for f in folders)
    message = (
        f"no fixture found in {where}: a fixture is a sheet NAME.EXT beside NAME{EXPECTED_SUFFIX}"
    )
    if found.new:
        message += f"; {len(found.new)} sheet(s) have none (check --update writes them)"
    return message


def check_fixture(
    fixture: Fixture,
    options: Options | None = None,
    *,
    tolerance: float = 0.0,
    exact: bool = False,
    update: bool = False,
) -> CaseResult:
    """Extract one fixture's sheet and compare it with its expectation;
    ``exact`` holds the expectation to be the whole record, as the
    project's own goldens are."""
    result = None
    if fixture.sheet is not None:
        result = next(extract_many([fixture.sheet], options))
    return compare_fixture(fixture, result, tolerance, exact=exact, update=update)


def compare_fixture(
    fixture: Fixture,
    result: Record | Failure | None,
    tolerance: float = 0.0,
    *,
    exact: bool = False,
    update: bool = False,
) -> CaseResult:
    """A fixture's outcome given what its sheet gave (None: no sheet)."""
    if result is None:
        name = _expectation_name(fixture.expectation)
        return CaseResult(
            fixture, "fail", problem=f"no sheet {name}.* beside it or in the folders given"
        )
    try:
        expected = json.loads(fixture.expectation.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        unread = f"{display_path(fixture.expectation)} cannot be read as JSON: {error}"
        return CaseResult(fixture, "fail", problem=unread)
    differences, problem = _compare(expected, result, tolerance, exact)
    if not differences and problem is None:
        return CaseResult(fixture, "pass")
    if update and differences:
        _write_expectation(fixture.expectation, _renewed(expected, result, tolerance, exact))
        return CaseResult(fixture, "updated", tuple(differences))
    return CaseResult(fixture, "fail", tuple(differences), problem)


def _compare(
    expected: Any, result: Record | Failure, tolerance: float, exact: bool
) -> tuple[list[Difference], str | None]:
    wants_failure = isinstance(expected, dict) and FAILURE_KEY in expected
    if wants_failure and expected[FAILURE_KEY] not in FAILURE_CODES:
        codes = ", ".join(FAILURE_CODES)
        return [], f"unknown failure code {expected[FAILURE_KEY]!r}; the codes are {codes}"
    if isinstance(result, Failure):
        note = f"the sheet gave no record: {result.code}: {result.message}"
        if wants_failure and expected[FAILURE_KEY] == result.code:
            return [], None
        expected_code = expected[FAILURE_KEY] if wants_failure else ABSENT
        return [Difference(FAILURE_KEY, expected_code, result.code)], note
    if wants_failure:
        return [Difference(FAILURE_KEY, expected[FAILURE_KEY], ABSENT)], "the sheet gave a record"
    return diff(expected, _record_data(result), tolerance=tolerance, exact=exact), None


def _record_data(record: Record) -> Any:
    """The record as ``projects.json`` holds it."""
    return json.loads(json.dumps(record.to_dict(), ensure_ascii=False))


def _renewed(expected: Any, result: Record | Failure, tolerance: float, exact: bool) -> Any:
    if isinstance(result, Failure):
        return {FAILURE_KEY: result.code}
    actual = _record_data(result)
    if isinstance(expected, dict) and FAILURE_KEY in expected:
        return actual
    return updated_expectation(expected, actual, tolerance=tolerance, exact=exact)


def _write_new(sheet: Path, result: Record | Failure) -> CaseResult:
    fixture = Fixture(sheet, _beside(sheet))
    data = {FAILURE_KEY: result.code} if isinstance(result, Failure) else _record_data(result)
    _write_expectation(fixture.expectation, data)
    return CaseResult(fixture, "new")


def _write_expectation(path: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, lambda handle: handle.write(text))


# --- showing --------------------------------------------------------------


def _shown(value: Any) -> str:
    return repr(value) if value is ABSENT else json.dumps(value, ensure_ascii=False)


def _shown_pair(expected: Any, actual: Any) -> tuple[str, str]:
    """Both values as JSON, long ones cut to the part around where they
    first differ, so a changed word in a long description shows."""
    left, right = _shown(expected), _shown(actual)
    if max(len(left), len(right)) <= _SHOWN_CHARS:
        return left, right
    start = next((i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b), 0)
    start = max(0, min(start, len(left), len(right)) - _SHOWN_CHARS // 4)
    return _cut(left, start), _cut(right, start)


def _cut(text: str, start: int) -> str:
    end = start + _SHOWN_CHARS
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


# --- JUnit XML ------------------------------------------------------------


def junit_xml(result: CheckResult, suite: str = "chemclust-extract check") -> str:
    """The results as JUnit XML: one ``testcase`` per fixture, the
    differences in its ``failure``; no timings, so the same results give
    the same bytes."""
    attrs = {"name": suite, "tests": str(len(result.cases)), "failures": str(result.failed)}
    root = ET.Element("testsuites", attrs)
    suite_element = ET.SubElement(root, "testsuite", attrs | {"errors": "0", "skipped": "0"})
    for case in result.cases:
        path = Path(case.name)
        testcase = ET.SubElement(
            suite_element, "testcase", {"classname": display_path(path.parent), "name": path.name}
        )
        if not case.passed:
            failure = ET.SubElement(testcase, "failure", _failure_attrs(case))
            failure.text = "\n".join(case.lines())
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _failure_attrs(case: CaseResult) -> dict[str, str]:
    count = len(case.differences)
    message = case.problem or f"{count} difference{'s' if count != 1 else ''}"
    return {"message": message, "type": "mismatch" if case.differences else "problem"}


def write_junit(result: CheckResult, path: str | os.PathLike[str]) -> Path:
    """Write :func:`junit_xml` to ``path`` (whole, or not at all)."""
    text = junit_xml(result)
    return write_atomic(Path(path), lambda handle: handle.write(text))
