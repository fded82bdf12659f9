"""``report.html``: written in every run, one self-contained page (nothing
fetched, no script) that holds the counts, the failures with their codes
and messages, field coverage, warnings by code, the labels most often left
to ``extra`` and coverage per source folder; and it renders in headless
Chromium (Debian's ``chromium``, which ``make test`` installs when it can)
to a page that is not blank."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from html import unescape
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from chemclust_extract import run_batch
from chemclust_extract.writers import report_html

from .conftest import ROOT, SAMPLES

BAD = ROOT / "tests" / "bad"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report") / "out"
    result = run_batch([SAMPLES, BAD], folder)
    assert result.report["failures"] > 5 and result.report["records"] > 10
    return folder


def page(out: Path) -> str:
    return (out / "report.html").read_text("utf-8")


def report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text("utf-8"))
    return data


def text_of(html: str) -> str:
    """The page's text, as a reader sees it."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def table_rows(html: str, table_id: str) -> list[list[str]]:
    table = re.search(rf'<table id="{table_id}">(.*?)</table>', html, re.S)
    assert table, table_id
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    return [
        [text_of(c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S)]
        for r in rows
    ]


# --- what the page holds --------------------------------------------------------------


def test_every_run_writes_the_page_and_the_report_vouches_for_it(out: Path) -> None:
    assert (out / "report.html").is_file()
    assert "report.html" in report(out)["outputs"]


def test_the_page_is_self_contained(out: Path) -> None:
    html = page(out)
    assert html.startswith("<!DOCTYPE html>")
    for fetching in (
        "<script",
        "<link",
        "<img",
        "<iframe",
        "src=",
        "url(",
        "@import",
        "@font-face",
    ):
        assert fetching not in html.lower(), fetching
    assert "default-src 'none'" in html  # and the browser is told to fetch nothing


def test_the_page_holds_the_counts(out: Path) -> None:
    html, data = page(out), report(out)
    for key in ("inputs", "records", "failures", "warnings"):
        assert f'<dd id="count-{key}">{data[key]}</dd>' in html, key
    assert f'<dd id="count-skipped">{len(data["skipped"])}</dd>' in html


def test_the_page_lists_every_failure_with_its_code_and_message(out: Path) -> None:
    rows = table_rows(page(out), "failures")
    failed = report(out)["failed"]
    assert rows[1:] == [[f["path"], f["code"], f["message"]] for f in failed]
    codes = {row[0]: row[1] for row in table_rows(page(out), "failure-codes")[1:]}
    assert codes == {code: str(n) for code, n in report(out)["failure_codes"].items()}


def test_the_page_shows_field_coverage_as_bars(out: Path) -> None:
    html, data = page(out), report(out)
    rows = table_rows(html, "coverage")[1:]
    assert [row[0] for row in rows] == list(data["coverage"])
    for row, cover in zip(rows, data["coverage"].values(), strict=True):
        assert row[2] == f"{cover['records']} / {data['records']}"
        assert row[3] == f"{round(cover['share'] * 100)}%"
    table = re.search(r'<table id="coverage">(.*?)</table>', html, re.S)
    assert table
    widths = [float(w) for w in re.findall(r'<span style="width:([0-9.]+)%">', table.group(1))]
    assert widths == [round(c["share"] * 100, 1) for c in data["coverage"].values()]
    assert 0 < min(widths) < max(widths) == 100


def test_the_page_shows_warnings_by_code_and_unknown_labels(out: Path) -> None:
    html, data = page(out), report(out)
    warnings = {row[0]: row[2] for row in table_rows(html, "warnings")[1:]}
    assert warnings == {code: str(n) for code, n in data["warning_codes"].items()}
    labels = [(row[0], row[2]) for row in table_rows(html, "unknown-labels")[1:]]
    assert labels == [(u["label"], str(u["sheets"])) for u in data["unknown_labels"]][:20]
    assert labels


def test_the_page_counts_records_per_source_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for path in ("a/x.tsv", "a/y.tsv", "a/b/z.tsv", "c/w.tsv"):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / "chemclust.tsv", folder / path)
    (folder / "c" / "empty.tsv").write_bytes(b"")
    run_batch([folder], tmp_path / "out")
    rows = table_rows(page(tmp_path / "out"), "folders")[1:]
    shown = {row[0].removeprefix(f"{folder}/"): (row[1], row[2]) for row in rows}
    assert shown == {"a": ("2", "0"), "a/b": ("1", "0"), "c": ("1", "1")}


