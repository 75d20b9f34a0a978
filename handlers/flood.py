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
* Button presses, per chat, a bucket of their own: burst 26, then 1 every 2 s. An answer has
  up to 12 buttons (How to switch both ways, 📍 Location), and touring every view and back to
  the summary, with a look at the place picker, is ~22 quick presses from a perfectly normal
  user; each costs one edit of a message already there, not a new message.
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
comes again, and so does a polled batch whose offset was not confirmed before a crash. Those are
recognised by the inbox (handlers/inbox.py), in the database, across instances and restarts, so
they never reach the guard.

Scope: per instance. Buckets live in this process's memory: behind a load balancer each
instance limits separately (N instances allow N times the rate), and a restart forgets them.
That is fine for a guard meant to absorb bursts; exact global quotas would need a shared store
such as Redis.
"""

from __future__ import annotations

import contextlib
from typing import Any

from telegram import Bot, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, BaseHandler, TypeHandler

from handlers.context import Context
from handlers.replying import say
from handlers.updates import PrivateQuestion, asked_of

GROUP = -1  # the handler group: before every other handler


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
    state = context.bot_data.flood
    if isinstance(update, PrivateQuestion):  # a private question (handlers/updates.py)
        asked = update.asked
        verdict = state.take(asked.chat_id, ChatType.PRIVATE, asked.user_id, press=False)
    elif isinstance(update, Update):
        if update.inline_query is not None or not would_answer(context.application, update):
            return
        chat, user = update.effective_chat, update.effective_user
        verdict = state.take(
            chat.id if chat else None,
            chat.type if chat else None,
            user.id if user else None,
            press=update.callback_query is not None,
        )
    else:
        return
    if verdict.allowed:
        return
    await tell(context.bot, update, verdict.notice)
    raise ApplicationHandlerStop


async def tell(bot: Bot, update: object, notice: str | None) -> None:
    """Answer a throttled press (always) or message (with a notice only); never raises."""
    with contextlib.suppress(TelegramError):
        if isinstance(update, Update) and update.callback_query is not None:
            await update.callback_query.answer(notice)
        elif notice is not None and (asked := asked_of(update)) is not None:
            await say(bot, asked, notice)


def handler() -> BaseHandler[object, Context, None]:
    """The guard as a handler, for group `GROUP` (see `bot.app.add_handlers`): it sees every
    update, PTB's and the private questions read without it."""
    return TypeHandler(object, guard)
