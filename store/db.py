"""Engines and sessions shared by the bot, the CLI and the importers, and what keeps a long-running
bot's database usable: a time limit on every call, faults named with their fix, and noticing a
rebuilt SQLite file.

Time limits. A database that hangs (a stopped server, a lock nobody releases) must not hold the
bot's update slots for as long as it lasts: connecting, each statement and the wait for a pooled
connection are limited to `DB_TIMEOUT` seconds (asyncpg's `timeout` and `command_timeout`,
SQLAlchemy's `pool_timeout`, SQLite's busy timeout). Callers that must answer in time (the
inbox, /healthz) add an overall `asyncio.timeout` on top, since a pre-ping and a reconnect are
two limits in a row. The importers pass `timeout=None`: a build's bulk inserts take longer.

Faults. `classify` turns whatever a driver raised into a `FaultKind` — missing, unreadable,
locked, unreachable, rejected credentials, timed out — so that users and operators are told what
to do about it (`DatabaseFault`'s message names the fix) instead of "something went wrong".

A rebuilt SQLite file. `careerbot data build` writes a new file and renames it over the old one
(store/importers/build.py). Connections opened before keep reading the old, unlinked file, and —
the dangerous part — would keep *writing* to it: those writes would be lost. `Database` knows
which file (device and inode) its engine opened; `refresh` reopens the engine when the path now
names another file (or none), and `write` runs every write transaction under SQLite's write
lock (BEGIN IMMEDIATE) and checks, holding that lock, that the path still names the file it is
writing to. The build holds the old file's write lock while it copies the user tables (chat
preferences, the inbox) into the new file and renames it, so a write either lands in the old file
before the copy (and is copied) or finds the file replaced (and is redone in the new one).

JOURNAL. The bot's SQLite connections keep the rollback journal file between transactions
(journal_mode=PERSIST, its header zeroed at each commit) rather than creating and deleting it
each time: a commit then costs its two syncs but no directory changes, a fifth of the time on
this machine's disk at the 90th percentile, which is what every inbox write waits for. Still a
rollback journal, not WAL: a WAL file left beside a renamed-over database would be replayed into
the new one, and the rebuild swaps the file. A zeroed journal is never "hot", so the new file
ignores the old one's; the build takes the write lock before renaming, so no commit is under
way in the old file when it does.

WRITES. On SQLite the writers of one process (the inbox, the conversations, the chat places)
take turns on an asyncio lock per file (`_writers`) rather than in SQLite's busy handler, and
`run_write` runs a whole write transaction in one step on a thread of its own — the inbox's
and the conversations' hot writes — instead of a hop to aiosqlite's thread per statement.
Both keep the rebuild check above.

Longer than most modules: engines, the faults they raise and what keeps a rebuild from losing
a write are one contract — the fault a caller sees depends on how the engine was opened — and
are easiest to check together.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from sqlalchemy import Connection, Engine, event
from sqlalchemy import create_engine as create_blocking_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.ext.asyncio import AsyncSession as AsyncSession

log = logging.getLogger(__name__)

T = TypeVar("T")

DB_TIMEOUT = 3.0  # seconds: "a few", far above any query the bot makes (milliseconds)
BUILD_BUSY_TIMEOUT = 30.0  # SQLite: how long an importer waits for another writer's lock
REFRESH_EVERY = 1.0  # seconds between two looks at whether the SQLite file was replaced

# The async driver careerbot installs, for URLs naming none or a blocking one: `postgres://…`
# and `postgresql://…` as hosting services print them, `sqlite:///file` as SQLAlchemy's docs do.
_ASYNC_DRIVERS = {
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgresql+psycopg2": "postgresql+asyncpg",
    "postgresql+psycopg": "postgresql+asyncpg",
    "postgresql+pg8000": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
    "sqlite+pysqlite": "sqlite+aiosqlite",
}


def async_url(url: str | URL) -> URL:
    """The URL with an async driver: a PostgreSQL URL without one gets asyncpg."""
    parsed = make_url(url)
    driver = _ASYNC_DRIVERS.get(parsed.drivername)
    return parsed.set(drivername=driver) if driver else parsed


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def where(url: str | URL) -> str:
    """The database named for people: the SQLite file, or the server and database (no password)."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def create_engine(
    url: str | URL, *, must_exist: bool = False, timeout: float | None = DB_TIMEOUT
) -> AsyncEngine:
    """An async engine for `url`, with time limits (see the module docstring).

    `must_exist`: a SQLite file that is not there is an error rather than a new empty file
    (which would then answer "no such table" and hide the real problem). `timeout=None` is for
    importers: no limit on statements, and a longer wait for another writer's lock.
    """
    parsed = async_url(url)
    if parsed.get_backend_name() != "sqlite":
        limits: dict[str, Any] = {}
        if timeout is not None:
            limits = {
                "pool_timeout": timeout,
                "connect_args": {"timeout": timeout, "command_timeout": timeout},
            }
        # A server may restart or drop idle connections: check each one before use.
        return create_async_engine(parsed, pool_pre_ping=True, **limits)
    path = sqlite_path(parsed)
    if must_exist and path is not None:
        # URI form, so that SQLite opens the file read-write but never creates it.
        parsed = parsed.set(
            database=f"file:{quote(str(path))}", query={"mode": "rw", "uri": "true"}
        )
    engine = create_async_engine(parsed)
    _configure_sqlite(engine.sync_engine, path, timeout)
    return engine


