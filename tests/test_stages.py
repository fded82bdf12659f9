"""The stages stay apart: the recogniser knows labels, not formats."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import chemclust_extract

PACKAGE = Path(chemclust_extract.__file__).parent
FORMAT_LIBRARIES = {"bs4", "lxml", "html5lib", "html", "csv", "chardet", "xml"}


def _imports(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _closure(module: str) -> set[str]:
    """Every module the given package module imports, transitively within the package."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = PACKAGE.joinpath(*name.split(".")[1:])
        source = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        if name == "chemclust_extract" or not source.exists():
            continue
        todo += [i for i in _imports(source) if i.startswith("chemclust_extract")]
        seen |= {i for i in _imports(source) if not i.startswith("chemclust_extract")}
    return seen


def test_recogniser_imports_no_reader_and_no_format_library() -> None:
    imported = _closure("chemclust_extract.recognise")
    assert not {m for m in imported if m.startswith("chemclust_extract.readers")}
    assert not {m.split(".")[0] for m in imported} & FORMAT_LIBRARIES


def test_importing_the_recogniser_loads_no_reader_at_run_time() -> None:
    code = (
        "import sys, chemclust_extract.recognise\n"
        "bad = [m for m in sys.modules if m.startswith(('chemclust_extract.readers', 'bs4', 'lxml'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("reader", ["tsv", "html", "text"])
def test_readers_know_no_labels(reader: str) -> None:
    """A reader that looked up labels would be doing the recogniser's job.
    A reader may read ``chemclust_extract.languages`` (the HTML reader
    knows page furniture by its class words in every language) but never
    imports the recogniser."""
    imported = _closure(f"chemclust_extract.readers.{reader}")
    assert "chemclust_extract.recognise" not in imported
    assert not {m for m in imported if m.startswith("chemclust_extract.recognise")}


def test_public_api_names_all_resolve() -> None:
    for name in chemclust_extract.__all__:
        assert getattr(chemclust_extract, name) is not None
    assert set(chemclust_extract.__all__) == set(chemclust_extract._WHERE)
