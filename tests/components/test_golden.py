"""Golden extraction files: each saved fixture page still extracts exactly as recorded.

The pages go through ``wirecrawl extract FILE --url URL`` in-process, so whatever is
refactored under the command, a changed result shows here. After an intended change, run
``.venv/bin/python -m tests.fixtures.golden.regenerate`` and review the summary it prints.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fixtures.golden.regenerate import GOLDEN, extract

CASES = sorted(GOLDEN.glob("*.json"))


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """How ``actual`` differs from ``expected``, one line per field (the text: its first differing paragraph)."""
    found = []
    for field in sorted(expected.keys() | actual.keys()):
        want, got = expected.get(field), actual.get(field)
        if field == "language_probability" and want is not None and got is not None:
            want, got = round(want, 2), round(got, 2)
        if want == got:
            continue
        if field == "text" and isinstance(want, str) and isinstance(got, str):
            wanted, gotten = want.split("\n\n"), got.split("\n\n")
            n = next(
                (i for i, (a, b) in enumerate(zip(wanted, gotten, strict=False)) if a != b),
                min(len(wanted), len(gotten)),
            )
            found.append(
                f"text: paragraph {n + 1} of {len(wanted)} expected, {len(gotten)} extracted:\n"
                f"  expected {wanted[n] if n < len(wanted) else '(none)'!r}\n"
                f"  got      {gotten[n] if n < len(gotten) else '(none)'!r}"
            )
        else:
            found.append(f"{field}: expected {want!r}, got {got!r}")
    return found


def test_there_are_golden_pages() -> None:
    assert len(CASES) >= 15
    assert all((GOLDEN / f"{case.stem}.html.gz").is_file() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_extraction_matches_the_golden_file(case: Path) -> None:
    record = json.loads(case.read_text(encoding="utf-8"))
    actual = extract(GOLDEN / f"{case.stem}.html.gz", record["url"])
    problems = differences(record["expected"], actual)
    assert not problems, f"{case.stem} ({record['url']}):\n" + "\n".join(problems)
