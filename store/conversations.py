"""Conversation contexts: what each conversation is about, by key, remembered for a day.

Every message of a conversation reads its context and most write one back, so the hot path
never waits for the database: contexts live in memory (a JSON string each, a few hundred
bytes), writes are batched in the background (`FLUSH_EVERY`, or at once once `FLUSH_AT` are
waiting) and on `close`. Several instances sharing one database (webhook mode) see each
other's writes: each re-reads, every `SYNC_EVERY` seconds, only the rows written since the
newest it has seen (an index on `updated_at`), and of those only the ones another instance
wrote: each row names its writer, so a busy instance does not read its own last seconds of
writes back (in a burst, thousands of rows every look, on the event loop). On start-up the
contexts of the last day are loaded. What a context holds is the core's business
(`bot.conversation.context`); here it is an opaque string.

A crash loses at most the writes of the last `FLUSH_EVERY` seconds: a context is a
convenience (the next question can say again what it is about), unlike an update, which the
inbox keeps.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Callable

from sqlalchemy import Connection, delete, inspect, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from store import models
from store.db import Database

log = logging.getLogger(__name__)

TTL = 24 * 3600.0  # a context older than a day is forgotten
FLUSH_EVERY = 0.25  # seconds between batched writes
FLUSH_AT = 500  # contexts waiting to be written that trigger a write at once
SYNC_EVERY = 2.0  # seconds between reads of other instances' writes
SYNC_OVERLAP = 5.0  # re-read a little before the newest row seen: clocks differ slightly
PRUNE_EVERY = 600.0  # seconds between deletions of expired rows

TABLE = models.Base.metadata.tables[models.ConversationContext.__tablename__]


class ConversationStore:
    """Contexts by key, read from memory, written behind (see the module docstring).

    `clock` (Unix time) is injectable so tests can move time instead of sleeping.
    """

    def __init__(
        self, db: Database | AsyncEngine, *, clock: Callable[[], float] = time.time
    ) -> None:
        # Writes go through Database.write: a rebuild swapping the SQLite file cannot lose them.
        self.db = db if isinstance(db, Database) else Database.around(db)
        self.clock = clock
        self.instance = uuid.uuid4().hex  # this store's name on the rows it writes
        self._contexts: dict[str, tuple[str, float]] = {}  # key -> (data, updated_at)
        self._dirty: set[str] = set()
        self._watermark = 0.0  # the newest updated_at read from the database
        self._synced_at = 0.0
        self._pruned_at = 0.0
        self._started = False
        self._lock = asyncio.Lock()
        self._flusher: asyncio.Task[None] | None = None
        self._reading: asyncio.Task[None] | None = None  # a `refresh_soon` under way
        self._wake = asyncio.Event()

    async def start(self) -> None:
        """Create the table if this database has none yet, then load the last day's contexts."""
        if self._started:
            return
        async with self._lock:
            if self._started:
                return
            async with self.db.write() as conn:
                await conn.run_sync(_create_or_upgrade)
            now = self.clock()
            await self._read_since(now - TTL)
            self._synced_at = now
            self._started = True

    def get(self, key: str) -> str | None:
        """The context stored under `key`, if it is less than a day old."""
        found = self._contexts.get(key)
        if found is None:
            return None
        data, at = found
        if self.clock() - at >= TTL:
            del self._contexts[key]
            return None
        return data

    def put(self, key: str, data: str) -> None:
        """Remember `data` under `key`; written to the database shortly after."""
        self._contexts[key] = (data, self.clock())
        self._dirty.add(key)
        if len(self._dirty) >= FLUSH_AT:
            self._wake.set()
        self._ensure_flusher()

    def _due(self) -> bool:
        return self._started and self.clock() - self._synced_at >= SYNC_EVERY

    async def refresh(self, now: bool = False) -> None:
        """Other instances' writes since the last look, if it is time to look again (or `now`)."""
        started = self.clock()
        if not self._started or not (now or self._due()) or self._lock.locked():
            return
        async with self._lock:
            self._synced_at = started
            try:
                await self._read_since(self._watermark - SYNC_OVERLAP)
            except Exception:  # a little stale beats no answer; the next look tries again
                log.warning("could not read other instances' conversations", exc_info=True)

    def refresh_soon(self) -> None:
        """`refresh` in the background when it is time to look again: the message that finds
        it due is answered from memory (at most `SYNC_EVERY` stale, as any other), not after a
        read of every row written in the last seconds — that read was the slowest 1% of
        answers at 50 updates/s (`make bench`)."""
        if self._reading is not None or self._lock.locked() or not self._due():
            return
        with contextlib.suppress(RuntimeError):  # no running loop: the next look reads
            self._reading = asyncio.get_running_loop().create_task(self.refresh())
            self._reading.add_done_callback(self._read_done)  # refresh logs its own failures

    def _read_done(self, _: asyncio.Task[None]) -> None:
        self._reading = None

    async def flush(self) -> None:
        """Write every waiting context now (and prune expired rows now and then)."""
        async with self._lock:
            if self._dirty:
                keys, self._dirty = self._dirty, set()
                rows = [
                    {
                        "key": k,
                        "data": self._contexts[k][0],
                        "updated_at": self._contexts[k][1],
                        "writer": self.instance,
                    }
                    for k in keys
                    if k in self._contexts
                ]
                try:
                    await self._upsert(rows)
                except Exception:
                    self._dirty |= keys  # written with the next batch
                    raise
            now = self.clock()
            if now - self._pruned_at >= PRUNE_EVERY:
                self._pruned_at = now
                async with self.db.write() as conn:
                    await conn.execute(delete(TABLE).where(TABLE.c.updated_at < now - TTL))
                self._contexts = {k: v for k, v in self._contexts.items() if now - v[1] < TTL}

    async def close(self) -> None:
        """Stop the background writer and write what is waiting."""
        if self._reading is not None:  # let a read under way end (it has a time limit):
            # cancelled, its connection could still hold the file while the last write commits
            with contextlib.suppress(Exception):
                await self._reading
            self._reading = None
        if self._flusher is not None:
            self._flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
            self._flusher = None
        if self._dirty:
            await self.flush()

    def discard_pending(self) -> None:
        """Forget the writes not made yet (an evaluation's made-up chats are not kept)."""
        self._dirty.clear()

    def __len__(self) -> int:
        return len(self._contexts)

    # --- the database side ------------------------------------------------------------------
    async def _read_since(self, since: float) -> None:
        async with self.db.engine.connect() as conn:
            rows = await conn.execute(
                select(TABLE.c.key, TABLE.c.data, TABLE.c.updated_at).where(
                    TABLE.c.updated_at > since,
                    or_(TABLE.c.writer.is_(None), TABLE.c.writer != self.instance),
                )
            )
            for key, data, at in rows:
                mine = self._contexts.get(key)
                if key not in self._dirty and (mine is None or mine[1] < at):
                    self._contexts[key] = (data, at)
                self._watermark = max(self._watermark, at)

    async def _upsert(self, rows: list[dict[str, object]]) -> None:
        if not rows:
            return
        dialect = self.db.backend
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(TABLE)
        statement = statement.on_conflict_do_update(
            index_elements=[TABLE.c.key],
            set_={
                "data": statement.excluded.data,
                "updated_at": statement.excluded.updated_at,
                "writer": statement.excluded.writer,
            },
        )

        def work(conn: Connection) -> None:  # in one step (Database.run_write): off the loop
            conn.execute(statement, rows)

        await self.db.run_write(work)
        self._watermark = max(self._watermark, *(float(str(r["updated_at"])) for r in rows))

    def _ensure_flusher(self) -> None:
        if self._flusher is None or self._flusher.done():
            with contextlib.suppress(RuntimeError):  # no running loop: flushed on close
                self._flusher = asyncio.get_running_loop().create_task(self._flush_forever())

    async def _flush_forever(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), FLUSH_EVERY)
            self._wake.clear()
            try:
                await self.flush()
            except Exception:
                log.warning("could not write conversations; retrying", exc_info=True)


def _create_or_upgrade(conn: Connection) -> None:
    """The table where there is none yet; one made before rows named their writer gains that
    column (PostgreSQL keeps a table across data rebuilds; IF NOT EXISTS: instances starting
    together)."""
    models.Base.metadata.create_all(conn, tables=[TABLE])
    if "writer" in {column["name"] for column in inspect(conn).get_columns(TABLE.name)}:
        return
    guard = "IF NOT EXISTS " if conn.dialect.name == "postgresql" else ""
    conn.execute(text(f"ALTER TABLE {TABLE.name} ADD COLUMN {guard}writer VARCHAR(32)"))
