"""One run at a time writes an output folder.

Two runs into one folder would each replace the other's files and remove
the other's temporary parts.  A run holds an exclusive lock on a file in
the folder (``fcntl.flock``) from before it reads its first input until its
report is written, then removes the file; the operating system drops the
lock when the process ends, however it ends, so a killed run never leaves
the folder locked (only, at worst, an unlocked lock file).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from chemclust_extract.batch.discover import LOCK_NAME
from chemclust_extract.paths import display_path


class OutputFolderError(Exception):
    """The output folder cannot be created or written, or another run holds
    it: a usage error, reported before any input is read."""


@contextmanager
def output_folder_lock(
    out_dir: Path, wait: bool = False, waiting: Callable[[str], object] | None = None
) -> Iterator[Path]:
    """Create ``out_dir`` if need be and hold its lock for the block; the
    lock file is removed when the block ends, leaving only the dataset.

    Without ``wait``, a folder another run holds is an
    :class:`OutputFolderError`; with it, ``waiting(message)`` is called
    once and the run waits for the other to finish."""
    shown = display_path(out_dir)
    lock = out_dir / LOCK_NAME
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):  # the folder takes new files
            pass
    except FileExistsError:
        raise OutputFolderError(f"cannot write to {shown}/: it is a file, not a folder") from None
    except OSError as error:
        raise OutputFolderError(f"cannot write to {shown}/: {error.strerror or error}") from None
    fd = _acquire(lock, shown, wait, waiting)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield out_dir
    finally:
        # Removed while still held: a run waiting on this file finds it
        # gone once it gets the lock, and tries again on a new one.
        with suppress(OSError):
            lock.unlink()
        os.close(fd)  # closing the file releases the lock


def _acquire(
    lock: Path, shown: str, wait: bool, waiting: Callable[[str], object] | None
) -> int:
    """An open descriptor of the lock file, locked by this process."""
    told = False
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as error:
            raise OutputFolderError(f"cannot write to {shown}/: {error.strerror or error}") from None
        if sys.platform == "win32":  # no flock: runs are not guarded there
            return fd
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                os.close(fd)
                raise OutputFolderError(
                    f"{shown}/ is being written by another run{holder}; "
                    "wait for it to finish, or pass --wait"
                ) from None
            if waiting is not None and not told:
                waiting(f"waiting for another run{holder} to finish writing {shown}/")
                told = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        if _same_file(fd, lock):
            return fd
        os.close(fd)  # the run before removed it: lock the new one


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {pid})" if pid.isdigit() else ""
