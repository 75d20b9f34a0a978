"""The PostgreSQL server the `postgres` tests use, named by CAREERBOT_TEST_POSTGRES_URL.

`.ci/run` installs Debian's PostgreSQL, starts a throwaway cluster on loopback and sets the
variable; without it those tests are skipped — unless CAREERBOT_REQUIRE_POSTGRES=1 (as in CI),
where a missing server fails them instead. The database it names is overwritten.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from store import models
from store.db import create_engine

ENV = "CAREERBOT_TEST_POSTGRES_URL"
URL = os.environ.get(ENV, "").strip()

REQUIRED = os.environ.get("CAREERBOT_REQUIRE_POSTGRES", "") == "1"

requires_postgres = pytest.mark.skipif(
    not URL and not REQUIRED,
    reason=f"{ENV} is not set: no PostgreSQL server to test against (`.ci/run` starts one)",
)


async def drop_everything(url: str) -> None:
    """An empty database, chat preferences included: each run starts from nothing."""
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(models.Base.metadata.drop_all)
    finally:
        await engine.dispose()


async def all_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in primary-key order, as Python values."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return {
                t.name: [
                    tuple(row)
                    for row in await conn.execute(select(t).order_by(*t.primary_key.columns))
                ]
                for t in models.Base.metadata.sorted_tables
            }
    finally:
        await engine.dispose()


async def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return {
                t.name: (await conn.scalar(select(func.count()).select_from(t))) or 0
                for t in models.Base.metadata.sorted_tables
            }
    finally:
        await engine.dispose()
