"""The ``chemclust-extract`` command: a thin shell over :func:`run_batch`."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib.metadata import version
from typing import Any

import click

from chemclust_extract.batch import InputError, OutputFolderError, Skipped, run_batch
from chemclust_extract.decode import LEGACY_CANDIDATES
from chemclust_extract.languages import LANGUAGES, label_table
from chemclust_extract.options import DEFAULT_FILE_TIMEOUT, DEFAULT_MAX_SIZE, Options
from chemclust_extract.paths import display_path

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
    type=click.Path(),
    help="Folder to write the dataset into; never read as an input.",
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
    "--file-timeout",
    default=DEFAULT_FILE_TIMEOUT,
    show_default=True,
    type=click.FloatRange(min=0),
    metavar="S",
    help="Seconds one file may take before it fails with code timeout; 0 for no limit.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out files and folders whose name or path matches (repeatable).",
)
@click.option(
    "--labels",
    "label_files",
    multiple=True,
    metavar="FILE",
    help="A TOML file of your own labels per field (see 'labels'); adds to the built-in ones (repeatable).",
)
@click.option(
    "--include-hidden",
    is_flag=True,
    help="Also read hidden files and folders, and system files such as Thumbs.db.",
)
@click.option(
    "-j",
    "--jobs",
    default=None,
    show_default="one per core for 64+ files",
    type=click.IntRange(0),
    help="Processes to use; 0 means one per CPU core, 1 none besides this one.",
)
@click.option(
    "--wait",
    is_flag=True,
    help="If another run is writing the output folder, wait for it instead of stopping.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def extract(
    inputs: tuple[str, ...],
    out_dir: str,
    encoding: str | None,
    candidates: str,
    max_size: int,
    file_timeout: float,
    exclude: tuple[str, ...],
    label_files: tuple[str, ...],
    include_hidden: bool,
    jobs: int | None,
    wait: bool,
    quiet: bool,
) -> None:
    """Extract project sheets from files, folders (recursively) and globs.

    Writes projects.json, projects.csv, partners.csv, contacts.csv, news.csv,
    documents.csv, extra.csv, warnings.csv, errors.csv and report.json.
    Hidden and system files (Thumbs.db, desktop.ini, .DS_Store) and the
    output folder are skipped, and listed in report.json. One run at a time
    writes a folder.

    Exit status: 0 if every input gave a record, 1 if any failed (the others
    are still written), 2 for a usage error, 130 when interrupted (the
    previous output is left as it was).

    \b
    Example:
      chemclust-extract extract samples/ -o output
      chemclust-extract extract 'archive/**/*.htm' sheet.tsv -o out --jobs 0
      chemclust-extract extract old-exports/ --encoding windows-1250 --max-size 5MB
      chemclust-extract extract archive/ --exclude 'drafts' --exclude '*.bak'
    """
    try:
        options = Options(
            encoding=encoding,
            candidates=tuple(n.strip() for n in candidates.split(",") if n.strip()),
            max_size=max_size,
            file_timeout=file_timeout or None,
            exclude=exclude,
            include_hidden=include_hidden,
            labels=label_files,
        )
    except ValueError as error:
        raise Refused(str(error)) from None
    jobs = _cpu_count() if jobs == 0 else jobs
    try:
        with _progress(enabled=not quiet) as progress:
            result = run_batch(
                inputs, out_dir, options, jobs=jobs, progress=progress, wait=wait, waiting=_say
            )
    except (InputError, OutputFolderError) as error:
        raise Refused(str(error)) from None
    except KeyboardInterrupt:
        _say(f"interrupted; {display_path(out_dir)}/ was left as it was")
        raise SystemExit(130) from None
    for failure in result.failures:
        click.echo(f"{failure.path}: {failure.code}: {failure.message}", err=True)
    if not quiet:
        if result.skipped:
            _say(_skipped_line(result.skipped))
        if result.report["unknown_labels"]:
            _say(_unknown_line(result.report["unknown_labels"]))
        report = result.report
        _say(
            f"{report['inputs']} file(s): {report['records']} record(s), {report['failures']} failed, "
            f"{report['warnings']} warning(s) -> {display_path(out_dir)}/ ({report['elapsed_seconds']} s)"
        )
    raise SystemExit(result.exit_code)


class Refused(click.ClickException):
    """A usage error told in one line (``Error: ...``), exit status 2."""

    exit_code = 2


def _say(message: str) -> None:
    click.echo(message, err=True)


def _skipped_line(skipped: Sequence[Skipped]) -> str:
    """``skipped 3 (listed in report.json): hidden 2, system file 1`` - one line."""
    reasons = Counter(s.reason.split(" (")[0] for s in skipped)
    counted = ", ".join(f"{reason} {n}" for reason, n in sorted(reasons.items()))
    return f"skipped {len(skipped)} (listed in report.json): {counted}"


def _unknown_line(unknown: Sequence[dict[str, Any]]) -> str:
    """The five labels most often left unread, and how to map them."""
    top = ", ".join(f"{u['label']!r} ({u['sheets']})" for u in unknown[:_UNKNOWN_SHOWN])
    more = f" and {len(unknown) - _UNKNOWN_SHOWN} more" if len(unknown) > _UNKNOWN_SHOWN else ""
    return (
        f"labels no field knows, kept in extra (sheets): {top}{more}; "
        "map them to fields with --labels FILE (see 'chemclust-extract labels --help')"
    )


_UNKNOWN_SHOWN = 5


@main.command(name="labels")
@click.option("--field", "field_", metavar="F", help="Only this field.")
@click.option("--lang", metavar="L", help="Only this language (cs, en, de, pl).")
@click.option(
    "--labels", "label_files", multiple=True, metavar="FILE", help="Include a label profile."
)
def labels_command(field_: str | None, lang: str | None, label_files: tuple[str, ...]) -> None:
    """Print every canonical field with the labels it is read from.

    A label the extractor does not know goes to extra, and report.json lists
    such labels under unknown_labels.  Map them with a TOML file of the same
    shape as the built-in language files, given to extract with --labels:

    \b
      [total_budget]
      cs = ["Suma nákladů"]
      en = ["Overall cost"]
      ignore = ["Tisk", "Sdílet"]      # page furniture: never read

    Labels are also read by their words (inflections, word order, a fund
    or note inside), so a label need not be listed to be read.

    \b
    Example:
      chemclust-extract labels --field total_budget --lang de
      chemclust-extract extract archive/ --labels my-labels.toml
    """
    try:
        table_ = label_table(label_files)
    except ValueError as error:
        raise Refused(str(error)) from None
    if field_ is not None and field_ not in table_:
        raise Refused(f"unknown field {field_!r}; the fields are {', '.join(table_)}")
    if lang is not None and lang not in LANGUAGES:
        raise Refused(f"unknown language {lang!r}; the languages are {', '.join(LANGUAGES)}")
    for name, by_language in table_.items():
        if field_ is not None and name != field_:
            continue
        click.echo(name)
        for code, found in by_language.items():
            if lang is None or code == lang:
                click.echo(f"  {code}: {', '.join(found)}")


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


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1
