"""What the core needs of a settings object: typed getters (Scrapy's ``Settings`` has them)."""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["SettingsReader"]


class SettingsReader(Protocol):
    """Read-only, typed access to settings; every default lives in ``crawler/settings.py``."""

    def get(self, name: str, default: Any = None) -> Any: ...
    def getbool(self, name: str, default: bool = False) -> bool: ...
    def getint(self, name: str, default: int = 0) -> int: ...
    def getfloat(self, name: str, default: float = 0.0) -> float: ...
