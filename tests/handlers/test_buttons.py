"""Button presses (handlers.buttons): views edited in place, charts, expired and repeated
presses."""

from __future__ import annotations

import json

import pytest

from bot.service import Careerbot
from tests.support.recording import (
    EXPIRED,
    NOT_MODIFIED,
    PRIVATE,
    TOO_OLD,
    Bot,
    bot_message,
    callback,
)


async def test_button_edits_the_message_in_place_and_answers(
    bot: Bot, careerbot: Careerbot
) -> None:
    comparison = await careerbot.answer("medical collections vs loss mitigation")
    salary = comparison.buttons[0][0]
    message = bot_message(comparison.text, buttons=comparison.buttons)
    await bot.receive(callback(salary.data, message))

    assert bot.telegram.methods() == ["editMessageText", "answerCallbackQuery"]
    edit = bot.edits()[0]
    assert (edit["chat_id"], edit["message_id"]) == (PRIVATE["id"], message["message_id"])
    assert edit["parse_mode"] == "HTML"
    assert edit["text"] == (await careerbot.press(salary.data)).text
    assert "« Summary" in json.dumps(edit["reply_markup"], ensure_ascii=False)
    assert "text" not in bot.answers()[0]  # a silent answer just stops the spinner


async def test_chart_button_sends_the_chart_as_a_photo_once_uploaded_then_by_file_id(
    bot: Bot, careerbot: Careerbot
) -> None:
    comparison = await careerbot.answer("medical collections vs loss mitigation")
    chart = next(b for row in comparison.buttons for b in row if b.label == "📊 Chart")
    message = bot_message(comparison.text, buttons=comparison.buttons)
    await bot.receive(callback(chart.data, message))
    await bot.receive(callback(chart.data, message))

    first, second = bot.telegram.params("sendPhoto")
    assert first["caption"].startswith("📊") and first["parse_mode"] == "HTML"
    assert first["photo"] == "<upload>"  # uploaded the PNG
    assert second["photo"] == "chart-file-1"  # then reused Telegram's copy
    assert "editMessageText" not in bot.telegram.methods()  # the comparison stays
    assert [a.get("text") for a in bot.answers()] == [None, None]


async def test_chart_button_under_an_inline_message_explains_where_to_ask(
    bot: Bot, careerbot: Careerbot
) -> None:
    comparison = await careerbot.answer("nurse vs teacher")
    chart = next(b for row in comparison.buttons for b in row if b.label == "📊 Chart")
    await bot.receive(callback(chart.data, inline_message_id="AAinline7"))

    assert bot.telegram.methods() == ["answerCallbackQuery"]
    assert "private chat" in bot.answers()[0]["text"]


@pytest.mark.parametrize("data", ["1.zzzz.s.43301100", "garbage", "x" * 64, ""])
async def test_expired_button_is_answered_with_a_notice_and_not_edited(bot: Bot, data: str) -> None:
    await bot.receive(callback(data, bot_message()))

    assert bot.telegram.methods() == ["answerCallbackQuery"]
    assert bot.answers()[0]["text"] == EXPIRED


async def test_pressing_the_view_already_shown_is_not_an_error(
    bot: Bot, careerbot: Careerbot
) -> None:
    bot.telegram.failures["editMessageText"] = NOT_MODIFIED
    data = (await careerbot.answer("nurse vs teacher")).buttons[0][0].data
    await bot.receive(callback(data, bot_message()))

    assert bot.telegram.methods() == ["editMessageText", "answerCallbackQuery"]
    assert "text" not in bot.answers()[0]


async def test_a_query_too_old_to_answer_is_not_an_error(bot: Bot, careerbot: Careerbot) -> None:
    bot.telegram.failures["answerCallbackQuery"] = TOO_OLD
    data = (await careerbot.answer("nurse vs teacher")).buttons[0][0].data
    await bot.receive(callback(data, bot_message()))

    assert bot.telegram.methods() == ["editMessageText", "answerCallbackQuery"]  # no apology


async def test_buttons_under_inline_messages_edit_by_inline_message_id(
    bot: Bot, careerbot: Careerbot
) -> None:
    data = (await careerbot.answer("nurse vs teacher")).buttons[0][1].data
    await bot.receive(callback(data, inline_message_id="AAinline42"))

    edit = bot.edits()[0]
    assert edit["inline_message_id"] == "AAinline42"
    assert "chat_id" not in edit and "message_id" not in edit
    assert len(bot.answers()) == 1


async def test_location_button_edits_the_message_into_the_place_picker(
    bot: Bot, careerbot: Careerbot
) -> None:
    comparison = await careerbot.answer("nurse vs teacher")
    location = next(b.data for row in comparison.buttons for b in row if "Location" in b.label)
    await bot.receive(callback(location, bot_message(comparison.text, buttons=comparison.buttons)))
    assert bot.telegram.methods() == ["editMessageText", "answerCallbackQuery"]
    edit = bot.edits()[0]
    assert "Where should pay figures be for?" in edit["text"]
    assert "🇺🇸 United States" in json.dumps(edit["reply_markup"], ensure_ascii=False)
    assert "text" not in bot.answers()[0]