def sqlite_writer_engine(url: str | URL, *, timeout: float = DB_TIMEOUT) -> Engine:
    """A blocking engine (the standard library's sqlite3) on an existing SQLite file, set up
    as the bot's async ones are: for `Database.run_write`'s thread."""
    parsed = async_url(url)
    path = sqlite_path(parsed)
    assert path is not None, "only for a SQLite file"
    engine = create_blocking_engine(
        parsed.set(
            drivername="sqlite+pysqlite",
            database=f"file:{quote(str(path))}",
            query={"mode": "rw", "uri": "true"},
        )
    )
    _configure_sqlite(engine, path, timeout)
    return engine


def _configure_sqlite(engine: Engine, path: Path | None, timeout: float | None) -> None:
    busy_ms = int(1000 * (timeout if timeout is not None else BUILD_BUSY_TIMEOUT))

    @event.listens_for(engine, "connect")
    def _connected(dbapi_connection, record):  # type: ignore[no-untyped-def]
        # Transactions are begun by SQLAlchemy (below), not by the driver's guesswork, so that
        # a write can take the write lock first (BEGIN IMMEDIATE) and DDL is transactional.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        if timeout is not None:  # the bot's connections (see JOURNAL in the module docstring)
            cursor.execute("PRAGMA journal_mode=PERSIST")
        cursor.close()
        record.info["file"] = file_identity(path)

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        write = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


WRITE_OPTION = "careerbot_write"  # execution option: this transaction writes (SQLite: IMMEDIATE)


def file_identity(path: Path | None) -> tuple[int, int] | None:
    """Which file `path` names now (device, inode); None when there is none."""
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


# --------------------------------------------------------------------------- faults


class FaultKind(StrEnum):
    """What is wrong with the database, as far as what to do about it goes."""

    MISSING = "missing"  # never built, file deleted, no such database or table
    UNREADABLE = "unreadable"  # damaged, truncated, not a database, another version's schema
    LOCKED = "locked"  # another program holds the SQLite file's lock
    UNREACHABLE = "unreachable"  # server down, refused, unknown host, connection lost
    REJECTED = "rejected"  # wrong password or user
    TIMEOUT = "timeout"  # no answer in time: a hung server or file system
    INVALID = "invalid"  # DATABASE_URL has options the driver does not accept


FIXES = {
    FaultKind.MISSING: "The career database is missing. Build it with: careerbot data build",
    FaultKind.UNREADABLE: (
        "The career database is unreadable (damaged, or built by another version of careerbot)."
        " Rebuild it with: careerbot data build"
    ),
    FaultKind.LOCKED: (
        "The career database is locked by another program. Close that program, or wait for it"
        " to finish"
    ),
    FaultKind.UNREACHABLE: (
        "The database server cannot be reached. Check that it is running and that DATABASE_URL"
        " names it"
    ),
    FaultKind.REJECTED: (
        "The database server rejected the password (or the user name) in DATABASE_URL. Correct it"
    ),
    FaultKind.TIMEOUT: (
        f"The database did not answer within {DB_TIMEOUT:.0f} s. Check the database server"
    ),
    FaultKind.INVALID: (
        "DATABASE_URL has an option the database driver does not accept (asyncpg takes ssl=, "
        "not sslmode=). Correct it"
    ),
}


