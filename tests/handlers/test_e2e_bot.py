"""End to end: the real Application from `handlers.app.build_application`, polling a fake Bot API.

Why: this is the `careerbot run` code path — real HTTP, PTB's encoding and polling loop, the
rate limiter, the handler table and the real database — with only Telegram replaced by
`tests.support.fakebotapi.FakeBotAPI`. Tests read as conversations: a user says or taps something,
and we look at what the bot sent, edited or answered.

After every test, every text the bot sent is checked the way Telegram would check it: valid
Telegram HTML, at most 4096 characters, every button's callback_data at most 64 bytes.
"""

from __future__ import annotations

import os
import secrets
from typing import Any

import pytest

from bot import callbacks
from bot.config import Settings
from bot.replies import Reply
from bot.service import Careerbot
from handlers import keyboards
from handlers.app import CareerbotApplication
from tests.support.apps import (
    SEED_1,
    SEED_2,
    Chat,
    callback_data,
    datas,
    running_bot,
)
from tests.support.fakebotapi import FakeBotAPI
from tests.support.questions import clarifying_question
from tests.support.telegram_html import assert_telegram_html

JSONDict = dict[str, Any]
EXPIRED = "This button has expired — send the question again."


# --------------------------------------------------------------------------- start-up


async def test_startup_sets_command_menus_for_private_chats_and_groups(
    settings: Settings, fake_bot_api: FakeBotAPI
) -> None:
    async with running_bot(settings) as app:  # the default factory, as in production
        scopes = {
            call["scope"]["type"]: [c["command"] for c in call["commands"]]
            for call in fake_bot_api.calls("setMyCommands")
        }
        assert scopes == {
            "all_private_chats": ["start", "help", "compare", "job", "quiz", "state", "about"],
            "all_group_chats": ["compare", "job", "quiz", "help", "about"],
        }
        assert isinstance(app.bot_data.core, Careerbot)
    assert app.bot_data.core is None  # closed by post_shutdown


# --------------------------------------------------------------------------- private chats


async def test_seed_medical_collections_vs_loss_mitigation(private: Chat) -> None:
    answer = await private.say(SEED_1)

    assert "Bill and Account Collectors" in answer["text"]
    assert "$47,030" in answer["text"]
    assert callback_data(answer["reply_markup"]) == datas(await private.core.answer(SEED_1))


async def test_seed_senior_patient_account_rep_vs_collections_specialist(private: Chat) -> None:
    answer = await private.say(SEED_2)

    assert answer["text"].startswith("⚖️")
    assert "Bill and Account Collectors" in answer["text"] and "$47,030" in answer["text"]


async def test_every_button_edits_the_answer_in_place_and_summary_goes_back(
    private: Chat, fake_bot_api: FakeBotAPI
) -> None:
    answer = await private.say(SEED_1)
    charts = 0
    for data in callback_data(answer["reply_markup"]):
        expected = await private.core.press(data)
        edits_before = len(fake_bot_api.calls("editMessageText"))
        shown = private.current(answer)["text"]
        answered = await private.tap(data, answer)

        if expected.kind == "location":  # 📍 Location: the place picker, edited in place
            picker = private.current(answer)
            assert picker["text"] == expected.text and "text" not in answered
            back = next(
                b["callback_data"]
                for row in picker["reply_markup"]["inline_keyboard"]
                for b in row
                if b["text"] == "« Back"
            )
            await private.tap(back, answer)
            assert private.current(answer)["text"] == shown
            continue
        assert "text" not in answered  # a quiet answer: the new content is the response
        if expected.photo is not None:  # a chart comes as a photo; the answer stays as it was
            charts += 1  # the photo was sent before the press was answered
            assert private.sent()[-1]["caption"] == expected.text
            assert private.current(answer)["text"] == shown
            continue
        edit = fake_bot_api.calls("editMessageText")[edits_before]
        assert (edit["chat_id"], edit["message_id"]) == (private.chat_id, answer["message_id"])
        assert edit["text"] == expected.text
        summary = [
            b for b in edit["reply_markup"]["inline_keyboard"][-1] if b["text"] == "« Summary"
        ]
        assert summary, "every detail view offers « Summary"

        await private.tap(summary[0]["callback_data"], answer)
        back = private.current(answer)
        assert "Bill and Account Collectors" in back["text"] and "$47,030" in back["text"]
        assert callback_data(back["reply_markup"]) == callback_data(answer["reply_markup"])
    assert len(private.sent()) == 1 + charts  # the rest happened in the one message


