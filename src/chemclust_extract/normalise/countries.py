"""Countries as ISO 3166-1 alpha-2 codes.

Codes and English names come from pycountry; Czech, German and Polish names
from the ISO 3166 translations pycountry ships (its gettext catalogues).  EU
usage differs from ISO in two codes: ``UK`` for the United Kingdom and ``EL``
for Greece.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry

from chemclust_extract.vocabulary import fold

EU_CODES = {"UK": "GB", "EL": "GR"}
_LOCALES = ("cs", "de", "pl", "sk")
# Everyday names that neither ISO nor its translations spell this way.
_COMMON_NAMES = {
    "czech republic": "CZ",
    "czechia": "CZ",
    "česko": "CZ",
    "čr": "CZ",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "britain": "GB",
    "holland": "NL",
    "russia": "RU",
    "tschechien": "CZ",
    "deutschland": "DE",
    "niemcy": "DE",
    "anglie": "GB",
    "velká británie": "GB",
    "wielka brytania": "GB",
    "slovakia": "SK",
    "moldova": "MD",
    "south korea": "KR",
    "vatican": "VA",
    "kosovo": "XK",
    "turkey": "TR",
    "türkei": "TR",
    "turecko": "TR",
    "turcja": "TR",
    "großbritannien": "GB",
    "grossbritannien": "GB",
    "vereinigtes königreich": "GB",
    "spojené království": "GB",
    "niederlande": "NL",
}
_ARTICLE = re.compile(r"^(?:the|die|der|das)\s+", re.I)  # "The Netherlands"


def country_code(text: str | None) -> str | None:
    """The alpha-2 code of a country written as a code or a name in English,
    Czech, German, Polish or Slovak.

    >>> [country_code(t) for t in ("DE", "uk", "EL", "DEU", "Germany", "Německo", "Niemcy")]
    ['DE', 'GB', 'GR', 'DE', 'DE', 'DE', 'DE']
    >>> country_code("Česká republika"), country_code("XX"), country_code("Limburg")
    ('CZ', None, None)
    """
    if not text:
        return None
    key = _ARTICLE.sub("", fold(text).strip(" ."))
    if not key:
        return None
    return _by_name().get(key) or _by_code(key.upper())


def _by_code(code: str) -> str | None:
    code = EU_CODES.get(code, code)
    if len(code) == 2:
        found = pycountry.countries.get(alpha_2=code)
    elif len(code) == 3:
        found = pycountry.countries.get(alpha_3=code)
    else:
        return None
    return found.alpha_2 if found else ("XK" if code == "XK" else None)


@cache
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    catalogues = [_catalogue(locale) for locale in _LOCALES]
    for country in pycountry.countries:
        english = [
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ]
        for name in english:
            if name:
                names.setdefault(fold(name), country.alpha_2)
                names.setdefault(fold(name.split(",")[0]), country.alpha_2)
                for catalogue in catalogues:
                    names.setdefault(fold(catalogue.gettext(name)), country.alpha_2)
    names.update(_COMMON_NAMES)
    return names


def _catalogue(locale: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[locale], fallback=True
    )
