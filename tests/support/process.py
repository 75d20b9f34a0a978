"""The real `careerbot run` in a subprocess, as an operator or a supervisor runs it: started with
settings in its environment, killed with SIGKILL, stopped with SIGTERM, its output read whole.

Output goes to a file, not a pipe, so a chatty bot never blocks on a full pipe while the test
is busy elsewhere.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = [name.upper() for name in Settings.model_fields]
# What a clean exit must not print: tracebacks, asyncio's and aiohttp's complaints.
UNCLEAN = (
    "Traceback",
    "Task was destroyed",
    "Unclosed",
    "Exception ignored",
    "was never awaited",
)


def run_env(**settings: str) -> dict[str, str]:
    """The environment of a `careerbot run`: the test's own, without careerbot's settings from
    outside, plus `settings` (TELEGRAM_BOT_TOKEN=..., DATABASE_URL=...)."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    env.update(PYTHONUNBUFFERED="1", CAREERBOT_LOG_LEVEL="INFO", **settings)
    return env


@dataclass
class BotProcess:
    """One `careerbot run`."""

    process: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(cls, log: Path, **settings: str) -> BotProcess:
        handle = log.open("ab")
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=ROOT,
                env=run_env(**settings),
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        finally:
            handle.close()
        return cls(process, log)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    async def exit_code(self, timeout: float = 30.0) -> int:  # noqa: ASYNC109
        """Wait for the process to end by itself; its exit code."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"careerbot run did not exit:\n{self.output()[-3000:]}")
            await asyncio.sleep(0.05)
        return self.process.returncode

    def kill(self) -> None:
        """kill -9: no clean-up of any kind."""
        if self.alive:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    async def terminate(self, timeout: float = 30.0) -> int:  # noqa: ASYNC109
        """SIGTERM, as a supervisor stops it; the exit code."""
        if self.alive:
            self.process.send_signal(signal.SIGTERM)
        return await self.exit_code(timeout)

    async def wait_for_line(self, words: str, timeout: float = 30.0) -> None:  # noqa: ASYNC109
        deadline = time.monotonic() + timeout
        while words not in self.output():
            if not self.alive or time.monotonic() > deadline:
                raise AssertionError(f"no {words!r} from careerbot run:\n{self.output()[-3000:]}")
            await asyncio.sleep(0.05)
