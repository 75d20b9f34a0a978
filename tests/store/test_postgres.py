"""The real database on a real PostgreSQL server: built, rebuilt, and answering as on SQLite.

Runs when CAREERBOT_TEST_POSTGRES_URL names a database (`.ci/run` starts a server and sets
it); the database is emptied first. The real data is built into it once, by the CLI, and every
answer is compared with the session's SQLite database built from the same files.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from bot.replies import Reply
from bot.resolver import TitleIndex
from bot.service import Careerbot
from store import models
from store.db import create_engine
from store.importers import build
from store.importers.build import build_database, database_exists
from store.importers.tables import SourceError
from store.queries import CareerStore
from tests.support.apps import (
    SEED_1,
    SEED_2,
    Chat,
    bot_settings,
    callback_data,
    check_everything_sent,
    running_bot,
)
from tests.support.fakebotapi import FakeBotAPI
from tests.support.fixtures_data import write_fixture_data
from tests.support.postgres import URL, all_rows, counts, drop_everything, requires_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.realdata, requires_postgres]

ROOT = Path(__file__).resolve().parents[2]
SUPERGROUP = -1001234567890  # Telegram supergroup ids need 64 bits (BigInteger)

QUESTIONS = [
    SEED_1,
    SEED_2,
    "nurse",
    "RN",
    "med collections",
    "pilot",
    "software developer",
    "registered nurse vs teacher",
    "nurse vs teacher in Texas",
    "electrician vs plumber in Ohio",
    "software developer vs data scientist in Seattle",
    "accountant vs auditor in New York",
    "physician vs surgeon in California",
    "cashier vs barista in Puerto Rico",
    "lawyer vs dentist",
    "truck driver vs welder",
    "web developer vs graphic designer in Austin",
    "switch from teacher to nurse",
    "switch from cashier to accountant",
    "how do I go from nurse to software developer?",
    "nurce vs tacher",
    "nurse vs bank",
    "teacher vs help desk",
    "chief executive vs cook",
    "loan officer vs bill collector",
    "data entry vs receptionist in Florida",
    "hello",
    "help",
    "asdfghjkl vs qwertyuiop",
    "🙂",
    # The advisor (issue 15): rankings, cards, places, pay positions, tools and the quiz.
    "highest paying jobs in Texas without a degree",
    "how do I become a dental hygienist",
    "best cities in texas for welders",
    "I make $55,000 as an accountant in Ohio, is that good?",
    "which jobs use python",
    "is welding a good career?",
    "what career fits me?",
]
# Every button of these answers is pressed, and every button of the views they open.
PRESSED = (
    SEED_1,
    "physician vs surgeon in California",
    "highest paying jobs in Texas without a degree",
    "what career fits me?",
)


def careerbot_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": URL,
        "CAREERBOT_DATA_DIR": str(data_dir),
        "TELEGRAM_BOT_TOKEN": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


async def chat_preference_oid(url: str) -> int:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            oid = await conn.scalar(text("select 'chat_preference'::regclass::oid"))
            return int(oid)
    finally:
        await engine.dispose()


async def set_areas(url: str, areas: dict[int, str | None]) -> None:
    store = CareerStore(create_engine(url))
    try:
        for chat_id, area in areas.items():
            await store.preferences.set_area(chat_id, area)
    finally:
        await store.close()


async def areas_of(url: str, chat_ids: list[int]) -> dict[int, str | None]:
    store = CareerStore(create_engine(url))
    try:
        return {chat_id: await store.preferences.area(chat_id) for chat_id in chat_ids}
    finally:
        await store.close()


@dataclass
class Built:
    """What happened on the way to the module's database."""

    exists_when_empty: bool
    exists_after_first_build: bool
    preferences: dict[int, str | None]
    preference_table: int  # the table's oid before the rebuild
    cli: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def built(real_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """An empty database, a first build (the tiny fixture data), chat preferences, then
    `careerbot data build` of the real data over it: a rebuild, as after a new release."""
    preferences: dict[int, str | None] = {-100123: "0000048", SUPERGROUP: "0042660", 42: None}

    async def first_build() -> tuple[bool, bool, int]:
        await drop_everything(URL)
        empty = await asyncio.to_thread(database_exists, URL)
        await build_database(write_fixture_data(tmp_path_factory.mktemp("tiny")), URL)
        filled = await asyncio.to_thread(database_exists, URL)
        await set_areas(URL, preferences)
        return empty, filled, await chat_preference_oid(URL)

    empty, filled, oid = asyncio.run(first_build())
    cli = careerbot_cli("data", "build", data_dir=real_data_dir)
    return Built(empty, filled, preferences, oid, cli)


@pytest.fixture(scope="module")
def pg_url(built: Built) -> str:
    if built.cli.returncode != 0:
        pytest.fail(f"careerbot data build failed on PostgreSQL:\n{built.cli.stderr}")
    return URL


def test_cli_builds_into_postgresql(built: Built, real_data_dir: Path) -> None:
    assert built.cli.returncode == 0, built.cli.stderr
    assert "built in" in built.cli.stdout and "wage" in built.cli.stdout
    assert not built.exists_when_empty and built.exists_after_first_build
    again = careerbot_cli("data", "build", "--if-missing", data_dir=real_data_dir)
    assert again.returncode == 0, again.stderr
    assert "built in" not in again.stdout  # it is there: --if-missing does nothing


def test_every_table_has_the_same_rows_as_on_sqlite(pg_url: str, real_db_url: str) -> None:
    sqlite_counts, pg_counts = asyncio.run(counts(real_db_url)), asyncio.run(counts(pg_url))
    for name in models.USER_TABLES:  # user data: what the bots wrote
        del sqlite_counts[name], pg_counts[name]
    assert pg_counts == sqlite_counts  # nothing left of the first, tiny build
    assert pg_counts["occupation"] == 1016 and pg_counts["wage"] > 300_000

    sqlite_rows, pg_rows = asyncio.run(all_rows(real_db_url)), asyncio.run(all_rows(pg_url))
    for name, rows in sqlite_rows.items():
        if name not in models.USER_TABLES:  # same values and types: floats, NULLs, booleans
            assert pg_rows[name] == rows, f"table {name} differs"


async def test_rebuild_keeps_chat_preferences_and_their_table(pg_url: str, built: Built) -> None:
    assert await areas_of(pg_url, list(built.preferences)) == built.preferences
    assert await chat_preference_oid(pg_url) == built.preference_table  # never dropped


@pytest.fixture
def without_tasks(real_data_dir: Path, tmp_path: Path) -> Path:
    """The real data, less O*NET's task statements."""
    broken = tmp_path / "data"
    for source in real_data_dir.rglob("*"):
        if source.is_file() and source.name != "Task Statements.xlsx":
            link = broken / source.relative_to(real_data_dir)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(source)
    return broken


async def test_a_build_with_a_missing_file_leaves_postgresql_untouched(
    pg_url: str, without_tasks: Path
) -> None:
    await set_areas(pg_url, {SUPERGROUP: "0000006"})
    before = await all_rows(pg_url)

    with pytest.raises(SourceError, match="Task Statements"):
        await build_database(without_tasks, pg_url)

    assert await all_rows(pg_url) == before


async def test_a_build_failing_while_writing_rolls_back_completely(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tables already dropped, re-created and partly filled: the one transaction undoes it."""
    before = await counts(pg_url)
    preferences = await areas_of(pg_url, [SUPERGROUP])
    insert = build._insert

    async def failing_insert(conn: Any, target: Any, rows: Any) -> int:
        if target.name == "metadata":  # the last table: everything else is written by now
            raise RuntimeError("disk full")
        return await insert(conn, target, rows)

    monkeypatch.setattr(build, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        await build_database(write_fixture_data(tmp_path / "tiny"), pg_url)

    assert await counts(pg_url) == before
    assert await areas_of(pg_url, [SUPERGROUP]) == preferences


def reply_json(reply: Reply) -> dict[str, Any]:
    return {**reply.to_json(), "photo": reply.photo}


async def both_ways(
    sqlite_url: str, index: TitleIndex, pg_url: str
) -> dict[str, list[tuple[str, Any, Any]]]:
    """Per question: (what, on SQLite, on PostgreSQL) for its answer and the presses."""
    on_sqlite = await Careerbot.open(sqlite_url, index=index)
    on_pg = await Careerbot.open(pg_url)  # its own title index, from PostgreSQL's rows
    try:
        results: dict[str, list[tuple[str, Any, Any]]] = {}
        for question in QUESTIONS:
            pairs = results.setdefault(question, [])
            pairs.append(("match", on_sqlite.match(question), on_pg.match(question)))
            first = await on_sqlite.answer(question)
            pairs.append(("answer", reply_json(first), reply_json(await on_pg.answer(question))))
            if question not in PRESSED:
                continue
            views = [b for row in first.buttons for b in row]
            for button in views:
                opened = await on_sqlite.press(button.data)
                pairs.append(
                    (button.label, reply_json(opened), reply_json(await on_pg.press(button.data)))
                )
                for inner in (b for row in opened.buttons for b in row):
                    pairs.append(
                        (
                            f"{button.label} → {inner.label}",
                            reply_json(await on_sqlite.press(inner.data)),
                            reply_json(await on_pg.press(inner.data)),
                        )
                    )
        results["/about"] = [("about", on_sqlite.about().text, on_pg.about().text)]
        return results
    finally:
        await on_sqlite.close()
        await on_pg.close()


@pytest.fixture(scope="module")
def compared(
    pg_url: str, real_db_url: str, real_index: TitleIndex
) -> dict[str, list[tuple[str, Any, Any]]]:
    return asyncio.run(both_ways(real_db_url, real_index, pg_url))


@pytest.mark.parametrize("question", [*QUESTIONS, "/about"])
def test_answers_are_identical_to_sqlite(
    compared: dict[str, list[tuple[str, Any, Any]]], question: str
) -> None:
    for what, on_sqlite, on_pg in compared[question]:
        assert on_pg == on_sqlite, f"{question!r}: {what} differs"


def test_the_comparison_covers_every_view(
    compared: dict[str, list[tuple[str, Any, Any]]],
) -> None:
    replies = [
        on_sqlite
        for pairs in compared.values()
        for what, on_sqlite, _ in pairs
        if what not in ("match", "about")
    ]
    kinds = {reply["kind"] for reply in replies}
    assert {"compare", "profile", "switch", "clarify", "detail"} <= kinds
    views = {reply.get("view") for reply in replies}
    assert {"salary", "skills", "education", "duties", "outlook", "switch"} <= views


async def test_two_instances_share_one_conversation(pg_url: str, real_index: TitleIndex) -> None:
    """Webhook instances behind one balancer: a follow-up may reach the other instance."""
    first = await Careerbot.open(pg_url, index=real_index)
    second = await Careerbot.open(pg_url, index=real_index)
    try:
        asked = await first.answer("nurse vs teacher", chat_id=424_242)
        await first.store.conversations.flush()
        await second.store.conversations.refresh(now=True)
        reply = await second.answer("what about in Ohio?", chat_id=424_242)
        assert reply.kind == "compare" and reply.occupations == tuple(
            o for o in reply.occupations if o["code"] in {x["code"] for x in asked.occupations}
        )
        assert reply.extra["location"]["name"] == "Ohio"
    finally:
        await first.close()
        await second.close()


async def test_the_bot_answers_from_postgresql_end_to_end(
    pg_url: str, fake_bot_api: FakeBotAPI
) -> None:
    settings = bot_settings(fake_bot_api, pg_url)
    async with running_bot(settings) as app:  # the production factory: opens PG
        chat = Chat(fake_bot_api, app)
        answer = await chat.say(SEED_1)
        assert "Bill and Account Collectors" in answer["text"]
        assert "$47,030" in answer["text"]

        salary = callback_data(answer["reply_markup"])[0]
        expected = await chat.core.press(salary)
        edits_before = len(fake_bot_api.calls("editMessageText"))
        answered = await chat.tap(salary, answer)

        assert "text" not in answered
        edit = fake_bot_api.calls("editMessageText")[edits_before]
        assert (edit["chat_id"], edit["message_id"]) == (chat.chat_id, answer["message_id"])
        assert chat.current(answer)["text"] == expected.text
        assert len(chat.sent()) == 1  # edited in place, nothing new sent
    check_everything_sent(fake_bot_api)


async def test_a_conversation_table_from_before_writers_were_named_gains_the_column(
    pg_url: str,
) -> None:
    """A data rebuild keeps PostgreSQL's user tables as they are, older schema and all."""
    from store.conversations import ConversationStore

    engine = create_engine(pg_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("DROP TABLE IF EXISTS conversation"))
            await conn.execute(
                text(
                    "CREATE TABLE conversation (key VARCHAR(64) PRIMARY KEY, data TEXT, "
                    "updated_at FLOAT)"
                )
            )
            await conn.execute(
                text("INSERT INTO conversation VALUES ('c1:1', 'kept', :at)"),
                {"at": time.time()},
            )
        first, second = ConversationStore(engine), ConversationStore(engine)
        await asyncio.gather(first.start(), second.start())  # both upgrade: neither fails
        assert first.get("c1:1") == second.get("c1:1") == "kept"
        first.put("c2:2", "new")
        await first.close()
        await second.refresh(now=True)
        assert second.get("c2:2") == "new"
        await second.close()
    finally:
        await engine.dispose()
