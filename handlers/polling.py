"""Long polling by careerbot's own loop, so that Telegram learns an update arrived only once the
inbox has stored it.

Why not PTB's Updater. The Updater confirms a batch — by asking for the next one with a higher
offset — as soon as the batch is on the Application's queue: in memory, so a crash loses every
update still queued. And on a 401 it logs "Invalid token. Aborting retry loop." and stops polling
for good, while the process stays alive and deaf, so no supervisor restarts it. Hooking in
before the Updater asks again would mean wrapping its private loop; the loop itself is short:

1. getUpdates from the current offset (long poll). The updates' JSON, as Telegram sent it, is
   what the inbox stores — re-encoding PTB's objects would cost more than the rest of the write.
2. The inbox (handlers/inbox.py) stores the batch in one INSERT and hands what is new to PTB
   (what is certainly new at once, without waiting for the write: see "Polling answers
   without waiting" there).
3. Only then does the offset move past the batch: the next getUpdates acknowledges it. If the
   batch could not be stored (the database is failing), the offset stays, and the same updates
   come again `retry` seconds later, until they are stored.

Telegram's errors. 401/404 on getUpdates (the token was rejected or revoked) are retried with
back-off (`rejected_backoff` s, doubling) up to `rejected_attempts` attempts, then `poll` raises
TelegramRejected: `careerbot run` logs one line and exits non-zero, so that a supervisor restarts
it or someone looks. A 409 (another bot instance polling, or a webhook set meanwhile), 429, 5xx
and network errors are retried for as long as they last, with back-off up to `max_backoff` s,
logged once when they start and once when they end.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any

import orjson
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError

from handlers.app import ALLOWED_UPDATES, CareerbotApplication, StartupError
from handlers.inbox import Inbox
from handlers.updates import read_update
from store.inbox import Received

log = logging.getLogger(__name__)

POLL_TIMEOUT = 30  # seconds Telegram holds a getUpdates open when there is nothing new
BATCH = 100  # Telegram's maximum per getUpdates


class TelegramRejected(StartupError):
    """Telegram keeps rejecting the token (401/404): the bot cannot go on."""


class Poller:
    """The getUpdates loop (see the module docstring); `run` until `stop` is set."""

    def __init__(
        self,
        application: CareerbotApplication,
        inbox: Inbox,
        *,
        timeout: int = POLL_TIMEOUT,
        retry: float = 1.0,
        backoff: float = 1.0,
        max_backoff: float = 30.0,
        rejected_attempts: int = 4,
        rejected_backoff: float = 1.0,
    ) -> None:
        self.application = application
        self.inbox = inbox
        self.timeout = timeout
        self.retry = retry
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.rejected_attempts = rejected_attempts
        self.rejected_backoff = rejected_backoff
        self.offset: int | None = None
        self._failures = 0
        self._rejections = 0

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set; raises TelegramRejected when the token stays rejected."""
        stopping = asyncio.ensure_future(stop.wait())
        try:
            while not stop.is_set():
                # While a batch waits to be stored, ask again soon rather than long-poll.
                waiting = self.inbox.failing is not None
                poll = asyncio.ensure_future(self._get_updates(0 if waiting else self.timeout))
                await asyncio.wait({poll, stopping}, return_when=asyncio.FIRST_COMPLETED)
                if not poll.done():  # stopping: what it would bring is not acknowledged
                    poll.cancel()
                    with contextlib.suppress(asyncio.CancelledError, TelegramError):
                        await poll
                    break
                pause = await self._take(poll)
                if pause:
                    await asyncio.wait({stopping}, timeout=pause)
        finally:
            stopping.cancel()
        await self._acknowledge()

    async def _take(self, poll: asyncio.Future[list[dict[str, Any]]]) -> float:
        """Handle one getUpdates outcome; the seconds to wait before the next one."""
        try:
            raw = poll.result()
        except TelegramError as error:
            return self._failed(error)
        if self._failures or self._rejections:
            log.warning("getUpdates works again")
        self._failures = self._rejections = 0
        if not raw:
            return 0.0
        received = [Received(int(item["update_id"]), orjson.dumps(item).decode()) for item in raw]
        if await self.inbox.accept(received, self._parse(raw), early=True):
            self.offset = received[-1].update_id + 1  # the next getUpdates acknowledges them
            return 0.0
        return self.retry  # not stored: ask for the same updates again shortly

    def _parse(self, raw: Sequence[dict[str, Any]]) -> list[object]:
        parsed = []
        for item in raw:
            try:
                parsed.append(read_update(item, self.application.bot))
            except Exception:  # the inbox stores it and logs that it cannot be read
                continue
        return parsed

    async def _get_updates(self, long_poll: int) -> list[dict[str, Any]]:
        """One getUpdates, returning the updates' JSON as Telegram sent it.

        Through the bot's own `_post` (what `Bot.get_updates` calls before parsing): the raw
        JSON is what the inbox stores. The read timeout is the long poll's plus the client's, as
        `Bot.get_updates` computes it.
        """
        bot = self.application.bot
        read_timeout = (bot._request[0].read_timeout or 0) + long_poll
        data = {
            "timeout": long_poll,
            "limit": BATCH,
            "allowed_updates": ALLOWED_UPDATES,
            **({"offset": self.offset} if self.offset is not None else {}),
        }
        result = await bot._post("getUpdates", data, read_timeout=read_timeout)
        return list(result or [])

    def _failed(self, error: TelegramError) -> float:
        if isinstance(error, InvalidToken):
            self._rejections += 1
            if self._rejections >= self.rejected_attempts:
                raise TelegramRejected(
                    f"Telegram rejected TELEGRAM_BOT_TOKEN on getUpdates {self._rejections} times "
                    f"in a row ({error.message}) — check it with @BotFather"
                ) from error
            pause = self.rejected_backoff * 2.0 ** (self._rejections - 1)
            log.warning(
                "getUpdates: Telegram rejected the token (%s); retrying in %.0f s",
                error.message,
                pause,
            )
            return pause
        if isinstance(error, RetryAfter):
            return float(error._retry_after.total_seconds())
        self._failures += 1
        pause = min(self.max_backoff, self.backoff * 2.0 ** (self._failures - 1))
        if self._failures == 1:
            what = (
                "another instance is polling, or a webhook is set"
                if isinstance(error, Conflict)
                else type(error).__name__
            )
            log.warning("getUpdates failed (%s: %s); retrying until it works", what, error.message)
        return pause

    async def _acknowledge(self) -> None:
        """Confirm the last stored batch on the way out (best effort: unconfirmed updates come
        again at the next start, and the inbox recognises them)."""
        if self.offset is None:
            return
        with contextlib.suppress(TelegramError, TimeoutError):
            async with asyncio.timeout(2):
                await self.application.bot._post(
                    "getUpdates", {"offset": self.offset, "limit": 1, "timeout": 0}
                )
