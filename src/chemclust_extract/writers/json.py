"""``projects.json``: every record, nested as the contract shows, as one
JSON array in UTF-8, written record by record; and small JSON files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from chemclust_extract.writers.atomic import write_atomic


def json_text(data: Any) -> str:
    """JSON as every output writes it: UTF-8 text, two-space indents, a
    final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self._handle.write(("[\n  " if not self._count else ",\n  ") + text)
        self._count += 1

    def close(self) -> None:
        self._handle.write("\n]\n" if self._count else "[]\n")
