"""Throughput and memory over a generated corpus of sheets.

    python benchmarks/bench_corpus.py [--files 2000] [--jobs 1] [--keep]

Builds a corpus from the samples (names, budgets, dates and partners varied,
each sheet saved in one of the encodings real folders hold), converts it with
``run_batch``, and prints files per second and peak memory.  Speed is
measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from chemclust_extract import run_batch

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ENCODINGS = ("utf-8", "utf-8-sig", "windows-1250", "iso-8859-2", "utf-16")


def templates() -> list[tuple[str, str]]:
    """The samples' texts, decoded, with their suffixes."""
    from chemclust_extract import decode_bytes

    return [(decode_bytes(p.read_bytes()).text, p.suffix) for p in sorted(SAMPLES.glob("*.*"))]


def vary(text: str, n: int, rng: random.Random) -> str:
    """A sheet like the template but for its name, money and partner numbers."""
    lines = text.splitlines()
    lines = [
        line.replace("ChemClust", f"ChemClust{n}").replace("NYSANET", f"NYSANET{n}")
        for line in lines
    ]
    extra = [f"{i}\tPartner organisation {n}-{i} (CZ)" for i in range(11, 11 + rng.randint(0, 15))]
    return "\n".join(lines + extra) + "\n"


def build(folder: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    bases = templates()
    total = 0
    for n in range(count):
        text, suffix = bases[n % len(bases)]
        encoding = rng.choice(ENCODINGS)
        try:
            data = vary(text, n, rng).encode(encoding)
        except UnicodeEncodeError:
            data = vary(text, n, rng).encode("utf-8")
        (folder / f"sheet{n:06d}{suffix}").write_bytes(data)
        total += len(data)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: one per core)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="chemclust-bench-"))
    corpus, out = root / "corpus", root / "out"
    corpus.mkdir()
    size = build(corpus, args.files)
    started = time.perf_counter()
    result = run_batch([corpus], out, jobs=args.jobs)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files      {args.files}  ({size / 1e6:.1f} MB)")
    print(f"records    {len(result.records)}   failures {len(result.failures)}")
    print(f"elapsed    {elapsed:.2f} s   ({args.files / elapsed:.0f} files/s, jobs={args.jobs})")
    print(f"peak RSS   {peak_mb:.0f} MB (this process)")
    if args.keep:
        print(f"corpus in  {root}")
    else:
        shutil.rmtree(root)
    return 0 if not result.failures else 1


if __name__ == "__main__":
    sys.exit(main())
