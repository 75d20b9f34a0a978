"""The PostgreSQL server the `postgres` tests use, named by CAREERBOT_TEST_POSTGRES_URL.

`.ci/run` installs Debian's PostgreSQL, starts a throwaway cluster on loopback and sets the
variable; without it those tests are skipped — unless CAREERBOT_REQUIRE_POSTGRES=1 (as in CI),
where a missing server fails them instead. The database it names is overwritten.

The recovery tests also stop, start and pause (SIGSTOP) that server while the bot runs: they
need CAREERBOT_TEST_POSTGRES_CTL (the pg_ctl command with its data directory, run as the
server's owner) and CAREERBOT_TEST_POSTGRES_DATA (the data directory, for the server's pid),
which `.ci/run` exports too. Never point these at a server others use.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store import models
from store.db import create_engine

ENV = "CAREERBOT_TEST_POSTGRES_URL"
URL = os.environ.get(ENV, "").strip()

REQUIRED = os.environ.get("CAREERBOT_REQUIRE_POSTGRES", "") == "1"

requires_postgres = pytest.mark.skipif(
    not URL and not REQUIRED,
    reason=f"{ENV} is not set: no PostgreSQL server to test against (`.ci/run` starts one)",
)
CTL = os.environ.get("CAREERBOT_TEST_POSTGRES_CTL", "").strip()
DATA = os.environ.get("CAREERBOT_TEST_POSTGRES_DATA", "").strip()
requires_postgres_control = pytest.mark.skipif(
    not (URL and CTL and DATA) and not REQUIRED,
    reason="CAREERBOT_TEST_POSTGRES_CTL/_DATA are not set: no server the tests may stop",
)


class Server:
    """The test server, to stop, start and pause while the bot runs (see the docstring)."""

    def __init__(self, ctl: str, data: str) -> None:
        self.ctl = shlex.split(ctl)
        self.data = Path(data)

    @classmethod
    def from_environment(cls) -> Server:
        if not (URL and CTL and DATA):
            pytest.fail(
                "the PostgreSQL recovery tests need CAREERBOT_TEST_POSTGRES_URL, _CTL and _DATA "
                "(.ci/run sets them)"
            )
        return cls(CTL, DATA)

    def _pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.ctl, *args], capture_output=True, text=True, timeout=90, check=False
        )

    def running(self) -> bool:
        return self._pg_ctl("status").returncode == 0

    def stop(self) -> None:
        done = self._pg_ctl("stop", "-m", "fast")
        assert done.returncode == 0, done.stderr

    def start(self) -> None:
        if not self.running():
            done = self._pg_ctl("start")
            assert done.returncode == 0, done.stderr

    def processes(self) -> list[int]:
        """The postmaster and its children (backends, background workers)."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == postmaster:  # the parent's pid
                    children.append(int(stat.parent.name))
        return [postmaster, *children]

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """The server hung: every one of its processes stopped (SIGSTOP), then resumed."""
        stopped = []
        try:
            for pid in self.processes():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGSTOP)
                    stopped.append(pid)
            yield
        finally:
            for pid in stopped:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)


async def drop_everything(url: str) -> None:
    """An empty database, chat preferences included: each run starts from nothing."""
    engine = create_engine(url, timeout=None)  # whole tables: longer than a bot query
    try:
        async with engine.begin() as conn:
            await conn.run_sync(models.Base.metadata.drop_all)
    finally:
        await engine.dispose()


async def all_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in primary-key order, as Python values."""
    engine = create_engine(url, timeout=None)  # whole tables: longer than a bot query
    try:
        async with engine.connect() as conn:
            return {
                t.name: [
                    tuple(row)
                    for row in await conn.execute(select(t).order_by(*t.primary_key.columns))
                ]
                for t in models.Base.metadata.sorted_tables
            }
    finally:
        await engine.dispose()


async def counts(url: str) -> dict[str, int]:
    engine = create_engine(url, timeout=None)  # whole tables: longer than a bot query
    try:
        async with engine.connect() as conn:
            return {
                t.name: (await conn.scalar(select(func.count()).select_from(t))) or 0
                for t in models.Base.metadata.sorted_tables
            }
    finally:
        await engine.dispose()
