"""``projects.json``: every record, nested as the contract shows, as one
JSON array in UTF-8."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chemclust_extract.writers.atomic import write_atomic


def write_json(data: Any, path: Path) -> Path:
    """Write JSON atomically: UTF-8, two-space indents, a final newline."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_atomic(path, lambda handle: handle.write(text))
