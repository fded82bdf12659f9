"""What every extraction outcome must look like, for the property tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chemclust_extract import Failure, Record, extract_bytes, extract_file
from chemclust_extract.extract import ExtractionError
from chemclust_extract.model import FAILURE_CODES


def comparable(record: Record) -> dict[str, Any]:
    """A record without what depends on where its bytes came from."""
    data = record.to_dict()
    data.pop("source")
    data["warnings"] = [w for w in data["warnings"] if w["field"] != "source"]
    return data


def assert_clean_outcome(data: bytes, name: str, folder: Path) -> Record | Failure:
    """``extract_bytes`` gives a Record or raises ExtractionError, nothing
    else; ``extract_file`` on the same bytes saved to a file agrees with it,
    and every record can be written as JSON."""
    try:
        direct: Record | ExtractionError = extract_bytes(data, name)
    except ExtractionError as error:
        direct = error
    path = folder / name
    path.write_bytes(data)
    result = extract_file(path)
    if isinstance(direct, ExtractionError):
        assert direct.code in FAILURE_CODES
        assert isinstance(result, Failure)
        assert (result.code, result.message) == (direct.code, direct.message)
    else:
        assert isinstance(result, Record)
        assert comparable(result) == comparable(direct)
        json.dumps(result.to_dict())
    return result
