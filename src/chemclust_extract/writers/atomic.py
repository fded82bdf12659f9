"""Write files so that readers see the old complete file or the new complete
file, never half of one: write under a temporary name beside the target,
flush it to disk, then rename it over the target.  A whole dataset is
written into a staging folder first and moved in at the end, so an
interrupted run leaves the previous dataset as it was."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

STAGING_PREFIX = ".staging-"


@contextmanager
def atomic_open(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """Open a text file for writing that appears at ``path`` only when the
    block completes, with the mode ``open()`` would give it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())  # mkstemp makes files private (0600)
        # A lone surrogate that reached this far is written escaped rather
        # than failing the whole batch.
        with os.fdopen(
            fd, "w", encoding="utf-8", errors="backslashreplace", newline=newline
        ) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(
    path: Path, write: Callable[[IO[str]], object], newline: str | None = None
) -> Path:
    """Call ``write`` with a handle that becomes ``path`` when it returns."""
    with atomic_open(path, newline) as handle:
        write(handle)
    return path


def remove_stale_parts(folder: Path) -> None:
    """Temporary files and staging folders a killed run left behind."""
    for part in folder.glob(".*.part"):
        part.unlink(missing_ok=True)
    for staging in folder.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def staging_folder(out_dir: Path) -> Iterator[Path]:
    """A fresh hidden folder inside ``out_dir`` to write a dataset into;
    removed with whatever is left in it when the block ends."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def move_in(
    staged: Sequence[Path],
    out_dir: Path,
    first_removed: str | Sequence[str],
    root: Path | None = None,
) -> list[Path]:
    """Rename staged files into ``out_dir``, in order, after removing
    ``first_removed`` (the old report, so that no report stands for a
    half-replaced dataset, and files of the old run this one does not
    replace).  A file keeps its place under ``root`` (``parquet/x.parquet``
    stays in ``parquet/``); without ``root`` it goes to ``out_dir`` itself.
    Ctrl-C and SIGTERM wait until every file is in place: the renames take
    milliseconds."""
    removed = [first_removed] if isinstance(first_removed, str) else list(first_removed)
    deferred = {signal.SIGINT, signal.SIGTERM}
    blocked = hasattr(signal, "pthread_sigmask")
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, deferred) if blocked else set()
    try:
        for name in removed:
            _remove(out_dir, name)
        moved = []
        for path in staged:
            target = out_dir / (path.relative_to(root) if root else path.name)
            if target.parent != out_dir:
                target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            moved.append(target)
        for folder in dict.fromkeys([out_dir, *(target.parent for target in moved)]):
            _fsync_folder(folder)
        return moved
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _remove(out_dir: Path, name: str) -> None:
    """Remove ``out_dir/name``, and its folder if that is left empty."""
    path = out_dir / name
    path.unlink(missing_ok=True)
    if path.parent != out_dir:
        with contextlib.suppress(OSError):  # not empty, or not there
            path.parent.rmdir()


def _fsync_folder(folder: Path) -> None:
    """Make the renames durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
