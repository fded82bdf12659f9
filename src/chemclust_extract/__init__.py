"""chemclust-extract: legacy EU project sheets to a clean relational dataset.

>>> from chemclust_extract import extract_file
>>> record = extract_file("samples/chemclust.tsv")  # doctest: +SKIP
>>> record.partners[0].country  # doctest: +SKIP
'DE'
"""

from chemclust_extract.batch import BatchResult, extract_many, find_inputs, run_batch
from chemclust_extract.decode import Decoded, decode_bytes
from chemclust_extract.extract import Options, extract_bytes, extract_file
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

__all__ = [
    "BatchResult", "Contact", "Decoded", "Document", "Failure", "FieldWarning", "NewsItem", "Options",
    "Partner", "Record", "Source", "decode_bytes", "extract_bytes", "extract_file", "extract_many",
    "find_inputs", "run_batch",
]  # fmt: skip
