"""handlers.transport: Bot API calls over aiohttp keep PTB's contract.

A real `telegram.Bot` talks through `AiohttpRequest` to the fake Bot API on loopback, so what
is checked is what Telegram would receive and what PTB makes of the answer.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
)
from telegram.error import BadRequest, RetryAfter, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from handlers.outgoing.transport import AiohttpRequest, NotSent, NotSentTimedOut, Timeouts
from tests.support.fakebotapi import FakeBotAPI, UploadedFile

# PTB itself warns while building every RetryAfter (v22.2 deprecation of an int retry_after).
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*retry_after:telegram.warnings.PTBDeprecationWarning"
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def bot_through(server: FakeBotAPI, request: AiohttpRequest, *, url: str | None = None) -> Bot:
    return Bot(server.token, base_url=url or server.base_url, request=request)


@pytest.fixture
async def bot(fake_bot_api: FakeBotAPI) -> AsyncIterator[Bot]:
    async with bot_through(fake_bot_api, AiohttpRequest(timeouts=Timeouts(read=0.5))) as bot:
        yield bot


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_a_call_arrives_with_every_parameter_and_its_answer_is_parsed(
    bot: Bot, fake_bot_api: FakeBotAPI
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Pay", callback_data="1.a.pay")]])
    sent = await bot.send_message(
        42,
        "Nurses & “teachers” 👩‍⚕️ <3",
        reply_markup=keyboard,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )

    (params,) = fake_bot_api.calls("sendMessage")
    assert params["chat_id"] == 42
    assert params["text"] == "Nurses & “teachers” 👩‍⚕️ <3"
    assert params["reply_markup"] == keyboard.to_dict()
    assert params["link_preview_options"] == {"is_disabled": True}
    assert sent.text == "Nurses & “teachers” 👩‍⚕️ <3" and sent.chat_id == 42


async def test_an_upload_goes_as_multipart_with_its_caption(
    bot: Bot, fake_bot_api: FakeBotAPI
) -> None:
    sent = await bot.send_photo(42, PNG, caption="Pay ranges")

    (params,) = fake_bot_api.calls("sendPhoto")
    assert isinstance(params["photo"], UploadedFile) and params["photo"].content == PNG
    assert params["caption"] == "Pay ranges"
    assert sent.photo  # Telegram's answer became a Message with the photo's sizes


async def test_telegram_errors_become_ptbs_errors(bot: Bot, fake_bot_api: FakeBotAPI) -> None:
    fake_bot_api.fail_next("sendMessage", 400, "Bad Request: chat not found")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(42, "hello")
    fake_bot_api.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as retry:
        await bot.send_message(42, "hello")
    assert retry.value._retry_after.total_seconds() == 7  # the public one warns in PTB v22


async def test_an_answer_that_comes_too_late_is_a_timeout_that_may_have_been_done(
    bot: Bot, fake_bot_api: FakeBotAPI
) -> None:
    fake_bot_api.delay_next("sendMessage", 1.0)
    with pytest.raises(TimedOut) as timed_out:
        await bot.send_message(42, "hello")
    assert not isinstance(timed_out.value, NotSent)  # Telegram did it, the answer was late


async def test_a_connection_closed_without_an_answer_is_not_sent(
    bot: Bot, fake_bot_api: FakeBotAPI
) -> None:
    fake_bot_api.drop_next("sendMessage")
    with pytest.raises(NotSent):
        await bot.send_message(42, "hello")
    assert fake_bot_api.sent_messages(42) == []


async def test_no_server_is_not_sent_and_the_token_stays_out_of_the_error() -> None:
    token = "123456:SecretTokenThatMustNotLeak"
    url = f"http://127.0.0.1:{closed_port()}/bot{token}/sendMessage"
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NotSent) as refused:
            await request.post(url, RequestData([RequestParameter("text", "hello", [])]))
    finally:
        await request.shutdown()
    assert "SecretToken" not in str(refused.value) and "SecretToken" not in repr(refused.value)


async def test_waiting_too_long_for_a_pooled_connection_is_not_sent(
    fake_bot_api: FakeBotAPI,
) -> None:
    """One connection, held by a slow call: the next call gives up before sending anything."""
    request = AiohttpRequest(pool_size=1, timeouts=Timeouts(read=2.0, pool=0.1, connect=0.1))
    async with bot_through(fake_bot_api, request) as bot:
        fake_bot_api.delay_next("sendMessage", 0.5)
        slow = asyncio.create_task(bot.send_message(42, "first"))
        await asyncio.sleep(0.1)
        with pytest.raises(NotSentTimedOut):
            await bot.send_message(42, "second")
        await slow
    assert [m["text"] for m in fake_bot_api.sent_messages(42)] == ["first"]


async def test_a_call_before_initialize_or_after_shutdown_is_refused() -> None:
    request = AiohttpRequest()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:1/", "POST")
    await request.initialize()
    await request.shutdown()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:1/", "POST")


async def test_timeouts_given_per_call_override_the_defaults(
    bot: Bot, fake_bot_api: FakeBotAPI
) -> None:
    fake_bot_api.delay_next("sendMessage", 0.3)
    await bot.send_message(42, "patient", read_timeout=2.0)  # the default 0.5 s would do too
    fake_bot_api.delay_next("sendMessage", 0.3)
    with pytest.raises(TimedOut):
        await bot.send_message(42, "impatient", read_timeout=0.1)


def test_uploads_get_the_longer_write_timeout() -> None:
    """As PTB's own client: a photo may take longer to send than a text."""
    request = AiohttpRequest(timeouts=Timeouts(connect=1, read=2, write=3, pool=4, media_write=30))
    text = RequestData([RequestParameter("text", "hello", [])])
    photo = RequestData([RequestParameter.from_input("photo", InputFile(PNG, attach=True))])

    assert request.call_timeouts(text).write == 3
    assert request.call_timeouts(photo).write == 30
    assert request.call_timeouts(photo, write=7).write == 7  # a timeout given with a call wins
    assert request.call_timeouts(text, read=None).read is None  # None: no limit
