"""The How to switch view: from the first occupation of a pair to the second."""

from __future__ import annotations

from bot.switching import plan_switch, switch_text
from bot.views.context import Rendered, ViewContext


async def switch(ctx: ViewContext) -> Rendered:
    if len(ctx.occupations) != 2:
        return Rendered("This view is not available.")
    origin, target = ctx.occupations
    plan = await plan_switch(ctx.store, origin.code, target.code, (origin.title, target.title))
    return Rendered(switch_text(plan, origin, target, ctx.top))
