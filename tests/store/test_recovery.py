"""store.db on SQLite: a rebuild swaps the file under a running bot, and faults are named.

A rebuild (`careerbot data build`) renames a new file over the one the bot has open. The bot's
writes (chat places, the inbox) must land in the new file, never in the old one after the copy:
here a writer keeps writing while builds run, and every write must be in the file at the end.
Faults — file deleted, truncated, overwritten, locked — must come out as what fixes them, and
go away once repaired, without reopening anything by hand.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection

from store.db import Database, FaultKind, classify
from store.importers.build import build_database
from store.inbox import InboxStore, Received
from store.preferences import ChatPreferences
from tests.support.fixtures_data import write_fixture_data

TEXAS = "0000048"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return write_fixture_data(tmp_path / "data")


@pytest.fixture
async def built(data_dir: Path, tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "db" / "careerbot.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    await build_database(data_dir, url)
    return url, path


def places(path: Path) -> dict[int, str]:
    with sqlite3.connect(path) as connection:
        return dict(connection.execute("select chat_id, area_code from chat_preference"))


async def write_through_five_rebuilds(
    db: Database, data_dir: Path, write: Callable[[int], Awaitable[object]]
) -> list[int]:
    """`write(1)`, `write(2)`, … while the database is rebuilt five times (and at least 50
    writes); the numbers written."""
    written: list[int] = []
    builds_done = asyncio.Event()

    async def keep_writing() -> None:
        while not builds_done.is_set() or len(written) < 50:
            number = len(written) + 1
            await write(number)
            written.append(number)

    async def rebuild_five_times() -> None:
        for _ in range(5):
            await build_database(data_dir, db.url)
            await asyncio.sleep(0.01)
        builds_done.set()

    try:
        await asyncio.gather(keep_writing(), rebuild_five_times())
    finally:
        await db.close()
    assert db.generation > 1  # the writer noticed the new files and reopened
    return written


async def test_no_write_is_lost_to_rebuilds_while_it_runs(
    built: tuple[str, Path], data_dir: Path
) -> None:
    url, path = built
    db = Database(url)
    preferences = ChatPreferences(db)

    written = await write_through_five_rebuilds(
        db, data_dir, lambda chat: preferences.set_area(chat, TEXAS)
    )

    assert sorted(places(path)) == written  # every write is in the file the path names


async def test_no_inbox_write_is_lost_to_rebuilds_while_it_runs(
    built: tuple[str, Path], data_dir: Path
) -> None:
    """The inbox writes in one step on a thread of its own (Database.run_write): the same
    guarantee as every other write."""
    url, path = built
    db = Database(url)
    inbox = InboxStore(db, bot_id=1, owner="test")

    written = await write_through_five_rebuilds(
        db, data_dir, lambda n: inbox.record([Received(n, "{}")])
    )

    with sqlite3.connect(path) as connection:
        stored = [row[0] for row in connection.execute("select update_id from inbox")]
    assert sorted(stored) == written


async def test_a_write_in_one_step_runs_off_the_event_loop_and_rolls_back_as_a_whole(
    built: tuple[str, Path],
) -> None:
    url, path = built
    db = Database(url)

    def write_two(conn: Connection) -> str:
        conn.exec_driver_sql("INSERT INTO chat_preference VALUES (1, NULL)")
        conn.exec_driver_sql("INSERT INTO chat_preference VALUES (2, NULL)")
        return threading.current_thread().name

    def write_then_fail(conn: Connection) -> None:
        conn.exec_driver_sql("INSERT INTO chat_preference VALUES (3, NULL)")
        raise ValueError("half way")

    try:
        thread = await db.run_write(write_two)
        with pytest.raises(ValueError, match="half way"):
            await db.run_write(write_then_fail)
    finally:
        await db.close()

    assert thread != threading.current_thread().name
    assert sorted(places(path)) == [1, 2]  # both of the first, none of the second


async def test_a_replaced_file_is_noticed_and_reads_go_to_the_new_one(
    built: tuple[str, Path], data_dir: Path
) -> None:
    url, path = built
    db = Database(url)
    try:
        assert not await db.refresh(every=0)
        await build_database(data_dir, url)
        with sqlite3.connect(path) as connection:  # a mark only the new file has
            connection.execute("insert into chat_preference values (7, 'mark')")

        assert await db.refresh(every=0)
        async with db.engine.connect() as conn:
            rows = await conn.exec_driver_sql("select area_code from chat_preference")
            assert rows.scalars().all() == ["mark"]
    finally:
        await db.close()


async def fault_of(db: Database) -> FaultKind | None:
    """What a write to `db` runs into now (None: it worked)."""
    await db.refresh(every=0)
    try:
        await ChatPreferences(db, timeout=5).set_area(1, TEXAS)
    except Exception as error:
        return classify(error)
    return None


async def test_a_deleted_file_is_missing_until_it_is_built_again(
    built: tuple[str, Path], data_dir: Path
) -> None:
    url, path = built
    db = Database(url)
    try:
        path.unlink()
        assert await fault_of(db) == FaultKind.MISSING
        assert not path.exists()  # never re-created empty behind the operator's back

        await build_database(data_dir, url)
        assert await fault_of(db) is None
    finally:
        await db.close()


@pytest.mark.parametrize(
    ("damage", "kind"),
    [
        (b"", FaultKind.MISSING),  # truncated: an empty database, no tables
        (b"this is not a database" * 100, FaultKind.UNREADABLE),
    ],
    ids=["truncated", "overwritten"],
)
async def test_a_damaged_file_is_named_until_it_is_rebuilt(
    built: tuple[str, Path], data_dir: Path, damage: bytes, kind: FaultKind
) -> None:
    url, path = built
    db = Database(url)
    try:
        assert await fault_of(db) is None
        path.write_bytes(damage)  # in place: the same file, other contents
        assert await fault_of(db) == kind

        await build_database(data_dir, url)
        assert await fault_of(db) is None
    finally:
        await db.close()


async def test_a_locked_file_is_named_and_works_once_released(built: tuple[str, Path]) -> None:
    url, path = built
    db = Database(url, timeout=0.2)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the lock
        assert await fault_of(db) == FaultKind.LOCKED
        other.execute("ROLLBACK")
        assert await fault_of(db) is None
    finally:
        other.close()
        await db.close()


async def test_writers_in_one_process_take_turns_instead_of_waiting_on_sqlites_lock(
    built: tuple[str, Path],
) -> None:
    """The inbox and the conversations write through separate Databases on one file: the
    second waits its turn, however long the first takes, and is never told "locked"."""
    url, path = built
    inbox, conversations = Database(url, timeout=0.05), Database(url, timeout=0.05)
    first_holds = asyncio.Event()

    async def slow_write() -> None:
        async with inbox.write() as conn:
            await conn.exec_driver_sql("INSERT INTO chat_preference VALUES (1, NULL)")
            first_holds.set()
            await asyncio.sleep(0.3)  # six times SQLite's busy timeout

    async def second_write() -> None:
        await first_holds.wait()
        async with conversations.write() as conn:
            await conn.exec_driver_sql("INSERT INTO chat_preference VALUES (2, NULL)")

    try:
        await asyncio.gather(slow_write(), second_write())
    finally:
        await inbox.close()
        await conversations.close()
    assert sorted(places(path)) == [1, 2]


async def test_the_end_of_a_process_waits_for_sqlite_threads_still_finishing() -> None:
    """aiosqlite's thread posts its last result after close() or a failed connect returned; a
    process that closed its loop then printed "Event loop is closed" (store.db)."""
    import time

    from store.db import SQLITE_WORKER, sqlite_threads_done

    finishing = threading.Thread(target=time.sleep, args=(0.3,), name=f"T ({SQLITE_WORKER})")
    finishing.start()
    await sqlite_threads_done()
    assert not finishing.is_alive()


async def test_a_failed_open_leaves_no_sqlite_thread_behind_once_settled(tmp_path: Path) -> None:
    from store.db import SQLITE_WORKER, sqlite_threads_done

    before = set(threading.enumerate())  # other tests' engines may keep theirs open
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'absent.db'}")
    with pytest.raises(Exception):  # noqa: B017 - the driver's own error; its kind is not the point
        async with db.engine.connect():
            pass
    await db.close()
    await sqlite_threads_done(limit=1.0)
    left = [t for t in set(threading.enumerate()) - before if SQLITE_WORKER in t.name]
    assert not [t for t in left if t.is_alive()]
