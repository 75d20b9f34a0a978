"""Sending the core's replies: the one module every handler uses to send, edit and answer.

A `Reply` says how it is shown (`Reply.display`): a message, a photo, a toast or an alert. The
functions here turn that into Bot API calls. HTML parse mode and "no link previews" are the
Application's defaults (`handlers.app`), so no call repeats them.

Group rule for answers: in groups the answer quotes the question (and still arrives if the
question was deleted), so several people can ask at once without confusion; in private chats
quoting would only add clutter.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import warnings
from collections.abc import Awaitable, MutableMapping
from dataclasses import dataclass

from telegram import Bot, CallbackQuery, Message, ReplyParameters
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError
from telegram.ext import Defaults
from telegram.warnings import PTBUserWarning

from bot.replies import Reply
from handlers import keyboards
from handlers.context import Context
from handlers.updates import Asked
from store.db import FaultKind, classify

log = logging.getLogger(__name__)

SEND_MESSAGE = "sendMessage"
# do_api_request warns that Bot.send_message exists; it is avoided on purpose (send_reply).
warnings.filterwarnings(
    "ignore", message=f"Please use 'Bot.{SEND_MESSAGE}'", category=PTBUserWarning
)

# Show "typing…" only for answers that are not ready at once: for the usual few-millisecond
# answer it would be a wasted API call counted against the flood limits.
TYPING_AFTER = 0.5
SORRY = "Sorry, something went wrong. Please try again in a moment."
DATABASE_MISSING = (
    "The career database is missing, so I can't answer yet. "
    "Whoever runs this bot needs to run: careerbot data build"
)
# What a user is told while the database fails, by fault (store.db.FaultKind): what will fix it,
# and whether waiting is enough. Plain text: also shown as button toasts (200 characters).
DATABASE_FAULTS = {
    FaultKind.MISSING: DATABASE_MISSING,
    FaultKind.UNREADABLE: (
        "The career database is damaged or out of date, so I can't answer. "
        "Whoever runs this bot needs to run: careerbot data build"
    ),
    FaultKind.LOCKED: (
        "The career database is locked by another program right now. Please try again in a moment."
    ),
    FaultKind.UNREACHABLE: (
        "I can't reach the career database right now. Please try again in a few minutes "
        "(whoever runs this bot: check the database server)."
    ),
    FaultKind.TIMEOUT: (
        "The career database is not answering right now. Please try again in a few minutes "
        "(whoever runs this bot: check the database server)."
    ),
    FaultKind.REJECTED: (
        "The database refused my password, so I can't answer. "
        "Whoever runs this bot needs to correct DATABASE_URL."
    ),
    FaultKind.INVALID: (
        "My database settings are wrong, so I can't answer. "
        "Whoever runs this bot needs to correct DATABASE_URL."
    ),
}


def apology(error: BaseException | None) -> str:
    """The short line a user sees for `error` (plain text: also used in button toasts)."""
    kind = classify(error) if error is not None else None
    return DATABASE_FAULTS[kind] if kind is not None else SORRY


def is_harmless(error: BadRequest) -> bool:
    """Errors that only mean "nothing to do": the content is unchanged, or the query is gone."""
    text = error.message.casefold()
    return (
        "message is not modified" in text
        or "query is too old" in text
        or "query id is invalid" in text
    )


def _quote(asked: Asked) -> dict[str, object] | None:
    """The reply_parameters of a message to `asked`'s chat (see the group rule above)."""
    if asked.private:
        return None
    return {"message_id": asked.message_id, "allow_sending_without_reply": True}


def _quote_object(asked: Asked) -> ReplyParameters | None:
    """`_quote` as PTB's object, for its own methods (which add the Defaults themselves)."""
    quote = _quote(asked)
    return ReplyParameters.de_json(quote, None) if quote is not None else None


@functools.lru_cache(maxsize=4)  # one Defaults per Application
def _raw_defaults(defaults: Defaults | None) -> tuple[dict[str, object], dict[str, object]]:
    """The Application's Defaults (handlers.app) for a raw sendMessage and its
    reply_parameters: PTB only applies them to its own methods."""
    if defaults is None:
        return {}, {}
    call: dict[str, object] = {}
    if defaults.parse_mode is not None:
        call["parse_mode"] = defaults.parse_mode
    if defaults.link_preview_options is not None:
        call["link_preview_options"] = defaults.link_preview_options.to_dict()
    quote: dict[str, object] = {}
    if defaults.quote_parse_mode is not None:
        quote["quote_parse_mode"] = defaults.quote_parse_mode
    return call, quote


@dataclass(frozen=True)
class Sent:
    """Where a reply went: what the conversation remembers it by (replies to it)."""

    chat_id: int
    message_id: int


