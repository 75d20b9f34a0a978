"""The one error handler: log with context, tell the user briefly, never raise.

A user who gets no answer assumes the bot is dead, so whenever there is somewhere to reply
they get one short line. Other errors get the full traceback in the log, plus what the update
was (kind, chat, user ids — not the message text), with the bot token removed even when an
exception message or traceback contains a request URL: the token is a password to the bot.

A database fault (store.db.classify: missing, damaged, locked, unreachable, hung, refusing the
password) is an operator's problem, not a bug: the user is told what fixes it
(handlers.replying.DATABASE_FAULTS), and the log gets one line with the fix and the driver's
reason, without a traceback. The bot recovers by itself once the fault is repaired.
"""

from __future__ import annotations

import contextlib
import logging
import traceback

from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError

from handlers.context import Context
from handlers.replying import apology, say
from handlers.updates import PrivateQuestion, asked_of
from store.db import fault, reason

log = logging.getLogger(__name__)


def describe(update: object) -> str:
    """Where the error happened, without message text (user content stays out of logs)."""
    if isinstance(update, PrivateQuestion):
        asked = update.asked
        where = f"private chat {asked.chat_id} from user {asked.user_id}"
        return f"update {update.update_id} (message in {where})"
    if not isinstance(update, Update):
        return f"non-update {type(update).__name__}"
    kind = next(
        (
            name
            for name in (
                "message",
                "edited_message",
                "callback_query",
                "inline_query",
                "my_chat_member",
                "channel_post",
            )
            if getattr(update, name) is not None
        ),
        "other",
    )
    chat = update.effective_chat
    user = update.effective_user
    where = f" in {chat.type} chat {chat.id}" if chat else ""
    who = f" from user {user.id}" if user else ""
    return f"update {update.update_id} ({kind}{where}{who})"


async def on_error(update: object, context: Context) -> None:
    """Log the error and tell the user something went wrong; must never raise itself."""
    error = context.error
    # PTB's BadRequest is a NetworkError subclass; a real 400 is our bug, not Telegram's outage.
    unreachable = isinstance(error, NetworkError) and not isinstance(error, BadRequest)
    try:
        found = fault(error) if error is not None else None
        if found is not None:  # an operator problem, not a bug: the fix, no traceback
            assert error is not None
            log.error("%s (%s, while handling %s)", found, reason(error), describe(update))
        else:
            trace = "".join(traceback.format_exception(error)) if error else "no exception"
            quiet = isinstance(error, Forbidden) or unreachable  # Telegram's side, not ours
            level = logging.WARNING if quiet else logging.ERROR
            log.log(
                level,
                "error while handling %s:\n%s",
                describe(update),
                trace.replace(context.bot.token, "[redacted]"),
            )
        # Blocked or kicked: nobody to tell. Telegram unreachable: the answer may well have
        # arrived, and an apology after it would be a second, wrong reply.
        if not (isinstance(error, Forbidden) or unreachable):
            await _tell_user(context.bot, update, apology(error))
    except Exception:  # the last line of defence must not fail
        with contextlib.suppress(Exception):
            log.error("the error handler itself failed while handling %s", describe(update))


async def _tell_user(bot: Bot, update: object, text: str) -> None:
    """A toast for button presses, a short reply in chats, nothing for inline queries."""
    with contextlib.suppress(TelegramError):
        if isinstance(update, Update) and update.callback_query is not None:
            # Usually answered already by the button handler; then this is refused, harmlessly.
            await update.callback_query.answer(text)
        elif (asked := asked_of(update)) is not None:
            await say(bot, asked, text)
