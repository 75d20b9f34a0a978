"""store.conversations: contexts read from memory, written behind in batches, shared by
instances on one database, forgotten after a day. Time is a clock the tests move."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from store.conversations import SYNC_EVERY, TTL, ConversationStore
from store.db import create_engine
from tests.support.clock import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'conversations.sqlite3'}"


@pytest.fixture
async def stores(url: str, clock: Clock) -> AsyncIterator[list[ConversationStore]]:
    made: list[ConversationStore] = []

    async def open_one() -> ConversationStore:
        store = ConversationStore(create_engine(url), clock=clock)
        await store.start()  # creates the table in a database that has none
        made.append(store)
        return store

    first, second = await open_one(), await open_one()
    yield [first, second]
    for store in made:
        await store.close()
        await store.db.close()


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every SQL statement any engine runs during the test (the store reads through its async
    engine and writes in one step through a blocking one: store.db.Database.run_write)."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(args[2])

    event.listen(Engine, "before_cursor_execute", record)
    yield seen
    event.remove(Engine, "before_cursor_execute", record)


async def test_reads_and_writes_cost_no_database_round_trip(
    stores: list[ConversationStore], statements: list[str]
) -> None:
    store, _ = stores
    seen = statements
    for chat in range(200):
        store.put(f"c{chat}:{chat}", f'{{"k":"compare","n":{chat}}}')
    assert [store.get(f"c{c}:{c}") is not None for c in range(200)] == [True] * 200
    assert store.get("c999:999") is None
    assert seen == []  # nothing yet: the writes are batched
    await store.flush()
    assert len([s for s in seen if s.lstrip().upper().startswith("INSERT")]) == 1  # one batch


async def test_what_was_written_survives_a_restart(url: str, clock: Clock) -> None:
    first = ConversationStore(create_engine(url), clock=clock)
    await first.start()
    first.put("c1:1", "about nurses")
    await first.close()  # writes what is waiting
    await first.db.close()

    again = ConversationStore(create_engine(url), clock=clock)
    await again.start()
    assert again.get("c1:1") == "about nurses"
    await again.close()
    await again.db.close()


async def test_another_instance_sees_a_write_at_its_next_look(
    stores: list[ConversationStore], clock: Clock
) -> None:
    first, second = stores
    first.put("c7:7", "nurses in Ohio")
    await first.flush()
    await second.refresh()
    assert second.get("c7:7") is None  # not time to look yet
    clock.now += SYNC_EVERY
    await second.refresh()
    assert second.get("c7:7") == "nurses in Ohio"

    second.put("c7:7", "nurses in Texas")  # the newer write wins everywhere
    await second.flush()
    clock.now += SYNC_EVERY
    await first.refresh()
    assert first.get("c7:7") == "nurses in Texas"


async def test_a_context_is_forgotten_after_a_day(
    stores: list[ConversationStore], clock: Clock, url: str
) -> None:
    store, _ = stores
    store.put("c3:3", "old")
    await store.flush()
    clock.now += TTL
    assert store.get("c3:3") is None
    await store.flush()  # also prunes expired rows
    fresh = ConversationStore(create_engine(url), clock=clock)
    await fresh.start()
    assert fresh.get("c3:3") is None
    await fresh.db.close()


async def test_writes_wait_in_the_background_and_a_full_batch_goes_at_once(
    stores: list[ConversationStore], statements: list[str]
) -> None:
    store, _ = stores
    seen = statements
    store.put("c1:1", "x")
    for _ in range(100):  # the background writer runs every FLUSH_EVERY (0.25 s)
        if any("INSERT" in s.upper() for s in seen):
            break
        await asyncio.sleep(0.01)
    assert any("INSERT" in s.upper() for s in seen)


async def test_a_failed_write_is_kept_for_the_next_batch(
    stores: list[ConversationStore], monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    store, other = stores
    real = store._upsert

    async def broken(rows: list[dict[str, object]]) -> None:
        raise OSError("database unreachable")

    monkeypatch.setattr(store, "_upsert", broken)
    store.put("c5:5", "kept")
    with pytest.raises(OSError):
        await store.flush()
    monkeypatch.setattr(store, "_upsert", real)
    await store.flush()
    clock.now += SYNC_EVERY
    await other.refresh()
    assert other.get("c5:5") == "kept"


async def test_a_look_that_is_due_happens_beside_the_answer_not_before_it(
    stores: list[ConversationStore], clock: Clock
) -> None:
    """The message that finds a look due is answered from memory; the look follows."""
    first, second = stores
    first.put("c8:8", "welders in Utah")
    await first.flush()
    clock.now += SYNC_EVERY
    second.refresh_soon()
    assert second.get("c8:8") is None  # not read yet: nothing was awaited
    for _ in range(50):  # the read runs on its own
        await asyncio.sleep(0.01)
        if second.get("c8:8") is not None:
            break
    assert second.get("c8:8") == "welders in Utah"
    first.put("c9:9", "roofers in Iowa")
    await first.flush()
    second.refresh_soon()  # not due again yet: no read
    await asyncio.sleep(0.05)
    assert second.get("c9:9") is None


async def test_closing_while_a_look_is_under_way_still_writes_what_waits(
    stores: list[ConversationStore], clock: Clock, url: str
) -> None:
    """The look ends before the last write: cut off, its connection could hold the file."""
    first, second = stores
    for n in range(200):  # a look with rows to read
        first.put(f"c{n}:1", "nurses")
    await first.flush()
    clock.now += SYNC_EVERY
    second.refresh_soon()
    second.put("c9:9", "written at close")
    await asyncio.sleep(0)  # the look has started
    await second.close()
    again = ConversationStore(create_engine(url), clock=clock)
    await again.start()
    assert again.get("c9:9") == "written at close"
    await again.close()
    await again.db.close()


async def test_a_look_reads_only_what_other_instances_wrote(
    stores: list[ConversationStore], clock: Clock, url: str
) -> None:
    """In a burst an instance writes thousands of contexts a few seconds apart; reading them
    back at every look (each look re-reads a few seconds) stalled its event loop."""
    first, second = stores
    looks: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "conversation" in statement:
            looks.append((statement, parameters))

    for n in range(50):
        first.put(f"c{n}:1", "its own")
    await first.flush()
    second.put("c99:2", "the other's")
    await second.flush()
    event.listen(Engine, "before_cursor_execute", record)
    try:
        clock.now += SYNC_EVERY
        await first.refresh()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert first.get("c99:2") == "the other's"
    [(statement, parameters)] = looks
    path = url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as raw:
        keys = [row[0] for row in raw.execute(statement, parameters)]
    assert keys == ["c99:2"]  # none of its own 50


async def test_a_table_from_before_writers_were_named_is_upgraded_in_place(
    url: str, clock: Clock
) -> None:
    path = url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as raw:
        raw.execute(
            "CREATE TABLE conversation (key VARCHAR(64) PRIMARY KEY, data TEXT, updated_at FLOAT)"
        )
        raw.execute("INSERT INTO conversation VALUES ('c1:1', 'kept', ?)", (clock.now,))
    store = ConversationStore(create_engine(url), clock=clock)
    await store.start()
    assert store.get("c1:1") == "kept"
    store.put("c2:2", "new")
    await store.close()
    await store.db.close()
    with sqlite3.connect(path) as raw:
        rows = dict(raw.execute("SELECT key, writer FROM conversation").fetchall())
    assert rows == {"c1:1": None, "c2:2": store.instance}
