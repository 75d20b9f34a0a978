"""Inline mode (handlers.inline): "@bot nurse vs teacher" in any chat."""

from __future__ import annotations

import pytest

from bot.service import Careerbot
from tests.support.questions import clarifying_question
from tests.support.recording import (
    Bot,
    button_data,
    datas,
    inline_query,
)


async def test_inline_comparison_is_one_article_with_buttons(
    bot: Bot, careerbot: Careerbot
) -> None:
    await bot.receive(inline_query("medical collections vs loss mitigation"))

    (answer,) = bot.telegram.params("answerInlineQuery")
    assert answer["is_personal"] is True and answer["cache_time"] == 300
    (article,) = answer["results"]
    assert article["type"] == "article"
    assert article["title"] == "Bill and Account Collectors vs Loan Officers"
    assert article["input_message_content"]["parse_mode"] == "HTML"
    assert "$47,030" in article["input_message_content"]["message_text"]
    core = await careerbot.answer("medical collections vs loss mitigation")
    assert button_data(article) == datas(core.buttons)


@pytest.mark.parametrize("text", ["", "nu", "hello"])
async def test_inline_without_a_question_offers_the_examples(bot: Bot, text: str) -> None:
    await bot.receive(inline_query(text))

    (answer,) = bot.telegram.params("answerInlineQuery")
    titles = [result["title"] for result in answer["results"]]
    assert titles == [
        "medical collections vs loss mitigation",
        "nurse vs teacher",
        "software engineer or data scientist?",
    ]


async def test_inline_unknown_titles_get_an_explaining_article(bot: Bot) -> None:
    await bot.receive(inline_query("xyzzy vs plugh"))

    (answer,) = bot.telegram.params("answerInlineQuery")
    (article,) = answer["results"]
    assert article["title"] == "No matching job title"
    assert "xyzzy" in article["input_message_content"]["message_text"]


async def test_inline_unsure_title_offers_each_choice_answered(
    bot: Bot, careerbot: Careerbot
) -> None:
    question = await clarifying_question(careerbot)
    await bot.receive(inline_query(question))

    (answer,) = bot.telegram.params("answerInlineQuery")
    assert 1 < len(answer["results"]) <= 4
    assert all(" vs " in result["title"] for result in answer["results"])
