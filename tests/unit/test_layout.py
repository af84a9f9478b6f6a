"""The one-way doors between the rooms of the house, read from the source with ``ast``.

storage/ and the leaf helpers (crawler/web/, crawler/testing/) are the floor: they import nothing
of ours. The pure core (pipelines/core/) stands on them only; spiders/ and pipelines/ stand on
crawler/'s project modules and never on each other; nothing under crawler/ but the command line
stands on spiders/ or pipelines/ (the application rooms, crawler/run/, serve/, demo/,
get what they need of them by name, through Scrapy's settings, or from the command);
crawler/cli/ stands on everything, and at start-up imports none of
the heavy libraries (they wait for the commands that use them). No file imports itself back.
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


#: The rooms of the house, most specific prefix first: a module belongs to the first that prefixes it.
ROOMS = (
    ("crawler.cli", "cli"),
    ("crawler.__main__", "cli"),
    ("crawler.run", "run"),
    ("crawler.serve", "serve"),
    ("crawler.demo", "demo"),
    ("crawler.testing", "testing"),
    ("crawler.web", "web"),
    ("crawler", "crawler"),
    ("spiders", "spiders"),
    ("pipelines.core", "core"),
    ("pipelines.cluster", "cluster"),
    ("pipelines", "pipelines"),
    ("storage", "storage"),
)

#: Which rooms each room may import; every other door is closed. The command line stands on
#: everything and nothing stands on it; the pure core stands only on storage and the leaf helpers.
DOORS: dict[str, set[str]] = {
    "cli": {"run", "cluster", "serve", "demo", "testing", "crawler", "web", "spiders", "pipelines", "core", "storage"},
    "cluster": {"run", "crawler", "web", "core", "pipelines", "storage"},
    "demo": {"run", "testing", "crawler", "web", "storage"},
    "run": {"crawler", "web", "storage"},
    "serve": {"crawler", "web", "storage"},
    "spiders": {"crawler", "web", "storage"},
    "pipelines": {"crawler", "web", "core", "storage"},
    "crawler": {"web", "storage"},
    "core": {"web", "storage"},
    "testing": set(),
    "web": set(),
    "storage": set(),
}


def node(module: str) -> str | None:
    """The room of a module (see :data:`ROOMS`), or None when it is not ours."""
    for prefix, room in ROOMS:
        if module == prefix or module.startswith(prefix + "."):
            return room
    return None


def module_of(file: Path) -> str:
    """The dotted name of a source file (a package's __init__.py is the package)."""
    parts = list(file.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    """Every .py file of the top-level packages."""
    return sorted(file for package in PACKAGES for file in (ROOT / package).rglob("*.py"))


MODULES = {module_of(file) for file in source_files()}


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
            # from package import a, b: a name that is a module of ours is imported as itself
            submodules = [f"{target}.{alias.name}" for alias in statement.names if f"{target}.{alias.name}" in MODULES]
            if statement.module and len(submodules) < len(statement.names):
                yield Import(file, statement.lineno, target, written)
            for submodule in submodules if statement.module else [f"{target}.{a.name}" for a in statement.names]:
                yield Import(file, statement.lineno, submodule, written)


IMPORTS = [imp for file in source_files() for imp in imports_in(file)]


def offending(importer: str, forbidden: set[str]) -> list[str]:
    """Imports made by files of node ``importer`` that reach a node in ``forbidden``."""
    return [str(imp) for imp in IMPORTS if node(module_of(imp.file)) == importer and node(imp.module) in forbidden]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_top_level_package_exists(package: str) -> None:
    assert (ROOT / package / "__init__.py").is_file()


def test_every_source_file_is_in_a_room() -> None:
    assert all(node(module_of(file)) for file in source_files())


@pytest.mark.parametrize("room", sorted(DOORS))
def test_imports_go_through_open_doors_only(room: str) -> None:
    bad = [
        str(imp)
        for imp in IMPORTS
        if node(module_of(imp.file)) == room and node(imp.module) not in {room, None, *DOORS[room]}
    ]
    assert not bad, f"{room} may import only {sorted(DOORS[room])}:\n" + "\n".join(bad)


def package_graph() -> dict[str, set[str]]:
    """Node -> nodes it imports (self-imports left out)."""
    graph: dict[str, set[str]] = {name: set() for name in DOORS}
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


def file_graph() -> dict[str, set[str]]:
    """Module -> modules of ours it imports, at any depth (a lazy import inside a function too)."""
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for imp in IMPORTS:
        source = module_of(imp.file)
        if imp.module in MODULES and imp.module != source:
            graph[source].add(imp.module)
    return graph


def test_no_import_cycle_between_files() -> None:
    cycle = cycle_in(file_graph())
    assert not cycle, "import cycle: " + " -> ".join(cycle)


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
