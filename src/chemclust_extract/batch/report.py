"""What ``report.json`` says of a run, counted record by record: inputs,
records, failures, warnings by code, field coverage, what was skipped and
which labels no field knew.  Only what the inputs decide: timings live
outside the output folder (``--timings FILE``), so two runs over the same
inputs give identical folders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

from chemclust_extract.batch.discover import Skipped
from chemclust_extract.model import SCALAR_FIELDS, Failure

COVERED_LISTS = ("contacts", "partners", "news", "documents")
COVERED = (*SCALAR_FIELDS[1:], *COVERED_LISTS, "extra")


class ReportTally:
    """Counts kept while records stream past."""

    def __init__(self) -> None:
        self.records = 0
        self.warnings = 0
        self.covered: Counter[str] = Counter()
        self.warning_codes: Counter[str] = Counter()
        self.unknown: Counter[str] = Counter()

    def add(self, data: dict[str, Any], unknown_labels: Sequence[str] = ()) -> None:
        """Count one record, as :meth:`Record.to_dict` gives it."""
        self.records += 1
        self.covered.update(name for name in COVERED if data[name] not in (None, [], {}))
        self.warnings += len(data["warnings"])
        self.warning_codes.update(w["code"] for w in data["warnings"])
        self.unknown.update(set(unknown_labels))

    def report(
        self, inputs: int, failures: Sequence[Failure], skipped: Sequence[Skipped] = ()
    ) -> dict[str, Any]:
        return {
            "tool": "chemclust-extract",
            "version": version("chemclust-extract"),
            "inputs": inputs,
            "records": self.records,
            "failures": len(failures),
            "warnings": self.warnings,
            "complete": inputs == self.records + len(failures),
            "failure_codes": dict(sorted(Counter(f.code for f in failures).items())),
            "warning_codes": dict(sorted(self.warning_codes.items())),
            "coverage": {name: self._share(name) for name in COVERED},
            "failed": [f.to_dict() for f in failures],
            "skipped": [s.to_dict() for s in skipped],
            "unknown_labels": [
                {"label": label, "sheets": sheets}
                for label, sheets in sorted(self.unknown.items(), key=lambda i: (-i[1], i[0]))
            ],
        }

    def _share(self, name: str) -> dict[str, float | int]:
        count = self.covered[name]
        return {"records": count, "share": round(count / self.records, 3) if self.records else 0.0}
