"""Every knob of a run, validated once: the library raises ``ValueError``
for a bad value and the command line turns that into a usage error."""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass, field

from chemclust_extract.decode import LEGACY_CANDIDATES
from chemclust_extract.languages import check_profiles

DEFAULT_MAX_SIZE = 20 * 1024 * 1024
DEFAULT_FILE_TIMEOUT = 30.0

# Codecs Python knows that turn bytes into something other than a sheet's
# text: escape notations and host-name encodings.  Codecs that are no text
# encodings at all (rot13, hex, base64, zlib ...) are told by their codec
# info instead.
_NOT_SHEET_ENCODINGS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"}
)


class EncodingError(ValueError, LookupError):
    """An encoding name that cannot read a sheet (a ``ValueError``, and a
    ``LookupError`` as ``codecs.lookup`` raises for unknown names)."""


@dataclass(frozen=True)
class Options:
    """How a run reads its inputs.

    ``encoding`` forces one encoding for every file; ``candidates`` are the
    legacy encodings to choose among otherwise.  ``max_size`` (bytes) and
    ``file_timeout`` (seconds; ``None`` for none) bound each file;
    ``exclude`` holds glob patterns of files and folders to leave out of
    folder walks and globs, and ``include_hidden`` reads hidden and system
    files too; ``labels`` are label profiles (TOML files shaped like a
    language file's ``[labels]`` table) that add to the built-in labels.

    >>> Options(encoding="rot13")
    Traceback (most recent call last):
    ...
    chemclust_extract.options.EncodingError: 'rot13' is not a text encoding; give one such as utf-8 or windows-1250
    """

    encoding: str | None = None
    candidates: tuple[str, ...] = field(default=LEGACY_CANDIDATES)
    max_size: int = DEFAULT_MAX_SIZE
    file_timeout: float | None = DEFAULT_FILE_TIMEOUT
    exclude: tuple[str, ...] = ()
    include_hidden: bool = False
    labels: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.encoding is not None:
            check_encoding(self.encoding)
        if not self.candidates:
            raise ValueError("give at least one candidate encoding")
        for name in self.candidates:
            check_encoding(name)
        if self.max_size < 0:
            raise ValueError(f"the size limit must not be negative, not {self.max_size}")
        check_profiles(self.labels)  # ProfileError, a ValueError: unreadable, unknown field
        timeout = self.file_timeout
        if timeout is not None and not (timeout > 0 and math.isfinite(timeout)):
            raise ValueError(f"the time budget must be a positive number of seconds, not {timeout}")


def check_encoding(name: str) -> str:
    """``name`` if it is an encoding a sheet can be written in, else
    :class:`EncodingError` saying why.

    >>> check_encoding("cp1250")
    'cp1250'
    >>> check_encoding("klingon-8")
    Traceback (most recent call last):
    ...
    chemclust_extract.options.EncodingError: unknown encoding 'klingon-8'
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise EncodingError(f"unknown encoding {name!r}") from None
    if not info._is_text_encoding or info.name in _NOT_SHEET_ENCODINGS:
        message = f"{name!r} is not a text encoding; give one such as utf-8 or windows-1250"
        raise EncodingError(message)
    return name
