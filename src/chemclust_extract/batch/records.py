"""The records of a run, kept on disk between its two passes and after it.

A batch extracts every sheet first, then writes the outputs, because a
record's final id depends on every other record's (two records of one name
both get a hash suffix).  Holding 100 000 records would cost gigabytes, so
each record goes to a compressed JSON-lines file as it comes, and only ids
and hashes stay in memory; the second pass reads the file back.  An
``--incremental`` run moves the file into the output folder with the dataset
(``.chemclust-extract.records``), so that the next such run can carry over
the record of a sheet whose bytes have not changed, reading both runs' files
in path order side by side.  Its first line says which tool version and
options wrote it; a run with others ignores it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from itertools import pairwise
from pathlib import Path
from typing import IO, Any

from chemclust_extract.batch.discover import RECORDS_NAME
from chemclust_extract.model import Failure, Record
from chemclust_extract.options import Options

__all__ = [
    "RECORDS_NAME",
    "Kept",
    "KeptLine",
    "PreviousRecords",
    "RecordFile",
    "UniqueIds",
    "fingerprint",
    "keep_line",
    "unique_ids",
]  # fmt: skip


@dataclass(frozen=True)
class KeptLine:
    """A record as the first pass writes it: its line of the record file,
    made where the record was made (a worker), and what the parent needs
    to know of it without reading the line: its id and hash."""

    id: str
    sha256: str
    line: str


def keep_line(result: Record | Failure) -> KeptLine | Failure:
    """A record's line for the record file (a failure stays as it is)."""
    if isinstance(result, Failure):
        return result
    source = result.source
    assert source is not None, "a record of a batch comes from a file"
    kept = Kept(source.path, source.sha256, result.to_dict(), result.unknown_labels)
    return KeptLine(str(kept.data["id"]), kept.sha256, _line(kept))


def _line(kept: Kept) -> str:
    return json.dumps(
        {
            "path": kept.path,
            "sha256": kept.sha256,
            "unknown_labels": list(kept.unknown_labels),
            "record": kept.data,
        },
        ensure_ascii=False,
    )


@dataclass(frozen=True)
class Kept:
    """A record as the first pass keeps it: its data before ids are made
    unique, and the labels no field knew (for the report)."""

    path: str
    sha256: str
    data: dict[str, Any]
    unknown_labels: tuple[str, ...]


def fingerprint(options: Options) -> dict[str, Any]:
    """What decides a record besides the sheet's bytes: the tool's version
    and the options that change extraction (label profiles by content)."""
    profiles = [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in options.labels]
    return {
        "tool": "chemclust-extract",
        "version": version("chemclust-extract"),
        "encoding": options.encoding,
        "candidates": list(options.candidates),
        "labels": profiles,
    }


class RecordFile:
    """Records written one per line, and read back in the same order."""

    def __init__(self, path: Path, options: Options) -> None:
        self.path = path
        self._raw = path.open("wb")
        # Level 1: most of the saving for a fraction of the time; mtime 0 keeps
        # two runs' files byte-identical.
        self._handle: IO[str] | None = _text(
            gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=1, mtime=0)
        )
        self._handle.write(json.dumps(fingerprint(options), ensure_ascii=False) + "\n")

    def add(self, kept: Kept | KeptLine) -> None:
        assert self._handle is not None, "the record file is closed"
        self._handle.write((kept.line if isinstance(kept, KeptLine) else _line(kept)) + "\n")

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._raw.flush()
            os.fsync(self._raw.fileno())
            self._raw.close()
            self._handle = None

    def replay(self) -> Iterator[Kept]:
        """Every record written, in order (after :meth:`close`)."""
        with _read(self.path) as handle:
            handle.readline()
            for line in handle:
                yield _kept(json.loads(line))


