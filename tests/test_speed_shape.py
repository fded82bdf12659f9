"""The shape of the start-up cost (issue 12): importing the package is
cheap, and the heavy libraries load only when a sheet needs them.

Speed is otherwise measured by ``benchmarks/bench_sheet.py``, never
asserted: the one number checked here is the import budget the issue sets,
150 ms of the package's own import (dependencies it imports included).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

IMPORT_BUDGET_US = 150_000
# Libraries a sheet may need, loaded on first use by the function that needs
# them: none of them may load with the package or with the command's --version.
HEAVY = (
    "dateparser", "phonenumbers", "pycountry", "bs4", "chardet", "ftfy", "price_parser",
    "lxml", "slugify", "pandas",
)  # fmt: skip
# A top-level line of ``python -X importtime``: self and cumulative
# microseconds, the module (nested imports are indented further).
_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+(?P<cumulative>\d+) \| (?P<module>\S+)$")


def _python(code: str, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-c", code], capture_output=True, text=True, check=True
    )


def _loaded(code: str) -> list[str]:
    """The heavy libraries in ``sys.modules`` after running ``code``."""
    probe = f"{code}\nimport sys\nprint('LOADED', *[m for m in {HEAVY!r} if m in sys.modules])"
    line = next(x for x in _python(probe).stdout.splitlines() if x.startswith("LOADED"))
    return line.split()[1:]


def _import_microseconds(module: str) -> int:
    """The cumulative import time ``-X importtime`` reports for ``module``."""
    report = _python(f"import {module}", "-X", "importtime").stderr
    for line in report.splitlines():
        found = _IMPORT_LINE.match(line)
        if found and found["module"] == module:
            return int(found["cumulative"])
    raise AssertionError(f"no import time for {module} in:\n{report}")


def test_importing_the_package_loads_no_heavy_library() -> None:
    assert _loaded("import chemclust_extract") == []


def test_importing_the_extractor_loads_no_heavy_library() -> None:
    assert _loaded("import chemclust_extract.extract") == []


def test_the_version_option_loads_no_heavy_library() -> None:
    run_version = (
        "import sys\n"
        "from chemclust_extract.__main__ import run\n"
        "sys.argv = ['chemclust-extract', '--version']\n"
        "try:\n"
        "    run()\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0, done.code\n"
    )
    assert _loaded(run_version) == []


def test_a_sheet_loads_what_it_needs() -> None:
    """The probe above can see a library load: reading a sheet with a
    phone number and a country loads phonenumbers and pycountry."""
    read = (
        "from chemclust_extract.extract import extract_bytes\n"
        "extract_bytes('Projekt\\tX\\nKontakt\\tTel: +420 475 657 938\\n"
        "Partneři\\n1\\tMěsto Most (CZ)\\n'.encode(), 'x.tsv')\n"
    )
    assert {"phonenumbers", "pycountry"} <= set(_loaded(read))


@pytest.mark.parametrize("module", ["chemclust_extract.extract"])
def test_the_import_stays_within_its_budget(module: str) -> None:
    """Best of three, so that a busy machine does not fail it."""
    best = min(_import_microseconds(module) for _ in range(3))
    assert best < IMPORT_BUDGET_US, f"importing {module} took {best / 1000:.0f} ms"


# --- the fast paths give the answers of the slower ways they stand in for ---------

AMOUNTS = [
    "1762400", "1.762.400", "1 762 400", "1,762,400", "1.762.400,00", "1,762,400.00",
    "1 762 400,5", "2,60", "12,34", "1,234", "1.234.56", "1,234,56", "1234.5678", "0,5",
    "100.000", "007", "1.7624", "1 762,400", "٣٤٥",
]  # fmt: skip


@pytest.mark.parametrize("number", AMOUNTS)
def test_amounts_read_as_price_parser_reads_them(number: str) -> None:
    from price_parser.parser import parse_number

    from chemclust_extract.normalise.money import parse_amount

    expected = parse_number(number)
    assert str(parse_amount(number)) == str(expected)


def test_code_pages_are_scored_on_their_words_beyond_ascii() -> None:
    """Scoring only the words with bytes beyond ASCII gives the whole
    text's scores, in each candidate code page."""
    from pathlib import Path

    from chemclust_extract.decode import _words_beyond_ascii
    from chemclust_extract.plausibility import own_letters, plausibility

    texts = Path(__file__).parent.parent / "benchmarks" / "encoding_texts"
    checked = 0
    for path in sorted(texts.glob("*.txt")):
        for saved_as in ("utf-8", "windows-1250", "iso-8859-2"):
            data = path.read_text("utf-8").encode(saved_as, "replace")
            own = set()
            for name in ("windows-1250", "iso-8859-2", "windows-1252"):
                whole = data.decode(name, "replace")
                words = _words_beyond_ascii(data).decode(name, "replace")
                assert plausibility(words) == plausibility(whole), (path.name, name)
                assert plausibility(words, pairs=True) == plausibility(whole, pairs=True)
                own.add(own_letters(whole) - own_letters(words))  # the same for every page
                checked += 1
            assert len(own) == 1
    assert checked > 500


