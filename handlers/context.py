"""What every handler shares, typed: the services in `bot_data`, created in `post_init`.

PTB builds one `BotData` per Application (`ContextTypes(bot_data=BotData)`), so two
Applications in one process (tests, or two bots) never share state by accident, and handlers
reach the services as typed attributes (`context.bot_data.flood`) rather than dictionary keys.

The core is opened in `post_init`; if the database was missing then, the next update tries
again (`careerbot()`), so the bot starts answering as soon as `careerbot data build` has run,
without a restart. After a rebuild replaced the SQLite file, the core's engine is reopened on
the new file (store.db.Database.refresh); if the rebuild brought other data (its metadata
differs: releases, source files), the core itself is opened again — title index, remembered
reads, button versions — so that no answer mixes the old data with the new. A PostgreSQL
rebuild replaces the tables in place, so there the metadata is compared every
`RELEASE_CHECK` seconds, in the background (an update never waits for it).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from cachetools import LRUCache
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.service import Careerbot, DatabaseMissing
from handlers.inbox import Inbox
from handlers.limits import FloodGuard
from store.db import Database

MAX_FILE_IDS = 5000  # uploaded charts remembered (~100 bytes each); least recently used go first
RELEASE_CHECK = 30.0  # seconds between looks at whether a server database was rebuilt

CareerbotFactory = Callable[[], Awaitable[Careerbot]]


class BotData:
    """The services of one Application."""

    def __init__(self) -> None:
        self.factory: CareerbotFactory | None = None  # opens the core (set by build_application)
        self.core: Careerbot | None = None
        self.flood = FloodGuard()
        self.inbox: Inbox | None = None  # how updates arrive (set by handlers.lifecycle)
        # Telegram file_ids of charts already uploaded, by `Reply.photo_key`: sending a file_id
        # instead of the PNG again is instant and costs Telegram no storage.
        self.chart_file_ids: LRUCache[str, str] = LRUCache(maxsize=MAX_FILE_IDS)
        self._opening = asyncio.Lock()
        self._generation = 0  # of the core's database engine, when last looked at
        self.release_check = RELEASE_CHECK
        self._release_checked = time.monotonic()
        self._checking: asyncio.Task[None] | None = None

    async def careerbot(self) -> Careerbot:
        """The core, opened on first use; raises DatabaseMissing while there is none.

        A lock keeps concurrent updates from opening the database several times at once.
        """
        core = self.core
        if core is not None:
            db = getattr(getattr(core, "store", None), "db", None)  # tests give stand-ins
            if not isinstance(db, Database):
                return core
            if db.path is None:  # a server: rebuilt in place, looked at in the background
                self._look_for_a_rebuild(core)
                return core
            await db.refresh(every=0)  # one stat: cheap next to an answer
            if db.generation == self._generation:
                return core
            self._generation = db.generation  # reopened: here, or by a write that noticed
            await self._rebuilt(core)
        async with self._opening:
            if self.core is None:
                if self.factory is None:
                    raise DatabaseMissing(
                        "The career database is not configured. Build it with: careerbot data build"
                    )
                self.core = await self.factory()
                settle_memory()
                db = getattr(getattr(self.core, "store", None), "db", None)
                self._generation = db.generation if isinstance(db, Database) else 0
            return self.core

    def _look_for_a_rebuild(self, core: Careerbot) -> None:
        now = time.monotonic()
        if now - self._release_checked < self.release_check or self._checking is not None:
            return
        self._release_checked = now
        self._checking = asyncio.get_running_loop().create_task(self._rebuilt(core))
        self._checking.add_done_callback(self._checked)

    def _checked(self, task: asyncio.Task[None]) -> None:
        self._checking = None
        self._release_checked = time.monotonic()
        if not task.cancelled() and task.exception() is not None:
            logging.getLogger(__name__).warning("could not compare the data: %s", task.exception())

    async def _rebuilt(self, core: Careerbot) -> None:
        """The database file was replaced: keep the core if it holds the same data, else close
        it so that the next `careerbot()` opens the new data (callers wait for it)."""
        try:
            same = await core.store.read_metadata() == core.metadata
        except Exception:  # replaced by something unreadable: the next reads will say so
            return
        if not same and self.core is core:
            self.core = None
            logging.getLogger(__name__).info("the career data changed: reopening the core")
            await core.close()

    async def close(self) -> None:
        """Close the database connections, if the core was ever opened."""
        if self._checking is not None:
            self._checking.cancel()
        core, self.core = self.core, None
        if core is not None:
            await core.close()


# Young objects collected every this many allocations (Python's default: 700). An answer
# allocates a few thousand short-lived objects, so the default ran a collection several times
# per answer; almost all of them are freed by reference counting anyway.
YOUNG_COLLECTION_EVERY = 10_000


def settle_memory() -> None:
    """Once the core is open: what it loaded lives as long as it does, so take it out of the
    cyclic collector's reach (gc.freeze), and collect young objects less often.

    Why. Left in the collector's generations, the core's hundreds of thousands of objects were
    walked again at every full collection — 60-100 ms each, a dozen times in a `make bench`
    run, each one a stall for every update in flight — and young collections ran ~2,000 times
    for 8,000 answers. Frozen objects are still freed by reference counting when the core is
    closed (a rebuild); only cycles among them would stay, and the core holds few.
    """
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, middle, old)


# ExtBot[int]: the rate limiter (Delivery) takes an int per call, its retry budget.
Context = CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(context=CallbackContext, bot_data=BotData)
