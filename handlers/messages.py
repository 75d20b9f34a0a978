"""Text messages: every text in a private chat is a question; in groups only what is meant for us.

Group rules. In a group the bot answers only when it is clearly addressed — a command (handled
in `handlers.commands`), a reply to one of its own messages (sent directly or via inline mode),
or a message mentioning @botname (only visible when privacy mode is off or the bot is admin).
Everything else is people talking to each other, and the bot stays silent: a careers bot
chiming in on "the nurse said…" would be noise. Answers in groups quote the asking message
(`handlers.replying`).
"""

from __future__ import annotations

import logging
import re

from telegram import Message, MessageEntity, Update
from telegram.ext import filters

from handlers.context import Context
from handlers.replying import answer_message, answer_question
from handlers.updates import PrivateQuestion

log = logging.getLogger(__name__)


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


async def private_question(update: PrivateQuestion, context: Context) -> None:
    """Private chat, a plain text message (read without PTB's objects: handlers.updates)."""
    await answer_question(update.asked, context, update.text)


async def private_text(update: Update, context: Context) -> None:
    """Private chat, any other text message (a reply, a forward…): the whole text is the
    question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await answer_message(message, context, message.text)


async def group_text(update: Update, context: Context) -> None:
    """Group message addressed to the bot (see ADDRESSED_TO_BOT): answer it, quoting it."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await answer_message(
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
