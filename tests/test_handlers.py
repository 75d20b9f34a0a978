"""Handler specifications, run through `Application.process_update` without any network.

Why this way: PTB's own test suite swaps the HTTP layer for a request object that records calls
and returns canned JSON. Updates then go through the real handler table (`bot.app.add_handlers`),
PTB's filters and parsing, and the real core with the real database; only Telegram is fake.
Each test reads as "given this update, the bot calls these Bot API methods".
"""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from telegram import Update
from telegram.error import TimedOut
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.answer import Button, Careerbot, DatabaseMissing, Reply
from bot.app import CareerbotApplication, RedactingFilter, add_handlers
from bot.config import Settings
from handlers import CAREERBOT, FACTORY, keyboards, messages
from handlers.errors import DATABASE_MISSING, SORRY
from tests.questions import clarifying_question

TOKEN = "123456:AAHandlerTestsSecretToken_0123456789"
BOT_USERNAME = "careerbot_test_bot"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "CareerBot", "username": BOT_USERNAME}
ANA = {"id": 1001, "is_bot": False, "first_name": "Ana"}
BEN = {"id": 1002, "is_bot": False, "first_name": "Ben"}
PRIVATE = {"id": 1001, "type": "private", "first_name": "Ana"}
GROUP = {"id": -2001, "type": "group", "title": "Career chat"}
EXPIRED = "This button has expired — send the question again."
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply "
    "markup are exactly the same as a current content and reply markup of a message"
)
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"

JSONDict = dict[str, Any]


# --------------------------------------------------------------------------- fake Telegram


@dataclass
class Call:
    method: str
    params: JSONDict


