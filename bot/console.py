"""A local chat in the terminal: the same replies as Telegram, buttons as numbered choices."""

from __future__ import annotations

import hashlib
import html
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from bot.replies import Display, Reply
from bot.service import Careerbot

_TAG = re.compile(r"<[^>]+>")
CONSOLE_CHAT = 0  # the console's "chat" for remembered settings; Telegram never uses id 0


def plain(text: str) -> str:
    """Telegram HTML -> terminal text."""
    return html.unescape(_TAG.sub("", text))


def show(
    reply: Reply, write: Callable[[str], object] = print, charts: Path | None = None
) -> list[str]:
    """Print a reply; returns the callback data of its buttons, numbered from 1.

    A chart is written as a PNG under `charts` (a temporary folder by default) and its path
    printed, since a terminal cannot show it.
    """
    write(plain(reply.text))
    if reply.photo is not None:
        folder = charts or Path(tempfile.gettempdir())
        path = folder / f"careerbot-chart-{hashlib.sha1(reply.photo).hexdigest()[:10]}.png"
        path.write_bytes(reply.photo)
        write(f"(chart saved to {path})")
    choices: list[str] = []
    for row in reply.buttons:
        labels = []
        for button in row:
            # A deep link (in Telegram: open a private chat) is its /start command here.
            choices.append(f"/start {button.start}" if button.start else button.data)
            labels.append(f"[{len(choices)}] {button.label}")
        write("   ".join(labels))
    return choices


async def respond(bot: Careerbot, line: str, choices: list[str]) -> Reply:
    """The reply to one console line: a button number, a command, or a question."""
    command = line.split()[0].split("@")[0].lower() if line.startswith("/") else ""
    argument = line.split(maxsplit=1)[1] if " " in line else ""
    if line.isdigit() and 1 <= int(line) <= len(choices):
        choice = choices[int(line) - 1]
        if not choice.startswith("/"):
            return await bot.press(choice, chat_id=CONSOLE_CHAT)
        line = choice  # a deep link's /start command (the quiz)
        command, argument = line.split()[0], line.split(maxsplit=1)[1]
    if command == "/start" and argument == "quiz":
        return await bot.quiz()
    if command == "/about":
        return bot.about()
    if command in ("/help", "/start"):
        return bot.help()
    if command in ("/state", "/location"):
        return await bot.set_location(CONSOLE_CHAT, argument)
    return await bot.answer(line, chat_id=CONSOLE_CHAT)


async def chat(
    bot: Careerbot, read: Callable[[str], str] = input, write: Callable[[str], object] = print
) -> None:
    write(
        'careerbot console — type two job titles to compare ("nurse vs teacher"), '
        "a number to press a button, /state TX, /about, /help, or /quit."
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
        reply = await respond(bot, line, choices)
        write("")
        shown = show(reply, write)
        # A chart or a notice leaves the message it came from as it was, buttons included.
        if reply.display == Display.TEXT:
            choices = shown
