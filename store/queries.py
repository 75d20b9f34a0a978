"""Read queries: everything the core asks of the career database, as plain frozen dataclasses.

The core never sees SQLAlchemy objects; it gets facts with the source's own values (None where
the source published nothing), so rendering can say "not published" instead of guessing.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from store import models
from store.db import session_factory

NATIONAL = "0000000"
CROSS_INDUSTRY = "000000"
ALL_OCCUPATIONS = "00-0000"


@dataclass(frozen=True)
class WageFacts:
    soc_code: str
    area_code: str
    area_name: str
    industry_code: str
    employment: int | None
    hourly_mean: float | None
    annual_mean: int | None
    hourly_p10: float | None
    hourly_p25: float | None
    hourly_median: float | None
    hourly_p75: float | None
    hourly_p90: float | None
    annual_p10: int | None
    annual_p25: int | None
    annual_median: int | None
    annual_p75: int | None
    annual_p90: int | None
    footnotes: dict[str, str] = field(default_factory=dict)

    def top_coded(self, column: str) -> bool:
        """BLS footnote 5: the wage is at or above the top of the published range."""
        return self.footnotes.get(column) == "5"

    def paid_the_other_way(self, column: str) -> bool:
        """BLS footnote 4: no figure in this column because the occupation, often not worked
        year-round full time, is reported only as an annual salary (teachers) or only as an
        hourly wage (actors)."""
        return getattr(self, column) is None and self.footnotes.get(column) == "4"


@dataclass(frozen=True)
class ProjectionFacts:
    code: str
    title: str
    employment_2024: float | None  # thousands, as in Table 1.2
    employment_2034: float | None
    change_numeric: float | None
    percent_change: float | None
    openings: float | None  # thousands a year
    median_wage_2024: int | None
    typical_education: str | None
    work_experience: str | None
    training: str | None


@dataclass(frozen=True)
class DemographicFacts:
    cps_title: str
    employed_thousands: float | None
    women: float | None
    white: float | None
    black: float | None
    asian: float | None
    hispanic: float | None
    median_age: float | None


@dataclass(frozen=True)
class OccupationFacts:
    code: str
    title: str
    description: str
    soc_code: str
    job_zone: int | None
    wage_code: str | None
    wage_title: str | None  # the aggregate's name when wages are not the occupation's own
    projection_code: str | None
    wages: WageFacts | None
    projection: ProjectionFacts | None

    @property
    def wages_from_aggregate(self) -> bool:
        return self.wage_code is not None and self.wage_code != self.soc_code


@dataclass(frozen=True)
class TitleRow:
    code: str
    title: str
    kind: str


@dataclass(frozen=True)
class Rated:
    name: str
    importance: float | None
    level: float | None


@dataclass(frozen=True)
class Share:
    label: str
    percent: float | None  # None: O*NET withholds the estimate (low precision)


@dataclass(frozen=True)
class EducationFacts:
    typical_entry: str | None
    work_experience: str | None
    training: str | None
    levels: list[Share]  # O*NET "Required Level of Education", most common first
    job_zone: int | None
    job_zone_name: str | None
    job_zone_education: str | None
    job_zone_experience: str | None


@dataclass(frozen=True)
class Related:
    code: str
    title: str
    tier: str
    annual_median: int | None
    percent_change: float | None


@dataclass(frozen=True)
class AreaFacts:
    code: str
    kind: str
    state_code: str
    name: str


@dataclass(frozen=True)
class RankedWage:
    name: str
    code: str
    median: float  # yearly or hourly, as asked of `ranked_wages`
    employment: int | None


@dataclass(frozen=True)
class Ranking:
    ranked: list[RankedWage]
    top_coded: int  # how many more have a median above BLS's top code: no figure to rank by


def _industry_key(code: str, name: str) -> tuple[str, str]:
    """(NAICS digits, ownership) of an OEWS industry code.

    Plain codes are NAICS padded with zeros (482100: "4821"). Codes for schools and hospitals
    by owner end in an ownership digit instead, and their names say so (622103, "General
    Medical and Surgical Hospitals, Local Government Owned": "6221", local government "3").
    """
    if name.endswith(" Owned"):
        return code[:5].rstrip("0"), code[5]
    return code.rstrip("0"), ""


def _naics_nested(one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether one industry (an `_industry_key`) contains the other: 482000 contains 482100,
    622003 (hospitals, local government) contains 622103, and 622000 contains both."""
    (a, owner_a), (b, owner_b) = one, other
    same_owners = owner_a == owner_b or "" in (owner_a, owner_b)
    return same_owners and (a.startswith(b) or b.startswith(a))


def _distinct_industries(rows: Sequence[Any], limit: int) -> list[Any]:
    """The first `limit` ranked (name, code, wage) rows, skipping any industry nested with
    one already taken."""
    taken: list[Any] = []
    for row in rows:
        key = _industry_key(row[1], row[0])
        if not any(_naics_nested(key, _industry_key(kept[1], kept[0])) for kept in taken):
            taken.append(row)
            if len(taken) == limit:
                break
    return taken


def _footnotes(raw: str) -> dict[str, str]:
    pairs = (item.split("=", 1) for item in raw.split(";") if "=" in item)
    return {column: code for column, code in pairs}


def _wage(row: models.Wage, area_name: str) -> WageFacts:
    return WageFacts(
        soc_code=row.soc_code,
        area_code=row.area_code,
        area_name=area_name,
        industry_code=row.industry_code,
        employment=row.employment,
        hourly_mean=row.hourly_mean,
        annual_mean=row.annual_mean,
        hourly_p10=row.hourly_p10,
        hourly_p25=row.hourly_p25,
        hourly_median=row.hourly_median,
        hourly_p75=row.hourly_p75,
        hourly_p90=row.hourly_p90,
        annual_p10=row.annual_p10,
        annual_p25=row.annual_p25,
        annual_median=row.annual_median,
        annual_p75=row.annual_p75,
        annual_p90=row.annual_p90,
        footnotes=_footnotes(row.footnotes),
    )


def _projection(row: models.Projection) -> ProjectionFacts:
    return ProjectionFacts(
        code=row.code,
        title=row.title,
        employment_2024=row.employment_2024,
        employment_2034=row.employment_2034,
        change_numeric=row.change_numeric,
        percent_change=row.percent_change,
        openings=row.openings,
        median_wage_2024=row.median_wage_2024,
        typical_education=row.typical_education,
        work_experience=row.work_experience,
        training=row.training,
    )


log = logging.getLogger(__name__)

CHAT_AREA_TTL = 30.0  # seconds before another instance's change of a chat's area shows here
MEMO_LIMIT = 20_000  # entries; a few KB each at most, and far fewer in practice

_R = TypeVar("_R")


def memoized(
    method: Callable[..., Awaitable[_R]],
) -> Callable[..., Awaitable[_R]]:
    """Remember an async read of the career data for the life of the store.

    The career tables only change by a rebuild, and a running instance serves the release it
    opened (its button versions name it), so a read can be answered from memory every time
    after the first. Results are frozen dataclasses or lists callers only read. Bounded: the
    oldest entries go first. Chat preferences are user data and are never memoized.
    """

    @functools.wraps(method)
    async def remembered(self: CareerStore, *args: Any, **kwargs: Any) -> _R:
        key = (method.__name__, *args, *sorted(kwargs.items()))
        try:
            return cast(_R, self._memo[key])
        except KeyError:
            pass
        value = await method(self, *args, **kwargs)
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.pop(next(iter(self._memo)))
        self._memo[key] = value
        return value

    return remembered


class CareerStore:
    """Async read access to the career database (and the one table of chat preferences)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._memo: dict[tuple[Any, ...], Any] = {}
        self._chat_areas: dict[int, str] = {}  # see chat_area
        self._chat_areas_read_at: float | None = None
        self._chat_areas_lock = asyncio.Lock()
        self.engine = engine
        self.sessions: async_sessionmaker[AsyncSession] = session_factory(engine)

    async def close(self) -> None:
        await self.engine.dispose()

    # --- the title index's raw material -------------------------------------------------
    async def titles(self) -> list[TitleRow]:
        async with self.sessions() as session:
            # Ordered, so the title index (and its tie-breaks) is the same on every database.
            rows = await session.execute(
                select(models.Title.code, models.Title.title, models.Title.kind).order_by(
                    models.Title.id
                )
            )
            return [TitleRow(code, title, kind) for code, title, kind in rows]

    async def employment_by_code(self) -> dict[str, int]:
        """National employment per occupation, the prior that ranks generic titles."""
        async with self.sessions() as session:
            rows = await session.execute(
                select(models.Occupation.code, models.Wage.employment)
                .join(models.Wage, models.Wage.soc_code == models.Occupation.wage_code)
                .where(
                    models.Wage.area_code == NATIONAL, models.Wage.industry_code == CROSS_INDUSTRY
                )
            )
            return {code: employment or 0 for code, employment in rows}

    @memoized
    async def metadata(self) -> dict[str, str]:
        async with self.sessions() as session:
            rows = await session.execute(select(models.Metadata.key, models.Metadata.value))
            return dict(rows.all())

    # --- facts --------------------------------------------------------------------------
    async def occupations(
        self, codes: Sequence[str], area_code: str = NATIONAL
    ) -> dict[str, OccupationFacts]:
        """Facts for each known code in an area; each (code, area) is read once (see memoized)."""
        wanted = list(dict.fromkeys(codes))
        found: dict[str, OccupationFacts | None] = {}
        missing = []
        for code in wanted:
            key = ("occupation", code, area_code)
            if key in self._memo:
                found[code] = self._memo[key]
            else:
                missing.append(code)
        if missing:
            loaded = await self._load_occupations(missing, area_code)
            for code in missing:
                found[code] = loaded.get(code)  # None: no such occupation (forged data)
                if len(self._memo) >= MEMO_LIMIT:
                    self._memo.pop(next(iter(self._memo)))
                self._memo[("occupation", code, area_code)] = found[code]
        return {code: facts for code in wanted if (facts := found[code]) is not None}

    async def _load_occupations(
        self, codes: Sequence[str], area_code: str
    ) -> dict[str, OccupationFacts]:
        async with self.sessions() as session:
            occupations = (
                await session.scalars(
                    select(models.Occupation).where(models.Occupation.code.in_(codes))
                )
            ).all()
            wage_codes = {o.wage_code for o in occupations if o.wage_code}
            area = await session.get(models.Area, area_code)
            wages = {
                w.soc_code: w
                for w in (
                    await session.scalars(
                        select(models.Wage).where(
                            models.Wage.soc_code.in_(wage_codes),
                            models.Wage.area_code == area_code,
                            models.Wage.industry_code == CROSS_INDUSTRY,
                        )
                    )
                ).all()
            }
            projection_codes = {o.projection_code for o in occupations if o.projection_code}
            projections = {
                p.code: p
                for p in (
                    await session.scalars(
                        select(models.Projection).where(
                            models.Projection.code.in_(projection_codes)
                        )
                    )
                ).all()
            }
        area_name = area.name if area else area_code
        result = {}
        for o in occupations:
            wage = wages.get(o.wage_code) if o.wage_code else None
            projection = projections.get(o.projection_code) if o.projection_code else None
            result[o.code] = OccupationFacts(
                code=o.code,
                title=o.title,
                description=o.description,
                soc_code=o.soc_code,
                job_zone=o.job_zone,
                wage_code=o.wage_code,
                wage_title=o.wage_title if o.wage_code != o.soc_code else None,
                projection_code=o.projection_code,
                wages=_wage(wage, area_name) if wage else None,
                projection=_projection(projection) if projection else None,
            )
        return result

    @memoized
    async def average_growth(self) -> float | None:
        """Projected growth of all occupations, the yardstick for "faster than average"."""
        async with self.sessions() as session:
            row = await session.get(models.Projection, ALL_OCCUPATIONS)
            return row.percent_change if row else None

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

    @memoized
    async def ranked_wages(
        self, wage_code: str, *, kind: str, limit: int = 5, by: str = "annual_median"
    ) -> Ranking:
        """Best-paying states (kind S), metros (M) or industries (I) for one occupation, by its
        annual median, or by `by="hourly_median"` for a job BLS reports only hourly.

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
            if kind == "I":
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
        published = [row for row in rows if getattr(row[2], by) is not None]
        top_coded = [
            row
            for row in rows
            if getattr(row[2], by) is None and _footnotes(row[2].footnotes).get(by) == "5"
        ]
        if kind == "I":
            published = _distinct_industries(published, limit)
            top_coded = _distinct_industries(top_coded, len(top_coded))
        ranked = [
            RankedWage(name, code, getattr(w, by), w.employment)
            for name, code, w in published[:limit]
        ]
        return Ranking(ranked, len(top_coded))

    @memoized
    async def areas(self) -> list[AreaFacts]:
        async with self.sessions() as session:
            rows = await session.scalars(select(models.Area).order_by(models.Area.code))
            return [AreaFacts(a.code, a.kind, a.state_code, a.name) for a in rows]

    # --- chat preferences -----------------------------------------------------------------
    async def chat_area(self, chat_id: int) -> str | None:
        """The chat's remembered area, from a copy of the whole table held in memory.

        Why a copy: every update needs its chat's area, and most chats never set one, so a
        per-chat cache would still cost a database round trip for each new chat — most of an
        answer's time at load. Only chats that chose a place have a row (a few dozen bytes
        each), so the copy stays small. It is written through by `set_chat_area`, so this
        instance always sees its own changes; changes made through another instance sharing the
        database show here once the copy is re-read, every CHAT_AREA_TTL seconds. Until the
        first read completes, callers wait for it (and see its error, if it fails); after that,
        whoever finds the copy stale re-reads it while the others go on with the copy they have,
        and a failed re-read keeps the copy (a little stale beats no answer) and is retried
        after another CHAT_AREA_TTL.
        """
        first = self._chat_areas_read_at is None
        if self._chat_areas_stale() and (first or not self._chat_areas_lock.locked()):
            async with self._chat_areas_lock:
                if self._chat_areas_stale():
                    try:
                        await self._read_chat_areas()
                    except Exception:
                        if self._chat_areas_read_at is None:
                            raise
                        log.warning("could not re-read chat areas; keeping the copy", exc_info=True)
                        self._chat_areas_read_at = time.monotonic()
        return self._chat_areas.get(chat_id)

    def _chat_areas_stale(self) -> bool:
        read_at = self._chat_areas_read_at
        return read_at is None or time.monotonic() - read_at >= CHAT_AREA_TTL

    async def _read_chat_areas(self) -> None:
        self._chat_areas = await self._fetch_chat_areas()
        self._chat_areas_read_at = time.monotonic()

    async def _fetch_chat_areas(self) -> dict[int, str]:
        table = models.ChatPreference.__table__
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(table.c.chat_id, table.c.area_code).where(table.c.area_code.is_not(None))
            )
            return {chat_id: area for chat_id, area in rows}

    async def set_chat_area(self, chat_id: int, area_code: str | None) -> None:
        # Under the copy's lock, so a re-read in progress cannot put back the old value.
        async with self._chat_areas_lock, self.sessions.begin() as session:
            row = await session.get(models.ChatPreference, chat_id)
            if row is None:
                session.add(models.ChatPreference(chat_id=chat_id, area_code=area_code))
            else:
                row.area_code = area_code
        # Only once committed:
        if area_code is None:
            self._chat_areas.pop(chat_id, None)
        else:
            self._chat_areas[chat_id] = area_code
