"""Contact blocks: a person, their job, organisation and department, and how
to reach them.

Sheets write a contact either as lines (name, position, organisation, ...)
or run together on one line (``Špoták Dalibor Referent KÚÚK Odbor podpory
... Mail: ... Tel: ...``).  Labelled parts (``Mail:``, ``Tel:``, ``Fax:``)
are taken out first; the rest is split at known job titles and department
words (``languages/*.toml``).  Phone numbers become E.164 via
phonenumbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import phonenumbers

from chemclust_extract.model import Contact
from chemclust_extract.normalise.countries import country_code
from chemclust_extract.normalise.text import clean_lines, clean_text
from chemclust_extract.normalise.urls import EMAIL, URL
from chemclust_extract.languages import fold, table, terms, words

_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \t/().\-–]{5,}\d(?![\w])")
_E164_MAX = 16  # "+" and 15 digits
# Longer phone values are not read.  E.164 has at most 15 digits; written
# with spaces, brackets, a trunk "(0)" and an extension, real numbers stay
# under 40 characters ("+49 (0) 391 567 4321 ext. 1234"), so 100 leaves
# room.  (phonenumbers refuses over 250 itself, but only after this module
# has rewritten the text, once for each region it tries.)
MAX_PHONE_LENGTH = 100
_BRACKETED_CODE = re.compile(r"^\(\s*(\+\d{1,3})\s*\)")  # "(+420) 475 657 938"
# "Mgr. et Mgr. Petr Malý": the "et" that joined two titles is left first.
_TITLE_JOINER = re.compile(r"^[\s,]*(?:et|und)\s+")
_VALUE_OF = {"email": EMAIL, "phone": _PHONE_LIKE, "fax": _PHONE_LIKE, "web": URL}


@dataclass(frozen=True)
class ParsedContact:
    """A contact and what could not be read in it (``(field, code, message)``)."""

    contact: Contact
    problems: tuple[tuple[str, str, str], ...] = field(default=())


def parse_contact(
    text: str | None, regions: Sequence[str] = (), emails: Sequence[str] = ()
) -> ParsedContact | None:
    """Split a contact block.  ``regions`` are ISO country codes to read
    phone numbers written without a country code, most specific first;
    ``emails`` are addresses known from elsewhere (``mailto:`` links), used
    when the text shows none.

    >>> c = parse_contact("Špoták Dalibor Referent KÚÚK Odbor podpory průmyslu a podnikání "
    ...                   "Mail: spotak.d@kr-ustecky.cz Tel: +420 475657938 Fax: +420 475200245").contact
    >>> c.name, c.position, c.organisation, c.department
    ('Špoták Dalibor', 'Referent', 'KÚÚK', 'Odbor podpory průmyslu a podnikání')
    >>> c.email, c.phone, c.fax
    ('spotak.d@kr-ustecky.cz', '+420475657938', '+420475200245')
    >>> c = parse_contact("Ing. Jana Nováková, Ph.D.\\nProjektová manažerka\\nTel.: 475 657 111",
    ...                   regions=["CZ"]).contact
    >>> c.name, c.position, c.phone
    ('Jana Nováková', 'Projektová manažerka', '+420475657111')
    """
    raw = clean_text(text)
    if raw is None or text is None:
        return None
    problems: list[tuple[str, str, str]] = []
    rest, parts = _labelled_parts(text)
    email = _first(EMAIL, " ".join([parts.get("email", ""), rest, *emails]))
    email = email.lower() if email else None
    rest = EMAIL.sub(" ", URL.sub(" ", rest))
    email_region = _email_region(email)
    regions = [email_region, *regions] if email_region else list(regions)
    phone_text = parts.get("phone") or _first(_PHONE_LIKE, rest)
    if phone_text and "phone" not in parts:
        rest = rest.replace(phone_text, " ")
    phone = _phone_with_problem("phone", phone_text, regions, problems)
    fax = _phone_with_problem("fax", parts.get("fax"), regions, problems)
    who = _describe(rest)
    contact = Contact(**who, email=email, phone=phone, fax=fax, raw=raw)
    return ParsedContact(contact, tuple(problems))


def parse_phone(text: str | None, regions: Sequence[str] = ()) -> str | None:
    """A phone number in E.164, reading a number without country code with
    the first region that makes it a possible number.

    >>> parse_phone("+420 475 657 938"), parse_phone("00420 475657938")
    ('+420475657938', '+420475657938')
    >>> parse_phone("475 657 938", ["CZ"]), parse_phone("(0391) 567-4321", ["DE"])
    ('+420475657938', '+493915674321')
    >>> parse_phone("475 657 938") is None, parse_phone("20100000000000", ["DE"]) is None
    (True, True)
    >>> parse_phone("+420 " + "475 " * 30) is None  # longer than any number written out
    True
    """
    if not text or len(text) > MAX_PHONE_LENGTH:
        return None
    number = _BRACKETED_CODE.sub(r"\1 ", text.strip())
    if number.startswith("00"):
        number = "+" + number[2:]
    for region in [None] if number.startswith("+") else list(regions):
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        # Valid, not merely possible: "0391 567 4321" is no Czech number.
        if phonenumbers.is_valid_number(parsed):
            e164 = str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
            # E.164 allows 15 digits; some plans' patterns admit longer runs.
            return e164 if len(e164) <= _E164_MAX else None
    return None


def strip_honorifics(name: str) -> str:
    """A name without academic titles and honorifics.

    >>> strip_honorifics("Ing. Jana Nováková, Ph.D."), strip_honorifics("Frau Dr. Anna Schmidt")
    ('Jana Nováková', 'Anna Schmidt')
    """
    stripped = terms("contacts.honorifics").pattern.sub(" ", name)
    stripped = _TITLE_JOINER.sub(" ", stripped)
    return " ".join(stripped.replace(" ,", ",").split()).strip(" ,;")


def _phone_with_problem(
    name: str, text: str | None, regions: Sequence[str], problems: list[tuple[str, str, str]]
) -> str | None:
    number = parse_phone(text, regions)
    if text and number is None:
        if not text.strip().startswith(("+", "00")) and not regions:
            problems.append(
                (name, "no_region", f"no country known to read {name} {text.strip()!r}")
            )
        else:
            problems.append((name, "unparsed", f"{name} {text.strip()!r} is not a phone number"))
    return number


@cache
def _part_labels() -> re.Pattern[str]:
    """``Mail:``, ``Tel.:``, ``Fax`` ... and the canonical part each names."""
    words = sorted(
        (w for ws in table("contacts.parts").values() for w in ws), key=len, reverse=True
    )
    body = "|".join(re.escape(w.rstrip(".")) for w in words)
    return re.compile(rf"(?<!\w)(?P<label>{body})\.?\s*(?::|(?=\s*[+(\d]))\s*", re.I)


def _labelled_parts(text: str) -> tuple[str, dict[str, str]]:
    """Take ``Label: value`` parts out of a contact block; return what is left
    and the parts by canonical name.  A phone or fax value is the number
    right after its label, an e-mail the address; anything after that stays
    in the text."""
    keys = {fold(w.rstrip(".")): k for k, ws in table("contacts.parts").items() for w in ws}
    parts: dict[str, str] = {}
    kept: list[str] = []
    for line in text.splitlines():
        matches = list(_part_labels().finditer(line))
        pieces = [line[: matches[0].start()] if matches else line]
        ends = [m.start() for m in matches[1:]] + ([len(line)] if matches else [])
        for here, end in zip(matches, ends, strict=True):
            key = keys[fold(here["label"])]
            value = line[here.end() : end].lstrip()
            found = _VALUE_OF[key].match(value)
            if found and key != "web":
                parts.setdefault(key, found.group(0).strip())
            elif key in {"phone", "fax"} and value.strip(" ,;"):
                parts.setdefault(key, value.strip(" ,;"))  # not a number: warned about
            # What follows a part's value stays; a value that is not one (the
            # text of an e-mail link, "on request") is only kept in raw.
            pieces.append(value[found.end() :] if found else "")
        kept.append(" ".join(pieces))
    return "\n".join(kept), parts


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0).strip() if match else None


def _email_region(email: str | None) -> str | None:
    """The country of an e-mail's domain (``.cz`` -> ``CZ``; ``.eu``, ``.com`` -> none)."""
    if not email:
        return None
    tld = email.rsplit(".", 1)[-1].upper()
    return country_code(tld) if len(tld) == 2 and tld != "EU" else None


