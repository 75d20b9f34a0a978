"""Is X a good bet? A factual card, not a verdict: growth and openings against all jobs, pay
against the all-jobs median, how many leave the occupation each year (Table 1.10) and BLS's own
stated reasons for the projected change (Table 1.12)."""

from __future__ import annotations

from bot.advisor.context import context
from bot.advisor.core import Core
from bot.advisor.frame import button, sources
from bot.payloads import occupation_json
from bot.render import NOT_PUBLISHED, Side, esc, median_pay, money, signed_percent, thousands, trim
from bot.replies import Reply, ReplyKind, View
from bot.views.factors import factor_lines
from store.advisor import Factor


def _rate(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:.1f}%"


async def prospects(core: Core, code: str) -> Reply:
    """The "is it a good bet?" card of one occupation (national figures)."""
    facts_by_code, _ = await core.facts([code], None)
    facts = facts_by_code.get(code)
    if facts is None:
        return core.expired()
    everyone = await core.store.all_jobs()
    p = facts.projection
    lines = [
        f"📈 <b>Is it a good bet? {esc(facts.title)}</b>",
        "<i>The figures, not a verdict.</i>",
    ]
    separation = None
    factors: tuple[Factor, ...] = ()
    if p is None:
        lines.append(f"Projections: {NOT_PUBLISHED} for this occupation.")
    else:
        lines.append(
            f"• Growth 2024–34: <b>{signed_percent(p.percent_change)}</b> "
            f"(all jobs: {signed_percent(everyone.growth)})"
        )
        rate = (
            100 * p.openings / p.employment_2024
            if p.openings is not None and p.employment_2024
            else None
        )
        all_rate = (
            100 * everyone.openings / everyone.employment_2024
            if everyone.openings is not None and everyone.employment_2024
            else None
        )
        opening_text = f"• Openings a year: <b>{thousands(p.openings)}</b>"
        if rate is not None and all_rate is not None:
            opening_text += (
                f" — {rate:.1f} per 100 jobs (all jobs: {all_rate:.1f}; computed by careerbot)"
            )
        lines.append(opening_text)
        separation = await core.store.separation(p.code)
        factors = await core.store.factors(p.code)
    pay = median_pay(facts.wages, core.top)
    lines.append(
        f"• Median pay: <b>{esc(pay)}</b> (all jobs: {esc(money(everyone.annual_median))}/yr)"
    )
    if separation is not None:
        yardstick = everyone.separations
        lines.append(
            f"• Who leaves each year: {_rate(separation.exit_rate)} leave the labour force, "
            f"{_rate(separation.transfer_rate)} move to another occupation"
            + (
                f" (all jobs: {_rate(yardstick.exit_rate)} and {_rate(yardstick.transfer_rate)})"
                if yardstick
                else ""
            )
            + " — BLS Table 1.10"
        )
    values = (await core.store.work_values(code))[:3]
    if values:
        lines.append(
            "• What it offers most (O*NET Work Values, extent 1–7): "
            + ", ".join(f"{esc(name.replace('_', ' '))} {extent:.1f}" for name, extent in values)
        )
    if p is not None and p.code != facts.soc_code:
        lines.append(f"<i>Projections for: {esc(p.title)}</i>")
    if factors:
        lines.append("<b>Why BLS projects this change</b> (Table 1.12):")
        lines += factor_lines(factors)
    elif p is not None:
        lines.append("<i>BLS states no factors for this occupation (Table 1.12).</i>")
    lines.append(sources(core))
    rows = (
        (
            core.keyboards.button("💼 Profile", View.SUMMARY, [code]),
            button(core, "🎓 How to become one", View.HOWTO, [code]),
        ),
        (
            button(core, "📍 Where it pays most", View.PLACES, [code]),
            core.keyboards.button("🔁 Similar jobs", View.SIMILAR, [code]),
        ),
    )
    return Reply(
        ReplyKind.PROSPECTS,
        trim("\n".join(lines)),
        rows,
        (occupation_json(Side(facts.title, facts.title, facts), core.period),),
        extra={
            "prospects": {
                "growth": p.percent_change if p else None,
                "all_jobs_growth": everyone.growth,
                "openings": p.openings if p else None,
                "exit_rate": separation.exit_rate if separation else None,
                "transfer_rate": separation.transfer_rate if separation else None,
                "work_values": [{"name": n, "extent": e} for n, e in values],
                "factors": [
                    {"industry": f.industry, "industry_code": f.industry_code, "text": f.text}
                    for f in factors
                ],
            },
            "location": core.places.json(None),  # projections are national figures
        },
        context=context(ReplyKind.PROSPECTS, [code], [facts.title], None),
    )
