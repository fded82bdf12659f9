"""Batches of many sheets: files per second, wall time and peak memory for
one process, the default (every available core) and the Dask engine.

    python benchmarks/bench_batch.py N [--engines jobs1,default,dask] [--keep DIR]

Generates N varied sheets (every sample and corpus sheet as a template, in
every format; names, budgets, dates and partners varied; each saved in one
of the encodings real folders hold) in a temporary folder, converts them
with the command line in a fresh process per engine, and prints files per
second, wall time and peak RSS (the child's ``ru_maxrss``), with the load
average beside them, and the speed-up of the default over one process.
The outputs of every engine are compared byte for byte.  Speed and memory
are measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = [
    *sorted((ROOT / "samples").iterdir()),
    *sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.suffix not in {".json", ".md"}),
]
ENCODINGS = ("utf-8", "utf-8-sig", "windows-1250", "iso-8859-2", "utf-16")
NAMES = ("ChemClust", "GREENPORTS", "NYSANET", "SAXCHEM", "RiverCare", "InnoChem")


def generate(folder: Path, count: int, seed: int = 7) -> Path:
    """``count`` sheets in ``folder``: the templates with their project names,
    numbers and partners varied, in varied encodings."""
    from chemclust_extract import decode_bytes

    rng = random.Random(seed)
    texts = [(decode_bytes(p.read_bytes()).text, p.suffix) for p in TEMPLATES if p.is_file()]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text, suffix = texts[n % len(texts)]
        for name in NAMES:
            text = text.replace(name, f"{name}{n}")
        text = text.replace("1.762.400", f"{rng.randint(1, 9)}.{rng.randint(100, 999)}.400")
        if suffix in {".tsv", ".txt"}:
            text += "".join(f"\n{i}\tPartner organisation {n}-{i} (CZ)" for i in range(rng.randint(0, 3)))
        encoding = rng.choice(ENCODINGS)
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        (folder / f"sheet{n:06d}{suffix}").write_bytes(data)
    return folder


# Runs a command and prints the peak RSS (kB) of its largest process: a
# wrapper of its own, so that each run's peak is its own.
_MEASURE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=False); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(folder: Path, out: Path, args: list[str]) -> tuple[float, float]:
    """Convert ``folder`` in a fresh process; wall seconds and peak MB."""
    command = [sys.executable, "-m", "chemclust_extract", "extract", str(folder), "-o", str(out), "-q", *args]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    return wall, int(done.stdout.split()[-1]) / 1024


ENGINES = {"jobs1": ["-j", "1"], "default": [], "dask": ["--engine", "dask"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--engines", default="jobs1,default,dask")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="chemclust-batch-"))
    try:
        started = time.perf_counter()
        folder = generate(work / "in", args.count)
        print(f"generated {args.count} sheets in {time.perf_counter() - started:.0f} s")
        print(f"{'engine':<10} {'files/s':>9} {'wall s':>8} {'peak MB':>8}  load average")
        walls: dict[str, float] = {}
        for name in args.engines.split(","):
            if name == "dask":
                try:
                    import distributed  # noqa: F401
                except ImportError:
                    print(f"{name:<10} skipped: pip install 'chemclust-extract[dask]'")
                    continue
            load = " ".join(f"{x:.2f}" for x in os.getloadavg())
            wall, peak = run(folder, work / f"out-{name}", ENGINES[name])
            walls[name] = wall
            print(f"{name:<10} {args.count / wall:>9.0f} {wall:>8.1f} {peak:>8.0f}  {load}")
        if "jobs1" in walls and "default" in walls:
            print(f"speed-up of the default over one process: {walls['jobs1'] / walls['default']:.2f}x")
        outs = [work / f"out-{name}" for name in walls]
        for other in outs[1:]:
            same = filecmp.dircmp(outs[0], other)
            verdict = "identical" if not (same.diff_files or same.left_only or same.right_only) else "DIFFERENT"
            print(f"outputs {outs[0].name} vs {other.name}: {verdict}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
