"""The dataset as files: typed cells survive pandas, spreadsheets and csv."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from chemclust_extract import run_batch
from chemclust_extract.writers.tables import COLUMNS

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run_batch([SAMPLES], out)
    assert result.exit_code == 0, result.failures
    return out


def test_integer_columns_with_gaps_stay_integers(dataset: Path) -> None:
    """nysanet's partners have no numbers; the others' must not become 1.0."""
    with open(dataset / "partners.csv", newline="", encoding="utf-8") as handle:
        numbers = [row["number"] for row in csv.DictReader(handle)]
    assert "" in numbers and "1" in numbers
    assert all(n == "" or n.isdigit() for n in numbers), numbers


def test_money_columns_with_gaps_keep_their_written_form(dataset: Path) -> None:
    projects = pd.read_csv(dataset / "projects.csv", dtype=str, keep_default_na=False)
    names = [Path(p).name for p in projects["source_path"]]
    budgets = dict(zip(names, projects["total_budget"], strict=True))
    assert budgets["chemclust.tsv"] == "1762400"
    assert budgets["greenports-en.tsv"] == ""
    assert budgets["nysanet-pl.tsv"] == "1234567.89"


def test_every_table_has_its_columns_in_order(dataset: Path) -> None:
    for name, columns in COLUMNS.items():
        frame = pd.read_csv(dataset / f"{name}.csv", dtype=str, keep_default_na=False)
        assert tuple(frame.columns) == columns, name


def test_child_tables_point_at_projects(dataset: Path) -> None:
    projects = pd.read_csv(dataset / "projects.csv", dtype=str)
    ids = set(projects["id"])
    assert len(ids) == len(projects)
    # The seed's layouts share a name, so each id carries its file's hash.
    seeds = projects[projects["name"] == "ChemClust"]
    assert len(seeds) == 5
    assert all(
        i == f"chemclust-{h[:8]}" for i, h in zip(seeds["id"], seeds["source_sha256"], strict=True)
    )
    assert {"greenports", "nysanet", "saxchem"} <= ids
    for name in ("partners", "contacts", "news", "documents", "extra", "warnings"):
        frame = pd.read_csv(dataset / f"{name}.csv", dtype=str)
        assert set(frame["project_id"]) <= ids, name


def test_json_and_csv_agree(dataset: Path) -> None:
    records = json.loads((dataset / "projects.json").read_text(encoding="utf-8"))
    partners = pd.read_csv(dataset / "partners.csv", dtype=str, keep_default_na=False)
    assert len(partners) == sum(len(r["partners"]) for r in records)
    projects = pd.read_csv(dataset / "projects.csv", dtype=str, keep_default_na=False)
    assert list(projects["partner_count"].astype(int)) == [len(r["partners"]) for r in records]
    leads = dict(zip(projects["id"], projects["lead_partner"], strict=True))
    assert leads["greenports"] == "Port of Hamburg Marketing"
