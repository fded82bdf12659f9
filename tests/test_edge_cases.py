"""Sheets that once lost or misplaced a value."""

from __future__ import annotations

import pytest

from chemclust_extract import Options, Record, extract_bytes


def _record(text: str, name: str = "sheet.tsv") -> Record:
    return extract_bytes(text.encode("utf-8"), name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "<p><b>Projekt:</b> X</p><p><b>Stručný popis projektu:</b> První odstavec.</p><p>Druhý odstavec.</p>",
            "page.html",
            id="html-paragraph-after-inline-description",
        ),
        pytest.param(
            "Projekt: X\nDescription: První odstavec.\nDruhý odstavec.\n", "sheet.txt", id="text"
        ),
    ],
)
def test_description_runs_on_below_its_first_line(text: str, name: str) -> None:
    record = _record(text, name)
    assert record.description is not None and record.description.endswith("Druhý odstavec.")
    assert record.extra == {}


def test_text_under_a_value_is_not_lost() -> None:
    sentence = "This is some long sentence that has more than eight words in it"
    record = _record(f"Projekt\tLost\nProgram\tInterreg IVC\n{sentence}\nWeb\twww.x.cz\n")
    assert record.programme == "Interreg IVC"
    assert any(sentence in w.message and w.code == "unlabelled_text" for w in record.warnings)


def test_two_people_under_one_contact_label() -> None:
    record = _record(
        "Projekt\tX\nKontaktní osoba\tIng. Jan Novák\n\tjan.novak@kraj.cz\n\tTel: 475 657 938\n"
        "\tMgr. Eva Malá\n\teva.mala@kraj.cz\n\tTel: 475 111 222\n"
    )
    assert [(c.name, c.email, c.phone) for c in record.contacts] == [
        ("Jan Novák", "jan.novak@kraj.cz", "+420475657938"),
        ("Eva Malá", "eva.mala@kraj.cz", "+420475111222"),
    ]


def test_link_text_is_no_organisation() -> None:
    page = (
        "<dl><dt>Projekt</dt><dd>X</dd><dt>Kontaktní osoba</dt><dd>Ing. Jan Novák<br>Referent<br>"
        '<a href="mailto:Jan@Kraj.cz">e-mail</a><br>Tel: 475 657 938</dd></dl>'
    )
    (contact,) = _record(page, "page.html").contacts
    assert (contact.name, contact.position, contact.organisation, contact.email) == (
        "Jan Novák",
        "Referent",
        None,
        "jan@kraj.cz",
    )


def test_a_percentage_is_no_amount() -> None:
    record = _record("Projekt\tX\nCelkový rozpočet\t1 000 000 EUR\nPodíl ERDF\t85 %\n")
    assert (record.eu_contribution, record.eu_rate) == (None, None)
    assert record.extra == {"Podíl ERDF": "85 %"}
    assert [w.code for w in record.warnings] == ["unparsed"]


@pytest.mark.parametrize("placeholder", ["-", "N/A", "n/a", "není", "brak", "k.A.", "–"])
def test_placeholders_are_absent_values(placeholder: str) -> None:
    record = _record(
        f"Projekt\tX\nProgram\t{placeholder}\nWeb\t{placeholder}\nCelkový rozpočet\t{placeholder}\n"
    )
    assert (record.programme, record.website, record.total_budget) == (None, None, None)
    assert record.warnings == () and record.extra == {}


def test_own_start_and_end_dates_win_over_the_duration_with_a_warning() -> None:
    record = _record(
        "Projekt\tX\nZahájení projektu\t1.1.2010\nUkončení projektu\t31.12.2012\nTrvání\t2011 - 2013\n"
    )
    assert (record.start_date, record.end_date, record.duration_months) == (
        "2010-01-01",
        "2012-12-31",
        36,
    )
    assert [(w.field, w.code) for w in record.warnings] == [
        ("start_date", "conflicting_dates"),
        ("end_date", "conflicting_dates"),
    ]


def test_an_unknown_encoding_name_is_the_callers_mistake() -> None:
    with pytest.raises(LookupError):
        Options(encoding="bogus")
