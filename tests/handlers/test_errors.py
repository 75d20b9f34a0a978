"""The error handler (handlers.errors): users told briefly, logs without the token."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from telegram.error import TimedOut

from bot.replies import Reply
from bot.service import Careerbot, DatabaseMissing
from handlers.replying import DATABASE_FAULTS, DATABASE_MISSING, SORRY, apology
from store.db import FIXES, DatabaseFault, FaultKind
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
    asked = group_message(f"/compare@{BOT_USERNAME} nurse vs teacher")
    with caplog.at_level(logging.ERROR):
        await broken.receive(asked)

    (sorry,) = broken.telegram.params("sendMessage")
    assert sorry["text"] == SORRY
    assert sorry["reply_parameters"]["message_id"] == asked["message"]["message_id"]  # quoted
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


@pytest.mark.parametrize("kind", list(FaultKind))
async def test_a_database_fault_tells_the_user_what_fixes_it(
    kind: FaultKind, caplog: pytest.LogCaptureFixture
) -> None:
    class FaultyCareerbot:
        async def answer(self, text: str, **_: object) -> Reply:
            raise DatabaseFault(kind) from OSError("the driver's own words")

    faulty = await make_bot(FaultyCareerbot())
    with caplog.at_level(logging.ERROR):
        await faulty.receive(private_message("nurse vs teacher"))

    assert faulty.telegram.params("sendMessage")[0]["text"] == DATABASE_FAULTS[kind]
    assert "Traceback" not in caplog.text  # an operator's problem: the fix, in one line
    assert FIXES[kind] in caplog.text and "the driver's own words" in caplog.text
    await faulty.app.shutdown()


def test_every_fault_has_a_message_and_only_faults_do() -> None:
    assert set(DATABASE_FAULTS) == set(FaultKind)
    assert apology(RuntimeError("a bug")) == SORRY
    assert apology(ValueError("bad input")) == SORRY
    assert apology(None) == SORRY
