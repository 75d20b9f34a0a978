"""The bot on PostgreSQL while the server goes away: stopped and started again, hung (SIGSTOP),
and shared by two webhook instances. Needs a server the tests may stop (tests/support/
postgres.py: `.ci/run` starts one and says how); under CAREERBOT_REQUIRE_POSTGRES=1 a missing
one fails these tests rather than skipping them.

What must hold: answers that memory can give keep flowing while the server is away; the rest
get the message that names the fault; nothing is acknowledged to Telegram until the inbox has
stored it, and once the server is back everything is stored, acknowledged and answered once.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from handlers.app import build_application
from handlers.replying import DATABASE_FAULTS
from handlers.webhook import SECRET_HEADER, WebhookConfig, running_webhook
from store.db import DB_TIMEOUT, Database, FaultKind
from store.importers.build import build_database
from store.inbox import InboxStore
from tests.support.apps import Chat, bot_settings, running_bot, settled, until
from tests.support.fakebotapi import FakeBotAPI
from tests.support.fixtures_data import write_fixture_data
from tests.support.postgres import URL, Server, drop_everything, requires_postgres_control

pytestmark = [pytest.mark.postgres, requires_postgres_control]

JSONDict = dict[str, Any]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    pg = Server.from_environment()
    pg.start()
    yield pg
    pg.start()  # whatever a test did, the server is left running


@pytest.fixture
async def small_pg(tmp_path: Path, server: Server) -> str:
    """The fixture data in the test database (it is emptied first)."""
    await drop_everything(URL)
    await build_database(write_fixture_data(tmp_path / "data"), URL)
    return URL


async def test_a_rebuild_of_postgresql_is_served_without_a_restart(
    fake_bot_api: FakeBotAPI, small_pg: str, tmp_path: Path
) -> None:
    async with running_bot(bot_settings(fake_bot_api, small_pg)) as app:
        app.bot_data.release_check = 0.2  # instead of every 30 s
        chat = Chat(fake_bot_api, app, chat_id=1)
        assert "$47,030" in (await say(chat, "bill collector", 10))["text"]  # and remembered
        data = tmp_path / "data"
        wages = data / "bls" / "oews" / "oe.data.2025A01"
        wages.write_text(wages.read_text().replace("47030", "48120"))  # BLS corrected it

        await build_database(data, small_pg)  # one transaction, tables replaced in place

        async def corrected() -> bool:
            return "$48,120" in (await say(chat, "bill collector", 10))["text"]

        for _ in range(20):
            if await corrected():
                break
            await asyncio.sleep(0.2)
        else:
            raise AssertionError("the rebuilt data was never served")


async def unfinished(bot_id: int) -> list[int]:
    db = Database(URL)
    try:
        return await InboxStore(db, bot_id, "test").unfinished()
    finally:
        await db.close()


async def say(chat: Chat, text: str, within: float) -> JSONDict:
    """`text` from the chat; the bot's answer, which must come within `within` seconds."""
    before = len(chat.sent())
    chat.server.inject_message(text, chat_id=chat.chat_id)
    await until(lambda: len(chat.sent()) > before, f"an answer to {text!r}", within)
    return chat.sent()[before]


def pending_chats(server: FakeBotAPI) -> set[int]:
    return {u["message"]["chat"]["id"] for u in server.pending_updates}


async def test_postgresql_stopped_and_started_while_the_bot_runs(
    fake_bot_api: FakeBotAPI, small_pg: str, server: Server
) -> None:
    async with running_bot(bot_settings(fake_bot_api, small_pg)) as app:
        chats = [Chat(fake_bot_api, app, chat_id=n) for n in range(4)]
        await say(chats[0], "bill collector", 10)
        server.stop()
        try:
            remembered = await say(chats[1], "bill collector", 10)
            assert "Bill and Account Collectors" in remembered["text"]  # from memory
            state = await say(chats[2], "/state TX", 10)
            assert state["text"] == DATABASE_FAULTS[FaultKind.UNREACHABLE]
            assert pending_chats(fake_bot_api) == {1, 2}  # answered, not acknowledged
        finally:
            server.start()
        await until(lambda: not fake_bot_api.pending_updates, "the acknowledgement", 20)
        assert "Saved: <b>Texas</b>" in (await say(chats[2], "/state TX", 10))["text"]
        assert "Loan Officers" in (await say(chats[3], "loan officer", 10))["text"]
        await settled(fake_bot_api, app)

    assert await unfinished(fake_bot_api.bot_id) == []
    assert [len(chat.sent()) for chat in chats] == [1, 1, 2, 1]  # nothing answered twice


