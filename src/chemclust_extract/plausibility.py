"""How much decoded text reads like the languages of the sheets.

Used to choose among code pages and to tell repaired mojibake from correct
text: each word beyond ASCII is scored in the alphabet that fits it best,
and, when asked, by whether its letters stand beside neighbours the
language writes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import mul
from pathlib import Path

# Letters beyond ASCII that each language writes (lower case; upper case is
# added below).  A word is plausible when one language writes all its
# letters: the sheets' own languages, and those of partners' names.  Western
# languages are kept apart, so that "hospodáøská" (windows-1250 read as
# windows-1252) fits neither Czech nor Danish.
_LOWER_ALPHABETS: dict[str, str] = {
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż",
    "de": "äöüßé",
    "hu": "áéíóöőúüű",
    "sl_hr": "čćđšž",
    "fr": "àâçèéêëîïôùûüÿœæ",
    "es": "áéíñóúü",
    "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú",
    "nl": "éèëïöü",
    "nordic": "æøåäöé",
}
_ALPHABETS = {lang: letters + letters.upper() for lang, letters in _LOWER_ALPHABETS.items()}
# Where each alphabet's letter pairs are learnt: the ISO 3166/639/4217/15924
# name translations pycountry ships (its gettext catalogues).  A letter
# counts fully where the language writes it next to those neighbours
# ("Děčín", "Città"), and little where it never does ("Dìèín", "Cittŕ",
# "Nřrresundby": what a wrong code page makes of them).
_CATALOGUE_LOCALES: dict[str, tuple[str, ...]] = {
    "cs": ("cs",), "sk": ("sk",), "pl": ("pl",), "de": ("de",), "hu": ("hu",),
    "sl_hr": ("sl", "hr"), "fr": ("fr",), "es": ("es",), "it": ("it",), "pt": ("pt", "pt_BR"),
    "nl": ("nl",), "nordic": ("da", "sv", "nb_NO", "nn", "fi"),
}  # fmt: skip
_UNSEEN_PAIR = 0.25
# The most a letter's score drops when its neighbours are weighed (pairs):
# 1 to _UNSEEN_PAIR; a letter of no alphabet and a sign score alike either
# way.  So a text's score with pairs is never lower than without, less this.
MOST_LOST_TO_PAIRS = 1 - _UNSEEN_PAIR
# Punctuation and signs every language's sheets use.
_COMMON = "€„“”‚‘’–—…•°§×·«»¤¦©®±µ¶ \u00a0"


# Enough for the words sheets repeat (labels, place names, the language's
# common words); a batch's every project name would make memory grow with it.
_KEPT_WORDS = 1 << 12


def plausibility(text: str, pairs: bool = False) -> float:
    """How much a decoded text reads like the sheets' languages, per
    character beyond ASCII: each word is scored against the alphabet that
    fits it best (a German sheet may name a Czech town), signs count only
    between words, control characters weigh heavily.  With ``pairs``, a
    letter counts fully only beside neighbours its language writes.
    ASCII-only text scores 0.

    >>> plausibility("Ústí") > plausibility("Ăšstí")
    True
    >>> plausibility("Děčín, Görlitz", pairs=True) > plausibility("Dìèín, Görlitz", pairs=True)
    True
    >>> plausibility("wiodący") > plausibility("wiod±cy")
    True
    """
    count, total = _parts(text, pairs)
    return total / count if count else 0.0


def _parts(text: str, pairs: bool) -> tuple[float, float]:
    """What :func:`plausibility` divides: how many characters it scores,
    and their scores' sum."""
    if text.isascii():
        return 0.0, 0.0
    total = count = 0.0
    counted = Counter(_foreign_words(text))
    if counted:
        # Looked up and summed in C: every score is a multiple of 1/4, so
        # the sums are exact in any order.
        letters, scores = zip(*map(_paired_score if pairs else _plain_score, counted), strict=True)
        count += sum(map(mul, counted.values(), letters))
        total += sum(map(mul, counted.values(), scores))
    for sign in _FOREIGN_SIGN.finditer(text):
        count += 1
        total += _sign(sign.group(0), text, sign.start())
    return count, total