async def send_reply(
    bot: Bot,
    asked: Asked | Message,
    reply: Reply,
    file_ids: MutableMapping[str, str] | None = None,
) -> Sent:
    """Send a core reply to the chat a message came from (`asked`), with its keyboard.

    A reply with a photo (a chart) is sent as a photo with the text as its caption, reusing the
    uploaded file when `file_ids` knows it. A text reply, by far the most common, is one raw
    sendMessage (Bot.do_api_request) with its keyboard as plain JSON: PTB's objects for a
    dozen buttons, and the Message parsed back from Telegram's answer, cost more CPU than the
    answer itself, and only the message id is needed.
    """
    if isinstance(asked, Message):
        asked = Asked.of(asked)
    if reply.photo is not None:
        known = file_ids.get(reply.photo_key) if file_ids is not None and reply.photo_key else None
        photo = await bot.send_photo(
            asked.chat_id,
            known or reply.photo,
            caption=reply.text,
            reply_markup=keyboards.markup(reply.buttons, bot.username or ""),
            reply_parameters=_quote_object(asked),
            message_thread_id=asked.thread_id,
        )
        if file_ids is not None and reply.photo_key and photo.photo:
            file_ids[reply.photo_key] = photo.photo[-1].file_id  # the largest size
        return Sent(photo.chat_id, photo.message_id)
    defaults = _raw_defaults(getattr(bot, "defaults", None))
    call: dict[str, object] = {"chat_id": asked.chat_id, "text": reply.text, **defaults[0]}
    if (markup := keyboards.keyboard(reply.buttons, bot.username or "")) is not None:
        call["reply_markup"] = markup
    if (quote := _quote(asked)) is not None:
        call["reply_parameters"] = {**quote, **defaults[1]}
    if asked.thread_id is not None:
        call["message_thread_id"] = asked.thread_id  # as reply_text does
    result = await bot.do_api_request(SEND_MESSAGE, api_kwargs=call)
    if not isinstance(result, dict):
        raise TelegramError(f"sendMessage answered {type(result).__name__}, not a message")
    return Sent(int(result["chat"]["id"]), int(result["message_id"]))


async def say(bot: Bot, asked: Asked, text: str) -> None:
    """A short line (a notice, an apology) to the chat `asked` came from, quoting it in groups
    as answers do."""
    await bot.send_message(
        asked.chat_id,
        text,
        reply_parameters=_quote_object(asked),
        message_thread_id=asked.thread_id,
    )


async def edit_reply(query: CallbackQuery, reply: Reply, context: Context) -> None:
    """Replace the pressed message's text and keyboard with `reply`.

    Messages sent through inline mode have no chat message, only `inline_message_id`; very old
    messages arrive as InaccessibleMessage, which still carries the chat and message ids.
    """
    if query.inline_message_id is not None:
        inline_id, chat_id, message_id = query.inline_message_id, None, None
    elif query.message is not None:
        inline_id, chat_id, message_id = None, query.message.chat.id, query.message.message_id
    else:
        return
    try:
        await context.bot.edit_message_text(
            reply.text,
            chat_id=chat_id,
            message_id=message_id,
            inline_message_id=inline_id,
            reply_markup=keyboards.markup(reply.buttons, context.bot.username or ""),
        )
    except BadRequest as error:
        if not is_harmless(error):
            raise
        log.debug("edit skipped: %s", error.message)


async def answer_query(query: CallbackQuery, text: str | None = None, alert: bool = False) -> None:
    """Answer the query, ignoring a query that Telegram no longer accepts.

    `alert` shows the text as a dialog (for instructions) rather than a brief toast.
    """
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest as error:
        if not is_harmless(error):
            raise
        log.debug("callback query not answered: %s", error.message)


async def with_typing(asked: Asked, context: Context, work: Awaitable[Reply]) -> Reply:
    """Await `work`; if it takes longer than TYPING_AFTER, show "typing…" meanwhile.

    Not when every update slot is busy: then the wait is the bot's backlog, not this answer's
    work, and a chat action for each waiting update would double the calls to Telegram just
    when the bot can least afford them. The chat action is best effort: failing to show it
    must never lose the answer.
    """
    # A timer, not a task per answer: nearly every answer is ready in a few milliseconds, and
    # wrapping each in a task to wait on cost more than some answers.
    loop = asyncio.get_running_loop()
    typing: list[asyncio.Task[None]] = []

    def show() -> None:
        if not saturated(context):
            task = loop.create_task(_typing(context.bot, asked))
            _SHOWING.add(task)  # held until done, even if the answer fails first
            task.add_done_callback(_SHOWING.discard)
            typing.append(task)

    timer = loop.call_later(TYPING_AFTER, show)
    try:
        reply = await work
    finally:
        timer.cancel()
    if typing:
        await typing[0]  # the answer after "typing…", never before it
    return reply


_SHOWING: set[asyncio.Task[None]] = set()


async def _typing(bot: Bot, asked: Asked) -> None:
    with contextlib.suppress(TelegramError):
        await bot.send_chat_action(asked.chat_id, ChatAction.TYPING, asked.thread_id)


def saturated(context: Context) -> bool:
    """Whether all of the application's concurrent update slots are taken (and it has several:
    with one slot, a busy slot is just this update)."""
    processor = context.application.update_processor
    slots = processor.max_concurrent_updates
    return slots > 1 and processor.current_concurrent_updates >= slots


def replied_answer(message: Message, bot_id: int) -> int | None:
    """The id of the bot's answer `message` replies to, if it replies to one (in forum topics
    every message "replies" to the topic's first message: that is not a reply)."""
    replied = message.reply_to_message
    if replied is None or replied.forum_topic_created is not None:
        return None
    sender = replied.from_user
    return replied.message_id if sender is not None and sender.id == bot_id else None


async def answer_question(
    asked: Asked, context: Context, text: str, replying_to: int | None = None
) -> None:
    """Ask the core about `text`, as the next turn of this chat's (and member's) conversation
    — or of the bot's answer it replies to (`replying_to`, see `replied_answer`) — and send
    its reply to the chat it came from."""
    core = await context.bot_data.careerbot()
    answering = core.answer(
        text, chat_id=asked.chat_id, member_id=asked.user_id, replying_to=replying_to
    )
    reply = await with_typing(asked, context, answering)
    sent = await send_reply(context.bot, asked, reply, context.bot_data.chart_file_ids)
    core.remember_sent(asked.chat_id, sent.message_id, reply)


async def answer_message(message: Message, context: Context, text: str) -> None:
    """`answer_question` for a message as PTB read it (commands, groups, replies)."""
    await answer_question(Asked.of(message), context, text, replied_answer(message, context.bot.id))
