"""Read queries: everything the core asks of the career database, answered as facts.

Results are the frozen dataclasses of `store.facts`. The career tables only change by a rebuild,
so reads are remembered for the life of the store (`memoized`). Per-chat preferences are user
data, kept apart in `store.preferences`; industry de-duplication is in `store.industries`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cachetools import LRUCache
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from store import models
from store.advisor import AdvisorReads
from store.codes import ALL_OCCUPATIONS, CROSS_INDUSTRY, NATIONAL
from store.conversations import ConversationStore
from store.db import Database, DatabaseMissing, FaultKind, unusable
from store.details import DetailReads
from store.facts import AreaFacts, OccupationFacts, TitleRow, projection_facts, wage_facts
from store.memo import MEMO_LIMIT, memoized
from store.preferences import ChatPreferences
from store.rankings import RankingReads


class CareerStore(DetailReads, RankingReads, AdvisorReads):
    """Async read access to the career database (and, through `preferences`, the one table of
    chat preferences). Reads are grouped by what they serve: here the facts every answer needs;
    `store.details` the detail views; `store.rankings` the best-paying lists; `store.advisor`
    the advisor's rankings, places, quiz and outlooks.

    The engine lives in `db` (store.db.Database), which reopens it when the SQLite file is
    replaced by a rebuild; `sessions` and `engine` are always the current ones.
    """

    def __init__(self, db: Database | AsyncEngine) -> None:
        self._memo: LRUCache[tuple[Any, ...], Any] = LRUCache(maxsize=MEMO_LIMIT)
        self.db = db if isinstance(db, Database) else Database.around(db)
        self.preferences = ChatPreferences(self.db)
        self.conversations = ConversationStore(self.db)

    @property
    def engine(self) -> AsyncEngine:
        return self.db.engine

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:  # type: ignore[override]
        return self.db.sessions

    @classmethod
    async def open(cls, database_url: str) -> CareerStore:
        """The store of the database at `database_url`, checked to be one this code can read.

        Raises DatabaseMissing, whose message names the fix, when there is no database, it is
        unreadable or empty, or another version of careerbot built it (its schema differs); a
        DatabaseFault of its own kind when the server cannot be reached, refuses the password
        or does not answer in time — those are not fixed by a build.
        """
        store = cls(Database(database_url))
        try:
            metadata = await store.metadata()
            has_titles = await store.has_titles()
        except Exception as error:
            await store.close()
            raise unusable(error) from error
        if metadata and metadata.get("schema") != str(models.SCHEMA_VERSION):
            await store.close()
            raise DatabaseMissing(
                "The career database was built by another version of careerbot. "
                "Rebuild it with: careerbot data build",
                FaultKind.UNREADABLE,
            )
        if not has_titles:
            await store.close()
            raise DatabaseMissing(
                "The career database is empty. Build it with: careerbot data build"
            )
        try:
            await store.conversations.start()
        except Exception as error:
            await store.close()
            raise unusable(error) from error
        return store

    async def close(self) -> None:
        """Write what is waiting (conversations), then close the connections."""
        try:
            await self.conversations.close()
        finally:
            await self.db.close()

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

    async def has_titles(self) -> bool:
        async with self.sessions() as session:
            return (await session.scalar(select(models.Title.id).limit(1))) is not None

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
        return await self.read_metadata()

    async def read_metadata(self) -> dict[str, str]:
        """The metadata as the database has it now (not remembered: to notice a rebuild)."""
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
                wage_title=(
                    o.wage_title
                    if o.wage_code != o.soc_code or not o.code.endswith(".00")
                    else None
                ),
                projection_code=o.projection_code,
                wages=wage_facts(wage, area_name) if wage else None,
                projection=projection_facts(projection) if projection else None,
                wage_name=o.wage_title,
            )
        return result

    @memoized
    async def average_growth(self) -> float | None:
        """Projected growth of all occupations, the yardstick for "faster than average"."""
        async with self.sessions() as session:
            row = await session.get(models.Projection, ALL_OCCUPATIONS)
            return row.percent_change if row else None

    @memoized
    async def area_jobs(self) -> dict[str, int]:
        """Each area's employment, all occupations together (OEWS's 00-0000 rows)."""
        async with self.sessions() as session:
            rows = await session.execute(
                select(models.Wage.area_code, models.Wage.employment).where(
                    models.Wage.soc_code == ALL_OCCUPATIONS,
                    models.Wage.industry_code == CROSS_INDUSTRY,
                )
            )
            return {area: employment or 0 for area, employment in rows}

    @memoized
    async def areas(self) -> list[AreaFacts]:
        async with self.sessions() as session:
            rows = await session.scalars(select(models.Area).order_by(models.Area.code))
            return [AreaFacts(a.code, a.kind, a.state_code, a.name) for a in rows]
