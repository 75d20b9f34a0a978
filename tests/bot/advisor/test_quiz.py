"""The interest quiz: built from O*NET's activities, its state in the buttons, honest results."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from bot.advisor.quiz import ITEMS_PER_TYPE, NAMES, items
from bot.callbacks import decode
from bot.replies import Reply
from bot.service import Careerbot
from handlers.keyboards import check_callback_data

pytestmark = pytest.mark.realdata


def press_label(reply: Reply, label: str) -> str:
    return next(b.data for row in reply.buttons for b in row if b.label.startswith(label))


async def test_items_come_from_o_net_activities_two_or_more_of_each_type(
    careerbot: Careerbot, real_data_dir: Path
) -> None:
    quiz = items(await careerbot.store.interest_activities())
    assert len(quiz) >= 12
    per_type = Counter(item.riasec for item in quiz)
    assert set(per_type) == set("RIASEC") and min(per_type.values()) == ITEMS_PER_TYPE >= 2
    path = real_data_dir / "onet" / "Interests Illustrative Activities.xlsx"
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[1:]
    general = {(row[1][0], row[3]) for row in rows if row[2] == "General"}
    assert {(item.riasec, item.text) for item in quiz} <= general


async def test_the_quiz_is_one_message_edited_item_by_item_to_its_results(
    careerbot: Careerbot,
) -> None:
    reply = await careerbot.answer("what career would suit me?")
    assert reply.kind == "quiz" and "1 of 18" in reply.text
    assert "not the official O*NET Interest Profiler" in reply.text
    seen = set()
    # Like every Social and Investigative activity, dislike the rest.
    for _ in range(18):
        item = reply.to_json()["quiz"]
        seen.add(item["activity"])
        answer = "👍" if item["riasec"] in ("Social", "Investigative") else "👎"
        data = press_label(reply, answer)
        check_callback_data(data)
        assert len(data.encode()) <= 64
        assert decode(data, careerbot.version).state  # the answers ride in the button
        reply = await careerbot.press(data)
        assert reply.display == "text"  # edits the same message
    assert len(seen) == 18
    assert "preparation" in reply.text
    reply = await careerbot.press(press_label(reply, "4."))  # Job Zone Four
    result = reply.to_json()["quiz"]
    assert result["top"][:2] == ["Investigative", "Social"]
    assert result["job_zone"] == 4
    assert "Investigative" in reply.text and "not the official" in reply.text
    zones = await careerbot.store.advisor_occupations()
    by_code = {o.code: o for o in zones}
    matched = [o["code"] for o in reply.occupations]
    assert matched
    for code in matched:
        o = by_code[code]
        assert o.job_zone == 4
        assert {NAMES["RIASEC"[h - 1]] for h in o.high_points} & {"Investigative", "Social"}
    assert "/yr" in reply.text or "/h" in reply.text  # with pay
    assert "growth" in reply.text  # and outlook


async def test_back_undoes_the_last_answer(careerbot: Careerbot) -> None:
    first = await careerbot.answer("career quiz")
    second = await careerbot.press(press_label(first, "🤷"))
    back = await careerbot.press(press_label(second, "↩"))
    assert back.text == first.text


async def test_in_a_group_the_quiz_is_an_invitation_to_a_private_chat(
    careerbot: Careerbot,
) -> None:
    reply = await careerbot.answer("what career fits me?", chat_id=-100123)
    assert reply.kind == "quiz"
    (button,) = [b for row in reply.buttons for b in row]
    assert button.start == "quiz" and not button.data
    assert (await careerbot.quiz()).to_json()["quiz"]["item"] == 1


@pytest.mark.parametrize("state", ["", "b", "ax", "az9", "a" + "y" * 50])
async def test_forged_quiz_states_expire(careerbot: Careerbot, state: str) -> None:
    from bot.advisor.frame import button
    from bot.replies import View

    try:
        data = button(careerbot, "x", View.QUIZ, [], None, state or None).data
    except ValueError:
        return  # not even encodable: no button can carry it
    reply = await careerbot.press(data)
    assert reply.kind in ("expired", "quiz")
    if state in ("b", "ax", "az9"):
        assert reply.kind == "expired"


async def test_answers_typed_instead_of_tapped_go_on_with_the_quiz(careerbot: Careerbot) -> None:
    """In a chat, "yes", "nah", "not sure" answer the item shown, whether the item before was
    tapped or typed; at the last question, a Job Zone's number; "back" undoes one answer."""
    chat = 91_500_001
    reply = await careerbot.answer("what job would suit me", chat_id=chat)
    words = {"Social": "yes", "Investigative": "yeah sure"}
    for n in range(18):
        riasec = reply.to_json()["quiz"]["riasec"]
        if n == 5:  # one tapped: the conversation follows the button too
            reply = await careerbot.press(press_label(reply, "👎"), chat_id=chat)
            continue
        reply = await careerbot.answer(words.get(riasec, "nah"), chat_id=chat)
        assert reply.kind == "quiz", (n, reply.text)
    assert reply.to_json()["quiz"]["item"] == "job_zone"
    again = await careerbot.answer("back", chat_id=chat)
    assert again.to_json()["quiz"]["item"] == 18
    reply = await careerbot.answer("no", chat_id=chat)
    result = (await careerbot.answer("4", chat_id=chat)).to_json()["quiz"]
    assert result["top"][:2] == ["Investigative", "Social"] and result["job_zone"] == 4


async def test_outside_the_quiz_yes_is_small_talk(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("yes", chat_id=91_500_002)
    assert reply.kind != "quiz"


async def test_stop_leaves_the_quiz(careerbot: Careerbot) -> None:
    chat = 91_500_003
    await careerbot.answer("career quiz", chat_id=chat)
    stopped = await careerbot.answer("stop", chat_id=chat)
    assert stopped.kind != "quiz" and "stopped" in stopped.text
    after = await careerbot.answer("yes", chat_id=chat)
    assert after.kind != "quiz"  # no longer in the quiz