async def test_double_tap_is_not_an_error(private: Chat, fake_bot_api: FakeBotAPI) -> None:
    answer = await private.say(SEED_1)
    salary = callback_data(answer["reply_markup"])[0]
    await private.tap(salary, answer)
    second = await private.tap(salary, answer)  # Telegram: "message is not modified"

    assert "text" not in second
    assert len(private.sent()) == 1  # no apology sent


async def test_did_you_mean_choice_turns_into_the_comparison(private: Chat) -> None:
    question = await clarifying_question(private.core)
    asking = await private.say(question)
    assert asking["text"].startswith("Did you mean")

    choice = callback_data(asking["reply_markup"])[0]
    await private.tap(choice, asking)

    compared = private.current(asking)
    assert compared["text"].startswith("⚖️")
    assert "Median pay" in compared["text"]
    assert callback_data(compared["reply_markup"]) == datas(await private.core.press(choice))


async def test_start_examples_run_a_comparison_when_tapped(private: Chat) -> None:
    greeting = await private.say("/start")
    examples = callback_data(greeting["reply_markup"])
    assert greeting["text"].startswith("Hi!") and len(examples) == 3

    await private.tap(examples[0], greeting)

    assert "Bill and Account Collectors" in private.current(greeting)["text"]


async def test_html_in_user_text_is_escaped(private: Chat) -> None:
    """Markup people paste is dropped by parsing; what survives it ("R&D", "<3") is escaped."""
    pasted = await private.say("<u>nurse</u> vs teacher")
    assert "<u>" not in pasted["text"] and "&lt;u&gt;" not in pasted["text"]
    assert_telegram_html(pasted["text"])

    answer = await private.say("R&D engineer vs nurse")
    assert "R&amp;D engineer" in answer["text"] or "r&amp;d engineer" in answer["text"]
    assert_telegram_html(answer["text"])


@pytest.mark.parametrize(
    "data",
    [
        "1.zzzz.s.43301100",  # another data release
        "garbage",
        secrets.token_urlsafe(48),  # 64 random bytes, as text
        os.urandom(64).decode("latin-1"),  # 64 random bytes, whatever they decode to
    ],
)
async def test_forged_and_stale_buttons_expire_quietly(
    private: Chat, fake_bot_api: FakeBotAPI, data: str
) -> None:
    answer = await private.say(SEED_1)
    answered = await private.tap(data, answer)

    assert answered["text"] == EXPIRED
    assert fake_bot_api.calls("editMessageText") == []
    assert private.current(answer)["text"] == answer["text"]  # still readable
    assert "Registered Nurses" in (await private.say("nurse"))["text"]  # and the bot lives on


async def test_every_reachable_button_fits_in_64_bytes(private: Chat) -> None:
    core = private.core
    seen: set[str] = set()
    queue: list[Reply] = [
        await core.answer(q)
        for q in (
            SEED_1,
            SEED_2,
            "nurse",
            "electrician",
            "nurse vs teacher vs electrician vs software engineer",
        )
    ]
    queue.append(core.fallback(greeting=True))
    while queue and len(seen) < 250:
        reply = queue.pop()
        assert keyboards.markup(reply.buttons) is not None or not reply.buttons
        for row in reply.buttons:
            for button in row:
                if button.data not in seen:
                    seen.add(button.data)
                    if callbacks.decode(button.data, core.version).view != "chart":  # PNGs: slow
                        queue.append(await core.press(button.data))
    assert len(seen) > 50
    assert max(len(data.encode()) for data in seen) <= 64


# --------------------------------------------------------------------------- groups


async def test_group_command_with_botname_is_answered_as_a_reply(
    group: Chat, username: str
) -> None:
    answer = await group.say(f"/compare@{username} {SEED_1}")

    assert "$47,030" in answer["text"]
    assert answer["reply_to_message"]["text"].startswith("/compare@")


async def test_group_command_without_botname_is_answered(group: Chat) -> None:
    answer = await group.say(f"/compare {SEED_1}")

    assert "$47,030" in answer["text"]
    assert answer["reply_to_message"]["text"] == f"/compare {SEED_1}"


async def test_group_reply_to_the_bot_is_answered(group: Chat, username: str) -> None:
    first = await group.say(f"/job@{username} nurse")
    answer = await group.say(SEED_1, reply_to=first)

    assert "$47,030" in answer["text"]
    assert answer["reply_to_message"]["text"] == SEED_1


