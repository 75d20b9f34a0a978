"""Peak memory of a bot process: the Telegram application, the core and its index, after
answering and pressing buttons like a busy bot. Prints JSON for bench.resolution."""

from __future__ import annotations

import asyncio
import json
import resource

import telegram.ext  # noqa: F401  (the bot process has PTB loaded)

from bench.advisor import load as load_advisor
from bench.eval import load_cases
from bot.config import Settings
from bot.service import Careerbot
from store.advisor import AREA_TABLES, PLACE_TABLES


async def exercise() -> None:
    bot = await Careerbot.open(Settings.load().database_url)
    try:
        # A description of the work builds the description index too (issue 13).
        for query in ["someone who fixes cars", *(case.query for case in load_cases()[:150])]:
            reply = await bot.answer(query)
            for row in reply.buttons[:3]:
                for button in row:
                    await bot.press(button.data)
        # The advisor's tables at their fullest: every question of its evaluation set with
        # its buttons, and rankings in more areas and for more occupations than it keeps.
        for case in load_advisor():
            reply = await bot.answer(case["say"])
            for row in reply.buttons:
                for button in row:
                    if button.data:
                        await bot.press(button.data)
        for place in [p for _, _, p in bot.places.metros][: AREA_TABLES + 8]:
            await bot.answer(f"most common jobs in {place.name}")
        for title in [t for case in load_cases()[:400] for t in bot.parse(case.query).titles][
            : PLACE_TABLES + 8
        ]:
            await bot.answer(f"best cities for {title}")
    finally:
        await bot.close()


def main() -> None:
    asyncio.run(exercise())
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_rss_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main()
