"""End-to-end checks that the fake Bot API server speaks real python-telegram-bot.

Why: other e2e tests rely on FakeBotAPI answering exactly like Telegram would, so these tests
drive a real ``telegram.Bot`` and a real ``Application`` (HTTP, encoding, error mapping,
polling) against it rather than asserting on the server in isolation.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import (
    BadRequest,
    EndPointNotFound,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from tests.support.fakebotapi import NOT_MODIFIED, FakeBotAPI, UploadedFile

TOKEN = "777:AAFakeTokenForTests"
AnyApp = Application[Any, Any, Any, Any, Any, Any]


@pytest.fixture
def server() -> Iterator[FakeBotAPI]:
    with FakeBotAPI(token=TOKEN) as srv:
        yield srv


@pytest.fixture
async def bot(server: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=server.base_url, base_file_url=server.base_file_url) as b:
        yield b


def build_app(server: FakeBotAPI) -> AnyApp:
    return (
        Application.builder()
        .token(TOKEN)
        .base_url(f"{server.url}/bot")
        .base_file_url(f"{server.url}/file/bot")
        .build()
    )


@contextlib.asynccontextmanager
async def polling(app: AnyApp) -> AsyncIterator[AnyApp]:
    """Run ``app`` with short long-polls and always shut it down cleanly."""
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Compare", callback_data="cmp:1")]])
KEYBOARD_DICT = {"inline_keyboard": [[{"text": "Compare", "callback_data": "cmp:1"}]]}


# --------------------------------------------------------------------------- plain Bot


@pytest.mark.asyncio
async def test_get_me(server: FakeBotAPI, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == 777
    assert me.username == "careerbot_test_bot"
    assert me.is_bot and me.can_join_groups and me.supports_inline_queries
    assert bot.username == "careerbot_test_bot"  # initialize() used getMe too
    assert len(server.calls("getMe")) == 2
    assert server.requests[0].status == 200


@pytest.mark.asyncio
async def test_custom_bot_username() -> None:
    with FakeBotAPI(TOKEN, bot_username="other_bot", bot_id=99) as srv:
        async with Bot(TOKEN, base_url=srv.base_url) as b:
            assert (b.username, b.id) == ("other_bot", 99)


@pytest.mark.asyncio
async def test_send_message_recorded(server: FakeBotAPI, bot: Bot) -> None:
    first = await bot.send_message(chat_id=42, text="hello")
    second = await bot.send_message(chat_id=42, text="again")
    other = await bot.send_message(chat_id=-5, text="group")

    assert first.text == "hello"
    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert first.chat.type == "private" and other.chat.type == "group"
    assert first.from_user is not None and first.from_user.id == 777
    assert server.calls("sendMessage")[0] == {"chat_id": 42, "text": "hello"}
    assert [m["text"] for m in server.sent_messages(42)] == ["hello", "again"]
    assert len(server.sent_messages()) == 3

    server.clear()
    assert server.requests == [] and server.sent_messages() == []


@pytest.mark.asyncio
async def test_reply_markup_round_trips(server: FakeBotAPI, bot: Bot) -> None:
    msg = await bot.send_message(chat_id=42, text="pick", reply_markup=KEYBOARD)
    assert server.calls("sendMessage")[0]["reply_markup"] == KEYBOARD_DICT
    assert msg.reply_markup == KEYBOARD
    assert server.sent_messages(42)[0]["reply_markup"] == KEYBOARD_DICT


@pytest.mark.asyncio
async def test_edit_message_text(server: FakeBotAPI, bot: Bot) -> None:
    msg = await bot.send_message(chat_id=42, text="v1", reply_markup=KEYBOARD)

    with pytest.raises(BadRequest, match="not modified") as info:
        await bot.edit_message_text(
            "v1", chat_id=42, message_id=msg.message_id, reply_markup=KEYBOARD
        )
    # PTB strips "Bad Request: " and capitalises the rest.
    assert info.value.message.lower() == NOT_MODIFIED.removeprefix("Bad Request: ")

    edited = await msg.edit_text("v2", reply_markup=KEYBOARD)
    assert isinstance(edited, type(msg)) and edited.text == "v2"
    assert edited.edit_date is not None
    # Dropping the keyboard is a modification even with the same text.
    await bot.edit_message_text("v2", chat_id=42, message_id=msg.message_id)
    current = server.message(42, msg.message_id)
    assert current is not None and "reply_markup" not in current

    await bot.edit_message_reply_markup(
        chat_id=42, message_id=msg.message_id, reply_markup=KEYBOARD
    )
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_reply_markup(
            chat_id=42, message_id=msg.message_id, reply_markup=KEYBOARD
        )
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=42, message_id=999)


@pytest.mark.asyncio
async def test_send_photo_multipart(server: FakeBotAPI, bot: Bot) -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) + b"\r\n--tail"
    msg = await bot.send_photo(chat_id=42, photo=data, caption="chart", reply_markup=KEYBOARD)

    params = server.calls("sendPhoto")[0]
    upload = params["photo"]
    assert isinstance(upload, UploadedFile) and upload.content == data
    assert params["chat_id"] == 42 and params["caption"] == "chart"
    assert params["reply_markup"] == KEYBOARD_DICT  # JSON string decoded inside multipart
    assert msg.caption == "chart" and msg.photo

    tg_file = await bot.get_file(msg.photo[-1].file_id)
    assert bytes(await tg_file.download_as_bytearray()) == data  # via base_file_url


@pytest.mark.asyncio
async def test_send_document_and_commands(server: FakeBotAPI, bot: Bot) -> None:
    msg = await bot.send_document(chat_id=42, document=b"a,b\n1,2\n", filename="careers.csv")
    assert msg.document is not None and msg.document.file_name == "careers.csv"

    await bot.set_my_commands([("start", "Start"), ("compare", "Compare careers")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "compare"]
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()
    assert await bot.send_chat_action(42, "typing") is True


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_retry_after(server: FakeBotAPI, bot: Bot) -> None:
    server.fail_next("sendMessage", status=429, retry_after=7)
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(chat_id=42, text="hi")
    assert "7" in str(info.value)
    assert (await bot.send_message(chat_id=42, text="hi")).text == "hi"  # only once
    assert [r.status for r in server.requests if r.method == "sendMessage"] == [429, 200]


@pytest.mark.asyncio
async def test_server_errors(server: FakeBotAPI, bot: Bot) -> None:
    server.fail_next("sendMessage", status=500, times=2)
    server.fail_next("sendMessage", status=502)
    for _ in range(3):
        with pytest.raises(NetworkError):
            await bot.send_message(chat_id=42, text="hi")
    server.fail_next("sendMessage", status=403)
    with pytest.raises(TelegramError, match="blocked"):
        await bot.send_message(chat_id=42, text="hi")
    assert server.sent_messages() == []


@pytest.mark.asyncio
async def test_wrong_token(server: FakeBotAPI) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("777:wrong", base_url=server.base_url):
            pass
    assert server.requests[0].status == 401


@pytest.mark.asyncio
async def test_unknown_method(server: FakeBotAPI, bot: Bot) -> None:
    async with httpx.AsyncClient() as client:
        resp = await client.post(f"{server.base_url}{TOKEN}/noSuchMethod")
    assert resp.status_code == 404
    assert resp.json() == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("no_such_method")


@pytest.mark.asyncio
async def test_json_and_form_bodies(server: FakeBotAPI) -> None:
    url = f"{server.base_url}{TOKEN}/sendMessage"
    async with httpx.AsyncClient() as client:
        r1 = await client.post(
            url, json={"chat_id": 7, "text": "123", "reply_markup": KEYBOARD_DICT}
        )
        r2 = await client.post(
            url,
            data={"chat_id": "7", "text": "true", "reply_markup": '{"inline_keyboard": []}'},
        )
        r3 = await client.get(f"{server.base_url}{TOKEN}/getme")  # case-insensitive names
    assert r1.json()["result"]["reply_markup"] == KEYBOARD_DICT
    assert r2.json()["ok"] and "reply_markup" not in r2.json()["result"]
    assert r3.json()["result"]["id"] == 777
    first, second = server.calls("sendMessage")
    assert first["text"] == "123" and second["text"] == "true"  # text stays text
    assert second == {"chat_id": 7, "text": "true", "reply_markup": {"inline_keyboard": []}}
    assert server.calls("getMe") == [{}]


@pytest.mark.asyncio
async def test_delay_and_drop(server: FakeBotAPI) -> None:
    request = HTTPXRequest(read_timeout=0.2)
    async with Bot(TOKEN, base_url=server.base_url, request=request) as b:
        server.delay_next("sendMessage", 1.0)
        with pytest.raises(TimedOut):
            await b.send_message(chat_id=42, text="slow")
        server.drop_next("sendMessage")
        with pytest.raises(NetworkError):
            await b.send_message(chat_id=42, text="dropped")
        assert (await b.send_message(chat_id=42, text="fine")).text == "fine"
    # A delayed call was still processed (like Telegram); a dropped one was not.
    assert [m["text"] for m in server.sent_messages(42)] == ["slow", "fine"]


# --------------------------------------------------------------------------- getUpdates


@pytest.mark.asyncio
async def test_get_updates_long_poll(server: FakeBotAPI, bot: Bot) -> None:
    start = time.monotonic()
    assert await bot.get_updates(timeout=dtm.timedelta(milliseconds=300)) == ()
    assert time.monotonic() - start >= 0.25

    async def inject_later() -> None:
        await asyncio.sleep(0.1)
        server.inject_message("hi")

    start = time.monotonic()
    _, updates = await asyncio.gather(inject_later(), bot.get_updates(timeout=5))
    assert time.monotonic() - start < 2
    assert len(updates) == 1 and updates[0].message is not None
    first_id = updates[0].update_id

    server.inject_message("/start now")
    again = await bot.get_updates(offset=first_id, timeout=0)
    assert [u.update_id for u in again] == [first_id, first_id + 1]  # not confirmed yet
    rest = await bot.get_updates(offset=first_id + 1, timeout=0)
    assert [u.update_id for u in rest] == [first_id + 1]
    assert len(server.pending_updates) == 1  # first one is confirmed and dropped

    await bot.set_webhook("https://example.invalid/hook")
    assert (await bot.get_webhook_info()).url == "https://example.invalid/hook"
    with pytest.raises(TelegramError, match="webhook is active"):
        await bot.get_updates(timeout=0)
    await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates(timeout=0) == ()


def test_injected_entities(server: FakeBotAPI) -> None:
    update = server.inject_message(
        "/compare@careerbot_test_bot nurse vs 👩‍⚕️ @alice", chat_type="supergroup"
    )
    msg = update["message"]
    assert msg["chat"]["type"] == "supergroup" and msg["chat"]["id"] < 0
    assert msg["entities"] == [
        {"type": "bot_command", "offset": 0, "length": 27},
        {"type": "mention", "offset": 43, "length": 6},
    ]
    parsed = Update.de_json(update, None)
    assert parsed.message is not None
    assert parsed.message.parse_entities() == {
        parsed.message.entities[0]: "/compare@careerbot_test_bot",
        parsed.message.entities[1]: "@alice",
    }


# --------------------------------------------------------------------------- Application


@pytest.mark.asyncio
async def test_application_replies_to_injected_message(server: FakeBotAPI) -> None:
    app = build_app(server)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_text(
            f"echo: {update.effective_message.text}", do_quote=True
        )

    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with polling(app):
        await server.wait_for("getUpdates")
        server.inject_message("nurse", chat_id=555, user_id=555)
        calls = await server.wait_for("sendMessage", timeout=3)
    assert calls[0]["chat_id"] == 555 and calls[0]["text"] == "echo: nurse"
    assert calls[0]["reply_parameters"]["message_id"] == 1  # replied to the injected message
    assert server.sent_messages(555)[0]["reply_to_message"]["text"] == "nurse"
    assert server.pending_updates == []  # confirmed by the updater's cleanup call


@pytest.mark.asyncio
async def test_application_command_and_callback(server: FakeBotAPI) -> None:
    app = build_app(server)

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, "menu", reply_markup=KEYBOARD)

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("ok")
        await query.edit_message_text(f"chose {query.data}")

    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(button))
    async with polling(app):
        server.inject_message("/start", chat_id=-100123, chat_type="supergroup")
        await server.wait_for("sendMessage")
        menu = server.sent_messages(-100123)[0]
        assert menu["chat"]["type"] == "supergroup"
        server.inject_callback_query("cmp:1", menu)
        edits = await server.wait_for("editMessageText")
    assert server.calls("answerCallbackQuery")[0]["text"] == "ok"
    assert edits[0]["text"] == "chose cmp:1"
    current = server.message(-100123, menu["message_id"])
    assert current is not None and current["text"] == "chose cmp:1"


@pytest.mark.asyncio
async def test_wait_for_timeout_lists_methods(server: FakeBotAPI, bot: Bot) -> None:
    with pytest.raises(AssertionError, match=r"sendMessage.*getMe"):
        await server.wait_for("sendMessage", timeout=0.05)
    assert server.wait_for_sync("getMe") == [{}]
