"""One file to one record or one failure: read the bytes, decode, choose a
reader, recognise, assemble.  Nothing here raises for bad input."""

from __future__ import annotations

import hashlib
import os
import stat
from functools import cache
from pathlib import Path

from chemclust_extract.assemble import build_record
from chemclust_extract.decode import binary_kind, decode_bytes
from chemclust_extract.model import Failure, Record, Source
from chemclust_extract.options import DEFAULT_MAX_SIZE, Options
from chemclust_extract.paths import display_path
from chemclust_extract.readers import READERS, sniff_format, truncation_notes
from chemclust_extract.recognise import recognise

__all__ = ["DEFAULT_MAX_SIZE", "ExtractionError", "Options", "extract_bytes", "extract_file"]


# The options of a call that gives none: made (and validated) once, as
# they cannot change.
_DEFAULTS = cache(Options)


class ExtractionError(Exception):
    """An input that cannot give a record; ``code`` is the contract's failure code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def extract_file(path: str | os.PathLike[str], options: Options | None = None) -> Record | Failure:
    """Extract one sheet.

    Returns its :class:`Record`, or a :class:`Failure` with the contract's
    code and a message; never raises for bad input.
    """
    options = options or _DEFAULTS()
    shown = display_path(Path(path))
    try:
        data = read_sheet_bytes(path, options.max_size)
        return _extract(data, shown, options)
    except ExtractionError as error:
        return Failure(shown, error.code, error.message)


def extract_bytes(data: bytes, path: str, options: Options | None = None) -> Record:
    """Extract a sheet from its bytes; raise :class:`ExtractionError` if it
    gives no record."""
    return _extract(data, display_path(path), options or _DEFAULTS())


def _extract(data: bytes, path: str, options: Options) -> Record:
    """:func:`extract_bytes` of a path already as shown."""
    if not data.strip():
        raise ExtractionError(
            "empty", "the file is empty" if not data else "the file holds only white space"
        )
    kind_of_binary = binary_kind(data)
    if kind_of_binary:
        raise ExtractionError("binary", f"not a text sheet: {kind_of_binary}")
    try:
        decoded = decode_bytes(data, options.encoding, options.candidates)
    except UnicodeDecodeError as error:
        message = f"the bytes are not {error.encoding} ({error.reason} at byte {error.start})"
        raise ExtractionError("undecodable", message) from None
    if not decoded.reads_as_text():
        languages = "Czech, Slovak, Polish, German or English text"
        if options.encoding:
            message = f"the bytes do not read as {languages} in {decoded.encoding}; try another --encoding"
        else:
            tried = list(dict.fromkeys([decoded.encoding, *options.candidates]))
            listed = " or ".join(filter(None, [", ".join(tried[:-1]), tried[-1]]))
            message = f"reads as no {languages} in {listed}; try --encoding"
        raise ExtractionError("undecodable", message)
    name = Path(path)
    kind = sniff_format(decoded.text, name.suffix)
    reader = READERS.get(kind)
    if reader is None:
        raise ExtractionError("unsupported", f"{kind.upper()} document, not a project sheet")
    sheet = recognise(reader(decoded.text), options.labels)
    if not any(f.name for f in sheet.fields):
        message = sheet.notes[0] if sheet.notes else "no label of a project sheet was recognised"
        raise ExtractionError("no_fields", message)
    source = Source(path, hashlib.sha256(data).hexdigest(), kind, decoded.encoding)
    notes = (*decoded.notes, *truncation_notes(kind, decoded.text))
    return build_record(sheet, source, stem=name.stem, notes=notes)


def read_sheet_bytes(path: str | os.PathLike[str], max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """A file's bytes, or :class:`ExtractionError` (``unreadable``,
    ``too_large``) saying why not.  One ``open`` and one ``fstat``: the
    checks see the file that is read, and a pipe or device is never
    waited on (opened without blocking, then refused)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        broken = os.path.islink(path)
        message = "a link to a file that does not exist" if broken else "the file does not exist"
        raise ExtractionError("unreadable", message) from None
    except OSError as error:
        raise ExtractionError("unreadable", _cannot_read(error)) from None
    try:
        size = _check_regular(os.fstat(fd), max_size)
        # As many bytes as the file holds, and one more: a buffer of the
        # limit's size for each small file would cost more than reading it.
        data = _read_up_to(fd, size + 1)
        if len(data) > size:  # it grew, or its size is not known (/proc)
            data += _read_up_to(fd, max_size + 1 - len(data))
        return data
    except OSError as error:
        raise ExtractionError("unreadable", _cannot_read(error)) from None
    finally:
        os.close(fd)


def _read_up_to(fd: int, count: int) -> bytes:
    """``count`` bytes from a file descriptor, or as many as there are
    before its end (read straight from it: no file object for one read)."""
    parts: list[bytes] = []
    got = 0
    while got < count:
        chunk = os.read(fd, count - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _check_regular(info: os.stat_result, max_size: int) -> int:
    """The file's size, if it is a regular file within the limit."""
    if stat.S_ISDIR(info.st_mode):
        raise ExtractionError("unreadable", "a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ExtractionError("unreadable", "not a regular file (a device, socket or pipe)")
    if info.st_size > max_size:
        raise ExtractionError("too_large", f"{info.st_size} bytes is over the limit of {max_size}")
    return info.st_size


def _cannot_read(error: OSError) -> str:
    return f"cannot read the file: {error.strerror or error}"
