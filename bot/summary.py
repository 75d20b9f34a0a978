"""The first answer to a question: a profile of one occupation, or two to four side by side.

The service gathers the facts; this module words them: heading, where the pay is from, the
table (two) or labelled lines (one, three or four), the notes that keep the figures honest
(aggregates, national fallbacks) and the source line.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot import wording
from bot.places import Place
from bot.render import Side, TopCode, differences, esc, summary_lines, summary_table, wage
from bot.replies import ReplyKind
from store.facts import OccupationFacts


def source_line(facts: OccupationFacts, period: str, onet: str) -> str:
    area = facts.wages.area_name if facts.wages else "National"
    return (
        f"<i>Sources: BLS OEWS {esc(period)} ({esc(area)}), Employment Projections "
        f"2024–34, O*NET {esc(onet)}. /about</i>"
    )


def summary_text(
    resolved: Sequence[Side],
    *,
    place: Place | None,
    fell_back: Sequence[str],
    average: float | None,
    top: TopCode,
    note: str | None,
    source: str,
    also: str | None = None,
) -> tuple[ReplyKind, str]:
    """The summary's kind (profile or compare) and its lines, not yet trimmed. `also` is
    bot.wording.other_meanings' line, when a shared title was read as its common meaning."""
    lines: list[str] = []
    distinct = list(dict.fromkeys(s.facts.code for s in resolved))
    # Said under the heading whenever some of the pay shown is the place's own.
    where = (
        [f"📍 Pay and jobs in {esc(place.name)}; growth and education are national."]
        if place is not None and len(fell_back) < len(distinct)
        else []
    )
    if len(resolved) == 1 or len(distinct) == 1:
        lines += _profile_lines(resolved, average, where, top)
        kind = ReplyKind.PROFILE if len(resolved) == 1 else ReplyKind.COMPARE
    elif len(resolved) == 2:
        a, b = resolved
        lines.append(f"⚖️ <b>{esc(a.asked_as)}</b> vs <b>{esc(b.asked_as)}</b>")
        lines += where
        lines += [wording.numbered(i, s) for i, s in enumerate(resolved, 1)]
        lines.append(summary_table(resolved, top))
        lines += [
            f"<i>{i}. pay figures for: {esc(s.facts.wage_title)}</i>"
            for i, s in enumerate(resolved, 1)
            if s.facts.wages_from_aggregate and s.facts.wage_title
        ]
        lines += differences(resolved)
        kind = ReplyKind.COMPARE
    else:
        lines.append("⚖️ " + " vs ".join(f"<b>{esc(s.asked_as)}</b>" for s in resolved))
        lines += where
        for i, side in enumerate(resolved, 1):
            lines.append("\n" + wording.numbered(i, side))
            lines += summary_lines(side, top, average)[:4]
        kind = ReplyKind.COMPARE
    if fell_back and place is not None:
        lines.append(
            f"<i>No {esc(place.name)} pay figures for {esc(', '.join(fell_back))}: "
            "national figures shown.</i>"
        )
    if note:
        lines.append(f"<i>{esc(note)}</i>")
    if also:
        lines.append(also)  # other meanings of a shared title, already HTML
    lines.append(source)
    return kind, "\n".join(lines)


def _profile_lines(
    resolved: Sequence[Side], average: float | None, where: list[str], top: TopCode
) -> list[str]:
    side = resolved[0]
    lines = []
    if len(resolved) > 1:
        asked = " and ".join(f"“{esc(s.asked_as)}”" for s in resolved)
        lines.append(
            f"⚖️ {asked} are the same occupation in official data: <b>{esc(side.facts.title)}</b>."
        )
    else:
        lines.append(f"💼 <b>{esc(side.facts.title)}</b>")
        if side.asked_as.casefold() != side.facts.title.casefold():
            lines.append(f"<i>You asked: {esc(side.asked_as)}</i>")
    lines += where
    lines += summary_lines(side, top, average)
    w = side.facts.wages
    if len(resolved) > 1 and w is not None:
        lines.append(
            "What still differs is the job within it: experience, employer and place. "
            f"Half earn between {esc(wage(w, 'annual_p25', top))} and "
            f"{esc(wage(w, 'annual_p75', top))} (25th–75th percentile); "
            "see Salary for states and industries."
        )
    return lines
