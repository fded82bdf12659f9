"""The seed sheet saved in every encoding real folders hold, and garbled
into mojibake, gives the seed's record."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy code pages used to make mojibake)
import pytest

from chemclust_extract import Record, decode_bytes, extract_file

from .conftest import FIXTURES

SEED = (FIXTURES / "chemclust.tsv").read_text(encoding="utf-8")
# ISO-8859-2 has no euro sign and no en dash; an export in it writes them so.
SEED_LATIN2 = SEED.replace("€", "EUR").replace("–", "-")


def _mojibake(text: str, codepage: str) -> bytes:
    """UTF-8 that was once decoded as a code page and saved again as UTF-8."""
    return text.encode("utf-8").decode(codepage).encode("utf-8")


SAVED = {
    "windows-1250": (SEED.encode("windows-1250"), "windows-1250"),
    "iso-8859-2": (SEED_LATIN2.encode("iso-8859-2"), "iso-8859-2"),
    "utf-16": (SEED.encode("utf-16"), "utf-16"),
    "utf-16-le-without-bom": (SEED.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be-without-bom": (SEED.encode("utf-16-be"), "utf-16-be"),
    "utf-8-with-bom": (codecs.BOM_UTF8 + SEED.encode("utf-8"), "utf-8-sig"),
    "mojibake-windows-1250": (_mojibake(SEED, "sloppy-windows-1250"), "utf-8"),
    "mojibake-windows-1252": (_mojibake(SEED, "sloppy-windows-1252"), "utf-8"),
    "mojibake-iso-8859-2": (_mojibake(SEED, "iso-8859-2"), "utf-8"),
}


def _record_without_source(record: Record) -> dict[str, Any]:
    data = record.to_dict()
    data.pop("source")
    data["warnings"] = [w for w in data["warnings"] if w["field"] != "source"]
    return data


@pytest.fixture(scope="module")
def seed_record() -> dict[str, Any]:
    data = json.loads((FIXTURES / "chemclust.expected.json").read_text(encoding="utf-8"))
    data.pop("source")
    return data


@pytest.mark.parametrize("case", sorted(SAVED))
def test_seed_in_any_encoding_gives_the_seed_record(
    case: str, tmp_path: Path, seed_record: dict[str, Any]
) -> None:
    data, encoding = SAVED[case]
    sheet = tmp_path / "chemclust.tsv"
    sheet.write_bytes(data)
    record = extract_file(sheet)
    assert isinstance(record, Record), record
    assert _record_without_source(record) == seed_record
    assert record.source is not None and record.source.encoding == encoding
    notes = [w.code for w in record.warnings if w.field == "source"]
    assert notes == (["mojibake_repaired"] if case.startswith("mojibake") else [])


@pytest.mark.parametrize(
    ("garbled", "fixed"),
    [
        pytest.param("ĂšsteckĂ˝ kraj", "Ústecký kraj", id="cs-via-windows-1250"),
        pytest.param("ÃšsteckÃ½ kraj", "Ústecký kraj", id="cs-via-windows-1252"),
        pytest.param(
            "Partner za ÄŚR:\tĂšsteckĂ˝ kraj", "Partner za ČR:\tÚstecký kraj", id="whole-row"
        ),
        pytest.param("Projekt:\tĹ˝ÄŹĂˇr", "Projekt:\tŽďár", id="value-cell-only"),
        pytest.param("Kontakt: Å\x81Ã³dÅº", "Kontakt: Łódź", id="pl-via-windows-1252"),
    ],
)
def test_mojibake_lines_are_repaired(garbled: str, fixed: str) -> None:
    decoded = decode_bytes(garbled.encode("utf-8"))
    assert decoded.text == fixed
    assert [code for code, _ in decoded.notes] == ["mojibake_repaired"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("„Uvozovky“ a ‚jednoduché‘ – pomlčka — dlouhá", id="typographic-quotes"),
        pytest.param("Ústecký kraj, Łódź, Görlitz, Straße, Città, Nørresundby", id="every-script"),
        pytest.param("€ 1.762.400 · 85 % · § 3 · 5 °C", id="signs"),
        pytest.param("Ångström Århus Ärger Ölbaum", id="capitals-that-start-mojibake"),
    ],
)
def test_correct_text_is_never_changed(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text == text
    assert decoded.notes == ()


def test_forced_encoding_overrides_detection(tmp_path: Path) -> None:
    from chemclust_extract import Options

    sheet = tmp_path / "s.tsv"
    sheet.write_bytes(SEED.encode("windows-1250"))
    record = extract_file(sheet, Options(encoding="windows-1250"))
    assert isinstance(record, Record) and record.national_partner == "Ústecký kraj"
    wrong = extract_file(sheet, Options(encoding="utf-8"))
    assert not isinstance(wrong, Record) and wrong.code == "undecodable"
