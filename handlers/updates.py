"""What an update's JSON becomes before a handler sees it: PTB's `Update`, or — for the commonest
update by far, a plain text message in a private chat — a `PrivateQuestion` read straight from
the JSON.

Why. PTB builds a full object tree for every update: its `Message` alone sets some two hundred
attributes, each through a frozen-object check, which cost ~0.16 ms per update on this machine
(measured: `Update.de_json` of a one-line private message) — more than answering a repeated
question, and a tenth of the bot's whole work per update under load. A private question needs
five numbers and its text. PTB takes any object as an update (`Application.process_update`);
`TypeHandler(PrivateQuestion, …)` in `handlers.app` routes it like any other handler.

What is read this way is only the shape this module fully understands: a new message (not an
edit), in a private chat, with text that is not a command, and none of the fields that would
change its meaning or where the answer goes — a reply, a quote, a forward, a topic, a bot it
came via. Everything else is PTB's `Update`, handled as before. So the same message gets the
same answer either way (tests/handlers/test_updates.py holds the two paths to that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import Bot, Message, Update
from telegram.constants import ChatType

# The message fields a private question may have and still be read here: the rest of a
# message's fields (reply_to_message, forward_origin, quote, via_bot, message_thread_id, …)
# send it to PTB's Update.
PLAIN_FIELDS = frozenset(
    {"message_id", "from", "chat", "date", "text", "entities", "link_preview_options"}
)


@dataclass(frozen=True, slots=True)
class Asked:
    """Where a message came from: as much of it as answering needs."""

    chat_id: int
    message_id: int
    private: bool
    user_id: int | None = None
    thread_id: int | None = None  # the forum topic to answer in, if it came from one

    @classmethod
    def of(cls, message: Message) -> Asked:
        """Where a PTB message came from."""
        return cls(
            chat_id=message.chat_id,
            message_id=message.message_id,
            private=message.chat.type == ChatType.PRIVATE,
            user_id=message.from_user.id if message.from_user else None,
            thread_id=message.message_thread_id if message.is_topic_message else None,
        )


@dataclass(frozen=True, slots=True)
class PrivateQuestion:
    """A plain text message in a private chat (see the module docstring)."""

    update_id: int
    asked: Asked
    text: str

    @classmethod
    def read(cls, data: dict[str, Any]) -> PrivateQuestion | None:
        """The question in `data`, or None when the update is anything else."""
        message = data.get("message")
        if len(data) != 2 or not isinstance(message, dict) or not PLAIN_FIELDS.issuperset(message):
            return None
        chat, sender, text = message.get("chat"), message.get("from"), message.get("text")
        if not isinstance(text, str) or not text or text.startswith("/"):
            return None
        if not isinstance(chat, dict) or chat.get("type") != ChatType.PRIVATE:
            return None
        if not isinstance(sender, dict) or sender.get("is_bot"):
            return None
        chat_id, user_id, message_id = chat.get("id"), sender.get("id"), message.get("message_id")
        update_id = data.get("update_id")
        if not all(isinstance(n, int) for n in (chat_id, user_id, message_id, update_id)):
            return None
        return cls(update_id, Asked(chat_id, message_id, True, user_id), text)  # type: ignore[arg-type]


def read_update(data: dict[str, Any], bot: Bot) -> object:
    """An update's JSON as the handlers get it: a PrivateQuestion if it is one, else PTB's
    Update (which raises on JSON that is not an update)."""
    return PrivateQuestion.read(data) or Update.de_json(data, bot)


def asked_of(update: object) -> Asked | None:
    """Where the message of `update` came from; None for updates without one (inline queries)."""
    if isinstance(update, PrivateQuestion):
        return update.asked
    if isinstance(update, Update) and update.effective_message is not None:
        return Asked.of(update.effective_message)
    return None


def id_of(update: object) -> int | None:
    """The update_id of what `read_update` returned."""
    return update.update_id if isinstance(update, Update | PrivateQuestion) else None