async def test_a_hung_postgresql_does_not_hold_up_answers_from_memory(
    fake_bot_api: FakeBotAPI, small_pg: str, server: Server
) -> None:
    async with running_bot(bot_settings(fake_bot_api, small_pg)) as app:
        inbox = app.bot_data.inbox
        assert inbox is not None
        chats = [Chat(fake_bot_api, app, chat_id=n) for n in range(10, 15)]
        await say(chats[0], "bill collector", 10)
        with server.paused():  # every server process stopped: connections hang, not fail
            took = []
            for chat in chats[1:3]:  # while the inbox finds out: one write's time limit
                started = time.monotonic()
                answer = await say(chat, "bill collector", DB_TIMEOUT + 3)
                assert "Bill and Account Collectors" in answer["text"]
                took.append(time.monotonic() - started)
            await until(lambda: inbox.failing is not None, "the inbox to notice", DB_TIMEOUT + 3)
            started = time.monotonic()
            answer = await say(chats[3], "bill collector", 3)  # now: at the next poll
            took.append(time.monotonic() - started)
            state = await say(chats[4], "/state TX", 2 * DB_TIMEOUT + 3)
            assert state["text"] == DATABASE_FAULTS[FaultKind.TIMEOUT]
            assert pending_chats(fake_bot_api) == {11, 12, 13, 14}
        await until(lambda: not fake_bot_api.pending_updates, "the acknowledgement", 20)
        assert "Saved: <b>Texas</b>" in (await say(chats[4], "/state TX", 10))["text"]
        await settled(fake_bot_api, app)

    assert max(took[:2]) < DB_TIMEOUT + 2  # not the hang's length
    assert took[2] < 2.0
    assert [len(chat.sent()) for chat in chats] == [1, 1, 1, 1, 2]


@contextlib.asynccontextmanager
async def webhook_instance(
    server: FakeBotAPI, url: str, secret: str
) -> AsyncIterator[httpx.AsyncClient]:
    settings = bot_settings(
        server,
        url,
        telegram_webhook_url="https://bot.example.test/hook",
        telegram_webhook_secret=secret,
        telegram_webhook_listen="127.0.0.1:0",
    )
    app = build_application(settings)
    config = WebhookConfig.from_settings(settings)
    async with running_webhook(app, config, settings) as running:
        base = f"http://127.0.0.1:{running.port}"
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            yield http


async def test_two_webhook_instances_share_one_postgresql_and_answer_each_update_once(
    fake_bot_api: FakeBotAPI, small_pg: str
) -> None:
    secret, rng = "s3cret-shared", random.Random(12)
    async with (
        webhook_instance(fake_bot_api, small_pg, secret) as first,
        webhook_instance(fake_bot_api, small_pg, secret) as second,
    ):
        instances = [first, second]

        async def deliver(update: JSONDict, to: httpx.AsyncClient) -> None:
            response = await to.post("/hook", json=update, headers={SECRET_HEADER: secret})
            assert response.status_code == 200

        updates = [
            fake_bot_api.inject_message("bill collector", chat_id=500 + n) for n in range(60)
        ]
        deliveries = []
        for update in updates:
            one = rng.choice(instances)
            deliveries.append(deliver(update, one))
            if rng.random() < 0.4:  # Telegram retries, and the balancer picks the other one
                deliveries.append(deliver(update, first if one is second else second))
        await asyncio.gather(*deliveries)
        await until(
            lambda: all(fake_bot_api.sent_messages(500 + n) for n in range(60)), "answers", 20
        )
        await asyncio.sleep(0.5)  # time for a second answer, were there one

    assert [len(fake_bot_api.sent_messages(500 + n)) for n in range(60)] == [1] * 60
    assert await unfinished(fake_bot_api.bot_id) == []
