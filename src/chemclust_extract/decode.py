"""Bytes to text: byte-order mark, then strict UTF-8, then UTF-16, then the
legacy code page whose text reads most like Czech, Slovak, Polish, German or
English.

Library detectors alone guess wrong too often on short Central-European
sheets (windows-1250 and ISO-8859-2 differ in a handful of letters), so
chardet is only asked to break ties between candidates that the plausibility
score cannot separate.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import chardet

from chemclust_extract.mojibake import repair_mojibake
from chemclust_extract.plausibility import plausibility

LEGACY_CANDIDATES: tuple[str, ...] = ("windows-1250", "iso-8859-2", "windows-1252")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """Text of a file and how it was read; ``notes`` are ``(code, message)``
    pairs for what the reader of the record should know (bytes dropped,
    a declared charset overruled)."""

    text: str
    encoding: str
    confidence: float
    notes: tuple[tuple[str, str], ...] = ()


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
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_CONTROL_SHARE = 0.05
# Below this plausibility, with this many non-ASCII bytes, no candidate fits.
_IMPLAUSIBLE, _IMPLAUSIBLE_MIN = -0.5, 16
_CONTROL_MIN = 8


def binary_kind(data: bytes) -> str | None:
    """What a file is if it is not text: a known signature, or a high share
    of control bytes.  A stray NUL in a text sheet is not enough.

    >>> binary_kind(b"%PDF-1.4 ..."), binary_kind(b"Projekt\\tChemClust\\x00\\n")
    ('a PDF document', None)
    >>> binary_kind(bytes(range(256)) * 4)
    'binary data (11% control bytes)'
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS) or _bomless_utf16(data):
        return None
    sample = data[:8192]
    control = sum(1 for byte in sample if byte in _CONTROL)
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
    ``UnicodeDecodeError`` if the bytes are not in it.  Without it: a BOM
    decides, then UTF-16 recognised by its zero bytes, then strict UTF-8,
    then the most plausible of ``candidates``; a confidence of 0.0 says that
    none of them reads as text.  Stray NULs are dropped and lines that are
    UTF-8 once misread as a code page are repaired, each with a note.

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
    """
    notes: list[tuple[str, str]] = []
    nuls = data.count(b"\x00") if not _wide_unicode(data) else 0
    if nuls:  # dropped as bytes, so a NUL inside a character leaves it whole
        data = data.replace(b"\x00", b"")
        notes.append(("nul_bytes", f"{nuls} NUL character(s) dropped"))
    decoded = _decode(data, hint, candidates)
    text = decoded.text.replace("\x00", "")
    notes = [*decoded.notes, *notes]
    text, repaired = repair_mojibake(text)
    if repaired:
        message = (
            f"{repaired} line(s) were UTF-8 once read as a code page and saved again; repaired"
        )
        notes.append(("mojibake_repaired", message))
    return replace(decoded, text=text, notes=tuple(notes))


def _decode(data: bytes, hint: str | None, candidates: Sequence[str]) -> Decoded:
    """The choice of encoding that :func:`decode_bytes` describes."""
    if hint:
        return Decoded(data.decode(hint), canonical_encoding(hint), 1.0)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _utf16_or_32(data, name, 1.0)
    # Before UTF-8: ASCII text in UTF-16 is valid UTF-8 full of NULs.
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _utf16_or_32(data, utf16, 0.9)
    declared = declared_charset(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            cut = ("truncated", "the file ends inside a character; it was cut short")
            return Decoded(data[: error.start].decode("utf-8"), "utf-8", 0.9, (cut,))
        return _best_legacy(data, candidates, declared)
    if declared and declared != "utf-8" and not data.isascii():
        note = f"the page declares {declared} but its bytes are UTF-8; read as UTF-8"
        return Decoded(text, "utf-8", 1.0, (("charset_overruled", note),))
    return Decoded(text, "utf-8", 1.0)


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


def _wide_unicode(data: bytes) -> bool:
    """UTF-16 or UTF-32, whose NUL bytes are part of the text."""
    return any(data.startswith(bom) for bom, _ in _BOMS if bom != codecs.BOM_UTF8) or bool(
        _bomless_utf16(data)
    )


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
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


# A candidate decoding: (plausibility, -rank in the candidate list, encoding, text).
Scored = tuple[float, int, str, str]


def _best_legacy(data: bytes, candidates: Sequence[str], declared: str | None = None) -> Decoded:
    """The most plausible legacy decoding.  A declared charset is taken when
    it reads as well as the best; when the bytes contradict it, a note says so."""
    names = list(
        dict.fromkeys([*candidates, *([declared] if declared and declared != "utf-8" else [])])
    )
    scored: list[Scored] = []
    for order, name in enumerate(names):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((plausibility(text), -order, name, text))
    if not scored:
        name = candidates[0] if candidates else "windows-1250"
        return Decoded(data.decode(name, errors="replace"), name, 0.0)
    scored.sort(reverse=True)
    top = [s for s in scored if s[0] == scored[0][0]]
    chosen = next((s for s in top if s[2] == declared), None) or top[0]
    if chosen is top[0] and len(top) > 1 and len({s[3] for s in top}) > 1:
        chosen = _tiebreak(data, top) or chosen
    confidence = _confidence(plausibility(chosen[3], pairs=True), data)
    notes: tuple[tuple[str, str], ...] = ()
    if declared and chosen[2] != declared:
        note = (
            f"the page declares {declared} but its bytes read as {chosen[2]}; read as {chosen[2]}"
        )
        notes = (("charset_overruled", note),)
    return Decoded(chosen[3], chosen[2], confidence, notes)


def _confidence(score: float, data: bytes) -> float:
    """0.0 means no candidate reads as text in the sheets' languages (the
    file is undecodable with these candidates); otherwise 0.05 to 1.0."""
    if score < _IMPLAUSIBLE and sum(1 for b in data if b > 127) >= _IMPLAUSIBLE_MIN:
        return 0.0
    return round(min(1.0, max(0.05, (score + 1) / 2)), 3)


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
        ((plausibility(s[3], pairs=True), s) for s in top), key=lambda p: p[0], reverse=True
    )
    if paired[0][0] > paired[1][0]:
        return paired[0][1]
    return _chardet_tiebreak(data, [s for score, s in paired if score == paired[0][0]])


def _chardet_tiebreak(data: bytes, top: list[Scored]) -> Scored | None:
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
