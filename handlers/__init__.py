"""The Telegram layer: thin handlers that turn updates into `Careerbot` calls and send the result.

Every handler does three things: read what the user asked from the update, ask the core
(`bot.answer.Careerbot`), and send the `Reply` back. Wording, figures and buttons all come from
the core, so Telegram, the console and `careerbot ask` always agree.

The core is kept in `application.bot_data` rather than a module global so that several
Applications (tests, or one process serving two bots) never share state by accident. It is
opened in `post_init`; if the database was missing then, the next update tries again, so the
bot starts answering as soon as `careerbot data build` has run, without a restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, cast

from telegram.ext import ContextTypes

from bot.answer import Careerbot, DatabaseMissing

CAREERBOT = "careerbot"
FACTORY = "careerbot_factory"
FILE_IDS = "chart_file_ids"
_LOCK = "careerbot_lock"
MAX_FILE_IDS = 5000  # ~100 bytes each; the oldest are forgotten first

CareerbotFactory = Callable[[], Awaitable[Careerbot]]
Context = ContextTypes.DEFAULT_TYPE


async def open_careerbot(bot_data: MutableMapping[Any, Any]) -> Careerbot:
    """The shared Careerbot, opened on first use; raises DatabaseMissing while there is none.

    A lock keeps concurrent updates from opening the database several times at once.
    """
    existing = bot_data.get(CAREERBOT)
    if existing is not None:
        return cast(Careerbot, existing)
    lock = bot_data.setdefault(_LOCK, asyncio.Lock())
    async with lock:
        existing = bot_data.get(CAREERBOT)
        if existing is not None:
            return cast(Careerbot, existing)
        factory = bot_data.get(FACTORY)
        if factory is None:
            raise DatabaseMissing(
                "The career database is not configured. Build it with: careerbot data build"
            )
        opened: Careerbot = await factory()
        bot_data[CAREERBOT] = opened
        return opened


async def careerbot(context: Context) -> Careerbot:
    """The core for this update (see `open_careerbot`)."""
    return await open_careerbot(context.bot_data)


async def close_careerbot(bot_data: MutableMapping[Any, Any]) -> None:
    """Close the database connections, if the core was ever opened."""
    opened = bot_data.pop(CAREERBOT, None)
    if opened is not None:
        await cast(Careerbot, opened).close()


def file_ids(context: Context) -> dict[str, str]:
    """Telegram file_ids of charts already uploaded, by `Reply.photo_key`.

    Sending a file_id instead of the PNG again is instant and costs Telegram no storage.
    """
    cache: dict[str, str] = context.bot_data.setdefault(FILE_IDS, {})
    while len(cache) > MAX_FILE_IDS:
        cache.pop(next(iter(cache)))
    return cache
