"""The ``chemclust-extract`` command: a thin shell over :func:`run_batch`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from typing import Any

import click

from chemclust_extract.batch import InputError, run_batch
from chemclust_extract.decode import LEGACY_CANDIDATES
from chemclust_extract.extract import DEFAULT_MAX_SIZE, Options

_SIZE_UNITS = {
    "": 1,
    "K": 1024,
    "KB": 1024,
    "M": 1024**2,
    "MB": 1024**2,
    "G": 1024**3,
    "GB": 1024**3,
}


def _size(ctx: click.Context, param: click.Parameter, value: object) -> int:
    """A size such as ``20MB``, ``512K`` or ``1048576``, in bytes."""
    if isinstance(value, int):
        return value
    text = str(value).strip().upper().replace(" ", "")
    number = text.rstrip("KMGB")
    unit = text[len(number) :]
    if not number.isdigit() or unit not in _SIZE_UNITS:
        raise click.BadParameter(f"{value!r} is not a size such as 20MB, 512K or 1048576")
    return int(number) * _SIZE_UNITS[unit]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("chemclust-extract"), prog_name="chemclust-extract")
def main() -> None:
    """Turn folders of legacy EU project sheets (TSV, HTML, text; cs/en/de/pl;
    any encoding) into a clean relational dataset."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to write the dataset into.",
)
@click.option(
    "--encoding",
    default=None,
    metavar="NAME",
    help="Read every file in this encoding instead of detecting it.",
)
@click.option(
    "--candidates",
    default=",".join(LEGACY_CANDIDATES),
    show_default=True,
    metavar="LIST",
    help="Legacy encodings to choose among when a file is not UTF-8/16.",
)
@click.option(
    "--max-size",
    default=str(DEFAULT_MAX_SIZE),
    callback=_size,
    metavar="SIZE",
    show_default="20MB",
    help="Files larger than this fail with code too_large.",
)
@click.option(
    "-j",
    "--jobs",
    default=None,
    show_default="one per core for 64+ files",
    type=click.IntRange(0),
    help="Processes to use; 0 means one per CPU core, 1 none besides this one.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def extract(
    inputs: tuple[str, ...],
    out_dir: str,
    encoding: str | None,
    candidates: str,
    max_size: int,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Extract project sheets from files, folders (recursively) and globs.

    Writes projects.json, projects.csv, partners.csv, contacts.csv, news.csv,
    documents.csv, extra.csv, warnings.csv, errors.csv and report.json.
    Exit status: 0 if every input gave a record, 1 if any failed (the others
    are still written), 2 for a usage error.

    \b
    Example:
      chemclust-extract extract samples/ -o output
      chemclust-extract extract 'archive/**/*.htm' sheet.tsv -o out --jobs 0
      chemclust-extract extract old-exports/ --encoding windows-1250 --max-size 5MB
    """
    options = Options(
        encoding=_encoding(encoding), candidates=_candidates(candidates), max_size=max_size
    )
    jobs = _cpu_count() if jobs == 0 else jobs
    try:
        with _progress(enabled=not quiet) as progress:
            result = run_batch(inputs, out_dir, options, jobs=jobs, progress=progress)
    except InputError as error:
        raise click.UsageError(str(error)) from error
    for failure in result.failures:
        click.echo(f"{failure.path}: {failure.code}: {failure.message}", err=True)
    if not quiet:
        report = result.report
        click.echo(
            f"{report['inputs']} file(s): {report['records']} record(s), {report['failures']} failed, "
            f"{report['warnings']} warning(s) -> {out_dir}/ ({report['elapsed_seconds']} s)",
            err=True,
        )
    raise SystemExit(result.exit_code)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal's stderr for batches worth waiting for;
    nothing in pipes, logs and CI."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < _PROGRESS_FROM:
            return
        if "bar" not in state:
            state["bar"] = click.progressbar(length=total, label="Extracting", file=sys.stderr)
            state["bar"].__enter__()
        state["bar"].update(1)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


_PROGRESS_FROM = 50


def _encoding(name: str | None) -> str | None:
    import codecs

    if name is None:
        return None
    try:
        codecs.lookup(name)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {name!r}", param_hint="--encoding") from None
    return name


def _candidates(text: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    for name in names:
        _encoding(name)
    if not names:
        raise click.BadParameter("give at least one encoding", param_hint="--candidates")
    return names


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1
