"""Soak: the real Application under Telegram's faults answers every update exactly once.

The bot from `bot.app.build_application` polls the fake Bot API (tests/fakebotapi.py) while
50 chats (40 private, 10 groups) send 2,000 questions and button presses, and a seeded fault
policy hits more than 10% of the Bot API calls.

Fault model (what the fake does; `handlers.delivery` is the bot's side):

* 429 "retry after 1" — refused, not done; the chat must wait, the other chats must not.
* 500/502/503 — refused, not done.
* dropped connection — closed without an answer, not done.
* timeout — done, but the answer comes after the client gave up: for edits and callback
  answers past the client's read timeout (0.5 s here); for new messages past the read timeout
  but within `Delivery.send_timeout`, since a send that really times out is never repeated
  (see test_a_send_that_timed_out_is_not_sent_again).
* "message is not modified" for an edit, "query is too old" for a callback answer (final).
* getUpdates: 502, a dropped connection, answers after the client's timeout.
* one user blocks the bot right after asking (403 "bot was blocked by the user"), then
  unblocks; one group becomes a supergroup while its question is being answered (400 with
  parameters.migrate_to_chat_id).

Each request is faulted at most on its first two attempts, so a policy with 3 retries always
gets through; which request is faulted depends only on the seed and the request's content, not
on timing.

"Exactly once". Telegram delivers updates at least once and carries out a call it received
even when its answer is lost; so the fake counts what *Telegram did*, not what the bot saw. An
update is answered when Telegram carried out its reply: a sendMessage for a message, an
answerCallbackQuery for a press. Exactly once = one such success per update — not zero (lost)
and not two (a retry of a call that had in fact been done, or an apology after the answer).
Two outcomes are final without a success, and then exactly one attempt is allowed: the user
blocked the bot (403), and Telegram reports the press as too old — unless an earlier try was
answered after the bot stopped waiting for it (a late 200): Telegram calls the retry too old.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from bot import callbacks
from bot.resolver import TitleIndex
from handlers.app import CareerbotApplication
from handlers.limits import FloodGuard, Limit
from handlers.outgoing.delivery import Delivery
from handlers.outgoing.transport import AiohttpRequest
from handlers.replying import SORRY
from tests.support.apps import bot_settings, running_bot, shared_index
from tests.support.fakebotapi import (
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    BotAPIError,
    FakeBotAPI,
    Fault,
    Request,
)

# PTB itself warns while building every RetryAfter (v22.2 deprecation of an int retry_after).
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*retry_after:telegram.warnings.PTBDeprecationWarning"
)

JSONDict = dict[str, Any]
SEED = 6
PRIVATE_CHATS, GROUP_CHATS, UPDATES_PER_CHAT = 40, 10, 40
READ_TIMEOUT = 0.3  # the client's, for everything but new messages
SEND_TIMEOUT = 3.0  # Delivery.send_timeout in this test
LATE = 0.5  # how late a "timeout" answer comes: past READ_TIMEOUT, within SEND_TIMEOUT
REPLIES = ("sendMessage", "editMessageText", "answerCallbackQuery")
WAIT = 20.0  # longest a user waits for an answer before the test calls it lost
UNLIMITED = Limit(burst=1e9, per_second=1e9)

PRIVATE_QUESTIONS = [
    "nurse vs teacher",
    "electrician",
    "medical collections vs loss mitigation",
    "plumber vs electrician",
    "software developer",
    "accountant vs auditor",
    "nurce vs tacher",
    "chef",
    "truck driver vs welder",
    "what pays more, dentist or pharmacist?",
    "hello",
    "/start",
    "/help",
    "/about",
    "/compare",
    "/job",
    "/nonsense",
]
GROUP_QUESTIONS = ["nurse vs teacher", "electrician", "plumber vs welder", "accountant", "chef"]


# --------------------------------------------------------------------------- set-up


def short_timeouts(app: CareerbotApplication, read: float) -> None:
    """Lower the HTTP client's timeouts after `build_application` (getUpdates adds its long-poll
    timeout on top of `read`). PTB keeps the requests in a private attribute only."""
    for request in app.bot._request:
        assert isinstance(request, AiohttpRequest)
        request.timeouts = replace(request.timeouts, read=read, connect=1.0, pool=5.0)


def delivery_of(app: CareerbotApplication) -> Delivery:
    limiter = app.bot.rate_limiter
    assert isinstance(limiter, Delivery)
    return limiter


@contextlib.asynccontextmanager
async def running(
    server: FakeBotAPI, db_url: str, index: TitleIndex
) -> AsyncIterator[CareerbotApplication]:
    """The real Application, configured for a fast test, polling `server` with short polls.

    Changed from production: short client timeouts (above), no throttling to Telegram's rates
    and no flood guard (these users are machines; both are tested on their own), and short
    back-offs — all on the built Application, so this is the wiring `careerbot run` uses.
    """

    def for_a_fast_test(app: CareerbotApplication) -> None:
        short_timeouts(app, READ_TIMEOUT)
        delivery = delivery_of(app)
        delivery.set_limits(0, 0)
        delivery.backoff, delivery.send_timeout = 0.05, SEND_TIMEOUT
        app.bot_data.flood = FloodGuard(UNLIMITED, UNLIMITED, UNLIMITED)

    settings = bot_settings(server, db_url)
    async with running_bot(settings, shared_index(db_url, index), for_a_fast_test) as app:
        try:
            yield app
        finally:
            server.set_fault_policy(None)  # let the shutdown's own calls through


# --------------------------------------------------------------------------- faults


# (probability, kind) per method, for a request's first two attempts
PLAN: dict[str, list[tuple[float, str]]] = {
    "sendMessage": [(0.03, "429"), (0.05, "5xx"), (0.04, "drop"), (0.04, "late")],
    "editMessageText": [
        (0.03, "429"),
        (0.04, "5xx"),
        (0.03, "drop"),
        (0.04, "late"),
        (0.02, "not modified"),
    ],
    "answerCallbackQuery": [
        (0.02, "429"),
        (0.04, "5xx"),
        (0.04, "drop"),
        (0.04, "late"),
        (0.01, "too old"),
    ],
    "sendChatAction": [(0.05, "5xx"), (0.05, "late")],
}
GET_UPDATES = {15: "5xx", 60: "drop", 100: "late", 150: "late", 200: "5xx"}  # call number


class Faults:
    """The seeded fault policy: a request's fate depends on the seed and its content only."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.attempts: Counter[tuple[Any, ...]] = Counter()
        self.polls = 0
        self.injected: Counter[str] = Counter()
        self.too_old: set[str] = set()

    def __call__(self, method: str, params: JSONDict) -> Fault | None:
        if method == "getUpdates":
            self.polls += 1
            kind = GET_UPDATES.get(self.polls)
            late = float(params.get("timeout") or 0) + READ_TIMEOUT + 0.5
            return self.fault(kind, method, late, random.Random(self.polls)) if kind else None
        plan = PLAN.get(method)
        if plan is None:
            return None
        text = str(params.get("text", ""))
        key = (
            method,
            params.get("chat_id"),
            params.get("message_id"),
            params.get("callback_query_id"),
            zlib.crc32(text.encode()),
        )
        attempt = self.attempts[key]
        self.attempts[key] += 1
        if attempt >= 2:
            return None
        rng = random.Random(f"{self.seed}:{key}:{attempt}")
        roll = rng.random()
        for probability, kind in plan:
            if roll < probability:
                if kind == "too old":
                    self.too_old.add(str(params["callback_query_id"]))
                return self.fault(kind, method, LATE, rng)
            roll -= probability
        return None

    def fault(self, kind: str, method: str, late: float, rng: random.Random) -> Fault:
        self.injected[f"{method} {kind}"] += 1
        if kind == "429":
            return Fault(BotAPIError(429, "Too Many Requests: retry after 1", {"retry_after": 1}))
        if kind == "5xx":
            return Fault(BotAPIError(rng.choice([500, 502, 503])))
        if kind == "drop":
            return Fault(drop=True)
        if kind == "late":
            return Fault(delay=late)
        if kind == "not modified":
            return Fault(BotAPIError(400, NOT_MODIFIED))
        return Fault(BotAPIError(400, QUERY_TOO_OLD))


