"""What the work is and what it takes: the Skills, Duties and Education views (O*NET, with
BLS's typical entry requirements)."""

from __future__ import annotations

from bot.render import NOT_PUBLISHED, esc, onet_value
from bot.views.context import Rendered, ViewContext
from bot.views.headings import heading as _heading


async def skills(ctx: ViewContext) -> Rendered:
    store, occupations, many = ctx.store, ctx.occupations, ctx.many
    parts = ["🧠 <b>Skills</b> — most important first, with O*NET importance (scale 1–5)"]
    for f in occupations:
        lines = [_heading(f, many)]
        top_skills = await store.ratings(f.code, "skill", limit=6 if many else 8)
        knowledge = await store.ratings(f.code, "knowledge", limit=4 if many else 6)
        technology = await store.technology(f.code, limit=6 if many else 10)
        if not top_skills and not knowledge:
            lines.append(f"Skills: {NOT_PUBLISHED} by O*NET for this occupation.")
        if top_skills:
            lines.append(
                "Skills: "
                + ", ".join(
                    f"{esc(s.name)} {onet_value(s.importance)}"
                    if s.importance is not None
                    else f"{esc(s.name)} (importance not rated)"
                    for s in top_skills
                )
            )
        if knowledge:
            lines.append("Knowledge: " + ", ".join(esc(k.name) for k in knowledge))
        if technology:
            lines.append("Hot technology: " + ", ".join(esc(t) for t in technology))
        parts.append("\n".join(lines))
    return Rendered("\n".join(parts))


async def duties(ctx: ViewContext) -> Rendered:
    store, occupations, many = ctx.store, ctx.occupations, ctx.many
    parts = ["📋 <b>What they do</b>"]
    for f in occupations:
        tasks = await store.tasks(f.code, limit=4 if many else 6)
        lines = [_heading(f, many), esc(f.description) if f.description else ""]
        lines += [f"• {esc(t)}" for t in tasks]
        if not tasks:
            lines.append(f"Tasks: {NOT_PUBLISHED} by O*NET for this occupation.")
        parts.append("\n".join(line for line in lines if line))
    return Rendered("\n".join(parts))


def _level_name(label: str) -> str:
    """O*NET's category without its explanation: "Associate's Degree (or other 2-year ...)"."""
    return label.split(" - ")[0].split(" (")[0]


async def education(ctx: ViewContext) -> Rendered:
    store, occupations, many = ctx.store, ctx.occupations, ctx.many
    parts = ["🎓 <b>Education and experience</b>"]
    for f in occupations:
        e = await store.education(f.code)
        lines = [_heading(f, many)]
        lines.append(f"Typical entry (BLS): {esc(e.typical_entry or NOT_PUBLISHED)}")
        lines.append(f"Experience in a related job: {esc(e.work_experience or NOT_PUBLISHED)}")
        lines.append(f"On-the-job training: {esc(e.training or NOT_PUBLISHED)}")
        if e.levels:
            published = [s for s in e.levels if s.percent is not None][:3]
            withheld = [s for s in e.levels if s.percent is None]
            shares = [f"{esc(_level_name(s.label))} {s.percent:.0f}%" for s in published]
            if withheld:
                names = ", ".join(esc(_level_name(s.label)) for s in withheld)
                shares.append(f"{names}: share withheld by O*NET (low precision)")
            lines.append("What workers have (O*NET): " + "; ".join(shares))
        else:
            lines.append(f"What workers have (O*NET): {NOT_PUBLISHED}")
        if e.job_zone_name:
            lines.append(f"Preparation: {esc(e.job_zone_name)}")
        parts.append("\n".join(lines))
    return Rendered("\n".join(parts))
