"""The error handler (handlers.errors): users told briefly, logs without the token."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from telegram.error import TimedOut

from bot.replies import Reply
from bot.service import Careerbot, DatabaseMissing
from handlers.replying import DATABASE_MISSING, SORRY
from tests.support.recording import (
    BOT_USERNAME,
    GROUP,
    TOKEN,
    Call,
    RecordingRequest,
    bot_message,
    callback,
    group_message,
    make_bot,
    private_message,
)


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
