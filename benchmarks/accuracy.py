"""Accuracy over the real-sheet corpus: fields right, wrong values, sheets
fully right.

    python benchmarks/accuracy.py [--corpus tests/corpus] [--show] [CASE...]

Each ``tests/corpus/<case>.<ext>`` is a sheet built from the facts of a
real public project page (``tests/corpus/SOURCES-*.md`` names the pages);
``<case>.expected.json`` is its record written from the page and the
contract, without ``source`` and ``warnings``.  Every scalar field, every
attribute of every partner, contact, news item and document, and every
``extra`` entry counts as one field.  A field is *right* when it equals the
expectation, *missed* when it is null where a value was expected, and
*wrong* when it holds a value other than the expected one (an unexpected
partner or item counts as one wrong value).  A wrong value is worse than a
missed one: the target is 0.

``--show`` prints every difference; CASE names limit the run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chemclust_extract import Record, extract_file

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
LISTS = ("contacts", "partners", "news", "documents")
# The attribute that identifies an item of each list when pairing them up.
KEYS = {"contacts": "raw", "partners": "name", "news": "text", "documents": "text"}


@dataclass
class Tally:
    """Counts per field (``partners.country``, ``extra`` ...) and the
    differences found."""

    right: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    differences: list[str] = field(default_factory=list)

    def compare(self, name: str, where: str, expected: Any, actual: Any) -> None:
        if expected == actual:
            self.right[name] += 1
            return
        if actual is None:
            self.missed[name] += 1
            kind = "missed"
        else:
            self.wrong[name] += 1
            kind = "WRONG "
        self.differences.append(f"{kind} {where}: expected {expected!r}, got {actual!r}")


def cases(corpus: Path, names: list[str]) -> list[Path]:
    sheets = sorted(
        p for p in corpus.iterdir() if p.is_file() and p.suffix not in {".json", ".md"}
    )
    return [p for p in sheets if not names or p.stem in names]


def score(sheet: Path, tally: Tally) -> bool:
    """Compare one sheet's record with its expectation; True if fully right."""
    expected = json.loads(sheet.with_name(sheet.stem + ".expected.json").read_text("utf-8"))
    result = extract_file(sheet)
    if not isinstance(result, Record):
        tally.missed["(sheet)"] += 1
        tally.differences.append(f"missed {sheet.stem}: {result.code}: {result.message}")
        return False
    actual = result.to_dict()
    before = sum(tally.wrong.values()) + sum(tally.missed.values())
    for name, want in expected.items():
        if name in LISTS:
            for item_name, where, want_item, got_item in _paired(name, want, actual[name]):
                tally.compare(item_name, f"{sheet.stem}.{where}", want_item, got_item)
        elif name == "extra":
            got = actual["extra"]
            for label, value in want.items():
                tally.compare("extra", f"{sheet.stem}.extra[{label!r}]", value, got.get(label))
            for label in got.keys() - want.keys():
                tally.wrong["extra"] += 1
                tally.differences.append(
                    f"WRONG  {sheet.stem}.extra[{label!r}]: not expected, got {got[label]!r}"
                )
        else:
            tally.compare(name, f"{sheet.stem}.{name}", want, actual.get(name))
    return sum(tally.wrong.values()) + sum(tally.missed.values()) == before


def _paired(
    name: str, expected: list[dict[str, Any]], actual: list[dict[str, Any]]
) -> Iterator[tuple[str, str, Any, Any]]:
    """(field, where, expected, actual) for every attribute of every item:
    items are paired by their key attribute first, then in order; an item
    no expectation pairs with is one wrong value."""
    key = KEYS[name]
    left = list(range(len(actual)))
    pairs: list[tuple[int, int | None]] = []
    for i, item in enumerate(expected):
        match = next((j for j in left if actual[j].get(key) == item.get(key)), None)
        if match is not None:
            left.remove(match)
        pairs.append((i, match))
    for n, (i, match) in enumerate(pairs):
        if match is None and left:
            pairs[n] = (i, left.pop(0))
    for i, j in pairs:
        got = actual[j] if j is not None else {}
        for attribute, want in expected[i].items():
            yield f"{name}.{attribute}", f"{name}[{i}].{attribute}", want, got.get(attribute)
    for j in left:
        yield name, f"{name}[+{j}]", None, actual[j]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="CASE")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", action="store_true", help="print every difference")
    args = parser.parse_args()
    tally = Tally()
    sheets = cases(args.corpus, args.names)
    fully = [sheet.stem for sheet in sheets if score(sheet, tally)]
    right, missed, wrong = (sum(c.values()) for c in (tally.right, tally.missed, tally.wrong))
    total = right + missed + wrong
    print(f"{len(sheets)} sheets, {total} fields")
    print(f"fields right:        {right:5} ({right / max(1, total):.1%})")
    print(f"missed (null):       {missed:5}")
    print(f"wrong values:        {wrong:5}")
    print(f"sheets fully right:  {len(fully):5} of {len(sheets)}")
    print(f"\n{'field':<28} {'right':>6} {'missed':>7} {'wrong':>6}")
    by_field: dict[str, tuple[int, int, int]] = defaultdict(lambda: (0, 0, 0))
    for name in {*tally.right, *tally.missed, *tally.wrong}:
        by_field[name] = (tally.right[name], tally.missed[name], tally.wrong[name])
    for name, (r, m, w) in sorted(by_field.items(), key=lambda kv: (-kv[1][2], -kv[1][1], kv[0])):
        print(f"{name:<28} {r:>6} {m:>7} {w:>6}")
    if args.show:
        print()
        print("\n".join(tally.differences))
    return 0


if __name__ == "__main__":
    sys.exit(main())
