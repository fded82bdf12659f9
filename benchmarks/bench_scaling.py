"""Time of ``extract_bytes`` against input size, for the shapes of input that
once cost more than linear time (issue 7, "Hardening").

    python benchmarks/bench_scaling.py [--case partner] [--scale 0.5] [--limit 10] [--memory]

Each shape is built in memory at four or more doubling sizes: a budget of
``1 1 1 … EUR``, a duration of ``01/2010 – `` repeated, partner rows whose
numbers repeat, pages of nested ``<div>``, ``<span>``, ``<table><tr><td>``
and ``<ul><li>`` (closed and unclosed, one tag a line as saved pages have
them), a label padded with spaces, and long contact, news, description and
text-format sheets.  For each size it prints the best of ``--repeat``
timings and the ratio to the size before: about 2 when the time is linear,
4 when it grows with the square.  The verdict fits the slope of log time
against log size over all sizes (1 is linear).  A shape stops doubling once
one size takes over ``--limit`` seconds.  ``--memory`` runs each size in a
process of its own and adds its peak resident memory.  Speed is measured
here, never asserted in tests (tests/test_linear.py checks the answers).
The default run takes about a minute.
"""

from __future__ import annotations

import argparse
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from chemclust_extract.extract import ExtractionError, extract_bytes

TSV_NAME = "Projekt\tChemClust\n"
TEXT_NAME = "Projekt: ChemClust\n"
HTML_NAME = "<p><b>Projekt:</b> ChemClust</p>\n"
CELL = 15  # characters per timing cell
LINEAR_SLOPE = 1.3  # log-log slope up to which the time counts as linear
SUPERLINEAR_SLOPE = 1.6


@dataclass(frozen=True)
class Shape:
    """An input built at size ``n``, the sizes to time it at, and the
    record's name it should give."""

    name: str
    build: Callable[[int], tuple[str, str]]  # n -> (text, file name)
    first: int  # the smallest size; each next one doubles it
    steps: int = 4
    expected: str = "ChemClust"


def money_value(n: int) -> tuple[str, str]:
    return f"{TSV_NAME}Celkový rozpočet:\t{'1 ' * n}EUR\n", "sheet.tsv"


def money_digits(n: int) -> tuple[str, str]:
    return f"{TSV_NAME}Celkový rozpočet:\t{'1' * n}\n", "sheet.tsv"


def duration_repeated(n: int) -> tuple[str, str]:
    return f"{TSV_NAME}Trvání:\t{'01/2010 – ' * n}\n", "sheet.tsv"


def duration_dashes(n: int) -> tuple[str, str]:
    return f"{TSV_NAME}Trvání:\t{'2010-' * n}2012\n", "sheet.tsv"


def partner_rows(n: int) -> tuple[str, str]:
    rows = "".join(f"{i % 999 + 1}\tPartner organisation {i} (CZ)\n" for i in range(n))
    return f"{TSV_NAME}Partneři projektu\n{rows}", "sheet.tsv"


def partner_lines(n: int) -> tuple[str, str]:
    """A text-format sheet: numbered partner lines under their label."""
    rows = "".join(f"  {i % 999 + 1}. Partner organisation {i} (CZ)\n" for i in range(n))
    return f"{TEXT_NAME}Partneři projektu:\n{rows}", "sheet.txt"


def phone_value(n: int) -> tuple[str, str]:
    return f"{TSV_NAME}Kontaktní osoba:\tJan Novák Tel: +420 {'475 ' * n}\n", "sheet.tsv"


def padded_label(n: int) -> tuple[str, str]:
    return f"{TSV_NAME}Poznámka{' ' * n}(x\thodnota\n", "sheet.tsv"


def news_list(n: int) -> tuple[str, str]:
    items = "".join(f"Workshop {i} v Bruselu (April 2010, s.9)\n" for i in range(n))
    return f"{TSV_NAME}Aktuality\n{items}", "sheet.tsv"


def description(n: int) -> tuple[str, str]:
    return f"{TSV_NAME}Stručný popis projektu\t{'<p>Cílem projektu je …</p>' * n}\n", "sheet.tsv"


def text_labels(n: int) -> tuple[str, str]:
    lines = "".join(f"Poznámka {i}: hodnota {i}\n    pokračování {i}\n" for i in range(n))
    return f"{TEXT_NAME}{lines}", "sheet.txt"


