"""Reads behind the advisor answers: whole tables of figures, held in memory after the first read.

Rankings ("highest paying jobs in Texas without a degree") sort every occupation by one figure,
so they need an area's figures for all occupations at once rather than one occupation's facts:
`area_wages` reads an area's cross-industry OEWS rows in one query (about 800 rows) and keeps
the most recently used areas. `occupation_places` is the other direction (one occupation in
every state and metro). The rest are small per-occupation reads (exits and transfers, BLS's
stated factors, O*NET's training distributions, work values) and the quiz's activities.

Values are the source's own: None where it published nothing, top-coded medians flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cachetools import LRUCache
from sqlalchemy import select

from store import models
from store.codes import ALL_OCCUPATIONS, CROSS_INDUSTRY, NATIONAL
from store.facts import Share, footnotes
from store.memo import Reads, memoized

AREA_TABLES = 32  # areas whose figures stay in memory (~140 KB each); the rest are re-read
PLACE_TABLES = 32  # occupations whose figures in every area stay in memory (~150 KB each)


@dataclass(frozen=True, slots=True)
class AdvisorOccupation:
    """An O*NET occupation with what rankings filter and sort by (Table 1.2 national figures,
    O*NET Job Zone and interest high points)."""

    code: str
    title: str
    soc_code: str
    wage_code: str | None
    job_zone: int | None
    projection_code: str | None
    growth: float | None  # percent change 2024-34
    openings: float | None  # thousands a year
    employment_2024: float | None  # thousands
    education: str | None  # Table 1.2 typical entry education, as worded there
    experience: str | None  # Table 1.2 work experience in a related occupation
    training: str | None
    high_points: tuple[int, ...]  # O*NET interest high points, first first (1 R ... 6 C)


@dataclass(frozen=True, slots=True)
class AreaWage:
    """One occupation's cross-industry OEWS figures in one area."""

    employment: int | None
    annual_median: int | None
    hourly_median: float | None
    annual_top_coded: bool  # BLS footnote 5: at or above the top of the published range
    hourly_top_coded: bool
    jobs_per_1000: float | None
    location_quotient: float | None


@dataclass(frozen=True, slots=True)
class SeparationFacts:
    """Table 1.10: percent of the occupation's workers who leave each year, 2024-34 average."""

    exit_rate: float | None  # leave the labour force (retire, stop working)
    transfer_rate: float | None  # move to another occupation
    separation_rate: float | None


@dataclass(frozen=True, slots=True)
class AllJobs:
    """The yardsticks: every occupation together (Table 1.2, Table 1.10, OEWS national)."""

    growth: float | None
    openings: float | None  # thousands a year
    employment_2024: float | None  # thousands
    separations: SeparationFacts | None
    annual_median: int | None
    hourly_median: float | None


@dataclass(frozen=True, slots=True)
class ToolUse:
    """One occupation listing a technology, with O*NET's flags for it there."""

    code: str
    hot: bool  # "Hot Technology": frequently in employers' job postings
    in_demand: bool  # "In Demand": among the most requested for this occupation


@dataclass(frozen=True, slots=True)
class Factor:
    """Table 1.12: one of BLS's stated reasons for an occupation's projected change."""

    industry: str
    industry_code: str
    text: str


@dataclass(frozen=True, slots=True)
class Activity:
    riasec: int  # 1 Realistic ... 6 Conventional
    text: str


@dataclass(frozen=True, slots=True)
class JobZoneFacts:
    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str


def _area_wage(row: Any) -> AreaWage:
    notes = footnotes(row.footnotes or "")
    return AreaWage(
        employment=row.employment,
        annual_median=row.annual_median,
        hourly_median=row.hourly_median,
        annual_top_coded=row.annual_median is None and notes.get("annual_median") == "5",
        hourly_top_coded=row.hourly_median is None and notes.get("hourly_median") == "5",
        jobs_per_1000=row.jobs_per_1000,
        location_quotient=row.location_quotient,
    )


