"""Labels by meaning: the field a label names when it is not spelt like a
known one.

Behind the recogniser's exact table, a label is read by its words.  Each
field declares, per language (``[meaning.<field>]`` in
``languages/*.toml``), *head* words that name the thing (one must be there)
and *qualifier* words that add to it, as word beginnings without
diacritics, so that inflections fit (``rozpočt`` fits ``rozpočtu``) and
German compounds too (``kosten`` in ``Gesamtprojektkosten``).  Words that
make a label name something else (``[negative]``: a programming period, a
registration number, a priority axis, a per-project cap, national
co-financing ...) send it to ``extra``.  A label is taken only with a clear
margin over the runner-up; otherwise it is ambiguous, and goes to ``extra``
with a warning.  A wrong value is worse than a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from chemclust_extract.languages import KEPT_LABELS, LANGUAGES, bare, language, terms, words

# A label's number ("3.", "II.", "a)") and a bracketed note after it.
_NUMBERING = re.compile(r"^\s*(?:\d{1,3}|[ivxlc]{1,5}|[a-z])\s*[.)]\s+", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]{0,60}[)\]]")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A label has few words; a sentence is no label.
MAX_LABEL_WORDS = 8
# Head words weigh this much, each qualifier one; a label is read as a
# field only this far ahead of the next field.
_HEAD, _MARGIN = 2, 1
# A stem this long may stand inside a word (German compounds).
_INFIX_MIN = 5
# The field a label naming only a fund is (its money), and which by its
# words alone ("co-financing", "support") needs a word saying it is the EU's.
_FUND_ONLY = "eu_contribution"


@dataclass(frozen=True)
class Reading:
    """What a label means: a field, or ``None`` with why (``negative``:
    it names another thing; ``ambiguous``: two fields fit alike)."""

    field: str | None
    why: str | None = None
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Words:
    head: tuple[str, ...]
    qualifier: tuple[str, ...]


@cache
def _fields() -> Mapping[str, _Words]:
    merged: dict[str, tuple[list[str], list[str]]] = {}
    for code in LANGUAGES:
        for name, spec in dict(language(code).get("meaning", {})).items():
            head, qualifier = merged.setdefault(name, ([], []))
            head += [bare(w) for w in spec.get("head", [])]
            qualifier += [bare(w) for w in spec.get("qualifier", [])]
    return {
        name: _Words(tuple(dict.fromkeys(h)), tuple(dict.fromkeys(q)))
        for name, (h, q) in merged.items()
    }


@cache
def _negatives() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kind, words of the phrase) for every negative phrase, longest first."""
    found = {
        (kind, tuple(_WORD.findall(bare(phrase))))
        for code in LANGUAGES
        for kind, phrases in dict(language(code).get("negative", {})).items()
        for phrase in phrases
    }
    return tuple(sorted(found, key=lambda item: (-len(item[1]), item)))


@cache
def _negatives_by_first_word() -> Mapping[str, tuple[tuple[int, str, tuple[str, ...]], ...]]:
    """The negative phrases by their first word, each with its place in
    :func:`_negatives` (the first phrase that fits wins)."""
    by_word: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
    for place, (kind, phrase) in enumerate(_negatives()):
        if phrase:
            by_word.setdefault(phrase[0], []).append((place, kind, phrase))
    return {word: tuple(found) for word, found in by_word.items()}


def label_words(label: str, notes: bool = False) -> list[str]:
    """A label's words without diacritics, its number and bracketed notes;
    a hyphenated word also gives its parts.

    >>> label_words("3. Celkové způsobilé výdaje (v Kč):")
    ['celkove', 'zpusobile', 'vydaje']
    >>> label_words("EFRE-Mittel")
    ['efre-mittel', 'efre', 'mittel']
    """
    text = without_fund_names(_NUMBERING.sub("", label))
    text = text.replace("(", " ").replace(")", " ") if notes else _BRACKETED.sub(" ", text)
    found: list[str] = []
    for word in _WORD.findall(bare(text)):
        found.append(word)
        if "-" in word:
            found += word.split("-")
    return found


def without_fund_names(text: str) -> str:
    """A text with each fund's full name written as its acronym, so that a
    long name counts as one word.

    >>> without_fund_names("Výše dotace z Evropského fondu pro regionální rozvoj")
    'Výše dotace z ERDF'
    """
    funds = terms("funds")
    return funds.pattern.sub(lambda m: funds.key(m) if " " in m.group(0) else m.group(0), text)


def read_label(label: str) -> Reading:
    """The field a label means by its words, if it is clear.  Labels recur
    from sheet to sheet, so the answer for each is kept.

    >>> read_label("Celkové výdaje projektu").field
    'total_budget'
    >>> read_label("Gesamtprojektkosten").field, read_label("Podpora z EFRR").field
    ('total_budget', 'eu_contribution')
    >>> read_label("Programové období")
    Reading(field=None, why='negative', candidates=('period',))
    >>> read_label("Weather tomorrow").field is None
    True
    """
    return _read_label(label) if len(label) <= _KEPT_LENGTH else _reading(label)


