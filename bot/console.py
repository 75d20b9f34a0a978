"""A local chat in the terminal: the same replies as Telegram, buttons as numbered choices."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from bot.answer import Careerbot, Reply

_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Telegram HTML -> terminal text."""
    return html.unescape(_TAG.sub("", text))


def show(reply: Reply, write: Callable[[str], object] = print) -> list[str]:
    """Print a reply; returns the callback data of its buttons, numbered from 1."""
    write(plain(reply.text))
    choices: list[str] = []
    for row in reply.buttons:
        labels = []
        for button in row:
            choices.append(button.data)
            labels.append(f"[{len(choices)}] {button.label}")
        write("   ".join(labels))
    return choices


async def chat(
    bot: Careerbot, read: Callable[[str], str] = input, write: Callable[[str], object] = print
) -> None:
    write(
        'careerbot console — type two job titles to compare ("nurse vs teacher"), '
        "a number to press a button, /about, /help, or /quit."
    )
    choices = show(bot.help(), write)
    while True:
        try:
            line = read("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            write("")
            return
        if line in ("/quit", "/exit", "quit", "exit"):
            return
        if not line:
            continue
        if line.isdigit() and 1 <= int(line) <= len(choices):
            reply = await bot.press(choices[int(line) - 1])
        elif line.split()[0].split("@")[0] in ("/about",):
            reply = bot.about()
        elif line.split()[0].split("@")[0] in ("/help", "/start"):
            reply = bot.help()
        else:
            reply = await bot.answer(line)
        write("")
        choices = show(reply, write)