class PreviousRecords:
    """The records an earlier ``--incremental`` run kept in ``out_dir``, if
    it was this version with these options, read forward as this run walks
    its files in the same (path) order."""

    def __init__(self, out_dir: Path, options: Options) -> None:
        self._lines: Iterator[str] = iter(())
        self._next: dict[str, Any] | None = None
        try:
            handle = _read(out_dir / RECORDS_NAME)
            usable = json.loads(handle.readline() or "null") == fingerprint(options)
        except (OSError, EOFError, ValueError):  # absent, cut short, not ours
            return
        if not usable:
            handle.close()
            return
        self._handle = handle
        self._lines = iter(handle)
        self._advance()

    def find(self, path: str, sha256: str) -> Kept | None:
        """The earlier record of ``path`` if its bytes hash the same; paths
        must be asked in increasing order."""
        while self._next is not None and self._next["path"] < path:
            self._advance()
        if self._next is None or self._next["path"] != path or self._next["sha256"] != sha256:
            return None
        return _kept(self._next)

    def _advance(self) -> None:
        try:
            self._next = json.loads(next(self._lines))
        except (StopIteration, OSError, EOFError, ValueError):
            self._next = None

    def close(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None:
            handle.close()


def _text(stream: gzip.GzipFile) -> IO[str]:
    import io

    return io.TextIOWrapper(stream, encoding="utf-8", errors="backslashreplace", newline="\n")


def _read(path: Path) -> IO[str]:
    return gzip.open(path, "rt", encoding="utf-8", newline="\n")


def _kept(line: dict[str, Any]) -> Kept:
    return Kept(line["path"], line["sha256"], line["record"], tuple(line["unknown_labels"]))


class UniqueIds:
    """Ids made unique in a run, in two passes: the first counts every id,
    the second names each record in input order (see :func:`unique_ids`).

    Between the passes only a 64-bit digest of each id is kept, in an
    array: eight bytes a sheet, where a table of the ids themselves took a
    hundred.  Two different ids with one digest (about one chance in 10^9
    at a million sheets) would each get their hash suffix, as if shared:
    still unique, and the same on every run.

    >>> names = UniqueIds()
    >>> for i in ("a", "b", "a", "a"):
    ...     names.count(i)
    >>> [names.final(i, sha) for i, sha in [("a", "11111111"), ("b", "22"), ("a", "33333333"), ("a", "33333333")]]
    ['a-11111111', 'b', 'a-33333333', 'a-33333333-2']
    """

    def __init__(self) -> None:
        self._digests = array("Q")
        self._sorted = False
        self._shared: frozenset[int] = frozenset()  # the digests of ids given more than once
        self._seen: Counter[str] = Counter()  # the names given to shared ids

    def count(self, id_: str) -> None:
        self._digests.append(_digest(id_))

    def final(self, id_: str, sha256: str) -> str:
        if not self._sorted:
            self._digests, self._shared = _sorted_and_repeated(self._digests)
            self._sorted = True
        if _digest(id_) not in self._shared:
            return id_
        name = f"{id_}-{sha256[:8]}" if sha256 else id_
        if name != id_ and not self._seen[name] and self._given(name):
            self._seen[name] = 1  # another sheet's own id reads so too
        self._seen[name] += 1
        return f"{name}-{self._seen[name]}" if self._seen[name] > 1 else name

    def _given(self, id_: str) -> bool:
        """Whether some record's own id is ``id_`` (a binary search)."""
        digest = _digest(id_)
        at = bisect_left(self._digests, digest)
        return at < len(self._digests) and self._digests[at] == digest


def _digest(text: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    )


def _sorted_and_repeated(digests: array[int]) -> tuple[array[int], frozenset[int]]:
    """The digests in order, and those that occur more than once: sorted in
    one go, so the cost is a list of them for a moment, not a table kept."""
    ordered = array("Q", sorted(digests))
    return ordered, frozenset(a for a, b in pairwise(ordered) if a == b)


def unique_ids(ids: Sequence[tuple[str, str]]) -> list[str]:
    """Ids unique in the run, from ``(id, sha256)`` pairs in input order:
    where several records share an id, each gets ``-`` and the first 8 hex
    digits of its sha256; the same file twice under two names is numbered.

    >>> unique_ids([("a", "11111111aa"), ("b", "22"), ("a", "33333333bb"), ("a", "33333333bb")])
    ['a-11111111', 'b', 'a-33333333', 'a-33333333-2']
    >>> unique_ids([("a-11111111", "99"), ("a", "11111111aa"), ("a", "22222222")])
    ['a-11111111', 'a-11111111-2', 'a-22222222']
    """
    names = UniqueIds()
    for id_, _ in ids:
        names.count(id_)
    return [names.final(id_, sha) for id_, sha in ids]