class AdvisorReads(Reads):
    """Mixed into CareerStore: the figures behind rankings, places, the quiz and outlooks."""

    def _cache(self, name: str, size: int) -> LRUCache[str, Any]:
        cache: LRUCache[str, Any] | None = getattr(self, name, None)
        if cache is None:
            cache = LRUCache(maxsize=size)
            setattr(self, name, cache)
        return cache

    @memoized
    async def advisor_occupations(self) -> tuple[AdvisorOccupation, ...]:
        """Every O*NET occupation, in code order."""
        async with self.sessions() as session:
            projections = {
                p.code: p for p in (await session.scalars(select(models.Projection))).all()
            }
            interests = {i.code: i for i in (await session.scalars(select(models.Interest))).all()}
            occupations = (
                await session.scalars(select(models.Occupation).order_by(models.Occupation.code))
            ).all()
        out = []
        for o in occupations:
            p = projections.get(o.projection_code) if o.projection_code else None
            i = interests.get(o.code)
            points = tuple(h for h in (i.high_1, i.high_2, i.high_3) if h) if i else ()
            out.append(
                AdvisorOccupation(
                    code=o.code,
                    title=o.title,
                    soc_code=o.soc_code,
                    wage_code=o.wage_code,
                    job_zone=o.job_zone,
                    projection_code=o.projection_code if p else None,
                    growth=p.percent_change if p else None,
                    openings=p.openings if p else None,
                    employment_2024=p.employment_2024 if p else None,
                    education=p.typical_education if p else None,
                    experience=p.work_experience if p else None,
                    training=p.training if p else None,
                    high_points=points,
                )
            )
        return tuple(out)

    async def area_wages(self, area_code: str) -> dict[str, AreaWage]:
        """Every occupation's cross-industry figures in one area, by OEWS code."""
        cache = self._cache("_area_wages", AREA_TABLES)
        found: dict[str, AreaWage] | None = cache.get(area_code)
        if found is None:
            w = models.Wage
            found = cache[area_code] = await self._wages(w.soc_code, w.area_code == area_code)
        return found

    async def occupation_places(self, wage_code: str) -> dict[str, AreaWage]:
        """One occupation's cross-industry figures in every area, by OEWS area code."""
        cache = self._cache("_occupation_places", PLACE_TABLES)
        found: dict[str, AreaWage] | None = cache.get(wage_code)
        if found is None:
            w = models.Wage
            found = cache[wage_code] = await self._wages(w.area_code, w.soc_code == wage_code)
        return found

    async def _wages(self, key: Any, where: Any) -> dict[str, AreaWage]:
        """Cross-industry figures of the rows `where` selects, by the column `key`."""
        w = models.Wage
        async with self.sessions() as session:
            rows = await session.execute(
                select(
                    key.label("key"),
                    w.employment,
                    w.annual_median,
                    w.hourly_median,
                    w.jobs_per_1000,
                    w.location_quotient,
                    w.footnotes,
                ).where(where, w.industry_code == CROSS_INDUSTRY)
            )
            return {row.key: _area_wage(row) for row in rows}

    @memoized
    async def related_codes(self, code: str) -> frozenset[str]:
        """O*NET Related Occupations of `code`, every tier."""
        async with self.sessions() as session:
            rows = await session.scalars(
                select(models.RelatedOccupation.related_code).where(
                    models.RelatedOccupation.code == code
                )
            )
            return frozenset(rows)

    @memoized
    async def related_ranked(self, code: str) -> tuple[str, ...]:
        """O*NET Related Occupations of `code` in O*NET's order (most related first)."""
        r = models.RelatedOccupation
        async with self.sessions() as session:
            rows = await session.scalars(
                select(r.related_code).where(r.code == code).order_by(r.rank, r.related_code)
            )
            return tuple(rows)

    @memoized
    async def technology_examples(self) -> dict[str, tuple[ToolUse, ...]]:
        """Every O*NET Technology Skills example (a named tool or software) with the
        occupations that list it, in code order."""
        t = models.Technology
        async with self.sessions() as session:
            rows = await session.execute(
                select(t.example, t.code, t.hot, t.in_demand).order_by(t.example, t.code)
            )
            found: dict[str, list[ToolUse]] = {}
            for example, code, hot, in_demand in rows:
                uses = found.setdefault(example, [])
                if not uses or uses[-1].code != code:
                    uses.append(ToolUse(code, bool(hot), bool(in_demand)))
        return {example: tuple(uses) for example, uses in found.items()}

    @memoized
    async def all_jobs(self) -> AllJobs:
        """The "Total, all occupations" rows: Table 1.2, Table 1.10 and the national OEWS."""
        async with self.sessions() as session:
            projection = await session.get(models.Projection, ALL_OCCUPATIONS)
            separation = await session.get(models.Separation, ALL_OCCUPATIONS)
            wage = await session.get(models.Wage, (ALL_OCCUPATIONS, NATIONAL, CROSS_INDUSTRY))
        return AllJobs(
            growth=projection.percent_change if projection else None,
            openings=projection.openings if projection else None,
            employment_2024=projection.employment_2024 if projection else None,
            separations=SeparationFacts(
                separation.exit_rate, separation.transfer_rate, separation.separation_rate
            )
            if separation
            else None,
            annual_median=wage.annual_median if wage else None,
            hourly_median=wage.hourly_median if wage else None,
        )

    @memoized
    async def separation(self, projection_code: str) -> SeparationFacts | None:
        async with self.sessions() as session:
            row = await session.get(models.Separation, projection_code)
        if row is None:
            return None
        return SeparationFacts(row.exit_rate, row.transfer_rate, row.separation_rate)

    @memoized
    async def factors(self, projection_code: str) -> tuple[Factor, ...]:
        """BLS's stated factors for one occupation: all industries first, then by industry."""
        f = models.UtilizationFactor
        async with self.sessions() as session:
            rows = await session.scalars(select(f).where(f.code == projection_code).order_by(f.id))
            found = [Factor(r.industry, r.industry_code, r.factor) for r in rows]
        return tuple(sorted(found, key=lambda x: x.industry_code != "TE1000"))

    @memoized
    async def education_shares(self, code: str, scale: str) -> tuple[Share, ...]:
        """O*NET's distribution on one Education, Training and Experience scale (RL, RW, PT,
        OJ), in category order; a None share is withheld by O*NET (low precision)."""
        s, c = models.EducationShare, models.EducationCategory
        async with self.sessions() as session:
            rows = await session.execute(
                select(c.label, s.percent)
                .join(c, (c.scale == s.scale) & (c.category == s.category))
                .where(s.code == code, s.scale == scale)
                .order_by(s.category)
            )
            return tuple(Share(label, percent) for label, percent in rows)

    @memoized
    async def work_values(self, code: str) -> tuple[tuple[str, float], ...]:
        """O*NET Work Values of one occupation, strongest first."""
        v = models.WorkValue
        async with self.sessions() as session:
            rows = await session.execute(
                select(v.name, v.extent)
                .where(v.code == code, v.extent.is_not(None))
                .order_by(v.extent.desc(), v.element_id)
            )
            return tuple((name, extent) for name, extent in rows if extent is not None)

    @memoized
    async def interest_profiles(self) -> dict[str, dict[str, float]]:
        """O*NET occupational interest scores (1-7) by occupation and RIASEC letter."""
        async with self.sessions() as session:
            rows = (await session.scalars(select(models.Interest))).all()
        letters = {
            "R": "realistic",
            "I": "investigative",
            "A": "artistic",
            "S": "social",
            "E": "enterprising",
            "C": "conventional",
        }
        return {
            r.code: {
                letter: value
                for letter, column in letters.items()
                if (value := getattr(r, column)) is not None
            }
            for r in rows
        }

    @memoized
    async def interest_activities(self) -> tuple[Activity, ...]:
        """O*NET's general illustrative activities of the six RIASEC types, in file order."""
        a = models.InterestActivity
        async with self.sessions() as session:
            rows = await session.scalars(select(a).where(a.kind == "General").order_by(a.id))
            return tuple(Activity(r.riasec, r.activity) for r in rows)

    @memoized
    async def job_zones(self) -> dict[int, JobZoneFacts]:
        async with self.sessions() as session:
            rows = await session.scalars(select(models.JobZone).order_by(models.JobZone.zone))
            return {
                z.zone: JobZoneFacts(
                    z.zone, z.name, z.experience, z.education, z.training, z.examples
                )
                for z in rows
            }
