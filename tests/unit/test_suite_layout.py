"""How the tests and benchmarks stand on the code, read from the source with ``ast``.

Tests share helpers through ``tests/fixtures/`` and fixtures through ``conftest.py``, never by
importing another test file or a ``conftest.py`` (pytest loads several under the one name
``conftest``: which one an import finds depends on what was collected first); benchmarks run as ``python -m benchmarks.NAME`` and import packages, so nothing in
either edits ``sys.path``; the product never imports the tests or the benchmarks.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parents[2]
TEST_FILES = sorted((ROOT / "tests").rglob("test_*.py"))
TEST_MODULES = {file.stem for file in TEST_FILES} | {"conftest"}


def python_files(*directories: str) -> list[Path]:
    """Every .py file under ``directories`` (relative to the repo root)."""
    return sorted(file for directory in directories for file in (ROOT / directory).rglob("*.py"))


def imported_modules(file: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every absolute import in ``file``, at any depth."""
    for statement in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
        if isinstance(statement, ast.Import):
            yield from ((statement.lineno, alias.name) for alias in statement.names)
        elif isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
            yield statement.lineno, statement.module
            yield from ((statement.lineno, f"{statement.module}.{alias.name}") for alias in statement.names)


def where(file: Path, line: int) -> str:
    return f"{file.relative_to(ROOT)}:{line}"


def test_no_test_file_imports_another() -> None:
    found = [
        f"{where(file, line)}: {module}"
        for file in python_files("tests", "benchmarks")
        for line, module in imported_modules(file)
        if module.rpartition(".")[2] in TEST_MODULES
    ]
    assert not found, "a test file imported (move what it shares into tests/fixtures/):\n" + "\n".join(found)


def test_no_test_or_benchmark_edits_sys_path() -> None:
    found = [
        where(file, node.lineno)
        for file in python_files("tests", "benchmarks")
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file)))
        if isinstance(node, ast.Attribute) and node.attr == "path" and isinstance(node.value, ast.Name)
        if node.value.id == "sys"
    ]
    assert not found, "sys.path used (import packages; run benchmarks as python -m benchmarks.NAME):\n" + "\n".join(
        found
    )


def test_the_product_imports_no_test_and_no_benchmark() -> None:
    found = [
        f"{where(file, line)}: {module}"
        for file in python_files("crawler", "spiders", "pipelines", "storage")
        for line, module in imported_modules(file)
        if module.partition(".")[0] in {"tests", "benchmarks", "fixtures", "conftest"}
    ]
    assert not found, "shipped code imports the tests or the benchmarks:\n" + "\n".join(found)
