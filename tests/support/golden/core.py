"""How the golden recorder opens the core: the one line to change when the core moves."""

from __future__ import annotations

from typing import Any


async def open_core(database_url: str, index: Any = None) -> Any:
    from bot.service import Careerbot

    return await Careerbot.open(database_url, index=index)