class DatabaseFault(RuntimeError):
    """The database cannot be used right now; `kind` says why and the message names the fix."""

    def __init__(self, kind: FaultKind, message: str | None = None) -> None:
        super().__init__(message or FIXES[kind])
        self.kind = kind


class DatabaseMissing(DatabaseFault):
    """No usable career database; the message names the fix (`careerbot data build`)."""

    def __init__(self, message: str | None = None, kind: FaultKind = FaultKind.MISSING) -> None:
        super().__init__(kind, message)


_SQLITE_MESSAGES = [
    ("unable to open database file", FaultKind.MISSING),
    ("no such table", FaultKind.MISSING),
    ("database is locked", FaultKind.LOCKED),
    ("database table is locked", FaultKind.LOCKED),
    ("file is not a database", FaultKind.UNREADABLE),
    ("malformed", FaultKind.UNREADABLE),
    ("disk i/o error", FaultKind.UNREADABLE),
    ("no such column", FaultKind.UNREADABLE),
    ("readonly database", FaultKind.UNREADABLE),
]
# asyncpg's exceptions, by class name (importing asyncpg here would load it for SQLite too).
_ASYNCPG_CLASSES = {
    "InvalidPasswordError": FaultKind.REJECTED,
    "InvalidAuthorizationSpecificationError": FaultKind.REJECTED,
    "InvalidCatalogNameError": FaultKind.MISSING,
    "UndefinedTableError": FaultKind.MISSING,
    "UndefinedColumnError": FaultKind.UNREADABLE,
    "QueryCanceledError": FaultKind.TIMEOUT,
    "CannotConnectNowError": FaultKind.UNREACHABLE,
    "ConnectionDoesNotExistError": FaultKind.UNREACHABLE,
    "ConnectionFailureError": FaultKind.UNREACHABLE,
    "AdminShutdownError": FaultKind.UNREACHABLE,
    "CrashShutdownError": FaultKind.UNREACHABLE,
    "TooManyConnectionsError": FaultKind.UNREACHABLE,
    "InterfaceError": FaultKind.UNREACHABLE,
    "InternalClientError": FaultKind.UNREACHABLE,
}


def classify(error: BaseException) -> FaultKind | None:
    """The fault behind `error` (following its causes), or None if it is not a database fault."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        kind = _kind_of(current)
        if kind is not None:
            return kind
        todo += [getattr(current, "orig", None), current.__cause__, current.__context__]
    return None


def _kind_of(error: BaseException) -> FaultKind | None:
    if isinstance(error, DatabaseFault):
        return error.kind
    if isinstance(error, TimeoutError | PoolTimeout):
        return FaultKind.TIMEOUT
    name = type(error).__name__
    if type(error).__module__.startswith("asyncpg") and name in _ASYNCPG_CLASSES:
        return _ASYNCPG_CLASSES[name]
    if isinstance(error, OSError):  # refused, reset, unknown host
        return FaultKind.UNREACHABLE
    if isinstance(error, TypeError) and "unexpected keyword argument" in str(error):
        return FaultKind.INVALID  # a URL query option passed on to the driver's connect()
    if type(error).__module__ == "sqlite3":
        text = str(error).casefold()
        return next((kind for words, kind in _SQLITE_MESSAGES if words in text), None)
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return FaultKind.UNREACHABLE
    return None


def fault(error: BaseException) -> DatabaseFault | None:
    """`error` as a DatabaseFault (itself if it is one), or None if it is not a database fault."""
    if isinstance(error, DatabaseFault):
        return error
    kind = classify(error)
    return None if kind is None else DatabaseFault(kind)


# Faults a build does not fix: at start-up, `careerbot run` stops with the fix instead.
SERVER_FAULTS = (FaultKind.UNREACHABLE, FaultKind.REJECTED, FaultKind.TIMEOUT, FaultKind.INVALID)


def unusable(error: BaseException) -> DatabaseFault:
    """What to tell about a database that could not be opened: a server problem as itself
    (a build would not fix it), anything else as missing or unreadable (a build does)."""
    kind = classify(error)
    if kind in SERVER_FAULTS:
        return DatabaseFault(kind)
    if kind in (FaultKind.LOCKED, FaultKind.UNREADABLE):
        return DatabaseMissing(FIXES[kind], kind)  # the bot runs on, telling users this
    return DatabaseMissing(
        "The career database is missing or unreadable. Build it with: careerbot data build"
    )


def reason(error: BaseException) -> str:
    """The driver's own words for `error`, on one line (for logs: the cause, not the fix)."""
    if isinstance(error, DatabaseFault) and error.__cause__ is not None:
        error = error.__cause__  # the fault is the fix; its cause is what happened
    inner: BaseException = getattr(error, "orig", None) or error
    text = str(inner).strip().splitlines()
    return f"{type(inner).__name__}: {text[0]}" if text else type(inner).__name__


