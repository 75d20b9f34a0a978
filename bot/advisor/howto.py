"""How to become X: what BLS says it typically takes, what O*NET's workers report, the Job
Zone's preparation text, and related occupations that need less preparation (stepping stones).

This is the sourced answer to "how long does it take to become…": no made-up month counts,
only the published categories (Table 1.2's entry education, experience and training; O*NET's
education, related-experience and on-the-job-training distributions and Job Zone text).
Licences are not in the data, so the answer says to check the state's requirements.
"""

from __future__ import annotations

from typing import Any

from bot.advisor.context import context
from bot.advisor.core import Core
from bot.advisor.frame import area_name, button, fit, sources
from bot.payloads import occupation_json
from bot.places import Place
from bot.render import NOT_PUBLISHED, Side, esc, median_pay, trim
from bot.replies import Button, Reply, ReplyKind, View
from store.facts import Share

STEPPING_STONES = 4
CHECK_LICENCES = (
    "Licences and certifications: this data does not say which are required. Many states "
    "license this kind of work — check your state's requirements."
)


def _level_name(label: str) -> str:
    """O*NET's category without its explanation ("Associate's Degree (or other 2-year…)")."""
    return label.split(" - ")[0].split(" (")[0]


def _most_reported(shares: tuple[Share, ...]) -> Share | None:
    published = [s for s in shares if s.percent is not None]
    return max(published, key=lambda s: s.percent or 0.0) if published else None


def _distribution(shares: tuple[Share, ...], limit: int = 3) -> str:
    published = sorted((s for s in shares if s.percent), key=lambda s: -(s.percent or 0.0))[:limit]
    text = " · ".join(f"{esc(_level_name(s.label))} {s.percent:.0f}%" for s in published)
    if any(s.percent is None for s in shares):
        text += " (some shares withheld by O*NET: low precision)"
    return text


async def how_to_become(core: Core, code: str, place: Place | None = None) -> Reply:
    """The "how to become" card of one occupation (also what "how do I become one?" after a
    profile answers). Pay, where shown, is the place's (national when it has none)."""
    facts_by_code, _ = await core.facts([code], place)
    facts = facts_by_code.get(code)
    if facts is None:
        return core.expired()
    education = await core.store.education(code)
    experience = await core.store.education_shares(code, "RW")
    on_the_job = await core.store.education_shares(code, "OJ")
    zones = await core.store.job_zones()
    zone = zones.get(education.job_zone) if education.job_zone else None

    lines = [f"🎓 <b>How to become: {esc(facts.title)}</b>"]
    lines.append(
        "<b>What it typically takes</b> (BLS Employment Projections "
        f"{esc(core.metadata.get('release_projections', ''))})"
    )
    lines.append(f"• Entry education: {esc(education.typical_entry or NOT_PUBLISHED)}")
    lines.append(
        f"• Work experience in a related job: {esc(education.work_experience or NOT_PUBLISHED)}"
    )
    lines.append(f"• On-the-job training: {esc(education.training or NOT_PUBLISHED)}")
    lines.append(f"<b>What workers report</b> (O*NET {esc(core.metadata.get('release_onet', ''))})")
    levels = tuple(education.levels)
    lines.append("• Education: " + (_distribution(levels) if levels else NOT_PUBLISHED))
    for label, shares in (
        ("Related work experience", experience),
        ("On-the-job training", on_the_job),
    ):
        most = _most_reported(shares)
        if most is not None:
            lines.append(f"• {label}: most report “{esc(most.label)}” ({most.percent:.0f}%)")
    if zone is not None:
        lines.append(f"<b>Preparation</b>: {esc(zone.name)}")
        lines.append(f"<i>{esc(zone.training)} {esc(zone.education)}</i>")
    if education.training == "Apprenticeship":
        lines.append("🔧 BLS names an apprenticeship as the typical training.")
    certificate = next(
        (s for s in levels if s.label.startswith("Post-Secondary Certificate") and s.percent),
        None,
    )
    if education.typical_entry == "Postsecondary nondegree award":
        lines.append("📜 BLS: a postsecondary certificate (nondegree award) is the typical entry.")
    elif certificate is not None and (certificate.percent or 0) >= 20:
        lines.append(
            f"📜 {certificate.percent:.0f}% of workers report a post-secondary certificate "
            "as the education the job requires (O*NET)."
        )
    lines.append(f"📋 {esc(CHECK_LICENCES)}")

    stones = await stepping_stones(core, code, education.job_zone)
    if stones:
        lines.append("<b>Stepping stones</b> — related jobs that need less preparation (O*NET):")
        stone_facts, _ = await core.facts([c for c, _, _ in stones], place)
        for stone_code, title, stone_zone in stones:
            f = stone_facts.get(stone_code)
            pay = median_pay(f.wages if f else None, core.top)
            lines.append(f"• {esc(title)} (Job Zone {stone_zone}) — {esc(pay)}")
    if place is not None:
        lines.append(f"<i>Pay shown for {esc(area_name(place))} where published.</i>")
    lines.append(sources(core, onet=True))

    area = place.code if place is not None else None
    rows: list[tuple[Button, ...]] = [
        (
            core.keyboards.button("💼 Profile", View.SUMMARY, [code], area),
            button(core, "📈 Is it a good bet?", View.PROSPECTS, [code], area),
        ),
        (core.keyboards.button("🎓 Education detail", View.EDUCATION, [code], area),),
    ]
    rows += [
        (core.keyboards.button(f"🪜 {fit(title, 40)}", View.SUMMARY, [c], area),)
        for c, title, _ in stones
    ]
    howto: dict[str, Any] = {
        "typical_education": education.typical_entry,
        "work_experience": education.work_experience,
        "training": education.training,
        "job_zone": education.job_zone,
        "job_zone_name": zone.name if zone else None,
        "education_levels": [{"label": s.label, "percent": s.percent} for s in levels],
        "stepping_stones": [c for c, _, _ in stones],
    }
    return Reply(
        ReplyKind.HOWTO,
        trim("\n".join(lines)),
        tuple(rows),
        (occupation_json(Side(facts.title, facts.title, facts), core.period),),
        extra={"howto": howto, "location": core.places.json(place)},
        context=context(ReplyKind.HOWTO, [code], [facts.title], place),
    )


async def stepping_stones(core: Core, code: str, zone: int | None) -> list[tuple[str, str, int]]:
    """O*NET Related Occupations of `code` with a lower Job Zone, most related first."""
    if zone is None:
        return []
    occupations = {o.code: o for o in await core.store.advisor_occupations()}
    found = []
    for related in await core.store.related_ranked(code):
        o = occupations.get(related)
        if o is not None and o.job_zone is not None and o.job_zone < zone:
            found.append((o.code, o.title, o.job_zone))
            if len(found) == STEPPING_STONES:
                break
    return found
