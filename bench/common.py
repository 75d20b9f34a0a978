"""Shared set-up for the evaluation and benchmarks: settings, the database, the title index."""

from __future__ import annotations

import asyncio

from bot.answer import Careerbot, DatabaseMissing
from bot.config import Settings


def open_careerbot() -> Careerbot:
    settings = Settings.load()
    try:
        return asyncio.run(Careerbot.open(settings.database_url))
    except DatabaseMissing as error:
        raise SystemExit(f"{error} (or run: make data)") from error