# --------------------------------------------------------------------------- a long-lived database


class _Replaced(Exception):
    """The SQLite file was replaced under a write transaction: redo it in the new file."""


class _SqliteWriter:
    """`Database.run_write` on one SQLite file: a blocking engine and the one thread it runs in.

    One thread, so that the file's write transactions from here run one after another, like
    the in-process turns (`_writers`) they are taken in.
    """

    def __init__(self, url: str, timeout: float) -> None:
        self.engine = sqlite_writer_engine(url, timeout=timeout)
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="careerbot-sqlite-writer")

    async def run(self, work: Callable[[Connection], T], check: Callable[[Connection], None]) -> T:
        def transaction() -> T:
            with self.engine.connect() as plain:
                conn = plain.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    check(conn)
                    return work(conn)

        return await asyncio.get_running_loop().run_in_executor(self.thread, transaction)

    async def close(self) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(self.thread, self.engine.dispose)
        finally:
            self.thread.shutdown(wait=False)


class Database:
    """The engine and sessions of one database for a long-running process (see the docstring).

    `engine` and `sessions` change when the SQLite file is replaced (`refresh`), so keep the
    Database, not them. `generation` counts the engines opened.
    """

    def __init__(
        self, url: str, *, timeout: float | None = DB_TIMEOUT, must_exist: bool = True
    ) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self.timeout = timeout
        self.must_exist = must_exist
        self.generation = 0
        self._file: tuple[int, int] | None = None
        self._checked = 0.0
        self._closing: set[asyncio.Task[None]] = set()
        self._writer: _SqliteWriter | None = None
        self._open()

    @classmethod
    def around(cls, engine: AsyncEngine) -> Database:
        """A Database using `engine` as it is (until a replaced file makes it open another)."""
        db = cls.__new__(cls)
        db.url = engine.url.render_as_string(hide_password=False)
        db.path = sqlite_path(engine.url)
        db.timeout, db.must_exist, db.generation = DB_TIMEOUT, True, 1
        db._file, db._checked, db._closing = file_identity(db.path), 0.0, set()
        db._writer = None
        db.engine, db.sessions = engine, session_factory(engine)
        return db

    def _open(self) -> None:
        self._file = file_identity(self.path)
        self.engine = create_engine(self.url, must_exist=self.must_exist, timeout=self.timeout)
        self.sessions = session_factory(self.engine)
        self.generation += 1

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def replaced(self) -> bool:
        """Whether the path now names another SQLite file (or none) than the engine opened."""
        return self.path is not None and file_identity(self.path) != self._file

    async def refresh(self, *, every: float = REFRESH_EVERY) -> bool:
        """Reopen the engine if the SQLite file was replaced; True if it did. Cheap (one stat,
        at most once per `every` seconds)."""
        now = time.monotonic()
        if self.path is None or now - self._checked < every:
            return False
        self._checked = now
        if not self.replaced():
            return False
        await self.reopen()
        return True

    async def reopen(self) -> None:
        """A new engine for whatever the path names now; the old one closes its connections
        once the transactions still using them are over."""
        old, writer, self._writer = self.engine, self._writer, None
        self._open()
        log.info("the database file %s was replaced: reopened it", self.path)
        self._close_later(old.dispose())
        if writer is not None:
            self._close_later(writer.close())

    def _close_later(self, closing: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(closing)
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncConnection]:
        """One write transaction, committed at the end; on SQLite, in the file the path names.

        The check runs under the write lock, so a build cannot replace the file between it and
        the commit (the build takes the same lock to copy and rename). A transaction that finds
        the file replaced is rolled back before it wrote anything, and its body runs again on a
        new engine: the body must be safe to run twice (the inbox's and preferences' are).
        """
        for attempt in (1, 2):
            try:
                async with _writers(self.path), self.engine.connect() as plain:
                    conn = await plain.execution_options(**{WRITE_OPTION: True})
                    async with conn.begin():
                        self._check_file(conn.info)
                        yield conn
                return
            except _Replaced:
                if attempt == 2:
                    raise DatabaseFault(FaultKind.MISSING) from None
                await self.reopen()

    async def run_write(self, work: Callable[[Connection], T]) -> T:
        """`work` — blocking SQLAlchemy Core on a Connection — as one write transaction, as
        `write` runs it (in the file the path names; redone once on a new engine if replaced,
        so it must be safe to run twice); its result.

        Why a second way. Through the async engine, a write is some nine hops between the
        event loop and aiosqlite's thread (begin, execute, fetch, commit, reset), each waiting
        for a busy loop: an inbox write took ~2.5 ms of CPU and ~9 ms at 50 updates/s — and
        the poller waits for it before fetching more. On SQLite `work` runs here in one hop,
        on a thread of its own (`_SqliteWriter`): about a third of the CPU and the time. On a
        server it runs through the async engine (`run_sync`), as `write` would.
        """
        if self.path is None or self.timeout is None:  # a server, or an importer's Database
            async with self.write() as conn:
                return await conn.run_sync(work)
        for attempt in (1, 2):
            try:
                async with _writers(self.path):
                    if self._writer is None:
                        self._writer = _SqliteWriter(self.url, self.timeout)
                    return await self._writer.run(work, lambda conn: self._check_file(conn.info))
            except _Replaced:
                if attempt == 2:
                    raise DatabaseFault(FaultKind.MISSING) from None
                await self.reopen()
        raise AssertionError("unreachable")

    def _check_file(self, info: dict[Any, Any]) -> None:
        """Under the write lock (`info`: the connection's): the file it writes to is the one
        the path names, or _Replaced."""
        if self.path is not None and (info.get("file") != self._file or self.replaced()):
            raise _Replaced

    async def close(self) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            await writer.close()
        await self.engine.dispose()
        for task in list(self._closing):
            with contextlib.suppress(Exception):
                await task


