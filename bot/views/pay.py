"""The Salary view: national percentiles, the best-paying states, metros and industries, and the
pay in the place asked about."""

from __future__ import annotations

from bot.render import NOT_PUBLISHED, ONE_WAY, TopCode, count, esc, hourly, money, wage
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
        lines.append("n/p: not published by the source")
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


async def salary(ctx: ViewContext) -> Rendered:
    """National pay in full, the best-paying places and industries, and the area's own row when
    the question named a place or the chat remembers one."""
    store, top, many = ctx.store, ctx.top, ctx.many
    codes = [f.code for f in ctx.occupations]
    national = await store.occupations(codes, NATIONAL)
    local: dict[str, WageFacts] | None = None
    if ctx.place is not None:
        in_area = await store.occupations(codes, ctx.place.code)
        local = {c: f.wages for c, f in in_area.items() if f.wages is not None}
    occupations = [national[f.code] for f in ctx.occupations]
    parts = ["💵 <b>Salary</b> — U.S. national, BLS OEWS"]
    for f in occupations:
        w = f.wages
        lines = [_heading(f, many)]
        if w is None:
            lines.append(f"Pay: {NOT_PUBLISHED} by BLS for this occupation.")
            parts.append("\n".join(lines))
            continue
        if f.wages_from_aggregate and f.wage_title:
            lines.append(f"<i>Pay figures for: {esc(f.wage_title)}</i>")
        lines.append(_headline(w, top))
        lines.append("<pre>" + esc(_percentile_table(w, top)) + "</pre>")
        pay = "hourly" if w.paid_the_other_way("annual_median") else "annual"
        area_wages = (local or {}).get(f.code)
        if area_wages is not None:
            lines.append(
                f"📍 {esc(area_wages.area_name)}: median "
                f"{esc(wage(area_wages, pay + '_median', top))}, "
                f"mean {esc(wage(area_wages, pay + '_mean', top))}, "
                f"{count(area_wages.employment)} jobs"
            )
        elif local is not None:
            lines.append(f"📍 Your area: {NOT_PUBLISHED} for this occupation.")
        if f.wage_code:
            for kind, label, one, several in RANKINGS:
                ranking = await store.ranked_wages(
                    f.wage_code, kind=kind, limit=3 if many else 5, by=pay + "_median"
                )
                items = _ranking_items(ranking, kind, pay, (one, several), top)
                if items:
                    lines.append(f"<b>{label}</b> (median): " + "; ".join(items))
        parts.append("\n".join(lines))
    return Rendered("\n".join(parts))