def _describe(text: str) -> dict[str, str | None]:
    """Name, position, organisation and department from the unlabelled rest."""
    lines = clean_lines(text)
    if len(lines) > 1:
        segments = lines
    elif lines and re.search(r"[,;]", lines[0]):
        segments = [s for s in (clean_text(p) for p in re.split(r"[,;]", lines[0])) if s]
    else:
        return _describe_run(lines[0] if lines else "")
    return _describe_segments(segments)


def _describe_segments(segments: list[str]) -> dict[str, str | None]:
    # A bare "e-mail" or "web" is the text of a link, not an organisation.
    segments = [s for s in segments if strip_honorifics(s) and not _is_part_word(s)]
    found: dict[str, str | None] = dict.fromkeys(_WHO)
    if not segments:
        return found
    head = _describe_run(segments[0])
    found.update({k: v for k, v in head.items() if v})
    others: list[str] = []
    for segment in segments[1:]:
        kind = _kind(segment)
        if kind and not found[kind]:
            found[kind] = segment
        else:
            others.append(segment)
    if others and not found["organisation"]:
        found["organisation"] = ", ".join(others)
    return found


def _describe_run(text: str) -> dict[str, str | None]:
    """One line: name, then a job title, then an organisation, then a
    department opened by a word such as ``Odbor`` or ``Department``."""
    found: dict[str, str | None] = dict.fromkeys(_WHO)
    position = terms("contacts.positions").find(text)
    department = terms("contacts.departments").find(text, position.end() if position else 0)
    if position and not text[: position.start()].strip():  # "Project Manager: Ms Jane Doe"
        found["position"] = clean_text(position.group(0))
        end = department.start() if department else len(text)
        found["name"] = _segment(strip_honorifics(text[position.end() : end]))
        found["department"] = _segment(text[department.start() :]) if department else None
        return found
    cut = position.start() if position else department.start() if department else len(text)
    found["name"] = _segment(strip_honorifics(text[:cut]))
    if position:
        found["position"] = clean_text(position.group(0))
    middle_start = position.end() if position else cut
    middle_end = department.start() if department else len(text)
    found["organisation"] = _segment(text[middle_start:middle_end])
    if department:
        found["department"] = _segment(text[department.start() :])
    return found


