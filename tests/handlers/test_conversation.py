"""Conversations through the handlers: follow-ups in private chats, per member in groups, a
reply continuing the answer it replies to, and the thread surviving a restart of the bot.

First through `process_update` (tests/support/recording.py), then end to end against the fake
Bot API over loopback HTTP.
"""

from __future__ import annotations

from bot.config import Settings
from bot.resolver import TitleIndex
from tests.support.apps import Chat, running_bot, shared_index
from tests.support.fakebotapi import FakeBotAPI
from tests.support.recording import BEN, BOT_USERNAME, Bot, group_message, private_message


async def test_a_private_follow_up_continues_the_last_answer(bot: Bot) -> None:
    await bot.receive(private_message("nurse vs teacher"))
    await bot.receive(private_message("what about in Ohio?"))
    follow_up = bot.sent()[-1]
    assert "Registered Nurses" in follow_up["text"] and "Pay and jobs in Ohio" in follow_up["text"]
    await bot.receive(private_message("which pays more?"))
    assert "earn more" in bot.sent()[-1]["text"] and "Ohio" in bot.sent()[-1]["text"]


async def test_in_a_group_each_member_has_a_thread_and_a_reply_continues_its_answer(
    bot: Bot,
) -> None:
    await bot.receive(group_message(f"/compare@{BOT_USERNAME} dentist vs orthodontist"))
    dentists = bot.last_answer()
    await bot.receive(group_message(f"/compare@{BOT_USERNAME} electrician vs plumber", sender=BEN))
    await bot.receive(group_message("which pays more?", reply_to=dentists, sender=BEN))
    assert "Dentists" in bot.sent()[-1]["text"] or "Orthodontists" in bot.sent()[-1]["text"]
    await bot.receive(group_message(f"@{BOT_USERNAME} which pays more?", sender=BEN))
    assert "Electricians" in bot.sent()[-1]["text"]  # Ben's own thread is as it was


async def test_a_follow_up_end_to_end_and_after_a_restart(
    settings: Settings, real_db_url: str, real_index: TitleIndex, fake_bot_api: FakeBotAPI
) -> None:
    factory = shared_index(real_db_url, real_index)
    async with running_bot(settings, factory) as app:
        chat = Chat(fake_bot_api, app, chat_id=88_001)
        await chat.say("electrician vs plumber")
        texas = await chat.say("and in texas?")
        assert "Pay and jobs in Texas" in texas["text"]
    async with running_bot(settings, factory) as app:  # a new process: the thread is kept
        chat = Chat(fake_bot_api, app, chat_id=88_001)
        fact = await chat.say("which has more jobs?")
        assert "Jobs in Texas" in fact["text"]


async def test_a_group_reply_to_the_bot_end_to_end(
    settings: Settings, real_db_url: str, real_index: TitleIndex, fake_bot_api: FakeBotAPI
) -> None:
    async with running_bot(settings, shared_index(real_db_url, real_index)) as app:
        group = Chat(fake_bot_api, app, chat_id=-88_002, chat_type="group")
        answer = await group.say(f"/compare@{fake_bot_api.bot_username} nurse vs teacher")
        follow_up = await group.say("in ohio?", reply_to=answer)
        assert "Pay and jobs in Ohio" in follow_up["text"]
        assert follow_up["reply_to_message"]["message_id"] != answer["message_id"]
