"""One stray byte is not an undecodable sheet (issue 7, "Hardening").

A sheet that is overwhelmingly UTF-8 is read as UTF-8: a bad byte is
dropped, a word saved in a code page is read in it, line by line in a file
whose lines were saved in two encodings, each with one warning on
``source`` naming the byte offsets.  Only text that reads as no candidate
language at all is ``undecodable``; a forced ``--encoding`` that makes no
text of the bytes is too.  No output field keeps U+FFFD or a control
character.
"""

from __future__ import annotations

import codecs
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chemclust_extract import Options, Record, decode_bytes, extract_file
from chemclust_extract.extract import ExtractionError, extract_bytes

from .conftest import FIXTURES, SAMPLES, TESTS
from .outcomes import comparable

SEED_BYTES = (FIXTURES / "chemclust.tsv").read_bytes()
SEED = SEED_BYTES.decode("utf-8")
UTF8_SAMPLES = sorted(
    p for p in SAMPLES.iterdir() if p.is_file() and decode_bytes(p.read_bytes()).encoding == "utf-8"
)
CYRILLIC = (TESTS / "bad" / "cyrillic-1251.tsv").read_bytes()
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def seed_record() -> dict[str, Any]:
    data = json.loads((FIXTURES / "chemclust.expected.json").read_text(encoding="utf-8"))
    data.pop("source")
    return data


def source_notes(record: Record) -> list[tuple[str, str]]:
    return [(w.code, w.message) for w in record.warnings if w.field == "source"]


def dropped(offsets: list[int]) -> tuple[str, str]:
    """The note for stray bytes at these offsets (five or fewer)."""
    where = f"byte{'s' if len(offsets) > 1 else ''} {', '.join(map(str, offsets))}"
    message = "byte(s) that read as no text in UTF-8 or a code page dropped"
    return ("bytes_replaced", f"{len(offsets)} {message} ({where})")


def read_as_1250(offsets: list[int]) -> tuple[str, str]:
    """The note for bytes at these offsets (five or fewer) read as windows-1250."""
    where = f"byte{'s' if len(offsets) > 1 else ''} {', '.join(map(str, offsets))}"
    message = "byte(s) in windows-1250, not UTF-8, read as windows-1250"
    return ("mixed_encoding", f"{len(offsets)} {message} ({where})")


