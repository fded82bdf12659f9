"""One file to one record or one failure: read the bytes, decode, choose a
reader, recognise, assemble.  Nothing here raises for bad input."""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from chemclust_extract.assemble import build_record
from chemclust_extract.decode import LEGACY_CANDIDATES, binary_kind, decode_bytes
from chemclust_extract.model import Failure, Record, Source
from chemclust_extract.readers import READERS, sniff_format, truncation_notes
from chemclust_extract.recognise import recognise

DEFAULT_MAX_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    """How files are read.  ``encoding`` forces one encoding for every file;
    ``candidates`` are the legacy encodings to choose among otherwise."""

    encoding: str | None = None
    candidates: tuple[str, ...] = field(default=LEGACY_CANDIDATES)
    max_size: int = DEFAULT_MAX_SIZE

    def __post_init__(self) -> None:
        """Unknown encodings are the caller's mistake, not a file's: say so now."""
        for name in (self.encoding, *self.candidates):
            if name is not None:
                codecs.lookup(name)  # LookupError: unknown encoding


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
    options = options or Options()
    shown = Path(path).as_posix()
    try:
        data = _read(Path(path), options.max_size)
        return extract_bytes(data, shown, options)
    except ExtractionError as error:
        return Failure(shown, error.code, error.message)
    except OSError as error:
        return Failure(shown, "unreadable", f"cannot read the file: {error.strerror or error}")


def extract_bytes(data: bytes, path: str, options: Options | None = None) -> Record:
    """Extract a sheet from its bytes; raise :class:`ExtractionError` if it
    gives no record."""
    options = options or Options()
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
    if decoded.confidence == 0.0:
        tried = ", ".join(options.candidates)
        message = f"reads as no Czech, Slovak, Polish, German or English text in {decoded.encoding} or {tried}; try --encoding"
        raise ExtractionError("undecodable", message)
    kind = sniff_format(decoded.text, Path(path).suffix)
    reader = READERS.get(kind)
    if reader is None:
        raise ExtractionError("unsupported", f"{kind.upper()} document, not a project sheet")
    sheet = recognise(reader(decoded.text))
    if not any(f.name for f in sheet.fields):
        raise ExtractionError("no_fields", "no label of a project sheet was recognised")
    source = Source(path, hashlib.sha256(data).hexdigest(), kind, decoded.encoding)
    notes = (*decoded.notes, *truncation_notes(kind, decoded.text))
    return build_record(sheet, source, stem=Path(path).stem, notes=notes)


def _read(path: Path, max_size: int) -> bytes:
    if not path.exists():
        broken = path.is_symlink()
        raise ExtractionError(
            "unreadable",
            "a link to a file that does not exist" if broken else "the file does not exist",
        )
    if path.is_dir():
        raise ExtractionError("unreadable", "a folder, not a file")
    if not path.is_file():
        raise ExtractionError("unreadable", "not a regular file (a device, socket or pipe)")
    size = path.stat().st_size
    if size > max_size:
        raise ExtractionError("too_large", f"{size} bytes is over the limit of {max_size}")
    with path.open("rb") as handle:
        return handle.read(max_size + 1)