class RecordingRequest(BaseRequest):
    """Records every Bot API call and answers it the way Telegram would (shape only)."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.failures: dict[str, str] = {}  # method -> description of a 400, used once
        self.message_ids = itertools.count(900)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        if request_data is not None and request_data.contains_files:
            params.update({name: "<upload>" for name in request_data.multipart_data})
        self.calls.append(Call(name, params))
        if name in self.failures:
            body = {"ok": False, "error_code": 400, "description": self.failures.pop(name)}
            return 400, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": self.result(name, params)}).encode()

    def result(self, name: str, params: JSONDict) -> Any:
        if name == "getMe":
            return {**BOT_USER, "can_join_groups": True, "supports_inline_queries": True}
        if name == "sendPhoto":
            return {
                "message_id": next(self.message_ids),
                "date": 0,
                "chat": PRIVATE,
                "from": BOT_USER,
                "caption": params.get("caption"),
                "photo": [
                    {"file_id": "small", "file_unique_id": "s", "width": 90, "height": 90},
                    {"file_id": "chart-file-1", "file_unique_id": "c", "width": 800, "height": 600},
                ],
            }
        if name in ("sendMessage", "editMessageText"):
            if params.get("inline_message_id"):
                return True
            chat_id = params["chat_id"]
            chat = PRIVATE if chat_id == PRIVATE["id"] else {**GROUP, "id": chat_id}
            return {
                "message_id": params.get("message_id") or next(self.message_ids),
                "date": 0,
                "chat": chat,
                "from": BOT_USER,
                "text": params["text"],
            }
        return True

    # -- what the tests look at
    def params(self, method: str) -> list[JSONDict]:
        return [c.params for c in self.calls if c.method == method]

    def methods(self) -> list[str]:
        return [c.method for c in self.calls]


# --------------------------------------------------------------------------- updates

_ids = itertools.count(1)


def _entities(text: str) -> list[JSONDict]:
    found = (
        [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if text.startswith("/")
        else []
    )
    found += [
        {"type": "mention", "offset": m.start(), "length": m.end() - m.start()}
        for m in re.finditer(r"(?<![\w/])@\w+", text)
    ]
    return found


def _message(text: str, chat: JSONDict, sender: JSONDict, reply_to: JSONDict | None) -> JSONDict:
    message = {
        "message_id": next(_ids),
        "date": 0,
        "chat": chat,
        "from": sender,
        "text": text,
        "entities": _entities(text),
    }
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    return message


def private_message(text: str) -> JSONDict:
    """Ana writes to the bot in a private chat."""
    return {"update_id": next(_ids), "message": _message(text, PRIVATE, ANA, None)}


def group_message(text: str, reply_to: JSONDict | None = None, sender: JSONDict = ANA) -> JSONDict:
    """Someone writes in the group, possibly replying to `reply_to`."""
    return {"update_id": next(_ids), "message": _message(text, GROUP, sender, reply_to)}


def bot_message(
    text: str = "an earlier answer",
    chat: JSONDict = PRIVATE,
    buttons: tuple[tuple[Button, ...], ...] = (),
) -> JSONDict:
    """A message the bot sent earlier (what a button press or a reply points at)."""
    message: JSONDict = {
        "message_id": next(_ids),
        "date": 0,
        "chat": chat,
        "from": BOT_USER,
        "text": text,
    }
    markup = keyboards.markup(buttons)
    if markup is not None:
        message["reply_markup"] = markup.to_dict()
    return message


def callback(
    data: str, message: JSONDict | None = None, inline_message_id: str | None = None
) -> JSONDict:
    """Ana presses a button carrying `data` under `message` (or under an inline message)."""
    query: JSONDict = {"id": f"cb{next(_ids)}", "from": ANA, "chat_instance": "ci", "data": data}
    if message is not None:
        query["message"] = message
    if inline_message_id is not None:
        query["inline_message_id"] = inline_message_id
    return {"update_id": next(_ids), "callback_query": query}


def inline_query(text: str) -> JSONDict:
    """Ana types "@bot <text>" in some chat."""
    return {
        "update_id": next(_ids),
        "inline_query": {"id": f"iq{next(_ids)}", "from": ANA, "query": text, "offset": ""},
    }


def edited(update: JSONDict) -> JSONDict:
    return {"update_id": next(_ids), "edited_message": {**update["message"], "edit_date": 1}}


# --------------------------------------------------------------------------- harness


@dataclass
class Bot:
    """The Application under test and the recorded Bot API traffic."""

    app: CareerbotApplication
    telegram: RecordingRequest

    async def receive(self, update: JSONDict) -> None:
        await self.app.process_update(Update.de_json(update, self.app.bot))

    def sent(self) -> list[JSONDict]:
        return self.telegram.params("sendMessage")

    def only_sent(self) -> JSONDict:
        sent = self.sent()
        assert len(sent) == 1, self.telegram.methods()
        return sent[0]

    def edits(self) -> list[JSONDict]:
        return self.telegram.params("editMessageText")

    def answers(self) -> list[JSONDict]:
        return self.telegram.params("answerCallbackQuery")


def button_data(params: JSONDict) -> list[str]:
    markup = params.get("reply_markup") or {"inline_keyboard": []}
    return [b["callback_data"] for row in markup["inline_keyboard"] for b in row]


def datas(rows: tuple[tuple[Button, ...], ...]) -> list[str]:
    return [b.data for row in rows for b in row]


async def make_bot(
    core: object | None,
    factory: object | None = None,
    telegram: RecordingRequest | None = None,
    concurrent_updates: int = 1,
) -> Bot:
    telegram = telegram or RecordingRequest()
    app: CareerbotApplication = (
        Application.builder()
        .token(TOKEN)
        .request(telegram)
        .updater(None)
        .concurrent_updates(concurrent_updates)
        .build()
    )
    add_handlers(app)
    if core is not None:
        app.bot_data[CAREERBOT] = core
    if factory is not None:
        app.bot_data[FACTORY] = factory
    await app.initialize()
    telegram.calls.clear()
    return Bot(app, telegram)


@pytest.fixture
async def bot(careerbot: Careerbot) -> AsyncIterator[Bot]:
    harness = await make_bot(careerbot)
    yield harness
    await harness.app.shutdown()


# --------------------------------------------------------------------------- private chats


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


async def test_typing_is_shown_only_when_the_answer_is_slow(
    careerbot: Careerbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "TYPING_AFTER", 0.05)
    slow = await make_bot(SlowCareerbot(careerbot))
    await slow.receive(private_message("nurse vs teacher"))

    assert slow.telegram.methods() == ["sendChatAction", "sendMessage"]
    assert slow.telegram.params("sendChatAction")[0]["action"] == "typing"
    await slow.app.shutdown()


async def test_typing_is_not_shown_while_every_update_slot_is_busy(
    careerbot: Careerbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backlog makes every answer late; a chat action per update would only add to it."""
    monkeypatch.setattr(messages, "TYPING_AFTER", 0.05)
    slow = await make_bot(SlowCareerbot(careerbot), concurrent_updates=2)

    async def through_the_slots(update: JSONDict) -> None:
        parsed = Update.de_json(update, slow.app.bot)
        await slow.app.update_processor.process_update(parsed, slow.app.process_update(parsed))

    await through_the_slots(private_message("nurse vs teacher"))  # alone: typing is shown
    assert slow.telegram.methods() == ["sendChatAction", "sendMessage"]
    slow.telegram.calls.clear()

    await asyncio.gather(*(through_the_slots(private_message(q)) for q in ["nurse", "chef"]))
    assert sorted(slow.telegram.methods()) == ["sendMessage", "sendMessage"]
    await slow.app.shutdown()


# --------------------------------------------------------------------------- groups


