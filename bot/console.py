"""A local chat in the terminal: the same replies as Telegram, buttons as numbered choices.

A number always means the same button label for the whole session: the buttons under answers
and their views (💵 Salary, 🧠 Skills, …, « Summary, 📍 Location) have fixed numbers, in the
order they are laid out, so Salary is the same number under every answer and in every view;
other buttons (did-you-mean, similar jobs, pages of the place picker) are numbered after them.
Charts are saved under var/charts/ (git-ignored), beside the database.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from pathlib import Path

from bot.layout import SWITCH_LABELS
from bot.replies import Display, Reply, View
from bot.service import Careerbot
from bot.views import VIEWS

_TAG = re.compile(r"<[^>]+>")
CONSOLE_CHAT = 0  # the console's "chat" for remembered settings; Telegram never uses id 0
CHARTS = Path("var") / "charts"


def plain(text: str) -> str:
    """Telegram HTML -> terminal text."""
    return html.unescape(_TAG.sub("", text))


def _fixed_labels() -> list[str]:
    """The view buttons' labels in layout order: rows of the detail keyboard, the two ways of
    How to switch, then « Summary and 📍 Location."""
    rows = sorted(
        (spec.row, i, spec.label)
        for i, (view, spec) in enumerate(VIEWS.items())
        if spec.row is not None and view != View.SWITCH
    )
    return [
        *(label for _, _, label in rows),
        *SWITCH_LABELS.values(),
        VIEWS[View.SUMMARY].label,
        VIEWS[View.LOCATION].label,
    ]


class Numbers:
    """Button numbers for one session: fixed for view buttons, after them for the rest."""

    def __init__(self) -> None:
        self.fixed = {label: n for n, label in enumerate(_fixed_labels(), 1)}

    def number(self, reply: Reply) -> list[tuple[int, str, str]]:
        """(number, label, callback data) of each button, row by row."""
        following = len(self.fixed)
        numbered = []
        for row in reply.buttons:
            for button in row:
                number = self.fixed.get(button.label)
                if number is None:
                    following += 1
                    number = following
                # A deep link (in Telegram: open a private chat) is its /start command here.
                data = f"/start {button.start}" if button.start else button.data
                numbered.append((number, button.label, data))
        return numbered


def show(
    reply: Reply,
    write: Callable[[str], object] = print,
    charts: Path | None = None,
    numbers: Numbers | None = None,
) -> dict[int, str]:
    """Print a reply; returns the callback data of its buttons by their numbers.

    A chart is written as a PNG under `charts` (var/charts/ by default) and its path printed,
    since a terminal cannot show it.
    """
    write(plain(reply.text))
    if reply.photo is not None:
        folder = charts or CHARTS
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"careerbot-chart-{hashlib.sha1(reply.photo).hexdigest()[:10]}.png"
        path.write_bytes(reply.photo)
        write(f"(chart saved to {path})")
    choices: dict[int, str] = {}
    numbered = (numbers or Numbers()).number(reply)
    position = 0
    for row in reply.buttons:
        labels = []
        for number, label, data in numbered[position : position + len(row)]:
            choices[number] = data
            labels.append(f"[{number}] {label}")
        position += len(row)
        write("   ".join(labels))
    return choices


async def respond(bot: Careerbot, line: str, choices: dict[int, str]) -> Reply:
    """The reply to one console line: a button number, a command, or a question."""
    command = line.split()[0].split("@")[0].lower() if line.startswith("/") else ""
    argument = line.split(maxsplit=1)[1] if " " in line else ""
    if line.isdigit() and int(line) in choices:
        choice = choices[int(line)]
        if not choice.startswith("/"):
            return await bot.press(choice, chat_id=CONSOLE_CHAT)
        line = choice  # a deep link's /start command (the quiz)
        command, argument = line.split()[0], line.split(maxsplit=1)[1]
    answered = await command_reply(bot, line if not command else f"{command} {argument}")
    return answered or await bot.answer(line, chat_id=CONSOLE_CHAT)


async def command_reply(bot: Careerbot, line: str, chat_id: int = CONSOLE_CHAT) -> Reply | None:
    """The reply to a /command typed here or to `careerbot ask`, as the Telegram handlers
    answer it (/about, /help, /start, /quiz, /state, /compare, /job); None for other text."""
    if not line.startswith("/"):
        return None
    command = line.split()[0].split("@")[0].lower()
    argument = line.split(maxsplit=1)[1].strip() if " " in line.strip() else ""
    if (command == "/start" and argument == "quiz") or command == "/quiz":
        return await bot.quiz(chat_id)
    if command == "/about":
        return bot.about()
    if command == "/start":
        return bot.fallback(greeting=True)
    if command == "/help" or (command in ("/compare", "/job") and not argument):
        return bot.help()
    if command in ("/state", "/location"):
        return await bot.set_location(chat_id, argument)
    if command in ("/compare", "/job"):
        return await bot.answer(argument, chat_id=chat_id)
    return None


async def chat(
    bot: Careerbot,
    read: Callable[[str], str] = input,
    write: Callable[[str], object] = print,
    charts: Path | None = None,
) -> None:
    write(
        'careerbot console — type two job titles to compare ("nurse vs teacher"), '
        "a number to press a button, /state TX, /about, /help, or /quit."
    )
    numbers = Numbers()
    choices = show(bot.help(), write, charts, numbers)
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
        shown = show(reply, write, charts, numbers)
        # A chart or a notice leaves the message it came from as it was, buttons included.
        if reply.display == Display.TEXT:
            choices = shown
