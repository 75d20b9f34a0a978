"""Peak memory of a bot process: the Telegram application, the core and its index, after
answering and pressing buttons like a busy bot. Prints JSON for bench.resolution."""

from __future__ import annotations

import asyncio
import json
import resource

import telegram.ext  # noqa: F401  (the bot process has PTB loaded)

from bench.eval import load_cases
from bot.config import Settings
from bot.service import Careerbot


async def exercise() -> None:
    bot = await Careerbot.open(Settings.load().database_url)
    try:
        # A description of the work builds the description index too (issue 13).
        for query in ["someone who fixes cars", *(case.query for case in load_cases()[:150])]:
            reply = await bot.answer(query)
            for row in reply.buttons[:3]:
                for button in row:
                    await bot.press(button.data)
    finally:
        await bot.close()


def main() -> None:
    asyncio.run(exercise())
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_rss_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main()
