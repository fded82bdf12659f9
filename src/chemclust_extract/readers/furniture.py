"""Page furniture: what a web page puts around a sheet (scripts, navigation,
breadcrumbs, cookie notices, the site's header and footer, sidebars, print
and share lines), known by its tag, its ARIA role, or the words of its class
or id in any of the sheet languages (``class="footer"``, ``id="paticka"``,
``id="stopka"``, ``id="fusszeile"``).

The words are data (``[furniture]`` in ``languages/*.toml``): ``words`` make
an element furniture anywhere, ``parts`` (header and footer words) only
outside ``<article>``/``<main>``, as the ``<header>``/``<footer>`` tags do;
``lines`` are the print and share lines; ``label_classes`` the class words
of a CMS's label in a label/value pair.  A class or id is split into words
at ``-``, ``_``, digits and camelCase and matched word by word, without
diacritics, so ``site-footer``, ``footerNav`` and ``Fußzeile`` match and
``footnote`` does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from chemclust_extract.languages import bare, words

# Reads an element's attribute: ``element.get`` or a mapping's ``get``.
Attribute = Callable[[str], object]

# Never the sheet, wherever they are.
NEVER_CONTENT = frozenset(
    "script style noscript template iframe object embed svg canvas button select textarea "
    "option nav head title meta link".split()
)
# The page template's parts: furniture outside <article>/<main>, content inside.
TEMPLATE_PARTS = frozenset({"header", "footer", "aside"})
TEMPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
CONTENT = frozenset({"article", "main"})
# What a class or id word never makes furniture: a cell or a heading whose
# class says "header" is a label, not the page's header.
_NEVER_BY_WORDS = frozenset(
    "html body tr td th thead tbody tfoot caption dt dd h1 h2 h3 h4 h5 h6 b strong label".split()
)
_WORD_BREAK = re.compile(
    r"""[^\w]+            # spaces between class names, hyphens, dots
      | _+                # underscores (BEM: field__label)
      | (?<=[a-z])(?=[A-Z])   # camelCase: footerNav
      | (?<=\D)(?=\d) | (?<=\d)(?=\D)   # digits: footer2, col-2
    """,
    re.VERBOSE,
)
_LINE_BREAK = re.compile(r"\s*[|/·]\s*")  # the separators between the words of a print line


@cache
def _words(kind: str) -> frozenset[str]:
    """The folded, diacritics-free words of one ``[furniture]`` list."""
    return frozenset(bare(word) for word in words(f"furniture.{kind}"))


def class_words(value: str) -> list[str]:
    """The words of a class or id, folded and without diacritics.

    >>> class_words("site-footer footerNav field__label Fußzeile col2")
    ['site', 'footer', 'footer', 'nav', 'field', 'label', 'fusszeile', 'col', '2']
    """
    return [bare(part) for part in _WORD_BREAK.split(value) if part]


def named_furniture(names: str, in_content: bool) -> bool:
    """Whether class and id names say furniture: any word anywhere, a
    header or footer word outside the page's content.

    >>> named_furniture("tisk-sdilet", True), named_furniture("stopka", False)
    (True, True)
    >>> named_furniture("entry-header", True), named_furniture("footnote", False)
    (False, False)
    """
    return (
        _named_furniture(names, in_content)
        if len(names) <= _KEPT_LENGTH
        else _named(names, in_content)
    )


# A site's pages share their class and id names: the answers for names up to
# this long are kept.
_KEPT_LENGTH = 200


def _named(names: str, in_content: bool) -> bool:
    found = set(class_words(names))
    return bool(found & _words("words")) or (not in_content and bool(found & _words("parts")))


_named_furniture = lru_cache(maxsize=4096)(_named)


def is_furniture(tag: str, attribute: Attribute, in_content: bool) -> bool:
    """Whether an element is page furniture: by its tag, its role, or the
    words of its class or id (see :func:`named_furniture`).

    >>> is_furniture("div", {"id": "paticka"}.get, False)
    True
    >>> is_furniture("footer", {}.get, True), is_furniture("td", {"class": "header"}.get, False)
    (False, False)
    """
    if tag in NEVER_CONTENT:
        return True
    if str(attribute("role") or "").strip().lower() in TEMPLATE_ROLES:
        return True
    if tag in TEMPLATE_PARTS:
        return not in_content
    if tag in _NEVER_BY_WORDS:
        return False
    names = f"{attribute('class') or ''} {attribute('id') or ''}"
    return bool(names.strip()) and named_furniture(names, in_content)


def is_label_class(attribute: Attribute) -> bool:
    """Whether an element's class names it the label of a label/value pair.

    >>> is_label_class({"class": "field field--label"}.get), is_label_class({"class": "labels-x"}.get)
    (True, False)
    """
    names = str(attribute("class") or "")
    return bool(names) and _label_class(names)


@lru_cache(maxsize=4096)
def _label_class(names: str) -> bool:
    return bool(set(class_words(names)) & _words("label_classes"))


def furniture_line(text: str) -> bool:
    """Whether a line is only print and share words (``Tisk``, ``Drucken |
    Teilen``, ``Drukuj · Udostępnij``), joined by ``|``, ``/`` or ``·``.

    >>> furniture_line("Drucken | Teilen"), furniture_line(" Tisk "), furniture_line("Print / Share")
    (True, True, True)
    >>> furniture_line("Tisk | Sdílet | RSS"), furniture_line("Tisk: ano"), furniture_line("")
    (False, False, False)
    """
    text = text.strip()
    if "|" not in text and "/" not in text and "·" not in text:  # one part: most rows, at once
        return bool(text) and len(text) <= _longest_line() and bare(text) in _words("lines")
    parts = [part for part in _LINE_BREAK.split(text) if part]
    if not parts or max(map(len, parts)) > _longest_line():
        return False
    return all(bare(part) in _words("lines") for part in parts)


@cache
def _longest_line() -> int:
    return max(map(len, words("furniture.lines")), default=0)
