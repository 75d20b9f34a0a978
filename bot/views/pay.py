"""The Salary view: pay in the answer's place in full (national when none), the best-paying
metro areas within a state, national pay and the best-paying states, metros and industries."""

from __future__ import annotations

from bot.places import NATIONAL_NAME, POSTAL, PlaceKind, place_name
from bot.render import (
    NOT_PUBLISHED,
    ONE_WAY,
    TopCode,
    count,
    esc,
    gap_legend,
    hourly,
    money,
    wage,
)
from bot.views.context import Rendered, ViewContext
from bot.views.headings import heading as _heading
from store.codes import NATIONAL
from store.facts import Ranking, RankingOf, WageFacts

RANKINGS = (  # kind, heading, one, several
    (RankingOf.STATES, "Best-paying states", "state", "states"),
    (RankingOf.METROS, "Best-paying metro areas", "metro area", "metro areas"),
    (RankingOf.INDUSTRIES, "Best-paying industries", "industry", "industries"),
)
PERCENTILES = (
    ("10th", "p10"),
    ("25th", "p25"),
    ("Median", "median"),
    ("75th", "p75"),
    ("90th", "p90"),
)


def _headline(w: WageFacts, top: TopCode) -> str:
    """Median and mean, yearly (and the hourly mean), or only the way BLS reports the job."""
    if w.paid_the_other_way("annual_median"):
        return (
            f"Median {esc(wage(w, 'hourly_median', top))} · mean "
            f"{esc(wage(w, 'hourly_mean', top))} an hour ({ONE_WAY.format(way='hourly')})"
        )
    text = (
        f"Median {esc(wage(w, 'annual_median', top))} · mean {esc(wage(w, 'annual_mean', top))}/yr"
    )
    if w.paid_the_other_way("hourly_mean"):
        return f"{text} ({ONE_WAY.format(way='yearly')})"
    return f"{text} ({esc(wage(w, 'hourly_mean', top))}/h)"


def _percentile_table(w: WageFacts, top: TopCode) -> str:
    """Yearly and hourly percentiles; a column BLS does not report for this job is left out."""
    columns = [
        (heading, prefix)
        for heading, prefix in (("Yearly", "annual_"), ("Hourly", "hourly_"))
        if not w.paid_the_other_way(prefix + "median")
    ]
    rows = [["Percentile", *(heading for heading, _ in columns)]]
    for label, suffix in PERCENTILES:
        cells = [wage(w, prefix + suffix, top) for _, prefix in columns]
        rows.append([label, *("n/p" if c == NOT_PUBLISHED else c for c in cells)])
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(len(rows[0]))]
    lines = ["".join(c.ljust(n) for c, n in zip(row, widths, strict=True)).rstrip() for row in rows]
    if any("n/p" in row for row in rows):
        lines.append(gap_legend([w]))
    return "\n".join(lines)


def _ranking_items(
    ranking: Ranking, kind: RankingOf, pay: str, nouns: tuple[str, str], top: TopCode
) -> list[str]:
    """ "Texas $61,230", industries with their jobs, then how many more are top-coded."""
    items = [
        f"{esc(r.name)} {hourly(r.median) if pay == 'hourly' else money(r.median)}"
        + (
            f" ({count(r.employment)} jobs)"
            if kind == RankingOf.INDUSTRIES and r.employment
            else ""
        )
        for r in ranking.ranked
    ]
    if ranking.top_coded:
        n = ranking.top_coded
        noun = nouns[0] if n == 1 else nouns[1]
        ceiling = top.hourly if pay == "hourly" else top.annual
        more = f"and {n} more {noun}" if items else f"{n} {noun}"
        items.append(f"{more} at {ceiling}+, where BLS gives no exact figure")
    return items


