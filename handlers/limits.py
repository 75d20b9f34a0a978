"""Token buckets for the flood guard (`handlers.flood`): how much one chat, one group member
and one group may ask. Pure bookkeeping, no Telegram calls;
the limits and why they are what they are are explained in `handlers.flood`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.constants import ChatType

SLOW_DOWN = "You're sending messages faster than I can answer. Please wait a few seconds."
GROUP_SLOW_DOWN = "Lots of questions here at once. I'll answer again in a few seconds."


@dataclass(frozen=True)
class Limit:
    """A token bucket's size and refill rate."""

    burst: float
    per_second: float


QUESTIONS = Limit(burst=8, per_second=1 / 2)
PRESSES = Limit(burst=26, per_second=1 / 2)
GROUP_CHAT = Limit(burst=20, per_second=1 / 3)


@dataclass
class Bucket:
    limit: Limit
    tokens: float
    stamp: float
    warned: bool = False

    def refill(self, now: float) -> None:
        self.tokens = self.tokens_at(now)
        self.stamp = now
        if self.tokens >= self.limit.burst / 2:
            self.warned = False  # the burst is over: the next one gets a notice again

    def tokens_at(self, now: float) -> float:
        return min(self.limit.burst, self.tokens + (now - self.stamp) * self.limit.per_second)


@dataclass(frozen=True)
class Verdict:
    """`allowed`, or throttled with `notice` (None: say nothing, already told this burst)."""

    allowed: bool
    notice: str | None = None


ALLOWED = Verdict(True)


@dataclass
class FloodGuard:
    """Per-chat and per-member token buckets (see module doc)."""

    questions: Limit = QUESTIONS
    presses: Limit = PRESSES
    group: Limit = GROUP_CHAT
    clock: Callable[[], float] = time.monotonic
    max_buckets: int = 100_000  # beyond this, full buckets (the same as none) are forgotten
    _buckets: dict[tuple[Any, ...], Bucket] = field(default_factory=dict, repr=False)

    def take(
        self, chat_id: int | None, chat_type: str | None, user_id: int | None, press: bool = False
    ) -> Verdict:
        """Spend a token for a question (or a button `press`) from `user_id` in `chat_id`.

        Without a chat (a press on a message sent through inline mode) the user's own bucket
        counts; with neither, nothing is limited.
        """
        now = self.clock()
        kind, limit = ("press", self.presses) if press else ("question", self.questions)
        in_group = chat_type in (ChatType.GROUP, ChatType.SUPERGROUP)
        if in_group and chat_id is not None:
            checks = [self._bucket(("group", chat_id), self.group, now)]
            if user_id is not None:  # the member first: a flooder is told, not the whole group
                checks.insert(0, self._bucket(("member", chat_id, user_id, kind), limit, now))
        elif chat_id is not None:
            checks = [self._bucket(("chat", chat_id, kind), limit, now)]
        elif user_id is not None:
            checks = [self._bucket(("user", user_id, kind), limit, now)]
        else:
            return ALLOWED
        for index, bucket in enumerate(checks):
            if bucket.tokens < 1:
                group_wide = in_group and index == len(checks) - 1
                notice = None if bucket.warned else GROUP_SLOW_DOWN if group_wide else SLOW_DOWN
                bucket.warned = True
                return Verdict(False, notice)
        for bucket in checks:
            bucket.tokens -= 1
        return ALLOWED

    def _bucket(self, key: tuple[Any, ...], limit: Limit, now: float) -> Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_buckets:
                self._forget_full(now)
            bucket = self._buckets[key] = Bucket(limit, limit.burst, now)
        else:
            bucket.refill(now)
        return bucket

    def _forget_full(self, now: float) -> None:
        for key, bucket in list(self._buckets.items()):
            if bucket.tokens_at(now) >= bucket.limit.burst:
                del self._buckets[key]
