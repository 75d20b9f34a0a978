"""Crash tests: the real `careerbot run`, killed with SIGKILL in the middle of a burst, restarted,
and every question answered — by long polling, by webhook, and through several kills in a row.

The burst: 300 questions from 60 chats at 60 a second, twice what the bot may send (Delivery
keeps to Telegram's ~30 messages a second), so a backlog builds in the bot; the kill comes 4 s
in, with a hundred or so questions taken but not answered. What Telegram did is what counts:
the fake Bot API (tests/support/fakebotapi.py, in this process) records each reply it accepted,
and each reply names its question ("You asked: …"), so every question is followed. The three
runs (polling, webhook, a soak of three kills) go at once, each with its own fake and database:
each spends its time waiting on the sending limit, not on the CPU.

Duplicates. A reply sent just before the kill, to an update not yet marked done, is sent again
after the restart: the one case no Bot API client can decide (handlers/outgoing/delivery.py).
So duplicates are allowed only for updates in flight at the kill — answered before it, yet not
marked done in the inbox right after it — and at most once per kill each.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import socket
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from handlers.app import CONCURRENT_UPDATES
from handlers.webhook import SECRET_HEADER
from tests.support.fakebotapi import FakeBotAPI, Request
from tests.support.process import UNCLEAN, BotProcess
from tests.support.smalldb import QUESTIONS, SmallDatabase

CHATS = 60
RATE = 60.0  # questions a second, twice the bot's sending limit
KILL_AFTER = 4.0
WAIT = 60.0  # seconds for the last answers after the last restart
ASKED = re.compile(r"You asked: ([^<]+)<")

Question = tuple[int, str]  # (chat, text)


def burst(chats: int = CHATS, first_chat: int = 1000) -> list[Question]:
    """Every chat asks every question, the chats taking turns."""
    return [(first_chat + c, q) for q in QUESTIONS for c in range(chats)]


@dataclass
class Replies:
    """What Telegram did: the replies it accepted, by the question each answers."""

    counts: Counter[Question] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def listener(self, request: Request) -> None:
        if request.method != "sendMessage" or request.status != 200:
            return
        asked = ASKED.search(str(request.params.get("text", "")))
        if asked is not None:
            with self.lock:
                self.counts[(int(request.params["chat_id"]), asked.group(1))] += 1

    def snapshot(self) -> Counter[Question]:
        with self.lock:
            return Counter(self.counts)


@dataclass
class Run:
    """One crash test: the fake, the database, the questions asked and their update ids."""

    server: FakeBotAPI
    db: SmallDatabase
    logs: Path
    replies: Replies = field(default_factory=Replies)
    ids: dict[Question, int] = field(default_factory=dict)
    in_flight: list[set[Question]] = field(default_factory=list)  # at each kill
    exit_codes: list[int] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    started: int = 0

    def __post_init__(self) -> None:
        self.server.listen(self.replies.listener)

    def start(self, **settings: str) -> BotProcess:
        self.started += 1
        return BotProcess.start(
            self.logs / f"run-{self.started}.log",
            TELEGRAM_BOT_TOKEN=self.server.token,
            TELEGRAM_API_BASE_URL=self.server.url,
            DATABASE_URL=self.db.url,
            **settings,
        )

    async def kill(self, bot: BotProcess) -> None:
        """kill -9, then note what was in flight: answered, and not marked done (unfinished in
        the inbox, or not even stored yet: the poller answers new updates while it stores them).
        """
        bot.kill()
        await asyncio.sleep(0.5)  # what reached the fake before the kill is recorded by now
        answered = set(self.replies.snapshot())
        done = {i for i, (_, finished) in self.db.inbox(self.server.bot_id).items() if finished}
        self.in_flight.append({q for q in answered if self.ids.get(q) not in done})

    async def all_answered(self, asked: list[Question]) -> None:
        deadline = time.monotonic() + WAIT
        while not all(self.replies.counts[q] for q in asked):
            assert time.monotonic() < deadline, f"unanswered: {self.unanswered(asked)[:10]}"
            await asyncio.sleep(0.1)

    def unanswered(self, asked: list[Question]) -> list[Question]:
        return [q for q in asked if not self.replies.counts[q]]

    def check(self, asked: list[Question]) -> None:
        """Every question answered; each repeat an update in flight at a kill, once per kill."""
        counts = self.replies.snapshot()
        repeats = sum(counts.values()) - len(counts)
        flights = [len(flight) for flight in self.in_flight]
        print(f"{len(asked)} asked, {repeats} answered twice; in flight at the kills: {flights}")
        assert self.unanswered(asked) == []
        assert set(counts) == set(asked)
        for question, count in counts.items():
            allowed = 1 + sum(question in flight for flight in self.in_flight)
            assert count <= allowed, (question, count, self.in_flight)


async def paced(questions: list[Question], rate: float, send: Callable[[Question], None]) -> None:
    started = time.monotonic()
    for number, question in enumerate(questions):
        delay = started + number / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        send(question)


def polling_sender(run: Run) -> Callable[[Question], None]:
    def send(question: Question) -> None:
        chat, text = question
        run.ids[question] = run.server.inject_message(text, chat_id=chat, user_id=chat)["update_id"]

    return send


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def telegram_posting(
    run: Run, port: int, secret: str, asked: list[Question]
) -> Awaitable[None]:
    """Telegram's side of the webhook: each update POSTed, and again until it gets 200."""
    client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5)
    deliveries: set[asyncio.Task[None]] = set()
    connections = asyncio.Semaphore(40)  # Telegram's default max_connections

    async def deliver(update: dict[str, object]) -> None:
        while True:
            async with connections:
                try:
                    response = await client.post(
                        "/hook", json=update, headers={SECRET_HEADER: secret}
                    )
                    if response.status_code == 200:
                        return
                except httpx.TransportError:
                    pass
            await asyncio.sleep(0.25)

    def send(question: Question) -> None:
        chat, text = question
        update = run.server.inject_message(text, chat_id=chat, user_id=chat)
        run.ids[question] = update["update_id"]
        task = asyncio.create_task(deliver(update))
        deliveries.add(task)

    async def all_delivered() -> None:
        try:
            await paced(asked, RATE, send)
            await asyncio.gather(*deliveries)
        finally:
            await client.aclose()

    return all_delivered()


