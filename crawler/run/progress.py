"""The progress line of a long command on the terminal: rewritten in place, cleared for the summary."""

from __future__ import annotations

import sys

__all__ = ["PROGRESS_WIDTH", "print_progress", "show_progress_line"]

#: Width of the progress line on the terminal (a line is padded to it, so a shorter one hides a longer).
PROGRESS_WIDTH = 79


def print_progress(totals: dict[str, int], elapsed: float, running: list[str]) -> None:
    """One self-overwriting status line on the terminal: the sources running and the totals."""
    rate = totals.get("pages_fetched", 0) / elapsed if elapsed else 0.0
    counts = (
        f"{totals.get('pages_fetched', 0)} pages, {totals.get('articles_added', 0)} stored, "
        f"{totals.get('errors', 0)} errors, {rate:.1f}/s"
    )
    names = ", ".join(running) or "finishing"
    room = PROGRESS_WIDTH - len(counts) - 2
    if len(names) > room:
        names = names[: max(0, room - 3)] + "..."
    show_progress_line(f"{names}: {counts}" if room > 3 else counts)


def show_progress_line(line: str) -> None:
    """Write ``line`` over the progress line (an empty one clears it)."""
    sys.stderr.write("\r" + line[:PROGRESS_WIDTH].ljust(PROGRESS_WIDTH) + ("\r" if not line else ""))
    sys.stderr.flush()
