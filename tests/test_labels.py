"""Labels: the exact table, labels by meaning, label profiles (``--labels``),
the ``labels`` command, ``unknown_labels`` in the report, and the rule that
every word of a language lives in ``languages/*.toml``."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

import chemclust_extract
from chemclust_extract import Options, Record, extract_bytes, run_batch
from chemclust_extract.cli import main
from chemclust_extract.languages import COMMON, LANGUAGES, bare, language, words
from chemclust_extract.meaning import read_label

PACKAGE = Path(chemclust_extract.__file__).parent
ZORGLUB = "Projekt:\tZORG\nZorglub-Summe:\t5.000 €\nRegistrační číslo:\tCZ.11.4.120/0.0\n"


def run_cli(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], prog_name="chemclust-extract")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def sheet(text: str, name: str = "x.tsv") -> Record:
    return extract_bytes(text.encode("utf-8"), name)


# --- labels by meaning --------------------------------------------------------------

# (label as real sheets write it, the field it names); from the corpus pages
# and the contract's v1.1 examples.
MEANING = [
    ("cs-dotaceeu-celkove-vydaje", "Celkové výdaje projektu", "total_budget"),
    ("cs-interreg-podpora-efrr", "Podpora z EFRR", "eu_contribution"),
    ("cs-alokovane-prostredky", "Alokované prostředky z EFRR", "eu_contribution"),
    ("cs-realizace-note", "Realizace (24 měsíců)", "duration"),
    ("cs-numbered", "3. Rozpočet", "total_budget"),
    ("cs-partnerska-organizace", "Partnerská organizace", "partners"),
    ("cs-kontaktni-osoba-projektu", "Kontaktní osoba projektu", "contacts"),
    ("cs-zahajeni-realizace", "Zahájení realizace projektu", "start_date"),
    ("cs-harmonogram", "Harmonogram projektu", "duration"),
    ("de-zuschuss-efre", "Zuschuss (EFRE)", "eu_contribution"),
    ("de-gesamtprojektkosten", "Gesamtprojektkosten", "total_budget"),
    ("de-kooperationspartner", "Kooperationspartner", "partners"),
    ("de-projektlaufzeit-note", "Projektlaufzeit (36 Monate)", "duration"),
    ("de-foerderfaehige-kosten", "Förderfähige Kosten", "total_budget"),
    ("en-erdf-grant", "ERDF grant", "eu_contribution"),
    ("en-total-project-cost", "Total project cost", "total_budget"),
    ("en-cooperation-partner", "Cooperation partner", "partners"),
    ("en-eligible-expenditure", "Total eligible expenditure", "total_budget"),
    ("en-lead-partner-organisation", "Lead partner organisation", "lead_partner"),
    # "of which" and a fund: the fund's share of the total above it
    ("en-of-which-erdf", "Of which ERDF", "eu_contribution"),
    ("en-thereof-erdf", "thereof ERDF", "eu_contribution"),
    ("de-davon-efre", "davon EFRE", "eu_contribution"),
    ("cs-z-toho-erdf", "z toho ERDF", "eu_contribution"),
    ("pl-w-tym-efrr", "w tym EFRR", "eu_contribution"),
    ("de-zuwendungsempfaenger", "Zuwendungsempfänger", "lead_partner"),
    ("pl-udzial-efrr", "Udział EFRR (76,13%)", "eu_contribution"),
    ("de-anteil-efre", "Anteil EFRE", "eu_contribution"),
    ("en-project-associates", "Project associates", "partners"),
    ("pl-wspolfinansowanie", "Współfinansowanie", "eu_fund"),
    ("pl-dofinansowanie-efrr", "Dofinansowanie (EFRR)", "eu_contribution"),
    ("pl-laczna-wartosc", "Łączna wartość projektu", "total_budget"),
    ("pl-partnerzy-wspolpracujacy", "Partnerzy współpracujący", "partners"),
    ("pl-okres-realizacji-note", "Okres realizacji (30 miesięcy)", "duration"),
    ("pl-data-rozpoczecia-realizacji", "Data rozpoczęcia realizacji projektu", "start_date"),
]  # fmt: skip

# Labels that name something else: they go to extra, never to a field.
NEGATIVE = [
    ("cs-programove-obdobi", "Programové období", "period"),
    ("de-programmperiode", "Programmperiode", "period"),
    ("pl-okres-programowania", "Okres programowania", "period"),
    ("en-programming-period", "Programming period", "period"),
    ("pl-udzial-wlasny", "Udział własny", "national"),
    ("cs-prispevek-prijemce", "Příspěvek příjemce podpory", "national"),
    ("en-co-financing-rate", "ERDF co-financing rate", "rate"),
    ("de-foerderquote", "Förderquote", "rate"),
    ("cs-mira-spolufinancovani", "Míra spolufinancování z ERDF", "rate"),
    ("pl-poziom-dofinansowania", "Poziom dofinansowania z EFRR", "rate"),
    ("de-zielgruppe", "Zielgruppe", "target"),
    ("cs-cilova-skupina", "Cílová skupina", "target"),
    ("pl-fundusz-malych-projektow", "Fundusz Małych Projektów", "small_projects"),
    ("cs-fond-mikroprojektu", "Fond mikroprojektů", "small_projects"),
    ("de-cap-je-projekt", "max. Zuschuss je Projekt", "cap"),
    ("en-cap-per-project", "maximum grant per project", "cap"),
    ("cs-registracni-cislo", "Registrační číslo projektu", "registration"),
    ("pl-numer-umowy", "Numer umowy o dofinansowanie", "registration"),
    ("cs-prioritni-osa", "Prioritní osa", "priority"),
    ("pl-os-priorytetowa", "Oś priorytetowa", "priority"),
    ("cs-statni-rozpocet", "Spolufinancování ze státního rozpočtu", "national"),
    ("de-eigenmittel", "Eigenmittel", "national"),
    ("pl-budzet-panstwa", "Budżet państwa", "national"),
    ("cs-datum-schvaleni", "Datum schválení projektu", "signed"),
    ("cs-partnerska-smlouva", "Partnerská smlouva", "agreement"),
    ("en-last-update", "Date of latest update", "signed"),
    ("pl-budzet-partnera", "Budżet partnera wiodącego", "partner_money"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "field"), [c[1:] for c in MEANING], ids=[c[0] for c in MEANING])
def test_a_label_is_read_by_its_words(label: str, field: str) -> None:
    assert read_label(label).field == field


@pytest.mark.parametrize(("label", "kind"), [c[1:] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_a_label_that_names_something_else_is_no_field(label: str, kind: str) -> None:
    assert (read_label(label).field, read_label(label).candidates) == (None, (kind,))


@pytest.mark.parametrize(
    "label", ["Weather", "Cílem projektu je zlepšit spolupráci regionů v oblasti chemie", "12. 5. 2011"]
)
def test_a_sentence_or_an_unknown_word_is_no_label(label: str) -> None:
    assert read_label(label).field is None


def test_a_period_label_gives_no_programme_and_goes_to_extra() -> None:
    record = sheet("Projekt:\tX\nProgramové období:\t2014-2020\nProgram:\tInterreg V-A ČR-PL\n")
    assert record.programme == "Interreg V-A ČR-PL"
    assert record.extra == {"Programové období": "2014-2020"}


def test_a_label_two_fields_fit_alike_is_ambiguous_and_kept_in_extra() -> None:
    record = sheet("Projekt:\tX\nStart / End:\t2010 / 2012\n")
    assert (record.start_date, record.end_date) == (None, None)
    assert record.extra == {"Start / End": "2010 / 2012"}
    assert [(w.field, w.code) for w in record.warnings] == [("sheet", "ambiguous_label")]
    assert "could name end_date or start_date" in record.warnings[0].message


def test_an_item_of_a_list_is_not_read_as_a_label() -> None:
    record = sheet(
        "Projekt\tX\nPartneři projektu\n1\tPartner organisation Ústí (CZ)\n"
        "Budget report\thttp://x.eu/b.pdf\n"
    )
    assert [p.name for p in record.partners] == ["Partner organisation Ústí", "Budget report"]
    assert record.total_budget is None


@pytest.mark.parametrize(
    ("field_label", "value"),
    [("Program", "2014-2020"), ("Projekt", "12345"), ("Název projektu", "www.x.eu")],
    ids=["programme-is-a-period", "name-is-a-number", "title-is-an-address"],
)
def test_a_value_that_does_not_fit_its_field_stays_raw(field_label: str, value: str) -> None:
    record = sheet(f"Akronym:\tOK\n{field_label}:\t{value}\n" if field_label != "Projekt" else
                   f"Projekt:\t{value}\nNázev projektu:\tReal title\n")  # fmt: skip
    assert value in record.extra.values()
    assert "unparsed" in [w.code for w in record.warnings]
    assert value not in (record.programme, record.title, record.name)


# --- label profiles -----------------------------------------------------------------


@pytest.fixture
def zorglub(tmp_path: Path) -> tuple[Path, Path]:
    sheet_ = tmp_path / "zorglub.tsv"
    sheet_.write_text(ZORGLUB, encoding="utf-8")
    profile = tmp_path / "labels.toml"
    profile.write_text(
        '[total_budget]\nde = ["Zorglub-Summe"]\n\n[ignore]\ncs = ["Registrační číslo"]\n',
        encoding="utf-8",
    )
    return sheet_, profile


def test_a_profile_maps_a_label_the_tool_has_never_seen(zorglub: tuple[Path, Path]) -> None:
    sheet_, profile = zorglub
    plain = chemclust_extract.extract_file(sheet_)
    assert isinstance(plain, Record)
    assert (plain.total_budget, plain.extra["Zorglub-Summe"]) == (None, "5.000 €")
    taught = chemclust_extract.extract_file(sheet_, Options(labels=(str(profile),)))
    assert isinstance(taught, Record)
    assert (taught.total_budget, taught.total_budget_currency) == (5000, "EUR")
    assert taught.extra == {}  # the ignored label is furniture: read nowhere


def test_extract_labels_option_and_unknown_labels_in_the_report(
    zorglub: tuple[Path, Path], tmp_path: Path
) -> None:
    sheet_, profile = zorglub
    result = run_cli("extract", sheet_, "-o", tmp_path / "plain")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "plain" / "report.json").read_text("utf-8"))
    assert report["unknown_labels"] == [
        {"label": "Registrační číslo", "sheets": 1},
        {"label": "Zorglub-Summe", "sheets": 1},
    ]
    assert "'Zorglub-Summe' (1)" in result.stderr and "--labels FILE" in result.stderr
    taught = run_cli("extract", sheet_, "-o", tmp_path / "taught", "--labels", profile)
    assert taught.exit_code == 0, taught.output
    record = json.loads((tmp_path / "taught" / "projects.json").read_text("utf-8"))[0]
    assert record["total_budget"] == 5000
    assert json.loads((tmp_path / "taught" / "report.json").read_text("utf-8"))[
        "unknown_labels"
    ] == []


def test_unknown_labels_count_sheets_most_frequent_first(tmp_path: Path) -> None:
    for n, extra in enumerate(["Kód", "Kód\nPoznámka", "Kód\nPoznámka\nAlfa"]):
        rows = "".join(f"{label}:\tx\n" for label in extra.split("\n"))
        (tmp_path / f"s{n}.tsv").write_text(f"Projekt:\tP{n}\n{rows}", encoding="utf-8")
    result = run_batch([tmp_path], tmp_path / "out")
    assert result.report["unknown_labels"] == [
        {"label": "Kód", "sheets": 3}, {"label": "Poznámka", "sheets": 2},
        {"label": "Alfa", "sheets": 1},
    ]  # fmt: skip


def test_a_profile_with_an_unknown_field_is_a_usage_error(tmp_path: Path) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text('[zorglub_total]\ncs = ["x"]\n', encoding="utf-8")
    result = run_cli("extract", "samples/chemclust.tsv", "-o", tmp_path / "out", "--labels", profile)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert "unknown field 'zorglub_total'" in result.stderr
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match="unknown field 'zorglub_total'"):
        Options(labels=(str(profile),))


@pytest.mark.parametrize(
    ("content", "message"),
    [("[total_budget\n", "is not valid TOML"), ('[title]\ncs = "x"\n', "must be a list")],
    ids=["broken-toml", "not-a-list"],
)
def test_a_profile_that_cannot_be_read_is_a_usage_error(
    tmp_path: Path, content: str, message: str
) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text(content, encoding="utf-8")
    result = run_cli("labels", "--labels", profile)
    assert result.exit_code == 2
    assert message in result.stderr


def test_labels_command_prints_fields_and_their_labels(zorglub: tuple[Path, Path]) -> None:
    result = run_cli("labels", "--field", "total_budget", "--lang", "de")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "total_budget"
    assert result.output.splitlines()[1].startswith("  de: Gesamtbudget, Budget")
    with_profile = run_cli("labels", "--field", "total_budget", "--labels", zorglub[1])
    assert "Zorglub-Summe" in with_profile.output
    every = run_cli("labels").output
    assert all(f"\n{name}\n" in f"\n{every}" for name in ("name", "partners", "documents"))
    assert run_cli("labels", "--field", "nonsense").exit_code == 2


# --- no word of a language in Python -----------------------------------------------


def _language_words() -> set[str]:
    """Every word of three letters or more in the language files."""
    found: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, str):
            found.update(w for w in re.findall(r"[^\W\d_]{3,}", bare(value)))
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)

    for code in (*LANGUAGES, COMMON):
        collect(dict(language(code)))
    return found


def _regex_literals() -> list[tuple[str, str]]:
    """(module, pattern) for every string literal given to ``re.compile``
    or another ``re`` function in the package."""
    found = []
    for module in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
            ):
                found += [(module.name, text) for text in _literal_parts(node.args[0])]
    return found


def _literal_parts(node: ast.AST) -> list[str]:
    """The string constants a pattern is written with; not those inside a
    call that builds part of it from the data (``words("dates.to")``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Call):
        return []
    return [text for child in ast.iter_child_nodes(node) for text in _literal_parts(child)]


