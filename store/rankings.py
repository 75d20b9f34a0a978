"""Rankings of places and industries by one occupation's pay (the Salary view's lists)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from store import models
from store.codes import CROSS_INDUSTRY, NATIONAL
from store.facts import RankedWage, Ranking, RankingOf, footnotes
from store.industries import distinct_industries
from store.memo import Reads, memoized


class RankingReads(Reads):
    """Mixed into CareerStore: best-paying states, metros and industries."""

    @memoized
    async def ranked_wages(
        self,
        wage_code: str,
        *,
        kind: RankingOf,
        limit: int = 5,
        by: str = "annual_median",
        within: str | None = None,
    ) -> Ranking:
        """Best-paying states, metros or industries (`kind`) for one occupation, by its
        annual median, or by `by="hourly_median"` for a job BLS reports only hourly.

        `within` (a state's postal code, "TX") keeps the metro areas in that state, each
        metro spanning states counted in every one of them ("Texarkana, TX-AR").

        Places whose median is top-coded (BLS footnote 5: at or above the top of its range, no
        exact figure) cannot be ranked among the others, so they are counted, not ranked.
        Equal medians rank by employment, then code, so every database picks the same rows.
        OEWS publishes industries at nested NAICS levels (Rail Transportation is both 482000
        and 482100, often with the same figures), so an industry is left out when one that
        contains it, or that it contains, already ranks higher: each line is a different
        industry.
        """
        median = {
            "annual_median": models.Wage.annual_median,
            "hourly_median": models.Wage.hourly_median,
        }[by]
        async with self.sessions() as session:
            order_code: Any
            if kind == RankingOf.INDUSTRIES:
                order_code = models.Industry.code
                query = (
                    select(models.Industry.name, models.Industry.code, models.Wage)
                    .join(models.Industry, models.Industry.code == models.Wage.industry_code)
                    .where(
                        models.Wage.area_code == NATIONAL,
                        models.Wage.industry_code != CROSS_INDUSTRY,
                        models.Industry.level >= 3,
                    )
                )
            else:
                order_code = models.Area.code
                query = (
                    select(models.Area.name, models.Area.code, models.Wage)
                    .join(models.Area, models.Area.code == models.Wage.area_code)
                    .where(models.Area.kind == kind, models.Wage.industry_code == CROSS_INDUSTRY)
                )
            rows = (
                await session.execute(
                    query.where(
                        models.Wage.soc_code == wage_code,
                        median.is_not(None) | models.Wage.footnotes.contains(f"{by}=5"),
                    ).order_by(
                        median.desc().nulls_last(),
                        models.Wage.employment.desc().nulls_last(),
                        order_code,
                    )
                )
            ).all()
        if within is not None:
            rows = [row for row in rows if within in _metro_states(row[0])]
        published = [row for row in rows if getattr(row[2], by) is not None]
        top_coded = [
            row
            for row in rows
            if getattr(row[2], by) is None and footnotes(row[2].footnotes).get(by) == "5"
        ]
        if kind == RankingOf.INDUSTRIES:
            published = distinct_industries(published, limit)
            top_coded = distinct_industries(top_coded, len(top_coded))
        ranked = [
            RankedWage(name, code, getattr(w, by), w.employment)
            for name, code, w in published[:limit]
        ]
        return Ranking(ranked, len(top_coded))


def _metro_states(name: str) -> list[str]:
    """The postal codes a metro area's OEWS name ends with ("Texarkana, TX-AR" -> TX, AR);
    none for the nonmetropolitan areas, which are not metro areas."""
    if "nonmetropolitan" in name.lower() or ", " not in name:
        return []
    return name.rpartition(", ")[2].split("-")
