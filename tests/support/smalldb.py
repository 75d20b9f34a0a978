"""A small career database of its own for a test: the hand-written fixture data, built in a
fraction of a second, so a test may delete, damage, lock or rebuild it (the session's real
database is shared and must stay as it is)."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.importers.build import build_database
from tests.support.fixtures_data import write_fixture_data

# Questions the fixture data answers with a profile naming them ("You asked: …").
QUESTIONS = [
    "bill collector",
    "loan officer",
    "loss prevention",
    "computer systems engineer",
    "air crew officer",
]


@dataclass(frozen=True)
class SmallDatabase:
    url: str
    path: Path
    data_dir: Path

    @classmethod
    async def build(cls, where: Path) -> SmallDatabase:
        path = where / "db" / "careerbot.sqlite3"
        built = cls(f"sqlite+aiosqlite:///{path}", path, write_fixture_data(where / "data"))
        await built.rebuild()
        return built

    async def rebuild(self) -> None:
        """`careerbot data build`, as an operator would run it while the bot runs."""
        await build_database(self.data_dir, self.url)

    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.path, timeout=10) as connection:
            return connection.execute(sql, args).fetchall()

    def inbox(self, bot_id: int) -> dict[int, tuple[str | None, float | None]]:
        """update_id -> (claimed_by, done_at) of a bot's inbox rows."""
        rows = self.rows(
            "select update_id, claimed_by, done_at from inbox where bot_id = ?", bot_id
        )
        return {update_id: (owner, done) for update_id, owner, done in rows}


def message_update(update_id: int, chat_id: int, text: str) -> dict[str, Any]:
    """A private message's update, as Telegram sends it."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id % 1_000_000,
            "from": {"id": chat_id, "is_bot": False, "first_name": "Test"},
            "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
            "date": int(time.time()),
            "text": text,
        },
    }


def payload(update: dict[str, Any]) -> str:
    return json.dumps(update)
