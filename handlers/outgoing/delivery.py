"""Delivery: how every Bot API call leaves the bot — throttled, retried, one chat never freezing
the others. `build_application` installs `Delivery` as PTB's rate limiter.

Why not PTB's AIORateLimiter. (1) A 429 there (RetryAfter) pauses *every* request of the bot
for retry_after seconds: one flooded group freezes the answers in all other chats. (2) It
retries only 429s; PTB itself never retries a call, so a reply that meets a 5xx, a dropped
connection or a timeout is simply lost.

The policy, per call:

1. Throttle as AIORateLimiter does, below Telegram's limits: at most 30 calls/s that name a
   chat, 20 per minute per group (`set_limits`). getUpdates is never throttled (PTB).
2. 429 "retry after N": only that chat waits N + 0.1 s (calls already queued for it wait too);
   every other chat carries on. A call without a chat (answerCallbackQuery) waits alone. Up to
   `max_retries` times, and only for N <= `max_retry_after`: a longer ban is raised.
3. "Group chat was upgraded to a supergroup" (ChatMigrated): sent again at once to the new id,
   and later calls for the old id go straight there.
4. Telegram did not do it — it answered 5xx, or no connection could be made, or the pool was
   full, or the server closed the connection without a word — retried up to `network_retries`
   times after `backoff`, 2x`backoff`, 4x`backoff` s.
5. Telegram may have done it — the answer did not come back in time (read/write timeout, a
   connection lost mid-answer): calls that are safe to repeat (edits, answerCallbackQuery,
   chat actions, ...) are retried: a repeat that finds the work done is refused harmlessly
   ("message is not modified", "query is too old"), which the handlers already treat as done.
   New messages (send*, copy*, forward*) are NOT sent again: that would show the answer twice.
   To make this case rare they get a longer read timeout (`send_timeout`, 20 s) than the rest.
6. Anything else (400, 403 "bot was blocked", 401) is raised at once: it would fail again.

Exactly once. Each answer is done by Telegram once, whatever of the above happens, with one
exception no client can decide: a connection that dies after Telegram did a send but before
its answer arrived. We read "closed without an answer" as "not done" (nearly always it is a
keep-alive connection the server closed while idle), so there the user sees the answer twice.
The Bot API has no idempotency key that would let a client do better. See tests/test_soak.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import (
    BadRequest,
    ChatMigrated,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import BaseRateLimiter

from handlers.outgoing.transport import NotSent

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]
Result = bool | JSONDict | list[JSONDict]
Callback = Callable[..., Coroutine[Any, Any, Result]]

MAX_GROUP_LIMITERS = 512  # beyond this, limiters of quiet groups (and ended pauses) are forgotten


def creates_message(endpoint: str) -> bool:
    """Whether a repeat of `endpoint` would post a second message (so it must not be repeated)."""
    name = endpoint.casefold()
    return name.startswith(("send", "copy", "forward")) and name != "sendchataction"


def not_done(error: NetworkError) -> bool:
    """Whether Telegram certainly did not carry out the call that failed with `error`.

    The transport (handlers.outgoing.transport) raises NotSent when the request never reached
    Telegram or the server closed the connection without answering (see the module docstring for
    why the latter counts as "not done"); its other failures carry the HTTP client's error as their
    cause. PTB raises a plain NetworkError for a 5xx answer, with no client error behind it.
    """
    if isinstance(error, NotSent):
        return True
    cause = error.__cause__
    answered = cause is None or isinstance(cause, TelegramError)  # a 5xx, maybe not even JSON
    return answered and not isinstance(error, TimedOut)


def retry_seconds(error: RetryAfter) -> float:
    # PTB's own AIORateLimiter reads `_retry_after`; the public attribute warns in v22.
    return float(error._retry_after.total_seconds())


class Delivery(BaseRateLimiter[int]):
    """PTB rate limiter with per-chat 429 pauses and a retry policy (see the module docstring).

    `rate_limit_args` (per call) overrides `max_retries`, as with AIORateLimiter.
    """

    def __init__(
        self,
        *,
        overall_per_second: float = 30,
        group_per_minute: float = 20,
        max_retries: int = 3,
        max_retry_after: float = 30,
        network_retries: int = 3,
        backoff: float = 0.25,
        send_timeout: float = 20,
    ) -> None:
        self.max_retries = max_retries
        self.max_retry_after = max_retry_after
        self.network_retries = network_retries
        self.backoff = backoff
        self.send_timeout = send_timeout
        self._overall: AsyncLimiter | None = None
        self._group_per_minute = 0.0
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._paused: dict[int | str, float] = {}  # chat -> monotonic time it may send again
        self._migrated: dict[int | str, int] = {}
        self.set_limits(overall_per_second, group_per_minute)

    def set_limits(self, overall_per_second: float, group_per_minute: float) -> None:
        """Throttle to these rates (0 turns a limit off, e.g. for load tests)."""
        self._overall = AsyncLimiter(overall_per_second, 1) if overall_per_second else None
        self._group_per_minute = group_per_minute
        self._groups.clear()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        max_retries = self.max_retries if rate_limit_args is None else rate_limit_args
        repeatable = not creates_message(endpoint)
        if not repeatable and not isinstance(kwargs.get("read_timeout"), int | float | None):
            kwargs["read_timeout"] = self.send_timeout  # the caller left it to the default
        waits = failures = moves = 0
        while True:
            chat = self._chat(data)
            await self._wait_for(chat)
            try:
                async with self._group(chat), self._overall_limit(chat):
                    return await callback(*args, **kwargs)
            except RetryAfter as error:
                seconds = retry_seconds(error)
                if waits >= max_retries or seconds > self.max_retry_after:
                    raise
                waits += 1
                log.info("%s in chat %s: 429, waiting %.1f s", endpoint, chat, seconds)
                if chat is None:
                    await asyncio.sleep(seconds + 0.1)
                else:
                    self._pause(chat, seconds + 0.1)
            except ChatMigrated as error:
                if chat is None or moves >= 2:
                    raise
                moves += 1
                log.info("chat %s is now supergroup %s: sending there", chat, error.new_chat_id)
                self._migrated[chat] = error.new_chat_id
            except BadRequest:  # a NetworkError in PTB's hierarchy, but a final answer
                raise
            except NetworkError as error:
                if failures >= self.network_retries or not (repeatable or not_done(error)):
                    raise
                failures += 1
                log.info("%s in chat %s failed (%s), retrying", endpoint, chat, error)
                await asyncio.sleep(self.backoff * 2 ** (failures - 1))

    def _chat(self, data: dict[str, Any]) -> int | str | None:
        """The call's chat id, moved to the supergroup if the group migrated."""
        chat = data.get("chat_id")
        if not isinstance(chat, int | str):
            return None
        with contextlib.suppress(ValueError):
            chat = int(chat)
        moved = self._migrated.get(chat)
        if moved is not None:
            data["chat_id"] = chat = moved
        return chat

    async def _wait_for(self, chat: int | str | None) -> None:
        while chat is not None and (until := self._paused.get(chat)) is not None:
            left = until - time.monotonic()
            if left <= 0:
                self._paused.pop(chat, None)
                return
            await asyncio.sleep(left)

    def _pause(self, chat: int | str, seconds: float) -> None:
        now = time.monotonic()
        if len(self._paused) > MAX_GROUP_LIMITERS:  # forget pauses that are over
            self._paused = {key: until for key, until in self._paused.items() if until > now}
        self._paused[chat] = max(now + seconds, self._paused.get(chat, 0.0))

    def _overall_limit(self, chat: int | str | None) -> contextlib.AbstractAsyncContextManager[Any]:
        if chat is None or self._overall is None:
            return contextlib.nullcontext()
        return self._overall

    def _group(self, chat: int | str | None) -> contextlib.AbstractAsyncContextManager[Any]:
        """Groups and channels have negative ids (or @usernames); private chats positive."""
        if chat is None or not self._group_per_minute or (isinstance(chat, int) and chat > 0):
            return contextlib.nullcontext()
        limiter = self._groups.get(chat)
        if limiter is None:
            if len(self._groups) >= MAX_GROUP_LIMITERS:
                for key, quiet in list(self._groups.items()):
                    if quiet.has_capacity(quiet.max_rate):
                        del self._groups[key]
            limiter = self._groups[chat] = AsyncLimiter(self._group_per_minute, 60)
        return limiter
