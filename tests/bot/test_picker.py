"""📍 Location: the place picker, edited in place; a chosen place shows the same answer there."""

from __future__ import annotations

import pytest

from bot.callbacks import MAX_BYTES, decode
from bot.replies import Display, Reply
from bot.service import Careerbot

pytestmark = pytest.mark.realdata


def buttons(reply: Reply) -> dict[str, str]:
    return {b.label: b.data for row in reply.buttons for b in row}


def views(careerbot: Careerbot, reply: Reply) -> set[str]:
    return {decode(d, careerbot.version).view for d in buttons(reply).values()}


async def open_picker(careerbot: Careerbot, text: str = "nurse vs teacher") -> Reply:
    summary = await careerbot.answer(text)
    return await careerbot.press(buttons(summary)["📍 Location"])


async def test_location_opens_the_states_a_page_at_a_time(careerbot: Careerbot) -> None:
    first = await open_picker(careerbot)
    assert first.kind == "location" and first.display == Display.TEXT
    labels = buttons(first)
    assert "Alabama" in labels and "🇺🇸 United States" in labels and "»" in labels
    assert "«" not in labels and "Texas" not in labels
    assert all(len(d.encode()) <= MAX_BYTES for d in labels.values())
    seen = set()
    page = first
    while "»" in buttons(page):
        seen |= set(buttons(page))
        page = await careerbot.press(buttons(page)["»"])
        assert "«" in buttons(page)
    seen |= set(buttons(page))
    assert {"Texas", "California", "Wyoming", "District of Columbia"} <= seen


async def test_a_state_then_a_metro_shows_the_same_answer_there_and_saves_it(
    careerbot: Careerbot,
) -> None:
    chat = 5151
    picker = await open_picker(careerbot)
    while "Texas" not in buttons(picker):
        picker = await careerbot.press(buttons(picker)["»"])
    texas = await careerbot.press(buttons(picker)["Texas"])
    assert "📍 All of Texas" in buttons(texas) and "« States" in buttons(texas)
    labels, page = dict(buttons(texas)), texas
    while "»" in buttons(page):
        page = await careerbot.press(buttons(page)["»"])
        labels |= buttons(page)
    assert {"Abilene, TX", "Wichita Falls, TX", "Texarkana, TX-AR"} <= set(labels)  # TX-AR too
    dallas = next(data for label, data in labels.items() if label.startswith("Dallas"))
    answer = await careerbot.press(dallas, chat_id=chat)
    assert answer.kind == "compare"
    assert [o["code"] for o in answer.occupations] == ["29-1141.00", "25-2021.00"]
    assert answer.extra["location"]["name"] == "Dallas-Fort Worth-Arlington, TX"
    assert "saved for this chat" in answer.text
    assert await careerbot.store.preferences.area(chat) == answer.extra["location"]["oews_area"]
    national = await careerbot.press(buttons(picker)["🇺🇸 United States"], chat_id=chat)
    assert national.extra["location"]["kind"] == "national"
    assert await careerbot.store.preferences.area(chat) is None


async def test_without_a_chat_the_place_is_shown_but_not_saved(careerbot: Careerbot) -> None:
    picker = await open_picker(careerbot)
    alabama = await careerbot.press(buttons(picker)["Alabama"])
    answer = await careerbot.press(buttons(alabama)["📍 All of Alabama"], chat_id=None)
    assert answer.extra["location"]["name"] == "Alabama" and answer.extra["saved"] is False
    assert "not saved" in answer.text


async def test_the_picker_returns_to_the_view_it_was_opened_from(careerbot: Careerbot) -> None:
    summary = await careerbot.answer("electrician")
    salary = await careerbot.press(buttons(summary)["💵 Salary"])
    assert "📍 Location" in buttons(salary)
    picker = await careerbot.press(buttons(salary)["📍 Location"])
    while "Texas" not in buttons(picker):
        picker = await careerbot.press(buttons(picker)["»"])
    texas = await careerbot.press(buttons(picker)["Texas"])
    chosen = await careerbot.press(buttons(texas)["📍 All of Texas"], chat_id=77)
    assert chosen.kind == "detail" and chosen.extra["view"] == "salary"
    assert "💵 <b>Salary</b> — Texas" in chosen.text
    assert "Best-paying metro areas in Texas" in chosen.text
    texas_part, _, national_part = chosen.text.partition("🇺🇸 <b>United States</b>")
    assert "📍 <b>Texas</b>" in texas_part and national_part
    assert "Best-paying states" in national_part
    back = await careerbot.press(buttons(picker)["« Back"])
    assert back.extra["view"] == "salary" and "— United States" in back.text


@pytest.mark.parametrize("state", ["zc", "mq", "ls", "xc", "ms99", "mp", "m~"])
async def test_forged_picker_steps_expire(careerbot: Careerbot, state: str) -> None:
    picker = await open_picker(careerbot)
    data = buttons(picker)["Alabama"]
    forged = ".".join([*data.split(".")[:5], state])
    assert (await careerbot.press(forged)).kind == "expired"
