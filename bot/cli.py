"""The `careerbot` command: run the bot, chat in a console, ask once, press a button, match
titles, draw a chart, build data."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Coroutine, Sequence
from typing import Any

from bot.config import Settings, SettingsError
from store.db import sqlite_threads_done

log = logging.getLogger("careerbot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careerbot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start the Telegram bot (the console when no token is set)")
    commands.add_parser("console", help="chat with the bot in this terminal")
    ask = commands.add_parser("ask", help="answer one message")
    ask.add_argument("--json", action="store_true", help="print the structured answer")
    ask.add_argument(
        "--chat",
        type=int,
        metavar="ID",
        help="continue the stored conversation of chat ID (successive asks form one)",
    )
    ask.add_argument("text", nargs="+")
    press = commands.add_parser(
        "press", help="the reply a button gives (its callback data, as `ask --json` prints it)"
    )
    press.add_argument("--json", action="store_true", help="print the structured reply")
    press.add_argument("data", metavar="CALLBACK_DATA")
    press.add_argument(
        "--chat", type=int, default=None, help="the chat the button is pressed in (saves a place)"
    )
    match = commands.add_parser("match", help="resolve titles only")
    match.add_argument(
        "--jsonl",
        action="store_true",
        help="read one query per line on stdin, print one JSON object per line",
    )
    match.add_argument("text", nargs="*")
    chart = commands.add_parser("chart", help="write the pay-range chart of a question as PNG")
    chart.add_argument("text", nargs="+")
    chart.add_argument("-o", "--output", required=True, help="PNG file to write")
    data = commands.add_parser("data", help="manage the career database")
    data_commands = data.add_subparsers(dest="data_command", required=True)
    build = data_commands.add_parser("build", help="build the database from the public data")
    build.add_argument(
        "--if-missing", action="store_true", help="do nothing when the database already exists"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.load()
    except SettingsError as error:
        print(f"careerbot: {error}", file=sys.stderr)
        return 1
    logging.basicConfig(
        level=settings.careerbot_log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        if args.command == "data":
            return _run(_build(settings, args.if_missing))
        if args.command == "run":
            if not settings.telegram_bot_token:
                print("TELEGRAM_BOT_TOKEN is not set: starting the local console instead.\n")
                return _run(_console(settings))
            from handlers.runner import StartupError, run  # the only way into Telegram

            try:
                run(settings)  # webhook mode when TELEGRAM_WEBHOOK_URL is set
            except StartupError as error:
                raise _Fatal(settings.redact(str(error))) from error
            return 0
        if args.command == "console":
            return _run(_console(settings))
        if args.command == "ask":
            return _run(_ask(settings, " ".join(args.text), args.json, args.chat))
        if args.command == "press":
            return _run(_press(settings, args.data, args.json, args.chat))
        if args.command == "chart":
            return _run(_chart(settings, " ".join(args.text), args.output))
        if args.command == "match":
            return _run(_match(settings, args.text, args.jsonl))
    except _Fatal as error:
        print(f"careerbot: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `careerbot match ... | head`: the reader left; stop quietly, as Unix tools do (the
        # os.dup2 keeps Python's exit-time flush from raising again).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 2


class _Fatal(Exception):
    pass


def _run(work: Coroutine[Any, Any, int]) -> int:
    """asyncio.run, but aiosqlite's threads finish before the loop closes (see
    store.db.sqlite_threads_done): no "Event loop is closed" traceback after the answer."""

    async def to_the_end() -> int:
        try:
            return await work
        finally:
            await sqlite_threads_done()

    return asyncio.run(to_the_end())


async def _build(settings: Settings, if_missing: bool) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from store.importers.build import SourceError, build_database, database_exists

    if if_missing and database_exists(settings.database_url):
        return 0
    try:
        report = await build_database(settings.careerbot_data_dir, settings.database_url, print)
    except SourceError as error:
        raise _Fatal(f"cannot build the database: {error}") from error
    except (OSError, SQLAlchemyError) as error:
        # An unreachable server or an unwritable path: say where, without the password.
        where = make_url(settings.database_url).render_as_string(hide_password=True)
        reason = settings.redact(str(getattr(error, "orig", None) or error)).splitlines()[0]
        raise _Fatal(f"cannot write the database at {where}: {reason}") from error
    print("\n".join(report.lines()))
    return 0


async def _open(settings: Settings) -> Any:
    from bot.service import Careerbot, DatabaseMissing

    try:
        return await Careerbot.open(settings.database_url)
    except DatabaseMissing as error:
        raise _Fatal(str(error)) from error


async def _console(settings: Settings) -> int:
    from bot.console import chat

    bot = await _open(settings)
    try:
        # input() blocks; the console is the only thing running, so that is fine here.
        await chat(bot, input)
    finally:
        await bot.close()
    return 0


async def _ask(settings: Settings, text: str, as_json: bool, chat: int | None = None) -> int:
    from bot.console import CONSOLE_CHAT, command_reply, show

    bot = await _open(settings)
    try:  # a /command as the bot's handlers answer it; /state without --chat: the console's
        answered = await command_reply(
            bot, text.strip(), chat if chat is not None else CONSOLE_CHAT
        )
        reply = answered or await bot.answer(text, chat_id=chat)
    finally:
        await bot.close()  # writes the conversation, for the next `ask --chat`
    if as_json:
        print(json.dumps(reply.to_json(), ensure_ascii=False, indent=2))
    else:
        show(reply)
    return 0


async def _press(settings: Settings, data: str, as_json: bool, chat_id: int | None) -> int:
    """`careerbot press`: the same Reply the bot sends for a button, so any view can be checked
    from the shell; a chart is saved under var/charts/ (its path printed)."""
    from bot.console import show
    from bot.replies import ReplyKind

    bot = await _open(settings)
    try:
        reply = await bot.press(data, chat_id=chat_id)
    finally:
        await bot.close()
    if as_json:
        print(json.dumps(reply.to_json(), ensure_ascii=False, indent=2))
    else:
        show(reply)
    return 1 if reply.kind == ReplyKind.EXPIRED else 0


async def _chart(settings: Settings, text: str, output: str) -> int:
    """The chart the answer's 📊 Chart button would send (one bar per place for a comparison
    across places)."""
    from bot.callbacks import decode
    from bot.console import plain
    from bot.replies import View

    bot = await _open(settings)
    try:
        reply = await bot.answer(text)
        button = next(
            (
                b.data
                for row in reply.buttons
                for b in row
                if decode(b.data, bot.version).view == View.CHART
            ),
            None,
        )
        if button is None:
            print(plain(reply.text))
            return 1
        chart = await bot.press(button)
    finally:
        await bot.close()
    with open(output, "wb") as handle:  # noqa: ASYNC230 - one small file, after the work
        handle.write(chart.photo or b"")
    print(f"{plain(chart.text)}\nwritten to {output}")
    return 0


async def _match(settings: Settings, texts: list[str], jsonl: bool) -> int:
    bot = await _open(settings)
    try:
        if jsonl:
            for line in sys.stdin:
                query = line.rstrip("\r\n")
                try:
                    result = bot.match(query)
                except Exception as error:  # one bad line must never stop the stream
                    result = {"query": query, "kind": "none", "sides": [], "error": str(error)}
                print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            result = bot.match(" ".join(texts))
            for side in result["sides"]:
                print(f"{side['text']!r}: {side['status']}")
                for c in side["candidates"]:
                    print(
                        f"   {c['score']:5.1f}  {c['code']}  {c['title']}  ({c['matched_title']})"
                    )
    finally:
        await bot.close()
    return 0
