"""Accuracy of ``decode_bytes`` on texts saved in the encodings real folders hold.

    .venv/bin/python benchmarks/bench_encoding.py [--verbose] [--texts FOLDER]

Every text in ``benchmarks/encoding_texts/`` (UTF-8, written for this
benchmark in Czech, Slovak, Polish, German and English) is encoded into each
encoding below that can hold it, decoded again, and counted exact when the
decoded text equals the original.  Texts of 300 UTF-8 bytes or more are
project sheets ("documents"), shorter ones are single fields.  The same table
follows for chardet alone and, when it is installed, for charset_normalizer.

Exit status 1 when decode_bytes reads fewer than 99 % of the documents in
windows-1250, ISO-8859-2, windows-1252, UTF-8 (with or without BOM) and UTF-16
(with BOM) exactly.  BOM-less UTF-16 is measured but not gated.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import chardet

from chemclust_extract.decode import decode_bytes

TEXTS = Path(__file__).resolve().parent / "encoding_texts"
# Python's codecs: "utf-8-sig" and "utf-16" write a BOM, "utf-16-le" none.
ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "windows-1250",
    "iso-8859-2",
    "windows-1252",
)
GATED = frozenset(ENCODINGS) - {"utf-16-le"}
DOCUMENT_BYTES = 300
THRESHOLD = 99.0

# A detector reads bytes and gives the text (None when it cannot) and what
# it read them as.
Detector = Callable[[bytes], tuple[str | None, str]]


@dataclass(frozen=True)
class Case:
    """One text saved in one encoding."""

    name: str
    text: str
    encoding: str
    data: bytes

    @property
    def is_document(self) -> bool:
        return len(self.text.encode("utf-8")) >= DOCUMENT_BYTES


@dataclass(frozen=True)
class Outcome:
    """What a detector made of one case."""

    case: Case
    decoded: str | None
    read_as: str

    @property
    def exact(self) -> bool:
        return self.decoded == self.case.text


def load_texts(folder: Path) -> dict[str, str]:
    """The corpus by file name; bytes decoded as they are (no newline translation)."""
    return {path.name: path.read_bytes().decode("utf-8") for path in sorted(folder.glob("*.txt"))}


def encode_or_none(text: str, encoding: str) -> bytes | None:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return None


def build_cases(texts: dict[str, str]) -> list[Case]:
    """Every text in every encoding that can hold it."""
    return [
        Case(name, text, encoding, data)
        for name, text in texts.items()
        for encoding in ENCODINGS
        if (data := encode_or_none(text, encoding)) is not None
    ]


def with_decode_bytes(data: bytes) -> tuple[str | None, str]:
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def with_chardet(data: bytes) -> tuple[str | None, str]:
    return decode_strictly(data, chardet.detect(data)["encoding"])


def with_charset_normalizer(data: bytes) -> tuple[str | None, str]:
    from charset_normalizer import from_bytes  # type: ignore[import-not-found, unused-ignore]

    best = from_bytes(data).best()
    if best is None:
        return None, "no guess"
    return str(best), best.encoding


def decode_strictly(data: bytes, encoding: str | None) -> tuple[str | None, str]:
    """A guessed encoding that cannot decode the bytes counts as a wrong guess."""
    if not encoding:
        return None, "no guess"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return None, f"{encoding} (cannot decode)"


def comparison_detectors() -> dict[str, Detector]:
    found: dict[str, Detector] = {"chardet": with_chardet}
    if importlib.util.find_spec("charset_normalizer") is not None:
        found["charset_normalizer"] = with_charset_normalizer
    return found


def run(detector: Detector, cases: Iterable[Case]) -> list[Outcome]:
    return [Outcome(case, *detector(case.data)) for case in cases]


def score(outcomes: Iterable[Outcome]) -> tuple[int, int]:
    """(exact, total)."""
    marks = [outcome.exact for outcome in outcomes]
    return sum(marks), len(marks)


def cell(exact: int, total: int) -> str:
    if not total:
        return "—"
    return f"{exact:>3}/{total:<3} {100 * exact / total:5.1f} %"


def table(outcomes: Sequence[Outcome]) -> list[str]:
    """Rows per encoding and a total row; columns documents / short fields."""
    lines = [f"{'encoding':<14}  {'documents ≥300 B':<16}  short fields <300 B"]
    for label in (*ENCODINGS, "total"):
        rows = [o for o in outcomes if label in ("total", o.case.encoding)]
        documents = score(o for o in rows if o.case.is_document)
        fields = score(o for o in rows if not o.case.is_document)
        lines.append(f"{label:<14}  {cell(*documents):<16}  {cell(*fields)}")
    return lines


def gated_accuracy(outcomes: Iterable[Outcome]) -> float:
    """Percent of gated documents read exactly."""
    exact, total = score(o for o in outcomes if o.case.encoding in GATED and o.case.is_document)
    return 100 * exact / total if total else 0.0


def first_difference(expected: str, got: str | None, width: int = 16) -> str:
    """Where two texts part, with a few characters of context."""
    if got is None:
        return "not decoded"
    pairs = zip(expected, got, strict=False)
    at = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(expected), len(got)))
    start = max(0, at - 4)
    return f"char {at}: {expected[start : at + width]!r} read as {got[start : at + width]!r}"


def describe(outcome: Outcome) -> str:
    case = outcome.case
    verdict = "ok  " if outcome.exact else "FAIL"
    line = f"{verdict} {case.name:<18} {case.encoding:<13} -> {outcome.read_as}"
    if outcome.exact:
        return line
    return f"{line}\n       {first_difference(case.text, outcome.decoded)}"


def report(title: str, outcomes: Sequence[Outcome], verbose: bool) -> None:
    """The table, the gated accuracy, then the failures (every case if verbose)."""
    failures = [o for o in outcomes if not o.exact]
    print(f"\n== {title} ==")
    print("\n".join(table(outcomes)))
    print(f"gated documents exact: {gated_accuracy(outcomes):.1f} %")
    print(f"failures: {len(failures)}" + (f" of {len(outcomes)} cases" if verbose else ""))
    for outcome in outcomes if verbose else failures:
        print("  " + describe(outcome).replace("\n", "\n  "))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--verbose", action="store_true", help="print every case, not only failures"
    )
    parser.add_argument("--texts", type=Path, default=TEXTS, help="folder of UTF-8 *.txt texts")
    return parser.parse_args(argv)


def compare(cases: Sequence[Case], verbose: bool) -> None:
    """The same report for the library detectors on their own."""
    detectors = comparison_detectors()
    for title, detector in detectors.items():
        report(f"{title} alone", run(detector, cases), verbose)
    if "charset_normalizer" not in detectors:
        print("\n== charset_normalizer: not installed, skipped ==")


def verdict(accuracy: float) -> int:
    passed = accuracy >= THRESHOLD
    outcome = "pass" if passed else "FAIL"
    print(
        f"\ndecode_bytes gated documents: {accuracy:.1f} % (threshold {THRESHOLD:.0f} %): {outcome}"
    )
    return 0 if passed else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    texts = load_texts(args.texts)
    if not texts:
        print(f"no *.txt texts in {args.texts}", file=sys.stderr)
        return 2
    cases = build_cases(texts)
    print(
        f"{len(texts)} texts, {len(cases)} cases (utf-8-sig, utf-16: with BOM; utf-16-le: without)"
    )
    outcomes = run(with_decode_bytes, cases)
    report("decode_bytes", outcomes, args.verbose)
    compare(cases, args.verbose)
    return verdict(gated_accuracy(outcomes))


if __name__ == "__main__":
    sys.exit(main())