async def test_group_command_addressed_to_us_is_answered_quoting_the_question(bot: Bot) -> None:
    update = group_message(f"/compare@{BOT_USERNAME} medical collections vs loss mitigation")
    await bot.receive(update)

    sent = bot.only_sent()
    assert sent["chat_id"] == GROUP["id"]
    assert sent["reply_parameters"] == {
        "message_id": update["message"]["message_id"],
        "allow_sending_without_reply": True,
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


async def test_group_mention_is_answered_without_the_mention(
    bot: Bot, careerbot: Careerbot
) -> None:
    await bot.receive(group_message(f"@{BOT_USERNAME} nurse vs teacher"))

    expected = await careerbot.answer("nurse vs teacher")
    assert bot.only_sent()["text"] == expected.text


# --------------------------------------------------------------------------- buttons


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


# --------------------------------------------------------------------------- inline mode


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


# --------------------------------------------------------------------------- errors


async def test_missing_database_tells_the_user_how_to_fix_it() -> None:
    async def missing() -> Careerbot:
        raise DatabaseMissing("The career database is missing or unreadable.")

    nodb = await make_bot(None, factory=missing)
    await nodb.receive(private_message("nurse vs teacher"))
    await nodb.receive(callback("1.abcd.s.43301100", bot_message()))

    assert nodb.telegram.params("sendMessage")[0]["text"] == DATABASE_MISSING
    assert "careerbot data build" in DATABASE_MISSING
    assert nodb.telegram.params("answerCallbackQuery")[0]["text"] == DATABASE_MISSING
    await nodb.app.shutdown()


async def test_unexpected_error_is_logged_without_the_token_and_the_user_told(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class BrokenCareerbot:
        async def answer(self, text: str, **_: object) -> Reply:
            raise RuntimeError(f"boom at https://api.telegram.org/bot{TOKEN}/sendMessage")

    broken = await make_bot(BrokenCareerbot())
    with caplog.at_level(logging.ERROR):
        await broken.receive(group_message(f"/compare@{BOT_USERNAME} nurse vs teacher"))

    assert broken.telegram.params("sendMessage")[0]["text"] == SORRY
    assert "RuntimeError: boom" in caplog.text
    assert f"in group chat {GROUP['id']}" in caplog.text
    assert TOKEN not in caplog.text and "[redacted]" in caplog.text
    await broken.app.shutdown()


async def test_a_timed_out_answer_is_not_followed_by_an_apology(careerbot: Careerbot) -> None:
    """The answer may have arrived although the call timed out: an apology would be wrong."""

    class Flaky(RecordingRequest):
        async def do_request(self, url: str, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
            if url.endswith("/sendMessage"):
                self.calls.append(Call("sendMessage", {}))
                raise TimedOut("Timed out")
            return await super().do_request(url, *args, **kwargs)

    flaky = await make_bot(careerbot, telegram=Flaky())
    await flaky.receive(private_message("nurse vs teacher"))  # must not raise

    assert flaky.telegram.methods() == ["sendMessage"]  # the answer's one attempt, no apology
    await flaky.app.shutdown()


# --------------------------------------------------------------------------- plumbing


async def test_migration_moves_chat_data(bot: Bot) -> None:
    bot.app.chat_data[GROUP["id"]]["note"] = "kept"  # type: ignore[index]
    moved = {
        "message_id": next(_ids),
        "date": 0,
        "chat": GROUP,
        "from": ANA,
        "migrate_to_chat_id": -1009999,
    }
    await bot.receive({"update_id": next(_ids), "message": moved})

    assert bot.app.chat_data[-1009999] == {"note": "kept"}
    assert GROUP["id"] not in bot.app.chat_data
    assert bot.telegram.calls == []


def test_keyboards_refuse_callback_data_over_64_bytes() -> None:
    assert keyboards.markup(()) is None
    assert keyboards.markup(((Button("ok", "x" * 64),),)) is not None
    with pytest.raises(keyboards.CallbackDataTooLong):
        keyboards.markup(((Button("too long", "é" * 33),),))


def test_log_filter_redacts_the_token_from_messages_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(Settings(telegram_bot_token=TOKEN).redact))
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    try:
        logger.warning("HTTP Request: POST https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise RuntimeError(f"url /bot{TOKEN}/x")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)

    assert TOKEN not in stream.getvalue()
    assert stream.getvalue().count("[redacted]") == 2  # the message and the exception text


# --------------------------------------------------------------------------- location


async def test_state_command_makes_later_answers_local(bot: Bot) -> None:
    await bot.receive(private_message("/state TX"))
    assert "Texas" in bot.only_sent()["text"]
    bot.telegram.calls.clear()
    await bot.receive(private_message("nurse vs teacher"))
    assert "Texas" in bot.only_sent()["text"]
    await bot.receive(private_message("/state US"))


async def test_location_button_answers_with_an_alert_and_keeps_the_message(
    bot: Bot, careerbot: Careerbot
) -> None:
    comparison = await careerbot.answer("nurse vs teacher")
    location = next(b.data for row in comparison.buttons for b in row if "Location" in b.label)
    await bot.receive(callback(location, bot_message(comparison.text, buttons=comparison.buttons)))
    assert bot.telegram.methods() == ["answerCallbackQuery"]
    assert bot.answers()[0]["show_alert"] is True and "/state" in bot.answers()[0]["text"]
