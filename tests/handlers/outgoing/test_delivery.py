"""handlers.outgoing.delivery: throttling below Telegram's limits, and which failed calls are
sent again (those Telegram certainly did not do, and those safe to repeat).

A bare ExtBot behind `Delivery`, talking to the fake Bot API over loopback HTTP.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram.error import BadRequest, Forbidden, RetryAfter, TimedOut
from telegram.ext import ExtBot

from handlers.outgoing.delivery import Delivery
from handlers.outgoing.transport import AiohttpRequest, Timeouts
from tests.support.fakebotapi import FakeBotAPI


@contextlib.asynccontextmanager
async def delivering(server: FakeBotAPI, **options: Any) -> AsyncIterator[ExtBot[int]]:
    """A bare bot behind `Delivery`, with a 0.3 s client read timeout."""
    delivery = Delivery(backoff=0.01, **options)
    request = AiohttpRequest(timeouts=Timeouts(read=0.3))
    bot: ExtBot[int] = ExtBot(
        server.token, base_url=server.base_url, request=request, rate_limiter=delivery
    )
    async with bot:
        yield bot


async def test_a_send_that_timed_out_is_not_sent_again(fake_bot_api: FakeBotAPI) -> None:
    async with delivering(fake_bot_api, send_timeout=0.3) as bot:
        fake_bot_api.delay_next("sendMessage", 0.6)  # done, but answered too late
        with pytest.raises(TimedOut):
            await bot.send_message(1, "hello")
        await asyncio.sleep(0.4)
        assert len(fake_bot_api.calls("sendMessage")) == 1
        assert len(fake_bot_api.sent_messages(1)) == 1  # Telegram did it: sending again = twice


async def test_sends_wait_longer_than_other_calls(fake_bot_api: FakeBotAPI) -> None:
    async with delivering(fake_bot_api) as bot:  # send_timeout 20 s, read timeout 0.3 s
        fake_bot_api.delay_next("sendMessage", 0.6)
        await bot.send_message(1, "hello")
        assert len(fake_bot_api.calls("sendMessage")) == 1


async def test_refused_and_dropped_calls_are_sent_again(fake_bot_api: FakeBotAPI) -> None:
    async with delivering(fake_bot_api) as bot:
        fake_bot_api.fail_next("sendMessage", 502)
        fake_bot_api.drop_next("sendMessage")
        fake_bot_api.fail_next("sendMessage", 500)
        await bot.send_message(1, "hello")
        assert len(fake_bot_api.calls("sendMessage")) == 4
        assert [m["text"] for m in fake_bot_api.sent_messages(1)] == ["hello"]


async def test_an_edit_that_timed_out_is_repeated_and_found_done(fake_bot_api: FakeBotAPI) -> None:
    async with delivering(fake_bot_api) as bot:
        sent = await bot.send_message(1, "v1")
        fake_bot_api.delay_next("editMessageText", 0.6)
        with pytest.raises(BadRequest, match="not modified"):  # the handlers' "done already"
            await bot.edit_message_text("v2", chat_id=1, message_id=sent.message_id)
        assert fake_bot_api.message(1, sent.message_id)["text"] == "v2"  # type: ignore[index]


async def test_final_answers_are_not_repeated(fake_bot_api: FakeBotAPI) -> None:
    async with delivering(fake_bot_api, max_retry_after=5) as bot:
        fake_bot_api.block(1)
        with pytest.raises(Forbidden):
            await bot.send_message(1, "hello")
        fake_bot_api.fail_next("sendMessage", 429, retry_after=60)  # a ban: give up
        with pytest.raises(RetryAfter):
            await bot.send_message(2, "hello")
        with pytest.raises(BadRequest):
            await bot.send_message(2, "")
        assert len(fake_bot_api.calls("sendMessage")) == 3


async def test_migrated_group_gets_the_message_and_later_ones(fake_bot_api: FakeBotAPI) -> None:
    async with delivering(fake_bot_api) as bot:
        fake_bot_api.inject_message("hi", chat_id=-5, chat_type="group")
        fake_bot_api.migrate_group(-5, -1005)
        await bot.send_message(-5, "one")
        await bot.send_message(-5, "two")
        assert [m["text"] for m in fake_bot_api.sent_messages(-1005)] == ["one", "two"]
        assert [c["chat_id"] for c in fake_bot_api.calls("sendMessage")] == [-5, -1005, -1005]


async def test_a_group_gets_at_most_twenty_messages_a_minute(fake_bot_api: FakeBotAPI) -> None:
    """Telegram's 20 messages a minute per group: the 21st waits, other chats do not."""
    async with delivering(fake_bot_api) as bot:
        for number in range(20):
            await bot.send_message(-77, f"answer {number}")
        held = asyncio.create_task(bot.send_message(-77, "answer 21"))
        await bot.send_message(1, "a private chat is not held up")
        await bot.send_message(-78, "nor is another group")
        assert not held.done()
        held.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await held
    assert len(fake_bot_api.sent_messages(-77)) == 20
