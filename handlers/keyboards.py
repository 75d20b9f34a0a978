"""`Reply.buttons` -> Telegram inline keyboards.

Telegram rejects a whole message (400 BUTTON_DATA_INVALID) when one button's callback_data is
over 64 bytes, so the size is checked here, where every keyboard the bot sends is built: a bug
in the payload format fails loudly in tests instead of silently dropping answers in production.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardMarkup

from bot.callbacks import MAX_BYTES as MAX_CALLBACK_BYTES
from bot.replies import Button

JSONDict = dict[str, Any]


class CallbackDataTooLong(ValueError):
    """A button's callback_data would be refused by Telegram."""


def check_callback_data(data: str) -> str:
    """Return `data` if Telegram accepts it as callback_data (1–64 bytes of UTF-8)."""
    size = len(data.encode("utf-8"))
    if not 1 <= size <= MAX_CALLBACK_BYTES:
        raise CallbackDataTooLong(
            f"callback_data is {size} bytes (1–{MAX_CALLBACK_BYTES} allowed): {data!r}"
        )
    return data


def deep_link(username: str, start: str) -> str:
    """The link that opens a private chat with the bot and sends `/start <start>` there."""
    return f"https://t.me/{username}?start={start}"


def keyboard(rows: Sequence[Sequence[Button]], username: str = "") -> JSONDict | None:
    """The inline keyboard for a reply as the Bot API's JSON, or None when it has no buttons.

    Plain JSON, not PTB objects: answers go out as raw sendMessage calls (handlers.replying),
    and building, serialising and parsing back a dozen InlineKeyboardButtons per answer was
    the largest single cost of an answer. Raises CallbackDataTooLong (not `assert`, so it also
    holds under `python -O`). A button with `start` becomes a deep link to a private chat with
    the bot (`username`); without a username to link to, it is left out.
    """
    lines = [
        [
            {"text": button.label, "url": deep_link(username, button.start)}
            if button.start
            else {"text": button.label, "callback_data": check_callback_data(button.data)}
            for button in row
            if not button.start or username
        ]
        for row in rows
        if row
    ]
    lines = [line for line in lines if line]
    return {"inline_keyboard": lines} if lines else None


def markup(rows: Sequence[Sequence[Button]], username: str = "") -> InlineKeyboardMarkup | None:
    """`keyboard` as PTB's object, for the calls that take one (edits, photos, inline results).

    None matters for edits: it removes the old keyboard instead of leaving stale buttons.
    """
    data = keyboard(rows, username)
    return InlineKeyboardMarkup.de_json(data, None) if data is not None else None