def texts(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    """Every string of a record's dict with the key it is under; not the
    source and the warnings, which say what was read, nor the labels of
    ``extra`` (dict keys)."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            if name not in {"source", "warnings"}:
                yield from texts(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item, key)


def assert_no_damage_left(record: Record) -> None:
    """No U+FFFD and no control character but a line break in any field;
    a description's paragraphs trimmed and not empty."""
    for key, text in texts(record.to_dict()):
        assert "\ufffd" not in text, (key, text)
        controls = {c for c in text if unicodedata.category(c) == "Cc"}
        assert controls <= {"\n"}, (key, text)
        if key == "description":
            assert all(p and p == p.strip() for p in text.split("\n\n")), text


# --- the seed with a stray byte -------------------------------------------------


def test_seed_with_a_trailing_stray_byte_gives_the_seed_record(
    tmp_path: Path, seed_record: dict[str, Any]
) -> None:
    sheet = tmp_path / "chemclust.tsv"
    sheet.write_bytes(SEED_BYTES + b"\xff")
    record = extract_file(sheet)
    assert isinstance(record, Record), record
    assert comparable(record) == seed_record
    assert record.source is not None and record.source.encoding == "utf-8"
    assert source_notes(record) == [dropped([len(SEED_BYTES)])]


USTECKY = "Ústecký".encode()
STRAY_BYTES = [
    pytest.param(USTECKY + b" kraj\xff", "Ústecký kraj", id="glued-after-a-word"),
    pytest.param(USTECKY + b" \xff kraj", "Ústecký kraj", id="a-word-of-its-own"),
    pytest.param(USTECKY + b" kr\x80\x80aj", "Ústecký kraj", id="inside-an-ascii-word"),
    pytest.param(b"\xc3\x9ast\x9beck\xc3\xbd kraj", "Ústecký kraj", id="inside-a-czech-word"),
    pytest.param(USTECKY[:-1] + b" kraj", "Ústeck kraj", id="a-character-cut-in-half"),
    pytest.param(USTECKY + b"\xffkraj", "Ústeckýkraj", id="in-place-of-a-space"),
]


@pytest.mark.parametrize(("damaged", "expected"), STRAY_BYTES)
def test_a_stray_byte_in_a_field_is_dropped_with_a_warning(damaged: bytes, expected: str) -> None:
    data = SEED_BYTES.replace(USTECKY + b" kraj", damaged)
    assert data != SEED_BYTES
    record = extract_bytes(data, "chemclust.tsv")
    assert record.national_partner == expected
    assert [code for code, _ in source_notes(record)] == ["bytes_replaced"]
    assert_no_damage_left(record)


BOM_SEED = codecs.BOM_UTF8 + SEED_BYTES
AT_USTECKY = BOM_SEED.index(USTECKY)
BEHIND_A_BOM = [
    pytest.param(BOM_SEED + b"\xff", dropped([len(BOM_SEED)]), id="stray-byte"),
    pytest.param(
        BOM_SEED.replace(USTECKY, "Ústecký".encode("windows-1250")),
        read_as_1250([AT_USTECKY, AT_USTECKY + 6]),
        id="windows-1250-word",
    ),
]


@pytest.mark.parametrize(("data", "note"), BEHIND_A_BOM)
def test_damage_behind_a_utf8_byte_order_mark_is_read_the_same(
    data: bytes, note: tuple[str, str], seed_record: dict[str, Any]
) -> None:
    record = extract_bytes(data, "chemclust.tsv")
    assert comparable(record) == seed_record
    assert record.source is not None and record.source.encoding == "utf-8-sig"
    assert source_notes(record) == [note]


def test_offsets_count_the_stray_nuls_that_were_dropped() -> None:
    data = SEED_BYTES[:10] + b"\x00" + SEED_BYTES[10:] + b"\xff"
    notes = decode_bytes(data).notes
    assert [code for code, _ in notes] == ["bytes_replaced", "nul_bytes"]
    assert notes[0][1].endswith(f"(byte {len(data) - 1})")


def test_many_stray_bytes_are_named_first_few_then_counted() -> None:
    lines = SEED_BYTES.split(b"\n")
    data = b"\n".join(line + b" \xff" for line in lines)
    (code, message), *_ = decode_bytes(data).notes
    assert code == "bytes_replaced"
    assert message.startswith(f"{len(lines)} byte(s) ")
    assert message.endswith(f" and {len(lines) - 5} more)")


# --- the seed with one word saved in windows-1250 ---------------------------------

CP1250_WORDS = [
    pytest.param("Ústecký", id="national-partner"),
    pytest.param("Cílem", id="description"),
    pytest.param("Špoták", id="contact-name"),
    pytest.param("Ústí", id="partner-name"),
    pytest.param("První", id="news-item"),
    pytest.param("Podíl", id="label-eu-contribution"),
    pytest.param("Trvání:", id="label-duration"),
    pytest.param("€ 1.762.400", id="euro-sign"),
]


@pytest.mark.parametrize("word", CP1250_WORDS)
def test_seed_with_one_word_in_windows_1250_gives_the_seed_record(
    word: str, seed_record: dict[str, Any]
) -> None:
    assert SEED.count(word) == 1
    at = SEED_BYTES.index(word.encode())
    data = SEED_BYTES.replace(word.encode(), word.encode("windows-1250"))
    record = extract_bytes(data, "chemclust.tsv")
    assert comparable(record) == seed_record
    assert record.source is not None and record.source.encoding == "utf-8"
    saved = word.encode("windows-1250")
    offsets = [at + i for i, byte in enumerate(saved) if byte > 127]
    assert source_notes(record) == [read_as_1250(offsets)]


# --- lines saved in two encodings ---------------------------------------------------

MIXED_SAMPLES = ["chemclust.tsv", "nysanet-pl.tsv", "saxchem-de.tsv", "vltava-cz.tsv"]


def alternate_lines(text: str, first: str, second: str) -> bytes:
    lines = text.split("\n")
    return b"\n".join(line.encode(first if n % 2 else second) for n, line in enumerate(lines))


@pytest.mark.parametrize("name", MIXED_SAMPLES)
@pytest.mark.parametrize("odd", ["utf-8", "windows-1250"])
def test_lines_in_utf8_and_windows_1250_each_decode_right(name: str, odd: str) -> None:
    original = SAMPLES / name
    text = decode_bytes(original.read_bytes()).text
    even = "windows-1250" if odd == "utf-8" else "utf-8"
    data = alternate_lines(text, odd, even)
    decoded = decode_bytes(data)
    assert decoded.text.split("\n") == text.split("\n")
    assert decoded.encoding == "utf-8"
    assert [code for code, _ in decoded.notes] == ["mixed_encoding"]
    record = extract_bytes(data, "x.tsv")
    assert comparable(record) == comparable(extract_bytes(original.read_bytes(), "x.tsv"))


def test_a_word_utf8_by_chance_in_a_windows_1250_line_is_read_in_windows_1250() -> None:
    # "VÝŠ" in windows-1250 is DD 8A: also a (Thaana) UTF-8 character
    lines = ["Projekt:\tNejvyšší VÝŠE dotace", "Partner za ČR:\tÚstecký kraj"]
    data = lines[0].encode("windows-1250") + b"\n" + lines[1].encode("utf-8")
    assert decode_bytes(data).text == "\n".join(lines)


CODE_PAGE_FILES_UTF8_BY_CHANCE = [
    pytest.param("Projekt:\tWSPÓŁPRACA\nBeneficjent:\tGmina Łódź", "iso-8859-2", id="pl-ÓŁ"),
    pytest.param("Celkem:\tVÝŠE\nPartner za ČR:\tÚstecký kraj, Děčín", "windows-1250", id="cs-ÝŠ"),
]


@pytest.mark.parametrize(("text", "encoding"), CODE_PAGE_FILES_UTF8_BY_CHANCE)
def test_a_code_page_file_with_letters_utf8_by_chance_stays_in_its_code_page(
    text: str, encoding: str
) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding, decoded.notes) == (text, encoding, ())