# --------------------------------------------------------------------------- what Telegram did


class Ledger:
    """What the fake server did, fed from its thread; waiters are woken in the event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.sent: Counter[int] = Counter()  # chat -> successful sendMessage/sendPhoto
        self.sorry: Counter[int] = Counter()
        self.forbidden: Counter[int] = Counter()
        self.answers: defaultdict[str, list[int | None]] = defaultdict(list)
        self.calls: Counter[str] = Counter()
        self.faulted: Counter[str] = Counter()
        self.waiters: list[tuple[Callable[[], bool], asyncio.Future[None]]] = []

    def listener(self, request: Request) -> None:
        """Runs in the server thread: copy what matters and hand over to the loop."""
        facts = (request.method, request.params.get("chat_id"), request.status, request.fault)
        extra = request.params.get("callback_query_id") or request.params.get("text")
        with contextlib.suppress(RuntimeError):  # the loop is gone: the test is over
            self.loop.call_soon_threadsafe(self.record, *facts, extra)

    def record(self, method: str, chat: Any, status: int | None, fault: Any, extra: Any) -> None:
        self.calls[method] += 1
        if fault:
            self.faulted[method] += 1
        if method in ("sendMessage", "sendPhoto") and status == 200:
            self.sent[chat] += 1
            self.sorry[chat] += extra == SORRY
        if method == "sendMessage" and status == 403:
            self.forbidden[chat] += 1
        if method == "answerCallbackQuery":
            self.answers[str(extra)].append(status)
        for check, future in list(self.waiters):
            if not future.done() and check():
                future.set_result(None)

    def answered(self, query_id: str) -> bool:
        return any(status in (200, 400) for status in self.answers.get(query_id, []))

    async def until(self, check: Callable[[], bool]) -> bool:
        """Whether `check` became true within WAIT seconds."""
        if check():
            return True
        future: asyncio.Future[None] = self.loop.create_future()
        entry = (check, future)
        self.waiters.append(entry)
        try:
            await asyncio.wait_for(future, WAIT)
            return True
        except TimeoutError:
            return False
        finally:
            self.waiters.remove(entry)


# --------------------------------------------------------------------------- the users


@dataclass
class Conversation:
    """One chat's users: ask, wait for the answer, press its buttons, ask again."""

    server: FakeBotAPI
    ledger: Ledger
    version: str
    chat_id: int
    chat_type: str
    rng: random.Random
    ids: list[int] = field(default_factory=list)  # every id the chat had (migration)
    questions: int = 0  # messages that must be answered
    presses: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    blocked_at: int | None = None
    migrate_to: int | None = None
    migrate_at: int | None = None

    def __post_init__(self) -> None:
        self.ids.append(self.chat_id)

    @property
    def sent(self) -> int:
        return sum(self.ledger.sent[i] for i in self.ids)

    def last_answer(self) -> JSONDict | None:
        for chat in reversed(self.ids):
            last = self.server.last_message(chat)
            if last is not None:
                return last
        return None

    def user(self) -> int:
        return self.chat_id if self.chat_type == "private" else 5000 + self.rng.randrange(3)

    async def run(self, updates: int) -> None:
        last_press: str | None = None
        for number in range(updates):
            answer = self.last_answer()
            buttons = self.buttons(answer)
            special = number in (self.blocked_at, self.migrate_at)
            if number and buttons and not special and self.rng.random() < 0.4:
                double_tap = last_press in buttons and self.rng.random() < 0.15
                last_press = last_press if double_tap else self.rng.choice(buttons)
                assert answer is not None and last_press is not None
                await self.press(last_press, answer)
            else:
                await self.ask(number, answer)

    def buttons(self, answer: JSONDict | None) -> list[str]:
        rows = (answer or {}).get("reply_markup", {}).get("inline_keyboard", [])
        datas = [b["callback_data"] for row in rows for b in row if "callback_data" in b]
        return [d for d in datas if callbacks.decode(d, self.version).view != "chart"]  # slow

    async def press(self, data: str, answer: JSONDict) -> None:
        update = self.server.inject_callback_query(data, answer, user_id=self.user())
        query_id = update["callback_query"]["id"]
        self.presses.append(query_id)
        if not await self.ledger.until(lambda: self.ledger.answered(query_id)):
            self.lost.append(f"press {query_id} in {self.chat_id}")

    async def ask(self, number: int, answer: JSONDict | None) -> None:
        if self.chat_type == "private":
            text, reply_to = self.rng.choice(PRIVATE_QUESTIONS), None
        else:
            question = self.rng.choice(GROUP_QUESTIONS)
            text, reply_to = self.rng.choice(
                [
                    (f"/compare {question}", None),
                    (f"@{self.server.bot_username} {question}", None),
                    (question, answer),  # a reply to the bot's last answer
                ]
            )
            if reply_to is None and text == question:
                text = f"/job {question}"
        self.server.inject_message(
            text,
            chat_id=self.chat_id,
            chat_type=self.chat_type,
            user_id=self.user(),
            reply_to_message=reply_to,
        )
        if number == self.blocked_at:  # blocks the bot before the answer comes
            self.server.block(self.chat_id)
            if not await self.ledger.until(lambda: self.ledger.forbidden[self.chat_id] > 0):
                self.lost.append(f"no attempt to answer the blocked user {self.chat_id}")
            self.server.unblock(self.chat_id)  # ...and comes back
            return
        if number == self.migrate_at and self.migrate_to is not None:  # while being answered
            self.server.migrate_group(self.chat_id, self.migrate_to)
            self.chat_id, self.chat_type = self.migrate_to, "supergroup"
            self.ids.append(self.chat_id)
        self.questions += 1
        expected = self.questions
        if not await self.ledger.until(lambda: self.sent >= expected):
            self.lost.append(f"message {number} ({text!r}) in {self.ids}")


