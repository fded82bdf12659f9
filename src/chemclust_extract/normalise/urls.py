"""Web addresses and e-mail addresses."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

URL = re.compile(
    r"""(?:(?:https?|ftp)://|www\d{0,3}\.)   # a scheme, or a bare www. host
        (?:[^\s<>"'()]|\([^\s<>"'()]*\))+  # the rest; balanced brackets allowed""",
    re.VERBOSE | re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
_TRAILING = ".,;:!?)]}"


def find_url(text: str | None) -> str | None:
    """The first web address in a text, absolute.

    >>> find_url("see www.chemclust.eu.")
    'http://www.chemclust.eu'
    >>> find_url("http://www.kr-ustecky.cz/")
    'http://www.kr-ustecky.cz/'
    >>> find_url("no address here") is None
    True
    """
    if not text:
        return None
    match = URL.search(text)
    return normalise_url(match.group(0)) if match else None


BARE_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)


def parse_website(text: str | None) -> str | None:
    """A website field: the first address in it, or a bare domain name.

    >>> parse_website("chemclust.eu"), parse_website("Web: www.chemclust.eu")
    ('http://chemclust.eu', 'http://www.chemclust.eu')
    >>> parse_website("under construction") is None
    True
    """
    found = find_url(text)
    if found or not text:
        return found
    bare = _trim(text.strip())
    return "http://" + bare if BARE_DOMAIN.fullmatch(bare) else None


def normalise_url(text: str | None, base: str | None = None) -> str | None:
    """An address as written, made absolute: a bare ``www.`` host gets
    ``http://``; a relative link is resolved against ``base`` if there is one.

    >>> normalise_url(" www.x.eu/a ")
    'http://www.x.eu/a'
    >>> normalise_url("docs/a.pdf", base="http://x.eu/p/")
    'http://x.eu/p/docs/a.pdf'
    >>> normalise_url("mailto:a@b.cz") is None
    True
    """
    if not text:
        return None
    url = _trim(text.strip())
    if (
        not url
        or any(c.isspace() for c in url)
        or url.lower().startswith(("mailto:", "javascript:", "tel:"))
    ):
        return None
    if url.lower().startswith("www"):
        url = "http://" + url
    try:
        if base and not urlsplit(url).scheme:
            url = urljoin(base, url)
        parts = urlsplit(url)
    except ValueError:  # "http://[x": brackets that are no IPv6 address
        return None
    if parts.scheme.lower() not in {"http", "https", "ftp"} and not base:
        return url if "/" in url else None
    if parts.scheme and "." not in parts.netloc:
        return None
    return url


def _trim(url: str) -> str:
    """Punctuation after an address, but a closing bracket that closes one
    inside it stays (``.../Interreg_(programme)``)."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def find_email(text: str | None) -> str | None:
    """The first e-mail address in a text, lower case.

    >>> find_email("Mail: Spotak.D@kr-ustecky.cz Tel: +420")
    'spotak.d@kr-ustecky.cz'
    """
    if not text:
        return None
    match = EMAIL.search(text)
    return match.group(0).lower() if match else None
