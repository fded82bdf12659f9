"""Which files a run reads.

INPUTs are files, folders (walked, without recursion, so any depth is
fine) and globs.  Nothing found is dropped without a word: a folder that
cannot be listed is a failure row; hidden and system files, files matching
``--exclude``, this tool's own outputs and links back to a folder already
walked are *skipped*, each listed with its reason.  A file named twice, by
whatever path, is read once.
"""

from __future__ import annotations

import fnmatch
import glob
import itertools
import os
import stat
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload

from chemclust_extract.model import Failure
from chemclust_extract.paths import display_path

_GLOB_CHARS = frozenset("*?[")
SHEET_SUFFIXES = frozenset({".tsv", ".tab", ".txt", ".csv", ".html", ".htm", ".xhtml", ".text"})

# What operating systems, file managers and office programs leave beside
# the files a person saved (compared case-insensitively).
SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store", "icon\r"})
SYSTEM_FOLDERS = frozenset(
    {"__macosx", "$recycle.bin", "system volume information", "@eadir", ".trashes"}
)
OFFICE_OWNER_PREFIX = "~$"  # "~$report.docx": the lock file of an open Word document

# The files a run writes into its output folder (see ``writers``), and the
# lock that guards it.
OUTPUT_NAMES = frozenset(
    {
        "projects.json", "projects.jsonl", "projects.csv", "partners.csv", "contacts.csv",
        "news.csv", "documents.csv", "extra.csv", "warnings.csv", "errors.csv", "report.json",
        "report.html", "datapackage.json", "projects.xlsx", "projects.sqlite",
    }
)  # fmt: skip
LOCK_NAME = ".chemclust-extract.lock"
RECORDS_NAME = ".chemclust-extract.records"  # batch/records.py: kept for --incremental
REPORT_NAME = "report.json"
_REPORT_MARK = b'"tool": "chemclust-extract"'


class InputError(Exception):
    """An INPUT that names nothing: a usage error, not a failed file."""


