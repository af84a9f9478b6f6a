"""Settings once: every setting the code reads has its default in crawler/settings.py (or Scrapy's), and no read carries a fallback of its own."""

from __future__ import annotations

import ast
from pathlib import Path

from scrapy.settings import default_settings

from crawler import settings as project_settings

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("crawler", "spiders", "pipelines", "storage")
GETTERS = {"get", "getbool", "getint", "getfloat", "getlist", "getdict", "getwithbase"}


def setting_reads() -> list[tuple[str, int, str, int]]:
    """(file, line, setting name, number of arguments) of every ``<x>.settings.get*("NAME", ...)`` call."""
    reads = []
    for package in PACKAGES:
        for file in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if not (
                    isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in GETTERS
                ):
                    continue
                target = node.func.value
                named_settings = (isinstance(target, ast.Attribute) and target.attr == "settings") or (
                    isinstance(target, ast.Name) and target.id == "settings"
                )
                first = node.args[0] if node.args else None
                if (
                    named_settings
                    and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and first.value.isupper()
                ):
                    reads.append(
                        (str(file.relative_to(ROOT)), node.lineno, first.value, len(node.args) + len(node.keywords))
                    )
    return reads


def test_the_code_reads_settings():
    assert len(setting_reads()) > 40  # the walk finds them: a broken walk would pass everything below


def test_every_setting_read_has_a_default():
    missing = [
        f"{file}:{line}: {name}"
        for file, line, name, _ in setting_reads()
        if not hasattr(project_settings, name) and not hasattr(default_settings, name)
    ]
    assert not missing, "read but never given a default in crawler/settings.py:\n" + "\n".join(missing)


def test_no_setting_read_carries_its_own_fallback():
    fallbacks = [f"{file}:{line}: {name}" for file, line, name, arguments in setting_reads() if arguments > 1]
    assert not fallbacks, "defaults belong in crawler/settings.py, not at the call:\n" + "\n".join(fallbacks)
