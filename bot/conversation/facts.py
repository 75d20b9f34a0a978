"""Questions about the occupations shown — "which pays more?", "which needs less school?",
"which is growing faster?", "which has more jobs?", "which pays less?" — answered from the
figures, quoted.

No opinions: the answer names the occupation the figures favour and quotes them; "which is
better?" gets the trade-off, figure by figure, and no verdict. Differences are computed from
the figures shown, and say so. A figure the source does not publish is said to be missing,
and then nothing is ranked on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.render import TopCode, count, esc, median_pay, signed_percent, thousands
from store.facts import OccupationFacts

EDUCATION_ORDER = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)
ABOUT_THE_SAME = (0.01, 1000.0)  # under 1% or under $1,000 apart: "about the same"
# A measure's key ends in "+" or "-" when the question asks the other way from its usual one:
# "education+" more school (less is usual), "pay-" less pay, "jobs-" fewer jobs.
REVERSED = ("+", "-")


def key(measure: str, reverse: bool) -> str:
    """The measure's key as the conversation stores it ("pay", "pay-", "education+")."""
    if not reverse or measure == "better":
        return measure
    return f"{measure}+" if measure == "education" else f"{measure}-"


def base(measure_key: str) -> str:
    """ "pay-" -> "pay": what is compared, whichever way."""
    return measure_key.rstrip("".join(REVERSED))


@dataclass(frozen=True)
class Answer:
    text: str  # Telegram HTML
    favoured: str | None  # the code the figures favour; None on a tie or a missing figure
    measure: str


def answer(
    occupations: Sequence[OccupationFacts],
    measure: str,
    where: str,
    top: TopCode,
    period: str,
    average_growth: float | None,
) -> Answer:
    """`measure`: a `key` of pay, jobs, growth, openings, education (less school is usual),
    better."""
    what, reverse = base(measure), measure.endswith(REVERSED)
    if what == "pay":
        return _pay(occupations, where, top, period, less=reverse)
    if what == "jobs":
        return _jobs(occupations, where, period, fewer=reverse)
    if what == "growth":
        return _growth(occupations, average_growth, slower=reverse)
    if what == "openings":
        return _openings(occupations, fewer=reverse)
    if what == "education":
        return _education(occupations, more=reverse)
    return _better(occupations, where, top, period, average_growth)


def _title(facts: OccupationFacts) -> str:
    return f"<b>{esc(facts.title)}</b>"


def _pay_values(
    occupations: Sequence[OccupationFacts], top: TopCode
) -> tuple[list[float | None], str]:
    """Comparable pay per occupation: yearly medians, or hourly when one is paid by the hour
    only; a top-coded median counts as BLS's top figure (it is at least that)."""

    def value(facts: OccupationFacts, column: str, ceiling: float) -> float | None:
        w = facts.wages
        if w is None:
            return None
        found = getattr(w, column)
        if found is None and w.top_coded(column):
            return ceiling
        return float(found) if found is not None else None

    yearly = [value(f, "annual_median", top.annual_dollars) for f in occupations]
    if all(v is not None for v in yearly):
        return yearly, "year"
    hourly = [value(f, "hourly_median", float(top.hourly.strip("$"))) for f in occupations]
    if all(v is not None for v in hourly):
        return hourly, "hour"
    return yearly, "year"


def _pay(
    occupations: Sequence[OccupationFacts], where: str, top: TopCode, period: str, less: bool
) -> Answer:
    values, unit = _pay_values(occupations, top)
    measure = key("pay", less)
    source = f"BLS OEWS {esc(period)}, median pay"
    missing = [f for f, v in zip(occupations, values, strict=True) if v is None]
    if missing:
        names = ", ".join(_title(f) for f in missing)
        lines = [
            f"💵 BLS publishes no median pay for {names} in {esc(where)}, so I can't rank them."
        ]
        lines += [
            f"• {_title(f)}: {esc(median_pay(f.wages, top))}"
            for f in occupations
            if f not in missing
        ]
        return Answer("\n".join(lines), None, measure)
    ranked = sorted(zip(occupations, values, strict=True), key=lambda p: -float(p[1] or 0))
    if less:
        ranked.reverse()
    (best, first), (second, other) = ranked[0], ranked[1]
    assert first is not None and other is not None
    high, low = max(first, other), min(first, other)
    figures = {f.code: esc(median_pay(f.wages, top)) for f in occupations}
    more_or_less = "less" if less else "more"
    if len(occupations) == 2:
        gap = high - low
        if high == low:
            return Answer(
                f"💵 In {esc(where)} they earn the same at the median: {figures[best.code]} "
                f"({source}).",
                None,
                measure,
            )
        amount = f"${gap:,.2f}" if unit == "hour" else f"${gap:,.0f}"
        close = (
            gap < ABOUT_THE_SAME[1] * (1 if unit == "year" else 1 / 2080)
            or gap / low < ABOUT_THE_SAME[0]
        )
        lead = (
            f"💵 In {esc(where)} they earn about the same; {_title(best)} slightly {more_or_less}:"
            if close
            else f"💵 In {esc(where)}, {_title(best)} earn {more_or_less}:"
        )
        return Answer(
            f"{lead} {figures[best.code]}, against {figures[second.code]} for {_title(second)} "
            f"({source}).\n<i>Difference, computed from these figures: {amount} a {unit} "
            f"({100 * gap / low:.0f}%).</i>",
            best.code,
            measure,
        )
    order = "lowest" if less else "highest"
    lines = [f"💵 Median pay in {esc(where)}, {order} first ({source}):"]
    lines += [f"{i}. {_title(f)} — {figures[f.code]}" for i, (f, _) in enumerate(ranked, 1)]
    favoured = best.code if first != other else None
    return Answer("\n".join(lines), favoured, measure)