async def polling_crash(where: Path) -> tuple[Run, list[Question]]:
    """The burst by long polling, a kill 4 s in, a restart."""
    asked = burst()
    with FakeBotAPI() as server:
        run = Run(server, await SmallDatabase.build(where), where)
        bot = run.start()
        await bot.wait_for_line("careerbot is polling")
        sending = asyncio.create_task(paced(asked, RATE, polling_sender(run)))
        await asyncio.sleep(KILL_AFTER)
        await run.kill(bot)
        again = run.start()
        await sending
        await run.all_answered(asked)
        run.exit_codes.append(await again.terminate())
        run.outputs.append(again.output())
    return run, asked


async def webhook_crash(where: Path) -> tuple[Run, list[Question]]:
    """The burst POSTed to the webhook as Telegram does, a kill 4 s in, a restart."""
    asked = burst(first_chat=2000)
    port, secret = free_port(), secrets.token_urlsafe(16)
    webhook = {
        "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "TELEGRAM_WEBHOOK_SECRET": secret,
        "TELEGRAM_WEBHOOK_LISTEN": f"127.0.0.1:{port}",
    }
    with FakeBotAPI() as server:
        run = Run(server, await SmallDatabase.build(where), where)
        bot = run.start(**webhook)
        await bot.wait_for_line("careerbot is serving its webhook")
        posting = asyncio.create_task(await telegram_posting(run, port, secret, asked))
        await asyncio.sleep(KILL_AFTER)
        await run.kill(bot)
        again = run.start(**webhook)  # the same name (host and port): takes over at once
        await posting
        await run.all_answered(asked)
        run.exit_codes.append(await again.terminate())
        run.outputs.append(again.output())
    return run, asked


async def soak(where: Path) -> tuple[Run, list[Question]]:
    """A slower stream by long polling, with three kills, each followed by a restart."""
    asked = burst(chats=30, first_chat=3000)
    with FakeBotAPI() as server:
        run = Run(server, await SmallDatabase.build(where), where)
        bot = run.start()
        await bot.wait_for_line("careerbot is polling")
        sending = asyncio.create_task(paced(asked, RATE / 2, polling_sender(run)))
        for _ in range(3):
            await asyncio.sleep(1.0)  # answering for a while...
            await run.kill(bot)  # ...killed...
            bot = run.start()  # ...and restarted at once, as a supervisor does
            await bot.wait_for_line("careerbot is polling")
        await sending
        await run.all_answered(asked)
        run.exit_codes.append(await bot.terminate())
        run.outputs.append(bot.output())
    return run, asked


@pytest.fixture(scope="module")
def crashes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, list[Question]]]:
    """The three runs at once: each waits mostly on Telegram's sending limit, not on the CPU."""
    runs = {"polling": polling_crash, "webhook": webhook_crash, "soak": soak}

    async def everything() -> list[tuple[Run, list[Question]]]:
        return await asyncio.gather(
            *(run(tmp_path_factory.mktemp(name)) for name, run in runs.items())
        )

    return dict(zip(runs, asyncio.run(everything()), strict=True))


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_a_bot_killed_mid_burst_loses_nothing(
    crashes: dict[str, tuple[Run, list[Question]]], mode: str
) -> None:
    run, asked = crashes[mode]
    (in_flight,) = run.in_flight
    assert len(in_flight) < CONCURRENT_UPDATES + 30  # the update slots, a second of sends
    run.check(asked)
    assert run.exit_codes == [0]
    assert not any(word in run.outputs[0] for word in UNCLEAN), run.outputs[0]


def test_soak_several_kills_in_a_row_lose_nothing(
    crashes: dict[str, tuple[Run, list[Question]]],
) -> None:
    run, asked = crashes["soak"]
    assert len(run.in_flight) == 3
    run.check(asked)
    assert run.exit_codes == [0]
