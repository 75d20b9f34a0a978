"""The Outlook view: where each occupation's jobs are projected to go, 2024-34.

One block per occupation, in the order asked: jobs now and in 2034, the change said plainly
against the all-jobs figure (a decline reads as a decline, never "slower than average"),
openings a year, and whose projection it is when BLS projects an aggregate. Kept to a list of
lines per occupation so further BLS facts (Table 1.12's factors) can be added as lines.
"""

from __future__ import annotations

from bot.render import NOT_PUBLISHED, esc, signed_percent, thousands
from bot.sentences import growth_sentence
from bot.views.context import Rendered, ViewContext
from bot.views.factors import factor_lines
from bot.views.headings import heading
from store.facts import OccupationFacts


def outlook_lines(f: OccupationFacts, average: float | None) -> list[str]:
    p = f.projection
    if p is None:
        return [f"Projections: {NOT_PUBLISHED} for this occupation."]
    lines = [
        f"Jobs 2024: {thousands(p.employment_2024)} → 2034: {thousands(p.employment_2034)} "
        f"({signed_percent(p.percent_change)})"
    ]
    sentence = growth_sentence(p.percent_change, average)
    if sentence:
        lines.append(sentence)
    openings = thousands(p.openings)
    lines.append(
        f"Openings: {openings} a year" if p.openings is not None else f"Openings: {openings}"
    )
    if p.code != f.soc_code:
        lines.append(f"<i>Projection for: {esc(p.title)}</i>")
    return lines


async def outlook(ctx: ViewContext) -> Rendered:
    average = await ctx.store.average_growth()
    parts = ["📈 <b>Outlook 2024–34</b> — BLS Employment Projections"]
    for f in ctx.occupations:
        lines = outlook_lines(f, average)
        if f.projection is not None:
            lines += await _stated_factors(ctx, f.projection.code)
        parts.append("\n".join([heading(f, ctx.many), *lines]) if ctx.many else "\n".join(lines))
    return Rendered("\n".join(parts))


async def _stated_factors(ctx: ViewContext, projection_code: str) -> list[str]:
    """BLS's own reasons for the projected change (Table 1.12), quoted; fewer when the view
    shows several occupations."""
    factors = await ctx.store.factors(projection_code)
    if not factors:
        return []
    return ["Why, says BLS (Table 1.12):", *factor_lines(factors, 1 if ctx.many else 2)]
