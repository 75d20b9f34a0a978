"""Running the real Application against the fake Bot API, as `careerbot run` does."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from bot.config import Settings
from handlers.app import CareerbotApplication
from handlers.inbox import SWEEP
from handlers.lifecycle import running
from handlers.polling import Poller
from handlers.runner import POLLING_OWNER


@contextlib.asynccontextmanager
async def polling(
    app: CareerbotApplication, settings: Settings, *, sweep: float = SWEEP, **poller: float
) -> AsyncIterator[CareerbotApplication]:
    """What `careerbot run` does in polling mode (handlers.runner.serve_polling), in the test's
    event loop, with short long-polls (`poller`: more Poller settings; `sweep`: the inbox's)."""
    stop = asyncio.Event()
    async with running(app, settings, POLLING_OWNER, sweep=sweep) as inbox:
        task = asyncio.create_task(Poller(app, inbox, **{"timeout": 1, **poller}).run(stop))
        try:
            yield app
        finally:
            stop.set()
            await task