def tokens_plausibility(tokens: Sequence[str], times: Sequence[int], pairs: bool = False) -> float:
    """:func:`plausibility` of the tokens (texts without white space), each
    written ``times`` over, joined by spaces: each token is scored once,
    as words and signs are scored apart from their neighbours across
    white space.

    >>> text = "Ústí Ústí nad Labem Děčín, Ústí"
    >>> tokens_plausibility(["Ústí", "Děčín,"], [3, 1]) == plausibility(text)
    True
    """
    if not tokens:
        return 0.0
    # Looked up and summed in C, as in plausibility(), both parts at once:
    # each token's are kept as one complex number (count + total j), whose
    # parts, multiples of 1/4, add up exactly.
    summed = sum(map(mul, times, map(_paired_parts if pairs else _plain_parts, tokens)), 0j)
    return score_of_parts(summed)


def token_parts(token: str) -> complex:
    """A token's part of :func:`tokens_plausibility` (without pairs): how
    many characters it scores as the real part, their scores' sum as the
    imaginary; the parts of several tokens add up, and
    :func:`score_of_parts` makes their sum a score.

    >>> score_of_parts(token_parts("Ústí") + 2 * token_parts("Děčín,")) == tokens_plausibility(
    ...     ["Ústí", "Děčín,"], [1, 2])
    True
    """
    return _plain_parts(token)


def score_of_parts(summed: complex) -> float:
    """The score the summed parts of tokens give (0.0 for none scored)."""
    return summed.imag / summed.real if summed.real else 0.0


@lru_cache(maxsize=_KEPT_WORDS)
def _plain_parts(token: str) -> complex:
    return complex(*_parts(token, False))


@lru_cache(maxsize=_KEPT_WORDS)
def _paired_parts(token: str) -> complex:
    return complex(*_parts(token, True))


def reads_as_word(text: str) -> bool:
    """Whether a token beyond ASCII reads as a word or sign of the sheets'
    languages: its letters beside neighbours a language writes, or all in
    the alphabet of one of the sheets' own languages (cs, sk, pl, de).
    What a stray byte reads as is no word: a lone letter (``ÿ``, though
    ``š.`` abbreviates), a rare foreign letter where no language writes it
    (``krajÿ``), signs glued inside a word (``kr€€aj``).

    >>> reads_as_word("Ústecký"), reads_as_word("VÝŠE"), reads_as_word("się"), reads_as_word("š.")
    (True, True, True, True)
    >>> reads_as_word("ĂšsteckĂ˝"), reads_as_word("ÿ"), reads_as_word("krajÿ"), reads_as_word("kr€€aj")
    (False, False, False, False)
    """
    words = _foreign_words(text)
    if text.isascii() or _LONE_LETTER.search(text) or _glued_signs(text):
        return False
    if plausibility(text, pairs=True) >= _ATTESTED:
        return True
    return plausibility(text) > 0 and all(
        max(_fit(word, lang) for lang in _SHEET_LANGUAGES) > 0 for word in words
    )


_ATTESTED = 0.5  # as many letters beside known neighbours as not
# A letter beyond ASCII standing alone, not abbreviating (the "š" of "š. p.").
_LONE_LETTER = re.compile(r"(?<!\w)[^\W\x00-\x7f](?![\w.])")
_SHEET_LANGUAGES = ("cs", "sk", "pl", "de")
# A run of signs beyond ASCII between two word characters.
_INNER_SIGNS = re.compile(r"(?<=\w)[^\w\s\x00-\x7f]+(?=\w)")


def _glued_signs(text: str) -> bool:
    """Signs beyond ASCII inside a word that neither join two words
    (``Neisse–Nisa``) nor stand by a number (``10°C``).

    >>> _glued_signs("kr€€aj"), _glued_signs("Neisse–Nisa"), _glued_signs("10°C")
    (True, False, False)
    """
    for run in _INNER_SIGNS.finditer(text):
        by_a_number = text[run.start() - 1].isdigit() or text[run.end()].isdigit()
        joiner = len(run.group()) == 1 and run.group() in _JOINERS
        if not (by_a_number or joiner):
            return True
    return False


# Runs of word characters, and single signs beyond ASCII: neither a word
# character nor white space, or a C1 control (of which only U+0085 is white
# space).  Each opens with a character class the regular expression engine
# scans for in C.
_WORD_RUN = re.compile(r"\w+")
_FOREIGN_SIGN = re.compile(r"[^\x00-\x7f](?:(?<=[^\w\s])|(?<=\x85))")


def _foreign_words(text: str) -> list[str]:
    """The words with a letter beyond ASCII: the runs of word characters
    that hold one.

    >>> _foreign_words("Ústí nad Labem, Děčín_2 (CZ)")
    ['Ústí', 'Děčín_2']
    """
    return [run for run in _WORD_RUN.findall(text) if not run.isascii()]


