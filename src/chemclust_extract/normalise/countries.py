"""Countries as ISO 3166-1 alpha-2 codes.

Codes and English names come from pycountry; Czech, German, Polish and
Slovak names from the ISO 3166 translations pycountry ships (its gettext
catalogues); EU codes (``UK``, ``EL``) and everyday names ISO does not spell
("Czechia", "Holland", "Niemcy") from ``languages/*.toml``.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry

from chemclust_extract.languages import fold, mapping, table

_LOCALES = ("cs", "de", "pl", "sk")
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
    code = mapping("eu_country_codes").get(code, code)
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
    for code, aliases in table("countries").items():
        names.update({fold(alias): code for alias in aliases})
    return names


def _catalogue(locale: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[locale], fallback=True
    )