# --- only text in no candidate language is undecodable ------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(CYRILLIC, id="windows-1251"),
        pytest.param(CYRILLIC + "\nPartner:\tÚstí".encode(), id="windows-1251-and-a-utf8-line"),
    ],
)
def test_russian_in_windows_1251_stays_undecodable(data: bytes) -> None:
    with pytest.raises(ExtractionError) as error:
        extract_bytes(data, "cyrillic.tsv")
    assert error.value.code == "undecodable"


def test_the_undecodable_message_lists_each_encoding_once() -> None:
    with pytest.raises(ExtractionError) as error:
        extract_bytes(CYRILLIC, "cyrillic.tsv")
    message = error.value.message
    for name in ("windows-1250", "iso-8859-2", "windows-1252"):
        assert message.count(name) == 1, message
    assert message.startswith("reads as no Czech, Slovak, Polish, German or English text in ")
    with pytest.raises(ExtractionError) as error:
        extract_bytes(CYRILLIC, "cyrillic.tsv", Options(candidates=("windows-1250",)))
    assert " in windows-1250; try --encoding" in error.value.message


@pytest.mark.parametrize("forced", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["vltava-cz.tsv", "nysanet-pl.tsv", "saxchem-de.tsv"])
def test_forced_utf16_on_a_windows_1250_file_is_undecodable(name: str, forced: str) -> None:
    data = decode_bytes((SAMPLES / name).read_bytes()).text.encode("windows-1250")
    with pytest.raises(ExtractionError) as error:
        extract_bytes(data, name, Options(encoding=forced))
    assert error.value.code == "undecodable"
    assert "do not read as" in error.value.message or "the bytes are not" in error.value.message


def test_forced_utf16_that_reads_as_no_text_says_so() -> None:
    data = decode_bytes((SAMPLES / "vltava-cz.tsv").read_bytes()).text.encode("windows-1250")
    with pytest.raises(ExtractionError) as error:
        extract_bytes(data, "vltava-cz.tsv", Options(encoding="utf-16"))
    assert error.value.message == (
        "the bytes do not read as Czech, Slovak, Polish, German or English text in utf-16;"
        " try another --encoding"
    )


def test_a_forced_encoding_reads_names_in_another_script() -> None:
    sheet = "Project acronym\tNEVA\nLead partner:\tАдминистрация Санкт-Петербурга (RU)\n"
    record = extract_bytes(sheet.encode("windows-1251"), "neva.tsv", Options(encoding="cp1251"))
    assert record.name == "NEVA"
    assert record.partners[0].name == "Администрация Санкт-Петербурга"


# --- any single damaged byte ----------------------------------------------------------


@st.composite
def one_byte_changed(draw: st.DrawFn, data: bytes) -> bytes:
    """The sample with one byte flipped by one bit, or set to any value."""
    at = draw(st.integers(0, len(data) - 1), label="offset")
    damaged = bytearray(data)
    if draw(st.booleans(), label="flip a bit"):
        damaged[at] ^= 1 << draw(st.integers(0, 7), label="bit")
    else:
        damaged[at] = draw(st.integers(0, 255), label="byte")
    return bytes(damaged)


@pytest.mark.parametrize("sample", UTF8_SAMPLES, ids=[p.name for p in UTF8_SAMPLES])
@PROPERTY
@given(draw=st.data())
def test_one_damaged_byte_is_never_undecodable(sample: Path, draw: st.DataObject) -> None:
    data = draw.draw(one_byte_changed(sample.read_bytes()))
    try:
        record = extract_bytes(data, "x" + sample.suffix)
    except ExtractionError as error:
        assert error.code != "undecodable", error.message
        return
    assert_no_damage_left(record)


def test_there_are_utf8_samples_to_damage() -> None:
    assert len(UTF8_SAMPLES) >= 5


def test_a_damaged_lead_byte_leaving_a_control_character_is_damage_not_another_encoding() -> None:
    """An en dash (E2 80 93) whose first byte lost a bit reads as U+0080, a
    C1 control, and a stray byte: one damaged character in a UTF-8 sheet,
    read as UTF-8 with a note, not a sheet that reads as no text."""
    data = (SAMPLES / "greenports-en.tsv").read_bytes()
    assert b"Elbe\xe2\x80\x93Vltava" in data
    damaged = data.replace(b"Elbe\xe2\x80\x93Vltava", b"Elbe\xc2\x80\x93Vltava")
    record = extract_bytes(damaged, "greenports-en.tsv")
    assert record.source is not None and record.source.encoding == "utf-8"
    assert record.name == "GREENPORTS"
    assert any(w.code == "bytes_replaced" for w in record.warnings)
    assert_no_damage_left(record)
