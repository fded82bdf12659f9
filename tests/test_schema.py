"""The record's JSON Schema (draft 2020-12), shipped in the package and
printed by ``chemclust-extract schema``: it is a valid schema, every golden
record and every record of a run validates against it, and it refuses
records that break the contract.  ``schema --table T`` prints the table
schemas of ``datapackage.json``."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from chemclust_extract import run_batch
from chemclust_extract.cli import main
from chemclust_extract.schema import TABLES, record_schema, table_schema
from chemclust_extract.writers.datapackage import datapackage
from chemclust_extract.writers.formats import OutputOptions
from chemclust_extract.writers.tables import COLUMNS

from .conftest import FIXTURES, ROOT, SAMPLES

CORPUS = ROOT / "tests" / "corpus"
FIXTURE_GOLDENS = sorted(FIXTURES.glob("*.expected.json"))
CORPUS_GOLDENS = sorted(CORPUS.glob("*.expected.json"))
# The corpus goldens were written from the pages, before source and warnings existed.
CORPUS_OPTIONAL = ("source", "warnings")


def run_cli(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), prog_name="chemclust-extract")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def validator(optional: tuple[str, ...] = ()) -> jsonschema.Draft202012Validator:
    schema = record_schema()
    schema["required"] = [name for name in schema["required"] if name not in optional]
    return jsonschema.Draft202012Validator(schema)


def problems(record: Any, optional: tuple[str, ...] = ()) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator(optional).iter_errors(record)]


def test_the_schema_command_prints_a_draft_2020_12_schema() -> None:
    result = run_cli("schema")
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema == record_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_names_every_field_of_the_record_in_order() -> None:
    schema = record_schema()
    fields = [*COLUMNS["projects"][:16], "contacts", "partners", "news", "documents", "extra",
              "source", "warnings"]  # fmt: skip
    assert schema["required"] == fields == list(schema["properties"])
    assert schema["additionalProperties"] is False


def test_the_schema_ships_in_the_package() -> None:
    import chemclust_extract.schema as package

    assert (Path(package.__file__).parent / "record.schema.json").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '"schema/*.json"' in pyproject


@pytest.mark.parametrize("golden", FIXTURE_GOLDENS, ids=lambda p: p.name)
def test_every_fixture_golden_validates(golden: Path) -> None:
    assert problems(json.loads(golden.read_text("utf-8"))) == []


@pytest.mark.parametrize("golden", CORPUS_GOLDENS, ids=lambda p: p.name)
def test_every_corpus_golden_validates(golden: Path) -> None:
    record = json.loads(golden.read_text("utf-8"))
    assert problems(record, CORPUS_OPTIONAL) == []


def test_there_are_goldens_to_validate() -> None:
    assert len(FIXTURE_GOLDENS) >= 10 and len(CORPUS_GOLDENS) >= 50


def test_every_record_of_a_run_validates(tmp_path: Path) -> None:
    result = run_batch([SAMPLES], tmp_path / "out")
    records = json.loads((tmp_path / "out" / "projects.json").read_text("utf-8"))
    assert len(records) == result.report["records"] > 10
    assert [problems(record) for record in records] == [[]] * len(records)


def seed_record() -> dict[str, Any]:
    record: dict[str, Any] = json.loads((FIXTURES / "chemclust.expected.json").read_text("utf-8"))
    return record


def broken(change: str) -> dict[str, Any]:
    """The seed's golden with one break of the contract."""
    record = copy.deepcopy(seed_record())
    if change == "missing-key":
        del record["eu_rate"]
    elif change == "unknown-key":
        record["budget"] = 1
    elif change == "empty-string":
        record["title"] = ""
    elif change == "money-as-text":
        record["total_budget"] = "1 762 400"
    elif change == "phone-without-country-code":
        record["contacts"][0]["phone"] = "475657938"
    elif change == "lower-case-country":
        record["partners"][0]["country"] = "de"
    elif change == "role-word":
        record["partners"][0]["role"] = "Lead Partner"
    elif change == "date-not-iso":
        record["start_date"] = "01/2010"
    elif change == "id-with-spaces":
        record["id"] = "Chem Clust"
    elif change == "extra-number":
        record["extra"] = {"Kód": 5}
    elif change == "partner-number-as-text":
        record["partners"][0]["number"] = "1"
    elif change == "source-format":
        record["source"]["format"] = "pdf"
    return record


BREAKS = [
    "missing-key", "unknown-key", "empty-string", "money-as-text", "phone-without-country-code",
    "lower-case-country", "role-word", "date-not-iso", "id-with-spaces", "extra-number",
    "partner-number-as-text", "source-format",
]  # fmt: skip


@pytest.mark.parametrize("change", BREAKS)
def test_a_record_that_breaks_the_contract_is_refused(change: str) -> None:
    assert problems(seed_record()) == []
    assert problems(broken(change)) != []


@pytest.mark.parametrize("table", TABLES)
def test_schema_table_prints_the_datapackage_table_schema(table: str) -> None:
    result = run_cli("schema", "--table", table)
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed == table_schema(table)
    package = datapackage(OutputOptions())
    assert printed == next(r["schema"] for r in package["resources"] if r["name"] == table)
    assert [f["name"] for f in printed["fields"]] == list(COLUMNS[table])


def test_schema_table_partners_types_and_keys() -> None:
    printed = json.loads(run_cli("schema", "--table", "partners").stdout)
    types = {f["name"]: f["type"] for f in printed["fields"]}
    assert types["seq"] == types["number"] == "integer"
    assert types["country"] == types["website"] == "string"
    assert printed["primaryKey"] == ["project_id", "seq"]
    assert printed["foreignKeys"][0]["reference"] == {"resource": "projects", "fields": ["id"]}


def test_an_unknown_table_is_a_usage_error() -> None:
    result = run_cli("schema", "--table", "budgets")
    assert result.exit_code == 2
    assert "unknown table 'budgets'; the tables are projects, partners" in result.stderr
