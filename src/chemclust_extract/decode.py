"""Bytes to text: byte-order mark, then strict UTF-8, then UTF-16, then the
legacy code page whose text reads most like Czech, Slovak, Polish, German or
English.

Library detectors alone guess wrong too often on short Central-European
sheets (windows-1250 and ISO-8859-2 differ in a handful of letters), so
chardet is only asked to break ties between candidates that the plausibility
score cannot separate.

One stray byte does not make a sheet undecodable: UTF-8 with a few bad bytes,
or with words saved in a code page, is read line by line and word by word,
and every byte so read is named in a note.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse
from operator import itemgetter, mul

from chemclust_extract.mojibake import repair_mojibake
from chemclust_extract.plausibility import (
    MOST_LOST_TO_PAIRS,
    own_letters,
    plausibility,
    reads_as_word,
    score_of_parts,
    token_parts,
    tokens_plausibility,
)

LEGACY_CANDIDATES: tuple[str, ...] = ("windows-1250", "iso-8859-2", "windows-1252")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Decoded:
    """Text of a file and how it was read; ``notes`` are ``(code, message)``
    pairs for what the reader of the record should know (bytes dropped,
    a declared charset overruled).  Immutable, and compared by value.

    ``confidence`` is 0.0 when the text reads as none of the sheets'
    languages, else 0.05 to 1.0.  A code page's is worked out (from its
    letters' neighbours) only when asked for: whether the text reads as
    text at all (:meth:`reads_as_text`) is most often known without it.

    >>> Decoded("Ústí", "utf-8", 1.0)
    Decoded(text='Ústí', encoding='utf-8', confidence=1.0, notes=())
    """

    __slots__ = ("_confidence", "encoding", "notes", "text")
    text: str
    encoding: str
    notes: tuple[tuple[str, str], ...]
    _confidence: float | _Judgement

    def __init__(
        self,
        text: str,
        encoding: str,
        confidence: float | _Judgement,
        notes: tuple[tuple[str, str], ...] = (),
    ) -> None:
        for name, value in (("text", text), ("encoding", encoding), ("notes", notes)):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_confidence", confidence)

    @property
    def confidence(self) -> float:
        judged = self._confidence
        return judged.value() if isinstance(judged, _Judgement) else judged

    def reads_as_text(self) -> bool:
        """Whether the text reads as text of the sheets' languages: a
        confidence above 0.0."""
        judged = self._confidence
        return judged.reads_as_text() if isinstance(judged, _Judgement) else judged != 0.0

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: Decoded is immutable")

    def _key(self) -> tuple[str, str, float, tuple[tuple[str, str], ...]]:
        return (self.text, self.encoding, self.confidence, self.notes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Decoded) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Decoded(text={self.text!r}, encoding={self.encoding!r}, "
            f"confidence={self.confidence!r}, notes={self.notes!r})"
        )

    def __reduce__(self) -> tuple[type[Decoded], tuple[str, str, float, tuple[tuple[str, str], ...]]]:
        """Pickled and copied with its confidence worked out."""
        return (Decoded, (self.text, self.encoding, self.confidence, self.notes))

    def _replaced(
        self,
        *,
        text: str | None = None,
        encoding: str | None = None,
        notes: tuple[tuple[str, str], ...] | None = None,
    ) -> Decoded:
        """A copy with the fields given changed; its confidence is this one's."""
        return Decoded(
            self.text if text is None else text,
            self.encoding if encoding is None else encoding,
            self._confidence,
            self.notes if notes is None else notes,
        )


class _Judgement:
    """A code page reading's confidence, worked out on first asking.  Each
    letter beyond ASCII scores at most 0.75 less with its neighbours
    weighed than without (1 or 0.25 against 1; letters of no alphabet and
    signs score alike), so a reading whose plain score is 0.25 or more can
    score no lower than -0.5 with them: it reads as text without asking."""

    __slots__ = ("_data", "_plain", "_sample", "_value")

    def __init__(self, sample: _Sample, data: bytes, plain: float) -> None:
        self._sample, self._data, self._plain = sample, data, plain
        self._value: float | None = None

    def value(self) -> float:
        if self._value is None:
            self._value = _confidence(self._sample.plausibility(pairs=True), self._data)
        return self._value

    def reads_as_text(self) -> bool:
        if self._plain - MOST_LOST_TO_PAIRS >= _IMPLAUSIBLE:
            return True
        if _high_bytes(self._data) < _IMPLAUSIBLE_MIN:
            return True
        return self.value() != 0.0




