"""Damaged samples, random bytes and random text: extraction gives a Record
or a clean failure, never an exception (CONTRACT.md, "One record per sheet";
STYLE.md, "Tests").

Every sample in ``samples/`` is damaged the ways files are damaged on old
disks and in transfers: bits flipped, stray NULs, the whole sheet saved
again in another encoding, the file cut short.  ``extract_bytes`` must
return a Record or raise ``ExtractionError``; ``extract_file`` on the same
bytes must return a Record or a Failure, and agree with it.  Where nothing
is lost (a NUL between characters, an encoding that holds every character
of the sheet) the record must be the sample's own, apart from its
``source`` and the warnings about reading it.
"""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chemclust_extract import decode_bytes
from chemclust_extract.cli import main
from chemclust_extract.extract import extract_bytes
from chemclust_extract.model import Failure, Record

from .outcomes import assert_clean_outcome, comparable

SAMPLES = sorted(p for p in (Path(__file__).parent.parent / "samples").iterdir() if p.is_file())
SAMPLE_IDS = [p.name for p in SAMPLES]
ENCODINGS = [
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "windows-1250", "iso-8859-2", "windows-1252",
]  # fmt: skip
SUFFIXES = [".tsv", ".txt", ".html", ".htm", ".csv"]

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLI_PROPERTY = settings(PROPERTY, max_examples=15)

# Labels of the sheets' four languages, so that random text sometimes
# makes a sheet the recogniser knows.
LABELS = [
    "Projekt:", "Název projektu:", "Partner za ČR:", "Trvání:", "Celkový rozpočet:",
    "Project acronym:", "Lead partner:", "Projekttitel:", "Projektbeginn:", "Tytuł projektu:",
    "Wkład UE:", "Beneficjent:", "\t", "\n", "<p>", "<b>", "</td><td>",
]  # fmt: skip
RANDOM_TEXT = st.lists(st.one_of(st.sampled_from(LABELS), st.text(max_size=20)), max_size=30).map(
    "".join
)


# --- the recipes of damage ----------------------------------------------------


def flip_recipes(size: int) -> st.SearchStrategy[list[tuple[int, int]]]:
    """Up to 20 (byte position, bit mask) pairs."""
    return st.lists(
        st.tuples(st.integers(0, size - 1), st.integers(1, 255)), min_size=1, max_size=20
    )


def flip(data: bytes, recipe: list[tuple[int, int]]) -> bytes:
    damaged = bytearray(data)
    for position, mask in recipe:
        damaged[position] ^= mask
    return bytes(damaged)


def nul_positions(size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(0, size), min_size=1, max_size=3)


def insert_nuls(data: bytes, positions: list[int]) -> bytes:
    for position in sorted(positions, reverse=True):
        data = data[:position] + b"\x00" + data[position:]
    return data


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """One sample damaged one of the four ways."""
    kind = draw(st.sampled_from(["flip", "nul", "encoding", "cut"]))
    if kind == "flip":
        return flip(data, draw(flip_recipes(len(data))))
    if kind == "nul":
        return insert_nuls(data, draw(nul_positions(len(data))))
    if kind == "encoding":
        return decode_bytes(data).text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    return data[: draw(st.integers(0, len(data)))]


