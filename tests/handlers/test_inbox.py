"""The inbox in the running bot (handlers/inbox.py, handlers/polling.py): nothing acknowledged
before it is stored, leftovers handled first, repeats once, and answers flowing while the
database is gone — acknowledged once it is back.

The real Application polls the fake Bot API, on a small database of the test's own
(tests/support/smalldb.py), which the tests read directly to see what the inbox stored.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import pytest

from handlers.app import CareerbotApplication
from handlers.inbox import Inbox
from handlers.replying import DATABASE_FAULTS
from handlers.updates import id_of
from store.db import Database, DatabaseFault, FaultKind
from store.inbox import MAX_ATTEMPTS, InboxStore, Received
from tests.support.apps import Chat, bot_settings, running_bot, settled, until
from tests.support.fakebotapi import FakeBotAPI, Fault
from tests.support.smalldb import SmallDatabase, message_update, payload

JSONDict = dict[str, Any]


def texts(server: FakeBotAPI, chat_id: int) -> list[str]:
    return [m["text"] for m in server.sent_messages(chat_id)]


async def leave_unfinished(
    db: SmallDatabase, bot_id: int, owner: str, updates: list[JSONDict], *, age: float = 0.0
) -> None:
    """Rows as a run that died (`age` seconds ago) would have left them."""
    database = Database(db.url)
    try:
        store = InboxStore(database, bot_id, owner, clock=lambda: time.time() - age)
        await store.record([Received(u["update_id"], payload(u)) for u in updates])
    finally:
        await database.close()


def recording_dispatch(app: CareerbotApplication, order: list[int]) -> None:
    """Note each update the inbox hands to PTB, in order (a `configure` hook)."""
    put = app.update_queue.put_nowait

    def put_and_note(update: Any) -> None:
        if (number := id_of(update)) is not None:
            order.append(number)
        put(update)

    app.update_queue.put_nowait = put_and_note  # type: ignore[method-assign]


async def test_no_update_is_acknowledged_before_it_is_stored(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    injected: list[int] = []
    unsafe: list[tuple[int, int]] = []

    def check_offset(method: str, params: JSONDict) -> Fault | None:
        """At each getUpdates, as it arrives: everything below its offset must be stored."""
        offset = int(params.get("offset") or 0)
        if method == "getUpdates" and offset:
            stored = {i for (i,) in small_db.rows("select update_id from inbox")}
            unsafe.extend((offset, i) for i in injected if i < offset and i not in stored)
        return None

    fake_bot_api.set_fault_policy(check_offset)
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        for n in range(60):
            chat = 100 + n % 20
            update = fake_bot_api.inject_message("bill collector", chat_id=chat, user_id=chat)
            injected.append(update["update_id"])
            if n % 7 == 0:
                await asyncio.sleep(0.01)
        await settled(fake_bot_api, app)

    assert unsafe == []
    inbox = small_db.inbox(fake_bot_api.bot_id)
    assert sorted(inbox) == injected and all(done for _, done in inbox.values())


async def test_a_redelivered_update_is_answered_once(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        chat = Chat(fake_bot_api, app)
        first = fake_bot_api.inject_message("bill collector", chat_id=chat.chat_id)
        await until(lambda: len(chat.sent()) == 1, "the answer")
        fake_bot_api.inject_raw(first)  # Telegram sends it again after a restart
        assert await chat.is_quiet_after("loan officer") is False  # processed after the repeat
        assert len(chat.sent()) == 2


async def test_each_update_is_stored_by_one_write(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write (one journal sync) is what the inbox costs: an update answered as it comes is
    stored once, not again by the round that stores what an outage left unstored."""
    written: list[int] = []
    write = InboxStore.write

    async def noted(self: InboxStore, updates: Any, done: Any) -> set[int]:
        written.extend(u.update_id for u in updates)
        return await write(self, updates, done)

    monkeypatch.setattr(InboxStore, "write", noted)
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        for chat in range(500, 512):  # a chat each: no per-chat sending limit in the way
            fake_bot_api.inject_message("bill collector", chat_id=chat, user_id=chat)
            await until(lambda chat=chat: bool(texts(fake_bot_api, chat)), "the answer")
        await settled(fake_bot_api, app)
    assert len(written) == 12 and len(set(written)) == 12


