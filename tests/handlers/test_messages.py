"""Text messages (handlers.messages): private questions, "typing…", the group rules."""

from __future__ import annotations

import asyncio

import pytest

from bot.replies import Reply
from bot.service import Careerbot
from handlers import replying
from handlers.updates import read_update
from tests.support.recording import (
    ANA,
    BEN,
    BOT_USERNAME,
    GROUP,
    PRIVATE,
    Bot,
    JSONDict,
    bot_message,
    button_data,
    datas,
    edited,
    group_message,
    ids,
    make_bot,
    private_message,
    sent_via_bot,
)


async def test_private_text_is_answered_with_html_and_buttons(
    bot: Bot, careerbot: Careerbot
) -> None:
    await bot.receive(private_message("medical collections vs loss mitigation"))

    sent = bot.only_sent()
    assert sent["chat_id"] == PRIVATE["id"]
    assert sent["parse_mode"] == "HTML"
    assert "Bill and Account Collectors" in sent["text"] and "$47,030" in sent["text"]
    assert "reply_parameters" not in sent  # no quoting in a private chat
    assert sent["link_preview_options"] == {"is_disabled": True}
    core = await careerbot.answer("medical collections vs loss mitigation")
    assert button_data(sent) == datas(core.buttons)
    assert "sendChatAction" not in bot.telegram.methods()  # fast answers: no "typing…"


async def test_edited_messages_are_not_answered_again(bot: Bot) -> None:
    await bot.receive(edited(private_message("nurse vs teacher")))

    assert bot.sent() == []


class SlowCareerbot:
    """The real core, answering 0.3 s late (TYPING_AFTER is lowered below that)."""

    def __init__(self, core: Careerbot) -> None:
        self.core = core

    async def answer(self, text: str, **_: object) -> Reply:
        await asyncio.sleep(0.3)
        return await self.core.answer(text)

    def remember_sent(self, chat_id: int, message_id: int, reply: Reply) -> None:
        self.core.remember_sent(chat_id, message_id, reply)


async def test_typing_is_shown_only_when_the_answer_is_slow(
    careerbot: Careerbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replying, "TYPING_AFTER", 0.05)
    slow = await make_bot(SlowCareerbot(careerbot))
    await slow.receive(private_message("nurse vs teacher"))

    assert slow.telegram.methods() == ["sendChatAction", "sendMessage"]
    assert slow.telegram.params("sendChatAction")[0]["action"] == "typing"
    await slow.app.shutdown()


async def test_typing_is_not_shown_while_every_update_slot_is_busy(
    careerbot: Careerbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backlog makes every answer late; a chat action per update would only add to it."""
    monkeypatch.setattr(replying, "TYPING_AFTER", 0.05)
    slow = await make_bot(SlowCareerbot(careerbot), concurrent_updates=2)

    async def through_the_slots(update: JSONDict) -> None:
        parsed = read_update(update, slow.app.bot)
        await slow.app.update_processor.process_update(parsed, slow.app.process_update(parsed))

    await through_the_slots(private_message("nurse vs teacher"))  # alone: typing is shown
    assert slow.telegram.methods() == ["sendChatAction", "sendMessage"]
    slow.telegram.calls.clear()

    await asyncio.gather(*(through_the_slots(private_message(q)) for q in ["nurse", "chef"]))
    assert sorted(slow.telegram.methods()) == ["sendMessage", "sendMessage"]
    await slow.app.shutdown()


async def test_group_command_addressed_to_us_is_answered_quoting_the_question(bot: Bot) -> None:
    update = group_message(f"/compare@{BOT_USERNAME} medical collections vs loss mitigation")
    await bot.receive(update)

    sent = bot.only_sent()
    assert sent["chat_id"] == GROUP["id"]
    assert sent["reply_parameters"] == {
        "message_id": update["message"]["message_id"],
        "allow_sending_without_reply": True,
        "quote_parse_mode": "HTML",  # PTB's defaults; no quote text is sent, so it is inert
    }
    assert "Bill and Account Collectors" in sent["text"]


async def test_group_command_without_botname_is_answered(bot: Bot) -> None:
    await bot.receive(group_message("/job nurse"))

    assert "Registered Nurses" in bot.only_sent()["text"]


async def test_group_command_for_another_bot_is_ignored(bot: Bot) -> None:
    await bot.receive(group_message("/compare@other_bot nurse vs teacher"))

    assert bot.telegram.calls == []


@pytest.mark.parametrize("text", ["nurse vs teacher", "my nurse friend says hi", "lol"])
async def test_group_chatter_is_ignored(bot: Bot, text: str) -> None:
    await bot.receive(group_message(text))

    assert bot.telegram.calls == []


async def test_group_reply_to_someone_else_is_ignored(bot: Bot) -> None:
    bens = group_message("teacher here", sender=BEN)["message"]
    await bot.receive(group_message("nurse vs teacher", reply_to=bens))

    assert bot.telegram.calls == []


async def test_group_reply_to_the_bot_is_answered(bot: Bot) -> None:
    ours = bot_message("Hi! I compare careers", chat=GROUP)
    update = group_message("medical collections vs loss mitigation", reply_to=ours)
    await bot.receive(update)

    sent = bot.only_sent()
    assert "Bill and Account Collectors" in sent["text"]
    assert sent["reply_parameters"]["message_id"] == update["message"]["message_id"]


async def test_group_reply_to_a_message_sent_via_the_bot_is_answered(bot: Bot) -> None:
    """Privacy mode still shows the bot replies to messages sent through its inline mode."""
    update = group_message("electricians vs plumbers", reply_to=sent_via_bot())
    await bot.receive(update)

    sent = bot.only_sent()
    assert "Electricians" in sent["text"]
    assert sent["reply_parameters"]["message_id"] == update["message"]["message_id"]


async def test_group_mention_is_answered_without_the_mention(
    bot: Bot, careerbot: Careerbot
) -> None:
    await bot.receive(group_message(f"@{BOT_USERNAME} nurse vs teacher"))

    expected = await careerbot.answer("nurse vs teacher")
    assert bot.only_sent()["text"] == expected.text


async def test_migration_moves_chat_data(bot: Bot) -> None:
    bot.app.chat_data[GROUP["id"]]["note"] = "kept"  # type: ignore[index]
    moved = {
        "message_id": next(ids),
        "date": 0,
        "chat": GROUP,
        "from": ANA,
        "migrate_to_chat_id": -1009999,
    }
    await bot.receive({"update_id": next(ids), "message": moved})

    assert bot.app.chat_data[-1009999] == {"note": "kept"}
    assert GROUP["id"] not in bot.app.chat_data
    assert bot.telegram.calls == []
