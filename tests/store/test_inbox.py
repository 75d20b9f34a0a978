"""store.inbox: the inbox table's rules, on SQLite and on PostgreSQL, with time moved by hand.

What the bot relies on: an update is stored once whoever sends it how often; only the instance
that stored it is told it is new; an instance that stops renewing loses its updates to another
once the lease runs out, and two instances racing for them never both get one; a restarted
instance gets its own back at once; done rows are kept a day to recognise re-deliveries.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from store import models
from store.db import Database, create_engine
from store.inbox import LEASE, InboxStore, Received
from tests.support.clock import Clock
from tests.support.postgres import URL, requires_postgres

BOT_IDS = itertools.count(int(1e9))  # a bot of its own for every test


async def with_empty_inbox_table(url: str) -> None:
    """The inbox table, empty (PostgreSQL keeps rows from earlier runs, with the same ids).
    Set-up, not the bot: no 3 s limit (DDL on a busy machine can take longer)."""
    engine = create_engine(url, timeout=None)
    try:
        async with engine.begin() as conn:
            inbox = models.Base.metadata.tables["inbox"]
            await conn.run_sync(models.Base.metadata.create_all, tables=[inbox])
            await conn.execute(inbox.delete())
    finally:
        await engine.dispose()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgresql", id="postgresql", marks=[pytest.mark.postgres, requires_postgres]
        ),
    ]
)
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'inbox.sqlite3'}" if request.param == "sqlite" else URL
    await with_empty_inbox_table(url)
    db = Database(url, must_exist=False)
    yield db
    await db.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(1_800_000_000.0)


def instances(db: Database, clock: Clock, *names: str) -> list[InboxStore]:
    bot = next(BOT_IDS)
    return [InboxStore(db, bot, name, clock=clock) for name in names]


def updates(*ids: int) -> list[Received]:
    return [Received(i, f'{{"update_id": {i}}}') for i in ids]


async def test_an_update_is_stored_once_and_only_its_first_sender_is_told(
    database: Database, clock: Clock
) -> None:
    first, second = instances(database, clock, "a", "b")

    assert await first.record(updates(1, 2, 3)) == {1, 2, 3}
    assert await first.record(updates(2, 3, 4)) == {4}  # a re-delivery: only 4 is new
    assert await second.record(updates(1, 4, 5)) == {5}  # another instance: not its to handle
    assert await first.record(updates(6, 6, 6)) == {6}  # the same id twice in one batch
    assert await first.unfinished() == [1, 2, 3, 4, 5, 6]


async def test_bots_have_their_own_update_ids(database: Database, clock: Clock) -> None:
    (old,) = instances(database, clock, "polling")
    (new,) = instances(database, clock, "polling")  # another token, the same database

    await old.record(updates(10))
    assert await new.record(updates(10)) == {10}


async def test_done_updates_are_recognised_and_their_json_dropped(
    database: Database, clock: Clock
) -> None:
    (inbox,) = instances(database, clock, "a")
    await inbox.record(updates(1, 2))
    await inbox.finish({1})

    assert await inbox.unfinished() == [2]
    assert await inbox.record(updates(1)) == set()  # Telegram sends it again: not new
    clock.now += LEASE + 1
    assert [c.update_id for c in await inbox.claim()] == [2]  # done ones are never claimed


async def test_an_instance_that_stops_renewing_loses_its_updates_after_the_lease(
    database: Database, clock: Clock
) -> None:
    alive, dead, newcomer = instances(database, clock, "alive", "dead", "newcomer")
    await alive.record(updates(1, 2))
    await dead.record(updates(3, 4))

    clock.now += LEASE - 1
    assert await newcomer.claim() == []  # both leases still run
    await alive.renew()
    clock.now += 2
    claimed = await newcomer.claim()

    assert [(c.update_id, c.payload, c.attempts) for c in claimed] == [
        (3, '{"update_id": 3}', 2),
        (4, '{"update_id": 4}', 2),
    ]
    assert await alive.claim() == []  # 3 and 4 are the newcomer's now, 1 and 2 still alive's


async def test_a_restarted_instance_takes_its_own_updates_back_at_once(
    database: Database, clock: Clock
) -> None:
    before, other = instances(database, clock, "webhook@host:8443", "webhook@other:8443")
    await before.record(updates(1))
    await other.record(updates(2))
    after = InboxStore(database, before.bot_id, before.owner, clock=clock)

    assert [c.update_id for c in await after.claim()] == []  # the lease has not run out...
    assert [c.update_id for c in await after.claim(own=True)] == [1]  # ...but 1 was its own


async def test_each_claim_counts_an_attempt(database: Database, clock: Clock) -> None:
    (inbox,) = instances(database, clock, "polling")
    await inbox.record(updates(1))
    for attempt in (2, 3, 4):
        (claimed,) = await inbox.claim(own=True)
        assert claimed.attempts == attempt


async def test_instances_racing_for_expired_updates_never_share_one(
    database: Database, clock: Clock
) -> None:
    dead, *racers = instances(database, clock, "dead", "r1", "r2", "r3", "r4")
    await dead.record(updates(*range(1, 201)))
    clock.now += LEASE + 1

    async def take(inbox: InboxStore) -> list[int]:
        taken: list[int] = []
        while claimed := await inbox.claim(limit=7):
            taken += [c.update_id for c in claimed]
        return taken

    taken = await asyncio.gather(*(take(r) for r in racers))
    flat = [i for ids in taken for i in ids]
    assert sorted(flat) == list(range(1, 201))  # every one taken, none twice


async def test_prune_forgets_old_rows_and_keeps_recent_ones(
    database: Database, clock: Clock
) -> None:
    (inbox,) = instances(database, clock, "a")
    await inbox.record(updates(1, 2))
    await inbox.finish({1})
    clock.now += 3600
    await inbox.record(updates(3))
    await inbox.finish({3})

    await inbox.prune(keep=1800)
    assert await inbox.record(updates(1, 2, 3)) == {1, 2}  # 3 is remembered, 1 and 2 gone


async def test_sweeps_read_only_the_unfinished_rows_however_many_are_done(tmp_path: Path) -> None:
    """Done rows are kept a day, millions for a busy bot: renewing leases, claiming and listing
    the unfinished must find the few open rows by the index, not read every row (SQLite plans
    without statistics, so the index must win on its columns alone)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'inbox.sqlite3'}"
    await with_empty_inbox_table(url)
    db = Database(url, must_exist=False)
    inbox = InboxStore(db, 1, "polling", clock=Clock(1_800_000_000.0))
    await inbox.record(updates(*range(1, 2001)))
    await inbox.finish(set(range(1, 1991)))
    statements: list[tuple[str, Any]] = []

    def seen(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        await inbox.renew()
        assert [c.update_id for c in await inbox.claim(own=True)] == list(range(1991, 2001))
        assert await inbox.unfinished() == list(range(1991, 2001))
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
        await db.close()
    plans = []
    with sqlite3.connect(tmp_path / "inbox.sqlite3") as raw:
        for statement, parameters in statements:
            if "inbox" in statement and not statement.startswith("INSERT"):
                rows = raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
                plans.append(" ".join(str(row[-1]) for row in rows))
    assert len(plans) >= 3
    assert all("INDEX ix_inbox_open (done_at=? AND bot_id=?)" in plan for plan in plans), plans