# --------------------------------------------------------------------------- the soak


async def test_soak_every_update_answered_exactly_once_under_faults(
    fake_bot_api: FakeBotAPI, real_db_url: str, real_index: TitleIndex
) -> None:
    server = fake_bot_api
    ledger = Ledger(asyncio.get_running_loop())
    faults = Faults(SEED)
    server.listen(ledger.listener)
    async with running(server, real_db_url, real_index) as app:
        core = app.bot_data.core
        assert core is not None
        version = core.version
        rng = random.Random(SEED)
        chats = [
            Conversation(server, ledger, version, 2000 + n, "private", random.Random(rng.random()))
            for n in range(PRIVATE_CHATS)
        ] + [
            Conversation(server, ledger, version, -3000 - n, "group", random.Random(rng.random()))
            for n in range(GROUP_CHATS)
        ]
        chats[7].blocked_at = 15
        chats[-1].migrate_to, chats[-1].migrate_at = -1_009_000_003_009, 20
        server.set_fault_policy(faults)
        started = time.monotonic()
        await asyncio.gather(*(chat.run(UPDATES_PER_CHAT) for chat in chats))
        await asyncio.sleep(LATE + 1.5)  # late duplicates would arrive by now
        server.set_fault_policy(None)
        elapsed = time.monotonic() - started

        lost = [item for chat in chats for item in chat.lost]
        assert not lost, f"lost: {lost[:10]}"
        duplicates = {
            chat.chat_id: (chat.sent, chat.questions)
            for chat in chats
            if chat.sent != chat.questions
        }
        assert not duplicates, f"chat: (answers, questions): {duplicates}"
        assert sum(ledger.sorry.values()) == 0
        for chat in chats:
            for query in chat.presses:
                statuses = ledger.answers[query]
                if query in faults.too_old:
                    # A retry told "too old" ends it. The try before may have been answered
                    # late (200 after the bot gave up waiting): Telegram then says "too old" too.
                    assert statuses[-1] == 400 and statuses.count(400) == 1, statuses
                    assert statuses.count(200) <= 1, statuses
                else:
                    assert statuses.count(200) == 1, (query, statuses)
        assert ledger.forbidden[chats[7].ids[0]] == 1  # not retried, no apology attempted

        updates = sum(chat.questions + len(chat.presses) for chat in chats) + 1  # + the blocked
        calls, faulted = sum(ledger.calls.values()), sum(ledger.faulted.values())
        replies = sum(ledger.calls[m] for m in REPLIES)
        faulted_replies = sum(ledger.faulted[m] for m in REPLIES)
        assert updates >= 2000
        assert faulted_replies / replies >= 0.10, (faulted_replies, replies)
        print(
            f"\nsoak: {updates} updates ({sum(len(c.presses) for c in chats)} presses) in "
            f"{len(chats)} chats in {elapsed:.1f} s; {calls} API calls, {faulted} faulted; "
            f"replies {replies}, {faulted_replies} faulted "
            f"({100 * faulted_replies / replies:.0f}%): {sorted(faults.injected.items())}"
        )

        # Still serving: a new chat, the user who had blocked the bot, the migrated group.
        for chat_id, chat_type, text in (
            (9999, "private", "nurse"),
            (chats[7].chat_id, "private", "nurse"),
            (chats[-1].chat_id, "supergroup", "/job nurse"),
        ):
            assert await still_answers(server, ledger, chat_id, chat_type, text)
    server.listen(None)