# Words of markup and of web addresses, which no language owns.
NOT_LANGUAGE = frozenset({"www", "http", "https", "ftp", "mailto", "title", "script", "style",
                          "textarea"})  # fmt: skip


def test_no_regular_expression_holds_a_word_of_a_language() -> None:
    vocabulary = _language_words()
    # Drop escapes (\w, \d ...), group names and flags, then look at the words.
    offending = []
    for module, pattern in _regex_literals():
        text = re.sub(r"\\[a-zA-Z]|\(\?P?<\w+>|\(\?P=\w+\)|#.*", " ", pattern)
        hits = {
            w for w in re.findall(r"[^\W\d_]{3,}", bare(text))
            if w in vocabulary and w not in NOT_LANGUAGE
        }
        if hits:
            offending.append((module, sorted(hits)))
    assert offending == []


def test_the_language_files_hold_every_kind_of_word() -> None:
    for code in LANGUAGES:
        data = language(code)
        for table_ in ("labels", "meaning", "negative", "months", "dates", "contacts", "money"):
            assert table_ in data, (code, table_)
    assert words("dates.to", ["cs"]) == ("do", "až")


_NOTE_PIECES = st.sampled_from(
    ["Rozpočet", "Total budget", " ", "  ", ":", " :", "(EUR)", "(in EUR)", "(", ")", " v Kč", " in EUR",
     " w PLN", " ve", "\n", "x" * 40, "(" + "y" * 29 + ")", "(" + "y" * 31 + ")", " v Kč:", "PLN"]
)  # fmt: skip


