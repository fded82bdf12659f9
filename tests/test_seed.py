"""The real seed sheet against the contract's record for it."""

from __future__ import annotations

import json

import pytest

from chemclust_extract import Record, extract_file

from .conftest import FIXTURES, SHARED

SEED_EXPECTED = SHARED / "seed" / "chemclust.expected.json"


@pytest.fixture(scope="module")
def seed() -> Record:
    record = extract_file(FIXTURES / "chemclust.tsv")
    assert isinstance(record, Record)
    return record


def test_fixture_is_the_seed_byte_for_byte() -> None:
    seed_sheet = SHARED / "seed" / "chemclust.tsv"
    if not seed_sheet.exists():
        pytest.skip("../shared is not beside this checkout")
    assert (FIXTURES / "chemclust.tsv").read_bytes() == seed_sheet.read_bytes()


def test_record_matches_the_contract_record(seed: Record) -> None:
    if not SEED_EXPECTED.exists():
        pytest.skip("../shared is not beside this checkout")
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    got = seed.to_dict()
    got["source"].pop("path")
    assert got == expected


def test_all_ten_partners_in_order(seed: Record) -> None:
    assert [p.number for p in seed.partners] == list(range(1, 11))
    assert [p.country for p in seed.partners] == [
        "DE",
        "DE",
        "ES",
        "PL",
        "CZ",
        "GB",
        "IT",
        "NL",
        "GB",
        "DE",
    ]
    assert [p.role for p in seed.partners].count("lead") == 1
    assert seed.partners[0].name == "Ministry of Economy and Labour of Saxony-Anhalt"
    assert seed.partners[4].website == "http://www.kr-ustecky.cz/"


def test_description_has_three_paragraphs(seed: Record) -> None:
    assert seed.description is not None
    paragraphs = seed.description.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Cílem projektu je")
    assert paragraphs[2].endswith("evropské úrovni.")
    assert "<p>" not in seed.description


def test_news_and_document_items_with_dates(seed: Record) -> None:
    assert [(n.text[:16], n.date) for n in seed.news] == [("První workshop v", "2010-04")]
    assert [(d.text[:4], d.date, d.url) for d in seed.documents] == [("ECRN", "2010-05", None)]


def test_contact_is_split(seed: Record) -> None:
    (contact,) = seed.contacts
    assert (contact.name, contact.position, contact.organisation) == (
        "Špoták Dalibor",
        "Referent",
        "KÚÚK",
    )
    assert contact.department == "Odbor podpory průmyslu a podnikání"
    assert (contact.email, contact.phone, contact.fax) == (
        "spotak.d@kr-ustecky.cz",
        "+420475657938",
        "+420475200245",
    )


def test_money_dates_and_rate(seed: Record) -> None:
    assert (seed.total_budget, seed.total_budget_currency) == (1762400, "EUR")
    assert (seed.eu_contribution, seed.eu_fund, seed.eu_rate) == (1231950, "ERDF", 0.699)
    assert (seed.start_date, seed.end_date, seed.duration_months) == ("2010-01", "2012-12", 36)