def repeated_label(n: int) -> tuple[str, str]:
    return TSV_NAME + "Poznámka:\thodnota\n" * n, "sheet.tsv"


def lead_labels(n: int) -> tuple[str, str]:
    return TSV_NAME + "".join(f"Lead partner:\tCity {i} (DE)\n" for i in range(n)), "sheet.tsv"


def contact_lines(n: int) -> tuple[str, str]:
    return f"{TSV_NAME}Kontaktní osoba:\tJan Novák\n" + "\tIng. Jan Novák\n" * n, "sheet.tsv"


def contact_run(n: int) -> tuple[str, str]:
    """A contact value holding a long run of the characters of an e-mail's
    local part and no ``@``."""
    return f"{TSV_NAME}Kontaktní osoba:\tJan {'1-' * n}1a\n", "sheet.tsv"


def nested(open_tags: str, close_tags: str, closed: bool) -> Callable[[int], tuple[str, str]]:
    """Pages of ``n`` nested elements, one tag a line; the name comes first
    on an unclosed page, innermost on a closed one."""

    def build(n: int) -> tuple[str, str]:
        depth = n // open_tags.count("<")
        if closed:
            return open_tags * depth + HTML_NAME + close_tags * depth, "page.html"
        return HTML_NAME + open_tags * depth + "x\n", "page.html"

    return build


