"""Two occupations BLS publishes together: what is shared, and what O*NET says differs.

O*NET describes some jobs in more detail than BLS counts them: "Clinical Nurse Specialists"
and "Registered Nurses" are both O*NET occupations, but BLS publishes pay, jobs and growth only
for registered nurses as a whole. Set side by side, every BLS figure would be equal, and "Both
earn the same median pay" would be true of the table but false of the jobs. So the answer says
that BLS publishes them together, shows the shared figures once, and lists what truly differs:
tasks, skills and education from O*NET, which rates each occupation on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.render import clip, esc
from store.facts import OccupationFacts, Share
from store.queries import CareerStore

TOP_SKILLS = 3
MAX_TASK = 110


@dataclass(frozen=True)
class Shared:
    """Which BLS figures two occupations share (one row of the source for both)."""

    wages: bool
    projection: bool

    @property
    def everything(self) -> bool:
        return self.wages and self.projection

    @property
    def anything(self) -> bool:
        return self.wages or self.projection


def shared(a: OccupationFacts, b: OccupationFacts) -> Shared:
    return Shared(
        wages=a.wage_code is not None and a.wage_code == b.wage_code,
        projection=a.projection_code is not None and a.projection_code == b.projection_code,
    )


def published_as(facts: OccupationFacts) -> str:
    """The name BLS publishes the shared figures under."""
    if facts.wage_name:
        return facts.wage_name
    return facts.projection.title if facts.projection else facts.title


def _level(label: str) -> str:
    return label.split(" - ")[0].split(" (")[0]


async def what_differs(store: CareerStore, a: OccupationFacts, b: OccupationFacts) -> list[str]:
    """O*NET's own ratings of each: most common education, preparation, top skills, main task."""
    lines = ["<b>What differs</b> (O*NET, which rates each on its own):"]
    education = [await store.education(f.code) for f in (a, b)]
    levels = [_shares(e.levels) for e in education]
    if any(levels):
        lines.append(_pair("🎓 What workers have", levels))
    zones = [e.job_zone_name for e in education]
    if zones[0] != zones[1] and any(zones):
        lines.append(_pair("🧭 Preparation", zones))
    skills = []
    for f in (a, b):
        rated = await store.ratings(f.code, "skill", limit=TOP_SKILLS)
        skills.append(", ".join(r.name for r in rated) or None)
    if skills[0] == skills[1] and skills[0]:
        lines.append(f"🧠 Top skills: the same for both ({esc(skills[0])})")
    elif any(skills):
        lines.append(_pair("🧠 Top skills", skills))
    tasks = []
    for f in (a, b):
        found = await store.tasks(f.code, limit=1)
        tasks.append(clip(found[0].rstrip("."), MAX_TASK) if found else None)
    if any(tasks):
        lines.append(_pair("📋 Main task", tasks))
    return lines if len(lines) > 1 else []


def _shares(levels: list[Share]) -> str | None:
    """The two most common published levels, and any whose share O*NET withholds — left out,
    a withheld level could read as if nobody had it."""
    published = [f"{_level(s.label)} {s.percent:.0f}%" for s in levels if s.percent is not None]
    withheld = [
        f"{_level(s.label)} (share withheld: low precision)" for s in levels if s.percent is None
    ]
    shown = published[:2] + withheld
    return ", ".join(shown) if shown else None


def _pair(label: str, values: list[str | None]) -> str:
    shown = [esc(v) if v else "not published" for v in values]
    return f"{label}: 1. {shown[0]}; 2. {shown[1]}"
