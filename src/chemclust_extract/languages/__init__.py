"""Language knowledge, as data: one TOML file per language (``cs``, ``en``,
``de``, ``pl``) and ``common.toml`` for what every language writes alike.

A language file holds the sheet labels per field (``[labels]``), the words
that read a label by its meaning (``[meaning.<field>]``, ``[negative]``),
month names in every case, range and year words, honorifics, positions,
departments, role words, money qualifiers and multipliers, furniture words
and placeholders.  This module loads the files once, read-only, and builds
lookup tables; no word of a language lives in the package's Python.  Adding
a language is adding a file and its code to :data:`LANGUAGES`; adding a
synonym is a one-line change to a file.

A user's label profile (``--labels FILE``, the shape of a language file's
``[labels]`` table, plus ``ignore``) adds to the built-in labels, never
replaces them: see :func:`labels`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

LANGUAGES: tuple[str, ...] = ("cs", "en", "de", "pl")
COMMON = "common"
FIELDS: tuple[str, ...] = (
    "name", "title", "programme", "national_partner", "website", "duration", "start_date",
    "end_date", "total_budget", "eu_contribution", "eu_fund", "description", "contacts",
    "partners", "lead_partner", "news", "documents",
)  # fmt: skip
IGNORED = "ignore"  # a profile's labels of page furniture: never a field, never extra


# Labels, words and names recur on every sheet: the folded and bare forms
# of texts up to this long are kept (the few longer ones are values).
_KEPT_LENGTH = 120
# How many answers the caches keep: for labels, a corpus's vocabulary of
# them; for values (names, countries, dates, phone numbers), those of the
# last sheets read, which the next sheets of a programme share.  Kept small,
# the caches hold what recurs and no sheet's own rows: a sheet read a second
# time costs what a new one does once its rows outnumber them.
KEPT_LABELS = 1024
KEPT_VALUES = 256


def fold(text: str) -> str:
    """Key for case- and space-insensitive lookups.

    >>> fold("  Partner   za ČR: ")
    'partner za čr'
    """
    return _kept_fold(text) if len(text) <= _KEPT_LENGTH else _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = " ".join(text.split())
    return text.rstrip(" :").strip()


_kept_fold = lru_cache(maxsize=KEPT_VALUES)(_fold)


def bare(text: str) -> str:
    """A folded text without diacritics, for matching words by meaning.

    >>> bare("Rozpočtu  Celkového"), bare("Łączna wartość")
    ('rozpoctu celkoveho', 'laczna wartosc')
    """
    return _kept_bare(text) if len(text) <= _KEPT_LENGTH else _bare(text)


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", fold(text).replace("ł", "l").replace("ß", "ss"))
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_kept_bare = lru_cache(maxsize=KEPT_VALUES)(_bare)


@cache
def language(code: str) -> Mapping[str, Any]:
    """One language file as loaded (``cs``, ``en``, ``de``, ``pl`` or ``common``)."""
    raw = resources.files("chemclust_extract").joinpath("languages", f"{code}.toml")
    return MappingProxyType(tomllib.loads(raw.read_text("utf-8")))


def _lookup(data: Mapping[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, Mapping) or part not in data:
            return None
        data = data[part]
    return data


def words(path: str, languages: Iterable[str] = (*LANGUAGES, COMMON)) -> tuple[str, ...]:
    """Every word a list at ``path`` holds (``"contacts.positions"``), over
    the languages given, in file order without repeats.

    >>> "Referent" in words("contacts.positions"), words("dates.to", ["de"])
    (True, ('bis', 'bis zum', 'bis zu'))
    """
    return _words(path, tuple(languages))


# The data is read-only once loaded: each list and table is merged once.
@cache
def _words(path: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for code in languages:
        value = _lookup(language(code), path)
        if isinstance(value, list):
            found.update(dict.fromkeys(value))
    return tuple(found)


def table(path: str, languages: Iterable[str] = (*LANGUAGES, COMMON)) -> Mapping[str, tuple[str, ...]]:
    """A table of lists at ``path`` (``"money.multipliers"``), each key's
    lists joined over the languages.

    >>> table("money.multipliers")["1000000"][:2]
    ('mil.', 'mil')
    """
    return _table(path, tuple(languages))


@cache
def _table(path: str, languages: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    merged: dict[str, dict[str, None]] = {}
    for code in languages:
        value = _lookup(language(code), path)
        if isinstance(value, Mapping):
            for key, items in value.items():
                if isinstance(items, list):
                    merged.setdefault(str(key), {}).update(dict.fromkeys(items))
    return MappingProxyType({key: tuple(items) for key, items in merged.items()})


@cache
def scalars(path: str) -> Mapping[str, Any]:
    """A scalar at ``path`` per language that has one (``"region.phone"``).

    >>> scalars("region.phone")["cs"]
    'CZ'
    """
    return MappingProxyType(
        {code: value for code in LANGUAGES if (value := _lookup(language(code), path))}
    )


@cache
def mapping(path: str) -> Mapping[str, Any]:
    """A table of scalars at ``path`` in ``common.toml`` (``"eu_country_codes"``)."""
    value = _lookup(language(COMMON), path)
    return MappingProxyType(dict(value) if isinstance(value, Mapping) else {})


@dataclass(frozen=True)
class LabelEntry:
    field: str
    languages: frozenset[str]


class ProfileError(ValueError):
    """A label profile that cannot be read, or that names an unknown field."""


@cache
def labels(profiles: tuple[str, ...] = ()) -> Mapping[str, LabelEntry]:
    """Folded label -> canonical field and the languages that use it: the
    built-in labels, plus those of each profile file (``--labels``), whose
    labels count for the language they are listed under.  A label listed
    under two fields is an error in the data."""
    table_: dict[str, tuple[str, set[str]]] = {}
    sources = [(code, _lookup(language(code), "labels") or {}) for code in LANGUAGES]
    sources += [(code, by_field) for path in profiles for code, by_field in _profile(path)]
    for code, by_field in sources:
        for field_, names in by_field.items():
            for name in names:
                key = fold(name)
                known = table_.setdefault(key, (field_, set()))
                if known[0] != field_:
                    raise ProfileError(f"label {name!r} is listed under {known[0]} and {field_}")
                known[1].add(code)
    return MappingProxyType(
        {key: LabelEntry(field_, frozenset(langs)) for key, (field_, langs) in table_.items()}
    )


def _profile(path: str) -> list[tuple[str, dict[str, list[str]]]]:
    """A profile's labels as ``(language, {field: [labels]})``.  A profile
    is shaped like a language file's ``[labels]`` table, by field then by
    language (``[total_budget] cs = ["Suma nákladů"]``); ``ignore`` lists
    labels of page furniture."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(f"cannot read the label file {path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"the label file {path} is not valid TOML: {error}") from None
    found: list[tuple[str, dict[str, list[str]]]] = []
    for field_, by_language in data.items():
        if field_ not in (*FIELDS, IGNORED):
            known = ", ".join(FIELDS)
            raise ProfileError(f"{path}: unknown field {field_!r}; the fields are {known}, ignore")
        items = by_language.items() if isinstance(by_language, Mapping) else [("", by_language)]
        for code, names in items:
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ProfileError(f"{path}: [{field_}] {code or ''} must be a list of labels")
            found.append((code, {field_: names}))
    return found


