"""store.preferences: chat places, as two bot instances sharing one database see them.

Time is a clock the tests move, so "within the TTL" is checked without sleeping.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from store import models
from store.db import Database, create_engine
from store.preferences import CHAT_AREA_TTL, ChatPreferences
from tests.support.clock import Clock

TEXAS, OHIO = "0000048", "0000039"


@pytest.fixture
def clock() -> Clock:
    return Clock(1000.0)


@pytest.fixture
async def two_instances(
    tmp_path: Path, clock: Clock
) -> AsyncIterator[tuple[ChatPreferences, ChatPreferences]]:
    """Two instances' preferences on one database holding only the chat preference table."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'prefs.sqlite3'}"
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(models.ChatPreference.__table__.create)
    await engine.dispose()
    databases = [Database(url), Database(url)]
    first, second = (ChatPreferences(db, clock=clock) for db in databases)
    yield first, second
    for db in databases:
        await db.close()


def statements_of(prefs: ChatPreferences) -> list[str]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(prefs.db.engine.sync_engine, "before_cursor_execute", record)
    return statements


async def test_a_chat_that_never_chose_a_place_has_none(two_instances) -> None:
    prefs, _ = two_instances
    assert await prefs.area(1) is None


async def test_new_chats_cost_no_database_round_trip(two_instances) -> None:
    """Most chats never choose a place; asking about them must not query per chat."""
    prefs, _ = two_instances
    await prefs.area(1)
    statements = statements_of(prefs)

    assert [await prefs.area(chat) for chat in range(2, 500)] == [None] * 498
    assert statements == []


async def test_an_instance_sees_its_own_change_at_once(two_instances) -> None:
    prefs, _ = two_instances
    await prefs.area(7)
    await prefs.set_area(7, TEXAS)
    assert await prefs.area(7) == TEXAS
    await prefs.set_area(7, None)
    assert await prefs.area(7) is None


async def test_another_instances_change_shows_once_the_ttl_has_passed(
    two_instances, clock: Clock
) -> None:
    first, second = two_instances
    await first.set_area(7, TEXAS)
    assert await second.area(7) == TEXAS

    await first.set_area(7, OHIO)
    clock.now += CHAT_AREA_TTL - 1
    assert await second.area(7) == TEXAS  # still the copy second read
    clock.now += 1
    assert await second.area(7) == OHIO


async def test_updates_arriving_before_the_first_read_all_wait_for_it(two_instances) -> None:
    first, second = two_instances
    await first.set_area(7, TEXAS)

    assert await asyncio.gather(*(second.area(7) for _ in range(20))) == [TEXAS] * 20


async def test_a_change_made_during_a_reread_is_not_undone_by_it(
    two_instances, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefs, _ = two_instances
    await prefs.set_area(7, TEXAS)
    clock.now += CHAT_AREA_TTL  # the next read re-reads the table
    fetch = prefs._fetch
    fetched, release = asyncio.Event(), asyncio.Event()

    async def held_fetch() -> dict[int, str]:
        snapshot = await fetch()
        fetched.set()
        await release.wait()  # the change below commits meanwhile
        return snapshot

    monkeypatch.setattr(prefs, "_fetch", held_fetch)
    reread = asyncio.create_task(prefs.area(8))
    await fetched.wait()
    change = asyncio.create_task(prefs.set_area(7, OHIO))
    release.set()
    await reread
    await change
    assert await prefs.area(7) == OHIO


async def test_a_failed_reread_keeps_the_copy_and_the_first_read_fails_loudly(
    two_instances, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_instances
    await first.set_area(7, TEXAS)

    async def unreachable() -> dict[int, str]:
        raise OSError("database unreachable")

    monkeypatch.setattr(second, "_fetch", unreachable)
    with pytest.raises(OSError):  # nothing to fall back on: the caller reports the fault
        await second.area(7)
    monkeypatch.undo()

    assert await second.area(7) == TEXAS
    clock.now += CHAT_AREA_TTL
    monkeypatch.setattr(second, "_fetch", unreachable)
    assert await second.area(7) == TEXAS  # a little stale beats no answer
