"""Countries as ISO 3166-1 alpha-2 codes, from a code, a country's name, a
country cell or the last line of an address.

Codes and English names come from pycountry; Czech, German, Polish and
Slovak names from the ISO 3166 translations pycountry ships (its gettext
catalogues); EU codes (``UK``, ``EL``) from ``common.toml``; everyday names
ISO does not spell ("Czechia", "Rusko", "Weißrussland", "Zjednoczone
Królestwo") from the ``[countries]`` table of each ``languages/*.toml``, and
the articles a name may carry ("The Netherlands") from its ``[articles]``.

pycountry is imported when the first country is looked up, and its tables
are read into plain dictionaries then: a sheet asks for a country dozens of
times, and the same few names recur from sheet to sheet, so each answer is
kept too.
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

from chemclust_extract.languages import KEPT_VALUES, alternation, fold, mapping, table, words

_LOCALES = ("cs", "de", "pl", "sk")
_CODE = re.compile(r"[A-Z]{2}")  # a key of a [countries] table that is a country code
# The parts of a country cell or an address: "Niemcy - Saksonia", "Görlitz,
# Deutschland", "Czech Republic (South Moravia)".  A dash counts only with
# spaces round it, so "Guinea-Bissau" and "Baden-Württemberg" stay whole.
_PARTS = re.compile(
    r"""\s*(?:
        [,;/()\[\]\n]     # a comma, slash, bracket or line break
      | \s[-–—]\s         # a dash with spaces round it
    )\s*""",
    re.VERBOSE,
)


def country_code(text: str | None, *, alpha_3: bool = True) -> str | None:
    """The alpha-2 code of a country written as a code or a name in English,
    Czech, German, Polish or Slovak.  ``alpha_3=False`` refuses three-letter
    codes, which a partner's name in brackets holds as acronyms far more
    often than as countries ("(ARE)", "(CAN)").

    >>> [country_code(t) for t in ("DE", "uk", "EL", "DEU", "Germany", "Německo", "Niemcy")]
    ['DE', 'GB', 'GR', 'DE', 'DE', 'DE', 'DE']
    >>> country_code("Česká republika"), country_code("XX"), country_code("Limburg")
    ('CZ', None, None)
    >>> country_code("ARE"), country_code("ARE", alpha_3=False), country_code("Čad", alpha_3=False)
    ('AE', None, 'TD')
    >>> country_code("Korea"), country_code("Congo"), country_code("The Netherlands")
    (None, 'CG', 'NL')
    """
    if not text:
        return None
    return _country_code(text, alpha_3)


@lru_cache(maxsize=KEPT_VALUES)
def _country_code(text: str, alpha_3: bool) -> str | None:
    key = _article().sub("", fold(text).strip(" ."))
    if not key:
        return None
    found = _by_name().get(key)
    if found or (not alpha_3 and len(key) == 3):
        return found
    return _by_code(key.upper())


def country_in(text: str | None, *, alpha_3: bool = True) -> str | None:
    """The country a country cell names, alone or beside a region or town:
    the one country among its parts, else ``None`` (two countries are no
    answer).  ``alpha_3`` as for :func:`country_code`.

    >>> country_in("Niemcy - Saksonia"), country_in("Rakousko"), country_in("Görlitz, Deutschland")
    ('DE', 'AT', 'DE')
    >>> country_in("Czech Republic (South Moravia)"), country_in("Česko / Rakousko")
    ('CZ', None)
    >>> country_in("Saksonia"), country_in("Guinea-Bissau")
    (None, 'GW')
    """
    if not text or len(text) > 200:
        return None
    return _country_in(text, alpha_3)


@lru_cache(maxsize=KEPT_VALUES)
def _country_in(text: str, alpha_3: bool) -> str | None:
    whole = country_code(text, alpha_3=alpha_3)
    if whole:
        return whole
    found = {code for part in _PARTS.split(text) if (code := country_code(part, alpha_3=False))}
    return found.pop() if len(found) == 1 else None


def address_country(text: str | None) -> str | None:
    """The country an address ends with, written as a name or a code on its
    last line or after its last comma.

    >>> address_country("Gregor-Mendel-Straße 33, 1180 Wien, Austria")
    'AT'
    >>> address_country("01-234 Wrocław, Polska"), address_country("Görlitz\\nDeutschland")
    ('PL', 'DE')
    >>> address_country("Bahnhofstraße 24, 02826 Görlitz") is None
    True
    """
    if not text:
        return None
    parts = [p for p in re.split(r"[,;\n]", text) if p.strip()]
    return country_code(parts[-1], alpha_3=False) if parts else None


def _by_code(code: str) -> str | None:
    code = _eu_codes().get(code, code)
    if len(code) not in (2, 3):
        return None
    # As pycountry's own look-up: its index is by the lower-case code.
    found = _codes()[len(code)].get(code.lower())
    return found or ("XK" if code == "XK" else None)


@cache
def _eu_codes() -> Mapping[str, str]:
    return mapping("eu_country_codes")


@cache
def _codes() -> dict[int, dict[str, str]]:
    """Lower-case alpha-2 and alpha-3 codes (keyed by their length) -> alpha-2."""
    countries = _pycountry().countries
    return {
        2: {country.alpha_2.lower(): country.alpha_2 for country in countries},
        3: {country.alpha_3.lower(): country.alpha_2 for country in countries},
    }


def _pycountry() -> Any:
    import pycountry  # on first use: its import and data take a while

    return pycountry


@cache
def _article() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(words('articles.words'))})\s+", re.I)


@cache
def _by_name() -> dict[str, str]:
    """Folded name -> code.  Full names (in English and in each catalogue's
    language) come first, then a name cut at its comma ("Bolivia" of
    "Bolivia, Plurinational State of"); either counts only where it names
    one country ("Korea" names two, and the Slovak catalogue gives
    "Slovenská republika" for the Gambia as well as for Slovakia).  The
    languages' own aliases settle what is left."""
    full: defaultdict[str, set[str]] = defaultdict(set)
    short: defaultdict[str, set[str]] = defaultdict(set)
    catalogues = [_catalogue(locale) for locale in _LOCALES]
    for country in _pycountry().countries:
        for name in _english_names(country):
            full[fold(name)].add(country.alpha_2)
            short[fold(name.split(",")[0])].add(country.alpha_2)
            for catalogue in catalogues:
                full[fold(catalogue.gettext(name))].add(country.alpha_2)
    names = {key: codes.pop() for key, codes in full.items() if len(codes) == 1}
    for key, codes in short.items():
        if len(codes) == 1 and key not in full:
            names[key] = codes.pop()
    for code, aliases in table("countries").items():
        if _CODE.fullmatch(code):
            names.update({fold(alias): code for alias in aliases})
    return names


def _english_names(country: object) -> list[str]:
    keys = ("name", "common_name", "official_name")
    return [name for key in keys if isinstance(name := getattr(country, key, None), str)]


def _catalogue(locale: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", _pycountry().LOCALES_DIR, languages=[locale], fallback=True
    )
