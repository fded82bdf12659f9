"""Mojibake: UTF-8 that was once decoded as a code page and saved again
(``ĂšsteckĂ˝``, ``ÃšsteckÃ½``), undone by a strict round trip."""

from __future__ import annotations

from chemclust_extract.plausibility import plausibility

# Letters that UTF-8 read as windows-1250/1252 or ISO-8859-1/2 starts with.
_MOJIBAKE_LEADS = "ÃÂĂĹÅÄâÐÑ"


def _has_lead(text: str) -> bool:
    """Whether a text holds a letter mojibake starts with: a search in C
    for each (a character class searched by the regular expression engine
    took ten times as long on a sheet).

    >>> _has_lead("ĂšsteckĂ˝"), _has_lead("Ústecký")
    (True, False)
    """
    return any(lead in text for lead in _MOJIBAKE_LEADS)
_MOJIBAKE_CODECS = ("sloppy-windows-1250", "sloppy-windows-1252", "iso-8859-2", "latin-1")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 that was once decoded as a code page and saved again, line
    by line: a line is repaired only when it round-trips to valid UTF-8 and
    reads better afterwards, so correct text is never changed.

    >>> repair_mojibake("ÃšsteckÃ½ kraj\\n„uvozovky“ – Ústí")
    ('Ústecký kraj\\n„uvozovky“ – Ústí', 1)
    """
    if not _has_lead(text):
        return text, 0
    lines = text.split("\n")
    repaired = 0
    for i, line in enumerate(lines):
        if _has_lead(line):
            fixed = _repair_line(line)
            if fixed != line:
                lines[i] = fixed
                repaired += 1
    return "\n".join(lines), repaired


def _repair_line(line: str) -> str:
    """The whole line if it round-trips, else each cell, else each word: a
    label typed correctly beside a garbled value still gets the value fixed."""
    whole = _round_trip(line)
    if whole is not None:
        return whole
    cells = []
    for cell in line.split("\t"):
        fixed = _round_trip(cell) if _has_lead(cell) else cell
        if fixed is None:
            words = cell.split(" ")
            fixed = " ".join(_round_trip(w) or w if _has_lead(w) else w for w in words)
        cells.append(fixed)
    return "\t".join(cells)


def _round_trip(line: str) -> str | None:
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy code pages)

    for codec in _MOJIBAKE_CODECS:
        try:
            fixed = line.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != line and plausibility(fixed) > plausibility(line):
            return fixed
    return None
