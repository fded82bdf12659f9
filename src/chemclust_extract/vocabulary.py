"""Reference data shipped with the package, loaded once and read-only.

The knowledge lives in ``data/labels.toml`` (sheet labels per field and
language) and ``data/vocabulary.toml`` (currencies, funds, titles, ...); this
module only reads it and builds lookup tables.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any


def fold(text: str) -> str:
    """Key for case- and space-insensitive lookups.

    >>> fold("  Partner   za ČR: ")
    'partner za čr'
    """
    text = unicodedata.normalize("NFC", text).casefold()
    text = " ".join(text.split())
    return text.rstrip(" :").strip()


@cache
def _load(name: str) -> dict[str, Any]:
    raw = resources.files("chemclust_extract").joinpath("data").joinpath(name).read_text("utf-8")
    return tomllib.loads(raw)


@dataclass(frozen=True)
class LabelEntry:
    field: str
    languages: frozenset[str]


@cache
def labels() -> Mapping[str, LabelEntry]:
    """Folded label -> canonical field and the languages that use it."""
    table: dict[str, tuple[str, set[str]]] = {}
    for field, by_language in _load("labels.toml").items():
        for language, names in by_language.items():
            for name in names:
                key = fold(name)
                known = table.setdefault(key, (field, set()))
                if known[0] != field:
                    raise ValueError(f"label {name!r} is listed under {known[0]} and {field}")
                known[1].add(language)
    return MappingProxyType(
        {key: LabelEntry(field, frozenset(langs)) for key, (field, langs) in table.items()}
    )


def section(name: str) -> Mapping[str, Any]:
    """One table of ``vocabulary.toml``, e.g. ``section("funds")``."""
    return MappingProxyType(_load("vocabulary.toml")[name])


@dataclass(frozen=True)
class Terms:
    """Every word of one vocabulary table as one pattern, and its canonical key."""

    pattern: re.Pattern[str]
    keys: Mapping[str, str]

    def find(self, text: str, start: int = 0) -> re.Match[str] | None:
        return self.pattern.search(text, start)

    def key(self, match: re.Match[str]) -> str:
        return self.keys[fold(match.group(0))]


@cache
def terms(name: str) -> Terms:
    """Whole-word, case-insensitive matcher for one table of ``vocabulary.toml``;
    at any position the longest word wins.

    >>> funds = terms("funds")
    >>> funds.key(funds.find("Podíl EFRE:"))
    'ERDF'
    """
    keys: dict[str, str] = {}
    for key, words in section(name).items():
        for word in words:
            keys.setdefault(fold(word), key)
    words = sorted({w for ws in section(name).values() for w in ws}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    # Word boundaries only where the word itself starts/ends with a word character,
    # so signs such as "€" still match next to digits.
    pattern = re.compile(rf"(?:(?<!\w)(?=\w)|(?!\w))(?:{body})(?:(?<=\w)(?!\w)|(?<!\w))", re.I)
    return Terms(pattern, MappingProxyType(keys))
