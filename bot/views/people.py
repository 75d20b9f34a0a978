"""Who does the work and what is like it: the Demographics and Similar jobs views."""

from __future__ import annotations

from bot.render import NOT_PUBLISHED, esc, money, signed_percent
from bot.views.context import Offer, Rendered, ViewContext
from bot.views.headings import heading as _heading


def _percent(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:.1f}%"


async def demographics(ctx: ViewContext) -> Rendered:
    store, occupations, many = ctx.store, ctx.occupations, ctx.many
    years = (ctx.metadata.get("release_cps_shares", ""), ctx.metadata.get("release_cps_age", ""))
    covered, total = await store.demographics_coverage()
    parts = ["👥 <b>Who works in it</b>"]
    for f in occupations:
        d = await store.demographics(f.code)
        lines = [_heading(f, many)]
        if d is None:
            lines.append(f"Demographics: {NOT_PUBLISHED} (no matching CPS occupation).")
        else:
            lines.append(f"Women: {_percent(d.women)}")
            lines.append(
                f"White {_percent(d.white)} · Black {_percent(d.black)} · "
                f"Asian {_percent(d.asian)} · Hispanic or Latino {_percent(d.hispanic)}"
            )
            age = NOT_PUBLISHED if d.median_age is None else f"{d.median_age:.1f}"
            lines.append(f"Median age: {age}")
            lines.append(f"<i>CPS group: {esc(d.cps_title)}</i>")
        parts.append("\n".join(lines))
    parts.append(
        f"\n<i>BLS Current Population Survey: shares {years[0]}, age {years[1]}. "
        f"Covers {covered} of {total} occupations.</i>"
    )
    return Rendered("\n".join(parts))


async def similar(ctx: ViewContext) -> Rendered:
    """O*NET's related occupations, each offered as a comparison with the one it relates to."""
    store, occupations, many = ctx.store, ctx.occupations, ctx.many
    parts = ["🔁 <b>Similar jobs</b> — O*NET related occupations"]
    offers: list[Offer] = []
    for f in occupations:
        related = await store.related(f.code, limit=3 if many else 5)
        lines = [_heading(f, many)]
        if not related:
            lines.append(f"Related occupations: {NOT_PUBLISHED} by O*NET.")
        for r in related:
            lines.append(
                f"• {esc(r.title)} — {money(r.annual_median)}, {signed_percent(r.percent_change)}"
            )
            offers.append(Offer(f, r.code, r.title))
        parts.append("\n".join(lines))
    return Rendered("\n".join(parts), tuple(offers))