# File signatures of things that are not sheets (first bytes -> what it is).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (docx, xlsx, odt)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (doc, xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
# The signatures by their first byte: a sheet's first byte is looked up once.
_SIGNATURES_BY_FIRST_BYTE: dict[bytes, list[tuple[bytes, str]]] = {}
for _signature, _kind in _SIGNATURES:
    _SIGNATURES_BY_FIRST_BYTE.setdefault(_signature[:1], []).append((_signature, _kind))
del _signature, _kind
_ALL_BOMS = tuple(bom for bom, _ in _BOMS)
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_SHARE = 0.05
# Below this plausibility, with this many non-ASCII bytes, no candidate fits.
_IMPLAUSIBLE, _IMPLAUSIBLE_MIN = -0.5, 16
_CONTROL_MIN = 8
# How much of a text forced into an encoding is read to judge it.
_SAMPLE_CHARS = 65536


def binary_kind(data: bytes) -> str | None:
    """What a file is if it is not text: a known signature, or a high share
    of control bytes.  A stray NUL in a text sheet is not enough.

    >>> binary_kind(b"%PDF-1.4 ..."), binary_kind(b"Projekt\\tChemClust\\x00\\n")
    ('a PDF document', None)
    >>> binary_kind(bytes(range(256)) * 4)
    'binary data (11% control bytes)'
    """
    for signature, kind in _SIGNATURES_BY_FIRST_BYTE.get(data[:1], ()):
        if data.startswith(signature):
            return kind
    if data.startswith(_ALL_BOMS) or _bomless_utf16(data):
        return None
    sample = data[:8192]
    control = len(sample) - len(sample.translate(None, _CONTROL))
    share = control / max(1, len(sample))
    # A few stray control bytes in a short sheet are damage, not binary data.
    binary = share > _CONTROL_SHARE and control >= _CONTROL_MIN
    return f"binary data ({share:.0%} control bytes)" if binary else None


def decode_bytes(
    data: bytes, hint: str | None = None, candidates: Sequence[str] = LEGACY_CANDIDATES
) -> Decoded:
    """Decode a sheet's bytes: the text, the encoding's canonical name and a
    confidence.

    ``hint`` forces an encoding (``--encoding``) and raises
    ``UnicodeDecodeError`` if the bytes are not in it; a confidence of 0.0
    says they read as no text in it.  Without it: a BOM decides, then UTF-16
    recognised by its zero bytes, then strict UTF-8, then UTF-8 with a few
    bad bytes or words in a code page (read word by word), then the most
    plausible of ``candidates``; a confidence of 0.0 says that none of them
    reads as text.  Stray NULs are dropped, bad bytes replaced (U+FFFD) and
    lines that are UTF-8 once misread as a code page repaired, each with a
    note.

    >>> decode_bytes("Ústecký kraj".encode("utf-8")).encoding
    'utf-8'
    >>> decode_bytes("Ústecký kraj, Šumava".encode("windows-1250")).text
    'Ústecký kraj, Šumava'
    >>> decode_bytes("Łódź, Świętokrzyskie".encode("iso-8859-2")).encoding
    'iso-8859-2'
    >>> decoded = decode_bytes(b"Projekt\\tChem\\x00Clust")
    >>> decoded.text, decoded.notes
    ('Projekt\\tChemClust', (('nul_bytes', '1 NUL character(s) dropped'),))
    >>> decode_bytes("Partner za ČR:\\tĂšsteckĂ˝ kraj".encode("utf-8")).text
    'Partner za ČR:\\tÚstecký kraj'
    >>> decoded = decode_bytes("Partner za ČR:\\tÚstecký".encode("utf-8") + b"\\xff")
    >>> decoded.text, decoded.encoding, decoded.notes[0][0]
    ('Partner za ČR:\\tÚstecký\\ufffd', 'utf-8', 'bytes_replaced')
    """
    notes: list[tuple[str, str]] = []
    has_nul = b"\x00" in data
    nuls = [m.start() for m in re.finditer(b"\x00", data)] if has_nul and not _wide_unicode(data) else []
    if nuls:  # dropped as bytes, so a NUL inside a character leaves it whole
        data = data.replace(b"\x00", b"")
        notes.append(("nul_bytes", f"{len(nuls)} NUL character(s) dropped"))
    decoded = _decode(data, hint, candidates, nuls)
    text = decoded.text.replace("\x00", "")
    notes = [*decoded.notes, *notes]
    text, repaired = repair_mojibake(text)
    if repaired:
        message = (
            f"{repaired} line(s) were UTF-8 once read as a code page and saved again; repaired"
        )
        notes.append(("mojibake_repaired", message))
    return Decoded(text, decoded.encoding, decoded._confidence, tuple(notes))


