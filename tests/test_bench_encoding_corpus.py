"""The encoding benchmark's corpus is what benchmarks/bench_encoding.py assumes:
enough texts per language, sheets and fields on the right side of 300 bytes,
and Central-European texts that Latin-1 cannot hold."""

from __future__ import annotations

from pathlib import Path

import pytest

TEXTS = Path(__file__).parent.parent / "benchmarks" / "encoding_texts"
LANGUAGES = ("cs", "sk", "pl", "de", "en")
DOCUMENT_BYTES = 300


def texts(pattern: str) -> list[Path]:
    return sorted(TEXTS.glob(pattern))


def outside_latin1(text: str) -> set[str]:
    return {char for char in text if char.isalpha() and ord(char) > 0xFF}


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_least_twelve_texts_per_language(language: str) -> None:
    assert len(texts(f"{language}-sheet-*.txt")) >= 6
    assert len(texts(f"{language}-field-*.txt")) >= 6
    assert len(texts(f"{language}-*.txt")) >= 12


def test_every_text_is_a_sheet_or_a_field() -> None:
    names = {path.name for path in texts("*.txt")}
    named = {path.name for path in texts("*-sheet-*.txt") + texts("*-field-*.txt")}
    assert names == named


@pytest.mark.parametrize("path", texts("*-sheet-*.txt"), ids=lambda path: path.name)
def test_sheets_are_documents(path: Path) -> None:
    data = path.read_bytes()
    assert DOCUMENT_BYTES <= len(data) <= 3000
    assert "\t" in data.decode("utf-8")


@pytest.mark.parametrize("path", texts("*-field-*.txt"), ids=lambda path: path.name)
def test_fields_are_short(path: Path) -> None:
    data = path.read_bytes()
    assert len(data) < DOCUMENT_BYTES
    assert 10 <= len(data.decode("utf-8")) <= 80


@pytest.mark.parametrize(
    "path",
    [path for language in ("cs", "sk", "pl") for path in texts(f"{language}-*.txt")],
    ids=lambda path: path.name,
)
def test_central_european_texts_need_more_than_latin1(path: Path) -> None:
    assert outside_latin1(path.read_bytes().decode("utf-8"))
