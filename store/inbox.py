"""The inbox table's queries: each update Telegram sent, from before it is acknowledged until
after it is answered. handlers/inbox.py decides when to call them and explains why.

A row is *claimed* by the instance handling it, with a lease (`lease_until`) that the instance
renews while it runs. An instance that dies stops renewing; once the lease has run out, another
instance — or the same one restarted — claims the row and handles it. Every claim counts an
attempt, so an update that kills whoever handles it is given up after `MAX_ATTEMPTS` instead of
taking every instance down in turn.

Writes go through `Database.write` (on SQLite: under the write lock, in the file the path names
now, so a rebuild cannot swallow them). Every call is limited to the database's time limit.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite as sqlite_dialect

from store import models
from store.db import DB_TIMEOUT, Database

LEASE = 30.0  # seconds an instance may go without renewing before its updates are taken over
MAX_ATTEMPTS = 3  # handlings started before an update is given up
KEEP_DONE = 24 * 3600.0  # done rows are kept this long: Telegram keeps updates up to 24 hours

INBOX: Table = models.Base.metadata.tables[models.InboxUpdate.__tablename__]
# What marking an update done empties (besides setting done_at): its JSON and its lease.
_CLEARED_WHEN_DONE = (INBOX.c.payload.name, INBOX.c.lease_until.name)


@dataclass(frozen=True)
class Received:
    """An update as Telegram sent it: its id and its JSON."""

    update_id: int
    payload: str


@dataclass(frozen=True)
class Claimed:
    """An unfinished update taken over by this instance; `attempts` counts this one."""

    update_id: int
    payload: str | None
    attempts: int


class InboxStore:
    """The inbox rows of one bot, seen from one instance (`owner`).

    `clock` (Unix seconds, shared by every instance: leases compare across machines) is
    injectable so that tests can move time.
    """

    def __init__(
        self,
        db: Database,
        bot_id: int,
        owner: str,
        *,
        lease: float = LEASE,
        timeout: float = DB_TIMEOUT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.bot_id = bot_id
        self.owner = owner
        self.lease = lease
        self.timeout = timeout
        self.clock = clock

    def _insert(self) -> Any:
        dialect = postgresql_insert if self.db.backend == "postgresql" else sqlite_insert
        return (
            dialect(INBOX)
            .on_conflict_do_nothing(index_elements=[INBOX.c.bot_id, INBOX.c.update_id])
            .returning(INBOX.c.update_id)
        )

    async def record(self, updates: Sequence[Received]) -> set[int]:
        """Store the updates that are not there yet, claimed by this instance; return the ids
        stored. An id already there (a re-delivery, or another instance has it) is left as it
        is and not returned: whoever stored it handles it."""
        return await self.write(updates, ())

    async def write(self, updates: Sequence[Received], done: Collection[int]) -> set[int]:
        """`record(updates)` and `finish(done)` in one transaction: one commit (on SQLite, one
        journal sync) for both, which is what a write costs."""
        if not updates and not done:
            return set()
        now = self.clock()
        rows = self._rows(updates, now) if updates else []

        def work(conn: Connection) -> set[int]:  # the bot's hottest write: in one step
            driver = conn.connection.driver_connection
            if isinstance(driver, sqlite3.Connection):  # Database.run_write's own thread
                return _write_sqlite(driver, rows, self.bot_id, done, now)
            inserted = set(conn.execute(self._insert(), rows).scalars()) if rows else set()
            if done:
                conn.execute(self._finish(done, now))
            return inserted

        async with asyncio.timeout(self.timeout):
            return await self.db.run_write(work)

    def _rows(self, updates: Sequence[Received], now: float) -> list[dict[str, Any]]:
        return [
            {
                "bot_id": self.bot_id,
                "update_id": u.update_id,
                "payload": u.payload,
                "received_at": now,
                "claimed_by": self.owner,
                "lease_until": now + self.lease,
                "attempts": 1,
                "done_at": None,
            }
            for u in {u.update_id: u for u in updates}.values()
        ]

    async def finish(self, update_ids: Collection[int]) -> None:
        """Mark updates answered; their JSON is dropped, their ids kept to spot re-deliveries."""
        if update_ids:
            await self.write((), update_ids)

    def _finish(self, update_ids: Collection[int], now: float) -> Any:
        return (
            update(INBOX)
            .where(INBOX.c.bot_id == self.bot_id, INBOX.c.update_id.in_(list(update_ids)))
            .values(done_at=now, **dict.fromkeys(_CLEARED_WHEN_DONE))
        )

    async def claim(self, *, limit: int | None = 100, own: bool = False) -> list[Claimed]:
        """Take over unfinished updates whose lease ran out — with `own`, also those this
        instance's name still holds (its previous run died) — oldest first, `limit` at most
        (None: all; with `own` call it once, since what it claims is its own again).

        Safe with several instances at once: the claim re-checks the lease in the UPDATE, so of
        two instances racing for a row one gets it (PostgreSQL skips rows another is claiming).
        """
        now = self.clock()
        takeable = [INBOX.c.lease_until.is_(None), INBOX.c.lease_until < now]
        if own:
            takeable.append(INBOX.c.claimed_by == self.owner)
        free = and_(INBOX.c.bot_id == self.bot_id, INBOX.c.done_at.is_(None), or_(*takeable))
        oldest = (
            select(INBOX.c.update_id)
            .where(free)
            .order_by(INBOX.c.update_id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        statement = (
            update(INBOX)
            .where(free, INBOX.c.update_id.in_(oldest))
            .values(
                claimed_by=self.owner, lease_until=now + self.lease, attempts=INBOX.c.attempts + 1
            )
            .returning(INBOX.c.update_id, INBOX.c.payload, INBOX.c.attempts)
        )
        async with asyncio.timeout(self.timeout), self.db.write() as conn:
            rows = (await conn.execute(statement)).all()
        return sorted((Claimed(*row) for row in rows), key=lambda c: c.update_id)

    async def renew(self) -> None:
        """Extend the lease of every unfinished update this instance holds."""
        statement = (
            update(INBOX)
            .where(
                INBOX.c.bot_id == self.bot_id,
                INBOX.c.claimed_by == self.owner,
                INBOX.c.done_at.is_(None),
            )
            .values(lease_until=self.clock() + self.lease)
        )
        async with asyncio.timeout(self.timeout), self.db.write() as conn:
            await conn.execute(statement)

    async def prune(self, keep: float = KEEP_DONE) -> None:
        """Forget rows older than `keep`: done ones, and any a bot never finished (another
        bot's, from before a token change)."""
        cutoff = self.clock() - keep
        statement = delete(INBOX).where(
            or_(
                INBOX.c.done_at < cutoff,
                and_(INBOX.c.done_at.is_(None), INBOX.c.received_at < cutoff),
            )
        )
        async with asyncio.timeout(self.timeout), self.db.write() as conn:
            await conn.execute(statement)

    async def highest(self) -> int:
        """The highest update id stored for this bot (0: none). Telegram's ids only grow, so an
        id above it is not stored — unless another instance stored it meanwhile."""
        statement = select(func.max(INBOX.c.update_id)).where(INBOX.c.bot_id == self.bot_id)
        async with asyncio.timeout(self.timeout), self.db.engine.connect() as conn:
            return int(await conn.scalar(statement) or 0)

    async def unfinished(self) -> list[int]:
        """Ids of this bot's updates not answered yet, oldest first."""
        statement = (
            select(INBOX.c.update_id)
            .where(INBOX.c.bot_id == self.bot_id, INBOX.c.done_at.is_(None))
            .order_by(INBOX.c.update_id)
        )
        async with asyncio.timeout(self.timeout), self.db.engine.connect() as conn:
            return list((await conn.execute(statement)).scalars())

    async def count(self) -> int:
        """How many rows there are (any bot, done or not)."""
        async with asyncio.timeout(self.timeout), self.db.engine.connect() as conn:
            return int(await conn.scalar(select(func.count()).select_from(INBOX)) or 0)


# --------------------------------------------------------------------------- SQLite's hot write

# The insert, as SQLAlchemy compiles it for SQLite, once: the columns in the table's order.
_INSERT_ONE = str(
    sqlite_insert(INBOX)
    .values({column.name: bindparam(column.name) for column in INBOX.columns})
    .on_conflict_do_nothing(index_elements=[INBOX.c.bot_id, INBOX.c.update_id])
    .returning(INBOX.c.update_id)
    .compile(dialect=sqlite_dialect(paramstyle="named"))
)
# `InboxStore._finish`, spelled once: its IN list has as many marks as there are ids.
_FINISH = (
    f"UPDATE {INBOX.name} SET {INBOX.c.done_at.name} = ?, "
    f"{', '.join(f'{name} = NULL' for name in _CLEARED_WHEN_DONE)} "
    f"WHERE {INBOX.c.bot_id.name} = ? AND {INBOX.c.update_id.name} IN ({{marks}})"
)


def _write_sqlite(
    driver: sqlite3.Connection,
    rows: list[dict[str, Any]],
    bot_id: int,
    done: Collection[int],
    now: float,
) -> set[int]:
    """`InboxStore.write` on SQLite, through the driver's cursor in SQLAlchemy's transaction.

    Why. At 50 updates/s every update is one write of its own, and SQLAlchemy's statement
    machinery (cache keys, insertmanyvalues, result objects) was most of its CPU: ~1 ms of
    Python holding the interpreter lock against the answer being sent, for a commit that costs
    SQLite itself ~0.1 ms of CPU. The statements are SQLAlchemy's own, compiled once (the
    insert) or spelled from the table's columns (the update). PostgreSQL, and SQLite through
    the async engine (no file path), keep the Core path.
    One row at a time: RETURNING says which rows were new, and executemany cannot return.
    """
    cursor = driver.cursor()
    try:
        inserted: set[int] = set()
        for row in rows:
            cursor.execute(_INSERT_ONE, row)
            inserted.update(number for (number,) in cursor.fetchall())
        if done:
            ids = list(done)
            cursor.execute(_FINISH.format(marks=", ".join("?" * len(ids))), (now, bot_id, *ids))
        return inserted
    finally:
        cursor.close()
