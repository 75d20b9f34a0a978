"""How an update's JSON reaches the handlers (handlers.updates): a plain private question read
straight from the JSON, everything else as PTB's Update — and the same answer either way."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from telegram import Update

from bot.service import Careerbot
from handlers.updates import Asked, PrivateQuestion, id_of, read_update
from tests.support.recording import (
    ANA,
    PRIVATE,
    JSONDict,
    bot_message,
    callback,
    edited,
    group_message,
    inline_query,
    make_bot,
    private_message,
)


def test_a_plain_private_message_is_read_as_a_question() -> None:
    update = private_message("nurse vs teacher")

    read = read_update(update, None)  # type: ignore[arg-type]

    assert read == PrivateQuestion(
        update["update_id"],
        Asked(PRIVATE["id"], update["message"]["message_id"], True, ANA["id"]),
        "nurse vs teacher",
    )
    assert id_of(read) == update["update_id"]


def with_message(**fields: Any) -> JSONDict:
    update = private_message("nurse vs teacher")
    update["message"].update(fields)
    return update


OTHER_SHAPES = {
    "a command": private_message("/compare nurse vs teacher"),
    "an edit": edited(private_message("nurse")),
    "a group message": group_message("@careerbot nurse"),
    "a reply to the bot": with_message(reply_to_message=bot_message()),
    "a forward": with_message(
        forward_origin={"type": "hidden_user", "date": 0, "sender_user_name": "X"}
    ),
    "a topic message": with_message(message_thread_id=5, is_topic_message=True),
    "a message via a bot": with_message(via_bot={"id": 9, "is_bot": True, "first_name": "B"}),
    "a message from a bot": with_message(**{"from": {"id": 9, "is_bot": True, "first_name": "B"}}),
    "a photo with a caption": with_message(text=None, caption="nurse", photo=[]),
    "an empty text": with_message(text=""),
    "a button press": callback("s|x"),
    "an inline query": inline_query("nurse"),
}


@pytest.mark.parametrize("shape", OTHER_SHAPES)
def test_anything_else_is_ptbs_update(shape: str) -> None:
    update = copy.deepcopy(OTHER_SHAPES[shape])

    read = read_update(update, None)  # type: ignore[arg-type]

    assert isinstance(read, Update)
    assert id_of(read) == update["update_id"]


def test_json_that_is_not_an_update_is_refused_as_before() -> None:
    with pytest.raises(Exception):  # noqa: B017 (whatever PTB raises: the callers catch all)
        read_update({"update_id": 1, "message": "not a message"}, None)  # type: ignore[arg-type]


QUESTIONS = [
    "medical collections vs loss mitigation",
    "electrician",
    "nurse salary texas",
    "what jobs pay well without a degree?",
    "xqzzv",
    "hi",
]


@pytest.mark.parametrize("question", QUESTIONS)
async def test_a_question_gets_the_same_answer_read_either_way(
    careerbot: Careerbot, question: str
) -> None:
    fast, ptb = await make_bot(careerbot), await make_bot(careerbot)
    update = private_message(question)

    await fast.receive(update)
    await ptb.app.process_update(Update.de_json(copy.deepcopy(update), ptb.app.bot))

    assert fast.telegram.calls and fast.telegram.methods() == ptb.telegram.methods()
    assert fast.telegram.params("sendMessage") == ptb.telegram.params("sendMessage")
    await fast.app.shutdown()
    await ptb.app.shutdown()