def check_profiles(profiles: Sequence[str]) -> None:
    """Raise :class:`ProfileError` if a profile cannot be read or clashes."""
    labels(tuple(profiles))


@dataclass(frozen=True)
class Terms:
    """Every word of one vocabulary table as one pattern, and its canonical key."""

    pattern: re.Pattern[str]
    keys: Mapping[str, str]
    longest: int = 0  # characters in the longest word: no match is longer

    def find(self, text: str, start: int = 0) -> re.Match[str] | None:
        return self.pattern.search(text, start)

    def key(self, match: re.Match[str]) -> str:
        return self.keys[fold(match.group(0))]


@cache
def terms(path: str) -> Terms:
    """Whole-word, case-insensitive matcher for the words at ``path`` over
    every language: a table of lists (``"money.currencies"``, each word
    giving its key) or a list (each word giving the path's last part); at
    any position the longest word wins.

    >>> funds = terms("funds")
    >>> funds.key(funds.find("Podíl EFRE:"))
    'ERDF'
    """
    keyed = dict(table(path)) or {path.rsplit(".", 1)[-1]: words(path)}
    return _terms(keyed)


def _terms(keyed: Mapping[str, Sequence[str]]) -> Terms:
    keys: dict[str, str] = {}
    for key, items in keyed.items():
        for word in items:
            keys.setdefault(fold(word), key)
    every = sorted({w for items in keyed.values() for w in items}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in every) or r"(?!)"
    # Only where a word's first letter stands are the words tried: a long
    # text costs one look a character, not one per word (the words are
    # precompiled once, when the data is first asked for).
    firsts = "".join(sorted({re.escape(w[0]) for w in every})) if all(every) else ""
    first = f"(?=[{firsts}])" if firsts else ""
    # Word boundaries only where the word itself starts/ends with a word character,
    # so signs such as "€" still match next to digits.
    pattern = re.compile(
        rf"{first}(?:(?<!\w)(?=\w)|(?!\w))(?:{body})(?:(?<=\w)(?!\w)|(?<!\w))", re.I
    )
    return Terms(pattern, MappingProxyType(keys), len(every[0]) if every else 0)


def partner_role(text: str) -> str | None:
    """The role a partner's cell or mark names as the language files list
    them (``lead``, ``partner``), or ``None``: for the recogniser (a
    partner table's role column) and the partner normaliser alike.

    >>> partner_role("(LP)"), partner_role("Project partner"), partner_role("Stadt Wien")
    ('lead', 'partner', None)
    """
    text = text.strip(" ()[]:-–—,")
    if terms("partners.lead_marks").pattern.fullmatch(text.strip(" ()")):
        return "lead"
    roles = terms("partners.roles")
    match = roles.pattern.fullmatch(text)
    return roles.key(match) if match else None


def alternation(items: Iterable[str]) -> str:
    """Words as a regular-expression alternation, longest first, for the
    patterns that take their words from the data.

    >>> alternation(["do", "až", "bis zum"])
    'bis\\\\ zum|až|do'
    """
    ordered = sorted(set(items), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in ordered) or "(?!)"


def label_table(profiles: Sequence[str] = ()) -> dict[str, dict[str, list[str]]]:
    """Every canonical field with its labels by language, as written in the
    language files and then the profiles (``--labels``), for people to read.

    >>> label_table()["total_budget"]["cs"][:2]
    ['Celkový rozpočet', 'Rozpočet']
    """
    check_profiles(profiles)
    found: dict[str, dict[str, list[str]]] = {name: {} for name in FIELDS}
    sources = [(code, _lookup(language(code), "labels") or {}) for code in LANGUAGES]
    sources += [(code, by_field) for path in profiles for code, by_field in _profile(path)]
    for code, by_field in sources:
        for name, names in by_field.items():
            listed = found.setdefault(name, {}).setdefault(code or "any", [])
            listed += [n for n in names if n not in listed]
    return found
