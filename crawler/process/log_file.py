"""The ``--log-file`` a command is given, checked before anything runs (no Scrapy import: a refused
run starts nothing and leaves nothing behind)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["check_log_file"]


def check_log_file(path: Path) -> None:
    """Raise ValueError, in one line, when the log cannot be appended to ``path`` (nothing is created)."""
    if path.is_dir():
        raise ValueError(f"--log-file {path} is a directory")
    if not path.parent.is_dir():
        raise ValueError(f"--log-file {path}: no directory {path.parent}")
    if not os.access(path if path.exists() else path.parent, os.W_OK):
        raise ValueError(f"--log-file {path}: {'the file' if path.exists() else 'its directory'} is not writable")
