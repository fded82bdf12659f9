"""Contact blocks: a person, their job, organisation and department, and how
to reach them.

Sheets write a contact either as lines (name, position, organisation, ...)
or run together on one line (``Špoták Dalibor Referent KÚÚK Odbor podpory
... Mail: ... Tel: ...``).  Labelled parts (``Mail:``, ``Tel:``, ``Fax:``)
are taken out first; the rest is split at known job titles and department
words (``languages/*.toml``).  A block may hold several people
(:func:`split_people`) or only an organisation (``Liberecký kraj`` over its
department: the name stays null).  A line is a person's name only when it
reads as one (:func:`looks_like_name`); an address line is kept only in
``raw``.  Phone numbers become E.164 via phonenumbers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

from chemclust_extract.languages import KEPT_VALUES, alternation, bare, fold, table, terms, words
from chemclust_extract.model import Contact
from chemclust_extract.normalise.countries import country_code
from chemclust_extract.normalise.text import clean_lines, clean_text
from chemclust_extract.normalise.urls import EMAIL, URL

_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \t/().\-–]{5,}\d(?![\w])")
_E164_MAX = 16  # "+" and 15 digits
# Longer phone values are not read.  E.164 has at most 15 digits; written
# with spaces, brackets, a trunk "(0)" and an extension, real numbers stay
# under 40 characters ("+49 (0) 391 567 4321 ext. 1234"), so 100 leaves
# room.  (phonenumbers refuses over 250 itself, but only after this module
# has rewritten the text, once for each region it tries.)
MAX_PHONE_LENGTH = 100
_BRACKETED_CODE = re.compile(r"^\(\s*(\+\d{1,3})\s*\)")  # "(+420) 475 657 938"
_VALUE_OF = {
    "email": EMAIL,
    "phone": _PHONE_LIKE,
    "mobile": _PHONE_LIKE,
    "fax": _PHONE_LIKE,
    "web": URL,
}
_NUMBERS = frozenset({"phone", "mobile", "fax"})
# A number with no label is a phone only with as many digits as the
# shortest numbers written with their area code (a Czech or Polish nine, a
# German "0351 2612"): fewer is a house number or a postcode.
_UNLABELLED_DIGITS = 8
_SEPARATOR = re.compile(r"[,;]")
_BLANK_LINE = re.compile(r"\n\s*\n")
# A postal address under a contact is kept only in raw: it is written with a
# postcode or a house number, whatever the language.
_ADDRESS = re.compile(
    r"""
      (?<![\d-])\d{3}\ \d{2}(?![\d-])           # a Czech or Slovak postcode: 400 02
    | (?<![\d-])\d{2}-\d{3}(?![\d-])            # a Polish postcode: 58-500
    | (?<![\w-])[A-Z]{1,2}-\d{4,5}(?![\d-])     # a postcode behind a country letter: D-02826
    | (?<![\d-])\d{4,5}\ (?=[^\W\d_]{2})        # a German or Austrian postcode before its town
    | (?<![\d/])\d{1,5}[a-z]?/\d{1,5}[a-z]?(?![\d/])  # a Czech house number: 3118/48
    | ^[^\W\d_][\w.'’-]*                        # a street of one word ...
      (?:\ [^\W\d_][\w.'’-]*){0,2}              # ... or up to three
      \ \d{1,4}[a-z]?(?:[-–]\d{1,4}[a-z]?)?$    # ending in its house number: Hauptstraße 12, 2-4
    """,
    re.VERBOSE,
)
# A line under a contact that is some other label and its value ("Region:
# Oberfranken") is none of the contact's parts: it is kept only in raw.
_OTHER_LABEL = re.compile(
    r"""^[^\W\d_][\w.'’-]*       # the label's first word
        (?:\ [\w.'’-]+){0,3}     # up to three more
        :\s                      # its colon, then the value""",
    re.VERBOSE,
)
# A person's name is two to five words: given names, particles, surnames.
_NAME_WORDS = range(2, 6)
_NAME_LENGTH = 80
_NAME_SIGNS = frozenset(" .-'’()")  # what a name holds besides letters: "Žitná (Dědková)"
_PARTICLE = 3  # "van", "von", "de", "zu": a lower-case word inside a name is this short
# No word of these is in a person's name ("Ihre Ansprechpartnerin" is a heading).
_NOT_IN_NAMES = (
    "contacts.organisation_words",
    "contacts.positions",
    "contacts.departments",
    "labels.contacts",
)
# A line under a contact longer than this is running text (a paragraph the
# block ran into), not an organisation.
_PROSE_WORDS = 20
_WHO = ("name", "position", "organisation", "department")


# What the addresses and phones taken out of a text leave: "Eva Malá ( )",
# "Jan Novák ( , )".
_EMPTY_BRACKETS = re.compile(r"[(\[<][\s,;:.\-–/]*[)\]>]")


@dataclass(frozen=True)
class ParsedContact:
    """A contact and what could not be read in it (``(field, code, message)``)."""

    contact: Contact
    problems: tuple[tuple[str, str, str], ...] = field(default=())


def parse_contact(
    text: str | None,
    regions: Sequence[str] = (),
    emails: Sequence[str] = (),
    organisations: Collection[str] = (),
) -> ParsedContact | None:
    """Split a contact block.  ``regions`` are ISO country codes to read
    phone numbers written without a country code, most specific first;
    ``emails`` are addresses known from elsewhere (``mailto:`` links), used
    when the text shows none; ``organisations`` are names the sheet gives
    to organisations (its partners): a line naming one is no person.

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
    >>> c = parse_contact("Liberecký kraj\\nodbor regionálního rozvoje, oddělení dotací").contact
    >>> c.name, c.organisation, c.department
    (None, 'Liberecký kraj', 'odbor regionálního rozvoje, oddělení dotací')
    >>> parse_contact("Dr László Perger\\nPriority Area Coordinator HU\\nMobile: +36 204054613").contact.phone
    '+36204054613'
    """
    if text is None:
        return None
    return _kept_contact(text, tuple(regions), tuple(emails), frozenset(organisations))


@lru_cache(maxsize=KEPT_VALUES)
def _kept_contact(
    text: str, regions: tuple[str, ...], emails: tuple[str, ...], organisations: frozenset[str]
) -> ParsedContact | None:
    """:func:`parse_contact`, kept: a contact person recurs from sheet to
    sheet (a programme's officer, a region's office)."""
    raw = clean_text(text)
    if raw is None:
        return None
    problems: list[tuple[str, str, str]] = []
    rest, parts = _labelled_parts(text)
    email = _first(EMAIL, " ".join([parts.get("email", ""), rest, *emails]))
    email = email.lower() if email else None
    rest = EMAIL.sub(" ", URL.sub(" ", rest))
    email_region = _email_region(email)
    regions = (email_region, *regions) if email_region else regions
    phone_text = parts.get("phone") or _unlabelled_phone(rest)
    if phone_text and "phone" not in parts:
        rest = rest.replace(phone_text, " ")
    # A mobile number stands in only for no other phone.
    phone = _phone_with_problem("phone", phone_text or parts.get("mobile"), regions, problems)
    fax = _phone_with_problem("fax", parts.get("fax"), regions, problems)
    known = frozenset(fold(o) for o in organisations)
    who = _describe(_EMPTY_BRACKETS.sub(" ", rest), known, email)
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
    return _phone(text, tuple(regions))


@lru_cache(maxsize=KEPT_VALUES)
def _phone(text: str, regions: tuple[str, ...]) -> str | None:
    """:func:`parse_phone`'s answer, kept: phonenumbers takes tens of
    microseconds a number, and a batch meets the same numbers (a
    secretariat's, a region's office) on sheet after sheet."""
    import phonenumbers  # on first use: a large library to import

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
    >>> strip_honorifics("Mgr. et Mgr. Petr Malý"), strip_honorifics("Prof. Dr. und Dr. Hans Meier")
    ('Petr Malý', 'Hans Meier')
    """
    return _kept_stripped(name) if len(name) <= _KEPT_LENGTH else _stripped(name)


# People's names and job lines recur from sheet to sheet: the answers for
# texts up to this long are kept.
_KEPT_LENGTH = 200


def _stripped(name: str) -> str:
    stripped = terms("contacts.honorifics").pattern.sub(" ", name)
    stripped = _title_joiner().sub(" ", stripped)
    return " ".join(stripped.replace(" ,", ",").split()).strip(" ,;")


_kept_stripped = lru_cache(maxsize=KEPT_VALUES)(_stripped)


@cache
def _title_joiner() -> re.Pattern[str]:
    """``Mgr. et Mgr. Petr Malý``: the word that joined two titles, left
    first when the titles are taken out (``contacts.title_joiners``)."""
    return re.compile(
        rf"""^[\s,]*                                          # what the titles left before it
            (?:{alternation(words("contacts.title_joiners"))})  # et, und
            \s+""",
        re.VERBOSE,
    )


def looks_like_name(text: str) -> bool:
    """Whether a text reads as a person's name: two to five words of letters
    (dots, hyphens and apostrophes allowed), the first and last capitalised,
    a lower-case word inside only a short particle (``van``, ``de``), and no
    word of an organisation, job title, department or contact label.
    Titles are ignored.

    >>> looks_like_name("Ing. Jakub Jeřábek"), looks_like_name("Špoták Dalibor")
    (True, True)
    >>> looks_like_name("Jan van der Berg"), looks_like_name("Mary-Ann O'Neill")
    (True, True)
    >>> looks_like_name("Liberecký kraj"), looks_like_name("Aktion Zivilcourage e.V.")
    (False, False)
    >>> looks_like_name("Észak-dunántúli Vízügyi Igazgatóság"), looks_like_name("Velká Hradební 3118/48")
    (False, False)
    >>> looks_like_name("Priority Area Coordinator HU"), looks_like_name("Alexander")
    (False, False)
    """
    if len(text) > _NAME_LENGTH:
        return False
    return _reads_as_name(text)


@lru_cache(maxsize=KEPT_VALUES)
def _reads_as_name(text: str) -> bool:
    name = strip_honorifics(text)
    words_ = name.split()
    if len(words_) not in _NAME_WORDS or not all(c.isalpha() or c in _NAME_SIGNS for c in name):
        return False
    inner = all(_capitalised(w) or (w.islower() and len(w) <= _PARTICLE) for w in words_[1:-1])
    if not (inner and _capitalised(words_[0]) and _capitalised(words_[-1])):
        return False
    return not any(terms(v).find(name) for v in _NOT_IN_NAMES)


def _capitalised(word: str) -> bool:
    """Each hyphenated part starts with a capital (``Jean-Pierre``, ``O'Neill``,
    ``(Dědková)``)."""
    pieces = [p.lstrip("('’") for p in word.split("-")]
    return all(p[:1].isupper() for p in pieces)


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
    labels = (w.rstrip(".") for ws in table("contacts.parts").values() for w in ws)
    return re.compile(
        rf"""(?<!\w)(?P<label>{alternation(labels)})  # a part's label
            \.?\s*                                   # its abbreviating dot
            (?::|(?=\s*[+(\d]))\s*                   # a colon, or a number right after it""",
        re.IGNORECASE | re.VERBOSE,
    )


def _labelled_parts(text: str) -> tuple[str, dict[str, str]]:
    """Take ``Label: value`` parts out of a contact block; return what is left
    and the parts by canonical name.  A phone or fax value is the number
    right after its label, an e-mail the address; anything after that stays
    in the text."""
    keys = _part_keys()
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
            elif key in _NUMBERS and value.strip(" ,;"):
                parts.setdefault(key, value.strip(" ,;"))  # not a number: warned about
            # What follows a part's value stays; a value that is not one (the
            # text of an e-mail link, "on request") is only kept in raw.
            pieces.append(value[found.end() :] if found else "")
        kept.append(" ".join(pieces))
    return "\n".join(kept), parts


@cache
def _part_keys() -> dict[str, str]:
    """A part's folded label (``tel``, ``e-mail``) -> its canonical name."""
    return {fold(w.rstrip(".")): k for k, ws in table("contacts.parts").items() for w in ws}


def _unlabelled_phone(text: str) -> str | None:
    """The first run of digits written like a phone number and long enough
    for one with its area code; a house number (``3118/48``) is none."""
    for found in _PHONE_LIKE.finditer(text):
        if _DATE_LIKE.search(found.group(0)):
            continue  # "07.02.2018": a date, however many digits it has
        if sum(c.isdigit() for c in found.group(0)) >= _UNLABELLED_DIGITS:
            return found.group(0).strip()
    return None


# A day's date: 07.02.2018, 7. 2. 2018, 2018-02-07.
_DATE_LIKE = re.compile(r"(?<!\d)(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?!\d)")


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0).strip() if match else None


def _email_region(email: str | None) -> str | None:
    """The country of an e-mail's domain (``.cz`` -> ``CZ``; ``.eu``, ``.com`` -> none)."""
    if not email:
        return None
    tld = email.rsplit(".", 1)[-1].upper()
    return country_code(tld) if len(tld) == 2 and tld != "EU" else None


def _describe(text: str, organisations: frozenset[str], email: str | None) -> dict[str, str | None]:
    """Name, position, organisation and department from the unlabelled rest:
    the first line (split at commas) opens with the person, or with the
    organisation when no person is named; each line below is one part."""
    found: dict[str, str | None] = dict.fromkeys(_WHO)
    segments = _segments(text)
    if not segments:
        return found
    found.update({k: v for k, v in _describe_run(segments[0], organisations, email).items() if v})
    previous: str | None = None
    for segment in segments[1:]:
        kind = _placed(_kind(segment, organisations), previous, segment, found["name"], email)
        if kind == "name":
            found["name"] = strip_honorifics(segment)
        elif kind:
            found[kind] = ", ".join(filter(None, [found[kind], segment]))
        previous = kind
    return found


def _placed(
    kind: str | None, previous: str | None, segment: str, name: str | None, email: str | None
) -> str | None:
    """Where a line goes in the contact, given its kind by its words: a line
    no word marks goes on the department above it (``Abteilung 1`` over
    ``Europäische Angelegenheiten``), else it is the organisation; a line
    that reads as a name is the name, unless there is one: then it is a
    second person's (titled or in the e-mail; only in raw), or the
    organisation's (``Tees Valley JSU``)."""
    if kind == "other":
        return "department" if previous == "department" else "organisation"
    if kind == "name" and name:
        return None if _titled(segment) or _named_in(email, segment) else "organisation"
    return kind


def _segments(text: str) -> list[str]:
    """The parts of a contact's rest: the first line's comma-separated
    pieces, then each further line that is not running text, split at
    commas too when it opens with a person (``Beata M. Czarnecka,
    Projektkoordinatorin``).  A label with nothing after it (``Bližší
    informace:`` before links) and the bare text of a link (``e-mail``)
    are no part."""
    lines = clean_lines(text)
    if not lines:
        return []
    head, *below = lines
    pieces = _SEPARATOR.split(head)
    for line in below:
        if len(line.split()) <= _PROSE_WORDS:
            pieces += _SEPARATOR.split(line) if _opens_person(line) else [line]
    segments = (_segment(p) for p in pieces if not p.rstrip().endswith(":"))
    return [s for s in segments if s and strip_honorifics(s) and not _is_part_word(s)]


def _describe_run(
    text: str, organisations: frozenset[str], email: str | None = None
) -> dict[str, str | None]:
    """One line: name, then a job title, then an organisation, then a
    department opened by a word such as ``Odbor`` or ``Department``.  What
    stands where the name would is an organisation when it names one."""
    position = terms("contacts.positions").find(text)
    department = _department(text, position.end() if position else 0)
    if position and not text[: position.start()].strip():
        return _describe_job_first(text, position, department, organisations, email)
    found: dict[str, str | None] = dict.fromkeys(_WHO)
    cut = position.start() if position else department.start() if department else len(text)
    found["name"], organisation = _person_or_body(text[:cut], organisations)
    if position:
        found["position"] = clean_text(position.group(0))
    middle_start = position.end() if position else cut
    middle_end = department.start() if department else len(text)
    middle = _segment(text[middle_start:middle_end])
    found["organisation"] = ", ".join(filter(None, [organisation, middle])) or None
    if department:
        found["department"] = _segment(text[department.start() :])
    return found


def _describe_job_first(
    text: str,
    position: re.Match[str],
    department: re.Match[str] | None,
    organisations: frozenset[str],
    email: str | None,
) -> dict[str, str | None]:
    """A line opening with a job title: it is all the job (``Kierownik
    Wspólnego Sekretariatu``) unless a person follows it (``Project
    Manager: Ms Jane Doe``)."""
    found: dict[str, str | None] = dict.fromkeys(_WHO)
    end = department.start() if department else len(text)
    found["department"] = _segment(text[department.start() :]) if department else None
    after = text[position.end() : end]
    if not _person_follows(after, email):
        found["position"] = _segment(text[:end])
        return found
    found["position"] = clean_text(position.group(0))
    found["name"], found["organisation"] = _person_or_body(after, organisations)
    return found


def _department(text: str, start: int = 0) -> re.Match[str] | None:
    """The first department word from ``start`` that does not open a longer
    organisation word (``Amt`` in ``Amt der Kärntner Landesregierung``)."""
    departments, bodies = terms("contacts.departments"), terms("contacts.organisation_words")
    found = departments.find(text, start)
    body = bodies.pattern.match(text, found.start()) if found else None
    if found and body and body.end() > found.end():
        return departments.find(text, body.end())
    return found


def _person_follows(text: str, email: str | None) -> bool:
    """Whether what follows a job title names its holder: after a colon or
    a dash, with a title, or named in the e-mail."""
    bare_text = text.lstrip(" :–-")
    return bare_text != text.lstrip() or _titled(bare_text) or _named_in(email, bare_text)


def _person_or_body(text: str, organisations: frozenset[str]) -> tuple[str | None, str | None]:
    """``(name, organisation)`` of what stands where a contact's name would:
    a person's name without titles, or an organisation (an organisation
    word, or a name the sheet gives an organisation), or neither when it
    reads as neither, or as both (``Ing. Jan Novák Krajský úřad``)."""
    segment = _segment(text)
    if not segment:
        return None, None
    if _names_organisation(segment, organisations):
        return (None, None) if _titled(segment) else (None, segment)
    name = strip_honorifics(segment)
    return (name, None) if looks_like_name(name) else (None, None)


def _kind(segment: str, organisations: frozenset[str]) -> str | None:
    """Which part of a contact a line below its first one is: a job title
    (opening with one, or holding one and no organisation or department
    word: ``Priority Area Coordinator HU``), a department, what reads as a
    person's name, an organisation, ``other`` when no word says, or none
    (an address, a country, another label's value)."""
    positions = terms("contacts.positions")
    if positions.pattern.match(segment):
        return "position"
    department = _department(segment)
    if department and department.start() == 0:
        return "department"
    if _not_a_part(segment):
        return None
    if _names_organisation(segment, organisations):
        return "organisation"
    if positions.find(segment) and not department:
        return "position"
    if looks_like_name(segment):
        return "name"
    return "other"


def _not_a_part(text: str) -> bool:
    """An address, a country, another label's value, or what a phone value
    left (``und 57 50 00``): kept only in raw."""
    found = (_ADDRESS.search(text), _OTHER_LABEL.match(text), _PHONE_LIKE.search(text))
    return any(found) or _is_country(text)


def _is_country(text: str) -> bool:
    """A country's name alone (``Niemcy``): the end of an address."""
    return len(text) > len("XYZ") and country_code(text, alpha_3=False) is not None


def _names_organisation(text: str, organisations: frozenset[str]) -> bool:
    return fold(text) in organisations or bool(terms("contacts.organisation_words").find(text))


def _titled(text: str) -> bool:
    return bool(terms("contacts.honorifics").pattern.match(text.strip()))


def _named_in(email: str | None, name: str) -> bool:
    """Whether an e-mail's local part holds a word of a name
    (``m.knoppik@…`` for ``Markéta Knoppik``)."""
    if not email:
        return False
    local = bare(email.split("@", 1)[0])
    return any(len(w) >= _PARTICLE and w in local for w in re.split(r"[\s.'’-]+", bare(name)))


def _is_part_word(text: str) -> bool:
    return fold(text).strip(" .:") in _part_words()


@cache
def _part_words() -> frozenset[str]:
    """A part's label alone (the text of an ``e-mail`` link) and a contact
    label alone (``Ansprechpartnerin`` over the block): no part of a contact."""
    labels = [w for ws in table("contacts.parts").values() for w in ws]
    labels += words("labels.contacts")
    return frozenset(fold(w).strip(" .") for w in labels)


def split_people(text: str) -> list[str]:
    """A contact block split into one block per person: at blank lines; at
    a line opening with a title, or with a name that has its own e-mail or
    phone, once the person before has an e-mail or a phone; and at ``;``
    between people on one line.

    >>> split_people("Ing. Jan Novák\\njan@kraj.cz\\nMgr. Eva Malá\\neva@kraj.cz")
    ['Ing. Jan Novák\\njan@kraj.cz', 'Mgr. Eva Malá\\neva@kraj.cz']
    >>> split_people("Jan Novák, tel. 475 657 938\\nEva Malá, tel. 475 657 939")
    ['Jan Novák, tel. 475 657 938', 'Eva Malá, tel. 475 657 939']
    >>> split_people("Jan Novák, referent; Eva Malá, vedoucí odboru")
    ['Jan Novák, referent', 'Eva Malá, vedoucí odboru']
    >>> split_people("Špoták Dalibor Referent KÚÚK Mail: a@b.cz Tel: +420 475657938")
    ['Špoták Dalibor Referent KÚÚK Mail: a@b.cz Tel: +420 475657938']
    >>> split_people("John Smith\\nTel: +44 1642 524 400\\nTees Valley JSU")
    ['John Smith\\nTel: +44 1642 524 400\\nTees Valley JSU']
    """
    if len(text) <= _KEPT_BLOCK:
        return list(_kept_people(text))
    return list(_people(text))


# A contact block recurs from sheet to sheet, as its person does (a
# region's officer on each of its projects): the answers for blocks up to
# this long are kept, as parse_contact keeps each person's.
_KEPT_BLOCK = 1000


def _people(text: str) -> tuple[str, ...]:
    people: list[list[str]] = []
    for block in _BLANK_LINE.split(text):
        people += _people_of_block(_person_lines(block))
    return tuple("\n".join(lines) for lines in people if "".join(lines).strip())


_kept_people = lru_cache(maxsize=KEPT_VALUES)(_people)


def _people_of_block(lines: Iterator[tuple[str, bool]]) -> list[list[str]]:
    """Group a block's lines by person.  A line opening with a bare name
    opens a person only if that person turns out to have an e-mail or a
    phone; otherwise (an organisation that reads like a name: ``Tees
    Valley JSU``) it stays with the person before."""
    people: list[list[str]] = []
    reached = False  # the person so far has an e-mail or a phone
    tentative = False  # the person so far was opened by a bare name
    for line, forced in lines:
        if people and (forced or (reached and _opens_person(line))):
            people.append([])
            reached, tentative = False, not forced and not _titled(line)
        elif not people:
            people.append([])
        people[-1].append(line)
        reached = reached or _reaches(line)
    if len(people) > 1 and tentative and not reached:
        last = people.pop()
        people[-1] += last
    return people


def _person_lines(block: str) -> Iterator[tuple[str, bool]]:
    """A block's lines, and whether each must open a person: a line naming
    several people between ``;`` gives one line per person, and so does a
    line of several people each with an e-mail, between commas (``Jan
    Novák (jan@x.cz), Eva Malá (eva@x.cz)``)."""
    for line in block.splitlines():
        line = _people_by_email(line)
        pieces = line.split(";") if ";" in line else [line]
        opening = [i for i, piece in enumerate(pieces) if i and _opens_person(piece)]
        if not opening or not _opens_person(pieces[0]):
            yield line, False
            continue
        bounds = [0, *opening, len(pieces)]
        for n, (start, end) in enumerate(pairwise(bounds)):
            yield ";".join(pieces[start:end]).strip(), n > 0


def _people_by_email(line: str) -> str:
    """A line of several people, each with an e-mail, between commas, with
    ``;`` for those commas: a comma outside brackets splits where the text
    before it (since the last split) and the text after it each hold an
    e-mail and the text after it opens with a person.

    >>> _people_by_email("Jan Novák (jan@x.cz), Eva Malá (eva@x.cz)")
    'Jan Novák (jan@x.cz);Eva Malá (eva@x.cz)'
    >>> _people_by_email("Ing. Jan Novák (jan@x.cz, tel. 475 111 222), Mgr. Eva Malá (eva@x.cz)")
    'Ing. Jan Novák (jan@x.cz, tel. 475 111 222);Mgr. Eva Malá (eva@x.cz)'
    >>> _people_by_email("Jan Novák, referent, jan@x.cz, eva@x.cz")
    'Jan Novák, referent, jan@x.cz, eva@x.cz'
    """
    if len(EMAIL.findall(line)) < 2:
        return line
    pieces, depth, at = [], 0, 0
    for i, char in enumerate(line):
        depth += (char in "([") - (char in ")]")
        if char != "," or depth > 0:
            continue
        before, after = line[at:i], line[i + 1 :]
        if EMAIL.search(before) and EMAIL.search(after) and _opens_person(after.strip()):
            pieces.append(before.strip())
            at = i + 1
    return ";".join([*pieces, line[at:].strip()]) if pieces else line


def _opens_person(line: str) -> bool:
    """Whether a line opens with a title or with what reads as a name."""
    if _titled(line):
        return True
    lead = _SEPARATOR.split(line, maxsplit=1)[0]
    for pattern in (_part_labels(), EMAIL, _PHONE_LIKE):
        found = pattern.search(lead)
        lead = lead[: found.start()] if found else lead
    return looks_like_name(lead.strip().rstrip("([<").strip())  # "Eva Malá (eva@x.cz)"


def _reaches(line: str) -> bool:
    return bool(EMAIL.search(line) or _PHONE_LIKE.search(line))


def _segment(text: str) -> str | None:
    """A piece of a contact without the punctuation that separated it."""
    return clean_text(text.strip(" \t,;:-–|/"))
