"""The advisor's answers through the real handlers: lists page in place, the quiz edits one
message, and in a group the quiz is an invitation to a private chat (a deep link)."""

from __future__ import annotations

import pytest

from tests.support.recording import (
    BOT_USERNAME,
    GROUP,
    Bot,
    bot_message,
    callback,
    group_message,
    private_message,
)

pytestmark = pytest.mark.realdata


def buttons(params: dict[str, object]) -> list[dict[str, str]]:
    markup = params.get("reply_markup") or {"inline_keyboard": []}
    assert isinstance(markup, dict)
    return [b for row in markup["inline_keyboard"] for b in row]


async def test_in_a_group_the_quiz_invites_to_a_private_chat(bot: Bot) -> None:
    await bot.receive(group_message(f"@{BOT_USERNAME} what career fits me?"))

    sent = bot.only_sent()
    assert "private chat" in sent["text"]
    (link,) = buttons(sent)
    assert link["url"] == f"https://t.me/{BOT_USERNAME}?start=quiz"
    assert sent["reply_parameters"]["message_id"]  # groups: the answer quotes the question


async def test_the_deep_link_starts_the_quiz_in_private(bot: Bot) -> None:
    await bot.receive(private_message("/start quiz"))

    sent = bot.only_sent()
    assert "Interest quiz" in sent["text"] and "1 of 18" in sent["text"]
    answer = next(b["callback_data"] for b in buttons(sent) if b["text"] == "👍")
    await bot.receive(callback(answer, bot_message(sent["text"])))
    assert "2 of 18" in bot.edits()[-1]["text"]


async def test_plain_start_still_greets(bot: Bot) -> None:
    await bot.receive(private_message("/start"))
    assert bot.only_sent()["text"].startswith("Hi!")


async def test_a_ranking_pages_in_place(bot: Bot) -> None:
    await bot.receive(private_message("highest paying jobs in ohio"))

    sent = bot.only_sent()
    assert "Best-paying jobs" in sent["text"] and "Ohio" in sent["text"]
    more = next(b["callback_data"] for b in buttons(sent) if b["text"].startswith("Next"))
    await bot.receive(callback(more, bot_message(sent["text"])))
    assert "Page 2 of" in bot.edits()[-1]["text"]


async def test_a_group_command_asks_the_advisor_too(bot: Bot) -> None:
    await bot.receive(group_message(f"/job@{BOT_USERNAME} how do i become a welder"))
    sent = bot.only_sent()
    assert "How to become" in sent["text"] and sent["chat_id"] == GROUP["id"]