def _decode(
    data: bytes, hint: str | None, candidates: Sequence[str], nuls: Sequence[int] = ()
) -> Decoded:
    """The choice of encoding that :func:`decode_bytes` describes."""
    if hint:
        return _forced(data, hint)
    if data.startswith(codecs.BOM_UTF8):  # UTF-8 for sure: bad bytes in it are damage
        marked = _utf8(data) or _mixed_utf8(data, candidates, nuls)
        return marked._replaced(text=marked.text.removeprefix("\ufeff"), encoding="utf-8-sig")
    if data.startswith(_ALL_BOMS):
        for bom, name in _BOMS:
            if data.startswith(bom):
                return _utf16_or_32(data, name, 1.0)
    # Before UTF-8: ASCII text in UTF-16 is valid UTF-8 full of NULs.
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _utf16_or_32(data, utf16, 0.9)
    declared = declared_charset(data)
    decoded = _utf8(data)
    if decoded is None:
        return _damaged_or_legacy(data, candidates, declared, nuls)
    if declared and declared != "utf-8" and not data.isascii() and not decoded.notes:
        note = f"the page declares {declared} but its bytes are UTF-8; read as UTF-8"
        return decoded._replaced(notes=(("charset_overruled", note),))
    return decoded


def _utf8(data: bytes) -> Decoded | None:
    """Strict UTF-8, or UTF-8 that ends inside its last character (cut short)."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            cut = ("truncated", "the file ends inside a character; it was cut short")
            return Decoded(data[: error.start].decode("utf-8"), "utf-8", 0.9, (cut,))
    return None


def _forced(data: bytes, hint: str) -> Decoded:
    """The encoding the user named; a confidence of 0.0 when its text reads
    as no language (8-bit bytes forced into UTF-16 read as CJK)."""
    text = data.decode(hint)
    confidence = 0.0 if _not_text(text[:_SAMPLE_CHARS]) else 1.0
    return Decoded(text, canonical_encoding(hint), confidence)


def _not_text(text: str) -> bool:
    """Letters mostly beyond ASCII that read as none of the sheets'
    languages.  A sheet writes its labels and most words in ASCII letters,
    so names in another script beside them do not make it so.

    >>> misread = ("Ústecký kraj, " * 4).encode("windows-1250").decode("utf-16-le")
    >>> sheet = "Název projektu: Partnerství pro rozvoj\\nPartner: Администрация Санкт-Петербурга"
    >>> _not_text(misread), _not_text(sheet), _not_text(sheet.split(": ")[-1] * 2)
    (True, False, True)
    """
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if not c.isascii())
    return (
        foreign >= _IMPLAUSIBLE_MIN
        and 2 * foreign > len(letters)
        and plausibility(text) < _IMPLAUSIBLE
    )


def _utf16_or_32(data: bytes, name: str, confidence: float) -> Decoded:
    """A Unicode encoding of fixed width; a last unit cut in half is a
    truncation, not a reason to fail."""
    width = 4 if name.startswith("utf-32") else 2 if name.startswith("utf-16") else 1
    bom = 0 if name.endswith(("le", "be")) else width  # the BOM is not counted in the tail
    cut = (len(data) - bom) % width
    text = (data[: len(data) - cut] if cut else data).decode(name, errors="replace")
    notes = (("truncated", "the file ends inside a character; it was cut short"),) if cut else ()
    if text.count("\ufffd") > max(2, len(text) // 100):
        confidence = 0.0  # not text in this encoding after all
    return Decoded(text, canonical_encoding(name), confidence, notes)


_WIDE_BOMS = tuple(bom for bom, _ in _BOMS if bom != codecs.BOM_UTF8)


def _wide_unicode(data: bytes) -> bool:
    """UTF-16 or UTF-32, whose NUL bytes are part of the text."""
    return data.startswith(_WIDE_BOMS) or bool(_bomless_utf16(data))


def canonical_encoding(name: str) -> str:
    """The WHATWG-style name of an encoding Python knows.

    >>> canonical_encoding("CP1250"), canonical_encoding("latin2"), canonical_encoding("UTF8")
    ('windows-1250', 'iso-8859-2', 'utf-8')
    """
    python_name = codecs.lookup(name).name
    if python_name.startswith("cp125"):
        return "windows-" + python_name[2:]
    if python_name.startswith("iso8859-"):
        return "iso-8859-" + python_name[8:]
    return python_name


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a zero in every other byte of Latin text."""
    if len(data) < 4 or data.find(b"\x00", 0, 4096) < 0:  # no zero byte, no UTF-16 (in C)
        return None
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


