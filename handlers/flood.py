"""Flood guard: a burst from one chat or one group member gets one polite "slow down", then
silence until it eases off; everyone else is answered as usual.

Why. Telegram limits what a bot sends: about 1 message a second in one chat, 20 a minute in one
group, about 30 a second in all (core.telegram.org/bots/faq, "My bot is hitting limits, how do
I avoid this?"). Every question costs at least one message or edit. Unguarded, one user
pasting 100 questions (or a script) queues 100 answers: `handlers.delivery` then spaces them
out, but they take the bot's time and Telegram's 30/s from everyone else, and the user waits
minutes for answers to questions they no longer care about.

How. Token buckets, in memory. Every update the bot would answer spends a token; tokens come
back at a steady rate, up to the burst size.

* Questions, per private chat: burst 8, then 1 every 2 s (30 a minute). Nobody types eight
  questions in a row by hand; the sustained 0.5/s is half of Telegram's 1 message/s per chat,
  so answers never queue behind that limit.
* Button presses, per chat, a bucket of their own: burst 20, then 1 every 2 s. An answer has
  10 buttons, and touring every view and back to the summary is ~18 quick presses from a
  perfectly normal user; each costs one edit of a message already there, not a new message.
* Groups: each member has those two buckets, and the group as a whole burst 20, then 1 every
  3 s: Telegram's 20 messages a minute per group — answering faster would only queue answers
  in the rate limiter. The member's buckets stop one person long before the group's is empty.
* 50 chats busy at 0.5/s are 25 messages/s, still under Telegram's ~30/s for the whole bot.

Only updates some handler would act on count: group chatter the bot ignores and edited
messages spend nothing (the guard asks the handlers of the later groups, as PTB will).
Inline queries are not limited: they are not messages in a chat, clients debounce them as
people type, and Telegram caches the answers (cache_time).

When a bucket is empty the update is dropped (ApplicationHandlerStop) after, at most, one
notice: a message gets a short reply (quoting it in groups); a button press is always answered
(answerCallbackQuery) so no client is left with a spinning button — the first throttled press
with the notice as a toast, later ones silently. The notice goes once per burst: again only
after the bucket has refilled to half, i.e. after a real pause (~8 s for a user).

Repeats. Telegram delivers updates at least once: a webhook update not acknowledged in time
comes again, and so does a polled batch whose offset was not confirmed before a crash. The guard
drops an update_id seen among the last 10,000, so such a repeat is not answered twice.

Scope: per instance. Buckets and seen ids live in this process's memory: behind a load
balancer each instance limits separately (N instances allow N times the rate, and a repeat
routed to another instance is not recognised), and a restart forgets them. That is fine for a
guard meant to absorb bursts; exact global quotas would need a shared store such as Redis.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, BaseHandler, TypeHandler

from handlers import Context

GROUP = -1  # the handler group: before every other handler
GUARD = "flood_guard"  # bot_data key of the FloodGuard (tests put their own there)

SLOW_DOWN = "You're sending messages faster than I can answer. Please wait a few seconds."
GROUP_SLOW_DOWN = "Lots of questions here at once. I'll answer again in a few seconds."


@dataclass(frozen=True)
class Limit:
    """A token bucket's size and refill rate."""

    burst: float
    per_second: float


QUESTIONS = Limit(burst=8, per_second=1 / 2)
PRESSES = Limit(burst=20, per_second=1 / 2)
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
    """Per-chat and per-member token buckets plus recently seen update ids (see module doc)."""

    questions: Limit = QUESTIONS
    presses: Limit = PRESSES
    group: Limit = GROUP_CHAT
    clock: Callable[[], float] = time.monotonic
    max_buckets: int = 100_000  # beyond this, full buckets (the same as none) are forgotten
    remember_updates: int = 10_000
    _buckets: dict[tuple[Any, ...], Bucket] = field(default_factory=dict, repr=False)
    _seen: set[int] = field(default_factory=set, repr=False)
    _order: deque[int] = field(default_factory=deque, repr=False)

    def seen_before(self, update_id: int) -> bool:
        """Whether this update came already; remembers it otherwise."""
        if update_id in self._seen:
            return True
        self._seen.add(update_id)
        self._order.append(update_id)
        while len(self._order) > self.remember_updates:
            self._seen.discard(self._order.popleft())
        return False

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


def flood_guard(bot_data: MutableMapping[Any, Any]) -> FloodGuard:
    """This application's guard (made with the defaults on first use)."""
    guard = bot_data.get(GUARD)
    if not isinstance(guard, FloodGuard):
        guard = bot_data[GUARD] = FloodGuard()
    return guard


def would_answer(application: Application[Any, Any, Any, Any, Any, Any], update: Update) -> bool:
    """Whether a handler after the guard would take `update` (the same test PTB applies)."""
    for group in sorted(application.handlers):
        if group <= GROUP:
            continue
        for handler in application.handlers[group]:
            check = handler.check_update(update)
            if check is not None and check is not False:
                return True
    return False


async def guard(update: object, context: Context) -> None:
    """Let the update through, or stop it here (after at most one notice)."""
    if not isinstance(update, Update):
        return
    state = flood_guard(context.bot_data)
    if state.seen_before(update.update_id):
        raise ApplicationHandlerStop
    if update.inline_query is not None or not would_answer(context.application, update):
        return
    chat, user = update.effective_chat, update.effective_user
    verdict = state.take(
        chat.id if chat else None,
        chat.type if chat else None,
        user.id if user else None,
        press=update.callback_query is not None,
    )
    if verdict.allowed:
        return
    await tell(update, verdict.notice)
    raise ApplicationHandlerStop


async def tell(update: Update, notice: str | None) -> None:
    """Answer a throttled press (always) or message (with a notice only); never raises."""
    with contextlib.suppress(TelegramError):
        if update.callback_query is not None:
            await update.callback_query.answer(notice)
        elif notice is not None and update.effective_message is not None:
            message = update.effective_message
            await message.reply_text(notice, do_quote=message.chat.type != ChatType.PRIVATE)


def handler() -> BaseHandler[Update, Context, None]:
    """The guard as a handler, for group `GROUP` (see `bot.app.add_handlers`)."""
    return TypeHandler(Update, guard)
