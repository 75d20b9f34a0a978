"""The running bot through a rebuild and through faults of its SQLite file, with no restart.

`careerbot data build` while the bot runs used to leave /state failing ("attempt to write a
readonly database") until a restart, and a deleted or damaged file never recovered. Here the
real Application polls the fake Bot API over a small database of the test's own, which the
tests rebuild, delete and damage while it runs.
"""

from __future__ import annotations

import pytest

from handlers.replying import DATABASE_FAULTS
from store.db import FaultKind
from tests.support.apps import Chat, bot_settings, running_bot, settled
from tests.support.fakebotapi import FakeBotAPI
from tests.support.smalldb import SmallDatabase

TEXAS = "0000048"


async def test_a_rebuild_while_running_keeps_state_and_new_questions_working(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        chat = Chat(fake_bot_api, app, chat_id=77)
        assert "Saved: <b>Texas</b>" in (await chat.say("/state TX"))["text"]
        assert "$44,000" in (await chat.say("bill collector"))["text"]  # Texas's median

        await small_db.rebuild()

        assert "Texas" in (await chat.say("/state"))["text"]  # the place survived
        assert "$44,000" in (await chat.say("bill collector"))["text"]
        assert "$76,690" in (await chat.say("loan officer"))["text"]  # not read before: new file
        reset = await chat.say("/state US")  # a write, in the new file
        assert "national" in reset["text"].casefold() or "U.S." in reset["text"]
        assert "Saved: <b>Texas</b>" in (await chat.say("/state TX"))["text"]
        await settled(fake_bot_api, app)

    assert small_db.rows("select chat_id, area_code from chat_preference") == [(77, TEXAS)]
    assert not any("Sorry" in m["text"] for m in chat.sent())


async def test_a_rebuild_with_other_data_is_served_without_a_restart(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        chat = Chat(fake_bot_api, app, chat_id=78)
        assert "$47,030" in (await chat.say("bill collector"))["text"]  # read, and remembered
        wages = small_db.data_dir / "bls" / "oews" / "oe.data.2025A01"
        wages.write_text(wages.read_text().replace("47030", "48120"))  # BLS corrected a figure

        await small_db.rebuild()

        assert "$48,120" in (await chat.say("bill collector"))["text"]  # not the remembered one


async def test_a_conversation_goes_on_across_a_rebuild(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase
) -> None:
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        chat = Chat(fake_bot_api, app, chat_id=80)
        await chat.say("bill collector")
        await (await app.bot_data.careerbot()).store.conversations.flush()  # in the old file

        await small_db.rebuild()

        both = (await chat.say("and loan officers?"))["text"]  # refers to the answer before
        assert "Bill and Account Collectors" in both and "Loan Officers" in both
        await (await app.bot_data.careerbot()).store.conversations.flush()  # now in the new file

    kept = small_db.rows("select key from conversation")
    assert any("80" in key for (key,) in kept)


@pytest.mark.parametrize(
    ("damage", "kind"),
    [
        ("delete", FaultKind.MISSING),
        ("overwrite", FaultKind.UNREADABLE),
    ],
)
async def test_a_damaged_database_is_named_and_the_bot_recovers_when_it_is_rebuilt(
    fake_bot_api: FakeBotAPI, small_db: SmallDatabase, damage: str, kind: FaultKind
) -> None:
    async with running_bot(bot_settings(fake_bot_api, small_db.url)) as app:
        chat = Chat(fake_bot_api, app, chat_id=79)
        await chat.say("bill collector")
        if damage == "delete":
            small_db.path.unlink()
        else:
            small_db.path.write_bytes(b"\0garbage" * 4096)  # in place: same file, no database

        assert (await chat.say("loan officer"))["text"] == DATABASE_FAULTS[kind]
        assert (await chat.say("/state TX"))["text"] == DATABASE_FAULTS[kind]
        assert "Bill and Account Collectors" in (await chat.say("bill collector"))["text"]

        await small_db.rebuild()

        assert "Loan Officers" in (await chat.say("loan officer"))["text"]
        assert "Saved: <b>Texas</b>" in (await chat.say("/state TX"))["text"]
