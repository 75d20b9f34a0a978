"""What it takes to switch from one occupation to another, from O*NET's own ratings.

A gap is a skill or knowledge area that the target occupation rates clearly higher in level
(O*NET's 0-7 scale) and that matters there (importance >= 3 of 5): the things to learn, not
the things that merely differ. Technology is the target's hot technology the origin does not
list; preparation is the target's job zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.render import NOT_PUBLISHED, TopCode, esc, median_pay, onet_value
from store.facts import EducationFacts, OccupationFacts
from store.queries import CareerStore

MIN_LEVEL_GAP = 0.75
MIN_IMPORTANCE = 3.0
MAX_GAPS = 6


@dataclass(frozen=True)
class Gap:
    name: str
    from_level: float | None
    to_level: float

    def json(self) -> dict[str, Any]:
        return {"name": self.name, "from_level": self.from_level, "to_level": self.to_level}


@dataclass(frozen=True)
class SwitchPlan:
    from_title: str
    to_title: str
    skills: list[Gap] | None  # None: O*NET has not rated one of the two occupations
    knowledge: list[Gap] | None
    technology: list[str]
    education_from: EducationFacts
    education_to: EducationFacts

    def gaps_json(self) -> dict[str, Any]:
        return {
            "skills": None if self.skills is None else [g.json() for g in self.skills],
            "knowledge": None if self.knowledge is None else [g.json() for g in self.knowledge],
            "technology": self.technology,
            "education": {
                "from": self.education_from.typical_entry,
                "to": self.education_to.typical_entry,
                "job_zone_from": self.education_from.job_zone,
                "job_zone_to": self.education_to.job_zone,
                "preparation": self.education_to.job_zone_name,
            },
        }


async def _gaps(store: CareerStore, origin: str, target: str, domain: str) -> list[Gap] | None:
    have = await store.all_ratings(origin, domain)
    need = await store.all_ratings(target, domain)
    if not have or not need:
        return None
    gaps = []
    for name, rating in need.items():
        if rating.level is None or (rating.importance or 0) < MIN_IMPORTANCE:
            continue
        current = have.get(name)
        current_level = current.level if current else None
        if rating.level - (current_level or 0.0) >= MIN_LEVEL_GAP:
            gaps.append(Gap(name, current_level, rating.level))
    gaps.sort(key=lambda g: g.to_level - (g.from_level or 0.0), reverse=True)
    return gaps[:MAX_GAPS]


async def plan_switch(
    store: CareerStore, origin: str, target: str, titles: tuple[str, str]
) -> SwitchPlan:
    origin_tech = {t.casefold() for t in await store.technology(origin, hot_only=False, limit=500)}
    target_tech = await store.technology(target, hot_only=True, limit=40)
    return SwitchPlan(
        from_title=titles[0],
        to_title=titles[1],
        skills=await _gaps(store, origin, target, "skill"),
        knowledge=await _gaps(store, origin, target, "knowledge"),
        technology=[t for t in target_tech if t.casefold() not in origin_tech][:8],
        education_from=await store.education(origin),
        education_to=await store.education(target),
    )


NOT_RATED = "n/r"


def _level(value: float | None) -> str:
    return NOT_RATED if value is None else onet_value(value)


def without_examples(text: str) -> str:
    """O*NET's job zone wording without its "For example, an accountant must…" sentences:
    they describe another occupation than the one asked about."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(s for s in sentences if not s.startswith("For example"))


def render_switch(plan: SwitchPlan) -> str:
    lines = [
        f"🔀 <b>From {esc(plan.from_title)} to {esc(plan.to_title)}</b>",
        "<i>What the new job needs clearly more of: O*NET level (scale 0–7), now → needed, "
        "for skills and knowledge of importance 3 or more (scale 1–5)</i>",
    ]
    unrated = False
    for label, gaps in (("Skills", plan.skills), ("Knowledge", plan.knowledge)):
        if gaps is None:
            lines.append(f"{label}: {NOT_PUBLISHED} — O*NET has not rated both occupations.")
        elif gaps:
            unrated = unrated or any(g.from_level is None for g in gaps)
            lines.append(
                f"{label}: "
                + "; ".join(
                    f"{esc(g.name)} {_level(g.from_level)} → {onet_value(g.to_level)}" for g in gaps
                )
            )
        else:
            lines.append(f"{label}: no clear gaps — the levels needed are ones you have.")
    if unrated:
        lines.append(
            f"<i>{NOT_RATED}: O*NET gives no level for the current job (rated not relevant "
            "to it, or withheld for low precision).</i>"
        )
    if plan.technology:
        lines.append("Technology to learn: " + ", ".join(esc(t) for t in plan.technology))
    start, goal = plan.education_from, plan.education_to
    if start.typical_entry and start.typical_entry == goal.typical_entry:
        lines.append(f"Education (typical entry): {esc(goal.typical_entry)} for both")
    else:
        lines.append(
            f"Education (typical entry): {esc(start.typical_entry or NOT_PUBLISHED)} → "
            f"{esc(goal.typical_entry or NOT_PUBLISHED)}"
        )
    if goal.work_experience:
        lines.append(f"Experience in a related job: {esc(goal.work_experience)}")
    if goal.job_zone_name:
        lines.append(f"Preparation: {esc(goal.job_zone_name)}")
        experience = without_examples(goal.job_zone_experience or "")
        if experience:
            lines.append(f"<i>{esc(experience)}</i>")
    return "\n".join(lines)


def switch_text(
    plan: SwitchPlan, origin: OccupationFacts, target: OccupationFacts, top: TopCode
) -> str:
    """The plan, then both median pays as BLS reports them ("$63,970/yr → $29.05/h"), or
    once when BLS publishes one figure for both."""
    if origin.wage_code is not None and origin.wage_code == target.wage_code:
        name = origin.wage_name or target.title
        pay = (
            f"Median pay: {median_pay(target.wages, top)} for both (BLS publishes them "
            f"together, as “{name}”)"
        )
    else:
        pay = f"Median pay: {median_pay(origin.wages, top)} → {median_pay(target.wages, top)}"
    return render_switch(plan) + "\n" + esc(pay)
