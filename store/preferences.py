"""Per-chat preferences (today: the chat's place for pay figures), the one table of user data.

Why a copy in memory: every update needs its chat's area, and most chats never set one, so a
per-chat cache would still cost a database round trip for each new chat — most of an answer's
time at load. Only chats that chose a place have a row (a few dozen bytes each), so the copy
stays small. It is written through by `set_area`, so this instance always sees its own
changes; changes made through another instance sharing the database show here once the copy is
re-read, every `ttl` seconds. Until the first read completes, callers wait for it (and see its
error, if it fails); after that, whoever finds the copy stale re-reads it while the others go on
with the copy they have, and a failed re-read keeps the copy (a little stale beats no answer)
and is retried after another `ttl`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from store import models

log = logging.getLogger(__name__)

CHAT_AREA_TTL = 30.0  # seconds before another instance's change of a chat's area shows here


class ChatPreferences:
    """The chat_preference table, read through an in-memory copy (see the module docstring).

    `clock` is injectable so tests can move time instead of sleeping.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        sessions: async_sessionmaker[AsyncSession],
        *,
        ttl: float = CHAT_AREA_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self.sessions = sessions
        self.ttl = ttl
        self.clock = clock
        self._areas: dict[int, str] = {}
        self._read_at: float | None = None
        self._lock = asyncio.Lock()

    async def area(self, chat_id: int) -> str | None:
        """The chat's remembered OEWS area code, or None for national figures."""
        first = self._read_at is None
        if self._stale() and (first or not self._lock.locked()):
            async with self._lock:
                if self._stale():
                    try:
                        await self._read()
                    except Exception:
                        if self._read_at is None:
                            raise
                        log.warning("could not re-read chat areas; keeping the copy", exc_info=True)
                        self._read_at = self.clock()
        return self._areas.get(chat_id)

    def _stale(self) -> bool:
        return self._read_at is None or self.clock() - self._read_at >= self.ttl

    async def _read(self) -> None:
        self._areas = await self._fetch()
        self._read_at = self.clock()

    async def _fetch(self) -> dict[int, str]:
        table = models.ChatPreference.__table__
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(table.c.chat_id, table.c.area_code).where(table.c.area_code.is_not(None))
            )
            return {chat_id: area for chat_id, area in rows}

    async def set_area(self, chat_id: int, area_code: str | None) -> None:
        """Remember (or with None, forget) the chat's area."""
        # Under the copy's lock, so a re-read in progress cannot put back the old value.
        async with self._lock, self.sessions.begin() as session:
            row = await session.get(models.ChatPreference, chat_id)
            if row is None:
                session.add(models.ChatPreference(chat_id=chat_id, area_code=area_code))
            else:
                row.area_code = area_code
        # Only once committed:
        if area_code is None:
            self._areas.pop(chat_id, None)
        else:
            self._areas[chat_id] = area_code