async def test_what_a_previous_run_left_unfinished_is_handled_first(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    bot = fake_bot_api.bot_id
    base = fake_bot_api.inject_message("loan officer", chat_id=30)["update_id"]  # new, at Telegram
    leftovers = [message_update(base - 10 + n, 20 + n, "bill collector") for n in range(3)]
    await leave_unfinished(small_db, bot, "polling", leftovers)
    order: list[int] = []

    def configure(app: CareerbotApplication) -> None:
        recording_dispatch(app, order)

    async with running_bot(bot_settings(fake_bot_api, small_db.url), configure=configure) as app:
        await until(lambda: all(texts(fake_bot_api, c) for c in (20, 21, 22, 30)), "4 answers")
        await settled(fake_bot_api, app)

    assert order == [u["update_id"] for u in leftovers] + [base]
    assert all(len(texts(fake_bot_api, c)) == 1 for c in (20, 21, 22, 30))
    assert all(done for _, done in small_db.inbox(bot).values())


async def test_an_update_that_never_finishes_is_given_up(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase, caplog: pytest.LogCaptureFixture
) -> None:
    bot = fake_bot_api.bot_id
    poison = message_update(fake_bot_api.inject_message("x", chat_id=41)["update_id"] - 1, 40, "x")
    await leave_unfinished(small_db, bot, "polling", [poison])
    small_db.rows("update inbox set attempts = ? where bot_id = ?", MAX_ATTEMPTS, bot)

    with caplog.at_level(logging.WARNING, "handlers.inbox"):
        async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
            await until(lambda: bool(texts(fake_bot_api, 41)), "the answer to the next update")
            await settled(fake_bot_api, app)

    assert texts(fake_bot_api, 40) == []  # started MAX_ATTEMPTS times already: not again
    assert small_db.inbox(bot)[poison["update_id"]][1] is not None  # done: given up
    assert f"update {poison['update_id']} was started {MAX_ATTEMPTS} times" in caplog.text


async def test_a_dead_instances_updates_are_taken_over_once_its_lease_ran_out(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    bot = fake_bot_api.bot_id
    async with running_bot(bot_settings(fake_bot_api, small_db.url), sweep=0.2) as app:
        await Chat(fake_bot_api, app).say("bill collector")  # started and working
        orphans = [message_update(n, 50 + n % 10, "loan officer") for n in range(1, 4)]
        await leave_unfinished(small_db, bot, "webhook@gone:8443", orphans, age=600)
        await until(lambda: all(texts(fake_bot_api, 50 + n) for n in (1, 2, 3)), "take-over")
        await settled(fake_bot_api, app)

    assert all(small_db.inbox(bot)[n] == ("polling", small_db.inbox(bot)[n][1]) for n in (1, 2, 3))
    assert all(small_db.inbox(bot)[n][1] is not None for n in (1, 2, 3))


async def test_while_the_database_is_gone_answers_flow_but_nothing_is_acknowledged(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    bot = fake_bot_api.bot_id
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        assert (
            "Bill and Account Collectors"
            in (await Chat(fake_bot_api, app, 1).say("bill collector"))["text"]
        )
        small_db.path.unlink()  # deleted while running

        remembered = await Chat(fake_bot_api, app, 2).say("bill collector")
        not_remembered = await Chat(fake_bot_api, app, 3).say("loan officer")
        assert "Bill and Account Collectors" in remembered["text"]  # from memory
        assert not_remembered["text"] == DATABASE_FAULTS[FaultKind.MISSING]
        pending = {u["message"]["chat"]["id"] for u in fake_bot_api.pending_updates}
        assert pending == {2, 3}  # answered, but Telegram still holds them

        await small_db.rebuild()
        await until(lambda: not fake_bot_api.pending_updates, "the acknowledgement", 10)
        await until(lambda: all(d for _, d in small_db.inbox(bot).values()), "done", 10)
        again = await Chat(fake_bot_api, app, 4).say("loan officer")
        assert "Loan Officers" in again["text"]
        await settled(fake_bot_api, app)

    assert [len(texts(fake_bot_api, c)) for c in (1, 2, 3, 4)] == [1, 1, 1, 1]  # none twice
    assert len(small_db.inbox(bot)) == 3  # 2, 3 and 4: the new file has them (1 was in the old)


async def test_rows_written_before_a_rebuild_are_kept_in_the_new_file(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    bot = fake_bot_api.bot_id
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        await Chat(fake_bot_api, app, 1).say("bill collector")
        await settled(fake_bot_api, app)
        before = small_db.inbox(bot)
        await small_db.rebuild()
        await Chat(fake_bot_api, app, 2).say("loan officer")
        await settled(fake_bot_api, app)

    after = small_db.inbox(bot)
    assert before.items() <= after.items() and len(after) == 2


class DownStore:
    """An inbox table whose database is down: every call fails as an unreachable server."""

    def __init__(self) -> None:
        self.calls = 0

    async def _fail(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        raise DatabaseFault(FaultKind.UNREACHABLE)

    claim = highest = write = record = renew = prune = _fail


async def writer_rounds(inbox: Inbox, seconds: float) -> int:
    """How many rounds the inbox's writer makes in `seconds` of doing nothing new."""
    rounds = 0
    write_once = inbox._write_once

    async def counted() -> None:
        nonlocal rounds
        rounds += 1
        await write_once()

    inbox._write_once = counted  # type: ignore[method-assign]
    await inbox.start()
    await asyncio.sleep(seconds)
    await inbox.stop()
    return rounds


async def test_while_the_database_fails_the_writer_sleeps_until_the_next_retry() -> None:
    """Nothing is written or swept before the retry, so waking for the sweep would only spin:
    a core's worth of CPU for as long as the outage lasted."""
    store = DownStore()
    inbox = Inbox(store, lambda update: None, dict, sweep=0.01, retry=0.2)  # type: ignore[arg-type]
    rounds = await writer_rounds(inbox, 0.5)
    assert inbox.failing is not None
    assert rounds <= 5, rounds  # one per retry (and the stop), not thousands
    assert store.calls <= 10


async def test_an_inbox_kept_in_memory_has_no_writer_to_wake() -> None:
    handed: list[object] = []
    inbox = Inbox(None, handed.append, dict, sweep=0.01)
    assert await writer_rounds(inbox, 0.2) == 0
    assert await inbox.accept([Received(1, '{"update_id": 1}')])
    assert handed == [{"update_id": 1}]
