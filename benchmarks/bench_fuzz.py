"""A fuzz run: tens of thousands of hostile inputs through the batch.

    python benchmarks/bench_fuzz.py [--count 20000] [--jobs 2] [--seed 1] [--budget 30]

Generates inputs of eight kinds (random bytes, the samples mutated, the
samples spliced, the samples in other encodings, over-long values, deep
nesting, sheets of random labels and values, and random HTML-ish text),
writes them to a temporary folder in chunks and converts each chunk with
``run_batch``, as the command line does.  It reports, per kind, how many
inputs gave records and failures (by code), any exception that escaped, any
``internal_error`` or ``timeout`` failure, whether records + failures equal
the inputs in every report, and the slowest inputs.  Exit status 1 if any
of those checks fails.  Speed and robustness are measured here, never by
timed assertions in tests.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from chemclust_extract import Failure, Options, Record, run_batch
from chemclust_extract.batch import engine

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LABELS = [
    "Projekt", "Název projektu", "Program", "Trvání", "Doba realizace", "Celkový rozpočet",
    "Podíl ERDF", "Partneři projektu", "Kontaktní osoba", "Web projektu", "Aktuality",
    "Dokumenty", "Project acronym", "Total budget", "ERDF contribution", "Lead partner",
    "Projektträger", "Gesamtkosten", "Laufzeit", "Tytuł projektu", "Wartość projektu",
    "Partner za ČR", "Stručný popis projektu", "Beneficiary", "Fund",
]  # fmt: skip
VALUES = [
    "ChemClust", "01/2010 – 12/2012", "€ 1.762.400", "1 762 400,00 EUR", "Interreg IVC",
    "Ústí Region (CZ)", "Mail: a@b.cz Tel: +420 475657938", "www.chemclust.eu", "N/A", "-",
    "leden 2010 až prosinec 2012", "1. července 2017", "85 %", "max. 2 mil. Kč",
    "<p>Cílem <b>projektu</b> je…</p>", "javascript:alert(1)", "=HYPERLINK(\"x\")",
    "+٢٠١٠4", "Görlitz, Deutschland", "(Lead Partner)", "file:///C:/x.pdf", "\x00\x01\x7f",
]  # fmt: skip
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "windows-1250", "iso-8859-2",
             "windows-1252", "utf-32", "cp852", "koi8-r")  # fmt: skip
TOKENS = ["1 ", "01/2010 – ", "+420 ", "www.x.eu/", "<div>", "<span>", "<td>", "ž", "€",
          "\t", "\n", "&amp;", "&#x0;", "(", ")", "Partner: ", "1. ", "\xa0"]  # fmt: skip


def samples() -> list[tuple[bytes, str]]:
    return [(p.read_bytes(), p.suffix) for p in sorted(SAMPLES.iterdir()) if p.is_file()]


def random_bytes(rng: random.Random, base: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    size = rng.choice([0, 1, 2, 3, 7, 64, 512, 4096, 65536])
    prefix = rng.choice([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html>", b"PK\x03\x04"])
    return prefix + rng.randbytes(size), rng.choice([".tsv", ".html", ".txt", ""])


def mutated(rng: random.Random, base: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    data, suffix = rng.choice(base)
    buf = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 5, 20, 200])):
        if not buf:
            break
        at = rng.randrange(len(buf))
        how = rng.randrange(5)
        if how == 0:
            buf[at] ^= 1 << rng.randrange(8)
        elif how == 1:
            buf[at] = rng.randrange(256)
        elif how == 2:
            buf.insert(at, rng.randrange(256))
        elif how == 3:
            del buf[at : at + rng.randint(1, 64)]
        else:
            chunk = buf[at : at + rng.randint(1, 256)]
            buf[at:at] = chunk * rng.randint(1, 50)
    if rng.random() < 0.2:
        buf = buf[: rng.randrange(len(buf) + 1)]
    return bytes(buf), suffix


def spliced(rng: random.Random, base: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    (a, suffix), (b, _) = rng.choice(base), rng.choice(base)
    return a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1) :], suffix


def re_encoded(rng: random.Random, base: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    data, suffix = rng.choice(base)
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(ENCODINGS)
    out = text.encode(encoding, "replace")
    if rng.random() < 0.3:  # a few lines in another encoding
        lines = out.split(b"\n")
        i = rng.randrange(len(lines))
        lines[i] = text.split("\n")[min(i, text.count("\n"))].encode(rng.choice(ENCODINGS), "replace")
        out = b"\n".join(lines)
    return out, suffix


def long_value(rng: random.Random, base: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    label = rng.choice(LABELS)
    value = rng.choice(TOKENS) * rng.choice([1_000, 10_000, 40_000])
    rows = [f"Projekt\tLong{rng.randrange(1000)}", f"{label}\t{value}"]
    if rng.random() < 0.3:
        rows += [f"{n % 1000}\tPartner {n} (CZ)" for n in range(rng.choice([1000, 20000]))]
    return "\n".join(rows).encode("utf-8"), ".tsv"


def deep_nesting(rng: random.Random, base: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    tag = rng.choice(["div", "span", "table><tr><td", "ul><li", "font", "p", "b", "dl><dd"])
    depth = rng.choice([100, 1_000, 10_000, 50_000])
    close = "" if rng.random() < 0.5 else f"</{tag.split('>')[0]}>" * depth
    page = f"<{tag}>" * depth + "<p><b>Projekt:</b> Deep</p>" + close
    return page.encode("utf-8"), ".html"


def random_sheet(rng: random.Random, base: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    rows = []
    for _ in range(rng.randint(1, 40)):
        cells = [rng.choice(LABELS + VALUES + [""]) for _ in range(rng.randint(1, 5))]
        rows.append(rng.choice(["\t", ": ", "   "]).join(cells))
    text = rng.choice(["\n", "\r\n", "\r"]).join(rows)
    return text.encode(rng.choice(["utf-8", "windows-1250", "utf-16"]), "replace"), rng.choice(
        [".tsv", ".txt"]
    )


def random_html(rng: random.Random, base: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    parts = []
    for _ in range(rng.randint(1, 200)):
        choice = rng.random()
        if choice < 0.4:
            tag = rng.choice(["p", "b", "td", "tr", "table", "dl", "dt", "dd", "li", "ol", "br",
                              "a href='x'", "base href='file:///'", "xmp", "plaintext", "script",
                              "nav", "footer", "h2", "div class='footer'", "!--", "![CDATA["])  # fmt: skip
            parts.append(f"<{'/' if rng.random() < 0.3 else ''}{tag}>")
        else:
            parts.append(rng.choice(LABELS + VALUES))
    return "".join(parts).encode("utf-8"), ".html"


KINDS: dict[str, tuple[float, Callable[[random.Random, list[tuple[bytes, str]]], tuple[bytes, str]]]] = {
    "random bytes": (0.12, random_bytes),
    "mutated sample": (0.35, mutated),
    "spliced samples": (0.1, spliced),
    "re-encoded sample": (0.12, re_encoded),
    "long value": (0.02, long_value),
    "deep nesting": (0.02, deep_nesting),
    "random sheet": (0.17, random_sheet),
    "random html": (0.10, random_html),
}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=1_000)
    parser.add_argument("--budget", type=float, default=30.0, help="--file-timeout, seconds")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = samples()
    names, weights = list(KINDS), [w for w, _ in KINDS.values()]
    outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    problems: list[str] = []
    slowest: list[tuple[float, str]] = []
    timed = _timed_extraction(slowest)
    options = Options(file_timeout=args.budget)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="chemclust-fuzz-"))
    try:
        done = 0
        while done < args.count:
            size = min(args.chunk, args.count - done)
            folder = work / f"chunk{done:06d}"
            folder.mkdir()
            kinds: dict[str, str] = {}
            for n in range(size):
                kind = rng.choices(names, weights)[0]
                data, suffix = KINDS[kind][1](rng, base)
                path = folder / f"in{done + n:06d}{suffix}"
                path.write_bytes(data)
                kinds[path.as_posix()] = kind
            try:
                result = run_batch([folder], work / "out", options, jobs=args.jobs)
            except Exception:
                problems.append(f"chunk {folder.name}: exception\n{traceback.format_exc()}")
                done += size
                continue
            report = result.report
            if report["inputs"] != size or report["records"] + report["failures"] != size:
                problems.append(f"chunk {folder.name}: {size} inputs, report {report['inputs']}")
            for item in (*result.records, *result.failures):
                path = item.source.path if isinstance(item, Record) and item.source else ""
                path = item.path if isinstance(item, Failure) else path
                kind = kinds.get(path, "?")
                outcomes[kind]["record" if isinstance(item, Record) else item.code] += 1
                if isinstance(item, Failure) and item.code in {"internal_error", "timeout"}:
                    problems.append(f"{path} ({kind}): {item.code}: {item.message}")
            shutil.rmtree(folder)
            done += size
            print(f"  {done}/{args.count} inputs, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        engine.extract_within_budget = timed.__wrapped__  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - started
    _print(outcomes, problems, slowest, args.count, elapsed, args.budget)
    return 1 if problems else 0


def _timed_extraction(slowest: list[tuple[float, str]]) -> Callable[[Path, Options], object]:
    """Time every extraction (only within one process: with workers, the
    slowest list stays empty and the report's rate stands for speed)."""
    original = engine.extract_within_budget

    def timed(path: Path, options: Options) -> object:
        start = time.perf_counter()
        try:
            return original(path, options)
        finally:
            slowest.append((time.perf_counter() - start, path.name))
            slowest.sort(reverse=True)
            del slowest[5:]

    timed.__wrapped__ = original  # type: ignore[attr-defined]
    engine.extract_within_budget = timed  # type: ignore[assignment]
    return timed


def _print(
    outcomes: dict[str, Counter[str]],
    problems: list[str],
    slowest: list[tuple[float, str]],
    count: int,
    elapsed: float,
    budget: float,
) -> None:
    total = sum(sum(c.values()) for c in outcomes.values())
    print(f"\n{count} inputs in {elapsed:.0f} s ({count / elapsed:.0f} per second); {total} outcomes")
    print(f"{'kind':<20} {'inputs':>7} {'records':>8}  failures by code")
    for kind in KINDS:
        counts = outcomes.get(kind, Counter())
        codes = ", ".join(f"{c} {n}" for c, n in sorted(counts.items()) if c != "record")
        print(f"{kind:<20} {sum(counts.values()):>7} {counts['record']:>8}  {codes}")
    if slowest:
        print("slowest (seconds, file): " + ", ".join(f"{t:.2f} {n}" for t, n in slowest))
    exceptions = sum(1 for p in problems if "exception" in p or "internal_error" in p)
    over = sum(1 for p in problems if ": timeout:" in p)
    print(f"exceptions: {exceptions}; over the {budget:g} s budget: {over}; "
          f"records + failures = inputs: {'yes' if total == count else 'NO'}")  # fmt: skip
    for problem in problems[:20]:
        print("PROBLEM", problem)


if __name__ == "__main__":
    sys.exit(main())