def _missing(occupations: Sequence[OccupationFacts], values: Sequence[float | None]) -> str:
    """The occupations with no figure, named."""
    return ", ".join(_title(f) for f, v in zip(occupations, values, strict=True) if v is None)


def _ranked(
    occupations: Sequence[OccupationFacts], values: Sequence[float | None], lowest_first: bool
) -> tuple[list[tuple[OccupationFacts, float | None]], str | None]:
    """The occupations in order of their figure, and the one it favours (None on a tie)."""
    sign = 1 if lowest_first else -1
    ranked = sorted(zip(occupations, values, strict=True), key=lambda p: sign * (p[1] or 0.0))
    return ranked, ranked[0][0].code if ranked[0][1] != ranked[1][1] else None


def _jobs(occupations: Sequence[OccupationFacts], where: str, period: str, fewer: bool) -> Answer:
    values = [f.wages.employment if f.wages else None for f in occupations]
    measure = key("jobs", fewer)
    source = f"BLS OEWS {esc(period)}, jobs excluding the self-employed"
    if any(v is None for v in values):
        return Answer(
            f"👥 BLS publishes no job count for {_missing(occupations, values)} in {esc(where)}, "
            "so I can't compare.",
            None,
            measure,
        )
    ranked, favoured = _ranked(occupations, values, lowest_first=fewer)
    lines = [f"👥 Jobs in {esc(where)}, {'fewest' if fewer else 'most'} first ({source}):"]
    lines += [f"{i}. {_title(f)} — {count(v)}" for i, (f, v) in enumerate(ranked, 1)]
    return Answer("\n".join(lines), favoured, measure)


def _growth(occupations: Sequence[OccupationFacts], average: float | None, slower: bool) -> Answer:
    values = [f.projection.percent_change if f.projection else None for f in occupations]
    source = "BLS Employment Projections 2024–34, national"
    measure = key("growth", slower)
    if any(v is None for v in values):
        missing = _missing(occupations, values)
        return Answer(f"📈 BLS publishes no projection for {missing}.", None, measure)
    ranked, favoured = _ranked(occupations, values, lowest_first=slower)
    order = "slowest" if slower else "fastest"
    lines = [f"📈 Projected change in jobs by 2034, {order} first ({source}):"]
    lines += [f"{i}. {_title(f)} — {signed_percent(v)}" for i, (f, v) in enumerate(ranked, 1)]
    if average is not None:
        lines.append(f"<i>All jobs: {signed_percent(average)}.</i>")
    return Answer("\n".join(lines), favoured, measure)


def _openings(occupations: Sequence[OccupationFacts], fewer: bool) -> Answer:
    """Job openings a year, projected (new jobs plus workers to replace): EP's own figure,
    national only."""
    values = [f.projection.openings if f.projection else None for f in occupations]
    source = "BLS Employment Projections 2024–34, national, average a year"
    measure = key("openings", fewer)
    if any(v is None for v in values):
        missing = _missing(occupations, values)
        return Answer(f"🚪 BLS publishes no projected openings for {missing}.", None, measure)
    ranked, favoured = _ranked(occupations, values, lowest_first=fewer)
    order = "fewest" if fewer else "most"
    lines = [f"🚪 Job openings a year, projected to 2034, {order} first ({source}):"]
    lines += [f"{i}. {_title(f)} — {thousands(v)}" for i, (f, v) in enumerate(ranked, 1)]
    return Answer("\n".join(lines), favoured, measure)


def _education(occupations: Sequence[OccupationFacts], more: bool) -> Answer:
    entries = [f.projection.typical_education if f.projection else None for f in occupations]
    levels = [EDUCATION_ORDER.index(e) if e in EDUCATION_ORDER else None for e in entries]
    lines = ["🎓 Typical education needed to enter (BLS Employment Projections):"]
    lines += [
        f"• {_title(f)} — {esc(e or 'not published')}"
        for f, e in zip(occupations, entries, strict=True)
    ]
    if any(level is None for level in levels):
        return Answer("\n".join(lines), None, "education")
    pick = max if more else min
    best = pick(levels)  # type: ignore[type-var]
    if levels.count(best) > 1:
        lines.append(
            "They typically need the same level to start." if len(set(levels)) == 1 else ""
        )
        return Answer("\n".join(line for line in lines if line), None, "education")
    chosen = occupations[levels.index(best)]
    # O*NET's titles are plurals: "Bill and Account Collectors need", never "needs".
    lines.append(f"{_title(chosen)} need {'more' if more else 'less'} school to start.")
    return Answer("\n".join(lines), chosen.code, "education+" if more else "education")


def _better(
    occupations: Sequence[OccupationFacts],
    where: str,
    top: TopCode,
    period: str,
    average: float | None,
) -> Answer:
    """A trade-off, figure by figure: which is better depends on what matters to the asker."""
    lines = [
        "⚖️ No single answer — it depends on what matters to you. The figures, side by side:",
    ]
    for f in occupations:
        p = f.projection
        lines.append(
            f"• {_title(f)}: pay {esc(median_pay(f.wages, top))} ({esc(where)}); growth "
            f"{signed_percent(p.percent_change) if p else 'not published'}; starts with "
            f"{esc((p.typical_education if p else None) or 'not published').lower()}; "
            f"{count(f.wages.employment) if f.wages else 'not published'} jobs"
        )
    lines.append(
        f"<i>Pay and jobs: BLS OEWS {esc(period)}; growth and education: Employment "
        "Projections 2024–34"
        + (f" (all jobs {signed_percent(average)})" if average is not None else "")
        + ".</i>"
    )
    return Answer("\n".join(lines), None, "better")