@dataclass(frozen=True)
class _Sample:
    """The part of a file a candidate encoding is judged on, decoded: its
    distinct tokens (runs between white space) and how often each occurs;
    scored as the text they make would be (see
    :func:`~chemclust_extract.plausibility.tokens_plausibility`)."""

    tokens: tuple[str, ...]
    times: tuple[int, ...]

    def plausibility(self, pairs: bool = False) -> float:
        return tokens_plausibility(self.tokens, self.times, pairs)

    def own_letters(self) -> int:
        return sum(n * own_letters(t) for t, n in zip(self.tokens, self.times, strict=True))


# A candidate decoding: (plausibility, -rank in the candidate list, encoding, sample).
Scored = tuple[float, int, str, _Sample]


def _scores_by_words(
    words: tuple[bytes, ...], times: tuple[int, ...], names: tuple[str, ...]
) -> list[float | None]:
    """:meth:`_Sample.plausibility` of the words as each byte-by-byte code
    page of ``names`` reads them, ``None`` for one in which a word reads as
    nothing: each word's parts in every code page are kept together, so a
    word seen before is looked up once for all of them, and each code
    page's score is summed in C."""
    kept = _WORD_PARTS.setdefault(names, {})
    if len(kept) > _KEPT_WORDS:  # a new batch's words, not those of every sheet
        kept.clear()
    for word in filterfalse(kept.__contains__, words):
        kept[word] = tuple(_word_parts(word, name) for name in names)
    parts = list(map(kept.__getitem__, words))
    once = len(times) == sum(times)  # each word counted once: no multiplying
    scores: list[float | None] = []
    for order in range(len(names)):
        column = map(itemgetter(order), parts)
        summed = sum(column if once else map(mul, times, column), 0j)
        scores.append(None if summed != summed else score_of_parts(summed))  # NaN: unreadable
    return scores


def _word_parts(word: bytes, name: str) -> complex:
    """A word's parts of the score in one code page; NaN where it reads as
    nothing there (a byte the code page leaves undefined)."""
    try:
        return token_parts(word.decode(name))
    except (UnicodeDecodeError, LookupError):
        return complex("nan")


# From this many words beyond ASCII on, each distinct one is scored once,
# weighted by its count; below, counting them costs more than it saves.
_COUNTED_FROM = 2000
# The parts of each word beyond ASCII in each list of code pages tried.
_WORD_PARTS: dict[tuple[str, ...], dict[bytes, tuple[complex, ...]]] = {}
_KEPT_WORDS = 1 << 12