# Labels up to this long are kept with their reading; a longer text is no
# label (a label has at most MAX_LABEL_WORDS words).
_KEPT_LENGTH = 160


def _reading(label: str) -> Reading:
    found = label_words(label)
    if not found or len(found) > MAX_LABEL_WORDS:
        return Reading(None)
    negative = _negative(found)
    if negative:
        return Reading(None, "negative", (negative,))
    if all(_is_fund(word) for word in found):  # "EFRE (85 %)": the fund's share
        return Reading(_FUND_ONLY)
    share = [word for word in found if word not in _share_words()]
    if share and len(share) < len(found) and all(_is_fund(word) for word in share):
        return Reading(_FUND_ONLY)  # "Of which ERDF", "davon EFRE"
    noted = label_words(label, notes=True)
    scores = sorted(
        (
            (score, name)
            for name, spec in _fields().items()
            if (score := _score(found, noted, spec))
        ),
        reverse=True,
    )
    if not scores:
        return Reading(None)
    joined = _joined_fields(found)
    if len(joined) > 1:  # "Kooperační partneři a kontaktní osoby": two labels in one
        return Reading(None, "ambiguous", tuple(sorted(joined)))
    if len(scores) > 1 and scores[0][0] - scores[1][0] < _MARGIN:
        return Reading(None, "ambiguous", tuple(sorted(n for s, n in scores if s == scores[0][0])))
    return Reading(scores[0][1])


_read_label = lru_cache(maxsize=KEPT_LABELS)(_reading)


def _joined_fields(found: list[str]) -> set[str]:
    """The fields the sides of a label joined by "and" ("a", "und", "i" ...)
    each read as clearly on their own (none when it joins no two sides).

    >>> sorted(_joined_fields(label_words("Kooperační partneři a kontaktní osoby")))
    ['contacts', 'partners']
    >>> _joined_fields(label_words("Jméno a příjmení"))
    set()
    """
    joiners = _joiners()
    if not joiners.intersection(found):
        return set()
    sides: list[list[str]] = [[]]
    for word in found:
        if word in joiners:
            sides.append([])
        else:
            sides[-1].append(word)
    fields: set[str] = set()
    for side in sides:
        scores = sorted(
            ((score, name) for name, spec in _fields().items() if (score := _score(side, side, spec))),
            reverse=True,
        )
        if scores and (len(scores) == 1 or scores[0][0] - scores[1][0] >= _MARGIN):
            fields.add(scores[0][1])
    return fields


@cache
def _joiners() -> frozenset[str]:
    return frozenset(word for phrase in words("label_joiners.words") for word in label_words(phrase))


def _score(found: list[str], noted: list[str], spec: _Words) -> int:
    """Head words count in the label itself, qualifiers in its notes too
    ("Zuschuss (EFRE)")."""
    if not any(_fits(word, stem) for word in found for stem in spec.head):
        return 0
    qualifiers = {stem for stem in spec.qualifier for word in noted if _fits(word, stem)}
    if spec is _fields().get(_FUND_ONLY):
        if any(_is_fund(word) for word in noted):
            qualifiers.add("(fund)")
        if not qualifiers:  # "Spolufinancování", "Co-financing": whose? doubtful
            return 0
    return _HEAD + len(qualifiers)


def _fits(word: str, stem: str) -> bool:
    return word.startswith(stem) or (len(stem) >= _INFIX_MIN and stem in word)


def _begins(word: str, part: str) -> bool:
    """A word begins with a negative word; a short one ("oś", "osa") must be
    the whole word, or it would begin many others ("osoba")."""
    return word == part if len(part) < _INFIX_MIN - 1 else word.startswith(part)


@cache
def _share_words() -> frozenset[str]:
    """The words of the phrases that make a fund's name its share ("of
    which", "davon", "z toho", "w tym"), as label_words gives words."""
    return frozenset(word for phrase in words("fund_share.words") for word in label_words(phrase))


def _is_fund(word: str) -> bool:
    return terms("funds").pattern.fullmatch(word) is not None


def _negative(found: list[str]) -> str | None:
    """The kind of thing a negative phrase says the label names, if one is
    in it: of the phrases that fit somewhere, the first in
    :func:`_negatives`.  Only the phrases whose first word one of the
    label's words begins with are tried.

    >>> _negative(["programove", "obdobi"]), _negative(["osoba"]), _negative(["celkove", "vydaje"])
    ('period', None, None)
    """
    by_word = _negatives_by_first_word()
    best: tuple[int, str] | None = None
    for start, word in enumerate(found):
        for first in _beginnings(word):
            for place, kind, phrase in by_word.get(first, ()):
                if best is not None and place >= best[0]:
                    break  # the phrases of one first word are in their order
                if start + len(phrase) <= len(found) and all(
                    _begins(found[start + i], part) for i, part in enumerate(phrase)
                ):
                    best = (place, kind)
    return best[1] if best else None


def _beginnings(word: str) -> list[str]:
    """The negative words a word may begin with (see :func:`_begins`): a
    short one only as the whole word."""
    short = [word] if len(word) < _INFIX_MIN - 1 else []
    return short + [word[:end] for end in range(_INFIX_MIN - 1, len(word) + 1)]
