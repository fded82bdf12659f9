"""Write a file so that readers see the old complete file or the new
complete file, never half of one: write a temporary file beside it, flush it
to disk, then rename it over the target."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_open(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """Open a text file for writing that appears at ``path`` only when the
    block completes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_atomic(
    path: Path, write: Callable[[IO[str]], object], newline: str | None = None
) -> Path:
    """Call ``write`` with a handle that becomes ``path`` when it returns."""
    with atomic_open(path, newline) as handle:
        write(handle)
    return path


def remove_stale_parts(folder: Path) -> None:
    """Temporary files a killed run left behind (``.name.XXXX.part``)."""
    for part in folder.glob(".*.part"):
        part.unlink(missing_ok=True)
