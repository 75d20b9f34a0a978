"""Shared set-up for the evaluation and benchmarks: settings, the database, the title index."""

from __future__ import annotations

import asyncio

from bot.config import Settings
from bot.service import Careerbot, DatabaseMissing


async def careerbot_async() -> Careerbot:
    try:
        return await Careerbot.open(Settings.load().database_url)
    except DatabaseMissing as error:
        raise SystemExit(f"{error} (or run: make data)") from error


def open_careerbot() -> Careerbot:
    return asyncio.run(careerbot_async())