def _score_of(word: str, pairs: bool) -> tuple[int, float]:
    """How many of a word's characters are beyond ASCII, and its score in
    the language that fits it best.  Words recur from sheet to sheet, so
    the answers are kept: one cache for each kind of score, keyed by the
    word alone (:func:`_plain_score`, :func:`_paired_score`)."""
    beyond = len(word) - len(word.encode("ascii", "ignore"))
    return beyond, max(_fit(word, lang, pairs) for lang in _ALPHABETS)


@lru_cache(maxsize=_KEPT_WORDS)
def _plain_score(word: str) -> tuple[int, float]:
    return _score_of(word, False)


@lru_cache(maxsize=_KEPT_WORDS)
def _paired_score(word: str) -> tuple[int, float]:
    return _score_of(word, True)


def _fit(word: str, lang: str, pairs: bool = False) -> float:
    """A word's letters beyond ASCII scored in one language: +1 for a letter
    it writes beside these neighbours, a little for a letter it writes
    elsewhere, -3 for a letter it does not write."""
    alphabet = _ALPHABETS[lang]
    known = _letter_pairs().get(lang, frozenset()) if pairs else frozenset()
    padded = "^" + word.lower() + "$"
    score = 0.0
    for i, char in enumerate(word, start=1):
        if ord(char) <= 127:
            continue
        if char not in alphabet:
            score -= 10.0 if unicodedata.category(char) == "Cc" else 3.0
        elif not known or (
            _attested(padded[i - 1 : i + 1], known) and _attested(padded[i : i + 2], known)
        ):
            score += 1.0
        else:
            score += _UNSEEN_PAIR
    return score


def _attested(pair: str, known: frozenset[str]) -> bool:
    """A pair the language writes, or one whose ASCII letter could be any
    consonant (or vowel) there: sparse catalogues need that back-off."""
    return pair in known or _shape(pair) in known


_VOWELS = frozenset("aeiouy")


def _shape(pair: str) -> str:
    return "".join(
        ("V" if c in _VOWELS else "C") if c.isascii() and c.isalpha() else c for c in pair
    )


@cache
def _letter_pairs() -> dict[str, frozenset[str]]:
    """Per alphabet, the letter pairs (``^`` and ``$`` marking word ends) with
    a letter beyond ASCII that the language's catalogues write."""
    import gettext

    import pycountry

    pairs: dict[str, frozenset[str]] = {}
    for lang, locales in _CATALOGUE_LOCALES.items():
        words: set[str] = set()
        for locale in locales:
            folder = Path(pycountry.LOCALES_DIR) / locale / "LC_MESSAGES"
            for catalogue in sorted(folder.glob("*.mo")):
                with catalogue.open("rb") as handle:
                    strings = gettext.GNUTranslations(handle)._catalog.values()  # type: ignore[attr-defined]
                text = " ".join(s for s in strings if isinstance(s, str)).lower()
                words.update(w for w in _WORD.findall(text) if not w.isascii())
        seen = {
            pair
            for word in words
            for i in range(len(word) + 1)
            if not (pair := ("^" + word + "$")[i : i + 2]).isascii()
        }
        pairs[lang] = frozenset(seen | {_shape(pair) for pair in seen})
    return pairs


_WORD = re.compile(r"[^\W\d_]+")


def _sign(char: str, text: str, at: int) -> float:
    """A sign beyond ASCII: fine between words, a misread letter inside one."""
    if ord(char) <= 127:
        return 0.0
    if unicodedata.category(char) == "Cc":
        return -10.0
    inside = at > 0 and text[at - 1].isalpha() and at + 1 < len(text) and text[at + 1].isalpha()
    return 1.0 if char in _COMMON and (not inside or char in _JOINERS) else -3.0


# Signs that may join two words ("Neisse–Nisa", "d’Azur"); any other sign
# between letters ("wiod±cy") is a letter read in the wrong code page.
_JOINERS = frozenset("–—‐‑’‘‚„“”·")


# The languages of the sheets themselves (and Slovak, their neighbour).
_OWN = frozenset("".join(_ALPHABETS[lang] for lang in ("cs", "sk", "pl", "de")))


def own_letters(text: str) -> int:
    """How many letters beyond ASCII belong to the sheets' own languages.

    >>> own_letters("Kreis Vysočina, Görlitz"), own_letters("Kreis Vysoèina, Görlitz")
    (2, 1)
    """
    return len(_OWN_LETTER.findall(text))


_OWN_LETTER = re.compile(f"[{re.escape(''.join(sorted(_OWN)))}]")