async def still_answers(
    server: FakeBotAPI, ledger: Ledger, chat_id: int, chat_type: str, text: str
) -> bool:
    before = ledger.sent[chat_id]
    server.inject_message(text, chat_id=chat_id, chat_type=chat_type, user_id=abs(chat_id))
    return await ledger.until(lambda: ledger.sent[chat_id] > before)


async def test_retry_after_in_one_chat_does_not_hold_up_the_others(
    fake_bot_api: FakeBotAPI, real_db_url: str, real_index: TitleIndex
) -> None:
    server = fake_bot_api
    async with running(server, real_db_url, real_index):
        server.inject_message("warm up", chat_id=3, user_id=3)
        await server.wait_for("sendMessage")
        server.fail_next("sendMessage", 429, retry_after=2, chat_id=1)
        server.inject_message("nurse vs teacher", chat_id=1, user_id=1)
        await until(lambda: status_times(server, 1, 429) != [])
        server.inject_message("electrician", chat_id=2, user_id=2)
        await until(lambda: status_times(server, 2, 200) != [])
        await until(lambda: status_times(server, 1, 200) != [], seconds=5)

        (refused,) = status_times(server, 1, 429)
        (a_answered,) = status_times(server, 1, 200)
        (b_answered,) = status_times(server, 2, 200)
        b_after, a_after = b_answered - refused, a_answered - refused
        print(f"\n429 retry_after=2 in chat A: B answered after {b_after:.3f} s, A {a_after:.3f} s")
        assert b_after < 1.0  # not held up by A's 2 s (typically ~0.02 s)
        assert a_after >= 2.0  # A waited as told, and got its answer once
        assert len(server.sent_messages(1)) == len(server.sent_messages(2)) == 1


def status_times(server: FakeBotAPI, chat_id: int, status: int) -> list[float]:
    return [
        r.time
        for r in server.requests
        if r.method == "sendMessage" and r.params.get("chat_id") == chat_id and r.status == status
    ]


async def until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.005)
