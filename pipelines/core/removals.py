"""What the chain removed from a body and why: recorded only when asked (``wirecrawl extract --explain``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Removal", "Removals", "Stage", "record_dropped"]

#: The stage that removed a block: a syndication credit, a complete declared body leaving it out,
#: a structure rule, the learned model, a phrase rule, the site's learned templates.
Stage = Literal["credit", "declared body", "structure", "model", "phrase", "template"]


@dataclass(frozen=True)
class Removal:
    """A block removed from the body: the block, the stage that removed it and its evidence."""

    block: str
    stage: Stage
    evidence: str


#: The removals of one page, in the order the stages made them.
Removals = list[Removal]


def record_dropped(removals: Removals | None, before: list[str], after: list[str], stage: Stage, evidence: str) -> None:
    """Record in ``removals`` (if any) the blocks of ``before`` that ``after``, a subsequence of it, left out."""
    if removals is None:
        return
    position = 0
    for block in before:
        if position < len(after) and after[position] == block:
            position += 1
        else:
            removals.append(Removal(block, stage, evidence))
