"""The first answer to a question: a profile of one occupation, or two to four side by side.

The service gathers the facts; this module words them: heading, where the pay is from, the
table (two) or labelled lines (one, three or four), the notes that keep the figures honest
(aggregates, national fallbacks, figures BLS publishes for two jobs together, seniority the
figures do not show, the self-employed they leave out), the sentences computed from the figures
and the source line.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot import wording
from bot.places import Place, place_name
from bot.render import (
    Side,
    TopCode,
    echo,
    esc,
    pay_range,
    signed_percent,
    summary_lines,
    summary_table,
    wage,
)
from bot.replies import ReplyKind
from bot.seniority import seniority_note
from bot.sentences import COMPUTED, COMPUTED_ROUNDED, differences, highest_and_lowest
from bot.together import published_as, shared
from store.facts import OccupationFacts

# Table 1.2's percent self-employed at which an answer says OEWS pay leaves them out.
SELF_EMPLOYED_NOTE_AT = 25.0


def source_line(facts: OccupationFacts, period: str, onet: str, area: str | None = None) -> str:
    where = area or (facts.wages.area_name if facts.wages else None)
    shown = "United States" if where in (None, "National") else where
    return (
        f"<i>Sources: BLS OEWS {esc(period)} ({esc(shown)}), Employment Projections "
        f"2024–34, O*NET {esc(onet)}. /about</i>"
    )


def side_notes(sides: Sequence[Side], top: TopCode, numbered: bool) -> list[str]:
    """Per occupation: what its pay figures cannot show (seniority, the self-employed)."""
    lines = []
    for i, side in enumerate(sides, 1):
        f = side.facts
        prefix = f"{i}. " if numbered else ""
        note = seniority_note(side.asked_as, f, top)
        if note:
            lines.append(f"<i>{prefix}{note}</i>")
        share = f.projection.self_employed_percent if f.projection else None
        if share is not None and share >= SELF_EMPLOYED_NOTE_AT:
            lines.append(
                f"<i>{prefix}{share:.0f}% of these workers are self-employed (BLS Employment "
                "Projections, 2024); BLS pay figures leave them out.</i>"
            )
    return lines


def summary_text(
    resolved: Sequence[Side],
    *,
    place: Place | None,
    fell_back: Sequence[str],
    average: float | None,
    top: TopCode,
    note: str | None,
    source: str,
    differs: Sequence[str] = (),
    also: str | None = None,
) -> tuple[ReplyKind, str]:
    """The summary's kind (profile or compare) and its lines, not yet trimmed.

    `differs` are the O*NET lines for two occupations BLS publishes together
    (`bot.together.what_differs`), gathered by the service; `also` is
    bot.wording.other_meanings' line, when a shared title was read as its common meaning.
    """
    lines: list[str] = []
    distinct = list(dict.fromkeys(s.facts.code for s in resolved))
    # Said under the heading whenever some of the pay shown is the place's own.
    where = (
        [f"📍 Pay and jobs in {esc(place_name(place))}; growth and education are national."]
        if place is not None and len(fell_back) < len(distinct)
        else []
    )
    if len(resolved) == 1 or len(distinct) == 1:
        lines += _profile_lines(resolved, average, where, top)
        kind = ReplyKind.PROFILE if len(resolved) == 1 else ReplyKind.COMPARE
    elif len(resolved) == 2:
        lines += _pair_lines(resolved, average, where, top, differs)
        kind = ReplyKind.COMPARE
    else:
        lines.append("⚖️ " + " vs ".join(f"<b>{echo(s.asked_as)}</b>" for s in resolved))
        lines += where
        for i, side in enumerate(resolved, 1):
            lines.append("\n" + wording.numbered(i, side))
            lines += compact_lines(side, top)
        lines.append("")
        lines += side_notes(resolved, top, numbered=True)
        headline = highest_and_lowest([s.facts for s in resolved])
        lines += [headline, COMPUTED_ROUNDED] if headline else [COMPUTED_ROUNDED]
        kind = ReplyKind.COMPARE
    if fell_back and place is not None:
        lines.append(
            f"<i>No {esc(place_name(place))} pay figures for {esc(', '.join(fell_back))}: "
            "national figures shown.</i>"
        )
    if note:
        lines.append(f"<i>{esc(note)}</i>")
    if also:
        lines.append(also)  # other meanings of a shared title, already HTML
    lines.append(source)
    return kind, "\n".join(lines)


def _pair_lines(
    resolved: Sequence[Side],
    average: float | None,
    where: list[str],
    top: TopCode,
    differs: Sequence[str],
) -> list[str]:
    a, b = resolved
    lines = [f"⚖️ <b>{echo(a.asked_as)}</b> vs <b>{echo(b.asked_as)}</b>"]
    lines += where
    lines += [wording.numbered(i, s) for i, s in enumerate(resolved, 1)]
    together = shared(a.facts, b.facts)
    if together.everything:
        lines.append(
            "<i>BLS publishes pay, jobs and growth for both together, as "
            f"“{esc(published_as(a.facts))}”: the same figures stand for each.</i>"
        )
        figures = summary_lines(a, top, average)
        lines += figures[:-1] if a.facts.wages_from_aggregate and a.facts.wage_title else figures
        lines += list(differs)
        lines += side_notes(resolved, top, numbered=True)
        return lines
    lines.append(summary_table(resolved, top))
    lines += [
        f"<i>{i}. pay, jobs and growth: BLS's figures for {esc(s.facts.wage_title)}</i>"
        for i, s in enumerate(resolved, 1)
        if s.facts.wages_from_aggregate and s.facts.wage_title
    ]
    if together.wages:
        lines.append(
            f"<i>1 and 2: BLS publishes one set of pay figures for both, as "
            f"“{esc(published_as(a.facts))}”.</i>"
        )
    if together.projection:
        lines.append("<i>1 and 2: BLS projects growth and entry education for both together.</i>")
    lines += side_notes(resolved, top, numbered=True)
    sentences = differences(resolved)
    if sentences:
        lines += [*sentences, COMPUTED]
    return lines


def compact_lines(side: Side, top: TopCode) -> list[str]:
    """Three lines for one of three or four occupations: pay and range; growth and jobs;
    education and experience."""
    f, w, p = side.facts, side.facts.wages, side.facts.projection
    median = wage(w, "annual_median", top)
    if w is not None and w.paid_the_other_way("annual_median"):
        median = wage(w, "hourly_median", top) + "/h"
    elif median != "not published":
        median += "/yr"
    growth = signed_percent(p.percent_change) if p else "not published"
    jobs = f"{w.employment:,}" if w and w.employment is not None else "not published"
    education = (p.typical_education if p else None) or "not published"
    experience = (p.work_experience if p else None) or "not published"
    lines = [
        f"💵 {esc(median)} · range {esc(pay_range(w, top, short=True))} (10th–90th pct)",
        f"📈 Growth to 2034: {esc(growth)} · 👥 Jobs: {jobs}",
        f"🎓 {esc(education)} · 🧰 Experience: {esc(experience)}",
    ]
    if f.wages_from_aggregate and f.wage_title:
        lines.append(f"<i>Pay, jobs and growth: BLS's figures for {esc(f.wage_title)}</i>")
    return lines


def _profile_lines(
    resolved: Sequence[Side], average: float | None, where: list[str], top: TopCode
) -> list[str]:
    side = resolved[0]
    lines = []
    if len(resolved) > 1:
        asked = " and ".join(f"“{echo(s.asked_as)}”" for s in resolved)
        lines.append(
            f"⚖️ {asked} are the same occupation in official data: <b>{esc(side.facts.title)}</b>."
        )
    else:
        lines.append(f"💼 <b>{esc(side.facts.title)}</b>")
        if side.asked_as.casefold() != side.facts.title.casefold():
            lines.append(f"<i>You asked: {echo(side.asked_as)}</i>")
    lines += where
    lines += summary_lines(side, top, average)
    lines += side_notes(resolved[:1], top, numbered=False)
    w = side.facts.wages
    if len(resolved) > 1 and w is not None:
        lines.append(
            "What still differs is the job within it: experience, employer and place. "
            f"Half earn between {esc(wage(w, 'annual_p25', top))} and "
            f"{esc(wage(w, 'annual_p75', top))} (25th–75th percentile); "
            "see Salary for states and industries."
        )
    return lines