def _best_legacy(data: bytes, candidates: Sequence[str], declared: str | None = None) -> Decoded:
    """The most plausible legacy decoding.  A declared charset is taken when
    it reads as well as the best; when the bytes contradict it, a note says so.

    Code pages that read ASCII as ASCII, a byte at a time, differ only in
    the words with bytes beyond ASCII: those words alone are decoded and
    scored, once per candidate (they score as the whole text would, see
    :func:`_words_beyond_ascii`), and only the chosen candidate decodes
    the whole file."""
    names = list(
        dict.fromkeys([*candidates, *([declared] if declared and declared != "utf-8" else [])])
    )
    by_words = all(map(_byte_by_byte, names))
    found = _foreign_tokens(data) if by_words else [data]
    if len(found) > _COUNTED_FROM:  # many words: each distinct one scored once, times its count
        counted = Counter(found)
        words, times = tuple(counted), tuple(counted.values())
    else:  # a sheet's few: scored as they come, a repeated one looked up again
        words, times = tuple(found), (1,) * len(found)
    distinct = b" ".join(words)
    samples: dict[str, _Sample | None] = {}

    def sample(name: str) -> _Sample | None:
        """The words (or, not by words, the text) as ``name`` reads them."""
        if name not in samples:
            try:
                text = distinct.decode(name)
            except (UnicodeDecodeError, LookupError):
                samples[name] = None
                return None
            # A byte-by-byte code page gives U+0020 for the space byte alone.
            tokens = (tuple(text.split(" ")) if words else ()) if by_words else (text,)
            samples[name] = _Sample(tokens, times)
        return samples[name]

    scores = _scores_by_words(words, times, tuple(names)) if by_words else None
    scored: list[tuple[float, int, str]] = []
    for order, name in enumerate(names):
        if scores is not None:
            score = scores[order]
            if score is None:
                continue
        else:
            read = sample(name)
            if read is None:
                continue
            score = read.plausibility()
        scored.append((score, -order, name))
    if not scored:
        name = candidates[0] if candidates else "windows-1250"
        return Decoded(data.decode(name, errors="replace"), name, 0.0)
    scored.sort(reverse=True)
    # The best, with their words as read (a code page that read each word
    # reads them joined by spaces too).
    top = [
        (score, rank, name, read)
        for score, rank, name in scored
        if score == scored[0][0] and (read := sample(name)) is not None
    ]
    chosen = next((s for s in top if s[2] == declared), None) or top[0]
    if chosen is top[0] and len(top) > 1 and len({s[3] for s in top}) > 1:
        chosen = _tiebreak(data, top) or chosen
    confidence = _Judgement(chosen[3], data, chosen[0])
    notes: tuple[tuple[str, str], ...] = ()
    if declared and chosen[2] != declared:
        note = (
            f"the page declares {declared} but its bytes read as {chosen[2]}; read as {chosen[2]}"
        )
        notes = (("charset_overruled", note),)
    text = data.decode(chosen[2]) if by_words else chosen[3].tokens[0]
    return Decoded(text, chosen[2], confidence, notes)


_ALL_BYTES = bytes(range(256))


def _words_beyond_ascii(data: bytes) -> bytes:
    """The words of ``data`` (runs of bytes between ASCII white space) that
    hold a byte beyond ASCII, joined by spaces.  Decoded in a code page of
    :func:`_byte_by_byte`, they score in :func:`plausibility` exactly as
    the whole text would: every word and sign that is scored lies inside
    one of them, with the same neighbours, and the rest is ASCII, alike in
    every candidate (so :func:`own_letters`, which counts the ``S`` of
    ``ß`` written ``SS`` too, ranks the candidates as on the whole text).

    >>> _words_beyond_ascii("Projekt\\tÚstí nad Labem, Děčín.".encode("windows-1250"))
    b'\\xdast\\xed D\\xec\\xe8\\xedn.'
    """
    return b" ".join(_foreign_tokens(data))


def _foreign_tokens(data: bytes) -> list[bytes]:
    """The words :func:`_words_beyond_ascii` joins."""
    return list(filterfalse(bytes.isascii, data.split()))


@cache
def _byte_by_byte(name: str) -> bool:
    """Whether an encoding reads one byte at a time and ASCII as ASCII (the
    code pages; not UTF-16, Shift JIS or EBCDIC).

    >>> _byte_by_byte("windows-1250"), _byte_by_byte("utf-16"), _byte_by_byte("cp500")
    (True, False, False)
    """
    try:
        whole = _ALL_BYTES.decode(name, errors="replace")
        alone = [bytes([byte]).decode(name, errors="replace") for byte in _ALL_BYTES]
    except (LookupError, TypeError, ValueError):
        return False
    return whole[:128] == _ALL_BYTES[:128].decode("ascii") and alone == list(whole)


def _confidence(score: float, data: bytes) -> float:
    """0.0 means no candidate reads as text in the sheets' languages (the
    file is undecodable with these candidates); otherwise 0.05 to 1.0."""
    if score < _IMPLAUSIBLE and _high_bytes(data) >= _IMPLAUSIBLE_MIN:
        return 0.0
    return round(min(1.0, max(0.05, (score + 1) / 2)), 3)