@given(st.lists(_NOTE_PIECES, max_size=12).map("".join))
def test_a_label_note_is_looked_for_only_where_it_can_be_and_found_as_before(text: str) -> None:
    from chemclust_extract.recognise import _label_note, _trailing_note

    expected = _label_note().search(text)
    found = _trailing_note(text)
    assert (found and found.span()) == (expected and expected.span())


_FUND_PIECES = st.sampled_from(
    [" ", "Podíl", "ERDF", "Evropského fondu pro regionální rozvoj", "European Regional Development Fund",
     "Europäischer Fonds für regionale Entwicklung", "x" * 60, "1.", "\n"]
)  # fmt: skip


@given(st.lists(_FUND_PIECES, max_size=40).map("".join))
def test_a_long_text_is_no_label_with_or_without_its_fund_names(text: str) -> None:
    from chemclust_extract.meaning import MAX_LABEL_WORDS, without_fund_names
    from chemclust_extract.recognise import _reads_as_label

    shortened = without_fund_names(text)
    words = shortened.split()
    full = 0 < len(words) <= MAX_LABEL_WORDS and len(shortened) <= 80 and not re.fullmatch(r"[\d\s.,)(/-]+", shortened)
    assert _reads_as_label(text) == full


def test_a_page_heading_with_nothing_under_it_is_no_unknown_label() -> None:
    """The report's unknown labels are those kept in extra."""
    page = b"<h1>Projekt DIALOG</h1><p><b>Projekt:</b> DIALOG</p><p><b>Zorglub:</b> 12</p>"
    record = extract_bytes(page, "heading.html")
    assert record.unknown_labels == ("Zorglub",) and list(record.extra) == ["Zorglub"]


