"""The heading each occupation gets inside a view that shows several."""

from __future__ import annotations

from bot.render import esc
from store.facts import OccupationFacts


def heading(facts: OccupationFacts, many: bool) -> str:
    """The occupation's title in bold on its own line, or nothing when the view shows one."""
    return f"\n<b>{esc(facts.title)}</b>" if many else ""
