"""File names as the outputs show them.

A name is bytes: an archive copied from an old machine may hold names in
windows-1250 or Latin-1 that are not UTF-8, which Python hands over with
the undecodable bytes as lone surrogates (PEP 383).  Written as they are,
they would break any UTF-8 output; dropped, the row could not be traced
back to its file.  So every output (JSON, CSV, the report, messages on
stderr) shows a name the same way: undecodable bytes and control
characters as backslash escapes, as Python's ``backslashreplace`` writes
them.
"""

from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def display_path(path: str | os.PathLike[str]) -> str:
    r"""A path as text that any UTF-8 output can hold, with ``/`` between
    its parts.

    >>> display_path("samples/chemclust.tsv")
    'samples/chemclust.tsv'
    >>> print(display_path(os.fsdecode(b"archive/a\xe9.tsv")))
    archive/a\xe9.tsv
    >>> print(display_path("tab\there.tsv"), display_path("Ústí.tsv"))
    tab\x09here.tsv Ústí.tsv
    """
    text = os.fspath(path)
    if os.sep != "/":
        text = text.replace(os.sep, "/")
    text = os.fsencode(text).decode("utf-8", "backslashreplace")
    if text.isprintable():  # most names: no control character to escape
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