def test_a_misspelt_kwota_dofinasowania_is_no_total() -> None:
    record = extract_bytes("Tytuł projektu: X\nKwota dofinasowania: 1 095 222,47 zł\n".encode(), "k.txt")
    assert record.total_budget is None


@pytest.mark.parametrize(
    ("label", "fields"),
    [
        ("Kooperační partneři a kontaktní osoby", ("contacts", "partners")),
        ("Partner und Kontakt", ("contacts", "partners")),
        ("Partnerzy i osoby kontaktowe", ("contacts", "partners")),
        ("Lead partner and partners", ("lead_partner", "partners")),
        ("Aktuality a dokumenty", ("documents", "news")),
    ],
)
def test_two_labels_joined_by_and_are_ambiguous(label: str, fields: tuple[str, ...]) -> None:
    """A label that joins two (a partner list and its contacts) names
    neither alone: its value goes to extra with a warning."""
    from chemclust_extract.meaning import read_label

    reading = read_label(label)
    assert (reading.field, reading.why, reading.candidates) == (None, "ambiguous", fields)


@pytest.mark.parametrize(
    ("label", "field"),
    [("Kontaktní osoba", "contacts"), ("Partneři projektu", "partners"), ("Name and title", "title")],
)
def test_a_label_with_one_side_reads_as_before(label: str, field: str | None) -> None:
    from chemclust_extract.meaning import read_label

    assert read_label(label).field == field