def labelled_divs(n: int) -> tuple[str, str]:
    """Nested ``<div>``s, each opening with a bold label and its value."""
    return HTML_NAME + "<div><b>Label:</b> value\n" * (n // 2), "page.html"


ELEMENTS = 200_000
SHAPES = (
    Shape("money-1-1-1-EUR", money_value, 4_000),
    Shape("money-digits", money_digits, 4_000),
    Shape("duration-repeated", duration_repeated, 1_500),
    Shape("duration-dashes", duration_dashes, 1_000),
    Shape("partner-rows-tsv", partner_rows, 5_000),
    Shape("partner-lines-text", partner_lines, 5_000),
    Shape("phone-value", phone_value, 4_000),
    Shape("padded-label", padded_label, 4_000),
    Shape("news-list", news_list, 5_000),
    Shape("description", description, 5_000),
    Shape("text-labels", text_labels, 5_000),
    Shape("divs-closed", nested("<div>\n", "</div>\n", True), ELEMENTS // 8),
    Shape("divs-unclosed", nested("<div>\n", "", False), ELEMENTS // 8),
    Shape("spans-closed", nested("<span>\n", "</span>\n", True), ELEMENTS // 8),
    Shape("spans-unclosed", nested("<span>\n", "", False), ELEMENTS // 8),
    Shape(
        "tables-closed",
        nested("<table>\n<tr>\n<td>\n", "</td>\n</tr>\n</table>\n", True),
        ELEMENTS // 8,
    ),
    Shape("tables-unclosed", nested("<table>\n<tr>\n<td>\n", "", False), ELEMENTS // 8),
    Shape("lists-closed", nested("<ul>\n<li>\n", "</li>\n</ul>\n", True), ELEMENTS // 8),
    Shape("lists-unclosed", nested("<ul>\n<li>\n", "", False), ELEMENTS // 8),
    Shape("labelled-divs", labelled_divs, ELEMENTS // 8),
    # Outside the normalisers and readers: assemble's extra keys and lead
    # partners, and the contact splitter's and e-mail pattern's scans.
    Shape("repeated-label", repeated_label, 1_000),
    Shape("lead-labels", lead_labels, 1_000),
    Shape("contact-lines", contact_lines, 500),
    Shape("contact-email-run", contact_run, 1_000),
)


def outcome(data: bytes, file_name: str) -> str:
    """The record's name, the failure code, or the exception that escaped."""
    try:
        return str(extract_bytes(data, file_name).name)
    except ExtractionError as error:
        return error.code
    except Exception as error:
        return f"raised {type(error).__name__}"


def best_time(data: bytes, file_name: str, repeat: int) -> tuple[float, str]:
    """The best of ``repeat`` timings (more runs while they are quick)."""
    times: list[float] = []
    answer = ""
    while len(times) < repeat or (sum(times) < 0.2 and len(times) < 5):
        started = time.perf_counter()
        answer = outcome(data, file_name)
        times.append(time.perf_counter() - started)
    return min(times), answer


def in_own_process(shape: Shape, n: int, repeat: int) -> tuple[float, str, float]:
    """Seconds, answer and peak resident MiB of one size, in a fresh process."""
    command = [sys.executable, __file__, "--one", shape.name, str(n), "--repeat", str(repeat)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds, peak, answer = result.stdout.strip().split("\t", 2)
    return float(seconds), answer, float(peak)


def run_one(name: str, n: int, repeat: int) -> None:
    """Print the seconds, peak MiB and answer of one size (for --memory)."""
    shape = next(s for s in SHAPES if s.name == name)
    text, file_name = shape.build(n)
    outcome(TSV_NAME.encode(), "warm-up.tsv")
    seconds, answer = best_time(text.encode(), file_name, repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{seconds}\t{peak}\t{answer}")


def slope(sizes: list[int], seconds: list[float]) -> float | None:
    """Least-squares slope of log time against log size: 1 linear, 2 square."""
    points = [(math.log(n), math.log(t)) for n, t in zip(sizes, seconds, strict=True) if t > 0]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def verdict(fitted: float | None) -> str:
    if fitted is None:  # the first size alone took over --limit
        return "too slow"
    if fitted < LINEAR_SLOPE:
        return "linear"
    return "SUPERLINEAR" if fitted >= SUPERLINEAR_SLOPE else "borderline"


def measure(shape: Shape, args: argparse.Namespace) -> bool:
    """Time one shape at its doubling sizes and print its line; whether its
    answers were right and its time linear."""
    first = max(1, round(shape.first * args.scale))
    warm_up, file_name = shape.build(max(1, first // 16))
    outcome(warm_up.encode(), file_name)  # first calls load data (dateparser's languages)
    sizes: list[int] = []
    seconds: list[float] = []
    cells: list[str] = []
    right = True
    for step in range(shape.steps + args.more):
        n = first * 2**step
        if args.memory:
            took, answer, peak = in_own_process(shape, n, args.repeat)
            extra = f" {peak:>4.0f}M"
        else:
            text, file_name = shape.build(n)
            took, answer = best_time(text.encode(), file_name, args.repeat)
            extra = ""
        right = right and answer == shape.expected
        ratio = f"×{took / seconds[-1]:.1f}" if seconds and seconds[-1] > 0 else ""
        cells.append(f"{took:>7.3f}{ratio:>6}{extra}".ljust(CELL + (6 if args.memory else 0)))
        sizes.append(n)
        seconds.append(took)
        if took > args.limit:
            break
    fitted = slope(sizes, seconds)
    text, _ = shape.build(first)
    timings = "".join(cells).ljust((CELL + (6 if args.memory else 0)) * (shape.steps + args.more))
    print(
        f"{shape.name:<20} {first:>7} {len(text.encode()) / 1024:>7.0f}K  {timings}"
        f"{fitted if fitted is not None else float('nan'):>5.2f}  {verdict(fitted):<11} "
        f"{'right' if right else 'WRONG ANSWER'}",
        flush=True,
    )
    return right and verdict(fitted) == "linear"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per size (best is shown)")
    parser.add_argument(
        "--case", action="append", default=[], help="run only shapes whose name contains this"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    parser.add_argument("--more", type=int, default=0, help="doublings beyond the default four")
    parser.add_argument(
        "--limit", type=float, default=5.0, help="stop doubling a shape once a size takes longer"
    )
    parser.add_argument(
        "--memory", action="store_true", help="each size in its own process, with its peak memory"
    )
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(args.one[0], int(args.one[1]), args.repeat)
        return 0
    shapes = [s for s in SHAPES if not args.case or any(part in s.name for part in args.case)]
    outcome(TSV_NAME.encode(), "warm-up.tsv")  # imports and data files, once
    steps = max((s.steps for s in shapes), default=4) + args.more
    heading = "seconds (peak MiB) at n, 2n, 4n ..." if args.memory else "seconds at n, 2n, 4n ..."
    width = (CELL + (6 if args.memory else 0)) * steps
    print(f"{'shape':<20} {'n':>7} {'input':>8}  {heading:<{width}}slope  verdict     answer")
    print(f"{'':<38}{'(×: time over the size before; 2 is linear, 4 square)':<{width}}")
    good = [measure(shape, args) for shape in shapes]
    return 0 if all(good) else 1


if __name__ == "__main__":
    sys.exit(main())
