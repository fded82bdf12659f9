"""Time and peak memory of ``extract_bytes`` on pathological HTML pages.

    python benchmarks/bench_pathological.py [--repeat 3] [--case nested-divs]

Each page is built in memory: 20 000 nested ``<div>``s, deeply nested
tables and spans, 10 000 empty table rows, unclosed tags everywhere, a page
of only ``<``, a 5 MB table of partner rows, 50 000 ``<br>``s, a 10 MB
attribute and an entity-expansion bomb in a DOCTYPE.  For each it prints the
best of ``--repeat`` timings, the peak memory Python allocated (tracemalloc,
in a separate run so that tracing does not slow the timed ones), whether it
stayed under one second and whether the answer was right.  Speed is measured
here, never asserted in tests (tests/test_robustness.py checks the answers).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

from chemclust_extract.extract import ExtractionError, extract_bytes

NAME_PARAGRAPH = "<p><b>Projekt:</b> ChemClust</p>"
BUDGET_SECONDS = 1.0


@dataclass(frozen=True)
class Case:
    """A page and the answer it should give: a record's name or a failure code."""

    name: str
    build: Callable[[], str]
    expected: str = "ChemClust"


def nested_divs() -> str:
    return "<div>" * 20_000 + NAME_PARAGRAPH + "</div>" * 20_000


def nested_tables() -> str:
    return "<table><tr><td>" * 1_000 + NAME_PARAGRAPH + "</td></tr></table>" * 1_000


def nested_spans() -> str:
    return "<span>" * 2_000 + f"<div>{NAME_PARAGRAPH}</div>" + "</span>" * 2_000


def empty_rows() -> str:
    empty = "<tr><td></td></tr>" * 5_000
    return f"<table>{empty}<tr><td>Projekt</td><td>ChemClust</td></tr>{empty}</table>"


def unclosed_tags() -> str:
    return "<p><b>Projekt:</b> ChemClust" + "<p><b>Program:<td>Interreg IVC<li><div><span>" * 2_000


def only_less_than() -> str:
    return "<" * 1_000_000


def partner_rows() -> str:
    row = (
        "<tr><td>{n}</td><td>Partner organisation {n} (CZ)</td>"
        '<td><a href="http://p{n}.cz/">www.p{n}.cz</a></td></tr>\n'
    )
    rows: list[str] = []
    size = 0
    while size < 5 * 1024 * 1024:
        rows.append(row.format(n=len(rows) + 1))
        size += len(rows[-1].encode())
    return (
        "<html><body><table><tr><th>Projekt</th><td>ChemClust</td></tr>"
        "<tr><th>Partneři projektu</th><td><table>"
        "<thead><tr><th>č.</th><th>Partner</th><th>web</th></tr></thead>"
        f"{''.join(rows)}</table></td></tr></table></body></html>"
    )


def line_breaks() -> str:
    return "<p><b>Projekt:</b> ChemClust" + "<br>" * 50_000 + "</p>"


def huge_attribute() -> str:
    return f'<p title="{"x" * 10_000_000}"><b>Projekt:</b> ChemClust</p>'


def entity_bomb() -> str:
    """Eight levels of ten-fold entities: 10**8 characters if expanded."""
    names = "abcdefgh"
    entities = ['<!ENTITY a "aaaaaaaaaa">'] + [
        f'<!ENTITY {name} "{f"&{previous};" * 10}">' for previous, name in itertools.pairwise(names)
    ]
    return (
        f"<!DOCTYPE html [{''.join(entities)}]>"
        f"<html><body><p><b>Projekt:</b> ChemClust</p><p><b>Program:</b> &{names[-1]};</p>"
        "</body></html>"
    )


CASES = (
    Case("nested-divs-20000", nested_divs),
    Case("nested-tables-1000", nested_tables),
    Case("nested-spans-2000", nested_spans),
    Case("empty-rows-10000", empty_rows),
    Case("unclosed-tags-2000", unclosed_tags),
    Case("only-less-than-1MB", only_less_than, expected="no_fields"),
    Case("partner-rows-5MB", partner_rows),
    Case("line-breaks-50000", line_breaks),
    Case("huge-attribute-10MB", huge_attribute),
    Case("entity-bomb-8-levels", entity_bomb),
)


def outcome(data: bytes) -> str:
    """The record's name, the failure code, or the exception that escaped
    (a defect: extraction should never raise anything else)."""
    try:
        return str(extract_bytes(data, "page.html").name)
    except ExtractionError as error:
        return error.code
    except Exception as error:
        return f"raised {type(error).__name__}"


def best_time(data: bytes, repeat: int) -> tuple[float, str]:
    times: list[float] = []
    answer = ""
    for _ in range(repeat):
        started = time.perf_counter()
        answer = outcome(data)
        times.append(time.perf_counter() - started)
    return min(times), answer


def peak_memory(data: bytes) -> int:
    tracemalloc.start()
    try:
        outcome(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per page (best is shown)")
    parser.add_argument(
        "--case", action="append", default=[], help="run only cases whose name contains this"
    )
    args = parser.parse_args()
    cases = [c for c in CASES if not args.case or any(part in c.name for part in args.case)]
    outcome(b"<p><b>Projekt:</b> warm-up</p>")  # imports and data files, once
    print(f"{'case':<22} {'input':>10} {'seconds':>9} {'peak MiB':>9} {'< 1 s':>6}  answer")
    wrong = 0
    for case in cases:
        data = case.build().encode()
        seconds, answer = best_time(data, max(1, args.repeat))
        peak = peak_memory(data) / 2**20
        right = answer == case.expected
        wrong += not right
        print(
            f"{case.name:<22} {len(data) / 2**20:>6.2f} MiB {seconds:>9.3f} {peak:>9.1f} "
            f"{'yes' if seconds < BUDGET_SECONDS else 'NO':>6}  "
            f"{answer[:30]!r}{'' if right else f' (expected {case.expected!r})'}",
            flush=True,
        )
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
