"""Text messages: every text in a private chat is a question; in groups only what is meant for us.

Group rules. In a group the bot answers only when it is clearly addressed — a command (handled
in `handlers.commands`), a reply to one of its own messages (sent directly or via inline mode),
or a message mentioning @botname (only visible when privacy mode is off or the bot is admin).
Everything else is people talking to each other, and the bot stays silent: a careers bot
chiming in on "the nurse said…" would be noise. Answers in groups quote the asking message so
several people can ask at once without confusion.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Awaitable, MutableMapping

from telegram import LinkPreviewOptions, Message, MessageEntity, ReplyParameters, Update
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import filters

from bot.answer import Reply
from handlers import Context, careerbot, file_ids, keyboards

log = logging.getLogger(__name__)

# Show "typing…" only for answers that are not ready at once: for the usual few-millisecond
# answer it would be a wasted API call counted against the flood limits.
TYPING_AFTER = 0.5
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


class _AddressedToBot(filters.MessageFilter):
    """Group messages meant for this bot: replies to its messages, or @mentions of it."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        # In forum topics every message "replies" to the topic's first message: not a reply.
        if replied is not None and replied.forum_topic_created is None:
            if replied.from_user is not None and replied.from_user.id == bot.id:
                return True
            if replied.via_bot is not None and replied.via_bot.id == bot.id:
                return True
        return mentions_bot(message)


ADDRESSED_TO_BOT = _AddressedToBot(name="AddressedToBot")


def mentions_bot(message: Message) -> bool:
    """Whether an @mention entity in the message names this bot."""
    username = (message.get_bot().username or "").casefold()
    mentions = message.parse_entities([MessageEntity.MENTION]).values()
    return bool(username) and any(m[1:].casefold() == username for m in mentions)


def without_mention(text: str, bot_username: str) -> str:
    """The question with "@botname" taken out, so it reads as if sent in private."""
    if not bot_username:
        return text.strip()
    cleaned = re.sub(rf"@{re.escape(bot_username)}\b", " ", text, flags=re.IGNORECASE)
    return " ".join(cleaned.split())


async def send_reply(
    message: Message, reply: Reply, file_ids: MutableMapping[str, str] | None = None
) -> Message:
    """Send a core reply under `message`: HTML, its keyboard, no link previews.

    In groups the answer quotes the question (and still arrives if the question was deleted);
    in private chats quoting would only add clutter. A reply with a photo (a chart) is sent as
    a photo with the text as its caption, reusing the uploaded file when `file_ids` knows it.
    """
    in_group = message.chat.type != ChatType.PRIVATE
    quote = (
        ReplyParameters(message.message_id, allow_sending_without_reply=True) if in_group else None
    )
    markup = keyboards.markup(reply.buttons)
    if reply.photo is not None:
        known = file_ids.get(reply.photo_key) if file_ids is not None and reply.photo_key else None
        sent = await message.reply_photo(
            known or reply.photo,
            caption=reply.text,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            do_quote=False,
            reply_parameters=quote,
        )
        if file_ids is not None and reply.photo_key and sent.photo:
            file_ids[reply.photo_key] = sent.photo[-1].file_id  # the largest size
        return sent
    return await message.reply_text(
        reply.text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        link_preview_options=NO_PREVIEW,
        do_quote=False,  # private: no quote; groups: the explicit reply_parameters win
        reply_parameters=quote,
    )


async def with_typing(message: Message, context: Context, work: Awaitable[Reply]) -> Reply:
    """Await `work`; if it takes longer than TYPING_AFTER, show "typing…" meanwhile.

    Not when every update slot is busy: then the wait is the bot's backlog, not this answer's
    work, and a chat action for each waiting update would double the calls to Telegram just
    when the bot can least afford them. The chat action is best effort: failing to show it
    must never lose the answer.
    """
    task = asyncio.ensure_future(work)
    try:
        done, _ = await asyncio.wait({task}, timeout=TYPING_AFTER)
        if not done and not saturated(context):
            with contextlib.suppress(TelegramError):
                await message.reply_chat_action(ChatAction.TYPING)
        return await task
    finally:
        task.cancel()  # no-op when finished; stops orphaned work if we were cancelled


def saturated(context: Context) -> bool:
    """Whether all of the application's concurrent update slots are taken (and it has several:
    with one slot, a busy slot is just this update)."""
    processor = context.application.update_processor
    slots = processor.max_concurrent_updates
    return slots > 1 and processor.current_concurrent_updates >= slots


async def answer_question(message: Message, context: Context, text: str) -> None:
    """Ask the core about `text` and send its reply to the chat `message` came from."""
    bot = await careerbot(context)
    reply = await with_typing(message, context, bot.answer(text, chat_id=message.chat_id))
    await send_reply(message, reply, file_ids(context))


async def private_text(update: Update, context: Context) -> None:
    """Private chat: the whole message is the question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await answer_question(message, context, message.text)


async def group_text(update: Update, context: Context) -> None:
    """Group message addressed to the bot (see ADDRESSED_TO_BOT): answer it, quoting it."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await answer_question(
        message, context, without_mention(message.text, context.bot.username or "")
    )


async def migrate(update: Update, context: Context) -> None:
    """A group became a supergroup: log it and move its chat_data to the new id.

    Telegram sends two service messages (one in each chat); only the first still finds data
    under the old id, and moving again would overwrite the moved data with an empty dict.
    """
    message = update.effective_message
    if message is None:
        return
    old = message.migrate_from_chat_id or message.chat.id
    new = message.migrate_to_chat_id or message.chat.id
    log.info("chat %s migrated to supergroup %s", old, new)
    if old != new and old in context.application.chat_data:
        context.application.migrate_chat_data(old_chat_id=old, new_chat_id=new)