def test_the_page_escapes_what_the_inputs_say(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "<img src=x onerror=alert(1)>.tsv").write_bytes(b"")
    (folder / "sheet.tsv").write_text("Projekt\tA & <b>B</b>\n<i>Štítek</i>:\tx\n", "utf-8")
    run_batch([folder], tmp_path / "out")
    html = page(tmp_path / "out")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;.tsv" in html
    assert "<b>B" not in html


def test_long_lists_are_cut_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_html, "SHOWN_FAILURES", 2)
    monkeypatch.setattr(report_html, "SHOWN_FOLDERS", 1)
    monkeypatch.setattr(report_html, "SHOWN_LABELS", 1)
    result = run_batch([SAMPLES, BAD], tmp_path / "out")
    text = text_of(page(tmp_path / "out"))
    assert f"and {result.report['failures'] - 2} more: see errors.csv" in text
    assert "and 1 more folders" in text
    assert f"The 1 most frequent of {len(result.report['unknown_labels'])}." in text


def test_a_run_without_failures_or_warnings_says_so(tmp_path: Path) -> None:
    run_batch([SAMPLES / "chemclust.tsv"], tmp_path / "out")
    text = text_of(page(tmp_path / "out"))
    assert "None: every input gave a record." in text
    assert "Warnings None." in text


# --- rendered in Chromium -------------------------------------------------------------------


def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        pytest.skip(
            "headless Chromium is not installed (Debian's 'chromium' package; `make test` "
            "installs it with apt-get when it can), so report.html is not rendered"
        )
    return found


def run_chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_page_renders_in_headless_chromium(out: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    url = (out / "report.html").resolve().as_uri()
    done = run_chromium(
        f"--screenshot={shot}", "--window-size=1200,2000", url, profile=tmp_path / "p1"
    )
    assert shot.exists(), done.stderr
    pixels = png_pixels(shot.read_bytes())
    assert pixels.shape[:2] == (2000, 1200)
    colours, counts = np.unique(pixels.reshape(-1, pixels.shape[2]), axis=0, return_counts=True)
    assert len(colours) > 20  # text, bars and cards, not one flat colour
    assert counts.max() < 0.97 * counts.sum()
    # the top of the page, where the counts are, is not blank either
    assert len(np.unique(pixels[:400].reshape(-1, pixels.shape[2]), axis=0)) > 10


def test_chromium_sees_the_counts(out: Path, tmp_path: Path) -> None:
    url = (out / "report.html").resolve().as_uri()
    done = run_chromium("--dump-dom", url, profile=tmp_path / "p2")
    assert done.returncode == 0, done.stderr
    data = report(out)
    for key in ("inputs", "records", "failures", "warnings"):
        assert re.search(rf'<dd id="count-{key}">{data[key]}</dd>', done.stdout), key
    assert "Extraction report" in done.stdout


def png_pixels(data: bytes) -> np.ndarray:
    """The pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium
    writes), decoded with zlib and numpy: (height, width, channels)."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    position, chunks = 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0
        elif kind == b"IDAT":
            chunks += body
        position += 12 + length
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = np.frombuffer(zlib.decompress(chunks), dtype=np.uint8).reshape(height, stride + 1)
    image = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        image[y] = unfilter(int(raw[y, 0]), raw[y, 1:], previous, channels)
        previous = image[y]
    return image.reshape(height, width, channels)


def unfilter(kind: int, line: np.ndarray, above: np.ndarray, bpp: int) -> np.ndarray:
    """One scanline with its PNG filter undone (RFC 2083, 6.2-6.6)."""
    if kind == 0:
        return line
    if kind == 1:  # Sub: a running sum per channel
        return np.cumsum(line.reshape(-1, bpp), axis=0, dtype=np.uint8).reshape(-1)
    if kind == 2:  # Up
        return line + above
    out = bytearray(len(line))
    filtered, prior = line.tobytes(), above.tobytes()
    for i in range(len(out)):
        left = out[i - bpp] if i >= bpp else 0
        up = prior[i]
        if kind == 3:  # Average
            out[i] = (filtered[i] + (left + up) // 2) & 0xFF
            continue
        corner = prior[i - bpp] if i >= bpp else 0  # Paeth
        guess = left + up - corner
        pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
        predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
        out[i] = (filtered[i] + predictor) & 0xFF
    return np.frombuffer(bytes(out), dtype=np.uint8)
