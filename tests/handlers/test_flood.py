"""Flood guard (handlers/flood.py): bursts get one polite notice, everyone else is unaffected.

The bucket arithmetic is tested with a hand-driven clock; the behaviour in the bot — notice once
per burst, presses always answered, chatter not counted, repeats answered once — with the real
Application from `build_application` polling the fake Bot API.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from bot.resolver import TitleIndex
from handlers.app import CareerbotApplication
from handlers.limits import GROUP_SLOW_DOWN, SLOW_DOWN, FloodGuard, Limit, Verdict
from tests.support.apps import bot_settings, running_bot, settled, shared_index
from tests.support.clock import Clock
from tests.support.fakebotapi import FakeBotAPI

JSONDict = dict[str, Any]
SLOW_REFILL = 1e-4  # tokens per second: nothing comes back during a test


# --------------------------------------------------------------------------- the buckets


def test_private_chat_burst_of_8_then_one_every_2_seconds() -> None:
    clock = Clock(1000.0)
    guard = FloodGuard(clock=clock)
    verdicts = [guard.take(1, "private", 1) for _ in range(12)]

    assert [v.allowed for v in verdicts] == [True] * 8 + [False] * 4
    assert [v.notice for v in verdicts[8:]] == [SLOW_DOWN, None, None, None]  # once per burst
    clock.now += 2
    assert guard.take(1, "private", 1).allowed
    assert guard.take(1, "private", 1) == Verdict(False, None)  # same burst: still quiet
    clock.now += 8  # a real pause: half the bucket back
    assert all(guard.take(1, "private", 1).allowed for _ in range(4))
    for _ in range(10):
        verdict = guard.take(1, "private", 1)
    assert verdict.notice is None  # the notice came at the start of the new burst...
    clock.now += 60
    burst = [guard.take(1, "private", 1) for _ in range(9)]
    assert burst[-1].notice == SLOW_DOWN  # ...and comes again after the next real pause


def test_others_are_unaffected_and_presses_have_their_own_bucket() -> None:
    guard = FloodGuard(clock=Clock(1000.0))
    for _ in range(20):
        guard.take(1, "private", 1)

    assert guard.take(2, "private", 2).allowed  # another user
    presses = [guard.take(1, "private", 1, press=True) for _ in range(27)]
    assert [p.allowed for p in presses] == [True] * 26 + [False]  # a full tour of the buttons


def test_group_member_is_slowed_down_before_the_group() -> None:
    guard = FloodGuard(clock=Clock(1000.0))
    flooder = [guard.take(-5, "supergroup", 1) for _ in range(10)]

    assert [v.allowed for v in flooder] == [True] * 8 + [False] * 2
    assert flooder[8].notice == SLOW_DOWN
    assert guard.take(-5, "supergroup", 2).allowed  # the rest of the group still gets answers
    members = [guard.take(-5, "supergroup", user) for user in range(3, 30)]
    allowed = sum(v.allowed for v in members)
    assert allowed == 20 - 8 - 1  # the group's 20 a minute, shared
    assert [v.notice for v in members if not v.allowed][:2] == [GROUP_SLOW_DOWN, None]
    assert guard.take(-6, "group", 1).allowed  # another group


def test_full_buckets_are_forgotten() -> None:
    clock = Clock(1000.0)
    guard = FloodGuard(clock=clock, max_buckets=10)
    for chat in range(10):
        guard.take(chat, "private", chat)
    for _ in range(8):
        guard.take(99, "private", 99)  # empty, not full: must not be forgotten
    clock.now += 10  # the first ten are full again
    guard.take(100, "private", 100)
    assert guard.take(99, "private", 99).allowed is True  # 5 tokens back: kept...
    assert len(guard._buckets) <= 3  # ...while the full ones went


# --------------------------------------------------------------------------- in the bot


def running(
    server: FakeBotAPI, db_url: str, index: TitleIndex, guard: FloodGuard | None = None
) -> contextlib.AbstractAsyncContextManager[CareerbotApplication]:
    """The real Application polling `server`, with `guard` as its flood guard."""

    def use_guard(app: CareerbotApplication) -> None:
        if guard is not None:
            app.bot_data.flood = guard

    return running_bot(bot_settings(server, db_url), shared_index(db_url, index), use_guard)


def texts(server: FakeBotAPI, chat_id: int) -> list[str]:
    return [m["text"] for m in server.sent_messages(chat_id)]


@pytest.fixture
def slow_guard() -> FloodGuard:
    slow = Limit(8, SLOW_REFILL)
    return FloodGuard(questions=slow, presses=Limit(20, SLOW_REFILL), group=Limit(20, SLOW_REFILL))


async def test_a_burst_gets_one_notice_and_others_are_answered(
    fake_bot_api: FakeBotAPI, real_db_url: str, real_index: TitleIndex, slow_guard: FloodGuard
) -> None:
    async with running(fake_bot_api, real_db_url, real_index, slow_guard) as app:
        for _ in range(12):
            fake_bot_api.inject_message("nurse vs teacher", chat_id=1, user_id=1)
        fake_bot_api.inject_message("electrician", chat_id=2, user_id=2)
        await fake_bot_api.wait_for("sendMessage", 8 + 1 + 1, timeout=20)
        await settled(fake_bot_api, app)

        answers = texts(fake_bot_api, 1)
        assert answers.count(SLOW_DOWN) == 1
        assert len(answers) == 8 + 1
        assert len(texts(fake_bot_api, 2)) == 1 and "Electricians" in texts(fake_bot_api, 2)[0]


async def test_throttled_presses_are_still_answered(
    fake_bot_api: FakeBotAPI, real_db_url: str, real_index: TitleIndex, slow_guard: FloodGuard
) -> None:
    async with running(fake_bot_api, real_db_url, real_index, slow_guard) as app:
        fake_bot_api.inject_message("nurse vs teacher", chat_id=1, user_id=1)
        await fake_bot_api.wait_for("sendMessage")
        sent = fake_bot_api.sent_messages(1)[0]
        data = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        ids = [
            fake_bot_api.inject_callback_query(data, sent, user_id=1)["callback_query"]["id"]
            for _ in range(25)
        ]
        await fake_bot_api.wait_for("answerCallbackQuery", 25, timeout=20)
        await settled(fake_bot_api, app)

        answered = fake_bot_api.calls("answerCallbackQuery")
        assert sorted(a["callback_query_id"] for a in answered) == sorted(ids)  # each once
        notices = [a for a in answered if a.get("text") == SLOW_DOWN]
        assert len(notices) == 1
        assert len(fake_bot_api.calls("editMessageText")) == 20  # the 20 let through


async def test_group_chatter_does_not_count(
    fake_bot_api: FakeBotAPI, real_db_url: str, real_index: TitleIndex, slow_guard: FloodGuard
) -> None:
    async with running(fake_bot_api, real_db_url, real_index, slow_guard) as app:
        for _ in range(30):
            fake_bot_api.inject_message("nurse vs teacher?", chat_id=-7, chat_type="group")
        fake_bot_api.inject_message("/compare nurse vs teacher", chat_id=-7, chat_type="group")
        await fake_bot_api.wait_for("sendMessage")
        await settled(fake_bot_api, app)

        (answer,) = texts(fake_bot_api, -7)
        assert "Registered Nurses" in answer


async def test_a_repeated_update_is_answered_once(
    fake_bot_api: FakeBotAPI, real_db_url: str, real_index: TitleIndex
) -> None:
    async with running(fake_bot_api, real_db_url, real_index) as app:
        raw = fake_bot_api.inject_message("nurse", chat_id=3, user_id=3)
        await fake_bot_api.wait_for("sendMessage")
        # Telegram sends it again (a webhook retry, or a batch not confirmed before a crash):
        # the inbox (handlers/inbox.py) has its id already.
        fake_bot_api.inject_raw(raw)
        fake_bot_api.inject_message("electrician", chat_id=3, user_id=3)
        await fake_bot_api.wait_for("sendMessage", 2)
        await settled(fake_bot_api, app)

        assert len(texts(fake_bot_api, 3)) == 2
