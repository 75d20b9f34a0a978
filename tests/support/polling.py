"""Running the real Application against the fake Bot API, as `run_polling` would."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from handlers.app import ALLOWED_UPDATES, CareerbotApplication


@contextlib.asynccontextmanager
async def polling(app: CareerbotApplication) -> AsyncIterator[CareerbotApplication]:
    """What `Application.run_polling` does, in the test's event loop, with short polls."""
    await app.initialize()
    assert app.post_init is not None and app.post_shutdown is not None and app.updater
    await app.post_init(app)
    await app.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=ALLOWED_UPDATES)
    await app.start()
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)
