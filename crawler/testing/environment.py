"""The environment a test or benchmark runs the command line in."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

__all__ = ["cli_env"]

#: The directory holding the ``crawler`` package (the repo root of a checkout).
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
_PROXY_VARIABLES = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A clean environment for the CLI: no WIRECRAWL_* or proxy variables, the package importable."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("WIRECRAWL_") and name.lower() not in _PROXY_VARIABLES
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_PACKAGE_ROOT), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra or {})
    return env