@pytest.mark.parametrize(
    "data",
    [b"", b"abc", "Ústí".encode(), "Ústí".encode("windows-1250"), b"\xe2\x82", b"\xed\xa0\x80",
     b"\xf0\x9f\x98\x80\xff", b"\xc3\xba\xc3", b"\xf4\x90\x80\x80\xc0\x80"],
)  # fmt: skip
def test_utf8_characters_are_counted_as_the_pattern_finds_them(data: bytes) -> None:
    from chemclust_extract.decode import _UTF8_MULTIBYTE, _high_bytes, _utf8_share

    characters = _UTF8_MULTIBYTE.findall(data)
    assert _utf8_share(data) == (len(characters), _high_bytes(data) - sum(map(len, characters)))


@given(st.binary(max_size=64))
def test_utf8_characters_are_counted_as_the_pattern_finds_them_in_any_bytes(data: bytes) -> None:
    from chemclust_extract.decode import _UTF8_MULTIBYTE, _high_bytes, _utf8_share

    characters = _UTF8_MULTIBYTE.findall(data)
    assert _utf8_share(data) == (len(characters), _high_bytes(data) - sum(map(len, characters)))


_LABEL_WORDS = ["Celkový", "rozpočet", "Total", "budget", "(EUR)", "3.", "3", ".", "in", "EUR",
                "Partneři", "projektu", ":", "Program", "Budżet", "w", "PLN", "ČR:"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_LABEL_WORDS), max_size=30),
    st.sampled_from([" ", "  ", "\t", " \u00a0", "\n"]),
    st.integers(0, 200),
)
def test_a_long_text_is_looked_up_as_lookup_reads_it(
    words: list[str], space: str, padding: int
) -> None:
    """The recogniser's look-up passes over a text with more words than a
    label can have unread: whatever it answers, lookup answers too."""
    from chemclust_extract.languages import labels
    from chemclust_extract.recognise import _lookup, lookup

    text = space.join(words) + " " * padding
    assert _lookup(text, ()) == lookup(text, labels())


