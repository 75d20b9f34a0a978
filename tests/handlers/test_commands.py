"""Slash commands (handlers.commands): /start, /help, /about, /compare, /job, /quiz, /state."""

from __future__ import annotations

import pytest

from tests.support.recording import (
    BOT_USERNAME,
    Bot,
    bot_message,
    button_data,
    callback,
    group_message,
    private_message,
)


async def test_start_greets_with_three_example_buttons_that_compare(bot: Bot) -> None:
    await bot.receive(private_message("/start"))

    sent = bot.only_sent()
    assert sent["text"].startswith("Hi!")
    examples = button_data(sent)
    assert len(examples) == 3

    await bot.receive(callback(examples[0], bot_message(sent["text"])))
    assert "Bill and Account Collectors" in bot.edits()[0]["text"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/help", "Send two to four job titles"),
        ("/about", "O*NET"),
        ("/compare", "/compare nurse vs teacher"),
        ("/job", "/job electrician"),
        ("/frobnicate", "Send two to four job titles"),  # unknown command in private: the help
    ],
)
async def test_commands_and_usage_hints(bot: Bot, command: str, expected: str) -> None:
    await bot.receive(private_message(command))

    sent = bot.only_sent()
    assert expected in sent["text"]
    assert sent["link_preview_options"] == {"is_disabled": True}  # /about has a licence URL


async def test_compare_and_job_commands_answer_their_argument(bot: Bot) -> None:
    await bot.receive(private_message("/compare medical collections vs loss mitigation"))
    await bot.receive(private_message("/job nurse"))

    comparison, profile = bot.sent()
    assert "Bill and Account Collectors" in comparison["text"]
    assert "Registered Nurses" in profile["text"]


async def test_quiz_command_starts_the_interest_quiz_in_private_and_invites_in_groups(
    bot: Bot,
) -> None:
    await bot.receive(private_message("/quiz"))
    first_item = bot.only_sent()
    assert "Interest quiz" in first_item["text"] and " 1 of " in first_item["text"]
    assert button_data(first_item)  # its answer buttons
    bot.telegram.calls.clear()

    await bot.receive(group_message(f"/quiz@{BOT_USERNAME}"))
    invitation = bot.only_sent()
    assert "private" in invitation["text"]
    (link,) = [b for row in invitation["reply_markup"]["inline_keyboard"] for b in row]
    assert link["url"].endswith("?start=quiz")  # to the private chat: no answers in the group


async def test_state_command_makes_later_answers_local(bot: Bot) -> None:
    await bot.receive(private_message("/state TX"))
    assert "Texas" in bot.only_sent()["text"]
    bot.telegram.calls.clear()
    await bot.receive(private_message("nurse vs teacher"))
    assert "Texas" in bot.only_sent()["text"]
    await bot.receive(private_message("/state US"))