# SQLite: one lock per file and event loop, shared by every Database of this process on it.
_WRITE_LOCKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[Path, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)


def _writers(path: Path | None) -> contextlib.AbstractAsyncContextManager[object]:
    """Writers to one SQLite file in this process take turns here.

    Why. The inbox, the conversations and the chat places each write through their own
    connection. Without this, a write that finds another's transaction under way waits in
    SQLite's busy handler, which sleeps 1, 2, 5, 10, 15… ms between looks: measured at 50
    updates/s, an inbox write behind a conversation flush took 30-60 ms instead of ~9 —
    and the poller waits for that write before fetching the next updates. Here it waits
    exactly as long as the write before it. A server database has no such lock to wait for.
    """
    if path is None:
        return contextlib.nullcontext()
    locks = _WRITE_LOCKS.setdefault(asyncio.get_running_loop(), {})
    return locks.setdefault(path, asyncio.Lock())


SQLITE_WORKER = "_connection_worker_thread"  # aiosqlite's thread target, in its default name
SETTLE_LIMIT = 1.0  # seconds


async def sqlite_threads_done(limit: float = SETTLE_LIMIT) -> None:
    """Wait (briefly) for aiosqlite's worker threads to finish.

    A closed or failed aiosqlite connection hands its last result to the event loop from its
    thread after close() has returned (omnilib/aiosqlite#241); if the loop is closed first,
    the thread prints an "Event loop is closed" traceback at exit (seen in `careerbot ask`
    on a missing database, on a loaded machine). For the end of a process, once every engine
    is disposed: a connection still open keeps its thread, and is waited for `limit` seconds.
    """
    deadline = time.monotonic() + limit
    for thread in threading.enumerate():
        left = deadline - time.monotonic()
        if SQLITE_WORKER in thread.name and thread.is_alive() and left > 0:
            await asyncio.to_thread(thread.join, left)  # the loop keeps running meanwhile
