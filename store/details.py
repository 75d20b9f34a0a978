"""Reads behind the detail views: skills and knowledge, technology, tasks, education,
demographics and related occupations of one occupation."""

from __future__ import annotations

from sqlalchemy import func, select

from store import models
from store.codes import CROSS_INDUSTRY, NATIONAL
from store.facts import DemographicFacts, EducationFacts, Rated, Related, Share
from store.memo import Reads, memoized


class DetailReads(Reads):
    """Mixed into CareerStore: one occupation's O*NET and BLS details."""

    @memoized
    async def ratings(self, code: str, domain: str, limit: int = 8) -> list[Rated]:
        async with self.sessions() as session:
            rows = await session.scalars(
                select(models.Rating)
                .where(models.Rating.code == code, models.Rating.domain == domain)
                .order_by(models.Rating.importance.desc().nulls_last(), models.Rating.name)
                .limit(limit)
            )
            return [Rated(r.name, r.importance, r.level) for r in rows]

    @memoized
    async def all_ratings(self, code: str, domain: str) -> dict[str, Rated]:
        async with self.sessions() as session:
            rows = await session.scalars(
                select(models.Rating)
                .where(models.Rating.code == code, models.Rating.domain == domain)
                .order_by(models.Rating.element_id)  # O*NET's order; ties keep it
            )
            return {r.name: Rated(r.name, r.importance, r.level) for r in rows}

    @memoized
    async def technology(self, code: str, hot_only: bool = True, limit: int = 10) -> list[str]:
        async with self.sessions() as session:
            query = select(models.Technology.example).where(models.Technology.code == code)
            if hot_only:
                query = query.where(models.Technology.hot)
            rows = await session.scalars(
                query.order_by(models.Technology.in_demand.desc(), models.Technology.example).limit(
                    limit
                )
            )
            return list(rows)

    @memoized
    async def tasks(self, code: str, limit: int = 6) -> list[str]:
        async with self.sessions() as session:
            rows = await session.scalars(
                select(models.Task.task)
                .where(models.Task.code == code)
                .order_by(
                    models.Task.core.desc(),
                    models.Task.incumbents_responding.desc().nulls_last(),
                    models.Task.id,
                )
                .limit(limit)
            )
            return list(rows)

    @memoized
    async def education(self, code: str) -> EducationFacts:
        async with self.sessions() as session:
            occupation = await session.get(models.Occupation, code)
            projection = (
                await session.get(models.Projection, occupation.projection_code)
                if occupation and occupation.projection_code
                else None
            )
            zone = (
                await session.get(models.JobZone, occupation.job_zone)
                if occupation and occupation.job_zone
                else None
            )
            rows = await session.execute(
                select(models.EducationCategory.label, models.EducationShare.percent)
                .join(
                    models.EducationCategory,
                    (models.EducationCategory.scale == models.EducationShare.scale)
                    & (models.EducationCategory.category == models.EducationShare.category),
                )
                .where(
                    models.EducationShare.code == code,
                    models.EducationShare.scale == "RL",
                    (models.EducationShare.percent > 0) | models.EducationShare.percent.is_(None),
                )
                .order_by(
                    models.EducationShare.percent.desc().nulls_last(),
                    models.EducationShare.category,
                )
            )
            levels = [Share(label, percent) for label, percent in rows]
        return EducationFacts(
            typical_entry=projection.typical_education if projection else None,
            work_experience=projection.work_experience if projection else None,
            training=projection.training if projection else None,
            levels=levels,
            job_zone=occupation.job_zone if occupation else None,
            job_zone_name=zone.name if zone else None,
            job_zone_education=zone.education if zone else None,
            job_zone_experience=zone.experience if zone else None,
        )

    @memoized
    async def demographics(self, code: str) -> DemographicFacts | None:
        async with self.sessions() as session:
            occupation = await session.get(models.Occupation, code)
            if occupation is None or occupation.demographic_id is None:
                return None
            row = await session.get(models.Demographic, occupation.demographic_id)
            if row is None:
                return None
            return DemographicFacts(
                cps_title=row.cps_title,
                employed_thousands=row.employed_thousands,
                women=row.women,
                white=row.white,
                black=row.black,
                asian=row.asian,
                hispanic=row.hispanic,
                median_age=row.median_age,
            )

    @memoized
    async def demographics_coverage(self) -> tuple[int, int]:
        async with self.sessions() as session:
            total = await session.scalar(select(func.count()).select_from(models.Occupation))
            covered = await session.scalar(
                select(func.count())
                .select_from(models.Occupation)
                .where(models.Occupation.demographic_id.is_not(None))
            )
            return covered or 0, total or 0

    @memoized
    async def related(self, code: str, limit: int = 6) -> list[Related]:
        async with self.sessions() as session:
            rows = (
                await session.execute(
                    select(
                        models.RelatedOccupation.related_code,
                        models.Occupation.title,
                        models.RelatedOccupation.tier,
                        models.Occupation.wage_code,
                        models.Occupation.projection_code,
                    )
                    .join(
                        models.Occupation,
                        models.Occupation.code == models.RelatedOccupation.related_code,
                    )
                    .where(models.RelatedOccupation.code == code)
                    .order_by(models.RelatedOccupation.rank, models.RelatedOccupation.related_code)
                    .limit(limit)
                )
            ).all()
            wage_codes = [r.wage_code for r in rows if r.wage_code]
            medians = dict(
                (
                    await session.execute(
                        select(models.Wage.soc_code, models.Wage.annual_median).where(
                            models.Wage.soc_code.in_(wage_codes),
                            models.Wage.area_code == NATIONAL,
                            models.Wage.industry_code == CROSS_INDUSTRY,
                        )
                    )
                ).all()
            )
            growth = dict(
                (
                    await session.execute(
                        select(models.Projection.code, models.Projection.percent_change).where(
                            models.Projection.code.in_([r.projection_code for r in rows])
                        )
                    )
                ).all()
            )
        return [
            Related(
                r.related_code,
                r.title,
                r.tier,
                medians.get(r.wage_code),
                growth.get(r.projection_code),
            )
            for r in rows
        ]