def test_a_row_is_made_as_its_dataclass_would_make_it() -> None:
    """Row writes its own __init__ (for speed): it takes the fields in
    their order, with their defaults, and sets each."""
    import dataclasses
    import inspect

    from chemclust_extract.rows import Row

    fields = [f for f in dataclasses.fields(Row) if f.init]
    parameters = list(inspect.signature(Row.__init__).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]
    row = Row(3, ("a", "b"), ("http://x.eu/",), True, 2, True)
    assert [getattr(row, f.name) for f in fields] == [3, ("a", "b"), ("http://x.eu/",), True, 2, True]
    assert row == Row(3, ("a", "b"), ("http://x.eu/",), True, 2, True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.line = 4  # type: ignore[misc]


@given(st.text(alphabet="AbZz09 .()/:;_+-'&,é", max_size=40))
def test_a_plain_name_gives_the_slug_slugify_gives(name: str) -> None:
    """The id of a plain ASCII name is made without python-slugify, and is
    the one it makes (a name it cannot make one of goes to slugify)."""
    from chemclust_extract.assemble import _plain_slug, _slug

    plain = _plain_slug(name)
    if plain:
        assert plain == _slug(name)


_URL_PIECES = st.sampled_from(
    ["http://x.eu/a", "www.x.cz", "WwW.X.eu", "WWW.X.EU", "HTTP://Y", "ftp://y.eu/f", "https://", "www2.", "w",
     "(", ")", " ", "\n", "a", "<", "é"]
)


@given(st.lists(st.lists(_URL_PIECES, max_size=8).map("".join), max_size=5))
def test_addresses_in_texts_are_found_text_by_text(texts: list[str]) -> None:
    """urls_in searches the texts joined by line breaks: it finds what a
    search of each text finds."""
    from chemclust_extract.normalise.urls import URL, urls_in

    assert urls_in(texts) == [m.group(0) for text in texts for m in URL.finditer(text)]


def _paragraphs_cleaned_twice(text: str) -> str | None:
    """paragraphs() as it was first written: each paragraph cleaned by
    clean_text, control characters and all."""
    import html as html_
    import re as re_

    from chemclust_extract.normalise.text import _TAG, _html_paragraphs, clean_text, drop_controls

    text = drop_controls(text)
    if "<" in text and _TAG.search(text):
        chunks = _html_paragraphs(text)
    else:
        chunks = re_.split(r"\n\s*\n", html_.unescape(text) if "&" in text else text)
    cleaned = [c for c in (clean_text(chunk) for chunk in chunks) if c]
    return "\n\n".join(cleaned) or None


_TEXT_PIECES = st.sampled_from(
    ["<p>", "</p>", "<br>", "&amp;", "&#1;", "&#x85;", "\x01", "\ufffd", "\n", "\n\n", " ", "\u00a0",
     "e\u0301", "Ústí", "a < b", "x", "\x85", "\u2000", "<b>", "&nbsp;"]
)  # fmt: skip


@given(st.lists(_TEXT_PIECES, max_size=20).map("".join))
def test_paragraphs_are_cleaned_as_clean_text_cleans_them(text: str) -> None:
    """A paragraph's control characters are dropped once, and it reads as
    if clean_text had cleaned it."""
    from chemclust_extract.normalise.text import paragraphs

    assert paragraphs(text) == _paragraphs_cleaned_twice(text)


@given(st.lists(_TEXT_PIECES, max_size=12).map("".join))
def test_a_cell_is_cleaned_as_its_controls_dropped_then_composed(text: str) -> None:
    """clean_text's quick way with a cell of no control character gives
    what dropping them, composing and joining the words gives."""
    import unicodedata

    from chemclust_extract.normalise.text import _TAG, _unescape, clean_text, drop_controls

    if "<" in text and _TAG.search(text):
        return  # markup: read by the paragraph reader first
    expected = " ".join(unicodedata.normalize("NFC", drop_controls(_unescape(text))).split())
    assert clean_text(text) == (expected or None)


def _rows_as_first_read(text: str) -> list[tuple[int, tuple[str, ...], bool]]:
    """The plain TSV reader as first written: each line's cells stripped,
    a whole-cell quote undone, empty cells at the end dropped."""
    from chemclust_extract.readers.tsv import _trimmed, _unquote

    rows: list[tuple[int, tuple[str, ...], bool]] = []
    gap = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.isspace():
            gap = True
            continue
        cells = [c.strip() for c in line.rstrip().split("\t")]
        if '"' in line:
            cells = [_unquote(c) for c in cells]
        cells = _trimmed(cells)
        if cells:
            rows.append((number, tuple(cells), gap and bool(rows)))
        gap = not cells
    return rows


@given(
    st.lists(
        st.sampled_from(["\t", "\n", " ", '"', '""', "a", "Ústí", "\ufffd", "\x01", "\r\n", "\x0b"]),
        max_size=30,
    ).map("".join)
)
def test_plain_tsv_rows_are_read_as_first_written(text: str) -> None:
    from chemclust_extract.readers.tsv import _plain_rows

    assert [(r.line, r.cells, r.after_gap) for r in _plain_rows(text)] == _rows_as_first_read(text)


@given(st.lists(_TEXT_PIECES, max_size=12).map("".join))
def test_control_characters_are_dropped_as_the_pattern_finds_them(text: str) -> None:
    from chemclust_extract.normalise.text import _NOT_TEXT, drop_controls

    assert drop_controls(text) == _NOT_TEXT.sub("", text)


@given(st.text(alphabet=" ab\u00a0\t\né", max_size=12).filter(str.isprintable))
def test_a_printable_text_is_single_spaced_as_split_and_joined(text: str) -> None:
    from chemclust_extract.normalise.text import _single_spaced

    assert _single_spaced(text) == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Ústí", "Děčín", "kraj", "€", "¤", "\x9a", "wiod±cy", "ĂšsteckĂ˝",
                              "Łódź", " ", "\n", "ÿþ", "\x80\x81", "Größe", "Ñandú"]), max_size=40)
    .map("".join),
    st.sampled_from(["windows-1250", "iso-8859-2", "windows-1252"]),
)  # fmt: skip
def test_a_code_page_reading_reads_as_text_as_its_confidence_says(text: str, page: str) -> None:
    """Whether a code page's reading is text is told without its
    confidence when its plain score allows: the answer is the confidence's."""
    from chemclust_extract.decode import decode_bytes

    data = text.encode(page, errors="replace")
    decoded = decode_bytes(data)
    assert decoded.reads_as_text() == (decoded.confidence != 0.0)