# --- UTF-8 with a few bad bytes, or with words saved in a code page ----------

# A valid UTF-8 character of two to four bytes (the Unicode Standard, table 3-7).
_UTF8_MULTIBYTE = re.compile(
    rb"""[\xc2-\xdf][\x80-\xbf]               # two bytes: U+0080 to U+07FF
       | \xe0[\xa0-\xbf][\x80-\xbf]           # three bytes, not overlong
       | [\xe1-\xec\xee\xef][\x80-\xbf]{2}    # three bytes
       | \xed[\x80-\x9f][\x80-\xbf]           # three bytes, not a surrogate
       | \xf0[\x90-\xbf][\x80-\xbf]{2}        # four bytes, not overlong
       | [\xf1-\xf3][\x80-\xbf]{3}            # four bytes
       | \xf4[\x80-\x8f][\x80-\xbf]{2}        # four bytes, up to U+10FFFF""",
    re.VERBOSE,
)
_WORD_BYTES = re.compile(rb"\S+")  # a word: bytes between ASCII white space
_HIGH_BYTES = bytes(range(0x80, 0x100))
# UTF-8 characters outnumbering stray bytes this many times are "mostly":
# no code page file holds that many letter pairs that are UTF-8 by chance.
_MOSTLY = 4
# How many bytes of the words not in UTF-8 choose their code page.
_SAMPLE_BYTES = 65536
_SHOWN_OFFSETS = 5


def _damaged_or_legacy(
    data: bytes, candidates: Sequence[str], declared: str | None, nuls: Sequence[int]
) -> Decoded:
    """Bytes that are not all UTF-8.  With no UTF-8 character among them, a
    code page file; with mostly UTF-8 characters among their bytes beyond
    ASCII, UTF-8 with bad bytes or with words saved in a code page; in
    between, whichever of the two reads better (a code page file may hold
    a few letter pairs that are UTF-8 by chance)."""
    characters, stray = _utf8_share(data)
    if not characters:
        return _best_legacy(data, candidates, declared)
    mixed = _mixed_utf8(data, candidates, nuls)
    if stray * _MOSTLY > characters:
        legacy = _best_legacy(data, candidates, declared)
        # Letter pairs tell mojibake ("zĹ‚") from text better than letters alone.
        if plausibility(mixed.text, pairs=True) <= plausibility(legacy.text, pairs=True):
            return legacy
    if declared and declared != "utf-8":
        note = f"the page declares {declared} but its bytes are mostly UTF-8; read as UTF-8"
        return mixed._replaced(notes=(*mixed.notes, ("charset_overruled", note)))
    return mixed


def _utf8_share(data: bytes) -> tuple[int, int]:
    """How many UTF-8 characters of two bytes or more, and how many bytes
    beyond ASCII that are no part of one.

    >>> _utf8_share("Ústí ".encode() + "Děčín".encode("windows-1250"))
    (2, 3)

    Python's decoder finds the characters :data:`_UTF8_MULTIBYTE` does,
    left to right, and escapes each other byte beyond ASCII on its own
    (``surrogateescape``), as a lone surrogate, which no UTF-8 encodes:
    encoded again with those left out, the text is short by one byte for
    each.  Both passes are in C.
    """
    text = data.decode("utf-8", "surrogateescape")
    stray = len(data) - len(text.encode("utf-8", "ignore"))
    ascii_bytes = len(data) - _high_bytes(data)
    return len(text) - ascii_bytes - stray, stray


def _high_bytes(data: bytes) -> int:
    """How many bytes are beyond ASCII."""
    return len(data) - len(data.translate(None, _HIGH_BYTES))


