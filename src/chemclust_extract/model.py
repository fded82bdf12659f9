"""The record of one sheet and the failure of one input, as the contract
(CONTRACT.md, "One record per sheet") lays them out, field order included."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldWarning:
    """Something the extractor could not read, or found inconsistent."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    position: str | None = None
    organisation: str | None = None
    department: str | None = None
    email: str | None = None
    phone: str | None = None
    fax: str | None = None
    raw: str | None = None


@dataclass(frozen=True)
class Partner:
    number: int | None
    name: str | None
    country: str | None
    role: str
    website: str | None


@dataclass(frozen=True)
class NewsItem:
    text: str
    date: str | None


@dataclass(frozen=True)
class Document:
    text: str
    date: str | None
    url: str | None


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    format: str
    encoding: str


@dataclass(frozen=True)
class Record:
    id: str
    name: str | None = None
    title: str | None = None
    programme: str | None = None
    national_partner: str | None = None
    website: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    duration_months: int | None = None
    total_budget: int | float | None = None
    total_budget_currency: str | None = None
    eu_contribution: int | float | None = None
    eu_contribution_currency: str | None = None
    eu_fund: str | None = None
    eu_rate: float | None = None
    description: str | None = None
    contacts: tuple[Contact, ...] = ()
    partners: tuple[Partner, ...] = ()
    news: tuple[NewsItem, ...] = ()
    documents: tuple[Document, ...] = ()
    extra: dict[str, str | None] = field(default_factory=dict)
    source: Source | None = None
    warnings: tuple[FieldWarning, ...] = ()
    # Labels the sheet has that no field knows (their values are in extra),
    # for the batch's report; not part of the record's data.
    unknown_labels: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data, keys in the contract's order.

        Written out rather than ``dataclasses.asdict``, which deep-copies
        every value and was the slowest step of writing a large batch.
        """
        data = dict(vars(self))
        del data["unknown_labels"]
        for name in ("contacts", "partners", "news", "documents", "warnings"):
            data[name] = [dict(vars(item)) for item in data[name]]
        data["extra"] = dict(self.extra)
        data["source"] = dict(vars(self.source)) if self.source else None
        return data


    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """A record from its JSON form, as :meth:`to_dict` gives it.

        >>> record = Record("x", name="X", partners=(Partner(1, "A", "CZ", "lead", None),))
        >>> Record.from_dict(record.to_dict()) == record
        True
        """
        values = dict(data)
        values["contacts"] = tuple(Contact(**c) for c in data["contacts"])
        values["partners"] = tuple(Partner(**p) for p in data["partners"])
        values["news"] = tuple(NewsItem(**n) for n in data["news"])
        values["documents"] = tuple(Document(**d) for d in data["documents"])
        values["warnings"] = tuple(FieldWarning(**w) for w in data["warnings"])
        values["extra"] = dict(data["extra"])
        values["source"] = Source(**data["source"]) if data.get("source") else None
        return cls(**values)


SCALAR_FIELDS: tuple[str, ...] = (
    "id", "name", "title", "programme", "national_partner", "website", "start_date",
    "end_date", "duration_months", "total_budget", "total_budget_currency",
    "eu_contribution", "eu_contribution_currency", "eu_fund", "eu_rate", "description",
)  # fmt: skip


@dataclass(frozen=True)
class Failure:
    """An input that gave no record."""

    path: str
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FAILURE_CODES: tuple[str, ...] = (
    "empty", "binary", "undecodable", "unsupported", "too_large", "no_fields", "unreadable",
    "timeout", "internal_error",
)  # fmt: skip
