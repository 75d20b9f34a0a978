"""`Reply.buttons` -> Telegram inline keyboards.

Telegram rejects a whole message (400 BUTTON_DATA_INVALID) when one button's callback_data is
over 64 bytes, so the size is checked here, where every keyboard the bot sends is built: a bug
in the payload format fails loudly in tests instead of silently dropping answers in production.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import MAX_BYTES as MAX_CALLBACK_BYTES
from bot.replies import Button


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


def markup(rows: Sequence[Sequence[Button]], username: str = "") -> InlineKeyboardMarkup | None:
    """The inline keyboard for a reply, or None when it has no buttons.

    None matters for edits: it removes the old keyboard instead of leaving stale buttons.
    Raises CallbackDataTooLong (not `assert`, so it also holds under `python -O`). A button
    with `start` becomes a deep link to a private chat with the bot (`username`); without a
    username to link to, it is left out.
    """
    keyboard = [
        [
            InlineKeyboardButton(button.label, url=deep_link(username, button.start))
            if button.start
            else InlineKeyboardButton(button.label, callback_data=check_callback_data(button.data))
            for button in row
            if not button.start or username
        ]
        for row in rows
        if row
    ]
    keyboard = [row for row in keyboard if row]
    return InlineKeyboardMarkup(keyboard) if keyboard else None