# --- what every outcome must look like ----------------------------------------


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the files the properties write; each example
    overwrites the last (a function-scoped tmp_path is not reset between
    hypothesis' examples)."""
    return tmp_path_factory.mktemp("mutations")


def outcome(data: bytes, suffix: str, folder: Path) -> Record | Failure:
    return assert_clean_outcome(data, "x" + suffix, folder)


@cache
def original(sample: Path) -> dict[str, Any]:
    return comparable(extract_bytes(sample.read_bytes(), "x" + sample.suffix))


def utf8_boundary(data: bytes, position: int) -> bool:
    """Whether a byte inserted here falls between two characters of UTF-8
    text (not between the bytes of one)."""
    return position == len(data) or not 0x80 <= data[position] <= 0xBF


# --- each sample, damaged -----------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
@PROPERTY
@given(draw=st.data())
def test_bit_flips(sample: Path, draw: st.DataObject, scratch: Path) -> None:
    data = sample.read_bytes()
    recipe = draw.draw(flip_recipes(len(data)), label="(position, mask)")
    outcome(flip(data, recipe), sample.suffix, scratch)


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
@PROPERTY
@given(draw=st.data())
def test_stray_nuls(sample: Path, draw: st.DataObject, scratch: Path) -> None:
    """Stray NULs in a text sheet are dropped with a warning: NULs between
    characters change nothing else.  (A NUL inside a UTF-8 character is
    the strict xfail below.)"""
    data = sample.read_bytes()
    positions = draw.draw(nul_positions(len(data)), label="positions")
    result = outcome(insert_nuls(data, positions), sample.suffix, scratch)
    utf8 = decode_bytes(data).encoding == "utf-8"
    if utf8 and not all(utf8_boundary(data, p) for p in positions):
        return
    assert isinstance(result, Record), result
    assert "nul_bytes" in {w.code for w in result.warnings if w.field == "source"}
    assert comparable(result) == original(sample)


# Found by test_stray_nuls[chemclust-dl.html] with one NUL at byte 100
# (inside the "ú" of "úřad"), then cut down to two lines.
NUL_INSIDE_A_CHARACTER = (
    b"Projekt:\tKrajsk\xc3\xbd \xc3\x00\xba\xc5\x99ad \xc3\x9asteck\xc3\xa9ho kraje\n"
    b"Adresa:\t\xc3\x9ast\xc3\xad nad Labem, Velk\xc3\xa1 Hradebn\xc3\xad 3118/48\n"
)


def test_stray_nul_inside_a_utf8_character(scratch: Path) -> None:
    result = outcome(NUL_INSIDE_A_CHARACTER, ".tsv", scratch)
    assert isinstance(result, Record), result
    assert result.name == "Krajský úřad Ústeckého kraje"
    assert "nul_bytes" in {w.code for w in result.warnings}


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
@PROPERTY
@given(encoding=st.sampled_from(ENCODINGS))
def test_saved_again_in_another_encoding(sample: Path, encoding: str, scratch: Path) -> None:
    text = decode_bytes(sample.read_bytes()).text
    result = outcome(text.encode(encoding, errors="replace"), sample.suffix, scratch)
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return  # characters were lost: any clean outcome will do
    assert isinstance(result, Record), result
    assert comparable(result) == original(sample)


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
@PROPERTY
@given(draw=st.data())
def test_cut_short(sample: Path, draw: st.DataObject, scratch: Path) -> None:
    data = sample.read_bytes()
    cut = draw.draw(st.integers(0, len(data)), label="cut at byte")
    outcome(data[:cut], sample.suffix, scratch)


# --- random input -------------------------------------------------------------


@PROPERTY
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data: bytes, suffix: str, scratch: Path) -> None:
    outcome(data, suffix, scratch)


@PROPERTY
@given(text=RANDOM_TEXT, encoding=st.sampled_from(ENCODINGS), suffix=st.sampled_from(SUFFIXES))
def test_random_text_in_any_encoding(text: str, encoding: str, suffix: str, scratch: Path) -> None:
    outcome(text.encode(encoding, errors="replace"), suffix, scratch)


# --- the command line ---------------------------------------------------------

SAMPLE_BYTES = {p: p.read_bytes() for p in SAMPLES}


@st.composite
def batches(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """A few damaged samples and one file of random bytes, as (name, bytes)."""
    chosen = draw(st.lists(st.sampled_from(SAMPLES), min_size=1, max_size=4))
    files = [
        (f"{n}-{p.name}", draw(mutated(SAMPLE_BYTES[p]), label=p.name))
        for n, p in enumerate(chosen)
    ]
    name = f"random{draw(st.sampled_from(SUFFIXES))}"
    return [*files, (name, draw(st.binary(max_size=4096), label=name))]


@CLI_PROPERTY
@given(batch=batches())
def test_cli_batch_of_damaged_files(batch: list[tuple[str, bytes]]) -> None:
    """Exit 0 or 1, never a usage error or a crash, and every input is
    counted once as a record or a failure."""
    with tempfile.TemporaryDirectory() as work:
        folder, out = Path(work, "in"), Path(work, "out")
        folder.mkdir()
        for name, data in batch:
            (folder / name).write_bytes(data)
        result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-j", "1"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in (0, 1), result.output
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["inputs"] == len(batch)
    assert report["records"] + report["failures"] == len(batch)
    assert result.exit_code == (1 if report["failures"] else 0)
