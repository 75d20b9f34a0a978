"""Seniority and level words in what was asked ("senior", "lead", "junior", "level II").

The resolver matches "senior patient account representative" to Billing and Posting Clerks,
whose pay BLS publishes for the whole occupation, not by seniority. Dropping the word silently
would let the median stand for a senior role; instead the answer keeps the word, says that BLS
does not publish pay by seniority, and points at the part of the published range such roles
usually sit in (upper quarter for senior, lower quarter for junior, middle half for a level).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.render import TopCode, echo, esc, wage
from store.facts import OccupationFacts


class Seniority(StrEnum):
    SENIOR = "senior"
    JUNIOR = "junior"
    LEVEL = "level"


_WORDS = (
    (Seniority.SENIOR, re.compile(r"\b(?:senior|sr|lead|principal|head|chief)\b\.?")),
    (Seniority.JUNIOR, re.compile(r"\b(?:junior|jr|entry[- ]level|trainee|beginner)\b\.?")),
    (Seniority.LEVEL, re.compile(r"\b(?:level\s*\d|l\d|i{2,3}|iv|[1-4])\b")),
)


@dataclass(frozen=True)
class Band:
    """The part of the range a level of seniority points at."""

    words: str  # "upper quarter"
    low: str  # percentile columns: "p75"
    high: str
    percentiles: str  # "75th–90th percentile"


BANDS = {
    Seniority.SENIOR: Band("upper quarter", "p75", "p90", "75th–90th percentile"),
    Seniority.JUNIOR: Band("lower quarter", "p10", "p25", "10th–25th percentile"),
    Seniority.LEVEL: Band("middle half", "p25", "p75", "25th–75th percentile"),
}


def seniority(asked: str, title: str) -> tuple[Seniority, str] | None:
    """The seniority a question names and the word it used, unless the occupation's own title
    has the word ("Chief Executives", "Head Cooks")."""
    text = asked.casefold()
    for kind, pattern in _WORDS:
        found = pattern.search(text)
        if found and found[0].strip(".") not in title.casefold().split():
            return kind, found[0]
    return None


def seniority_note(asked: str, facts: OccupationFacts, top: TopCode) -> str | None:
    """ "BLS does not publish pay by seniority; the upper quarter of the range: $X – $Y (75th–90th
    percentile)." None when nothing in the question names a seniority."""
    found = seniority(asked, facts.title)
    if found is None:
        return None
    kind, word = found
    band = BANDS[kind]
    what = "level" if kind == Seniority.LEVEL else "seniority"
    note = f"“{echo(word, 20)}”: BLS does not publish pay by {what}"
    w = facts.wages
    if w is None:
        return note + "."
    prefix = "hourly_" if w.paid_the_other_way("annual_median") else "annual_"
    low, high = wage(w, prefix + band.low, top), wage(w, prefix + band.high, top)
    span = f"{esc(low)} – {esc(high)}"
    return f"{note}; the {band.words} of its range is {span} ({band.percentiles})."
