"""``projects.json``: every record, nested as the contract shows, as one
JSON array in UTF-8, written record by record; ``projects.jsonl``, one
record a line; and small JSON files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from chemclust_extract.model import Failure
from chemclust_extract.writers.atomic import write_atomic
from chemclust_extract.writers.sink import Rows, open_text, sync_close


def json_text(data: Any) -> str:
    """JSON as every output writes it: UTF-8 text, two-space indents, a
    final newline."""
    return indented(data) + "\n"


def indented(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, byte for byte,
    several times faster: the standard library writes indented JSON with
    its pure-Python encoder; here each string is escaped in C and the
    nesting is walked directly.  Anything but dicts with text keys, lists,
    text, numbers, booleans and None goes to ``json.dumps``.

    >>> data = {"id": "a", "n": [1, 2.5, None, True], "e": {}, "t": "Ústí \\"x\\"\\n"}
    >>> indented(data) == json.dumps(data, ensure_ascii=False, indent=2)
    True
    """
    try:
        return _indented(data, "\n")
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=2)


class _Unusual(Exception):
    """A value :func:`indented` leaves to ``json.dumps``."""


_ESCAPE = json.encoder.encode_basestring  # the C function where there is one
_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _indented(value: Any, newline: str) -> str:
    kind = type(value)
    if kind is str:
        return _ESCAPE(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if value != value:
            return "NaN"
        return _FLOATS.get(value) or float.__repr__(value)
    inner = newline + "  "
    if kind is dict:
        if not value:
            return "{}"
        if any(type(key) is not str for key in value):
            raise _Unusual
        items = [_ESCAPE(key) + ": " + _indented(item, inner) for key, item in value.items()]
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        items = [_indented(item, inner) for item in value]
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    raise _Unusual


def write_json(data: Any, path: Path) -> Path:
    """Write JSON atomically."""
    text = json_text(data)
    return write_atomic(path, lambda handle: handle.write(text))


class JsonArray:
    """A JSON array written item by item, byte for byte as
    ``json.dumps(items, ensure_ascii=False, indent=2)`` plus a final newline
    would write the whole list.

    >>> import io
    >>> out = io.StringIO()
    >>> array = JsonArray(out)
    >>> array.add({"id": "a", "x": [1]}); array.add({"id": "b"}); array.close()
    >>> out.getvalue() == json.dumps([{"id": "a", "x": [1]}, {"id": "b"}], indent=2) + "\\n"
    True
    """

    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle
        self._count = 0

    def add(self, item: Any) -> None:
        text = indented(item).replace("\n", "\n  ")
        self._handle.write(("[\n  " if not self._count else ",\n  ") + text)
        self._count += 1

    def close(self) -> None:
        self._handle.write("\n]\n" if self._count else "[]\n")


class JsonSink:
    """``projects.json``: every record, nested, as one JSON array."""

    name = "projects.json"

    def __init__(self, folder: Path, options: object) -> None:
        self._path = folder / self.name
        self._handle = open_text(self._path)
        self._array = JsonArray(self._handle)

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        self._array.add(data)

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        self._array.close()
        sync_close(self._handle)
        return [self._path]

    def close(self) -> None:
        self._handle.close()


class JsonLinesSink(JsonSink):
    """``projects.jsonl``: one record a line (JSON Lines), for tools that
    read a record at a time (``pandas.read_json(lines=True)``, ``jq -c``,
    DuckDB's ``read_json``)."""

    name = "projects.jsonl"

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        self._handle.write(json_line(data))

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        sync_close(self._handle)
        return [self._path]


def json_line(data: Any) -> str:
    """One JSON Lines line: the record as ``json.dumps`` writes it, in
    UTF-8, and a newline (a newline inside a string is escaped by JSON).

    >>> json_line({"name": "Ústí", "text": "a\\nb"})
    '{"name": "Ústí", "text": "a\\\\nb"}\\n'
    """
    return json.dumps(data, ensure_ascii=False) + "\n"