def _is_part_word(text: str) -> bool:
    return fold(text).strip(" .:") in _part_words()


@cache
def _part_words() -> frozenset[str]:
    return frozenset(fold(w).strip(" .") for ws in table("contacts.parts").values() for w in ws)


def split_people(text: str) -> list[str]:
    """A contact block split into one block per person: at blank lines, and
    at a line opening with a title once the person before has an e-mail or
    a phone.

    >>> split_people("Ing. Jan Novák\\njan@kraj.cz\\nMgr. Eva Malá\\neva@kraj.cz")
    ['Ing. Jan Novák\\njan@kraj.cz', 'Mgr. Eva Malá\\neva@kraj.cz']
    >>> split_people("Špoták Dalibor Referent KÚÚK Mail: a@b.cz Tel: +420 475657938")
    ['Špoták Dalibor Referent KÚÚK Mail: a@b.cz Tel: +420 475657938']
    """
    people: list[list[str]] = []
    for block in re.split(r"\n\s*\n", text):
        current: list[str] = []
        reached = False  # the person so far has an e-mail or a phone
        for line in block.splitlines():
            if current and reached and terms("contacts.honorifics").pattern.match(line.strip()):
                people.append(current)
                current, reached = [], False
            current.append(line)
            reached = reached or bool(EMAIL.search(line) or _PHONE_LIKE.search(line))
        if current:
            people.append(current)
    return ["\n".join(lines) for lines in people if "".join(lines).strip()]


def _segment(text: str) -> str | None:
    """A piece of a contact without the punctuation that separated it."""
    return clean_text(text.strip(" \t,;:-–|/"))


def _kind(segment: str) -> str | None:
    if terms("contacts.positions").pattern.match(segment):
        return "position"
    if terms("contacts.departments").pattern.match(segment):
        return "department"
    return None


_WHO = ("name", "position", "organisation", "department")
