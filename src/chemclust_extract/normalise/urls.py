"""Web addresses and e-mail addresses.

Only web addresses are URLs (issue 7, CONTRACT.md "URLs absolute"): ``http``
or ``https`` to a host name with a dot, and ``ftp`` only where a caller
allows it (a document's download address, never a website).  A ``file:``,
``data:``, ``smb:`` or ``javascript:`` link, a scheme-relative ``//host/x``
and a relative link that no web ``<base href>`` made absolute are none: the
normalisers give ``None``, and :func:`rejected_links` names such links so the
record can warn and keep them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from chemclust_extract.languages import KEPT_VALUES

URL = re.compile(
    r"""(?:(?:https?|ftp)://|www\d{0,3}\.)   # a scheme, or a bare www. host
        (?:[^\s<>"'()]|\([^\s<>"'()]*\))+  # the rest; balanced brackets allowed""",
    re.VERBOSE | re.IGNORECASE,
)
EMAIL = re.compile(
    r"""(?<![\w.+-])[\w.+-]{1,64}     # the local part: RFC 5321 allows 64 characters,
                                    # and starting only at its first one keeps a long
                                    # run with no "@" linear
        @[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}  # the domain""",
    re.IGNORECASE | re.VERBOSE,
)
_TRAILING = ".,;:!?)]}"


WEB_SCHEMES = frozenset({"http", "https"})
# A document may also be downloaded over ftp; a website is never an ftp address.
DOCUMENT_SCHEMES = WEB_SCHEMES | {"ftp"}
_SCHEME = re.compile(
    r"""^([a-z][a-z0-9+.-]*)  # a scheme (RFC 3986): a letter, then letters, digits, + . -
        :                     # ends at the first colon""",
    re.VERBOSE | re.IGNORECASE,
)
_BARE_WWW = re.compile(r"www\d{0,3}\.", re.IGNORECASE)  # www., www2. ... with no scheme before
# What no address as written holds: white space (as str.isspace() has it),
# a control character (category Cc) or U+FFFD.
_NOT_IN_ADDRESS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ufffd]")
# Links that are no one's web address, so no rejected one either: an e-mail
# (the contacts read it), a phone number, a place on the same page.
_NOT_ADDRESSES = ("mailto:", "tel:", "#")


def is_web_address(url: str, allow_ftp: bool = False) -> bool:
    """Whether an absolute address is on the web: http or https (ftp where
    allowed) to a host name with a dot, with no space or control character
    and no U+FFFD (a byte lost in decoding: the address is not as written).

    >>> is_web_address("http://www.chemclust.eu/"), is_web_address("HTTPS://X.EU/a")
    (True, True)
    >>> is_web_address("ftp://x.eu/f.pdf"), is_web_address("ftp://x.eu/f.pdf", allow_ftp=True)
    (False, True)
    >>> [is_web_address(u) for u in ("file:///C:/a.pdf", "//x.eu/a", "docs/a.pdf", "http://localhost/")]
    [False, False, False, False]
    >>> is_web_address("http://x.eu/a\\x00"), is_web_address("http://\\ufffdww.x.eu/")
    (False, False)
    """
    if len(url) <= _KEPT_LENGTH:  # a partner's site recurs on its every project's sheet
        return _kept_web_address(url, allow_ftp)
    return _web_address(url, allow_ftp)


def _web_address(url: str, allow_ftp: bool) -> bool:
    if _NOT_IN_ADDRESS.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[x": brackets that are no IPv6 address
        return False
    return parts.scheme.lower() in _schemes(allow_ftp) and "." in (parts.hostname or "")


_KEPT_LENGTH = 200
_kept_web_address = lru_cache(maxsize=KEPT_VALUES)(_web_address)


def find_url(text: str | None, *, allow_ftp: bool = False) -> str | None:
    """The first web address in a text, absolute.

    >>> find_url("see www.chemclust.eu.")
    'http://www.chemclust.eu'
    >>> find_url("http://www.kr-ustecky.cz/")
    'http://www.kr-ustecky.cz/'
    >>> find_url("ftp://x.eu/a.pdf") is None, find_url("ftp://x.eu/a.pdf", allow_ftp=True)
    (True, 'ftp://x.eu/a.pdf')
    >>> find_url("no address here") is None
    True
    """
    if not text:
        return None
    found = (normalise_url(m.group(0), allow_ftp=allow_ftp) for m in URL.finditer(text))
    return next((url for url in found if url), None)


BARE_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)


def parse_website(text: str | None, *, allow_ftp: bool = False) -> str | None:
    """A website field: the first address in it, or a bare domain name.

    >>> parse_website("chemclust.eu"), parse_website("Web: www.chemclust.eu")
    ('http://chemclust.eu', 'http://www.chemclust.eu')
    >>> parse_website("under construction") is None, parse_website("ftp://x.eu/") is None
    (True, True)
    """
    found = find_url(text, allow_ftp=allow_ftp)
    if found or not text:
        return found
    bare = _trim(text.strip())
    url = "http://" + bare
    return url if BARE_DOMAIN.fullmatch(bare) and is_web_address(url) else None


def normalise_url(
    text: str | None, base: str | None = None, *, allow_ftp: bool = False
) -> str | None:
    """An address as written, made absolute: a bare ``www.`` host gets
    ``http://``; a relative link is resolved against ``base`` if there is
    one.  What is not then a web address (:func:`is_web_address`) is ``None``.

    >>> normalise_url(" www.x.eu/a ")
    'http://www.x.eu/a'
    >>> normalise_url("docs/a.pdf", base="http://x.eu/p/")
    'http://x.eu/p/docs/a.pdf'
    >>> [normalise_url(u) for u in ("docs/a.pdf", "//x.eu/a", "file:///C:/a.pdf", "mailto:a@b.cz")]
    [None, None, None, None]
    >>> normalise_url("docs/a.pdf", base="file:///C:/") is None
    True
    """
    if not text:
        return None
    url = _trim(text.strip())
    if _BARE_WWW.match(url):
        url = "http://" + url
    if base and not _SCHEME.match(url):
        try:
            url = urljoin(base, url)
        except ValueError:  # a base that is no URL ("http://[x")
            return None
    return url if is_web_address(url, allow_ftp) else None


def rejected_links(links: Iterable[str], allow_ftp: bool = False) -> list[str]:
    """The links, as written, that lead somewhere other than the web, for a
    warning: another scheme, ``//host/x``, or a relative link (links come
    resolved against ``<base href>``, so one still relative had no web base).

    E-mail and phone links and anchors on the page are no website's address,
    so none of these; nor is a web link that is only malformed
    (``http://[x``), which is an unreadable value like any other.

    >>> rejected_links(["javascript:alert(1)", "http://x.eu/", "mailto:a@b.cz", "#top", "tel:+420"])
    ['javascript:alert(1)']
    >>> rejected_links(["//x.eu/a", "docs/a.pdf", "ftp://x.eu/f.pdf", "www.x.eu", "http://[x/"])
    ['//x.eu/a', 'docs/a.pdf', 'ftp://x.eu/f.pdf']
    >>> rejected_links(["ftp://x.eu/f.pdf"], allow_ftp=True)
    []
    """
    found = []
    for link in links:
        address = link.strip()
        if not address or address.lower().startswith(_NOT_ADDRESSES):
            continue
        if _scheme(address) not in _schemes(allow_ftp):
            found.append(address)
    return found


def urls_in(texts: Iterable[str]) -> list[str]:
    """Every address written in the texts, as written, before any check.

    >>> urls_in(["Ústí Region ftp://x.cz/", "www.y.eu"])
    ['ftp://x.cz/', 'www.y.eu']
    """
    # One search over the texts on lines of their own: no address holds a
    # line break, so none runs from one text into the next.  Most texts (a
    # partner's name) hold no "://" and no "www" in any case: no search.
    # ("www" in any case holds "ww", "wW" or "WW": its second pair does if
    # its first is "Ww".)
    text = "\n".join(texts)
    if "://" not in text and not any(ww in text for ww in ("ww", "wW", "WW")):
        return []
    return URL.findall(text)


def _scheme(address: str) -> str:
    """The scheme an address is read with, lower case; a bare ``www.`` host
    is read as http, a link with none (relative) gives ``""``."""
    if _BARE_WWW.match(address):
        return "http"
    found = _SCHEME.match(address)
    return found.group(1).lower() if found else ""


def _schemes(allow_ftp: bool) -> frozenset[str]:
    return DOCUMENT_SCHEMES if allow_ftp else WEB_SCHEMES


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
