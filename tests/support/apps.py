"""The real Application against the fake Bot API on loopback: one way to start it, and a chat.

Every end-to-end test (handlers, flood guard, soak, webhook, PostgreSQL) starts the bot the way
`careerbot run` does — `handlers.app.build_application` with Settings — and talks to it over
real HTTP through `tests.support.fakebotapi.FakeBotAPI`. Only the title index is shared across
tests (building it takes ~1 s).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.replies import Reply
from bot.resolver import TitleIndex
from bot.service import Careerbot
from handlers import keyboards
from handlers.app import CareerbotApplication, build_application
from handlers.context import CareerbotFactory
from tests.support.fakebotapi import FakeBotAPI
from tests.support.polling import polling
from tests.support.telegram_html import assert_telegram_html

JSONDict = dict[str, Any]
SEED_1 = "medical collections vs loss mitigation"
SEED_2 = "senior patient account representative vs collections specialist"
GROUP_ID = -1000042


def bot_settings(server: FakeBotAPI, database_url: str, **more: Any) -> Settings:
    """Settings as `careerbot run` would read them — built here, never from a .env file."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=server.token,
        telegram_api_base_url=server.url,
        database_url=database_url,
        **more,
    )


def shared_index(database_url: str, index: TitleIndex) -> CareerbotFactory:
    """Opens the core with the session's title index: saves ~1 s per test."""

    async def open_core() -> Careerbot:
        return await Careerbot.open(database_url, index=index)

    return open_core


@contextlib.asynccontextmanager
async def running_bot(
    settings: Settings,
    factory: CareerbotFactory | None = None,
    configure: Callable[[CareerbotApplication], None] | None = None,
) -> AsyncIterator[CareerbotApplication]:
    """The Application polling the fake Bot API, from start-up to a clean shutdown.

    `configure` changes the built Application before it starts (a test's flood guard, short
    timeouts); `factory` None opens the core as production does.
    """
    app = build_application(settings, careerbot_factory=factory)
    if configure is not None:
        configure(app)
    async with polling(app):
        yield app


def callback_data(markup: JSONDict | None) -> list[str]:
    rows = (markup or {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row]


def datas(reply: Reply) -> list[str]:
    return [button.data for row in reply.buttons for button in row]


def check_everything_sent(server: FakeBotAPI) -> None:
    """What Telegram would check: valid HTML within its limits, buttons within 64 bytes."""
    for method in ("sendMessage", "editMessageText"):
        for params in server.calls(method):
            assert params.get("parse_mode") == "HTML"
            assert_telegram_html(params["text"])
            for data in callback_data(params.get("reply_markup")):
                keyboards.check_callback_data(data)
    for params in server.calls("sendPhoto"):
        assert params.get("parse_mode") == "HTML"
        assert_telegram_html(params["caption"], limit=1024)
        assert len(params["caption"]) <= 1024
    for params in server.calls("answerInlineQuery"):
        for result in params["results"]:
            assert_telegram_html(result["input_message_content"]["message_text"])
            for data in callback_data(result.get("reply_markup")):
                keyboards.check_callback_data(data)


async def until(condition: Callable[[], bool], what: str, seconds: float = 5.0) -> None:
    """Poll: the fake server records from its own thread, so there is no event to wait on."""
    for _ in range(int(seconds * 100)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


async def settled(server: FakeBotAPI, app: CareerbotApplication) -> None:
    """Until the bot has fetched and finished every update injected so far.

    An update is confirmed to the server (by the next getUpdates offset) only after the updater
    put it on the Application's queue; once the queue is empty and no update is being handled,
    whatever the bot was going to send for it has been sent.
    """

    def idle() -> bool:
        return (
            not server.pending_updates
            and app.update_queue.empty()
            and app.update_processor.current_concurrent_updates == 0
        )

    await until(idle, "the bot to finish its updates")


@dataclass
class Chat:
    """The running bot seen from one chat: say things, tap buttons, look at the results."""

    server: FakeBotAPI
    app: CareerbotApplication
    chat_id: int = 1001
    chat_type: str = "private"

    @property
    def core(self) -> Careerbot:
        core = self.app.bot_data.core
        assert core is not None
        return core

    def sent(self) -> list[JSONDict]:
        return self.server.sent_messages(self.chat_id)

    async def say(
        self, text: str, reply_to: JSONDict | None = None, user_id: int | None = None
    ) -> JSONDict:
        """Send `text` and return the bot's answer (the message it sent)."""
        before = len(self.sent())
        self.server.inject_message(
            text,
            chat_id=self.chat_id,
            chat_type=self.chat_type,
            reply_to_message=reply_to,
            **({"user_id": user_id} if user_id is not None else {}),
        )
        await until(lambda: len(self.sent()) > before, f"an answer to {text!r}")
        return self.sent()[before]

    async def tap(self, data: str, message: JSONDict | None = None) -> JSONDict:
        """Press a button on `message`; return the answerCallbackQuery call."""
        before = len(self.server.calls("answerCallbackQuery"))
        self.server.inject_callback_query(data, message or self.sent()[-1])
        answers = await self.server.wait_for("answerCallbackQuery", before + 1)
        return answers[before]

    def current(self, message: JSONDict) -> JSONDict:
        """The message as it is now, after the edits."""
        now = self.server.message(message["chat"]["id"], message["message_id"])
        assert now is not None
        return now

    async def is_quiet_after(self, text: str, reply_to: JSONDict | None = None) -> bool:
        """Say `text`, wait until the bot has handled it, and report whether it sent nothing."""
        before = len(self.sent())
        self.server.inject_message(
            text, chat_id=self.chat_id, chat_type=self.chat_type, reply_to_message=reply_to
        )
        await settled(self.server, self.app)
        return len(self.sent()) == before
