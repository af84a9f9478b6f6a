"""The one-way import rule between the top-level packages, read from the source with ``ast``.

storage/ is the floor: it imports none of the others. spiders/ and pipelines/ stand on
crawler/ and storage/ and never on each other. crawler/ outside crawler/cli/ imports neither
spiders/ nor pipelines/; crawler/cli/ (the command line, node "cli") may import everything, and at
start-up imports none of the heavy libraries (they wait for the commands that use them).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
PACKAGES = ("crawler", "spiders", "pipelines", "storage")


@dataclass(frozen=True)
class Import:
    """One imported module, where it is imported, and the line as written."""

    file: Path
    line: int
    module: str
    written: str

    def __str__(self) -> str:
        return f"{self.file.relative_to(ROOT)}:{self.line}: {self.written}"


def node(module: str) -> str | None:
    """The package-graph node of a module: "cli" for crawler.cli and ``python -m crawler``'s
    entry point (crawler.__main__), else its top-level package if ours."""
    if module in ("crawler.cli", "crawler.__main__") or module.startswith("crawler.cli."):
        return "cli"
    top = module.partition(".")[0]
    return top if top in PACKAGES else None


def module_of(file: Path) -> str:
    """The dotted name of a source file (a package's __init__.py is the package)."""
    parts = list(file.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_in(file: Path) -> Iterator[Import]:
    """Every import of ``file``, at any depth, with relative imports resolved against its package."""
    module = module_of(file)
    package = module if file.name == "__init__.py" else module.rpartition(".")[0]
    for statement in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
        written = ast.unparse(statement) if isinstance(statement, ast.Import | ast.ImportFrom) else ""
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                yield Import(file, statement.lineno, alias.name, written)
        elif isinstance(statement, ast.ImportFrom):
            if statement.level:
                base = package.split(".")[: len(package.split(".")) - statement.level + 1]
                target = ".".join(base + ([statement.module] if statement.module else []))
            else:
                target = statement.module or ""
            if statement.module:
                yield Import(file, statement.lineno, target, written)
            else:  # from . import a, b: each name is a module of the package
                for alias in statement.names:
                    yield Import(file, statement.lineno, f"{target}.{alias.name}", written)


def source_files() -> list[Path]:
    """Every .py file of the top-level packages."""
    return sorted(file for package in PACKAGES for file in (ROOT / package).rglob("*.py"))


IMPORTS = [imp for file in source_files() for imp in imports_in(file)]


def offending(importer: str, forbidden: set[str]) -> list[str]:
    """Imports made by files of node ``importer`` that reach a node in ``forbidden``."""
    return [str(imp) for imp in IMPORTS if node(module_of(imp.file)) == importer and node(imp.module) in forbidden]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_top_level_package_exists(package: str) -> None:
    assert (ROOT / package / "__init__.py").is_file()


@pytest.mark.parametrize(
    ("importer", "forbidden"),
    [
        ("storage", {"crawler", "cli", "spiders", "pipelines"}),
        ("spiders", {"pipelines"}),
        ("pipelines", {"spiders"}),
        ("crawler", {"pipelines", "spiders"}),
    ],
)
def test_imports_go_one_way(importer: str, forbidden: set[str]) -> None:
    bad = offending(importer, forbidden)
    assert not bad, f"{importer} imports {sorted(forbidden)}:\n" + "\n".join(bad)


def package_graph() -> dict[str, set[str]]:
    """Node -> nodes it imports (self-imports left out)."""
    graph: dict[str, set[str]] = {name: set() for name in (*PACKAGES, "cli")}
    for imp in IMPORTS:
        source, target = node(module_of(imp.file)), node(imp.module)
        if source and target and source != target:
            graph[source].add(target)
    return graph


def cycle_in(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of ``graph`` as a path that returns to its start, or [] if it is acyclic."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str]:
        if name in path:
            return path[path.index(name) :] + [name]
        if name in done:
            return []
        for target in sorted(graph[name]):
            if found := visit(target, [*path, name]):
                return found
        done.add(name)
        return []

    for start in sorted(graph):
        if found := visit(start, []):
            return found
    return []


def test_the_package_graph_is_acyclic() -> None:
    cycle = cycle_in(package_graph())
    edges = [
        str(imp)
        for a, b in zip(cycle, cycle[1:], strict=False)
        for imp in IMPORTS
        if node(module_of(imp.file)) == a and node(imp.module) == b
    ]
    assert not cycle, f"cycle {' -> '.join(cycle)} through:\n" + "\n".join(edges)


def test_only_the_command_line_imports_click() -> None:
    outside = [
        str(imp) for imp in IMPORTS if node(module_of(imp.file)) != "cli" and imp.module.partition(".")[0] == "click"
    ]
    assert not outside, "click imported outside crawler/cli/:\n" + "\n".join(outside)


#: Libraries that take a noticeable part of a second to import: only the commands that use them do.
HEAVY_LIBRARIES = (
    "scrapy",
    "twisted",
    "trafilatura",
    "datasketch",
    "langdetect",
    "sqlite_utils",
    "numpy",
    "lxml",
    "redis",
)


def test_the_command_line_imports_no_heavy_library_before_a_command_runs() -> None:
    """``wirecrawl --help`` and the crawl's first line need none of them (benchmarks/first_line.py times it)."""
    probe = "import sys, crawler.cli; print(' '.join(sorted({m.partition('.')[0] for m in sys.modules})))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not set(HEAVY_LIBRARIES) & set(loaded)
