"""Handler specifications without any network: updates through `Application.process_update`.

Why this way: PTB's own test suite swaps the HTTP layer for a request object that records calls
and returns canned JSON. Updates then go through the real handler table
(`handlers.app.add_handlers`), PTB's filters and parsing, and the real core with the real
database; only Telegram is fake. Each test reads as "given this update, the bot calls these Bot
API methods".
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from typing import Any, cast

from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.replies import Button
from bot.service import Careerbot
from handlers import keyboards
from handlers.app import DEFAULTS, CareerbotApplication, add_handlers
from handlers.context import CONTEXT_TYPES, CareerbotFactory
from handlers.updates import read_update

TOKEN = "123456:AAHandlerTestsSecretToken_0123456789"
BOT_USERNAME = "careerbot_test_bot"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "CareerBot", "username": BOT_USERNAME}
ANA = {"id": 1001, "is_bot": False, "first_name": "Ana"}
BEN = {"id": 1002, "is_bot": False, "first_name": "Ben"}
PRIVATE = {"id": 1001, "type": "private", "first_name": "Ana"}
GROUP = {"id": -2001, "type": "group", "title": "Career chat"}
EXPIRED = "This button has expired — send the question again."
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply "
    "markup are exactly the same as a current content and reply markup of a message"
)
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"

JSONDict = dict[str, Any]


# --------------------------------------------------------------------------- fake Telegram


@dataclass
class Call:
    method: str
    params: JSONDict


class RecordingRequest(BaseRequest):
    """Records every Bot API call and answers it the way Telegram would (shape only)."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.results: list[tuple[str, Any]] = []  # (method, what Telegram answered)
        self.failures: dict[str, str] = {}  # method -> description of a 400, used once
        self.message_ids = itertools.count(900)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        if request_data is not None and request_data.contains_files:
            params.update({name: "<upload>" for name in request_data.multipart_data})
        self.calls.append(Call(name, params))
        if name in self.failures:
            body = {"ok": False, "error_code": 400, "description": self.failures.pop(name)}
            return 400, json.dumps(body).encode()
        result = self.result(name, params)
        self.results.append((name, result))
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def result(self, name: str, params: JSONDict) -> Any:
        if name == "getMe":
            return {**BOT_USER, "can_join_groups": True, "supports_inline_queries": True}
        if name == "sendPhoto":
            return {
                "message_id": next(self.message_ids),
                "date": 0,
                "chat": PRIVATE,
                "from": BOT_USER,
                "caption": params.get("caption"),
                "photo": [
                    {"file_id": "small", "file_unique_id": "s", "width": 90, "height": 90},
                    {"file_id": "chart-file-1", "file_unique_id": "c", "width": 800, "height": 600},
                ],
            }
        if name in ("sendMessage", "editMessageText"):
            if params.get("inline_message_id"):
                return True
            chat_id = params["chat_id"]
            chat = PRIVATE if chat_id == PRIVATE["id"] else {**GROUP, "id": chat_id}
            return {
                "message_id": params.get("message_id") or next(self.message_ids),
                "date": 0,
                "chat": chat,
                "from": BOT_USER,
                "text": params["text"],
            }
        return True

    # -- what the tests look at
    def params(self, method: str) -> list[JSONDict]:
        return [c.params for c in self.calls if c.method == method]

    def methods(self) -> list[str]:
        return [c.method for c in self.calls]


# --------------------------------------------------------------------------- updates

ids = itertools.count(1)