def _mixed_utf8(
    data: bytes, candidates: Sequence[str] = LEGACY_CANDIDATES, nuls: Sequence[int] = ()
) -> Decoded:
    """UTF-8 read line by line: a line that is UTF-8 stays so; in one that is
    not, each word is read by :func:`_read_word`, in the candidate that
    reads best for all the words that are not UTF-8.

    >>> _mixed_utf8("Cílem\\n".encode() + "Ústecký".encode("windows-1250")).text
    'Cílem\\nÚstecký'
    """
    words = _words_of_broken_lines(data)
    codepage = _codepage_for([word for _, word in words if not _is_utf8(word)], candidates)
    pieces: list[str] = []
    judged: list[str] = []  # the pieces without the words read as no text: damage, noted
    redecoded: list[int] = []
    replaced: list[int] = []
    done = 0
    for at, word in words:
        text, how = _read_word(word, codepage)
        pieces += [data[done:at].decode("utf-8"), text]
        judged += [pieces[-2], _DAMAGE.sub("", text) if how == "replaced" else text]
        done = at + len(word)
        if how == "codepage":
            redecoded += [at + i for i, byte in enumerate(word) if byte > 127]
        elif how == "replaced":
            replaced += [at + i for i in _bad_bytes(word)]
    rest = data[done:].decode("utf-8")
    text = "".join([*pieces, rest])
    notes = _damage_notes(redecoded, replaced, codepage, nuls)
    # A few stray bytes are damage, said in a note: the text is judged
    # without what they left (U+FFFD, and a C1 control a damaged lead byte
    # can leave beside one, which would count as the text's).  Many are not.
    few = len(replaced) <= max(2, len(data) // 100)
    scored = "".join([*judged, rest]) if few else text
    return Decoded(text, "utf-8", _confidence(plausibility(scored, pairs=True), data), notes)


_DAMAGE = re.compile("[\x80-\x9f\ufffd]")  # what a word read with its bad bytes replaced may hold


def _words_of_broken_lines(data: bytes) -> list[tuple[int, bytes]]:
    """(offset, word) of each word beyond ASCII in the lines that are not UTF-8.

    >>> _words_of_broken_lines("Cílem\\nza ČR: ".encode() + b"\\xff")
    [(10, b'\\xc4\\x8cR:'), (15, b'\\xff')]
    """
    words: list[tuple[int, bytes]] = []
    start = 0
    for line in data.split(b"\n"):
        if not _is_utf8(line):
            found = _WORD_BYTES.finditer(line)
            words += [(start + m.start(), m.group()) for m in found if not m.group().isascii()]
        start += len(line) + 1
    return words


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _codepage_for(words: Sequence[bytes], candidates: Sequence[str]) -> str | None:
    """The candidate in which the words read best together: by their
    letters' alphabets; then by how many bytes are letters rather than
    signs (``Síť`` in ISO-8859-2 is ``Sí»`` in windows-1250); then by the
    letters' neighbours; then the earlier candidate.

    >>> _codepage_for(["Síť".encode("iso-8859-2"), "Ždiar".encode("iso-8859-2")], LEGACY_CANDIDATES)
    'iso-8859-2'
    """
    joined = b" ".join(words)[:_SAMPLE_BYTES]
    scored = []
    for order, name in enumerate(candidates):
        try:
            text = joined.decode(name, errors="replace")
        except LookupError:
            continue
        letters = sum(1 for c in text if c.isalpha() and not c.isascii())
        scored.append((plausibility(text), letters, plausibility(text, pairs=True), -order, name))
    return max(scored)[-1] if scored else None


def _read_word(word: bytes, codepage: str | None) -> tuple[str, str]:
    """A word of a line that is not UTF-8, and how it was read: ``utf-8``
    when it is UTF-8 and reads no worse so; else ``codepage`` when it reads
    as a word in ``codepage``; else ``replaced``: UTF-8 with its bad bytes
    replaced (U+FFFD), so that one stray byte costs no more than itself.

    >>> _read_word("Ústecký".encode("windows-1250"), "windows-1250")
    ('Ústecký', 'codepage')
    >>> _read_word(b"2010)\\xff", "windows-1252"), _read_word("ČR:".encode(), "windows-1250")
    (('2010)\\ufffd', 'replaced'), ('ČR:', 'utf-8'))
    """
    utf8 = word.decode("utf-8") if _is_utf8(word) else None
    legacy = _codepage_word(word, codepage)
    if utf8 is not None and (
        legacy is None or plausibility(utf8, pairs=True) >= plausibility(legacy, pairs=True)
    ):
        return utf8, "utf-8"
    if legacy is not None:
        return legacy, "codepage"
    return word.decode("utf-8", errors="replace"), "replaced"


def _codepage_word(word: bytes, codepage: str | None) -> str | None:
    """The word in ``codepage`` if it reads as a word of the sheets' languages there."""
    if codepage is None:
        return None
    try:
        text = word.decode(codepage)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if reads_as_word(text) else None


def _bad_bytes(word: bytes) -> list[int]:
    """Offsets of the bytes that are no part of a UTF-8 character.

    >>> _bad_bytes(b"a\\xffb\\xc3\\xba\\xe2\\x82")
    [1, 5, 6]
    """
    bad: list[int] = []
    at = 0
    while at < len(word):
        character = _UTF8_MULTIBYTE.match(word, at) if word[at] > 127 else None
        if word[at] > 127 and character is None:
            bad.append(at)
        at = character.end() if character else at + 1
    return bad


def _damage_notes(
    redecoded: Sequence[int], replaced: Sequence[int], codepage: str | None, nuls: Sequence[int]
) -> tuple[tuple[str, str], ...]:
    """One note for the bytes read in a code page, one for those dropped."""
    notes: list[tuple[str, str]] = []
    if redecoded:
        message = f"{len(redecoded)} byte(s) in {codepage}, not UTF-8, read as {codepage}"
        notes.append(("mixed_encoding", f"{message} ({_where(redecoded, nuls)})"))
    if replaced:
        message = f"{len(replaced)} byte(s) that read as no text in UTF-8 or a code page dropped"
        notes.append(("bytes_replaced", f"{message} ({_where(replaced, nuls)})"))
    return tuple(notes)


def _where(offsets: Sequence[int], nuls: Sequence[int] = ()) -> str:
    """Byte offsets as a note names them: the first few, counted in the file
    as it was before its stray NULs (at ``nuls``) were dropped.

    >>> _where([7]), _where([3, 9], nuls=[0]), _where(list(range(8)))
    ('byte 7', 'bytes 4, 10', 'bytes 0, 1, 2, 3, 4 and 3 more')
    """
    marks = [at - k for k, at in enumerate(nuls)]  # where each NUL was, NULs before it gone
    shown = [str(at + bisect_right(marks, at)) for at in offsets[:_SHOWN_OFFSETS]]
    more = f" and {len(offsets) - len(shown)} more" if len(offsets) > len(shown) else ""
    return f"byte{'s' if len(offsets) > 1 else ''} {', '.join(shown)}{more}"


_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*(?P<meta>[\w.:-]+)   # <meta charset> / http-equiv
       | <\?xml[^>]{0,100}?encoding\s*=\s*["'](?P<xml>[\w.:-]+)      # <?xml encoding?>""",
    re.IGNORECASE | re.VERBOSE,
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, if Python knows it.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">')
    'windows-1250'
    >>> declared_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?>'), declared_charset(b"Projekt")
    ('iso-8859-2', None)
    """
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match["meta"] or match["xml"]).decode("ascii", "replace")
    try:
        return canonical_encoding(name)
    except LookupError:
        return None


def _tiebreak(data: bytes, top: list[Scored]) -> Scored | None:
    """Among decodings whose letters fit equally well: the one whose letters
    stand beside neighbours their language writes; if still level, chardet's
    choice among them."""
    paired = sorted(
        ((s[3].plausibility(pairs=True), s) for s in top), key=lambda p: p[0], reverse=True
    )
    if paired[0][0] > paired[1][0]:
        return paired[0][1]
    level = [s for score, s in paired if score == paired[0][0]]
    # Sheets of this region name its places and people: where the code pages
    # differ only in letters, the one that reads them as letters of the
    # sheets' own languages ("Vysočina", not "Vysoèina") is the surer guess.
    own = sorted(((s[3].own_letters(), s) for s in level), key=lambda p: p[0], reverse=True)
    if own[0][0] > own[1][0]:
        return own[0][1]
    return _chardet_tiebreak(data, [s for count, s in own if count == own[0][0]])


def _chardet_tiebreak(data: bytes, top: list[Scored]) -> Scored | None:
    import chardet  # rarely needed, and slow to import

    names = {codecs.lookup(s[2]).name: s for s in top}
    tied = [s[2] for s in top]
    guess = chardet.detect(data[:65536], include_encodings=tied, no_match_encoding=tied[0])
    encoding = guess.get("encoding")
    if not encoding:
        return None
    try:
        return names.get(codecs.lookup(encoding).name)
    except LookupError:
        return None
