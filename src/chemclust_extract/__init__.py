"""chemclust-extract: legacy EU project sheets to a clean relational dataset.

The public API is imported lazily, so that importing one stage (say
``chemclust_extract.recognise``) does not load the others and their
libraries.

>>> from chemclust_extract import extract_file
>>> extract_file("samples/chemclust.tsv").partners[0].country  # doctest: +SKIP
'DE'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chemclust_extract.batch import (
        BatchResult,
        InputError,
        OutputFolderError,
        discover,
        extract_many,
        find_inputs,
        run_batch,
    )
    from chemclust_extract.decode import Decoded, decode_bytes
    from chemclust_extract.extract import ExtractionError, extract_bytes, extract_file
    from chemclust_extract.frames import read_output, to_frames
    from chemclust_extract.model import (
        Contact,
        Document,
        Failure,
        FieldWarning,
        NewsItem,
        Partner,
        Record,
        Source,
    )
    from chemclust_extract.options import Options
    from chemclust_extract.writers.formats import OutputOptions

_EXPORTS = {
    "chemclust_extract.batch": (
        "BatchResult", "InputError", "OutputFolderError", "discover", "extract_many",
        "find_inputs", "run_batch",
    ),
    "chemclust_extract.decode": ("Decoded", "decode_bytes"),
    "chemclust_extract.extract": ("ExtractionError", "extract_bytes", "extract_file"),
    "chemclust_extract.frames": ("read_output", "to_frames"),
    "chemclust_extract.options": ("Options",),
    "chemclust_extract.writers.formats": ("OutputOptions",),
    "chemclust_extract.model": (
        "Contact", "Document", "Failure", "FieldWarning", "NewsItem", "Partner", "Record", "Source",
    ),
}  # fmt: skip
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "BatchResult", "Contact", "Decoded", "Document", "ExtractionError", "Failure", "FieldWarning",
    "InputError", "NewsItem", "Options", "OutputFolderError", "OutputOptions", "Partner", "Record",
    "Source", "decode_bytes", "discover", "extract_bytes", "extract_file", "extract_many",
    "find_inputs", "read_output", "run_batch", "to_frames",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'chemclust_extract' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