async def test_group_chatter_is_ignored(group: Chat) -> None:
    assert await group.is_quiet_after("nurse vs teacher, which pays more?")
    assert await group.is_quiet_after("@someone_else nurse vs teacher")


async def test_group_mention_is_answered(group: Chat, username: str) -> None:
    answer = await group.say(f"@{username} {SEED_1}")

    assert "$47,030" in answer["text"]


# --------------------------------------------------------------------------- inline mode


async def test_inline_query_offers_the_comparison_with_working_buttons(
    private: Chat, fake_bot_api: FakeBotAPI
) -> None:
    fake_bot_api.inject_inline_query(SEED_1)
    (answer,) = await fake_bot_api.wait_for("answerInlineQuery")

    assert answer["is_personal"] is True and answer["cache_time"] == 300
    (article,) = answer["results"]
    assert article["type"] == "article"
    assert "$47,030" in article["input_message_content"]["message_text"]
    buttons = callback_data(article["reply_markup"])
    assert buttons == datas(await private.core.answer(SEED_1))

    # The user sends it; a tap on its button comes back with an inline_message_id only.
    fake_bot_api.inject_raw(
        {
            "callback_query": {
                "id": "inline-tap",
                "from": {"id": 1001, "is_bot": False, "first_name": "Ana"},
                "inline_message_id": "AAinline-1",
                "chat_instance": "ci",
                "data": buttons[0],
            }
        }
    )
    await fake_bot_api.wait_for("editMessageText")
    (edit,) = fake_bot_api.calls("editMessageText")
    assert edit["inline_message_id"] == "AAinline-1"
    assert edit["text"] == (await private.core.press(buttons[0])).text


def _button(message: JSONDict, label: str) -> str:
    return next(
        b["callback_data"]
        for row in message["reply_markup"]["inline_keyboard"]
        for b in row
        if b["text"] == label
    )


async def test_the_place_picker_sets_the_chats_place_and_shows_the_answer_there(
    private: Chat,
) -> None:
    answer = await private.say("nurse vs teacher")
    await private.tap(_button(answer, "📍 Location"), answer)
    picker = private.current(answer)
    assert "Where should pay figures be for?" in picker["text"]
    await private.tap(_button(picker, "Alabama"), answer)
    alabama = private.current(answer)
    await private.tap(_button(alabama, "📍 All of Alabama"), answer)
    shown = private.current(answer)
    assert "Alabama saved for this chat" in shown["text"]
    assert "Pay and jobs in Alabama" in shown["text"] and "Registered Nurses" in shown["text"]
    assert len(private.sent()) == 1  # all of it in the one message
    assert await private.core.store.preferences.area(private.chat_id) == "0100000"
    later = await private.say("electrician vs plumber")
    assert "Pay and jobs in Alabama" in later["text"]  # the chat remembers it
    await private.tap(_button(later, "📍 Location"), later)
    await private.tap(_button(private.current(later), "🇺🇸 United States"), later)
    assert await private.core.store.preferences.area(private.chat_id) is None


async def test_the_place_picker_under_an_inline_message_shows_but_does_not_save(
    private: Chat, fake_bot_api: FakeBotAPI
) -> None:
    summary = await private.core.answer("nurse vs teacher")
    location = next(b.data for row in summary.buttons for b in row if "Location" in b.label)
    picker = await private.core.press(location)
    alabama = await private.core.press(
        next(b.data for row in picker.buttons for b in row if b.label == "Alabama")
    )
    choose = next(b.data for row in alabama.buttons for b in row if b.label == "📍 All of Alabama")
    fake_bot_api.inject_raw(
        {
            "callback_query": {
                "id": "inline-pick",
                "from": {"id": 1001, "is_bot": False, "first_name": "Ana"},
                "inline_message_id": "AAinline-9",
                "chat_instance": "ci",
                "data": choose,
            }
        }
    )
    await fake_bot_api.wait_for("editMessageText")
    (edit,) = fake_bot_api.calls("editMessageText")
    assert edit["inline_message_id"] == "AAinline-9"
    assert "Pay and jobs in Alabama" in edit["text"] and "not saved" in edit["text"]
    assert await private.core.store.preferences.area(1001) is None


async def test_empty_inline_query_offers_examples(
    fake_bot_api: FakeBotAPI, app: CareerbotApplication
) -> None:
    fake_bot_api.inject_inline_query("")
    (answer,) = await fake_bot_api.wait_for("answerInlineQuery")

    assert 2 <= len(answer["results"]) <= 3
    assert all(result["reply_markup"]["inline_keyboard"] for result in answer["results"])