def _entities(text: str) -> list[JSONDict]:
    found = (
        [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if text.startswith("/")
        else []
    )
    found += [
        {"type": "mention", "offset": m.start(), "length": m.end() - m.start()}
        for m in re.finditer(r"(?<![\w/])@\w+", text)
    ]
    return found


def _message(text: str, chat: JSONDict, sender: JSONDict, reply_to: JSONDict | None) -> JSONDict:
    message = {
        "message_id": next(ids),
        "date": 0,
        "chat": chat,
        "from": sender,
        "text": text,
        "entities": _entities(text),
    }
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    return message


def private_message(text: str) -> JSONDict:
    """Ana writes to the bot in a private chat."""
    return {"update_id": next(ids), "message": _message(text, PRIVATE, ANA, None)}


def group_message(text: str, reply_to: JSONDict | None = None, sender: JSONDict = ANA) -> JSONDict:
    """Someone writes in the group, possibly replying to `reply_to`."""
    return {"update_id": next(ids), "message": _message(text, GROUP, sender, reply_to)}


def bot_message(
    text: str = "an earlier answer",
    chat: JSONDict = PRIVATE,
    buttons: tuple[tuple[Button, ...], ...] = (),
) -> JSONDict:
    """A message the bot sent earlier (what a button press or a reply points at)."""
    message: JSONDict = {
        "message_id": next(ids),
        "date": 0,
        "chat": chat,
        "from": BOT_USER,
        "text": text,
    }
    markup = keyboards.markup(buttons)
    if markup is not None:
        message["reply_markup"] = markup.to_dict()
    return message


def sent_via_bot(text: str = "⚖️ nurse vs teacher", chat: JSONDict = GROUP) -> JSONDict:
    """A member's message sent through the bot's inline mode ("@bot nurse vs teacher")."""
    return {
        "message_id": next(ids),
        "date": 0,
        "chat": chat,
        "from": BEN,
        "via_bot": BOT_USER,
        "text": text,
    }


def callback(
    data: str, message: JSONDict | None = None, inline_message_id: str | None = None
) -> JSONDict:
    """Ana presses a button carrying `data` under `message` (or under an inline message)."""
    query: JSONDict = {"id": f"cb{next(ids)}", "from": ANA, "chat_instance": "ci", "data": data}
    if message is not None:
        query["message"] = message
    if inline_message_id is not None:
        query["inline_message_id"] = inline_message_id
    return {"update_id": next(ids), "callback_query": query}


def inline_query(text: str) -> JSONDict:
    """Ana types "@bot <text>" in some chat."""
    return {
        "update_id": next(ids),
        "inline_query": {"id": f"iq{next(ids)}", "from": ANA, "query": text, "offset": ""},
    }


def edited(update: JSONDict) -> JSONDict:
    return {"update_id": next(ids), "edited_message": {**update["message"], "edit_date": 1}}


# --------------------------------------------------------------------------- harness


@dataclass
class Bot:
    """The Application under test and the recorded Bot API traffic."""

    app: CareerbotApplication
    telegram: RecordingRequest

    async def receive(self, update: JSONDict) -> None:
        """Handle `update` as the inbox hands it over (handlers.updates.read_update)."""
        await self.app.process_update(read_update(update, self.app.bot))

    def sent(self) -> list[JSONDict]:
        return self.telegram.params("sendMessage")

    def last_answer(self) -> JSONDict:
        """The last message the bot sent, as Telegram answered it (with its message_id)."""
        sent = [r for m, r in self.telegram.results if m == "sendMessage" and isinstance(r, dict)]
        assert sent, self.telegram.methods()
        return sent[-1]

    def only_sent(self) -> JSONDict:
        sent = self.sent()
        assert len(sent) == 1, self.telegram.methods()
        return sent[0]

    def edits(self) -> list[JSONDict]:
        return self.telegram.params("editMessageText")

    def answers(self) -> list[JSONDict]:
        return self.telegram.params("answerCallbackQuery")


def button_data(params: JSONDict) -> list[str]:
    markup = params.get("reply_markup") or {"inline_keyboard": []}
    return [b["callback_data"] for row in markup["inline_keyboard"] for b in row]


def datas(rows: tuple[tuple[Button, ...], ...]) -> list[str]:
    return [b.data for row in rows for b in row]


async def make_bot(
    core: object | None,
    factory: CareerbotFactory | None = None,
    telegram: RecordingRequest | None = None,
    concurrent_updates: int = 1,
) -> Bot:
    """The production handler table and defaults over a recording request: no network."""
    telegram = telegram or RecordingRequest()
    app = cast(
        CareerbotApplication,
        Application.builder()
        .token(TOKEN)
        .request(telegram)
        .updater(None)
        .context_types(CONTEXT_TYPES)
        .defaults(DEFAULTS)
        .concurrent_updates(concurrent_updates)
        .build(),
    )
    add_handlers(app)
    if core is not None:
        app.bot_data.core = cast(Careerbot, core)
    if factory is not None:
        app.bot_data.factory = factory
    await app.initialize()
    telegram.calls.clear()
    return Bot(app, telegram)