@dataclass(frozen=True)
class Skipped:
    """A file or folder found but deliberately not read, and why."""

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass
class Discovery:
    """What INPUTs name: the files to read (sorted), folders that could not
    be walked (as failures) and what was skipped."""

    files: Sequence[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def discover(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    exclude: Sequence[str] = (),
    include_hidden: bool = False,
) -> Discovery:
    """Find the files INPUTs name, leaving out the output folder ``out_dir``.

    A file named twice, even by different paths (``a.tsv``, ``./x/../a.tsv``,
    an absolute path, a link), is read once, under its shortest spelling;
    the list is sorted, so a run does not depend on argument order.
    """
    walker = _Walker(Path(out_dir) if out_dir is not None else None, exclude, include_hidden)
    given = [os.fspath(i) for i in inputs]
    found = [os.fspath(match) for text in given for match in walker.expand(text)]
    one_walk = len(given) == 1 and os.path.isdir(given[0]) and not walker.linked
    if not one_walk:  # the same file may be named twice, by two inputs or a link
        by_file: dict[str, str] = {}
        for path in found:
            real = os.path.realpath(path)
            known = by_file.get(real)
            if known is None or _shorter(path, known):
                by_file[real] = path
        found = list(by_file.values())
    # The order every output shows: that of the names as shown, which for
    # most names are the names themselves (no list of keys needed then).
    found.sort(key=display_path if any(display_path(p) != p for p in found) else None)
    files = PathList(found)
    del found
    return Discovery(files, walker.failures, sorted(walker.skipped, key=lambda s: s.path))


class PathList(Sequence[Path]):
    """Paths kept in one string, NUL between them (no path holds a NUL),
    with an array of where each starts; a ``Path`` is made on access.  A
    hundred thousand ``Path`` objects, or even ``str`` ones, would cost more
    memory than the rest of a batch's bookkeeping.

    >>> paths = PathList(["a.tsv", "b/c.html"])
    >>> len(paths), paths[1].as_posix(), [p.name for p in paths[::-1]]
    (2, 'b/c.html', ['c.html', 'a.tsv'])
    """

    def __init__(self, paths: Iterable[str] = ()) -> None:
        starts = array("Q")
        parts: list[str] = []
        at = 0
        for path in paths:
            starts.append(at)
            parts.append(path)
            at += len(path) + 1
        self._text = "\0".join(parts)
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> PathList: ...
    def __getitem__(self, index: int | slice) -> Path | PathList:
        if isinstance(index, slice):
            return PathList(self._text_at(i) for i in range(len(self))[index])
        return Path(self._text_at(index))

    def _text_at(self, index: int) -> str:
        start = self._starts[index]  # IndexError as a list gives it
        end = self._text.find("\0", start)
        return self._text[start:] if end < 0 else self._text[start:end]

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return f"PathList({[self._text_at(i) for i in range(len(self))]!r})"


def find_inputs(
    inputs: Iterable[str | os.PathLike[str]], exclude: Path | None = None
) -> list[Path]:
    """The files :func:`discover` finds, ``exclude`` being the output folder."""
    return list(discover(inputs, exclude).files)


class _Walker:
    def __init__(self, out_dir: Path | None, exclude: Sequence[str], include_hidden: bool) -> None:
        self.out = _real(out_dir) if out_dir is not None else None
        self.exclude = tuple(exclude)
        self.include_hidden = include_hidden
        self.failures: list[Failure] = []
        self.skipped: list[Skipped] = []
        self.linked = False  # a link was walked: a file may be found by two paths

    def expand(self, text: str) -> list[Path] | list[str]:
        path = Path(text)
        if path.is_dir():
            return list(self.walk(path))
        if path.exists() or path.is_symlink():
            reason = self.file_reason(path, path.name, explicit=True)
            return self.skip(path, reason) if reason else [path]
        if not _GLOB_CHARS & set(text):
            raise InputError(f"{display_path(text)}: no such file or folder")
        matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
        if not matches:
            raise InputError(f"{display_path(text)}: no file matches")
        base = _glob_base(text)
        files = []
        for match in matches:
            if match.is_dir() and not _sheet_like(match):
                continue  # "**" names folders too; their files match on their own
            reason = self.file_reason(match, match.name, explicit=False, base=base)
            reason = reason or self.ancestors_reason(match, base)
            if reason:
                self.skip(match, reason)
            else:
                files.append(match)
        return files

    def ancestors_reason(self, match: Path, base: Path) -> str | None:
        """Why a file a glob matched lies in a folder a walk would skip."""
        try:
            parts = match.parent.relative_to(base).parts
        except ValueError:
            return None
        folder = base
        for part in parts:
            folder = folder / part
            reason = self.folder_reason(folder, part, base)
            if reason:
                return reason
        return None

    def walk(self, root: Path) -> Iterator[str]:
        """Every file under ``root``, depth first, with an explicit stack;
        a link to a folder is followed once, a link back to a folder
        already walked is reported."""
        seen: set[tuple[int, int]] = set()
        stack = [root]
        links: list[Path] = []  # walked last, so a folder is read under its own name
        while stack or links:
            folder = stack.pop() if stack else links.pop(0)
            key = _identity(folder)
            if key in seen:
                self.skip(folder, "link to a folder already read (a loop or a second path)")
                continue
            seen.add(key)
            for entry in self.entries(folder):  # in no order: the files are sorted at the end
                if _is_dir(entry):
                    path = folder / entry.name
                    reason = self.folder_reason(path, entry.name, base=root)
                    if reason:
                        self.skip(path, reason)
                    else:
                        linked = entry.is_symlink()
                        self.linked = self.linked or linked
                        (links if linked else stack).append(path)
                elif self.plain_file(entry.name):  # most files: no Path object needed
                    self.linked = self.linked or entry.is_symlink()
                    yield entry.path
                else:
                    path = folder / entry.name
                    reason = self.file_reason(path, entry.name, explicit=False, base=root)
                    if reason:
                        self.skip(path, reason)
                    else:
                        self.linked = self.linked or entry.is_symlink()
                        yield entry.path

    def entries(self, folder: Path) -> Iterator[os.DirEntry[str]]:
        """A folder's entries, one at a time; a folder that cannot be listed
        is a failure row."""
        try:
            with os.scandir(folder) as listing:
                yield from listing
        except OSError as error:
            message = f"cannot list the folder: {error.strerror or error}"
            self.failures.append(Failure(display_path(folder), "unreadable", message))

    def plain_file(self, name: str) -> bool:
        """A name no skipping rule can touch: not hidden, no system file,
        none of this tool's outputs, no --exclude pattern to try."""
        return not (
            self.exclude
            or name.startswith((".", OFFICE_OWNER_PREFIX))
            or name in OUTPUT_NAMES
            or name.casefold() in SYSTEM_FILES
        )

    def file_reason(
        self, path: Path, name: str, explicit: bool, base: Path | None = None
    ) -> str | None:
        """Why a file is not read, or ``None``.  A file named on the command
        line is read even when hidden."""
        if self.own_output(path):
            return "output of this tool"
        if not self.include_hidden:
            if _is_system(name):
                return "system file"
            if not explicit and name.startswith("."):
                return "hidden"
        pattern = self.excluded(path, name, base)
        return f"excluded by --exclude {pattern}" if pattern else None

    def folder_reason(self, path: Path, name: str, base: Path) -> str | None:
        """Why a folder under an INPUT is not walked, or ``None``."""
        if self.out is not None and _real(path) == self.out:
            return "output folder"
        if not self.include_hidden:
            if name.casefold() in SYSTEM_FOLDERS:
                return "system folder"
            if name.startswith(".") and name not in {".", ".."}:
                return "hidden"
        if _holds_report(path):
            return "earlier run's output folder (holds its report.json)"
        pattern = self.excluded(path, name, base)
        return f"excluded by --exclude {pattern}" if pattern else None

    def own_output(self, path: Path) -> bool:
        """A file this tool wrote: one of its output names, a temporary part
        or the lock, in the output folder or beside an earlier run's report."""
        name = path.name
        if (
            name not in OUTPUT_NAMES
            and name not in {LOCK_NAME, RECORDS_NAME}
            and not _is_part(name)
        ):
            return False
        folder = _real(path.parent)
        return folder == self.out or _holds_report(path.parent)

    def excluded(self, path: Path, name: str, base: Path | None) -> str | None:
        relative = path.relative_to(base).as_posix() if base is not None else path.as_posix()
        for pattern in self.exclude:
            pattern_ = pattern.rstrip("/")
            if fnmatch.fnmatch(name, pattern_) or fnmatch.fnmatch(relative, pattern_):
                return pattern
        return None

    def skip(self, path: Path, reason: str) -> list[Path]:
        self.skipped.append(Skipped(display_path(path), reason))
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows links: a link to a folder is walked
    except OSError:
        return False


def _is_system(name: str) -> bool:
    return name.casefold() in SYSTEM_FILES or name.startswith(OFFICE_OWNER_PREFIX)


def _is_part(name: str) -> bool:
    return name.startswith(".") and name.endswith(".part")


def _holds_report(folder: Path) -> bool:
    """Whether a folder holds a ``report.json`` this tool wrote."""
    try:
        with open(folder / REPORT_NAME, "rb") as handle:
            return _REPORT_MARK in handle.read(4096)
    except OSError:
        return False


def _identity(folder: Path) -> tuple[int, int]:
    try:
        info = os.stat(folder)
    except OSError:
        return (-1, hash(os.fspath(folder)))
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else (-1, info.st_ino)


def _glob_base(pattern: str) -> Path:
    """The folder a glob starts from: its parts before the first wildcard."""
    fixed = list(itertools.takewhile(lambda part: not _GLOB_CHARS & set(part), Path(pattern).parts))
    return Path(*fixed) if fixed else Path(".")


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _sheet_like(path: Path) -> bool:
    """A folder a glob names as a sheet ("*.tsv" matching "x.tsv/") is kept,
    to fail as unreadable rather than vanish."""
    return path.suffix.lower() in SHEET_SUFFIXES


def _shorter(a: str, b: str) -> bool:
    a, b = Path(a).as_posix(), Path(b).as_posix()
    return (len(a), a) < (len(b), b)
