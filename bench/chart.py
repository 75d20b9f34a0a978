"""Chart rendering time (goal: <= 300 ms per chart once the bot is warm)."""

from __future__ import annotations

import asyncio
import statistics
import time

from bench.common import careerbot_async
from bench.resolution import percentile

QUESTIONS = (
    "nurse vs teacher",
    "medical collections vs loss mitigation",
    "electrician vs plumber vs welder vs carpenter",
    "surgeon vs dentist in Texas",
)


async def measure() -> list[float]:
    bot = await careerbot_async()
    try:
        replies = [await bot.answer(q) for q in QUESTIONS]
        codes = [[o["code"] for o in r.occupations] for r in replies]
        await bot.chart(codes[0])  # the first chart pays matplotlib's import
        times = []
        for _ in range(5):
            for chart_codes in codes:
                started = time.perf_counter()
                await bot.chart(chart_codes)
                times.append((time.perf_counter() - started) * 1000)
        return times
    finally:
        await bot.close()


def main() -> int:
    times = asyncio.run(measure())
    print(
        f"Chart rendering ({len(times)} charts, warm): p50 {statistics.median(times):.0f} ms, "
        f"p99 {percentile(times, 99):.0f} ms (goal <= 300 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