def _concentration(w: WageFacts) -> str | None:
    """BLS's own concentration figures for an area (not published for the nation)."""
    parts = []
    if w.jobs_per_1000 is not None:
        parts.append(f"{w.jobs_per_1000:,.1f} per 1,000 jobs there")
    if w.location_quotient is not None:
        parts.append(f"location quotient {w.location_quotient:.2f} (1 = the national share)")
    return "Concentration: " + "; ".join(parts) if parts else None


async def _rankings(
    ctx: ViewContext, wage_code: str, pay: str, kinds: list[tuple[RankingOf, str | None]]
) -> list[str]:
    lines = []
    for kind, within in kinds:
        _, label, one, several = next(r for r in RANKINGS if r[0] == kind)
        if within is not None and ctx.place is not None:
            label = f"Best-paying metro areas in {esc(ctx.place.name)}"
        ranking = await ctx.store.ranked_wages(
            wage_code, kind=kind, limit=3 if ctx.many else 5, by=pay + "_median", within=within
        )
        items = _ranking_items(ranking, kind, pay, (one, several), ctx.top)
        if items:
            lines.append(f"<b>{label}</b> (median): " + "; ".join(items))
    return lines


def _full(w: WageFacts, top: TopCode, where: str | None = None) -> list[str]:
    """The headline and the percentile table; `where` names the place above them."""
    head = _headline(w, top)
    lines = [f"📍 <b>{esc(where)}</b>: {head}" if where else head]
    lines.append("<pre>" + esc(_percentile_table(w, top)) + "</pre>")
    return lines


async def salary(ctx: ViewContext) -> Rendered:
    """Pay in full for the place of the answer (national when none): under a state or metro
    its own percentiles and concentration, then the best-paying metro areas within a state,
    then the national figures and the best-paying states; industries are national."""
    store, top, place = ctx.store, ctx.top, ctx.place
    codes = [f.code for f in ctx.occupations]
    national = await store.occupations(codes, NATIONAL)
    local: dict[str, WageFacts] = {}
    if place is not None:
        in_area = await store.occupations(codes, place.code)
        local = {c: f.wages for c, f in in_area.items() if f.wages is not None}
    parts = [f"💵 <b>Salary</b> — {esc(place_name(place))}, BLS OEWS"]
    for f in (national[o.code] for o in ctx.occupations):
        w = f.wages
        lines = [_heading(f, ctx.many)]
        if w is None:
            lines.append(f"Pay: {NOT_PUBLISHED} by BLS for this occupation.")
            parts.append("\n".join(lines))
            continue
        if f.wages_from_aggregate and f.wage_title:
            lines.append(f"<i>Pay figures for: {esc(f.wage_title)}</i>")
        pay = "hourly" if w.paid_the_other_way("annual_median") else "annual"
        area_wages = local.get(f.code)
        kinds: list[tuple[RankingOf, str | None]] = [(RankingOf.STATES, None)]
        if place is not None and area_wages is not None:
            lines += _full(area_wages, top, place.name)
            concentration = _concentration(area_wages)
            if concentration:
                lines.append(concentration)
            lines.append(f"Jobs there: {count(area_wages.employment)}")
            if place.kind == PlaceKind.STATE:
                kinds.insert(0, (RankingOf.METROS, POSTAL.get(place.state_code, "")))
            lines.append(
                f"🇺🇸 <b>{NATIONAL_NAME}</b>: median {esc(wage(w, pay + '_median', top))}, "
                f"mean {esc(wage(w, pay + '_mean', top))}, {count(w.employment)} jobs"
            )
        else:
            if place is not None:
                lines.append(f"📍 {esc(place.name)}: {NOT_PUBLISHED} for this occupation.")
            lines += _full(w, top)
            kinds.append((RankingOf.METROS, None))
        kinds.append((RankingOf.INDUSTRIES, None))
        if f.wage_code:
            lines += await _rankings(ctx, f.wage_code, pay, kinds)
        parts.append("\n".join(lines))
    return Rendered("\n".join(parts))
