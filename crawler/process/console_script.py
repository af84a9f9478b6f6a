"""Where this process's ``wirecrawl`` command is, and whether the shell finds it by name."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ConsoleScript", "console_script"]


@dataclass(frozen=True)
class ConsoleScript:
    """How to type ``wirecrawl`` here (``make demo`` runs it without activating the virtual environment)."""

    on_path: bool  # the shell finds this installation's wirecrawl by name
    command: str  # its path, relative to the working directory
    activate: str | None  # the virtual environment's activate script, relative too; None without one


def console_script() -> ConsoleScript:
    """This installation's ``wirecrawl``: the one beside the running Python."""
    bin_dir = Path(sys.executable).parent
    found = shutil.which("wirecrawl")
    activate = bin_dir / "activate"
    return ConsoleScript(
        on_path=bool(found) and Path(str(found)).parent.resolve() == bin_dir.resolve(),
        command=os.path.relpath(bin_dir / "wirecrawl"),
        activate=os.path.relpath(activate) if activate.is_file() else None,
    )
