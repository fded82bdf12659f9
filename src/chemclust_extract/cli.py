"""The ``chemclust-extract`` command: a thin shell over :func:`run_batch`."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Any

import click

from chemclust_extract.batch import (
    ENGINES,
    PARALLEL_FROM,
    InputError,
    OutputFolderError,
    Skipped,
    available_cores,
    run_batch,
)
from chemclust_extract.batch.dask_engine import MissingExtra
from chemclust_extract.check import CheckError, CheckResult, run_check, write_junit
from chemclust_extract.decode import LEGACY_CANDIDATES
from chemclust_extract.languages import LANGUAGES, label_table
from chemclust_extract.options import DEFAULT_FILE_TIMEOUT, DEFAULT_MAX_SIZE, Options
from chemclust_extract.paths import display_path
from chemclust_extract.schema import TABLES, schema_json
from chemclust_extract.writers.formats import (
    CSV_DIALECTS,
    DEFAULT_FORMATS,
    FORMATS,
    OutputOptions,
)
from chemclust_extract.writers.formats import MissingExtra as MissingFormatExtra

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


def _reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """How sheets are read, for every command that reads them (``extract``,
    ``check``): the same options, defaults and help."""
    for option in reversed(_READING_OPTIONS):
        command = option(command)
    return command


_READING_OPTIONS = (
    click.option(
        "--encoding",
        default=None,
        metavar="NAME",
        help="Read every file in this encoding instead of detecting it.",
    ),
    click.option(
        "--candidates",
        default=",".join(LEGACY_CANDIDATES),
        show_default=True,
        metavar="LIST",
        help="Legacy encodings to choose among when a file is not UTF-8/16.",
    ),
    click.option(
        "--max-size",
        default=str(DEFAULT_MAX_SIZE),
        callback=_size,
        metavar="SIZE",
        show_default="20MB",
        help="Files larger than this fail with code too_large.",
    ),
    click.option(
        "--file-timeout",
        default=DEFAULT_FILE_TIMEOUT,
        show_default=True,
        type=click.FloatRange(min=0),
        metavar="S",
        help="Seconds one file may take before it fails with code timeout; 0 for no limit.",
    ),
    click.option(
        "--labels",
        "label_files",
        multiple=True,
        metavar="FILE",
        help="A TOML file of your own labels per field (see 'labels'); adds to the "
        "built-in ones (repeatable).",
    ),
)


def _reading(
    encoding: str | None,
    candidates: str,
    max_size: int,
    file_timeout: float,
    label_files: tuple[str, ...],
    **more: Any,
) -> Options:
    """The extraction options the reading options give (and ``more``)."""
    return Options(
        encoding=encoding,
        candidates=tuple(n.strip() for n in candidates.split(",") if n.strip()),
        max_size=max_size,
        file_timeout=file_timeout or None,
        labels=label_files,
        **more,
    )


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
    "-f",
    "--format",
    "formats",
    multiple=True,
    metavar="LIST",
    show_default=",".join(DEFAULT_FORMATS),
    help=f"Formats to write, comma-separated or repeated: {', '.join(FORMATS)}. "
    "The CSV tables are always written (datapackage.json describes them).",
)
@click.option(
    "--csv-dialect",
    type=click.Choice(CSV_DIALECTS),
    default="rfc4180",
    show_default=True,
    help="rfc4180: UTF-8 without a BOM; excel: UTF-8 with a BOM, so Excel reads the accents right.",
)
@click.option(
    "--csv-delimiter",
    default=",",
    show_default=True,
    metavar="CHAR",
    help="The CSV delimiter: ',', ';' (what Czech, German or Polish Excel expects), 'tab' or '|'.",
)
@_reading_options
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out files and folders whose name or path matches (repeatable).",
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
    show_default=f"one per core for {PARALLEL_FROM}+ files",
    type=click.IntRange(0),
    help="Processes to use; 0 means one per CPU core this process may use, 1 none "
    "besides this one.",
)
@click.option(
    "--wait",
    is_flag=True,
    help="If another run is writing the output folder, wait for it instead of stopping.",
)
@click.option(
    "--incremental",
    is_flag=True,
    help="Reuse the output folder's earlier run: sheets whose path and bytes are unchanged "
    "are not extracted again. The result is the same as a full run.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where to extract: worker processes here, or a Dask cluster (extra [dask]).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="The Dask scheduler to use with --engine dask (tcp://host:8786); default: a local cluster.",
)
@click.option(
    "--progress",
    "progress_mode",
    type=click.Choice(["auto", "json", "none"]),
    default="auto",
    show_default=True,
    help="auto: a bar on a terminal; json: one JSON line per 1000 files on stderr.",
)
@click.option(
    "--timings",
    "timings_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write the run's timings as JSON here (they are kept out of the output folder).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def extract(
    inputs: tuple[str, ...],
    out_dir: str,
    formats: tuple[str, ...],
    csv_dialect: str,
    csv_delimiter: str,
    encoding: str | None,
    candidates: str,
    max_size: int,
    file_timeout: float,
    exclude: tuple[str, ...],
    label_files: tuple[str, ...],
    include_hidden: bool,
    jobs: int | None,
    wait: bool,
    incremental: bool,
    engine: str,
    scheduler: str | None,
    progress_mode: str,
    timings_file: str | None,
    quiet: bool,
) -> None:
    """Extract project sheets from files, folders (recursively) and globs.

    Writes projects.json, projects.csv, partners.csv, contacts.csv, news.csv,
    documents.csv, extra.csv, warnings.csv, errors.csv, report.json,
    report.html (the run to look at) and datapackage.json (the tables'
    types and keys); --format adds projects.jsonl, projects.xlsx (extra
    [xlsx]), projects.sqlite and parquet/TABLE.parquet (extra [parquet]).
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
      chemclust-extract extract samples/ -o out --format json,jsonl,csv,xlsx,sqlite,parquet
      chemclust-extract extract samples/ -o out --csv-dialect excel --csv-delimiter ';'
    """
    try:
        options = _reading(
            encoding, candidates, max_size, file_timeout, label_files,
            exclude=exclude, include_hidden=include_hidden,
        )  # fmt: skip
        outputs = OutputOptions(
            formats=formats or DEFAULT_FORMATS,
            csv_dialect=csv_dialect,
            csv_delimiter="\t" if csv_delimiter.lower() == "tab" else csv_delimiter,
        )
    except ValueError as error:
        raise Refused(str(error)) from None
    jobs = available_cores() if jobs == 0 else jobs
    try:
        with _progress("none" if quiet else progress_mode) as progress:
            result = run_batch(
                inputs, out_dir, options, jobs=jobs, progress=progress, wait=wait, waiting=_say,
                incremental=incremental, engine=engine, scheduler=scheduler, outputs=outputs,
            )  # fmt: skip
    except (InputError, OutputFolderError, MissingExtra, MissingFormatExtra) as error:
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
            f"{report['warnings']} warning(s) -> {display_path(out_dir)}/ "
            f"({result.timings['elapsed_seconds']} s)"
        )
    if timings_file is not None:
        Path(timings_file).write_text(json.dumps(result.timings, indent=2) + "\n", "utf-8")
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


@main.command(name="schema")
@click.option(
    "--table",
    metavar="T",
    help="Print this table's Frictionless Table Schema instead: " + ", ".join(TABLES) + ".",
)
def schema_command(table: str | None) -> None:
    """Print the JSON Schema (draft 2020-12) of a record, as projects.json
    and projects.jsonl hold it, or with --table the Frictionless Table
    Schema of one table (its columns' types, primary and foreign keys), as
    datapackage.json holds it.

    \b
    Example:
      chemclust-extract schema > record.schema.json
      chemclust-extract schema --table partners
    """
    try:
        click.echo(schema_json(table), nl=False)
    except ValueError as error:
        raise Refused(str(error)) from None


@contextmanager
def _progress(mode: str) -> Iterator[Callable[[int, int], None] | None]:
    """Progress on stderr: a bar with files per second and the time left on
    a terminal (``auto``; nothing in pipes, logs and CI), or one JSON line
    per 1 000 files for schedulers (``json``)."""
    if mode == "json":
        yield _json_progress(time.monotonic())
        return
    if mode == "none" or not sys.stderr.isatty():
        yield None
        return
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < _PROGRESS_FROM:
            return
        if "bar" not in state:
            state["bar"] = click.progressbar(
                length=total, label="Extracting", file=sys.stderr, show_eta=True,
                item_show_func=lambda _: state.get("rate"),
            )  # fmt: skip
            state["bar"].__enter__()
            state["start"] = time.monotonic()
        elapsed = time.monotonic() - state["start"]
        state["rate"] = f"{done / elapsed:.0f} files/s" if elapsed > 0 else None
        state["bar"].update(1)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


def _json_progress(started: float) -> Callable[[int, int], None]:
    def update(done: int, total: int) -> None:
        if done % _JSON_EVERY and done != total:
            return
        elapsed = time.monotonic() - started
        rate = done / elapsed if elapsed > 0 else 0.0
        line = {
            "done": done, "total": total, "elapsed_seconds": round(elapsed, 1),
            "files_per_second": round(rate, 1),
            "eta_seconds": round((total - done) / rate, 1) if rate else None,
        }  # fmt: skip
        click.echo(json.dumps(line), err=True)

    return update


_PROGRESS_FROM = 50
_JSON_EVERY = 1000


@main.command(name="check")
@click.argument("folders", nargs=-1, required=True, metavar="DIR...")
@_reading_options
@click.option(
    "--tolerance",
    default=0.0,
    type=click.FloatRange(min=0),
    metavar="AMOUNT",
    help="Let total_budget and eu_contribution differ by up to this much (default: exactly).",
)
@click.option(
    "--update",
    is_flag=True,
    help="Rewrite the expectations that differ from the current output, keeping partial "
    "ones partial, and write one beside each sheet that has none.",
)
@click.option(
    "--junit",
    "junit_file",
    type=click.Path(dir_okay=False, writable=True),
    metavar="FILE",
    help="Also write the results as JUnit XML for CI to show.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the summary line.")
def check_command(
    folders: tuple[str, ...],
    label_files: tuple[str, ...],
    encoding: str | None,
    candidates: str,
    max_size: int,
    file_timeout: float,
    tolerance: float,
    update: bool,
    junit_file: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Extract fixture sheets and compare each record with the one expected.

    A fixture is a sheet NAME.EXT with NAME.expected.json beside it,
    anywhere under each DIR (or in another DIR given).  An expectation may
    hold only the fields that matter; "…" or {"$ignore": true} skips a
    value, and {"$failure": "CODE"} expects the sheet to fail so.

    Prints PASS or FAIL per fixture, a line per difference (the field's
    path, the expected and the actual value), then "check: N passed, M
    failed".  Exit status: 0 if all pass, 1 if any fails, 2 for a usage
    error or when no fixture is found.

    \b
    Example:
      chemclust-extract check fixtures/ --junit report.xml
      chemclust-extract check samples tests/fixtures
      chemclust-extract check fixtures/ --update      # then review the diff
    """
    try:
        options = _reading(encoding, candidates, max_size, file_timeout, label_files)
    except ValueError as error:
        raise Refused(str(error)) from None
    try:
        result = run_check(folders, options, tolerance=tolerance, update=update)
        if junit_file:
            write_junit(result, junit_file)
    except (CheckError, OSError) as error:
        raise Refused(str(error)) from None
    if as_json:
        click.echo(result.to_json())
    else:
        _show_check(result, quiet)
    click.echo(result.summary(), err=as_json)
    raise SystemExit(result.exit_code)


_CHECK_STATUS = {
    "pass": ("PASS", "green"),
    "fail": ("FAIL", "red"),
    "updated": ("UPDATED", "yellow"),
    "new": ("NEW", "yellow"),
}


def _show_check(result: CheckResult, quiet: bool) -> None:
    """PASS/FAIL lines and their differences; colours only reach a terminal
    (click.echo drops them in pipes and CI logs)."""
    for case in result.cases:
        if quiet and case.passed:
            continue
        word, colour = _CHECK_STATUS[case.status]
        shown = case.name
        if case.status == "new":
            shown += f" -> {display_path(case.fixture.expectation)}"
        click.echo(f"{click.style(word, fg=colour, bold=True)} {shown}")
        if case.problem:
            click.echo(f"  {case.problem}")
        before, after = case.words()
        for difference in case.differences:
            path = difference.path or "(record)"
            expected, actual = difference.shown()
            click.echo(
                f"  {click.style(path, bold=True)}: {before} {click.style(expected, fg='red')}, "
                f"{after} {click.style(actual, fg='green')}"
            )
    if not quiet:
        for sheet in result.unchecked:
            click.echo(f"SKIP {sheet.path} ({sheet.reason})")
