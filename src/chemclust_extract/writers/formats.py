"""Which files a run writes and how: the formats, the CSV dialect and
delimiter, validated once (a bad value is a ``ValueError``, which the
command line turns into a usage error), and the optional libraries some
formats need, checked before any input is read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module

__all__ = [
    "CSV_DELIMITERS", "CSV_DIALECTS", "DEFAULT_FORMATS", "FORMATS", "MissingExtra",
    "OutputOptions", "parse_formats",
]  # fmt: skip

FORMATS = ("json", "jsonl", "csv", "xlsx", "sqlite", "parquet")
DEFAULT_FORMATS = ("json", "csv")
# rfc4180: UTF-8 without a BOM (RFC 4180 and most tools); excel: with one,
# without which Excel reads UTF-8 as windows-1252 (both end rows in CRLF).
CSV_DIALECTS = ("rfc4180", "excel")
# ";" for the locales whose Excel expects it (cs, de, pl ...).
CSV_DELIMITERS = (",", ";", "\t", "|")
# format -> (the module it needs, the extra that installs it, what it is called)
EXTRAS = {
    "xlsx": ("xlsxwriter", "xlsx", "XlsxWriter"),
    "parquet": ("pyarrow", "parquet", "pyarrow"),
}


class MissingExtra(RuntimeError):
    """A format's optional library is not installed."""


def parse_formats(values: str | Iterable[str]) -> tuple[str, ...]:
    """Formats from ``"json,csv"`` or ``["json", "xlsx,sqlite"]``, in the
    order of :data:`FORMATS`, each once.  The CSV tables are always among
    them: ``datapackage.json``, written in every run, describes them.

    >>> parse_formats("xlsx, json,xlsx")
    ('json', 'csv', 'xlsx')
    >>> parse_formats(["pdf"])
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'pdf'; the formats are json, jsonl, csv, xlsx, sqlite, parquet
    """
    items = [values] if isinstance(values, str) else list(values)
    named = {part.strip().lower() for item in items for part in item.split(",")} - {""}
    if not named:
        raise ValueError(f"give at least one format: {', '.join(FORMATS)}")
    unknown = sorted(named - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r}; the formats are {', '.join(FORMATS)}")
    return tuple(name for name in FORMATS if name in named | {"csv"})


@dataclass(frozen=True)
class OutputOptions:
    """What a run writes into its output folder besides ``report.json``,
    ``report.html``, ``datapackage.json`` and ``errors.csv`` (always
    written): ``formats`` (see :func:`parse_formats`), and the CSV files'
    ``csv_dialect`` (``rfc4180`` or ``excel``) and ``csv_delimiter``.

    >>> OutputOptions(csv_delimiter=":")
    Traceback (most recent call last):
    ...
    ValueError: the CSV delimiter must be one of ',', ';', '\\t', '|', not ':'
    """

    formats: tuple[str, ...] = DEFAULT_FORMATS
    csv_dialect: str = "rfc4180"
    csv_delimiter: str = ","

    def __post_init__(self) -> None:
        object.__setattr__(self, "formats", parse_formats(self.formats))
        if self.csv_dialect not in CSV_DIALECTS:
            raise ValueError(
                f"unknown CSV dialect {self.csv_dialect!r}; the dialects are {', '.join(CSV_DIALECTS)}"
            )
        if self.csv_delimiter not in CSV_DELIMITERS:
            shown = ", ".join(map(repr, CSV_DELIMITERS))
            raise ValueError(
                f"the CSV delimiter must be one of {shown}, not {self.csv_delimiter!r}"
            )

    @property
    def csv_encoding(self) -> str:
        """The codec the CSV files are written in (``utf-8-sig`` writes the BOM)."""
        return "utf-8-sig" if self.csv_dialect == "excel" else "utf-8"

    def check_extras(self) -> None:
        """Raise :class:`MissingExtra`, in one line naming the extra to
        install, when a chosen format's library cannot be imported."""
        for name in self.formats:
            if name not in EXTRAS:
                continue
            module, extra, library = EXTRAS[name]
            try:
                import_module(module)
            except ImportError:
                raise MissingExtra(
                    f"the {name} format needs {library}: pip install 'chemclust-extract[{extra}]'"
                ) from None