@given(
    st.lists(
        st.tuples(
            st.text(alphabet="aÚstíĚčřŁódźÿ€±¤,.\x9a", min_size=1, max_size=8),
            st.integers(1, 4),
        ),
        max_size=12,
        unique_by=lambda pair: pair[0],
    ),
    st.booleans(),
)
def test_tokens_score_as_the_text_they_make(counted: list[tuple[str, int]], pairs: bool) -> None:
    """Distinct tokens, each scored once and counted, score as the text of
    each written as often, joined by spaces."""
    from chemclust_extract.plausibility import plausibility, tokens_plausibility

    tokens, times = [t for t, _ in counted], [n for _, n in counted]
    text = " ".join(t for t, n in counted for _ in range(n))
    assert tokens_plausibility(tokens, times, pairs) == plausibility(text, pairs)


_WORD_BYTES = st.binary(min_size=1, max_size=6).map(lambda b: b.replace(b" ", b"x")).filter(
    lambda b: not b.isascii() and not any(c in b for c in b"\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
)


@given(
    st.lists(st.tuples(_WORD_BYTES, st.integers(1, 3)), min_size=1, max_size=10),
    st.permutations(["windows-1250", "iso-8859-2", "windows-1252", "cp852"]),
    st.booleans(),
)
def test_code_pages_score_words_as_their_reading_scores(
    counted: list[tuple[bytes, int]], names: list[str], once: bool
) -> None:
    """Each code page's score of the words, from parts kept per word for
    all code pages at once, is the score of the words as it reads them
    (None where one of them reads as nothing in it)."""
    from chemclust_extract.decode import _Sample, _scores_by_words

    words = tuple(dict.fromkeys(w for w, _ in counted))
    times = (1,) * len(words) if once else tuple(dict(counted)[w] for w in words)
    scores = _scores_by_words(words, times, tuple(names))
    for name, score in zip(names, scores, strict=True):
        try:
            text = b" ".join(words).decode(name)
        except UnicodeDecodeError:
            assert score is None
            continue
        assert score == _Sample(tuple(text.split(" ")), times).plausibility()


def _fund_names() -> list[str]:
    from chemclust_extract.languages import table

    return sorted({n for names in table("funds").values() for n in names if " " in n})


@settings(max_examples=200)
@given(st.lists(st.sampled_from([*_fund_names(), "a", "z", "Podíl", "(EUR)", "2020"]), max_size=70))
def test_a_text_of_many_words_is_no_label_as_the_full_reading_says(pieces: list[str]) -> None:
    """A text with more words than a label can have, each fund's name in it
    taken as one word, is told to be no label without the names replaced."""
    from chemclust_extract.meaning import MAX_LABEL_WORDS, without_fund_names
    from chemclust_extract.recognise import _longest_label, _reads_as_label

    text = " ".join(pieces)
    shortened = without_fund_names(text)
    words = shortened.split()
    expected = (
        len(text) <= _longest_label()
        and 0 < len(words) <= MAX_LABEL_WORDS
        and len(shortened) <= 80
        and not re.fullmatch(r"[\d\s.,)(/-]+", shortened)
    )
    assert _reads_as_label(text) == expected


def test_the_word_cache_past_its_limit_still_scores_every_word() -> None:
    """Once the kept parts pass their limit they are dropped, before the
    words of the sheet at hand are looked for (a word kept before and a new
    one, in the sheet that passes the limit, gave a KeyError)."""
    from chemclust_extract import decode

    names = ("windows-1250", "iso-8859-2", "windows-1252")
    kept = decode._WORD_PARTS.setdefault(names, {})
    old_word = "Název".encode("windows-1250")
    decode._scores_by_words((old_word,), (1,), names)
    for n in range(decode._KEPT_WORDS + 1):
        kept[b"\xe9" + str(n).encode()] = (0j, 0j, 0j)
    words = (old_word, "Žďár".encode("windows-1250"))
    scores = decode._scores_by_words(words, (1, 1), names)
    expected = decode._Sample(tuple(b" ".join(words).decode(names[0]).split(" ")), (1, 1))
    assert scores[0] == expected.plausibility()
    assert len(kept) <= decode._KEPT_WORDS


@pytest.mark.parametrize(
    "label", ["Total budget" + " :" * 80, "Total budget" + " :" * 80 + " (EUR)", "Budget:" * 40]
)
def test_a_long_label_with_colons_is_looked_up_as_lookup_reads_it(label: str) -> None:
    from chemclust_extract.languages import labels
    from chemclust_extract.recognise import _lookup, lookup

    assert _lookup(label, ()) == lookup(label, labels())


def test_a_decoding_pickles_and_copies_with_its_confidence() -> None:
    import copy
    import pickle

    from chemclust_extract.decode import decode_bytes

    decoded = decode_bytes("Ústecký kraj, Děčín".encode("windows-1250"))
    for again in (pickle.loads(pickle.dumps(decoded)), copy.copy(decoded), copy.deepcopy(decoded)):
        assert again == decoded and again.confidence == decoded.confidence
        assert again.reads_as_text() == decoded.reads_as_text()
