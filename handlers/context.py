"""What every handler shares, typed: the services in `bot_data`, created in `post_init`.

PTB builds one `BotData` per Application (`ContextTypes(bot_data=BotData)`), so two
Applications in one process (tests, or two bots) never share state by accident, and handlers
reach the services as typed attributes (`context.bot_data.flood`) rather than dictionary keys.

The core is opened in `post_init`; if the database was missing then, the next update tries
again (`careerbot()`), so the bot starts answering as soon as `careerbot data build` has run,
without a restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from cachetools import LRUCache
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.service import Careerbot, DatabaseMissing
from handlers.limits import FloodGuard

MAX_FILE_IDS = 5000  # uploaded charts remembered (~100 bytes each); least recently used go first

CareerbotFactory = Callable[[], Awaitable[Careerbot]]


class BotData:
    """The services of one Application."""

    def __init__(self) -> None:
        self.factory: CareerbotFactory | None = None  # opens the core (set by build_application)
        self.core: Careerbot | None = None
        self.flood = FloodGuard()
        # Telegram file_ids of charts already uploaded, by `Reply.photo_key`: sending a file_id
        # instead of the PNG again is instant and costs Telegram no storage.
        self.chart_file_ids: LRUCache[str, str] = LRUCache(maxsize=MAX_FILE_IDS)
        self._opening = asyncio.Lock()

    async def careerbot(self) -> Careerbot:
        """The core, opened on first use; raises DatabaseMissing while there is none.

        A lock keeps concurrent updates from opening the database several times at once.
        """
        if self.core is not None:
            return self.core
        async with self._opening:
            if self.core is None:
                if self.factory is None:
                    raise DatabaseMissing(
                        "The career database is not configured. Build it with: careerbot data build"
                    )
                self.core = await self.factory()
            return self.core

    async def close(self) -> None:
        """Close the database connections, if the core was ever opened."""
        core, self.core = self.core, None
        if core is not None:
            await core.close()


# ExtBot[int]: the rate limiter (Delivery) takes an int per call, its retry budget.
Context = CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(context=CallbackContext, bot_data=BotData)
